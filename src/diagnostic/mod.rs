//! Errors and warnings about the user's files, with where they come from.
//!
//! Every diagnostic has a stable code (listed in the README), the file, and when
//! known the line, column and indicator; its text exists in Chinese and English.

mod code;
pub use code::Code;

use crate::lang::Lang;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A text in both languages of the tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// `what` failed because of a system error, said in each language (the
    /// system's own text, `No such file or directory (os error 2)`, is English
    /// only, so Chinese gets the kind of the error in words).
    pub fn io(what_zh: &str, what_en: &str, e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let zh = match e.kind() {
            K::NotFound => "文件或文件夹不存在",
            K::PermissionDenied => "没有权限（文件可能是只读的）",
            K::AlreadyExists => "文件已存在",
            K::IsADirectory => "这是一个文件夹",
            K::NotADirectory => "路径中有一段不是文件夹",
            K::StorageFull => "磁盘已满",
            K::ReadOnlyFilesystem => "文件系统是只读的",
            K::InvalidData => "内容无法读取",
            K::OutOfMemory => "内存不足",
            K::Interrupted => "被中断",
            _ => "系统错误",
        };
        let code = e
            .raw_os_error()
            .map(|c| format!("（os error {c}）"))
            .unwrap_or_default();
        let en = match e.kind() {
            K::NotFound => "no such file or folder".to_owned(),
            K::PermissionDenied => "permission denied (the file may be read-only)".to_owned(),
            _ => e.to_string(),
        };
        Text::new(format!("{what_zh}：{zh}{code}"), format!("{what_en}: {en}"))
    }
}

/// A diagnostic; its details are boxed so that `Result<_, Diagnostic>` stays small
/// on the paths where nothing goes wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic(Box<Details>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub severity: Severity,
    /// Stable code, e.g. `S004`; documented in the README.
    pub code: Code,
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// For a CSV row: the 0-based field the column names (the snippet's caret).
    pub field: Option<usize>,
    pub indicator: Option<String>,
    /// The region the row is of, where it names one (a long file of many
    /// districts: the district's staff are the ones to fix it).
    pub region: Option<String>,
    /// In a workbook: the worksheet and cell (`Sheet1!C7`) or row (`Sheet1!7`),
    /// shown instead of the line and column.
    pub cell: Option<String>,
    pub message: Text,
    pub hint: Option<Text>,
    /// The same warning on this many more rows, folded into this one and
    /// not kept (a file of two million rows of one unknown name kept two
    /// million, 9.7 GB): said in the hint when the file is read.
    pub more: u64,
}

impl std::ops::Deref for Diagnostic {
    type Target = Details;
    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for Diagnostic {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

impl Diagnostic {
    pub fn error(code: Code, file: impl Into<String>, message: Text) -> Self {
        Diagnostic(Box::new(Details {
            severity: Severity::Error,
            code,
            file: file.into(),
            line: None,
            column: None,
            field: None,
            indicator: None,
            region: None,
            cell: None,
            message,
            hint: None,
            more: 0,
        }))
    }

    pub fn warning(code: Code, file: impl Into<String>, message: Text) -> Self {
        let mut d = Diagnostic::error(code, file, message);
        d.severity = Severity::Warning;
        d
    }

    /// The same diagnostic as a warning.
    pub fn as_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// A CSV row's field (0-based), shown as column `field + 1`.
    pub fn at_field(mut self, field: usize) -> Self {
        self.column = Some(field as u64 + 1);
        self.field = Some(field);
        self
    }

    pub fn at_column(mut self, column: u64) -> Self {
        self.column = Some(column);
        self
    }

    /// A worksheet cell: row 1-based, column 0-based (`Sheet1!C7`).
    pub fn at_cell(mut self, sheet: &str, row: u64, column: usize) -> Self {
        self.line = Some(row);
        self.column = Some(column as u64 + 1);
        self.cell = Some(format!("{sheet}!{}{row}", column_letters(column)));
        self
    }

    /// A worksheet row (`Sheet1!7`).
    pub fn at_sheet_row(mut self, sheet: &str, row: u64) -> Self {
        self.line = Some(row);
        self.cell = Some(format!("{sheet}!{row}"));
        self
    }

    pub fn for_indicator(mut self, indicator: impl Into<String>) -> Self {
        self.indicator = Some(indicator.into());
        self
    }

    pub fn for_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    pub fn with_hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    /// As [`Diagnostic::render`], with the offending line of the file and a
    /// caret under the cell between the message and the hint (see
    /// [`crate::snippet`]): what a person reads on standard error.
    pub fn render_with_source(&self, lang: Lang) -> String {
        self.render_with_source_in(lang, 80)
    }

    /// As [`Diagnostic::render_with_source`], the line of the file shown
    /// within `columns` (a terminal's width).
    pub fn render_with_source_in(&self, lang: Lang, columns: usize) -> String {
        let mut text = self.render(lang);
        if let Some(snippet) = self.snippet(columns) {
            let at = text.find("\n").unwrap_or(text.len());
            text.insert_str(at, &format!("\n{snippet}"));
        }
        text
    }

    /// The offending line under the message, where the file can be read
    /// again: not standard input (`<stdin>`), not a workbook (its cells are
    /// named `Sheet1!C7` instead).
    fn snippet(&self, columns: usize) -> Option<String> {
        if self.cell.is_some() || self.file.starts_with('<') {
            return None;
        }
        let span = match (self.field, self.column) {
            (Some(field), _) => crate::snippet::Span::Field(field),
            (None, Some(column)) => crate::snippet::Span::Char(column),
            (None, None) => return None,
        };
        crate::snippet::show(&self.file, self.line?, span, columns)
    }

    /// `错误[S004]：data/2023.csv:5:3（指标“毛入园率”）：…` and an optional hint line.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let (word, colon) = match (self.severity, lang) {
            (Severity::Error, Lang::Zh) => ("错误", "："),
            (Severity::Warning, Lang::Zh) => ("警告", "："),
            (Severity::Error, Lang::En) => ("error", ": "),
            (Severity::Warning, Lang::En) => ("warning", ": "),
        };
        let _ = write!(
            out,
            "{word}[{}]{colon}{}",
            self.code,
            crate::printable::printable(&self.file)
        );
        if let Some(cell) = &self.cell {
            let _ = write!(out, " {}", crate::printable::printable(cell));
        } else if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
            if let Some(column) = self.column {
                let _ = write!(out, ":{column}");
            }
        }
        let region = self.region.as_deref().map(crate::printable::printable);
        let indicator = self.indicator.as_deref().map(crate::printable::printable);
        match (lang, region, indicator) {
            (_, None, None) => {}
            (Lang::Zh, Some(r), Some(i)) => {
                let _ = write!(out, "（地区“{r}”，指标“{i}”）");
            }
            (Lang::Zh, Some(r), None) => {
                let _ = write!(out, "（地区“{r}”）");
            }
            (Lang::Zh, None, Some(i)) => {
                let _ = write!(out, "（指标“{i}”）");
            }
            (Lang::En, Some(r), Some(i)) => {
                let _ = write!(out, " (region \"{r}\", indicator \"{i}\")");
            }
            (Lang::En, Some(r), None) => {
                let _ = write!(out, " (region \"{r}\")");
            }
            (Lang::En, None, Some(i)) => {
                let _ = write!(out, " (indicator \"{i}\")");
            }
        }
        let _ = write!(
            out,
            "{colon}{}",
            crate::printable::printable(self.message.get(lang))
        );
        if let Some(hint) = &self.hint {
            let word = match lang {
                Lang::Zh => "  提示：",
                Lang::En => "  hint: ",
            };
            let _ = write!(
                out,
                "\n{word}{}",
                crate::printable::printable(hint.get(lang))
            );
        }
        out
    }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Quotes a raw cell for a message, cut to a bounded length so a huge or binary
