//! The offending line of a user's file under a diagnostic, with a caret under
//! the cell or character, drawn by annotate-snippets (as rustc and cargo do):
//!
//! ```text
//! 错误[S004]：data/2023.csv:3:3（指标“毛入园率”）：数值“约98”不是数字
//!   |
//! 3 | 学前教育,毛入园率,约98,%,2023,示例数据，非官方统计
//!   |                   ^^^^
//!   提示：请填写数字，如 98.2；尚无数据请留空
//! ```
//!
//! The line is read again from the file when the message is shown, so the hot
//! path keeps nothing. Files that cannot be read again (standard input, a
//! workbook: its cells are named `Sheet1!C7` instead) show no snippet.

use crate::printable::printable;
use std::io::{BufRead, BufReader, Read};

/// Lines longer than this are not shown.
const MAX_LINE: usize = 400;

/// Where on the line the caret goes.
#[derive(Debug, Clone, Copy)]
pub enum Span {
    /// A CSV field, 0-based.
    Field(usize),
    /// A character, 1-based.
    Char(u64),
}

/// Line `line_number` of `file` with a caret under `span`, when the file can
/// be read again and the line found.
/// At most `columns` wide (80 when not on a terminal).
pub fn show(file: &str, line_number: u64, span: Span, columns: usize) -> Option<String> {
    let text = read_line(file, line_number)?;
    let text = printable(&text).into_owned();
    let span = match span {
        Span::Field(field) => field_span(&text, field)?,
        Span::Char(column) => char_span(&text, column),
    };
    // `N | ` before the line: what is left of the columns, less one.
    let number_width = line_number.to_string().len();
    let room = columns.saturating_sub(1 + number_width + 3).max(20);
    let (text, span) = window(&text, span, room);
    let snippet = annotate_snippets::Snippet::source(&text)
        .line_start(line_number as usize)
        .annotation(annotate_snippets::Level::Error.span(span));
    let message = annotate_snippets::Level::Error.title("").snippet(snippet);
    let rendered = annotate_snippets::Renderer::plain()
        .render(message)
        .to_string();
    // The title line is the diagnostic's own (in the user's language): keep
    // the source lines only.
    let mut lines: Vec<&str> = rendered.lines().skip(1).collect();
    while lines.last().is_some_and(|l| l.trim() == "|") {
        lines.pop();
    }
    Some(lines.join("\n"))
}

/// The part of `line` shown in `columns` terminal columns (with the line
/// number in front, it fits an 80-column terminal): the whole line when it
/// fits, else a window around `span` (some of what comes before it, then as
/// much after as fits), cut at characters and marked `…` where cut; `span`
/// moved with it.
fn window(
    line: &str,
    span: std::ops::Range<usize>,
    columns: usize,
) -> (String, std::ops::Range<usize>) {
    use unicode_width::UnicodeWidthStr;
    let width = |s: &str| UnicodeWidthStr::width(s);
    if width(line) <= columns {
        return (line.to_owned(), span);
    }
    const CUT: &str = "…";
    // From the line's start when the span fits there; else up to a third
    // of the window before the span.
    let fits_from_start = width(&line[..span.end.min(line.len())]) + width(CUT) <= columns;
    let mut start = if fits_from_start {
        0
    } else {
        span.start.min(line.len())
    };
    for (at, _) in line[..start].char_indices().rev() {
        if width(&line[at..span.start.min(line.len())]) > columns / 3 {
            break;
        }
        start = at;
    }
    let mut end = start;
    for (at, c) in line[start..].char_indices() {
        let next = start + at + c.len_utf8();
        if width(&line[start..next]) + 2 * width(CUT) > columns {
            break;
        }
        end = next;
    }
    // A span longer than the window is shown from its start, cut at the
    // window's end like the rest of the line.
    let before = if start > 0 { CUT } else { "" };
    let after = if end < line.len() { CUT } else { "" };
    let shift = |at: usize| at.saturating_sub(start) + before.len();
    let span = shift(span.start)..shift(span.end.min(end));
    (format!("{before}{}{after}", &line[start..end]), span)
}

