//! The judgement: what one indicator's figure in one year rests on
//! ([`gather`]) held against what its rule kind requires.
//! [`decide`] is the one place a status is decided; every view reaches it
//! through [`judge_indicator`] or [`status_of`].

use super::figure::{self, Figure, Unjudged};
use super::{Requirement, Status, rules};
use crate::plan::{Indicator, IndicatorIdx, Plan, PlanMeta, Rule, YearRequirement};
use schemars::JsonSchema;
use serde::Serialize;

/// The judgement of one indicator in one year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Judgement {
    pub requirement: Option<Requirement>,
    pub status: Status,
    /// 完成进度: (actual − baseline) / (target − baseline), for a target still to reach.
    pub completion: Option<f64>,
    /// Why a reported figure could not be judged.
    pub unjudged: Option<Unjudged>,
    /// What was achieved against what the schedule required by now
    /// ([`rules::pace_by`]), where the kind has a pace.
    pub pace_ratio: Option<f64>,
    /// The 完成进度 the schedule asks by now, beside `completion`: the share
    /// of the indicator's period elapsed, or on the path of constant growth
    /// the share of the way that path has come ([`rules::level_due`]).
    pub due: Option<f64>,
    /// The 年均/累计 cell's requirement, judged beside the target-year
    /// cell's when the row prints both; `status` above is then both's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodCheck>,
}

/// The 年均/累计 cell's requirement on a row whose target-year cell holds a
/// target too (`60` beside `〔3.9〕`): what it asked, the figure it judged
/// (the level's change or average growth since the baseline) and its own
/// status.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PeriodCheck {
    /// The cell as printed.
    pub target: String,
    /// The target-year cell's own status, before the two are combined.
    pub target_status: Status,
    pub requirement: Option<Requirement>,
    /// The figure judged.
    pub value: Option<f64>,
    /// The rate the plan's own level target stands for, where the printed
    /// rate is that rate rounded and so asks a little more (十一五: GDP 18.2
    /// → 26.1 万亿元 is 7.48 % a year, printed 7.5): the requirement is
    /// this, and says so.
    pub implied: Option<f64>,
    pub derived: Option<figure::Derived>,
    pub status: Status,
    pub unjudged: Option<Unjudged>,
    pub pace_ratio: Option<f64>,
}

/// Share of the plan period elapsed in `year`: 0 at the baseline, 1 from the target year on.
pub fn elapsed(meta: &PlanMeta, year: i32) -> f64 {
    let span = f64::from(meta.target_year - meta.baseline_year);
    (f64::from(year - meta.baseline_year) / span).clamp(0.0, 1.0)
}

/// Decides the status of a level reported as `actual` against the plan's
/// baseline, for the rules' unit tests (see [`judge_figure`]).
#[cfg(test)]
pub fn judge(indicator: &Indicator, meta: &PlanMeta, year: i32, actual: Option<f64>) -> Judgement {
    judge_figure(indicator, meta, year, &Figure::level(indicator, actual))
}

/// Judges indicator `index` of `plan` in `year` from the figures `lookup`
/// gives: what the judgement rests on ([`gather`]) and the
/// judgement ([`judge_figure`]). Every view — the year, the period, the
/// regions rows and grid — calls this, so they cannot disagree.
pub fn judge_indicator(
    plan: &Plan,
    index: IndicatorIdx,
    year: i32,
    lookup: &impl figure::Lookup,
) -> (Figure, Judgement) {
    let indicator = &plan.indicators[index as usize];
    let figure = gather(plan, index, &indicator.rule, year, lookup);
    let mut judgement = judge_figure(indicator, &plan.meta, year, &figure);
    if let Some(mut period) = period_check(plan, index, year, lookup) {
        period.target_status = judgement.status;
        judgement.status = combine(judgement.status, period.status);
        // The pace of the requirement that holds the row back.
        if !period.status.passes() && period.status != Status::NotAssessed {
            judgement.pace_ratio = period.pace_ratio;
        }
        judgement.period = Some(period);
    }
    (figure, judgement)
}

