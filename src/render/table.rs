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
        let mut text = match &ev.view {
            View::Year(report) => render_year(report, *style, ev.outcome),
            View::Period(period) => super::period_table::render(period, *style, ev.outcome),
            View::Regions(regions) => super::regions_table::render(regions, *style, ev.outcome),
        };
        if let Some(line) = summary::failed_inputs(&ev.failed, style.lang) {
            super::line(&mut text, format_args!("{line}"));
        }
        if let Some(note) = warnings_note(&ev.warnings, style.lang) {
            super::line(&mut text, format_args!("{note}"));
        }
        out.write_all(text.as_bytes())?;
        Ok(())
    }
}

/// The warnings printed before the table scroll away on a long run: one line
/// after the conclusion says how many there were, by code, and how many rows
/// went unchecked.
fn warnings_note(
    warnings: &[crate::diagnostic::Diagnostic],
    lang: crate::lang::Lang,
) -> Option<String> {
    if warnings.is_empty() {
        return None;
    }
    let mut codes: Vec<(&str, usize)> = Vec::new();
    for w in warnings {
        match codes.iter_mut().find(|(c, _)| *c == w.code) {
            Some((_, n)) => *n += 1,
            None => codes.push((w.code, 1)),
        }
    }
    let listed = codes
        .iter()
        .map(|(c, n)| format!("{c} ×{n}"))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    let unchecked = warnings.iter().filter(|w| w.code == "S007").count();
    let total = warnings.len();
    Some(match lang {
        crate::lang::Lang::Zh => {
            let rows = if unchecked > 0 {
                format!("，其中 {unchecked} 行的指标不在规划中，未检查")
            } else {
                String::new()
            };
            format!("注意：表格上方有 {total} 条警告（{listed}）{rows}。")
        }
        crate::lang::Lang::En => {
            let rows = if unchecked > 0 {
                format!(
                    "; {unchecked} rows name an indicator the plan does not have and were not checked"
                )
            } else {
                String::new()
            };
            format!("Note: {total} warnings above the table ({listed}){rows}.")
        }
    })
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
