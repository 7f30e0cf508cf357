//! `--format json`: the report struct itself, serialised, plus the run's warnings.
//! The schema is the serde types; the README documents every field.

use super::Run;
use crate::assess::YearReport;
use schemars::JsonSchema;
use serde::Serialize;

/// Version of the JSON layout; raised on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON report of one checked year (`plan-check --format json`).
#[derive(Serialize, JsonSchema)]
#[schemars(title = "plan-check JSON report")]
pub struct Document<'a> {
    schema_version: u32,
    #[serde(flatten)]
    report: &'a YearReport,
    warnings: Vec<Warning<'a>>,
}

/// A non-fatal problem in the input (an indicator the plan does not have).
#[derive(Serialize, JsonSchema)]
pub struct Warning<'a> {
    code: &'a str,
    file: &'a str,
    line: Option<u64>,
    indicator: Option<&'a str>,
    message: &'a str,
}

pub fn render(run: &Run) -> String {
    let document = Document {
        schema_version: SCHEMA_VERSION,
        report: run.report,
        warnings: run
            .warnings
            .iter()
            .map(|d| Warning {
                code: d.code,
                file: &d.file,
                line: d.line,
                indicator: d.indicator.as_deref(),
                message: d.message.get(run.style.lang),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
