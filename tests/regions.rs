//! Many regions, several plans and workbooks, end to end.

mod common;

use common::*;

const THREE_REGIONS: &str = "地区,指标,数值\n\
    甲区,九年义务教育巩固率,100\n\
    甲区,毛入园率,98\n\
    乙区,九年义务教育巩固率,95\n\
    乙区,毛入园率,98\n\
    丙区,九年义务教育巩固率,99\n";

#[test]
fn three_regions_one_failing_a_binding_indicator_exits_1_and_is_named() {
    let (_dir, path) = write_csv("2023.csv", THREE_REGIONS);
    let out = plan_check().arg("--matrix").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let first_row = text
        .lines()
        .skip_while(|l| !l.starts_with('╞'))
        .nth(1)
        .unwrap_or_default();
    assert!(first_row.contains("乙区"), "worst first:\n{text}");
    assert!(text.contains("约束性指标未达到要求的地区：乙区"), "{text}");
    assert!(text.contains("图例：✓ 已达标"), "matrix legend:\n{text}");
    let matrix_row = text
        .lines()
        .filter(|l| l.starts_with("│ 乙区"))
        .nth(1)
        .unwrap_or_else(|| panic!("乙区 in the matrix:\n{text}"));
    assert!(
        matrix_row.contains('▽'),
        "乙区 breaks the held line: {matrix_row}"
    );

    let json = json_of(
        &plan_check()
            .args(["--format", "json"])
            .arg(&path)
            .output()
            .unwrap(),
    );
    assert_eq!(json["view"], "regions");
    assert_eq!(json["summary"]["regions"], 3);
    assert_eq!(json["summary"]["regions_failing_binding"], 1);
    assert_eq!(json["regions"][0]["region"], "乙区");
    let regions: Vec<&str> = json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["region"].as_str().unwrap())
        .collect();
    // 乙区 fails a binding indicator; 丙区 reported fewer expected ones than 甲区.
    assert_eq!(regions, ["乙区", "丙区", "甲区"]);

    let csv = stdout_of(
        &plan_check()
            .args(["--format", "csv"])
            .arg(&path)
            .output()
            .unwrap(),
    );
    assert_eq!(csv.lines().count(), 1 + 3 * 13);
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.starts_with("乙区,") || l.starts_with("甲区,") || l.starts_with("丙区,"))
    );

    let junit = stdout_of(
        &plan_check()
            .args(["--format", "junit"])
            .arg(&path)
            .output()
            .unwrap(),
    );
    let doc = roxmltree::Document::parse(&junit).unwrap();
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .count(),
        3
    );

    let github = stdout_of(
        &plan_check()
            .args(["--format", "github"])
            .arg(&path)
            .output()
            .unwrap(),
    );
    let error = github.lines().find(|l| l.starts_with("::error")).unwrap();
    assert!(
        error.contains(",line=4,") && error.contains("乙区"),
        "{error}"
    );
}

/// Two copies of the shipped plan in `dir`: a.toml for 甲区 and b.toml for
/// 乙区, the second one's text changed by `edit`.
fn plans_for_two_regions(
    dir: &std::path::Path,
    edit: impl Fn(&str) -> String,
) -> (std::path::PathBuf, std::path::PathBuf) {
    let plan_text = std::fs::read_to_string(plan_path()).unwrap();
    let a = dir.join("a.toml");
    let b = dir.join("b.toml");
    std::fs::write(
        &a,
        plan_text.replace("region = \"江津区\"", "region = \"甲区\""),
    )
    .unwrap();
    std::fs::write(
        &b,
        edit(&plan_text).replace("region = \"江津区\"", "region = \"乙区\""),
    )
    .unwrap();
    (a, b)
}

#[test]
fn several_plans_each_judge_their_own_region() {
    let dir = tempfile::tempdir().unwrap();
    // 乙区's plan holds the retention rate to ＞94 instead.
    let (a, b) = plans_for_two_regions(dir.path(), |text| {
        text.replace("target = \"＞96\"", "target = \"＞94\"")
    });
    let data = dir.path().join("2023.csv");
    std::fs::write(
        &data,
        THREE_REGIONS.replace("丙区,九年义务教育巩固率,99\n", ""),
    )
    .unwrap();
    let out = plan_check()
        .arg("--plan")
        .arg(&a)
        .arg("--plan")
        .arg(&b)
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "乙区 meets its own plan: {}",
        stderr_of(&out)
    );

    // A region no plan names is an error naming it and the plans there are.
    std::fs::write(&data, THREE_REGIONS).unwrap();
    let out = plan_check()
        .arg("--plan-dir")
        .arg(dir.path())
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("丙区") && err.contains("甲区") && err.contains("乙区"),
        "{err}"
    );
    // Unless one plan is the default.
    std::fs::write(
        &a,
        std::fs::read_to_string(&a)
            .unwrap()
            .replace("[plan]\n", "[plan]\ndefault = true\n"),
    )
    .unwrap();
    let out = plan_check()
        .arg("--plan-dir")
        .arg(dir.path())
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    // But not a planned region written short (乙 for 乙区): judged by the
    // default plan, a district passed on another's targets with exit 0 (a
    // reviewer's city collection). Refused, naming the region meant.
    std::fs::write(&data, THREE_REGIONS.replace("乙区,", "乙,")).unwrap();
    let out = plan_check()
        .arg("--plan-dir")
        .arg(dir.path())
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("S011") && err.contains("是“乙区”吗"), "{err}");
}

