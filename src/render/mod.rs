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
pub mod look;
pub mod markdown;
pub mod period_table;
pub mod plan_listing;
pub mod regions_table;
pub mod summary;
pub mod table;
pub mod template;
pub mod xlsx;
pub mod xml;

use crate::assess::YearReport;
use crate::assess::period::PeriodReport;
use crate::assess::regions::RegionsReport;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::plan::PlanSet;
use clap::ValueEnum;
use std::borrow::Cow;
use std::io::Write;

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
    /// Excel 工作簿（须配合 --output）/ an Excel workbook (with --output)
    Xlsx,
}

impl Format {
    /// The renderer of a text format; `None` for the workbook.
    pub fn text_renderer(self) -> Option<fn(&Run) -> String> {
        Some(match self {
            Format::Table => table::render,
            Format::Json => json::render,
            Format::Csv => csv::render,
            Format::Markdown => markdown::render,
            Format::Junit => junit::render,
            Format::Github => github::render,
            Format::Xlsx => return None,
        })
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
    /// Several regions: each one's latest year.
    Regions(&'a RegionsReport<'a>),
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
    /// `--matrix`: the region × indicator grid under the regions table.
    pub matrix: bool,
    /// The plans, for the names of the indicators in the matrix.
    pub plans: &'a PlanSet,
}

impl Run<'_> {
    /// The year reports the per-indicator formats (JUnit, GitHub, the
    /// workbook) show: the one year, the period's latest year, or each
    /// region's latest year (made here: these formats hold every region; JSON
    /// and CSV stream them instead).
    pub fn year_reports(&self) -> Vec<Cow<'_, YearReport>> {
        match self.view {
            View::Year(report) => vec![Cow::Borrowed(report)],
            View::Period(period) => vec![Cow::Borrowed(&period.latest)],
            View::Regions(regions) => regions.reports.iter().map(Cow::Owned).collect(),
        }
    }

    /// Whether the run fails: a binding indicator not passing in the (latest)
    /// year, in any region; with `strict`, any judged indicator.
    pub fn fails(&self, strict: bool) -> bool {
        match self.view {
            View::Year(report) => report.summary.fails(strict),
            View::Period(period) => period.summary.latest.fails(strict),
            View::Regions(regions) => regions.fails(strict),
        }
    }
}

/// Writes `run` in `format` to `out`. JSON and CSV are written as they are
/// made, a region at a time, so memory does not grow with the output.
pub fn render(run: &Run, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(run, out),
        Format::Csv => csv::write(run, out),
        Format::Xlsx => {
            let bytes = xlsx::results(run).map_err(std::io::Error::other)?;
            out.write_all(&bytes)
        }
        other => match other.text_renderer() {
            Some(text) => out.write_all(text(run).as_bytes()),
            None => Ok(()),
        },
    }
}

/// A table cell of a terminal view: the text with control characters escaped
/// ([`crate::diagnostic::printable`]).
pub fn cell<T: ToString>(content: T) -> comfy_table::Cell {
    comfy_table::Cell::new(crate::diagnostic::printable(&content.to_string()))
}

/// A line of a terminal view outside its table, control characters escaped.
pub fn line(out: &mut String, text: std::fmt::Arguments) {
    out.push_str(&crate::diagnostic::printable(&text.to_string()));
    out.push('\n');
}