/// The figure `rule` (the row's own, or its 年均/累计 cell's) judges: what
/// its kind needs, gathered from the statistics.
fn gather(
    plan: &Plan,
    index: IndicatorIdx,
    rule: &crate::plan::Rule,
    year: i32,
    lookup: &impl figure::Lookup,
) -> Figure {
    figure::gather(plan, index, rules::needs(rule), year, lookup)
}

/// The 年均/累计 cell's judgement, on a row that prints both cells.
fn period_check(
    plan: &Plan,
    index: IndicatorIdx,
    year: i32,
    lookup: &impl figure::Lookup,
) -> Option<PeriodCheck> {
    let indicator = &plan.indicators[index as usize];
    let rule = indicator.period_rule.as_ref()?;
    let figure = gather(plan, index, rule, year, lookup);
    let at = rules::Year::new(indicator, &plan.meta, year);
    let implied = implied_rate(indicator, &plan.meta, rule);
    let judged = period_rule_judged(rule, implied);
    let judgement = rules::with_kind(&judged, |kind| judge_by(kind, &at, &figure));
    Some(PeriodCheck {
        target: indicator.period_target.clone().unwrap_or_default(),
        target_status: Status::NotAssessed,
        requirement: judgement.requirement,
        value: figure.value,
        implied: implied.map(|(_, value)| value),
        derived: figure.derived,
        status: judgement.status,
        unjudged: judgement.unjudged,
        pace_ratio: judgement.pace_ratio,
    })
}

/// The status of a row judged by two requirements: met when both are, else
/// the further of the two from meeting (未达标 before 滞后, before 无法判断,
/// before 未填报); a requirement not judged (不考核) leaves the other's.
pub fn combine(target: Status, period: Status) -> Status {
    let rank = |s: Status| match s {
        Status::Failed => 0,
        Status::Behind => 1,
        Status::Undetermined => 2,
        Status::Missing => 3,
        Status::OnTrack => 4,
        Status::Achieved => 5,
        Status::NotAssessed => 6,
    };
    if rank(period) < rank(target) {
        period
    } else {
        target
    }
}

/// Decides the status of one indicator in one year, from what its judgement
/// rests on ([`gather`]). The only place a status is decided.
pub fn judge_figure(
    indicator: &Indicator,
    meta: &PlanMeta,
    year: i32,
    figure: &Figure,
) -> Judgement {
    let at = rules::Year::new(indicator, meta, year);
    rules::with_kind(&indicator.rule, |kind| judge_by(kind, &at, figure))
}

/// The status of indicator `index` of `plan` in `year`, and nothing else:
/// [`judge_indicator`]'s status, decided by the same [`decide`], for the
/// views that show only the status (the regions rows and grid).
pub fn status_of(
    plan: &Plan,
    index: IndicatorIdx,
    year: i32,
    lookup: &impl figure::Lookup,
) -> Status {
    let indicator = &plan.indicators[index as usize];
    let figure = gather(plan, index, &indicator.rule, year, lookup);
    let at = rules::Year::new(indicator, &plan.meta, year);
    let status = rules::with_kind(&indicator.rule, |kind| decide(kind, &at, &figure).1);
    match &indicator.period_rule {
        Some(rule) => {
            let figure = gather(plan, index, rule, year, lookup);
            // The rule the full judgement holds the cell to (a rounded
            // rate held unrounded): the regions row called 6.492 % behind
            // ＞6.5% where the year's report held it to 6.487 and passed it
            // (a property test's generated case).
            let judged = period_rule_judged(rule, implied_rate(indicator, &plan.meta, rule));
            combine(
                status,
                rules::with_kind(&judged, |kind| decide(kind, &at, &figure).1),
            )
        }
        None => status,
    }
}

