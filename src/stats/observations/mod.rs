//! The table of observations keyed by (region, year, indicator): each
//! figure 24 bytes, regions, files and sources interned, rows appended as
//! read and sorted once when the input is complete, when duplicates are
//! found. Strings are held by [`Interner`] (`interner.rs`).

use super::*;
use crate::diagnostic::Code;

/// Between a row's 来源 and its 备注 when it has both, in the one stored
/// text of [`Observation::source`].
pub const REMARK_MARK: &[u8] = b"\x1f";

/// A row's stored 来源/备注 text as (来源, 备注): the 来源, or the 备注 when
/// the row has no 来源; and the 备注 beside a 来源.
pub fn source_text(text: &str) -> (&str, Option<&str>) {
    match text.split_once('\u{1f}') {
        Some((source, remark)) => (source, Some(remark)),
        None => (text, None),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub region: Id,
    pub year: i32,
    pub indicator: IndicatorIdx,
}

/// Where a figure was read: the file and the 1-based line (for a workbook, the row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub file: Id,
    pub line: u64,
}

/// A figure as the rest of the program sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    /// `None`: the row is there but the figure is not reported (empty cell, `—`).
    pub value: Option<f64>,
    pub origin: Origin,
    /// The row's 来源 and 备注 text (read with [`source_text`]).
    pub source: Option<Id>,
    /// The figure as submitted, when it was converted from another unit.
    pub converted_from: Option<Converted>,
}

/// A figure as submitted in a unit other than the plan's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Converted {
    pub value: f64,
    pub unit: Id,
}

/// One stored observation: 24 bytes.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// NaN: not reported.
    value: f64,
    region: Id,
    /// The line counted across every file of the run; see [`Observations::origin`].
    line: u32,
    /// Source text id + 1; 0 for none.
    source: u32,
    indicator: IndicatorIdx,
    /// Year − 1900.
    year: u16,
}

impl Entry {
    fn key(&self) -> Key {
        Key {
            region: self.region,
            year: i32::from(self.year) + 1900,
            indicator: self.indicator,
        }
    }
}

/// All figures of a run.
#[derive(Debug, Default, Clone)]
pub struct Observations {
    pub files: Interner,
    pub regions: Interner,
    pub sources: Interner,
    pub units: Interner,
    entries: Vec<Entry>,
    /// For each file, the run-wide line number its line 1 has.
    file_starts: Vec<u32>,
    converted: FxHashMap<Key, Converted>,
    /// One past the largest run-wide line number stored.
    next_line: u32,
    sorted: bool,
    /// By file: whether its rows name their region in a column.
    region_columns: Vec<bool>,
}

/// A place in [`Observations`] to go back to.
#[derive(Debug, Clone, Copy)]
pub struct Checkpoint {
    entries: usize,
    next_line: u32,
}

/// Years a run may hold: what fits the compact store.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=(1900 + u16::MAX as i32);

impl Observations {
    /// An empty table with room for `entries` figures of `regions` regions (a
    /// block of a file is read into one sized like the block before).
    pub fn with_capacity(entries: usize, regions: usize) -> Self {
        let mut table = Observations::default();
        table.entries.reserve(entries);
        table.regions.reserve(regions);
        table
    }

    /// How many figures and regions the table holds.
    pub fn size(&self) -> (usize, usize) {
        (self.entries.len(), self.regions.len())
    }

