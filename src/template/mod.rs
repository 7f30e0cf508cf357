//! `plan-check template`: an empty statistics file for a plan, to fill in, as
//! CSV or as a workbook. Made from the plan itself, not from an evaluation.

pub mod csv;
pub mod xlsx;

use crate::plan::{Accumulate, Indicator, Measure, Plan, Rule};

/// How to fill in an indicator whose figures are not the year's level (a
/// reviewer filling a template could not tell a year's amount from the
/// running total): the template's 填报说明 column, which the statistics
/// reader does not read.
pub fn how_to_fill(ind: &Indicator) -> Option<&'static str> {
    let from = match &ind.rule {
        Rule::Cumulative { from, .. }
        | Rule::CumulativeCap { from, .. }
        | Rule::CumulativeRange { from, .. } => Some(*from),
        _ => None,
    };
    match (ind.measure, from) {
        (Measure::YearlyChange, Some(Accumulate::Compound)) => {
            Some("填当年比上年下降（或提高）的百分数，不是累计数")
        }
        (Measure::YearlyChange, _) => Some("填当年完成（新增）的量，不是累计至今的数；各年相加"),
        (Measure::YearlyRate, _) => Some("填当年比上年增长的百分数（%）"),
        (Measure::Level, _) => None,
    }
}

/// Whether a plan's template needs the 填报说明 column.
pub fn needs_how_to_fill(plan: &Plan) -> bool {
    plan.indicators.iter().any(|i| how_to_fill(i).is_some())
}
