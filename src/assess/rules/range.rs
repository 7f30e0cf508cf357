//! A band to stay within every year (`rule = { kind = "range", min, max }`):
//! the same requirement in every year; met is 已达标, missed before the
//! target year is 滞后, in it 未达标.

use super::{RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Requirement, Status};

/// The kind: stay within `[min, max]`.
pub struct Kind {
    pub min: f64,
    pub max: f64,
}

impl RuleKind for Kind {
    fn requirement(&self, _at: &Year, _figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        Ok(Some(requirement(self.min, self.max)))
    }

    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        status(requirement.met_by(value), at.in_target_year)
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
}