fn without_paths(json: &str, path: &str) -> String {
    json.replace(path, "FILE")
}

#[test]
fn the_same_statistics_as_csv_xlsx_and_ods_give_the_same_json() {
    let csv = stdout_of(
        &plan_check()
            .args(["--format", "json", "data/2023.csv"])
            .output()
            .unwrap(),
    );
    let reference = without_paths(&csv, "data/2023.csv");

    // An .xlsx written here: numbers as numbers, text as text, as Excel keeps them.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("2023.xlsx");
    let text = std::fs::read_to_string(root().join("data/2023.csv")).unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            match cell.parse::<f64>() {
                Ok(n) if r > 0 => sheet.write_number(r as u32, c as u16, n).map(|_| ()),
                _ => sheet.write_string(r as u32, c as u16, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    workbook.save(&xlsx).unwrap();
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        without_paths(&stdout_of(&out), &xlsx.display().to_string()),
        reference
    );

    let ods = root().join("tests/fixtures/2023.ods");
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&ods)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        without_paths(&stdout_of(&out), &ods.display().to_string()),
        reference
    );
}

#[test]
fn workbook_errors_name_the_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("2023.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("填报").unwrap();
    sheet.write_string(0, 0, "江津区2023年教育统计").unwrap();
    for (c, h) in ["分类", "指标", "数值"].iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    sheet.write_string(3, 0, "义务教育").unwrap();
    sheet.write_string(3, 1, "九年义务教育巩固率").unwrap();
    sheet.write_string(3, 2, "约98").unwrap();
    workbook.save(&xlsx).unwrap();
    let out = plan_check().arg(&xlsx).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("填报!C4") && err.contains("约98"), "{err}");

    let out = plan_check()
        .args(["--sheet", "没有"])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("填报"));

    let out = plan_check()
        .arg(root().join("tests/fixtures/password-protected.xlsx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("密码"), "{}", stderr_of(&out));
}

#[test]
fn a_percent_formatted_cell_reads_as_percent() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("2023.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    sheet.write_string(0, 0, "指标").unwrap();
    sheet.write_string(0, 1, "数值").unwrap();
    sheet.write_string(1, 0, "九年义务教育巩固率").unwrap();
    sheet
        .write_number_with_format(1, 1, 0.982, &percent)
        .unwrap();
    sheet.write_string(2, 0, "在园幼儿数").unwrap();
    sheet
        .write_number_with_format(2, 1, 0.039, &percent)
        .unwrap();
    workbook.save(&xlsx).unwrap();
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a percent on a count is refused"
    );
    assert!(stderr_of(&out).contains("百分号"));

    let only_rate = dir.path().join("2024.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "指标").unwrap();
    sheet.write_string(0, 1, "数值").unwrap();
    sheet.write_string(1, 0, "九年义务教育巩固率").unwrap();
    sheet
        .write_number_with_format(1, 1, 0.982, &percent)
        .unwrap();
    workbook.save(&only_rate).unwrap();
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&only_rate)
        .output()
        .unwrap();
    let report = json_of(&out);
    assert_eq!(
        result(&report, "compulsory_retention_rate")["actual"],
        98.2,
        "0.982 shown as 98.2%"
    );
}

#[test]
fn the_template_workbook_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("模板.xlsx");
    let out = plan_check()
        .args(["template", "--format", "xlsx", "--year", "2024", "--output"])
        .arg(&template)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    // Read the template back, fill each value with its baseline, write it again.
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&template).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let plan = plan_check::plan::load_plan(&plan_path()).unwrap();
    let filled = dir.path().join("2024-填报.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r16, c16) = (r as u32, c as u16);
            match cell {
                calamine::Data::String(s) => sheet.write_string(r16, c16, s).map(|_| ()),
                calamine::Data::Float(f) => sheet.write_number(r16, c16, *f).map(|_| ()),
                _ if r > 0 && c == 2 => sheet
                    .write_number(
                        r16,
                        c16,
                        plan.indicators[r - 1].baseline.unwrap_or_default(),
                    )
                    .map(|_| ()),
                _ => Ok(()),
            }
            .unwrap();
        }
    }
    workbook.save(&filled).unwrap();
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&filled)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let report = json_of(&out);
    assert_eq!(report["year"], 2024);
    for (r, ind) in report["results"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&plan.indicators)
    {
        assert_eq!(r["actual"].as_f64(), ind.baseline, "{}", ind.id);
    }
}

#[test]
fn results_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("结果.xlsx");
    let (_d, data) = write_csv("2023.csv", THREE_REGIONS);
    let out = plan_check()
        .args(["--format", "xlsx", "--output"])
        .arg(&out_path)
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&out_path).unwrap();
    assert_eq!(book.sheet_names(), ["检查结果", "汇总"]);
    let results = book.worksheet_range("检查结果").unwrap();
    assert_eq!(results.height(), 1 + 3 * 13);
    let summary = book.worksheet_range("汇总").unwrap();
    assert_eq!(
        summary.get((1, 0)),
        Some(&calamine::Data::String("乙区".into()))
    );
    // The failing indicator by name and status, as the table names it.
    assert_eq!(
        summary.get((1, 6)),
        Some(&calamine::Data::String(
            "九年义务教育巩固率（滞后于序时进度）".into()
        ))
    );
}

