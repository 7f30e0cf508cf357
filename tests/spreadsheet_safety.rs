//! Output that a spreadsheet opens never runs what a submitted file carried:
//! a 来源 of `=HYPERLINK(…)` or `+cmd|…` reaches the CSV as text (a leading
//! `'`, as OWASP recommends against CSV injection) and the workbook as a
//! string cell, never a formula; numbers are never altered.

mod common;

use common::{plan_check, stdout_of, write_csv};

const HOSTILE: &str = "指标,数值,来源,备注\n\
    毛入园率,98.3,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\",@SUM(1+1)\n\
    九年义务教育巩固率,100,+cmd|' /C calc'!A0,-2+3\n\
    财政性教育经费占一般公共预算支出的比例,18.2,\tTAB,普通备注\n";

#[test]
fn text_cells_that_a_spreadsheet_would_run_are_neutralised_in_csv() {
    let (_dir, data) = write_csv("2023.csv", HOSTILE);
    let out = plan_check()
        .args(["--format", "csv"])
        .arg(&data)
        .output()
        .unwrap();
    let text = stdout_of(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |id: &str| rows.iter().find(|r| &r[col("id")] == id).unwrap();
    let enrolment = row("preschool_gross_enrolment_rate");
    assert!(
        enrolment[col("source")].starts_with("'=HYPERLINK("),
        "{text}"
    );
    assert_eq!(&enrolment[col("remark")], "'@SUM(1+1)");
    let retention = row("compulsory_retention_rate");
    assert!(retention[col("source")].starts_with("'+cmd|"), "{text}");
    assert_eq!(&retention[col("remark")], "'-2+3");
    let spending = row("education_spending_share");
    // A leading tab is white space, trimmed as the file is read.
    assert_eq!(&spending[col("source")], "TAB");
    assert_eq!(&spending[col("remark")], "普通备注");
    // Every cell that a spreadsheet reads as a formula starts otherwise.
    for r in &rows {
        for cell in r.iter() {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{cell:?}");
        }
    }
}

#[test]
fn a_negative_figure_is_written_as_the_number_it_is() {
    let (_dir, data) = write_csv("2026.csv", "指标,数值\n单位GDP二氧化碳排放降低,-3.5\n");
    let out = plan_check()
        .args([
            "--plan",
            "examples/plans/national-15th-fyp.toml",
            "--format",
            "csv",
        ])
        .arg(&data)
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains(",-3.5,"), "{text}");
}

#[test]
fn the_workbook_holds_such_text_as_strings_never_formulas() {
    let (dir, data) = write_csv("2023.csv", HOSTILE);
    let book_path = dir.path().join("结果.xlsx");
    plan_check()
        .args(["--format", "xlsx", "--output"])
        .arg(&book_path)
        .arg(&data)
        .output()
        .unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&book_path).unwrap();
    let formulas = book.worksheet_formula("检查结果").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula in the results"
    );
    let values = book.worksheet_range("检查结果").unwrap();
    assert!(
        values
            .used_cells()
            .any(|(_, _, v)| v.to_string().starts_with("=HYPERLINK(")),
        "the text is kept as written, as a string"
    );
}
