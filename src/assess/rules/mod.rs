//! The kinds of rule an indicator is judged by, one file each, each a
//! [`RuleKind`]: its requirement for a year, the status of a figure against
//! it, its completion and pace, the figure it judges (the year's own, a
//! compound average, a cumulative change, another indicator's), whether the
//! period view fits a trend to it, and whether meeting it early is 提前实现.
//! [`with_kind`] is the one place a [`Rule`] meets its kind; everything else
//! here asks the kind.
//!
//! - [`threshold`]: reach (or hold) a value, on the time-proportional schedule;
//! - [`range`]: stay within bounds every year;
//! - [`projection`]: a projected figure, met within a tolerance band;
//! - [`about`]: a target to reach give or take a tolerance (`1.45左右`);
//! - [`annual`]: a requirement held every year (年均: on the compound average);
//! - [`cumulative`]: a cumulative change `〔N〕` against its share to date;
//! - [`cumulative_cap`]: a cap on the cumulative total `[<N]`, every year;
//! - [`cumulative_range`]: a cumulative total to end within `〔N—M〕`;
//! - [`relative`]: relative to another indicator's figure (`高于GDP增长`);
//! - [`none`]: not judged (不考核).

pub mod about;
pub mod annual;
pub mod cumulative;
pub mod cumulative_cap;
pub mod cumulative_range;
pub mod none;
pub mod projection;
pub mod range;
pub mod relative;
pub mod threshold;

use super::figure::{Figure, Unjudged};
use super::{Basis, Requirement, Status};
use crate::plan::{Indicator, PlanMeta, Rule, YearRequirement};

/// The year a kind judges, with what every kind needs of it.
#[derive(Debug, Clone, Copy)]
pub struct Year<'a> {
    pub indicator: &'a Indicator,
    pub year: i32,
    /// The target year or later: the target itself is asked.
    pub in_target_year: bool,
    /// Share of the indicator's own period elapsed (from its baseline year).
    pub elapsed: f64,
    /// The row asks for a level and, beside it, the level's average yearly
    /// growth (`＞92.7` and `＞6.5%`): the level's schedule is the path of
    /// constant growth from the baseline to the target, not a straight line.
    pub compound: bool,
    /// The plan's baseline year or earlier: its starting point, not one of
    /// its years; a requirement of every year is not asked of it.
    pub before_period: bool,
}

impl<'a> Year<'a> {
    pub fn new(indicator: &'a Indicator, meta: &PlanMeta, year: i32) -> Self {
        Year {
            indicator,
            year,
            in_target_year: year >= meta.target_year,
            elapsed: indicator.elapsed(meta, year),
            compound: grows_at_a_rate(indicator),
            before_period: year <= meta.baseline_year,
        }
    }
}

pub use super::figure::Needs;

/// One kind of rule.
pub trait RuleKind {
    /// The requirement in the year: `Ok(None)` when the kind judges nothing,
    /// `Err` when it should and cannot (no baseline, no reference figure).
    fn requirement(&self, at: &Year, figure: &Figure) -> Result<Option<Requirement>, Unjudged>;

    /// The status of the judged figure `value` against `requirement`.
    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status;

    /// 完成进度, where the kind has one.
    fn completion(&self, _figure: &Figure) -> Option<f64> {
        None
    }

    /// The pace ratio: what was achieved against what the schedule required
    /// by now (see [`pace_by`]). By default 完成进度 ÷ elapsed time: a kind
    /// with a completion keeps the time-proportional schedule; one with none
    /// has no pace.
    fn pace(
        &self,
        at: &Year,
        _figure: &Figure,
        _requirement: Option<&Requirement>,
        completion: Option<f64>,
    ) -> Option<f64> {
        schedule_pace(at, completion)
    }

    /// The 完成进度 the schedule asks by now, where the kind has a
    /// completion: the share of the indicator's period elapsed, unless the
    /// kind's schedule is not a straight line ([`level_due`]).
    fn due(&self, at: &Year, _figure: &Figure) -> f64 {
        at.elapsed
    }

    /// The figure it judges.
    fn needs(&self) -> Needs {
        Needs::Reported
    }

    /// Whether the period view carries a trend of the levels to the target year.
    fn trends(&self) -> bool {
        false
    }

    /// Whether it asks for movement toward a number along a schedule, so
    /// that meeting it early is 提前实现; the others hold a line every year.
    fn moves(&self) -> bool {
        false
    }

    /// Whether it reads a projection (its outlook is 偏离预测, never 滞后).
    fn projects(&self) -> bool {
        false
    }
}

