//! Reading a statistics CSV into [`Observations`], one row at a time.
//!
//! Columns are found by their Chinese or English header; rows are matched to the
//! plan's indicators by [`Resolver`]; every problem names the file, the line and
//! the indicator.

use super::{Key, Observation, Observations, Origin, Resolver, resolve::Resolution};
use crate::diagnostic::{Diagnostic, Text, quote_raw};
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
    if path == Path::new("-") {
        let stdin = std::io::stdin().lock();
        return load_csv(
            stdin, "<stdin>", None, plan, resolver, options, table, warnings,
        );
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
    let year_from_name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(year_in_name);
    load_csv(
        std::io::BufReader::new(file),
        &shown,
        year_from_name,
        plan,
        resolver,
        options,
        table,
        warnings,
    )
}

/// Reads CSV from `reader`; `file` names it in messages and `year_from_name` is
/// the year its file name carries, if any.
#[allow(clippy::too_many_arguments)]
pub fn load_csv<R: Read>(
    reader: R,
    file: &str,
    year_from_name: Option<i32>,
    plan: &Plan,
    resolver: &Resolver,
    options: &LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    let file_id = table.files.intern(file);
    let default_region = table
        .regions
        .intern(plan.meta.region.as_deref().unwrap_or(""));
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(reader);
    let mut record = csv::StringRecord::new();

    // The header row.
    let layout = loop {
        match csv.read_record(&mut record) {
            Ok(false) => {
                return Err(Diagnostic::error(
                    "S003",
                    file,
                    Text::new(
                        "文件为空：第一行应为表头（指标,数值…）",
                        "the file is empty: its first row should be the header (indicator,value,…)",
                    ),
                ));
            }
            Ok(true) if record.iter().all(|f| trim_all(f).is_empty()) => continue,
            Ok(true) => break read_header(&record, file)?,
            Err(e) => return Err(csv_error(e, file)),
        }
    };

    let mut rows = 0usize;
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(e, file)),
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| trim_all(f).is_empty()) {
            continue;
        }
        if record.len() != layout.width {
            let mut d = Diagnostic::error(
                "S002",
                file,
                Text::new(
                    format!("这一行有 {} 列，表头有 {} 列", record.len(), layout.width),
                    format!(
                        "this row has {} fields, the header has {}",
                        record.len(),
                        layout.width
                    ),
                ),
            )
            .at_line(line);
            if record.len() > layout.width {
                d = d.with_hint(Text::new(
                    "含逗号的数字（如 1,234）须加双引号，或去掉千位分隔符",
                    "a number with a comma (1,234) must be quoted, or written without the separator",
                ));
            }
            return Err(d);
        }
        rows += 1;
        let cell = |i: usize| trim_all(record.get(i).unwrap_or(""));
        let name = cell(layout.indicator);
        let category = layout.category.map(cell);
        let at = |d: Diagnostic| d.at_line(line);
        if name.is_empty() {
            return Err(at(Diagnostic::error(
                "S002",
                file,
                Text::new("这一行没有填指标名称", "this row has no indicator name"),
            )));
        }
        let shown_name = match category {
            Some(c) if !c.is_empty() => format!("{c}/{name}"),
            _ => name.to_owned(),
        };
        let indicator = match resolver.resolve(name, category) {
            Resolution::One(i) => i,
            Resolution::Ambiguous(candidates) => {
                return Err(at(Diagnostic::error(
                    "S006",
                    file,
                    Text::new(
                        format!(
                            "指标名称“{name}”对应多个指标：{}",
                            list_candidates(plan, &candidates)
                        ),
                        format!(
                            "the name \"{name}\" fits several indicators: {}",
                            list_candidates(plan, &candidates)
                        ),
                    ),
                )
                .for_indicator(shown_name)
                .with_hint(Text::new(
                    "请加“分类”列，或改用指标 id",
                    "add a category column, or use the indicator id",
                ))));
            }
            Resolution::WrongCategory(candidates) => {
                return Err(at(Diagnostic::error(
                    "S006",
                    file,
                    Text::new(
                        format!(
                            "分类“{}”下没有指标“{name}”；规划中它属于：{}",
                            category.unwrap_or(""),
                            list_candidates(plan, &candidates)
                        ),
                        format!(
                            "category \"{}\" has no indicator \"{name}\"; the plan has it as: {}",
                            category.unwrap_or(""),
                            list_candidates(plan, &candidates)
                        ),
                    ),
                )
                .for_indicator(shown_name)));
            }
            Resolution::Unknown(suggestions) => {
                let mut d = Diagnostic::warning(
                    "S007",
                    file,
                    Text::new(
                        "规划中没有这一指标，本行未检查",
                        "the plan has no such indicator; this row was not checked",
                    ),
                )
                .at_line(line)
                .for_indicator(shown_name);
                if !suggestions.is_empty() {
                    let list = list_candidates(plan, &suggestions);
                    d = d.with_hint(Text::new(
                        format!("是否是：{list}？"),
                        format!("did you mean: {list}?"),
                    ));
                }
                if options.strict {
                    d.severity = crate::diagnostic::Severity::Error;
                    return Err(d);
                }
                warnings.push(d);
                continue;
            }
        };
        let ind = &plan.indicators[indicator as usize];
        let indicator_label = ind.display_name();
        let at = |d: Diagnostic| d.at_line(line).for_indicator(indicator_label.clone());

        if let Some(unit_col) = layout.unit {
            let unit = cell(unit_col);
            if !unit.is_empty() && !same_unit(unit, &ind.unit) {
                return Err(at(Diagnostic::error(
                    "S010",
                    file,
                    Text::new(
                        format!("单位“{unit}”与规划的单位“{}”不同", ind.unit),
                        format!(
                            "the unit \"{unit}\" differs from the plan's unit \"{}\"",
                            ind.unit
                        ),
                    ),
                )
                .at_column(unit_col as u64 + 1)
                .with_hint(Text::new(
                    format!("请按“{}”填报", ind.unit),
                    format!("report the figure in {}", ind.unit),
                ))));
            }
        }

        let raw_value = record.get(layout.value).unwrap_or("");
        let value = match read_cell(raw_value, ind.unit == "%") {
            Ok(Cell::Value(v)) => Some(v),
            Ok(Cell::NotReported) => None,
            Err(e) => {
                let (zh, en) = match e {
                    NumberError::NotANumber => (
                        format!("数值“{}”不是数字", quote_raw(raw_value)),
                        format!("the value \"{}\" is not a number", quote_raw(raw_value)),
                    ),
                    NumberError::PercentNotAllowed => (
                        format!(
                            "数值“{}”带百分号，但该指标的单位是“{}”",
                            quote_raw(raw_value),
                            ind.unit
                        ),
                        format!(
                            "the value \"{}\" has a percent sign, but the unit is \"{}\"",
                            quote_raw(raw_value),
                            ind.unit
                        ),
                    ),
                };
                return Err(at(Diagnostic::error("S004", file, Text::new(zh, en))
                    .at_column(layout.value as u64 + 1)
                    .with_hint(Text::new(
                        "请填写数字，如 98.2；尚无数据请留空",
                        "write a number such as 98.2; leave the cell empty if there is no figure yet",
                    ))));
            }
        };

        let year = row_year(layout.year.map(cell), options.year, year_from_name, plan).map_err(
            |message| {
                let mut d = at(Diagnostic::error("S008", file, message));
                if let Some(c) = layout.year {
                    d = d.at_column(c as u64 + 1);
                }
                d
            },
        )?;

        let region = match layout.region.map(cell) {
            Some(r) if !r.is_empty() => table.regions.intern(r),
            _ => default_region,
        };
        let source = layout
            .source
            .map(cell)
            .filter(|s| !s.is_empty())
            .or_else(|| layout.note.map(cell).filter(|s| !s.is_empty()))
            .map(|s| table.sources.intern(s));
        table
            .insert(
                Key {
                    region,
                    year,
                    indicator,
                },
                Observation {
                    value,
                    origin: Origin {
                        file: file_id,
                        line,
                    },
                    source,
                },
            )
            .map_err(|d| d.for_indicator(indicator_label.clone()))?;
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

fn read_header(record: &csv::StringRecord, file: &str) -> Result<Layout, Diagnostic> {
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
            return Err(Diagnostic::error(
                "S003",
                file,
                Text::new(
                    format!("表头中“{}”列出现了两次", trim_all(raw)),
                    format!("the header has the column \"{}\" twice", trim_all(raw)),
                ),
            )
            .at_line(1)
            .at_column(i as u64 + 1));
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
            let found: Vec<&str> = record.iter().map(trim_all).collect();
            Err(Diagnostic::error(
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
            )))
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

fn same_unit(given: &str, plan_unit: &str) -> bool {
    let norm = |u: &str| trim_all(u).replace('％', "%").to_lowercase();
    norm(given) == norm(plan_unit)
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
            "文件不是 UTF-8 编码（可能是 GBK/GB18030）：请在 Excel/WPS 中另存为“CSV UTF-8”"
                .to_owned(),
            "the file is not UTF-8 (perhaps GBK/GB18030): save it as \"CSV UTF-8\" in Excel or WPS"
                .to_owned(),
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
