//! The words under a table, shared by the terminal table and the Markdown report:
//! the heading, counts per attribute, the verdict, unit conversions and the
//! parts that do not add up.

use super::{Outcome, Style, labels};
use crate::assess::Attribute;
use crate::assess::{IndicatorResult, Status, YearReport};
use crate::lang::Lang;

/// `江津区 · ` before a heading, when the figures name a region.
pub fn region_prefix(region: &str) -> String {
    if region.is_empty() {
        String::new()
    } else {
        format!("{region} · ")
    }
}

pub fn heading(report: &YearReport, lang: Lang) -> String {
    let region = region_prefix(&report.region);
    match lang {
        Lang::Zh => format!(
            "{region}《{}》{}年指标检查（时间进度 {}）",
            report.plan.title,
            report.year,
            labels::percent(report.elapsed)
        ),
        Lang::En => format!(
            "{region}{}: indicators in {} ({} of the plan period elapsed)",
            report.plan.title,
            report.year,
            labels::percent(report.elapsed)
        ),
    }
}

pub fn display_name(r: &IndicatorResult) -> String {
    r.display_name()
}

/// The lines under the table: counts per attribute, the verdict, and notes.
pub fn lines(report: &YearReport, style: Style, outcome: Outcome) -> Vec<String> {
    let lang = style.lang;
    let mut out = Vec::new();
    let s = &report.summary;
    for (attribute, counts) in [
        (Attribute::Binding, &s.binding),
        (Attribute::Expected, &s.expected),
    ] {
        if counts.total == 0 {
            continue;
        }
        let parts: Vec<String> = Status::ALL
            .iter()
            .filter(|st| !st.passes())
            .filter_map(|&st| {
                let n = match st {
                    Status::Behind => counts.behind,
                    Status::Failed => counts.failed,
                    Status::Missing => counts.missing,
                    Status::Undetermined => counts.undetermined,
                    Status::NotAssessed => counts.not_assessed,
                    Status::Achieved | Status::OnTrack => 0,
                };
                (n > 0).then(|| match lang {
                    Lang::Zh => format!("{}{n}项", labels::status(st, lang)),
                    Lang::En => format!("{n} {}", labels::status(st, lang)),
                })
            })
            .collect();
        let rest = if parts.is_empty() {
            String::new()
        } else {
            match lang {
                Lang::Zh => format!("；{}", parts.join("，")),
                Lang::En => format!("; {}", parts.join(", ")),
            }
        };
        out.push(match lang {
            Lang::Zh => format!(
                "{}指标{}项：达到要求{}项（已达标{}，符合序时进度{}）{rest}。",
                labels::attribute(attribute, lang),
                counts.total,
                counts.pass,
                counts.achieved,
                counts.on_track,
            ),
            Lang::En => format!(
                "{} indicators: {} of {} meet the requirement ({} achieved, {} on track){rest}.",
                capitalize(labels::attribute(attribute, lang)),
                counts.pass,
                counts.total,
                counts.achieved,
                counts.on_track,
            ),
        });
    }

    out.push(verdict(report, style, outcome));

    for r in &report.results {
        let (Some(from), Some(actual)) = (&r.converted_from, r.actual) else {
            continue;
        };
        let place = match (&r.file, r.line) {
            (Some(file), Some(line)) => format!("{file}:{line}"),
            _ => String::new(),
        };
        out.push(match lang {
            Lang::Zh => format!(
                "单位换算：{} 填报为 {} {}，按 {} {} 检查（{place}）。",
                display_name(r),
                labels::number(from.value),
                from.unit,
                labels::number(actual),
                r.unit
            ),
            Lang::En => format!(
                "Unit converted: {} was reported as {} {}, checked as {} {} ({place}).",
                display_name(r),
                labels::number(from.value),
                from.unit,
                labels::number(actual),
                r.unit
            ),
        });
    }
    for m in &report.parts_mismatches {
        let name_of = |id: &str| {
            report
                .results
                .iter()
                .find(|r| r.id == id)
                .map(|r| format!("{}/{}", r.category, r.name))
                .unwrap_or_default()
        };
        out.push(match lang {
            Lang::Zh => format!(
                "勾稽关系提示：{} 为 {}，其中各项之和为 {}，二者不一致。",
                name_of(&m.total),
                labels::number(m.total_value),
                labels::number(m.parts_sum)
            ),
            Lang::En => format!(
                "Cross-check: {} is {}, but its parts add up to {}.",
                name_of(&m.total),
                labels::number(m.total_value),
                labels::number(m.parts_sum)
            ),
        });
    }
    out
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The verdict on a year, in words of the run's outcome (decided once, with
/// `--strict` where given), naming the indicators that decide it.
pub fn verdict(report: &YearReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let s = &report.summary;
    let names = |ids: &[String]| -> String {
        ids.iter()
            .filter_map(|id| report.results.iter().find(|r| &r.id == id))
            .map(|r| format!("{}（{}）", display_name(r), labels::status(r.status, lang)))
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
    } else if !outcome.passes() {
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
    } else {
        lang.pick(
            "结论：约束性指标均达到要求。",
            "Verdict: every binding indicator meets its requirement.",
        )
        .to_owned()
    }
}
