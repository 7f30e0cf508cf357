//! Reading a statistics CSV: bytes are decoded to UTF-8 as a stream
//! ([`super::decode`]) and cut into blocks of whole records ([`super::blocks`]);
//! the header is found (below up to five title rows), and each record goes to
//! the shared [`RowReader`], block by block on two threads ([`load_csv`]).

use super::Id;
use super::Observations;
use super::blocks::{BLOCK, Blocks, record_line};
use super::decode::{DecodeError, LineTooLong, decode};
use super::header::{HeaderProblem, Layout, MAX_TITLE_ROWS, read_header};
use super::place::Place;
use super::rows::{RowReader, is_blank};
use crate::diagnostic::{Diagnostic, Text};
use crate::plan::PlanSet;
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
    let file = std::fs::File::open(path).map_err(|e| {
        let d = Diagnostic::error(
            "S001",
            &shown,
            Text::io(
                "无法打开统计数据文件",
                "cannot open the statistics file",
                &e,
            ),
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
    })?;
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
            "S003",
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
                        data_start: usize::try_from(position.byte()).unwrap_or(block.len()),
                        next_line: at(position.line()),
                    });
                }
                Err(HeaderProblem::Fatal(d)) => return Err(d),
                Err(HeaderProblem::NotAHeader(d)) => {
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
            "S003",
            file,
            Text::new(
                "文件为空：第一行应为表头（指标,数值…）",
                "the file is empty: its first row should be the header (indicator,value,…)",
            ),
        )
    }))
}

/// What checking one block gives: its own table, warnings and errors, with
/// lines counted from the block's first line.
struct Checked {
    table: Observations,
    warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
    /// The reading of the file stops here: an error in the text, or enough errors.
    stop: bool,
    rows: usize,
    newlines: u64,
}

/// Checks blocks of data rows; one per thread.
#[derive(Clone)]
struct Checker<'a> {
    rows: RowReader<'a>,
    format: &'a Format<'a>,
    record: csv::ByteRecord,
    /// The figures and regions of the last block checked: the next block's table
    /// starts that large.
    last_size: (usize, usize),
}

impl<'a> Checker<'a> {
    fn new(
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
            record: csv::ByteRecord::new(),
            last_size: (0, 0),
        }
    }

    fn check(&mut self, text: &[u8]) -> Checked {
        let (entries, regions) = self.last_size;
        let mut table = Observations::with_capacity(entries, regions);
        self.rows.start_part(&mut table);
        let mut warnings = Vec::new();
        let mut csv = self.format.csv(text);
        let mut rows = 0;
        let mut errors = Vec::new();
        let fatal = loop {
            match csv.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => break None,
                Err(e) => break Some(csv_error(e, self.format.file)),
            }
            let line = record_line(&self.record, text);
            if let Err(d) = check_decoded(&self.record, self.format, line) {
                break Some(d);
            }
            // A record ending below the line it starts on (not counting its own
            // line feed) has a cell over several lines: look for rows swallowed
            // by an open quote.
            let end = csv.position();
            let ended_by_line_feed = usize::try_from(end.byte())
                .ok()
                .and_then(|b| b.checked_sub(1))
                .and_then(|b| text.get(b))
                == Some(&b'\n');
            if end.line() > line + u64::from(ended_by_line_feed)
                && let Err(d) = check_multiline(&self.record, self.format, self.rows.width(), line)
            {
                break Some(d);
            }
            rows += 1;
            if let Err(d) = self
                .rows
                .read(&self.record, line, &mut table, &mut warnings)
            {
                errors.push(d);
                if errors.len() >= super::MAX_ERRORS_PER_FILE {
                    break None;
                }
            }
        };
        let stop = fatal.is_some() || errors.len() >= super::MAX_ERRORS_PER_FILE;
        errors.extend(fatal);
        // At the end of the text the reader has counted every line feed in it.
        let newlines = csv.position().line() - 1;
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

