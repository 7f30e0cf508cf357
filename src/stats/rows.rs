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

mod checks;
mod names;
mod shape;
mod totals;
mod values;

use totals::{total_row, whole_place};

use super::header::Layout;
pub use super::place::Place;
use super::resolve::{Resolution, Resolver};
use super::units::{self, Conversion};
use super::wide::Shape;
pub use super::year::{NameYear, year_in_name};
use super::year::{YearSource, column_year, unknown_year};
use super::{Cells, Converted, Id, Key, Observation, Observations, Origin};
use crate::diagnostic::{Code, Diagnostic, Severity, Text, quote_raw};
use crate::number::{Cell, NumberError, read_cell, trim_all};
use crate::plan::{IndicatorIdx, Plan, PlanSet};
use csv::ByteRecord;
use rustc_hash::FxHashMap;

/// Cells with something in them right of a workbook row's header, at most:
/// more is no table row.
const MAX_UNHEADED: usize = 64;

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

/// All-blank rows are skipped wherever they are: a cell of full-width
/// spaces (U+3000) or a byte-order mark is blank too (a row of them was an
/// indicator “” the plan lacks: a reviewer's).
pub fn is_blank<'a>(cells: impl IntoIterator<Item = &'a [u8]>) -> bool {
    cells.into_iter().all(blank_cell)
}

