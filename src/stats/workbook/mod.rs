//! Reading statistics straight from an Excel or WPS workbook (`.xlsx`, `.xlsm`,
//! `.xlsb`, `.xls`) or an OpenDocument spreadsheet (`.ods`) through calamine.
//!
//! `--sheet NAME` is read; else every sheet named by a district (a workbook
//! of one sheet a district, each its district's) or, with no year in the
//! file's name, the latest of the sheets named by a year; else the sheet the workbook
//! opens on (its active sheet) when visible, else the first visible sheet
//! (`choose.rs`). A cell that is a date, a
//! truth value or an error value where a name, figure, year or region belongs
//! is an error at the cell; so is a formula saved without its value. The
//! package is checked first ([`super::package`]) so that no part can make the
//! tool allocate without bound. Each row becomes the same
//! record of cell texts a CSV row is, so one reader judges both: a number Excel
//! stores as a number is written out exactly (Rust prints the shortest text that
//! reads back as the same number); a number shown with a percent format (0.982
//! shown as 98.2%) becomes `98.2%`, as if typed that way, so it is accepted on a
//! percent indicator and refused on a count. Positions read `Sheet1!C7`.

use super::Cells;
use super::Observations;
use super::header::{HeaderProblem, MAX_TITLE_ROWS, read_header};
use super::place::Place;
use super::rows::{RowReader, StoredNumber, is_blank, year_in_name};
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::plan::PlanSet;
use calamine::{Data, DataRef, Reader};
use csv::ByteRecord;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

mod cells;
mod choose;
mod open;
mod sheets;

use cells::*;
use open::*;
use sheets::*;

/// The extensions read as workbooks.
/// New warnings read before those piled up are folded.
pub(crate) const THIN_EVERY: usize = 4096;

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
    let mut reading = Reading {
        plans,
        options,
        table,
        warnings,
        errors: Vec::new(),
    };
    // calamine asserts on some malformed files (found by fuzzing: a damaged
    // .xls header): such a file is reported as damaged, never a panic.
    let read = quietly(|| read_workbook(path, shown, &mut reading))
        .unwrap_or_else(|| Err(super::package::damaged(shown, None)));
    let mut errors = reading.errors;
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

/// What a workbook's rows are read against, and where what they give goes.
struct Reading<'a> {
    plans: &'a PlanSet,
    options: &'a super::LoadOptions,
    table: &'a mut Observations,
    warnings: &'a mut Vec<Diagnostic>,
    /// The errors of single rows, up to [`super::MAX_ERRORS_PER_FILE`]: the
    /// reading goes on after each.
    errors: Vec<Diagnostic>,
}

impl Reading<'_> {
    /// The sheets to read ([`choose::choose_sheets`]), warning when there is a choice.
    fn choose_sheets(
        &mut self,
        sheets: &[calamine::Sheet],
        active: Option<super::package::Active>,
        path: &Path,
        file: &str,
    ) -> Result<Vec<choose::Chosen>, Diagnostic> {
        let named = path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|stem| super::year::year_in_name(stem).one());
        choose::choose_sheets(sheets, active, named, self.options, file, self.warnings)
    }

    /// Reads each of `chosen` with `read`: with one sheet, its error ends the
    /// file; with several, each sheet's is the file's error and the next
    /// sheet is read.
    fn each_sheet(
        &mut self,
        chosen: Vec<choose::Chosen>,
        mut read: impl FnMut(&mut Self, &choose::Chosen) -> Result<(), Diagnostic>,
    ) -> Result<(), Diagnostic> {
        if let [one] = chosen.as_slice() {
            return read(self, one);
        }
        for sheet in &chosen {
            if let Err(d) = read(self, sheet) {
                self.errors.push(d);
            }
        }
        Ok(())
    }
}

