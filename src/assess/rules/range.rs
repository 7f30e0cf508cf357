//! A band to stay within (`4.5%-5%`, `rule = { kind = "range", min, max }`):
//! met is 已达标 in any year. A baseline already within it holds it every
//! year (missed before the target year is 滞后, in it 未达标). A baseline
//! outside it is on its way in: before the target year the requirement is
//! the near edge on the straight line from the baseline (6 → 4.5–5 asks at
//! most 5.4 two fifths of the way), as a threshold's schedule is; the band
//! itself from the target year on.

use super::{RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::plan::Comparator;

/// The kind: stay within `[min, max]`.
pub struct Kind {
    pub min: f64,
    pub max: f64,
}

impl Kind {
    /// The edge a baseline outside the band moves toward, and the side it
    /// comes from (`LessOrEqual`: from above).
    fn approach(&self, baseline: f64) -> Option<(f64, Comparator)> {
        if baseline > self.max {
            Some((self.max, Comparator::LessOrEqual))
        } else if baseline < self.min {
            Some((self.min, Comparator::GreaterOrEqual))
        } else {
            None
        }
    }
}

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        let approach = figure.baseline.and_then(|b| Some((b, self.approach(b)?)));
        match approach {
            Some((baseline, (edge, cmp))) if !at.in_target_year => {
                Ok(Some(Requirement::Threshold {
                    cmp,
                    value: super::scheduled(baseline, edge, at.elapsed),
                    basis: Basis::Schedule,
                }))
            }
            _ => Ok(Some(requirement(self.min, self.max))),
        }
    }

    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        if (self.min..=self.max).contains(&value) {
            return Status::Achieved;
        }
        // On the way in, short of the band: on schedule or behind it. Past
        // its far edge (CPI 6 → 4.5%-5%, 4.0 in 2027) is out of the band on
        // the other side: not on schedule.
        match requirement {
            Requirement::Threshold { cmp, .. } if requirement.met_by(value) => {
                let past_it = if cmp.wants_more() {
                    value > self.max
                } else {
                    value < self.min
                };
                if past_it {
                    status(false, at.in_target_year)
                } else {
                    Status::OnTrack
                }
            }
            _ => status(false, at.in_target_year),
        }
    }

    /// For a baseline outside the band: the way to its near edge.
    fn completion(&self, figure: &Figure) -> Option<f64> {
        let baseline = figure.baseline?;
        let (edge, _) = self.approach(baseline)?;
        Some((figure.value? - baseline) / (edge - baseline))
    }

    fn trends(&self) -> bool {
        true
    }
}

pub fn requirement(min: f64, max: f64) -> Requirement {
    Requirement::Range { min, max }
}

pub fn status(meets: bool, in_target_year: bool) -> Status {
    match (meets, in_target_year) {
        (true, _) => Status::Achieved,
        (false, true) => Status::Failed,
        (false, false) => Status::Behind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_range_is_achieved_and_a_missed_one_behind_then_failed() {
        let r = requirement(4.0, 6.0);
        assert!(r.met_by(4.0) && r.met_by(6.0) && !r.met_by(6.1));
        assert_eq!(status(true, false), Status::Achieved);
        assert_eq!(status(false, false), Status::Behind);
        assert_eq!(status(false, true), Status::Failed);
    }

    #[test]
    fn a_range_approached_from_outside_has_a_schedule_to_its_near_edge() {
        // 6 (2020) → 4.5%-5% (2025): 2022 asks at most 6 − 1 × 2/5 = 5.6.
        let kind = Kind { min: 4.5, max: 5.0 };
        let indicator = crate::assess::fixtures::indicator(
            6.0,
            crate::plan::Rule::Range { min: 4.5, max: 5.0 },
            crate::plan::Attribute::Expected,
        );
        let at = crate::assess::fixtures::year(&indicator, false);
        let figure = |v: f64| Figure {
            value: Some(v),
            baseline: Some(6.0),
            ..Figure::default()
        };
        let r = kind.requirement(&at, &figure(5.5)).unwrap().unwrap();
        assert_eq!(
            r,
            Requirement::Threshold {
                cmp: Comparator::LessOrEqual,
                value: 5.6,
                basis: Basis::Schedule
            }
        );
        assert_eq!(kind.status(&at, 5.5, &r), Status::OnTrack);
        assert_eq!(kind.status(&at, 5.8, &r), Status::Behind);
        assert_eq!(kind.status(&at, 4.8, &r), Status::Achieved);
        // Past the band's far edge: not on schedule.
        assert_eq!(kind.status(&at, 4.0, &r), Status::Behind);
        let c = kind.completion(&figure(5.5)).unwrap();
        assert!((c - 0.5).abs() < 1e-9);
        // The target year asks the band itself.
        let last = crate::assess::fixtures::year(&indicator, true);
        let r = kind.requirement(&last, &figure(5.2)).unwrap().unwrap();
        assert_eq!(r, Requirement::Range { min: 4.5, max: 5.0 });
        assert_eq!(kind.status(&last, 5.2, &r), Status::Failed);
        // A baseline within the band holds it.
        let held = Figure {
            value: Some(4.8),
            baseline: Some(4.7),
            ..Figure::default()
        };
        assert_eq!(
            kind.requirement(&at, &held).unwrap(),
            Some(Requirement::Range { min: 4.5, max: 5.0 })
        );
        assert_eq!(kind.completion(&held), None);
    }
}