/// The registry: the kind of `rule`, handed to `f`. The one place a [`Rule`]
/// is matched to its kind.
pub fn with_kind<R>(rule: &Rule, f: impl FnOnce(&dyn RuleKind) -> R) -> R {
    match *rule {
        Rule::Threshold(t) => f(&threshold::Kind(t)),
        Rule::Range { min, max } => f(&range::Kind { min, max }),
        Rule::Projection {
            value,
            tolerance_pct,
        } => f(&projection::Kind {
            value,
            tolerance_pct,
        }),
        Rule::About {
            value,
            tolerance_pct,
            cmp,
        } => f(&about::Kind {
            value,
            tolerance_pct,
            cmp,
        }),
        Rule::Annual { each, average } => f(&annual::Kind { each, average }),
        Rule::Cumulative {
            total,
            from,
            strict,
        } => f(&cumulative::Kind {
            total,
            from,
            strict,
        }),
        Rule::CumulativeCap {
            total,
            from,
            strict,
        } => f(&cumulative_cap::Kind {
            total,
            from,
            strict,
        }),
        Rule::CumulativeRange { min, max, from } => f(&cumulative_range::Kind { min, max, from }),
        Rule::Relative {
            to,
            cmp,
            tolerance_pct,
            margin,
        } => f(&relative::Kind {
            to,
            cmp,
            tolerance_pct,
            margin,
        }),
        Rule::NotAssessed => f(&none::Kind),
    }
}

/// The requirement an indicator places on `year`: `Ok(None)` when it is not
/// judged, `Err` when it should be and cannot. A requirement the plan sets
/// for one year (an annual plan) replaces the rule's that year, whatever
/// the kind.
pub fn requirement(
    indicator: &Indicator,
    meta: &PlanMeta,
    year: i32,
    figure: &Figure,
) -> Result<Option<Requirement>, Unjudged> {
    let at = Year::new(indicator, meta, year);
    with_kind(&indicator.rule, |kind| requirement_by(kind, &at, figure))
}

/// [`requirement`], by a kind already found.
pub fn requirement_by(
    kind: &dyn RuleKind,
    at: &Year,
    figure: &Figure,
) -> Result<Option<Requirement>, Unjudged> {
    if let Some(&each) = at.indicator.year_requirements.get(&at.year) {
        // A line the plan holds every year (城镇调查失业率 ＜5.5) still holds
        // in a year an annual plan speaks of (2023: 5.5%左右, at most 5.775):
        // the stricter of the two, or 5.7 passes that year alone.
        if let Rule::Annual {
            each: YearRequirement::Threshold(line),
            average: false,
        } = at.indicator.rule
            && let YearRequirement::Threshold(year) = each
            && line.cmp.wants_more() == year.cmp.wants_more()
            && stricter(line, year)
        {
            return Ok(Some(annual::requirement(
                YearRequirement::Threshold(line),
                Basis::EveryYear,
            )));
        }
        return Ok(Some(annual::requirement(each, Basis::YearRequirement)));
    }
    kind.requirement(at, figure)
}

/// Whether `a` asks more than `b` (same direction): a higher floor, a lower
/// ceiling, or the same number with the number itself excluded.
fn stricter(a: crate::plan::Threshold, b: crate::plan::Threshold) -> bool {
    let further = if a.cmp.wants_more() {
        a.value > b.value
    } else {
        a.value < b.value
    };
    further || (a.value == b.value && a.cmp != a.cmp.inclusive() && b.cmp == b.cmp.inclusive())
}

/// The status of a figure that was reported, against this year's
/// requirement, by a kind already found.
pub fn status_by(kind: &dyn RuleKind, at: &Year, actual: f64, requirement: &Requirement) -> Status {
    if at.indicator.year_requirements.contains_key(&at.year) {
        // An annual plan's figure: met or not this year; the target still
        // decides 已达标 for a threshold.
        // Short of it is 未达标 for that year (the requirement is the
        // year's own, no schedule to be behind: README, 年度要求).
        let meets = requirement.met_by(actual);
        return match at.indicator.rule {
            Rule::Threshold(target) if meets => {
                threshold::status(target, actual, meets, at.in_target_year)
            }
            _ => annual::status(meets, false, at.in_target_year),
        };
    }
    kind.status(at, actual, requirement)
}

/// The pace ratio: what was achieved against what the schedule required by
/// now, the same measure for every kind that has one, so the outlook's bands
/// (快于预期 from the plan's `ahead_ratio`, 基本符合 from its
/// `on_schedule_ratio`, 偏离 below 0) mean one thing for all of them:
///
/// - a target to reach, a cumulative change: 完成进度 ÷ elapsed time
///   ([`schedule_pace`]);
/// - a rate to exceed every year or on average (年均＞7), or another
///   indicator's rate (高于GDP增长): the rate achieved ÷ the rate required,
///   as Eurostat's SDG monitoring compares an observed growth rate with the
///   required one ([`rate_pace`]; only for a positive required rate: a
///   ceiling on a rate asks for no pace).
pub fn pace_by(
    kind: &dyn RuleKind,
    at: &Year,
    figure: &Figure,
    requirement: Option<&Requirement>,
    completion: Option<f64>,
) -> Option<f64> {
    kind.pace(at, figure, requirement, completion)
}

/// 完成进度 ÷ the share of the indicator's period elapsed.
pub fn schedule_pace(at: &Year, completion: Option<f64>) -> Option<f64> {
    completion
        .filter(|_| at.elapsed > 0.0)
        .map(|c| c / at.elapsed)
}

