//! A requirement held in every year, printed in the 年均/累计 column:
//! `城镇调查失业率 ＜5.5` on each year's figure, `研发经费投入年均增长 ＞7`
//! on the compound average of the yearly rates to date (the figure
//! [`crate::assess::figure`] derives). No schedule from the baseline: the
//! requirement is the same every year.

use super::{Needs, RuleKind, Year};
use crate::assess::figure::{DerivedKind, Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::plan::YearRequirement;

/// The kind: `each` every year, on the year's figure or, with `average`,
/// on the compound average of the yearly rates to date.
pub struct Kind {
    pub each: YearRequirement,
    pub average: bool,
}

impl RuleKind for Kind {
    /// Not of the baseline year: a 2025 file checked against 2026–2030's
    /// 每年6900 failed a binding row (exit 1), and the period paragraph
    /// named 2025 as a lapse (a reviewer's).
    fn requirement(&self, at: &Year, _figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        if at.before_period {
            return Ok(None);
        }
        Ok(Some(requirement(self.each, Basis::EveryYear)))
    }

    /// An average above its range (深圳 2016 `8—8.5%`, 9 % to date) is
    /// outside it, not behind: 未达标 for the year, as a band of 同步 is.
    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        let above = match *requirement {
            Requirement::Range { max, .. } | Requirement::Band { max, .. } => value > max,
            Requirement::Threshold { .. } => false,
        };
        if above {
            return Status::Failed;
        }
        status(requirement.met_by(value), self.average, at.in_target_year)
    }

    /// An average rate: the rate achieved ÷ the rate required.
    fn pace(
        &self,
        _at: &Year,
        figure: &Figure,
        requirement: Option<&Requirement>,
        _completion: Option<f64>,
    ) -> Option<f64> {
        if self.average {
            super::rate_pace(figure, requirement)
        } else {
            None
        }
    }

    fn needs(&self) -> Needs {
        if self.average {
            Needs::Derived(DerivedKind::CompoundAverage)
        } else {
            Needs::Reported
        }
    }
}

/// The requirement of one year: `basis` says whether every year's
/// ([`Basis::EveryYear`]) or one year's of an annual plan.
pub fn requirement(each: YearRequirement, basis: Basis) -> Requirement {
    match each {
        YearRequirement::Threshold(t) => Requirement::Threshold {
            cmp: t.cmp,
            value: t.value,
            basis,
        },
        YearRequirement::About {
            value,
            tolerance_pct,
        } => super::projection::band(value, tolerance_pct, basis),
        YearRequirement::Between { min, max } => Requirement::Range { min, max },
    }
}

/// A level held this year is 已达标 for the year, and one not held is 未达标
/// for it: the requirement is the year's own, with no schedule to be behind
/// (城镇调查失业率 5.6 against ＜5.5 was called 滞后于序时进度). An average
/// to date meets the requirement so far (符合序时进度), or is behind it,
/// until the target year settles it.
pub fn status(meets: bool, average: bool, in_target_year: bool) -> Status {
    match (meets, in_target_year) {
        (true, true) => Status::Achieved,
        (true, false) if average => Status::OnTrack,
        (true, false) => Status::Achieved,
        (false, true) => Status::Failed,
        (false, false) if average => Status::Behind,
        (false, false) => Status::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Comparator, Threshold};

    #[test]
    fn the_same_requirement_every_year() {
        // 城镇调查失业率 ＜5.5.
        let r = requirement(
            YearRequirement::Threshold(Threshold {
                cmp: Comparator::Less,
                value: 5.5,
            }),
            Basis::EveryYear,
        );
        assert!(r.met_by(5.2) && !r.met_by(5.5));
        assert_eq!(status(r.met_by(5.2), false, false), Status::Achieved);
        assert_eq!(status(r.met_by(5.6), false, false), Status::Failed);
        assert_eq!(status(r.met_by(5.6), false, true), Status::Failed);
    }

    /// A requirement of every year is not asked of the plan's baseline
    /// year (a 2025 file against 2026–2030's 每年6900 failed, exit 1).
    #[test]
    fn the_baseline_year_is_asked_nothing() {
        use crate::assess::fixtures;
        let each = YearRequirement::Threshold(Threshold {
            cmp: Comparator::GreaterOrEqual,
            value: 6900.0,
        });
        let kind = Kind {
            each,
            average: false,
        };
        let meta = fixtures::meta();
        let ind = fixtures::indicator(
            1.0,
            crate::plan::Rule::Annual {
                each,
                average: false,
            },
            crate::plan::Attribute::Binding,
        );
        let figure = Figure::default();
        let asked = |year| kind.requirement(&Year::new(&ind, &meta, year), &figure);
        assert_eq!(asked(meta.baseline_year), Ok(None));
        assert!(matches!(asked(meta.baseline_year + 1), Ok(Some(_))));
    }

    #[test]
    fn an_average_is_on_track_until_the_target_year() {
        assert_eq!(status(true, true, false), Status::OnTrack);
        assert_eq!(status(true, true, true), Status::Achieved);
        assert_eq!(status(false, true, false), Status::Behind);
    }

    #[test]
    fn a_range_and_an_approximate_value() {
        let range = requirement(
            YearRequirement::Between { min: 4.5, max: 5.0 },
            Basis::EveryYear,
        );
        assert!(range.met_by(4.5) && range.met_by(5.0) && !range.met_by(5.1));
        let about = requirement(
            YearRequirement::About {
                value: 5.0,
                tolerance_pct: 5.0,
            },
            Basis::YearRequirement,
        );
        assert!(about.met_by(4.75) && about.met_by(5.25) && !about.met_by(5.3));
    }

    #[test]
    fn an_average_above_its_range_is_outside_it_not_behind() {
        // 深圳 2016: GDP growth 8—8.5% a year; 9 % on average to date.
        let indicator = crate::assess::fixtures::indicator(
            8.0,
            crate::plan::Rule::NotAssessed,
            crate::plan::Attribute::Expected,
        );
        let at = crate::assess::fixtures::year(&indicator, false);
        let kind = Kind {
            each: YearRequirement::Between { min: 8.0, max: 8.5 },
            average: true,
        };
        let range = requirement(kind.each, Basis::EveryYear);
        assert_eq!(kind.status(&at, 9.0, &range), Status::Failed);
        assert_eq!(kind.status(&at, 7.5, &range), Status::Behind);
        assert_eq!(kind.status(&at, 8.2, &range), Status::OnTrack);
    }
}
