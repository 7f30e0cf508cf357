//! The plan: its metadata and its indicators, each with the target as printed and
//! the machine rule that judges it. Loaded from TOML by [`load`], checked for
//! consistency by [`consistency`].

pub mod consistency;
pub mod load;
pub mod set;
pub mod target;

use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

pub use load::{find_plan_file, load_plan, parse_plan};
pub use set::{PlanSet, load_plan_set};
pub use target::{Comparator, Form, Reading, parse_comparator, read_target};

/// Index of an indicator in [`Plan::indicators`]; compact, so observations stay small.
pub type IndicatorIdx = u16;

/// Default pace ratio from which an on-track indicator counts as ahead of schedule.
pub const DEFAULT_AHEAD_RATIO: f64 = 1.1;

#[derive(Debug, Clone)]
pub struct PlanMeta {
    pub id: String,
    pub title: String,
    pub region: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<String>,
    pub table: Option<String>,
    pub source: Option<String>,
    pub baseline_year: i32,
    pub target_year: i32,
    /// Pace ratio at or above which `on_track` reads as ahead of schedule (period view).
    pub ahead_ratio: f64,
    /// With several plans: this one judges the regions no plan names.
    pub is_default: bool,
    /// The half-width, in percent of the value, of a target printed as
    /// `N左右` or `约N` (default [`DEFAULT_ABOUT_PCT`]).
    pub about_pct: f64,
    /// How a target printed as a bare number reads when its indicator has no
    /// `rule`: `None` means it must have one.
    pub bare_numbers: Option<BareNumbers>,
}

/// The band around a value printed as `左右`/`约`, when the plan does not say.
pub const DEFAULT_ABOUT_PCT: f64 = 5.0;

/// A plan-wide reading of targets printed as bare numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BareNumbers {
    /// Toward the target from the baseline: a target above the baseline is a
    /// floor to reach (at least), below it a ceiling (at most).
    TowardTarget,
}

/// A requirement the plan sets for one year (an annual plan's figure).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearRequirement {
    /// `≥18.5`, `5%以上`.
    Threshold(Threshold),
    /// `5左右`: within the plan's `about_pct` of the value.
    About { value: f64, tolerance_pct: f64 },
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// The file the plan was read from, as given.
    pub path: String,
    pub meta: PlanMeta,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// 约束性: a failure fails the run.
    Binding,
    /// 预期性: a failure is a warning unless `--strict`.
    Expected,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub category: String,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    /// The target as printed in the plan (`＞97`, `55`, `保持在合理区间`).
    pub target_text: String,
    pub attribute: Attribute,
    pub rule: Rule,
    /// For a `其中` row: the index of the total it is part of.
    pub part_of: Option<IndicatorIdx>,
    /// Requirements set for one year (annual plans), replacing the schedule that year.
    pub year_requirements: BTreeMap<i32, YearRequirement>,
    /// The values a figure can take at all.
    pub valid: Valid,
    /// Line of the `[[indicator]]` table in the plan file.
    pub line: usize,
}

/// The values a figure of an indicator can take at all (a share 0–100, a
/// count ≥ 0): a figure outside is a mistake in the data, never a result. The
/// plan states it (`valid = { min = 0, max = 100 }`); a count or an amount
/// of money is at least 0 by its unit.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Valid {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// Units of things counted or amounts of money, never negative.
pub const NON_NEGATIVE_UNITS: &[&str] = &[
    "人",
    "千人",
    "万人",
    "亿人",
    "人次",
    "万人次",
    "元",
    "千元",
    "万元",
    "百万元",
    "亿元",
    "所",
    "个",
    "项",
    "件",
    "台",
    "张",
    "户",
    "家",
    "名",
    "座",
    "千克",
    "公斤",
    "吨",
    "万吨",
    "平方米",
    "万平方米",
    "公里",
    "千米",
    "岁",
    "年",
    "小时",
    "天",
];

impl Valid {
    /// The range a unit implies: at least 0 for counts and money, else none.
    pub fn for_unit(unit: &str) -> Valid {
        let unit = crate::number::trim_all(unit);
        Valid {
            min: NON_NEGATIVE_UNITS.contains(&unit).then_some(0.0),
            max: None,
        }
    }

    pub fn contains(&self, value: f64) -> bool {
        self.min.is_none_or(|min| value >= min) && self.max.is_none_or(|max| value <= max)
    }

    /// `[0, 100]`, `≥ 0`, `≤ 100`.
    pub fn describe(&self) -> String {
        match (self.min, self.max) {
            (Some(min), Some(max)) => format!("[{min}, {max}]"),
            (Some(min), None) => format!("≥ {min}"),
            (None, Some(max)) => format!("≤ {max}"),
            (None, None) => "any".to_owned(),
        }
    }
}

impl Indicator {
    /// The name as the plan table shows it: `其中：普通小学` for a part.
    pub fn display_name(&self) -> String {
        display_name(&self.name, self.part_of.is_some())
    }
}

/// How the plan table shows a name: a `其中` part carries the prefix.
pub fn display_name(name: &str, is_part: bool) -> String {
    if is_part {
        format!("其中：{name}")
    } else {
        name.to_owned()
    }
}

/// A one-sided requirement: `value` compared with `cmp`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    pub cmp: Comparator,
    pub value: f64,
}

impl Threshold {
    pub fn holds(&self, actual: f64) -> bool {
        self.cmp.holds(actual, self.value)
    }
}

/// How an indicator is judged.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// Reach (or stay beyond) a value; the schedule runs from the baseline to it.
    Threshold(Threshold),
    /// Stay within `[min, max]` every year.
    Range { min: f64, max: f64 },
    /// A projection (enrolment counts): within `tolerance_pct` % of the
    /// time-proportional value between baseline and `value`.
    Projection { value: f64, tolerance_pct: f64 },
    /// Shown, not judged (a qualitative goal).
    NotAssessed,
}
