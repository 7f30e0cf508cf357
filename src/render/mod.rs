//! Renderers: an evaluation in, bytes out. One file per format, each a
//! [`Renderer`]; none decides a status or the outcome, and none reads the plan
//! or calls into the assessment: everything drawn is in the [`Evaluation`].

pub mod chart;
pub mod columns;
pub mod csv;
pub mod docx;
pub mod fit;
pub mod github;
pub mod html;
pub mod incomplete;
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
pub mod verdict;
pub mod wording;
pub mod xlsx;
pub mod xml;

use crate::assess::evaluation::{Evaluation, FailedInput, Outcome, View};
use crate::lang::Lang;
use clap::ValueEnum;
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
    /// Word 文档，按党政机关公文格式排版（须配合 --output）/ a Word document typeset as a government document (with --output)
    Docx,
}

impl Format {
    /// The renderer of the format.
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            Format::Table => &table::Terminal,
            Format::Json => &json::Json,
            Format::Csv => &csv::Csv,
            Format::Markdown => &markdown::Markdown,
            Format::Junit => &junit::Junit,
            Format::Github => &github::Github,
            Format::Xlsx => &xlsx::Results,
            Format::Docx => &docx::Report,
        }
    }
}

/// An output format: writes an evaluation to `out`. JSON and CSV write as they
/// go, a region at a time, so memory does not grow with the output.
pub trait Renderer {
    fn render(&self, ev: &Evaluation, style: &Style, out: &mut dyn Write) -> anyhow::Result<()>;
}

/// A renderer's bytes, for tests and small outputs.
pub fn to_string(renderer: &dyn Renderer, ev: &Evaluation, style: &Style) -> String {
    let mut out = Vec::new();
    match renderer.render(ev, style, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("<{e}>"),
    }
}

/// How to draw, besides what: the reader's language and terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    /// ANSI colours (only on a terminal, never with `NO_COLOR`).
    pub color: bool,
    /// `--matrix`: the region × indicator grid under the regions table.
    pub matrix: bool,
    /// The output is a file (`--output`), to be opened by other programs,
    /// rather than a terminal or a pipe.
    pub file: bool,
    /// The terminal's width, when the output is a terminal (and not
    /// `--wide`): tables are laid out to it (see [`fit`]). `None`: the full
    /// table, unwrapped.
    pub width: Option<u16>,
}

impl Style {
    pub fn plain(lang: Lang) -> Style {
        Style {
            lang,
            color: false,
            matrix: false,
            file: false,
            width: None,
        }
    }
}

/// A table cell of a terminal view: the text with control characters escaped
/// ([`crate::printable::printable`]).
pub fn cell<T: ToString>(content: T) -> comfy_table::Cell {
    comfy_table::Cell::new(crate::printable::printable(&content.to_string()))
}

/// A cell of several lines (a name wrapped to its column), each line's
/// control characters escaped.
pub fn cell_lines(lines: &[String]) -> comfy_table::Cell {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| crate::printable::printable(l).into_owned())
        .collect();
    comfy_table::Cell::new(lines.join("\n"))
}

/// A line of a terminal view outside its table, control characters escaped.
pub fn line(out: &mut String, text: std::fmt::Arguments) {
    out.push_str(&crate::printable::printable(&text.to_string()));
    out.push('\n');
}
