//! `plan-check report DATA --output 评估.docx`: the period view as a Word
//! document typeset as a government document (GB/T 9704-2012《党政机关公文
//! 格式》): A4, top margin 37 mm, binding margin 28 mm, a 156 × 225 mm type
//! area, 22 lines a page; the title in 2号 方正小标宋简体, the body in 3号
//! 仿宋_GB2312, headings 一、 in 黑体, the table in 小四, page numbers in
//! 4号 宋体 “— 1 —” at the outer corner. Word, WPS and LibreOffice put a
//! font they lack by another of its kind.
//!
//! Written with the `zip` crate the workbooks already use and plain XML
//! (escaped by [`super::xml::escape`]): WordprocessingML needs a handful of
//! parts, and a document library would add a dependency for no more than
//! that. Everything drawn is in the evaluation; the paragraph is
//! [`super::wording::summary`]'s.

use super::{Evaluation, Renderer, Style, View, labels, wording, xml::escape};
use crate::assess::Attribute;
use crate::assess::period::{IndicatorSeries, Outlook, PeriodReport};
use crate::lang::Lang;
use std::io::Write;

/// Fonts named as the standard names them.
const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const HEADING_FONT: &str = "黑体";
const NUMBER_FONT: &str = "宋体";

/// Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt.
const SIZE_TITLE: u32 = 44;
const SIZE_BODY: u32 = 32;
const SIZE_PAGE_NUMBER: u32 = 28;
const SIZE_TABLE: u32 = 21;

/// A line of the type area: 225 mm / 22 lines, in twips (exact spacing).
const LINE: u32 = 579;

/// `--output 评估.docx` of `plan-check report`.
pub struct Report;

impl Renderer for Report {
    fn render(&self, ev: &Evaluation, style: &Style, out: &mut dyn Write) -> anyhow::Result<()> {
        let View::Period(period) = &ev.view else {
            anyhow::bail!("a Word report is made of one region's period view");
        };
        let document = document(period, style.lang);
        let mut bytes = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut bytes);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, text) in [
                ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
                ("_rels/.rels", ROOT_RELS.to_owned()),
                ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
                ("word/settings.xml", SETTINGS.to_owned()),
                ("word/styles.xml", styles()),
                ("word/footer1.xml", footer("right")),
                ("word/footer2.xml", footer("left")),
                ("word/document.xml", document),
            ] {
                zip.start_file(name, options)?;
                zip.write_all(text.as_bytes())?;
            }
            zip.finish()?;
        }
        out.write_all(&bytes.into_inner())?;
        Ok(())
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

/// A heading of the first level (一、…): 黑体, indented as the body.
fn heading(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:keepNext/><w:spacing w:line="{LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>{}</w:p>"#,
        run(text, HEADING_FONT, SIZE_BODY, false)
    )
}

/// The title: 2号 小标宋, centred, with an empty line under it.
fn title(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:spacing w:line="{}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>{}</w:p><w:p><w:pPr><w:spacing w:line="{LINE}" w:lineRule="exact"/></w:pPr></w:p>"#,
        LINE * 3 / 2,
        run(text, TITLE_FONT, SIZE_TITLE, false)
    )
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
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merge}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:line="300" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>{}</w:p></w:tc>"#,
        run(text, BODY_FONT, SIZE_TABLE, header)
    )
}

