//! Reading statistics straight from an Excel or WPS workbook (`.xlsx`, `.xlsm`,
//! `.xlsb`, `.xls`) or an OpenDocument spreadsheet (`.ods`) through calamine.
//!
//! `--sheet NAME` is read, else the sheet the workbook opens on (its active
//! sheet) when visible, else the first visible sheet. A cell that is a date, a
//! truth value or an error value where a name, figure, year or region belongs
//! is an error at the cell; so is a formula saved without its value. The
//! package is checked first ([`super::package`]) so that no part can make the
//! tool allocate without bound. Each row becomes the same
//! record of cell texts a CSV row is, so one reader judges both: a number Excel
//! stores as a number is written out exactly (Rust prints the shortest text that
//! reads back as the same number); a number shown with a percent format (0.982
//! shown as 98.2%) becomes `98.2%`, as if typed that way, so it is accepted on a
//! percent indicator and refused on a count. Positions read `Sheet1!C7`.

use super::Observations;
use super::rows::{
    HeaderProblem, MAX_TITLE_ROWS, Place, RowReader, StoredNumber, is_blank, read_header,
    year_in_name,
};
use crate::diagnostic::{Diagnostic, Text};
use crate::plan::PlanSet;
use calamine::{Data, DataRef, Reader};
use csv::ByteRecord;
use std::borrow::Cow;
use std::collections::HashSet;
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
    shown: &str,
    plans: &PlanSet,
    options: &super::LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    // calamine asserts on some malformed files (found by fuzzing: a damaged
    // .xls header): such a file is reported as damaged, never a panic.
    let read = quietly(|| read_workbook(path, shown, plans, options, table, warnings, &mut errors))
        .unwrap_or_else(|| Err(super::package::damaged(shown, None)));
    if let Err(fatal) = read {
        errors.push(fatal);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Runs `f`, turning a panic inside it into `None`, without the panic's
/// message on standard error (the caller reports it in its own words).
pub(crate) fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    result.ok()
}

/// Reads the workbook's sheet: an error that ends the reading is returned; the
/// errors of single rows are pushed onto `errors` (up to
/// [`super::MAX_ERRORS_PER_FILE`]) and the reading goes on.
fn read_workbook(
    path: &Path,
    shown: &str,
    plans: &PlanSet,
    options: &super::LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
    errors: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    let file = shown.to_owned();
    // Bounded before calamine reads a part whole; and the sheet it opens on.
    let active = super::package::check(path, &file)?;
    if has_extension(path, &["xlsx", "xlsm"]) {
        // .xlsx/.xlsm: the sheet's cells are read as a stream, a row at a time.
        let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(path)
            .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?;
        let sheet = choose_sheet(workbook.sheets_metadata(), active, options, &file, warnings)?;
        let cells = workbook
            .worksheet_cells_reader(&sheet)
            .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?;
        let mut rows = XlsxRows::new(cells, &file);
        let blanks = read_rows(
            &mut rows, &sheet, path, &file, plans, options, table, warnings, errors,
        )?;
        drop(rows);
        if !blanks.is_empty() {
            let mut cells = workbook
                .worksheet_cells_reader(&sheet)
                .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?;
            while let Some(formula) = cells
                .next_formula()
                .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?
            {
                if !formula.get_value().is_empty() && blanks.contains(&formula.get_position()) {
                    return Err(uncomputed(
                        &file,
                        &sheet,
                        formula.get_position(),
                        formula.get_value(),
                    ));
                }
            }
        }
        Ok(())
    } else {
        // .xls, .xlsb, .ods: calamine reads the whole sheet.
        let mut workbook = calamine::open_workbook_auto(path).map_err(|e| open_error(&e, &file))?;
        let sheet = choose_sheet(workbook.sheets_metadata(), active, options, &file, warnings)?;
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|e| open_error(&e, &file))?;
        // Number formats: only .xlsx reports them; here percent cells read as fractions.
        let mut rows = RangeRows::new(&range);
        let blanks = read_rows(
            &mut rows, &sheet, path, &file, plans, options, table, warnings, errors,
        )?;
        if !blanks.is_empty()
            && let Ok(formulas) = workbook.worksheet_formula(&sheet)
        {
            for &(row, column) in &blanks {
                if let Some(formula) = formulas.get_value((row, column))
                    && !formula.is_empty()
                {
                    return Err(uncomputed(&file, &sheet, (row, column), formula));
                }
            }
        }
        Ok(())
    }
}

