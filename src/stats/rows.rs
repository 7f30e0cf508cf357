//! From rows of cells to observations, one row at a time, once the header is
//! known ([`super::header`]) and where the year comes from is decided
//! ([`super::year`]). Shared by CSV files and workbooks, which both hand their
//! rows over as a `csv::ByteRecord` of cell texts (a workbook adds the figure
//! as the number it stores).
//!
//! The hot path allocates nothing per row: a name seen before is found by its
//! raw bytes, a region, year or source text equal to the previous row's is
//! reused, and a plain ASCII number is parsed in place. Everything else (the
//! first sight of a name, an unusual number, any error) goes through the full
//! readers, which also write the messages.

pub use super::header::{HeaderProblem, Layout, MAX_TITLE_ROWS, read_header};
mod checks;

use super::resolve::{Resolution, Resolver};
use super::units::{self, Conversion};
use super::wide::Shape;
pub use super::year::{NameYear, year_in_name};
use super::year::{YearSource, column_year, unknown_year};
use super::{Converted, Id, Key, Observation, Observations, Origin};
use crate::diagnostic::{Diagnostic, Severity, Text, quote_raw};
use crate::number::{Cell, NumberError, read_cell, trim_all};
use crate::plan::{IndicatorIdx, Plan, PlanSet};
use csv::ByteRecord;
use rustc_hash::FxHashMap;

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
    /// `--sheet`: the worksheet of a workbook (default: the first).
    pub sheet: Option<String>,
    /// Blocks of this many bytes instead of [`super::blocks::BLOCK`] when a CSV
    /// file is read in parallel (tests use small blocks to cut files anywhere).
    #[doc(hidden)]
    pub block_size: Option<usize>,
}

/// Where a row stands: a line of a CSV file, or a row of a worksheet.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub file: &'a str,
    /// 1-based line or worksheet row.
    pub line: u64,
    /// The worksheet, for a workbook: positions read `Sheet1!C7`.
    pub sheet: Option<&'a str>,
    /// The worksheet column of the record's first cell (0 for CSV).
    pub first_column: usize,
}

impl Place<'_> {
    /// An error at this row, and at `column` (0-based) when given.
    pub fn error(&self, code: &'static str, column: Option<usize>, message: Text) -> Diagnostic {
        let d = Diagnostic::error(code, self.file, message);
        match (self.sheet, column) {
            (Some(sheet), Some(c)) => d.at_cell(sheet, self.line, self.first_column + c),
            (Some(sheet), None) => d.at_sheet_row(sheet, self.line),
            (None, Some(c)) => d.at_line(self.line).at_field(c),
            (None, None) => d.at_line(self.line),
        }
    }
}

/// All-blank rows are skipped wherever they are.
pub fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|f| trim_bytes(f).is_empty())
}

/// The last text seen in a column and what it was read as: the rows of a long
/// file repeat their region, year and source, so most rows cost a comparison.
/// The buffer is reused, so a change of value allocates nothing either.
#[derive(Debug, Clone, Default)]
struct LastCell<T> {
    bytes: Vec<u8>,
    value: Option<T>,
}

impl<T: Copy> LastCell<T> {
    fn get(&self, raw: &[u8]) -> Option<T> {
        self.value.filter(|_| self.bytes == raw)
    }

    fn set(&mut self, raw: &[u8], value: T) {
        self.bytes.clear();
        self.bytes.extend_from_slice(raw);
        self.value = Some(value);
    }

    fn forget(&mut self) {
        self.value = None;
    }
}

/// A number as a workbook stores it (not as text): read as it is, never
/// printed and parsed again. `percent` when the cell shows it as a percent
/// (0.982 shown as 98.2%).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoredNumber {
    pub value: f64,
    pub percent: bool,
}

