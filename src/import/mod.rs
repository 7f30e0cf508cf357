//! `plan-check import`: a published plan (Word/WPS `.docx`, a PDF, a web page,
//! Markdown, text extracted from a PDF, a workbook) read into a draft plan file, or
//! compared cell by cell with an existing one.
//!
//! Each format is read by its own file into one [`Document`]: the text and the
//! tables in reading order, merged cells repeated into every cell they cover.
//! [`table`] finds the tables of main indicators in it and reads their rows,
//! whatever the format; [`draft`] writes the plan file, every reading the text
//! does not settle marked `# 待核对`; [`check`] lists where a plan file and
//! the document differ.

pub mod check;
pub mod docx;
pub mod draft;
pub mod html;
pub mod limits;
pub mod markdown;
pub mod pdf;
pub mod table;
pub mod text;
pub mod workbook;

use crate::diagnostic::{Code, Diagnostic, Text};
use std::path::Path;

/// A document as blocks in reading order.
#[derive(Debug, Default, Clone)]
pub struct Document {
    /// The file, as messages name it.
    pub file: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph (a line of text).
    Text(String),
    /// A table: rows of cell texts, a merged cell repeated in every cell it
    /// covers.
    Table(Vec<Vec<String>>),
}

/// The formats `import` reads, by extension.
pub const EXTENSIONS: &[&str] = &[
    "docx", "pdf", "html", "htm", "md", "markdown", "txt", "xlsx",
];

/// Reads the document at `path`.
pub fn read(path: &Path) -> Result<Document, Diagnostic> {
    let file = path.display().to_string();
    // Standard input has no name to tell its format by.
    if path == Path::new("-") {
        return Err(Diagnostic::error(
            Code::I001,
            "<stdin>",
            Text::new(
                "不从标准输入读取文档：格式由文件扩展名判断，请给出文件（如 公报.html、规划.docx）",
                "documents are not read from standard input: the format is told by the file's extension; give the file (公报.html, 规划.docx)",
            ),
        ));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let unreadable = |e: std::io::Error| {
        Diagnostic::error(
            Code::I001,
            &file,
            Text::io("无法读取文件", "cannot read the file", &e),
        )
    };
    let blocks = match extension.as_str() {
        "docx" | "xlsx" if not_a_package(path).is_some() => {
            let why = not_a_package(path).unwrap_or_else(|| Text::new("", ""));
            return Err(Diagnostic::error(Code::I001, &file, why));
        }
        "docx" => docx::read(path, &file)?,
        "pdf" => pdf::read(path, &file)?,
        "xlsx" => workbook::read(path, &file)?,
        "html" | "htm" | "md" | "markdown" | "txt" => {
            let bytes = std::fs::read(path).map_err(unreadable)?;
            let text = crate::encoding::text(&bytes).ok_or_else(|| {
                Diagnostic::error(
                    Code::I001,
                    &file,
                    Text::new(
                        format!("不是文本文件：以 .{extension} 结尾的文件应是文字"),
                        format!("not a text file: a .{extension} file holds text"),
                    ),
                )
            })?;
            match extension.as_str() {
                "html" | "htm" => html::read(&text).map_err(|limit| limit.diagnostic(&file))?,
                // A page saved as Markdown whose table came out a cell a
                // paragraph (no pipes): read as the text it is.
                // A page with no table at all (a bulletin's prose) is the
                // Markdown's: headings without their #, no front matter.
                "md" | "markdown" => {
                    let blocks = markdown::read(&text);
                    let has_table = |b: &[Block]| b.iter().any(|b| matches!(b, Block::Table(_)));
                    if has_table(&blocks) {
                        blocks
                    } else {
                        let plain = text::read(&text);
                        if has_table(&plain) { plain } else { blocks }
                    }
                }
                _ => text::read(&text),
            }
        }
        other => {
            return Err(Diagnostic::error(
                Code::I001,
                &file,
                Text::new(
                    format!("不认识的格式“.{other}”：可读 .docx、.pdf、.html、.md、.txt 和 .xlsx"),
                    format!(
                        "unknown format \".{other}\": import reads .docx, .pdf, .html, .md, .txt and .xlsx"
                    ),
                ),
            ));
        }
    };
    Ok(Document { file, blocks })
}

/// Why a file named `.docx` or `.xlsx` is no such package, in words a user
/// reads (not the zip library's "Could not find EOCD"): empty, or not a zip
/// package at all (another file renamed).
pub fn not_a_package(path: &Path) -> Option<Text> {
    let mut head = [0u8; 4];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .ok()?;
    if read == 0 {
        return Some(Text::new("文件是空的", "the file is empty"));
    }
    (head[..read] != *b"PK\x03\x04").then(|| {
        Text::new(
            "不是 Office 文档（.docx、.xlsx 都是 zip 压缩包，这个文件不是）：可能是别的文件改了扩展名，或是旧格式（.doc、.xls），请在 Word/WPS/Excel 中另存",
            "not an Office document (a .docx or .xlsx is a zip package, and this file is not): another file renamed, or an old format (.doc, .xls); save it again in Word, WPS or Excel",
        )
    })
}

/// A cell's text as the table shows it: whitespace runs (line breaks in a
/// cell, non-breaking spaces) as one space, trimmed; none between CJK
/// characters, where a line break in a narrow cell adds none.
/// What a 属性 cell says, whatever else it prints (`约束性指标`, and a
/// footnote's mark after it: `预期性[1]`, `预期性（1）`, `预期性①`): `约束性`
/// or `预期性`, or `None`. The one reading of a 属性 cell, for the readers
/// and the draft alike.
pub fn attribute_word(cell: &str) -> Option<&'static str> {
    let word = cell.trim().trim_end_matches(|c: char| {
        c.is_ascii_digit() || "[]［］()（）*＊¹²³".contains(c) || ('①'..='⑳').contains(&c)
    });
    if word.starts_with("约束") {
        Some("约束性")
    } else if word.starts_with("预期") {
        Some("预期性")
    } else {
        None
    }
}

/// A site's breadcrumb (`首页 > 统计数据 > 统计公报`, `当前位置：首页 - …`),
/// which names a document without being its title: for import's cover
/// title and extract's bulletin title alike.
pub fn is_breadcrumb(line: &str) -> bool {
    line.contains(['>', '＞', '›', '»', '|', '｜', '/'])
        || line.contains(" - ")
        || line.contains("当前位置")
        || line.trim_start().starts_with("首页")
}

pub fn clean(text: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            let prev = out.chars().next_back().unwrap_or(' ');
            if !(is_cjk(prev) || is_cjk(c)) {
                out.push(' ');
            }
        }
        space = false;
        out.push(c);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cleaned_as_tables_show_them() {
        assert_eq!(clean("  在园幼儿数\n（万人） "), "在园幼儿数（万人）");
        assert_eq!(clean("PM2.5\u{a0} 浓度"), "PM2.5浓度");
        assert_eq!(clean("GDP  growth"), "GDP growth");
    }
}