/// A formula whose value was never computed (a file written by a script, not
/// saved by Excel or WPS): its cell would read as empty, not reported.
fn uncomputed(file: &str, sheet: &str, (row, column): (u32, u32), formula: &str) -> Diagnostic {
    let formula = crate::diagnostic::quote_raw(formula);
    Diagnostic::error(
        "S015",
        file,
        Text::new(
            format!("单元格是公式（={formula}），但文件中没有它的计算结果：无法读取数值"),
            format!(
                "the cell holds a formula (={formula}) but the file has no computed value for it: its figure cannot be read"
            ),
        ),
    )
    .at_cell(sheet, u64::from(row) + 1, column as usize)
    .with_hint(Text::new(
        "请在 Excel/WPS 中打开并保存一次（会算出公式的值），或直接填写数值",
        "open and save the file once in Excel or WPS (which computes the formula), or type the figure",
    ))
}

/// `--sheet`; else the sheet the workbook opens on (its active sheet) when it
/// is visible; else the first visible sheet. With several sheets, a note says
/// which one was read.
fn choose_sheet(
    sheets: &[calamine::Sheet],
    active: Option<super::package::Active>,
    options: &super::LoadOptions,
    file: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<String, Diagnostic> {
    use super::package::Active;
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    if let Some(wanted) = &options.sheet {
        return names
            .iter()
            .find(|n| *n == wanted)
            .map(|n| (*n).to_owned())
            .ok_or_else(|| {
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
            });
    }
    let visible = |s: &&calamine::Sheet| {
        s.visible == calamine::SheetVisible::Visible && s.typ == calamine::SheetType::WorkSheet
    };
    let active = match active {
        Some(Active::Index(i)) => sheets.get(i),
        Some(Active::Name(name)) => sheets.iter().find(|s| s.name == name),
        None => None,
    };
    let chosen = active
        .filter(visible)
        .or_else(|| sheets.iter().find(visible))
        .ok_or_else(|| {
            Diagnostic::error(
                "S012",
                file,
                Text::new(
                    "工作簿中没有可见的工作表",
                    "the workbook has no visible worksheet",
                ),
            )
            .with_hint(Text::new(
                "用 --sheet 指定要读的工作表",
                "name the sheet to read with --sheet",
            ))
        })?;
    if sheets.len() > 1 {
        warnings.push(Diagnostic::warning(
            "S014",
            file,
            Text::new(
                format!(
                    "读取的是工作表“{}”（打开时显示的一张）；工作簿共有 {} 张：{}。可用 --sheet 指定",
                    chosen.name,
                    names.len(),
                    names.join("、")
                ),
                format!(
                    "read the sheet \"{}\" (the one the workbook opens on) of {}: {}; choose another with --sheet",
                    chosen.name,
                    names.len(),
                    names.join(", ")
                ),
            ),
        ));
    }
    Ok(chosen.name.clone())
}

/// A cell that is not plain text or a number.
#[derive(Debug, Clone, PartialEq)]
enum Odd {
    /// A number as stored (not text); `percent` when shown as a percent.
    Number(f64, bool),
    Date(String),
    Bool(bool),
    ErrorValue(String),
    /// A cell present in the sheet with no value (perhaps a formula never computed).
    Blank,
}

/// The cells of the last row read that are not text or numbers, by their
/// column in the record.
type Odds = Vec<(usize, Odd)>;

/// The rows of a worksheet, one at a time, as records of cell texts.
trait SheetRows {
    /// Fills `record` with the next row's cells, from the sheet's first used
    /// column on, and `odds` with its cells that are not text or numbers;
    /// returns the row's 1-based number, or `None` after the last.
    fn next_row(
        &mut self,
        record: &mut ByteRecord,
        odds: &mut Odds,
    ) -> Result<Option<u64>, Diagnostic>;
    /// The sheet column (0-based) of each record's first cell.
    fn first_column(&self) -> usize;
}

/// Blank cells in figure columns, kept to look for formulas never computed.
const MAX_BLANKS: usize = 100_000;

/// Finds the header (below up to five title rows), then reads every row.
/// Returns the positions (0-based row, column) of blank cells present in the
/// value and year columns, where a formula without a value would hide.
#[allow(clippy::too_many_arguments)]
fn read_rows(
    rows: &mut dyn SheetRows,
    sheet: &str,
    path: &Path,
    file: &str,
    plans: &PlanSet,
    options: &super::LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
    errors: &mut Vec<Diagnostic>,
) -> Result<HashSet<(u32, u32)>, Diagnostic> {
    let file = file.to_owned();
    let first_column = rows.first_column();
    let place = |line| Place {
        file: &file,
        line,
        sheet: Some(sheet),
        first_column,
    };
    let mut record = ByteRecord::new();
    let mut odds = Odds::new();
    let mut first_problem = None;
    let mut rows_seen = 0;
    let mut layout = loop {
        let Some(line) = rows.next_row(&mut record, &mut odds)? else {
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
        match read_header(&record, place(line), plans) {
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
    warnings.extend(layout.take_notes());
    let key_columns = layout.key_columns();
    let figure_columns = layout.figure_columns();
    let indicator_column = layout.indicator_column();
    let value_columns = layout.value_columns();
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
    let mut blanks = HashSet::new();
    let mut data_rows = 0usize;
    // The figures of the row the workbook stores as numbers, by column.
    let mut stored: Vec<(usize, StoredNumber)> = Vec::new();
    while let Some(line) = rows.next_row(&mut record, &mut odds)? {
        if errors.len() >= super::MAX_ERRORS_PER_FILE {
            break;
        }
        if is_blank(&record) && odds.iter().all(|(_, odd)| *odd == Odd::Blank) {
            for &(column, _) in &odds {
                if figure_columns.contains(&column) && blanks.len() < MAX_BLANKS {
                    blanks.insert((line as u32 - 1, (first_column + column) as u32));
                }
            }
            continue;
        }
        stored.clear();
        let mut odd_row = false;
        for (column, odd) in &odds {
            if !key_columns.contains(column) {
                continue;
            }
            if let Odd::Number(value, percent) = *odd {
                if value_columns.contains(column) {
                    stored.push((*column, StoredNumber { value, percent }));
                }
                continue;
            }
            if *odd == Odd::Blank {
                if figure_columns.contains(column) && blanks.len() < MAX_BLANKS {
                    blanks.insert((line as u32 - 1, (first_column + column) as u32));
                }
                continue;
            }
            let name = record
                .get(indicator_column)
                .map(|n| String::from_utf8_lossy(n).trim().to_owned())
                .unwrap_or_default();
            if let Some(d) = odd_cell(place(line), *column, odd, &name) {
                errors.push(d);
                odd_row = true;
                break;
            }
        }
        data_rows += 1;
        if odd_row {
            continue;
        }
        if let Err(d) = reader.read_with_number(&record, &stored, line, table, warnings) {
            errors.push(d);
        }
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
    Ok(blanks)
}

/// A date, truth value or error value where a name, figure, year or region
/// belongs: Excel would show it as something else than what the tool would read.
/// `None` for the cells that are not odd where a figure belongs (a stored
/// number, a blank).
fn odd_cell(place: Place, column: usize, odd: &Odd, indicator: &str) -> Option<Diagnostic> {
    let (zh, en) = match odd {
        Odd::Date(date) => (
            format!("单元格是日期（{date}），不是数字或文字：Excel 会把它存成日期序号"),
            format!(
                "the cell is a date ({date}), not a number or text: Excel stores it as a day count"
            ),
        ),
        Odd::Bool(b) => {
            let b = if *b { "TRUE" } else { "FALSE" };
            (
                format!("单元格是逻辑值 {b}，不是数字或文字"),
                format!("the cell is the truth value {b}, not a number or text"),
            )
        }
        Odd::ErrorValue(e) => (
            format!("单元格是错误值 {e}：公式没有算出结果"),
            format!("the cell is the error value {e}: its formula has no result"),
        ),
        Odd::Blank | Odd::Number(..) => return None,
    };
    let d = place
        .error("S004", Some(column), Text::new(zh, en))
        .with_hint(Text::new(
            "请把单元格格式设为“常规”或“数值”后重新填写，或改正公式",
            "set the cell's format to General or Number and type the figure again, or fix the formula",
        ));
    Some(if indicator.is_empty() {
        d
    } else {
        d.for_indicator(crate::diagnostic::quote_raw(indicator))
    })
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
    fn next_row(
        &mut self,
        record: &mut ByteRecord,
        odds: &mut Odds,
    ) -> Result<Option<u64>, Diagnostic> {
        let Some((i, cells)) = self.rows.next() else {
            return Ok(None);
        };
        record.clear();
        odds.clear();
        for cell in cells {
            let cell = data_ref(cell);
            if let Some(odd) = odd(&cell, false) {
                odds.push((record.len(), odd));
            }
            record.push_field(cell_text(&cell, false).as_bytes());
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
    fn next_row(
        &mut self,
        record: &mut ByteRecord,
        odds: &mut Odds,
    ) -> Result<Option<u64>, Diagnostic> {
        let first = match self.pending.take() {
            Some(cell) => cell,
            None => match self.next_cell()? {
                Some(cell) => cell,
                None => return Ok(None),
            },
        };
        let row = first.0.get_position().0;
        record.clear();
        odds.clear();
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
                if let Some(odd) = odd(cell.get_value(), percent) {
                    odds.push((record.len(), odd));
                }
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

/// What a cell is when it is not text: a stored number, or a date, a truth
/// value, an error value or a blank.
fn odd(cell: &DataRef<'_>, percent: bool) -> Option<Odd> {
    match cell {
        DataRef::Int(i) => Some(Odd::Number(*i as f64, percent)),
        DataRef::Float(f) => Some(Odd::Number(*f, percent)),
        DataRef::Empty => Some(Odd::Blank),
        DataRef::Bool(b) => Some(Odd::Bool(*b)),
        DataRef::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            Some(Odd::Date(if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }))
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Some(Odd::Date(s.clone())),
        DataRef::Error(e) => Some(Odd::ErrorValue(e.to_string())),
        _ => None,
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
        DataRef::Error(e) => Cow::Owned(e.to_string()),
    }
}

fn open_error(e: &calamine::Error, file: &str) -> Diagnostic {
    let text = e.to_string();
    let lower = text.to_lowercase();
    let (zh, en, hint) = if lower.contains("password") {
        (
            "工作簿有密码保护，无法读取".to_owned(),
            "the workbook is password-protected".to_owned(),
            Text::new(
                "请在 Excel/WPS 中取消密码后另存",
                "remove the password in Excel or WPS and save it again",
            ),
        )
    } else if lower.contains("zip") || lower.contains("cfb") || lower.contains("ole") {
        let (zh_what, en_what) = match head_of(file).as_deref().map(looks_like) {
            Some(Content::Text) => (
                "扩展名是工作簿，内容却是文本（像是 CSV）",
                "the name says workbook but the content is text (it looks like CSV)",
            ),
            Some(Content::Empty) => ("文件是空的", "the file is empty"),
            _ => (
                "文件不是有效的工作簿：可能已损坏、只下载了一部分，或是别的格式",
                "the file is not a valid workbook: it may be damaged, partly downloaded, or of another kind",
            ),
        };
        (
            zh_what.to_owned(),
            en_what.to_owned(),
            Text::new(
                "文本文件请把扩展名改为 .csv；否则请在 Excel/WPS 中打开并另存",
                "rename a text file to .csv; otherwise open the file in Excel or WPS and save it again",
            ),
        )
    } else {
        (
            "工作簿的内容无法读取".to_owned(),
            "the workbook's content cannot be read".to_owned(),
            Text::new(
                "请在 Excel/WPS 中打开并另存，或另存为 CSV",
                "open it in Excel or WPS and save it again, or save it as CSV",
            ),
        )
    };
    // The library's own words, for whoever debugs it: English, last.
    Diagnostic::error(
        "S012",
        file,
        Text::new(format!("{zh}（{text}）"), format!("{en} ({text})")),
    )
    .with_hint(hint)
}

enum Content {
    Empty,
    Text,
    Binary,
}

/// The first bytes of a file.
fn head_of(file: &str) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut head = Vec::new();
    std::fs::File::open(file)
        .ok()?
        .take(512)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

/// What a file that should be a workbook holds, by its first bytes.
fn looks_like(bytes: &[u8]) -> Content {
    let head = &bytes[..bytes.len().min(512)];
    if head.is_empty() {
        Content::Empty
    } else if std::str::from_utf8(head).is_ok()
        || head.starts_with(b"\xEF\xBB\xBF")
        || !head.contains(&0) && !encoding_rs::GB18030.decode_without_bom_handling(head).1
    {
        Content::Text
    } else {
        Content::Binary
    }
}
