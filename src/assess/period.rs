//! The plan period at a glance: every reported year judged as the single-year
//! check judges it, the pace of the latest year, a projection of the trend to the
//! target year, and an outlook that refines the latest status.
//!
//! The outlook follows the words of the national mid-term evaluation (提前实现,
//! 快于预期, 基本符合预期, 相对滞后) and Eurostat's pace ratio: completion ÷
//! elapsed time, banded as Eurostat's SDG monitoring bands it (at least 95 %
//! of the required pace is on course; below 0 is moving away). Each
//! indicator is taken at its own latest reported year.

use super::figure::{Figure, Unjudged};
use super::{
    Basis, IndicatorResult, PlanInfo, Requirement, Status, Summary, YearReport, assess_year,
    elapsed, judge_indicator, lookup,
};
use crate::plan::{Attribute, Indicator, IndicatorIdx, Plan, PlanMeta, Rule};
use crate::stats::{Id, Observations};
use schemars::JsonSchema;
use serde::Serialize;

/// How an indicator stands over the period, decided by [`outlook`] from the
/// latest year's status; it refines that status and never contradicts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outlook {
    /// 提前实现: a target that required movement is met before the target year.
    AchievedEarly,
    /// 基本符合（保持）: a floor or ceiling the baseline already met is held.
    Held,
    /// 已实现: the target is met in or after the target year.
    Achieved,
    /// 快于预期: on track, with a pace ratio at or above the plan's `ahead_ratio`.
    Ahead,
    /// 基本符合预期: on track, or short of this year's requirement at a pace
    /// ratio of at least the plan's `on_schedule_ratio` (Eurostat: 0.95); a
    /// projection inside its band; a yearly requirement met.
    OnSchedule,
    /// 相对滞后: behind this year's requirement, but moving toward the target.
    Behind,
    /// 偏离目标方向: behind, and moved away from the target since the baseline.
    MovingAway,
    /// 偏离预测: a projection outside its band.
    OffProjection,
    /// 未达标: in or after the target year, short of the target.
    Failed,
    /// 未填报: no figure in any year of the run.
    Missing,
    /// 无法判断: the latest figure cannot be judged (see the status).
    Undetermined,
    /// 不考核: no numeric rule.
    NotAssessed,
}

impl Outlook {
    pub const ALL: [Outlook; 12] = [
        Outlook::AchievedEarly,
        Outlook::Held,
        Outlook::Achieved,
        Outlook::Ahead,
        Outlook::OnSchedule,
        Outlook::Behind,
        Outlook::MovingAway,
        Outlook::OffProjection,
        Outlook::Failed,
        Outlook::Missing,
        Outlook::Undetermined,
        Outlook::NotAssessed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Outlook::AchievedEarly => "achieved_early",
            Outlook::Held => "held",
            Outlook::Achieved => "achieved",
            Outlook::Ahead => "ahead",
            Outlook::OnSchedule => "on_schedule",
            Outlook::Behind => "behind",
            Outlook::MovingAway => "moving_away",
            Outlook::OffProjection => "off_projection",
            Outlook::Failed => "failed",
            Outlook::Missing => "missing",
            Outlook::Undetermined => "undetermined",
            Outlook::NotAssessed => "not_assessed",
        }
    }

    /// True for the outlooks that meet this year's requirement.
    pub fn on_track(self) -> bool {
        matches!(
            self,
            Outlook::AchievedEarly
                | Outlook::Held
                | Outlook::Achieved
                | Outlook::Ahead
                | Outlook::OnSchedule
        )
    }
}

