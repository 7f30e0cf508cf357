//! `--format json`: the report struct itself, serialised, plus the run's warnings.
//! The schema is the serde types; the README documents every field.

use super::{Evaluation, Renderer, Style, View};
use crate::assess::YearReport;
use crate::assess::period::PeriodReport;
use crate::assess::regions::RegionsReport;
use schemars::JsonSchema;
use serde::Serialize;

/// Version of the JSON layout; raised on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON report of a run (`plan-check --format json`): one year, or with
/// several years the period view (`"view": "period"`).
#[derive(Serialize, JsonSchema)]
#[schemars(title = "plan-check JSON report")]
pub struct Document<'a> {
    schema_version: u32,
    /// `"year"` for one year, `"period"` for the period view, `"regions"`
    /// for several regions (absent for one year before 2026-12-01).
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<&'static str>,
    #[serde(flatten)]
    report: Report<'a>,
    warnings: Vec<Warning<'a>>,
    /// Statistics files that could not be read, and regions whose figures
    /// clash, each with its errors: their figures were not checked and the
    /// run exits 2. Empty when every file was read and no figure repeats.
    failed_inputs: Vec<FailedFile<'a>>,
}

/// A statistics file that could not be read; or, with `region`, a file
/// whose figures for that region clash with others (a figure reported
/// twice): the region is left out of the report.
#[derive(Serialize, JsonSchema)]
pub struct FailedFile<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'a str>,
    errors: Vec<Warning<'a>>,
}

/// The report of one year, or of every year of the period.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Report<'a> {
    Year(&'a YearReport),
    Period(&'a PeriodReport),
    Regions(&'a RegionsReport<'a>),
}

/// A problem in the input: a warning (an indicator the plan does not have),
/// or an error of a file that could not be read.
#[derive(Serialize, JsonSchema)]
pub struct Warning<'a> {
    code: &'a str,
    file: &'a str,
    line: Option<u64>,
    indicator: Option<&'a str>,
    /// The region of the row, where the row names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'a str>,
    message: &'a str,
    /// The same warning on this many more rows, not listed (a file's
    /// warnings of one kind past 20, or an unknown name's other rows).
    #[serde(skip_serializing_if = "is_zero")]
    more: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// `--format json`: written to `out` as it is serialised; the regions' reports
/// are made and written one at a time.
pub struct Json;

impl Renderer for Json {
    fn render(
        &self,
        ev: &Evaluation,
        style: &Style,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        write(ev, style, out)?;
        Ok(())
    }
}

fn warning<'a>(d: &'a crate::diagnostic::Diagnostic, style: &Style) -> Warning<'a> {
    Warning {
        code: d.code.as_str(),
        file: &d.file,
        line: d.line,
        indicator: d.indicator.as_deref(),
        region: d.region.as_deref(),
        message: d.message.get(style.lang),
        more: d.more,
    }
}

fn write(ev: &Evaluation, style: &Style, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let (view, report) = match &ev.view {
        View::Year(r) => (Some("year"), Report::Year(r)),
        View::Period(p) => (Some("period"), Report::Period(p)),
        View::Regions(r) => (Some("regions"), Report::Regions(r)),
    };
    let document = Document {
        schema_version: SCHEMA_VERSION,
        view,
        report,
        warnings: ev.warnings.iter().map(|d| warning(d, style)).collect(),
        failed_inputs: ev
            .failed
            .iter()
            .map(|f| FailedFile {
                file: &f.file,
                region: f.region.as_deref(),
                errors: f.errors.iter().map(|d| warning(d, style)).collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}
