//! `--output 评估.docx` (or `--format docx`): a view as a Word document
//! typeset as a government document (GB/T 9704-2012《党政机关公文格式》): A4,
//! top margin 37 mm, binding margin 28 mm, a 156 × 225 mm type area, 22 lines
//! a page; the title in 2号 方正小标宋简体, the body in 3号 仿宋_GB2312,
//! headings 一、 in 黑体, tables in 小五, page numbers in 4号 宋体 “— 1 —” at
//! the outer corner. Word, WPS and LibreOffice put a font they lack by another
//! of its kind.
//!
//! One file per view ([`period`]: the evaluation of the period, the report
//! planners hand in; [`year`]: one year's check; [`regions`]: every region's
//! latest year); this file holds the package and the typography they share,
//! and [`chart`] the charts, drawn as Word charts (DrawingML) that Word, WPS
//! and LibreOffice draw with their own fonts, so no image is rasterised and
//! the figures stay editable.
//!
//! Written with the `zip` crate the workbooks already use and plain XML
//! (escaped by [`super::xml::escape`]): WordprocessingML needs a handful of
//! parts, and a document library would add a dependency for no more than
//! that. Everything drawn is in the evaluation; the paragraphs are
//! [`super::wording`]'s.

pub mod chart;
mod period;
mod regions;
mod year;

use super::{Evaluation, Renderer, Style, View, xml::escape};
use std::io::Write;

/// Fonts named as the standard names them.
const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const HEADING_FONT: &str = "黑体";
const NUMBER_FONT: &str = "宋体";

/// Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小五 9 pt (the
/// tables: a plan's table with five years beside it fits the type area).
const SIZE_TITLE: u32 = 44;
const SIZE_BODY: u32 = 32;
const SIZE_PAGE_NUMBER: u32 = 28;
const SIZE_TABLE: u32 = 18;

/// A line of the type area: 225 mm / 22 lines, in twips (exact spacing).
const LINE: u32 = 579;

/// The width of the type area, 156 mm, in twips.
const TYPE_AREA: u32 = 8844;

/// `--format docx`: the view of the run as a Word document.
pub struct Report;

impl Renderer for Report {
    fn render(&self, ev: &Evaluation, style: &Style, out: &mut dyn Write) -> anyhow::Result<()> {
        // What could not be checked, in the overview, after its verdict.
        let failed = super::incomplete::failed_inputs(
            &ev.failed,
            style.lang,
            super::incomplete::Shown::Document,
        );
        let document = match &ev.view {
            View::Period(period) => period::document(period, style.lang, ev.outcome, &failed),
            View::Year(report) => year::document(report, style.lang, ev.outcome, &failed),
            View::Regions(regions) => regions::document(regions, style.lang, ev.outcome, &failed),
        };
        out.write_all(&document.package()?)?;
        Ok(())
    }
}

/// A document's body and the charts it places.
#[derive(Default)]
struct Document {
    body: String,
    /// Each chart's part (`word/charts/chartN.xml`), in order.
    charts: Vec<String>,
}

impl Document {
    fn push(&mut self, xml: &str) {
        self.body.push_str(xml);
    }

    /// Places a chart in its own paragraph, centred, the width of the type
    /// area and `height_mm` high.
    fn chart(&mut self, part: String, height_mm: u32) {
        self.charts.push(part);
        let n = self.charts.len();
        // EMU: 36 000 a millimetre; the type area is 156 mm wide.
        let (cx, cy) = (156 * 36_000, height_mm * 36_000);
        self.body.push_str(&format!(
            r#"<w:p><w:pPr><w:spacing w:before="60" w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Chart {n}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart{n}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
        ));
    }