/// Turns data rows into observations, for one file.
#[derive(Clone)]
pub struct RowReader<'a> {
    plans: &'a PlanSet,
    options: &'a LoadOptions,
    layout: Layout,
    file: String,
    file_id: Id,
    /// For a workbook: the worksheet and the column of its first cell.
    sheet: Option<(String, usize)>,
    /// Where each row's year comes from, decided once for the file.
    year_source: YearSource,
    /// Name cell bytes (with the plan and category) → indicator.
    names: FxHashMap<Vec<u8>, IndicatorIdx>,
    /// Each plan's names, for a name seen the first time (shared by the
    /// readers of a file's blocks).
    resolvers: std::sync::Arc<[Resolver]>,
    key: Vec<u8>,
    last_region: LastCell<(Id, usize)>,
    last_year: LastCell<i32>,
    last_source: LastCell<Id>,
    /// Plan index for rows without a region column.
    default_region: Option<(Id, usize)>,
    /// For years as columns: the year of the column being read.
    year_of_column: Option<i32>,
    /// For indicators as columns: the row with its column's name added.
    wide_record: ByteRecord,
}

impl<'a> RowReader<'a> {
    pub fn new(
        plans: &'a PlanSet,
        options: &'a LoadOptions,
        layout: Layout,
        file: &str,
        sheet: Option<(&str, usize)>,
        year_from_name: NameYear,
        table: &mut Observations,
    ) -> Self {
        let file_id = table.begin_file(file);
        RowReader {
            plans,
            options,
            year_source: YearSource::new(layout.year, options.year, year_from_name),
            layout,
            file: file.to_owned(),
            file_id,
            sheet: sheet.map(|(name, column)| (name.to_owned(), column)),
            names: FxHashMap::default(),
            resolvers: plans.plans.iter().map(Resolver::new).collect(),
            key: Vec::with_capacity(128),
            last_region: LastCell::default(),
            last_year: LastCell::default(),
            last_source: LastCell::default(),
            default_region: None,
            year_of_column: None,
            wide_record: ByteRecord::new(),
        }
    }

    /// The header's number of columns.
    pub fn width(&self) -> usize {
        self.layout.width
    }

    /// Starts reading a part of the file into a table of its own (see
    /// [`Observations::append`]): what refers to the previous table's ids is
    /// forgotten; indicator names stay resolved.
    pub fn start_part(&mut self, table: &mut Observations) {
        self.file_id = table.begin_file(&self.file);
        self.last_region.forget();
        self.last_source.forget();
        self.default_region = None;
    }

