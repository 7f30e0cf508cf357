//! Many regions in one run: each region's latest year judged exactly as the
//! single-year check judges it, then one row per region, worst first.

use super::{Counts, Status, YearReport, assess_year, lookup, status_of};
use crate::plan::{Attribute, IndicatorIdx, PlanSet};
use crate::stats::{Id, Observations, RegionYear};
use schemars::JsonSchema;
use serde::Serialize;

/// One region's latest year, in brief.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RegionRow {
    pub region: String,
    /// The id of the plan the region was judged against.
    pub plan: String,
    /// The region's latest year.
    pub year: i32,
    pub binding: Counts,
    pub expected: Counts,
    /// Ids of the binding indicators that do not pass.
    pub failing_binding: Vec<String>,
    /// How many expected indicators do not pass (their ids are in the region's
    /// full report; kept as a count so many regions stay cheap).
    pub failing_expected: usize,
    /// Each indicator's status, in the plan's order (for the matrix).
    pub statuses: Vec<Status>,
    #[serde(skip)]
    pub plan_index: usize,
    #[serde(skip)]
    pub region_id: Id,
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
    pub regions: Vec<RegionRow>,
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
            .map(|r| r.region.as_str())
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
/// same pure judgement as [`assess_year`], deferred so that memory does not
/// grow with the number of regions.
#[derive(Clone)]
pub struct Reports<'a> {
    plans: &'a PlanSet,
    observations: &'a Observations,
    /// (region, plan, year) of each row, in the order of the rows.
    rows: Vec<(Id, usize, i32)>,
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
        self.rows.iter().map(|&(region, plan, year)| {
            assess_year(&self.plans.plans[plan], self.observations, region, year)
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
    // The latest year of each region (the last of its run of pairs), with
    // the region's plan.
    let latest: Vec<(RegionYear, usize)> = region_years
        .iter()
        .enumerate()
        .filter(|&(i, g)| {
            region_years
                .get(i + 1)
                .is_none_or(|next| next.region != g.region)
        })
        .map(|(_, &g)| (g, plan_of(g.region)))
        .collect();
    let mut rows: Vec<RegionRow> = latest
        .iter()
        .map(|&(group, plan_index)| region_row(plans, observations, group, plan_index))
        .collect();
    // Region names are unique, so no two rows compare equal: an unstable sort
    // gives the same order, without the stable sort's buffer.
    rows.sort_unstable_by(|a, b| {
        b.failing_binding
            .len()
            .cmp(&a.failing_binding.len())
            .then(b.failing_expected.cmp(&a.failing_expected))
            .then_with(|| a.region.cmp(&b.region))
    });
    let reports = Reports {
        plans,
        observations,
        rows: rows
            .iter()
            .map(|row| (row.region_id, row.plan_index, row.year))
            .collect(),
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

/// One region's row: its latest year judged indicator by indicator.
fn region_row(
    plans: &PlanSet,
    observations: &Observations,
    group: RegionYear,
    plan_index: usize,
) -> RegionRow {
    let RegionYear { region, year, .. } = group;
    let plan = &plans.plans[plan_index];
    let mut row = RegionRow {
        region: observations.regions.get(region).to_owned(),
        plan: plan.meta.id.clone(),
        year,
        binding: Counts::default(),
        expected: Counts::default(),
        failing_binding: Vec::new(),
        failing_expected: 0,
        statuses: Vec::with_capacity(plan.indicators.len()),
        plan_index,
        region_id: region,
    };
    // The one judgement every view takes its status from; the
    // year's own figures from one scan of the region's rows, other
    // years' (an average, a cumulative change) looked up.
    let this_year = observations.values(&group, plan.indicators.len());
    let others = lookup(observations, region);
    let figures = |indicator: IndicatorIdx, y: i32| {
        if y == year {
            this_year.get(indicator as usize).copied().flatten()
        } else {
            others(indicator, y)
        }
    };
    for (index, ind) in plan.indicators.iter().enumerate() {
        let status = status_of(plan, index as IndicatorIdx, year, &figures);
        let fails = status.fails_run(ind.attribute, true);
        match ind.attribute {
            Attribute::Binding => {
                row.binding.add(status);
                if fails {
                    row.failing_binding.push(ind.id.clone());
                }
            }
            Attribute::Expected => {
                row.expected.add(status);
                row.failing_expected += usize::from(fails);
            }
        }
        row.statuses.push(status);
    }
    row
}
