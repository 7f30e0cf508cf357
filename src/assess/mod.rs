//! The judgement: plan + figures → statuses. Pure: no I/O, no formatting.
//!
//! [`judge`] is the one place a status is decided; [`period::outlook`] the one
//! place an outlook is. [`assess_year`] applies it to
//! every indicator of the plan for one (region, year), and [`Summary`] decides the
//! run's outcome from the statuses.

pub mod evaluation;
pub mod figure;
pub mod overview;
pub mod period;
pub mod regions;
pub mod rules;

use crate::plan::consistency::{PartsCheck, check_parts};
use crate::plan::{Indicator, IndicatorIdx, Plan, PlanMeta};
use crate::stats::{Id, Key, Observations};
pub use figure::{Derived, DerivedKind, Figure, Unjudged};
use schemars::JsonSchema;
use serde::Serialize;

pub use crate::number::round_requirement;
use crate::plan::display_name;
pub use crate::plan::{Accumulate, Attribute, Comparator, Rule, YearRequirement};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已达标: meets the target-year requirement already.
    Achieved,
    /// 符合序时进度: meets this year's time-proportional requirement.
    OnTrack,
    /// 滞后于序时进度: before the target year, short of this year's requirement.
    Behind,
    /// 未达标: in or after the target year, short of the target; or a projection outside its band.
    Failed,
    /// 未填报: no figure.
    Missing,
    /// 无法判断: a figure is reported, but what it is held against cannot be
    /// made (no baseline, a year of a cumulative change missing, the other
    /// indicator of a relative target not reported).
    Undetermined,
    /// 不考核: no numeric rule.
    NotAssessed,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Behind,
        Status::Failed,
        Status::Missing,
        Status::Undetermined,
        Status::NotAssessed,
    ];

    pub fn passes(self) -> bool {
        matches!(self, Status::Achieved | Status::OnTrack)
    }

    /// Whether this status fails a run: a binding indicator that does not pass,
    /// or with `strict` any indicator that does not pass. Never `not_assessed`.
    pub fn fails_run(self, attribute: Attribute, strict: bool) -> bool {
        if self.passes() || self == Status::NotAssessed {
            return false;
        }
        strict || attribute == Attribute::Binding
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::Failed => "failed",
            Status::Missing => "missing",
            Status::Undetermined => "undetermined",
            Status::NotAssessed => "not_assessed",
        }
    }
}

/// What a year's figure was held against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The target itself: the target year or later.
    Target,
    /// The baseline already met the target: the line must be held every year.
    Hold,
    /// The time-proportional value (序时进度) between baseline and target.
    Schedule,
    /// A requirement the plan sets for this year (annual plan).
    YearRequirement,
    /// The same requirement every year (a 年均 or every-year target).
    EveryYear,
    /// Another indicator's figure this year (`高于GDP增长`).
    Relative,
    /// No baseline to run a schedule from, and the figure meets the target
    /// itself: held against the target alone.
    TargetMet,
}

/// The requirement for one indicator in one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Requirement {
    /// Compare the figure with `value`.
    Threshold {
        cmp: Comparator,
        value: f64,
        basis: Basis,
    },
    /// A projection: within `[min, max]` around `center`.
    Band {
        center: f64,
        min: f64,
        max: f64,
        basis: Basis,
    },
    /// Within `[min, max]` every year.
    Range { min: f64, max: f64 },
}

impl Requirement {
    /// What the requirement was made from, where it says.
    pub fn basis(&self) -> Option<Basis> {
        match *self {
            Requirement::Threshold { basis, .. } | Requirement::Band { basis, .. } => Some(basis),
            Requirement::Range { .. } => None,
        }
    }

    /// The single number that stands for the requirement, where there is one.
    pub fn value(&self) -> Option<f64> {
        match self {
            Requirement::Threshold { value, .. } => Some(*value),
            Requirement::Band { center, .. } => Some(*center),
            Requirement::Range { .. } => None,
        }
    }

