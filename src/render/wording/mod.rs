//! The evaluation's summary paragraph in the words official evaluations use
//! (the national 14th plan's mid-term evaluation, December 2023: “纲要提出的
//! 20项主要指标中，16项基本符合或快于预期。其中，……等4项指标提前实现。……等
//! 5项指标快于预期。7项指标基本符合预期，分别是……。……等4项指标相对滞后。”):
//! the count first, then each group with its members named. Made from the
//! evaluation's outlooks, never recomputed; one function for every format
//! that shows it (the terminal's period view, Markdown, the HTML and Word
//! reports); the year's (`year.rs`) and the regions' (`regions.rs`)
//! paragraphs in the same manner.

mod regions;
mod year;

pub use regions::regions_summary;
pub use year::year_summary;

use super::labels;
use crate::assess::period::{IndicatorSeries, Outlook, PeriodReport};
use crate::assess::regions::RegionsReport;
use crate::assess::{IndicatorResult, Status, YearReport};
use crate::lang::Lang;
use crate::vocabulary::Attribute;

/// The groups of the paragraph, in its order, with the outlooks each holds.
const GROUPS: [&[Outlook]; 8] = [
    &[Outlook::AchievedEarly],
    &[Outlook::Achieved],
    &[Outlook::Ahead],
    &[Outlook::OnSchedule, Outlook::Held],
    &[Outlook::Behind, Outlook::MovingAway],
    &[Outlook::OffProjection, Outlook::Failed],
    &[Outlook::Missing, Outlook::Undetermined],
    &[Outlook::NotAssessed],
];

/// An indicator as a sentence names it: without the table's `其中：`, and
/// with its category where another indicator has the same name (义务教育
/// 在校学生数).
pub fn name_in_prose(s: &IndicatorSeries, period: &PeriodReport) -> String {
    let shared = period
        .indicators
        .iter()
        .filter(|o| o.name == s.name)
        .count()
        > 1;
    labels::quoted_in_a_list(match &s.group {
        Some(group) => format!("{group}（{}）", s.name),
        None if shared => format!("{}{}", s.category, s.name),
        None => s.name.clone(),
    })
}

/// A year's indicator as a sentence names it, as [`name_in_prose`].
pub fn result_in_prose(r: &IndicatorResult, report: &YearReport) -> String {
    let shared = report.results.iter().filter(|o| o.name == r.name).count() > 1;
    labels::quoted_in_a_list(match &r.group {
        Some(group) => format!("{group}（{}）", r.name),
        None if shared => format!("{}{}", r.category, r.name),
        None => r.name.clone(),
    })
}

/// The indicators among `series` with lapses, each with its years:
/// `城镇调查失业率（2022年）`.
fn lapsed<'s>(
    series: impl Iterator<Item = &'s IndicatorSeries>,
    period: &PeriodReport,
    lang: Lang,
) -> Vec<String> {
    series
        .filter(|s| !s.lapses.is_empty())
        .map(|s| {
            let years = labels::year_list(&s.lapses, lang);
            match lang {
                Lang::Zh => format!("{}（{years}年）", name_in_prose(s, period)),
                Lang::En => format!("{} ({years})", name_in_prose(s, period)),
            }
        })
        .collect()
}

/// Indicators named, and counted when more than one: `A`, `A、B等2项指标`,
/// `A, B (2)`.
fn counted_names(members: &[&IndicatorSeries], period: &PeriodReport, lang: Lang) -> String {
    match (members.len(), lang) {
        (1, _) => names(members, period, lang),
        (k, Lang::Zh) => format!("{}等{k}项指标", names(members, period, lang)),
        (k, Lang::En) => format!("{} ({k})", names(members, period, lang)),
    }
}

fn names(members: &[&IndicatorSeries], period: &PeriodReport, lang: Lang) -> String {
    list(
        &members
            .iter()
            .map(|s| name_in_prose(s, period))
            .collect::<Vec<_>>(),
        lang,
    )
}

/// Items of a list in prose: joined by 、, but for two quoted items side
/// by side (“生态、生活岸线占比”“公园、绿地服务半径覆盖率”), which GB/T
/// 15834-2011 writes with none between them.
pub fn list(items: &[String], lang: Lang) -> String {
    if lang == Lang::En {
        return items.join(", ");
    }
    // Quoted whole: “…” with no closing mark inside (“15分钟社区生活圈”覆盖率
    // is a name that begins with a quotation, not a quoted item).
    let quoted = |s: &str| {
        s.strip_prefix('“')
            .and_then(|s| s.strip_suffix('”'))
            .is_some_and(|inner| !inner.contains('”'))
    };
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 && !(quoted(&items[i - 1]) && quoted(item)) {
            out.push('、');
        }
        out.push_str(item);
    }
    out
}

