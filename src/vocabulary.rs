//! The words the plan, the assessment and the renderers share: an
//! indicator's attribute (约束性/预期性), how it is judged (`Rule` and its
//! parts) and a year's own requirement. The plan reads them from its file
//! (the plan module), the assessment judges by them, the renderers print them;
//! none of these types reads or judges anything.

use schemars::JsonSchema;
use serde::Serialize;
use std::fmt;

/// Index of an indicator in the plan's list; compact, so observations stay small.
pub type IndicatorIdx = u16;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum Comparator {
    #[serde(rename = ">")]
    Greater,
    #[serde(rename = ">=")]
    GreaterOrEqual,
    #[serde(rename = "<")]
    Less,
    #[serde(rename = "<=")]
    LessOrEqual,
}

impl Comparator {
    pub fn holds(self, actual: f64, bound: f64) -> bool {
        match self {
            Comparator::Greater => actual > bound,
            Comparator::GreaterOrEqual => actual >= bound,
            Comparator::Less => actual < bound,
            Comparator::LessOrEqual => actual <= bound,
        }
    }

    /// The same direction, with equality allowed: used for the time-proportional
    /// value of a year, which is met when reached exactly.
    pub fn inclusive(self) -> Comparator {
        match self {
            Comparator::Greater | Comparator::GreaterOrEqual => Comparator::GreaterOrEqual,
            Comparator::Less | Comparator::LessOrEqual => Comparator::LessOrEqual,
        }
    }

    /// The same direction, the bound itself excluded (`6人（不含）以下`).
    pub fn strict(self) -> Comparator {
        match self {
            Comparator::Greater | Comparator::GreaterOrEqual => Comparator::Greater,
            Comparator::Less | Comparator::LessOrEqual => Comparator::Less,
        }
    }

    /// True when a larger value is better.
    pub fn wants_more(self) -> bool {
        matches!(self, Comparator::Greater | Comparator::GreaterOrEqual)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Greater => ">",
            Comparator::GreaterOrEqual => "≥",
            Comparator::Less => "<",
            Comparator::LessOrEqual => "≤",
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// 约束性: a failure fails the run.
    Binding,
    /// 预期性: a failure is a warning unless `--strict`.
    Expected,
}

/// A requirement the plan sets for one year (an annual plan's figure).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearRequirement {
    /// `≥18.5`, `5%以上`.
    Threshold(Threshold),
    /// `5左右`: within the plan's `about_pct` of the value.
    About { value: f64, tolerance_pct: f64 },
    /// `4.5%-5%`: within `[min, max]`.
    Between { min: f64, max: f64 },
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

/// How the cumulative change of a `〔N〕` target is made from the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accumulate {
    /// Yearly changes in percent, compounded: 1 − ∏(1 − dᵢ/100).
    Compound,
    /// Yearly changes in the unit (points, years), added.
    Sum,
    /// Levels: the year's level less the baseline.
    LevelChange,
}

impl Accumulate {
    /// How a total of yearly changes in `unit` is made: percentages
    /// compound, other units add up.
    pub fn of_yearly_changes(unit: &str) -> Accumulate {
        if unit.trim().replace('％', "%") == "%" {
            Accumulate::Compound
        } else {
            Accumulate::Sum
        }
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
    /// A target to reach give or take `tolerance_pct` %, in the direction
    /// `cmp` (≥ or ≤) the baseline lies from it (`1.45左右` from 1.39).
    About {
        value: f64,
        tolerance_pct: f64,
        cmp: Comparator,
    },
    /// A requirement held in every year (`城镇调查失业率 ＜5.5`), on the
    /// year's figure or, with `average`, on the compound average of the
    /// yearly rates to date (`研发经费投入年均增长 ＞7`).
    Annual {
        each: YearRequirement,
        average: bool,
    },
    /// A cumulative change over the period (`〔17〕`), made `from` the
    /// figures as [`Accumulate`] says; held against its time-proportional
    /// share. `strict`: the printed sign excludes the total (`[>5000]`, read
    /// as `＞97` is): the target year asks for more than it.
    Cumulative {
        total: f64,
        from: Accumulate,
        strict: bool,
    },
    /// A cap on the cumulative total over the period (`[<3256]`): made `from`
    /// the figures as [`Accumulate`] says, at most `total` in every year
    /// (`strict`: less than it, as `<` is printed; `[≤3256]` allows it).
    CumulativeCap {
        total: f64,
        from: Accumulate,
        strict: bool,
    },
    /// A cumulative total over the period to end within `[min, max]`
    /// (`〔3000—4000〕`), made `from` the figures: the lower end's
    /// time-proportional share before the target year, never past `max`.
    CumulativeRange {
        min: f64,
        max: f64,
        from: Accumulate,
    },
    /// Relative to another indicator's figure of the same region and year:
    /// `cmp` it (`高于GDP增长`), or in step with it (`None`: within
    /// `tolerance_pct` percent of it, `与GDP增长同步`).
    Relative {
        to: IndicatorIdx,
        cmp: Option<Comparator>,
        tolerance_pct: f64,
        /// `cmp` the other figure plus this (`高于GDP增长1个百分点`: +1).
        margin: f64,
    },
    /// Shown, not judged (a qualitative goal).
    NotAssessed,
}
