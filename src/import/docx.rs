//! A Word or WPS document (`.docx`): its `word/document.xml` read as a
//! stream with quick-xml from the zip package, paragraphs as text and tables
//! with their merged cells (`gridSpan` across, `vMerge` down) repeated into
//! every cell they cover. A nested table's text stays in its cell.

use super::Block;
use super::limits::{Budget, Limit, MAX_SPAN};
use crate::diagnostic::{Code, Diagnostic, Text};
use quick_xml::events::Event;
use std::io::Read;

/// The largest `document.xml` read: far beyond any plan (a 300-page plan is
/// a few MB).
const MAX_XML: u64 = 64 << 20;

pub fn read(path: &std::path::Path, file: &str) -> Result<Vec<Block>, Diagnostic> {
    let bad = |why: String| {
        Diagnostic::error(
            Code::I001,
            file,
            Text::new(
                format!("不是可读的 Word 文档（.docx）：{why}"),
                format!("not a readable Word document (.docx): {why}"),
            ),
        )
        .with_hint(Text::new(
            "旧的 .doc 文件请在 Word/WPS 中另存为 .docx",
            "save an old .doc file as .docx in Word or WPS",
        ))
    };
    let handle = std::fs::File::open(path).map_err(|e| {
        Diagnostic::error(
            Code::I001,
            file,
            Text::io("无法读取文件", "cannot read the file", &e),
        )
    })?;
    // A file cut off (a download interrupted) or not a zip at all: said in
    // Chinese (the reader's `invalid Zip archive: Could not find EOCD` went
    // through as it was: a reviewer's).
    let mut zip = zip::ZipArchive::new(handle).map_err(|e| match e {
        zip::result::ZipError::Io(e) => Diagnostic::error(
            Code::I001,
            file,
            Text::io("无法读取文件", "cannot read the file", &e),
        ),
        _ => Diagnostic::error(
            Code::I001,
            file,
            Text::new(
                "不是完整的 Word 文档（.docx）：压缩包不完整或已损坏（可能下载中断）",
                "not a whole Word document (.docx): the package is cut off or damaged (an interrupted download?)",
            ),
        )
        .with_hint(Text::new(
            "请重新下载，或在 Word/WPS 中打开后另存为 .docx；旧的 .doc 文件也请另存为 .docx",
            "download it again, or open it in Word or WPS and save it as .docx; save an old .doc file as .docx too",
        )),
    })?;
    let part = zip.by_name("word/document.xml").map_err(|e| match e {
        zip::result::ZipError::FileNotFound => bad("压缩包中没有 word/document.xml".to_owned()),
        e => bad(format!("word/document.xml：{e}")),
    })?;
    let mut xml = Vec::new();
    part.take(MAX_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|e| bad(e.to_string()))?;
    if xml.len() as u64 > MAX_XML {
        return Err(bad(format!("word/document.xml 超过 {} MB", MAX_XML >> 20)));
    }
    parse(&xml).map_err(|e| match e {
        Failed::Xml(why) => bad(why),
        Failed::Limit(limit) => limit.diagnostic(file),
    })
}

/// Why `document.xml` could not be read.
#[derive(Debug, PartialEq)]
pub enum Failed {
    Xml(String),
    Limit(Limit),
}

impl From<Limit> for Failed {
    fn from(limit: Limit) -> Self {
        Failed::Limit(limit)
    }
}

/// One cell being read: its text, how many grid columns it spans, and
/// whether it continues the merged cell above.
#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    continues: bool,
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.to_string())
}

