//! Reading a statistics CSV into [`Observations`], one row at a time.
//!
//! Columns are found by their Chinese or English header; rows are matched to the
//! plan's indicators by [`Resolver`]; every problem names the file, the line and
//! the indicator.

use super::decode::{DecodeError, LineTooLong, decode};
use super::units::{self, Conversion};
use super::{Converted, Key, Observation, Observations, Origin, Resolver, resolve::Resolution};
use crate::diagnostic::{Diagnostic, Severity, Text, quote_raw};
use crate::number::{Cell, NumberError, read_cell, trim_all};
use crate::plan::{IndicatorIdx, Plan};
use std::io::Read;
use std::path::Path;

/// How to read the statistics of a run.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--year`: the year of every row.
    pub year: Option<i32>,
    /// `--strict`: an indicator the plan does not have is an error, not a warning.
    pub strict: bool,
    /// `--encoding`: the file's encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// `--delimiter`: the field delimiter instead of detecting it.
    pub delimiter: Option<u8>,
}

/// The columns plan-check knows, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Indicator,
    Value,
    Category,
    Year,
    Unit,
    Note,
    Source,
    Region,
}

const HEADERS: &[(&str, Column)] = &[
    ("指标", Column::Indicator),
    ("指标名称", Column::Indicator),
    ("indicator", Column::Indicator),
    ("数值", Column::Value),
    ("value", Column::Value),
    ("分类", Column::Category),
    ("category", Column::Category),
    ("年份", Column::Year),
    ("year", Column::Year),
    ("单位", Column::Unit),
    ("unit", Column::Unit),
    ("备注", Column::Note),
    ("note", Column::Note),
    ("来源", Column::Source),
    ("source", Column::Source),
    ("地区", Column::Region),
    ("region", Column::Region),
];

/// Rows above the header that may hold a title (a merged cell with the table's name).
const MAX_TITLE_ROWS: usize = 5;

#[derive(Debug, Default)]
struct Layout {
    indicator: usize,
    value: usize,
    category: Option<usize>,
    year: Option<usize>,
    unit: Option<usize>,
    note: Option<usize>,
    source: Option<usize>,
    region: Option<usize>,
    width: usize,
}

/// Reads the statistics file at `path` (`-` for standard input) into `table`.
/// Warnings (an indicator the plan does not have) are pushed onto `warnings`.
pub fn load_csv_path(
    path: &Path,
    plan: &Plan,
    resolver: &Resolver,
    options: &LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    let input = Input {
        plan,
        resolver,
        options,
        year_from_name: None,
    };
    if path == Path::new("-") {
        let stdin = std::io::stdin().lock();
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
        year_from_name: path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(year_in_name),
        ..input
    };
    load_csv(
        std::io::BufReader::new(file),
        &shown,
        &input,
        table,
        warnings,
    )
}

/// What a file is read against.
pub struct Input<'a> {
    pub plan: &'a Plan,
    pub resolver: &'a Resolver,
    pub options: &'a LoadOptions,
    /// The year the file name carries, if any.
    pub year_from_name: Option<i32>,
}

/// Reads CSV from `reader`; `file` names it in messages.
pub fn load_csv<R: Read>(
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
        .from_reader(decoded.reader);
    let mut record = csv::StringRecord::new();
    let file_id = table.files.intern(file);

    // The header row, possibly below a title row or two.
    let mut first_problem = None;
    let mut rows_seen = 0;
    let layout = loop {
        match csv.read_record(&mut record) {
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
            Ok(true) if record.iter().all(|f| trim_all(f).is_empty()) => continue,
            Ok(true) => {}
            Err(e) => return Err(csv_error(e, file)),
        }
        check_decoded(&record, transcoded, file)?;
        rows_seen += 1;
        match read_header(&record, file) {
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

    let mut rows = 0usize;
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(e, file)),
        }
        if record.iter().all(|f| trim_all(f).is_empty()) {
            continue;
        }
        check_decoded(&record, transcoded, file)?;
        rows += 1;
        let row = Row {
            record: &record,
            line: record.position().map_or(0, |p| p.line()),
            file,
            file_id,
            layout: &layout,
        };
        match read_row(&row, input, table)? {
            RowOutcome::Observation(key, observation) => {
                table.insert(key, observation).map_err(|d| {
                    d.for_indicator(input.plan.indicators[key.indicator as usize].display_name())
                })?
            }
            RowOutcome::Unknown(warning) => warnings.push(warning),
        }
    }
    if rows == 0 {
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

/// One data row and where it stands.
struct Row<'a> {
    record: &'a csv::StringRecord,
    line: u64,
    file: &'a str,
    file_id: super::Id,
    layout: &'a Layout,
}