/// The rule the 年均/累计 cell beside a level is judged by: as printed, or
/// held to the level target's own rate where the printed rate is that rate
/// rounded ([`implied_rate`]). One place, for the year's report and the
/// regions row alike.
fn period_rule_judged(rule: &Rule, implied: Option<(crate::plan::Comparator, f64)>) -> Rule {
    match implied {
        Some((cmp, value)) => Rule::Annual {
            each: YearRequirement::Threshold(crate::plan::Threshold { cmp, value }),
            average: true,
        },
        None => rule.clone(),
    }
}

/// [`judge_figure`], by the indicator's kind.
fn judge_by(kind: &dyn rules::RuleKind, at: &rules::Year, figure: &Figure) -> Judgement {
    let (requirement, status, unjudged) = decide(kind, at, figure);
    let completion = match status {
        Status::NotAssessed | Status::Undetermined => None,
        _ => kind.completion(figure),
    };
    let pace_ratio = match status {
        Status::NotAssessed | Status::Undetermined | Status::Missing => None,
        _ => rules::pace_by(kind, at, figure, requirement.as_ref(), completion),
    };
    Judgement {
        requirement,
        status,
        completion,
        unjudged,
        pace_ratio,
        due: completion.map(|_| kind.due(at, figure)),
        period: None,
    }
}

/// The requirement, the status and why a reported figure cannot be judged:
/// the one place a status is decided.
fn decide(
    kind: &dyn rules::RuleKind,
    at: &rules::Year,
    figure: &Figure,
) -> (Option<Requirement>, Status, Option<Unjudged>) {
    let requirement = rules::requirement_by(kind, at, figure);
    match (requirement, figure.reported) {
        (Ok(None), _) => (None, Status::NotAssessed, None),
        // No figure: the requirement, when it can be made, is still shown.
        (requirement, None) => (requirement.ok().flatten(), Status::Missing, None),
        (Err(why), Some(_)) => (None, Status::Undetermined, Some(why)),
        (Ok(Some(req)), Some(_)) => match figure.value {
            Some(value) => (Some(req), rules::status_by(kind, at, value, &req), None),
            None => (Some(req), Status::Undetermined, figure.unjudged.clone()),
        },
    }
}

/// A 年均 cell printed beside a level target (十一五: GDP 18.2 → 26.1 万亿元,
/// 年均 7.5) states one goal twice: the rate is the level target's rate,
/// rounded to the digits printed (26.1 is 7.48 % a year). Where the printed
/// rate asks more than the level target only by that rounding, it is held
/// to the level target's own rate, so meeting the level exactly meets the
/// rate (it was 未达标 for 0.02); a printed rate the level target does not
/// round to (7.0 beside a level of 6.5 % a year) is held as printed. The
/// figure itself is always compared whole (GB/T 8170's 全数值比较法).
fn implied_rate(
    indicator: &Indicator,
    meta: &PlanMeta,
    rule: &Rule,
) -> Option<(crate::plan::Comparator, f64)> {
    // The level's average growth: a 年均 comparison on a row of levels.
    let Rule::Annual {
        each: YearRequirement::Threshold(t),
        average: true,
    } = rule
    else {
        return None;
    };
    if indicator.measure != crate::plan::Measure::Level {
        return None;
    }
    let baseline = indicator.baseline.filter(|b| *b > 0.0)?;
    let target = crate::plan::consistency::target_value(&indicator.rule).filter(|v| *v > 0.0)?;
    let years = meta.target_year - indicator.baseline_year;
    if years <= 0 {
        return None;
    }
    let implied = ((target / baseline).powf(1.0 / f64::from(years)) - 1.0) * 100.0;
    let digits = printed_decimals(indicator.period_target.as_deref()?)?;
    let scale = 10f64.powi(digits);
    let rounds_to_printed = ((implied * scale).round() / scale - t.value).abs() < 1e-9;
    let asks_more = if t.cmp.wants_more() {
        implied < t.value
    } else {
        implied > t.value
    };
    // Held to the level's own rate, as strictly as the level is asked:
    // 26.1以上 beside ＞7.5% is met at 26.1, so the rate at its 7.4766 too.
    use crate::plan::Comparator::{Greater, GreaterOrEqual, Less, LessOrEqual};
    let cmp = match (&indicator.rule, t.cmp) {
        (Rule::Threshold(level), Greater) if level.cmp == GreaterOrEqual => GreaterOrEqual,
        (Rule::Threshold(level), Less) if level.cmp == LessOrEqual => LessOrEqual,
        (_, cmp) => cmp,
    };
    (rounds_to_printed && asks_more).then(|| (cmp, crate::number::round_requirement(implied)))
}

