//! Reading a statistics CSV: bytes are decoded to UTF-8 as a stream
//! ([`super::decode`]), the header is found (below up to five title rows), and
//! each record goes to the shared [`RowReader`].

use super::Observations;
use super::decode::{DecodeError, LineTooLong, decode};
use super::rows::{
    HeaderProblem, MAX_TITLE_ROWS, Place, RowReader, is_blank, read_header, read_plain,
};
use crate::diagnostic::{Diagnostic, Text};
use crate::plan::PlanSet;
use std::io::Read;
use std::path::Path;

pub use super::rows::{LoadOptions, year_in_name};

/// What a file is read against.
pub struct Input<'a> {
    pub plans: &'a PlanSet,
    pub options: &'a LoadOptions,
    /// The year the file name carries, if any.
    pub year_from_name: Option<i32>,
}

/// Reads the statistics file at `path` (`-` for standard input) into `table`.
/// Warnings (an indicator the plan does not have) are pushed onto `warnings`.
pub fn load_csv_path(
    path: &Path,
    plans: &PlanSet,
    options: &LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    if path == Path::new("-") {
        let input = Input {
            plans,
            options,
            year_from_name: None,
        };
        let stdin = std::io::stdin();
        return load_csv(stdin, "<stdin>", &input, table, warnings);
    }
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| {
        Diagnostic::error(
            "S001",
            &shown,
            Text::new(
                format!("无法打开统计数据文件：{e}"),
                format!("cannot open the statistics file: {e}"),
            ),
        )
    })?;
    let input = Input {
        plans,
        options,
        year_from_name: path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(year_in_name),
    };
    load_csv(file, &shown, &input, table, warnings)
}

/// Reads CSV from `reader`; `file` names it in messages.
pub fn load_csv<R: Read + Send>(
    reader: R,
    file: &str,
    input: &Input,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    let decoded = decode(reader, input.options.encoding, input.options.delimiter)
        .map_err(|e| decode_error(e, file))?;
    let transcoded = decoded.transcoded.then_some(decoded.encoding.name());
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .delimiter(decoded.delimiter)
        .buffer_capacity(64 * 1024)
        .from_reader(decoded.reader);
    let mut record = csv::ByteRecord::new();
    let line_of = |r: &csv::ByteRecord| r.position().map_or(0, |p| p.line());
    let place = |line| Place {
        file,
        line,
        sheet: None,
        first_column: 0,
    };

    // The header row, possibly below a title row or two.
    let mut first_problem = None;
    let mut rows_seen = 0;
    let layout = loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => {
                return Err(first_problem.unwrap_or_else(|| {
                    Diagnostic::error(
                        "S003",
                        file,
                        Text::new(
                            "文件为空：第一行应为表头（指标,数值…）",
                            "the file is empty: its first row should be the header (indicator,value,…)",
                        ),
                    )
                }));
            }
            Ok(true) if is_blank(&record) => continue,
            Ok(true) => {}
            Err(e) => return Err(csv_error(e, file)),
        }
        check_decoded(&record, transcoded, file)?;
        rows_seen += 1;
        match read_header(&record, place(line_of(&record))) {
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

    let mut rows = RowReader::new(
        input.plans,
        input.options,
        layout,
        file,
        None,
        input.year_from_name,
        table,
    );
    let data_rows = read_rows(csv, transcoded, file, &mut rows, table, warnings)?;
    if data_rows == 0 {
        return Err(Diagnostic::error(
            "S003",
            file,
            Text::new(
                "文件只有表头，没有数据行",
                "the file has a header but no rows",
            ),
        ));
    }
    Ok(())
}

/// Records handed from the parsing thread to the checking thread at a time.
const BATCH: usize = 2048;

/// A batch of parsed records; `error` ends the stream.
struct Batch {
    records: Vec<csv::ByteRecord>,
    /// Each record's figure when it is a plain decimal, read on the parsing thread.
    values: Vec<Option<f64>>,
    len: usize,
    error: Option<csv::Error>,
}

