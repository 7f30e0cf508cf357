//! What one indicator's judgement rests on in one year, gathered from the
//! statistics: the year's own figure, the figure judged (the compound average
//! of yearly rates, the cumulative change), the baseline (the plan's, or the
//! statistics' of the baseline year when the plan prints none) and, for a
//! target relative to another indicator, that indicator's figure. Pure: the
//! statistics come in as a lookup.

use crate::plan::{Indicator, IndicatorIdx, Measure, Plan};
use schemars::JsonSchema;
use serde::Serialize;

/// A figure of an indicator in a year, from the statistics.
pub trait Lookup {
    fn value(&self, indicator: IndicatorIdx, year: i32) -> Option<f64>;
}

impl<F: Fn(IndicatorIdx, i32) -> Option<f64>> Lookup for F {
    fn value(&self, indicator: IndicatorIdx, year: i32) -> Option<f64> {
        self(indicator, year)
    }
}

/// How the judged figure was made from the yearly figures.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Derived {
    pub kind: DerivedKind,
    /// The figure judged.
    pub value: f64,
    /// The yearly figures it was made from, in order.
    pub from: Vec<YearFigure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DerivedKind {
    /// (∏(1 + rᵢ/100))^(1/n) − 1, in percent: 年均.
    CompoundAverage,
    /// Σ dᵢ / n: the average of yearly amounts in a unit other than percent
    /// (`年均土地供应规模 35-40` 平方公里: 39 and 31 are 35 a year, not the
    /// 34.94 % they compounded to as if growth rates).
    MeanAverage,
    /// 1 − ∏(1 − dᵢ/100), in percent: a cumulative change in percent.
    CompoundCumulative,
    /// Σ dᵢ: a cumulative change in the unit (points, years).
    SumCumulative,
    /// The year's level minus the baseline: the cumulative change of an
    /// indicator whose figures are levels (`人均预期寿命 〔1〕`: 78.2 − 77.3).
    LevelChange,
    /// (level ÷ baseline)^(1/years) − 1, in percent: the average yearly
    /// growth of a level since the baseline (`国内生产总值 55.8` beside
    /// `年均增长 7`).
    LevelGrowth,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct YearFigure {
    pub year: i32,
    pub value: f64,
}

/// Why a reported figure could not be judged.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Unjudged {
    /// The requirement runs from a baseline that neither the plan nor the
    /// statistics of the baseline year give.
    NoBaseline { year: i32 },
    /// An average or a cumulative change needs every year's figure; these
    /// are not reported.
    MissingYears { years: Vec<i32> },
    /// The indicator the target is relative to has no figure this year.
    NoReference { indicator: String },
    /// The yearly figures cannot be compounded (a fall of 100 % or more).
    NotCompoundable,
}

/// Everything the judgement of one indicator in one year rests on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    /// The year's figure as reported.
    pub reported: Option<f64>,
    /// The figure judged: the reported one, or the one derived from the
    /// yearly figures.
    pub value: Option<f64>,
    pub derived: Option<Derived>,
    /// The baseline the schedule runs from.
    pub baseline: Option<f64>,
    /// True when the baseline came from the statistics, not the plan.
    pub baseline_from_data: bool,
    /// The other indicator's figure, for a relative target.
    pub reference: Option<f64>,
    /// Why the figure cannot be judged, when it cannot.
    pub unjudged: Option<Unjudged>,
}

impl Figure {
    /// A level reported as `actual`, against the plan's baseline.
    pub fn level(indicator: &Indicator, actual: Option<f64>) -> Figure {
        Figure {
            reported: actual,
            value: actual,
            baseline: indicator.baseline,
            ..Figure::default()
        }
    }
}

/// The figure a rule kind judges (each kind says which: `RuleKind::needs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The year's figure as reported.
    Reported,
    /// A figure made from every year's since the baseline.
    Derived(DerivedKind),
    /// The year's level less the baseline.
    LevelChange,
    /// The year's figure, held against another indicator's of the same year.
    Reference(IndicatorIdx),
}

