//! The evaluation's summary paragraph in the words official evaluations use
//! (the national 14th plan's mid-term evaluation, December 2023: “纲要提出的
//! 20项主要指标中，16项基本符合或快于预期。其中，……等4项指标提前实现。……等
//! 5项指标快于预期。7项指标基本符合预期，分别是……。……等4项指标相对滞后。”):
//! the count first, then each group with its members named. Made from the
//! evaluation's outlooks, never recomputed; one function for every format
//! that shows it (the Word report, the HTML report).

use super::labels;
use crate::assess::Attribute;
use crate::assess::period::{IndicatorSeries, Outlook, PeriodReport};
use crate::lang::Lang;

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

/// On course: 基本符合或快于预期 counts these.
fn on_course(o: Outlook) -> bool {
    matches!(
        o,
        Outlook::AchievedEarly
            | Outlook::Achieved
            | Outlook::Ahead
            | Outlook::OnSchedule
            | Outlook::Held
    )
}

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
    match &s.group {
        Some(group) => format!("{group}（{}）", s.name),
        None if shared => format!("{}{}", s.category, s.name),
        None => s.name.clone(),
    }
}

fn names(members: &[&IndicatorSeries], period: &PeriodReport, lang: Lang) -> String {
    members
        .iter()
        .map(|s| name_in_prose(s, period))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// The paragraph's sentences: the count, each group named, then the binding
/// indicators in one sentence.
pub fn summary(period: &PeriodReport, lang: Lang) -> Vec<String> {
    let all = &period.indicators;
    let total = all.len();
    let good = all.iter().filter(|s| on_course(s.outlook)).count();
    let mut out = vec![match lang {
        Lang::Zh => format!("规划提出的{total}项主要指标中，{good}项基本符合或快于预期。"),
        Lang::En => {
            format!("Of the plan's {total} main indicators, {good} are on or ahead of schedule.")
        }
    }];
    for (i, group) in GROUPS.iter().enumerate() {
        let members: Vec<&IndicatorSeries> =
            all.iter().filter(|s| group.contains(&s.outlook)).collect();
        if members.is_empty() {
            continue;
        }
        let k = members.len();
        let list = names(&members, period, lang);
        // One indicator is named, not counted: “A提前实现”, not “A等1项”.
        let list_k = match (k, lang) {
            (1, Lang::Zh) => list.clone(),
            (_, Lang::Zh) => format!("{list}等{k}项指标"),
            (_, Lang::En) => format!("{list} ({k})"),
        };
        let first = i == 0 || out.len() == 1;
        let sentence = match (i, lang) {
            (0, Lang::Zh) => format!("{list_k}提前实现。"),
            (1, Lang::Zh) => format!("{list_k}已实现。"),
            (2, Lang::Zh) => format!("{list_k}快于预期。"),
            (3, Lang::Zh) if k == 1 => format!("{list}基本符合预期。"),
            (3, Lang::Zh) => format!("{k}项指标基本符合预期，分别是{list}。"),
            (4, Lang::Zh) => format!("{list_k}相对滞后。"),
            (5, Lang::Zh) => format!("{list_k}未达到目标或偏离预测。"),
            (6, Lang::Zh) => format!("{list_k}未填报数据或无法判断。"),
            (_, Lang::Zh) => format!("{list_k}不作量化评估。"),
            (0, Lang::En) => format!("{list_k} have been achieved early."),
            (1, Lang::En) => format!("{list_k} have been achieved."),
            (2, Lang::En) => format!("{list_k} are ahead of schedule."),
            (3, Lang::En) => format!("{k} are roughly on schedule: {list}."),
            (4, Lang::En) => format!("{list_k} are lagging behind."),
            (5, Lang::En) => format!("{list_k} have missed the target or left the projection."),
            (6, Lang::En) => format!("{list_k} are not reported or cannot be judged."),
            (_, Lang::En) => format!("{list_k} are not assessed in numbers."),
        };
        // 其中 opens the groups inside the count.
        let sentence = match lang {
            Lang::Zh if first && i < 4 => format!("其中，{sentence}"),
            Lang::En if first && i < 4 => format!("Of these, {sentence}"),
            _ => sentence,
        };
        out.push(sentence);
    }
    let binding: Vec<&IndicatorSeries> = all
        .iter()
        .filter(|s| s.attribute == Attribute::Binding)
        .collect();
    if !binding.is_empty() {
        let short: Vec<&IndicatorSeries> = binding
            .iter()
            .copied()
            .filter(|s| !on_course(s.outlook) && s.outlook != Outlook::NotAssessed)
            .collect();
        let b = binding.len();
        // Each named with how it stands: 受教育年限（相对滞后）.
        let each: String = short
            .iter()
            .map(|s| {
                format!(
                    "{}（{}）",
                    name_in_prose(s, period),
                    labels::outlook(s.outlook, lang)
                )
            })
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "));
        out.push(match (short.is_empty(), lang) {
            (true, Lang::Zh) if b == 1 => "1项约束性指标已实现或符合序时进度。".to_owned(),
            (true, Lang::Zh) => format!("{b}项约束性指标均已实现或符合序时进度。"),
            (true, Lang::En) => format!("All {b} binding indicators are achieved or on schedule."),
            (false, Lang::Zh) => format!("{b}项约束性指标中，{each}未达到序时进度要求。"),
            (false, Lang::En) => {
                format!("Of the {b} binding indicators, these are not on schedule: {each}.")
            }
        });
    }
    out
}

/// The sentences as one paragraph.
pub fn paragraph(period: &PeriodReport, lang: Lang) -> String {
    summary(period, lang).join(lang.pick("", " "))
}