/// Reads the data rows on two threads: one parses CSV into batches of records
/// while the other checks them, so on two cores the checking hides behind the
/// parsing (the benchmark in bench/ shows the gain). Batches are recycled, so
/// nothing is allocated per row. Returns the number of data rows.
fn read_rows<R: Read + Send>(
    mut csv: csv::Reader<R>,
    transcoded: Option<&str>,
    file: &str,
    rows: &mut RowReader,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<usize, Diagnostic> {
    use std::sync::mpsc;
    let value_column = rows.value_column();
    let (full_tx, full_rx) = mpsc::sync_channel::<Batch>(4);
    let (empty_tx, empty_rx) = mpsc::channel::<Batch>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            loop {
                let mut batch = empty_rx.try_recv().unwrap_or_else(|_| Batch {
                    records: (0..BATCH).map(|_| csv::ByteRecord::new()).collect(),
                    values: vec![None; BATCH],
                    len: 0,
                    error: None,
                });
                batch.len = 0;
                let mut done = false;
                while batch.len < BATCH {
                    match csv.read_byte_record(&mut batch.records[batch.len]) {
                        Ok(true) => {
                            batch.values[batch.len] = batch.records[batch.len]
                                .get(value_column)
                                .and_then(read_plain);
                            batch.len += 1;
                        }
                        Ok(false) => {
                            done = true;
                            break;
                        }
                        Err(e) => {
                            batch.error = Some(e);
                            done = true;
                            break;
                        }
                    }
                }
                // The checker stops listening after an error: then stop too.
                if full_tx.send(batch).is_err() || done {
                    return;
                }
            }
        });
        let mut data_rows = 0usize;
        for mut batch in full_rx {
            for (record, &parsed) in batch.records[..batch.len].iter().zip(&batch.values) {
                if transcoded.is_some() {
                    check_decoded(record, transcoded, file)?;
                }
                data_rows += 1;
                let line = record.position().map_or(0, |p| p.line());
                rows.read_parsed(record, line, parsed, table, warnings)?;
            }
            if let Some(e) = batch.error.take() {
                return Err(csv_error(e, file));
            }
            let _ = empty_tx.send(batch);
        }
        Ok(data_rows)
    })
}

/// After transcoding, U+FFFD marks bytes the encoding could not read: refuse the
/// row rather than judge garbled text.
fn check_decoded(
    record: &csv::ByteRecord,
    transcoded: Option<&str>,
    file: &str,
) -> Result<(), Diagnostic> {
    let Some(encoding) = transcoded else {
        return Ok(());
    };
    const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
    let Some(column) = record
        .iter()
        .position(|f| f.windows(3).any(|w| w == REPLACEMENT))
    else {
        return Ok(());
    };
    let mut d = Diagnostic::error(
        "S002",
        file,
        Text::new(
            format!("按 {encoding} 编码读取时遇到无法识别的字节"),
            format!("bytes that are not valid {encoding}"),
        ),
    )
    .at_column(column as u64 + 1)
    .with_hint(Text::new(
        "请确认文件编码，或用 --encoding 指定（如 utf-8、gb18030、utf-16le）",
        "check the file's encoding, or give it with --encoding (utf-8, gb18030, utf-16le)",
    ));
    if let Some(p) = record.position() {
        d = d.at_line(p.line());
    }
    Err(d)
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

fn csv_error(e: csv::Error, file: &str) -> Diagnostic {
    let line = e.position().map(|p| p.line());
    let (zh, en) = match e.kind() {
        csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|e| e.is::<LineTooLong>()) => (
            format!(
                "有一行超过 {} 字节，不像是 CSV 文件",
                super::decode::MAX_LINE
            ),
            format!(
                "a line is longer than {} bytes: this does not look like CSV",
                super::decode::MAX_LINE
            ),
        ),
        csv::ErrorKind::Io(io) => (format!("读取失败：{io}"), format!("cannot read: {io}")),
        _ => (format!("CSV 格式有误：{e}"), format!("malformed CSV: {e}")),
    };
    let d = Diagnostic::error("S002", file, Text::new(zh, en));
    match line {
        Some(line) => d.at_line(line),
        None => d,
    }
}
