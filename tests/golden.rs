//! Golden tests: the exact output of each format on the shipped 2023 file.
//! Review a change with `cargo insta review` (or `INSTA_UPDATE=always cargo test`
//! and `git diff tests/snapshots`).

mod common;

use common::*;

fn run(args: &[&str]) -> String {
    let out = plan_check().args(args).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&out)
    );
    stdout_of(&out)
}

#[test]
fn table_zh() {
    insta::assert_snapshot!(run(&["data/2023.csv"]));
}

#[test]
fn table_en() {
    insta::assert_snapshot!(run(&["--lang", "en", "data/2023.csv"]));
}

#[test]
fn json() {
    insta::assert_snapshot!(run(&["--format", "json", "data/2023.csv"]));
}

#[test]
fn csv() {
    insta::assert_snapshot!(run(&["--format", "csv", "data/2023.csv"]));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(run(&["--format", "markdown", "data/2023.csv"]));
}

#[test]
fn junit() {
    insta::assert_snapshot!(run(&["--format", "junit", "data/2023.csv"]));
}

#[test]
fn github() {
    insta::assert_snapshot!(run(&["--format", "github", "data/2023.csv"]));
}

#[test]
fn period_table() {
    insta::assert_snapshot!(run(&["data/"]));
}

#[test]
fn period_table_en() {
    insta::assert_snapshot!(run(&["--lang", "en", "data/"]));
}

#[test]
fn period_json() {
    insta::assert_snapshot!(run(&["--format", "json", "data/"]));
}

#[test]
fn regions_table_and_matrix() {
    let text = "地区,指标,数值\n甲区,九年义务教育巩固率,100\n甲区,毛入园率,98\n乙区,九年义务教育巩固率,95\n乙区,毛入园率,98\n丙区,九年义务教育巩固率,99\n";
    let (_dir, path) = write_csv("2023.csv", text);
    let out = plan_check().arg("--matrix").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout_of(&out));
}

#[test]
fn plan_listing() {
    insta::assert_snapshot!(run(&["plan"]));
}

#[test]
fn template() {
    insta::assert_snapshot!(run(&["template"]));
}

#[test]
fn error_messages() {
    let cases = [
        ("2023.csv", "指标,数值\n毛入园率,12.3.4\n"),
        ("2023.csv", "指标,数值\n在校学生数,12\n"),
        ("2023.csv", "指标,数值\n毛入园率,98\n毛入园率（%）,98\n"),
        ("2023.csv", "名称,值\n毛入园率,98\n"),
        (
            "2023.csv",
            "指标,数值\n在园幼儿数,\"3,9\"\n在园幼儿数(万人),3,9\n",
        ),
        ("2023.csv", "指标,数值,单位\n在园幼儿数,39,%\n"),
        ("2023.csv", "指标,数值\n在园幼儿数,3.9%\n"),
        ("stats.csv", "指标,数值\n毛入园率,98\n"),
    ];
    let mut all = String::new();
    for (name, text) in cases {
        let (_dir, path) = write_csv(name, text);
        let out = plan_check().arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = stderr_of(&out).replace(&path.display().to_string(), name);
        all.push_str(&format!("--- {text}{err}\n"));
    }
    insta::assert_snapshot!(all);
}
