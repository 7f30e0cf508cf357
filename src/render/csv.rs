//! `--format csv`: one header row and one row per indicator, for pipelines.
//! Codes, not labels, so the columns read the same in every language.

use super::{Run, View};
use crate::assess::YearReport;
use crate::assess::period::{Method, PeriodReport};
use crate::plan::Attribute;

pub const HEADER: [&str; 18] = [
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
];

pub fn render(run: &Run) -> String {
    match run.view {
        View::Year(report) => render_year(&[report]),
        View::Period(period) => render_period(period),
        View::Regions(regions) => render_year(&regions.reports.iter().collect::<Vec<_>>()),
    }
}

/// Period view: one row per indicator and year (long format), with the
/// indicator's latest status, pace, projection and outlook repeated on each row.
pub const PERIOD_HEADER: [&str; 24] = [
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
    "latest_year",
    "latest_status",
    "completion",
    "pace_ratio",
    "projection_method",
    "projected_target_year_value",
    "projection_meets_target",
    "outlook",
];

fn render_period(period: &PeriodReport) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let _ = writer.write_record(PERIOD_HEADER);
    for s in &period.indicators {
        let method = s.projection.map(|p| match p.method {
            Method::LeastSquares => "least_squares",
            Method::BaselineToLatest => "baseline_to_latest",
        });
        for point in &s.series {
            let _ = writer.write_record([
                period.region.as_str(),
                &s.id,
                &s.category,
                &s.name,
                &s.unit,
                attribute_code(s.attribute),
                &s.baseline.to_string(),
                &s.target_text,
                &point.year.to_string(),
                &opt(point.required),
                &opt(point.actual),
                point.status.code(),
                if point.pass { "true" } else { "false" },
                point.file.as_deref().unwrap_or(""),
                &point.line.map(|l| l.to_string()).unwrap_or_default(),
                point.source.as_deref().unwrap_or(""),
                &period.latest_year.to_string(),
                s.status.code(),
                &opt(s.completion),
                &opt(s.pace_ratio),
                method.unwrap_or(""),
                &opt(s.projection.map(|p| p.target_year_value)),
                &s.projection
                    .map(|p| p.meets_target.to_string())
                    .unwrap_or_default(),
                s.outlook.code(),
            ]);
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn attribute_code(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::Binding => "binding",
        Attribute::Expected => "expected",
    }
}

/// One row per indicator of each report (one report per region).
fn render_year(reports: &[&YearReport]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    // Writing to a Vec cannot fail; a failure would only lose rows, never panic.
    let _ = writer.write_record(HEADER);
    for (report, r) in reports
        .iter()
        .flat_map(|report| report.results.iter().map(move |r| (report, r)))
    {
        let attribute = attribute_code(r.attribute);
        let _ = writer.write_record([
            report.region.as_str(),
            &report.year.to_string(),
            &r.id,
            &r.category,
            &r.name,
            &r.unit,
            attribute,
            &r.baseline.to_string(),
            &r.target_text,
            &opt(r.required),
            &opt(r.actual),
            r.status.code(),
            if r.pass { "true" } else { "false" },
            &opt(r.completion),
            &report.elapsed.to_string(),
            r.file.as_deref().unwrap_or(""),
            &r.line.map(|l| l.to_string()).unwrap_or_default(),
            r.source.as_deref().unwrap_or(""),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