pub fn parse(xml: &[u8]) -> Result<Vec<Block>, Failed> {
    let mut budget = Budget::default();
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    // Table depth: 0 outside; only depth 1's rows and cells are the table's.
    let mut depth = 0usize;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut cell: Option<Cell> = None;
    let mut in_text = false;
    // Inside a run (w:r): a w:tab there is a tab character, elsewhere a tab stop.
    let mut in_run = false;
    // Elements open: a document cut off inside its body ends with some
    // still open, and was read as an empty one without a word.
    let mut open = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| Failed::Xml(e.to_string()))?;
        match &event {
            Event::Start(_) => open += 1,
            Event::End(_) => open = open.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Eof if open > 0 => {
                return Err(Failed::Xml(
                    "word/document.xml 在中途截断（文件不完整）".to_owned(),
                ));
            }
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let opens = matches!(event, Event::Start(_));
                match e.local_name().as_ref() {
                    "tbl" => depth += 1,
                    "tr" if depth == 1 => row.clear(),
                    "tc" if depth == 1 => {
                        cell = Some(Cell {
                            span: 1,
                            ..Cell::default()
                        })
                    }
                    "gridSpan" if depth == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.span = attr(e, "val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                                .max(1);
                        }
                    }
                    "vMerge" if depth == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.continues = attr(e, "val").is_none_or(|v| v != "restart");
                        }
                    }
                    "t" => in_text = opens,
                    "r" => in_run = opens,
                    "tab" if in_run => push(&mut cell, &mut paragraph, "\t"),
                    "br" | "cr" => push(&mut cell, &mut paragraph, "\n"),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                let text = t.xml10_content();
                push(&mut cell, &mut paragraph, &text);
            }
            Event::GeneralRef(r) if in_text => {
                // &amp; and the like inside text.
                let text = match &*r {
                    "amp" => "&".to_owned(),
                    "lt" => "<".to_owned(),
                    "gt" => ">".to_owned(),
                    "quot" => "\"".to_owned(),
                    "apos" => "'".to_owned(),
                    // &#12345; and &#x3000;
                    _ => r
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                        .unwrap_or_default(),
                };
                push(&mut cell, &mut paragraph, &text);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "r" => in_run = false,
                "p" => match cell.as_mut() {
                    // A cell's paragraphs are its lines.
                    Some(c) if !c.text.is_empty() && !c.text.ends_with('\n') => c.text.push('\n'),
                    Some(_) => {}
                    None if depth == 0 => {
                        for line in paragraph.lines() {
                            if !line.trim().is_empty() {
                                blocks.push(Block::Text(line.trim().to_owned()));
                            }
                        }
                        paragraph.clear();
                    }
                    None => {}
                },
                "tc" if depth == 1 => row.extend(cell.take()),
                "tr" if depth == 1 => {
                    let mut grid: Vec<String> = Vec::new();
                    for c in row.drain(..) {
                        if c.span > MAX_SPAN {
                            return Err(Limit::Span.into());
                        }
                        for _ in 0..c.span {
                            // A cell continuing the merged cell above repeats its text.
                            let text = if c.continues {
                                rows.last()
                                    .and_then(|above| above.get(grid.len()))
                                    .cloned()
                                    .unwrap_or_default()
                            } else {
                                c.text.trim_end().to_owned()
                            };
                            budget.take(1, text.len())?;
                            grid.push(text);
                        }
                    }
                    rows.push(grid);
                }
                "tbl" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        blocks.push(Block::Table(std::mem::take(&mut rows)));
                    }
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    Ok(blocks)
}

/// Text goes to the cell being read, else to the paragraph.
fn push(cell: &mut Option<Cell>, paragraph: &mut String, text: &str) {
    match cell.as_mut() {
        Some(c) => c.text.push_str(text),
        None => paragraph.push_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document cut off inside its body was read as an empty one, and
    /// `extract` then asked for a year (a reviewer's).
    #[test]
    fn a_document_cut_off_is_refused() {
        let cut = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>2023年统计公报"#.as_bytes();
        assert!(matches!(parse(cut), Err(Failed::Xml(_))));
        let whole = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>2023年统计公报</w:t></w:r></w:p></w:body></w:document>"#.as_bytes();
        assert!(parse(whole).is_ok());
    }

    #[test]
    fn paragraphs_and_a_table_with_merged_cells() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>专栏1 主要指标</w:t></w:r></w:p>
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>类别</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>经济</w:t></w:r><w:r><w:t>发展</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A &amp; B</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>注：①〔〕为5年累计数。</w:t></w:r></w:p>
</w:body></w:document>"#;
        let blocks = parse(xml.as_bytes()).unwrap();
        assert_eq!(blocks[0], Block::Text("专栏1 主要指标".into()));
        let Block::Table(rows) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows[0], ["类别", "指标", "指标"]);
        assert_eq!(rows[1], ["经济发展", "A & B", ""]);
        assert_eq!(rows[2], ["经济发展", "C", ""]);
        assert_eq!(blocks[2], Block::Text("注：①〔〕为5年累计数。".into()));
    }
}
