//! `plan-check plan`: what the plan says, as the listing draws it: each
//! indicator with the rule it is judged by, and the cross-checks (勾稽关系) of
//! its parts against their totals on the plan's own baseline and target
//! columns. Decided here, so the listing only draws.

use crate::plan::consistency::{check_parts, target_value};
use crate::plan::{IndicatorIdx, Plan};
use crate::vocabulary::{Attribute, Rule};

pub struct PlanOverview {
    pub title: String,
    pub file: String,
    pub region: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<String>,
    pub table: Option<String>,
    pub baseline_year: i32,
    pub target_year: i32,
    /// The notes under the plan's table.
    pub notes: Vec<String>,
    pub indicators: Vec<OverviewRow>,
    pub cross_checks: Vec<CrossCheck>,
}

pub struct OverviewRow {
    pub id: String,
    pub category: String,
    /// The name as the plan table shows it (`其中：普通小学`).
    pub name: String,
    pub unit: String,
    pub attribute: Attribute,
    pub baseline: Option<f64>,
    /// The baseline cell as printed, when more than the number.
    pub baseline_text: Option<String>,
    pub target_text: String,
    pub rule: Rule,
    /// The 年均/累计 cell's requirement, judged beside `rule`.
    pub period_rule: Option<Rule>,
    /// Requirements the plan sets for single years (annual plans).
    pub year_requirements: Vec<(i32, crate::plan::YearRequirement)>,
    /// The name of the indicator a relative target refers to (in either cell).
    pub relative_to: Option<String>,
    pub note: Option<String>,
}

/// Which of the plan's columns a cross-check adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanColumn {
    Baseline,
    Target,
}

/// A total and its `其中` parts, in one column of the plan.
pub struct CrossCheck {
    pub column: PlanColumn,
    /// `分类/指标` of the total.
    pub total: String,
    pub total_value: f64,
    /// The parts' names.
    pub parts: Vec<String>,
    pub parts_sum: f64,
    /// One part listed: checked to be no larger than its total.
    pub partial: bool,
    pub adds_up: bool,
}

pub fn overview(plan: &Plan) -> PlanOverview {
    let meta = &plan.meta;
    let name = |i: IndicatorIdx| &plan.indicators[i as usize];
    let mut cross_checks = Vec::new();
    for (column, checks) in [
        (
            PlanColumn::Baseline,
            check_parts(plan, |i| name(i).baseline),
        ),
        (
            PlanColumn::Target,
            check_parts(plan, |i| target_value(&name(i).rule)),
        ),
    ] {
        cross_checks.extend(checks.into_iter().map(|check| CrossCheck {
            column,
            total: format!("{}/{}", name(check.total).category, name(check.total).name),
            total_value: check.total_value,
            parts: check.parts.iter().map(|&p| name(p).name.clone()).collect(),
            parts_sum: check.parts_sum,
            partial: check.partial(),
            adds_up: check.adds_up(),
        }));
    }
    PlanOverview {
        title: meta.title.clone(),
        file: plan.path.clone(),
        region: meta.region.clone(),
        issuer: meta.issuer.clone(),
        issued: meta.issued.clone(),
        table: meta.table.clone(),
        baseline_year: meta.baseline_year,
        target_year: meta.target_year,
        notes: meta.notes.clone(),
        indicators: plan
            .indicators
            .iter()
            .map(|ind| OverviewRow {
                id: ind.id.clone(),
                category: ind.category.clone(),
                name: ind.display_name(),
                unit: ind.unit.clone(),
                attribute: ind.attribute,
                baseline: ind.baseline,
                baseline_text: ind.baseline_text.clone(),
                target_text: ind.shown_target(),
                rule: ind.rule.clone(),
                period_rule: ind.period_rule.clone(),
                year_requirements: ind
                    .year_requirements
                    .iter()
                    .map(|(y, r)| (*y, *r))
                    .collect(),
                relative_to: match (&ind.rule, &ind.period_rule) {
                    (Rule::Relative { to, .. }, _) | (_, Some(Rule::Relative { to, .. })) => {
                        Some(name(*to).display_name())
                    }
                    _ => None,
                },
                note: ind.note.clone(),
            })
            .collect(),
        cross_checks,
    }
}
