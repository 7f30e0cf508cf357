//! One evaluation per run: the view the figures call for (one year, the
//! period, many regions), everything a renderer draws, and the run's outcome,
//! decided here once for every output.

use super::period::{PeriodReport, assess_period};
use super::regions::{RegionsReport, assess_regions};
use super::{IndicatorResult, YearReport, assess_year};
use crate::diagnostic::Diagnostic;
use crate::plan::PlanSet;
use crate::stats::{Id, Observations, RegionYear};
use std::borrow::Cow;

/// What a run shows.
pub enum View<'a> {
    /// One region, one year.
    Year(Box<YearReport>),
    /// One region, several years: the period view.
    Period(Box<PeriodReport>),
    /// Several regions: each one's latest year.
    Regions(RegionsReport<'a>),
}

/// How the run ends, which the exit code follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every binding indicator meets its requirement (with `--strict`: every
    /// judged indicator), in the latest year of every region.
    Pass,
    /// A binding indicator does not (with `--strict`: any judged indicator).
    Fail,
    /// A statistics file could not be read, or a region's figures clash:
    /// what they hold was not checked, whatever the others say.
    Incomplete,
}

/// A statistics file that could not be read, with its errors; or, with a
/// `region`, a file whose figures for that region clash with figures
/// already read (a key reported twice): that region is left out.
#[derive(Debug, Clone)]
pub struct FailedInput {
    /// The file as messages name it.
    pub file: String,
    /// The region left out, when only its figures could not be judged.
    pub region: Option<String>,
    pub errors: Vec<Diagnostic>,
}

impl Outcome {
    pub fn passes(self) -> bool {
        self == Outcome::Pass
    }
}

/// A checked run, as every renderer sees it.
pub struct Evaluation<'a> {
    pub view: View<'a>,
    /// Decided once, by [`decide`], honouring `--strict` for every output.
    pub outcome: Outcome,
    /// `--strict`: expected indicators count toward the outcome too.
    pub strict: bool,
    /// Non-fatal problems in the input; machine formats carry them.
    pub warnings: Vec<Diagnostic>,
    /// The statistics files read, as given (`<stdin>` for standard input).
    pub inputs: Vec<String>,
    /// The files that could not be read: the run is [`Outcome::Incomplete`].
    pub failed: Vec<FailedInput>,
}

impl<'a> Evaluation<'a> {
    /// Judges the figures of a run: one (region, year) is a year's check, one
    /// region with several years the period view, several regions one row
    /// each. `region_years` lists the run's (region, year) pairs in order.
    /// `regions_left_out`: some regions' figures were taken out (they clash),
    /// so the run was of several regions, and stays the regions view even
    /// when one region is left to judge.
    pub fn assess(
        plans: &'a PlanSet,
        observations: &'a Observations,
        region_years: &[RegionYear],
        plan_of: impl Fn(Id) -> usize,
        strict: bool,
        regions_left_out: bool,
    ) -> Evaluation<'a> {
        let mut regions: Vec<Id> = region_years.iter().map(|g| g.region).collect();
        regions.dedup();
        let view = match regions.as_slice() {
            [region] if !regions_left_out => {
                let plan = &plans.plans[plan_of(*region)];
                let years: Vec<i32> = region_years.iter().map(|g| g.year).collect();
                match years.as_slice() {
                    [year] => View::Year(Box::new(assess_year(plan, observations, *region, *year))),
                    _ => View::Period(Box::new(assess_period(plan, observations, *region, &years))),
                }
            }
            _ => View::Regions(assess_regions(plans, observations, region_years, plan_of)),
        };
        Evaluation::of(view, strict)
    }

    /// The evaluation of a view already judged.
    pub fn of(view: View<'a>, strict: bool) -> Evaluation<'a> {
        Evaluation {
            outcome: decide(&view, strict, &[]),
            view,
            strict,
            warnings: Vec::new(),
            inputs: Vec::new(),
            failed: Vec::new(),
        }
    }

    /// The files that could not be read; the outcome is decided again.
    pub fn with_failures(mut self, failed: Vec<FailedInput>) -> Self {
        self.outcome = decide(&self.view, self.strict, &failed);
        self.failed = failed;
        self
    }

    pub fn with_inputs(mut self, warnings: Vec<Diagnostic>, inputs: Vec<String>) -> Self {
        self.warnings = warnings;
        self.inputs = inputs;
        self
    }

    /// Whether an indicator's result counts against the run (a binding one
    /// that does not pass, or judged at an earlier year than the run's
    /// latest; with `--strict`, any judged one).
    pub fn fails_run(&self, result: &IndicatorResult) -> bool {
        result.run_status().fails_run(result.attribute, self.strict)
    }

    /// The year reports the per-indicator formats (JUnit, GitHub, the
    /// workbook) show: the one year, the period's latest year, or each
    /// region's latest year (made here: these formats hold every region; JSON
    /// and CSV stream them instead).
    pub fn year_reports(&self) -> Vec<Cow<'_, YearReport>> {
        match &self.view {
            View::Year(report) => vec![Cow::Borrowed(report)],
            View::Period(period) => vec![Cow::Borrowed(&period.latest)],
            View::Regions(regions) => regions.reports.iter().map(Cow::Owned).collect(),
        }
    }
}

/// The run's outcome: the one place it is decided. A file that could not be
/// read makes it incomplete; else a year fails when a binding indicator does
/// not pass, or with `strict` any judged one; the period view is decided on
/// each indicator's latest year; many regions fail when any region does.
pub fn decide(view: &View, strict: bool, failed: &[FailedInput]) -> Outcome {
    if !failed.is_empty() {
        return Outcome::Incomplete;
    }
    let fails = |failing_binding: usize, failing_expected: usize| {
        failing_binding > 0 || (strict && failing_expected > 0)
    };
    let failed = match view {
        View::Year(report) => fails(
            report.summary.failing_binding.len(),
            report.summary.failing_expected.len(),
        ),
        View::Period(period) => fails(
            period.summary.latest.failing_binding.len(),
            period.summary.latest.failing_expected.len(),
        ),
        View::Regions(regions) => regions
            .regions
            .iter()
            .any(|r| fails(r.failing_binding.len(), r.failing_expected)),
    };
    if failed { Outcome::Fail } else { Outcome::Pass }
}