/// A long file of `regions` regions, each with the 13 rows of data/2023.csv
/// (labelled illustrative there), several MiB: read in blocks on two threads.
/// Line 1 is the header; region `r` (0-based) holds lines 2 + 13r ..= 14 + 13r.
fn long_file(regions: usize, edit: impl Fn(usize, String) -> String) -> String {
    let sample = std::fs::read_to_string(root().join("data/2023.csv")).unwrap();
    let rows: Vec<&str> = sample.lines().skip(1).collect();
    assert_eq!(rows.len(), 13);
    let mut text = format!("地区,{}\n", sample.lines().next().unwrap());
    let mut line = 1;
    for r in 0..regions {
        for row in &rows {
            line += 1;
            text.push_str(&edit(line, format!("合成区{r:05},{row}")));
            text.push('\n');
        }
    }
    text
}

/// The line of the binding indicator (九年义务教育巩固率, the 7th row) of region `r`.
fn binding_line(r: usize) -> usize {
    2 + 13 * r + 6
}

#[test]
fn a_long_file_read_on_two_threads_names_the_failing_region_and_the_right_lines() {
    let failing = binding_line(3_500);
    // 高中阶段教育毛入学率 is four rows below.
    let unknown = [binding_line(10) + 4, binding_line(3_000) + 4];
    let text = long_file(4_000, |line, row| {
        if line == failing {
            row.replace(",100,", ",90,")
        } else if unknown.contains(&line) {
            row.replace("高中阶段教育毛入学率", "不存在的指标")
        } else {
            row
        }
    });
    assert!(text.len() > 3 << 20, "several blocks: {} bytes", text.len());
    let (_dir, path) = write_csv("2023.csv", &text);
    let out = plan_check()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let json = json_of(&out);
    assert_eq!(json["summary"]["regions"], 4_000);
    assert_eq!(json["summary"]["regions_failing_binding"], 1);
    assert_eq!(json["regions"][0]["region"], "合成区03500");
    // The unknown name is one warning, at its first line, listing every
    // line in the file's order.
    let stderr = stderr_of(&out);
    let warned: Vec<usize> = stderr
        .lines()
        .filter(|l| l.contains("S007"))
        .filter_map(|l| l.split(':').nth(1)?.trim().parse().ok())
        .collect();
    assert_eq!(warned, unknown[..1], "{stderr}");
    let listed: Vec<String> = unknown.iter().map(usize::to_string).collect();
    assert!(
        stderr.contains(&format!(
            "共 {} 行是这一名称：第 {} 行",
            unknown.len(),
            listed.join("、")
        )),
        "{stderr}"
    );

    // GitHub annotations point at the failing row's line.
    let out = plan_check()
        .args(["--format", "github"])
        .arg(&path)
        .output()
        .unwrap();
    let annotations = stdout_of(&out);
    assert!(
        annotations.contains(&format!("line={failing}")),
        "line {failing}:\n{}",
        annotations.lines().take(5).collect::<Vec<_>>().join("\n")
    );
}

/// The messages of a run on a long file that fails to read (exit 2).
fn errors_of_long_file(edit: impl Fn(usize, String) -> String) -> String {
    let (_dir, path) = write_csv("2023.csv", &long_file(4_000, edit));
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    stderr_of(&out)
}

#[test]
fn in_a_long_file_the_first_error_is_reported_wherever_the_blocks_fall() {
    let first = binding_line(2_500);
    let later = binding_line(3_900);
    let stderr = errors_of_long_file(|line, row| {
        if line == first || line == later {
            row.replace(",100,", ",一百,")
        } else {
            row
        }
    });
    assert!(stderr.contains(&format!("2023.csv:{first}:")), "{stderr}");
    assert!(stderr.contains("S004"), "{stderr}");
    assert!(!stderr.contains(&format!(":{later}")), "{stderr}");

    // A row repeated far from its first place names both lines.
    let original = binding_line(5);
    let repeated = binding_line(3_800);
    let stderr = errors_of_long_file(|line, row| {
        if line == repeated {
            row.replace("合成区03800", "合成区00005")
        } else {
            row
        }
    });
    assert!(
        stderr.contains(&format!("2023.csv:{repeated}（")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("2023.csv:{original} ")),
        "{stderr}"
    );
}

