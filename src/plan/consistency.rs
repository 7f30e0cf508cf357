//! 勾稽关系: the `其中` parts of a total should add up to it. Checked on the plan's
//! own baseline and target columns, and on every set of submitted figures.

use super::{IndicatorIdx, Plan, Rule};

/// The parts of one total compared with it, for one column of figures.
#[derive(Debug, Clone, PartialEq)]
pub struct PartsCheck {
    pub total: IndicatorIdx,
    pub parts: Vec<IndicatorIdx>,
    pub total_value: f64,
    pub parts_sum: f64,
}

impl PartsCheck {
    /// Figures are compared after rounding to six decimals, far below any published precision.
    pub fn adds_up(&self) -> bool {
        (self.total_value - self.parts_sum).abs() < 1e-6
    }
}

/// For every total with parts, compares the parts' sum with the total, using the
/// figure `value_of` gives for each indicator. A total is skipped when it or any
/// of its parts has no figure.
pub fn check_parts(plan: &Plan, value_of: impl Fn(IndicatorIdx) -> Option<f64>) -> Vec<PartsCheck> {
    let mut checks = Vec::new();
    for (t, _) in plan.indicators.iter().enumerate() {
        let total = t as IndicatorIdx;
        let parts: Vec<IndicatorIdx> = plan
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, ind)| ind.part_of == Some(total))
            .map(|(i, _)| i as IndicatorIdx)
            .collect();
        if parts.is_empty() {
            continue;
        }
        let Some(total_value) = value_of(total) else {
            continue;
        };
        let Some(parts_sum) = parts.iter().map(|&p| value_of(p)).sum::<Option<f64>>() else {
            continue;
        };
        checks.push(PartsCheck {
            total,
            parts,
            total_value,
            parts_sum: crate::number::round_requirement(parts_sum),
        });
    }
    checks
}

/// The number a target column holds for an indicator, where its rule has one.
pub fn target_value(rule: &Rule) -> Option<f64> {
    match rule {
        Rule::Threshold(t) => Some(t.value),
        Rule::Projection { value, .. } => Some(*value),
        Rule::Range { .. }
        | Rule::Annual { .. }
        | Rule::Cumulative { .. }
        | Rule::CumulativeCap { .. }
        | Rule::Relative { .. }
        | Rule::NotAssessed => None,
    }
}