/// The checked blocks taken so far, in order.
struct Merged<'t> {
    table: &'t mut Observations,
    warnings: &'t mut Vec<Diagnostic>,
    file_id: Id,
    /// The line of the file the next block starts at.
    next_line: u64,
    data_rows: usize,
    /// The file's errors so far, in its order.
    errors: Vec<Diagnostic>,
}

/// The reading of a file stops (its errors are in [`Merged::errors`]).
struct Stop;

impl Merged<'_> {
    /// Takes the next block's result: its warnings and errors, in the file's
    /// order; its figures only while the file has no error (a file with
    /// errors is read for its errors, and none of its figures count).
    fn take(&mut self, checked: Checked) -> Result<(), Stop> {
        let first_line = self.next_line;
        let from = self.warnings.len();
        self.warnings
            .extend(checked.warnings.into_iter().map(|w| shift(w, first_line)));
        self.errors
            .extend(checked.errors.into_iter().map(|e| shift(e, first_line)));
        // Reading row by row stops at the last error counted: the warnings
        // of the rows after it in this block were never read.
        let cap = super::MAX_ERRORS_PER_FILE;
        if self.errors.len() >= cap {
            let last = self.errors[cap - 1].line;
            self.errors.truncate(cap);
            let mut i = from;
            self.warnings.retain(|w| {
                i += 1;
                i <= from || w.line <= last
            });
        }
        if self.errors.is_empty()
            && let Err(d) = self.table.append(self.file_id, first_line, checked.table)
        {
            self.errors.push(d);
        }
        self.data_rows += checked.rows;
        self.next_line += checked.newlines;
        if checked.stop || self.errors.len() >= super::MAX_ERRORS_PER_FILE {
            Err(Stop)
        } else {
            Ok(())
        }
    }
}

/// The blocks still to read, handed out one at a time.
struct Feed<R> {
    blocks: Blocks<R>,
    /// A block read before the threads started.
    waiting: Option<Vec<u8>>,
    next_seq: usize,
    stopped: bool,
}