/// Those with no figure (未填报) and those filled in but not judged, with
/// no baseline (无法判断), said apart: a reviewer read 未填报数据或无法判断 of
/// indicators that were filled in.
fn not_reported_or_judged(
    members: &[&IndicatorSeries],
    period: &PeriodReport,
    lang: Lang,
) -> String {
    let (missing, unjudged): (Vec<&IndicatorSeries>, Vec<&IndicatorSeries>) = members
        .iter()
        .copied()
        .partition(|s| s.outlook == Outlook::Missing);
    let said = |group: &[&IndicatorSeries]| counted_names(group, period, lang);
    let mut sentences = Vec::new();
    if !missing.is_empty() {
        sentences.push(match lang {
            Lang::Zh => format!("{}未填报数据。", said(&missing)),
            Lang::En => format!(
                "{} {} not reported.",
                said(&missing),
                en(missing.len(), "is", "are")
            ),
        });
    }
    if !unjudged.is_empty() {
        sentences.push(match lang {
            Lang::Zh => format!("{}无法判断。", said(&unjudged)),
            Lang::En => format!("{} cannot be judged.", said(&unjudged)),
        });
    }
    sentences.join(lang.pick("", " "))
}

/// The paragraph's sentences: the count, each group named, then the binding
/// indicators in one sentence.
pub fn summary(period: &PeriodReport, lang: Lang) -> Vec<String> {
    let all = &period.indicators;
    let total = all.len();
    let good = all.iter().filter(|s| s.outlook.on_track()).count();
    // A projection (在校学生数) within its band is no target met: 符合规划预测.
    let projected = |s: &&IndicatorSeries| s.projects;
    let good_projections = all
        .iter()
        .filter(|s| s.outlook.on_track())
        .filter(projected)
        .count();
    // At the target year (总结评估) a target is met or not: no schedule.
    let mut out = vec![match (lang, period.is_final()) {
        (Lang::Zh, false) => format!("规划提出的{total}项主要指标中，{good}项基本符合或快于预期。"),
        (Lang::Zh, true) if good_projections > 0 => {
            format!("规划提出的{total}项主要指标中，{good}项实现了规划目标或符合规划预测。")
        }
        (Lang::Zh, true) => format!("规划提出的{total}项主要指标中，{good}项实现了规划目标。"),
        (Lang::En, false) => {
            format!("Of the plan's {total} main indicators, {good} are on or ahead of schedule.")
        }
        (Lang::En, true) => {
            format!("Of the plan's {total} main indicators, {good} met the plan's target.")
        }
    }];
    for (i, group) in GROUPS.iter().enumerate() {
        let members: Vec<&IndicatorSeries> =
            all.iter().filter(|s| group.contains(&s.outlook)).collect();
        if members.is_empty() {
            continue;
        }
        let k = members.len();
        // A floor or ceiling held is 基本符合（保持） in the table: the
        // sentence that counts it among 基本符合预期 says so too.
        let list = if i == 3 {
            let held: Vec<String> = members
                .iter()
                .map(|s| match (s.outlook, lang) {
                    (Outlook::Held, Lang::Zh) => format!("{}（保持）", name_in_prose(s, period)),
                    (Outlook::Held, Lang::En) => format!("{} (held)", name_in_prose(s, period)),
                    _ => name_in_prose(s, period),
                })
                .collect::<Vec<_>>();
            list(&held, lang)
        } else {
            names(&members, period, lang)
        };
        // One indicator is named, not counted: “A提前实现”, not “A等1项”.
        let list_k = match (k, lang) {
            (1, Lang::Zh) => list.clone(),
            (_, Lang::Zh) => format!("{list}等{k}项指标"),
            (1, Lang::En) => list.clone(),
            (_, Lang::En) => format!("{list} ({k})"),
        };
        let first = i == 0 || out.len() == 1;
        // At the target year the projections met are said apart.
        if i == 1 && period.is_final() && lang == Lang::Zh && members.iter().any(projected) {
            let (bands, targets): (Vec<&IndicatorSeries>, Vec<&IndicatorSeries>) =
                members.iter().copied().partition(projected);
            let said = |group: &[&IndicatorSeries]| counted_names(group, period, lang);
            let mut sentence = String::new();
            if !targets.is_empty() {
                sentence.push_str(&format!("{}已实现。", said(&targets)));
            }
            sentence.push_str(&format!("{}符合规划预测。", said(&bands)));
            out.push(if first {
                format!("其中，{sentence}")
            } else {
                sentence
            });
            continue;
        }
        // Moving away from the target is said in the table's words, not
        // counted among those 相对滞后 (a reviewer's 中期评估 said 相对滞后
        // of a row its table and section 三 called 偏离目标方向).
        if i == 4 && members.iter().any(|s| s.outlook == Outlook::MovingAway) {
            let (away, behind): (Vec<&IndicatorSeries>, Vec<&IndicatorSeries>) = members
                .iter()
                .copied()
                .partition(|s| s.outlook == Outlook::MovingAway);
            let said = |group: &[&IndicatorSeries]| counted_names(group, period, lang);
            let mut sentence = String::new();
            if !behind.is_empty() {
                sentence.push_str(&match lang {
                    Lang::Zh => format!("{}相对滞后。", said(&behind)),
                    Lang::En => format!(
                        "{} {} lagging behind. ",
                        said(&behind),
                        en(behind.len(), "is", "are")
                    ),
                });
            }
            sentence.push_str(&match lang {
                Lang::Zh => format!("{}偏离目标方向。", said(&away)),
                Lang::En => format!(
                    "{} {} moving away from the target.",
                    said(&away),
                    en(away.len(), "is", "are")
                ),
            });
            out.push(sentence);
            continue;
        }
        let sentence = match (i, lang) {
            (0, Lang::Zh) => format!("{list_k}提前实现。"),
            (1, Lang::Zh) => format!("{list_k}已实现。"),
            (2, Lang::Zh) => format!("{list_k}快于预期。"),
            (3, Lang::Zh) if k == 1 => format!("{list}基本符合预期。"),
            (3, Lang::Zh) => format!("{k}项指标基本符合预期，分别是{list}。"),
            (4, Lang::Zh) => format!("{list_k}相对滞后。"),
            // Said as it is: 未达到目标 or 偏离预测, both only when both are there.
            // Before the target year a failure is the year's requirement
            // missed (a ceiling held every year, a band), not the target.
            (5, Lang::Zh) if members.iter().all(|s| s.outlook == Outlook::Failed) => {
                if period.is_final() {
                    format!("{list_k}未达到目标。")
                } else {
                    format!("{list_k}未达标。")
                }
            }
            (5, Lang::Zh) if members.iter().all(|s| s.outlook == Outlook::OffProjection) => {
                format!("{list_k}偏离预测。")
            }
            (5, Lang::Zh) => format!("{list_k}未达到目标或偏离预测。"),
            (6, _) => not_reported_or_judged(&members, period, lang),
            (_, Lang::Zh) => format!("{list_k}不作量化评估。"),
            (0, Lang::En) => format!("{list_k} {} been achieved early.", en(k, "has", "have")),
            (1, Lang::En) => format!("{list_k} {} been achieved.", en(k, "has", "have")),
            (2, Lang::En) => format!("{list_k} {} ahead of schedule.", en(k, "is", "are")),
            (3, Lang::En) if k == 1 => format!("{list} is roughly on schedule."),
            (3, Lang::En) => format!("{k} are roughly on schedule: {list}."),
            (4, Lang::En) => format!("{list_k} {} lagging behind.", en(k, "is", "are")),
            (5, Lang::En) if members.iter().all(|s| s.outlook == Outlook::Failed) => {
                if period.is_final() {
                    format!("{list_k} {} missed the target.", en(k, "has", "have"))
                } else {
                    format!("{list_k} {} missed the requirement.", en(k, "has", "have"))
                }
            }
            (5, Lang::En) if members.iter().all(|s| s.outlook == Outlook::OffProjection) => {
                format!("{list_k} {} left the projection.", en(k, "has", "have"))
            }
            (5, Lang::En) => format!(
                "{list_k} {} missed the target or left the projection.",
                en(k, "has", "have")
            ),
            (_, Lang::En) => format!("{list_k} {} not assessed in numbers.", en(k, "is", "are")),
        };
        // One group holds every indicator the count opened with: said once
        // (was 12项基本符合或快于预期。其中，12项指标基本符合预期).
        if first && i < 4 && k == good && out.len() == 1 {
            out[0] = match lang {
                Lang::Zh => format!("规划提出的{total}项主要指标中，{sentence}"),
                Lang::En => format!("Of the plan's {total} main indicators, {sentence}"),
            };
            continue;
        }
        // 其中 opens the groups inside the count.
        let sentence = match lang {
            Lang::Zh if first && i < 4 => format!("其中，{sentence}"),
            Lang::En if first && i < 4 => format!("Of these, {sentence}"),
            _ => sentence,
        };
        out.push(sentence);
    }
    // A year that missed a requirement of its own (held every year, a
    // range, an annual plan's): the outlook is the latest year's, and a
    // later year cannot make that one good, so it is said.
    let lapsed_names = lapsed(all.iter(), period, lang);
    if !lapsed_names.is_empty() {
        out.push(match lang {
            Lang::Zh => format!("{}未达到当年要求。", lapsed_names.join("、")),
            Lang::En => format!(
                "Missed the year's own requirement: {}.",
                lapsed_names.join(", ")
            ),
        });
    }
    // 不考核 rows are shown, not judged: named apart, never counted among
    // those achieved or on schedule.
    let not_assessed: Vec<String> = all
        .iter()
        .filter(|s| s.attribute == Attribute::Binding && s.outlook == Outlook::NotAssessed)
        .map(|s| name_in_prose(s, period))
        .collect();
    let binding: Vec<&IndicatorSeries> = all
        .iter()
        .filter(|s| s.attribute == Attribute::Binding && s.outlook != Outlook::NotAssessed)
        .collect();
    let not_assessed_sentence = |more: bool| binding_not_assessed(&not_assessed, more, lang);
    if binding.is_empty() && !not_assessed.is_empty() {
        out.push(not_assessed_sentence(false));
    }
    if !binding.is_empty() {
        // The evaluation's list, decided once in the assessment.
        let short: Vec<&IndicatorSeries> = binding
            .iter()
            .copied()
            .filter(|s| period.summary.binding_not_on_track.contains(&s.id))
            .collect();
        let b = binding.len();
        // Those short of the schedule, each named with how it stands
        // (受教育年限（相对滞后）); those with no figure to judge apart.
        let unreported =
            |s: &&IndicatorSeries| matches!(s.outlook, Outlook::Missing | Outlook::Undetermined);
        // Behind by the outlook, and (an outlook on schedule, a pace within
        // 5 %) short of the latest year's requirement: said apart, so the
        // paragraph never calls one indicator both 基本符合预期 and behind
        // its schedule.
        let short_of_year = |s: &&&IndicatorSeries| s.outlook.on_track();
        // Not reported in the run's latest year: judged on an earlier one,
        // and failing the run for it; said apart, with how it stood then.
        let late = |s: &&&IndicatorSeries| s.as_of != period.latest_year;
        let earlier: Vec<String> = short
            .iter()
            .filter(|s| !unreported(s) && late(s))
            .map(|s| match lang {
                Lang::Zh => format!(
                    "{}（按{}年数据{}）",
                    name_in_prose(s, period),
                    s.as_of,
                    labels::standing(s, lang)
                ),
                Lang::En => format!(
                    "{} ({} on its {} figure)",
                    name_in_prose(s, period),
                    labels::standing(s, lang),
                    s.as_of
                ),
            })
            .collect();
        let behind: Vec<String> = short
            .iter()
            .filter(|s| !unreported(s) && !late(s) && !short_of_year(s))
            .map(|s| match lang {
                Lang::Zh => format!(
                    "{}（{}）",
                    name_in_prose(s, period),
                    labels::standing(s, lang)
                ),
                Lang::En => format!(
                    "{} ({})",
                    name_in_prose(s, period),
                    labels::standing(s, lang)
                ),
            })
            .collect();
        let this_year: Vec<String> = short
            .iter()
            .filter(|s| !unreported(s) && !late(s) && short_of_year(s))
            .map(|s| match lang {
                Lang::Zh => format!(
                    "{}（{}年{}）",
                    name_in_prose(s, period),
                    s.as_of,
                    labels::status(s.status, lang)
                ),
                Lang::En => format!(
                    "{} ({} in {})",
                    name_in_prose(s, period),
                    labels::status(s.status, lang),
                    s.as_of
                ),
            })
            .collect();
        // Not reported, and filled in but not judged (no baseline): said
        // apart, as the paragraph says them (未填报或无法判断 was said of
        // rows that had no figure at all: a reviewer's).
        let (missing, unjudged): (Vec<String>, Vec<String>) = {
            let (missing, unjudged): (Vec<&&IndicatorSeries>, Vec<&&IndicatorSeries>) = short
                .iter()
                .filter(|s| unreported(s))
                .partition(|s| s.outlook == Outlook::Missing);
            let named = |v: Vec<&&IndicatorSeries>| -> Vec<String> {
                v.into_iter().map(|s| name_in_prose(s, period)).collect()
            };
            (named(missing), named(unjudged))
        };
        let sep = lang.pick("、", ", ");
        let mut parts: Vec<String> = Vec::new();
        if !behind.is_empty() {
            parts.push(match (lang, period.is_final()) {
                (Lang::Zh, false) => format!("{}未达到序时进度要求", behind.join(sep)),
                (Lang::Zh, true) => format!("{}未实现目标", behind.join(sep)),
                (Lang::En, false) => format!("not on schedule: {}", behind.join(sep)),
                (Lang::En, true) => format!("target not met: {}", behind.join(sep)),
            });
        }
        if !this_year.is_empty() {
            parts.push(match lang {
                Lang::Zh => format!("{}进度基本符合预期，但未达到当年要求", this_year.join(sep)),
                Lang::En => format!(
                    "roughly on schedule but short of the year's requirement: {}",
                    this_year.join(sep)
                ),
            });
        }
        if !earlier.is_empty() {
            let year = period.latest_year;
            parts.push(match lang {
                Lang::Zh => format!("{}{year}年未填报", earlier.join(sep)),
                Lang::En => format!("not reported for {year}: {}", earlier.join(sep)),
            });
        }
        for (group, zh, en) in [
            (&missing, "未填报", "not reported"),
            (&unjudged, "无法判断", "not judged"),
        ] {
            if group.is_empty() {
                continue;
            }
            let k = group.len();
            let shown = list(&group.iter().take(5).cloned().collect::<Vec<_>>(), lang);
            parts.push(match (k, lang) {
                (1, Lang::Zh) => format!("{shown}{zh}"),
                (k, Lang::Zh) => format!("{shown}等{k}项{zh}"),
                (k, Lang::En) if k > 5 => format!("{en}: {shown} and {} more", k - 5),
                (_, Lang::En) => format!("{en}: {shown}"),
            });
        }
        let done = period.is_final();
        // A binding indicator that missed a year's own requirement earlier
        // is said in the binding sentence too: its latest year alone would
        // read 已实现 (巩固率 95.5 in 2023 against ＞96 held; a helper's review).
        let binding_lapsed = lapsed(binding.iter().copied(), period, lang);
        let lapse_clause = match (binding_lapsed.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Zh) => format!("；{}未达到当年要求", binding_lapsed.join(sep)),
            (false, Lang::En) => format!(
                "; the year's own requirement was missed by {}",
                binding_lapsed.join(sep)
            ),
        };
        let sentence = match (parts.is_empty(), lang) {
            (true, Lang::Zh) if b == 1 && done => "1项约束性指标已实现。".to_owned(),
            (true, Lang::Zh) if done => format!("{b}项约束性指标均已实现。"),
            (true, Lang::Zh) if b == 1 => "1项约束性指标已实现或符合序时进度。".to_owned(),
            (true, Lang::Zh) => format!("{b}项约束性指标均已实现或符合序时进度。"),
            (true, Lang::En) if b == 1 && done => "The binding indicator is achieved.".to_owned(),
            (true, Lang::En) if done => format!("All {b} binding indicators are achieved."),
            (true, Lang::En) if b == 1 => {
                "The binding indicator is achieved or on schedule.".to_owned()
            }
            (true, Lang::En) => format!("All {b} binding indicators are achieved or on schedule."),
            (false, Lang::Zh) => format!("{b}项约束性指标中，{}。", parts.join("；")),
            (false, Lang::En) => {
                format!("Of the {b} binding indicators, {}.", parts.join("; "))
            }
        };
        out.push(match sentence.strip_suffix(['。', '.']) {
            Some(body) if !lapse_clause.is_empty() => {
                format!("{body}{lapse_clause}{}", lang.pick("。", "."))
            }
            _ => sentence,
        });
        if !not_assessed.is_empty() {
            out.push(not_assessed_sentence(true));
        }
    }
    out
}

/// The English verb for `k` subjects.
fn en(k: usize, one: &'static str, many: &'static str) -> &'static str {
    if k == 1 { one } else { many }
}

/// The sentences as one paragraph.
pub fn paragraph(period: &PeriodReport, lang: Lang) -> String {
    summary(period, lang).join(lang.pick("", " "))
}

/// The binding indicators shown and not judged (不考核), named: `more`
/// when others were judged.
fn binding_not_assessed(names: &[String], more: bool, lang: Lang) -> String {
    let k = names.len();
    let list = names.join(lang.pick("、", ", "));
    match (more, lang) {
        (true, Lang::Zh) => format!("另有{k}项约束性指标不考核（{list}），未作判断。"),
        (false, Lang::Zh) => format!("{k}项约束性指标均不考核（{list}），未作判断。"),
        (true, Lang::En) => {
            format!("{k} more binding indicators are not assessed ({list}), not judged.")
        }
        (false, Lang::En) => {
            format!("{k} binding indicators are not assessed ({list}), not judged.")
        }
    }
}