/// Gathers the figure of indicator `index` of `plan` in `year` that a rule
/// needing `needs` judges (the indicator's own rule, or the 年均/累计 cell's
/// beside it).
pub fn gather(
    plan: &Plan,
    index: IndicatorIdx,
    needs: Needs,
    year: i32,
    lookup: &impl Lookup,
) -> Figure {
    let indicator = &plan.indicators[index as usize];
    let reported = lookup.value(index, year);
    let mut figure = Figure {
        reported,
        value: reported,
        baseline: indicator.baseline,
        ..Figure::default()
    };
    if figure.baseline.is_none() && indicator.measure == Measure::Level {
        figure.baseline = lookup.value(index, indicator.baseline_year);
        figure.baseline_from_data = figure.baseline.is_some();
    }
    // A year's own requirement (an annual plan) is held against the year's figure.
    if reported.is_none() || indicator.year_requirements.contains_key(&year) {
        return figure;
    }
    let kind = match needs {
        Needs::Reported => return figure,
        Needs::LevelChange => {
            from_levels(
                &mut figure,
                DerivedKind::LevelChange,
                indicator.baseline_year,
                year,
            );
            return figure;
        }
        Needs::Reference(to) => {
            figure.reference = lookup.value(to, year);
            if figure.reference.is_none() {
                figure.unjudged = Some(Unjudged::NoReference {
                    indicator: plan.indicators[to as usize].id.clone(),
                });
            }
            return figure;
        }
        // An average growth asked of levels: made from the level and the
        // baseline, not from yearly rates.
        Needs::Derived(DerivedKind::CompoundAverage) if indicator.measure == Measure::Level => {
            from_levels(
                &mut figure,
                DerivedKind::LevelGrowth,
                indicator.baseline_year,
                year,
            );
            return figure;
        }
        // Yearly amounts in square kilometres, people, points: their mean
        // (percentages compound, as their totals do).
        Needs::Derived(DerivedKind::CompoundAverage) if averages_by_mean(indicator) => {
            DerivedKind::MeanAverage
        }
        Needs::Derived(kind) => kind,
    };
    // The years since the baseline, up to the target year.
    let last = year.min(plan.meta.target_year);
    if last <= indicator.baseline_year {
        return figure;
    }
    let mut from = Vec::new();
    let mut missing = Vec::new();
    for y in indicator.baseline_year + 1..=last {
        match lookup.value(index, y) {
            Some(value) => from.push(YearFigure { year: y, value }),
            None => missing.push(y),
        }
    }
    if !missing.is_empty() {
        figure.value = None;
        figure.unjudged = Some(Unjudged::MissingYears { years: missing });
        return figure;
    }
    set_derived(&mut figure, kind, from);
    figure
}

/// A figure made of the year's level and the baseline, from the indicator's
/// own baseline year: the cumulative change ([`DerivedKind::LevelChange`],
/// the level less the baseline) or the average yearly growth in percent
/// ([`DerivedKind::LevelGrowth`]). In the baseline year there is no change
/// to make (the level stands) and no growth.
fn from_levels(figure: &mut Figure, kind: DerivedKind, baseline_year: i32, year: i32) {
    let Some(reported) = figure.reported else {
        return;
    };
    if year <= baseline_year {
        if kind == DerivedKind::LevelGrowth {
            figure.value = None;
        }
        return;
    }
    let Some(baseline) = figure.baseline else {
        figure.value = None;
        figure.unjudged = Some(Unjudged::NoBaseline {
            year: baseline_year,
        });
        return;
    };
    let from = vec![
        YearFigure {
            year: baseline_year,
            value: baseline,
        },
        YearFigure {
            year,
            value: reported,
        },
    ];
    set_derived(figure, kind, from);
}

/// Whether `indicator`'s yearly figures average to their mean rather than
/// compound: amounts in a unit other than percent (平方公里, 人).
pub fn averages_by_mean(indicator: &crate::plan::Indicator) -> bool {
    indicator.measure == Measure::YearlyChange
        && crate::plan::Accumulate::of_yearly_changes(&indicator.unit)
            == crate::plan::Accumulate::Sum
}