    /// The `.docx` package: the parts zipped.
    fn package(&self) -> anyhow::Result<Vec<u8>> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>{}<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:footerReference w:type="even" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="{LINE}"/></w:sectPr></w:body></w:document>"#,
            self.body
        );
        let mut content_types = CONTENT_TYPES.to_owned();
        let mut rels = DOCUMENT_RELS.to_owned();
        for n in 1..=self.charts.len() {
            content_types.push_str(&format!(
                r#"<Override PartName="/word/charts/chart{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#
            ));
            rels.push_str(&format!(
                r#"<Relationship Id="rIdChart{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart{n}.xml"/>"#
            ));
        }
        content_types.push_str("</Types>");
        rels.push_str("</Relationships>");
        let mut parts = vec![
            ("[Content_Types].xml".to_owned(), content_types),
            ("_rels/.rels".to_owned(), ROOT_RELS.to_owned()),
            ("word/_rels/document.xml.rels".to_owned(), rels),
            ("word/settings.xml".to_owned(), SETTINGS.to_owned()),
            ("word/styles.xml".to_owned(), styles()),
            ("word/footer1.xml".to_owned(), footer("right")),
            ("word/footer2.xml".to_owned(), footer("left")),
            ("word/document.xml".to_owned(), document),
        ];
        for (i, chart) in self.charts.iter().enumerate() {
            parts.push((format!("word/charts/chart{}.xml", i + 1), chart.clone()));
        }
        let mut bytes = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut bytes);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, text) in &parts {
                zip.start_file(name.as_str(), options)?;
                zip.write_all(text.as_bytes())?;
            }
            zip.finish()?;
        }
        Ok(bytes.into_inner())
    }
}

/// A run of text in `font` at `size` half-points.
fn run(text: &str, font: &str, size: u32, bold: bool) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}" w:cs="Times New Roman"/>{}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        if bold { "<w:b/>" } else { "" },
        escape(text)
    )
}

/// A body paragraph: 仿宋, indented two characters, on the page's lines.
fn body(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:spacing w:line="{LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>{}</w:p>"#,
        run(text, BODY_FONT, SIZE_BODY, false)
    )
}

/// An indicator's cell in a table: its name, unit, and ★ when binding.
fn name_cell(
    name: &str,
    unit: &str,
    attribute: crate::vocabulary::Attribute,
    lang: crate::lang::Lang,
) -> String {
    let star = if attribute == crate::vocabulary::Attribute::Binding {
        "★"
    } else {
        ""
    };
    format!("{}{star}", super::labels::with_unit(name, unit, lang))
}

/// A body paragraph kept on the page of what follows it (a chart).
fn body_keep_next(text: &str) -> String {
    body(text).replacen("<w:pPr>", "<w:pPr><w:keepNext/>", 1)
}

/// A heading of the first level (一、…): 黑体, indented as the body.
fn heading(text: &str) -> String {
    // An outline level, so Word's navigation pane lists the headings.
    format!(
        r#"<w:p><w:pPr><w:keepNext/><w:spacing w:line="{LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr>{}</w:p>"#,
        run(text, HEADING_FONT, SIZE_BODY, false)
    )
}

/// The title: 2号 小标宋, centred, with an empty line under it.
fn title(text: &str) -> String {
    // A line of its own per `\n`: a long title breaks where it says, not
    // inside （2021－2025年）.
    let runs: Vec<String> = text
        .split('\n')
        .map(|line| run(line, TITLE_FONT, SIZE_TITLE, false))
        .collect();
    format!(
        r#"<w:p><w:pPr><w:spacing w:line="{}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>{}</w:p><w:p><w:pPr><w:spacing w:line="{LINE}" w:lineRule="exact"/></w:pPr></w:p>"#,
        LINE * 3 / 2,
        runs.join("<w:r><w:br/></w:r>")
    )
}

/// A Chinese title in two parts, broken as official documents break them
/// where it does not fit a line (about 20 characters at the title's size):
/// the plan's name, its period （2021－2025年） on a line of its own when
/// the name is long, then what is said of it.
fn title_parts(head: &str, tail: &str) -> String {
    const FITS: usize = 20;
    let width = |s: &str| s.chars().count();
    if width(head) + width(tail) <= FITS {
        return format!("{head}{tail}");
    }
    let mut lines: Vec<String> = match head.rfind('（') {
        Some(at) if width(head) > FITS && at > 0 => {
            vec![head[..at].to_owned(), head[at..].to_owned()]
        }
        _ => vec![head.to_owned()],
    };
    match lines.last_mut() {
        Some(last) if width(last) + width(tail) <= FITS => last.push_str(tail),
        _ => lines.push(tail.to_owned()),
    }
    lines.join("\n")
}

