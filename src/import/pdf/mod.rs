//! A published plan as PDF, read directly: the text layer's glyphs with their
//! positions and the ruling lines the table is drawn with, handed to
//! [`layout`], which rebuilds the table's rows and columns.
//!
//! Read with `pdf-extract` (on `lopdf`): it decodes the fonts a PDF from
//! Word, WPS, LibreOffice or a browser uses (CID fonts with their ToUnicode
//! maps included) and reports each glyph with its text matrix and each
//! stroked or filled path; writing a PDF interpreter by hand would be
//! thousands of lines. The library panics on some malformed files: a panic
//! is caught and reported as an unreadable file (I001), as the workbook
//! reader does with calamine.

pub mod layout;

#[cfg(test)]
mod tests {
    #[test]
    fn radicals_read_as_the_ideographs_they_stand_for() {
        assert_eq!(
            super::ideographs("\u{2F08}\u{2EA0}\u{2F63}\u{2ED3}\u{2EDD}\u{2F3E}"),
            "人民生长食户"
        );
        assert_eq!(super::ideographs("常住人口城镇化率"), "常住人口城镇化率");
    }
}

use super::Block;
use crate::diagnostic::{Code, Diagnostic, Text};
use layout::{Glyph, Page, Rule};
use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path as PdfPath, PathOp};
use std::path::Path;

/// A PDF larger than this is no plan's text (the national outline is 2 MB).
const MAX_BYTES: u64 = 256 << 20;
/// Glyphs over all pages: a 300-page outline holds about 400,000.
const MAX_GLYPHS: usize = 4_000_000;

/// Reads the PDF at `path` into blocks.
pub fn read(path: &Path, file: &str) -> Result<Vec<Block>, Diagnostic> {
    let error = |zh: String, en: String| Diagnostic::error(Code::I001, file, Text::new(zh, en));
    let size = std::fs::metadata(path)
        .map_err(|e| {
            Diagnostic::error(
                Code::I001,
                file,
                Text::io("无法读取文件", "cannot read the file", &e),
            )
        })?
        .len();
    if size > MAX_BYTES {
        return Err(error(
            format!("PDF 超过 {} MB，不像是规划文本，未读取", MAX_BYTES >> 20),
            format!(
                "the PDF is over {} MB, not a plan's text; not read",
                MAX_BYTES >> 20
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            Code::I001,
            file,
            Text::io("无法读取文件", "cannot read the file", &e),
        )
    })?;
    if !bytes.starts_with(b"%PDF") {
        return Err(error(
            "不是 PDF 文件（开头没有 %PDF）：可能是别的文件改了扩展名".to_owned(),
            "not a PDF (it does not start with %PDF): another file renamed?".to_owned(),
        ));
    }
    let pages = crate::stats::workbook::quietly(|| pages(&bytes))
        .unwrap_or(Err(Unreadable::Broken))
        .map_err(|why| match why {
            Unreadable::Broken => error(
                "PDF 已损坏，读不出来（可用 PDF 阅读器另存一份再试）".to_owned(),
                "the PDF is damaged and cannot be read (save a copy from a PDF reader and try again)"
                    .to_owned(),
            ),
            Unreadable::Encrypted => error(
                "PDF 设了打开密码，读不出来：请先用 PDF 阅读器去掉密码".to_owned(),
                "the PDF needs a password to open: remove it in a PDF reader first".to_owned(),
            ),
            Unreadable::TooMuch => error(
                format!("PDF 的文字超过 {MAX_GLYPHS} 个字符，不像是规划文本，未读取"),
                format!("the PDF holds over {MAX_GLYPHS} characters, not a plan's text; not read"),
            ),
        })?;
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(error(
            "PDF 没有文字层（可能是扫描件）：请先用 OCR 识别出文字（WPS、Acrobat 的“识别文字”），或从政府网站取网页版".to_owned(),
            "the PDF has no text layer (a scan?): run OCR on it first (WPS or Acrobat), or take the web page".to_owned(),
        ));
    }
    Ok(layout::blocks(&pages))
}

