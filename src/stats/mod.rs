//! The statistics of a run: every input becomes one table of observations keyed
//! by (region, year, indicator). Each key may be reported once; a second report
//! is an error naming both places.
//!
//! The table is built for size: an observation takes 24 bytes (the figure, the
//! key, the line it came from and its source text's id); files, regions and
//! source texts are interned. Rows are appended as they are read and sorted once
//! when the input is complete ([`Observations::finish`]), which is also when
//! duplicates are found.

pub mod blocks;
mod cells;
pub mod csv_input;
pub mod decode;
pub mod header;
mod interner;
mod observations;
mod ods;
pub mod package;
mod place;
pub mod resolve;
mod rows;
mod slips;
pub mod units;
pub mod wide;
pub mod workbook;
pub mod year;

use crate::diagnostic::{Code, Diagnostic, Text};
use crate::plan::IndicatorIdx;
use rustc_hash::FxHashMap;

pub use cells::Cells;
pub use csv_input::load_csv_path;
pub use interner::Interner;
pub use observations::*;
pub use resolve::Resolver;
pub use rows::LoadOptions;
pub use slips::year_slips;

/// Whether a file in a folder given as input is read: `.csv`, workbooks,
/// and WPS's own `.et`, which is looked at as any file given is (a workbook
/// under that name is refused with the way to read it, never passed over).
pub fn is_input(path: &std::path::Path) -> bool {
    workbook::is_workbook(path)
        || path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
            ["csv", "et", "ett"]
                .iter()
                .any(|e| x.eq_ignore_ascii_case(e))
        })
}

/// Reads one statistics file, CSV or workbook by its extension, into `table`.
/// How many errors of one file are reported before its reading stops: enough
/// to fix a file in one go, few enough to read.
pub const MAX_ERRORS_PER_FILE: usize = 20;

