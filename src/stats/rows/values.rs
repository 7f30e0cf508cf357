//! The cells of a row that hold the figure and its context: the number (as
//! stored by a workbook or as written), the year, the source, and a cell's
//! text in the file's encoding.

use super::*;
use crate::diagnostic::Code;

impl RowReader<'_> {
    /// A figure a workbook stores as a number. A percent-formatted one reads
    /// as the percent it shows (0.982 → 98.2), on a percent indicator only.
    pub(super) fn stored_value(
        &self,
        stored: StoredNumber,
        line: u64,
        plan: &Plan,
        indicator: IndicatorIdx,
    ) -> Result<Option<f64>, Diagnostic> {
        if !stored.percent {
            return Ok(Some(crate::number::significant(stored.value)));
        }
        let ind = &plan.indicators[indicator as usize];
        if units::normalize(&ind.unit) == "%" {
            // 0.982 × 100 is 98.19999…: round away the binary noise of the scaling.
            return Ok(Some((stored.value * 100.0 * 1e9).round() / 1e9));
        }
        let shown = crate::number::display(stored.value * 100.0);
        Err(self
            .place(line)
            .error(
                Code::S004,
                Some(self.layout.value),
                Text::new(
                    format!("数值“{shown}%”带百分号，但该指标的单位是“{}”", ind.unit),
                    format!(
                        "the value \"{shown}%\" has a percent sign, but the unit is \"{}\"",
                        ind.unit
                    ),
                ),
            )
            .for_indicator(ind.display_name())
            .with_hint(Text::new(
                "请把单元格格式设为“常规”或“数值”，按该指标的单位填写",
                "set the cell's format to General or Number and give the figure in the indicator's unit",
            )))
    }

    /// The figure of a row: `None` when not reported.
    pub(super) fn value(
        &self,
        record: &Cells,
        line: u64,
        plan: &Plan,
        indicator: IndicatorIdx,
    ) -> Result<Option<f64>, Diagnostic> {
        let column = self.layout.value;
        let raw = &record[column];
        // Fast path: plain ASCII digits, point and minus, as scripts and most
        // spreadsheets write them.
        let trimmed = trim_bytes(raw);
        if trimmed.is_empty() {
            return Ok(None);
        }
        if let Some(v) = crate::number::plain_decimal(trimmed) {
            // More than 15 digits written (96.00000000000001): binary noise.
            return Ok(Some(if trimmed.len() > 16 {
                crate::number::significant(v)
            } else {
                v
            }));
        }
        let ind = &plan.indicators[indicator as usize];
        let text = self.text(raw, line, column)?;
        match read_cell(text, units::normalize(&ind.unit) == "%") {
            Ok(Cell::Value(v)) => Ok(Some(crate::number::significant(v))),
            Ok(Cell::NotReported) => Ok(None),
            Err(e) => {
                let raw = quote_raw(text);
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
                let hint = if text.contains('\n') && self.sheet.is_some() {
                    Text::new(
                        "单元格里有换行：请只填一个数字",
                        "the cell holds a line break: write one number only",
                    )
                } else if text.contains('\n') {
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
                Err(self
                    .place(line)
                    .error(Code::S004, Some(column), Text::new(zh, en))
                    .for_indicator(ind.display_name())
                    .with_hint(hint))
            }
        }
    }

    /// The year of a row, from where [`YearSource`] says, within the plan's
    /// years.
    pub(super) fn year(
        &mut self,
        record: &Cells,
        line: u64,
        plan: &Plan,
    ) -> Result<i32, Diagnostic> {
        let year = match &self.year_source {
            // A table of years as columns: the column's year.
            _ if self.year_of_column.is_some() => self.year_of_column.unwrap_or_default(),
            YearSource::Fixed(year) => *year,
            YearSource::Column {
                column,
                given,
                named,
            } => {
                let raw = &record[*column];
                match self.last_year.get(raw) {
                    Some(year) => year,
                    None => {
                        let (column, given, named) = (*column, *given, named.clone());
                        let text = self.text(raw, line, column)?;
                        let year = column_year(trim_all(text), given, &named)
                            .map_err(|m| self.place(line).error(Code::S008, Some(column), m))?;
                        self.last_year.set(raw, year);
                        year
                    }
                }
            }
            YearSource::Unknown(named) => {
                return Err(self
                    .place(line)
                    .error(Code::S008, None, unknown_year(named)));
            }
        };
        if year < plan.meta.baseline_year {
            return Err(self.place(line).error(
                Code::S008,
                self.layout.year,
                Text::new(
                    format!("年份 {year} 早于规划基期 {}", plan.meta.baseline_year),
                    format!(
                        "the year {year} is before the plan's baseline year {}",
                        plan.meta.baseline_year
                    ),
                ),
            ));
        }
        // A year typo (2032 in a 2023 file) must not stretch the run into a
        // period that one row decides: a year more than one plan period after
        // the target year is an error.
        let last = plan.meta.target_year + (plan.meta.target_year - plan.meta.baseline_year);
        if year > last {
            return Err(self.place(line).error(
                Code::S008,
                self.layout.year,
                Text::new(
                    format!(
                        "年份 {year} 超出规划期（{}–{}）太远：最晚可到 {last} 年（目标年后一个规划期）；是否写错了年份？",
                        plan.meta.baseline_year, plan.meta.target_year
                    ),
                    format!(
                        "the year {year} is too far beyond the plan period {}–{}: the latest year allowed is {last} (one period after the target year); is it a typo?",
                        plan.meta.baseline_year, plan.meta.target_year
                    ),
                ),
            ));
        }
        Ok(year)
    }

    /// The row's 来源 and 备注, stored as one text (see
    /// [`super::source_text`]): either alone, or both.
    pub(super) fn source(&mut self, record: &Cells, table: &mut Observations) -> Option<Id> {
        let cell = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(trim_bytes)
                .filter(|r| !r.is_empty())
        };
        let (source, note) = match (self.layout.source, self.layout.note) {
            // One column (the usual file): no pair to make.
            (Some(_), None) | (None, Some(_)) => {
                let raw = cell(self.layout.source.or(self.layout.note))?;
                if let Some(id) = self.last_source.get(raw) {
                    return Some(id);
                }
                let id = table
                    .sources
                    .intern(trim_all(&String::from_utf8_lossy(raw)));
                self.last_source.set(raw, id);
                return Some(id);
            }
            (source, note) => (cell(source), cell(note)),
        };
        let key: std::borrow::Cow<[u8]> = match (source, note) {
            (None, None) => return None,
            (Some(one), None) | (None, Some(one)) => one.into(),
            (Some(source), Some(note)) if source == note => source.into(),
            (Some(source), Some(note)) => [source, note].join(crate::stats::REMARK_MARK).into(),
        };
        if let Some(id) = self.last_source.get(&key) {
            return Some(id);
        }
        let text = String::from_utf8_lossy(&key);
        let id = table.sources.intern(trim_all(&text));
        self.last_source.set(&key, id);
        Some(id)
    }

    /// A cell as text; bytes that are not UTF-8 are an error at that cell.
    pub(super) fn text<'r>(
        &self,
        raw: &'r [u8],
        line: u64,
        column: usize,
    ) -> Result<&'r str, Diagnostic> {
        std::str::from_utf8(raw).map_err(|_| {
            self.place(line)
                .error(
                    Code::S002,
                    Some(column),
                    Text::new(
                        "这个单元格不是 UTF-8 编码，而文件开头是 UTF-8：文件可能混用了编码（如 UTF-8 与 GBK）",
                        "this cell is not UTF-8, though the file starts as UTF-8: the file may mix encodings (UTF-8 and GBK)",
                    ),
                )
                .with_hint(Text::new(
                    "请确认文件编码，或用 --encoding 指定（如 utf-8、gb18030、utf-16le）",
                    "check the file's encoding, or give it with --encoding (utf-8, gb18030, utf-16le)",
                ))
        })
    }
}
