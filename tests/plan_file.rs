//! The shipped plan file against 专栏1 of the printed plan, cell for cell.
//!
//! The table below is transcribed from ../shared/seeds/001 (专栏1 “江津教育事业
//! ‘十四五’规划主要指标”); the printed name carries the unit in brackets.

mod common;

use plan_check::plan::{Attribute, load_plan};

const PRINTED: [(&str, &str, &str, &str, &str); 13] = [
    ("学前教育", "在园幼儿数（万人）", "3.93", "3.9", "预期性"),
    ("学前教育", "毛入园率（%）", "98.2", "＞97", "预期性"),
    (
        "学前教育",
        "公办幼儿园在园幼儿占比（%）",
        "52.19",
        "55",
        "预期性",
    ),
    ("义务教育", "在校学生数（万人）", "12.8", "11.1", "预期性"),
    ("义务教育", "其中：普通小学", "7.7", "7.1", "预期性"),
    ("义务教育", "普通初中", "5.1", "4.1", "预期性"),
    (
        "义务教育",
        "九年义务教育巩固率（%）",
        "100",
        "＞96",
        "约束性",
    ),
    ("高中阶段教育", "在校学生数（万人）", "4.6", "5", "预期性"),
    ("高中阶段教育", "其中：普通高中", "2.3", "2.5", "预期性"),
    ("高中阶段教育", "中等职业教育", "2.3", "2.5", "预期性"),
    (
        "高中阶段教育",
        "高中阶段教育毛入学率（%）",
        "98.5",
        "＞98",
        "预期性",
    ),
    (
        "高等教育",
        "高等教育在学总规模（万人）",
        "8.2",
        "10.5",
        "预期性",
    ),
    (
        "教育投入",
        "财政性教育经费占一般公共预算支出的比例（%）",
        "17.99",
        "＞19",
        "预期性",
    ),
];

#[test]
fn the_plan_matches_the_printed_table() {
    let plan = load_plan(&common::plan_path()).expect("the shipped plan loads");
    assert_eq!(plan.meta.baseline_year, 2020);
    assert_eq!(plan.meta.target_year, 2025);
    assert_eq!(plan.meta.region.as_deref(), Some("江津区"));
    assert_eq!(plan.meta.issued.as_deref(), Some("2022-03-30"));
    assert_eq!(plan.indicators.len(), PRINTED.len());
    for (ind, (category, printed_name, baseline, target, attribute)) in
        plan.indicators.iter().zip(PRINTED)
    {
        assert_eq!(ind.category, category, "{}", ind.id);
        // The printed name is the name, with the unit in brackets where the table has it,
        // and 其中： on the first part of a group.
        let bare = printed_name
            .trim_start_matches("其中：")
            .split('（')
            .next()
            .unwrap();
        assert_eq!(ind.name, bare, "{}", ind.id);
        if let Some(unit) = printed_name.split('（').nth(1) {
            assert_eq!(ind.unit, unit.trim_end_matches('）'), "{}", ind.id);
        }
        assert_eq!(
            ind.baseline,
            Some(baseline.parse::<f64>().unwrap()),
            "{}",
            ind.id
        );
        assert_eq!(ind.target_text, target, "{}", ind.id);
        let expected = match attribute {
            "约束性" => Attribute::Binding,
            _ => Attribute::Expected,
        };
        assert_eq!(ind.attribute, expected, "{}", ind.id);
    }
    let parts: Vec<&str> = plan
        .indicators
        .iter()
        .filter(|i| i.part_of.is_some())
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        parts,
        [
            "primary_students",
            "junior_secondary_students",
            "general_high_school_students",
            "secondary_vocational_students"
        ]
    );
}

/// A plan saved in GBK (Notepad's or WPS's Chinese default) is refused as
/// not UTF-8, with the encoding it looks like and the line of its first
/// such byte (it was 内容无法读取); a region typed with a space after it is
/// the region the data names.
#[test]
fn a_plan_in_gbk_is_said_to_be_and_a_region_is_trimmed() {
    let text =
        std::fs::read_to_string(common::root().join("plan/jiangjin-education-14th-fyp.toml"))
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gbk = dir.path().join("gbk.toml");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&gbk, &bytes).unwrap();
    let err = load_plan(&gbk).unwrap_err();
    assert_eq!(err.code, plan_check::diagnostic::Code::P002);
    assert!(
        err.message.zh.contains("不是 UTF-8") && err.message.zh.contains("gb18030"),
        "{}",
        err.message.zh
    );
    assert!(err.line.is_some());
    let spaced = dir.path().join("spaced.toml");
    std::fs::write(
        &spaced,
        text.replacen("region = \"江津区\"", "region = \"江津区 \"", 1),
    )
    .unwrap();
    assert_eq!(
        load_plan(&spaced).unwrap().meta.region.as_deref(),
        Some("江津区")
    );
}

/// Two names of one category that the statistics reader cannot tell apart
/// (`研发经费投入增长` and `研发经费投入增长（%）`, a hand-written plan) are
/// refused at the plan, with both lines; every row of the data was S006
/// with a hint to add the 分类 column the file had (a reviewer's).
#[test]
fn names_the_statistics_cannot_tell_apart_are_refused_at_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.toml");
    let row = |id: &str, name: &str| {
        format!(
            "\n[[indicator]]\nid = \"{id}\"\ncategory = \"创新驱动\"\nname = \"{name}\"\nunit = \"%\"\nbaseline = 8\ntarget = \"≥7\"\nattribute = \"预期性\"\n"
        )
    };
    std::fs::write(
        &plan,
        format!(
            "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = 2020\ntarget_year = 2025\n{}{}",
            row("a", "研发经费投入增长"),
            row("b", "研发经费投入增长（%）")
        ),
    )
    .unwrap();
    let out = common::plan_check()
        .args(["--plan"])
        .arg(&plan)
        .arg("plan")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = common::stderr_of(&out);
    assert!(err.contains("P004") && err.contains("分不开"), "{err}");
    assert!(err.contains("p.toml:16") && err.contains("第7行"), "{err}");
}
