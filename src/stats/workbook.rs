//! Reading statistics straight from an Excel or WPS workbook (`.xlsx`, `.xlsm`,
//! `.xlsb`, `.xls`) or an OpenDocument spreadsheet (`.ods`) through calamine.
//!
//! The first worksheet is read, or `--sheet NAME`. Each row becomes the same
//! record of cell texts a CSV row is, so one reader judges both: a number Excel
//! stores as a number is written out exactly (Rust prints the shortest text that
//! reads back as the same number); a number shown with a percent format (0.982
//! shown as 98.2%) becomes `98.2%`, as if typed that way, so it is accepted on a
//! percent indicator and refused on a count. Positions read `Sheet1!C7`.

use super::Observations;
use super::rows::{
    HeaderProblem, MAX_TITLE_ROWS, Place, RowReader, is_blank, read_header, year_in_name,
};
use crate::diagnostic::{Diagnostic, Text};
use crate::plan::PlanSet;
use calamine::{Data, Reader};
use csv::ByteRecord;
use std::path::Path;

/// The extensions read as workbooks.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

pub fn load_workbook(
    path: &Path,
    plans: &PlanSet,
    options: &super::LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    let file = path.display().to_string();
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| open_error(&e, &file))?;
    let names = workbook.sheet_names();
    let sheet = match &options.sheet {
        Some(wanted) => names
            .iter()
            .find(|n| *n == wanted)
            .cloned()
            .ok_or_else(|| {
                Diagnostic::error(
                    "S012",
                    &file,
                    Text::new(
                        format!("工作簿中没有工作表“{wanted}”；现有：{}", names.join("、")),
                        format!(
                            "the workbook has no sheet \"{wanted}\"; it has: {}",
                            names.join(", ")
                        ),
                    ),
                )
            })?,
        None => names.first().cloned().ok_or_else(|| {
            Diagnostic::error(
                "S012",
                &file,
                Text::new("工作簿中没有工作表", "the workbook has no worksheet"),
            )
        })?,
    };
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| open_error(&e, &file))?;
    // Number formats: only .xlsx reports them; elsewhere percent cells read as fractions.
    let styles = workbook.worksheet_style(&sheet).ok();
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let percent_formatted = |row: u32, column: u32| {
        styles
            .as_ref()
            .and_then(|s| s.get((row, column)))
            .and_then(|style| style.number_format.as_ref())
            .is_some_and(|f| f.format_code.contains('%'))
    };

    let mut record = ByteRecord::new();
    let mut rows = range.rows().enumerate().map(|(i, cells)| {
        let row = first_row + i as u32;
        record.clear();
        for (j, cell) in cells.iter().enumerate() {
            let text = cell_text(cell, percent_formatted(row, first_column + j as u32));
            record.push_field(text.as_bytes());
        }
        (u64::from(row) + 1, record.clone())
    });
    let place = |line| Place {
        file: &file,
        line,
        sheet: Some(&sheet),
        first_column: first_column as usize,
    };

    let mut first_problem = None;
    let mut rows_seen = 0;
    let layout = loop {
        let Some((line, row)) = rows.next() else {
            return Err(first_problem.unwrap_or_else(|| {
                Diagnostic::error(
                    "S003",
                    &file,
                    Text::new(
                        format!("工作表“{sheet}”是空的"),
                        format!("the sheet \"{sheet}\" is empty"),
                    ),
                )
            }));
        };
        if is_blank(&row) {
            continue;
        }
        rows_seen += 1;
        match read_header(&row, place(line)) {
            Ok(layout) => break layout,
            Err(HeaderProblem::Fatal(d)) => return Err(d),
            Err(HeaderProblem::NotAHeader(d)) => {
                let first = first_problem.get_or_insert(d);
                if rows_seen > MAX_TITLE_ROWS {
                    return Err(first.clone());
                }
            }
        }
    };
    let year_from_name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(year_in_name);
    let mut reader = RowReader::new(
        plans,
        options,
        layout,
        &file,
        Some((&sheet, first_column as usize)),
        year_from_name,
        table,
    );
    let mut data_rows = 0usize;
    for (line, row) in rows {
        if is_blank(&row) {
            continue;
        }
        data_rows += 1;
        reader.read(&row, line, table, warnings)?;
    }
    if data_rows == 0 {
        return Err(Diagnostic::error(
            "S003",
            &file,
            Text::new(
                format!("工作表“{sheet}”只有表头，没有数据行"),
                format!("the sheet \"{sheet}\" has a header but no rows"),
            ),
        ));
    }
    Ok(())
}

/// A cell as the text a CSV would hold.
fn cell_text(cell: &Data, percent_format: bool) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) if percent_format => format!("{}%", i * 100),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if percent_format => {
            // 0.982 × 100 is 98.19999…: round away the binary noise of the scaling.
            format!("{}%", (f * 100.0 * 1e9).round() / 1e9)
        }
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn open_error(e: &calamine::Error, file: &str) -> Diagnostic {
    let text = e.to_string();
    let (zh, en) = if text.to_lowercase().contains("password") {
        (
            "工作簿有密码保护，无法读取：请在 Excel/WPS 中取消密码后另存".to_owned(),
            "the workbook is password-protected: remove the password in Excel or WPS and save it again"
                .to_owned(),
        )
    } else {
        (
            format!("无法读取工作簿：{text}"),
            format!("cannot read the workbook: {text}"),
        )
    };
    Diagnostic::error("S012", file, Text::new(zh, en))
}