    pub fn met_by(&self, actual: f64) -> bool {
        match *self {
            Requirement::Threshold { cmp, value, .. } => cmp.holds(actual, value),
            Requirement::Band { min, max, .. } | Requirement::Range { min, max } => {
                (min..=max).contains(&actual)
            }
        }
    }
}

/// The judgement of one indicator in one year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Judgement {
    pub requirement: Option<Requirement>,
    pub status: Status,
    /// 完成进度: (actual − baseline) / (target − baseline), for a target still to reach.
    pub completion: Option<f64>,
    /// Why a reported figure could not be judged.
    pub unjudged: Option<Unjudged>,
    /// What was achieved against what the schedule required by now
    /// ([`rules::pace_by`]), where the kind has a pace.
    pub pace_ratio: Option<f64>,
}

/// Share of the plan period elapsed in `year`: 0 at the baseline, 1 from the target year on.
pub fn elapsed(meta: &PlanMeta, year: i32) -> f64 {
    let span = f64::from(meta.target_year - meta.baseline_year);
    (f64::from(year - meta.baseline_year) / span).clamp(0.0, 1.0)
}

/// Decides the status of a level reported as `actual` against the plan's
/// baseline, for the rules' unit tests (see [`judge_figure`]).
#[cfg(test)]
pub fn judge(indicator: &Indicator, meta: &PlanMeta, year: i32, actual: Option<f64>) -> Judgement {
    judge_figure(indicator, meta, year, &Figure::level(indicator, actual))
}

/// Judges indicator `index` of `plan` in `year` from the figures `lookup`
/// gives: what the judgement rests on ([`figure::gather`]) and the
/// judgement ([`judge_figure`]). Every view — the year, the period, the
/// regions rows and grid — calls this, so they cannot disagree.
pub fn judge_indicator(
    plan: &Plan,
    index: IndicatorIdx,
    year: i32,
    lookup: &impl figure::Lookup,
) -> (Figure, Judgement) {
    let figure = figure::gather(plan, index, year, lookup);
    let judgement = judge_figure(&plan.indicators[index as usize], &plan.meta, year, &figure);
    (figure, judgement)
}

/// Decides the status of one indicator in one year, from what its judgement
/// rests on ([`figure::gather`]). The only place a status is decided.
pub fn judge_figure(
    indicator: &Indicator,
    meta: &PlanMeta,
    year: i32,
    figure: &Figure,
) -> Judgement {
    let at = rules::Year::new(indicator, meta, year);
    rules::with_kind(&indicator.rule, |kind| judge_by(kind, &at, figure))
}

/// The status of indicator `index` of `plan` in `year`, and nothing else:
/// [`judge_indicator`]'s status, decided by the same [`decide`], for the
/// views that show only the status (the regions rows and grid).
pub fn status_of(
    plan: &Plan,
    index: IndicatorIdx,
    year: i32,
    lookup: &impl figure::Lookup,
) -> Status {
    let figure = figure::gather(plan, index, year, lookup);
    let indicator = &plan.indicators[index as usize];
    let at = rules::Year::new(indicator, &plan.meta, year);
    rules::with_kind(&indicator.rule, |kind| decide(kind, &at, &figure).1)
}

/// [`judge_figure`], by the indicator's kind.
fn judge_by(kind: &dyn rules::RuleKind, at: &rules::Year, figure: &Figure) -> Judgement {
    let (requirement, status, unjudged) = decide(kind, at, figure);
    let completion = match status {
        Status::NotAssessed | Status::Undetermined => None,
        _ => kind.completion(figure),
    };
    let pace_ratio = match status {
        Status::NotAssessed | Status::Undetermined | Status::Missing => None,
        _ => rules::pace_by(kind, at, figure, requirement.as_ref(), completion),
    };
    Judgement {
        requirement,
        status,
        completion,
        unjudged,
        pace_ratio,
    }
}

