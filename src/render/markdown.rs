//! `--format markdown`: the year's table as Markdown, for a merge-request
//! comment or a written report, with the same summary as the terminal table;
//! a period opens with its paragraph in the official wording.

use super::{Evaluation, Outcome, Renderer, Style, View, columns, summary};
use crate::assess::Status;
use crate::assess::YearReport;
use crate::assess::regions::RegionsReport;
use std::fmt::Write as _;

/// A mark before the status label, so a reader scanning the comment sees it.
fn mark(status: Status) -> &'static str {
    super::look::status(status).mark
}

/// Escapes what would break a table cell, or be taken for markup by a
/// viewer that renders HTML in Markdown (a name carrying `<img onerror=…>`
/// from a submitted file shows as text).
pub fn cell(text: &str) -> String {
    // A line break already written as `<br>` (a column heading) stays one.
    text.replace('<', "&lt;")
        .replace("&lt;br>", "<br>")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

/// `--format markdown`: the year's table (the period's latest year), or the
/// regions' table.
pub struct Markdown;

impl Renderer for Markdown {
    fn render(
        &self,
        ev: &Evaluation,
        style: &Style,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        let mut text = match &ev.view {
            View::Regions(regions) => regions_markdown(regions, *style, ev.outcome),
            View::Year(report) => render_year(report, *style, ev.outcome),
            // The period's paragraph in the official wording, then its latest year.
            View::Period(period) => format!(
                "{}\n\n{}",
                cell(&super::wording::paragraph(period, style.lang)),
                render_year(&period.latest, *style, ev.outcome)
            ),
        };
        for line in super::incomplete::failed_inputs(
            &ev.failed,
            style.lang,
            super::incomplete::Shown::Document,
        ) {
            text.push_str(&format!("\n**{}**\n", cell(&line)));
        }
        out.write_all(text.as_bytes())?;
        Ok(())
    }
}

fn render_year(report: &YearReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let _ = writeln!(out, "### {}\n", cell(&summary::heading(report, lang)));
    let headers = columns::headers(report, lang, "<br>");
    row(&mut out, &headers);
    let rule: Vec<&str> = columns::RIGHT_ALIGNED
        .iter()
        .map(|&right| if right { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    let mut previous = None;
    for r in &report.results {
        let mut cells = columns::cells(r, previous, lang);
        previous = Some(r);
        cells[9] = format!(
            "{} {}",
            mark(r.status.at_run_year(r.as_of.is_some())),
            cells[9]
        );
        row(&mut out, &cells);
    }
    list(&mut out, &summary::lines(report, style, outcome));
    out
}

/// The regions table as Markdown.
fn regions_markdown(regions: &RegionsReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let mut out = String::new();
    row(&mut out, &super::regions_table::headers(lang));
    let _ = writeln!(out, "| --- | --- | ---: | ---: | --- |");
    for region in &regions.regions {
        let cells = super::regions_table::cells(region, &regions.plans, lang);
        row(&mut out, &cells);
    }
    list(
        &mut out,
        &super::regions_table::summary_lines(regions, style, outcome),
    );
    out
}

/// A table row, each cell escaped.
fn row(out: &mut String, cells: &[impl AsRef<str>]) {
    let cells: Vec<String> = cells.iter().map(|c| cell(c.as_ref())).collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// The lines under a table, as a list after a blank line.
fn list(out: &mut String, lines: &[String]) {
    out.push('\n');
    for line in lines {
        let _ = writeln!(out, "- {}", cell(line));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_is_never_markup() {
        assert_eq!(
            super::cell("<img src=x onerror=alert(1)>|a\nb"),
            "&lt;img src=x onerror=alert(1)>\\|a<br>b"
        );
        assert_eq!(super::cell("完成进度<br>时间 60%"), "完成进度<br>时间 60%");
    }
}
