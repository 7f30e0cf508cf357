//! The statistics of a run: every input becomes one table of observations keyed
//! by (region, year, indicator). Each key may be reported once; a second report
//! is an error naming both places.

pub mod csv_input;
pub mod decode;
pub mod resolve;
pub mod units;

use crate::diagnostic::{Diagnostic, Text};
use crate::plan::IndicatorIdx;
use std::collections::{BTreeMap, HashMap};

pub use csv_input::{LoadOptions, load_csv_path};
pub use resolve::Resolver;

/// Compact id of an interned string (a region, a file, a source text).
pub type Id = u32;

/// Strings seen many times (regions, sources), stored once.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    names: Vec<String>,
    ids: HashMap<String, Id>,
}

impl Interner {
    pub fn intern(&mut self, name: &str) -> Id {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as Id;
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    pub fn get(&self, id: Id) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub region: Id,
    pub year: i32,
    pub indicator: IndicatorIdx,
}

/// Where a figure was read: the file and the 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub file: Id,
    pub line: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    /// `None`: the row is there but the figure is not reported (empty cell, `—`).
    pub value: Option<f64>,
    pub origin: Origin,
    /// The row's 来源 (or else 备注) text.
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

/// All figures of a run.
#[derive(Debug, Default, Clone)]
pub struct Observations {
    pub files: Interner,
    pub regions: Interner,
    pub sources: Interner,
    pub units: Interner,
    entries: BTreeMap<Key, Observation>,
}

impl Observations {
    /// Adds a figure; a second figure for the same key is an error naming both places.
    pub fn insert(&mut self, key: Key, observation: Observation) -> Result<(), Diagnostic> {
        if let Some(first) = self.entries.get(&key) {
            let first_place = format!(
                "{}:{}",
                self.files.get(first.origin.file),
                first.origin.line
            );
            return Err(Diagnostic::error(
                "S005",
                self.files.get(observation.origin.file),
                Text::new(
                    format!(
                        "{}年的这一指标已在 {first_place} 填报过，同一指标同一年只能填一次",
                        key.year
                    ),
                    format!(
                        "this indicator is already reported for {} at {first_place}; report it once a year",
                        key.year
                    ),
                ),
            )
            .at_line(observation.origin.line));
        }
        self.entries.insert(key, observation);
        Ok(())
    }

    pub fn get(&self, key: &Key) -> Option<&Observation> {
        self.entries.get(key)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The distinct (region, year) pairs, in order.
    pub fn region_years(&self) -> Vec<(Id, i32)> {
        let mut out: Vec<(Id, i32)> = Vec::new();
        for key in self.entries.keys() {
            if out.last() != Some(&(key.region, key.year)) {
                out.push((key.region, key.year));
            }
        }
        out
    }
}
