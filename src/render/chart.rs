//! One indicator's chart as inline SVG, written by hand: the reported values by
//! year against the schedule path from baseline to target, the target line
//! labelled with the target as printed, a projection's tolerance band, and the
//! trend carried to the target year, dashed.
//!
//! Hand-written rather than through a plotting crate: the chart has six kinds
//! of marks, each needs its own label and class for print CSS and tests, and
//! the text must use the page's CJK font; a hundred lines of SVG say that more
//! plainly than configuring a general plotting backend.

use super::labels;
use super::xml::escape;
use crate::assess::period::IndicatorSeries;
use crate::assess::{PlanInfo, Requirement};
use crate::lang::Lang;
use crate::vocabulary::Rule;
use std::fmt::Write as _;

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 58.0;
const RIGHT: f64 = 92.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 34.0;

/// Round tick values covering `[min, max]`: steps of 1, 2 or 5 × 10ⁿ.
pub fn ticks(min: f64, max: f64, wanted: usize) -> Vec<f64> {
    let span = (max - min).max(1e-9);
    let raw = span / wanted.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last)
        .map(|i| (i as f64 * step * 1e9).round() / 1e9)
        .collect()
}

struct Scale {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Scale {
    fn x(&self, year: f64) -> f64 {
        LEFT + (year - self.x0) / (self.x1 - self.x0) * (WIDTH - LEFT - RIGHT)
    }
    fn y(&self, value: f64) -> f64 {
        HEIGHT - BOTTOM - (value - self.y0) / (self.y1 - self.y0) * (HEIGHT - TOP - BOTTOM)
    }
}

fn status_class(status: crate::assess::Status) -> &'static str {
    super::look::status(status).tone.class()
}

