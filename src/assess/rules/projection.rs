//! A projection (enrolment counts): the figure is expected near the
//! time-proportional value between baseline and projection, within
//! `tolerance_pct` percent either way. More or fewer than projected is not a
//! lag: inside the band is 符合序时进度 (已达标 in the target year), outside
//! 未达标 (偏离预测), never 滞后.

use super::{RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::number::round_requirement;

/// The kind: near the time-proportional value toward `value`.
pub struct Kind {
    pub value: f64,
    pub tolerance_pct: f64,
}

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        let center = if at.in_target_year {
            self.value
        } else {
            let baseline = figure.baseline.ok_or(Unjudged::NoBaseline {
                year: at.indicator.baseline_year,
            })?;
            super::scheduled(baseline, self.value, at.elapsed)
        };
        Ok(Some(requirement(
            center,
            self.tolerance_pct,
            at.in_target_year,
        )))
    }

    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        status(requirement.met_by(value), at.in_target_year)
    }

    fn trends(&self) -> bool {
        true
    }

    fn projects(&self) -> bool {
        true
    }
}

/// The band around `center`: the time-proportional value before the target
/// year, the projection itself from then on.
pub fn requirement(center: f64, tolerance_pct: f64, in_target_year: bool) -> Requirement {
    let basis = if in_target_year {
        Basis::Target
    } else {
        Basis::Schedule
    };
    band(center, tolerance_pct, basis)
}

/// `center` ± `tolerance_pct` percent of it.
pub fn band(center: f64, tolerance_pct: f64, basis: Basis) -> Requirement {
    let half_width = round_requirement(center.abs() * tolerance_pct / 100.0);
    Requirement::Band {
        center,
        min: round_requirement(center - half_width),
        max: round_requirement(center + half_width),
        basis,
    }
}

pub fn status(meets: bool, in_target_year: bool) -> Status {
    match (meets, in_target_year) {
        (false, _) => Status::Failed,
        (true, true) => Status::Achieved,
        (true, false) => Status::OnTrack,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 在园幼儿数: 3.93 (2020) → 3.9 (2025), ±5 %: in 2023 3.912 ± 0.1956.
    #[test]
    fn the_band_follows_the_schedule_and_is_never_behind() {
        let r = requirement(super::super::scheduled(3.93, 3.9, 0.6), 5.0, false);
        assert_eq!(
            r,
            Requirement::Band {
                center: 3.912,
                min: 3.7164,
                max: 4.1076,
                basis: Basis::Schedule
            }
        );
        assert_eq!(status(r.met_by(3.85), false), Status::OnTrack);
        assert_eq!(status(r.met_by(4.2), false), Status::Failed);
        assert_eq!(status(true, true), Status::Achieved);
    }
}
