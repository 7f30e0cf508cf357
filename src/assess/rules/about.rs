//! A target to reach give or take a tolerance, where the baseline says which
//! side counts (`1.45左右` from 1.39: at least 1.45 less `about_pct` %):
//! a threshold on the time-proportional value less its tolerance, the far
//! side open. More than planned of what the plan wants more of is no
//! shortfall; a head count's `左右` stays a [`super::projection`].

use super::{RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::number::round_requirement;
use crate::plan::{Comparator, Threshold};

/// The kind: reach `value` in the direction of `cmp` (≥ or ≤), within
/// `tolerance_pct` percent of it.
pub struct Kind {
    pub value: f64,
    pub tolerance_pct: f64,
    pub cmp: Comparator,
}

impl Kind {
    /// `center` less its tolerance, on the side that matters.
    fn edge(&self, center: f64) -> f64 {
        let margin = round_requirement(center.abs() * self.tolerance_pct / 100.0);
        if self.cmp.wants_more() {
            round_requirement(center - margin)
        } else {
            round_requirement(center + margin)
        }
    }

    /// The target as a threshold, its tolerance taken off.
    fn reached(&self) -> Threshold {
        Threshold {
            cmp: self.cmp.inclusive(),
            value: self.edge(self.value),
        }
    }

    fn threshold(&self, center: f64, basis: Basis) -> Requirement {
        Requirement::Threshold {
            cmp: self.cmp.inclusive(),
            value: self.edge(center),
            basis,
        }
    }
}

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        if at.in_target_year {
            return Ok(Some(self.threshold(self.value, Basis::Target)));
        }
        match figure.baseline {
            Some(baseline) => Ok(Some(self.threshold(
                super::scheduled(baseline, self.value, at.elapsed),
                Basis::Schedule,
            ))),
            None if figure.value.is_some_and(|v| self.reached().holds(v)) => {
                Ok(Some(self.threshold(self.value, Basis::TargetMet)))
            }
            None => Err(Unjudged::NoBaseline {
                year: at.indicator.baseline_year,
            }),
        }
    }

    /// Before the target year, 已达标 (met early) takes the printed value
    /// itself, not its tolerance: 1.41 of 1.39 → 1.45左右 is on schedule.
    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        super::threshold::status(
            Threshold {
                cmp: self.cmp.inclusive(),
                value: self.value,
            },
            value,
            requirement.met_by(value),
            at.in_target_year,
        )
    }

    /// Against the printed value, not its tolerance: 3.9 of 3.7 → 4.1左右
    /// is half way.
    fn completion(&self, figure: &Figure) -> Option<f64> {
        let target = Threshold {
            cmp: self.cmp,
            value: self.value,
        };
        let (baseline, value) = (figure.baseline?, figure.value?);
        (!target.holds(baseline) && self.value != baseline)
            .then(|| (value - baseline) / (self.value - baseline))
    }

    fn pace(
        &self,
        at: &Year,
        _figure: &Figure,
        _requirement: Option<&Requirement>,
        completion: Option<f64>,
    ) -> Option<f64> {
        super::schedule_pace(at, completion)
    }

    fn trends(&self) -> bool {
        true
    }

    fn moves(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 粮食综合生产能力 1.39 → 1.45左右 (national 15th plan), about 5 %.
    const GRAIN: Kind = Kind {
        value: 1.45,
        tolerance_pct: 5.0,
        cmp: Comparator::GreaterOrEqual,
    };

    #[test]
    fn the_near_side_has_the_tolerance_and_the_far_side_is_open() {
        assert_eq!(GRAIN.edge(1.45), 1.3775);
        let target = GRAIN.threshold(1.45, Basis::Target);
        assert!(target.met_by(1.3775));
        assert!(!target.met_by(1.377));
        assert!(target.met_by(1.60), "more capacity than planned");
        let falling = Kind {
            value: 30.0,
            tolerance_pct: 5.0,
            cmp: Comparator::LessOrEqual,
        };
        assert_eq!(falling.edge(30.0), 31.5);
        assert!(falling.threshold(30.0, Basis::Target).met_by(20.0));
        assert!(!falling.threshold(30.0, Basis::Target).met_by(31.6));
    }

    #[test]
    fn statuses_and_completion_against_the_printed_value() {
        // 研发经费投入强度 3.7 → 4.1左右: 3.9 is half way; 4.4 more than planned.
        let rd = Kind {
            value: 4.1,
            tolerance_pct: 5.0,
            cmp: Comparator::GreaterOrEqual,
        };
        let indicator = crate::assess::fixtures::indicator(
            3.7,
            crate::plan::Rule::NotAssessed,
            crate::plan::Attribute::Expected,
        );
        let year = |in_target_year| crate::assess::fixtures::year(&indicator, in_target_year);
        assert_eq!(
            rd.status(&year(true), 4.4, &rd.threshold(4.1, Basis::Target)),
            Status::Achieved
        );
        assert_eq!(
            rd.status(&year(true), 3.9, &rd.threshold(4.1, Basis::Target)),
            Status::Achieved
        );
        assert_eq!(
            rd.status(&year(true), 3.8, &rd.threshold(4.1, Basis::Target)),
            Status::Failed
        );
        // Before it: within the tolerance of the target is on schedule, the
        // target itself met early.
        let schedule = rd.threshold(3.86, Basis::Schedule);
        assert_eq!(rd.status(&year(false), 3.9, &schedule), Status::OnTrack);
        assert_eq!(rd.status(&year(false), 4.1, &schedule), Status::Achieved);
        assert_eq!(rd.status(&year(false), 3.6, &schedule), Status::Behind);
        let figure = |v: f64| Figure {
            value: Some(v),
            baseline: Some(3.7),
            ..Figure::default()
        };
        let c = rd.completion(&figure(3.9)).expect("a completion");
        assert!((c - 0.5).abs() < 1e-9, "{c}");
        let c = rd.completion(&figure(4.4)).expect("a completion");
        assert!((c - 1.75).abs() < 1e-9, "{c}");
    }
}