    /// Where the table stands, to take back what a file added if it fails.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            entries: self.entries.len(),
            next_line: self.next_line,
        }
    }

    /// Takes out every figure added since `checkpoint` (the strings interned
    /// since stay, unused).
    pub fn rollback(&mut self, checkpoint: Checkpoint) {
        if self.entries.len() == checkpoint.entries {
            return;
        }
        self.entries.truncate(checkpoint.entries);
        let kept: std::collections::HashSet<Key> = self.entries.iter().map(Entry::key).collect();
        self.converted.retain(|key, _| kept.contains(key));
        self.next_line = checkpoint.next_line;
    }

    /// Starts a new file; its lines are counted from here.
    pub fn begin_file(&mut self, name: &str) -> Id {
        let next_start = self
            .next_line
            .max(self.file_starts.last().copied().unwrap_or(0));
        let id = self.files.intern(name);
        if id as usize == self.file_starts.len() {
            self.file_starts.push(next_start);
        }
        id
    }

    /// Notes that `file`'s rows name their region in a column (a clash
    /// between two such files is not two regions' files read as one).
    pub fn note_region_column(&mut self, file: Id) {
        let file = file as usize;
        if self.region_columns.len() <= file {
            self.region_columns.resize(file + 1, false);
        }
        self.region_columns[file] = true;
    }

    /// Where some files name their region in a column and others do not,
    /// the others (their rows are the plan's region): a district's return
    /// without the column, in a city's folder, is read as the plan's region.
    pub fn files_without_region_column(&self) -> Vec<&str> {
        if !self.region_columns.contains(&true) {
            return Vec::new();
        }
        (0..self.files.len())
            .filter(|&f| self.region_columns.get(f) != Some(&true))
            .map(|f| self.files.get(f as Id))
            .collect()
    }

    /// Adds a figure. Duplicates are found by [`Observations::finish`].
    pub fn push(&mut self, key: Key, observation: Observation) -> Result<(), Diagnostic> {
        let file = observation.origin.file;
        let start = self.file_starts.get(file as usize).copied().unwrap_or(0);
        if !YEARS.contains(&key.year) {
            return Err(Diagnostic::error(
                Code::S008,
                self.files.get(file),
                Text::new(
                    format!(
                        "年份 {} 超出可处理的范围（{}–{}）",
                        key.year,
                        YEARS.start(),
                        YEARS.end()
                    ),
                    format!(
                        "the year {} is outside the range this tool handles ({}–{})",
                        key.year,
                        YEARS.start(),
                        YEARS.end()
                    ),
                ),
            )
            .at_line(observation.origin.line));
        }
        let line = u32::try_from(observation.origin.line)
            .ok()
            .and_then(|l| l.checked_add(start));
        let Some(line) = line else {
            return Err(self.too_large(file, observation.origin.line));
        };
        if let Some(c) = observation.converted_from {
            self.converted.insert(key, c);
        }
        self.next_line = self.next_line.max(line.saturating_add(1));
        self.entries.push(Entry {
            value: observation.value.unwrap_or(f64::NAN),
            region: key.region,
            line,
            source: observation.source.map_or(0, |s| s + 1),
            indicator: key.indicator,
            year: (key.year - 1900) as u16,
        });
        self.sorted = false;
        Ok(())
    }

    fn too_large(&self, file: Id, line: u64) -> Diagnostic {
        Diagnostic::error(
            Code::S009,
            self.files.get(file),
            Text::new(
                "输入过大：所有文件合计超过 40 亿行，请分批检查",
                "the input is too large: over four billion lines in all files; check it in parts",
            ),
        )
        .at_line(line)
    }

    /// Moves in the figures of `part`: a piece of the file `file` read into a
    /// table of its own, its lines counted from 1, its line 1 being line
    /// `first_line` of the file. Regions and sources keep the order in which
    /// they were first seen, so parts appended in the file's order give the
    /// table reading the whole file would.
    pub fn append(
        &mut self,
        file: Id,
        first_line: u64,
        part: Observations,
    ) -> Result<(), Diagnostic> {
        let regions = self.regions.intern_all(&part.regions);
        let sources = self.sources.intern_all(&part.sources);
        let units = self.units.intern_all(&part.units);
        let start = u64::from(self.file_starts.get(file as usize).copied().unwrap_or(0));
        let shift = start + first_line.saturating_sub(1);
        self.entries.reserve(part.entries.len());
        for e in &part.entries {
            let Some(line) = u32::try_from(shift + u64::from(e.line)).ok() else {
                return Err(self.too_large(file, first_line - 1 + u64::from(e.line)));
            };
            self.next_line = self.next_line.max(line.saturating_add(1));
            self.entries.push(Entry {
                region: regions[e.region as usize],
                source: match e.source {
                    0 => 0,
                    s => sources[s as usize - 1] + 1,
                },
                line,
                ..*e
            });
        }
        for (key, c) in part.converted {
            let key = Key {
                region: regions[key.region as usize],
                ..key
            };
            let c = Converted {
                unit: units[c.unit as usize],
                ..c
            };
            self.converted.insert(key, c);
        }
        self.sorted = false;
        Ok(())
    }

    /// Sorts the table and checks that no key was reported twice. A region
    /// with a key reported twice cannot be judged: its figures are taken out
    /// of the table, and its clash is given back, the error naming both
    /// places (two different figures say most, else the first repeat) and
    /// the indicator as `name_of(region, indicator)` gives it. The other
    /// regions stay, to be judged. `default_region` is the region rows
    /// without a region column are read as (the hint differs for it).
    pub fn finish(
        &mut self,
        name_of: impl Fn(&str, IndicatorIdx) -> String,
        default_region: &str,
    ) -> Result<(), Vec<Clash>> {
        let order = |e: &Entry| (e.region, e.year, e.indicator, e.line);
        // A long file written region by region is often in order already; one
        // written year by year is a few ordered runs, which the stable sort
        // finds and merges (1M rows by year: 0.13 s instead of 0.15 s).
        if !self.entries.is_sorted_by_key(order) {
            self.entries.sort_by_key(order);
        }
        self.sorted = true;
        let same = |w: &[Entry]| w[0].key() == w[1].key();
        let differ = |w: &&[Entry]| same(w) && w[0].value.to_bits() != w[1].value.to_bits();
        // One pass when nothing repeats (the usual case); else one clash per
        // region, from its first repeat on.
        let mut clashes = Vec::new();
        let mut left_out: Vec<Id> = Vec::new();
        let mut from = 0;
        while let Some(offset) = self.entries[from..].windows(2).position(same) {
            let at = from + offset;
            let region = self.entries[at].region;
            let end = at + self.entries[at..].partition_point(|e| e.region == region);
            let run = &self.entries[at..end];
            let pair = run.windows(2).find(differ).unwrap_or(&run[..2]);
            clashes.push(Clash {
                region: self.regions.get(region).to_owned(),
                error: self.clash_error(pair, &name_of, default_region),
            });
            left_out.push(region);
            from = end;
        }
        if clashes.is_empty() {
            return Ok(());
        }
        self.entries.retain(|e| !left_out.contains(&e.region));
        self.converted
            .retain(|key, _| !left_out.contains(&key.region));
        Err(clashes)
    }

    /// The error of a key reported twice, at `pair`.
    fn clash_error(
        &self,
        pair: &[Entry],
        name_of: &impl Fn(&str, IndicatorIdx) -> String,
        default_region: &str,
    ) -> Diagnostic {
        let (first, second) = (self.origin(pair[0].line), self.origin(pair[1].line));
        let year = pair[0].key().year;
        let first_place = format!("{}:{}", self.files.get(first.file), first.line);
        let region = self.regions.get(pair[0].region);
        let figure = |v: f64| {
            if v.is_nan() {
                "空".to_owned()
            } else {
                crate::number::display(v)
            }
        };
        let (a, b) = (figure(pair[0].value), figure(pair[1].value));
        let (figures_zh, figures_en) = if a == b {
            (format!("两处都是 {a}"), format!("both {a}"))
        } else {
            (
                format!("那里是 {a}，这里是 {b}"),
                format!("{a} there, {b} here"),
            )
        };
        let mut d = Diagnostic::error(
            Code::S005,
            self.files.get(second.file),
            Text::new(
                format!(
                    "{year}年的这一指标已在 {first_place} 填报过（{figures_zh}），同一指标同一年只能填一次"
                ),
                format!(
                    "this indicator is already reported for {year} at {first_place} ({figures_en}); report each year's figure once"
                ),
            ),
        )
        .at_line(second.line)
        .for_indicator(name_of(region, pair[0].indicator));
        let named_in_rows = [first.file, second.file]
            .iter()
            .all(|&f| self.region_columns.get(f as usize) == Some(&true));
        if first.file != second.file
            && !named_in_rows
            && (region.is_empty() || region == default_region)
        {
            // Two files read as one region: often two regions' files without a region column.
            let shown = if region.is_empty() {
                "（未写明）"
            } else {
                region
            };
            d = d.with_hint(Text::new(
                format!(
                    "两个文件都按地区“{shown}”读取。若是不同地区的报表，请在文件中加“地区”列（plan-check template --region 地区名 生成带地区列的模板）；若是同一地区的补报，请只保留一处"
                ),
                format!(
                    "both files are read as the region \"{shown}\". If they are different regions' files, add a region column (plan-check template --region NAME writes a template with one); if one corrects the other, keep one of the two"
                ),
            ));
        } else if first.file != second.file {
            // Both files name the region in their rows: one corrects or copies the other.
            d = d.with_hint(Text::new(
                format!(
                    "两个文件都报了地区“{region}”的这一指标：若一个是另一个的修订或副本，请只保留一个"
                ),
                format!(
                    "both files report this indicator for \"{region}\": if one corrects or copies the other, keep one of the two"
                ),
            ));
        }
        d
    }

    /// The file and line of a run-wide line number.
    fn origin(&self, line: u32) -> Origin {
        let file = self
            .file_starts
            .partition_point(|&s| s <= line)
            .saturating_sub(1);
        Origin {
            file: file as Id,
            line: u64::from(line - self.file_starts.get(file).copied().unwrap_or(0)),
        }
    }

    fn find(&self, key: &Key) -> Option<&Entry> {
        debug_assert!(self.sorted, "finish() before reading");
        self.entries
            .binary_search_by(|e| e.key().cmp(key))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// The figure at `key` alone: no origin, no conversion looked up.
    pub fn value(&self, key: &Key) -> Option<f64> {
        self.find(key)
            .and_then(|e| (!e.value.is_nan()).then_some(e.value))
    }

    pub fn get(&self, key: &Key) -> Option<Observation> {
        self.find(key).map(|e| Observation {
            value: (!e.value.is_nan()).then_some(e.value),
            origin: self.origin(e.line),
            source: e.source.checked_sub(1),
            converted_from: self.converted.get(key).copied(),
        })
    }

    /// The figure at `key`, looked for among the figures of `groups` alone:
    /// one region's (region, year) pairs, whose figures lie together in the
    /// sorted table (a search of a region's few dozen figures, not of them all).
    pub fn value_within(&self, groups: &[RegionYear], key: &Key) -> Option<f64> {
        debug_assert!(self.sorted, "finish() before reading");
        let (Some(first), Some(last)) = (groups.first(), groups.last()) else {
            return None;
        };
        let entries = self.entries.get(first.start..last.end).unwrap_or_default();
        entries
            .binary_search_by(|e| e.key().cmp(key))
            .ok()
            .map(|i| entries[i].value)
            .filter(|v| !v.is_nan())
    }

    /// The figures of one region and year by indicator, in `indicators` slots:
    /// a scan of the group's own entries, no search.
    pub fn values(&self, group: &RegionYear, indicators: usize) -> Vec<Option<f64>> {
        debug_assert!(self.sorted, "finish() before reading");
        let mut out = vec![None; indicators];
        let entries = self.entries.get(group.start..group.end).unwrap_or_default();
        for e in entries {
            if let Some(slot) = out.get_mut(e.indicator as usize) {
                *slot = (!e.value.is_nan()).then_some(e.value);
            }
        }
        out
    }

    /// Each file's years: (file, year, how many figures, the first line of
    /// that year), by file and year. Counted for a run of up to `limit`
    /// figures (a file typed by hand), else nothing.
    pub fn years_by_file(&self, limit: usize) -> Vec<(Id, i32, usize, u64)> {
        if self.entries.len() > limit {
            return Vec::new();
        }
        let mut out: Vec<(Id, i32, usize, u64)> = Vec::new();
        for e in &self.entries {
            let origin = self.origin(e.line);
            let year = i32::from(e.year) + 1900;
            match out
                .iter_mut()
                .find(|(f, y, ..)| *f == origin.file && *y == year)
            {
                Some((_, _, count, first)) => {
                    *count += 1;
                    *first = (*first).min(origin.line);
                }
                None => out.push((origin.file, year, 1, origin.line)),
            }
        }
        out.sort_unstable();
        out
    }

    /// The distinct (region, year) pairs, in order, each with where its
    /// figures lie in the table.
    pub fn region_years(&self) -> Vec<RegionYear> {
        debug_assert!(self.sorted, "finish() before reading");
        let mut out: Vec<RegionYear> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let year = i32::from(e.year) + 1900;
            match out.last_mut() {
                Some(last) if last.region == e.region && last.year == year => last.end = i + 1,
                _ => out.push(RegionYear {
                    region: e.region,
                    year,
                    start: i,
                    end: i + 1,
                }),
            }
        }
        out
    }
}

/// A region with a figure reported twice: left out of the judgement.
#[derive(Debug, Clone)]
pub struct Clash {
    /// The region as its rows name it (empty: no region column).
    pub region: String,
    pub error: Diagnostic,
}

impl Clash {
    /// The errors of `clashes`, for a caller that stops on any.
    pub fn errors(clashes: Vec<Clash>) -> Vec<Diagnostic> {
        clashes.into_iter().map(|c| c.error).collect()
    }
}

/// One region's figures for one year: a run of the sorted table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionYear {
    pub region: Id,
    pub year: i32,
    start: usize,
    end: usize,
}

#[cfg(test)]
mod tests;
