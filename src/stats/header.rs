//! The header row: which column holds what, by its Chinese or English name.

use super::place::Place;
use super::wide::{self, Detected, Shape};
use crate::diagnostic::{Code, Diagnostic, Text, quote_raw};
use crate::number::trim_all;
use crate::plan::PlanSet;
use csv::ByteRecord;

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
    ("指标名", Column::Indicator),
    ("项目", Column::Indicator),
    ("统计指标", Column::Indicator),
    ("数据", Column::Value),
    ("实际值", Column::Value),
    ("完成值", Column::Value),
    ("类别", Column::Category),
    ("计量单位", Column::Unit),
    ("区县", Column::Region),
    ("行政区划", Column::Region),
    ("地区名称", Column::Region),
    // A city's collection sheets name the district column many ways (a
    // reviewer's 区县名称 was not read, and every row judged by the default
    // plan, exit 0).
    ("区县名称", Column::Region),
    ("县区", Column::Region),
    ("县（市、区）", Column::Region),
    ("区（县）", Column::Region),
    ("区（县、市）", Column::Region),
    ("行政区", Column::Region),
    ("所属区县", Column::Region),
    ("年度", Column::Year),
    ("统计年度", Column::Year),
    ("所属年度", Column::Year),
    ("数据年份", Column::Year),
    ("统计年份", Column::Year),
    ("年份（年）", Column::Year),
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

/// Whether `cell` is a header word for the indicator column (`指标`,
/// `指标名称`, `indicator`): a data row whose name cell says so repeats the
/// header.
pub fn names_the_indicator_column(cell: &str) -> bool {
    let cell = trim_all(cell);
    HEADERS
        .iter()
        .any(|(word, column)| *column == Column::Indicator && cell.eq_ignore_ascii_case(word))
}

/// Rows above the header that may hold a title (a merged cell with the table's name).
pub const MAX_TITLE_ROWS: usize = 5;

/// Where the columns are.
#[derive(Debug, Default, Clone)]
pub struct Layout {
    pub(super) indicator: usize,
    pub(super) value: usize,
    pub(super) category: Option<usize>,
    pub(super) year: Option<usize>,
    pub(super) unit: Option<usize>,
    pub(super) note: Option<usize>,
    pub(super) source: Option<usize>,
    pub(super) region: Option<usize>,
    pub(super) width: usize,
    /// Long, or years or indicators as columns.
    pub(super) shape: Shape,
    /// Warnings about the header (columns not read), for the file's warnings.
    pub(super) notes: Vec<Diagnostic>,
    /// The columns whose header cell is blank: anything in them is not read
    /// (S024), and said so.
    pub(super) unheaded: Vec<usize>,
    /// The header's cells, trimmed: a row that repeats the
    /// header is one that says the same (two files joined), not any row
    /// whose name cell reads 指标.
    pub(super) cells: Vec<String>,
}

impl Layout {
    /// The first column where `record` (a row whose name cell names the
    /// indicator column) differs from the header, with both cells as
    /// written: a second header row (`计划 | 实际` under `2023年`) or a
    /// table joined below with its columns in another order. `None` when
    /// it repeats the header.
    pub fn differs_from_header(
        &self,
        cell: impl Fn(usize) -> Option<String>,
    ) -> Option<(usize, String, String)> {
        self.cells.iter().enumerate().find_map(|(i, header)| {
            let here = cell(i).unwrap_or_default();
            let here = trim_all(&here);
            (here.to_lowercase() != header.to_lowercase())
                .then(|| (i, header.clone(), here.to_owned()))
        })
    }
}

impl Layout {
    /// The columns whose cells must be what they say (a name, a number, a
    /// year, a region): a workbook cell there that is a date, a truth value or
    /// an error value is an error, not text.
    pub fn key_columns(&self) -> Vec<usize> {
        let mut columns = self.value_columns();
        columns.extend(
            [Some(self.indicator), self.year, self.region]
                .into_iter()
                .flatten(),
        );
        columns
    }

