//! A cumulative change over the period, printed `〔17〕` in the 年均/累计
//! column: the yearly changes compounded (percent) or added (points, years)
//! to date, by [`crate::assess::figure`], are held against the
//! time-proportional share of the total (序时进度): 40 % of it in the second
//! year of five. Reaching the whole total before the target year is 提前实现:
//! it required movement.

use super::{Needs, RuleKind, Year};
use crate::assess::figure::{DerivedKind, Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::plan::{Accumulate, Comparator};

/// The kind: a change of `total` over the period, made `from` the figures
/// (`strict`: more than `total` in the target year, as `[>5000]` prints it).
pub struct Kind {
    pub total: f64,
    pub from: Accumulate,
    pub strict: bool,
}

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, _figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        // Nothing is cumulated in the baseline year itself.
        if at.year <= at.indicator.baseline_year {
            return Ok(None);
        }
        Ok(Some(requirement(
            self.total,
            at.elapsed,
            at.in_target_year,
            self.strict,
        )))
    }

    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        // Reached early: the whole total, passed when the sign is strict.
        let whole = requirement.met_by(value) && {
            let last = requirement_in_target_year(self.total, self.strict);
            last.met_by(value)
        };
        status(whole, requirement.met_by(value), at.in_target_year)
    }

    fn completion(&self, figure: &Figure) -> Option<f64> {
        completion(self.total, figure.value?)
    }

    fn needs(&self) -> Needs {
        needs(self.from)
    }

    fn moves(&self) -> bool {
        true
    }
}

/// The figure a cumulative total is made of: the yearly changes compounded
/// or added, or the level less the baseline.
pub fn needs(from: Accumulate) -> Needs {
    match from {
        Accumulate::Compound => Needs::Derived(DerivedKind::CompoundCumulative),
        Accumulate::Sum => Needs::Derived(DerivedKind::SumCumulative),
        Accumulate::LevelChange => Needs::LevelChange,
    }
}

/// What the total asks for in a year: its time-proportional share before
/// the target year (reached is enough: the strict sign is for the total
/// itself, as for ＞97), the whole total in it.
pub fn requirement(total: f64, elapsed: f64, in_target_year: bool, strict: bool) -> Requirement {
    let cmp = if total >= 0.0 {
        Comparator::GreaterOrEqual
    } else {
        Comparator::LessOrEqual
    };
    if in_target_year {
        let cmp = match (cmp, strict) {
            (Comparator::GreaterOrEqual, true) => Comparator::Greater,
            (Comparator::LessOrEqual, true) => Comparator::Less,
            (cmp, _) => cmp,
        };
        Requirement::Threshold {
            cmp,
            value: total,
            basis: Basis::Target,
        }
    } else {
        Requirement::Threshold {
            cmp,
            value: crate::number::round_requirement(total * elapsed),
            basis: Basis::Schedule,
        }
    }
}

/// The target year's requirement: the whole total.
fn requirement_in_target_year(total: f64, strict: bool) -> Requirement {
    requirement(total, 1.0, true, strict)
}

/// `whole`: the figure meets what the target year asks (the whole total).
pub fn status(whole: bool, meets: bool, in_target_year: bool) -> Status {
    match (in_target_year, meets) {
        (true, true) => Status::Achieved,
        (true, false) => Status::Failed,
        (false, true) if whole => Status::Achieved,
        (false, true) => Status::OnTrack,
        (false, false) => Status::Behind,
    }
}

/// 完成进度: the share of the total made so far.
pub fn completion(total: f64, cumulative: f64) -> Option<f64> {
    (total != 0.0).then(|| cumulative / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 〔13.5〕 over 2021–2025: 2.7 % then 0.1 % → 2.80 % against 40 % of 13.5.
    #[test]
    fn the_second_year_holds_two_fifths_of_the_total() {
        let r = requirement(13.5, 0.4, false, false);
        assert_eq!(
            r,
            Requirement::Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 5.4,
                basis: Basis::Schedule
            }
        );
        let cumulative = 2.7973;
        assert_eq!(status(false, r.met_by(cumulative), false), Status::Behind);
        let c = completion(13.5, cumulative).unwrap();
        assert!((c - 0.2072).abs() < 1e-4, "{c}");
    }

    #[test]
    fn the_whole_total_early_is_achieved_and_the_target_year_asks_all_of_it() {
        let r = requirement(17.0, 0.6, false, false);
        let whole = |v: f64| requirement_in_target_year(17.0, false).met_by(v);
        assert_eq!(status(whole(17.5), r.met_by(17.5), false), Status::Achieved);
        assert_eq!(status(whole(11.0), r.met_by(11.0), false), Status::OnTrack);
        let last = requirement(17.0, 1.0, true, false);
        assert_eq!(status(true, last.met_by(16.9), true), Status::Failed);
        assert_eq!(status(true, last.met_by(17.0), true), Status::Achieved);
    }

    /// `[>5000]` (城镇新增就业人数, the national 13th outline): 5000 on the
    /// schedule's share before the target year is enough; in it, the sign
    /// asks for more than 5000, as `＞97` asks for more than 97.
    #[test]
    fn a_strict_sign_on_a_total_is_strict_in_the_target_year_only() {
        let fourth = requirement(5000.0, 0.8, false, true);
        assert!(fourth.met_by(4000.0));
        let last = requirement(5000.0, 1.0, true, true);
        assert!(!last.met_by(5000.0));
        assert!(last.met_by(5000.5));
        assert!(!requirement_in_target_year(5000.0, true).met_by(5000.0));
        assert!(requirement_in_target_year(5000.0, false).met_by(5000.0));
    }
}