/// Line `number` (1-based) of the file, decoded as [`crate::encoding`] reads it,
/// without its line end and byte-order mark.
fn read_line(path: &str, number: u64) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut reader = BufReader::new(file);
    let mut bytes = Vec::new();
    for _ in 0..number {
        bytes.clear();
        // A line longer than any shown is not read whole.
        let read = reader
            .by_ref()
            .take(1 << 20)
            .read_until(b'\n', &mut bytes)
            .ok()?;
        if read == 0 {
            return None;
        }
    }
    if bytes.contains(&0) || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None; // UTF-16, cut at a byte: not worth drawing
    }
    let text = crate::encoding::text(&bytes)?;
    let text = text.trim_end_matches(['\n', '\r']).to_owned();
    (text.chars().count() <= MAX_LINE).then_some(text)
}

/// The byte range of field `index` (0-based) of a CSV line: the delimiter is
/// the one of `,` tab `;` that gives the line that many fields, quotes
/// respected.
fn field_span(line: &str, index: usize) -> Option<std::ops::Range<usize>> {
    [b',', b'\t', b';'].into_iter().find_map(|delimiter| {
        let fields = fields(line, delimiter);
        (fields.len() > index && fields.len() > 1).then(|| fields[index].clone())
    })
}

fn fields(line: &str, delimiter: u8) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b if b == delimiter && !quoted => {
                out.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(start..line.len());
    out
}

/// The byte range of the character at `column` (1-based), or the line's end.
fn char_span(line: &str, column: u64) -> std::ops::Range<usize> {
    let column = column.saturating_sub(1) as usize;
    match line.char_indices().nth(column) {
        Some((at, c)) => at..at + c.len_utf8(),
        None => line.len()..line.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_field_by_its_index_whatever_the_delimiter() {
        let line = "学前教育,毛入园率,约98,%";
        assert_eq!(&line[field_span(line, 2).unwrap()], "约98");
        let line = "a\t\"b\tc\"\td";
        assert_eq!(&line[field_span(line, 2).unwrap()], "d");
        assert_eq!(field_span("only", 1), None);
    }

    #[test]
    fn a_long_line_is_shown_around_its_cell_within_the_window() {
        use unicode_width::UnicodeWidthStr;
        let line = "学前教育,在园幼儿数,3.93,万人,2020,《江津区教育事业发展“十四五”规划（2021－2025年）》专栏1，2020年基期值";
        let span = field_span(line, 4).unwrap();
        let (shown, at) = window(line, span, 66);
        assert!(UnicodeWidthStr::width(shown.as_str()) <= 66, "{shown}");
        assert_eq!(&shown[at], "2020");
        assert!(
            shown.starts_with("学前教育,") && shown.ends_with('…'),
            "{shown}"
        );
        // A cell far along the line: cut before it too.
        let long = format!("{},{}", "长".repeat(60), "x");
        let (shown, at) = window(&long, field_span(&long, 1).unwrap(), 66);
        assert_eq!(&shown[at], "x");
        assert!(shown.starts_with('…') && !shown.ends_with('…'), "{shown}");
        assert!(UnicodeWidthStr::width(shown.as_str()) <= 66, "{shown}");
        // A cell longer than the window: its start, cut at the window.
        let huge = format!("毛入园率,{},%", "九".repeat(300));
        let (shown, at) = window(&huge, field_span(&huge, 1).unwrap(), 66);
        assert!(UnicodeWidthStr::width(shown.as_str()) <= 66, "{shown}");
        assert!(
            shown[at.clone()].starts_with("九九") && shown.ends_with('…'),
            "{shown}"
        );
        assert!(at.end < shown.len());
        // A short line is shown as it is.
        assert_eq!(window("a,b", 2..3, 66), ("a,b".to_owned(), 2..3));
    }

    #[test]
    fn a_character_column_counts_characters() {
        let line = "baseline = 中nan";
        assert_eq!(&line[char_span(line, 12)], "中");
    }
}
