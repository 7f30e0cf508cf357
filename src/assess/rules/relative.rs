//! A target relative to another indicator of the plan, in the same region
//! and year: `高于GDP增长` compares the figure with the other's, `与GDP增长
//! 同步` asks it to keep pace — at least the other's less the plan's
//! `about_pct` percent of it (the margin of `左右`); faster is no shortfall,
//! as the outlines' own aim says (“实现居民收入增长和经济增长基本同步”:
//! income not lagging; 2023's 6.1 % against GDP's 5.2 % is not a lapse).
//! Held every year, like [`super::annual`].

use super::{Needs, RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::plan::{Comparator, IndicatorIdx};

/// The kind: `cmp` the figure of indicator `to` of the same year, or in
/// step with it within `tolerance_pct` percent.
pub struct Kind {
    pub to: IndicatorIdx,
    pub cmp: Option<Comparator>,
    pub tolerance_pct: f64,
    /// Beyond the other figure by this much (`高于GDP增长1个百分点`).
    pub margin: f64,
}

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        // Of every year of the plan, not of its baseline year.
        if at.before_period {
            return Ok(None);
        }
        match figure.reference {
            Some(reference) => Ok(Some(requirement(
                self.cmp,
                self.tolerance_pct,
                reference,
                self.margin,
            ))),
            None => Err(figure.unjudged.clone().unwrap_or(Unjudged::NoReference {
                indicator: String::new(),
            })),
        }
    }

    /// Printed in the 年均 column (`高于GDP增长`): a year below the other
    /// rate before the target year is behind, as an average to date would
    /// be, and 未达标 only in the target year. In step (`与GDP增长同步`) is
    /// held every year: a year that lags the other is 未达标 for that year.
    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        match (requirement.met_by(value), at.in_target_year, self.cmp) {
            (false, false, Some(_)) => Status::Behind,
            (meets, in_target_year, _) => super::annual::status(meets, false, in_target_year),
        }
    }

    /// Above another rate: the rate achieved ÷ the other's. In step
    /// (`与GDP增长同步`) asks no pace: it is kept each year or not.
    fn pace(
        &self,
        _at: &Year,
        figure: &Figure,
        requirement: Option<&Requirement>,
        _completion: Option<f64>,
    ) -> Option<f64> {
        self.cmp.and(super::rate_pace(figure, requirement))
    }

    fn needs(&self) -> Needs {
        Needs::Reference(self.to)
    }
}

pub fn requirement(
    cmp: Option<Comparator>,
    tolerance_pct: f64,
    reference: f64,
    margin: f64,
) -> Requirement {
    match cmp {
        Some(cmp) => Requirement::Threshold {
            cmp,
            value: crate::number::round_requirement(reference + margin),
            basis: Basis::Relative,
        },
        None => Requirement::Threshold {
            cmp: Comparator::GreaterOrEqual,
            value: crate::number::round_requirement(
                reference - reference.abs() * tolerance_pct / 100.0,
            ),
            basis: Basis::Relative,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn higher_than_and_in_step_with_the_other_figure() {
        // 全员劳动生产率增长 高于GDP增长: GDP 4.8 this year.
        let higher = requirement(Some(Comparator::Greater), 5.0, 4.8, 0.0);
        assert!(higher.met_by(5.0) && !higher.met_by(4.8));
        // 居民人均可支配收入增长 与GDP增长同步, 5 %: at least 4.56; faster
        // is keeping pace.
        let in_step = requirement(None, 5.0, 4.8, 0.0);
        assert!(in_step.met_by(4.56) && in_step.met_by(6.1) && !in_step.met_by(4.5));
    }
}
