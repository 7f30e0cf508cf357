//! CI and pipelines: JUnit, Markdown, GitHub annotations, --output, --quiet,
//! completions, man page and the published schemas.

mod common;

use common::*;
use std::io::Write;
use std::process::Stdio;

fn run(args: &[&str]) -> std::process::Output {
    plan_check().args(args).output().unwrap()
}

/// A 2025 file whose binding indicator fails on line 3.
fn failing_2025() -> (tempfile::TempDir, std::path::PathBuf) {
    write_csv(
        "2025.csv",
        "指标,数值\n毛入园率,98\n九年义务教育巩固率,95\n财政性教育经费占一般公共预算支出的比例,18\n",
    )
}

#[test]
fn junit_has_one_case_per_indicator_and_fails_only_failing_binding_ones() {
    let out = run(&["--format", "junit", "data/2023.csv"]);
    assert_eq!(out.status.code(), Some(0));
    let xml = stdout_of(&out);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 13);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("failure"))
            .count(),
        0
    );
    // Expected indicators that lag are visible, not failing.
    let spending = cases
        .iter()
        .find(|c| {
            c.attribute("name")
                .is_some_and(|n| n.contains("education_spending_share"))
        })
        .unwrap();
    assert!(
        spending.descendants().any(|n| n.has_tag_name("system-out")
            && n.text().is_some_and(|t| t.contains("滞后于序时进度")))
    );

    let (_dir, path) = failing_2025();
    let out = plan_check()
        .args(["--format", "junit"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let xml = stdout_of(&out);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let failures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 1, "{xml}");
    let case = failures[0].parent().unwrap();
    assert!(
        case.attribute("name")
            .unwrap()
            .contains("compulsory_retention_rate")
    );
    assert_eq!(case.attribute("line"), Some("3"));

    // With --strict every indicator that does not pass is a failure.
    let out = plan_check()
        .args(["--format", "junit", "--strict"])
        .arg(&path)
        .output()
        .unwrap();
    let doc_text = stdout_of(&out);
    let doc = roxmltree::Document::parse(&doc_text).unwrap();
    let strict_failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert!(strict_failures > 1, "{doc_text}");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(
        suite.attribute("failures"),
        Some(strict_failures.to_string().as_str())
    );
}

#[test]
fn github_annotations_point_at_the_failing_line() {
    let (_dir, path) = failing_2025();
    let out = plan_check()
        .args(["--format", "github"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    let shown = path.display().to_string();
    let error = text
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("no error in\n{text}"));
    assert!(
        error.starts_with(&format!("::error file={shown},line=3,")),
        "{error}"
    );
    assert!(error.contains("九年义务教育巩固率"), "{error}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("::error ")).count(),
        1
    );
    // The failing expected indicator is a warning on its own line.
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("::warning file={shown},line=4,"))),
        "{text}"
    );
    // An indicator with no row points at the file.
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("::warning file={shown},title="))),
        "{text}"
    );
}

#[test]
fn markdown_is_a_table_with_the_summary() {
    let out = run(&["--format", "markdown", "data/2023.csv"]);
    let text = stdout_of(&out);
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 2 + 13, "header, rule and 13 rows");
    assert!(
        rows.iter().all(|r| r.matches(" | ").count() == 9),
        "10 cells per row"
    );
    assert!(text.contains("⚠️ 滞后于序时进度"));
}

#[test]
fn output_file_is_written_whole_and_never_half() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.xml");
    std::fs::write(&target, "previous report").unwrap();

    // A run that could read nothing replaces the previous report whole with
    // one saying why (a stale report left in place read as this run's).
    let (_bad_dir, bad) = write_csv("2023.csv", "指标,数值\n毛入园率,约98\n");
    let out = plan_check()
        .args(["--format", "junit", "--output"])
        .arg(&target)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(
        written.starts_with("<?xml")
            && written.ends_with("</testsuites>\n")
            && written.contains("S004"),
        "{written}"
    );
    // JSON has no report of nothing judged: the previous file stays as it was.
    let previous = dir.path().join("report.json");
    std::fs::write(&previous, "previous report").unwrap();
    let out = plan_check()
        .args(["--format", "json", "--output"])
        .arg(&previous)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&previous).unwrap(),
        "previous report"
    );

    // A run killed while reading leaves nothing behind either.
    let fresh = dir.path().join("fresh.json");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("plan-check"))
        .current_dir(root())
        .args(["--year", "2023", "--format", "json", "--output"])
        .arg(&fresh)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all("指标,数值\n九年义务教育巩固率,100\n".as_bytes())
        .unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert!(!fresh.exists(), "a killed run wrote its output");

    // A successful run replaces it whole, with the same exit code as without --output.
    let out = plan_check()
        .args(["--format", "junit", "--output"])
        .arg(&target)
        .arg("data/2023.csv")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(
        written,
        stdout_of(&run(&["--format", "junit", "data/2023.csv"]))
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".plan-check-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn quiet_prints_nothing_and_keeps_the_exit_code() {
    let out = run(&["--quiet", "data/2023.csv"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let (_dir, path) = failing_2025();
    let out = plan_check().arg("-q").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    // A report asked for with --output is still written, in silence (a CI
    // job's `-q -o report.xml` published nothing: a helper's review).
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.xml");
    let out = plan_check()
        .args(["-q", "--format", "junit", "-o"])
        .arg(&report)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("<failure")
    );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(stdout_of(&out).contains("plan-check"), "{shell}");
    }
    let man = stdout_of(&run(&["man"]));
    assert!(man.contains(".TH plan-check"), "{man}");
    assert!(man.contains(r"\-\-format"), "documents the options");
    assert!(man.contains("退出码"), "and the exit codes");
}

