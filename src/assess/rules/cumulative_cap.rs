//! A cap on the cumulative total over the period, printed `[<3256]` in the
//! 年均/累计 column (新增建设用地规模: at most 3256 万亩 over the five years):
//! the yearly figures added (or compounded, or the level's change) to date
//! must stay within the whole cap in every year. There is no schedule to
//! keep: using less of a cap is no delay. Once passed, a cumulative total of
//! yearly amounts cannot come back under it: 未达标 in whatever year.

use super::{Needs, RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::plan::{Accumulate, Comparator};

/// The kind: at most `total` over the period (`strict`: less), made `from`
/// the figures.
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
        Ok(Some(Requirement::Threshold {
            cmp: if self.strict {
                Comparator::Less
            } else {
                Comparator::LessOrEqual
            },
            value: self.total,
            basis: Basis::Target,
        }))
    }

    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        status(requirement.met_by(value), at.in_target_year)
    }

    fn needs(&self) -> Needs {
        super::cumulative::needs(self.from)
    }
}

/// Within the cap: 已达标 in the target year, 符合序时进度 before it; over it:
/// 未达标, in any year.
pub fn status(within: bool, in_target_year: bool) -> Status {
    match (within, in_target_year) {
        (true, true) => Status::Achieved,
        (true, false) => Status::OnTrack,
        (false, _) => Status::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[<3256]`: less than the cap, as `<` is printed; `[≤3256]` allows it.
    #[test]
    fn a_strict_cap_is_not_reached() {
        use crate::assess::fixtures;
        let strict = Kind {
            total: 3256.0,
            from: Accumulate::Sum,
            strict: true,
        };
        let within = Kind {
            strict: false,
            ..strict
        };
        let indicator = fixtures::indicator(
            1.0,
            crate::plan::Rule::NotAssessed,
            crate::plan::Attribute::Binding,
        );
        let at = Year {
            indicator: &indicator,
            year: indicator.baseline_year + 3,
            in_target_year: false,
            elapsed: 0.6,
            compound: false,
            before_period: false,
        };
        let figure = Figure::default();
        let cap = |k: &Kind| k.requirement(&at, &figure).ok().flatten();
        assert!(!cap(&strict).is_some_and(|r| r.met_by(3256.0)));
        assert!(cap(&strict).is_some_and(|r| r.met_by(3255.9)));
        assert!(cap(&within).is_some_and(|r| r.met_by(3256.0)));
    }

    #[test]
    fn a_cap_is_kept_every_year_and_passing_it_fails_at_once() {
        assert_eq!(status(true, false), Status::OnTrack);
        assert_eq!(status(true, true), Status::Achieved);
        assert_eq!(status(false, false), Status::Failed);
        assert_eq!(status(false, true), Status::Failed);
    }
}
