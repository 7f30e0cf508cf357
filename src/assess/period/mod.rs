//! The plan period at a glance: every reported year judged as the single-year
//! check judges it, the pace of the latest year, a projection of the trend to the
//! target year, and an outlook that refines the latest status.
//!
//! The outlook follows the words of the national mid-term evaluation (提前实现,
//! 快于预期, 基本符合预期, 相对滞后) and Eurostat's pace ratio: completion ÷
//! elapsed time, banded as Eurostat's SDG monitoring bands it (at least 95 %
//! of the required pace is on course; below 0 is moving away). Each
//! indicator is taken at its own latest reported year.

use super::as_of::{at_own_years, judged_years};
use super::figure::{DerivedKind, Figure, Unjudged};
use super::{
    Basis, IndicatorResult, PlanInfo, Requirement, Status, Summary, YearReport, assess_year,
    elapsed, indicator_result, judge_indicator, lookup,
};
use crate::plan::{Attribute, Indicator, IndicatorIdx, Plan, PlanMeta, Rule};
use crate::stats::{Id, Observations};
use schemars::JsonSchema;
use serde::Serialize;

mod outlook;
#[cfg(test)]
mod tests;
mod trend;

pub use outlook::{Outlook, outlook};
use trend::project;
pub use trend::{Method, Reach, TrendProjection, fit_trend};

/// One year of an indicator's series.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct YearPoint {
    pub year: i32,
    /// `null`: not reported (never interpolated).
    pub actual: Option<f64>,
    /// The figure judged, when made from the yearly figures (a compound
    /// average, a cumulative change).
    pub derived: Option<f64>,
    pub required: Option<f64>,
    pub requirement: Option<Requirement>,
    pub status: Status,
    pub pass: bool,
    pub file: Option<String>,
    pub line: Option<u64>,
    pub source: Option<String>,
    pub remark: Option<String>,
}

impl YearPoint {
    fn from_result(year: i32, r: &IndicatorResult) -> Self {
        YearPoint {
            year,
            actual: r.actual,
            derived: r.derived.as_ref().map(|d| d.value),
            required: r.required,
            requirement: r.requirement,
            status: r.status,
            pass: r.pass,
            file: r.file.clone(),
            line: r.line,
            source: r.source.clone(),
            remark: r.remark.clone(),
        }
    }
}

/// One indicator over the period.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndicatorSeries {
    pub id: String,
    pub category: String,
    pub name: String,
    pub unit: String,
    pub part_of: Option<String>,
    pub attribute: Attribute,
    pub group: Option<String>,
    pub baseline: Option<f64>,
    pub baseline_text: Option<String>,
    pub baseline_year: i32,
    pub target_text: String,
    /// True when the target is the 年均/累计 cell (a target over the period),
    /// not the target year's.
    pub over_period: bool,
    pub note: Option<String>,
    /// One point per year of the run, in order; a year not reported has `actual: null`.
    pub series: Vec<YearPoint>,
    /// The indicator's latest reported year in the run (the run's latest
    /// year when it has no figure): status and outlook are taken there.
    pub as_of: i32,
    /// The status in that year (the single-year check of that year).
    pub status: Status,
    /// 完成进度 in that year.
    pub completion: Option<f64>,
    /// Pace ratio in that year: what was achieved against what the schedule
    /// required (completion ÷ elapsed time of the indicator's period; a rate
    /// achieved ÷ the rate required).
    pub pace_ratio: Option<f64>,
    /// The 完成进度 the schedule asks by that year, beside `completion`: the
    /// indicator's own time elapsed, or on the path of constant growth the
    /// share of the way that path has come.
    pub due: Option<f64>,
    /// Why the latest figure could not be judged (status `undetermined`).
    pub unjudged: Option<Unjudged>,
    /// Words printed after the requirement, shown and never judged.
    pub clause: Option<String>,
    pub projection: Option<TrendProjection>,
    pub outlook: Outlook,
    /// What the requirement is on when it is not the year's figure (年均,
    /// 累计, the level less the baseline).
    pub judged_on: Option<DerivedKind>,
    /// Years before `as_of` that missed a requirement of their own year,
    /// which a later year cannot make good (a level to hold every year, a
    /// range, an annual plan's requirement: 失业率 ＜5.5 at 5.6 in 2022). The
    /// outlook is the latest year's; these are named beside it.
    pub lapses: Vec<i32>,
    /// How the indicator is judged (the plan's rule), for the report.
    #[serde(skip)]
    #[schemars(skip)]
    pub rule: Rule,
    /// The 年均/累计 cell's rule, judged beside `rule`, for the report.
    #[serde(skip)]
    #[schemars(skip)]
    pub period_rule: Option<Rule>,
    /// The rule reads a projection (在校学生数): within its band it is
    /// 符合规划预测, not a target met.
    #[serde(skip)]
    #[schemars(skip)]
    pub projects: bool,
    /// The level's schedule is the path of constant growth (a level beside
    /// its average growth rate, `＞92.7` and `＞6.5%`), for the report's
    /// words ([`crate::assess::rules::grows_at_a_rate`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub on_growth_path: bool,
    /// Each year's requirement from the baseline year to the target year (or
    /// the latest year, when later): the path a chart draws.
    #[serde(skip)]
    #[schemars(skip)]
    pub path: Vec<(i32, Requirement)>,
    /// Requirements the plan sets for single years (annual plans), for the report.
    #[serde(skip)]
    #[schemars(skip)]
    pub year_requirements: Vec<(i32, crate::plan::YearRequirement)>,
    /// The name of the indicator a relative target refers to, for the report.
    #[serde(skip)]
    #[schemars(skip)]
    pub relative_to: Option<String>,
    /// The target's own number, where the rule has one: the chart's target line.
    #[serde(skip)]
    #[schemars(skip)]
    pub target_value: Option<f64>,
}

