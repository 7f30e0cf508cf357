//! The period view's tests: outlooks, trends and their reach, the period assembled.

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
    outlook(
        &ind.rule,
        j.status,
        basis,
        (year, year),
        &meta(),
        pace,
        false,
    )
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
        outlook(
            &spending().rule,
            j.status,
            None,
            (2023, 2023),
            &m,
            pace,
            false
        ),
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
        outlook(
            &spending().rule,
            j.status,
            basis,
            (2023, 2023),
            &m,
            pace,
            false
        ),
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
    // A year over the cap is that year's failure: no schedule to be behind.
    assert_eq!(outlook_of(&unemployment, &[(2023, 5.6)]), Outlook::Failed);
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
            strict: false,
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
        outlook(
            &spending().rule,
            j.status,
            None,
            (2023, 2023),
            &meta(),
            None,
            false
        ),
        Outlook::Missing
    );
}

#[test]
fn least_squares_matches_a_hand_computation() {
    // Points (2020, 17.99), (2021, 18.1), (2022, 18.4), (2023, 18.5):
    // x̄ = 2021.5, ȳ = 18.2475; y − ȳ = −0.2575, −0.1475, 0.1525, 0.2525;
    // Σ(x−x̄)(y−ȳ) = 0.38625 + 0.07375 + 0.07625 + 0.37875 = 0.915, Σ(x−x̄)² = 5;
    // slope = 0.183; value in 2025 = 18.2475 + 0.183 × 3.5 = 18.888.
    let (method, points, slope, intercept) = fit_trend(
        2020,
        17.99,
        &[(2021, 18.1), (2022, 18.4), (2023, 18.5)],
        false,
    )
    .unwrap();
    assert_eq!((method, points), (Method::LeastSquares, 4));
    assert!((slope - 0.183).abs() < 1e-9, "{slope}");
    assert!((intercept + slope * 2025.0 - 18.888).abs() < 1e-9);
}