/// Reads the workbook's sheet: an error that ends the reading is returned; the
/// errors of single rows are pushed onto `reading.errors` and the reading goes on.
fn read_workbook(path: &Path, shown: &str, reading: &mut Reading) -> Result<(), Diagnostic> {
    let file = shown.to_owned();
    // Bounded before calamine reads a part whole; and the sheet it opens on.
    let active = super::package::check(path, &file)?;
    if has_extension(path, &["xlsx", "xlsm"]) {
        // .xlsx/.xlsm: the sheet's cells are read as a stream, a row at a time.
        let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(path)
            .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?;
        let chosen = reading.choose_sheets(workbook.sheets_metadata(), active, path, &file)?;
        reading.each_sheet(chosen, |reading, chosen| {
            let sheet = &chosen.name;
            // Merged blocks (地区 merged over a district's rows), read first:
            // a merged cell's value stands in every cell of its block.
            let blocks = workbook
                .merge_cells_by_sheet_name(sheet)
                .unwrap_or_default();
            let cells = workbook
                .worksheet_cells_reader(sheet)
                .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?;
            let mut rows = XlsxRows::new(cells, &file);
            let blanks = read_rows(
                &mut Merged::new(&mut rows, blocks),
                chosen,
                path,
                &file,
                reading,
            )?;
            drop(rows);
            if !blanks.is_empty() {
                let mut cells = workbook
                    .worksheet_cells_reader(sheet)
                    .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?;
                while let Some(formula) = cells
                    .next_formula()
                    .map_err(|e| open_error(&calamine::Error::Xlsx(e), &file))?
                {
                    if !formula.get_value().is_empty()
                        && let Some(name) = blanks.get(&formula.get_position())
                    {
                        return Err(uncomputed_in(
                            reading,
                            uncomputed(
                                &file,
                                sheet,
                                formula.get_position(),
                                formula.get_value(),
                                name,
                            ),
                        ));
                    }
                }
            }
            Ok(())
        })
    } else {
        // .xls, .xlsb, .ods: calamine reads the whole sheet.
        let mut workbook = calamine::open_workbook_auto(path).map_err(|e| open_error(&e, &file))?;
        let chosen = reading.choose_sheets(workbook.sheets_metadata(), active, path, &file)?;
        reading.each_sheet(chosen, |reading, chosen| {
            let sheet = &chosen.name;
            let range = workbook
                .worksheet_range(sheet)
                .map_err(|e| open_error(&e, &file))?;
            // Percent cells: an .ods types them (read from its content.xml);
            // an .xls's number formats calamine does not report, so there they
            // read as fractions (S017 says so).
            let mut rows = if has_extension(path, &["ods"]) {
                RangeRows::new(&range).with_percent(crate::stats::ods::percent_cells(path, sheet))
            } else {
                RangeRows::new(&range)
            };
            let blanks = read_rows(&mut rows, chosen, path, &file, reading)?;
            if !blanks.is_empty()
                && let Ok(formulas) = workbook.worksheet_formula(sheet)
            {
                for (&(row, column), name) in &blanks {
                    if let Some(formula) = formulas.get_value((row, column))
                        && !formula.is_empty()
                    {
                        return Err(uncomputed_in(
                            reading,
                            uncomputed(&file, sheet, (row, column), formula, name),
                        ));
                    }
                }
            }
            Ok(())
        })
    }
}

/// A formula whose value was never computed (a file written by a script, not
/// saved by Excel or WPS): its cell would read as empty, not reported.
fn uncomputed(
    file: &str,
    sheet: &str,
    (row, column): (u32, u32),
    formula: &str,
    indicator: &str,
) -> Diagnostic {
    let formula = crate::diagnostic::quote_raw(formula);
    let d = Diagnostic::error(
        Code::S015,
        file,
        Text::new(
            format!("单元格是公式（={formula}），但文件中没有它的计算结果：无法读取"),
            format!(
                "the cell holds a formula (={formula}) but the file has no computed value for it: it cannot be read"
            ),
        ),
    )
    .at_cell(sheet, u64::from(row) + 1, column as usize)
    .with_hint(Text::new(
        "请在 Excel/WPS 中打开并保存一次（会算出公式的值），或直接填写数值",
        "open and save the file once in Excel or WPS (which computes the formula), or type the figure",
    ));
    if indicator.is_empty() {
        d
    } else {
        d.for_indicator(crate::diagnostic::quote_raw(indicator))
    }
}

/// [`uncomputed`], said instead of what its empty cell was read as on its
/// row (an empty region or name, S002; a name with no category, S006).
fn uncomputed_in(reading: &mut Reading, d: Diagnostic) -> Diagnostic {
    // The same sheet's same row (a row number alone is every sheet's).
    let sheet = |c: &Option<String>| {
        c.as_deref()
            .and_then(|c| c.rsplit_once('!'))
            .map(|(s, _)| s.to_owned())
    };
    reading.errors.retain(|e| {
        !(matches!(e.code, Code::S002 | Code::S006)
            && e.file == d.file
            && sheet(&e.cell) == sheet(&d.cell)
            && (e.cell == d.cell || (e.line.is_some() && e.line == d.line)))
    });
    d
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
    /// The header is read: `columns` (of the record) hold figures, and a
    /// merged cell's value does not stand in them (see [`Merged`]).
    fn figures_in(&mut self, _columns: &[usize]) {}
}

/// Blank cells in figure columns, kept to look for formulas never computed.
const MAX_BLANKS: usize = 100_000;

