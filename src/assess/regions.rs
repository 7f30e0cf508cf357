//! Many regions in one run: each region's latest year judged exactly as the
//! single-year check judges it, then one row per region, worst first.

use super::as_of::{assess_latest, judged_year};
use super::{Counts, Status, YearReport, status_of};
use crate::plan::{Attribute, IndicatorIdx, PlanSet};
use crate::stats::{Id, Key, Observations, RegionYear};
use schemars::JsonSchema;
use serde::Serialize;

/// One region's latest year, in brief.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RegionRow<'a> {
    pub region: &'a str,
    /// The id of the plan the region was judged against.
    pub plan: &'a str,
    /// The region's latest year.
    pub year: i32,
    pub binding: Counts,
    pub expected: Counts,
    /// Ids of the binding indicators that do not pass.
    pub failing_binding: Vec<&'a str>,
    /// How many expected indicators do not pass (their ids are in the region's
    /// full report; kept as a count so many regions stay cheap).
    pub failing_expected: usize,
    /// Each indicator's status at the row's year, in the plan's order (for
    /// the matrix): one judged at an earlier year is 未填报 here, as it is
    /// counted ([`Status::at_run_year`]); how it stood then is in
    /// `judged_earlier`.
    pub statuses: Vec<Status>,
    /// The indicators not reported in `year`, judged at their own latest
    /// reported year (the region's full report marks each `as_of`).
    pub judged_earlier: Vec<JudgedEarlier<'a>>,
    /// The run's latest year (the row's `year` when the region has figures
    /// for it).
    #[serde(skip)]
    pub run_year: i32,
    #[serde(skip)]
    pub plan_index: usize,
    #[serde(skip)]
    pub region_id: Id,
    /// Where the region's (region, year) pairs lie in the run's.
    #[serde(skip)]
    pub(super) run: std::ops::Range<usize>,
}

/// An indicator of a region's row judged at an earlier year than the row's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct JudgedEarlier<'a> {
    pub id: &'a str,
    /// The year it is judged at: its latest reported.
    pub year: i32,
    /// Its status at that year.
    pub status: Status,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RegionsSummary {
    pub regions: usize,
    /// Regions with a binding indicator that does not pass.
    pub regions_failing_binding: usize,
    /// Regions with an expected indicator that does not pass.
    pub regions_failing_expected: usize,
}

/// Every region of a run.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RegionsReport<'a> {
    /// Every year present in the run.
    pub years: Vec<i32>,
    pub summary: RegionsSummary,
    /// One row per region, worst first: most failing binding indicators, then
    /// most failing expected ones, then by name.
    pub regions: Vec<RegionRow<'a>>,
    /// Each region's latest year in full, in the order of `regions`, judged
    /// one region at a time as it is read: a renderer that streams them (JSON,
    /// CSV) holds one region's report at a time, whatever the number of regions.
    #[schemars(with = "Vec<YearReport>")]
    pub reports: Reports<'a>,
    /// What the tables show of each plan of the run, by the rows' `plan_index`.
    #[serde(skip)]
    #[schemars(skip)]
    pub plans: Vec<PlanColumns>,
}

impl RegionsReport<'_> {
    /// The regions with a binding indicator that does not pass, worst first.
    pub fn failing_binding(&self) -> Vec<&str> {
        self.regions
            .iter()
            .filter(|r| !r.failing_binding.is_empty())
            .map(|r| r.region)
            .collect()
    }
}

/// A plan as the regions table and the region × indicator grid name it.
#[derive(Debug, Clone)]
pub struct PlanColumns {
    pub title: String,
    pub region: Option<String>,
    /// The indicators, in the plan's order (the grid's columns).
    pub indicators: Vec<Column>,
}

/// One indicator as a column of the grid.
#[derive(Debug, Clone)]
pub struct Column {
    pub id: String,
    pub category: String,
    /// The name as the plan table shows it (`其中：普通小学`).
    pub name: String,
    pub attribute: Attribute,
}

