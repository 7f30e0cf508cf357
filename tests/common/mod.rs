#![allow(dead_code)]

pub mod xlsx;

use assert_cmd::Command;
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn plan_path() -> PathBuf {
    root().join("plan/jiangjin-education-14th-fyp.toml")
}

/// The built binary, run from the project root with no colour and no inherited
/// plan or language settings.
pub fn plan_check() -> Command {
    let mut cmd = Command::cargo_bin("plan-check").expect("binary built");
    cmd.current_dir(root())
        .env_remove("PLAN_CHECK_PLAN")
        .env_remove("PLAN_CHECK_LANG")
        .env("NO_COLOR", "1");
    cmd
}

/// A statistics file in a fresh temporary directory; the directory lives as long
/// as the returned guard.
pub fn write_csv(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write csv");
    (dir, path)
}

/// The shipped 2023 file with one indicator's value replaced.
pub fn data_2023_with(name: &str, value: &str) -> String {
    let text = std::fs::read_to_string(root().join("data/2023.csv")).expect("data/2023.csv");
    let mut found = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            if cells.get(1) == Some(&name) {
                found = true;
                let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
                cells[2] = value.to_owned();
                cells.join(",")
            } else {
                line.to_owned()
            }
        })
        .collect();
    assert!(found, "{name} not in data/2023.csv");
    lines.join("\n") + "\n"
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
}

pub fn json_of(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

/// The result object of indicator `id` in a JSON report.
pub fn result<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    item(&report["results"], "id", id)
}

/// The object of the JSON array `list` whose `key` is `value`.
pub fn item<'a>(list: &'a serde_json::Value, key: &str, value: &str) -> &'a serde_json::Value {
    list.as_array()
        .unwrap_or_else(|| panic!("an array: {list}"))
        .iter()
        .find(|r| r[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value} in {list}"))
}

/// The JSON a run of plan-check with `args` writes, and its exit code.
pub fn json_run(args: &[&std::ffi::OsStr]) -> (serde_json::Value, Option<i32>) {
    let out = plan_check()
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("run");
    let code = out.status.code();
    assert!(!out.stdout.is_empty(), "{}", stderr_of(&out));
    (json_of(&out), code)
}

/// The reported figures of a JSON report (every `actual`), as the tables
/// print them.
pub fn figures_of(json: &serde_json::Value) -> Vec<String> {
    fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(a) = map.get("actual").and_then(serde_json::Value::as_f64) {
                    out.push(plan_check::number::display(a));
                }
                map.values().for_each(|v| collect(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    collect(json, &mut out);
    out.sort();
    out.dedup();
    out
}

/// `figure` on `line` as a whole number, not part of a longer one.
pub fn whole(line: &str, figure: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || c == '.';
    line.match_indices(figure).any(|(i, _)| {
        !line[..i].chars().next_back().is_some_and(digit)
            && !line[i + figure.len()..].chars().next().is_some_and(digit)
    })
}

/// The rows of the national 15th plan's transcription
/// (`tests/fixtures/national-15th-fyp.md`): #, 类别, 指标, 2025年, 2030年,
/// 年均/累计, 属性.
pub fn national_rows() -> Vec<Vec<String>> {
    transcription_rows("tests/fixtures/national-15th-fyp.md")
}

/// The rows of a plan table transcribed as Markdown (`| # | 类别 | 指标 |
/// 基期 | 目标 | 年均/累计 | 属性 |`), each a list of its cells.
pub fn transcription_rows(file: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    text.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

/// Every cell of `plan` is the printed one of the transcription `rows` (#,
/// 类别, 指标 with its unit in brackets, 基期, 目标, 年均/累计, 属性), row by row.
pub fn assert_cells_as_printed(plan: &plan_check::plan::Plan, rows: &[Vec<String>]) {
    assert_eq!(rows.len(), plan.indicators.len());
    for (row, ind) in rows.iter().zip(&plan.indicators) {
        let [_, category, name, baseline, target, period, attribute] = row.as_slice() else {
            panic!("a row of seven cells: {row:?}");
        };
        let at = &ind.id;
        assert_eq!(&ind.category, category, "{at}");
        // The printed 指标 cell: the name (under its heading) and the unit in brackets.
        assert_eq!(
            &format!("{}（{}）", ind.display_name(), ind.unit),
            name,
            "{at}"
        );
        let printed_baseline = ind.baseline_text.clone().unwrap_or_else(|| {
            plan_check::number::display(ind.baseline.expect("a number or its text"))
        });
        assert_eq!(&printed_baseline, baseline, "{at}");
        assert_eq!(&ind.target_text, target, "{at}");
        assert_eq!(
            ind.period_target.as_deref().unwrap_or("—"),
            period.as_str(),
            "{at}"
        );
        let attr = match ind.attribute {
            plan_check::plan::Attribute::Binding => "约束性",
            plan_check::plan::Attribute::Expected => "预期性",
        };
        assert_eq!(attr, attribute, "{at}");
    }
}

/// The text of a written Word document's body (`word/document.xml`).
#[allow(dead_code)]
pub fn docx_xml(path: &std::path::Path) -> String {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("a .docx is a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("a body"),
        &mut xml,
    )
    .expect("UTF-8");
    xml
}
