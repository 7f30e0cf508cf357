//! The terminal table: one row per indicator as in the plan's own table, then a
//! summary in the words of an official evaluation.

use super::{Evaluation, Outcome, Renderer, Style, View, columns, summary};
use crate::assess::YearReport;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use std::fmt::Write as _;

/// `--format table`: the terminal views, the year's, the period's and the
/// regions' tables.
pub struct Terminal;

impl Renderer for Terminal {
    fn render(
        &self,
        ev: &Evaluation,
        style: &Style,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        let text = match &ev.view {
            View::Year(report) => render_year(report, *style, ev.outcome),
            View::Period(period) => super::period_table::render(period, *style, ev.outcome),
            View::Regions(regions) => super::regions_table::render(regions, *style, ev.outcome),
        };
        out.write_all(text.as_bytes())?;
        Ok(())
    }
}

fn render_year(report: &YearReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let mut out = String::new();
    super::line(&mut out, format_args!("{}", summary::heading(report, lang)));

    let mut table = new_table(style);
    table.set_header(columns::headers(report, lang, "\n").to_vec());
    let mut previous = None;
    for r in &report.results {
        let texts = columns::cells(r, previous, lang);
        previous = Some(r);
        let mut row: Vec<Cell> = texts
            .into_iter()
            .zip(columns::RIGHT_ALIGNED)
            .map(|(text, right)| {
                let cell = super::cell(text);
                if right {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            })
            .collect();
        if style.color
            && let Some(last) = row.pop()
        {
            row.push(last.fg(super::look::status(r.status).tone.terminal()));
        }
        table.add_row(row);
    }
    let _ = writeln!(out, "{table}");
    for line in summary::lines(report, style, outcome) {
        super::line(&mut out, format_args!("{line}"));
    }
    out
}

/// A table in the house style: UTF-8 borders; colours and wrapping to the
/// terminal's width only when colour is on (a terminal), plain otherwise.
pub fn new_table(style: Style) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if style.color {
        table.enforce_styling();
        table.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.force_no_tty();
    }
    table
}
