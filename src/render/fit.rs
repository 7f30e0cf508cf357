//! Fitting a table to the terminal it is read on. The full table when it fits
//! (or when the output is no terminal: a pipe, a file, `--wide`); below that a
//! compact table whose number columns never wrap (the name wraps); below that a
//! stacked layout, one indicator a few lines, broken only between items. A
//! number, a status or a sparkline is never split across lines, and the lines
//! under a table are wrapped the same way.

use unicode_width::UnicodeWidthStr;

/// The columns a terminal shows, as people see them (CJK characters count two).
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The widest line of `text`.
pub fn widest(text: &str) -> usize {
    text.lines().map(width).max().unwrap_or(0)
}

/// The width a table of these column widths takes in the house style (one
/// space of padding either side, a border between and around).
pub fn table_width(columns: &[usize]) -> usize {
    columns.iter().map(|w| w + 3).sum::<usize>() + 1
}

/// The natural width of each column: its widest cell line, header included.
pub fn column_widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let mut widths: Vec<usize> = header.iter().map(|h| widest(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(widest(cell));
            }
        }
    }
    widths
}

/// The narrowest a wrapped name column may be in a compact table.
pub const MIN_NAME: usize = 10;
/// A name column this wide reads without effort: a column set that leaves
/// less for names gives way to a narrower set (fewer columns) that leaves more.
pub const COMFORTABLE_NAME: usize = 20;

/// Of the compact column sets, widest first, the first that leaves the
/// names a comfortable width (or their natural one, when less); else the one
/// leaving the most room, if at least [`MIN_NAME`]. `measure(set)` gives the
/// names' natural width and the table's width without them. Returns the set
/// and the room for names.
pub fn choose<T: Copy>(
    sets: &[T],
    width: u16,
    measure: impl Fn(T) -> (usize, usize),
) -> Option<(T, usize)> {
    let rooms: Vec<(T, usize, usize)> = sets
        .iter()
        .filter_map(|&set| {
            let (natural, others) = measure(set);
            let room = usize::from(width).checked_sub(others)?;
            Some((set, room, natural))
        })
        .collect();
    rooms
        .iter()
        .find(|(_, room, natural)| *room >= COMFORTABLE_NAME.min(*natural))
        .or_else(|| {
            rooms
                .iter()
                .filter(|(_, room, _)| *room >= MIN_NAME)
                .max_by_key(|(_, room, _)| *room)
        })
        .map(|&(set, room, natural)| (set, room.min(natural)))
}

/// The line under a compact or stacked layout.
pub fn legend(lang: crate::lang::Lang) -> &'static str {
    lang.pick(
        "★ 约束性指标（表格按终端宽度排版，--wide 显示完整表格）",
        "★ binding (laid out to the terminal; --wide shows the full table)",
    )
}

/// Appends `text` to `out` as lines: wrapped to `width` when the output is
/// laid out to a terminal, as one line otherwise.
pub fn push_wrapped(out: &mut String, text: &str, width: Option<u16>) {
    match width {
        Some(w) => {
            for piece in wrap_text(text, usize::from(w), 2) {
                super::line(out, format_args!("{piece}"));
            }
        }
        None => super::line(out, format_args!("{text}")),
    }
}

/// True for the characters of a token that must stay whole: a number with its
/// sign, decimals, percent and range marks, a word of Latin letters, a
/// sparkline.
fn unbreakable(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | ','
                | '%'
                | '~'
                | '-'
                | '－'
                | '–'
                | '+'
                | '/'
                | '_'
                | '('
                | ')'
                | ':'
                | '×'
                | '≥'
                | '≤'
                | '<'
                | '>'
                | '＞'
                | '＜'
                | '—'
                | '·'
                | '✓'
                | '✗'
                | '"'
                | '\''
        )
        || ('▁'..='█').contains(&c)
}

