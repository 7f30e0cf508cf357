//! A value to reach (or stay beyond): `＞97`, `≥95`, `at_least 55`.
//!
//! The requirement follows the time-proportional schedule from the baseline
//! to the target (met when reached exactly); a baseline that already meets
//! the target must hold it every year; from the target year on, the target
//! itself. A figure that meets the target itself is 已达标 in any year.

use super::{RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::plan::Threshold;

/// The kind: reach (or hold) the threshold.
pub struct Kind(pub Threshold);

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        let t = self.0;
        if at.in_target_year {
            return Ok(Some(target(t)));
        }
        match figure.baseline {
            Some(baseline) if at.compound => Ok(Some(requirement_on(
                t,
                baseline,
                super::scheduled_compound(baseline, t.value, at.elapsed),
            ))),
            Some(baseline) => Ok(Some(requirement(t, baseline, at.elapsed, false))),
            // No schedule without a baseline, but a figure that meets the
            // target itself needs none.
            None if figure.value.is_some_and(|v| t.holds(v)) => Ok(Some(met_target(t))),
            None => Err(Unjudged::NoBaseline {
                year: at.indicator.baseline_year,
            }),
        }
    }

    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        status(self.0, value, requirement.met_by(value), at.in_target_year)
    }

    fn completion(&self, figure: &Figure) -> Option<f64> {
        completion(self.0, figure.baseline?, figure.value?)
    }

    /// On the path of constant growth where the row asks for it (`＞92.7`
    /// beside `＞6.5%`): the completion that path reaches by now, not the
    /// time elapsed, is the pace's measure (6.55 % a year was 37 % against
    /// 40 %, 0.91, beside 符合序时进度 each year: a reviewer's).
    fn pace(
        &self,
        at: &Year,
        figure: &Figure,
        _requirement: Option<&Requirement>,
        completion: Option<f64>,
    ) -> Option<f64> {
        super::level_pace(at, figure.baseline, self.0.value, completion)
    }

    fn due(&self, at: &Year, figure: &Figure) -> f64 {
        super::level_due(at, figure.baseline, self.0.value)
    }

    fn trends(&self) -> bool {
        true
    }

    fn moves(&self) -> bool {
        true
    }
}

/// The target itself: the requirement from the target year on.
pub fn target(target: Threshold) -> Requirement {
    Requirement::Threshold {
        cmp: target.cmp,
        value: target.value,
        basis: Basis::Target,
    }
}

/// The target itself for a figure that meets it when no baseline is known:
/// no schedule can be run, and none is needed.
pub fn met_target(target: Threshold) -> Requirement {
    Requirement::Threshold {
        cmp: target.cmp,
        value: target.value,
        basis: Basis::TargetMet,
    }
}

/// The requirement at `elapsed` (the share of the indicator's period gone).
pub fn requirement(
    target_: Threshold,
    baseline: f64,
    elapsed: f64,
    in_target_year: bool,
) -> Requirement {
    if in_target_year {
        target(target_)
    } else {
        requirement_on(
            target_,
            baseline,
            super::scheduled(baseline, target_.value, elapsed),
        )
    }
}

/// Before the target year, with the schedule's value for the year given:
/// hold a line the baseline met, else reach `scheduled`.
fn requirement_on(target_: Threshold, baseline: f64, scheduled: f64) -> Requirement {
    let Threshold { cmp, value } = target_;
    if cmp.holds(baseline, value) {
        Requirement::Threshold {
            cmp,
            value,
            basis: Basis::Hold,
        }
    } else {
        Requirement::Threshold {
            cmp: cmp.inclusive(),
            value: scheduled,
            basis: Basis::Schedule,
        }
    }
}

pub fn status(
    target: Threshold,
    actual: f64,
    meets_this_year: bool,
    in_target_year: bool,
) -> Status {
    match (in_target_year, meets_this_year) {
        (true, true) => Status::Achieved,
        (true, false) => Status::Failed,
        (false, true) if target.holds(actual) => Status::Achieved,
        (false, true) => Status::OnTrack,
        (false, false) => Status::Behind,
    }
}

/// 完成进度 = (actual − baseline) / (target − baseline), for a target the
/// baseline did not meet yet.
pub fn completion(target: Threshold, baseline: f64, actual: f64) -> Option<f64> {
    if target.holds(baseline) || target.value == baseline {
        return None;
    }
    Some((actual - baseline) / (target.value - baseline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Comparator;

    /// 财政性教育经费占比: 17.99 (2020) → ＞19 (2025).
    const SPENDING: Threshold = Threshold {
        cmp: Comparator::Greater,
        value: 19.0,
    };

    #[test]
    fn the_schedule_runs_from_baseline_to_target_and_is_met_exactly() {
        let r = requirement(SPENDING, 17.99, 0.6, false);
        assert_eq!(
            r,
            Requirement::Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 18.596,
                basis: Basis::Schedule
            }
        );
        assert!(r.met_by(18.596));
    }

    #[test]
    fn a_met_baseline_is_held_and_the_target_year_asks_the_target() {
        let held = requirement(SPENDING, 19.5, 0.4, false);
        assert!(
            matches!(held, Requirement::Threshold { basis: Basis::Hold, value, .. } if value == 19.0)
        );
        let last = requirement(SPENDING, 17.99, 1.0, true);
        assert!(matches!(
            last,
            Requirement::Threshold {
                basis: Basis::Target,
                ..
            }
        ));
    }

    #[test]
    fn statuses_by_year_and_figure() {
        assert_eq!(status(SPENDING, 19.2, true, false), Status::Achieved);
        assert_eq!(status(SPENDING, 18.7, true, false), Status::OnTrack);
        assert_eq!(status(SPENDING, 18.2, false, false), Status::Behind);
        assert_eq!(status(SPENDING, 18.9, false, true), Status::Failed);
    }

    #[test]
    fn completion_only_for_a_target_still_to_reach() {
        let c = completion(SPENDING, 17.99, 18.2).unwrap();
        assert!((c - 0.2079).abs() < 1e-3);
        assert_eq!(completion(SPENDING, 19.5, 19.6), None);
    }
}

#[cfg(test)]
mod pace_tests {
    use super::*;
    use crate::assess::fixtures;
    use crate::plan::{Comparator, Rule, YearRequirement};

    /// A level beside its 年均 rate (`＞92.7` from 67.7 beside `＞6.5%`):
    /// growing 6.55 % a year keeps pace (the ratio was 0.91 on the straight
    /// line while every year was 符合序时进度: a reviewer's).
    #[test]
    fn on_the_path_of_constant_growth_the_pace_is_that_paths() {
        let target = Threshold {
            cmp: Comparator::Greater,
            value: 92.7,
        };
        let mut ind = fixtures::indicator(
            67.7,
            Rule::Threshold(target),
            crate::plan::Attribute::Expected,
        );
        ind.period_rule = Some(Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: Comparator::Greater,
                value: 6.5,
            }),
            average: true,
        });
        let meta = fixtures::meta();
        let at = Year::new(&ind, &meta, meta.baseline_year + 2);
        assert!(at.compound);
        let value = 67.7 * 1.0655_f64.powi(2);
        let figure = Figure {
            baseline: Some(67.7),
            value: Some(value),
            ..Figure::default()
        };
        let kind = Kind(target);
        let pace = kind
            .pace(&at, &figure, None, kind.completion(&figure))
            .expect("a pace");
        assert!(pace > 1.0, "{pace}");
    }
}