#[test]
fn two_points_draw_the_line_from_the_baseline_and_one_says_nothing() {
    let (method, _, slope, _) = fit_trend(2020, 17.99, &[(2022, 18.39)], false).unwrap();
    assert_eq!(method, Method::BaselineToLatest);
    assert!((slope - 0.2).abs() < 1e-9);
    assert!(fit_trend(2020, 17.99, &[], false).is_none());
    // A value reported for the baseline year itself is the baseline, not a second point.
    assert!(fit_trend(2020, 17.99, &[(2020, 17.99)], false).is_none());
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

#[test]
fn a_target_about_a_number_says_when_it_is_reached_and_more_is_no_failure() {
    // 3.7 → 4.1左右 (5 % of the change short: at least 4.08 in 2025), a
    // plan of 2020–2025.
    let rd = indicator(
        3.7,
        Rule::About {
            value: 4.1,
            tolerance_pct: 5.0,
            cmp: Comparator::GreaterOrEqual,
        },
    );
    // +0.05 a year: 3.95 in 2025, short of 4.08.
    let p = project(&rd, &meta(), Some(3.7), &[(2022, 3.8)]).unwrap();
    assert!(!p.meets_target);
    assert_eq!(p.reach, Some(Reach::NotByTargetYear));
    // +0.1 a year: 4.1 in 2024 meets 4.08.
    let p = project(&rd, &meta(), Some(3.7), &[(2022, 3.9)]).unwrap();
    assert!(p.meets_target);
    assert_eq!(p.reach, Some(Reach::InYear { year: 2024 }));
    // Within the tolerance but short of the number: not met already.
    let p = project(&rd, &meta(), Some(3.7), &[(2023, 4.09)]).unwrap();
    assert_ne!(p.reach, Some(Reach::AlreadyMet));
    let p = project(&rd, &meta(), Some(3.7), &[(2023, 4.1)]).unwrap();
    assert_eq!(p.reach, Some(Reach::AlreadyMet));
    let p = project(&rd, &meta(), Some(3.7), &[(2022, 3.6)]).unwrap();
    assert_eq!(p.reach, Some(Reach::Away));
    // Past the number itself: met early, not off a projection.
    assert_eq!(outlook_of(&rd, &[(2023, 4.5)]), Outlook::AchievedEarly);
    assert_eq!(outlook_of(&rd, &[(2025, 4.5)]), Outlook::Achieved);
    assert_eq!(outlook_of(&rd, &[(2025, 4.0)]), Outlook::Failed);
}

#[test]
fn a_year_short_of_an_average_to_date_is_no_lapse_and_a_line_broken_is() {
    let point = |year: i32, status: Status, basis: Basis| YearPoint {
        year,
        actual: Some(6.5),
        derived: None,
        required: Some(7.0),
        requirement: Some(Requirement::Threshold {
            cmp: Comparator::Greater,
            value: 7.0,
            basis,
        }),
        status,
        pass: status.passes(),
        file: None,
        line: None,
        source: None,
        remark: None,
    };
    // 研发经费投入增长 年均＞7: 6.5 in 2026 is behind the average, which
    // 8 and 7.2 make good (7.23 %): not a year that missed its own line.
    let average = [
        point(2026, Status::Behind, Basis::EveryYear),
        point(2027, Status::OnTrack, Basis::EveryYear),
        point(2028, Status::OnTrack, Basis::EveryYear),
    ];
    assert!(lapses(&average, 2028).is_empty());
    // 城镇调查失业率 ＜5.5 every year: 5.6 in 2026 failed that year.
    let line = [
        point(2026, Status::Failed, Basis::EveryYear),
        point(2027, Status::Achieved, Basis::EveryYear),
    ];
    assert_eq!(lapses(&line, 2027), [2026]);
    // A held line broken is one (滞后 before the target year).
    let held = [
        point(2026, Status::Behind, Basis::Hold),
        point(2027, Status::Achieved, Basis::Hold),
    ];
    assert_eq!(lapses(&held, 2027), [2026]);
}

#[test]
fn a_pace_ratio_on_a_bands_edge_is_on_it_whatever_the_float_arithmetic_leaves() {
    // 55 % done at 50 % of the time: 1.1 exactly, computed 1.0999999999999996.
    let ratio = 1.0999999999999996_f64;
    assert!(ratio < 1.1);
    let j = super::super::judge(&spending(), &meta(), 2023, Some(18.7172));
    assert_eq!(
        outlook(
            &spending().rule,
            j.status,
            None,
            (2023, 2023),
            &meta(),
            Some(ratio),
            false
        ),
        Outlook::Ahead,
        "{ratio}"
    );
}

/// A range the baseline lies outside (赤字率 6 → 4.5%-5%) asks for
/// movement: entered before the target year it is 提前实现, as a floor
/// reached early is (was 快于预期 from the pace ratio, a reviewer's
/// comparison with 民生支出占比 70 → ≥75); a baseline within it holds it.
#[test]
fn a_range_entered_early_from_outside_is_achieved_early_and_one_held_is_not() {
    let deficit = indicator(6.0, Rule::Range { min: 4.5, max: 5.0 });
    assert_eq!(outlook_of(&deficit, &[(2023, 4.8)]), Outlook::AchievedEarly);
    let held = indicator(4.8, Rule::Range { min: 4.5, max: 5.0 });
    assert_eq!(outlook_of(&held, &[(2023, 4.8)]), Outlook::OnSchedule);
}

/// 与GDP增长同步 is kept each year or not: no pace ratio, never 快于预期
/// however far the income outgrows the economy (5.0 against 4.4).
#[test]
fn in_step_with_another_figure_has_no_pace_and_is_never_ahead() {
    use crate::assess::rules::{RuleKind, Year, relative};
    let kind = relative::Kind {
        to: 0,
        cmp: None,
        tolerance_pct: 5.0,
        margin: 0.0,
    };
    let ind = indicator(5.0, Rule::NotAssessed);
    let at = Year::new(&ind, &meta(), 2023);
    let figure = crate::assess::figure::Figure {
        value: Some(5.0),
        ..Default::default()
    };
    let required = relative::requirement(None, 5.0, 4.4, 0.0);
    assert_eq!(kind.pace(&at, &figure, Some(&required), None), None);
    let higher = relative::Kind {
        cmp: Some(Comparator::Greater),
        ..kind
    };
    let above = relative::requirement(Some(Comparator::Greater), 5.0, 4.4, 0.0);
    assert!(higher.pace(&at, &figure, Some(&above), None).is_some());
}

/// The 总结评估 (the run reaches the target year) with no figure for it:
/// an earlier year's pace is no result — 未填报, never 快于预期 or counted
/// among the targets met (a reviewer's 高等教育在学总规模, 10.3 in 2024
/// against 10.5). Before the target year the same figure keeps its outlook.
#[test]
fn the_final_evaluation_without_the_target_years_figure_says_so() {
    let target = meta().target_year;
    let j = super::super::judge(&spending(), &meta(), target - 1, Some(18.9));
    let basis = j.requirement.and_then(|r| r.basis());
    let at = |run: i32| {
        outlook(
            &spending().rule,
            j.status,
            basis,
            (target - 1, run),
            &meta(),
            j.pace_ratio,
            false,
        )
    };
    assert_eq!(at(target), Outlook::Missing);
    assert_ne!(at(target - 1), Outlook::Missing);
}

/// A target met with no baseline printed is held — unless an earlier year
/// of the run fell short of it: then it took movement, and was reached
/// early (能源综合生产能力 44.5 then 46.6 against ＞46 was called 保持).
#[test]
fn a_target_met_without_a_baseline_after_a_year_short_of_it_is_achieved_early() {
    let mut capacity = indicator(
        0.0,
        Rule::Threshold(Threshold {
            cmp: Comparator::Greater,
            value: 46.0,
        }),
    );
    capacity.baseline = None;
    let j = super::super::judge(&capacity, &meta(), 2023, Some(46.6));
    let basis = j.requirement.and_then(|r| r.basis());
    assert_eq!(basis, Some(Basis::TargetMet));
    let at = |short_before| {
        outlook(
            &capacity.rule,
            j.status,
            basis,
            (2023, 2023),
            &meta(),
            j.pace_ratio,
            short_before,
        )
    };
    assert_eq!(at(false), Outlook::Held);
    assert_eq!(at(true), Outlook::AchievedEarly);
    // A line the baseline met stays held whatever a year between did.
    let retention = indicator(
        100.0,
        Rule::Threshold(Threshold {
            cmp: Comparator::Greater,
            value: 96.0,
        }),
    );
    let j = super::super::judge(&retention, &meta(), 2023, Some(99.0));
    let basis = j.requirement.and_then(|r| r.basis());
    assert_eq!(
        outlook(
            &retention.rule,
            j.status,
            basis,
            (2023, 2023),
            &meta(),
            None,
            true
        ),
        Outlook::Held
    );
}

/// A trend carried past what the figure can be (an area below 0) stops
/// there: 按现有趋势2030年约为-100 was printed of 万平方米.
#[test]
fn a_projection_stays_within_the_figures_range() {
    let mut area = indicator(
        240.0,
        Rule::Threshold(Threshold {
            cmp: Comparator::GreaterOrEqual,
            value: 300.0,
        }),
    );
    area.valid.min = Some(0.0);
    // 240 → 60 two years on: −90 a year, −210 by 2025 on the line.
    let p = project(&area, &meta(), Some(240.0), &[(2022, 60.0)]).unwrap();
    assert_eq!(p.target_year_value, 0.0);
    assert!(!p.meets_target);
}

/// `＞92.7` beside `＞6.5%` from 67.7 (the 13th outline's GDP, a plan of
/// 2020–2025 here).
fn growing_level() -> Indicator {
    let mut ind = indicator(
        67.7,
        Rule::Threshold(Threshold {
            cmp: Comparator::Greater,
            value: 92.7,
        }),
    );
    ind.period_rule = Some(Rule::Annual {
        each: crate::plan::YearRequirement::Threshold(Threshold {
            cmp: Comparator::Greater,
            value: 6.5,
        }),
        average: true,
    });
    ind
}

#[test]
fn a_level_growing_at_its_asked_rate_is_projected_to_reach_its_target() {
    // 6.55 % a year for three years: 67.7 × 1.0655⁵ = 93.1 > 92.7 in 2025.
    // A straight line through the same figures reached 91.2 ✗ while every
    // year kept its schedule on the path of constant growth.
    let grown: Vec<(i32, f64)> = (1..=3)
        .map(|k| (2020 + k, 67.7 * 1.0655_f64.powi(k)))
        .collect();
    let p = project(&growing_level(), &meta(), Some(67.7), &grown).unwrap();
    assert_eq!((p.method, p.points), (Method::GrowthLeastSquares, 4));
    assert!((p.target_year_value - 67.7 * 1.0655_f64.powi(5)).abs() < 1e-6);
    assert!(p.meets_target);
    assert_eq!(p.reach, Some(Reach::InYear { year: 2025 }));
    assert!((p.value_at(2023) - grown[2].1).abs() < 1e-6);
    // The JSON's straight line still gives the target year's value; the
    // curve's pace is its own field.
    assert!((p.intercept + p.slope_per_year * 2025.0 - p.target_year_value).abs() < 1e-6);
    assert!((p.growth_per_year.unwrap() - 0.0655).abs() < 1e-9);
    // The same figures without the rate beside: the straight line, short.
    let mut level = growing_level();
    level.period_rule = None;
    let p = project(&level, &meta(), Some(67.7), &grown).unwrap();
    assert_eq!(p.method, Method::LeastSquares);
    assert!(!p.meets_target, "{}", p.target_year_value);
    // 5 % a year is short of 6.5 %: 86.4 in 2025, not met.
    let slow = [(2022, 67.7 * 1.05_f64.powi(2))];
    let p = project(&growing_level(), &meta(), Some(67.7), &slow).unwrap();
    assert_eq!(p.method, Method::GrowthBaselineToLatest);
    assert!((p.target_year_value - 67.7 * 1.05_f64.powi(5)).abs() < 1e-6);
    assert!(!p.meets_target);
}

#[test]
fn a_growth_trend_needs_every_figure_above_zero() {
    // A logarithm of 0 or less is none: the straight line is drawn.
    let (method, ..) = fit_trend(2020, 0.0, &[(2021, 1.0), (2022, 2.0)], true).unwrap();
    assert_eq!(method, Method::LeastSquares);
    let (method, _, slope, _) = fit_trend(2020, 100.0, &[(2022, 121.0)], true).unwrap();
    assert_eq!(method, Method::GrowthBaselineToLatest);
    assert!((slope.exp() - 1.1).abs() < 1e-12);
}

#[test]
fn a_cap_beside_a_rate_keeps_the_straight_line() {
    // `<125` beside `<5%`: no schedule to follow, no growth curve.
    let mut cap = growing_level();
    cap.rule = Rule::Threshold(Threshold {
        cmp: Comparator::Less,
        value: 125.0,
    });
    cap.baseline = Some(100.0);
    let p = project(
        &cap,
        &meta(),
        Some(100.0),
        &[(2021, 103.0), (2022, 108.0), (2023, 115.0)],
    )
    .unwrap();
    assert_eq!(p.method, Method::LeastSquares);
    assert_eq!(p.growth_per_year, None);
}

#[test]
fn a_level_about_a_number_beside_its_rate_is_on_the_growth_path_too() {
    // `92.7左右` beside `＞6.5%`: each year of 6.55 % growth keeps its
    // schedule (on a straight line every year was behind: a reviewer's).
    let mut ind = growing_level();
    ind.rule = Rule::About {
        value: 92.7,
        tolerance_pct: 5.0,
        cmp: Comparator::GreaterOrEqual,
    };
    let grown: Vec<(i32, f64)> = (1..=3)
        .map(|k| (2020 + k, 67.7 * 1.0655_f64.powi(k)))
        .collect();
    for &(year, value) in &grown {
        let j = super::super::judge(&ind, &meta(), year, Some(value));
        assert_eq!(j.status, Status::OnTrack, "{year}");
        assert!(
            j.pace_ratio.is_some_and(|r| r >= 1.0),
            "{year}: {:?}",
            j.pace_ratio
        );
    }
    let p = project(&ind, &meta(), Some(67.7), &grown).unwrap();
    assert_eq!(p.method, Method::GrowthLeastSquares);
    assert!(p.meets_target);
}
