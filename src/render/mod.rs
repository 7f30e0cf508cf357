//! Renderers: a report in, text out. One file per format, all behind the same
//! signature (`fn render(&Run) -> String`); none decides a status.

pub mod chart;
pub mod columns;
pub mod csv;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod labels;
pub mod markdown;
pub mod period_table;
pub mod plan_listing;
pub mod summary;
pub mod table;
pub mod template;
pub mod xml;

use crate::assess::YearReport;
use crate::assess::period::PeriodReport;
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
    /// Markdown table, for merge-request comments and reports
    Markdown,
    /// JUnit XML, for CI test reports
    Junit,
    /// GitHub Actions workflow commands (annotations)
    Github,
}

impl Format {
    /// The renderer of this format.
    pub fn renderer(self) -> fn(&Run) -> String {
        match self {
            Format::Table => table::render,
            Format::Json => json::render,
            Format::Csv => csv::render,
            Format::Markdown => markdown::render,
            Format::Junit => junit::render,
            Format::Github => github::render,
        }
    }
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

/// What a run shows: one year, or every year of the period.
#[derive(Clone, Copy)]
pub enum View<'a> {
    Year(&'a YearReport),
    Period(&'a PeriodReport),
}

/// One checked run, as the renderers see it.
pub struct Run<'a> {
    pub view: View<'a>,
    /// Non-fatal diagnostics (unknown indicators); machine formats carry them,
    /// the table leaves them to standard error.
    pub warnings: &'a [Diagnostic],
    /// The statistics files read, as given (`<stdin>` for standard input).
    pub inputs: &'a [String],
    pub style: Style,
}

impl Run<'_> {
    /// The latest year's report: the one year shown, or the period's last year.
    /// Formats that show a single year (Markdown, JUnit, GitHub) render this.
    pub fn latest(&self) -> &YearReport {
        match self.view {
            View::Year(report) => report,
            View::Period(period) => &period.latest,
        }
    }
}

pub fn render(run: &Run, format: Format) -> String {
    format.renderer()(run)
}