/// cell never floods the terminal.
pub fn quote_raw(raw: &str) -> String {
    const LIMIT: usize = 40;
    let mut out: String = raw.chars().take(LIMIT).collect();
    if raw.chars().nth(LIMIT).is_some() {
        out.push('…');
    }
    // What cannot be seen is escaped (a control character, a zero-width
    // space, a bidi override); quotes and backslashes are shown as typed
    // (escape_debug printed the cell '100 as \'100).
    let mut shown = String::with_capacity(out.len());
    for c in out.chars() {
        match c {
            '\t' => shown.push_str("\\t"),
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            c if c.is_control()
                || matches!(
                    c,
                    '\u{ad}'
                        | '\u{200b}'..='\u{200f}'
                        | '\u{2028}'..='\u{202e}'
                        | '\u{2060}'..='\u{2069}'
                        | '\u{feff}'
                ) =>
            {
                shown.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => shown.push(c),
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raw_cell_is_quoted_as_typed_with_what_cannot_be_seen_escaped() {
        assert_eq!(quote_raw("'100"), "'100");
        assert_eq!(quote_raw("\"100\""), "\"100\"");
        assert_eq!(quote_raw("a\\b"), "a\\b");
        assert_eq!(quote_raw("95\u{200b}"), "95\\u{200b}");
        assert_eq!(quote_raw("1\t2\n"), "1\\t2\\n");
        assert_eq!(quote_raw("\u{1b}[31m"), "\\u{1b}[31m");
        assert_eq!(quote_raw(&"长".repeat(41)), format!("{}…", "长".repeat(40)));
    }

    #[test]
    fn renders_location_indicator_and_hint_in_both_languages() {
        let d = Diagnostic::error(
            crate::diagnostic::Code::S004,
            "data/2023.csv",
            Text::new("数值“abc”不是数字", "value \"abc\" is not a number"),
        )
        .at_line(5)
        .at_column(3)
        .for_indicator("毛入园率")
        .with_hint(Text::new("请填写数字", "write a number"));
        assert_eq!(
            d.render(Lang::Zh),
            "错误[S004]：data/2023.csv:5:3（指标“毛入园率”）：数值“abc”不是数字\n  提示：请填写数字"
        );
        assert_eq!(
            d.render(Lang::En),
            "error[S004]: data/2023.csv:5:3 (indicator \"毛入园率\"): value \"abc\" is not a number\n  hint: write a number"
        );
    }

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27 * 26), "AAA");
        let d = Diagnostic::error(
            crate::diagnostic::Code::S004,
            "2023.xlsx",
            Text::new("x", "x"),
        )
        .at_cell("Sheet1", 7, 2);
        assert_eq!(d.render(Lang::En), "error[S004]: 2023.xlsx Sheet1!C7: x");
    }

    #[test]
    fn quoting_caps_length_and_escapes_control_bytes() {
        let long = "9".repeat(100);
        assert_eq!(quote_raw(&long).chars().count(), 41);
        assert_eq!(quote_raw("a\u{0}b"), "a\\u{0}b");
    }
}
