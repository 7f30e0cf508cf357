//! The loader's tests: the plan as a whole (ids, names, years, TOML
//! errors, notes), with the helpers the others share; each row's reading
//! in `targets`, the 年均/累计 column in `period`, the plan's own checks in
//! `checks`.

use super::*;
use crate::diagnostic::Code;
use crate::plan::{Accumulate, DEFAULT_ABOUT_PCT, Threshold};

mod checks;
mod period;
mod targets;

const HEAD: &str = "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = 2020\ntarget_year = 2025\n";

fn plan_with(indicators: &str) -> Result<Plan, Diagnostic> {
    parse_plan(&format!("{HEAD}{indicators}"), "p.toml")
}

fn indicator(id: &str, extra: &str) -> String {
    format!(
        "\n[[indicator]]\nid = \"{id}\"\ncategory = \"c\"\nname = \"n{id}\"\nunit = \"%\"\nbaseline = 50\ntarget = \"＞60\"\nattribute = \"约束性\"\n{extra}"
    )
}

/// An indicator with the given baseline, cells and extra fields.
fn row(id: &str, name: &str, fields: &str) -> String {
    format!(
        "\n[[indicator]]\nid = \"{id}\"\ncategory = \"c\"\nname = \"{name}\"\nunit = \"%\"\nattribute = \"预期性\"\n{fields}"
    )
}

#[test]
fn duplicate_ids_name_both_lines() {
    let err = plan_with(&format!("{}{}", indicator("a", ""), indicator("a", ""))).unwrap_err();
    assert_eq!(err.code, Code::P004);
    assert_eq!(err.line, Some(16));
    assert!(err.message.zh.contains("第7行"), "{}", err.message.zh);
}

#[test]
fn unknown_attribute_names_the_indicator() {
    let text = indicator("a", "").replace("约束性", "必须性");
    let err = plan_with(&text).unwrap_err();
    assert_eq!(err.indicator.as_deref(), Some("a"));
    assert!(err.message.zh.contains("必须性"));
    assert!(
        err.message.en.starts_with("field attribute"),
        "{}",
        err.message.en
    );
    assert_eq!(
        (err.line, err.column),
        (Some(14), Some(13)),
        "points at the field"
    );
}

#[test]
fn names_are_non_empty_and_unique_within_their_category() {
    let err = plan_with(&indicator("a", "").replace("name = \"na\"", "name = \" \"")).unwrap_err();
    assert_eq!(err.code, Code::P004);
    assert!(err.message.en.contains("name is empty"));
    let same = indicator("b", "").replace("name = \"nb\"", "name = \"na\"");
    let err = plan_with(&format!("{}{same}", indicator("a", ""))).unwrap_err();
    assert_eq!(err.code, Code::P004);
    assert_eq!(err.line, Some(16));
    assert!(err.message.en.contains("line 7"), "{}", err.message.en);
    // The same name under another category is another indicator (在校学生数).
    let other = same.replace("category = \"c\"", "category = \"d\"");
    assert!(plan_with(&format!("{}{other}", indicator("a", ""))).is_ok());
}

#[test]
fn toml_errors_carry_line_and_column() {
    let err = parse_plan(&format!("{HEAD}\n[[indicator]]\nid = 3\n"), "p.toml").unwrap_err();
    assert_eq!(err.code, Code::P003);
    assert_eq!(err.line, Some(8));
    let err = parse_plan("[plan\n", "p.toml").unwrap_err();
    assert_eq!(err.line, Some(1));
}

#[test]
fn plan_years_are_years_a_table_can_hold() {
    for (baseline, target) in [(20, 25), (2020, 9999), (-5, 2025)] {
        let err = parse_plan(
            &format!("[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = {baseline}\ntarget_year = {target}\n"),
            "p.toml",
        )
        .unwrap_err();
        assert_eq!(err.code, Code::P005, "{baseline}–{target}");
    }
}

#[test]
fn years_must_run_forward() {
    let err = parse_plan(
        "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = 2025\ntarget_year = 2025\n",
        "p.toml",
    )
    .unwrap_err();
    assert_eq!(err.code, Code::P005);
}

#[test]
fn notes_groups_and_the_outlook_band_are_read() {
    let text = format!(
        "{}{}",
        HEAD.replace(
            "[plan]",
            "[plan]\nnotes = [\"①〔〕为5年累计数。\"]\non_schedule_ratio = 0.9"
        ),
        row(
            "a",
            "执业医师数",
            "baseline = 3.1\ntarget = \"＞3.7\"\ngroup = \"每千人口拥有医护人员数\"\nnote = \"按常住人口计\""
        )
    );
    let plan = parse_plan(&text, "p.toml").unwrap();
    assert_eq!(plan.meta.notes, ["①〔〕为5年累计数。"]);
    assert_eq!(plan.meta.on_schedule_ratio, 0.9);
    assert_eq!(
        plan.indicators[0].display_name(),
        "每千人口拥有医护人员数：执业医师数"
    );
    assert_eq!(plan.indicators[0].note.as_deref(), Some("按常住人口计"));
    let bad = HEAD.replace("[plan]", "[plan]\non_schedule_ratio = 1.5");
    assert!(parse_plan(&format!("{bad}{}", indicator("a", "")), "p.toml").is_err());
}
