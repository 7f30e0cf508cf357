//! The kinds of rule an indicator is judged by, one file each: its requirement
//! for a year, the status of a figure against it, and its completion. [`super::judge`] dispatches here; a new kind is a new
//! file, a variant of [`Rule`] and its label in `render/labels.rs`.
//!
//! - [`threshold`]: reach (or hold) a value, on the time-proportional schedule;
//! - [`range`]: stay within bounds every year;
//! - [`projection`]: a projected figure, met within a tolerance band;
//! - [`annual`]: a requirement held every year (年均: on the compound average);
//! - [`cumulative`]: a cumulative change `〔N〕` against its share to date;
//! - [`relative`]: relative to another indicator's figure (`高于GDP增长`).
//!
//! A rule of kind `none` is not judged: no requirement, status 不考核.

pub mod annual;
pub mod cumulative;
pub mod projection;
pub mod range;
pub mod relative;
pub mod threshold;

use super::figure::{Figure, Unjudged};
use super::{Basis, Requirement, Status};
use crate::plan::{Indicator, PlanMeta, Rule};

/// The requirement an indicator places on `year`: `Ok(None)` when it is not
/// judged, `Err` when it should be and cannot (no baseline, no reference
/// figure). A requirement the plan sets for one year (an annual plan)
/// replaces the rule's that year, whatever the kind.
pub fn requirement(
    indicator: &Indicator,
    meta: &PlanMeta,
    year: i32,
    figure: &Figure,
) -> Result<Option<Requirement>, Unjudged> {
    if let Some(&each) = indicator.year_requirements.get(&year) {
        return Ok(Some(annual::requirement(each, Basis::YearRequirement)));
    }
    let in_target_year = year >= meta.target_year;
    let baseline = || {
        figure.baseline.ok_or(Unjudged::NoBaseline {
            year: indicator.baseline_year,
        })
    };
    Ok(Some(match indicator.rule {
        Rule::NotAssessed => return Ok(None),
        Rule::Threshold(t) if in_target_year => threshold::target(t),
        Rule::Threshold(t) => match figure.baseline {
            Some(baseline) => {
                threshold::requirement(t, baseline, indicator.elapsed(meta, year), false)
            }
            // No schedule without a baseline, but a figure that meets the
            // target itself needs none.
            None if figure.value.is_some_and(|v| t.holds(v)) => threshold::met_target(t),
            None => {
                return Err(Unjudged::NoBaseline {
                    year: indicator.baseline_year,
                });
            }
        },
        Rule::Range { min, max } => range::requirement(min, max),
        Rule::Projection {
            value,
            tolerance_pct,
        } => {
            let center = if in_target_year {
                value
            } else {
                scheduled(baseline()?, value, indicator.elapsed(meta, year))
            };
            projection::requirement(center, tolerance_pct, in_target_year)
        }
        Rule::Annual { each, .. } => annual::requirement(each, Basis::EveryYear),
        // Nothing is cumulated in the baseline year itself.
        Rule::Cumulative { .. } if year <= indicator.baseline_year => return Ok(None),
        Rule::Cumulative { total, .. } => {
            cumulative::requirement(total, indicator.elapsed(meta, year), in_target_year)
        }
        Rule::Relative {
            cmp, tolerance_pct, ..
        } => match figure.reference {
            Some(reference) => relative::requirement(cmp, tolerance_pct, reference),
            None => return Err(figure.unjudged.clone().unwrap_or(Unjudged::NotCompoundable)),
        },
    }))
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
    if indicator.year_requirements.contains_key(&year) {
        // An annual plan's figure: met or not this year; the target still
        // decides 已达标 for a threshold.
        return match indicator.rule {
            Rule::Threshold(target) => threshold::status(target, actual, meets, in_target_year),
            _ => annual::status(meets, false, in_target_year),
        };
    }
    match indicator.rule {
        Rule::Projection { .. } => projection::status(meets, in_target_year),
        Rule::Range { .. } => range::status(meets, in_target_year),
        Rule::Threshold(target) => threshold::status(target, actual, meets, in_target_year),
        Rule::Annual { average, .. } => annual::status(meets, average, in_target_year),
        Rule::Cumulative { total, .. } => cumulative::status(total, actual, meets, in_target_year),
        Rule::Relative { .. } => annual::status(meets, false, in_target_year),
        Rule::NotAssessed => Status::NotAssessed,
    }
}

/// 完成进度, where the kind has one.
pub fn completion(indicator: &Indicator, figure: &Figure) -> Option<f64> {
    let actual = figure.value?;
    match indicator.rule {
        Rule::Threshold(target) => threshold::completion(target, figure.baseline?, actual),
        Rule::Cumulative { total, .. } => cumulative::completion(total, actual),
        _ => None,
    }
}

/// The pace ratio: what was achieved against what the schedule required by
/// now, the same measure for every kind that has one, so the outlook's bands
/// (快于预期 from the plan's `ahead_ratio`, 基本符合 from its
/// `on_schedule_ratio`, 偏离 below 0) mean one thing for all of them:
///
/// - a target to reach, a cumulative change: 完成进度 ÷ elapsed time;
/// - a rate to exceed every year or on average (年均＞7), or another
///   indicator's rate (高于GDP增长): the rate achieved ÷ the rate required,
///   as Eurostat's SDG monitoring compares an observed growth rate with the
///   required one (only for a positive required rate; a ceiling on a rate
///   asks for no pace).
pub fn pace(
    indicator: &Indicator,
    meta: &PlanMeta,
    year: i32,
    figure: &Figure,
    requirement: Option<&Requirement>,
    completion: Option<f64>,
) -> Option<f64> {
    match indicator.rule {
        Rule::Threshold(_) | Rule::Cumulative { .. } => {
            let share = indicator.elapsed(meta, year);
            completion.filter(|_| share > 0.0).map(|c| c / share)
        }
        Rule::Annual { average: true, .. } | Rule::Relative { .. } => {
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
        _ => None,
    }
}

/// Whether the rule reads a projection (its outlook is 偏离预测, never 滞后).
pub fn is_projection(rule: &Rule) -> bool {
    matches!(rule, Rule::Projection { .. })
}

/// Whether the rule asks for movement toward a number along a schedule, so
/// that meeting it early is 提前实现 (a threshold not met at baseline, a
/// cumulative change); the others hold a line every year.
pub fn moves(rule: &Rule) -> bool {
    matches!(rule, Rule::Threshold(_) | Rule::Cumulative { .. })
}

/// The time-proportional value (序时进度) between the baseline and `target`
/// at `elapsed`: the schedule every kind that moves toward a number follows.
pub fn scheduled(baseline: f64, target: f64, elapsed: f64) -> f64 {
    crate::number::round_requirement(baseline + (target - baseline) * elapsed)
}