impl Row<'_> {
    fn cell(&self, i: usize) -> &str {
        trim_all(self.record.get(i).unwrap_or(""))
    }

    fn error(&self, code: &'static str, message: Text) -> Diagnostic {
        Diagnostic::error(code, self.file, message).at_line(self.line)
    }
}

enum RowOutcome {
    Observation(Key, Observation),
    /// A name the plan does not have: a warning, the row is not checked.
    Unknown(Diagnostic),
}

fn read_row(row: &Row, input: &Input, table: &mut Observations) -> Result<RowOutcome, Diagnostic> {
    let (plan, layout) = (input.plan, row.layout);
    if row.record.len() != layout.width {
        let mut d = row.error(
            "S002",
            Text::new(
                format!(
                    "这一行有 {} 列，表头有 {} 列",
                    row.record.len(),
                    layout.width
                ),
                format!(
                    "this row has {} fields, the header has {}",
                    row.record.len(),
                    layout.width
                ),
            ),
        );
        if row.record.iter().any(|f| f.contains('\n')) {
            d = d.with_hint(Text::new(
                "某个单元格跨了多行：可能有未闭合的双引号",
                "a cell spans several lines: a double quote may be left open",
            ));
        } else if row.record.len() > layout.width {
            d = d.with_hint(Text::new(
                "含逗号的数字（如 1,234）须加双引号，或去掉千位分隔符",
                "a number with a comma (1,234) must be quoted, or written without the separator",
            ));
        }
        return Err(d);
    }
    let name = row.cell(layout.indicator);
    let category = layout.category.map(|c| row.cell(c));
    if name.is_empty() {
        return Err(row.error(
            "S002",
            Text::new("这一行没有填指标名称", "this row has no indicator name"),
        ));
    }
    let shown_name = match category {
        Some(c) if !c.is_empty() => format!("{}/{}", quote_raw(c), quote_raw(name)),
        _ => quote_raw(name),
    };
    let indicator = match input.resolver.resolve(name, category) {
        Resolution::One(i) => i,
        Resolution::Ambiguous(candidates) => {
            let list = list_candidates(plan, &candidates);
            return Err(row
                .error(
                    "S006",
                    Text::new(
                        format!("指标名称“{}”对应多个指标：{list}", quote_raw(name)),
                        format!(
                            "the name \"{}\" fits several indicators: {list}",
                            quote_raw(name)
                        ),
                    ),
                )
                .for_indicator(shown_name)
                .with_hint(Text::new(
                    "请加“分类”列，或改用指标 id",
                    "add a category column, or use the indicator id",
                )));
        }
        Resolution::WrongCategory(candidates) => {
            let list = list_candidates(plan, &candidates);
            let category = quote_raw(category.unwrap_or(""));
            return Err(row
                .error(
                    "S006",
                    Text::new(
                        format!("分类“{category}”下没有指标“{}”；规划中它属于：{list}", quote_raw(name)),
                        format!(
                            "category \"{category}\" has no indicator \"{}\"; the plan has it as: {list}",
                            quote_raw(name)
                        ),
                    ),
                )
                .for_indicator(shown_name));
        }
        Resolution::Unknown(suggestions) => {
            let mut d = row
                .error(
                    "S007",
                    Text::new(
                        "规划中没有这一指标，本行未检查",
                        "the plan has no such indicator; this row was not checked",
                    ),
                )
                .for_indicator(shown_name);
            if !suggestions.is_empty() {
                let list = list_candidates(plan, &suggestions);
                d = d.with_hint(Text::new(
                    format!("是否是：{list}？"),
                    format!("did you mean: {list}?"),
                ));
            }
            if input.options.strict {
                return Err(d);
            }
            d.severity = Severity::Warning;
            return Ok(RowOutcome::Unknown(d));
        }
    };
    let ind = &plan.indicators[indicator as usize];
    let label = ind.display_name();
    let error = |code, message| row.error(code, message).for_indicator(label.clone());

    let conversion = match layout.unit.map(|c| (c, row.cell(c))) {
        Some((column, unit)) if !unit.is_empty() => match units::conversion(unit, &ind.unit) {
            Conversion::Incompatible => {
                return Err(error(
                    "S010",
                    Text::new(
                        format!("单位“{}”与规划的单位“{}”不同，且无法换算", quote_raw(unit), ind.unit),
                        format!(
                            "the unit \"{}\" differs from the plan's unit \"{}\" and cannot be converted",
                            quote_raw(unit),
                            ind.unit
                        ),
                    ),
                )
                .at_column(column as u64 + 1)
                .with_hint(Text::new(
                    format!("请按“{}”填报", ind.unit),
                    format!("report the figure in {}", ind.unit),
                )));
            }
            Conversion::Same => None,
            scale => Some((scale, unit)),
        },
        _ => None,
    };

    let raw_value = row.record.get(layout.value).unwrap_or("");
    let percent_allowed = units::normalize(&ind.unit) == "%";
    let submitted = match read_cell(raw_value, percent_allowed) {
        Ok(Cell::Value(v)) => Some(v),
        Ok(Cell::NotReported) => None,
        Err(e) => {
            let raw = quote_raw(raw_value);
            let (zh, en) = match e {
                NumberError::NotANumber => (
                    format!("数值“{raw}”不是数字"),
                    format!("the value \"{raw}\" is not a number"),
                ),
                NumberError::PercentNotAllowed => (
                    format!("数值“{raw}”带百分号，但该指标的单位是“{}”", ind.unit),
                    format!(
                        "the value \"{raw}\" has a percent sign, but the unit is \"{}\"",
                        ind.unit
                    ),
                ),
            };
            let hint = if raw_value.contains('\n') {
                Text::new(
                    "单元格跨了多行：可能有未闭合的双引号",
                    "the cell spans several lines: a double quote may be left open",
                )
            } else {
                Text::new(
                    "请填写数字，如 98.2；尚无数据请留空",
                    "write a number such as 98.2; leave the cell empty if there is no figure yet",
                )
            };
            return Err(error("S004", Text::new(zh, en))
                .at_column(layout.value as u64 + 1)
                .with_hint(hint));
        }
    };
    let (value, converted_from) = match (submitted, conversion) {
        (Some(v), Some((scale, unit))) => (
            Some(scale.apply(v)),
            Some(Converted {
                value: v,
                unit: table.units.intern(unit),
            }),
        ),
        (v, _) => (v, None),
    };

    let year = row_year(
        layout.year.map(|c| row.cell(c)),
        input.options.year,
        input.year_from_name,
        plan,
    )
    .map_err(|message| {
        let d = error("S008", message);
        match layout.year {
            Some(c) => d.at_column(c as u64 + 1),
            None => d,
        }
    })?;

    let region_name = layout
        .region
        .map(|c| row.cell(c))
        .filter(|r| !r.is_empty())
        .or(plan.meta.region.as_deref())
        .unwrap_or("");
    let region = table.regions.intern(region_name);
    let source = layout
        .source
        .map(|c| row.cell(c))
        .filter(|s| !s.is_empty())
        .or_else(|| layout.note.map(|c| row.cell(c)).filter(|s| !s.is_empty()))
        .map(|s| table.sources.intern(s));
    Ok(RowOutcome::Observation(
        Key {
            region,
            year,
            indicator,
        },
        Observation {
            value,
            origin: Origin {
                file: row.file_id,
                line: row.line,
            },
            source,
            converted_from,
        },
    ))
}

