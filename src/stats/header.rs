//! The header row: which column holds what, by its Chinese or English name.

use super::rows::Place;
use crate::diagnostic::{Diagnostic, Text, quote_raw};
use crate::number::trim_all;
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
}

impl Layout {
    /// The columns whose cells must be what they say (a name, a number, a
    /// year, a region): a workbook cell there that is a date, a truth value or
    /// an error value is an error, not text.
    pub fn key_columns(&self) -> [Option<usize>; 4] {
        [
            Some(self.indicator),
            Some(self.value),
            self.year,
            self.region,
        ]
    }

    /// The columns where an empty cell means "not reported" or "the file's
    /// year": a formula without a computed value there would pass in silence.
    pub fn figure_columns(&self) -> [Option<usize>; 2] {
        [Some(self.value), self.year]
    }

    pub fn indicator_column(&self) -> usize {
        self.indicator
    }

    pub fn value_column(&self) -> usize {
        self.value
    }
}

/// Why a row is not the header.
pub enum HeaderProblem {
    /// The row is not the header (it may be a title above it).
    NotAHeader(Diagnostic),
    /// The row is the header, but a wrong one.
    Fatal(Diagnostic),
}

/// Recognises the header row.
pub fn read_header(record: &ByteRecord, place: Place) -> Result<Layout, HeaderProblem> {
    let mut layout = Layout {
        width: record.len(),
        ..Layout::default()
    };
    let mut indicator = None;
    let mut value = None;
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
                "S003",
                Some(i),
                Text::new(
                    format!("表头中“{}”列出现了两次", trim_all(&text)),
                    format!("the header has the column \"{}\" twice", trim_all(&text)),
                ),
            )));
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
            let found: Vec<String> = record
                .iter()
                .map(|f| quote_raw(trim_all(&String::from_utf8_lossy(f))))
                .collect();
            Err(HeaderProblem::NotAHeader(
                place
                    .error(
                        "S003",
                        None,
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
                    .with_hint(Text::new(
                        "可用 plan-check template 生成一份带表头的空白表",
                        "plan-check template writes an empty file with the right header",
                    )),
            ))
        }
    }
}
