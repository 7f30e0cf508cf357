//! `--format csv`: one header row and one row per indicator, for pipelines.
//! Codes, not labels, so the columns read the same in every language.

use super::{Evaluation, Renderer, Style, View};
use crate::assess::YearReport;
use crate::assess::period::{Method, PeriodReport};
use crate::vocabulary::Attribute;

pub const HEADER: [&str; 22] = [
    "region",
    "year",
    "id",
    "category",
    "name",
    "unit",
    "attribute",
    "baseline",
    "target_text",
    "required",
    "actual",
    "status",
    "pass",
    "completion",
    "elapsed",
    "file",
    "line",
    "source",
    "remark",
    "judged_on",
    "judged_value",
    "due",
];

/// `--format csv`: written to `out` a region's rows at a time.
pub struct Csv;

impl Renderer for Csv {
    fn render(
        &self,
        ev: &Evaluation,
        style: &Style,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        // A file gets a byte-order mark, as Excel's own "CSV UTF-8" does: Excel
        // on a Chinese-locale Windows reads a file without one as GBK.
        // A pipe gets none: the next program expects plain UTF-8.
        if style.file {
            out.write_all("\u{feff}".as_bytes())?;
        }
        write(ev, out)?;
        Ok(())
    }
}

fn write(ev: &Evaluation, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    match &ev.view {
        View::Year(report) => write_year(std::iter::once(&**report), out),
        View::Period(period) => write_period(period, out),
        // Each region's report made as it is written.
        View::Regions(regions) => write_year(regions.reports.iter(), out),
    }
}

/// Period view: one row per indicator and year (long format), with the
/// indicator's latest status, pace, projection and outlook repeated on each row.
pub const PERIOD_HEADER: [&str; 28] = [
    "region",
    "id",
    "category",
    "name",
    "unit",
    "attribute",
    "baseline",
    "target_text",
    "year",
    "required",
    "actual",
    "status",
    "pass",
    "file",
    "line",
    "source",
    "remark",
    "latest_year",
    "latest_status",
    "completion",
    "pace_ratio",
    "projection_method",
    "projected_target_year_value",
    "projection_meets_target",
    "outlook",
    "judged_on",
    "judged_value",
    "due",
];

fn write_period(period: &PeriodReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    // A share or ratio computed here: to 12 decimals, not the binary noise
    // of the division (0.7999999999999986 for 80 %).
    let ratio = |v: Option<f64>| v.map(computed).unwrap_or_default();
    writer.write_record(PERIOD_HEADER)?;
    for s in &period.indicators {
        let method = s.projection.map(|p| match p.method {
            Method::LeastSquares => "least_squares",
            Method::BaselineToLatest => "baseline_to_latest",
            Method::GrowthLeastSquares => "growth_least_squares",
            Method::GrowthBaselineToLatest => "growth_baseline_to_latest",
        });
        for point in &s.series {
            writer.write_record([
                &*text(&period.region),
                &s.id,
                &*text(&s.category),
                &*text(&s.name),
                &*text(&s.unit),
                attribute_code(s.attribute),
                &opt(s.baseline),
                &*text(&s.target_text),
                &point.year.to_string(),
                &opt(point.required),
                &opt(point.actual),
                point.status.code(),
                if point.pass { "true" } else { "false" },
                &*text(point.file.as_deref().unwrap_or("")),
                &point.line.map(|l| l.to_string()).unwrap_or_default(),
                &*text(point.source.as_deref().unwrap_or("")),
                &*text(point.remark.as_deref().unwrap_or("")),
                // The indicator's own latest judged year and its status there
                // (JSON's as_of and status): beside the run's year, a status
                // of an earlier one read as that year's (2025, on_track for
                // an indicator with no 2025 figure).
                &s.as_of.to_string(),
                s.status.code(),
                &ratio(s.completion),
                &ratio(s.pace_ratio),
                method.unwrap_or(""),
                &ratio(s.projection.map(|p| p.target_year_value)),
                &s.projection
                    .map(|p| p.meets_target.to_string())
                    .unwrap_or_default(),
                s.outlook.code(),
                // The figure a 年均/累计 requirement is on, beside the year's
                // own (1.2 against 3.6 read as on track: a reviewer's).
                s.judged_on.map_or("", derived_code),
                &opt(point.derived),
                // The completion due by the latest year (the time elapsed,
                // or the constant-growth path's share of the way).
                &ratio(s.due),
            ])?;
        }
    }
    writer.flush()
}

