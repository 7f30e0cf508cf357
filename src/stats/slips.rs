//! A slip across a file: a year typed wrong in a row or two. A file whose
//! name gives no year, with nearly every row of one year and one or two of
//! another, is most likely one year's return with a typo, which would
//! otherwise turn a year's check into a period view, the row judged in the
//! wrong year, without a word (S023, a warning; a file named by its year
//! already has S013 on each row of another year).

use super::Observations;
use super::year::{NameYear, year_in_name};
use crate::diagnostic::{Code, Diagnostic, Text};

/// Runs of up to this many figures are looked at (a return typed by hand).
const LIMIT: usize = 100_000;

/// A minority year of at most this many rows…
const FEW: usize = 2;

/// …beside a majority at least this many times larger.
const MANY_TIMES: usize = 5;

/// The warnings for `observations`, sorted: one per file with a year slip.
/// Rows of a plan's baseline year (`baseline_years`) are no slip: they give
/// the baselines a plan leaves to the statistics.
pub fn year_slips(observations: &Observations, baseline_years: &[i32]) -> Vec<Diagnostic> {
    let years = observations.years_by_file(LIMIT);
    let mut out = Vec::new();
    for file in years.chunk_by(|a, b| a.0 == b.0) {
        let [a, b] = file else {
            continue;
        };
        let (major, minor) = if a.2 >= b.2 { (a, b) } else { (b, a) };
        if minor.2 > FEW || major.2 < MANY_TIMES * minor.2 || baseline_years.contains(&minor.1) {
            continue;
        }
        let name = observations.files.get(major.0);
        let stem = std::path::Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        if year_in_name(stem) != NameYear::None {
            continue;
        }
        let warning = Diagnostic::error(
                Code::S023,
                name,
                Text::new(
                    format!(
                        "这个文件中 {} 年只有 {} 行，其余 {} 行都是 {} 年：是否写错了年份？照写的年份，{}按 {} 年检查",
                        minor.1,
                        minor.2,
                        major.2,
                        major.1,
                        if minor.2 == 1 { "这一行" } else { "这几行" },
                        minor.1
                    ),
                    format!(
                        "this file has {} row{} of {} and {} of {}: is a year mistyped? As written, {} checked as {}",
                        minor.2,
                        if minor.2 == 1 { "" } else { "s" },
                        minor.1,
                        major.2,
                        major.1,
                        if minor.2 == 1 { "that row is" } else { "those rows are" },
                        minor.1
                    ),
                ),
            )
            .as_warning();
        // A workbook's rows are named by their cells in other messages, and
        // this one has no column: it names the row in words instead.
        let warning = if super::workbook::is_workbook(std::path::Path::new(name)) {
            let row = minor.3;
            warning.with_hint(Text::new(
                format!("见第 {row} 行"),
                format!("see row {row}"),
            ))
        } else {
            warning.at_line(minor.3)
        };
        out.push(warning);
    }
    out
}