/// A title for one region's figures: the region on a line of its own
/// above it where the plan's title does not name it (潼南区 judged by a
/// city's template plan: twenty districts' reports read alike, each as the
/// plan's own region's).
fn with_region(region: &str, plan_title: &str, title: String) -> String {
    if region.is_empty() || plan_title.contains(region) {
        title
    } else {
        format!("{region}\n{title}")
    }
}

/// One table cell; `merge` continues (`Some(false)`) or starts
/// (`Some(true)`) a cell merged down.
fn cell(text: &str, width: u32, merge: Option<bool>, header: bool) -> String {
    let merge = match merge {
        Some(true) => r#"<w:vMerge w:val="restart"/>"#,
        Some(false) => "<w:vMerge/>",
        None => "",
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merge}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="300" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>{}</w:p></w:tc>"#,
        run(text, BODY_FONT, SIZE_TABLE, header)
    )
}

/// A table whose first column is the category, merged down its rows; none
/// where the plan's table has no categories (a blank column down the left
/// edge of a reviewer's 松江区 report).
fn category_table(header: &[String], rows: &[Vec<String>], columns: &[Width]) -> String {
    if rows
        .iter()
        .all(|r| r.first().is_none_or(|c| c.trim().is_empty()))
    {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r[1..].to_vec()).collect();
        return table(&header[1..], &rows, &columns[1..], false);
    }
    table(header, rows, columns, true)
}