/// Joins what a reader takes as one piece, when it fits a line: a bracketed
/// unit or gloss (`（万人）`, `（%）`, `【高中阶段教育】`), so a line breaks
/// before the bracket, never inside; and `★` with what it marks.
fn keep_whole(tokens: Vec<String>, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut group: Option<String> = None;
    for token in tokens {
        if token.trim() == "★" {
            // ` ★` after a name: with the name, the space kept.
            let space = out.last().is_some_and(|t| t == " ");
            if space {
                out.pop();
            }
            match out.last_mut() {
                // With what it marks while the two fit a line; else on the
                // next line (a wide unit, `（微克/立方米） ★`, made a name
                // column one wider than the room it was given).
                Some(last)
                    if self::width(last) + usize::from(space) + self::width("★") <= width =>
                {
                    if space {
                        last.push(' ');
                    }
                    last.push_str(token.trim());
                }
                _ => out.push(token.trim().to_owned()),
            }
            continue;
        }
        match group.as_mut() {
            Some(g) => {
                g.push_str(&token);
                if token.ends_with(['）', ')', '】']) {
                    let done = group.take().unwrap_or_default();
                    if self::width(&done) <= width {
                        out.push(done);
                    } else {
                        // Too wide for a line: its pieces, as they were.
                        out.extend(split_back(&done));
                    }
                } else if self::width(g) > width {
                    let pieces = split_back(g);
                    group = None;
                    out.extend(pieces);
                }
            }
            None if token.starts_with(['（', '(', '【']) && !token.ends_with(['）', ')', '】']) =>
            {
                group = Some(token);
            }
            None => out.push(token),
        }
    }
    if let Some(g) = group {
        out.extend(split_back(&g));
    }
    out
}

/// A group that did not fit, as pieces again: a character each, except
/// runs a line never breaks (numbers, words).
fn split_back(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut piece = c.to_string();
        if unbreakable(c) {
            while let Some(&next) = chars.peek() {
                if !unbreakable(next) {
                    break;
                }
                piece.push(next);
                chars.next();
            }
        }
        // Closing punctuation never starts a line; an opening bracket never ends one.
        let closing = matches!(
            c,
            '）' | ')' | '】' | '，' | '、' | '：' | '；' | '”' | '％'
        );
        match out.last_mut() {
            Some(last) if closing || last.ends_with(['（', '(', '【', '“']) => {
                last.push_str(&piece)
            }
            _ => out.push(piece),
        }
    }
    out
}

/// Wraps one line of prose to `width`, breaking between CJK characters, at
/// spaces and after punctuation, never inside a number or a word;
/// continuation lines are indented by `indent` spaces.
pub fn wrap_text(line: &str, width: usize, indent: usize) -> Vec<String> {
    if self::width(line) <= width || width <= indent + 4 {
        return vec![line.to_owned()];
    }
    // Tokens: runs of unbreakable characters, else single characters.
    let mut tokens: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if unbreakable(c) {
            while let Some(&(_, next)) = chars.peek() {
                if !unbreakable(next) {
                    break;
                }
                chars.next();
            }
        }
        let end = chars.peek().map_or(line.len(), |&(j, _)| j);
        tokens.push(&line[i..end]);
        start = end;
    }
    debug_assert_eq!(start, line.len());
    // No line starts with closing punctuation or ends with an opening bracket
    // (the kinsoku rules of CJK typesetting): they stay with their neighbour.
    let mut merged: Vec<String> = Vec::with_capacity(tokens.len());
    let mut opening = String::new();
    for token in tokens {
        let closing = token.starts_with([
            '）', ')', '，', '。', '、', '：', '；', '！', '？', '」', '』', '】', '”', '％',
        ]);
        match merged.last_mut() {
            Some(last) if closing && opening.is_empty() => last.push_str(token),
            _ => {
                let mut t = std::mem::take(&mut opening);
                t.push_str(token);
                if token.ends_with(['（', '(', '「', '『', '【', '“']) {
                    opening = t;
                } else {
                    merged.push(t);
                }
            }
        }
    }
    if !opening.is_empty() {
        merged.push(opening);
    }
    let merged = keep_whole(merged, width);
    let mut out = Vec::new();
    let mut current = String::new();
    let pad = " ".repeat(indent);
    for token in merged.iter().map(String::as_str) {
        let limit = width;
        if !current.is_empty()
            && self::width(&current) + self::width(token) > limit
            && self::width(current.trim_start()) > 0
        {
            out.push(current.trim_end().to_owned());
            current = pad.clone();
            if token == " " {
                continue;
            }
        }
        current.push_str(token);
    }
    if !current.trim().is_empty() {
        out.push(current.trim_end().to_owned());
    }
    out
}

