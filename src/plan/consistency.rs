//! 勾稽关系: the `其中` parts of a total should add up to it. Checked on the plan's
//! own baseline and target columns, and on every set of submitted figures.
//! A total with one part listed (卫生技术人员数, 其中：注册护士) names a
//! part, not a breakdown: it is checked to be no larger than its total, never
//! to equal it (which flagged every such row on every run).

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
    /// One part listed: a part of the total, not all of it.
    pub fn partial(&self) -> bool {
        self.parts.len() < 2
    }

    /// The parts add up to the total (one part: is no larger than it).
    /// Figures are compared after rounding to six decimals, far below any
    /// published precision.
    pub fn adds_up(&self) -> bool {
        if self.partial() {
            self.parts_sum <= self.total_value + 1e-6
        } else {
            (self.total_value - self.parts_sum).abs() < 1e-6
        }
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
        Rule::Projection { value, .. } | Rule::About { value, .. } => Some(*value),
        Rule::Range { .. }
        | Rule::Annual { .. }
        | Rule::Cumulative { .. }
        | Rule::CumulativeCap { .. }
        | Rule::CumulativeRange { .. }
        | Rule::Relative { .. }
        | Rule::NotAssessed => None,
    }
}

#[cfg(test)]
mod tests {
    use super::PartsCheck;

    fn check(parts: usize, total_value: f64, parts_sum: f64) -> PartsCheck {
        PartsCheck {
            total: 0,
            parts: (1..=parts as u16).collect(),
            total_value,
            parts_sum,
        }
    }

    #[test]
    fn parts_add_up_and_a_single_part_stays_within_its_total() {
        assert!(check(2, 12.8, 12.8).adds_up());
        assert!(!check(2, 11.1, 11.2).adds_up());
        assert!(!check(2, 11.1, 11.0).adds_up());
        // 卫生技术人员数 12000, 其中：注册护士 5000: a part, not a mismatch.
        assert!(check(1, 12000.0, 5000.0).adds_up());
        assert!(check(1, 12000.0, 12000.0).adds_up());
        assert!(!check(1, 12000.0, 12500.0).adds_up());
    }
}