#[test]
fn shipped_schemas_are_the_generated_ones() {
    for (of, file) in [
        ("plan", "schema/plan.schema.json"),
        ("report", "schema/report.schema.json"),
    ] {
        let generated = stdout_of(&run(&["schema", of]));
        let shipped = std::fs::read_to_string(root().join(file)).unwrap();
        assert!(
            generated == shipped,
            "{file} is out of date: run `cargo run -- schema {of} > {file}`"
        );
    }
}

fn validator(file: &str) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(file)).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("a valid schema")
}

#[test]
fn the_schemas_validate_the_shipped_plan_and_a_real_report() {
    let plan_text = std::fs::read_to_string(plan_path()).unwrap();
    let plan: serde_json::Value = toml::from_str(&plan_text).unwrap();
    let plan_schema = validator("schema/plan.schema.json");
    let errors: Vec<String> = plan_schema
        .iter_errors(&plan)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // And it rejects a broken one.
    let broken = plan_text.replace("attribute = \"约束性\"", "attribute = \"必须\"");
    let broken: serde_json::Value = toml::from_str(&broken).unwrap();
    assert!(!plan_schema.is_valid(&broken));

    let report_schema = validator("schema/report.schema.json");
    for file in ["data/2020.csv", "data/2022.csv", "data/2023.csv", "data/"] {
        let report = json_of(&run(&["--format", "json", file]));
        let errors: Vec<String> = report_schema
            .iter_errors(&report)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

/// `--format csv --output FILE` starts with a UTF-8 byte-order mark, as
/// Excel's "CSV UTF-8" does, so Excel on a Chinese Windows reads it as UTF-8;
/// standard output (a pipe) has none.
#[test]
fn a_csv_file_has_a_bom_and_a_pipe_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("结果.csv");
    let out = plan_check()
        .args(["--format", "csv", "--output"])
        .arg(&path)
        .arg("data/2023.csv")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}region,".as_bytes()));
    let piped = plan_check()
        .args(["--format", "csv", "data/2023.csv"])
        .output()
        .unwrap();
    assert!(piped.stdout.starts_with(b"region,"));
}

/// With every file broken nothing can be judged and the run exits 2; under
/// `--format github` it printed nothing on standard output, so CI marked no
/// file (a helper's slips). Each error is an `::error` on its file and line.
#[test]
fn a_run_that_judges_nothing_still_annotates_its_errors_for_github() {
    let (_dir, path) = common::write_csv("2023.csv", "指标,数值\n毛入园率,abc\n");
    let out = common::plan_check()
        .args(["--format", "github"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = common::stdout_of(&out);
    assert!(
        text.starts_with("::error file=") && text.contains("line=2") && text.contains("S004"),
        "{text}"
    );
    // Other formats keep standard output empty: nothing was judged.
    let out = common::plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(common::stdout_of(&out), "");
}

/// `--format junit -o report.xml` with every file broken wrote no report, so
/// the README's CI loops published nothing for that year (a helper's slips):
/// the report holds an errored case per file, and the run still exits 2.
#[test]
fn a_run_that_judges_nothing_still_writes_its_junit_report() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("2023.csv");
    let bad = dir.path().join("2024.csv");
    std::fs::write(&good, "指标,数值\n毛入园率,\"98,3\n").unwrap();
    std::fs::write(&bad, "指标,数值\n毛入园率,abc\n").unwrap();
    let report = dir.path().join("report.xml");
    let out = common::plan_check()
        .args(["--format", "junit", "-o"])
        .arg(&report)
        .arg(&good)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr_of(&out).contains("S004"));
    let xml = std::fs::read_to_string(&report).expect("a report is written");
    assert!(
        xml.contains("<testsuites name=\"plan-check\" tests=\"2\" failures=\"0\" errors=\"2\""),
        "{xml}"
    );
    assert_eq!(
        xml.matches("<testcase classname=\"inputs\"").count(),
        2,
        "{xml}"
    );
    assert!(xml.contains("2024.csv") && xml.contains("S004"), "{xml}");
    // A broken plan: the same, one case for the plan file.
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, "[plan\n").unwrap();
    let out = common::plan_check()
        .args(["--format", "junit", "--plan"])
        .arg(&plan)
        .arg("data/2023.csv")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let xml = common::stdout_of(&out);
    assert!(
        xml.contains("errors=\"1\"") && xml.contains("P003"),
        "{xml}"
    );
}

