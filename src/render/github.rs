//! `--format github`: GitHub Actions workflow commands. Each indicator that does
//! not pass becomes an annotation on the line of the statistics file that holds
//! its figure: `::error` when it fails the run (a binding indicator; with
//! `--strict` any), `::warning` otherwise. An indicator with no row at all points
//! at the file.
//! Loader warnings (unknown names) are `::warning` on their line. A last
//! `::notice` carries the summary. A run that judged nothing (every file
//! broken) prints its errors as annotations too ([`diagnostics`], from `cli`).

use super::{Evaluation, Renderer, Style, View, labels, summary};
use crate::assess::Status;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use std::fmt::Write as _;

/// Escapes a message (`%`, CR, LF), as the runner requires.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: also `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(kind: &str, file: &str, line: Option<u64>, title: &str, message: &str) -> String {
    let mut properties = format!("file={}", escape_property(file));
    if let Some(line) = line {
        let _ = write!(properties, ",line={line}");
    }
    let _ = write!(properties, ",title={}", escape_property(title));
    format!("::{kind} {properties}::{}\n", escape_data(message))
}

/// Diagnostics as annotations on their files and lines: an error's or a
/// warning's, as each is. Also what a run that could judge nothing prints
/// (every file broken), so that CI still marks the file.
pub fn diagnostics<'d>(ds: impl IntoIterator<Item = &'d Diagnostic>, lang: Lang) -> String {
    ds.into_iter()
        .map(|d| {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            command(
                kind,
                &d.file,
                d.line,
                &format!("plan-check {}", d.code),
                &d.render(lang),
            )
        })
        .collect()
}

/// `--format github`.
pub struct Github;

impl Renderer for Github {
    fn render(
        &self,
        ev: &Evaluation,
        style: &Style,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        out.write_all(render(ev, *style).as_bytes())?;
        Ok(())
    }
}

fn render(ev: &Evaluation, style: Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let every_input = ev.inputs.join(", ");
    let reports = ev.year_reports();
    let several = reports.len() > 1;
    for report in &reports {
        for r in &report.results {
            // Judged at an earlier year: not reported in the latest year,
            // whatever its earlier status — the run's year counts it
            // 未填报, as the summary and JSON do (a binding one only was
            // annotated, an expected one with its earlier status or not at
            // all: a reviewer's).
            let unreported = r.as_of.is_some();
            let counted = r.status.at_run_year(unreported);
            if counted.passes() || counted == Status::NotAssessed {
                continue;
            }
            let kind = if ev.fails_run(r) { "error" } else { "warning" };
            let status = if unreported {
                let year = report.year;
                match lang {
                    crate::lang::Lang::Zh => format!("{year}年未填报"),
                    crate::lang::Lang::En => format!("not reported for {year}"),
                }
            } else {
                labels::status(r.status, lang).to_owned()
            };
            let title = format!(
                "{}{}{status}",
                labels::attribute(r.attribute, lang),
                lang.pick("指标", " indicator "),
            );
            let requirement = labels::result_requirement(r, lang).unwrap_or_else(|| "—".to_owned());
            let region = if several {
                format!("{} ", report.region)
            } else {
                String::new()
            };
            // A line judged at an earlier year (a period's or a region's
            // latest report) speaks of that year.
            let year = r.as_of.unwrap_or(report.year);
            let message = match (lang, r.actual) {
                (crate::lang::Lang::Zh, Some(_)) => format!(
                    "{region}{}/{}：{}年要求 {requirement}，实际 {}",
                    r.category,
                    summary::display_name(r),
                    year,
                    labels::judged_figure(r, lang)
                ),
                (crate::lang::Lang::Zh, None) => format!(
                    "{region}{}/{}：{}年未填报（要求 {requirement}）",
                    r.category,
                    summary::display_name(r),
                    year
                ),
                (crate::lang::Lang::En, Some(_)) => format!(
                    "{region}{}/{}: {} requires {requirement}, actual {}",
                    r.category,
                    summary::display_name(r),
                    year,
                    labels::judged_figure(r, lang)
                ),
                (crate::lang::Lang::En, None) => format!(
                    "{region}{}/{}: not reported for {} (required {requirement})",
                    r.category,
                    summary::display_name(r),
                    year
                ),
            };
            // The line that holds the figure (or its empty cell); with no row at all,
            // the file the figure should have been in: the one its region's
            // other figures came from (not every file of the run, joined:
            // a reviewer's city folder of 18 returns).
            let (file, line) = match &r.file {
                Some(file) => (file.as_str(), r.line),
                None => (
                    report
                        .results
                        .iter()
                        .find_map(|other| other.file.as_deref())
                        .unwrap_or(every_input.as_str()),
                    None,
                ),
            };
            out.push_str(&command(kind, file, line, &title, &message));
        }
    }
    out.push_str(&diagnostics(ev.failed.iter().flat_map(|f| &f.errors), lang));
    out.push_str(&diagnostics(&ev.warnings, lang));
    let lines = match &ev.view {
        View::Regions(regions) => super::regions_table::summary_lines(regions, style, ev.outcome),
        _ => reports
            .first()
            .map(|r| summary::lines(r, style, ev.outcome))
            .unwrap_or_default(),
    };
    let _ = writeln!(
        out,
        "::notice title=plan-check::{}",
        escape_data(&lines.join("\n"))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_requires() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(
            command("error", "data/2023.csv", Some(7), "t", "m"),
            "::error file=data/2023.csv,line=7,title=t::m\n"
        );
    }
}
