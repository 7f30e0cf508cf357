//! One judgement, every view: on generated figures for every plan the
//! project ships (the shipped plan and the national 13th, 14th and 15th
//! outlines, which use every rule form), a region's row among many, its full
//! report, its period view alone, year by year, all give each indicator the
//! status the single-year check gives it in the year it is judged at: its
//! own latest reported year.

mod common;

use plan_check::assess::evaluation::{Evaluation, View};
use plan_check::assess::period::assess_period;
use plan_check::assess::{Status, assess_year};
use plan_check::plan::{Plan, PlanSet, load_plan};
use plan_check::stats::{Id, Key, Observation, Observations, Origin};
use proptest::prelude::*;
use std::sync::OnceLock;

const PLANS: [&str; 4] = [
    "plan/jiangjin-education-14th-fyp.toml",
    "examples/plans/national-13th-fyp.toml",
    "examples/plans/national-14th-fyp.toml",
    "examples/plans/national-15th-fyp.toml",
];

/// Each plan alone, as a run would hold it.
fn plans() -> &'static [PlanSet] {
    static SETS: OnceLock<Vec<PlanSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        PLANS
            .iter()
            .map(|path| {
                let plan = load_plan(&common::root().join(path)).expect(path);
                PlanSet::new(vec![plan]).expect("plan set")
            })
            .collect()
    })
}

/// One generated cell: `None` no row; `Some(None)` a row with an empty
/// cell; else a fraction that sets the figure between 0.5 and 1.5 times
/// the indicator's baseline (or 0 to 150 when it has none), so that figures
/// fall on both sides of most requirements.
fn cell() -> impl Strategy<Value = Option<Option<f64>>> {
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(None)),
        8 => (0.0f64..1.0).prop_map(|f| Some(Some(f))),
    ]
}

/// The figures of `cells` as observations: two regions, 甲 with three
/// years after the baseline year and 乙 with two, cell by cell in the
/// order region → year → indicator.
fn observations(plan: &Plan, cells: &[Option<Option<f64>>]) -> Observations {
    let mut table = Observations::default();
    let file = table.begin_file("generated.csv");
    let first = plan.meta.baseline_year + 1;
    let mut cells = cells.iter().cycle();
    let mut line = 1;
    for (region, years) in [("甲", 3), ("乙", 2)] {
        let region = table.regions.intern(region);
        for year in first..first + years {
            for (index, indicator) in plan.indicators.iter().enumerate() {
                let Some(&Some(value)) = cells.next() else {
                    continue;
                };
                let value = value.map(|f| {
                    let scale = indicator.baseline.filter(|b| *b != 0.0).unwrap_or(100.0);
                    ((0.5 + f) * scale * 100.0).round() / 100.0
                });
                line += 1;
                let key = Key {
                    region,
                    year,
                    indicator: u16::try_from(index).expect("few indicators"),
                };
                let observation = Observation {
                    value,
                    origin: Origin { file, line },
                    source: None,
                    converted_from: None,
                };
                table.push(key, observation).expect("a year of the plan");
            }
        }
    }
    table
        .finish(|_, _| String::new(), "")
        .expect("no figure twice");
    table
}

/// Each indicator's status in the single-year check of `region` in `year`.
fn year_statuses(plan: &Plan, table: &Observations, region: Id, year: i32) -> Vec<Status> {
    assess_year(plan, table, region, year)
        .results
        .iter()
        .map(|r| r.status)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_view_gives_each_indicator_the_status_of_the_year_check(
        which in 0..PLANS.len(),
        cells in prop::collection::vec(cell(), 1..200),
    ) {
        let plans = &plans()[which];
        let plan = &plans.plans[0];
        let table = observations(plan, &cells);
        let region_years = table.region_years();
        prop_assume!(!region_years.is_empty());
        let evaluation = Evaluation::assess(plans, &table, &region_years, |_| 0, false, false);
        let View::Regions(regions) = &evaluation.view else {
            return Err(TestCaseError::fail("two regions give the regions view"));
        };
        for (row, report) in regions.regions.iter().zip(regions.reports.iter()) {
            let mut years: Vec<i32> = region_years
                .iter()
                .filter(|g| g.region == row.region_id)
                .map(|g| g.year)
                .collect();
            // A region with nothing for the run's year is judged at it,
            // each indicator at its own latest year.
            let run_year = region_years.iter().map(|g| g.year).max().unwrap_or_default();
            if row.year < run_year {
                years.push(run_year);
            }
            // The region alone, over its years: the period view.
            let period = assess_period(plan, &table, row.region_id, &years);
            let latest: Vec<Status> = period.latest.results.iter().map(|r| r.status).collect();
            // The row counts each at the run's year: 未填报 where judged
            // earlier.
            let counted: Vec<Status> = period
                .latest
                .results
                .iter()
                .map(|r| r.status.at_run_year(r.as_of.is_some()))
                .collect();
            prop_assert_eq!(&row.statuses, &counted, "{} {}: the regions row and the period", PLANS[which], row.region);
            // The full report the streaming formats write, with each line's year.
            let full: Vec<Status> = report.results.iter().map(|r| r.status).collect();
            prop_assert_eq!(&full, &latest, "{}: the full report", row.region);
            for (line, shown) in report.results.iter().zip(&period.latest.results) {
                prop_assert_eq!(line.as_of, shown.as_of, "{}: {}", row.region, line.id);
            }
            let earlier: Vec<(&str, i32)> = report
                .results
                .iter()
                .filter_map(|r| Some((r.id.as_str(), r.as_of?)))
                .collect();
            let judged: Vec<(&str, i32)> =
                row.judged_earlier.iter().map(|j| (j.id, j.year)).collect();
            prop_assert_eq!(&judged, &earlier, "{}", row.region);
            // Each year of the series, and each indicator at its own year, is
            // the single-year check of that year.
            let by_year: Vec<(i32, Vec<Status>)> = years
                .iter()
                .map(|&y| (y, year_statuses(plan, &table, row.region_id, y)))
                .collect();
            for (i, series) in period.indicators.iter().enumerate() {
                for point in &series.series {
                    let alone = &by_year.iter().find(|(y, _)| *y == point.year).expect("a year of the run").1;
                    prop_assert_eq!(point.status, alone[i], "{}: {} in {}", PLANS[which], series.id, point.year);
                }
                let at = &by_year.iter().find(|(y, _)| *y == series.as_of).expect("a year of the run").1;
                prop_assert_eq!(series.status, at[i], "{}: {} as of {}", PLANS[which], series.id, series.as_of);
                prop_assert_eq!(latest[i], at[i], "{}: {} in the latest report", PLANS[which], series.id);
            }
        }
    }
}
