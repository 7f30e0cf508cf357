//! The plan: its metadata and its indicators, each with the target as printed and
//! the machine rule that judges it. Loaded from TOML by [`load`], checked for
//! consistency by [`consistency`].

pub mod consistency;
pub mod load;
pub mod plausible;
pub mod row;
pub mod set;
pub mod target;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::vocabulary::{
    Accumulate, Attribute, Comparator, IndicatorIdx, Rule, Threshold, YearRequirement,
};
pub use load::{find_plan_file, load_plan, parse_plan};
pub use set::{PlanSet, load_plan_set};
pub use target::{Form, Reading, parse_comparator, read_target};

/// Default pace ratio from which an on-track indicator counts as ahead of
/// schedule (快于预期). Ours, not a published band: set it in the plan.
pub const DEFAULT_AHEAD_RATIO: f64 = 1.1;

/// Default pace ratio from which an indicator short of this year's
/// requirement still reads as 基本符合预期: Eurostat's SDG monitoring band
/// for "significant progress" (at least 95 % of the required pace).
pub const DEFAULT_ON_SCHEDULE_RATIO: f64 = 0.95;

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
    /// Pace ratio at or above which a year short of its requirement still
    /// reads as 基本符合预期 (Eurostat's band, default 0.95).
    pub on_schedule_ratio: f64,
    /// The notes printed under the plan's table (`注：①〔〕为5年累计数`).
    pub notes: Vec<String>,
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

/// Which figure of a bulletin is an indicator's, where sentences or a
/// sentence give several: by default the whole year's (全年, 平均值) and, of
/// a nominal and a real rate, the real one (plans state rates at comparable
/// prices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BulletinFigure {
    #[default]
    Default,
    /// The year-end or December figure (年末, 12月, 年底).
    YearEnd,
    /// The rate as printed first, before prices are taken out.
    Nominal,
}

/// What an indicator's yearly figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A level at the end of the year (a share, a count, a concentration).
    #[default]
    Level,
    /// A rate of growth on the year before, in percent (`研发经费投入增长`):
    /// a target in the 年均 column is the compound average to date.
    YearlyRate,
    /// A change on the year before in the indicator's own sense (`比上年下降
    /// 2.7%` for an indicator of 降低, `提高0.8个百分点`): a cumulative `〔N〕`
    /// target compounds them (percent) or adds them (other units).
    YearlyChange,
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// The file the plan was read from, as given.
    pub path: String,
    pub meta: PlanMeta,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub category: String,
    pub name: String,
    pub unit: String,
    /// The baseline value; `None` when the plan prints none (`—`) or only the
    /// previous plan's cumulative figure (`〔17.7〕`).
    pub baseline: Option<f64>,
    /// The baseline cell as printed, when it is not the number alone
    /// (`10.5*`, `—`, `〔17.7〕`).
    pub baseline_text: Option<String>,
    /// The year of the baseline value: the plan's unless the cell says
    /// otherwise (`*` = 2024 data).
    pub baseline_year: i32,
    /// The target as printed in the plan (`＞97`, `55`, `—`).
    pub target_text: String,
    /// The 年均/累计 column as printed (`＞7`, `〔17〕`, `高于GDP增长`).
    pub period_target: Option<String>,
    /// What the yearly figures are.
    pub measure: Measure,
    /// A heading the row stands under (`每千人口拥有医护人员数`), not a total.
    pub group: Option<String>,
    /// A note on this indicator, for the reader.
    pub note: Option<String>,
    /// Other names the indicator goes by in published text (`plan-check
    /// extract` looks for them in a bulletin).
    pub aliases: Vec<String>,
    /// Which of a bulletin's differing figures is the indicator's.
    pub bulletin_figure: BulletinFigure,
    /// Words printed after the requirement in the deciding cell (`＞7、力争投入
    /// 强度高于“十三五”时期实际`): shown as printed, never judged.
    pub clause: Option<String>,
    pub attribute: Attribute,
    pub rule: Rule,
    /// The 年均/累计 cell's requirement, judged beside `rule` when the row
    /// prints a target in both cells (`60` and `〔3.9〕`); `NotAssessed` when
    /// that cell states no number.
    pub period_rule: Option<Rule>,
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
    /// Where the range comes from: the plan, or what [`plausible`] reads
    /// from the unit and the name.
    pub basis: ValidBasis,
}