    /// The columns where an empty cell means "not reported" or "the file's
    /// year": a formula without a computed value there would pass in silence.
    pub fn figure_columns(&self) -> Vec<usize> {
        let mut columns = self.value_columns();
        columns.extend(self.year);
        columns
    }

    /// The column of a row's indicator name (for a table of indicators as
    /// columns, past the row's last cell: the name is the header's).
    /// The warnings about the header, taken once.
    pub fn take_notes(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.notes)
    }

    pub fn indicator_column(&self) -> usize {
        self.indicator
    }

    /// The columns that hold figures: the value column, or each year's or
    /// indicator's.
    pub fn value_columns(&self) -> Vec<usize> {
        match &self.shape {
            Shape::Long => vec![self.value],
            Shape::Years(years) => years.iter().map(|(c, _)| *c).collect(),
            Shape::Indicators(names) => names.iter().map(|(c, _)| *c).collect(),
        }
    }
}

/// Why a row is not the header.
pub enum HeaderProblem {
    /// The row is not the header (it may be a title above it).
    NotAHeader(Diagnostic),
    /// The row is the header, but a wrong one.
    Fatal(Diagnostic),
}

/// A header word a cell was meant to be: one character off a header word of
/// two or more (`指表` for 指标), or a header word with a bracket after it
/// (`数值（%）`).
fn meant(cell: &str) -> Option<&'static str> {
    let cell = trim_all(cell);
    for (word, _) in HEADERS {
        if let Some(rest) = cell.strip_prefix(word)
            && rest.starts_with(['（', '('])
        {
            return Some(word);
        }
    }
    let chars: Vec<char> = cell.chars().collect();
    HEADERS.iter().map(|(w, _)| *w).find(|word| {
        let w: Vec<char> = word.chars().collect();
        w.len() >= 2
            && w.len() == chars.len()
            && w.iter().any(|c| !c.is_ascii())
            && w.iter().zip(&chars).filter(|(a, b)| a != b).count() == 1
    })
}

/// Recognises the header row: long (指标, 数值, …), or wide (years or the
/// plan's indicators as columns, see [`super::wide`]).
/// Columns the table does not read: every one but those that name no
/// figure (序号, 填报单位, 说明 …) is said (S024, a warning), as which of two
/// columns of figures is the year's is not for the tool to guess — a list
/// of figure words (本年, 修正, 调整) missed 审定数, 年报数, 快报数, 终值, and
/// a table with years as columns dropped its 调整后 column in silence (two
/// reviewers' slips). `years`: a wide table's year columns, read.
fn other_figures(
    record: &ByteRecord,
    known: &[bool],
    years: &[usize],
    place: Place,
) -> Vec<Diagnostic> {
    const NO_FIGURES: [&str; 31] = [
        "序号",
        "编号",
        "行次",
        "代码",
        "代号",
        "指标代码",
        "指标编码",
        "指标编号",
        "填报单位",
        "填报人",
        "填表人",
        "联系人",
        "联系电话",
        "电话",
        "审核人",
        "负责人",
        "说明",
        "口径",
        "统计口径",
        "指标解释",
        "解释",
        "属性",
        "指标属性",
        "类型",
        "指标类型",
        "责任单位",
        "牵头单位",
        "责任部门",
        "牵头部门",
        "no",
        "填报说明",
    ];
    // The plan's own numbers beside the figures (2025年目标, 计划值): no
    // figure of the year, and never taken for one.
    const PLANNED: [&str; 5] = ["目标", "规划", "计划", "预计", "预期"];
    let wide = !years.is_empty();
    record
        .iter()
        .enumerate()
        .filter(|(i, _)| !known[*i] && !years.contains(i))
        .filter_map(|(i, raw)| {
            let text = trim_all(&String::from_utf8_lossy(raw)).to_owned();
            let plain = text.to_lowercase();
            (!text.is_empty()
                && !NO_FIGURES.contains(&plain.as_str())
                && !plain.ends_with("序号")
                && !PLANNED.iter().any(|w| plain.contains(w)))
            .then(|| {
                let (zh, en) = if wide {
                    ("数值只读各年份列", "figures are read from the year columns only")
                } else {
                    ("数值只读“数值”列", "figures are read from the value column only")
                };
                place
                    .error(
                        Code::S024,
                        Some(i),
                        Text::new(
                            format!("列“{}”没有读取：{zh}", quote_raw(&text)),
                            format!("the column \"{}\" was not read: {en}", quote_raw(&text)),
                        ),
                    )
                    .as_warning()
                    .with_hint(if wide {
                        Text::new(
                            "若这一列才是某年的数，请把它的列名改为那一年（如“2023年”），并删去或改名另一列",
                            "if this column holds a year's figures, name it by the year (2023年) and rename or delete the other",
                        )
                    } else {
                        Text::new(
                            "若这一列才是本年的数，请把它的列名改为“数值”，并删去或改名另一列",
                            "if this column holds the year's figures, name it 数值 and rename or delete the other",
                        )
                    })
            })
        })
        .collect()
}