#[test]
fn plans_with_different_indicators_get_a_matrix_each() {
    let dir = tempfile::tempdir().unwrap();
    // 乙区's plan has twelve indicators: the last one is cut off.
    let (a, b) = plans_for_two_regions(dir.path(), |text| {
        text[..text.rfind("[[indicator]]").unwrap()].to_owned()
    });
    let data = dir.path().join("2023.csv");
    std::fs::write(
        &data,
        THREE_REGIONS.replace("丙区,九年义务教育巩固率,99\n", ""),
    )
    .unwrap();
    let out = plan_check()
        .args(["--matrix", "--plan"])
        .arg(&a)
        .arg("--plan")
        .arg(&b)
        .arg(&data)
        .output()
        .unwrap();
    let text = stdout_of(&out);
    let second = text
        .find("乙区《")
        .unwrap_or_else(|| panic!("a heading per plan:\n{text}"));
    let first = text
        .find("甲区《")
        .unwrap_or_else(|| panic!("a heading per plan:\n{text}"));
    let grid_header = |from: usize| {
        text[from..]
            .lines()
            .find(|l| l.starts_with("│ 地区"))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(grid_header(first).contains("13"), "{text}");
    let second_header = grid_header(second);
    assert!(
        second_header.contains("12") && !second_header.contains("13"),
        "{text}"
    );
    assert_eq!(text.matches("图例：").count(), 1, "{text}");
}

#[test]
fn templates_with_a_region_let_many_regions_files_be_checked_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (region, retention) in [("甲区", "100"), ("乙区", "95")] {
        // Options before the subcommand work as well as after it.
        let out = plan_check()
            .arg("--plan")
            .arg(plan_path())
            .args(["template", "--year", "2023", "--region", region])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let template = stdout_of(&out);
        let header = template.lines().next().unwrap_or_default();
        assert!(header.ends_with(",地区"), "{header}");
        let filled: String = template
            .lines()
            .map(|line| {
                assert!(line.ends_with(region) || line == header, "{line}");
                if line.contains(",九年义务教育巩固率,") {
                    line.replacen(
                        ",九年义务教育巩固率,",
                        &format!(",九年义务教育巩固率,{retention}"),
                        1,
                    )
                } else {
                    line.to_owned()
                }
            })
            .map(|line| line + "\n")
            .collect();
        let path = dir.path().join(format!("{region}.csv"));
        std::fs::write(&path, filled).unwrap();
        files.push(path);
    }
    let out = plan_check()
        .args(["--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let json = json_of(&out);
    assert_eq!(json["summary"]["regions"], 2);
    assert_eq!(json["regions"][0]["region"], "乙区");
    assert_eq!(
        json["regions"][0]["failing_binding"][0],
        "compulsory_retention_rate"
    );

    // The workbook template carries the region too.
    let book = dir.path().join("甲区.xlsx");
    let out = plan_check()
        .args([
            "template", "--format", "xlsx", "--region", "甲区", "--output",
        ])
        .arg(&book)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&book).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let last_column: Vec<String> = range
        .rows()
        .map(|row| row.last().map(|c| c.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(last_column[0], "地区");
    assert_eq!(last_column.len(), 14);
    assert!(
        last_column[1..].iter().all(|c| c == "甲区"),
        "{last_column:?}"
    );
}

#[test]
fn two_files_read_as_one_region_are_told_how_to_name_their_regions() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("data/2023.csv")).unwrap();
    let (a, b) = (dir.path().join("丙区.csv"), dir.path().join("丁区.csv"));
    std::fs::write(&a, &text).unwrap();
    std::fs::write(&b, &text).unwrap();
    let out = plan_check().arg(&a).arg(&b).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("S005"), "{err}");
    assert!(
        err.contains("“地区”列") && err.contains("template --region"),
        "{err}"
    );

    // Both files already name the plan's own region in a column: no column
    // to add; one is a copy or a correction of the other.
    let named = "地区,指标,数值,年份\n江津区,毛入园率,98.3,2023\n";
    std::fs::write(&a, named).unwrap();
    std::fs::write(&b, named.replace("98.3", "98.5")).unwrap();
    let out = plan_check().arg(&a).arg(&b).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("两个文件都报了地区“江津区”的这一指标") && !err.contains("加“地区”列"),
        "{err}"
    );
}

#[test]
fn a_sparse_sheet_away_from_a1_reads_like_the_same_csv() {
    // Title in B1, header in row 3 from column B, an empty unit, a missing note,
    // a blank row, a figure typed as text, a note far right in one row only.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("2023.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 1, "江津区2023年教育统计").unwrap();
    for (c, h) in ["分类", "指标", "数值", "单位", "备注"].iter().enumerate() {
        sheet.write_string(2, 1 + c as u16, *h).unwrap();
    }
    sheet.write_string(3, 1, "学前教育").unwrap();
    sheet.write_string(3, 2, "毛入园率").unwrap();
    sheet.write_number(3, 3, 98.3).unwrap();
    sheet.write_string(5, 1, "义务教育").unwrap();
    sheet.write_string(5, 2, "九年义务教育巩固率").unwrap();
    sheet.write_number(5, 3, 100).unwrap();
    sheet.write_string(5, 4, "%").unwrap();
    sheet.write_string(5, 5, "示例数据").unwrap();
    sheet.write_string(6, 1, "学前教育").unwrap();
    sheet.write_string(6, 2, "在园幼儿数").unwrap();
    sheet.write_string(6, 3, " 3.85 ").unwrap();
    sheet.write_string(6, 4, "万人").unwrap();
    workbook.save(&xlsx).unwrap();
    let csv = dir.path().join("2023.csv");
    std::fs::write(
        &csv,
        "江津区2023年教育统计\n\n分类,指标,数值,单位,备注\n\
         学前教育,毛入园率,98.3,,\n\n\
         义务教育,九年义务教育巩固率,100,%,示例数据\n\
         学前教育,在园幼儿数, 3.85 ,万人,\n",
    )
    .unwrap();
    let json = |path: &std::path::Path| {
        let out = plan_check()
            .args(["--format", "json"])
            .arg(path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let mut report = json_of(&out);
        report["inputs"] = serde_json::Value::Null;
        for result in report["results"].as_array_mut().unwrap() {
            result["file"] = serde_json::Value::Null;
        }
        report
    };
    let from_workbook = json(&xlsx);
    assert_eq!(from_workbook, json(&csv));
    assert_eq!(
        result(&from_workbook, "preschool_enrolment")["actual"],
        3.85
    );

    // Positions are the sheet's own: the figure of row 7 is in column D.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["分类", "指标", "数值"].iter().enumerate() {
        sheet.write_string(2, 1 + c as u16, *h).unwrap();
    }
    sheet.write_string(6, 1, "学前教育").unwrap();
    sheet.write_string(6, 2, "毛入园率").unwrap();
    sheet.write_string(6, 3, "约98").unwrap();
    workbook.save(&xlsx).unwrap();
    let out = plan_check().arg(&xlsx).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("Sheet1!D7"), "{}", stderr_of(&out));
}

