//! Slips never pass: figures an indicator cannot take, or that lie far off
//! the scale of its baseline and target, are errors at the cell; possible
//! but unusual ones are warnings. Nothing here is stated in the plan's
//! `valid`: it is read from the unit, the name and the plan's own numbers.

mod common;

use common::{plan_check, stderr_of, write_csv};
use std::path::Path;

/// A 2020–2025 plan of the indicators the slips were made on (their
/// baselines and targets as a health plan prints them; made for the test).
const HEALTH_PLAN: &str = r#"
[plan]
id = "health"
title = "卫生健康规划（测试用）"
baseline_year = 2020
target_year = 2025

[[indicator]]
id = "maternal_mortality"
category = "健康水平"
name = "孕产妇死亡率"
unit = "1/10万"
baseline = 16.9
target = "≤14.5"
attribute = "约束性"

[[indicator]]
id = "health_literacy"
category = "健康水平"
name = "居民健康素养水平"
unit = "%"
baseline = 28.5
target = "≥35"
attribute = "预期性"

[[indicator]]
id = "life_expectancy"
category = "健康水平"
name = "人均预期寿命"
unit = "岁"
baseline = 79.5
target = "≥80.5"
attribute = "预期性"

[[indicator]]
id = "self_sufficiency"
category = "财政"
name = "财政自给率"
unit = "%"
baseline = 90
target = "≥95"
attribute = "预期性"
"#;

fn run(plan: &Path, name: &str, value: &str, unit: &str) -> std::process::Output {
    let (_dir, data) = write_csv(
        "2023.csv",
        &format!("指标,数值,单位\n{name},\"{value}\",{unit}\n"),
    );
    plan_check()
        .args(["--plan"])
        .arg(plan)
        .arg(&data)
        .output()
        .unwrap()
}

fn health_plan() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = write_csv("health.toml", HEALTH_PLAN);
    (dir, path)
}

/// Judged, not refused: the run's verdict (0 or 1, other rows being
/// unreported) and no error.
fn judged(out: &std::process::Output) {
    let err = stderr_of(out);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{err}");
    assert!(!err.contains("错误["), "{err}");
}

/// Refused, exit 2, with `code` at line 2 column 2 and `words` in the message.
fn refused(out: &std::process::Output, code: &str, words: &[&str]) {
    let err = stderr_of(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(code) && err.contains(":2:2"), "{code}: {err}");
    for w in words {
        assert!(err.contains(w), "{w}: {err}");
    }
}

#[test]
fn a_conversion_off_the_plan_s_scale_is_an_error_not_a_conversion() {
    // 3.3 千人 for 每千人口拥有执业（助理）医师数（人）: 3300, against 2.9 → 3.2.
    let plan = common::root().join("examples/plans/national-14th-fyp.toml");
    let out = run(&plan, "每千人口拥有执业（助理）医师数", "3.3", "千人");
    refused(&out, "S019", &["3300", "千人", "基期 2.9", "目标 3.2"]);
    // The same figure in the plan's own unit is judged.
    let out = run(&plan, "每千人口拥有执业（助理）医师数", "3.1", "人");
    judged(&out);
}

#[test]
fn a_negative_rate_of_occurrence_is_refused() {
    let (_d, plan) = health_plan();
    let out = run(&plan, "孕产妇死亡率", "-1", "1/10万");
    refused(&out, "S016", &["发生率不能为负"]);
}

#[test]
fn a_share_above_100_is_refused_and_a_gross_ratio_may_pass_100_but_not_150() {
    let (_d, plan) = health_plan();
    let out = run(&plan, "居民健康素养水平", "135", "%");
    refused(&out, "S016", &["135", "0–100"]);
    // 九年义务教育巩固率 in the shipped plan: binding.
    let shipped = common::plan_path();
    for value in ["1000", "1,234.5"] {
        let out = run(&shipped, "九年义务教育巩固率", value, "%");
        refused(&out, "S016", &["150"]);
    }
    let out = run(&shipped, "九年义务教育巩固率", "104.2", "%");
    judged(&out);
}

#[test]
fn a_decimal_point_moved_is_refused() {
    let (_d, plan) = health_plan();
    let out = run(&plan, "人均预期寿命", "7.98", "岁");
    refused(&out, "S019", &["7.98", "基期 79.5", "目标 80.5"]);
    let out = run(&plan, "人均预期寿命", "79.8", "岁");
    judged(&out);
}

#[test]
fn a_percent_level_above_100_that_is_no_share_is_a_warning() {
    let (_d, plan) = health_plan();
    let out = run(&plan, "财政自给率", "104", "%");
    judged(&out);
    let err = stderr_of(&out);
    assert!(err.contains("S020") && err.contains("104%"), "{err}");
}

#[test]
fn a_stated_range_overrides_what_is_read_from_the_name() {
    let (_d, plan) = write_csv(
        "health.toml",
        &HEALTH_PLAN.replace(
            "name = \"人均预期寿命\"",
            "name = \"人均预期寿命\"\nvalid = { min = 0, max = 150 }",
        ),
    );
    // Possible by the plan's own range: judged, not refused (and behind).
    let out = run(&plan, "人均预期寿命", "7.98", "岁");
    judged(&out);
}

#[test]
fn a_huge_number_in_a_workbook_cell_is_refused_as_in_a_csv() {
    use common::xlsx::{Cell, sheet, write};
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("2023.xlsx");
    write(
        &book,
        &[sheet(
            "Sheet1",
            vec![
                vec![Cell::Text("指标"), Cell::Text("数值")],
                vec![
                    Cell::Text("财政性教育经费占一般公共预算支出的比例"),
                    Cell::Number(1e308),
                ],
            ],
        )],
        None,
        None,
    );
    let out = plan_check().arg(&book).output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("S016"), "{err}");
}

/// A plan that writes out the range its names imply anyway (`valid = { min
/// = 0, max = 100 }` on 森林覆盖率, as the examples and drafts do) keeps the
/// scale check: 2.402 for 24.02 is refused.
#[test]
fn a_stated_range_the_name_implies_anyway_keeps_the_scale_check() {
    let plan = common::root().join("examples/plans/national-14th-fyp.toml");
    let out = run(&plan, "森林覆盖率", "2.402", "%");
    refused(&out, "S019", &["2.402", "基期 23.2"]);
    // 亿吨 is a count of what is never negative: 粮食综合生产能力 −6.8 refused.
    let out = run(&plan, "粮食综合生产能力", "-6.8", "亿吨");
    refused(&out, "S016", &["-6.8"]);
}