/// The outlook of an indicator from its latest status, the basis of that
/// year's requirement and the pace ratio. The only place an outlook is decided.
pub fn outlook(
    rule: &Rule,
    status: Status,
    basis: Option<Basis>,
    year: i32,
    meta: &PlanMeta,
    pace_ratio: Option<f64>,
) -> Outlook {
    let projection = super::rules::is_projection(rule);
    match status {
        Status::Missing => Outlook::Missing,
        Status::NotAssessed => Outlook::NotAssessed,
        Status::Undetermined => Outlook::Undetermined,
        Status::Failed if projection => Outlook::OffProjection,
        Status::Failed => Outlook::Failed,
        Status::Achieved if year >= meta.target_year => Outlook::Achieved,
        Status::Achieved | Status::OnTrack if projection => Outlook::OnSchedule,
        // A line the baseline met, held; or a target met with no baseline to
        // show that it took any movement.
        Status::Achieved if matches!(basis, Some(Basis::Hold | Basis::TargetMet)) => Outlook::Held,
        Status::Achieved if super::rules::moves(rule) => Outlook::AchievedEarly,
        // On the schedule, or a requirement of every year (年均, a range, a
        // relative target) met this year: nothing achieved early, ahead when
        // the pace ratio says so, as for every kind.
        Status::Achieved | Status::OnTrack => match pace_ratio {
            Some(r) if r >= meta.ahead_ratio => Outlook::Ahead,
            _ => Outlook::OnSchedule,
        },
        Status::Behind => match pace_ratio {
            Some(r) if r < 0.0 => Outlook::MovingAway,
            Some(r) if r >= meta.on_schedule_ratio => Outlook::OnSchedule,
            _ => Outlook::Behind,
        },
    }
}

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

/// How the trend line was fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Ordinary least squares over the baseline and every reported year (three
    /// points or more).
    LeastSquares,
    /// The line from the baseline to the latest reported value (two points).
    BaselineToLatest,
}

/// When the trend meets the target, for a target not met yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reach {
    /// The latest figure meets the target already.
    AlreadyMet,
    /// The trend first meets the target in `year`, at or before the target year.
    InYear { year: i32 },
    /// The trend moves toward the target too slowly to meet it by the
    /// target year.
    NotByTargetYear,
    /// The trend is flat or moves away from the target: it will not be met
    /// on the current trend.
    Away,
}

/// The observed trend carried to the target year. A projection never replaces
/// a reported value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct TrendProjection {
    pub method: Method,
    /// Points the line was fitted to (the baseline counts as one).
    pub points: usize,
    pub slope_per_year: f64,
    pub intercept: f64,
    /// The trend's value in the target year.
    pub target_year_value: f64,
    /// Whether that value meets the target-year requirement.
    pub meets_target: bool,
    /// For a threshold: when the trend meets the target.
    pub reach: Option<Reach>,
}

impl TrendProjection {
    pub fn value_at(&self, year: i32) -> f64 {
        self.intercept + self.slope_per_year * f64::from(year)
    }
}

/// Fits the trend through the baseline and the reported values (year, value),
/// sorted by year and after the baseline year. `None` with no reported value:
/// one point says nothing about pace.
pub fn fit_trend(
    baseline_year: i32,
    baseline: f64,
    reported: &[(i32, f64)],
) -> Option<(Method, usize, f64, f64)> {
    let mut points: Vec<(f64, f64)> = vec![(f64::from(baseline_year), baseline)];
    points.extend(
        reported
            .iter()
            .filter(|(y, _)| *y > baseline_year)
            .map(|&(y, v)| (f64::from(y), v)),
    );
    match points.len() {
        0 | 1 => None,
        2 => {
            let ((x0, y0), (x1, y1)) = (points[0], points[1]);
            let slope = (y1 - y0) / (x1 - x0);
            Some((Method::BaselineToLatest, 2, slope, y0 - slope * x0))
        }
        n => {
            let count = n as f64;
            let mean_x = points.iter().map(|p| p.0).sum::<f64>() / count;
            let mean_y = points.iter().map(|p| p.1).sum::<f64>() / count;
            let sxy: f64 = points
                .iter()
                .map(|(x, y)| (x - mean_x) * (y - mean_y))
                .sum();
            let sxx: f64 = points.iter().map(|(x, _)| (x - mean_x).powi(2)).sum();
            let slope = sxy / sxx;
            Some((Method::LeastSquares, n, slope, mean_y - slope * mean_x))
        }
    }
}