/// Each region's full report of its latest year, made when asked for: the
/// same pure judgement as [`assess_latest`] (each indicator at its own
/// latest reported year), deferred so that memory does not grow with the
/// number of regions.
#[derive(Clone)]
pub struct Reports<'a> {
    plans: &'a PlanSet,
    observations: &'a Observations,
    /// Every region's years, region by region.
    years: Vec<i32>,
    /// (region, plan, where its years lie in `years`) of each row, in the
    /// order of the rows.
    rows: Vec<(Id, usize, std::ops::Range<usize>)>,
    /// The run's latest year: a region with nothing for it is reported at
    /// it, each indicator at its own latest year (as its row counts it).
    run_year: i32,
}

impl<'a> Reports<'a> {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The reports, one at a time, in the order of the rows.
    pub fn iter(&self) -> impl Iterator<Item = YearReport> + '_ {
        self.rows.iter().map(|(region, plan, years)| {
            let years = self.years.get(years.clone()).unwrap_or_default();
            let plan = &self.plans.plans[*plan];
            match years.last() {
                // Nothing for the run's year: its report is of that year,
                // every figure of an earlier one (it said 已达标 of 2021 in
                // CSV and JUnit beside a run that failed the region).
                Some(&last) if last < self.run_year => {
                    let mut with_run_year = years.to_vec();
                    with_run_year.push(self.run_year);
                    assess_latest(plan, self.observations, *region, &with_run_year)
                }
                _ => assess_latest(plan, self.observations, *region, years),
            }
        })
    }
}

impl std::fmt::Debug for Reports<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Reports({} regions)", self.rows.len())
    }
}

impl Serialize for Reports<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// From this many regions on, they are judged on two threads.
const PARALLEL_REGIONS: usize = 1024;

/// Judges the latest year of every region. `region_years` lists the (region,
/// year) pairs of the run in order; `plan_of` gives each region's plan.
pub fn assess_regions<'a>(
    plans: &'a PlanSet,
    observations: &'a Observations,
    region_years: &[RegionYear],
    plan_of: impl Fn(Id) -> usize,
) -> RegionsReport<'a> {
    let mut years: Vec<i32> = region_years.iter().map(|g| g.year).collect();
    years.sort_unstable();
    years.dedup();
    // Each region's run of pairs (its latest year last), where it starts,
    // and the region's plan.
    let mut start = 0;
    let runs: Vec<(&[RegionYear], usize, usize)> = region_years
        .chunk_by(|a, b| a.region == b.region)
        .map(|run| {
            start += run.len();
            (run, start - run.len(), plan_of(run[0].region))
        })
        .collect();
    let run_year = years.last().copied().unwrap_or_default();
    let judge = |runs: &[(&[RegionYear], usize, usize)]| -> Vec<RegionRow<'a>> {
        runs.iter()
            .map(|&(run, start, plan_index)| {
                region_row(plans, observations, run, start, plan_index, run_year)
            })
            .collect()
    };
    // Many regions are judged on two threads, each half of them in order
    // (the judgement is pure: the rows are the same, in the same order).
    let mut rows = if runs.len() >= PARALLEL_REGIONS {
        let (first, second) = runs.split_at(runs.len() / 2);
        std::thread::scope(|scope| {
            let other = scope.spawn(|| judge(second));
            let mut rows = judge(first);
            match other.join() {
                Ok(more) => rows.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            rows
        })
    } else {
        judge(&runs)
    };
    // Region names are unique, so no two rows compare equal: an unstable sort
    // gives the same order, without the stable sort's buffer.
    rows.sort_unstable_by(|a, b| {
        b.failing_binding
            .len()
            .cmp(&a.failing_binding.len())
            .then(b.failing_expected.cmp(&a.failing_expected))
            .then_with(|| a.region.cmp(b.region))
    });
    let reports = Reports {
        plans,
        observations,
        years: region_years.iter().map(|g| g.year).collect(),
        rows: rows
            .iter()
            .map(|row| (row.region_id, row.plan_index, row.run.clone()))
            .collect(),
        run_year,
    };
    let plans = plans
        .plans
        .iter()
        .map(|plan| PlanColumns {
            title: plan.meta.title.clone(),
            region: plan.meta.region.clone(),
            indicators: plan
                .indicators
                .iter()
                .map(|i| Column {
                    id: i.id.clone(),
                    category: i.category.clone(),
                    name: i.display_name(),
                    attribute: i.attribute,
                })
                .collect(),
        })
        .collect();
    RegionsReport {
        plans,
        years,
        summary: RegionsSummary {
            regions: rows.len(),
            regions_failing_binding: rows
                .iter()
                .filter(|r| !r.failing_binding.is_empty())
                .count(),
            regions_failing_expected: rows.iter().filter(|r| r.failing_expected > 0).count(),
        },
        regions: rows,
        reports,
    }
}

