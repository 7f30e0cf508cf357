//! End-to-end: the built binary on the real plan and data, and on bad input.

mod common;

use common::*;

#[test]
fn every_shipped_data_file_checks_and_passes_its_binding_indicator() {
    for (file, year) in [
        ("data/2020.csv", 2020),
        ("data/2022.csv", 2022),
        ("data/2023.csv", 2023),
    ] {
        let out = plan_check()
            .args(["--format", "json", file])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr_of(&out));
        let report = json_of(&out);
        assert_eq!(report["year"], year, "{file}");
        assert_eq!(report["results"].as_array().unwrap().len(), 13, "{file}");
        assert_eq!(
            result(&report, "compulsory_retention_rate")["status"],
            "achieved",
            "{file}"
        );
    }
}

#[test]
fn the_2023_table_shows_every_status_the_plan_can_produce() {
    let out = plan_check().arg("data/2023.csv").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = stdout_of(&out);
    for label in [
        "已达标",
        "符合序时进度",
        "滞后于序时进度",
        "未达标",
        "未填报",
    ] {
        assert!(table.contains(label), "no {label} in\n{table}");
    }
    assert!(!table.contains('\u{1b}'), "no colour when piped");
}

#[test]
fn the_2022_file_reports_only_the_published_figures() {
    let out = plan_check()
        .args(["--format", "json", "data/2022.csv"])
        .output()
        .unwrap();
    let report = json_of(&out);
    assert_eq!(
        result(&report, "preschool_gross_enrolment_rate")["actual"],
        98.25
    );
    assert_eq!(
        result(&report, "public_kindergarten_share")["actual"],
        55.38
    );
    assert_eq!(result(&report, "compulsory_students")["status"], "missing");
    assert_eq!(report["summary"]["expected"]["missing"], 10);
}

