//! A cumulative total over the period to end within a range, printed
//! `〔3000—4000〕` (实施老旧小区改造面积 in 万平方米, 上海市城市更新和住房
//! “十五五”规划): the yearly figures added (or compounded, or the level's
//! change) to date. It is the two totals the plan already has, read
//! together: the lower end a total to reach, on its time-proportional share
//! before the target year, as `〔N〕` is ([`super::cumulative`]); the upper
//! end a cap, passed in no year, as `[<N]` is ([`super::cumulative_cap`]).
//! Within the range before the target year is 提前实现 of the lower end;
//! past the upper end is 未达标 in whatever year (a total of yearly amounts
//! does not come back under it).

use super::{Needs, RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::plan::Accumulate;

/// The kind: a total within `[min, max]` over the period, made `from` the
/// figures.
pub struct Kind {
    pub min: f64,
    pub max: f64,
    pub from: Accumulate,
}

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, _figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        // Nothing is cumulated in the baseline year itself.
        if at.year <= at.indicator.baseline_year {
            return Ok(None);
        }
        Ok(Some(requirement(
            self.min,
            self.max,
            at.elapsed,
            at.in_target_year,
        )))
    }

    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        status(
            value,
            self.min,
            self.max,
            requirement.met_by(value),
            at.in_target_year,
        )
    }

    /// The way to the lower end: a total to reach.
    fn completion(&self, figure: &Figure) -> Option<f64> {
        super::cumulative::completion(self.min, figure.value?)
    }

    fn needs(&self) -> Needs {
        super::cumulative::needs(self.from)
    }

    fn moves(&self) -> bool {
        true
    }
}

/// What the range asks in a year: from the lower end's time-proportional
/// share up to the whole upper end before the target year (behind it is
/// made good later: basis [`Basis::Schedule`], no lapse); the range itself
/// in the target year.
pub fn requirement(min: f64, max: f64, elapsed: f64, in_target_year: bool) -> Requirement {
    if in_target_year {
        Requirement::Band {
            center: min,
            min,
            max,
            basis: Basis::Target,
        }
    } else {
        let share = crate::number::round_requirement(min * elapsed);
        Requirement::Band {
            center: share,
            min: share,
            max,
            basis: Basis::Schedule,
        }
    }
}

/// Past the upper end: 未达标, in any year. Within the range: 已达标 (early,
/// 提前实现, before the target year). Short of the lower end's share: 滞后
/// before the target year, 未达标 in it.
pub fn status(value: f64, min: f64, max: f64, meets: bool, in_target_year: bool) -> Status {
    if value > max {
        return Status::Failed;
    }
    if value >= min {
        return Status::Achieved;
    }
    match (meets, in_target_year) {
        (_, true) => Status::Failed,
        (true, false) => Status::OnTrack,
        (false, false) => Status::Behind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 〔3000—4000〕 over 2026–2030: two fifths of 3000 in 2028's figure of
    /// 2027 (elapsed 0.4), at most 4000 in any year.
    #[test]
    fn before_the_target_year_the_lower_ends_share_and_never_past_the_upper() {
        let r = requirement(3000.0, 4000.0, 0.4, false);
        assert_eq!(
            r,
            Requirement::Band {
                center: 1200.0,
                min: 1200.0,
                max: 4000.0,
                basis: Basis::Schedule
            }
        );
        let judge = |v: f64| status(v, 3000.0, 4000.0, r.met_by(v), false);
        assert_eq!(judge(1199.0), Status::Behind);
        assert_eq!(judge(1200.0), Status::OnTrack);
        assert_eq!(judge(3000.0), Status::Achieved);
        assert_eq!(judge(4000.0), Status::Achieved);
        assert_eq!(judge(4000.5), Status::Failed);
    }

    #[test]
    fn the_target_year_asks_the_range_itself() {
        let r = requirement(3000.0, 4000.0, 1.0, true);
        let judge = |v: f64| status(v, 3000.0, 4000.0, r.met_by(v), true);
        assert_eq!(judge(2999.0), Status::Failed);
        assert_eq!(judge(3500.0), Status::Achieved);
        assert_eq!(judge(4100.0), Status::Failed);
    }

    #[test]
    fn completion_is_the_way_to_the_lower_end() {
        let kind = Kind {
            min: 3000.0,
            max: 4000.0,
            from: Accumulate::Sum,
        };
        let figure = Figure {
            value: Some(1500.0),
            ..Figure::default()
        };
        assert_eq!(kind.completion(&figure), Some(0.5));
        assert_eq!(
            kind.needs(),
            super::super::cumulative::needs(Accumulate::Sum)
        );
    }
}
