//! The terminal table: one row per indicator as in the plan's own table, then a
//! summary in the words of an official evaluation.

use super::{Evaluation, Outcome, Renderer, Style, View, columns, summary};
use crate::assess::YearReport;
use crate::diagnostic::Code;
use comfy_table::{Cell, CellAlignment};
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
        for line in super::incomplete::failed_inputs(
            &ev.failed,
            style.lang,
            super::incomplete::Shown::Terminal,
        ) {
            super::fit::push_wrapped(&mut text, &line, style.width);
        }
        if let Some(note) = warnings_note(&ev.warnings, style.lang) {
            super::fit::push_wrapped(&mut text, &note, style.width);
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
    let mut codes: Vec<(crate::diagnostic::Code, usize)> = Vec::new();
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
    // Rows, each warning counting those folded into it.
    let unchecked: u64 = warnings
        .iter()
        .filter(|w| w.code == Code::S007)
        .map(|w| 1 + w.more)
        .sum();
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
            let rows = match unchecked {
                0 => String::new(),
                1 => "; 1 row names an indicator the plan does not have and was not checked"
                    .to_owned(),
                n => format!(
                    "; {n} rows name an indicator the plan does not have and were not checked"
                ),
            };
            let warnings = if total == 1 { "warning" } else { "warnings" };
            format!("Note: {total} {warnings} above the table ({listed}){rows}.")
        }
    })
}

fn render_year(report: &YearReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let headers = columns::headers(report, lang, "\n").to_vec();
    let mut previous = None;
    let rows: Vec<Vec<String>> = report
        .results
        .iter()
        .map(|r| {
            let cells = columns::cells(r, previous, lang).to_vec();
            previous = Some(r);
            cells
        })
        .collect();
    let full_width = super::fit::table_width(&super::fit::column_widths(&headers, &rows));
    let layout = match style.width {
        Some(w) if full_width > usize::from(w) => {
            if compact_fits(report, lang, w) {
                Layout::Compact(w)
            } else {
                Layout::Stacked(w)
            }
        }
        _ => Layout::Full,
    };
    let wrap = |out: &mut String, text: &str| super::fit::push_wrapped(out, text, style.width);
    wrap(&mut out, &summary::heading(report, lang));
    match layout {
        Layout::Full => {
            let mut table = super::fit::new_table(style);
            table.set_header(headers);
            for (r, texts) in report.results.iter().zip(rows) {
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
                    row.push(
                        last.fg(super::look::status(r.status.at_run_year(r.as_of.is_some()))
                            .tone
                            .terminal()),
                    );
                }
                table.add_row(row);
            }
            let _ = writeln!(out, "{table}");
        }
        Layout::Compact(w) => out.push_str(&compact_year(report, style, w)),
        Layout::Stacked(w) => out.push_str(&stacked_year(report, style, w)),
    }
    for line in summary::lines(report, style, outcome) {
        wrap(&mut out, &line);
    }
    out
}

/// How a view is laid out on the terminal (see [`super::fit`]).
enum Layout {
    Full,
    Compact(u16),
    Stacked(u16),
}

/// The compact table's name cell: the name, its unit, ★ for a binding one.
fn compact_name(r: &crate::assess::IndicatorResult) -> String {
    let unit = if r.unit.is_empty() {
        String::new()
    } else {
        format!("（{}）", r.unit)
    };
    let star = if r.attribute == crate::vocabulary::Attribute::Binding {
        " ★"
    } else {
        ""
    };
    format!("{}{unit}{star}", summary::display_name(r))
}

/// The columns of the compact table, by their index among the full
/// table's: the name (with unit and ★) first, then the figures. The widest
/// set that fits is used; 基期 goes first, then 完成进度.
const COMPACT: [&[usize]; 3] = [
    &[1, 4, 5, 6, 7, 8, 9],
    &[1, 5, 6, 7, 8, 9],
    &[1, 5, 6, 7, 9],
];

/// The compact table's cells for the full table's columns `columns`.
fn compact_cells(
    report: &YearReport,
    lang: crate::lang::Lang,
    columns: &[usize],
) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = columns::headers(report, lang, "\n");
    let header = columns.iter().map(|&i| headers[i].clone()).collect();
    let rows = report
        .results
        .iter()
        .map(|r| {
            let cells = columns::cells(r, None, lang);
            columns
                .iter()
                .map(|&i| match i {
                    1 => compact_name(r),
                    i => cells[i].clone(),
                })
                .collect()
        })
        .collect();
    (header, rows)
}

