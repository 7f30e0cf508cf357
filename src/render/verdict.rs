//! The verdict on a year, one line in the words of the run's outcome
//! (decided once, in the assessment): the binding indicators that decide it
//! named, those shown and not judged (不考核) named apart, the expected ones
//! under `--strict`.

use super::{Outcome, Style, labels};
use crate::assess::{IndicatorResult, Status, YearReport};
use crate::lang::Lang;
use crate::vocabulary::Attribute;

/// The verdict on a year, in words of the run's outcome (decided once, with
/// `--strict` where given), naming the indicators that decide it.
pub fn verdict(report: &YearReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let s = &report.summary;
    // An indicator judged on an earlier year's figure (a period's latest
    // report) says which year.
    let names = |ids: &[String]| -> String {
        ids.iter()
            .filter_map(|id| report.results.iter().find(|r| &r.id == id))
            .map(|r| {
                let status = labels::status(r.status, lang);
                let name = labels::quoted_in_a_list(r.display_name());
                match (lang, r.as_of) {
                    (Lang::Zh, None) => format!("{name}（{status}）"),
                    (Lang::Zh, Some(y)) => {
                        format!("{name}（{}年未填报；{y}年{status}）", report.year)
                    }
                    (Lang::En, None) => format!("{} ({status})", r.display_name()),
                    (Lang::En, Some(y)) => format!(
                        "{} (not reported for {}; {status} in {y})",
                        r.display_name(),
                        report.year
                    ),
                }
            })
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    };
    if !s.failing_binding.is_empty() {
        match lang {
            Lang::Zh => format!(
                "结论：约束性指标未达到要求：{}。",
                names(&s.failing_binding)
            ),
            Lang::En => format!(
                "Verdict: binding indicators short of their requirement: {}.",
                names(&s.failing_binding)
            ),
        }
    } else if outcome == Outcome::Incomplete {
        // A file could not be read: what was read passes, and no more.
        match lang {
            Lang::Zh => {
                "结论：已检查的约束性指标均达到要求；有数据未能检查，结果不完整。".to_owned()
            }
            Lang::En => "Verdict: the binding indicators checked meet their requirement; some figures could not be checked and the result is incomplete.".to_owned(),
        }
    } else if outcome == Outcome::Fail {
        match lang {
            Lang::Zh => format!(
                "结论：约束性指标均达到要求；严格模式下，预期性指标未达到要求：{}。",
                names(&s.failing_expected)
            ),
            Lang::En => format!(
                "Verdict: binding indicators meet their requirement; in strict mode, expected indicators short of it: {}.",
                names(&s.failing_expected)
            ),
        }
    } else if s.binding.total == 0 {
        match lang {
            Lang::Zh => format!(
                "结论：本规划没有约束性指标；预期性指标{}项中{}项达到要求。",
                s.expected.total, s.expected.pass
            ),
            Lang::En => format!(
                "Verdict: the plan has no binding indicator; {} of {} expected indicators meet their requirement.",
                s.expected.pass, s.expected.total
            ),
        }
    } else if s.binding.not_assessed > 0 {
        // 完成市下达目标 and the like, shown and not judged: the verdict is
        // on the others only, and says which were not judged.
        let shown: Vec<String> = report
            .results
            .iter()
            .filter(|r| r.attribute == Attribute::Binding && r.status == Status::NotAssessed)
            .map(IndicatorResult::display_name)
            .collect();
        let n = shown.len();
        match lang {
            // None judged at all: nothing met.
            Lang::Zh if s.binding.total == n => format!(
                "结论：{n}项约束性指标均不考核（{}），未作判断。",
                shown.join("、")
            ),
            Lang::En if s.binding.total == n => format!(
                "Verdict: all {n} binding indicators are not assessed ({}); none judged.",
                shown.join(", ")
            ),
            Lang::Zh => format!(
                "结论：判断了的约束性指标均达到要求；另有{n}项约束性指标不考核（{}），未作判断。",
                shown.join("、")
            ),
            Lang::En => format!(
                "Verdict: the binding indicators judged meet their requirement; {n} more are not assessed ({}), not judged.",
                shown.join(", ")
            ),
        }
    } else {
        match lang {
            Lang::Zh => "结论：约束性指标均达到要求。".to_owned(),
            Lang::En => "Verdict: every binding indicator meets its requirement.".to_owned(),
        }
    }
}