/// Checks the blocks after the first on two threads. Each thread takes the next
/// block (reading it under a lock), checks it, and sends the result here, where
/// results are taken in the file's order. An error stops the reading of further
/// blocks; the blocks before it are still taken first, so the error reported is
/// the file's first.
fn check_in_parallel<R: Read + Send>(
    blocks: Blocks<R>,
    second: Vec<u8>,
    checker: Checker,
    first: Checked,
    merged: &mut Merged,
) -> Result<(), Stop> {
    use std::collections::BTreeMap;
    use std::sync::{Mutex, PoisonError, mpsc};
    let file = checker.format.file;
    let feed = Mutex::new(Feed {
        blocks,
        waiting: Some(second),
        next_seq: 1,
        stopped: false,
    });
    let stop = || feed.lock().unwrap_or_else(PoisonError::into_inner).stopped = true;
    let (results, received) = mpsc::channel::<(usize, Checked)>();
    std::thread::scope(|scope| {
        for mut checker in [checker.clone(), checker] {
            let results = results.clone();
            let feed = &feed;
            scope.spawn(move || {
                let mut block = Vec::new();
                loop {
                    let seq = {
                        let mut feed = feed.lock().unwrap_or_else(PoisonError::into_inner);
                        if feed.stopped {
                            return;
                        }
                        let read = match feed.waiting.take() {
                            Some(waiting) => {
                                block = waiting;
                                Ok(true)
                            }
                            None => feed.blocks.next_into(&mut block),
                        };
                        let seq = feed.next_seq;
                        feed.next_seq += 1;
                        match read {
                            Ok(true) => seq,
                            Ok(false) => {
                                feed.stopped = true;
                                return;
                            }
                            Err(e) => {
                                feed.stopped = true;
                                let _ = results.send((seq, Checked::failed(read_error(&e, file))));
                                return;
                            }
                        }
                    };
                    let checked = checker.check(&block);
                    if checked.stop {
                        feed.lock().unwrap_or_else(PoisonError::into_inner).stopped = true;
                    }
                    if results.send((seq, checked)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(results);
        let outcome = (|| {
            merged.take(first)?;
            let mut pending = BTreeMap::new();
            let mut next = 1;
            for (seq, checked) in received {
                pending.insert(seq, checked);
                while let Some(checked) = pending.remove(&next) {
                    merged.take(checked)?;
                    next += 1;
                }
            }
            Ok(())
        })();
        if outcome.is_err() {
            stop();
        }
        outcome
    })
}

impl Checked {
    fn failed(error: Diagnostic) -> Self {
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

/// A message about a block, its line counted from the block's first line, moved
/// to the file's line: the block starts at line `first_line`.
fn shift(mut d: Diagnostic, first_line: u64) -> Diagnostic {
    if let Some(line) = d.line.as_mut() {
        *line += first_line - 1;
    }
    d
}

/// Line feeds in `text`.
fn newlines(text: &[u8]) -> u64 {
    text.iter().filter(|&&b| b == b'\n').count() as u64
}

/// A cell over several lines is fine (a note may be), unless a line in it has
/// as many delimiters as a row: then a double quote was most likely left open
/// and the rows after it were read into this cell, unchecked. Refused, at the
/// row's line and the cell's column.
fn check_multiline(
    record: &csv::ByteRecord,
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
        "S002",
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
fn check_decoded(record: &csv::ByteRecord, format: &Format, line: u64) -> Result<(), Diagnostic> {
    let file = format.file;
    let Some(encoding) = format.transcoded else {
        return Ok(());
    };
    const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
    let Some(column) = record
        .iter()
        .position(|f| f.windows(3).any(|w| w == REPLACEMENT))
    else {
        return Ok(());
    };
    let d = Diagnostic::error(
        "S002",
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

fn decode_error(e: DecodeError, file: &str) -> Diagnostic {
    let (zh, en) = match e {
        DecodeError::Io(io) => (format!("读取失败：{io}"), format!("cannot read: {io}")),
        DecodeError::Workbook(kind) => (
            format!(
                "这是 Excel 工作簿（.{kind}），文件名却不是：请把扩展名改为 .{kind}，或在 Excel/WPS 中另存为“CSV UTF-8”"
            ),
            format!(
                "this is an Excel workbook (.{kind}) under another name: rename it to .{kind}, or save it as \"CSV UTF-8\""
            ),
        ),
        DecodeError::Binary => (
            "文件含有 NUL 字节，不是文本文件（CSV）".to_owned(),
            "the file holds NUL bytes: it is not a text (CSV) file".to_owned(),
        ),
    };
    Diagnostic::error("S002", file, Text::new(zh, en))
}

/// A failed read: the line limit of [`super::decode`], or the system's error.
fn read_error(e: &std::io::Error, file: &str) -> Diagnostic {
    let (zh, en) = if e.get_ref().is_some_and(|e| e.is::<LineTooLong>()) {
        (
            format!(
                "有一行超过 {} 字节，不像是 CSV 文件",
                super::decode::MAX_LINE
            ),
            format!(
                "a line is longer than {} bytes: this does not look like CSV",
                super::decode::MAX_LINE
            ),
        )
    } else {
        (format!("读取失败：{e}"), format!("cannot read: {e}"))
    };
    Diagnostic::error("S002", file, Text::new(zh, en))
}

/// An error of the CSV reader (reading from a block in memory, only a read error
/// is possible; the rest is kept for safety).
fn csv_error(e: csv::Error, file: &str) -> Diagnostic {
    let line = e.position().map(|p| p.line());
    let d = match e.kind() {
        csv::ErrorKind::Io(io) => read_error(io, file),
        _ => Diagnostic::error(
            "S002",
            file,
            Text::new(format!("CSV 格式有误：{e}"), format!("malformed CSV: {e}")),
        ),
    };
    match line {
        Some(line) => d.at_line(line),
        None => d,
    }
}