/// A table the width of the type area: the header row repeated on every
/// page, a row never split over two pages, and with `merge_first` the first
/// column merged down over the rows that repeat it (类别, as the plan prints
/// it). `widths` are the columns' in twips, one of them `0`: that one takes
/// what the others leave.
fn table(header: &[String], rows: &[Vec<String>], columns: &[Width], merge_first: bool) -> String {
    let widths = widths(header, rows, columns);
    let mut xml = String::from(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>"#,
    );
    for w in &widths {
        xml.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    xml.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (h, w) in header.iter().zip(&widths) {
        xml.push_str(&cell(h, *w, None, true));
    }
    xml.push_str("</w:tr>");
    let mut first: Option<&str> = None;
    for row in rows {
        let starts = first != row.first().map(String::as_str);
        first = row.first().map(String::as_str);
        xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, (text, w)) in row.iter().zip(&widths).enumerate() {
            let merge = (merge_first && i == 0).then_some(starts);
            let text = if merge == Some(false) {
                ""
            } else {
                text.as_str()
            };
            xml.push_str(&cell(text, *w, merge, false));
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

/// How a table column takes its width.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Width {
    /// What the other columns leave (the indicator's name, wrapped).
    Rest,
    /// Its longest cell on one line: a figure is never broken.
    Fit,
    /// Wrapped at this many half-width characters a line (a category).
    Wrap(usize),
    /// Its longest cell on one line up to this many half-width characters,
    /// wrapped beyond (a printed target: `≥95` whole, `＞7、力争投入强度高于
    /// “十三五”时期实际` over lines, not 61 mm wide past the type area).
    Upto(usize),
}

/// A column's text width in half-width characters (a CJK character two).
fn text_units(text: &str) -> usize {
    text.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Twips for `units` half-width characters at 小五 (9 pt: a half-width
/// character 90 twips), with the cell's margins.
fn twips(units: usize) -> u32 {
    u32::try_from(units)
        .unwrap_or(u32::MAX / 200)
        .saturating_mul(90)
        + 150
}

/// The columns' widths in twips: each `Fit` column its longest cell (a
/// header may wrap, at its words), a `Wrap` column its width, the `Rest`
/// what is left of the type area (at least 1,400 twips, 15 characters).
fn widths(header: &[String], rows: &[Vec<String>], columns: &[Width]) -> Vec<u32> {
    let fitted: Vec<u32> = columns
        .iter()
        .enumerate()
        .map(|(j, w)| {
            // A header wraps between its words, or after four CJK characters.
            let head = header.get(j).map_or(0, |h| {
                h.split_whitespace()
                    .map(|w| unicode_width::UnicodeWidthStr::width(w).min(10))
                    .max()
                    .unwrap_or(0)
            });
            match w {
                Width::Rest => 0,
                Width::Wrap(units) => twips((*units).max(head)),
                Width::Fit => {
                    let cells = rows.iter().filter_map(|r| r.get(j)).map(|c| text_units(c));
                    twips(cells.max().unwrap_or(0).max(head))
                }
                Width::Upto(units) => {
                    let cells = rows.iter().filter_map(|r| r.get(j)).map(|c| text_units(c));
                    twips(cells.max().unwrap_or(0).min(*units).max(head))
                }
            }
        })
        .collect();
    let fixed: u32 = fitted.iter().sum();
    let rest = TYPE_AREA.saturating_sub(fixed).max(1400);
    fitted
        .into_iter()
        .zip(columns)
        .map(|(w, c)| if *c == Width::Rest { rest } else { w })
        .collect()
}

/// Each source once, with the names of what it gave: `A、B：来源`.
fn sources(items: impl Iterator<Item = (String, String)>, lang: crate::lang::Lang) -> Vec<String> {
    let mut by_source: Vec<(String, Vec<String>)> = Vec::new();
    for (name, source) in items {
        if source.is_empty() {
            continue;
        }
        match by_source.iter_mut().find(|(text, _)| *text == source) {
            Some((_, names)) => names.push(name),
            None => by_source.push((source, vec![name])),
        }
    }
    by_source
        .into_iter()
        .map(|(source, names)| {
            format!(
                "{}{}{source}",
                names.join(lang.pick("、", ", ")),
                lang.pick("：", ": ")
            )
        })
        .collect()
}

/// The notes section: explanations and notes, then the sources.
fn notes_section(
    doc: &mut Document,
    number: &str,
    notes: &[String],
    sources: &[String],
    lang: crate::lang::Lang,
) {
    if notes.is_empty() && sources.is_empty() {
        return;
    }
    doc.push(&heading(&format!("{number}{}", lang.pick("说明", "Notes"))));
    for n in notes {
        doc.push(&body(n));
    }
    if !sources.is_empty() {
        doc.push(&body(lang.pick("数据来源：", "Sources of the figures:")));
        // Ragged right: a long file name justified stretched the line's
        // characters apart.
        for s in sources {
            doc.push(&body(s).replacen(r#"<w:jc w:val="both"/>"#, r#"<w:jc w:val="left"/>"#, 1));
        }
    }
}

/// Page numbers “— 1 —” in 4号 宋体, on the outer side: odd pages right,
/// even pages left, one character in from the edge.
fn footer(side: &str) -> String {
    let indent = if side == "right" {
        r#"<w:ind w:right="280"/>"#
    } else {
        r#"<w:ind w:left="280"/>"#
    };
    let text = |t: &str| run(t, NUMBER_FONT, SIZE_PAGE_NUMBER, false);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="{side}"/>{indent}</w:pPr>{}<w:r><w:rPr><w:rFonts w:ascii="{NUMBER_FONT}" w:hAnsi="{NUMBER_FONT}" w:eastAsia="{NUMBER_FONT}"/><w:sz w:val="{SIZE_PAGE_NUMBER}"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="{SIZE_PAGE_NUMBER}"/></w:rPr><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>{}</w:p></w:ftr>"#,
        text("— "),
        text(" —")
    )
}

fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{BODY_FONT}" w:cs="Times New Roman"/><w:sz w:val="{SIZE_BODY}"/><w:szCs w:val="{SIZE_BODY}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="{LINE}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/></w:settings>"#;

#[cfg(test)]
mod tests {
    use super::title_parts;

    #[test]
    fn a_long_title_breaks_before_its_period_and_what_is_said_of_it() {
        assert_eq!(
            title_parts(
                "《江津区教育事业发展“十四五”规划（2021－2025年）》",
                "实施情况评估（截至2024年）"
            ),
            "《江津区教育事业发展“十四五”规划\n（2021－2025年）》\n实施情况评估（截至2024年）"
        );
        // A short one stays on one line; a name that fits keeps its period.
        assert_eq!(
            title_parts("《某规划》", "2023年实施情况"),
            "《某规划》2023年实施情况"
        );
        assert_eq!(
            title_parts(
                "《某区教育规划（2021－2025年）》",
                "实施情况评估（截至2024年）"
            ),
            "《某区教育规划（2021－2025年）》\n实施情况评估（截至2024年）"
        );
    }
}