fn project(
    indicator: &Indicator,
    meta: &PlanMeta,
    baseline: Option<f64>,
    reported: &[(i32, f64)],
) -> Option<TrendProjection> {
    // A trend of levels toward a target-year number; rates, cumulative and
    // relative targets are judged year by year.
    if !super::rules::trends(&indicator.rule) {
        return None;
    }
    let (method, points, slope, intercept) =
        fit_trend(indicator.baseline_year, baseline?, reported)?;
    let line = |year: i32| intercept + slope * f64::from(year);
    let figure = Figure {
        baseline,
        ..Figure::default()
    };
    let target = super::rules::requirement(indicator, meta, meta.target_year, &figure).ok()??;
    // The trend's value as the figures are read: to the precision of a
    // requirement, so 11.299999999999983 meets 11.3.
    let on_line = |year: i32| crate::number::round_requirement(line(year));
    let target_year_value = line(meta.target_year);
    let reach = match indicator.rule {
        Rule::Threshold(_) => {
            let &(latest_year, latest) = reported.last()?;
            let toward = match indicator.rule {
                Rule::Threshold(t) if t.cmp.wants_more() => slope > 0.0,
                Rule::Threshold(_) => slope < 0.0,
                _ => true,
            };
            Some(if target.met_by(latest) {
                Reach::AlreadyMet
            } else if !toward {
                Reach::Away
            } else {
                (latest_year + 1..=meta.target_year)
                    .find(|&y| target.met_by(on_line(y)))
                    .map_or(Reach::NotByTargetYear, |year| Reach::InYear { year })
            })
        }
        _ => None,
    };
    Some(TrendProjection {
        method,
        points,
        slope_per_year: slope,
        intercept,
        target_year_value,
        meets_target: target.met_by(on_line(meta.target_year)),
        reach,
    })
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
    /// Why the latest figure could not be judged (status `undetermined`).
    pub unjudged: Option<Unjudged>,
    /// Words printed after the requirement, shown and never judged.
    pub clause: Option<String>,
    pub projection: Option<TrendProjection>,
    pub outlook: Outlook,
    /// How the indicator is judged (the plan's rule), for the report.
    #[serde(skip)]
    #[schemars(skip)]
    pub rule: Rule,
    /// The 年均/累计 cell's rule, judged beside `rule`, for the report.
    #[serde(skip)]
    #[schemars(skip)]
    pub period_rule: Option<Rule>,
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
    /// Binding indicators whose outlook is not on track.
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
    let mut latest = reports
        .last()
        .cloned()
        .unwrap_or_else(|| assess_year(plan, observations, region, latest_year));
    let indicators: Vec<IndicatorSeries> = plan
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let series: Vec<YearPoint> = reports
                .iter()
                .map(|r| YearPoint::from_result(r.year, &r.results[i]))
                .collect();
            // The indicator's own latest reported year.
            let at = reports
                .iter()
                .rposition(|r| r.results[i].actual.is_some())
                .unwrap_or(reports.len().saturating_sub(1));
            let result = reports.get(at).map(|r| &r.results[i]);
            let as_of = reports.get(at).map_or(latest_year, |r| r.year);
            if as_of != latest_year
                && let Some(result) = result
            {
                latest.results[i] = IndicatorResult {
                    as_of: Some(as_of),
                    ..result.clone()
                };
            }
            let status = result.map_or(Status::Missing, |r| r.status);
            let completion = result.and_then(|r| r.completion);
            let pace_ratio = result.and_then(|r| r.pace_ratio);
            let unjudged = result.and_then(|r| r.unjudged.clone());
            let reported: Vec<(i32, f64)> = series
                .iter()
                .filter_map(|p| p.actual.map(|a| (p.year, a)))
                .collect();
            let basis = result.and_then(|r| r.requirement).and_then(|r| r.basis());
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
                projection: project(ind, meta, baseline, &reported),
                outlook: outlook(&ind.rule, status, basis, as_of, meta, pace_ratio),
                rule: ind.rule.clone(),
                period_rule: ind.period_rule.clone(),
                year_requirements: ind
                    .year_requirements
                    .iter()
                    .map(|(y, r)| (*y, *r))
                    .collect(),
                relative_to: match ind.rule {
                    Rule::Relative { to, .. } => Some(plan.indicators[to as usize].display_name()),
                    _ => None,
                },
                path,
                target_value: crate::plan::consistency::target_value(&ind.rule),
                series,
                as_of,
                status,
                completion,
                pace_ratio,
            }
        })
        .collect();
    latest.summary = Summary::of(&latest.results);
    let mut outlooks: std::collections::BTreeMap<String, usize> = Outlook::ALL
        .iter()
        .map(|o| (o.code().to_owned(), 0))
        .collect();
    for s in &indicators {
        *outlooks.entry(s.outlook.code().to_owned()).or_default() += 1;
    }
    let binding_not_on_track = indicators
        .iter()
        .filter(|s| {
            s.attribute == Attribute::Binding
                && !s.outlook.on_track()
                && s.outlook != Outlook::NotAssessed
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

#[cfg(test)]
mod tests {
    use super::super::fixtures::meta;
    use super::*;
    use crate::plan::{Comparator, Threshold};

    fn indicator(baseline: f64, rule: Rule) -> Indicator {
        super::super::fixtures::indicator(baseline, rule, Attribute::Binding)
    }

    /// 17.99 → ＞19: the schedule runs 0.202 a year.
    fn spending() -> Indicator {
        indicator(
            17.99,
            Rule::Threshold(Threshold {
                cmp: Comparator::Greater,
                value: 19.0,
            }),
        )
    }

    /// The outlook of `ind` given its values by year, through the real judgement.
    fn outlook_of(ind: &Indicator, values: &[(i32, f64)]) -> Outlook {
        let &(year, latest) = values.last().unwrap();
        let j = super::super::judge(ind, &meta(), year, Some(latest));
        let pace = j.pace_ratio;
        let basis = j.requirement.and_then(|r| r.basis());
        outlook(&ind.rule, j.status, basis, year, &meta(), pace)
    }

    #[test]
    fn exactly_on_the_schedule_path_is_on_schedule() {
        // 2023: 17.99 + 1.01 × 3/5 = 18.596, r = 1.
        assert_eq!(
            outlook_of(&spending(), &[(2023, 18.596)]),
            Outlook::OnSchedule
        );
    }

    #[test]
    fn a_pace_ratio_of_1_2_is_ahead() {
        // r = 1.2 in 2023: completion 0.72 → 17.99 + 1.01 × 0.72 = 18.7172.
        assert_eq!(outlook_of(&spending(), &[(2023, 18.7172)]), Outlook::Ahead);
        // Just under the 1.1 edge stays on schedule: completion 0.65 → r ≈ 1.083.
        assert_eq!(
            outlook_of(&spending(), &[(2023, 18.6465)]),
            Outlook::OnSchedule
        );
    }

    #[test]
    fn the_ahead_edge_is_set_by_the_plan() {
        let mut m = meta();
        m.ahead_ratio = 1.3;
        let j = super::super::judge(&spending(), &m, 2023, Some(18.7172));
        let pace = j.pace_ratio;
        assert_eq!(
            outlook(&spending().rule, j.status, None, 2023, &m, pace),
            Outlook::OnSchedule
        );
    }

    #[test]
    fn already_past_the_target_is_achieved_early() {
        assert_eq!(
            outlook_of(&spending(), &[(2023, 19.5)]),
            Outlook::AchievedEarly
        );
        assert_eq!(outlook_of(&spending(), &[(2025, 19.5)]), Outlook::Achieved);
    }

    #[test]
    fn moving_against_the_target_is_moving_away() {
        assert_eq!(
            outlook_of(&spending(), &[(2023, 17.5)]),
            Outlook::MovingAway
        );
        assert_eq!(outlook_of(&spending(), &[(2023, 18.2)]), Outlook::Behind);
    }

    #[test]
    fn a_held_line_broken_is_behind_then_failed() {
        let retention = indicator(
            100.0,
            Rule::Threshold(Threshold {
                cmp: Comparator::Greater,
                value: 96.0,
            }),
        );
        assert_eq!(outlook_of(&retention, &[(2023, 95.0)]), Outlook::Behind);
        assert_eq!(outlook_of(&retention, &[(2025, 95.0)]), Outlook::Failed);
        // A floor the baseline already met, held: in line with the plan
        // (基本符合，保持), not achieved early: it asked for no movement.
        assert_eq!(outlook_of(&retention, &[(2023, 99.0)]), Outlook::Held);
    }

    #[test]
    fn short_of_the_schedule_at_95_percent_of_the_pace_is_on_schedule_as_eurostat_bands_it() {
        // 2023: completion 0.58 → r = 0.58 / 0.6 ≈ 0.967 ≥ 0.95: 17.99 + 1.01 × 0.58.
        assert_eq!(
            outlook_of(&spending(), &[(2023, 18.5758)]),
            Outlook::OnSchedule
        );
        // completion 0.54 → r = 0.9: 相对滞后.
        assert_eq!(outlook_of(&spending(), &[(2023, 18.5354)]), Outlook::Behind);
        // The band is the plan's to set.
        let mut m = meta();
        m.on_schedule_ratio = 0.99;
        let j = super::super::judge(&spending(), &m, 2023, Some(18.5758));
        let pace = j.pace_ratio;
        let basis = j.requirement.and_then(|r| r.basis());
        assert_eq!(
            outlook(&spending().rule, j.status, basis, 2023, &m, pace),
            Outlook::Behind
        );
    }

    #[test]
    fn a_yearly_requirement_met_is_on_schedule_never_achieved_early() {
        let unemployment = indicator(
            5.2,
            Rule::Annual {
                each: crate::plan::YearRequirement::Threshold(Threshold {
                    cmp: Comparator::Less,
                    value: 5.5,
                }),
                average: false,
            },
        );
        assert_eq!(
            outlook_of(&unemployment, &[(2023, 5.1)]),
            Outlook::OnSchedule
        );
        assert_eq!(outlook_of(&unemployment, &[(2023, 5.6)]), Outlook::Behind);
    }

    #[test]
    fn a_rate_well_above_its_required_average_is_ahead_as_a_level_would_be() {
        // 研发经费投入年均增长 ＞7: a compound average of 12.3 is 1.76 times
        // the rate required; 7.2 is barely above it; 6.8 is 97 % of it
        // (基本符合, Eurostat's band); 5 is behind.
        let rd = indicator(
            0.0,
            Rule::Annual {
                each: crate::plan::YearRequirement::Threshold(Threshold {
                    cmp: Comparator::Greater,
                    value: 7.0,
                }),
                average: true,
            },
        );
        assert_eq!(outlook_of(&rd, &[(2022, 12.3)]), Outlook::Ahead);
        assert_eq!(outlook_of(&rd, &[(2022, 7.2)]), Outlook::OnSchedule);
        assert_eq!(outlook_of(&rd, &[(2022, 6.8)]), Outlook::OnSchedule);
        assert_eq!(outlook_of(&rd, &[(2022, 5.0)]), Outlook::Behind);
        assert_eq!(outlook_of(&rd, &[(2022, -1.0)]), Outlook::MovingAway);
    }

    #[test]
    fn a_cumulative_change_ahead_of_its_share_is_ahead() {
        // 〔13.5〕 from yearly reductions: 8 % by 2022 is 59 % of it at 40 % of the time.
        let energy = indicator(
            0.0,
            Rule::Cumulative {
                total: 13.5,
                from: crate::plan::Accumulate::Compound,
            },
        );
        assert_eq!(outlook_of(&energy, &[(2022, 8.0)]), Outlook::Ahead);
        assert_eq!(outlook_of(&energy, &[(2022, 5.4)]), Outlook::OnSchedule);
        assert_eq!(outlook_of(&energy, &[(2022, 2.8)]), Outlook::Behind);
    }

    #[test]
    fn a_trend_moving_away_from_the_target_is_said_not_to_reach_it() {
        // 17.99 → ＞19, falling to 17.8: never, on this trend.
        let p = project(&spending(), &meta(), Some(17.99), &[(2022, 17.8)]).unwrap();
        assert_eq!(p.reach, Some(Reach::Away));
        assert!(!p.meets_target);
    }

    #[test]
    fn a_projection_is_on_schedule_or_off_projection_never_ahead_or_behind() {
        let pupils = indicator(
            12.8,
            Rule::Projection {
                value: 11.1,
                tolerance_pct: 5.0,
            },
        );
        assert_eq!(outlook_of(&pupils, &[(2023, 12.0)]), Outlook::OnSchedule);
        assert_eq!(outlook_of(&pupils, &[(2023, 13.0)]), Outlook::OffProjection);
        assert_eq!(outlook_of(&pupils, &[(2023, 10.0)]), Outlook::OffProjection);
    }

    #[test]
    fn missing_stays_missing() {
        let j = super::super::judge(&spending(), &meta(), 2023, None);
        assert_eq!(
            outlook(&spending().rule, j.status, None, 2023, &meta(), None),
            Outlook::Missing
        );
    }

    #[test]
    fn least_squares_matches_a_hand_computation() {
        // Points (2020, 17.99), (2021, 18.1), (2022, 18.4), (2023, 18.5):
        // x̄ = 2021.5, ȳ = 18.2475; y − ȳ = −0.2575, −0.1475, 0.1525, 0.2525;
        // Σ(x−x̄)(y−ȳ) = 0.38625 + 0.07375 + 0.07625 + 0.37875 = 0.915, Σ(x−x̄)² = 5;
        // slope = 0.183; value in 2025 = 18.2475 + 0.183 × 3.5 = 18.888.
        let (method, points, slope, intercept) =
            fit_trend(2020, 17.99, &[(2021, 18.1), (2022, 18.4), (2023, 18.5)]).unwrap();
        assert_eq!((method, points), (Method::LeastSquares, 4));
        assert!((slope - 0.183).abs() < 1e-9, "{slope}");
        assert!((intercept + slope * 2025.0 - 18.888).abs() < 1e-9);
    }

    #[test]
    fn two_points_draw_the_line_from_the_baseline_and_one_says_nothing() {
        let (method, _, slope, _) = fit_trend(2020, 17.99, &[(2022, 18.39)]).unwrap();
        assert_eq!(method, Method::BaselineToLatest);
        assert!((slope - 0.2).abs() < 1e-9);
        assert!(fit_trend(2020, 17.99, &[]).is_none());
        // A value reported for the baseline year itself is the baseline, not a second point.
        assert!(fit_trend(2020, 17.99, &[(2020, 17.99)]).is_none());
    }

    #[test]
    fn the_projection_says_when_the_target_is_met() {
        // 17.99 (2020) → 18.39 (2022): +0.2 a year, 18.99 in 2025: never ＞19 by then.
        let p = project(&spending(), &meta(), Some(17.99), &[(2022, 18.39)]).unwrap();
        assert!(!p.meets_target);
        assert_eq!(p.reach, Some(Reach::NotByTargetYear));
        // +0.3 a year: 19.19 in 2024 > 19.
        let p = project(&spending(), &meta(), Some(17.99), &[(2022, 18.59)]).unwrap();
        assert!(p.meets_target);
        assert_eq!(p.reach, Some(Reach::InYear { year: 2024 }));
        let p = project(&spending(), &meta(), Some(17.99), &[(2022, 19.2)]).unwrap();
        assert_eq!(p.reach, Some(Reach::AlreadyMet));
    }
}
