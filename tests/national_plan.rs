//! The national 15th plan's 专栏1, shipped as an example, against its
//! transcription cell for cell, and judged on illustrative 2026 figures.
//!
//! `tests/fixtures/national-15th-fyp.md` is a copy of
//! `../shared/plans/national-15th-fyp.md`, transcribed from the official table
//! image (source in the file).

mod common;

use common::plan_check;
use plan_check::plan::{Rule, load_plan};
use std::path::Path;

const PLAN: &str = "examples/plans/national-15th-fyp.toml";
const DATA: &str = "examples/data/national-2026.csv";

#[test]
fn every_cell_is_the_printed_one() {
    let plan = load_plan(Path::new(PLAN)).expect("the example plan loads");
    let rows = common::national_rows();
    assert_eq!(rows.len(), 21);
    assert_eq!(plan.indicators.len(), 21);
    assert_eq!(
        (plan.meta.baseline_year, plan.meta.target_year),
        (2025, 2030)
    );
    common::assert_cells_as_printed(&plan, &rows);
}

#[test]
fn the_notes_are_the_printed_ones() {
    let plan = load_plan(Path::new(PLAN)).unwrap();
    let text = std::fs::read_to_string("tests/fixtures/national-15th-fyp.md").unwrap();
    let printed = text
        .lines()
        .find_map(|l| l.strip_prefix("注："))
        .expect("the notes line");
    assert_eq!(plan.meta.notes.concat(), printed);
}

#[test]
fn only_gdp_growth_lacks_a_numeric_rule_and_it_has_a_year_requirement() {
    let plan = load_plan(Path::new(PLAN)).unwrap();
    let unjudged: Vec<&str> = plan
        .indicators
        .iter()
        .filter(|i| i.rule == Rule::NotAssessed)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(unjudged, ["gdp_growth"]);
    assert!(plan.indicators[0].year_requirements.contains_key(&2026));
    // The * rows run from 2024, the others from the plan's 2025.
    for ind in &plan.indicators {
        let starred = ind
            .baseline_text
            .as_deref()
            .is_some_and(|t| t.ends_with('*'));
        assert_eq!(
            ind.baseline_year,
            if starred { 2024 } else { 2025 },
            "{}",
            ind.id
        );
    }
}

#[test]
fn the_plan_listing_shows_21_indicators() {
    let out = plan_check()
        .args(["--plan", PLAN, "plan"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // Piped, the table has no borders between rows: one line per indicator
    // after the header.
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("│ "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|id| *id != "id")
        .collect();
    assert_eq!(ids.len(), 21, "{text}");
    assert!(
        text.contains("同步于 国内生产总值（GDP）增长（不低于其 95%）"),
        "{text}"
    );
    assert!(text.contains("累计 ≥ 17（逐年复合）"), "{text}");
}

/// The illustrative 2026 figures, judged: every form of the table at work.
#[test]
fn the_illustrative_2026_figures_are_judged_in_every_form() {
    let out = plan_check()
        .args(["--plan", PLAN, "--format", "json", DATA])
        .output()
        .unwrap();
    // 非化石能源占比 22.3 is short of 2026's 22.36: a binding indicator behind.
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = |id: &str| {
        json["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    // GDP: judged on the 2026 annual requirement 4.5%-5%.
    let gdp = result("gdp_growth");
    assert_eq!(gdp["status"], "achieved");
    assert_eq!(gdp["requirement"]["kind"], "range");
    // 高于GDP增长: against the same year's 4.8.
    let productivity = result("labour_productivity_growth");
    assert_eq!(productivity["reference"], 4.8);
    assert_eq!(productivity["requirement"]["cmp"], ">");
    assert_eq!(productivity["status"], "achieved");
    // 与GDP增长同步: 4.9 keeps pace with 4.8 (at least 4.56).
    assert_eq!(
        result("disposable_income_growth")["requirement"]["value"],
        4.56
    );
    // 年均＞7: the compound average of one year is that year's 8.3.
    let rd = result("rd_spending_growth");
    assert_eq!(rd["derived"]["kind"], "compound_average");
    assert_eq!(rd["status"], "on_track");
    // 〔17〕: 3.5 against 20 % of 17.
    let co2 = result("co2_intensity_reduction");
    assert_eq!(co2["required"], 3.4);
    assert_eq!(co2["derived"]["value"], 3.5);
    assert_eq!(co2["baseline"], serde_json::Value::Null);
    assert_eq!(co2["baseline_text"], "〔17.7〕");
    // 10.5* (2024): one year of six elapsed by 2026 → 10.5 + 2 × 2/6.
    let digital = result("digital_economy_share");
    assert_eq!(digital["baseline_year"], 2024);
    assert_eq!(digital["required"], 11.166667);
    // A row under a heading is found by its own name.
    assert_eq!(result("licensed_doctors_per_1000")["actual"], 3.25);
    // 1.45左右 from 1.39: toward the target, which may be missed by 5 % of
    // the change (0.003: at least 1.447 in 2030; 1.39 + 0.057 × 1/5 =
    // 1.4014 in 2026), more no shortfall; completion against 1.45 itself:
    // 0.02 of 0.06.
    let grain = result("grain_production_capacity");
    assert_eq!(grain["requirement"]["kind"], "threshold");
    assert_eq!(grain["requirement"]["cmp"], ">=");
    assert_eq!(grain["required"], 1.4014);
    let completion = grain["completion"].as_f64().unwrap();
    assert!((completion - 1.0 / 3.0).abs() < 1e-6, "{completion}");
    // The notes reach JSON.
    assert_eq!(json["plan"]["notes"].as_array().unwrap().len(), 4);
    assert_eq!(
        result("grain_production_capacity")["note"],
        "④粮食综合生产能力指可以稳定达到的粮食产出能力。"
    );
}

#[test]
fn the_table_explains_what_it_compounded_and_prints_the_notes() {
    let out = plan_check().args(["--plan", PLAN, DATA]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("单位GDP二氧化碳排放降低：逐年 2026年3.5 → 累计（逐年复合）3.5%，按此判断。"),
        "{text}"
    );
    assert!(text.contains("规划表注：①〔〕为5年累计数。"), "{text}");
}

/// A row under a heading is found by its own name and as the table (and the
/// template) shows it, heading first.
#[test]
fn a_row_under_a_heading_is_found_either_way() {
    let (_dir, path) = common::write_csv(
        "2026.csv",
        "指标,数值\n每千人口拥有医护人员数：执业医师数,3.3\n注册护士数,4.5\n",
    );
    let out = plan_check()
        .args(["--plan", PLAN, "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json = common::json_of(&out);
    assert_eq!(
        common::result(&json, "licensed_doctors_per_1000")["actual"],
        3.3
    );
    assert_eq!(
        common::result(&json, "registered_nurses_per_1000")["actual"],
        4.5
    );
    // The template writes the heading form, which reads back.
    let template = plan_check()
        .args(["--plan", PLAN, "template"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(template.stdout)
            .unwrap()
            .contains("每千人口拥有医护人员数：执业医师数")
    );
}