/// A text cell as a spreadsheet must not run it: one that begins with `=`,
/// `+`, `-`, `@`, a tab or a carriage return (a formula, or Excel's DDE) gets
/// a leading `'`, as OWASP recommends against CSV injection (CWE-1236). A
/// district's 来源 of `=HYPERLINK(…)` reaches the city's CSV as text.
/// Numbers are written by the renderer, never through here.
pub fn text(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A figure made from the years, as JSON's `judged_on` names it.
fn derived_code(kind: crate::assess::figure::DerivedKind) -> &'static str {
    use crate::assess::figure::DerivedKind;
    match kind {
        DerivedKind::CompoundAverage => "compound_average",
        DerivedKind::MeanAverage => "mean_average",
        DerivedKind::CompoundCumulative => "compound_cumulative",
        DerivedKind::SumCumulative => "sum_cumulative",
        DerivedKind::LevelChange => "level_change",
        DerivedKind::LevelGrowth => "level_growth",
    }
}

fn attribute_code(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::Binding => "binding",
        Attribute::Expected => "expected",
    }
}

/// One row per indicator of each report.
fn write_year<R: std::borrow::Borrow<YearReport>>(
    reports: impl Iterator<Item = R>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for report in reports {
        year_rows(report.borrow(), &mut writer)?;
    }
    writer.flush()
}

/// The rows of one report: one per indicator.
fn year_rows<W: std::io::Write>(
    report: &YearReport,
    writer: &mut csv::Writer<W>,
) -> std::io::Result<()> {
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    // A share or ratio computed here: to 12 decimals, not the binary noise
    // of the division (0.7999999999999986 for 80 %).
    let ratio = |v: Option<f64>| v.map(computed).unwrap_or_default();
    for r in &report.results {
        let attribute = attribute_code(r.attribute);
        // A line judged at an earlier year (a region's indicator not yet
        // reported for its latest year) is that year's row.
        writer.write_record([
            &*text(&report.region),
            &r.as_of.unwrap_or(report.year).to_string(),
            &r.id,
            &*text(&r.category),
            &*text(&r.name),
            &*text(&r.unit),
            attribute,
            &opt(r.baseline),
            &*text(&r.target_text),
            &opt(r.required),
            &opt(r.actual),
            r.status.code(),
            if r.pass { "true" } else { "false" },
            &ratio(r.completion),
            &computed(r.elapsed),
            &*text(r.file.as_deref().unwrap_or("")),
            &r.line.map(|l| l.to_string()).unwrap_or_default(),
            &*text(r.source.as_deref().unwrap_or("")),
            &*text(&remark(r, report.year)),
            r.derived
                .as_ref()
                .map(|d| d.kind)
                .or(r.judged_on)
                .map_or("", derived_code),
            &opt(r.derived.as_ref().map(|d| d.value)),
            &ratio(r.due),
        ])?;
    }
    Ok(())
}

/// The row's remark; a line judged at an earlier year says the run's year
/// has no figure (its `pass` is the run's: false).
fn remark(r: &crate::assess::IndicatorResult, year: i32) -> String {
    let own = r.remark.as_deref().unwrap_or("");
    match r.as_of {
        Some(_) if own.is_empty() => format!("{year}年未填报"),
        Some(_) => format!("{year}年未填报；{own}"),
        None => own.to_owned(),
    }
}

/// A computed share or ratio as text: to 12 decimals, trailing zeros dropped.
fn computed(v: f64) -> String {
    crate::number::written_to(v, 12)
}