/// A district whose binding figure is not in yet for its latest year is
/// judged on its latest reported year, as its own period view judges it,
/// with the year it was judged at in the full report and a line under the
/// table; alone and among the city's districts alike it fails the run (exit
/// 1), as the single-year check of its 2023 figures does: the latest year's
/// requirement was not checked (a helper found a binding indicator carried
/// from an earlier year, even from the baseline year's file, passing).
#[test]
fn a_region_is_judged_alike_alone_and_among_many() {
    // 示例数据: 甲区 has 2022 and 2023, its 巩固率 only in 2022; 乙区 2023.
    let district_a = "甲区,九年义务教育巩固率,99.6,2022\n\
        甲区,毛入园率,98.1,2022\n\
        甲区,九年义务教育巩固率,,2023\n\
        甲区,毛入园率,98.4,2023\n";
    let district_b = "乙区,九年义务教育巩固率,99.8,2023\n乙区,毛入园率,98.2,2023\n";
    let header = "地区,指标,数值,年份\n";
    let (_a, alone) = write_csv("甲区.csv", &format!("{header}{district_a}"));
    let (_b, city) = write_csv("全市.csv", &format!("{header}{district_a}{district_b}"));

    let (period, code) = json_run(&[alone.as_os_str()]);
    assert_eq!(code, Some(1));
    assert_eq!(
        period["summary"]["binding_not_on_track"],
        serde_json::json!(["compulsory_retention_rate"])
    );
    assert_eq!(period["view"], "period");
    let retention = item(&period["indicators"], "id", "compulsory_retention_rate");
    assert_eq!(retention["as_of"], 2022);
    // Counted as the exit code counts it: no figure in 2023 (was "pass": 1
    // beside the failing list, a reviewer's period and regions views).
    let counts = &period["summary"]["latest"]["binding"];
    assert_eq!(
        (counts["pass"].as_u64(), counts["missing"].as_u64()),
        (Some(0), Some(1))
    );

    let (json, code) = json_run(&[city.as_os_str()]);
    assert_eq!(code, Some(1));
    assert_eq!(json["view"], "regions");
    let row = item(&json["regions"], "region", "甲区");
    assert_eq!(row["year"], 2023);
    assert_eq!(
        row["failing_binding"],
        serde_json::json!(["compulsory_retention_rate"])
    );
    assert_eq!(
        item(&json["regions"], "region", "乙区")["failing_binding"],
        serde_json::json!([])
    );
    assert_eq!(
        row["judged_earlier"],
        serde_json::json!([{ "id": "compulsory_retention_rate", "year": 2022, "status": "achieved" }])
    );
    // The matrix's status is the row's year's: 未填报 there, as counted
    // (was achieved, drawn ✓ beside a failing region).
    let at = item(&json["reports"], "region", "甲区")["results"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .position(|i| i["id"] == "compulsory_retention_rate")
        })
        .expect("column");
    assert_eq!(row["statuses"][at], "missing", "{row}");
    assert_eq!(row["binding"]["pass"], 0, "{row}");
    assert_eq!(row["binding"]["missing"], 1, "{row}");
    let line = result(
        item(&json["reports"], "region", "甲区"),
        "compulsory_retention_rate",
    );
    assert_eq!(line["as_of"], 2022);
    assert_eq!(line["status"], retention["status"]);
    assert_eq!(line["actual"], 99.6);

    // CSV: the line judged at 2022 is 2022's row.
    let out = plan_check()
        .args(["--format", "csv"])
        .arg(&city)
        .output()
        .unwrap();
    let csv = stdout_of(&out);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("甲区,2022,compulsory_retention_rate,") && l.contains(",99.6,")),
        "{csv}"
    );

    // The verdict of the district alone says which figure it rests on.
    let out = plan_check().arg(&alone).output().unwrap();
    assert!(
        stdout_of(&out).contains(
            "结论：约束性指标未达到要求：九年义务教育巩固率（2023年未填报；2022年已达标）。"
        ),
        "{}",
        stdout_of(&out)
    );

    let out = plan_check().arg(&alone).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = plan_check().arg(&city).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    assert!(
        text.contains(
            "最新一年未填报、按该指标最近一年数据判断的：甲区（九年义务教育巩固率按2022年）。"
        ),
        "{text}"
    );
}

