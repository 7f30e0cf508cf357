//! One region's year: every indicator's line ([`IndicatorResult`]) as the
//! judgement makes it, the counts that decide the run, and the parts that do
//! not add up to their total.

use super::figure::{Derived, DerivedKind, Unjudged};
use super::{Requirement, Status, elapsed, judge_indicator};
use crate::plan::consistency::{PartsCheck, check_parts};
use crate::plan::{IndicatorIdx, Plan, display_name};
use crate::stats::{Id, Key, Observations};
use crate::vocabulary::Attribute;
use schemars::JsonSchema;
use serde::Serialize;

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
    /// True when the baseline came from the statistics and the year's
    /// requirement or completion rests on it (a 每年6900 row has no
    /// schedule to compute from it).
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
    /// What the requirement is on when it is not the year's figure (年均,
    /// 累计, the level less the baseline), from the rule, reported or not:
    /// `≥ 1` of 人均预期寿命 提高1岁 is a change of one year, not a level.
    pub judged_on: Option<DerivedKind>,
    /// The other indicator's figure, for a relative target.
    pub reference: Option<f64>,
    pub status: Status,
    pub pass: bool,
    pub completion: Option<f64>,
    /// Pace ratio: what was achieved against what the schedule required by
    /// now (完成进度 ÷ time elapsed; a rate achieved ÷ the rate required).
    pub pace_ratio: Option<f64>,
    /// The 完成进度 the schedule asks by this year, beside `completion`: the
    /// indicator's own time elapsed (`elapsed`), or on the path of constant
    /// growth (a level beside its 年均 rate) the share of the way that path
    /// has come.
    pub due: Option<f64>,
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
    /// The 年均/累计 cell's requirement, judged beside the target-year cell's
    /// when the row prints both (`status` is then both's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_check: Option<super::judge::PeriodCheck>,
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
    pub(crate) fn of(results: &[IndicatorResult]) -> Summary {
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
            let status = r.run_status();
            counts.add(status);
            if status.fails_run(r.attribute, true) {
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
    /// One part listed, and it is larger than its total.
    pub partial: bool,
}

impl PartsMismatch {
    fn from_check(plan: &Plan, check: &PartsCheck) -> Self {
        let id = |i: IndicatorIdx| plan.indicators[i as usize].id.clone();
        PartsMismatch {
            total: id(check.total),
            parts: check.parts.iter().map(|&p| id(p)).collect(),
            total_value: check.total_value,
            parts_sum: check.parts_sum,
            partial: check.partial(),
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

    /// The status the run's latest year counts ([`Status::at_run_year`]):
    /// judged at an earlier year (`as_of`), 未填报.
    pub fn run_status(&self) -> Status {
        self.status.at_run_year(self.as_of.is_some())
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
        baseline_from_data: figure.baseline_from_data
            && (judgement.completion.is_some()
                || judgement
                    .requirement
                    .is_some_and(|r| r.basis() == Some(crate::assess::Basis::Schedule))),
        target_text: ind.shown_target(),
        required: judgement.requirement.and_then(|r| r.value()),
        requirement: judgement.requirement,
        actual: figure.reported,
        derived: figure.derived,
        judged_on: crate::assess::rules::judged_on_of(ind),
        reference: figure.reference,
        status: judgement.status,
        pass: judgement.status.passes(),
        completion: judgement.completion,
        pace_ratio: judgement.pace_ratio,
        due: judgement.due,
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
        period_check: judgement.period,
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