/// Where an indicator's range of possible values comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValidBasis {
    /// Nothing is implied.
    #[default]
    None,
    /// The plan's `valid`.
    Stated,
    /// A count, an amount of money or a duration: never negative.
    Count,
    /// A rate of occurrence (1/10万, ‰): never negative.
    Rate,
    /// A share of a whole in percent: 0–100.
    Share,
    /// A gross ratio in percent (毛入学率, 巩固率): 0–150.
    Gross,
    /// Another level in percent: never negative, above 100 unusual.
    Percent,
}

impl ValidBasis {
    /// Why the range is what it is, for a message: `（按单位，数量不能为负）`.
    pub fn why(self) -> (&'static str, &'static str) {
        match self {
            ValidBasis::None | ValidBasis::Stated => ("", ""),
            ValidBasis::Count => (
                "（按单位，数量、金额不能为负）",
                " (by its unit, a count or an amount is never negative)",
            ),
            ValidBasis::Rate => (
                "（发生率不能为负）",
                " (a rate of occurrence is never negative)",
            ),
            ValidBasis::Share => ("（占比，在 0–100 之间）", " (a share, within 0–100)"),
            ValidBasis::Gross => (
                "（毛入学率、巩固率一类可略超 100，但不超过 150）",
                " (a gross ratio may pass 100, not 150)",
            ),
            ValidBasis::Percent => (
                "（百分比的水平值不能为负）",
                " (a level in percent is never negative)",
            ),
        }
    }
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
    "亿吨",
    "吨标准煤",
    "万吨标准煤",
    "亿吨标准煤",
    "斤",
    "万斤",
    "亿斤",
    "万亿斤",
    "公顷",
    "亩",
    "万亩",
    "平方公里",
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

impl PlanMeta {
    /// How this plan reads its printed targets.
    pub fn conventions(&self) -> row::Conventions {
        row::Conventions {
            about_pct: self.about_pct,
            bare_numbers: self.bare_numbers,
        }
    }
}

impl Indicator {
    /// The name as the plan table shows it: `其中：普通小学` for a part,
    /// `每千人口拥有医护人员数：执业医师数` under a heading.
    pub fn display_name(&self) -> String {
        display_name(&self.name, self.part_of.is_some(), self.group.as_deref())
    }

    /// The target the reader sees: the target-year cell, or the 年均/累计
    /// cell when the target-year one is empty (`—`).
    pub fn printed_target(&self) -> &str {
        match &self.period_target {
            Some(period) if is_dash(&self.target_text) => period,
            _ => &self.target_text,
        }
    }

    /// The target as the views show it: [`Self::printed_target`], with the
    /// 年均/累计 cell beside it when both are judged (`60；〔3.9〕`).
    pub fn shown_target(&self) -> String {
        match (&self.period_rule, &self.period_target) {
            (Some(_), Some(period)) => format!("{}；{period}", self.target_text),
            _ => self.printed_target().to_owned(),
        }
    }

    /// Share of this indicator's period elapsed in `year`: 0 at its baseline
    /// year, 1 from the target year on.
    pub fn elapsed(&self, meta: &PlanMeta, year: i32) -> f64 {
        let span = f64::from(meta.target_year - self.baseline_year);
        if span <= 0.0 {
            return 1.0;
        }
        (f64::from(year - self.baseline_year) / span).clamp(0.0, 1.0)
    }
}

/// An empty cell as plans print it: `—`, `-`, `——`, or nothing.
pub fn is_dash(text: &str) -> bool {
    crate::number::trim_all(text)
        .chars()
        .all(|c| matches!(c, '—' | '-' | '－' | '–' | '―' | '/' | '／'))
}

/// How the plan table shows a name: a `其中` part carries the prefix, a row
/// under a heading the heading.
pub fn display_name(name: &str, is_part: bool, group: Option<&str>) -> String {
    match group {
        _ if is_part => format!("其中：{name}"),
        Some(group) => format!("{group}：{name}"),
        None => name.to_owned(),
    }
}