/// The decimals of the first number printed in a cell, in percent (`7.5` →
/// 1, `＞7` → 0, `＜8‰` → 1: tenths of a percent).
fn printed_decimals(cell: &str) -> Option<i32> {
    let start = cell.find(|c: char| c.is_ascii_digit())?;
    let number: String = cell[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let decimals = number.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    Some(if cell.contains('‰') {
        decimals + 1
    } else {
        decimals
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::fixtures::meta;
    use crate::assess::{Basis, Comparator};
    use crate::plan::{Attribute, Comparator::*, Threshold};
    use crate::vocabulary::Rule;

    fn indicator(baseline: f64, rule: Rule) -> Indicator {
        crate::assess::fixtures::indicator(baseline, rule, Attribute::Expected)
    }

    fn threshold(cmp: Comparator, value: f64) -> Rule {
        Rule::Threshold(Threshold { cmp, value })
    }

    #[test]
    fn a_printed_rate_is_held_to_the_rate_its_level_target_rounds_from() {
        assert_eq!(printed_decimals("7.5"), Some(1));
        assert_eq!(printed_decimals("＞7"), Some(0));
        assert_eq!(printed_decimals("≥7.0%"), Some(1));
        assert_eq!(printed_decimals("＜8‰"), Some(1));
        let gdp = |period: &str| {
            let mut ind = indicator(18.2, threshold(GreaterOrEqual, 26.1));
            ind.baseline_year = 2020;
            ind.period_target = Some(period.to_owned());
            ind
        };
        let rate = |value| Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: GreaterOrEqual,
                value,
            }),
            average: true,
        };
        // 十一五 GDP: 18.2 → 26.1 in five years is 7.4766 %, printed 7.5.
        let (cmp, value) = implied_rate(&gdp("7.5"), &meta(), &rate(7.5)).unwrap();
        assert_eq!(cmp, GreaterOrEqual);
        assert!((value - 7.4766).abs() < 1e-4, "{value}");
        // ＞7.5% beside 26.1以上: as strictly as the level, met at 26.1.
        let strict = Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: Greater,
                value: 7.5,
            }),
            average: true,
        };
        assert_eq!(
            implied_rate(&gdp("＞7.5%"), &meta(), &strict).map(|(cmp, _)| cmp),
            Some(GreaterOrEqual)
        );
        // 7.0 is no rounding of 7.48: held as printed; nor is 7 asked less.
        assert_eq!(implied_rate(&gdp("7.0"), &meta(), &rate(7.0)), None);
        assert_eq!(implied_rate(&gdp("8"), &meta(), &rate(8.0)), None);
    }

    fn status(ind: &Indicator, year: i32, actual: f64) -> Status {
        judge(ind, &meta(), year, Some(actual)).status
    }

    /// 财政性教育经费占比: 17.99 (2020) → ＞19 (2025); 2023 requires 18.596.
    fn spending() -> Indicator {
        indicator(17.99, threshold(Greater, 19.0))
    }

    #[test]
    fn schedule_value_is_time_proportional() {
        let r = judge(&spending(), &meta(), 2023, None).requirement.unwrap();
        assert_eq!(
            r,
            Requirement::Threshold {
                cmp: GreaterOrEqual,
                value: 18.596,
                basis: Basis::Schedule
            }
        );
    }

    #[test]
    fn behind_and_on_track_against_the_schedule() {
        assert_eq!(status(&spending(), 2023, 18.0), Status::Behind);
        assert_eq!(status(&spending(), 2023, 18.7), Status::OnTrack);
    }

    #[test]
    fn exactly_at_the_schedule_value_is_on_track() {
        assert_eq!(status(&spending(), 2023, 18.596), Status::OnTrack);
        assert_eq!(status(&spending(), 2023, 18.595), Status::Behind);
    }

    #[test]
    fn meeting_the_target_early_is_achieved_and_strictness_applies_to_the_target() {
        assert_eq!(status(&spending(), 2023, 19.5), Status::Achieved);
        // ＞19 is not met by 19 itself: on the schedule, but not achieved.
        assert_eq!(status(&spending(), 2023, 19.0), Status::OnTrack);
    }

    #[test]
    fn in_and_after_the_target_year_the_target_is_the_requirement() {
        for year in [2025, 2027] {
            assert_eq!(status(&spending(), year, 19.01), Status::Achieved);
            assert_eq!(status(&spending(), year, 19.0), Status::Failed, "strict ＞");
            assert_eq!(status(&spending(), year, 18.9), Status::Failed);
        }
        let ge = indicator(17.99, threshold(GreaterOrEqual, 19.0));
        assert_eq!(status(&ge, 2025, 19.0), Status::Achieved);
    }

    #[test]
    fn baseline_year_requires_the_baseline() {
        assert_eq!(status(&spending(), 2020, 17.99), Status::OnTrack);
        assert_eq!(status(&spending(), 2020, 17.98), Status::Behind);
    }

    #[test]
    fn a_held_line_is_achieved_while_held_behind_when_broken_failed_at_the_target() {
        // 九年义务教育巩固率: 100 (2020), ＞96.
        let retention = indicator(100.0, threshold(Greater, 96.0));
        let r = judge(&retention, &meta(), 2022, None).requirement.unwrap();
        assert_eq!(
            r,
            Requirement::Threshold {
                cmp: Greater,
                value: 96.0,
                basis: Basis::Hold
            }
        );
        assert_eq!(status(&retention, 2022, 99.0), Status::Achieved);
        assert_eq!(status(&retention, 2022, 96.0), Status::Behind);
        assert_eq!(status(&retention, 2025, 95.0), Status::Failed);
        assert_eq!(
            judge(&retention, &meta(), 2022, Some(99.0)).completion,
            None
        );
    }

    #[test]
    fn lower_is_better_thresholds_run_downwards() {
        let rate = indicator(10.0, threshold(LessOrEqual, 5.0));
        // 2022: 10 − 5 × 2/5 = 8.
        assert_eq!(status(&rate, 2022, 8.0), Status::OnTrack);
        assert_eq!(status(&rate, 2022, 8.1), Status::Behind);
        assert_eq!(status(&rate, 2022, 4.0), Status::Achieved);
        let c = judge(&rate, &meta(), 2022, Some(8.0)).completion.unwrap();
        assert!((c - 0.4).abs() < 1e-12);
    }

    #[test]
    fn a_projection_is_judged_within_its_band() {
        // 在校学生数 12.8 → 11.1, ±5 %: 2023 centre 11.78, band 11.191..12.369.
        let pupils = indicator(
            12.8,
            Rule::Projection {
                value: 11.1,
                tolerance_pct: 5.0,
            },
        );
        let Some(Requirement::Band {
            center, min, max, ..
        }) = judge(&pupils, &meta(), 2023, None).requirement
        else {
            panic!("a band");
        };
        assert_eq!((center, min, max), (11.78, 11.191, 12.369));
        assert_eq!(status(&pupils, 2023, 12.369), Status::OnTrack);
        assert_eq!(status(&pupils, 2023, 11.191), Status::OnTrack);
        assert_eq!(status(&pupils, 2023, 12.4), Status::Failed);
        assert_eq!(status(&pupils, 2025, 11.2), Status::Achieved);
        assert_eq!(status(&pupils, 2025, 12.0), Status::Failed);
        assert_eq!(judge(&pupils, &meta(), 2023, Some(12.0)).completion, None);
    }

    #[test]
    fn a_range_is_held_every_year() {
        let range = indicator(5.0, Rule::Range { min: 4.0, max: 6.0 });
        assert_eq!(status(&range, 2022, 6.0), Status::Achieved);
        assert_eq!(status(&range, 2022, 6.5), Status::Behind);
        assert_eq!(status(&range, 2025, 6.5), Status::Failed);
    }

    #[test]
    fn a_year_requirement_replaces_the_schedule() {
        let mut ind = spending();
        ind.year_requirements.insert(
            2023,
            crate::plan::YearRequirement::Threshold(Threshold {
                cmp: GreaterOrEqual,
                value: 18.2,
            }),
        );
        assert_eq!(status(&ind, 2023, 18.3), Status::OnTrack);
        // Short of the year's own requirement is 未达标 that year, as the
        // README says (a reviewer saw 滞后于序时进度).
        assert_eq!(status(&ind, 2023, 18.1), Status::Failed);
        assert_eq!(
            status(&ind, 2022, 18.3),
            Status::Behind,
            "2022 keeps the schedule: 18.394"
        );
    }

    /// 城镇调查失业率 ＜5.5 every year; the 2023 work report's 5.5%左右 (at
    /// most 5.775) does not loosen it that year.
    #[test]
    fn a_year_requirement_does_not_loosen_a_line_held_every_year() {
        let mut ind = indicator(
            5.2,
            Rule::Annual {
                each: crate::plan::YearRequirement::Threshold(Threshold {
                    cmp: Less,
                    value: 5.5,
                }),
                average: false,
            },
        );
        ind.year_requirements.insert(
            2023,
            crate::plan::YearRequirement::Threshold(Threshold {
                cmp: LessOrEqual,
                value: 5.775,
            }),
        );
        assert_eq!(status(&ind, 2023, 5.7), Status::Failed);
        assert_eq!(status(&ind, 2023, 5.4), Status::Achieved);
        // A stricter year's requirement stands: ≤ 5.0 in 2024.
        ind.year_requirements.insert(
            2024,
            crate::plan::YearRequirement::Threshold(Threshold {
                cmp: LessOrEqual,
                value: 5.0,
            }),
        );
        assert_eq!(status(&ind, 2024, 5.2), Status::Failed);
    }

    #[test]
    fn missing_and_not_assessed() {
        assert_eq!(
            judge(&spending(), &meta(), 2023, None).status,
            Status::Missing
        );
        let qualitative = indicator(0.0, Rule::NotAssessed);
        let j = judge(&qualitative, &meta(), 2023, Some(1.0));
        assert_eq!(j.status, Status::NotAssessed);
        assert_eq!(j.requirement, None);
    }

    #[test]
    fn completion_reads_against_elapsed_time() {
        let j = judge(&spending(), &meta(), 2023, Some(18.596));
        assert!((j.completion.unwrap() - 0.6).abs() < 1e-9);
        assert_eq!(elapsed(&meta(), 2023), 0.6);
        assert_eq!(elapsed(&meta(), 2030), 1.0);
    }

    #[test]
    fn only_failing_statuses_fail_a_run() {
        use Attribute::*;
        for s in Status::ALL {
            let binding_fails = s.fails_run(Binding, false);
            assert_eq!(
                binding_fails,
                matches!(
                    s,
                    Status::Behind | Status::Failed | Status::Missing | Status::Undetermined
                ),
                "{s:?}"
            );
            assert!(!s.fails_run(Expected, false), "{s:?}");
            assert_eq!(s.fails_run(Expected, true), binding_fails, "{s:?}");
        }
    }
}
