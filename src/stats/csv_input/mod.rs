//! Reading a statistics CSV: bytes are decoded to UTF-8 as a stream
//! ([`super::decode`]) and cut into blocks of whole records ([`super::blocks`]);
//! the header is found (below up to five title rows), and each record goes to
//! the shared [`RowReader`], block by block on two threads ([`load_csv`]):
//! `records.rs` reads a block's records, `checker.rs` checks them, `parallel.rs` hands the blocks
//! to two threads and merges their results in the file's order, `errors.rs`
//! says what went wrong in the file's words.

mod checker;
mod errors;
mod parallel;
mod records;

use super::Observations;
use super::blocks::{BLOCK, Blocks, record_line};
use super::decode::decode;
use super::header::{HeaderProblem, Layout, MAX_TITLE_ROWS, read_header};
use super::place::Place;
use super::rows::is_blank;
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::plan::PlanSet;
use checker::{Checker, check_decoded};
use errors::{csv_error, decode_error, read_error};
use parallel::{Merged, check_in_parallel, newlines, shift};
use std::io::Read;
use std::path::Path;

pub use super::rows::{LoadOptions, NameYear, year_in_name};

/// What a file is read against.
pub struct Input<'a> {
    pub plans: &'a PlanSet,
    pub options: &'a LoadOptions,
    /// The year the file name carries, if any.
    pub year_from_name: NameYear,
}

/// Reads the statistics file at `path` into `table` (standard input is
/// [`super::load_path`]'s, which tells CSV from a workbook).
/// Warnings (an indicator the plan does not have) are pushed onto `warnings`.
pub fn load_csv_path(
    path: &Path,
    plans: &PlanSet,
    options: &LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Vec<Diagnostic>> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| cannot_open(path, &shown, &e))?;
    let input = Input {
        plans,
        options,
        year_from_name: path
            .file_stem()
            .and_then(|s| s.to_str())
            .map_or(NameYear::None, year_in_name),
    };
    load_csv(file, &shown, &input, table, warnings)
}

/// A statistics file that cannot be opened (S001): not there, not
/// readable, a link to nothing. Workbooks alike (a mistyped 2023.xlsx was
/// called a damaged workbook to be saved again).
pub fn cannot_open(path: &Path, shown: &str, e: &std::io::Error) -> Vec<Diagnostic> {
    let d = Diagnostic::error(
        Code::S001,
        shown,
        Text::io("无法打开统计数据文件", "cannot open the statistics file", e),
    );
    vec![
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) {
            d.with_hint(Text::new(
                "这是一个链接，它指向的文件不存在或链接成环",
                "this is a link to a file that does not exist, or a loop of links",
            ))
        } else {
            d
        },
    ]
}

/// Reads CSV from `reader`; `file` names it in messages.
///
/// The text is cut into blocks of whole records ([`Blocks`]). The header is found
/// in the first block (below up to five title rows); the rest is checked block by
/// block, on two threads when there is more than one block, each block into a
/// table of its own, and the blocks' tables, warnings and errors are taken
/// in the file's order, so the result is the one reading the file row by row
/// gives. A row with an error is left out and the reading goes on, up to
/// [`super::MAX_ERRORS_PER_FILE`] errors; an error in the text itself (an
/// undecodable byte, an open quote) ends it.
pub fn load_csv<R: Read + Send>(
    reader: R,
    file: &str,
    input: &Input,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Vec<Diagnostic>> {
    let one = |d: Diagnostic| vec![d];
    let decoded = decode(reader, input.options.encoding, input.options.delimiter)
        .map_err(|e| decode_error(e, file))
        .map_err(one)?;
    let format = Format {
        delimiter: decoded.delimiter,
        transcoded: decoded.transcoded.then_some(decoded.encoding.name()),
        file,
    };
    let mut blocks = Blocks::with_size(
        decoded.reader,
        decoded.delimiter,
        input.options.block_size.unwrap_or(BLOCK),
    );
    let mut block = Vec::new();
    let mut header = find_header(&mut blocks, &mut block, &format, input.plans).map_err(one)?;
    warnings.extend(header.layout.take_notes());
    // A title naming another year than the file name's (last year's sheet
    // saved under this year's name): read as the name says, and said.
    let year = input.options.year.or(input.year_from_name.one());
    if let (Some((titled, line)), Some(year)) = (header.title_year, year)
        && titled != year
    {
        warnings.push(
            Diagnostic::warning(
                Code::S013,
                file,
                if titled < year {
                    Text::new(
                        format!("标题写的是 {titled} 年，数据按 {year} 年检查（文件名或 --year）：是否用了往年的表？"),
                        format!("the title says {titled}; the figures are checked as {year}'s (the file name or --year): an earlier year's sheet?"),
                    )
                } else {
                    Text::new(
                        format!("标题写的是 {titled} 年，数据按 {year} 年检查（文件名或 --year）：文件名或标题的年份写错了吗？"),
                        format!("the title says {titled}; the figures are checked as {year}'s (the file name or --year): is the file name's or the title's year wrong?"),
                    )
                },
            )
            .at_line(line),
        );
    }

    let file_id = table.begin_file(file);
    let mut checker = Checker::new(input, header.layout, &format, table);
    let mut merged = Merged {
        table,
        warnings,
        file_id,
        next_line: header.next_line,
        data_rows: 0,
        errors: Vec::new(),
    };
    let first = checker.check(&block[header.data_start..]);
    let mut next = Vec::new();
    let more = if first.stop {
        Ok(false)
    } else {
        blocks.next_into(&mut next)
    };
    match more {
        Ok(true) => {
            let _ = check_in_parallel(blocks, next, checker, first, &mut merged);
        }
        Ok(false) => {
            let _ = merged.take(first);
        }
        Err(e) => {
            let _ = merged.take(first);
            merged.errors.push(read_error(&e, file));
        }
    }
    if !merged.errors.is_empty() {
        return Err(merged.errors);
    }
    if merged.data_rows == 0 {
        return Err(one(Diagnostic::error(
            Code::S003,
            file,
            Text::new(
                "文件只有表头，没有数据行",
                "the file has a header but no rows",
            ),
        )));
    }
    Ok(())
}

/// How the text of a file is read.
struct Format<'f> {
    delimiter: u8,
    /// The encoding the file was transcoded from, if it was.
    transcoded: Option<&'static str>,
    file: &'f str,
}