/// The SVG of one indicator over the period.
pub fn svg(series: &IndicatorSeries, plan: &PlanInfo, lang: Lang) -> String {
    // From the indicator's own baseline year when it is earlier (`10.5*` = 2024).
    let (y0, y1) = (
        series.baseline_year.min(plan.baseline_year),
        plan.target_year,
    );
    let last_year = series.series.last().map_or(y1, |p| p.year).max(y1);
    // The requirement path: each year's requirement from the baseline to the target year.
    let path = &series.path;
    let reported: Vec<(i32, f64, &str, Option<f64>)> = series
        .series
        .iter()
        .filter_map(|p| {
            // A figure made from the yearly ones is what the path holds it
            // against; the year's own figure goes into its title.
            match (p.derived, p.actual) {
                (Some(d), a) => Some((p.year, d, status_class(p.status), a)),
                (None, Some(a)) => Some((p.year, a, status_class(p.status), None)),
                (None, None) => None,
            }
        })
        .collect();
    // A requirement on a figure made from the years (累计, 年均, the level
    // less the baseline) is drawn in that figure's terms: its target is the
    // path's at the target year, and the level's baseline is no point of it
    // (人均预期寿命's 77.3 put a change of one year flat on the axis).
    let derived = series.judged_on.is_some();
    let target_value = if derived {
        path.iter()
            .find(|(year, _)| *year == plan.target_year)
            .and_then(|(_, r)| r.value())
    } else {
        series.target_value
    };

    // The value range every mark must fit in.
    let mut values: Vec<f64> = if derived {
        Vec::new()
    } else {
        series.baseline.into_iter().collect()
    };
    values.extend(target_value);
    values.extend(reported.iter().map(|r| r.1));
    for (_, r) in path {
        match *r {
            Requirement::Threshold { value, .. } => values.push(value),
            Requirement::Band { min, max, .. } | Requirement::Range { min, max } => {
                values.extend([min, max])
            }
        }
    }
    if let Some(p) = series.projection {
        values.push(p.target_year_value);
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    let pad = ((hi - lo) * 0.12).max(hi.abs().max(1.0) * 0.005);
    let scale = Scale {
        x0: f64::from(y0) - 0.3,
        x1: f64::from(last_year) + 0.3,
        y0: lo - pad,
        y1: hi + pad,
    };

    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}" data-id="{}">"#,
        escape(&series.name),
        escape(&series.id)
    );
    // Grid and axes.
    for t in ticks(scale.y0, scale.y1, 4) {
        let y = scale.y(t);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{LEFT}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            labels::number(t)
        );
    }
    for year in y0..=last_year {
        let x = scale.x(f64::from(year));
        let _ = write!(
            out,
            r#"<text class="tick" x="{x:.1}" y="{:.1}" text-anchor="middle">{year}</text>"#,
            HEIGHT - BOTTOM + 18.0
        );
    }
    let _ = write!(
        out,
        r#"<line class="axis" x1="{LEFT}" x2="{:.1}" y1="{b:.1}" y2="{b:.1}"/>"#,
        WIDTH - RIGHT,
        b = HEIGHT - BOTTOM
    );

    // A projection's band, then the requirement path.
    let band: Vec<(i32, f64, f64)> = path
        .iter()
        .filter_map(|(y, r)| match *r {
            Requirement::Band { min, max, .. } | Requirement::Range { min, max } => {
                Some((*y, min, max))
            }
            Requirement::Threshold { .. } => None,
        })
        .collect();
    if band.len() >= 2 {
        let upper = band
            .iter()
            .map(|(y, _, max)| format!("{:.1},{:.1}", scale.x(f64::from(*y)), scale.y(*max)));
        let lower = band
            .iter()
            .rev()
            .map(|(y, min, _)| format!("{:.1},{:.1}", scale.x(f64::from(*y)), scale.y(*min)));
        let _ = write!(
            out,
            r#"<polygon class="band" points="{}"/>"#,
            upper.chain(lower).collect::<Vec<_>>().join(" ")
        );
    }
    let schedule: Vec<String> = path
        .iter()
        .filter_map(|(y, r)| {
            r.value()
                .map(|v| format!("{:.1},{:.1}", scale.x(f64::from(*y)), scale.y(v)))
        })
        .collect();
    if schedule.len() >= 2 {
        let _ = write!(
            out,
            r#"<polyline class="schedule" points="{}"><title>{}</title></polyline>"#,
            schedule.join(" "),
            // Each year's requirement: a schedule, a line held every year,
            // an annual plan's, another indicator's figure — not always
            // 序时进度.
            lang.pick("各年要求", "each year's requirement")
        );
    }

    // The target line, labelled with the target as printed.
    if let Some(t) = target_value {
        let y = scale.y(t);
        let _ = write!(
            out,
            r#"<line class="target" x1="{LEFT}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}"/><text class="target-label" x="{:.1}" y="{:.1}">{} {}</text>"#,
            WIDTH - RIGHT,
            WIDTH - RIGHT + 4.0,
            y + 4.0,
            lang.pick("目标", "target"),
            escape(&series.target_text)
        );
    }

    // The trend carried to the target year, dashed, from the latest reported value.
    if let (Some(p), Some(&(year, value, _, _))) = (series.projection, reported.last())
        && year < y1
    {
        let _ = write!(
            out,
            r#"<line class="projection" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/><circle class="projected" cx="{:.1}" cy="{:.1}" r="3.5" data-year="{y1}" data-value="{}"><title>{}</title></circle>"#,
            scale.x(f64::from(year)),
            scale.y(value),
            scale.x(f64::from(y1)),
            scale.y(p.target_year_value),
            scale.x(f64::from(y1)),
            scale.y(p.target_year_value),
            p.target_year_value,
            escape(&format!(
                "{y1}{} {}",
                lang.pick("年预计", " projected"),
                labels::number(p.target_year_value)
            ))
        );
    }

    // The reported values: a line through consecutive reported years only,
    // broken where a year is not reported (never drawn through a value that
    // was not reported), each point marked and labelled.
    for run in runs(&series.series) {
        if run.len() >= 2 {
            let points: Vec<String> = run
                .iter()
                .map(|(y, v)| format!("{:.1},{:.1}", scale.x(f64::from(*y)), scale.y(*v)))
                .collect();
            let _ = write!(
                out,
                r#"<polyline class="actual" points="{}"/>"#,
                points.join(" ")
            );
        }
    }
    // What the points are when they are not the years' own figures (the
    // legend says 实际值: a 年均 plotted unnamed read as the year's growth).
    if let Some(kind) = series.judged_on {
        let _ = write!(
            out,
            r#"<text class="axis-label" x="{LEFT}" y="{:.1}">{}</text>"#,
            TOP - 4.0,
            escape(&format!(
                "{}{}",
                lang.pick("图中数值：", "points: "),
                labels::derived(kind, lang)
            ))
        );
    }
    for (year, value, class, own) in &reported {
        let (x, y) = (scale.x(f64::from(*year)), scale.y(*value));
        let title = match (series.judged_on, own) {
            (Some(kind), Some(own)) => format!(
                "{year}: {} {}{}{}{}",
                labels::derived_short(kind, lang),
                labels::number(*value),
                lang.pick("（当年 ", " (the year: "),
                labels::number(*own),
                lang.pick("）", ")")
            ),
            _ => format!("{year}: {}", labels::number(*value)),
        };
        let _ = write!(
            out,
            r#"<circle class="point {class}" cx="{x:.1}" cy="{y:.1}" r="4" data-year="{year}" data-value="{value}"><title>{}</title></circle><text class="value" x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            escape(&title),
            y - 8.0,
            labels::number(*value)
        );
    }
    out.push_str("</svg>");
    out
}

