//! `--format csv`: one header row and one row per indicator, for pipelines.
//! Codes, not labels, so the columns read the same in every language.

use super::Run;

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
    let report = run.report;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    // Writing to a Vec cannot fail; a failure would only lose rows, never panic.
    let _ = writer.write_record(HEADER);
    for r in &report.results {
        let attribute = match r.attribute {
            crate::plan::Attribute::Binding => "binding",
            crate::plan::Attribute::Expected => "expected",
        };
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
