//! A band to stay within every year (`rule = { kind = "range", min, max }`):
//! the same requirement in every year; met is 已达标, missed before the
//! target year is 滞后, in it 未达标.

use crate::assess::{Requirement, Status};

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