#[test]
fn spending_share_in_2023_is_judged_against_the_schedule() {
    for (value, status) in [
        ("18.0", "behind"),
        ("18.7", "on_track"),
        ("18.596", "on_track"),
    ] {
        let (_dir, path) = write_csv(
            "2023.csv",
            &data_2023_with("财政性教育经费占一般公共预算支出的比例", value),
        );
        let out = plan_check()
            .args(["--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let report = json_of(&out);
        let r = result(&report, "education_spending_share");
        assert_eq!(r["status"], status, "value {value}");
        assert_eq!(r["required"], 18.596);
        assert_eq!(
            out.status.code(),
            Some(0),
            "an expected indicator does not fail the run"
        );
    }
}

#[test]
fn a_failing_binding_indicator_in_2025_exits_1() {
    let text = "指标,数值\n九年义务教育巩固率,95\n";
    let (_dir, path) = write_csv("2025.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let table = stdout_of(&out);
    assert!(
        table.contains("约束性指标未达到要求：九年义务教育巩固率（未达标）"),
        "{table}"
    );
}

#[test]
fn a_missing_binding_indicator_exits_1() {
    let text = "指标,数值\n毛入园率,98\n";
    let (_dir, path) = write_csv("2023.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout_of(&out).contains("九年义务教育巩固率（未填报）"));
    // An empty cell is the same as no row: not reported.
    let text = "指标,数值\n九年义务教育巩固率,\n";
    let (_dir, path) = write_csv("2023.csv", text);
    assert_eq!(
        plan_check().arg(&path).output().unwrap().status.code(),
        Some(1)
    );
}

#[test]
fn expected_failures_exit_0_and_1_with_strict() {
    // Every indicator reported; only 毛入园率 (expected) fails its held line.
    let text = data_2023_with("毛入园率", "96")
        .replace(
            "高等教育,高等教育在学总规模,,",
            "高等教育,高等教育在学总规模,9.7,",
        )
        .replace(",5.0,", ",4.5,")
        .replace(",18.2,", ",18.7,");
    let (_dir, path) = write_csv("2023.csv", &text);
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let report = json_of(&out);
    assert_eq!(
        report["summary"]["failing_expected"],
        serde_json::json!(["preschool_gross_enrolment_rate"])
    );
    let strict = plan_check().arg("--strict").arg(&path).output().unwrap();
    assert_eq!(strict.status.code(), Some(1));
    assert!(stdout_of(&strict).contains("严格模式"));
}

#[test]
fn a_later_year_is_judged_against_the_target() {
    let text = "指标,数值\n九年义务教育巩固率,99\n财政性教育经费占一般公共预算支出的比例,18.9\n";
    let (_dir, path) = write_csv("2027.csv", text);
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let report = json_of(&out);
    let r = result(&report, "education_spending_share");
    assert_eq!(r["status"], "failed");
    assert_eq!(r["required"], 19.0);
}

#[test]
fn an_unknown_indicator_is_a_warning_with_a_suggestion_and_an_error_when_strict() {
    let text = "指标,数值\n九年义务教育巩固率,100\n毛入圆率,98\n";
    let (_dir, path) = write_csv("2023.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr_of(&out);
    assert!(err.contains("警告[S007]"), "{err}");
    assert!(err.contains(":3"), "names the line: {err}");
    assert!(err.contains("毛入园率"), "suggests the close name: {err}");
    let strict = plan_check().arg("--strict").arg(&path).output().unwrap();
    assert_eq!(strict.status.code(), Some(2));
    assert!(stderr_of(&strict).contains("错误[S007]"));
}

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let text = "指标,数值\n在校学生数,12\n";
    let (_dir, path) = write_csv("2023.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("S006"), "{err}");
    assert!(
        err.contains("义务教育/在校学生数") && err.contains("高中阶段教育/在校学生数"),
        "{err}"
    );
    // With a category it resolves.
    let text = "分类,指标,数值\n义务教育,在校学生数,12\n义务教育,九年义务教育巩固率,100\n";
    let (_dir, path) = write_csv("2023.csv", text);
    assert_eq!(
        plan_check().arg(&path).output().unwrap().status.code(),
        Some(0)
    );
}

#[test]
fn a_non_numeric_value_exits_2_naming_file_line_and_indicator() {
    let text = "指标,数值\n九年义务教育巩固率,100\n毛入园率,约98\n";
    let (_dir, path) = write_csv("2023.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("2023.csv:3:2"), "{err}");
    assert!(err.contains("毛入园率") && err.contains("约98"), "{err}");
    assert!(out.stdout.is_empty(), "nothing judged, nothing printed");
}

#[test]
fn a_duplicate_row_names_both_lines() {
    let text = "指标,数值\n九年义务教育巩固率,100\n毛入园率,98\n其中：毛入园率,98.1\n";
    let (_dir, path) = write_csv("2023.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("2023.csv:4"), "{err}");
    assert!(err.contains("2023.csv:3"), "names the first place: {err}");
}

#[test]
fn without_a_year_the_error_says_how_to_give_one() {
    let text = "指标,数值\n九年义务教育巩固率,100\n";
    let (_dir, path) = write_csv("stats.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--year"));
    let ok = plan_check()
        .args(["--year", "2023"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn a_year_column_is_used_and_checked_against_the_option() {
    let text = "指标,数值,年份\n九年义务教育巩固率,100,2024\n";
    let (_dir, path) = write_csv("stats.csv", text);
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(json_of(&out)["year"], 2024);
    let clash = plan_check()
        .args(["--year", "2023"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(clash.status.code(), Some(2));
    let before = "指标,数值,年份\n九年义务教育巩固率,100,2019\n";
    let (_dir, path) = write_csv("stats.csv", before);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("2019"));
}

#[test]
fn a_plan_that_cannot_be_read_exits_2() {
    let out = plan_check()
        .args(["--plan", "no/such/plan.toml", "data/2023.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("P002"));

    let (_dir, bad) = write_csv("bad.toml", "[plan]\nid = \"x\"\ntitle = \n");
    let out = plan_check()
        .arg("--plan")
        .arg(&bad)
        .arg("data/2023.csv")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("P003") && err.contains("bad.toml:3"), "{err}");
}

#[test]
fn the_plan_is_found_in_plan_dir_or_through_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plan")).unwrap();
    std::fs::copy(plan_path(), dir.path().join("plan/a.toml")).unwrap();
    let data = root().join("data/2023.csv");
    let run = || {
        plan_check()
            .current_dir(dir.path())
            .arg(&data)
            .output()
            .unwrap()
    };
    assert_eq!(run().status.code(), Some(0));
    std::fs::copy(plan_path(), dir.path().join("plan/b.toml")).unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("a.toml") && err.contains("b.toml"),
        "lists them: {err}"
    );
    let out = plan_check()
        .current_dir(dir.path())
        .env("PLAN_CHECK_PLAN", dir.path().join("plan/b.toml"))
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// Run from elsewhere, the plan is found beside the statistics: in a
/// `plan/` beside or above their folder, or the one `.toml` kept in the
/// folder given (a first-time user's run stopped at P001 there).
#[test]
fn the_plan_is_found_beside_the_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    std::fs::create_dir_all(ws.join("plan")).unwrap();
    std::fs::create_dir_all(ws.join("统计")).unwrap();
    std::fs::copy(plan_path(), ws.join("plan/a.toml")).unwrap();
    std::fs::copy(root().join("data/2023.csv"), ws.join("统计/2023.csv")).unwrap();
    let run = |arg: &str| {
        plan_check()
            .current_dir(dir.path())
            .arg(arg)
            .output()
            .unwrap()
    };
    for arg in ["ws/统计/", "ws/统计/2023.csv"] {
        let out = run(arg);
        assert_eq!(out.status.code(), Some(0), "{arg}: {}", stderr_of(&out));
    }
    // The plan kept with the figures: used, and not called a stray file.
    let kept = dir.path().join("kept");
    std::fs::create_dir(&kept).unwrap();
    std::fs::copy(plan_path(), kept.join("规划.toml")).unwrap();
    std::fs::copy(root().join("data/2023.csv"), kept.join("2023.csv")).unwrap();
    let out = run("kept/");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains("S026"), "{}", stderr_of(&out));
    // Nothing anywhere near: still P001.
    let alone = dir.path().join("alone");
    std::fs::create_dir(&alone).unwrap();
    std::fs::copy(root().join("data/2023.csv"), alone.join("2023.csv")).unwrap();
    let out = run("alone/2023.csv");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("P001"));
}

#[test]
fn standard_input_with_year_equals_the_file() {
    let file = plan_check().arg("data/2023.csv").output().unwrap();
    let piped = plan_check()
        .args(["--year", "2023", "-"])
        .pipe_stdin(root().join("data/2023.csv"))
        .unwrap()
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(stdout_of(&file), stdout_of(&piped));
}

#[test]
fn english_output_on_request() {
    let out = plan_check()
        .args(["--lang", "en", "data/2023.csv"])
        .output()
        .unwrap();
    let table = stdout_of(&out);
    assert!(
        table.contains("behind schedule") && table.contains("Verdict"),
        "{table}"
    );
    let text = "indicator,value\ncompulsory_retention_rate,abc\n";
    let (_dir, path) = write_csv("2023.csv", text);
    let out = plan_check()
        .args(["--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(stderr_of(&out).contains("is not a number"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let out = plan_check()
        .args(["--color", "always", "data/2023.csv"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains('\u{1b}'), "--color always colours");
    let out = plan_check()
        .env_remove("NO_COLOR")
        .arg("data/2023.csv")
        .output()
        .unwrap();
    assert!(
        !stdout_of(&out).contains('\u{1b}'),
        "auto: not a terminal, no colour"
    );
}

#[test]
fn the_template_round_trips() {
    let out = plan_check()
        .args(["template", "--year", "2024"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let template = stdout_of(&out);
    assert!(template.starts_with('\u{feff}'), "BOM for Excel");
    assert_eq!(template.lines().count(), 14);
    // Fill every value with the baseline and check it.
    let plan = plan_check::plan::load_plan(&plan_path()).unwrap();
    let mut filled = String::new();
    for (i, line) in template.lines().enumerate() {
        if i == 0 {
            filled.push_str(line);
        } else {
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            cells[2] = plan.indicators[i - 1]
                .baseline
                .map(|b| b.to_string())
                .unwrap_or_default();
            filled.push_str(&cells.join(","));
        }
        filled.push('\n');
    }
    let (_dir, path) = write_csv("filled.csv", &filled);
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let report = json_of(&out);
    assert_eq!(report["year"], 2024);
    assert!(
        report["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["actual"].is_number())
    );
}

#[test]
fn the_plan_listing_shows_rules_and_the_parts_note() {
    let out = plan_check().arg("plan").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout_of(&out);
    assert!(text.contains("3.9 ± 5%（预测值）"), "{text}");
    assert!(
        text.contains("其中 普通小学 + 普通初中 之和 = 11.2，不一致"),
        "{text}"
    );
    assert!(
        text.contains("在校学生数 = 12.8，其中 普通小学 + 普通初中 之和 = 12.8，一致"),
        "{text}"
    );
}

#[test]
fn no_file_is_a_usage_error() {
    let out = plan_check().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("plan-check data/2023.csv"));
}

#[test]
fn help_documents_the_exit_codes() {
    let out = plan_check().arg("--help").output().unwrap();
    let help = stdout_of(&out);
    assert!(
        help.contains("退出码") && help.contains("Exit codes"),
        "{help}"
    );
}

/// The plan is found from a subfolder, as git and cargo find their files:
/// `cd data && plan-check 2023.csv`.
#[test]
fn the_plan_is_found_from_a_subfolder() {
    let out = plan_check()
        .current_dir(root().join("data"))
        .args(["--format", "json", "2023.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let report = json_of(&out);
    assert_eq!(
        report["plan"]["file"],
        "../plan/jiangjin-education-14th-fyp.toml"
    );
}

/// `--help` of every command is laid out to the terminal's width (clap reads
/// it, or `COLUMNS`), counting a Chinese character as two columns: no line
/// wider than an 80-column terminal, so none is cut mid-word by it.
#[test]
fn help_fits_an_80_column_terminal() {
    use unicode_width::UnicodeWidthStr;
    for args in [
        &["--help"][..],
        &["import", "--help"],
        &["report", "--help"],
        &["template", "--help"],
        &["plan", "--help"],
    ] {
        let out = common::plan_check()
            .env("COLUMNS", "80")
            .args(args)
            .output()
            .unwrap();
        let text = common::stdout_of(&out);
        assert!(text.lines().count() > 5, "{args:?}");
        for line in text.lines() {
            assert!(
                line.width() <= 80,
                "{args:?}: {} columns: {line}",
                line.width()
            );
        }
    }
}

/// `--output 结果.xlsx` with no `--format` writes a workbook (never a text
/// table in a file Excel refuses); `.csv` a CSV with its BOM, `.json` JSON.
#[test]
fn the_output_s_extension_chooses_the_format_when_none_is_given() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("结果.xlsx", &b"PK\x03\x04"[..]),
        ("结果.csv", "\u{feff}region,".as_bytes()),
        ("结果.json", b"{"),
    ] {
        let path = dir.path().join(name);
        let out = common::plan_check()
            .arg("data/2023.csv")
            .arg("-o")
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            common::stderr_of(&out)
        );
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes.starts_with(starts),
            "{name}: {:?}",
            &bytes[..8.min(bytes.len())]
        );
    }
    // A format the extension contradicts: refused, nothing written (CSV
    // text in a file named .xlsx, which Excel refuses, was written with
    // “已写出”: a reviewer's slip).
    let path = dir.path().join("表.xlsx");
    let out = common::plan_check()
        .args(["--format", "csv", "data/2023.csv", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr_of(&out).contains("--format csv 与输出文件的扩展名 .xlsx 不一致"),
        "{}",
        common::stderr_of(&out)
    );
    assert!(!path.exists());
    // An extension that names no format takes the one asked for.
    let path = dir.path().join("表.txt");
    common::plan_check()
        .args(["--format", "json", "data/2023.csv", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"{"));
}

/// One plan that names its region judges other regions' rows too, and says
/// so (S022); with no other region, nothing is said.
#[test]
fn a_plan_for_one_region_judging_another_says_so() {
    let out = plan_check()
        .arg("tests/fixtures/regions-2023.csv")
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(err.contains("S022"), "{err}");
    assert!(
        err.contains("写明地区为“江津区”，数据中的“永川区”也按这份规划检查"),
        "{err}"
    );
    let out = plan_check().arg("data/2023.csv").output().unwrap();
    assert!(!stderr_of(&out).contains("S022"));
}

/// Messages in English read as English: English brackets and commas in
/// lists, a singular for one, the file named where it should be.
#[test]
fn english_messages_are_punctuated_as_english() {
    // 在校学生数 without a category fits two indicators (S006), twice.
    let text = "指标,数值\n在校学生数,12.3\n九年义务教育巩固率,99\n在校学生数,4.9\n";
    let (_dir, path) = write_csv("2023.csv", text);
    let out = plan_check()
        .args(["--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(err.contains("S006"), "{err}");
    assert!(
        err.contains("(compulsory_students), ") && !err.contains("）"),
        "{err}"
    );
    assert!(
        err.contains("1 more row has the same problem: line 4"),
        "{err}"
    );
    // An output in a form plan-check does not write names the file.
    let out = plan_check()
        .args(["--lang", "en", "-o", "out.pdf"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("error[U005]: out.pdf: cannot write a .pdf file"),
        "{}",
        stderr_of(&out)
    );
    // A year far beyond the plan.
    let (_dir2, late) = write_csv("2040.csv", "指标,数值\n毛入园率,98\n");
    let out = plan_check()
        .args(["--lang", "en"])
        .arg(&late)
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("the latest year allowed is 2030"),
        "{}",
        stderr_of(&out)
    );
}

/// A year typed wrong in one row of a return named without a year is
/// warned about (S023); a file of two whole years, and a file named by its
/// year (S013 there), are not.
#[test]
fn a_year_typed_wrong_in_one_row_is_warned_about() {
    let rows = |years: [&str; 6]| {
        let names = [
            "在园幼儿数,3.85",
            "毛入园率,98.3",
            "公办幼儿园在园幼儿占比,56.1",
            "九年义务教育巩固率,100",
            "高中阶段教育毛入学率,98.6",
            "财政性教育经费占一般公共预算支出的比例,18.2",
        ];
        let mut text = "指标,数值,年份\n".to_owned();
        for (name, year) in names.iter().zip(years) {
            text.push_str(&format!("{name},{year}\n"));
        }
        text
    };
    let slip = rows(["2023", "2022", "2023", "2023", "2023", "2023"]);
    let (_dir, path) = write_csv("报送.csv", &slip);
    let out = plan_check().arg(&path).output().unwrap();
    let err = stderr_of(&out);
    assert!(
        err.contains("S023") && err.contains("报送.csv:3") && err.contains("2022 年只有 1 行"),
        "{err}"
    );
    // Three rows of each year: two years' figures, no slip.
    let two = rows(["2022", "2023", "2022", "2023", "2022", "2023"]);
    let (_dir, path) = write_csv("报送.csv", &two);
    let err = stderr_of(&plan_check().arg(&path).output().unwrap());
    assert!(!err.contains("S023"), "{err}");
    // A row of the plan's baseline year gives a baseline: no slip.
    let baseline = rows(["2023", "2020", "2023", "2023", "2023", "2023"]);
    let (_dir, path) = write_csv("报送.csv", &baseline);
    let err = stderr_of(&plan_check().arg(&path).output().unwrap());
    assert!(!err.contains("S023"), "{err}");
    // Named by its year: S013 says it on the row.
    let (_dir, path) = write_csv("2023.csv", &slip);
    let err = stderr_of(&plan_check().arg(&path).output().unwrap());
    assert!(err.contains("S013") && !err.contains("S023"), "{err}");
}

/// `report` on a terminal with no --output: a page of HTML filled a
/// first-time user's screen; it says to give a file. Piped, the page is
/// written (a script's `> 报告.html`). Run under `script`, which gives the
/// binary a terminal; skipped where there is none.
#[cfg(unix)]
#[test]
fn a_report_on_a_terminal_asks_for_a_file() {
    let bin = assert_cmd::cargo::cargo_bin("plan-check");
    let Ok(out) = std::process::Command::new("script")
        .args([
            "-qc",
            &format!("'{}' report data/", bin.display()),
            "/dev/null",
        ])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
    else {
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout)
        .replace("\r\n", "\n")
        .replace('\n', "");
    if text.is_empty() {
        return; // no pseudo-terminal here
    }
    assert!(
        text.contains("评估报告是一个网页或 Word 文档") && !text.contains("<!doctype"),
        "{text}"
    );
    let piped = plan_check().args(["report", "data/"]).output().unwrap();
    assert!(
        stdout_of(&piped)
            .to_ascii_lowercase()
            .starts_with("<!doctype html")
    );
}

/// The commonest slips on the command line are said in Chinese first (they
/// met clap's English alone), clap's words with the usage after them.
#[test]
fn command_line_slips_are_said_in_chinese_first() {
    for (args, said) in [
        (
            &["report", "data/", "--ouput", "x.docx"][..],
            "错误：不认识的参数 --ouput（是不是 --output？）",
        ),
        (
            &["report", "data/", "-o"][..],
            "错误：--output <FILE> 后面要写一个值",
        ),
        (&["report"][..], "错误：缺少参数 <FILE>..."),
        (
            &["--format", "jsn", "data/2023.csv"][..],
            "错误：--format <FORMAT> 的值“jsn”不对，可用：table、json",
        ),
    ] {
        let out = plan_check().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr_of(&out);
        assert!(err.starts_with(said), "{args:?}: {err}");
        assert!(err.contains("error:"), "clap's words too: {err}");
    }
    let out = plan_check().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout_of(&out).contains("Usage:"));
}

/// A plan whose figures are yearly rates or amounts: the template says how
/// to fill each such row (a reviewer could not tell a year's amount from a
/// running total), in a column the check does not read.
#[test]
fn the_template_says_how_to_fill_rates_and_amounts() {
    let plan = root().join("examples/plans/national-14th-fyp.toml");
    let out = plan_check()
        .arg("--plan")
        .arg(&plan)
        .args(["template", "--year", "2023"])
        .output()
        .unwrap();
    let template = stdout_of(&out);
    let header = template.lines().next().unwrap();
    assert!(header.ends_with(",填报说明"), "{header}");
    assert!(template.contains("国内生产总值（GDP）增长,,%,2023,,,填当年比上年增长的百分数（%）"));
    assert!(template.contains(",填当年比上年下降（或提高）的百分数，不是累计数"));
    // Filled in, the column is not read and not warned of.
    let filled = template.replace(
        "国内生产总值（GDP）增长,,%,2023",
        "国内生产总值（GDP）增长,8.1,%,2023",
    );
    let (_dir, path) = write_csv("2023.csv", &filled);
    let out = plan_check()
        .arg("--plan")
        .arg(&plan)
        .arg(&path)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(!err.contains("警告") && !err.contains("错误"), "{err}");
    // A plan of levels alone keeps the seven columns.
    let out = plan_check().arg("template").output().unwrap();
    assert!(!stdout_of(&out).contains("填报说明"));
}

/// A template under another form's name (`-o 模板.xls`, `.docx`, `.json`)
/// was CSV text written under it with exit 0 (a reviewer's): refused, U005,
/// nothing written.
#[test]
fn a_template_under_another_forms_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["模板.xls", "模板.docx", "模板.json"] {
        let path = dir.path().join(name);
        let out = plan_check()
            .args(["template", "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(stderr_of(&out).contains("U005"), "{}", stderr_of(&out));
        assert!(!path.exists(), "{name}");
    }
    let path = dir.path().join("模板.csv");
    let out = plan_check()
        .args(["template", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(path.exists());
}