/// The requirement, the status and why a reported figure cannot be judged:
/// the one place a status is decided.
fn decide(
    kind: &dyn rules::RuleKind,
    at: &rules::Year,
    figure: &Figure,
) -> (Option<Requirement>, Status, Option<Unjudged>) {
    let requirement = rules::requirement_by(kind, at, figure);
    match (requirement, figure.reported) {
        (Ok(None), _) => (None, Status::NotAssessed, None),
        // No figure: the requirement, when it can be made, is still shown.
        (requirement, None) => (requirement.ok().flatten(), Status::Missing, None),
        (Err(why), Some(_)) => (None, Status::Undetermined, Some(why)),
        (Ok(Some(req)), Some(_)) => match figure.value {
            Some(value) => (Some(req), rules::status_by(kind, at, value, &req), None),
            None => (Some(req), Status::Undetermined, figure.unjudged.clone()),
        },
    }
}

/// One indicator's line in a year's report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndicatorResult {
    pub id: String,
    pub category: String,
    pub name: String,
    pub unit: String,
    /// For a `其中` row: the id of the total it is part of.
    pub part_of: Option<String>,
    pub attribute: Attribute,
    /// The heading the row stands under, if any (`每千人口拥有医护人员数`).
    pub group: Option<String>,
    /// The baseline the requirement runs from: the plan's, or the statistics'
    /// of the baseline year when the plan prints none.
    pub baseline: Option<f64>,
    /// The baseline cell as printed, when it is more than the number (`10.5*`, `—`).
    pub baseline_text: Option<String>,
    pub baseline_year: i32,
    /// Share of this indicator's own period elapsed (时间进度): from its
    /// baseline year, which a `*` row sets earlier than the plan's.
    pub elapsed: f64,
    /// True when the baseline came from the statistics.
    pub baseline_from_data: bool,
    /// The target as printed: the target-year cell, or the 年均/累计 one.
    pub target_text: String,
    /// The requirement's number (time-proportional value, target, projection centre), if any.
    pub required: Option<f64>,
    pub requirement: Option<Requirement>,
    /// The year's figure as reported.
    pub actual: Option<f64>,
    /// The figure judged when it is made from the yearly figures (a compound
    /// average, a cumulative change), and how.
    pub derived: Option<Derived>,
    /// The other indicator's figure, for a relative target.
    pub reference: Option<f64>,
    pub status: Status,
    pub pass: bool,
    pub completion: Option<f64>,
    /// Pace ratio: what was achieved against what the schedule required by
    /// now (完成进度 ÷ time elapsed; a rate achieved ÷ the rate required).
    pub pace_ratio: Option<f64>,
    /// Why a reported figure could not be judged (status `undetermined`).
    pub unjudged: Option<Unjudged>,
    /// The plan's note on this indicator.
    pub note: Option<String>,
    /// Words printed after the requirement, shown and never judged.
    pub clause: Option<String>,
    /// In a period's latest report: the older year this figure is from, when
    /// the indicator was not reported in the latest year.
    pub as_of: Option<i32>,
    /// Where the figure was read, when a row held it.
    pub file: Option<String>,
    pub line: Option<u64>,
    /// The row's 来源 (or its 备注, when it has no 来源).
    pub source: Option<String>,
    /// The row's 备注 beside its 来源 (a proxy figure, a revision).
    pub remark: Option<String>,
    /// The figure as submitted, when it came in another unit and was converted.
    pub converted_from: Option<SubmittedFigure>,
}

/// A figure in the unit it was submitted in.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SubmittedFigure {
    pub value: f64,
    pub unit: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Counts {
    pub total: usize,
    pub pass: usize,
    pub achieved: usize,
    pub on_track: usize,
    pub behind: usize,
    pub failed: usize,
    pub missing: usize,
    pub undetermined: usize,
    pub not_assessed: usize,
}

