//! A target to reach give or take a tolerance, where the words, the name or
//! the baseline say which side counts (`1.45左右` from 1.39): the far side
//! is open (more grain capacity than planned is no shortfall), and on the
//! near side the target may be missed by `about_pct` percent of the change
//! it asks for — the share of the way Eurostat's bands call significant
//! progress (95 %) at the default 5 — not of its level, which for 1.39 →
//! 1.45 would pass a capacity that never moved. With no baseline, of the
//! level. Before the target year, the schedule from the baseline to that
//! edge; a head count's `左右` stays a [`super::projection`].

use super::{RuleKind, Year};
use crate::assess::figure::{Figure, Unjudged};
use crate::assess::{Basis, Requirement, Status};
use crate::number::round_requirement;
use crate::plan::{Comparator, Threshold};

/// The kind: reach `value` in the direction of `cmp` (≥ or ≤), within
/// `tolerance_pct` percent of it.
pub struct Kind {
    pub value: f64,
    pub tolerance_pct: f64,
    pub cmp: Comparator,
}

impl Kind {
    /// Whether the baseline already meets the target itself (失业率 5.2
    /// against 5.5%左右 as a ceiling, 耕地保有量 105 against 100左右): a line
    /// to hold, not a way to go.
    fn held(&self, baseline: Option<f64>) -> bool {
        baseline.is_some_and(|b| self.cmp.inclusive().holds(b, self.value))
    }

    /// The target less its tolerance, on the side that matters: a share of
    /// the change from `baseline`; of the level when there is none, or the
    /// baseline holds the line already.
    fn edge(&self, baseline: Option<f64>) -> f64 {
        let span = match baseline {
            Some(b) if !self.held(baseline) => (self.value - b).abs(),
            _ => self.value.abs(),
        };
        let margin = round_requirement(span * self.tolerance_pct / 100.0);
        if self.cmp.wants_more() {
            round_requirement(self.value - margin)
        } else {
            round_requirement(self.value + margin)
        }
    }

    fn threshold(&self, value: f64, basis: Basis) -> Requirement {
        Requirement::Threshold {
            cmp: self.cmp.inclusive(),
            value,
            basis,
        }
    }
}

impl RuleKind for Kind {
    fn requirement(&self, at: &Year, figure: &Figure) -> Result<Option<Requirement>, Unjudged> {
        let edge = self.edge(figure.baseline);
        if at.in_target_year {
            return Ok(Some(self.threshold(edge, Basis::Target)));
        }
        if self.held(figure.baseline) {
            return Ok(Some(self.threshold(edge, Basis::Hold)));
        }
        match figure.baseline {
            // Beside its average growth rate (`92.7左右` and `＞6.5%`): on the
            // path of constant growth, as a level to reach is (a reviewer's
            // row was behind a straight line every year while growing at
            // the rate asked).
            Some(baseline) if at.compound => Ok(Some(self.threshold(
                super::scheduled_compound(baseline, edge, at.elapsed),
                Basis::Schedule,
            ))),
            Some(baseline) => Ok(Some(self.threshold(
                super::scheduled(baseline, edge, at.elapsed),
                Basis::Schedule,
            ))),
            None if figure
                .value
                .is_some_and(|v| self.cmp.inclusive().holds(v, edge)) =>
            {
                Ok(Some(self.threshold(edge, Basis::TargetMet)))
            }
            None => Err(Unjudged::NoBaseline {
                year: at.indicator.baseline_year,
            }),
        }
    }

    /// Before the target year, 已达标 (met early) takes the printed value
    /// itself, not its tolerance: 1.41 of 1.39 → 1.45左右 is on schedule. A
    /// line held (or met with no baseline, as the requirement says) within
    /// its tolerance is met.
    fn status(&self, at: &Year, value: f64, requirement: &Requirement) -> Status {
        if matches!(requirement.basis(), Some(Basis::Hold | Basis::TargetMet)) {
            return super::range::status(requirement.met_by(value), at.in_target_year);
        }
        super::threshold::status(
            Threshold {
                cmp: self.cmp.inclusive(),
                value: self.value,
            },
            value,
            requirement.met_by(value),
            at.in_target_year,
        )
    }

    /// Against the printed value, not its tolerance: 3.9 of 3.7 → 4.1左右
    /// is half way.
    fn completion(&self, figure: &Figure) -> Option<f64> {
        let target = Threshold {
            cmp: self.cmp,
            value: self.value,
        };
        let (baseline, value) = (figure.baseline?, figure.value?);
        (!target.holds(baseline) && self.value != baseline)
            .then(|| (value - baseline) / (self.value - baseline))
    }

    fn pace(
        &self,
        at: &Year,
        figure: &Figure,
        _requirement: Option<&Requirement>,
        completion: Option<f64>,
    ) -> Option<f64> {
        super::level_pace(at, figure.baseline, self.value, completion)
    }