/// Finds the header (below up to five title rows), then reads every row.
/// Returns the positions (0-based row, column) of blank cells present in the
/// value and year columns, where a formula without a value would hide.
fn read_rows(
    rows: &mut dyn SheetRows,
    chosen: &choose::Chosen,
    path: &Path,
    file: &str,
    reading: &mut Reading,
) -> Result<HashMap<(u32, u32), String>, Diagnostic> {
    let sheet = chosen.name.as_str();
    let (plans, options) = (reading.plans, reading.options);
    let file = file.to_owned();
    let first_column = rows.first_column();
    let place = |line| Place {
        file: &file,
        line,
        sheet: Some(sheet),
        first_column,
    };
    let mut record = ByteRecord::new();
    let mut bounds = Vec::new();
    let mut odds = Odds::new();
    let mut first_problem = None;
    let mut rows_seen = 0;
    let mut layout = loop {
        let Some(line) = rows.next_row(&mut record, &mut odds)? else {
            return Err(first_problem.unwrap_or_else(|| {
                Diagnostic::error(
                    Code::S003,
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
    reading.warnings.extend(layout.take_notes());
    let key_columns = layout.key_columns();
    // Cells whose blank may be a formula never computed: the figures, and
    // the region and name cells (a region's formula read as an empty
    // region, S002, not S015).
    let figure_columns = {
        let mut columns = layout.figure_columns();
        columns.extend(layout.region);
        columns.extend(layout.category);
        columns.push(layout.indicator_column());
        columns
    };
    // A year merged down a district's rows stands in each; a figure not.
    rows.figures_in(&layout.value_columns());
    let indicator_column = layout.indicator_column();
    let region_column = layout.region;
    let value_columns = layout.value_columns();
    // Standard input is copied to a file whose random name is no name.
    let file_year = if file == "<stdin>" {
        super::rows::NameYear::Unnamed
    } else {
        path.file_stem()
            .and_then(|s| s.to_str())
            .map_or(super::rows::NameYear::None, year_in_name)
    };
    // The sheet's name is the workbook's other name for its rows' year
    // (2023.xlsx read on its only sheet, 2022年, was judged as 2023 in
    // silence: a helper's review): a year there with none in the file's
    // name is the rows' year; two different years, none is.
    // With a 年份 column the rows say their year, and the file's name is
    // what they are held to (S013), as in a CSV file.
    let year_from_name = match (file_year, year_in_name(sheet)) {
        // A sheet of part of a year (2023年1-6月): no year's figures,
        // whatever the file or a 年份 column says.
        (_, part @ super::rows::NameYear::Partial { .. }) => part,
        (file_year, _) if layout.year.is_some() => file_year,
        (
            super::rows::NameYear::None | super::rows::NameYear::Unnamed,
            sheet_year @ super::rows::NameYear::One(_),
        ) => sheet_year,
        (super::rows::NameYear::One(a), super::rows::NameYear::One(b)) if a != b => {
            super::rows::NameYear::Several(vec![a, b])
        }
        (file_year, _) => file_year,
    };
    let mut reader = RowReader::new(
        plans,
        options,
        layout,
        &file,
        Some((sheet, first_column)),
        year_from_name,
        reading.table,
    )
    .in_region(chosen.region.as_deref(), reading.table);
    // Each blank figure cell, with the indicator its row names (a formula
    // found there later is said of it: S015 named none, a reviewer's).
    let mut blanks: HashMap<(u32, u32), String> = HashMap::new();
    let mut data_rows = 0usize;
    // Warnings of a file folded as they pile up (crate::stats::thin).
    let warned_from = reading.warnings.len();
    let mut thin_at = warned_from + THIN_EVERY;
    // The figures of the row the workbook stores as numbers, by column.
    let mut stored: Vec<(usize, StoredNumber)> = Vec::new();
    while let Some(line) = rows.next_row(&mut record, &mut odds)? {
        if reading.errors.len() >= super::MAX_ERRORS_PER_FILE {
            break;
        }
        if is_blank(&record) && odds.iter().all(|(_, odd)| *odd == Odd::Blank) {
            for &(column, _) in &odds {
                if figure_columns.contains(&column) && blanks.len() < MAX_BLANKS {
                    blanks.insert(
                        (line as u32 - 1, (first_column + column) as u32),
                        String::new(),
                    );
                }
            }
            continue;
        }
        stored.clear();
        let mut odd_row = false;
        for (column, odd) in &odds {
            if !key_columns.contains(column) && !figure_columns.contains(column) {
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
                    let name = record
                        .get(indicator_column)
                        .map(|n| String::from_utf8_lossy(n).trim().to_owned())
                        .unwrap_or_default();
                    blanks.insert((line as u32 - 1, (first_column + column) as u32), name);
                }
                continue;
            }
            let name = record
                .get(indicator_column)
                .map(|n| String::from_utf8_lossy(n).trim().to_owned())
                .unwrap_or_default();
            if let Some(d) = odd_cell(place(line), *column, odd, &name) {
                // The row's district, where it names one.
                let region = region_column
                    .and_then(|c| record.get(c))
                    .map(|r| String::from_utf8_lossy(r).trim().to_owned())
                    .filter(|r| !r.is_empty())
                    .or_else(|| chosen.region.clone());
                reading.errors.push(match region {
                    Some(region) => d.for_region(region),
                    None => d,
                });
                odd_row = true;
                break;
            }
        }
        data_rows += 1;
        if odd_row {
            continue;
        }
        let cells = Cells::of(&record, &mut bounds);
        if let Err(d) =
            reader.read_with_number(&cells, &stored, line, reading.table, reading.warnings)
        {
            reading.errors.push(d);
        }
        if reading.warnings.len() >= thin_at {
            crate::stats::thin(reading.warnings, warned_from);
            thin_at = reading.warnings.len() + THIN_EVERY;
        }
    }
    if data_rows == 0 {
        return Err(Diagnostic::error(
            Code::S003,
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
        .error(Code::S004, Some(column), Text::new(zh, en))
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
