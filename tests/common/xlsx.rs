//! Minimal `.xlsx` packages written part by part, for the workbook cases a
//! spreadsheet program makes but a writer library will not: a date or an error
//! value in a figure cell, a formula saved without its value, a hidden first
//! sheet, an active tab, oversized parts.

use std::io::Write;
use std::path::Path;

/// One cell of a row.
pub enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// A number shown with a date format (style 1: `yyyy-mm-dd`).
    Date(f64),
    Bool(bool),
    /// An error value (`#DIV/0!`).
    Error(&'a str),
    /// A formula saved without a computed value.
    Formula(&'a str),
    /// A shared string, by index.
    Shared(usize),
}

pub struct Sheet<'a> {
    pub name: &'a str,
    pub hidden: bool,
    pub rows: Vec<Vec<Cell<'a>>>,
}

/// A sheet of rows, visible.
pub fn sheet<'a>(name: &'a str, rows: Vec<Vec<Cell<'a>>>) -> Sheet<'a> {
    Sheet {
        name,
        hidden: false,
        rows,
    }
}

/// The shipped 2023 figures (illustrative, 示例数据) as rows of a sheet:
/// header 指标, 数值, 年份.
pub fn rows_2023<'a>() -> Vec<Vec<Cell<'a>>> {
    let mut rows = vec![vec![
        Cell::Text("指标"),
        Cell::Text("数值"),
        Cell::Text("年份"),
    ]];
    for (name, value) in [
        ("毛入园率", 98.3),
        ("九年义务教育巩固率", 100.0),
        ("高中阶段教育毛入学率", 98.6),
    ] {
        rows.push(vec![
            Cell::Text(name),
            Cell::Number(value),
            Cell::Number(2023.0),
        ]);
    }
    rows
}

fn column_letter(i: usize) -> char {
    (b'A' + i as u8) as char
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn sheet_xml(sheet: &Sheet) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r + 1;
        xml.push_str(&format!(r#"<row r="{r}">"#));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{r}", column_letter(c));
            xml.push_str(&match cell {
                Cell::Text(t) => {
                    format!(
                        r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
                        escape(t)
                    )
                }
                Cell::Number(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
                Cell::Date(n) => format!(r#"<c r="{at}" s="1"><v>{n}</v></c>"#),
                Cell::Bool(b) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(*b)),
                Cell::Error(e) => format!(r#"<c r="{at}" t="e"><v>{}</v></c>"#, escape(e)),
                Cell::Formula(f) => format!(r#"<c r="{at}"><f>{}</f></c>"#, escape(f)),
                Cell::Shared(i) => format!(r#"<c r="{at}" t="s"><v>{i}</v></c>"#),
            });
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// Writes an `.xlsx` package with `sheets`, opening on `active_tab`, with
/// `shared_strings` as the shared-strings part's `<si>` items when given.
pub fn write(path: &Path, sheets: &[Sheet], active_tab: Option<usize>, shared: Option<&str>) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let mut part = |name: &str, text: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#,
    );
    for i in 1..=sheets.len() {
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
    }
    types.push_str("</Types>");
    part("[Content_Types].xml", &types);
    part(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    let view = match active_tab {
        Some(tab) => format!(r#"<bookViews><workbookView activeTab="{tab}"/></bookViews>"#),
        None => String::new(),
    };
    let mut workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{view}<sheets>"#
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, sheet) in sheets.iter().enumerate() {
        let n = i + 1;
        let state = if sheet.hidden {
            r#" state="hidden""#
        } else {
            ""
        };
        workbook.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}"{state} r:id="rId{n}"/>"#,
            escape(sheet.name)
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
    }
    workbook.push_str("</sheets></workbook>");
    let n = sheets.len();
    rels.push_str(&format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#, n + 1, n + 2));
    part("xl/workbook.xml", &workbook);
    part("xl/_rels/workbook.xml.rels", &rels);
    part(
        "xl/styles.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#,
    );
    part(
        "xl/sharedStrings.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>"#,
            shared.unwrap_or("")
        ),
    );
    for (i, sheet) in sheets.iter().enumerate() {
        part(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            &sheet_xml(sheet),
        );
    }
    zip.finish().unwrap();
}
