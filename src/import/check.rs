//! `import --check`: an existing plan file against the document, cell by cell
//! (category, name, heading, unit, baseline, target, 年均/累计, attribute,
//! `其中`), and rule by rule where the printed text settles the rule; for
//! review, and for a plan revised mid-term (中期调整).

use crate::plan::{Indicator, Plan, is_dash};

/// One place where the plan file and the document differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The row (`学前教育/毛入园率`), or `[plan]`.
    pub row: String,
    pub field: &'static str,
    pub plan: String,
    pub document: String,
}

fn printed_baseline(i: &Indicator) -> String {
    i.baseline_text
        .clone()
        .unwrap_or_else(|| i.baseline.map(crate::number::display).unwrap_or_default())
}

fn period(i: &Indicator) -> String {
    match &i.period_target {
        Some(p) if !is_dash(p) => p.clone(),
        _ => "—".to_owned(),
    }
}

fn key(i: &Indicator) -> String {
    format!("{}/{}", i.category, i.display_name())
}

/// Records a difference when the two cells are not the same text.
fn differ(
    out: &mut Vec<Difference>,
    row: &str,
    field: &'static str,
    plan: String,
    document: String,
) {
    if plan.trim() != document.trim() {
        out.push(Difference {
            row: row.to_owned(),
            field,
            plan,
            document,
        });
    }
}

/// Where `plan` differs from `document` (the plan drafted from the document);
/// `settled[i]`: whether row `i` of the document states its rule.
pub fn compare(
    plan: &Plan,
    document: &Plan,
    settled: &[bool],
    lang: crate::lang::Lang,
) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut meta = |field, a: String, b: String| differ(&mut out, "[plan]", field, a, b);
    meta(
        "baseline_year",
        plan.meta.baseline_year.to_string(),
        document.meta.baseline_year.to_string(),
    );
    meta(
        "target_year",
        plan.meta.target_year.to_string(),
        document.meta.target_year.to_string(),
    );
    let total_name = |p: &Plan, i: &Indicator| {
        i.part_of
            .map(|t| p.indicators[t as usize].display_name())
            .unwrap_or_default()
    };
    let mut used = vec![false; plan.indicators.len()];
    for (d, doc_row) in document.indicators.iter().enumerate() {
        // The plan's row of the same category and name, else of the same name.
        let found = plan
            .indicators
            .iter()
            .enumerate()
            .position(|(p, i)| !used[p] && key(i) == key(doc_row))
            .or_else(|| {
                plan.indicators
                    .iter()
                    .enumerate()
                    .position(|(p, i)| !used[p] && i.display_name() == doc_row.display_name())
            });
        let Some(p) = found else {
            out.push(Difference {
                row: key(doc_row),
                field: "indicator",
                plan: "（无）".to_owned(),
                document: doc_row.display_name(),
            });
            continue;
        };
        used[p] = true;
        let plan_row = &plan.indicators[p];
        let row = key(doc_row);
        let mut cell = |field, a: String, b: String| differ(&mut out, &row, field, a, b);
        cell(
            "category",
            plan_row.category.clone(),
            doc_row.category.clone(),
        );
        cell(
            "group",
            plan_row.group.clone().unwrap_or_default(),
            doc_row.group.clone().unwrap_or_default(),
        );
        cell("unit", plan_row.unit.clone(), doc_row.unit.clone());
        cell(
            "baseline",
            printed_baseline(plan_row),
            printed_baseline(doc_row),
        );
        cell(
            "baseline_year",
            plan_row.baseline_year.to_string(),
            doc_row.baseline_year.to_string(),
        );
        cell(
            "target",
            plan_row.target_text.clone(),
            doc_row.target_text.clone(),
        );
        cell("period_target", period(plan_row), period(doc_row));
        cell(
            "attribute",
            crate::render::labels::attribute(plan_row.attribute, lang).to_owned(),
            crate::render::labels::attribute(doc_row.attribute, lang).to_owned(),
        );
        cell(
            "part_of",
            total_name(plan, plan_row),
            total_name(document, doc_row),
        );
        if settled.get(d).copied().unwrap_or(false) {
            // As the plan listing words it; a relative rule by the other's name.
            let rule = |p: &Plan, i: &Indicator| {
                let other = match i.rule {
                    crate::plan::Rule::Relative { to, .. } => {
                        Some(p.indicators[to as usize].display_name())
                    }
                    _ => None,
                };
                crate::render::labels::rule(&i.rule, other.as_deref(), i.baseline, lang)
            };
            cell("rule", rule(plan, plan_row), rule(document, doc_row));
        }
    }
    for (p, i) in plan.indicators.iter().enumerate() {
        if !used[p] {
            out.push(Difference {
                row: key(i),
                field: "indicator",
                plan: i.display_name(),
                document: "（无）".to_owned(),
            });
        }
    }
    out
}