/// The plan's table with each reported year and the outlook: 类别 merged
/// down, binding rows marked ★.
fn table(period: &PeriodReport, lang: Lang) -> String {
    let years: Vec<String> = period.years.iter().map(i32::to_string).collect();
    let mut header: Vec<String> = [
        lang.pick("类别", "Category"),
        lang.pick("指标", "Indicator"),
        lang.pick("属性", "Attribute"),
        lang.pick("基期", "Baseline"),
        lang.pick("目标", "Target"),
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(years);
    header.push(lang.pick("评估", "Outlook").to_owned());
    // The type area is 156 mm = 8844 twips: the name takes what the others
    // leave (类别 800, 属性 900, 基期 and 目标 800, a year 740, 评估 1300).
    let fixed: Vec<u32> = std::iter::once(800)
        .chain([900, 800, 800])
        .chain(period.years.iter().map(|_| 740))
        .chain(std::iter::once(1300))
        .collect();
    let name = 8844u32.saturating_sub(fixed.iter().sum()).max(1400);
    let mut widths = fixed;
    widths.insert(1, name);
    let mut xml = String::from(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>"#,
    );
    for w in &widths {
        xml.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    xml.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (h, w) in header.iter().zip(&widths) {
        xml.push_str(&cell(h, *w, None, true));
    }
    xml.push_str("</w:tr>");
    let mut category: Option<&str> = None;
    for s in &period.indicators {
        let starts = category != Some(s.category.as_str());
        category = Some(&s.category);
        let mut cells = vec![
            s.category.clone(),
            format!(
                "{}（{}）{}",
                s.display_name(),
                s.unit,
                if s.attribute == Attribute::Binding {
                    "★"
                } else {
                    ""
                }
            ),
            labels::attribute(s.attribute, lang).to_owned(),
            labels::baseline(s.baseline, s.baseline_text.as_deref()),
            s.target_text.clone(),
        ];
        cells.extend(
            s.series
                .iter()
                .map(|p| p.actual.map_or_else(|| "—".to_owned(), labels::number)),
        );
        cells.push(labels::outlook(s.outlook, lang).to_owned());
        // A row is never split over two pages.
        xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, (text, w)) in cells.iter().zip(&widths).enumerate() {
            let merge = (i == 0).then_some(starts);
            let text = if i == 0 && !starts { "" } else { text.as_str() };
            xml.push_str(&cell(text, *w, merge, false));
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

/// What a reader of an indicator short of its schedule needs: its latest
/// figure, what was required then, and where its trend leads.
fn attention(s: &IndicatorSeries, period: &PeriodReport, lang: Lang) -> String {
    let point = s.series.iter().find(|p| p.year == s.as_of);
    let actual = point.and_then(|p| p.derived.or(p.actual)).map_or_else(
        || lang.pick("未填报", "not reported").to_owned(),
        labels::number,
    );
    let required = point
        .and_then(|p| p.requirement)
        .map(|r| labels::requirement(&r, lang));
    let mut text = match lang {
        Lang::Zh => format!(
            "{}（{}）：{}年为{actual}{}",
            s.display_name(),
            labels::outlook(s.outlook, lang),
            s.as_of,
            if actual
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            {
                s.unit.as_str()
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "{} ({}): {actual} {} in {}",
            s.display_name(),
            labels::outlook(s.outlook, lang),
            s.unit,
            s.as_of
        ),
    };
    if let Some(required) = required {
        text.push_str(&match lang {
            Lang::Zh => format!("，当年要求{required}"),
            Lang::En => format!(", {required} required"),
        });
    }
    if let Some(p) = s.projection {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "；按现有趋势{}年约为{}，{}",
                period.plan.target_year,
                labels::number(p.target_year_value),
                if p.meets_target {
                    "可达到目标"
                } else {
                    "达不到目标"
                }
            ),
            Lang::En => format!(
                "; at this pace {} in {}, {}",
                labels::number(p.target_year_value),
                period.plan.target_year,
                if p.meets_target {
                    "meeting the target"
                } else {
                    "short of the target"
                }
            ),
        });
    }
    if s.unjudged.is_some() {
        text.push_str(lang.pick(
            "；要求算不出来，原因见表下说明",
            "; its requirement cannot be made, see the notes",
        ));
    }
    text.push_str(lang.pick("。", "."));
    text
}

fn document(period: &PeriodReport, lang: Lang) -> String {
    let mut body_xml = String::new();
    let heading_text = match lang {
        Lang::Zh => format!(
            "《{}》实施情况评估（截至{}年）",
            period.plan.title, period.latest_year
        ),
        Lang::En => format!(
            "{}: evaluation as of {}",
            period.plan.title, period.latest_year
        ),
    };
    body_xml.push_str(&title(&heading_text));
    body_xml.push_str(&heading(lang.pick("一、总体情况", "1. Overview")));
    body_xml.push_str(&body(&wording::paragraph(period, lang)));
    body_xml.push_str(&heading(
        lang.pick("二、主要指标完成情况", "2. The main indicators"),
    ));
    body_xml.push_str(&table(period, lang));
    body_xml.push_str(&body(lang.pick(
        "注：★为约束性指标；评估按各指标最近填报的一年。",
        "Note: ★ binding; each indicator is assessed at its latest reported year.",
    )));
    let lagging: Vec<&IndicatorSeries> = period
        .indicators
        .iter()
        .filter(|s| {
            matches!(
                s.outlook,
                Outlook::Behind
                    | Outlook::MovingAway
                    | Outlook::OffProjection
                    | Outlook::Failed
                    | Outlook::Missing
                    | Outlook::Undetermined
            )
        })
        .collect();
    if !lagging.is_empty() {
        body_xml.push_str(&heading(
            lang.pick("三、需要关注的指标", "3. Indicators that need attention"),
        ));
        for s in lagging {
            body_xml.push_str(&body(&attention(s, period, lang)));
        }
    }
    let mut notes: Vec<String> = super::summary::explanations(&period.latest, lang);
    notes.extend(super::summary::notes(&period.latest, lang));
    // Each source once, with the indicators whose figures it gave.
    let mut by_source: Vec<(String, Vec<String>)> = Vec::new();
    for s in &period.indicators {
        let Some(p) = s.series.iter().find(|p| p.year == s.as_of) else {
            continue;
        };
        let source = labels::source(p.source.as_deref(), p.remark.as_deref(), lang);
        if source.is_empty() {
            continue;
        }
        let name = wording::name_in_prose(s, period);
        match by_source.iter_mut().find(|(text, _)| *text == source) {
            Some((_, names)) => names.push(name),
            None => by_source.push((source, vec![name])),
        }
    }
    let sources: Vec<String> = by_source
        .into_iter()
        .map(|(source, names)| format!("{}：{source}", names.join(lang.pick("、", ", "))))
        .collect();
    if !notes.is_empty() || !sources.is_empty() {
        body_xml.push_str(&heading(lang.pick("四、说明", "4. Notes")));
        for n in notes {
            body_xml.push_str(&body(&n));
        }
        if !sources.is_empty() {
            body_xml.push_str(&body(lang.pick("数据来源：", "Sources of the figures:")));
            for s in sources {
                body_xml.push_str(&body(&s));
            }
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body_xml}<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:footerReference w:type="even" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="{LINE}"/></w:sectPr></w:body></w:document>"#
    )
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
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/></w:settings>"#;