    fn due(&self, at: &Year, figure: &Figure) -> f64 {
        super::level_due(at, figure.baseline, self.value)
    }

    fn trends(&self) -> bool {
        true
    }

    fn moves(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 粮食综合生产能力 1.39 → 1.45左右 (national 15th plan), about 5 %.
    const GRAIN: Kind = Kind {
        value: 1.45,
        tolerance_pct: 5.0,
        cmp: Comparator::GreaterOrEqual,
    };

    #[test]
    fn the_near_side_may_miss_a_share_of_the_change_and_the_far_side_is_open() {
        // 5 % of the change 0.06: at least 1.447.
        assert_eq!(GRAIN.edge(Some(1.39)), 1.447);
        let target = GRAIN.threshold(GRAIN.edge(Some(1.39)), Basis::Target);
        assert!(target.met_by(1.447) && !target.met_by(1.446));
        assert!(!target.met_by(1.39), "a capacity that never moved");
        assert!(target.met_by(1.60), "more capacity than planned");
        // No baseline: of the level (控制在3%左右: at most 3.15).
        let cap = Kind {
            value: 3.0,
            tolerance_pct: 5.0,
            cmp: Comparator::LessOrEqual,
        };
        assert_eq!(cap.edge(None), 3.15);
        // From 3.5: at most 3.025; a rise fails.
        assert_eq!(cap.edge(Some(3.5)), 3.025);
    }

    #[test]
    fn statuses_and_completion_against_the_printed_value() {
        // 研发经费投入强度 3.7 → 4.1左右: at least 4.08 in the target year.
        let rd = Kind {
            value: 4.1,
            tolerance_pct: 5.0,
            cmp: Comparator::GreaterOrEqual,
        };
        let indicator = crate::assess::fixtures::indicator(
            3.7,
            crate::plan::Rule::NotAssessed,
            crate::plan::Attribute::Expected,
        );
        let figure = |v: f64| Figure {
            value: Some(v),
            baseline: Some(3.7),
            ..Figure::default()
        };
        let last = crate::assess::fixtures::year(&indicator, true);
        let before = crate::assess::fixtures::year(&indicator, false);
        let at = |year: &Year, v: f64| {
            let r = rd.requirement(year, &figure(v)).unwrap().unwrap();
            rd.status(year, v, &r)
        };
        assert_eq!(at(&last, 4.4), Status::Achieved);
        assert_eq!(at(&last, 4.08), Status::Achieved);
        assert_eq!(at(&last, 3.9), Status::Failed);
        // 2022: 3.7 + 0.38 × 2/5 = 3.852 asked.
        assert_eq!(
            rd.requirement(&before, &figure(3.9)).unwrap(),
            Some(rd.threshold(3.852, Basis::Schedule))
        );
        assert_eq!(at(&before, 3.9), Status::OnTrack);
        assert_eq!(at(&before, 4.1), Status::Achieved, "the target met early");
        assert_eq!(at(&before, 3.8), Status::Behind);
        let c = rd.completion(&figure(3.9)).expect("a completion");
        assert!((c - 0.5).abs() < 1e-9, "{c}");
        let c = rd.completion(&figure(4.4)).expect("a completion");
        assert!((c - 1.75).abs() < 1e-9, "{c}");
    }

    #[test]
    fn a_baseline_already_at_the_target_holds_it_within_the_tolerance() {
        // 城镇调查失业率 5.2 against 5.5%左右 (a ceiling by its name): hold
        // at most 5.775 every year, never a path away from 5.2.
        let rate = Kind {
            value: 5.5,
            tolerance_pct: 5.0,
            cmp: Comparator::LessOrEqual,
        };
        let indicator = crate::assess::fixtures::indicator(
            5.2,
            crate::plan::Rule::NotAssessed,
            crate::plan::Attribute::Binding,
        );
        let before = crate::assess::fixtures::year(&indicator, false);
        let figure = |v: f64| Figure {
            value: Some(v),
            baseline: Some(5.2),
            ..Figure::default()
        };
        let r = rate.requirement(&before, &figure(5.5)).unwrap().unwrap();
        assert_eq!(r, rate.threshold(5.775, Basis::Hold));
        assert_eq!(rate.status(&before, 5.5, &r), Status::Achieved);
        assert_eq!(rate.status(&before, 5.9, &r), Status::Behind);
        assert_eq!(rate.completion(&figure(5.4)), None);
        let last = crate::assess::fixtures::year(&indicator, true);
        let r = rate.requirement(&last, &figure(5.9)).unwrap().unwrap();
        assert_eq!(rate.status(&last, 5.9, &r), Status::Failed);
    }
}