/// The figure judged is `kind` made of `from`, or none: the figures cannot
/// be compounded.
fn set_derived(figure: &mut Figure, kind: DerivedKind, from: Vec<YearFigure>) {
    match derive(kind, &from) {
        Some(value) => {
            figure.value = Some(value);
            figure.derived = Some(Derived { kind, value, from });
        }
        None => {
            figure.value = None;
            figure.unjudged = Some(Unjudged::NotCompoundable);
        }
    }
}

/// The figure `kind` makes of the yearly figures; `None` when they cannot be
/// compounded.
pub fn derive(kind: DerivedKind, from: &[YearFigure]) -> Option<f64> {
    let n = from.len() as f64;
    let value = match kind {
        DerivedKind::SumCumulative => from.iter().map(|f| f.value).sum(),
        DerivedKind::LevelChange => match from {
            [first, .., last] => last.value - first.value,
            _ => return None,
        },
        DerivedKind::LevelGrowth => match from {
            [first, .., last]
                if first.value > 0.0 && last.value > 0.0 && last.year > first.year =>
            {
                let years = f64::from(last.year - first.year);
                ((last.value / first.value).powf(1.0 / years) - 1.0) * 100.0
            }
            _ => return None,
        },
        DerivedKind::MeanAverage => from.iter().map(|f| f.value).sum::<f64>() / n,
        DerivedKind::CompoundAverage => {
            let factors = from.iter().map(|f| 1.0 + f.value / 100.0);
            if factors.clone().any(|x| x <= 0.0) {
                return None;
            }
            (factors.product::<f64>().powf(1.0 / n) - 1.0) * 100.0
        }
        DerivedKind::CompoundCumulative => {
            let factors = from.iter().map(|f| 1.0 - f.value / 100.0);
            if factors.clone().any(|x| x <= 0.0) {
                return None;
            }
            (1.0 - factors.product::<f64>()) * 100.0
        }
    };
    value
        .is_finite()
        .then(|| crate::number::round_requirement(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(values: &[(i32, f64)]) -> Vec<YearFigure> {
        values
            .iter()
            .map(|&(year, value)| YearFigure { year, value })
            .collect()
    }

    #[test]
    fn a_cumulative_reduction_compounds_the_yearly_ones() {
        // 2021 −2.7 %, 2022 −0.1 %: 1 − 0.973 × 0.999 = 2.7973 % (2.80 %),
        // not the sum 2.8.
        let v = derive(
            DerivedKind::CompoundCumulative,
            &years(&[(2021, 2.7), (2022, 0.1)]),
        )
        .unwrap();
        assert!((v - 2.7973).abs() < 1e-9, "{v}");
    }

    #[test]
    fn an_average_rate_is_the_compound_one() {
        // 10 % then 4 %: √(1.1 × 1.04) − 1 = 6.9579 %, not the mean 7 %.
        let v = derive(
            DerivedKind::CompoundAverage,
            &years(&[(2026, 10.0), (2027, 4.0)]),
        )
        .unwrap();
        assert!((v - 6.9579).abs() < 1e-3, "{v}");
        // One year's average is that year's rate.
        let one = derive(DerivedKind::CompoundAverage, &years(&[(2026, 7.3)])).unwrap();
        assert!((one - 7.3).abs() < 1e-9);
    }

    #[test]
    fn points_add_up() {
        let v = derive(
            DerivedKind::SumCumulative,
            &years(&[(2026, 1.5), (2027, -0.5), (2028, 2.0)]),
        )
        .unwrap();
        assert!((v - 3.0).abs() < 1e-12);
    }

    #[test]
    fn a_fall_of_a_hundred_percent_cannot_be_compounded() {
        assert_eq!(
            derive(DerivedKind::CompoundCumulative, &years(&[(2026, 100.0)])),
            None
        );
        assert_eq!(
            derive(DerivedKind::CompoundAverage, &years(&[(2026, -100.0)])),
            None
        );
    }

    use crate::assess::{Status, judge_figure};
    use crate::plan::parse_plan;
    use std::collections::HashMap;

    /// The figure the indicator's own rule judges.
    fn gather(plan: &Plan, index: IndicatorIdx, year: i32, lookup: &impl Lookup) -> Figure {
        let rule = &plan.indicators[index as usize].rule;
        super::gather(plan, index, crate::assess::rules::needs(rule), year, lookup)
    }

    /// A 2025–2030 plan: a level with no printed baseline, a cumulative
    /// reduction, a rate averaged, and a rate relative to GDP growth.
    fn plan() -> Plan {
        parse_plan(
            r#"
[plan]
id = "p"
title = "t"
baseline_year = 2025
target_year = 2030
[[indicator]]
id = "gdp"
category = "c"
name = "国内生产总值（GDP）增长"
unit = "%"
baseline = 5
target = "—"
attribute = "预期性"
rule = { kind = "none" }
[[indicator]]
id = "childcare"
category = "c"
name = "入托率"
unit = "%"
baseline = "—"
target = "＞40"
attribute = "预期性"
[[indicator]]
id = "co2"
category = "c"
name = "单位GDP二氧化碳排放降低"
unit = "%"
baseline = "〔17.7〕"
target = "—"
period_target = "〔17〕"
measure = "yearly_change"
attribute = "约束性"
[[indicator]]
id = "income"
category = "c"
name = "居民收入增长"
unit = "%"
baseline = 5
target = "—"
period_target = "高于GDP增长"
measure = "yearly_rate"
attribute = "预期性"
[[indicator]]
id = "life"
category = "c"
name = "人均预期寿命"
unit = "岁"
baseline = "77.3*"
baseline_year = 2024
target = "—"
period_target = "〔1〕"
attribute = "预期性"
[[indicator]]
id = "grain"
category = "c"
name = "粮食综合生产能力"
unit = "亿吨"
baseline = "—"
target = "＞6.5"
attribute = "约束性"
[[indicator]]
id = "land"
category = "c"
name = "年均土地供应规模"
unit = "平方公里"
baseline = 36
target = "—"
period_target = "35-40"
measure = "yearly_change"
attribute = "预期性"
"#,
            "p.toml",
        )
        .unwrap()
    }

    fn judged(
        figures: &[(IndicatorIdx, i32, f64)],
        index: IndicatorIdx,
        year: i32,
    ) -> (Figure, Status) {
        let plan = plan();
        let map: HashMap<(IndicatorIdx, i32), f64> =
            figures.iter().map(|&(i, y, v)| ((i, y), v)).collect();
        let lookup = |i: IndicatorIdx, y: i32| map.get(&(i, y)).copied();
        let figure = gather(&plan, index, year, &lookup);
        let status =
            judge_figure(&plan.indicators[index as usize], &plan.meta, year, &figure).status;
        (figure, status)
    }

    /// 年均土地供应规模 35-40 平方公里 (上海市加强土地管理“十五五”规划):
    /// 39 and 31 are 35 a year, within the range; compounded as rates they
    /// were 34.94 and behind (a reviewer's).
    #[test]
    fn yearly_amounts_in_a_unit_average_to_their_mean() {
        let (figure, status) = judged(&[(6, 2026, 39.0), (6, 2027, 31.0)], 6, 2027);
        let derived = figure.derived.expect("an average");
        assert_eq!(derived.kind, DerivedKind::MeanAverage);
        assert_eq!(derived.value, 35.0);
        assert_eq!(status, Status::OnTrack);
    }

    #[test]
    fn a_missing_baseline_comes_from_the_baseline_year_s_statistics() {
        // 入托率 “—” in the plan, 34 in the 2025 statistics: 2027 asks 34 + 6 × 2/5.
        let (figure, status) = judged(&[(1, 2025, 34.0), (1, 2027, 36.5)], 1, 2027);
        assert_eq!(figure.baseline, Some(34.0));
        assert!(figure.baseline_from_data);
        assert_eq!(status, Status::OnTrack);
        // Without it, the schedule cannot be made: said, not passed.
        let (figure, status) = judged(&[(1, 2027, 36.5)], 1, 2027);
        assert_eq!(status, Status::Undetermined);
        assert_eq!(figure.baseline, None);
        // The target year needs no baseline: the target itself.
        assert_eq!(judged(&[(1, 2030, 41.0)], 1, 2030).1, Status::Achieved);
    }

    #[test]
    fn a_cumulative_change_needs_every_year_and_says_which_is_missing() {
        let (figure, status) = judged(&[(2, 2026, 3.5), (2, 2027, 3.9)], 2, 2027);
        assert_eq!(figure.derived.as_ref().map(|d| d.from.len()), Some(2));
        // 1 − 0.965 × 0.961 = 7.2635 % against 40 % of 17 = 6.8.
        assert_eq!(figure.value, Some(7.2635));
        assert_eq!(status, Status::OnTrack);
        let (figure, status) = judged(&[(2, 2026, 3.5), (2, 2028, 3.9)], 2, 2028);
        assert_eq!(status, Status::Undetermined);
        assert_eq!(
            figure.unjudged,
            Some(Unjudged::MissingYears { years: vec![2027] })
        );
    }

    #[test]
    fn a_cumulative_target_on_levels_is_the_level_less_the_baseline() {
        // 人均预期寿命 77.3* (2024) → 〔1〕: 78.2 in 2026 is a change of 0.9,
        // against 1 × 2/6 on the row's own clock.
        let (figure, status) = judged(&[(4, 2026, 78.2)], 4, 2026);
        let derived = figure.derived.expect("a level change");
        assert_eq!(derived.kind, DerivedKind::LevelChange);
        assert_eq!(
            derived.from,
            years(&[(2024, 77.3), (2026, 78.2)]),
            "from the row's baseline year"
        );
        assert!((derived.value - 0.9).abs() < 1e-9, "{}", derived.value);
        assert_eq!(status, Status::OnTrack);
        // A level below the baseline moved the wrong way.
        assert_eq!(judged(&[(4, 2026, 77.0)], 4, 2026).1, Status::Behind);
        // The whole change before the target year.
        assert_eq!(judged(&[(4, 2027, 78.4)], 4, 2027).1, Status::Achieved);
    }

    #[test]
    fn a_floor_with_no_baseline_is_met_by_a_figure_that_meets_it() {
        // 粮食综合生产能力 —, ＞6.5, binding: 6.87 meets the target itself.
        let plan = plan();
        let lookup = |i: IndicatorIdx, y: i32| (i == 5 && y == 2027).then_some(6.87);
        let figure = gather(&plan, 5, 2027, &lookup);
        let j = judge_figure(&plan.indicators[5], &plan.meta, 2027, &figure);
        assert_eq!(j.status, Status::Achieved);
        assert_eq!(
            j.requirement.and_then(|r| r.basis()),
            Some(crate::assess::Basis::TargetMet)
        );
        // Short of the target, the schedule is needed and cannot be made.
        let lookup = |i: IndicatorIdx, y: i32| (i == 5 && y == 2027).then_some(6.4);
        let figure = gather(&plan, 5, 2027, &lookup);
        let j = judge_figure(&plan.indicators[5], &plan.meta, 2027, &figure);
        assert_eq!(j.status, Status::Undetermined);
        assert_eq!(j.unjudged, Some(Unjudged::NoBaseline { year: 2025 }));
    }

    #[test]
    fn a_relative_target_reads_the_other_figure_of_the_same_year() {
        let (figure, status) = judged(&[(0, 2026, 4.8), (3, 2026, 5.0)], 3, 2026);
        assert_eq!(figure.reference, Some(4.8));
        assert_eq!(status, Status::Achieved);
        assert_eq!(
            judged(&[(0, 2026, 4.8), (3, 2026, 4.8)], 3, 2026).1,
            Status::Behind
        );
        // GDP not reported: the income figure cannot be judged.
        let (figure, status) = judged(&[(3, 2026, 5.0)], 3, 2026);
        assert_eq!(status, Status::Undetermined);
        assert_eq!(
            figure.unjudged,
            Some(Unjudged::NoReference {
                indicator: "gdp".into()
            })
        );
        // Nothing reported is 未填报, whatever else is missing.
        assert_eq!(judged(&[], 3, 2026).1, Status::Missing);
    }
}
