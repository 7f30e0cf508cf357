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

/// The kind: a change of `total` over the period, made `from` the figures.
pub struct Kind {
    pub total: f64,
    pub from: Accumulate,
}

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, _figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        // Nothing is cumulated in the baseline year itself.
        if at.year <= at.indicator.baseline_year {
            return Ok(None);
        }
        Ok(Some(requirement(self.total, at.elapsed, at.in_target_year)))
    }

    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        status(
            self.total,
            value,
            requirement.met_by(value),
            at.in_target_year,
        )
    }

    fn completion(&self, figure: &Figure) -> Option<f64> {
        completion(self.total, figure.value?)
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

pub fn requirement(total: f64, elapsed: f64, in_target_year: bool) -> Requirement {
    let cmp = if total >= 0.0 {
        Comparator::GreaterOrEqual
    } else {
        Comparator::LessOrEqual
    };
    if in_target_year {
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

pub fn status(total: f64, cumulative: f64, meets: bool, in_target_year: bool) -> Status {
    let whole = if total >= 0.0 {
        cumulative >= total
    } else {
        cumulative <= total
    };
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
        let r = requirement(13.5, 0.4, false);
        assert_eq!(
            r,
            Requirement::Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 5.4,
                basis: Basis::Schedule
            }
        );
        let cumulative = 2.7973;
        assert_eq!(
            status(13.5, cumulative, r.met_by(cumulative), false),
            Status::Behind
        );
        let c = completion(13.5, cumulative).unwrap();
        assert!((c - 0.2072).abs() < 1e-4, "{c}");
    }

    #[test]
    fn the_whole_total_early_is_achieved_and_the_target_year_asks_all_of_it() {
        let r = requirement(17.0, 0.6, false);
        assert_eq!(status(17.0, 17.5, r.met_by(17.5), false), Status::Achieved);
        assert_eq!(status(17.0, 11.0, r.met_by(11.0), false), Status::OnTrack);
        let last = requirement(17.0, 1.0, true);
        assert_eq!(status(17.0, 16.9, last.met_by(16.9), true), Status::Failed);
        assert_eq!(
            status(17.0, 17.0, last.met_by(17.0), true),
            Status::Achieved
        );
    }
}