/// Reads one statistics file into `table`. A file with errors gives them all
/// (rows with errors are skipped and the reading goes on, up to
/// [`MAX_ERRORS_PER_FILE`]; an error that leaves nothing to read, such as a
/// missing header, ends it); its figures are then taken out of `table`, so
/// a file is read whole or not at all.
pub fn load_path(
    path: &std::path::Path,
    plans: &crate::plan::PlanSet,
    options: &LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Vec<Diagnostic>> {
    let start = warnings.len();
    let checkpoint = table.checkpoint();
    // `--year` over a file named by another year (a command reused from
    // the shell's history): judged as asked, and said.
    if let (Some(given), Some(named)) = (
        options.year,
        path.file_stem()
            .and_then(|s| s.to_str())
            .and_then(|stem| year::year_in_name(stem).one()),
    ) && given != named
    {
        warnings.push(Diagnostic::warning(
            Code::S013,
            path.display().to_string(),
            crate::diagnostic::Text::new(
                format!("文件名中的年份是 {named}，按 --year {given} 检查"),
                format!("the file name says {named}; checked as --year {given} asks"),
            ),
        ));
    }
    let read = if path == std::path::Path::new("-") {
        load_stdin(plans, options, table, warnings)
    } else if workbook::is_workbook(path) {
        let shown = path.display().to_string();
        // Not there or not readable: said as for a CSV file, not as a
        // damaged workbook.
        match std::fs::File::open(path) {
            Err(e) => Err(csv_input::cannot_open(path, &shown, &e)),
            Ok(_) => workbook::load_workbook(path, &shown, plans, options, table, warnings),
        }
    } else {
        load_csv_path(path, plans, options, table, warnings)
    };
    thin(warnings, start);
    collapse_year_warnings(warnings, start);
    say_more(warnings, start);
    read.map_err(|errors| {
        table.rollback(checkpoint);
        collapse_repeated(errors)
    })
}

/// Standard input: CSV, or a workbook piped in (`< 报表.xlsx`, `curl … |`),
/// told apart by its first bytes (a zip or a compound file). A workbook is
/// copied to a temporary file (calamine reads files), at most
/// [`package::MAX_WHOLE_PART`] bytes, and named `<stdin>` in every message.
fn load_stdin(
    plans: &crate::plan::PlanSet,
    options: &LoadOptions,
    table: &mut Observations,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Vec<Diagnostic>> {
    use std::io::{BufRead, Read};
    const SHOWN: &str = "<stdin>";
    let failed = |e: std::io::Error| {
        vec![Diagnostic::error(
            Code::S001,
            SHOWN,
            crate::diagnostic::Text::io("无法读取标准输入", "cannot read standard input", &e),
        )]
    };
    let mut stdin = std::io::BufReader::with_capacity(64 * 1024, std::io::stdin());
    let head = stdin.fill_buf().map_err(failed)?;
    let extension = if head.starts_with(b"PK\x03\x04") {
        // An OpenDocument spreadsheet names itself in its first entry.
        if head
            .windows(46)
            .any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet")
        {
            Some("ods")
        } else {
            Some("xlsx")
        }
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // A password-protected .xlsx is a compound file holding an
        // EncryptedPackage stream: read as .xlsx, it is said to be protected.
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if head.windows(encrypted.len()).any(|w| w == encrypted) {
            Some("xlsx")
        } else {
            Some("xls")
        }
    } else {
        None
    };
    let Some(extension) = extension else {
        let input = csv_input::Input {
            plans,
            options,
            year_from_name: rows::NameYear::Unnamed,
        };
        return csv_input::load_csv(stdin, SHOWN, &input, table, warnings);
    };
    let mut copy = tempfile::Builder::new()
        .prefix("plan-check-stdin-")
        .suffix(&format!(".{extension}"))
        .tempfile()
        .map_err(failed)?;
    let limit = package::MAX_WHOLE_PART;
    let copied =
        std::io::copy(&mut stdin.by_ref().take(limit + 1), copy.as_file_mut()).map_err(failed)?;
    if copied > limit {
        return Err(vec![Diagnostic::error(
            Code::S012,
            SHOWN,
            crate::diagnostic::Text::new(
                format!("标准输入上的工作簿超过 {} MB", limit >> 20),
                format!("the workbook on standard input is over {} MB", limit >> 20),
            ),
        )]);
    }
    workbook::load_workbook(copy.path(), SHOWN, plans, options, table, warnings)
}

/// The same error on many rows (a year missing from every row) is one
/// error naming the lines, not twenty copies.
fn collapse_repeated(errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<(Diagnostic, Vec<u64>)> = Vec::new();
    for e in errors {
        match out.iter_mut().find(|(first, _)| {
            first.code == e.code && first.message == e.message && first.column == e.column
        }) {
            Some((first, lines)) => {
                // Rows of several indicators: the message names none.
                if first.indicator != e.indicator {
                    first.indicator = None;
                }
                lines.extend(e.line);
            }
            None => out.push((e, Vec::new())),
        }
    }
    out.into_iter()
        .map(|(mut first, more)| {
            if !more.is_empty() {
                let list: Vec<String> = more.iter().map(u64::to_string).collect();
                let also = crate::diagnostic::Text::new(
                    format!(
                        "另有 {} 行同样的问题：第 {} 行",
                        more.len(),
                        list.join("、")
                    ),
                    match more.as_slice() {
                        [one] => format!("1 more row has the same problem: line {one}"),
                        _ => format!(
                            "{} more rows have the same problem: lines {}",
                            more.len(),
                            list.join(", ")
                        ),
                    },
                );
                first.hint = Some(match first.hint.take() {
                    Some(h) => crate::diagnostic::Text::new(
                        format!("{}；{}", h.zh, also.zh),
                        format!("{}; {}", h.en, also.en),
                    ),
                    None => also,
                });
            }
            first
        })
        .collect()
}

/// Warnings of one kind kept per file: the first of each (code, column,
/// indicator); the rest are counted in the last one kept
/// ([`crate::diagnostic::Details::more`]).
pub const KEEP_PER_KIND: usize = 20;

/// Folds the warnings from `start` on so that at most [`KEEP_PER_KIND`] of
/// each kind stay, the others counted: memory stays bounded whatever the
/// rows repeat (readers call it as warnings pile up).
pub(crate) fn thin(warnings: &mut Vec<Diagnostic>, start: usize) {
    use std::hash::{Hash, Hasher};
    let kind = |w: &Diagnostic| {
        let mut h = rustc_hash::FxHasher::default();
        (w.code, w.field, w.column, &w.indicator).hash(&mut h);
        h.finish()
    };
    let mut seen: rustc_hash::FxHashMap<u64, (usize, u64)> = rustc_hash::FxHashMap::default();
    let mut tail = warnings.split_off(start);
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(tail.len().min(1 << 12));
    for w in tail.drain(..) {
        let k = kind(&w);
        match seen.get_mut(&k) {
            Some((count, last)) if *count >= KEEP_PER_KIND => {
                let more = 1 + w.more;
                kept[*last as usize].more += more;
            }
            Some((count, last)) => {
                *count += 1;
                *last = kept.len() as u64;
                kept.push(w);
            }
            None => {
                seen.insert(k, (1, kept.len() as u64));
                kept.push(w);
            }
        }
    }
    warnings.extend(kept);
}

/// The codes [`collapse_year_warnings`] makes one warning listing its lines
/// of: their count is in that list.
const LISTED_BY_LINE: [Code; 4] = [Code::S013, Code::S007, Code::S024, Code::S028];

/// A warning that stands for more than it lists says how many more.
fn say_more(warnings: &mut [Diagnostic], start: usize) {
    // (Those collapsed by line say their count in the list of lines.)
    for w in warnings[start..]
        .iter_mut()
        .filter(|w| w.more > 0 && !LISTED_BY_LINE.contains(&w.code))
    {
        let more = w.more;
        let also = crate::diagnostic::Text::new(
            format!("另有 {more} 处同样的警告未列出"),
            format!("{more} more of the same are not listed"),
        );
        w.hint = Some(match w.hint.take() {
            Some(h) => crate::diagnostic::Text::new(
                format!("{}；{}", h.zh, also.zh),
                format!("{}; {}", h.en, also.en),
            ),
            None => also,
        });
    }
}

/// Rows whose year differs from the file name's (S013) are one warning per
/// file, and cells under no header (S024) one per column (a 序号 column's
/// warning hid a figure typed in another: a helper's review): the first
/// row's, listing every line.
fn collapse_year_warnings(warnings: &mut Vec<Diagnostic>, start: usize) {
    collapse_by_line(
        warnings,
        start,
        Code::S013,
        |_| None,
        |count, lines| {
            crate::diagnostic::Text::new(
                format!(
                    "共 {count} 行的年份与文件名不同：第 {} 行",
                    lines.join("、")
                ),
                format!(
                    "{count} rows have a year other than the file name's: lines {}",
                    lines.join(", ")
                ),
            )
        },
    );
    // An unknown name on many rows: one warning for the name.
    collapse_by_line(
        warnings,
        start,
        Code::S007,
        |w| {
            use std::hash::{Hash, Hasher};
            let mut h = rustc_hash::FxHasher::default();
            w.indicator.hash(&mut h);
            Some(h.finish() as usize)
        },
        |count, lines| {
            crate::diagnostic::Text::new(
                format!("共 {count} 行是这一名称：第 {} 行", lines.join("、")),
                format!("{count} rows have this name: lines {}", lines.join(", ")),
            )
        },
    );
    // Total rows: one warning, listing their lines.
    collapse_by_line(
        warnings,
        start,
        Code::S028,
        |_| None,
        |count, lines| {
            crate::diagnostic::Text::new(
                format!("共 {count} 行是汇总行：第 {} 行", lines.join("、")),
                format!("{count} total rows: lines {}", lines.join(", ")),
            )
        },
    );
    collapse_by_line(
        warnings,
        start,
        Code::S024,
        // A CSV cell by its field, a workbook's by its column (Sheet1!H14).
        |w| w.field.or(w.column.and_then(|c| usize::try_from(c).ok())),
        |count, lines| {
            crate::diagnostic::Text::new(
                format!(
                    "这一列共 {count} 行有内容：第 {} 行。数值请填在“数值”列（按年份或指标分列的表填在对应的列）；这一列若有用（如序号、备注），请在表头写上列名",
                    lines.join("、")
                ),
                format!(
                    "{count} rows have something in this column: lines {}. Put the figure in its column; if the column is meant (a row number, a note), name it in the header",
                    lines.join(", ")
                ),
            )
        },
    );
}

/// The warnings of `code` from `start` on, grouped by `key`: a group of two
/// or more becomes its first, its hint `listed(count, lines)` (distinct
/// lines, at most 20 shown).
fn collapse_by_line(
    warnings: &mut Vec<Diagnostic>,
    start: usize,
    code: Code,
    key: impl Fn(&Diagnostic) -> Option<usize>,
    listed: impl Fn(u64, &[String]) -> crate::diagnostic::Text,
) {
    const LISTED: usize = 20;
    // Per key: the first lines (at most one past those listed) and how many
    // rows in all, those folded by `thin` included.
    let mut groups: rustc_hash::FxHashMap<Option<usize>, (Vec<u64>, u64)> =
        rustc_hash::FxHashMap::default();
    for w in warnings[start..].iter().filter(|w| w.code == code) {
        let (lines, count) = groups.entry(key(w)).or_default();
        *count += 1 + w.more;
        if let Some(line) = w.line
            && lines.len() <= LISTED
            && !lines.contains(&line)
        {
            lines.push(line);
        }
    }
    let mut seen: rustc_hash::FxHashSet<Option<usize>> = rustc_hash::FxHashSet::default();
    let mut tail = warnings.split_off(start);
    tail.retain_mut(|w| {
        if w.code != code {
            return true;
        }
        let k = key(w);
        if !seen.insert(k) {
            return false;
        }
        if let Some((lines, count)) = groups.get(&k)
            && *count >= 2
        {
            let mut shown: Vec<String> = lines.iter().take(LISTED).map(u64::to_string).collect();
            if *count as usize > shown.len() {
                shown.push("…".to_owned());
            }
            let list = listed(*count, &shown);
            // An unknown name's suggestions stay before its lines.
            w.hint = Some(match w.hint.take() {
                Some(h) if code == Code::S007 => crate::diagnostic::Text::new(
                    format!("{}；{}", h.zh, list.zh),
                    format!("{}; {}", h.en, list.en),
                ),
                _ => list,
            });
            // It stands for every row of its kind (counted where summed).
            w.more = *count - 1;
        }
        true
    });
    warnings.append(&mut tail);
}

/// Compact id of an interned string (a region, a file, a source text).
pub type Id = u32;
