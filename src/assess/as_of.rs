//! The year each indicator is judged at when a region has several years:
//! its own latest reported year, so that a figure not yet in for the latest
//! year leaves the one before it standing (marked `as_of`), and the latest
//! year when it has none. The one place this is decided: the period view
//! and the regions rows both take it from here, so one region's figures
//! are judged alike alone and among many.

use super::{IndicatorResult, Summary, YearReport, assess_year, indicator_result, lookup};
use crate::plan::{IndicatorIdx, Plan};
use crate::stats::{Id, Observations};

/// The year one indicator is judged at: the last of `years` (in order) in
/// which `reported(year)`, else the last year; `None` when there are no years.
pub fn judged_year(
    years: impl DoubleEndedIterator<Item = i32> + Clone,
    reported: impl Fn(i32) -> bool,
) -> Option<i32> {
    let latest = years.clone().next_back()?;
    Some(years.rev().find(|&y| reported(y)).unwrap_or(latest))
}

/// [`judged_year`] for each of `indicators` indicators; nothing when there
/// are no years.
pub fn judged_years(
    years: &[i32],
    indicators: usize,
    reported: impl Fn(IndicatorIdx, i32) -> bool,
) -> Vec<i32> {
    (0..indicators)
        .filter_map(|i| {
            let i = i as IndicatorIdx;
            judged_year(years.iter().copied(), |y| reported(i, y))
        })
        .collect()
}

/// `latest`, the report of the latest year, with each indicator judged at
/// its own year in `as_of` (from [`judged_years`]): where that is an earlier
/// year, its line is `result_at(indicator, year)` marked `as_of`; the
/// summary is made again from the lines.
pub fn at_own_years(
    mut latest: YearReport,
    as_of: &[i32],
    mut result_at: impl FnMut(IndicatorIdx, i32) -> IndicatorResult,
) -> YearReport {
    let mut changed = false;
    for (i, &year) in as_of.iter().enumerate() {
        if year != latest.year
            && let Some(line) = latest.results.get_mut(i)
        {
            let earlier = result_at(i as IndicatorIdx, year);
            // It passes the run only as the run's year counts it (未填报):
            // a region that sent last year's figures was `pass: true` in
            // CSV and JSON while the run failed it (a reviewer's).
            *line = IndicatorResult {
                as_of: Some(year),
                pass: earlier.status.at_run_year(true).passes(),
                ..earlier
            };
            changed = true;
        }
    }
    if changed {
        latest.summary = Summary::of(&latest.results);
    }
    latest
}

/// The report of `region` over `years` (in order) as the formats that show
/// one year show it: the latest year, each indicator at its own latest
/// reported year.
pub fn assess_latest(
    plan: &Plan,
    observations: &Observations,
    region: Id,
    years: &[i32],
) -> YearReport {
    let latest = years.last().copied().unwrap_or(plan.meta.baseline_year);
    let figures = lookup(observations, region);
    // A figure of the plan's baseline year judges nothing of the plan: an
    // indicator with no later one is the latest year's 未填报 (a binding
    // ＜5.5 with only a 2025 figure was 不考核, exit 0: a reviewer's).
    let baseline_year = plan.meta.baseline_year;
    let as_of = judged_years(years, plan.indicators.len(), |i, y| {
        y > baseline_year && figures(i, y).is_some()
    });
    at_own_years(
        assess_year(plan, observations, region, latest),
        &as_of,
        |i, y| indicator_result(plan, observations, region, i, y),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_indicator_is_judged_at_its_own_latest_reported_year() {
        let reported = |i: IndicatorIdx, y: i32| match i {
            0 => true,
            1 => y <= 2022,
            2 => y == 2021,
            _ => false,
        };
        assert_eq!(
            judged_years(&[2021, 2022, 2023], 4, reported),
            [2023, 2022, 2021, 2023]
        );
        // The years are those of the run: a year not in it is not looked at.
        assert_eq!(judged_years(&[2023], 4, reported), [2023, 2023, 2023, 2023]);
        assert!(judged_years(&[], 2, reported).is_empty());
    }
}