/// One region's row: its latest year judged indicator by indicator, each at
/// its own latest reported year. `run` holds the region's (region, year)
/// pairs, its latest year last; they start at `start` among the run's pairs.
/// Counted at the run's latest year (`run_year`): a region whose latest is
/// earlier has no figure there (last year's return sent again passed where
/// this year's with a blank failed, a reviewer's city folder).
fn region_row<'a>(
    plans: &'a PlanSet,
    observations: &'a Observations,
    run: &[RegionYear],
    start: usize,
    plan_index: usize,
    run_year: i32,
) -> RegionRow<'a> {
    let group = run[run.len() - 1];
    let RegionYear { region, year, .. } = group;
    let plan = &plans.plans[plan_index];
    let mut row = RegionRow {
        region: observations.regions.get(region),
        plan: &plan.meta.id,
        year,
        binding: Counts::default(),
        expected: Counts::default(),
        failing_binding: Vec::new(),
        failing_expected: 0,
        statuses: Vec::with_capacity(plan.indicators.len()),
        judged_earlier: Vec::new(),
        run_year,
        plan_index,
        region_id: region,
        run: start..start + run.len(),
    };
    // The one judgement every view takes its status from; the
    // year's own figures from one scan of the region's rows, other
    // years' (an average, a cumulative change) looked up among the region's.
    let this_year = observations.values(&group, plan.indicators.len());
    let figures = |indicator: IndicatorIdx, y: i32| {
        if y == year {
            this_year.get(indicator as usize).copied().flatten()
        } else {
            observations.value_within(
                run,
                &Key {
                    region,
                    year: y,
                    indicator,
                },
            )
        }
    };
    for (index, ind) in plan.indicators.iter().enumerate() {
        let index = index as IndicatorIdx;
        // Each indicator at its own latest reported year, as in the period view.
        // Over the region's years and the run's (a region with nothing
        // for it is judged there, as its report is): never reported is
        // missing at the run's year, not judged earlier.
        let years = run
            .iter()
            .map(|g| g.year)
            .chain((year < run_year).then_some(run_year));
        let at = judged_year(years, |y| figures(index, y).is_some()).unwrap_or(run_year);
        let status = status_of(plan, index, at, &figures);
        if at != run_year {
            row.judged_earlier.push(JudgedEarlier {
                id: &ind.id,
                year: at,
                status,
            });
        }
        // Counted at the run's year: judged at an earlier one is 未填报
        // there; the row names it with how it stood at its year.
        let counted = status.at_run_year(at != run_year);
        let fails = counted.fails_run(ind.attribute, true);
        match ind.attribute {
            Attribute::Binding => {
                row.binding.add(counted);
                if fails {
                    row.failing_binding.push(&ind.id);
                }
            }
            Attribute::Expected => {
                row.expected.add(counted);
                row.failing_expected += usize::from(fails);
            }
        }
        row.statuses.push(counted);
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::parse_plan;
    use crate::stats::{Observation, Origin};

    /// A plan whose second indicator is judged on a figure of another year
    /// (a reduction over the period), so that a region's other years are looked up.
    fn plans() -> PlanSet {
        let plan = parse_plan(
            r#"
[plan]
id = "p"
title = "t"
baseline_year = 2020
target_year = 2025
[[indicator]]
id = "rate"
category = "c"
name = "比例"
unit = "%"
baseline = 90
target = "≥95"
attribute = "约束性"
[[indicator]]
id = "co2"
category = "c"
name = "单位GDP二氧化碳排放降低"
unit = "%"
baseline = "〔17.7〕"
target = "—"
period_target = "〔17〕"
measure = "yearly_change"
attribute = "预期性"
"#,
            "p.toml",
        )
        .expect("plan");
        PlanSet::new(vec![plan]).expect("plan set")
    }

    #[test]
    fn many_regions_judged_on_two_threads_are_judged_as_each_alone() {
        let plans = plans();
        let mut table = Observations::default();
        let file = table.begin_file("a.csv");
        let regions = PARALLEL_REGIONS + 77;
        let mut line = 1;
        for r in 0..regions {
            let region = table.regions.intern(&format!("区{r:05}"));
            // Some regions stop a year early; figures vary with the region.
            let last = if r % 7 == 0 { 2022 } else { 2023 };
            for year in 2021..=last {
                for (indicator, value) in [(0, 90.0 + (r % 9) as f64), (1, (r % 5) as f64)] {
                    // Every fifth region's first indicator is not in for its
                    // latest year: judged on the year before.
                    if r % 5 == 0 && indicator == 0 && year == last {
                        continue;
                    }
                    line += 1;
                    let key = Key {
                        region,
                        year,
                        indicator,
                    };
                    let observation = Observation {
                        value: Some(value),
                        origin: Origin { file, line },
                        source: None,
                        converted_from: None,
                    };
                    table.push(key, observation).expect("figure");
                }
            }
        }
        table
            .finish(|_, _| String::new(), "")
            .expect("no duplicates");
        let report = assess_regions(&plans, &table, &table.region_years(), |_| 0);
        assert_eq!(report.regions.len(), regions);
        // Each row's statuses are those of the region's full report of its
        // latest year, each indicator at its own latest year, judged alone,
        // and counted at the row's year (未填报 there when judged earlier).
        let mut failing = 0;
        for row in &report.regions {
            // A region with nothing for the run's year (2023) is reported
            // at it, each indicator at its own latest year.
            let mut years: Vec<i32> = (2021..=row.year).collect();
            if row.year < 2023 {
                years.push(2023);
            }
            let alone = assess_latest(&plans.plans[0], &table, row.region_id, &years);
            let statuses: Vec<Status> = alone
                .results
                .iter()
                .map(|r| r.status.at_run_year(r.as_of.is_some()))
                .collect();
            assert_eq!(row.statuses, statuses, "{}", row.region);
            for j in &row.judged_earlier {
                let r = alone.results.iter().find(|r| r.id == j.id).expect("judged");
                assert_eq!((Some(j.year), j.status), (r.as_of, r.status));
            }
            assert_eq!(row.year, if row.region_id % 7 == 0 { 2022 } else { 2023 });
            let earlier: Vec<&str> = alone
                .results
                .iter()
                .filter(|r| r.as_of.is_some())
                .map(|r| r.id.as_str())
                .collect();
            let ids: Vec<&str> = row.judged_earlier.iter().map(|j| j.id).collect();
            assert_eq!(ids, earlier, "{}", row.region);
            if row.year == 2023 {
                let expected: &[&str] = if row.region_id % 5 == 0 {
                    &["rate"]
                } else {
                    &[]
                };
                assert_eq!(ids, expected, "{}", row.region);
                assert!(row.judged_earlier.iter().all(|j| j.year == 2022));
            } else {
                assert_eq!(ids.len(), plans.plans[0].indicators.len(), "{}", row.region);
            }
            failing += usize::from(!row.failing_binding.is_empty());
        }
        // Worst first, then by name; both kinds of row are there.
        assert!(failing > 0 && failing < regions, "{failing}");
        assert!(report.regions.windows(2).all(|w| {
            (
                w[1].failing_binding.len(),
                w[1].failing_expected,
                w[0].region,
            ) <= (
                w[0].failing_binding.len(),
                w[0].failing_expected,
                w[1].region,
            )
        }));
        // The reduction over the period is read from the region's other years: the row's
        // status differs between regions whose totals differ.
        let first = report.regions[0].statuses[1];
        assert!(report.regions.iter().any(|r| r.statuses[1] != first));
    }
}
