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
use calamine::{Data, DataRef, Reader};
use csv::ByteRecord;
use std::borrow::Cow;
use std::path::Path;

/// The extensions read as workbooks.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

pub fn is_workbook(path: &Path) -> bool {
    has_extension(path, &EXTENSIONS)
}

/// Whether the file name ends in one of `extensions`, in any case.
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

pub fn load_workbook(
    path: &Path,
    plans: &PlanSet,
    options: &super::LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    let file = path.display().to_string();
    if has_extension(path, &["xlsx", "xlsm"]) {
        // .xlsx/.xlsm: the sheet's cells are read as a stream, a row at a time.
        let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(path)
            .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?;
        let sheet = choose_sheet(&workbook.sheet_names(), options, &file)?;
        let cells = workbook
            .worksheet_cells_reader(&sheet)
            .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?;
        let mut rows = XlsxRows::new(cells, &file);
        read_rows(&mut rows, &sheet, path, plans, options, table, warnings)
    } else {
        // .xls, .xlsb, .ods: calamine reads the whole sheet.
        let mut workbook = calamine::open_workbook_auto(path).map_err(|e| open_error(&e, &file))?;
        let sheet = choose_sheet(&workbook.sheet_names(), options, &file)?;
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|e| open_error(&e, &file))?;
        // Number formats: only .xlsx reports them; here percent cells read as fractions.
        let mut rows = RangeRows::new(&range);
        read_rows(&mut rows, &sheet, path, plans, options, table, warnings)
    }
}

/// `--sheet`, else the first worksheet.
fn choose_sheet(
    names: &[String],
    options: &super::LoadOptions,
    file: &str,
) -> Result<String, Diagnostic> {
    match &options.sheet {
        Some(wanted) => names.iter().find(|n| *n == wanted).cloned().ok_or_else(|| {
            Diagnostic::error(
                "S012",
                file,
                Text::new(
                    format!("工作簿中没有工作表“{wanted}”；现有：{}", names.join("、")),
                    format!(
                        "the workbook has no sheet \"{wanted}\"; it has: {}",
                        names.join(", ")
                    ),
                ),
            )
        }),
        None => names.first().cloned().ok_or_else(|| {
            Diagnostic::error(
                "S012",
                file,
                Text::new("工作簿中没有工作表", "the workbook has no worksheet"),
            )
        }),
    }
}

/// The rows of a worksheet, one at a time, as records of cell texts.
trait SheetRows {
    /// Fills `record` with the next row's cells, from the sheet's first used
    /// column on; returns the row's 1-based number, or `None` after the last.
    fn next_row(&mut self, record: &mut ByteRecord) -> Result<Option<u64>, Diagnostic>;
    /// The sheet column (0-based) of each record's first cell.
    fn first_column(&self) -> usize;
}