/// After transcoding, U+FFFD marks bytes the encoding could not read: refuse the
/// row rather than judge garbled text.
fn check_decoded(
    record: &csv::StringRecord,
    transcoded: Option<&str>,
    file: &str,
) -> Result<(), Diagnostic> {
    let Some(encoding) = transcoded else {
        return Ok(());
    };
    let Some(column) = record.iter().position(|f| f.contains('\u{FFFD}')) else {
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
            format!("这是 Excel 工作簿（.{kind}），不是 CSV：请在 Excel/WPS 中另存为“CSV UTF-8”"),
            format!(
                "this is an Excel workbook (.{kind}), not CSV: save it as \"CSV UTF-8\" in Excel or WPS"
            ),
        ),
        DecodeError::Binary => (
            "文件含有 NUL 字节，不是文本文件（CSV）".to_owned(),
            "the file holds NUL bytes: it is not a text (CSV) file".to_owned(),
        ),
    };
    Diagnostic::error("S002", file, Text::new(zh, en))
}

enum HeaderProblem {
    /// The row is not the header (it may be a title above it).
    NotAHeader(Diagnostic),
    /// The row is the header, but a wrong one.
    Fatal(Diagnostic),
}

fn read_header(record: &csv::StringRecord, file: &str) -> Result<Layout, HeaderProblem> {
    let mut layout = Layout {
        width: record.len(),
        ..Layout::default()
    };
    let mut indicator = None;
    let mut value = None;
    for (i, raw) in record.iter().enumerate() {
        let name = trim_all(raw).to_lowercase();
        let Some(&(_, column)) = HEADERS.iter().find(|(h, _)| *h == name) else {
            continue;
        };
        let slot = match column {
            Column::Indicator => &mut indicator,
            Column::Value => &mut value,
            Column::Category => &mut layout.category,
            Column::Year => &mut layout.year,
            Column::Unit => &mut layout.unit,
            Column::Note => &mut layout.note,
            Column::Source => &mut layout.source,
            Column::Region => &mut layout.region,
        };
        if slot.is_some() {
            return Err(HeaderProblem::Fatal(
                Diagnostic::error(
                    "S003",
                    file,
                    Text::new(
                        format!("表头中“{}”列出现了两次", trim_all(raw)),
                        format!("the header has the column \"{}\" twice", trim_all(raw)),
                    ),
                )
                .at_line(record.position().map_or(1, |p| p.line()))
                .at_column(i as u64 + 1),
            ));
        }
        *slot = Some(i);
    }
    match (indicator, value) {
        (Some(indicator), Some(value)) => {
            layout.indicator = indicator;
            layout.value = value;
            Ok(layout)
        }
        _ => {
            let found: Vec<String> = record.iter().map(|f| quote_raw(trim_all(f))).collect();
            Err(HeaderProblem::NotAHeader(Diagnostic::error(
                "S003",
                file,
                Text::new(
                    format!(
                        "表头须有“指标”和“数值”两列（可选：分类、年份、单位、备注、来源、地区），实际为：{}",
                        found.join(",")
                    ),
                    format!(
                        "the header needs the columns indicator and value (optional: category, year, unit, note, source, region); found: {}",
                        found.join(",")
                    ),
                ),
            )
            .at_line(record.position().map_or(1, |p| p.line()))
            .with_hint(Text::new(
                "可用 plan-check template 生成一份带表头的空白表",
                "plan-check template writes an empty file with the right header",
            ))))
        }
    }
}