enum Unreadable {
    Broken,
    Encrypted,
    TooMuch,
}

/// Every page's glyphs and rules.
fn pages(bytes: &[u8]) -> Result<Vec<Page>, Unreadable> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|_| Unreadable::Broken)?;
    // Many published PDFs are encrypted with an empty user password (only
    // printing or copying restricted): they open without one.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Unreadable::Encrypted);
    }
    paint_as_drawn(&mut doc);
    let mut collector = Collector::default();
    match pdf_extract::output_doc(&doc, &mut collector) {
        Ok(()) => {}
        Err(_) if collector.too_much => return Err(Unreadable::TooMuch),
        Err(_) => return Err(Unreadable::Broken),
    }
    Ok(collector.pages)
}

/// The painting operators `pdf-extract` (0.12) passes over without a word,
/// rewritten to ones it reports, so that the rules they draw are seen: an
/// even-odd fill (`f*`: PDFium, which Chrome and many government sites print
/// with, draws every table border as a thin `re f*` rectangle) is a fill, and
/// a fill-and-stroke (`B`, `B*`) or close-and-stroke (`s`, `b`, `b*`) is the
/// stroke of its outline. For finding rules, the fill rule and the paint do
/// not matter. A page whose content cannot be decoded is left as it is.
fn paint_as_drawn(doc: &mut pdf_extract::Document) {
    use pdf_extract::content::{Content, Operation};
    for page in doc.get_pages().into_values() {
        let Ok(bytes) = doc.get_page_content(page) else {
            continue;
        };
        let Ok(content) = Content::decode(&bytes) else {
            continue;
        };
        let unreported =
            |op: &Operation| matches!(op.operator.as_str(), "f*" | "B" | "B*" | "s" | "b" | "b*");
        if !content.operations.iter().any(unreported) {
            continue;
        }
        let mut operations = Vec::with_capacity(content.operations.len());
        for op in content.operations {
            let as_drawn = |operator: &str| Operation::new(operator, Vec::new());
            match op.operator.as_str() {
                "f*" => operations.push(as_drawn("f")),
                "B" | "B*" => operations.push(as_drawn("S")),
                "s" | "b" | "b*" => {
                    operations.push(as_drawn("h"));
                    operations.push(as_drawn("S"));
                }
                _ => operations.push(op),
            }
        }
        let Ok(encoded) = (Content { operations }).encode() else {
            continue;
        };
        let stream = doc.add_object(pdf_extract::Stream::new(
            pdf_extract::Dictionary::new(),
            encoded,
        ));
        if let Ok(pdf_extract::Object::Dictionary(dict)) = doc.get_object_mut(page) {
            dict.set("Contents", stream);
        }
    }
}