/// Finds the header (below up to five title rows), then reads every row.
fn read_rows(
    rows: &mut dyn SheetRows,
    sheet: &str,
    path: &Path,
    plans: &PlanSet,
    options: &super::LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    let file = path.display().to_string();
    let first_column = rows.first_column();
    let place = |line| Place {
        file: &file,
        line,
        sheet: Some(sheet),
        first_column,
    };
    let mut record = ByteRecord::new();
    let mut first_problem = None;
    let mut rows_seen = 0;
    let layout = loop {
        let Some(line) = rows.next_row(&mut record)? else {
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
        if is_blank(&record) {
            continue;
        }
        rows_seen += 1;
        match read_header(&record, place(line)) {
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
        .map_or(super::rows::NameYear::None, year_in_name);
    let mut reader = RowReader::new(
        plans,
        options,
        layout,
        &file,
        Some((sheet, first_column)),
        year_from_name,
        table,
    );
    let mut data_rows = 0usize;
    while let Some(line) = rows.next_row(&mut record)? {
        if is_blank(&record) {
            continue;
        }
        data_rows += 1;
        reader.read(&record, line, table, warnings)?;
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

/// The rows of a sheet calamine has read whole.
struct RangeRows<'r> {
    rows: std::iter::Enumerate<calamine::Rows<'r, Data>>,
    first_row: u32,
    first_column: u32,
}

impl<'r> RangeRows<'r> {
    fn new(range: &'r calamine::Range<Data>) -> Self {
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        RangeRows {
            rows: range.rows().enumerate(),
            first_row,
            first_column,
        }
    }
}

impl SheetRows for RangeRows<'_> {
    fn next_row(&mut self, record: &mut ByteRecord) -> Result<Option<u64>, Diagnostic> {
        let Some((i, cells)) = self.rows.next() else {
            return Ok(None);
        };
        record.clear();
        for cell in cells {
            record.push_field(cell_text(&data_ref(cell), false).as_bytes());
        }
        Ok(Some(u64::from(self.first_row) + i as u64 + 1))
    }

    fn first_column(&self) -> usize {
        self.first_column as usize
    }
}

/// The rows of an .xlsx sheet as its cells stream in (in row order, each row
/// left to right). Every record is as wide as the sheet's declared dimensions,
/// as a whole-sheet read gives it.
struct XlsxRows<'a> {
    cells: calamine::XlsxCellReader<'a, std::io::BufReader<std::fs::File>>,
    /// Whether each style shows its number as a percent.
    percent: Vec<bool>,
    first_column: u32,
    width: usize,
    /// The first cell of the next row, read ahead.
    pending: Option<(calamine::Cell<DataRef<'a>>, usize)>,
    /// The reader has given its last cell (it must not be asked again).
    finished: bool,
    file: String,
}

impl<'a> XlsxRows<'a> {
    fn new(
        cells: calamine::XlsxCellReader<'a, std::io::BufReader<std::fs::File>>,
        file: &str,
    ) -> Self {
        let percent = cells
            .styles()
            .iter()
            .map(|style| {
                style
                    .number_format
                    .as_ref()
                    .is_some_and(|f| f.format_code.contains('%'))
            })
            .collect();
        let dimensions = cells.dimensions();
        let (first_column, width) = if dimensions.end.1 >= dimensions.start.1 {
            (
                dimensions.start.1,
                (dimensions.end.1 - dimensions.start.1) as usize + 1,
            )
        } else {
            (0, 0)
        };
        XlsxRows {
            cells,
            percent,
            first_column,
            width,
            pending: None,
            finished: false,
            file: file.to_owned(),
        }
    }

    fn next_cell(&mut self) -> Result<Option<(calamine::Cell<DataRef<'a>>, usize)>, Diagnostic> {
        if self.finished {
            return Ok(None);
        }
        let cell = self
            .cells
            .next_cell_with_style_id()
            .map_err(|e| open_error(&calamine::Error::Xlsx(e), &self.file))?;
        self.finished = cell.is_none();
        Ok(cell)
    }
}

impl SheetRows for XlsxRows<'_> {
    fn next_row(&mut self, record: &mut ByteRecord) -> Result<Option<u64>, Diagnostic> {
        let first = match self.pending.take() {
            Some(cell) => cell,
            None => match self.next_cell()? {
                Some(cell) => cell,
                None => return Ok(None),
            },
        };
        let row = first.0.get_position().0;
        record.clear();
        let mut next = Some(first);
        while let Some((cell, style)) = next.take() {
            let (cell_row, column) = cell.get_position();
            if cell_row != row {
                self.pending = Some((cell, style));
                break;
            }
            // Cells left of the sheet's declared first column are not part of it.
            if let Some(at) = column.checked_sub(self.first_column) {
                while record.len() < at as usize {
                    record.push_field(b"");
                }
                let percent = self.percent.get(style).copied().unwrap_or(false);
                record.push_field(cell_text(cell.get_value(), percent).as_bytes());
            }
            next = self.next_cell()?;
        }
        while record.len() < self.width {
            record.push_field(b"");
        }
        Ok(Some(u64::from(row) + 1))
    }

    fn first_column(&self) -> usize {
        self.first_column as usize
    }
}

/// A whole-sheet cell as the streamed kind, to share [`cell_text`].
fn data_ref(cell: &Data) -> DataRef<'_> {
    match cell {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// A cell as the text a CSV would hold.
fn cell_text<'c>(cell: &'c DataRef<'_>, percent_format: bool) -> Cow<'c, str> {
    match cell {
        DataRef::Empty => Cow::Borrowed(""),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cow::Borrowed(s),
        DataRef::SharedString(s) => Cow::Borrowed(s),
        DataRef::Int(i) if percent_format => Cow::Owned(format!("{}%", i * 100)),
        DataRef::Int(i) => Cow::Owned(i.to_string()),
        DataRef::Float(f) if percent_format => {
            // 0.982 × 100 is 98.19999…: round away the binary noise of the scaling.
            Cow::Owned(format!("{}%", (f * 100.0 * 1e9).round() / 1e9))
        }
        DataRef::Float(f) => Cow::Owned(f.to_string()),
        DataRef::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(d) => Cow::Owned(d.to_string()),
        DataRef::Error(e) => Cow::Owned(format!("#{e:?}")),
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