impl IndicatorSeries {
    /// The name as the plan table shows it (`其中：普通小学`).
    pub fn display_name(&self) -> String {
        crate::plan::display_name(&self.name, self.part_of.is_some(), self.group.as_deref())
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PeriodSummary {
    /// How many indicators have each outlook (every outlook code is present).
    pub outlooks: std::collections::BTreeMap<String, usize>,
    /// Binding indicators whose outlook is not on track, or whose latest
    /// year falls short of its requirement (behind by under 5 %: on schedule
    /// by the outlook, failing the run).
    pub binding_not_on_track: Vec<String>,
    /// The summary of each indicator at its latest reported year: the run's
    /// exit code is decided on it.
    pub latest: Summary,
}

/// Every reported year for one region.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PeriodReport {
    pub plan: PlanInfo,
    pub region: String,
    /// The years of the run, in order.
    pub years: Vec<i32>,
    pub latest_year: i32,
    /// Share of the plan period elapsed in the latest year.
    pub elapsed: f64,
    /// The pace ratio from which on-track reads as ahead of schedule.
    pub ahead_ratio: f64,
    pub summary: PeriodSummary,
    pub indicators: Vec<IndicatorSeries>,
    /// The latest year's report, each indicator at its own latest reported
    /// year (`as_of`), for the formats that show one year.
    #[serde(skip)]
    pub latest: YearReport,
}

impl PeriodReport {
    /// A final evaluation (总结评估): the run reaches the target year, so each
    /// target is met or not, no longer on or off a schedule.
    pub fn is_final(&self) -> bool {
        self.latest_year >= self.plan.target_year
    }
}

/// The years before `as_of` whose figure missed a requirement of that year
/// alone: held every year (`Hold`, `EveryYear`), the plan's requirement for
/// the year, or a range. A year short of its 序时进度 is not one: a later
/// year can make the schedule good.
fn lapses(series: &[YearPoint], as_of: i32) -> Vec<i32> {
    series
        .iter()
        // Short of it, however the status words it (a held line broken
        // before the target year is 滞后, not 未达标).
        .filter(|p| {
            p.year < as_of
                && !p.status.passes()
                && !matches!(
                    p.status,
                    Status::Missing | Status::Undetermined | Status::NotAssessed
                )
        })
        .filter(|p| match p.requirement {
            // A range, or another indicator's same-year figure (高于GDP增长,
            // 与GDP增长同步): a year's own comparison, missed that year.
            Some(Requirement::Range { .. })
            | Some(Requirement::Band {
                basis: Basis::Relative,
                ..
            })
            | Some(Requirement::Threshold {
                basis: Basis::Relative,
                ..
            }) => true,
            // A line every year on the year's own figure fails that year
            // (未达标); one on the average to date (研发经费投入 年均＞7) is
            // only behind it, and a later year can make it good: no lapse.
            Some(r) => match r.basis() {
                Some(Basis::Hold | Basis::YearRequirement) => true,
                Some(Basis::EveryYear) => p.status == Status::Failed,
                _ => false,
            },
            None => false,
        })
        .map(|p| p.year)
        .collect()
}

/// Judges every year of `years` for `region` and draws the period view.
pub fn assess_period(
    plan: &Plan,
    observations: &Observations,
    region: Id,
    years: &[i32],
) -> PeriodReport {
    let meta = &plan.meta;
    let reports: Vec<YearReport> = years
        .iter()
        .map(|&y| assess_year(plan, observations, region, y))
        .collect();
    let latest_year = years.last().copied().unwrap_or(meta.baseline_year);
    let figures = lookup(observations, region);
    let latest = reports
        .last()
        .cloned()
        .unwrap_or_else(|| assess_year(plan, observations, region, latest_year));
    // Each indicator at its own latest reported year.
    // Never judged at the plan's baseline year (see `as_of::assess_latest`).
    let as_of_years = judged_years(years, plan.indicators.len(), |i, y| {
        y > meta.baseline_year && figures(i, y).is_some()
    });
    let report_of = |year: i32| reports.iter().find(|r| r.year == year);
    let indicators: Vec<IndicatorSeries> = plan
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let series: Vec<YearPoint> = reports
                .iter()
                .map(|r| YearPoint::from_result(r.year, &r.results[i]))
                .collect();
            let as_of = as_of_years.get(i).copied().unwrap_or(latest_year);
            let result = report_of(as_of).map(|r| &r.results[i]);
            let status = result.map_or(Status::Missing, |r| r.status);
            let completion = result.and_then(|r| r.completion);
            let pace_ratio = result.and_then(|r| r.pace_ratio);
            let due = result.and_then(|r| r.due);
            let unjudged = result.and_then(|r| r.unjudged.clone());
            let reported: Vec<(i32, f64)> = series
                .iter()
                .filter_map(|p| p.actual.map(|a| (p.year, a)))
                .collect();
            let basis = result.and_then(|r| r.requirement).and_then(|r| r.basis());
            let lapses = lapses(&series, as_of);
            let baseline = result.and_then(|r| r.baseline);
            let path = (ind.baseline_year..=latest_year.max(meta.target_year))
                .filter_map(|y| {
                    judge_indicator(plan, i as IndicatorIdx, y, &figures)
                        .1
                        .requirement
                        .map(|r| (y, r))
                })
                .collect();
            IndicatorSeries {
                id: ind.id.clone(),
                category: ind.category.clone(),
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                part_of: ind.part_of.map(|t| plan.indicators[t as usize].id.clone()),
                attribute: ind.attribute,
                group: ind.group.clone(),
                baseline,
                baseline_text: ind.baseline_text.clone(),
                baseline_year: ind.baseline_year,
                target_text: ind.shown_target(),
                over_period: ind.printed_target() != ind.target_text,
                note: ind.note.clone(),
                clause: ind.clause.clone(),
                unjudged,
                // The 总结评估 forecasts nothing.
                projection: (latest_year < meta.target_year)
                    .then(|| project(ind, meta, baseline, &reported))
                    .flatten(),
                outlook: outlook(
                    &ind.rule,
                    status,
                    basis,
                    (as_of, latest_year),
                    meta,
                    pace_ratio,
                    series
                        .iter()
                        .any(|p| p.year < as_of && p.actual.is_some() && !p.pass),
                ),
                lapses,
                judged_on: crate::assess::rules::judged_on_of(ind),
                rule: ind.rule.clone(),
                period_rule: ind.period_rule.clone(),
                on_growth_path: crate::assess::rules::grows_at_a_rate(ind),
                projects: crate::assess::rules::is_projection(&ind.rule),
                year_requirements: ind
                    .year_requirements
                    .iter()
                    .map(|(y, r)| (*y, *r))
                    .collect(),
                relative_to: match (&ind.rule, &ind.period_rule) {
                    (Rule::Relative { to, .. }, _) | (_, Some(Rule::Relative { to, .. })) => {
                        Some(plan.indicators[*to as usize].display_name())
                    }
                    _ => None,
                },
                path,
                target_value: crate::plan::consistency::target_value(&ind.rule),
                series,
                as_of,
                status,
                completion,
                pace_ratio,
                due,
            }
        })
        .collect();
    let latest = at_own_years(latest, &as_of_years, |i, year| match report_of(year) {
        Some(report) => report.results[i as usize].clone(),
        None => indicator_result(plan, observations, region, i, year),
    });
    let mut outlooks: std::collections::BTreeMap<String, usize> = Outlook::ALL
        .iter()
        .map(|o| (o.code().to_owned(), 0))
        .collect();
    for s in &indicators {
        *outlooks.entry(s.outlook.code().to_owned()).or_default() += 1;
    }
    // Binding indicators off their schedule by the outlook, or short of the
    // requirement in their latest year whatever the outlook says (behind by
    // less than 5 % is 基本符合预期, and still fails the run): the written
    // evaluation never calls on schedule what the exit code fails.
    let binding_not_on_track = indicators
        .iter()
        .filter(|s| {
            s.attribute == Attribute::Binding
                && ((!s.outlook.on_track() && s.outlook != Outlook::NotAssessed)
                    || s.status
                        .fails_run_at(Attribute::Binding, false, s.as_of != latest_year))
        })
        .map(|s| s.id.clone())
        .collect();
    PeriodReport {
        plan: latest.plan.clone(),
        region: latest.region.clone(),
        years: years.to_vec(),
        latest_year,
        elapsed: elapsed(meta, latest_year),
        ahead_ratio: meta.ahead_ratio,
        summary: PeriodSummary {
            outlooks,
            binding_not_on_track,
            latest: latest.summary.clone(),
        },
        indicators,
        latest,
    }
}