impl Counts {
    pub(crate) fn add(&mut self, status: Status) {
        self.total += 1;
        self.pass += usize::from(status.passes());
        *match status {
            Status::Achieved => &mut self.achieved,
            Status::OnTrack => &mut self.on_track,
            Status::Behind => &mut self.behind,
            Status::Failed => &mut self.failed,
            Status::Missing => &mut self.missing,
            Status::Undetermined => &mut self.undetermined,
            Status::NotAssessed => &mut self.not_assessed,
        } += 1;
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Summary {
    pub binding: Counts,
    pub expected: Counts,
    /// Ids of binding indicators that do not pass (behind, failed, missing or undetermined).
    pub failing_binding: Vec<String>,
    /// Ids of expected indicators that do not pass.
    pub failing_expected: Vec<String>,
}

impl Summary {
    fn of(results: &[IndicatorResult]) -> Summary {
        let mut summary = Summary {
            binding: Counts::default(),
            expected: Counts::default(),
            failing_binding: Vec::new(),
            failing_expected: Vec::new(),
        };
        for r in results {
            let (counts, failing) = match r.attribute {
                Attribute::Binding => (&mut summary.binding, &mut summary.failing_binding),
                Attribute::Expected => (&mut summary.expected, &mut summary.failing_expected),
            };
            counts.add(r.status);
            if r.status.fails_run(r.attribute, true) {
                failing.push(r.id.clone());
            }
        }
        summary
    }
}

/// A total whose parts do not add up to it in the submitted figures (勾稽关系).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PartsMismatch {
    pub total: String,
    pub parts: Vec<String>,
    pub total_value: f64,
    pub parts_sum: f64,
}

impl PartsMismatch {
    fn from_check(plan: &Plan, check: &PartsCheck) -> Self {
        let id = |i: IndicatorIdx| plan.indicators[i as usize].id.clone();
        PartsMismatch {
            total: id(check.total),
            parts: check.parts.iter().map(|&p| id(p)).collect(),
            total_value: check.total_value,
            parts_sum: check.parts_sum,
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PlanInfo {
    pub id: String,
    pub title: String,
    pub file: String,
    pub baseline_year: i32,
    pub target_year: i32,
    /// The notes under the plan's table, as printed.
    pub notes: Vec<String>,
    /// The issuing body, date, source table and address, for the report.
    #[serde(skip)]
    #[schemars(skip)]
    pub issuer: Option<String>,
    #[serde(skip)]
    #[schemars(skip)]
    pub issued: Option<String>,
    #[serde(skip)]
    #[schemars(skip)]
    pub table: Option<String>,
    #[serde(skip)]
    #[schemars(skip)]
    pub source: Option<String>,
}

impl IndicatorResult {
    /// The name as the plan table shows it (`其中：普通小学`).
    pub fn display_name(&self) -> String {
        display_name(&self.name, self.part_of.is_some(), self.group.as_deref())
    }
}

/// The judgement of every indicator for one region and one year.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct YearReport {
    pub plan: PlanInfo,
    pub region: String,
    pub year: i32,
    /// Share of the plan period elapsed (时间进度), 0 to 1.
    pub elapsed: f64,
    pub summary: Summary,
    pub results: Vec<IndicatorResult>,
    /// Totals whose submitted parts do not add up (a note, never a failure).
    pub parts_mismatches: Vec<PartsMismatch>,
}

/// The figures of one region, by indicator and year.
pub fn lookup(
    observations: &Observations,
    region: Id,
) -> impl Fn(IndicatorIdx, i32) -> Option<f64> {
    move |indicator, year| {
        observations.value(&Key {
            region,
            year,
            indicator,
        })
    }
}

/// One indicator's line in `year`, from what its judgement rests on.
#[allow(clippy::too_many_lines)]
pub fn indicator_result(
    plan: &Plan,
    observations: &Observations,
    region: Id,
    index: IndicatorIdx,
    year: i32,
) -> IndicatorResult {
    let ind = &plan.indicators[index as usize];
    let obs = observations.get(&Key {
        region,
        year,
        indicator: index,
    });
    let (figure, judgement) = judge_indicator(plan, index, year, &lookup(observations, region));
    let source = obs
        .and_then(|o| o.source)
        .map(|s| crate::stats::source_text(observations.sources.get(s)));
    IndicatorResult {
        id: ind.id.clone(),
        category: ind.category.clone(),
        name: ind.name.clone(),
        unit: ind.unit.clone(),
        attribute: ind.attribute,
        group: ind.group.clone(),
        baseline: figure.baseline,
        baseline_text: ind.baseline_text.clone(),
        baseline_year: ind.baseline_year,
        elapsed: ind.elapsed(&plan.meta, year),
        baseline_from_data: figure.baseline_from_data,
        target_text: ind.printed_target().to_owned(),
        required: judgement.requirement.and_then(|r| r.value()),
        requirement: judgement.requirement,
        actual: figure.reported,
        derived: figure.derived,
        reference: figure.reference,
        status: judgement.status,
        pass: judgement.status.passes(),
        completion: judgement.completion,
        pace_ratio: judgement.pace_ratio,
        unjudged: judgement.unjudged,
        note: ind.note.clone(),
        clause: ind.clause.clone(),
        as_of: None,
        file: obs.map(|o| observations.files.get(o.origin.file).to_owned()),
        line: obs.map(|o| o.origin.line),
        source: source.map(|(s, _)| s.to_owned()),
        remark: source.and_then(|(_, r)| r).map(str::to_owned),
        converted_from: obs.and_then(|o| o.converted_from).map(|c| SubmittedFigure {
            value: c.value,
            unit: observations.units.get(c.unit).to_owned(),
        }),
        part_of: ind.part_of.map(|t| plan.indicators[t as usize].id.clone()),
    }
}

/// What the plan says of itself, for every output.
pub fn plan_info(plan: &Plan) -> PlanInfo {
    let meta = &plan.meta;
    PlanInfo {
        id: meta.id.clone(),
        title: meta.title.clone(),
        file: plan.path.clone(),
        baseline_year: meta.baseline_year,
        target_year: meta.target_year,
        notes: meta.notes.clone(),
        issuer: meta.issuer.clone(),
        issued: meta.issued.clone(),
        table: meta.table.clone(),
        source: meta.source.clone(),
    }
}

/// Judges every indicator of `plan` for `region` in `year`, from `observations`.
pub fn assess_year(plan: &Plan, observations: &Observations, region: Id, year: i32) -> YearReport {
    let meta = &plan.meta;
    let results: Vec<IndicatorResult> = (0..plan.indicators.len())
        .map(|i| indicator_result(plan, observations, region, i as IndicatorIdx, year))
        .collect();
    let figures = lookup(observations, region);
    let parts_mismatches = check_parts(plan, |i| figures(i, year))
        .iter()
        .filter(|c| !c.adds_up())
        .map(|c| PartsMismatch::from_check(plan, c))
        .collect();
    YearReport {
        plan: plan_info(plan),
        region: observations.regions.get(region).to_owned(),
        year,
        elapsed: elapsed(meta, year),
        summary: Summary::of(&results),
        results,
        parts_mismatches,
    }
}

/// Plans and indicators for the rules' unit tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::plan::{Attribute, DEFAULT_AHEAD_RATIO, Indicator, PlanMeta, Rule};
    use std::collections::BTreeMap;

    /// A plan from 2020 to 2025.
    pub fn meta() -> PlanMeta {
        PlanMeta {
            id: "p".into(),
            title: "t".into(),
            region: None,
            issuer: None,
            issued: None,
            table: None,
            source: None,
            baseline_year: 2020,
            target_year: 2025,
            ahead_ratio: DEFAULT_AHEAD_RATIO,
            on_schedule_ratio: crate::plan::DEFAULT_ON_SCHEDULE_RATIO,
            notes: Vec::new(),
            is_default: false,
            about_pct: crate::plan::DEFAULT_ABOUT_PCT,
            bare_numbers: None,
        }
    }

    pub fn indicator(baseline: f64, rule: Rule, attribute: Attribute) -> Indicator {
        Indicator {
            id: "x".into(),
            category: "c".into(),
            name: "n".into(),
            unit: "%".into(),
            baseline: Some(baseline),
            baseline_text: None,
            baseline_year: 2020,
            target_text: String::new(),
            period_target: None,
            measure: crate::plan::Measure::Level,
            group: None,
            note: None,
            clause: None,
            attribute,
            rule,
            part_of: None,
            year_requirements: BTreeMap::new(),
            valid: crate::plan::Valid::default(),
            line: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::meta;
    use super::*;
    use crate::plan::{Attribute, Comparator::*, Threshold};

    fn indicator(baseline: f64, rule: Rule) -> Indicator {
        super::fixtures::indicator(baseline, rule, Attribute::Expected)
    }

    fn threshold(cmp: Comparator, value: f64) -> Rule {
        Rule::Threshold(Threshold { cmp, value })
    }

    fn status(ind: &Indicator, year: i32, actual: f64) -> Status {
        judge(ind, &meta(), year, Some(actual)).status
    }

    /// 财政性教育经费占比: 17.99 (2020) → ＞19 (2025); 2023 requires 18.596.
    fn spending() -> Indicator {
        indicator(17.99, threshold(Greater, 19.0))
    }

    #[test]
    fn schedule_value_is_time_proportional() {
        let r = judge(&spending(), &meta(), 2023, None).requirement.unwrap();
        assert_eq!(
            r,
            Requirement::Threshold {
                cmp: GreaterOrEqual,
                value: 18.596,
                basis: Basis::Schedule
            }
        );
    }

    #[test]
    fn behind_and_on_track_against_the_schedule() {
        assert_eq!(status(&spending(), 2023, 18.0), Status::Behind);
        assert_eq!(status(&spending(), 2023, 18.7), Status::OnTrack);
    }

    #[test]
    fn exactly_at_the_schedule_value_is_on_track() {
        assert_eq!(status(&spending(), 2023, 18.596), Status::OnTrack);
        assert_eq!(status(&spending(), 2023, 18.595), Status::Behind);
    }

    #[test]
    fn meeting_the_target_early_is_achieved_and_strictness_applies_to_the_target() {
        assert_eq!(status(&spending(), 2023, 19.5), Status::Achieved);
        // ＞19 is not met by 19 itself: on the schedule, but not achieved.
        assert_eq!(status(&spending(), 2023, 19.0), Status::OnTrack);
    }

    #[test]
    fn in_and_after_the_target_year_the_target_is_the_requirement() {
        for year in [2025, 2027] {
            assert_eq!(status(&spending(), year, 19.01), Status::Achieved);
            assert_eq!(status(&spending(), year, 19.0), Status::Failed, "strict ＞");
            assert_eq!(status(&spending(), year, 18.9), Status::Failed);
        }
        let ge = indicator(17.99, threshold(GreaterOrEqual, 19.0));
        assert_eq!(status(&ge, 2025, 19.0), Status::Achieved);
    }

    #[test]
    fn baseline_year_requires_the_baseline() {
        assert_eq!(status(&spending(), 2020, 17.99), Status::OnTrack);
        assert_eq!(status(&spending(), 2020, 17.98), Status::Behind);
    }

    #[test]
    fn a_held_line_is_achieved_while_held_behind_when_broken_failed_at_the_target() {
        // 九年义务教育巩固率: 100 (2020), ＞96.
        let retention = indicator(100.0, threshold(Greater, 96.0));
        let r = judge(&retention, &meta(), 2022, None).requirement.unwrap();
        assert_eq!(
            r,
            Requirement::Threshold {
                cmp: Greater,
                value: 96.0,
                basis: Basis::Hold
            }
        );
        assert_eq!(status(&retention, 2022, 99.0), Status::Achieved);
        assert_eq!(status(&retention, 2022, 96.0), Status::Behind);
        assert_eq!(status(&retention, 2025, 95.0), Status::Failed);
        assert_eq!(
            judge(&retention, &meta(), 2022, Some(99.0)).completion,
            None
        );
    }

    #[test]
    fn lower_is_better_thresholds_run_downwards() {
        let rate = indicator(10.0, threshold(LessOrEqual, 5.0));
        // 2022: 10 − 5 × 2/5 = 8.
        assert_eq!(status(&rate, 2022, 8.0), Status::OnTrack);
        assert_eq!(status(&rate, 2022, 8.1), Status::Behind);
        assert_eq!(status(&rate, 2022, 4.0), Status::Achieved);
        let c = judge(&rate, &meta(), 2022, Some(8.0)).completion.unwrap();
        assert!((c - 0.4).abs() < 1e-12);
    }

    #[test]
    fn a_projection_is_judged_within_its_band() {
        // 在校学生数 12.8 → 11.1, ±5 %: 2023 centre 11.78, band 11.191..12.369.
        let pupils = indicator(
            12.8,
            Rule::Projection {
                value: 11.1,
                tolerance_pct: 5.0,
            },
        );
        let Some(Requirement::Band {
            center, min, max, ..
        }) = judge(&pupils, &meta(), 2023, None).requirement
        else {
            panic!("a band");
        };
        assert_eq!((center, min, max), (11.78, 11.191, 12.369));
        assert_eq!(status(&pupils, 2023, 12.369), Status::OnTrack);
        assert_eq!(status(&pupils, 2023, 11.191), Status::OnTrack);
        assert_eq!(status(&pupils, 2023, 12.4), Status::Failed);
        assert_eq!(status(&pupils, 2025, 11.2), Status::Achieved);
        assert_eq!(status(&pupils, 2025, 12.0), Status::Failed);
        assert_eq!(judge(&pupils, &meta(), 2023, Some(12.0)).completion, None);
    }

    #[test]
    fn a_range_is_held_every_year() {
        let range = indicator(5.0, Rule::Range { min: 4.0, max: 6.0 });
        assert_eq!(status(&range, 2022, 6.0), Status::Achieved);
        assert_eq!(status(&range, 2022, 6.5), Status::Behind);
        assert_eq!(status(&range, 2025, 6.5), Status::Failed);
    }

    #[test]
    fn a_year_requirement_replaces_the_schedule() {
        let mut ind = spending();
        ind.year_requirements.insert(
            2023,
            crate::plan::YearRequirement::Threshold(Threshold {
                cmp: GreaterOrEqual,
                value: 18.2,
            }),
        );
        assert_eq!(status(&ind, 2023, 18.3), Status::OnTrack);
        assert_eq!(status(&ind, 2023, 18.1), Status::Behind);
        assert_eq!(
            status(&ind, 2022, 18.3),
            Status::Behind,
            "2022 keeps the schedule: 18.394"
        );
    }

    #[test]
    fn missing_and_not_assessed() {
        assert_eq!(
            judge(&spending(), &meta(), 2023, None).status,
            Status::Missing
        );
        let qualitative = indicator(0.0, Rule::NotAssessed);
        let j = judge(&qualitative, &meta(), 2023, Some(1.0));
        assert_eq!(j.status, Status::NotAssessed);
        assert_eq!(j.requirement, None);
    }

    #[test]
    fn completion_reads_against_elapsed_time() {
        let j = judge(&spending(), &meta(), 2023, Some(18.596));
        assert!((j.completion.unwrap() - 0.6).abs() < 1e-9);
        assert_eq!(elapsed(&meta(), 2023), 0.6);
        assert_eq!(elapsed(&meta(), 2030), 1.0);
    }

    #[test]
    fn only_failing_statuses_fail_a_run() {
        use Attribute::*;
        for s in Status::ALL {
            let binding_fails = s.fails_run(Binding, false);
            assert_eq!(
                binding_fails,
                matches!(
                    s,
                    Status::Behind | Status::Failed | Status::Missing | Status::Undetermined
                ),
                "{s:?}"
            );
            assert!(!s.fails_run(Expected, false), "{s:?}");
            assert_eq!(s.fails_run(Expected, true), binding_fails, "{s:?}");
        }
    }
}
