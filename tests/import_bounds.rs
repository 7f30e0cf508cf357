//! `plan-check import` is bounded like the statistics readers: documents
//! built to run away (merged cells spread over thousands of rows, a cell at
//! the sheet's last address, nesting thousands deep, tens of thousands of
//! rows) are refused with I001 naming the limit, or read in linear time;
//! never an abort. Each file is made here, a few kilobytes.

mod common;

use common::{plan_check, stderr_of};
use std::io::Write;
use std::path::{Path, PathBuf};

fn package(path: &Path, parts: &[(&str, String)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

fn docx(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("plan.docx");
    package(
        &path,
        &[
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned(),
            ),
            (
                "word/document.xml",
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
                ),
            ),
        ],
    );
    path
}

fn cell(text: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

fn xlsx(dir: &Path, sheet: &str) -> PathBuf {
    let path = dir.join("plan.xlsx");
    package(
        &path,
        &[
            ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
            ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned()),
            ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sheet}</worksheet>"#)),
        ],
    );
    path
}

fn import(path: &Path) -> std::process::Output {
    plan_check().arg("import").arg(path).output().unwrap()
}

/// Refused with I001 and `words`; an abort would exit 134.
fn refused(out: &std::process::Output, words: &str) {
    let err = stderr_of(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("I001") && err.contains(words), "{err}");
}

const HEADER: &str = "<w:tr><w:tc><w:p><w:r><w:t>类别</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2020年</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2025年</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>属性</w:t></w:r></w:p></w:tc></w:tr>";

#[test]
fn a_word_cell_merged_down_twelve_thousand_rows_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = "主要指标".repeat(2000);
    let mut rows = String::from(HEADER);
    rows.push_str(&format!(
        "<w:tr>{}{}{}{}{}</w:tr>",
        cell(&big, r#"<w:vMerge w:val="restart"/>"#),
        cell("a", ""),
        cell("1", ""),
        cell("2", ""),
        cell("预期性", "")
    ));
    let continuing = format!(
        "<w:tr>{}{}{}{}{}</w:tr>",
        cell("", "<w:vMerge/>"),
        cell("a", ""),
        cell("1", ""),
        cell("2", ""),
        cell("预期性", "")
    );
    rows.push_str(&continuing.repeat(12_000));
    let path = docx(
        dir.path(),
        &format!("<w:p><w:r><w:t>专栏1 主要指标</w:t></w:r></w:p><w:tbl>{rows}</w:tbl>"),
    );
    refused(&import(&path), "MB");
}

#[test]
fn a_word_cell_spanning_more_columns_than_any_table_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let row = format!(
        "<w:tr>{}</w:tr>",
        cell("x", r#"<w:gridSpan w:val="100000"/>"#)
    );
    let path = docx(dir.path(), &format!("<w:tbl>{HEADER}{row}</w:tbl>"));
    refused(&import(&path), "1000");
}

#[test]
fn a_web_page_cell_spread_a_hundred_by_a_hundred_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.html");
    let big = "指".repeat(350_000);
    std::fs::write(
        &path,
        format!(
            "<p>专栏1 主要指标</p><table><tr><th>类别</th><th>指标</th></tr><tr><td rowspan=\"100\" colspan=\"100\">{big}</td></tr></table>"
        ),
    )
    .unwrap();
    refused(&import(&path), "MB");
}

#[test]
fn a_web_page_nested_twenty_thousand_deep_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.html");
    std::fs::write(
        &path,
        format!("{}x{}", "<div>".repeat(20_000), "</div>".repeat(20_000)),
    )
    .unwrap();
    refused(&import(&path), "嵌套");
}

#[test]
fn a_workbook_cell_at_the_last_address_or_a_sheet_wide_merge_allocates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let far = xlsx(
        dir.path(),
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>"#,
    );
    refused(&import(&far), "单元格");
    let merged = xlsx(
        dir.path(),
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1" t="inlineStr"><is><t>2020年</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>"#,
    );
    // Only what lies among the cells read is spread: nothing to find, said so.
    let out = import(&merged);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("I002"), "{}", stderr_of(&out));
}

#[test]
fn a_workbook_of_more_cells_than_any_plan_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let rows: String = (1..=1_100_000)
        .map(|i| format!(r#"<row r="{i}"><c r="A{i}"><v>1</v></c></row>"#))
        .collect();
    let path = xlsx(dir.path(), &format!("<sheetData>{rows}</sheetData>"));
    refused(&import(&path), "单元格");
}

#[test]
fn twenty_thousand_rows_of_text_are_read_in_linear_time() {
    // Not timed here (benchmarks are not tests): a quadratic reader took
    // about a minute on this and would hold the test run.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.txt");
    let mut text = String::from("专栏1 主要指标\n类别\t指标\t2020年\t2025年\t属性\n");
    for i in 0..20_000 {
        text.push_str(&format!("经济\t指标{i}（%）\t{i}\t{}\t预期性\n", i + 1));
    }
    std::fs::write(&path, text).unwrap();
    let out = import(&path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("读取 20000 行指标"));
}

#[test]
fn empty_and_renamed_office_files_are_said_so_in_the_user_s_words() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("plan.docx");
    std::fs::write(&empty, b"").unwrap();
    let out = import(&empty);
    refused(&out, "文件是空的");
    let renamed = dir.path().join("plan.xlsx");
    std::fs::write(&renamed, b"<html>not a workbook</html>").unwrap();
    let out = import(&renamed);
    refused(&out, "改了扩展名");
    assert!(!stderr_of(&out).contains("EOCD"));
}
