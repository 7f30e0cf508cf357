//! Checking one block of a CSV file's data rows: each record read, its
//! text checked (bytes the encoding could not read, a cell that swallowed
//! rows behind an open quote) and handed to the shared `RowReader`.

use super::errors::csv_error;
use super::records::Records;
use super::{Format, Input};
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::stats::header::Layout;
use crate::stats::rows::RowReader;
use crate::stats::{Cells, Observations};

/// What checking one block gives: its own table, warnings and errors, with
/// lines counted from the block's first line.
pub(super) struct Checked {
    pub(super) table: Observations,
    pub(super) warnings: Vec<Diagnostic>,
    pub(super) errors: Vec<Diagnostic>,
    /// The reading of the file stops here: an error in the text, or enough errors.
    pub(super) stop: bool,
    pub(super) rows: usize,
    pub(super) newlines: u64,
}

/// Checks blocks of data rows; one per thread.
#[derive(Clone)]
pub(super) struct Checker<'a> {
    pub(super) rows: RowReader<'a>,
    pub(super) format: &'a Format<'a>,
    /// Room for the bounds of a row's cells.
    pub(super) bounds: Vec<std::ops::Range<usize>>,
    /// The figures and regions of the last block checked: the next block's table
    /// starts that large.
    pub(super) last_size: (usize, usize),
}

impl<'a> Checker<'a> {
    pub(super) fn new(
        input: &Input<'a>,
        layout: Layout,
        format: &'a Format<'a>,
        table: &mut Observations,
    ) -> Self {
        let rows = RowReader::new(
            input.plans,
            input.options,
            layout,
            format.file,
            None,
            input.year_from_name.clone(),
            table,
        );
        Checker {
            rows,
            format,
            bounds: Vec::new(),
            last_size: (0, 0),
        }
    }

    pub(super) fn check(&mut self, text: &[u8]) -> Checked {
        let (entries, regions) = self.last_size;
        let mut table = Observations::with_capacity(entries, regions);
        self.rows.start_part(&mut table);
        let mut warnings = Vec::new();
        let mut thin_at = crate::stats::workbook::THIN_EVERY;
        let mut records = Records::new(text, self.format.delimiter, |text| self.format.csv(text));
        let mut rows = 0;
        let mut errors = Vec::new();
        let fatal = loop {
            let (at, cells) = match records.next(&mut self.bounds) {
                Ok(Some(next)) => next,
                Ok(None) => break None,
                Err(e) => break Some(csv_error(e, self.format.file)),
            };
            let line = at.line;
            if let Err(d) = check_decoded(cells.iter(), self.format, line) {
                break Some(d);
            }
            // A cell over several lines: look for rows swallowed by an open quote.
            if at.multiline
                && let Err(d) = check_multiline(&cells, self.format, self.rows.width(), line)
            {
                break Some(d);
            }
            rows += 1;
            if let Err(d) = self.rows.read(&cells, line, &mut table, &mut warnings) {
                errors.push(d);
                if errors.len() >= crate::stats::MAX_ERRORS_PER_FILE {
                    break None;
                }
            }
            if warnings.len() >= thin_at {
                crate::stats::thin(&mut warnings, 0);
                thin_at = warnings.len() + crate::stats::workbook::THIN_EVERY;
            }
        };
        let stop = fatal.is_some() || errors.len() >= crate::stats::MAX_ERRORS_PER_FILE;
        errors.extend(fatal);
        // At the end of the text every line feed in it has been read.
        let newlines = records.newlines();
        self.last_size = table.size();
        Checked {
            table,
            warnings,
            errors,
            stop,
            rows,
            newlines,
        }
    }
}

impl Checked {
    pub(super) fn failed(error: Diagnostic) -> Self {
        Checked {
            table: Observations::default(),
            warnings: Vec::new(),
            errors: vec![error],
            stop: true,
            rows: 0,
            newlines: 0,
        }
    }
}

/// A cell over several lines is fine (a note may be), unless a line in it has
/// as many delimiters as a row: then a double quote was most likely left open
/// and the rows after it were read into this cell, unchecked. Refused, at the
/// row's line and the cell's column.
pub(super) fn check_multiline(
    record: &Cells,
    format: &Format,
    width: usize,
    line: u64,
) -> Result<(), Diagnostic> {
    let looks_like_a_row = |text: &[u8]| {
        width >= 2 && memchr::memchr_iter(format.delimiter, text).count() >= width - 1
    };
    let Some(column) = record
        .iter()
        .position(|cell| cell.split(|&b| b == b'\n').skip(1).any(looks_like_a_row))
    else {
        return Ok(());
    };
    Err(Diagnostic::error(
        Code::S002,
        format.file,
        Text::new(
            "这个单元格跨了多行，其中有像数据行的内容：可能有未闭合的双引号，其后的行被并进了这个单元格，没有检查",
            "this cell runs over several lines that look like rows: a double quote is probably left open, and the rows after it were read into this cell, unchecked",
        ),
    )
    .at_line(line)
    .at_field(column)
    .with_hint(Text::new(
        "请检查这一行的双引号是否成对",
        "check that the double quotes in this row come in pairs",
    )))
}

/// After transcoding, U+FFFD marks bytes the encoding could not read: refuse the
/// row rather than judge garbled text.
pub(super) fn check_decoded<'a>(
    record: impl IntoIterator<Item = &'a [u8]>,
    format: &Format,
    line: u64,
) -> Result<(), Diagnostic> {
    let file = format.file;
    let Some(encoding) = format.transcoded else {
        return Ok(());
    };
    const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
    let Some(column) = record
        .into_iter()
        .position(|f| f.windows(3).any(|w| w == REPLACEMENT))
    else {
        return Ok(());
    };
    let d = Diagnostic::error(
        Code::S002,
        file,
        Text::new(
            format!("按 {encoding} 编码读取时遇到无法识别的字节"),
            format!("bytes that are not valid {encoding}"),
        ),
    )
    .at_field(column)
    .with_hint(Text::new(
        "请确认文件编码，或用 --encoding 指定（如 utf-8、gb18030、utf-16le）",
        "check the file's encoding, or give it with --encoding (utf-8, gb18030, utf-16le)",
    ));
    Err(d.at_line(line))
}