/// A cell with nothing but white space in it, the ideographic space, a
/// no-break space and a byte-order mark included; one comparison for a
/// cell that starts with anything else.
fn blank_cell(cell: &[u8]) -> bool {
    let t = trim_bytes(cell);
    t.is_empty()
        || ([&[0xE3, 0x80, 0x80][..], &[0xEF, 0xBB, 0xBF], &[0xC2, 0xA0]]
            .iter()
            .any(|w| t.starts_with(w))
            && std::str::from_utf8(t).is_ok_and(|s| crate::number::trim_all(s).is_empty()))
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

/// The indicator names of a long file come in the same order for every
/// region and year: after each indicator found, the name found next last
/// time is remembered with its indicator, so the usual row's name is found
/// by one comparison of bytes, without hashing it. Any other name is looked
/// up in full; when it names one indicator it becomes the one remembered
/// (a name the plan does not have, or that fits several, is not, and does
/// not count as the last found). Kept across blocks and files: a miss only
/// costs the full lookup.
#[derive(Debug, Clone, Default)]
struct NextName {
    /// By the last indicator found (+1; 0: none yet), the key found next.
    after: Vec<Option<(Vec<u8>, IndicatorIdx)>>,
    previous: usize,
}

impl NextName {
    /// The indicator of `key` when it is the name that came next last time.
    fn get(&mut self, key: &[u8]) -> Option<IndicatorIdx> {
        let (seen, i) = self.after.get(self.previous)?.as_ref()?;
        if seen.as_slice() != key {
            return None;
        }
        let i = *i;
        self.previous = i as usize + 1;
        Some(i)
    }

    /// `key` names indicator `i`, and came after the previous row's name.
    fn learn(&mut self, key: &[u8], i: IndicatorIdx) {
        if self.after.len() <= self.previous {
            self.after.resize(self.previous + 1, None);
        }
        match &mut self.after[self.previous] {
            Some((seen, known)) => {
                seen.clear();
                seen.extend_from_slice(key);
                *known = i;
            }
            slot => *slot = Some((key.to_vec(), i)),
        }
        self.previous = i as usize + 1;
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
    /// The name that followed each name last time: found by one comparison.
    next_names: NextName,
    last_region: LastCell<(Id, usize)>,
    last_year: LastCell<i32>,
    last_source: LastCell<Id>,
    /// Plan index for rows without a region column.
    default_region: Option<(Id, usize)>,
    /// The region a worksheet's name gives its rows, where they have no
    /// region column (a workbook of one sheet a district: 万州区, 涪陵区 …).
    sheet_region: Option<String>,
    /// For years as columns: the year of the column being read.
    year_of_column: Option<i32>,
    /// For indicators as columns: the row with its column's name added,
    /// and its cells' bounds.
    wide_record: ByteRecord,
    wide_bounds: Vec<std::ops::Range<usize>>,
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
        if layout.region.is_some() {
            table.note_region_column(file_id);
        }
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
            next_names: NextName::default(),
            last_region: LastCell::default(),
            last_year: LastCell::default(),
            last_source: LastCell::default(),
            default_region: None,
            sheet_region: None,
            year_of_column: None,
            wide_record: ByteRecord::new(),
            wide_bounds: Vec::new(),
        }
    }

    /// Rows without a region column are of `region` (a worksheet named by
    /// its district), not of the plan's region.
    pub fn in_region(mut self, region: Option<&str>, table: &mut Observations) -> Self {
        if let Some(region) = region
            && self.layout.region.is_none()
        {
            self.sheet_region = Some(region.to_owned());
            // Its rows name their region, as a column's would.
            table.note_region_column(self.file_id);
        }
        self
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
        record: &Cells,
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
        record: &Cells,
        stored: &[(usize, StoredNumber)],
        line: u64,
        table: &mut Observations,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Diagnostic> {
        // A workbook's cells are where they are: one right of the header's
        // last is under no header, not a row of the wrong width.
        let whole = *record;
        // Cells under no header: a note or two beside the table is said; a
        // row of thousands past the header is no table row (a reviewer's 20
        // million made 16 GB of warnings): as a CSV row wider than its
        // header, refused — and then without a warning for each.
        let start = warnings.len();
        let record = &if self.sheet.is_some() && record.len() > self.layout.width {
            let mut unheaded = 0usize;
            for column in self.layout.width..whole.len() {
                let cell = trim_bytes(&whole[column]);
                if !cell.is_empty() {
                    unheaded += 1;
                    if unheaded > MAX_UNHEADED {
                        warnings.truncate(start);
                        return Err(self.too_many_unheaded(line));
                    }
                    warnings.push(self.unheaded(cell, column, line));
                }
            }
            whole.first(self.layout.width)
        } else {
            whole
        };
        if record.len() != self.layout.width {
            if is_blank(record.iter()) {
                return Ok(());
            }
            if let Some(note) = self.note_row(record, line) {
                warnings.push(note);
                return Ok(());
            }
            return Err(self.width_error(record, line));
        }
        let mut unheaded = warnings.len() - start;
        for &column in &self.layout.unheaded {
            let cell = trim_bytes(&record[column]);
            if !cell.is_empty() {
                unheaded += 1;
                if unheaded > MAX_UNHEADED {
                    warnings.truncate(start);
                    return Err(self.too_many_unheaded(line));
                }
                warnings.push(self.unheaded(cell, column, line));
            }
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
                if is_blank(record.iter()) {
                    return Ok(());
                }
                // The row with one more cell, past its last: the column's name.
                let mut wide = std::mem::take(&mut self.wide_record);
                let mut bounds = std::mem::take(&mut self.wide_bounds);
                let mut read = Ok(());
                for (column, name) in names.iter() {
                    wide.clear();
                    for cell in record.iter() {
                        wide.push_field(cell);
                    }
                    wide.push_field(name);
                    self.layout.value = *column;
                    let cells = Cells::of(&wide, &mut bounds);
                    read = self.read_figure(&cells, number_at(*column), line, table, warnings);
                    if read.is_err() {
                        break;
                    }
                }
                self.wide_record = wide;
                self.wide_bounds = bounds;
                read
            }
        }
    }

    /// Reads the figure at the layout's value column of a row of the header's width
    /// (for indicators as columns, one cell more: the name).
    fn read_figure(
        &mut self,
        record: &Cells,
        stored: Option<StoredNumber>,
        line: u64,
        table: &mut Observations,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Diagnostic> {
        let layout = &self.layout;
        let name_raw = &record[layout.indicator];
        if blank_cell(name_raw) {
            if is_blank(record.iter()) {
                return Ok(());
            }
            if let Some(note) = self.note_row(record, line) {
                warnings.push(note);
                return Ok(());
            }
            return Err(self.place(line).error(
                Code::S002,
                Some(layout.indicator),
                Text::new("这一行没有填指标名称", "this row has no indicator name"),
            ));
        }

        // 合计, 全市, 汇总 in the region column: the regions' total, no region
        // (it was judged, counted and ranked as one, or refused for its
        // summed figures as a slip: a reviewer's city workbooks).
        // (A region's cell equal to the last row's is that region: no total.)
        if let Some(column) = self.layout.region
            && self.last_region.get(&record[column]).is_none()
            && let Some(total) = total_row(
                &record[column],
                self.plans.default_region().chars().next_back(),
            )
        {
            // A wide row's cells are read one by one: one warning a row.
            if warnings
                .last()
                .is_some_and(|w| w.code == Code::S028 && w.line == Some(line))
            {
                return Ok(());
            }
            warnings.push(
                self.place(line)
                    .error(
                        Code::S028,
                        Some(column),
                        Text::new(
                            format!("地区“{total}”是汇总行，不作为一个地区检查"),
                            format!(
                                "the region \"{total}\" is a total row, not judged as a region"
                            ),
                        ),
                    )
                    .as_warning(),
            );
            return Ok(());
        }
        let (region, plan_index) = self.region(record, line, table)?;
        // A row that names its region says it in its messages (a city's long
        // file: the district's staff fix it).
        if self.layout.region.is_none() && self.sheet_region.is_none() {
            return self.read_figure_of(
                record,
                stored,
                line,
                table,
                warnings,
                (region, plan_index),
            );
        }
        let from = warnings.len();
        let read = self.read_figure_of(record, stored, line, table, warnings, (region, plan_index));
        let name = || table.regions.get(region).to_owned();
        for w in &mut warnings[from..] {
            if w.region.is_none() {
                w.region = Some(name());
            }
        }
        read.map_err(|d| d.for_region(name()))
    }

    /// [`Self::read_figure`] past the region: the indicator, its figure and year.
    fn read_figure_of(
        &mut self,
        record: &Cells,
        stored: Option<StoredNumber>,
        line: u64,
        table: &mut Observations,
        warnings: &mut Vec<Diagnostic>,
        (region, plan_index): (Id, usize),
    ) -> Result<(), Diagnostic> {
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
                        Code::S013,
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
}

/// Trims ASCII white space (the fast path's trim; the full readers trim Unicode too).
fn trim_bytes(raw: &[u8]) -> &[u8] {
    raw.trim_ascii()
}

/// The indicators `candidates` as a message lists them, in Chinese and in
/// English: `分类/名称（id）`.
fn list_candidates(plan: &Plan, candidates: &[IndicatorIdx]) -> (String, String) {
    let named = |zh: bool| {
        candidates
            .iter()
            .map(|&i| {
                let ind = &plan.indicators[i as usize];
                let (category, name, id) = (&ind.category, ind.display_name(), &ind.id);
                if zh {
                    format!("{category}/{name}（{id}）")
                } else {
                    format!("{category}/{name} ({id})")
                }
            })
            .collect::<Vec<_>>()
            .join(if zh { "、" } else { ", " })
    };
    (named(true), named(false))
}

#[cfg(test)]
mod tests {
    use super::NextName;

    #[test]
    fn the_name_after_the_last_is_found_by_comparison_and_any_other_is_not() {
        let mut next = NextName::default();
        // Nothing learnt: every name goes to the full lookup.
        assert_eq!(next.get(b"a"), None);
        next.learn(b"a", 0);
        next.learn(b"b", 1);
        next.learn(b"c", 2);
        // A new region starts again at "a": not yet seen after "c".
        assert_eq!(next.get(b"a"), None);
        next.learn(b"a", 0);
        assert_eq!(next.get(b"b"), Some(1));
        assert_eq!(next.get(b"c"), Some(2));
        assert_eq!(next.get(b"a"), Some(0));
        // Another order: "c" after "a" is not what came last time, and
        // once looked up it is what is remembered.
        assert_eq!(next.get(b"c"), None);
        next.learn(b"c", 2);
        assert_eq!(next.get(b"b"), None);
        next.learn(b"b", 1);
        assert_eq!(next.get(b"a"), None);
        next.learn(b"a", 0);
        assert_eq!(next.get(b"c"), Some(2));
        // A name is never taken for another that starts the same.
        assert_eq!(next.get(b"b2"), None);
    }
}