/// A run that judged nothing writes its JUnit or GitHub report, but never
/// over a file of the run: `-o` naming the statistics (refused, U004) or the
/// broken plan wrote the report over it, the input lost (a helper's review).
#[test]
fn the_report_of_a_run_that_judged_nothing_never_goes_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("2023.csv");
    std::fs::copy(common::root().join("data/2023.csv"), &data).unwrap();
    let before = std::fs::read(&data).unwrap();
    for format in ["junit", "github"] {
        let out = common::plan_check()
            .args(["--format", format, "-o"])
            .arg(&data)
            .arg(&data)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(common::stderr_of(&out).contains("U004"), "{format}");
        assert_eq!(std::fs::read(&data).unwrap(), before, "{format}");
    }
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, "[plan\n").unwrap();
    for target in [&data, &plan] {
        let kept = std::fs::read(target).unwrap();
        let out = common::plan_check()
            .args(["--format", "junit", "--plan"])
            .arg(&plan)
            .arg("-o")
            .arg(target)
            .arg(&data)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            common::stderr_of(&out).contains("U004"),
            "{}",
            common::stderr_of(&out)
        );
        assert_eq!(std::fs::read(target).unwrap(), kept);
    }
    // A folder as the output is said, not swallowed.
    let out = common::plan_check()
        .args(["--format", "junit", "--plan"])
        .arg(&plan)
        .arg("-o")
        .arg(dir.path())
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr_of(&out).contains("U003"),
        "{}",
        common::stderr_of(&out)
    );
}

/// An indicator a district's return lacks entirely was annotated on every
/// file of the run joined by commas (a reviewer's city folder of 18
/// returns): it points at the file its district's other figures came from.
#[test]
fn a_missing_indicator_points_at_its_regions_file() {
    let dir = tempfile::tempdir().unwrap();
    // 示例数据，非官方统计.
    std::fs::write(
        dir.path().join("a.csv"),
        "地区,指标,数值,年份\n甲区,九年义务教育巩固率,99,2023\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.csv"),
        "地区,指标,数值,年份\n乙区,毛入园率,98,2023\n",
    )
    .unwrap();
    let out = plan_check()
        .args(["--format", "github"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = stdout_of(&out);
    let line = text
        .lines()
        .find(|l| l.contains("乙区") && l.contains("九年义务教育巩固率"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("b.csv,") && !line.contains("a.csv"), "{line}");
}

/// An indicator with no figure in the run's latest year is judged at its own
/// latest year, and the run's year counts it 未填报 (JSON, JUnit, the
/// summary): GitHub annotated it only when binding, an expected one with
/// its earlier year's status or not at all (a reviewer's 3 annotations for
/// 4 rows not passing).
#[test]
fn github_annotates_every_row_the_latest_year_counts_unreported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("data/2023.csv"),
        dir.path().join("2023.csv"),
    )
    .unwrap();
    // 2024: 2023's figures less two rows, one on track in 2023, one behind
    // (示例数据，非官方统计).
    let year = std::fs::read_to_string(common::root().join("data/2023.csv")).unwrap();
    let kept: Vec<String> = year
        .lines()
        .filter(|l| !l.contains(",毛入园率,") && !l.contains("九年义务教育巩固率"))
        .map(|l| l.replace("2023", "2024"))
        .collect();
    std::fs::write(dir.path().join("2024.csv"), kept.join("\n") + "\n").unwrap();
    let run = |format: &str| {
        plan_check()
            .args(["--format", format])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let v: serde_json::Value = serde_json::from_slice(&run("json").stdout).unwrap();
    let unreported: Vec<String> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["as_of"] != 2024)
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(unreported.len(), 2, "{unreported:?}");
    let text = stdout_of(&run("github"));
    for name in &unreported {
        let line = text
            .lines()
            .find(|l| l.starts_with("::") && l.contains(&format!("/{name}：")))
            .unwrap_or_else(|| panic!("{name}: {text}"));
        assert!(line.contains("2024年未填报"), "{line}");
    }
    // The binding one fails the run: an error; the expected one a warning.
    assert!(
        text.lines()
            .any(|l| l.starts_with("::error") && l.contains("九年义务教育巩固率")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("::warning") && l.contains("/毛入园率：")),
        "{text}"
    );
}
