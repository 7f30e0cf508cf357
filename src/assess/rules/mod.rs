//! The kinds of rule an indicator is judged by, one file each: its requirement
//! for a year, the status of a figure against it, and its completion. [`super::judge`] dispatches here; a new kind is a new
//! file, a variant of [`Rule`] and its label in `render/labels.rs`.
//!
//! - [`threshold`]: reach (or hold) a value, on the time-proportional schedule;
//! - [`range`]: stay within bounds every year;
//! - [`projection`]: a projected figure, met within a tolerance band.
//!
//! A rule of kind `none` is not judged: no requirement, status 不考核.

pub mod projection;
pub mod range;
pub mod threshold;

use super::{Basis, Requirement, Status};
use crate::plan::{Indicator, PlanMeta, Rule, YearRequirement};

/// The requirement an indicator places on `year`, or `None` when it is not
/// judged. A requirement the plan sets for one year (an annual plan) replaces
/// the rule's that year, whatever the kind.
pub fn requirement(indicator: &Indicator, meta: &PlanMeta, year: i32) -> Option<Requirement> {
    match indicator.year_requirements.get(&year) {
        Some(YearRequirement::Threshold(t)) => {
            return Some(Requirement::Threshold {
                cmp: t.cmp,
                value: t.value,
                basis: Basis::YearRequirement,
            });
        }
        Some(&YearRequirement::About {
            value,
            tolerance_pct,
        }) => {
            return Some(projection::band(
                value,
                tolerance_pct,
                Basis::YearRequirement,
            ));
        }
        None => {}
    }
    match indicator.rule {
        Rule::NotAssessed => None,
        Rule::Threshold(t) => Some(threshold::requirement(t, indicator.baseline, meta, year)),
        Rule::Range { min, max } => Some(range::requirement(min, max)),
        Rule::Projection {
            value,
            tolerance_pct,
        } => Some(projection::requirement(
            value,
            tolerance_pct,
            indicator.baseline,
            meta,
            year,
        )),
    }
}

/// The status of a figure that was reported, against this year's requirement.
pub fn status(
    indicator: &Indicator,
    meta: &PlanMeta,
    year: i32,
    actual: f64,
    requirement: &Requirement,
) -> Status {
    let in_target_year = year >= meta.target_year;
    let meets = requirement.met_by(actual);
    match indicator.rule {
        Rule::Projection { .. } => projection::status(meets, in_target_year),
        Rule::Range { .. } => range::status(meets, in_target_year),
        // A year's own requirement or the schedule; the target decides 已达标.
        Rule::Threshold(target) => threshold::status(target, actual, meets, in_target_year),
        Rule::NotAssessed => Status::NotAssessed,
    }
}

/// 完成进度, where the kind has one.
pub fn completion(indicator: &Indicator, actual: Option<f64>) -> Option<f64> {
    match indicator.rule {
        Rule::Threshold(target) => threshold::completion(target, indicator.baseline, actual?),
        _ => None,
    }
}

/// Whether the rule reads a projection (its outlook is 偏离预测, never 滞后).
pub fn is_projection(rule: &Rule) -> bool {
    matches!(rule, Rule::Projection { .. })
}

/// The time-proportional value (序时进度) of `year` between the baseline and
/// `target`: the schedule every kind that moves toward a number follows.
pub fn scheduled(baseline: f64, target: f64, meta: &PlanMeta, year: i32) -> f64 {
    crate::number::round_requirement(baseline + (target - baseline) * super::elapsed(meta, year))
}
