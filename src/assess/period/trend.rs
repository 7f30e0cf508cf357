//! The trend of an indicator's figures carried to the target year: a
//! least-squares line through the baseline and the reported years (or the
//! line from the baseline to the latest figure), whether it meets the target
//! and when it reaches it. A level whose plan also asks its average yearly
//! growth (`＞92.7` beside `＞6.5%`) is scheduled on the path of constant
//! growth, and its trend is fitted the same way: the line through the
//! logarithms of its figures (an exponential trend), so a level growing at
//! the asked rate is seen to reach its target, as its schedule says.

use super::*;

/// How the trend line was fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Ordinary least squares over the baseline and every reported year (three
    /// points or more).
    LeastSquares,
    /// The line from the baseline to the latest reported value (two points).
    BaselineToLatest,
    /// Least squares over the logarithms of the baseline and every reported
    /// year (three points or more): constant growth, for a level whose plan
    /// asks its average yearly growth.
    GrowthLeastSquares,
    /// Constant growth from the baseline to the latest reported value (two
    /// points).
    GrowthBaselineToLatest,
}

impl Method {
    /// Fitted to the logarithms of the figures: `slope_per_year` and
    /// `intercept` are of the natural logarithm of the value.
    pub fn on_growth(self) -> bool {
        matches!(
            self,
            Method::GrowthLeastSquares | Method::GrowthBaselineToLatest
        )
    }
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
    /// The line's slope and intercept (`intercept + slope_per_year × year`).
    /// For a growth method, the straight line through the growth curve's
    /// values in the latest reported year and the target year, so that the
    /// line's value in the target year is the trend's there, as for any
    /// method (before `target_year_value` is held within the indicator's
    /// valid values); `growth_per_year` says the curve's own pace.
    pub slope_per_year: f64,
    pub intercept: f64,
    /// For a growth method: the trend's growth a year, as a fraction
    /// (0.0655 for 6.55 %); none for a straight line.
    pub growth_per_year: Option<f64>,
    /// The growth curve itself, `ln(value) = intercept + slope × year`.
    #[serde(skip)]
    #[schemars(skip)]
    curve: Option<(f64, f64)>,
    /// The trend's value in the target year.
    pub target_year_value: f64,
    /// Whether that value meets the target-year requirement.
    pub meets_target: bool,
    /// For a threshold: when the trend meets the target.
    pub reach: Option<Reach>,
}

impl TrendProjection {
    /// The trend's value in `year` (on the growth curve for a growth method).
    pub fn value_at(&self, year: i32) -> f64 {
        match self.curve {
            Some((slope, intercept)) => on_line(self.method, slope, intercept, year),
            None => on_line(self.method, self.slope_per_year, self.intercept, year),
        }
    }
}

/// The fitted line's value in `year`.
fn on_line(method: Method, slope: f64, intercept: f64, year: i32) -> f64 {
    let y = intercept + slope * f64::from(year);
    if method.on_growth() { y.exp() } else { y }
}

/// Fits the trend through the baseline and the reported values (year, value),
/// sorted by year and after the baseline year. `None` with no reported value:
/// one point says nothing about pace. With `growth`, and every figure above
/// 0, the line is fitted to the figures' logarithms (constant growth).
pub fn fit_trend(
    baseline_year: i32,
    baseline: f64,
    reported: &[(i32, f64)],
    growth: bool,
) -> Option<(Method, usize, f64, f64)> {
    let mut points: Vec<(f64, f64)> = vec![(f64::from(baseline_year), baseline)];
    points.extend(
        reported
            .iter()
            .filter(|(y, _)| *y > baseline_year)
            .map(|&(y, v)| (f64::from(y), v)),
    );
    let growth = growth && points.iter().all(|&(_, v)| v > 0.0);
    if growth {
        for p in &mut points {
            p.1 = p.1.ln();
        }
    }
    let (two, many) = if growth {
        (Method::GrowthBaselineToLatest, Method::GrowthLeastSquares)
    } else {
        (Method::BaselineToLatest, Method::LeastSquares)
    };
    match points.len() {
        0 | 1 => None,
        2 => {
            let ((x0, y0), (x1, y1)) = (points[0], points[1]);
            let slope = (y1 - y0) / (x1 - x0);
            Some((two, 2, slope, y0 - slope * x0))
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
            Some((many, n, slope, mean_y - slope * mean_x))
        }
    }
}