/// The year of a row: `--year`, else the year column, else the file name.
fn row_year(
    column: Option<&str>,
    option: Option<i32>,
    from_name: Option<i32>,
    plan: &Plan,
) -> Result<i32, Text> {
    let from_column = match column {
        Some(text) if !text.is_empty() => Some(parse_year(text).ok_or_else(|| {
            Text::new(
                format!("年份“{}”不是四位数年份", quote_raw(text)),
                format!("the year \"{}\" is not a four-digit year", quote_raw(text)),
            )
        })?),
        _ => None,
    };
    let year = match (option, from_column) {
        (Some(given), Some(in_file)) if given != in_file => {
            return Err(Text::new(
                format!("本行年份为 {in_file}，与 --year {given} 不一致"),
                format!("this row says {in_file}, but --year is {given}"),
            ));
        }
        (Some(given), _) => given,
        (None, Some(in_file)) => in_file,
        (None, None) => from_name.ok_or_else(|| {
            Text::new(
                "不知道数据是哪一年的：请用 --year 指定，或加“年份”列，或在文件名中写上年份（如 2023.csv）",
                "the year of the figures is unknown: give --year, add a year column, or put the year in the file name (2023.csv)",
            )
        })?,
    };
    if year < plan.meta.baseline_year {
        return Err(Text::new(
            format!("年份 {year} 早于规划基期 {}", plan.meta.baseline_year),
            format!(
                "the year {year} is before the plan's baseline year {}",
                plan.meta.baseline_year
            ),
        ));
    }
    Ok(year)
}