/// The rate achieved ÷ the rate required, for a floor above 0.
pub fn rate_pace(figure: &Figure, requirement: Option<&Requirement>) -> Option<f64> {
    let value = figure.value?;
    match *requirement? {
        Requirement::Threshold {
            cmp,
            value: required,
            ..
        } if cmp.wants_more() && required > 0.0 => Some(value / required),
        _ => None,
    }
}

/// The figure the indicator's kind judges.
pub fn needs(rule: &Rule) -> Needs {
    with_kind(rule, |kind| kind.needs())
}

/// What a rule's requirement is on when it is not the year's figure (年均,
/// 累计, the level less the baseline): what the views name beside it.
pub fn judged_on(rule: &Rule) -> Option<crate::assess::figure::DerivedKind> {
    use crate::assess::figure::DerivedKind;
    match needs(rule) {
        Needs::Derived(kind) => Some(kind),
        Needs::LevelChange => Some(DerivedKind::LevelChange),
        Needs::Reported | Needs::Reference(_) => None,
    }
}

/// [`judged_on`] of an indicator, as [`crate::assess::figure`] makes the
/// figure: yearly amounts in a unit other than percent average to their mean.
pub fn judged_on_of(
    indicator: &crate::plan::Indicator,
) -> Option<crate::assess::figure::DerivedKind> {
    use crate::assess::figure::{DerivedKind, averages_by_mean};
    match judged_on(&indicator.rule) {
        Some(DerivedKind::CompoundAverage) if averages_by_mean(indicator) => {
            Some(DerivedKind::MeanAverage)
        }
        kind => kind,
    }
}

/// Whether the period view carries a trend to the target year.
pub fn trends(rule: &Rule) -> bool {
    with_kind(rule, |kind| kind.trends())
}

/// Whether the rule reads a projection (its outlook is 偏离预测, never 滞后).
pub fn is_projection(rule: &Rule) -> bool {
    with_kind(rule, |kind| kind.projects())
}

/// Whether meeting the rule early is 提前实现 (see [`RuleKind::moves`]).
pub fn moves(rule: &Rule) -> bool {
    with_kind(rule, |kind| kind.moves())
}

/// The time-proportional value (序时进度) between the baseline and `target`
/// at `elapsed`: the schedule every kind that moves toward a number follows.
pub fn scheduled(baseline: f64, target: f64, elapsed: f64) -> f64 {
    crate::number::round_requirement(baseline + (target - baseline) * elapsed)
}

/// The row asks for a level to reach (`＞92.7`, `92.7左右`) and, beside it,
/// the level's average yearly growth (`＞6.5%`): its schedule and its trend
/// are on the path of constant growth. A cap (`<125` beside `<5%`) has no schedule
/// to follow; its trend stays a straight line.
pub fn grows_at_a_rate(indicator: &Indicator) -> bool {
    let to_reach = match indicator.rule {
        Rule::Threshold(t) => t.cmp.wants_more(),
        Rule::About { cmp, .. } => cmp.wants_more(),
        _ => false,
    };
    to_reach
        && matches!(
            indicator.period_rule,
            Some(Rule::Annual { average: true, .. })
        )
}

/// The pace of a level to reach, `target` from `baseline`: completion ÷
/// the share of the way the schedule asks by now — the time elapsed on the
/// straight line, the constant-growth path's share where the row grows at a
/// rate (6.55 % a year was 37 % against 40 %, 0.91, beside 符合序时进度 each
/// year: a reviewer's). For a threshold and a 左右 alike.
pub fn level_pace(
    at: &Year,
    baseline: Option<f64>,
    target: f64,
    completion: Option<f64>,
) -> Option<f64> {
    let due = level_due(at, baseline, target);
    completion.filter(|_| due > 0.0).map(|c| c / due)
}

/// The 完成进度 the schedule of a level to reach asks by now: the time
/// elapsed on the straight line, the share of the way the path of constant
/// growth has come where the row grows at a rate (40 % of the time is 36 %
/// of the way from 67.7 to 92.7). The one measure a pace and every view's
/// "due" are taken against.
pub fn level_due(at: &Year, baseline: Option<f64>, target: f64) -> f64 {
    match baseline {
        Some(b) if at.compound && target != b && at.elapsed > 0.0 => {
            (scheduled_compound(b, target, at.elapsed) - b) / (target - b)
        }
        _ => at.elapsed,
    }
}

/// The level on the path of constant growth from `baseline` to `target`
/// (geometric interpolation, the path a compound average growth rate draws,
/// as Eurostat's growth-rate method reads it); the straight line where
/// either is not positive.
pub fn scheduled_compound(baseline: f64, target: f64, elapsed: f64) -> f64 {
    if baseline > 0.0 && target > 0.0 {
        crate::number::round_requirement(baseline * (target / baseline).powf(elapsed))
    } else {
        scheduled(baseline, target, elapsed)
    }
}