/// A city's returns where one district sent its file twice (the second a
/// correction with one figure changed): that district is left out and
/// named, with both places; every other district is judged; the run is
/// incomplete (exit 2), in the table and in JSON.
#[test]
fn a_district_that_sent_two_versions_is_left_out_and_the_others_are_judged() {
    let dir = tempfile::tempdir().unwrap();
    let with_region = |region: &str, text: &str| {
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        let mut out = format!("地区,{header}\n");
        for line in lines {
            out.push_str(&format!("{region},{line}\n"));
        }
        out
    };
    let text = std::fs::read_to_string(root().join("data/2023.csv")).unwrap();
    let first = with_region("永川区", &text);
    let corrected = first.replacen("毛入园率,98.3", "毛入园率,98.6", 1);
    assert_ne!(first, corrected);
    std::fs::write(dir.path().join("永川区-2023.csv"), &first).unwrap();
    std::fs::write(dir.path().join("永川区-2023-修订.csv"), &corrected).unwrap();
    std::fs::write(
        dir.path().join("璧山区-2023.csv"),
        with_region("璧山区", &text),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("铜梁区-2023.csv"),
        with_region("铜梁区", &text),
    )
    .unwrap();

    let out = plan_check().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    // Both places named, in the order the folder is read.
    assert!(
        err.contains("S005")
            && err.contains("永川区-2023.csv:3")
            && err.contains("永川区-2023-修订.csv:3"),
        "{err}"
    );
    assert!(err.contains("98.3") && err.contains("98.6"), "{err}");
    // Both files name the region in a column: no column to add.
    assert!(
        err.contains("若一个是另一个的修订或副本，请只保留一个") && !err.contains("加“地区”列"),
        "{err}"
    );
    let table = stdout_of(&out);
    assert!(
        table.contains("璧山区") && table.contains("铜梁区"),
        "{table}"
    );
    assert!(
        table.contains("同一指标同一年填报了两次、未检查的地区：永川区（"),
        "{table}"
    );
    assert!(!table.lines().any(|l| l.starts_with("│ 永川区")), "{table}");
    assert!(
        table.contains("结论：已检查的地区约束性指标均达到要求；有数据未能检查，结果不完整。"),
        "{table}"
    );

    let out = plan_check()
        .args(["--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json = json_of(&out);
    assert_eq!(json["summary"]["regions"], 2);
    assert_eq!(json["failed_inputs"][0]["region"], "永川区");
    assert_eq!(json["failed_inputs"][0]["errors"][0]["code"], "S005");

    // With one district left, the run is still the city's: the regions
    // view, one row, not that district's own year check.
    std::fs::remove_file(dir.path().join("铜梁区-2023.csv")).unwrap();
    let out = plan_check()
        .args(["--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json = json_of(&out);
    assert_eq!(json["view"], "regions", "{json}");
    assert_eq!(json["summary"]["regions"], 1);
    assert_eq!(json["regions"][0]["region"], "璧山区");
    assert_eq!(json["failed_inputs"][0]["region"], "永川区");
    let table = stdout_of(&plan_check().arg(dir.path()).output().unwrap());
    assert!(
        table.contains("共1个地区") && table.contains("未检查的地区：永川区"),
        "{table}"
    );
}

/// A district whose return stops at an earlier year than the others' is
/// judged on its own latest year, and the table says which districts.
#[test]
fn a_district_without_this_years_figures_is_named_under_the_table() {
    let text = "地区,指标,数值,年份\n\
        江津区,九年义务教育巩固率,99.8,2024\n\
        璧山区,九年义务教育巩固率,99.6,2021\n\
        铜梁区,九年义务教育巩固率,99.7,2024\n";
    let (_dir, path) = write_csv("全市.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    let table = stdout_of(&out);
    assert!(
        table.contains("没有2024年数据、按各自最近一年判断的地区：璧山区（2021）。"),
        "{table}"
    );
    let out = plan_check()
        .args(["--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        stdout_of(&out)
            .contains("1 region with no 2024 figures, judged on its latest year: 璧山区 (2021)."),
        "{}",
        stdout_of(&out)
    );
}

/// One file given twice under two names repeats every region of it: the
/// first 20 regions' errors are shown, the rest counted, the summary names
/// ten regions and counts them all.
#[test]
fn a_file_given_twice_under_two_names_is_said_without_a_flood() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_file(60, |_, line| line);
    std::fs::write(dir.path().join("a.csv"), &text).unwrap();
    std::fs::write(dir.path().join("b.csv"), &text).unwrap();
    let out = plan_check().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    // Nothing is left to judge: 20 errors in full and one that counts the rest.
    assert_eq!(err.matches("[S005]").count(), 21, "{err}");
    assert!(
        err.contains("另有 40 个地区同样有同一指标同一年填报两次的情况"),
        "{err}"
    );
    assert!(stdout_of(&out).is_empty());
    // With a region left to judge, the summary names ten and counts all.
    let mut other = long_file(1, |_, line| line.replace("合成区00000", "另一区"));
    other = other.lines().skip(1).map(|l| format!("{l}\n")).collect();
    std::fs::write(dir.path().join("a.csv"), format!("{text}{other}")).unwrap();
    let out = plan_check().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert_eq!(err.matches("[S005]").count(), 20, "{err}");
    assert!(err.contains("另有 40 个地区"), "{err}");
    let table = stdout_of(&out);
    assert!(
        table.contains("另一区") && table.contains("等 60 个地区"),
        "{table}"
    );
}

/// The result workbook of an incomplete run says what was not checked.
#[test]
fn the_result_workbook_says_what_could_not_be_read() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let (_d, data) = write_csv("2023.csv", THREE_REGIONS);
    let broken = dir.path().join("broken.csv");
    std::fs::write(&broken, "地区,指标,数值\n丁区,毛入园率,约98\n").unwrap();
    let out_path = dir.path().join("结果.xlsx");
    let out = plan_check()
        .args(["--format", "xlsx", "--output"])
        .arg(&out_path)
        .arg(&data)
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let mut book = calamine::open_workbook_auto(&out_path).unwrap();
    let summary = book.worksheet_range("汇总").unwrap();
    let said = summary
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .find(|t| t.starts_with("未能读取的文件："));
    let said = said.unwrap_or_default();
    assert!(
        said.contains("broken.csv（1 处错误，首个：第 2 行，S004"),
        "{said}"
    );
}

/// A binding indicator a region fails on an earlier year's figure (not yet
/// in for the latest year) is named with that year in the row and under the
/// table, in the terminal and the Word document alike.
#[test]
fn a_failure_on_an_earlier_years_figure_says_its_year() {
    // 示例数据: 甲区's 巩固率 is 90 in 2023 and not in for 2024.
    let text = "地区,指标,数值,年份\n\
        甲区,九年义务教育巩固率,90,2023\n\
        甲区,毛入园率,98.1,2023\n\
        甲区,毛入园率,98.4,2024\n\
        乙区,九年义务教育巩固率,99.8,2024\n\
        乙区,毛入园率,98.2,2024\n";
    let (dir, path) = write_csv("全市.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let table = stdout_of(&out);
    assert!(
        table.contains("九年义务教育巩固率（2024年未填报；2023年滞后于序时进度）"),
        "{table}"
    );
    assert!(
        table.contains(
            "最新一年未填报、按该指标最近一年数据判断的：甲区（九年义务教育巩固率按2023年）。"
        ),
        "{table}"
    );
    let docx = dir.path().join("全市.docx");
    let out = plan_check()
        .arg(&path)
        .arg("-o")
        .arg(&docx)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let xml = common::docx_xml(&docx);
    assert!(
        xml.contains("甲区（九年义务教育巩固率按2023年）"),
        "the Word document says it too"
    );
}

/// A district's return without the 地区 column, in a folder of returns
/// with it, was read as the plan's region with no word (a reviewer's
/// 北碚区.xlsx became 江津区, exit 0): said, S022, naming the file; and
/// 江津 beside 江津区 with one plan is said to look like the same place.
#[test]
fn a_return_without_the_region_column_among_others_is_said() {
    let dir = tempfile::tempdir().unwrap();
    // 示例数据，非官方统计.
    std::fs::write(
        dir.path().join("南岸区.csv"),
        "地区,指标,数值,年份\n南岸区,九年义务教育巩固率,99,2023\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("北碚区.csv"),
        "指标,数值,年份\n九年义务教育巩固率,99,2023\n",
    )
    .unwrap();
    let out = plan_check().arg(dir.path()).output().unwrap();
    let err = stderr_of(&out);
    assert!(err.contains("北碚区.csv：这个文件没有“地区”列"), "{err}");
    let (_d, path) = write_csv(
        "2023.csv",
        "地区,指标,数值,年份\n江津,九年义务教育巩固率,99,2023\n江津区,九年义务教育巩固率,99,2023\n",
    );
    let out = plan_check().arg(&path).output().unwrap();
    assert!(
        stderr_of(&out).contains("“江津”像是规划的地区“江津区”"),
        "{}",
        stderr_of(&out)
    );
}

/// A district that sends only last year's return has no figure for the
/// run's year: its binding indicator fails the run, as a return with the
/// cell left blank does (it passed, exit 0, where the blank failed: a
/// reviewer's city folder).
#[test]
fn a_region_with_nothing_for_the_run_year_fails_its_binding_indicators() {
    // 示例数据，非官方统计.
    let text = "地区,指标,数值,年份\n\
        甲区,九年义务教育巩固率,99,2023\n\
        乙区,九年义务教育巩固率,99.5,2021\n";
    let (_dir, path) = write_csv("全市.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
    let table = stdout_of(&out);
    assert!(
        table.contains("九年义务教育巩固率（2023年未填报；2021年已达标）"),
        "{table}"
    );
    assert!(
        table.contains("约束性指标未达到要求的地区：乙区"),
        "{table}"
    );
    let (json, _) = json_run(&[path.as_os_str()]);
    let row = item(&json["regions"], "region", "乙区");
    assert_eq!(row["year"], 2021);
    // Its full report, which CSV and JUnit write, is of the run's year:
    // the figure judged at 2021, the line missing at 2023 (CSV said
    // achieved, JUnit no failure, beside exit 1).
    let line = result(
        item(&json["reports"], "region", "乙区"),
        "compulsory_retention_rate",
    );
    assert_eq!(line["as_of"], 2021, "{line}");
    // It does not pass the run, in every view a filter would read (CSV and
    // JSON said pass: true, the results workbook 已达标: a reviewer's).
    assert_eq!(line["pass"], false, "{line}");
    let csv = plan_check()
        .args(["--format", "csv"])
        .arg(&path)
        .output()
        .unwrap();
    let row_csv = stdout_of(&csv)
        .lines()
        .find(|l| l.starts_with("乙区,") && l.contains("compulsory_retention_rate"))
        .map(str::to_owned)
        .unwrap_or_default();
    assert!(
        row_csv.contains(",achieved,false,") && row_csv.contains(",2023年未填报,"),
        "{row_csv}"
    );
    let junit = plan_check()
        .args(["--format", "junit"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        stdout_of(&junit).contains("<failure type=\"missing\""),
        "{}",
        stdout_of(&junit)
    );
    let junit = stdout_of(&junit);
    let suite = junit
        .split("<testsuite ")
        .find(|s| s.starts_with("name=\"乙区"))
        .unwrap_or_default();
    assert!(
        !suite.contains("<property name=\"status\" value=\"achieved\"/><property name=\"attribute\" value=\"binding\"/>"),
        "{suite}"
    );
    assert_eq!(row["binding"]["missing"], 1, "{row}");
}

/// A city's collection with a total row and names written two ways (a
/// reviewer's city workbooks; 示例数据，非官方统计): 全市 and 合计 are no
/// regions (they were judged, counted and ranked, or refused for their
/// summed figures as slips); a zero-width space or a line break in a cell
/// is no part of the name; 永川 beside 永川区 is said.
#[test]
fn total_rows_are_no_regions_and_names_written_two_ways_are_said() {
    let text = "地区,指标,数值,年份\n\
        永川区,九年义务教育巩固率,99,2023\n\
        永川,在园幼儿数,3.9,2023\n\
        \"沙坪坝区\u{200B}\",九年义务教育巩固率,99,2023\n\
        \"渝\n中区\",九年义务教育巩固率,99,2023\n\
        全市,九年义务教育巩固率,99,2023\n\
        合计,在园幼儿数,390,2023\n";
    let (_dir, path) = write_csv("全市.csv", text);
    let out = plan_check().arg(&path).output().unwrap();
    let (table, err) = (stdout_of(&out), stderr_of(&out));
    assert!(err.contains("警告[S028]"), "{err}");
    assert!(err.contains("共 2 行是汇总行：第 7、8 行"), "{err}");
    assert!(!err.contains("S019"), "{err}");
    assert!(
        !table.contains("全市 ") && !table.contains("合计"),
        "{table}"
    );
    assert!(
        err.contains("“永川区”和“永川”像是同一地区的两种写法"),
        "{err}"
    );
    let (json, _) = json_run(&[path.as_os_str()]);
    let names: Vec<&str> = json["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["region"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"沙坪坝区") && names.contains(&"渝中区"),
        "{names:?}"
    );
    assert_eq!(names.len(), 4, "{names:?}");
}

/// A workbook of one sheet a district, saved open on its instructions (a
/// reviewer's city workbook; 示例数据，非官方统计): every district sheet is
/// read as its district (only the first was read, as the plan's 江津区, the
/// others unread, exit 0 beside a district's failing binding figure); and a
/// district's workbook of one sheet a year, with no year in its name, saved
/// open on 2022年, gives its 2023 figures (they went unread).
#[test]
fn a_workbook_of_one_sheet_a_district_or_a_year_is_read_sheet_by_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let sheet_of = |workbook: &mut rust_xlsxwriter::Workbook, name: &str, rate: f64| {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).unwrap();
        for (c, h) in ["分类", "指标", "数值", "来源"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        sheet.write_string(1, 0, "义务教育").unwrap();
        sheet.write_string(1, 1, "九年义务教育巩固率").unwrap();
        sheet.write_number(1, 2, rate).unwrap();
        sheet.write_string(1, 3, "示例数据，非官方统计").unwrap();
    };
    let districts = dir.path().join("各区县2023.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet().set_name("填表说明").unwrap();
    sheet_of(&mut workbook, "万州区", 99.0);
    sheet_of(&mut workbook, "合川区", 95.0);
    sheet_of(&mut workbook, "涪陵区", 99.5);
    workbook.save(&districts).unwrap();
    let out = plan_check().arg(&districts).output().unwrap();
    let (table, err) = (stdout_of(&out), stderr_of(&out));
    assert_eq!(out.status.code(), Some(1), "{table}{err}");
    assert!(
        table.contains("约束性指标未达到要求的地区：合川区"),
        "{table}"
    );
    assert!(table.contains("共3个地区"), "{table}");
    assert!(!table.contains("江津区 "), "{table}");
    assert!(err.contains("3 张以地区命名的工作表"), "{err}");

    let years = dir.path().join("永川区.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    sheet_of(&mut workbook, "2022年", 99.5);
    sheet_of(&mut workbook, "2023年", 95.0);
    workbook.worksheet_from_index(0).unwrap().set_active(true);
    workbook.save(&years).unwrap();
    let out = plan_check().arg(&years).output().unwrap();
    let table = stdout_of(&out);
    assert_eq!(out.status.code(), Some(1), "{table}{}", stderr_of(&out));
    // The latest year's sheet, alone (reading every year's sheet made a
    // yearbook's editions, years as columns, clash).
    assert!(table.contains("2023年指标检查"), "{table}");
    assert!(
        stderr_of(&out).contains("读的是最新一年的“2023年”"),
        "{}",
        stderr_of(&out)
    );
}

/// A reviewer's breaks of the total rows (示例数据，非官方统计): a district's
/// own file saying 全区 is the district (it was refused, exit 2); 合计 with
/// a zero-width space and 重庆市合计 are totals (they were ranked as regions).
#[test]
fn a_districts_own_total_is_the_district_and_other_totals_are_none() {
    let own = "地区,指标,数值,年份\n全区,九年义务教育巩固率,99,2023\n";
    let (_dir, path) = write_csv("江津区2023.csv", own);
    let out = plan_check().arg(&path).output().unwrap();
    // Its one binding indicator reported and met.
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("江津区"), "{}", stdout_of(&out));
    assert!(!stderr_of(&out).contains("S028"), "{}", stderr_of(&out));
    let city = "地区,指标,数值,年份\n\
        万州区,九年义务教育巩固率,99,2023\n\
        \"合\u{200B}计\",九年义务教育巩固率,99,2023\n\
        重庆市合计,九年义务教育巩固率,99,2023\n";
    let (_dir, path) = write_csv("全市.csv", city);
    // One region left: the year's view, of 万州区.
    let (json, _) = json_run(&[path.as_os_str()]);
    assert_eq!(json["region"], "万州区", "{json}");
    let out = plan_check().arg(&path).output().unwrap();
    assert!(
        stderr_of(&out).contains("共 2 行是汇总行"),
        "{}",
        stderr_of(&out)
    );
}