/// The legend under the charts, once per report.
pub fn legend(lang: Lang) -> String {
    let items = [
        ("actual", lang.pick("实际值（按年份）", "reported value")),
        ("schedule", lang.pick("各年要求", "requirement by year")),
        ("target", lang.pick("目标（原文）", "target as printed")),
        ("projection", lang.pick("趋势外推", "trend projection")),
        ("band", lang.pick("预测区间", "projection band")),
    ];
    let mut out = String::from(r#"<svg class="legend" viewBox="0 0 640 24" role="img">"#);
    for (i, (class, text)) in items.iter().enumerate() {
        let x = 6.0 + i as f64 * 128.0;
        if *class == "band" {
            let _ = write!(
                out,
                r#"<rect class="band" x="{x}" y="6" width="22" height="12"/>"#
            );
        } else {
            let _ = write!(
                out,
                r#"<line class="{class}" x1="{x}" x2="{:.0}" y1="12" y2="12"/>"#,
                x + 22.0
            );
        }
        let _ = write!(
            out,
            r#"<text class="tick" x="{:.0}" y="16">{}</text>"#,
            x + 28.0,
            escape(text)
        );
    }
    out.push_str("</svg>");
    out
}

/// Whether an indicator has anything to draw: a numeric rule, or figures
/// (an indicator not judged is still drawn when it was reported).
pub fn has_rule(series: &IndicatorSeries) -> bool {
    !matches!(series.rule, Rule::NotAssessed) || series.series.iter().any(|p| p.actual.is_some())
}

/// The reported values in runs of years with no year missing between them:
/// a line is drawn through each run, never across a gap.
fn runs(points: &[crate::assess::period::YearPoint]) -> Vec<Vec<(i32, f64)>> {
    let mut out: Vec<Vec<(i32, f64)>> = Vec::new();
    let mut last_year = None;
    for p in points {
        let Some(v) = p.derived.or(p.actual) else {
            last_year = None;
            continue;
        };
        // A year the run has no file for is a gap too.
        match out.last_mut() {
            Some(run) if last_year == Some(p.year - 1) => run.push((p.year, v)),
            _ => out.push(vec![(p.year, v)]),
        }
        last_year = Some(p.year);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_breaks_at_a_year_not_reported_or_not_in_the_run() {
        use crate::assess::Status;
        use crate::assess::period::YearPoint;
        let point = |year, actual| YearPoint {
            year,
            actual,
            derived: None,
            required: None,
            requirement: None,
            status: Status::Missing,
            pass: false,
            file: None,
            line: None,
            source: None,
            remark: None,
        };
        // 2022 not reported: two runs.
        let r = runs(&[
            point(2021, Some(1.0)),
            point(2022, None),
            point(2023, Some(3.0)),
            point(2024, Some(4.0)),
        ]);
        assert_eq!(r, vec![vec![(2021, 1.0)], vec![(2023, 3.0), (2024, 4.0)]]);
        // No file for 2022 at all: still a gap.
        let r = runs(&[point(2021, Some(1.0)), point(2023, Some(3.0))]);
        assert_eq!(r, vec![vec![(2021, 1.0)], vec![(2023, 3.0)]]);
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(17.8, 19.2, 4), vec![18.0, 18.5, 19.0]);
        assert_eq!(ticks(0.0, 100.0, 4), vec![0.0, 50.0, 100.0]);
        assert_eq!(ticks(3.7, 4.2, 4), vec![3.8, 4.0, 4.2]);
    }
}