/// Items joined by ` · ` into lines no wider than `width`, broken only
/// between items: the first line starts with `first`, the others with
/// `rest` (indentation). An item wider than a line stands alone.
pub fn stack(first: &str, rest: &str, items: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = first.to_owned();
    let mut empty = true;
    for item in items {
        let joined = if empty {
            format!("{current}{item}")
        } else {
            format!("{current} · {item}")
        };
        if !empty && self::width(&joined) > width {
            out.push(current);
            current = format!("{rest}{item}");
        } else {
            current = joined;
        }
        empty = false;
    }
    if !empty || !current.trim().is_empty() {
        out.push(current);
    }
    out
}

/// A terminal table in the house style: UTF-8 borders; colours when colour
/// is on; never wrapped by comfy-table (the views choose a layout that fits,
/// from the widths above).
pub fn new_table(style: super::Style) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
    table.force_no_tty();
    if style.color {
        table.enforce_styling();
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_two_columns() {
        assert_eq!(width("毛入园率"), 8);
        assert_eq!(width("98.2"), 4);
        assert_eq!(table_width(&[4, 8]), 4 + 3 + 8 + 3 + 1);
    }

    #[test]
    fn prose_wraps_between_characters_never_inside_a_number() {
        let line = "结论：约束性指标未达到要求：财政性教育经费占一般公共预算支出的比例 18.596 ~ 19.0，实际 18.2。";
        for width in 20..60 {
            let lines = wrap_text(line, width, 2);
            for l in &lines {
                assert!(self::width(l) <= width, "{width}: {l}");
            }
            let joined: String = lines.iter().map(|l| l.trim_start()).collect();
            assert_eq!(joined.replace(' ', ""), line.replace(' ', ""), "{width}");
            for number in ["18.596", "19.0", "18.2"] {
                assert!(
                    lines.iter().any(|l| l.contains(number)),
                    "{width}: {number} split"
                );
            }
        }
    }

    #[test]
    fn a_unit_a_mark_and_a_category_stay_whole() {
        // The line breaks before the bracket, never inside the unit.
        assert_eq!(
            wrap_text("其中：普通小学（万人）", 16, 0),
            ["其中：普通小学", "（万人）"]
        );
        // ★ stays with the name it marks.
        let lines = wrap_text("九年义务教育巩固率（%） ★", 20, 0);
        assert!(lines.iter().all(|l| l.trim() != "★"), "{lines:?}");
        assert!(
            lines.last().is_some_and(|l| l.ends_with("（%） ★")),
            "{lines:?}"
        );
        // A unit as wide as the room: ★ on the next line, no line wider
        // than the room (the national plan's 细颗粒物 row at --width 100).
        for width in 14..20 {
            let lines = wrap_text("细颗粒物平均浓度（微克/立方米） ★", width, 0);
            assert!(
                lines.iter().all(|l| super::width(l) <= width),
                "{width}: {lines:?}"
            );
        }
        // The heading breaks before its bracket, not inside 时间进度.
        let lines = wrap_text("2023年指标检查（时间进度 60%）", 20, 2);
        assert!(
            lines.iter().any(|l| l.contains("（时间进度 60%）")),
            "{lines:?}"
        );
        // Too narrow for a category label: broken, but no line starts with its bracket.
        for width in 6..14 {
            for l in wrap_text("【高中阶段教育】", width, 0) {
                assert!(!l.starts_with('】'), "{width}: {l}");
            }
        }
    }

    #[test]
    fn items_stack_between_items() {
        let items: Vec<String> = ["2020 3.93", "2021 3.92", "2022 —", "2023 3.85"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let lines = stack("  ", "  ", &items, 23);
        assert_eq!(lines, ["  2020 3.93 · 2021 3.92", "  2022 — · 2023 3.85"]);
    }
}
