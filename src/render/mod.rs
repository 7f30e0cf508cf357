//! Renderers: a report in, bytes out. One file per format; none decides a status.

pub mod csv;
pub mod json;
pub mod labels;
pub mod plan_listing;
pub mod table;
pub mod template;

use crate::assess::YearReport;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// 终端表格 / a table for people
    #[default]
    Table,
    /// JSON, for programs
    Json,
    /// CSV, one row per indicator
    Csv,
}

/// What every renderer may take into account besides the report.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    /// ANSI colours (only on a terminal, never with `NO_COLOR`).
    pub color: bool,
    /// `--strict`: expected indicators count toward the outcome too.
    pub strict: bool,
}

/// Renders `report` in `format`. `warnings` are the non-fatal diagnostics of the
/// run; machine formats carry them, the table leaves them to standard error.
pub fn render(
    report: &YearReport,
    warnings: &[Diagnostic],
    format: Format,
    style: Style,
) -> String {
    match format {
        Format::Table => table::render(report, style),
        Format::Json => json::render(report, warnings, style),
        Format::Csv => csv::render(report),
    }
}