    fn place(&self, line: u64) -> Place<'_> {
        Place {
            file: &self.file,
            line,
            sheet: self.sheet.as_ref().map(|(name, _)| name.as_str()),
            first_column: self.sheet.as_ref().map_or(0, |(_, column)| *column),
        }
    }

    /// Reads one data row. Blank rows are skipped; a name the plan does not have
    /// is a warning (an error with `--strict`).
    pub fn read(
        &mut self,
        record: &ByteRecord,
        line: u64,
        table: &mut Observations,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Diagnostic> {
        self.read_with_number(record, &[], line, table, warnings)
    }

    /// Reads one data row; a workbook gives the figures it stores as numbers,
    /// by column. A wide row (years or indicators as columns, see
    /// [`super::wide`]) is read as the long rows it stands for, each figure
    /// at its own cell.
    pub fn read_with_number(
        &mut self,
        record: &ByteRecord,
        stored: &[(usize, StoredNumber)],
        line: u64,
        table: &mut Observations,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Diagnostic> {
        if record.len() != self.layout.width {
            if is_blank(record) {
                return Ok(());
            }
            return Err(self.width_error(record, line));
        }
        let number_at = |column: usize| stored.iter().find(|(c, _)| *c == column).map(|(_, n)| *n);
        match self.layout.shape.clone() {
            Shape::Long => {
                let stored = number_at(self.layout.value);
                self.read_figure(record, stored, line, table, warnings)
            }
            Shape::Years(years) => {
                // A yearbook's columns before the plan period are history, not
                // figures to check.
                let first = self
                    .plans
                    .plans
                    .iter()
                    .map(|p| p.meta.baseline_year)
                    .min()
                    .unwrap_or(i32::MIN);
                for &(column, year) in years.iter().filter(|(_, y)| *y >= first) {
                    self.layout.value = column;
                    self.year_of_column = Some(year);
                    self.read_figure(record, number_at(column), line, table, warnings)?;
                }
                Ok(())
            }
            Shape::Indicators(names) => {
                if is_blank(record) {
                    return Ok(());
                }
                // The row with one more cell, past its last: the column's name.
                let mut wide = std::mem::take(&mut self.wide_record);
                for (column, name) in names.iter() {
                    wide.clear();
                    for cell in record {
                        wide.push_field(cell);
                    }
                    wide.push_field(name);
                    self.layout.value = *column;
                    let read = self.read_figure(&wide, number_at(*column), line, table, warnings);
                    if read.is_err() {
                        self.wide_record = wide;
                        return read;
                    }
                }
                self.wide_record = wide;
                Ok(())
            }
        }
    }

    /// Reads the figure at the layout's value column of a row of the header's width
    /// (for indicators as columns, one cell more: the name).
    fn read_figure(
        &mut self,
        record: &ByteRecord,
        stored: Option<StoredNumber>,
        line: u64,
        table: &mut Observations,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Diagnostic> {
        let layout = &self.layout;
        let name_raw = &record[layout.indicator];
        if trim_bytes(name_raw).is_empty() {
            if is_blank(record) {
                return Ok(());
            }
            return Err(self.place(line).error(
                "S002",
                Some(layout.indicator),
                Text::new("这一行没有填指标名称", "this row has no indicator name"),
            ));
        }

        let (region, plan_index) = self.region(record, line, table)?;
        let plan = &self.plans.plans[plan_index];
        let Some(indicator) = self.indicator(record, line, plan_index, warnings)? else {
            return Ok(());
        };
        let conversion = self.conversion(record, line, plan, indicator)?;
        let value = match stored {
            Some(stored) => self.stored_value(stored, line, plan, indicator)?,
            None => self.value(record, line, plan, indicator)?,
        };
        let submitted = value.zip(conversion.as_ref().map(|(_, unit)| unit.as_str()));
        let (value, converted_from) = match (value, &conversion) {
            (Some(v), Some((scale, unit))) => (
                Some(scale.apply(v)),
                Some(Converted {
                    value: v,
                    unit: table.units.intern(unit),
                }),
            ),
            (v, _) => (v, None),
        };
        if let Some(v) = value {
            let ind = &plan.indicators[indicator as usize];
            self.plausible(v, line, ind, warnings)?;
            if crate::plan::plausible::off_scale(ind, v) || crate::plan::plausible::unusual(ind, v)
            {
                self.off_scale(v, submitted, line, ind, warnings)?;
            }
        }
        let year = self
            .year(record, line, plan)
            .map_err(|d| d.for_indicator(plan.indicators[indicator as usize].display_name()))?;
        if let YearSource::Column {
            column,
            given: None,
            named: NameYear::One(named),
        } = &self.year_source
            && year != *named
        {
            let column = *column;
            warnings.push(
                self.place(line)
                    .error(
                        "S013",
                        Some(column),
                        Text::new(
                            format!("本行年份为 {year}，文件名写的是 {named}"),
                            format!("this row says {year}, the file name says {named}"),
                        ),
                    )
                    .as_warning(),
            );
        }
        let source = self.source(record, table);
        table.push(
            Key {
                region,
                year,
                indicator,
            },
            Observation {
                value,
                origin: Origin {
                    file: self.file_id,
                    line,
                },
                source,
                converted_from,
            },
        )
    }

    fn width_error(&self, record: &ByteRecord, line: u64) -> Diagnostic {
        let width = self.layout.width;
        let mut d = self.place(line).error(
            "S002",
            None,
            Text::new(
                format!("这一行有 {} 列，表头有 {width} 列", record.len()),
                format!(
                    "this row has {} fields, the header has {width}",
                    record.len()
                ),
            ),
        );
        if record.iter().any(|f| f.contains(&b'\n')) {
            d = d.with_hint(Text::new(
                "某个单元格跨了多行：可能有未闭合的双引号",
                "a cell spans several lines: a double quote may be left open",
            ));
        } else if record.len() > width {
            d = d.with_hint(Text::new(
                "含逗号的数字（如 1,234）须加双引号，或去掉千位分隔符",
                "a number with a comma (1,234) must be quoted, or written without the separator",
            ));
        }
        d
    }

    /// The region of a row and the plan that governs it.
    fn region(
        &mut self,
        record: &ByteRecord,
        line: u64,
        table: &mut Observations,
    ) -> Result<(Id, usize), Diagnostic> {
        let Some(column) = self.layout.region else {
            if let Some(found) = self.default_region {
                return Ok(found);
            }
            let name = self.plans.default_region().to_owned();
            let plan = self
                .plans
                .for_region("")
                .map_err(|m| self.place(line).error("S011", None, m))?;
            let found = (table.regions.intern(&name), plan);
            self.default_region = Some(found);
            return Ok(found);
        };
        let raw = &record[column];
        if let Some(found) = self.last_region.get(raw) {
            return Ok(found);
        }
        let plans = self.plans;
        let name = trim_all(self.text(raw, line, column)?);
        if name.is_empty() {
            // A blank region in a file that has the column is not the plan's
            // region by default: in a city's collection, it is a row whose
            // district nobody knows.
            return Err(self
                .place(line)
                .error(
                    "S002",
                    Some(column),
                    Text::new(
                        "这一行的“地区”是空的：文件有“地区”列时，每一行都须写明地区",
                        "this row's region is empty: in a file with a region column, every row must name its region",
                    ),
                )
                .with_hint(Text::new(
                    format!("若这些数据都属于同一地区，可删去“地区”列{}", match plans.default_region() {
                        "" => String::new(),
                        region => format!("（按规划的地区“{region}”读取）"),
                    }),
                    format!("if all figures are of one region, drop the region column{}", match plans.default_region() {
                        "" => String::new(),
                        region => format!(" (they are then read as the plan's region, {region})"),
                    }),
                )));
        }
        let plan = plans
            .for_region(name)
            .map_err(|m| self.place(line).error("S011", Some(column), m))?;
        let found = (table.regions.intern(name), plan);
        self.last_region.set(raw, found);
        Ok(found)
    }

    /// The indicator a row names; `None` for a name the plan does not have
    /// (warned about).
    fn indicator(
        &mut self,
        record: &ByteRecord,
        line: u64,
        plan_index: usize,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<Option<IndicatorIdx>, Diagnostic> {
        let layout = &self.layout;
        self.key.clear();
        self.key
            .extend_from_slice(&(plan_index as u32).to_le_bytes());
        if let Some(c) = layout.category {
            self.key.extend_from_slice(&record[c]);
        }
        self.key.push(0xFF);
        self.key.extend_from_slice(&record[layout.indicator]);
        if let Some(&i) = self.names.get(self.key.as_slice()) {
            return Ok(Some(i));
        }
        let plan = &self.plans.plans[plan_index];
        let name = self.text(&record[layout.indicator], line, layout.indicator)?;
        let category = match layout.category {
            Some(c) => Some(self.text(&record[c], line, c)?),
            None => None,
        };
        let shown = match category.map(trim_all) {
            Some(c) if !c.is_empty() => format!("{}/{}", quote_raw(c), quote_raw(trim_all(name))),
            _ => quote_raw(trim_all(name)),
        };
        let place = self.place(line);
        match self.resolvers[plan_index].resolve(name, category) {
            Resolution::One(i) => {
                let key = self.key.clone();
                self.names.insert(key, i);
                Ok(Some(i))
            }
            Resolution::Ambiguous(candidates) => {
                let list = list_candidates(plan, &candidates);
                let name = quote_raw(trim_all(name));
                Err(place
                    .error(
                        "S006",
                        Some(layout.indicator),
                        Text::new(
                            format!("指标名称“{name}”对应多个指标：{list}"),
                            format!("the name \"{name}\" fits several indicators: {list}"),
                        ),
                    )
                    .for_indicator(shown)
                    .with_hint(Text::new(
                        "请加“分类”列，或改用指标 id",
                        "add a category column, or use the indicator id",
                    )))
            }
            Resolution::WrongCategory(candidates) => {
                let list = list_candidates(plan, &candidates);
                let category = quote_raw(trim_all(category.unwrap_or("")));
                let name = quote_raw(trim_all(name));
                Err(place
                    .error(
                        "S006",
                        layout.category,
                        Text::new(
                            format!("分类“{category}”下没有指标“{name}”；规划中它属于：{list}"),
                            format!(
                                "category \"{category}\" has no indicator \"{name}\"; the plan has it as: {list}"
                            ),
                        ),
                    )
                    .for_indicator(shown))
            }
            Resolution::Unknown(suggestions) => {
                let mut d = place
                    .error(
                        "S007",
                        Some(layout.indicator),
                        Text::new(
                            "规划中没有这一指标，本行未检查",
                            "the plan has no such indicator; this row was not checked",
                        ),
                    )
                    .for_indicator(shown);
                if !suggestions.is_empty() {
                    let list = list_candidates(plan, &suggestions);
                    d = d.with_hint(Text::new(
                        format!("是否是：{list}？"),
                        format!("did you mean: {list}?"),
                    ));
                }
                if self.options.strict {
                    return Err(d);
                }
                d.severity = Severity::Warning;
                warnings.push(d);
                Ok(None)
            }
        }
    }

    /// The conversion a row's unit asks for, if any.
    fn conversion(
        &self,
        record: &ByteRecord,
        line: u64,
        plan: &Plan,
        indicator: IndicatorIdx,
    ) -> Result<Option<(Conversion, String)>, Diagnostic> {
        let ind = &plan.indicators[indicator as usize];
        // A unit in brackets after the name (`在园幼儿数（人）`) is a unit said,
        // never dropped: read as the unit column would be.
        let name_cell = trim_bytes(&record[self.layout.indicator]);
        let suffix = if name_cell.ends_with(b")") || name_cell.ends_with("）".as_bytes()) {
            let name = self.text(name_cell, line, self.layout.indicator)?;
            super::resolve::unit_suffix(name).filter(|u| units::names_a_unit(u, plan))
        } else {
            None
        };
        let column = self
            .layout
            .unit
            .filter(|&c| !trim_bytes(&record[c]).is_empty());
        let (unit, at) = match (column, suffix) {
            (Some(c), suffix) => {
                let unit = trim_all(self.text(trim_bytes(&record[c]), line, c)?);
                if let Some(suffix) = suffix
                    && units::conversion(suffix, unit) != Conversion::Same
                {
                    return Err(self
                        .place(line)
                        .error(
                            "S010",
                            Some(c),
                            Text::new(
                                format!(
                                    "名称中的单位“{}”与“单位”列的“{}”不同",
                                    quote_raw(suffix),
                                    quote_raw(unit)
                                ),
                                format!(
                                    "the unit in the name, \"{}\", differs from the unit column's \"{}\"",
                                    quote_raw(suffix),
                                    quote_raw(unit)
                                ),
                            ),
                        )
                        .for_indicator(ind.display_name()));
                }
                (unit, c)
            }
            (None, Some(suffix)) => (suffix, self.layout.indicator),
            (None, None) => return Ok(None),
        };
        if unit.as_bytes() == ind.unit.as_bytes() {
            return Ok(None);
        }
        match units::conversion(unit, &ind.unit) {
            Conversion::Same => Ok(None),
            Conversion::Incompatible => Err(self
                .place(line)
                .error(
                    "S010",
                    Some(at),
                    Text::new(
                        format!("单位“{}”与规划的单位“{}”不同，且无法换算", quote_raw(unit), ind.unit),
                        format!(
                            "the unit \"{}\" differs from the plan's unit \"{}\" and cannot be converted",
                            quote_raw(unit),
                            ind.unit
                        ),
                    ),
                )
                .for_indicator(ind.display_name())
                .with_hint(Text::new(
                    format!("请按“{}”填报", ind.unit),
                    format!("report the figure in {}", ind.unit),
                ))),
            scale => Ok(Some((scale, unit.to_owned()))),
        }
    }

    /// A figure a workbook stores as a number. A percent-formatted one reads
    /// as the percent it shows (0.982 → 98.2), on a percent indicator only.
    fn stored_value(
        &self,
        stored: StoredNumber,
        line: u64,
        plan: &Plan,
        indicator: IndicatorIdx,
    ) -> Result<Option<f64>, Diagnostic> {
        if !stored.percent {
            return Ok(Some(stored.value));
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
                "S004",
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
    fn value(
        &self,
        record: &ByteRecord,
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
            return Ok(Some(v));
        }
        let ind = &plan.indicators[indicator as usize];
        let text = self.text(raw, line, column)?;
        match read_cell(text, units::normalize(&ind.unit) == "%") {
            Ok(Cell::Value(v)) => Ok(Some(v)),
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
                let hint = if text.contains('\n') {
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
                    .error("S004", Some(column), Text::new(zh, en))
                    .for_indicator(ind.display_name())
                    .with_hint(hint))
            }
        }
    }

    /// The year of a row, from where [`YearSource`] says, within the plan's
    /// years.
    fn year(&mut self, record: &ByteRecord, line: u64, plan: &Plan) -> Result<i32, Diagnostic> {
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
                            .map_err(|m| self.place(line).error("S008", Some(column), m))?;
                        self.last_year.set(raw, year);
                        year
                    }
                }
            }
            YearSource::Unknown(named) => {
                return Err(self.place(line).error("S008", None, unknown_year(named)));
            }
        };
        if year < plan.meta.baseline_year {
            return Err(self.place(line).error(
                "S008",
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
                "S008",
                self.layout.year,
                Text::new(
                    format!(
                        "年份 {year} 超出规划期（{}–{}）太远：最晚可到 {last} 年（目标年后一个规划期）；是否写错了年份？",
                        plan.meta.baseline_year, plan.meta.target_year
                    ),
                    format!(
                        "the year {year} is too far beyond the plan period {}–{}: the latest year read is {last} (one period after the target year); is it a typo?",
                        plan.meta.baseline_year, plan.meta.target_year
                    ),
                ),
            ));
        }
        Ok(year)
    }

    /// The row's 来源 and 备注, stored as one text (see
    /// [`super::source_text`]): either alone, or both.
    fn source(&mut self, record: &ByteRecord, table: &mut Observations) -> Option<Id> {
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
            (Some(source), Some(note)) => [source, note].join(super::REMARK_MARK).into(),
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
    fn text<'r>(&self, raw: &'r [u8], line: u64, column: usize) -> Result<&'r str, Diagnostic> {
        std::str::from_utf8(raw).map_err(|_| {
            self.place(line)
                .error(
                    "S002",
                    Some(column),
                    Text::new(
                        "这个单元格不是 UTF-8 编码，而文件开头是：文件可能混用了编码（如 UTF-8 与 GBK）",
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

/// Trims ASCII white space (the fast path's trim; the full readers trim Unicode too).
fn trim_bytes(raw: &[u8]) -> &[u8] {
    raw.trim_ascii()
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