impl Format<'_> {
    fn csv<'b>(&self, text: &'b [u8]) -> csv::Reader<&'b [u8]> {
        csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .delimiter(self.delimiter)
            .buffer_capacity(64 * 1024)
            .from_reader(text)
    }
}

/// Where the header is and what it says.
struct Header {
    layout: Layout,
    /// A year a title row above the header names before 年
    /// (`江津区2022年教育事业统计表`), and its line.
    title_year: Option<(i32, u64)>,
    /// Where the data rows start in the block that holds the header.
    data_start: usize,
    /// The line of the file at `data_start`.
    next_line: u64,
}

/// Finds the header row, possibly below a title row or two, reading blocks into
/// `block` until it is found; `block` is left holding it.
fn find_header<R: Read>(
    blocks: &mut Blocks<R>,
    block: &mut Vec<u8>,
    format: &Format,
    plans: &PlanSet,
) -> Result<Header, Diagnostic> {
    let file = format.file;
    let mut first_problem = None;
    let mut rows_seen = 0;
    let mut title_year = None;
    // The line of the file the block starts at.
    let mut block_line = 1;
    let mut record = csv::ByteRecord::new();
    while blocks.next_into(block).map_err(|e| read_error(&e, file))? {
        let mut csv = format.csv(block);
        let at = |line: u64| block_line + line - 1;
        loop {
            match csv.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) if is_blank(&record) => continue,
                Ok(true) => {}
                Err(e) => return Err(shift(csv_error(e, file), block_line)),
            }
            let line = at(record_line(&record, block));
            check_decoded(&record, format, line)?;
            rows_seen += 1;
            let place = Place {
                file,
                line,
                sheet: None,
                first_column: 0,
            };
            match read_header(&record, place, plans) {
                Ok(layout) => {
                    let position = csv.position();
                    return Ok(Header {
                        layout,
                        title_year,
                        data_start: usize::try_from(position.byte()).unwrap_or(block.len()),
                        next_line: at(position.line()),
                    });
                }
                Err(HeaderProblem::Fatal(d)) => return Err(d),
                Err(HeaderProblem::NotAHeader(d)) => {
                    if title_year.is_none() {
                        // One year only: a plan period in the title
                        // (2021－2025年) says no year of the figures.
                        title_year = record
                            .iter()
                            .find_map(|cell| {
                                let text = String::from_utf8_lossy(cell);
                                let mut years = crate::year::years_in(&text).map(|f| f.year);
                                let first = years.next()?;
                                (years.all(|y| y == first)
                                    && crate::year::before_nian(&text) == Some(first))
                                .then_some(first)
                            })
                            .map(|year| (year, line));
                    }
                    let first = first_problem.get_or_insert(d);
                    if rows_seen > MAX_TITLE_ROWS {
                        return Err(first.clone());
                    }
                }
            }
        }
        block_line += newlines(block);
    }
    Err(first_problem.unwrap_or_else(|| {
        Diagnostic::error(
            Code::S003,
            file,
            Text::new(
                "文件为空：第一行应为表头（指标,数值…）",
                "the file is empty: its first row should be the header (indicator,value,…)",
            ),
        )
    }))
}