/// Radicals a font maps its ideographs to, back to the ideographs: the fonts
/// browsers and some Office versions embed give 人 as U+2F08 KANGXI RADICAL
/// MAN and 长 as U+2ED3 CJK RADICAL C-SIMPLIFIED LONG, which read the same
/// and match nothing. Kangxi radicals have compatibility decompositions
/// (NFKC, with the `unicode-normalization` crate pdf-extract already uses);
/// the simplified radicals of the supplement do not, so the ones that stand
/// for a whole character are listed here.
fn ideographs(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    const SUPPLEMENT: [(char, char); 27] = [
        ('\u{2EA0}', '民'),
        ('\u{2EAE}', '竹'),
        ('\u{2EC5}', '见'),
        ('\u{2EC6}', '角'),
        ('\u{2EC8}', '讠'),
        ('\u{2EC9}', '贝'),
        ('\u{2ECB}', '车'),
        ('\u{2ED1}', '長'),
        ('\u{2ED3}', '长'),
        ('\u{2ED4}', '门'),
        ('\u{2ED7}', '雨'),
        ('\u{2EDA}', '页'),
        ('\u{2EDB}', '风'),
        ('\u{2EDC}', '飞'),
        ('\u{2EDD}', '食'),
        ('\u{2EE0}', '饣'),
        ('\u{2EE2}', '马'),
        ('\u{2EE3}', '骨'),
        ('\u{2EE4}', '鬼'),
        ('\u{2EE5}', '鱼'),
        ('\u{2EE9}', '黄'),
        ('\u{2EEA}', '黾'),
        ('\u{2EEC}', '齐'),
        ('\u{2EEE}', '齿'),
        ('\u{2EF0}', '龙'),
        ('\u{2EF2}', '龟'),
        ('\u{2EF3}', '龟'),
    ];
    text.chars()
        .flat_map(|c| match c as u32 {
            // KANGXI RADICAL DOOR decomposes to 戶 (U+6236); a simplified
            // Chinese font draws 户 (U+6237) with it.
            0x2F3E => vec!['户'],
            0x2F00..=0x2FDF => c.nfkc().collect::<Vec<char>>(),
            0x2E80..=0x2EFF => vec![
                SUPPLEMENT
                    .iter()
                    .find(|(r, _)| *r == c)
                    .map_or(c, |(_, i)| *i),
            ],
            _ => vec![c],
        })
        .collect()
}

/// Gathers what `pdf-extract` reports, page by page, in points from the
/// page's top-left corner.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    /// The page's height: PDF measures up from the bottom.
    height: f64,
    glyphs: usize,
    too_much: bool,
}

impl Collector {
    fn page(&mut self) -> Option<&mut Page> {
        self.pages.last_mut()
    }

    /// A point of user space (through `ctm`) on the page, from the top.
    fn point(&self, ctm: &pdf_extract::Transform, x: f64, y: f64) -> (f64, f64) {
        let px = x * ctm.m11 + y * ctm.m21 + ctm.m31;
        let py = x * ctm.m12 + y * ctm.m22 + ctm.m32;
        (px, self.height - py)
    }

    fn rules(&mut self, ctm: &pdf_extract::Transform, path: &PdfPath, filled: bool) {
        let mut found = Vec::new();
        let mut at = (0.0, 0.0);
        let mut start = (0.0, 0.0);
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => {
                    at = self.point(ctm, x, y);
                    start = at;
                }
                PathOp::LineTo(x, y) => {
                    let to = self.point(ctm, x, y);
                    found.extend(Rule::between(at, to));
                    at = to;
                }
                PathOp::CurveTo(_, _, _, _, x, y) => at = self.point(ctm, x, y),
                PathOp::Rect(x, y, w, h) => {
                    let a = self.point(ctm, x, y);
                    let b = self.point(ctm, x + w, y + h);
                    found.extend(Rule::of_rect(a, b, filled));
                }
                PathOp::Close => {
                    found.extend(Rule::between(at, start));
                    at = start;
                }
            }
        }
        if let Some(page) = self.page() {
            page.rules.extend(found);
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Page {
            width: media_box.urx - media_box.llx,
            height: self.height,
            ..Page::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            self.too_much = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // The font size on the page: the side of the square of the scaled
        // size's area, as pdf-extract's own text output takes it.
        let sx = font_size * trm.m11 + font_size * trm.m21;
        let sy = font_size * trm.m12 + font_size * trm.m22;
        let size = (sx * sy).abs().sqrt();
        let (x, y) = (trm.m31, self.height - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) || text.is_empty() {
            return Ok(());
        }
        if let Some(page) = self.page() {
            page.glyphs.push(Glyph {
                x,
                y,
                width: width * size,
                size,
                text: ideographs(text),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &pdf_extract::Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &PdfPath,
    ) -> Result<(), OutputError> {
        self.rules(ctm, path, false);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &pdf_extract::Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &PdfPath,
    ) -> Result<(), OutputError> {
        self.rules(ctm, path, true);
        Ok(())
    }
}