pub fn read_header(
    record: &ByteRecord,
    place: Place,
    plans: &PlanSet,
) -> Result<Layout, HeaderProblem> {
    let mut layout = Layout {
        width: record.len(),
        cells: record
            .iter()
            .map(|c| trim_all(&String::from_utf8_lossy(c)).to_owned())
            .collect(),
        ..Layout::default()
    };
    let mut indicator = None;
    let mut value = None;
    let mut known = vec![false; record.len()];
    for (i, raw) in record.iter().enumerate() {
        let text = String::from_utf8_lossy(raw);
        let name = trim_all(&text).to_lowercase();
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
            return Err(HeaderProblem::Fatal(place.error(
                Code::S003,
                Some(i),
                Text::new(
                    format!("表头中“{}”列出现了两次", trim_all(&text)),
                    format!("the header has the column \"{}\" twice", trim_all(&text)),
                ),
            )));
        }
        *slot = Some(i);
        known[i] = true;
    }
    layout.unheaded = record
        .iter()
        .enumerate()
        .filter(|(_, cell)| trim_all(&String::from_utf8_lossy(cell)).is_empty())
        .map(|(i, _)| i)
        .collect();
    let named = wide::Named {
        indicator: indicator.is_some(),
        value: value.is_some(),
        year: layout.year.is_some(),
        region: layout.region.is_some(),
    };
    let detected = wide::detect(record, &known, named, plans);
    match (detected, indicator, value) {
        (Detected::Long, Some(indicator), Some(value)) => {
            layout.indicator = indicator;
            layout.value = value;
            layout.notes = other_figures(record, &known, &[], place);
            Ok(layout)
        }
        (Detected::Wide(shape @ Shape::Years(_)), Some(indicator), _) => {
            layout.indicator = indicator;
            layout.value = layout.width;
            if let Shape::Years(years) = &shape {
                let years: Vec<usize> = years.iter().map(|(column, _)| *column).collect();
                layout.notes = other_figures(record, &known, &years, place);
            }
            layout.shape = shape;
            Ok(layout)
        }
        (Detected::Indicators(shape, others), _, _) => {
            // The name of each figure is its column's header: read from a
            // cell past the row's last.
            layout.indicator = layout.width;
            layout.value = layout.width;
            layout.shape = shape;
            layout.notes = others
                .into_iter()
                .map(|(column, name)| {
                    place
                        .error(
                            Code::S007,
                            Some(column),
                            Text::new(
                                format!("列“{}”不是规划中的指标，这一列未检查", quote_raw(&name)),
                                format!(
                                    "the column \"{}\" is no indicator of the plan; it was not checked",
                                    quote_raw(&name)
                                ),
                            ),
                        )
                        .as_warning()
                })
                .collect();
            Ok(layout)
        }
        (Detected::Ambiguous(message), _, _) => {
            Err(HeaderProblem::Fatal(place.error(Code::S003, None, message)))
        }
        _ => {
            let found: Vec<String> = record
                .iter()
                .map(|f| quote_raw(trim_all(&String::from_utf8_lossy(f))))
                .collect();
            // A row with header words in it is the header, however wrong:
            // say what is wrong with it, never read the rows below as one.
            let near: Vec<(usize, String, &str)> = record
                .iter()
                .enumerate()
                .filter(|(i, _)| !known[*i])
                .filter_map(|(i, f)| {
                    let text = trim_all(&String::from_utf8_lossy(f)).to_owned();
                    meant(&text).map(|word| (i, text, word))
                })
                .collect();
            if let Some((column, text, word)) = near.first() {
                let bracket = text.starts_with(word);
                return Err(HeaderProblem::Fatal(place.error(
                    Code::S003,
                    Some(*column),
                    if bracket {
                        Text::new(
                            format!(
                                "表头“{}”：列名请写作“{word}”，单位写在“单位”列（或数值后，如 98.2%）",
                                quote_raw(text)
                            ),
                            format!(
                                "the header \"{}\": name the column \"{word}\" and give the unit in a unit column (or after the figure, as in 98.2%)",
                                quote_raw(text)
                            ),
                        )
                    } else {
                        Text::new(
                            format!("表头“{}”是不是“{word}”？表头为：{}", quote_raw(text), found.join(",")),
                            format!(
                                "is the header \"{}\" meant to be \"{word}\"? the header is: {}",
                                quote_raw(text),
                                found.join(",")
                            ),
                        )
                    },
                )));
            }
            if known.iter().any(|k| *k) {
                let missing: Vec<&str> = [
                    (indicator.is_none(), "指标", "indicator"),
                    (value.is_none(), "数值", "value"),
                ]
                .iter()
                .filter(|(m, _, _)| *m)
                .map(|(_, zh, _)| *zh)
                .collect();
                let missing_en: Vec<&str> = [
                    (indicator.is_none(), "indicator"),
                    (value.is_none(), "value"),
                ]
                .iter()
                .filter(|(m, _)| *m)
                .map(|(_, en)| *en)
                .collect();
                return Err(HeaderProblem::Fatal(
                    place
                        .error(
                            Code::S003,
                            None,
                            Text::new(
                                format!(
                                    "表头缺“{}”列（或年份列、指标名列）；表头为：{}",
                                    missing.join("”“"),
                                    found.join(",")
                                ),
                                format!(
                                    "the header has no {} column (nor year columns, nor the plan's indicators as columns); the header is: {}",
                                    missing_en.join(" or "),
                                    found.join(",")
                                ),
                            ),
                        )
                        .with_hint(Text::new(
                            "可用 plan-check template 生成一份带表头的空白表",
                            "plan-check template writes an empty file with the right header",
                        )),
                ));
            }
            Err(HeaderProblem::NotAHeader(
                place
                    .error(
                        Code::S003,
                        None,
                        Text::new(
                            format!(
                                "表头须有“指标”和“数值”两列（可选：分类、年份、单位、备注、来源、地区），或“指标”与年份列（2021年、2022年…），或“地区”与规划中的指标名作列名；实际为：{}",
                                found.join(",")
                            ),
                            format!(
                                "the header needs the columns indicator and value (optional: category, year, unit, note, source, region), or indicator and year columns (2021, 2022, …), or region and the plan's indicator names as columns; found: {}",
                                found.join(",")
                            ),
                        ),
                    )
                    .with_hint(if record.iter().any(|f| std::str::from_utf8(f).is_err()) {
                        // A UTF-8 BOM before GBK text: the header is garbled,
                        // and the encoding is what to fix.
                        Text::new(
                            "表头不是 UTF-8 文字（文件可能是 GBK，开头却有 UTF-8 的标记，或混用了编码）：请用 --encoding gb18030 指定，或把文件另存为 UTF-8",
                            "the header is not UTF-8 text (the file may be GBK behind a UTF-8 mark, or mix encodings): give --encoding gb18030, or save the file as UTF-8",
                        )
                    } else {
                        Text::new(
                            "可用 plan-check template 生成一份带表头的空白表",
                            "plan-check template writes an empty file with the right header",
                        )
                    }),
            ))
        }
    }
}