pub(super) fn project(
    indicator: &Indicator,
    meta: &PlanMeta,
    baseline: Option<f64>,
    reported: &[(i32, f64)],
) -> Option<TrendProjection> {
    // A trend of levels toward a target-year number; rates, cumulative and
    // relative targets are judged year by year.
    if !crate::assess::rules::trends(&indicator.rule) {
        return None;
    }
    // The target year's own figure is in: it is judged, not forecast (the
    // 总结评估 printed a trend's 2025 value beside the reported 2025 figure,
    // and said a target met on the figure would not be met on the trend).
    if reported
        .last()
        .is_some_and(|&(year, _)| year >= meta.target_year)
    {
        return None;
    }
    let (method, points, slope, intercept) = fit_trend(
        indicator.baseline_year,
        baseline?,
        reported,
        crate::assess::rules::grows_at_a_rate(indicator),
    )?;
    let line = |year: i32| on_line(method, slope, intercept, year);
    let figure = Figure {
        baseline,
        ..Figure::default()
    };
    let target =
        crate::assess::rules::requirement(indicator, meta, meta.target_year, &figure).ok()??;
    // The trend's value as the figures are read: to the precision of a
    // requirement, so 11.299999999999983 meets 11.3.
    let on_line = |year: i32| crate::number::round_requirement(line(year));
    // Within what the figure can be at all: an area's or a length's trend
    // carried below 0 was printed (按现有趋势2030年约为-100).
    let within = |v: f64| {
        let v = indicator.valid.min.map_or(v, |min| v.max(min));
        indicator.valid.max.map_or(v, |max| v.min(max))
    };
    let target_year_value = within(line(meta.target_year));
    // A target to reach (a threshold, a 左右 toward its number): when.
    let wants_more = match indicator.rule {
        Rule::Threshold(t) => Some(t.cmp.wants_more()),
        Rule::About { cmp, .. } => Some(cmp.wants_more()),
        _ => None,
    };
    let reach = match wants_more {
        Some(more) => {
            let &(latest_year, latest) = reported.last()?;
            let toward = if more { slope > 0.0 } else { slope < 0.0 };
            // Met already as the year's status says it: a 左右's printed
            // number itself, not its tolerance (1.42 of 1.45左右 is on
            // schedule, not 已达标) — unless the baseline held the line
            // already, when within the tolerance is met.
            let met = match indicator.rule {
                Rule::About { value, cmp, .. }
                    if !baseline.is_some_and(|b| cmp.inclusive().holds(b, value)) =>
                {
                    cmp.inclusive().holds(latest, value)
                }
                _ => target.met_by(latest),
            };
            Some(if met {
                Reach::AlreadyMet
            } else if !toward {
                Reach::Away
            } else {
                (latest_year + 1..=meta.target_year)
                    .find(|&y| target.met_by(on_line(y)))
                    .map_or(Reach::NotByTargetYear, |year| Reach::InYear { year })
            })
        }
        None => None,
    };
    // A growth curve is shown as the chord from the latest reported year to
    // the target year: `intercept + slope × year` means what it always has.
    let (chord_slope, chord_intercept, growth_per_year, curve) = if method.on_growth() {
        let from = reported.last().map_or(indicator.baseline_year, |&(y, _)| y);
        let (x0, x1) = (f64::from(from), f64::from(meta.target_year));
        let (y0, y1) = (line(from), line(meta.target_year));
        let chord = if x1 > x0 { (y1 - y0) / (x1 - x0) } else { 0.0 };
        (
            chord,
            y0 - chord * x0,
            Some(slope.exp() - 1.0),
            Some((slope, intercept)),
        )
    } else {
        (slope, intercept, None, None)
    };
    Some(TrendProjection {
        method,
        points,
        slope_per_year: chord_slope,
        intercept: chord_intercept,
        growth_per_year,
        curve,
        target_year_value,
        meets_target: target.met_by(crate::number::round_requirement(target_year_value)),
        reach,
    })
}