fn parse_year(text: &str) -> Option<i32> {
    let text = text.trim_end_matches('年');
    let digits: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// A four-digit year (19xx or 20xx) standing alone in a file name: `2023`,
/// `江津-2023-统计`, but not `120231`.
pub fn year_in_name(stem: &str) -> Option<i32> {
    let bytes = stem.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let window = &bytes[i..i + 4];
        let alone = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        let year_like = window.iter().all(u8::is_ascii_digit)
            && (window.starts_with(b"19") || window.starts_with(b"20"));
        (alone && year_like)
            .then(|| std::str::from_utf8(window).ok()?.parse().ok())
            .flatten()
    })
}

fn list_candidates(plan: &Plan, candidates: &[IndicatorIdx]) -> String {
    candidates
        .iter()
        .map(|&i| {
            let ind = &plan.indicators[i as usize];
            format!("{}/{}（{}）", ind.category, ind.display_name(), ind.id)
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn csv_error(e: csv::Error, file: &str) -> Diagnostic {
    let line = e.position().map(|p| p.line());
    let (zh, en) = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => (
            "这一行不是 UTF-8 编码，而文件开头是：文件可能混用了编码（如 UTF-8 与 GBK）".to_owned(),
            "this line is not UTF-8, though the file starts as UTF-8: the file may mix encodings (UTF-8 and GBK)"
                .to_owned(),
        ),
        csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|e| e.is::<LineTooLong>()) => (
            format!("有一行超过 {} 字节，不像是 CSV 文件", super::decode::MAX_LINE),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_year_standing_alone_in_a_file_name() {
        assert_eq!(year_in_name("2023"), Some(2023));
        assert_eq!(year_in_name("江津-2023-统计"), Some(2023));
        assert_eq!(year_in_name("stats_2021"), Some(2021));
        assert_eq!(year_in_name("120231"), None);
        assert_eq!(year_in_name("3023"), None);
        assert_eq!(year_in_name("abc"), None);
    }

    #[test]
    fn reads_year_cells() {
        assert_eq!(parse_year("2023"), Some(2023));
        assert_eq!(parse_year("2023年"), Some(2023));
        assert_eq!(parse_year("２０２３"), Some(2023));
        assert_eq!(parse_year("23"), None);
    }
}