/// The widest compact column set that fits `width`, and the width left for
/// the names.
fn compact_columns(
    report: &YearReport,
    lang: crate::lang::Lang,
    width: u16,
) -> Option<(&'static [usize], usize)> {
    super::fit::choose(&COMPACT, width, |columns| {
        let (header, rows) = compact_cells(report, lang, columns);
        let mut widths = super::fit::column_widths(&header, &rows);
        let natural = widths[0];
        widths[0] = 0;
        (natural, super::fit::table_width(&widths))
    })
}

fn compact_fits(report: &YearReport, lang: crate::lang::Lang, width: u16) -> bool {
    compact_columns(report, lang, width).is_some()
}

/// The compact table: the category as a row of its own, the name with its
/// unit (★ binding) wrapped between words, the figures never.
fn compact_year(report: &YearReport, style: Style, width: u16) -> String {
    let lang = style.lang;
    let Some((columns, room)) = compact_columns(report, lang, width) else {
        return stacked_year(report, style, width);
    };
    let (header, rows) = compact_cells(report, lang, columns);
    let mut table = super::fit::new_table(style);
    table.set_header(header);
    let mut category: Option<&str> = None;
    let last = columns.len() - 1;
    for (r, texts) in report.results.iter().zip(rows) {
        if category != Some(r.category.as_str()) {
            category = Some(&r.category);
            let label = format!("【{}】", r.category);
            table.add_row(vec![super::cell_lines(&super::fit::wrap_text(
                &label, room, 0,
            ))]);
        }
        let mut row: Vec<Cell> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| match i {
                0 => super::cell_lines(&super::fit::wrap_text(&text, room, 0)),
                i if i == last => super::cell(text),
                _ => super::cell(text).set_alignment(CellAlignment::Right),
            })
            .collect();
        if style.color
            && let Some(cell) = row.pop()
        {
            row.push(
                cell.fg(super::look::status(r.status.at_run_year(r.as_of.is_some()))
                    .tone
                    .terminal()),
            );
        }
        table.add_row(row);
    }
    let mut out = format!("{table}\n");
    super::fit::push_wrapped(&mut out, super::fit::legend(lang), Some(width));
    out
}

/// One indicator a few lines: its name, then the result and figures, broken
/// only between items.
fn stacked_year(report: &YearReport, style: Style, width: u16) -> String {
    let lang = style.lang;
    let width = usize::from(width);
    let headers = columns::headers(report, lang, "");
    let mut out = String::new();
    let mut category: Option<&str> = None;
    for r in &report.results {
        if category != Some(r.category.as_str()) {
            category = Some(&r.category);
            super::line(&mut out, format_args!("【{}】", r.category));
        }
        let cells = columns::cells(r, None, lang);
        for piece in super::fit::wrap_text(&compact_name(r), width, 2) {
            super::line(&mut out, format_args!("{piece}"));
        }
        let printable = |text: &str| crate::printable::printable(text).into_owned();
        let items: Vec<String> = [9, 6, 7, 5, 4, 8]
            .iter()
            .map(|&i| {
                let label = match i {
                    8 => lang.pick("完成进度", "Progress"),
                    i => &headers[i],
                };
                printable(&format!("{label} {}", cells[i]))
            })
            .collect();
        for l in super::fit::stack("    ", "    ", &items, width) {
            // The result in its colour, the other items as they are.
            let l = match style.color {
                true => {
                    let status = printable(&cells[9]);
                    let color = super::look::status(r.status.at_run_year(r.as_of.is_some()))
                        .tone
                        .terminal();
                    l.replacen(&status, &colored(&status, color), 1)
                }
                false => l,
            };
            out.push_str(&l);
            out.push('\n');
        }
    }
    super::fit::push_wrapped(
        &mut out,
        super::fit::legend(lang),
        u16::try_from(width).ok(),
    );
    out
}

/// `text` in a terminal colour.
fn colored(text: &str, color: comfy_table::Color) -> String {
    let code = match color {
        comfy_table::Color::Green => 32,
        comfy_table::Color::Yellow => 33,
        comfy_table::Color::Red => 31,
        comfy_table::Color::Magenta => 35,
        _ => 90,
    };
    format!("\u{1b}[{code}m{text}\u{1b}[0m")
}
