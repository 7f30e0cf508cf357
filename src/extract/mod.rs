//! `plan-check extract BULLETIN`: the year's figures of a plan's indicators
//! taken from a statistical bulletin's prose (国民经济和社会发展统计公报 and
//! the sector bulletins), each citing the sentence it came from.
//!
//! The bulletin is read by `import`'s readers into paragraphs; each
//! paragraph is cut into sentences ([`sentences`]), those of another time
//! than the year (a work report's targets and five-year review,
//! [`scope`]) left out; each indicator is looked
//! for by its name, its `aliases` and the standard equivalences of
//! statistical wording, and its figure taken by what the plan says it is
//! ([`find`]). Precision before recall: where the sentences give different
//! figures and no stated rule settles which, the indicator is left out and
//! listed with every candidate; a figure is never guessed.

pub mod find;
pub mod scope;
pub mod sentences;

use crate::import::{Block, Document};
use crate::plan::{IndicatorIdx, Plan};

/// One figure taken from the bulletin.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub indicator: IndicatorIdx,
    pub value: f64,
    /// The paragraph (1-based) the sentence stands in.
    pub paragraph: usize,
    /// The sentence as printed.
    pub sentence: String,
    /// A unit converted on the way, said.
    pub converted: Option<String>,
}

/// An indicator whose sentences give several figures that no rule settles.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsettled {
    pub indicator: IndicatorIdx,
    /// Each figure with its paragraph and sentence.
    pub candidates: Vec<(f64, usize, String)>,
}

/// What a bulletin holds of a plan.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub found: Vec<Found>,
    pub unsettled: Vec<Unsettled>,
    /// Indicators the bulletin does not state.
    pub missing: Vec<IndicatorIdx>,
    /// Indicators of one name in several categories (在校学生数 of 义务教育
    /// and of 高中阶段教育) that one sentence, naming neither category,
    /// would give the same figure: none taken, each with the sentence.
    pub shared: Vec<Unsettled>,
}

/// The bulletin's title: the first opening line that says 公报, up to the
/// word, with the line before it when the title is printed over two
/// (`建始县2023年国民经济和社会发展` / `统计公报`).
pub fn title_of(doc: &Document) -> Option<String> {
    let texts: Vec<&str> = doc
        .blocks
        .iter()
        .take(12)
        .filter_map(|b| match b {
            Block::Text(t) => Some(t.trim()),
            Block::Table(_) => None,
        })
        .collect();
    // A site's breadcrumb (首页 > 统计数据 > 统计公报) is no title; the
    // line that names a year is preferred to one that does not.
    // (The line up to its 公报: a page flattened into one line holds the
    // title first and table cells with bars after it.)
    // Where a line's title word ends: 公报, or the words of a release that
    // is one without the name (教育部's 2021年全国教育事业统计主要结果).
    let title_end = |t: &str| {
        TITLE_WORDS
            .iter()
            .filter_map(|w| t.find(w).map(|at| (at, at + w.len())))
            .min()
            .filter(|(at, _)| !crate::import::is_breadcrumb(&t[..*at]))
            .map(|(_, end)| end)
    };
    let titled = |t: &&str| title_end(t).is_some();
    let at = texts
        .iter()
        .enumerate()
        .filter(|(_, t)| titled(t))
        .find(|(i, t)| {
            crate::year::before_nian(t).is_some()
                || i.checked_sub(1).is_some_and(|j| {
                    crate::year::before_nian(texts[j]).is_some() && !titled(&texts[j])
                })
        })
        .or_else(|| texts.iter().enumerate().find(|(_, t)| titled(t)))
        .map(|(i, _)| i)?;
    let line = texts[at];
    let title = &line[..title_end(line)?];
    let above = at.checked_sub(1).map(|i| texts[i]).filter(|t| {
        crate::year::before_nian(title).is_none()
            && t.chars().count() <= 40
            && !t.ends_with(['。', '，', '；', '：'])
    });
    Some(match above {
        Some(above) => format!("{above}{title}"),
        None => title.to_owned(),
    })
}

/// The words a bulletin's title ends with.
const TITLE_WORDS: &[&str] = &["公报", "统计主要结果", "主要统计结果", "统计快报"];

/// The year a bulletin reports (`2022年国民经济和社会发展统计公报`), from its
/// title.
pub fn year_of(doc: &Document) -> Option<i32> {
    crate::year::before_nian(&title_of(doc)?)
}

/// The region a bulletin's title names (`2023年重庆市江津区国民经济和社会
/// 发展统计公报` → 重庆市江津区; the national bulletin's 中华人民共和国 →
/// 全国), where it names one before its subject.
pub fn region_of(title: &str) -> Option<String> {
    if title.contains("中华人民共和国") || level_of(title) == Some("全国") {
        return Some("全国".to_owned());
    }
    let cut = subject_at(title)?;
    // The year, in digits or in numerals (二〇二三年), is no part of a place.
    let mut head = String::new();
    let mut numerals = String::new();
    for c in title[..cut].chars() {
        if "〇零一二三四五六七八九十".contains(c) {
            numerals.push(c);
            continue;
        }
        if c != '年' {
            head.push_str(&numerals);
        }
        numerals.clear();
        if ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '年' {
            head.push(c);
        }
    }
    head.push_str(&numerals);
    let end = *crate::region_name::unit_ends(&head).last()?;
    let region = &head[..end];
    // 全区, 全市: the bulletin's own place, not named.
    (region.chars().count() >= 2 && !region.starts_with('全')).then(|| region.to_owned())
}

/// Where a title's subject (国民经济…, 教育事业…) starts: the place and the
/// year stand before it.
fn subject_at(title: &str) -> Option<usize> {
    [
        "国民经济",
        "统计公报",
        "公报",
        "统计主要结果",
        "主要统计结果",
        "统计快报",
    ]
    .iter()
    .find_map(|w| title.find(w))
}

/// The level a title speaks for without naming its place, before its
/// subject (`2021年全国教育事业发展统计公报`, `2021年我国…`, `全市…`): 全国,
/// 全省, 全市, 全县, 全区 and the like; held against [`other_levels`].
pub fn level_of(title: &str) -> Option<&'static str> {
    let head = &title[..subject_at(title)?];
    if head.contains("我国") {
        return Some("全国");
    }
    LEVELS.iter().copied().find(|w| head.contains(w))
}

/// The words that speak for a whole place of one level.
const LEVELS: &[&str] = &[
    "全国", "全省", "全市", "全州", "全盟", "全县", "全旗", "全区",
];

/// Whether a bulletin of `bulletin`'s region is of the plan's place: the
/// same finest unit (重庆市江津区 and 江津区; never 上海市浦东新区 for a plan
/// of 上海市, nor 上海市 for a plan of 浦东新区).
pub fn same_region(bulletin: &str, plan: &str) -> bool {
    crate::region_name::same_place(bulletin, plan)
}

/// The bulletin's paragraphs, in order: its text, and each table row as one
/// line of cells (a bulletin's tables hold some figures too). `wrapped`:
/// plain text whose lines break inside sentences (extracted from a PDF or a
/// newspaper page), joined back up to each sentence's end. A text most of
/// whose lines end a sentence does not wrap (a web page saved as text, a
/// paragraph a line): its lines are its paragraphs, and a heading (一、综合),
/// a title or a caption is not glued onto the sentence under it. In a text
/// that wraps, a section's heading still stands alone.
pub fn paragraphs(doc: &Document, wrapped: bool) -> Vec<String> {
    let sentence_end = |t: &str| t.ends_with(['。', '；', '！', '？', '：']);
    // A heading (一、综合, a Markdown `## 九、…` saved as .txt) or a row of
    // a Markdown table stands alone, wrapped text or not.
    let alone = |t: &str| {
        crate::import::text::section_heading(t)
            || t.starts_with('#')
            || t.starts_with('|')
            || caption(t)
    };
    let lines: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) if !t.trim().is_empty() && !alone(t.trim()) => Some(t.trim()),
            _ => None,
        })
        .collect();
    let ended = lines.iter().filter(|t| sentence_end(t)).count();
    let wrapped = wrapped && ended * 2 < lines.len();
    let mut out: Vec<String> = Vec::new();
    let mut open = String::new();
    let ends = |t: &str| !wrapped || sentence_end(t);
    for block in &doc.blocks {
        match block {
            Block::Text(t) => {
                let t = t.trim();
                if wrapped && alone(t) {
                    if !open.is_empty() {
                        out.push(std::mem::take(&mut open));
                    }
                    out.push(t.to_owned());
                    continue;
                }
                open.push_str(t);
                if ends(t) {
                    out.push(std::mem::take(&mut open));
                }
            }
            Block::Table(rows) => {
                if !open.is_empty() {
                    out.push(std::mem::take(&mut open));
                }
                out.extend(rows.iter().map(|r| r.join(" | ")));
            }
        }
    }
    if !open.is_empty() {
        out.push(open);
    }
    out
}

/// A chart's or table's caption (`图1 2019-2023年地区生产总值及其增长速度`,
/// `表2 …`): a line of its own, never glued to the sentence under it (the
/// Shandong 2023 bulletin's 年末常住人口10122.97万人 was lost behind one).
fn caption(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('图').or_else(|| line.strip_prefix('表')) else {
        return false;
    };
    let rest = rest.trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && !line.ends_with(['。', '；'])
        && line.chars().count() <= 60
}

/// Words that put a sentence's figure at another level of government than
/// the plan's: a district's plan (…区, …县) takes no 全市 or 全国 figure, a
/// city's no 全省 or 全国 figure, a province's no 全国 figure.
pub fn other_levels(region: Option<&str>) -> &'static [&'static str] {
    match region {
        // 广西壮族自治区, 香港特别行政区: a province's level.
        Some(r) if r.ends_with("自治区") || r.ends_with("特别行政区") => &["全国"],
        // A district says 全区, never 全县; a county 全县 or 全旗.
        Some(r) if r.ends_with('区') => &["全市", "全州", "全盟", "全省", "全国", "全县", "全旗"],
        Some(r) if r.ends_with(['县', '旗']) => &["全市", "全州", "全盟", "全省", "全国", "全区"],
        Some(r) if r.ends_with(['市', '州', '盟']) => &["全省", "全国"],
        Some(r) if r.ends_with('省') => &["全国"],
        _ => &[],
    }
}

/// Every indicator of `plan` looked for in the paragraphs of a bulletin of
/// `year` (a figure a sentence gives for another year is not taken).
pub fn extract(plan: &Plan, paragraphs: &[String], year: Option<i32>) -> Extraction {
    // A work report's targets and five-year review are no figures of the year.
    let other_times = scope::other_times(paragraphs);
    let mut sentences = sentences::split(paragraphs);
    sentences.retain(|s| !other_times[s.paragraph - 1]);
    let refused = other_levels(plan.meta.region.as_deref());
    let own = own_names(plan.meta.region.as_deref());
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    let mut out = Extraction::default();
    for (i, indicator) in plan.indicators.iter().enumerate() {
        let index = i as IndicatorIdx;
        match find::figure(indicator, &sentences, refused, &own, year) {
            find::Outcome::Found(c) => out.found.push(Found {
                indicator: index,
                value: c.value,
                paragraph: c.paragraph,
                sentence: c.sentence,
                converted: c.converted,
            }),
            find::Outcome::Unsettled(cs) => out.unsettled.push(Unsettled {
                indicator: index,
                candidates: cs
                    .into_iter()
                    .map(|c| (c.value, c.paragraph, c.sentence))
                    .collect(),
            }),
            find::Outcome::Missing => out.missing.push(index),
        }
    }
    keep_apart_shared_names(plan, &mut out);
    out
}

/// Names the plan's own place goes by in its bulletin's sentences
/// (`重庆学前教育毛入园率…` for 重庆市, `江津区…` for 江津区): the region,
/// and the region without its 市/区/县/省 when two characters or more remain.
pub fn own_names(region: Option<&str>) -> Vec<String> {
    let Some(region) = region.map(str::trim).filter(|r| !r.is_empty()) else {
        return Vec::new();
    };
    let mut names = vec![region.to_owned()];
    if let Some(short) = region
        .strip_suffix(['市', '区', '县', '省', '州', '旗'])
        .filter(|s| s.chars().count() >= 2)
    {
        names.push(short.to_owned());
    }
    names
}

/// Indicators of one name in different categories found in the same
/// sentence: unless the sentence names the category, the figure is neither's
/// for sure (`在校学生106291人` is every school's, not 义务教育's nor
/// 高中阶段's). Moved to [`Extraction::shared`].
fn keep_apart_shared_names(plan: &Plan, out: &mut Extraction) {
    let name = |i: IndicatorIdx| plan.indicators[i as usize].display_name();
    let category = |i: IndicatorIdx| plan.indicators[i as usize].category.as_str();
    // 高中阶段教育 is said 高中阶段 in a sentence.
    let says_category = |sentence: &str, c: &str| {
        !c.is_empty()
            && (sentence.contains(c)
                || c.strip_suffix("教育")
                    .is_some_and(|short| short.chars().count() >= 2 && sentence.contains(short)))
    };
    let shared: Vec<usize> = (0..out.found.len())
        .filter(|&a| {
            let f = &out.found[a];
            out.found.iter().enumerate().any(|(b, g)| {
                b != a
                    && g.sentence == f.sentence
                    && g.paragraph == f.paragraph
                    && name(g.indicator) == name(f.indicator)
                    && category(g.indicator) != category(f.indicator)
            }) && !says_category(&f.sentence, category(f.indicator))
        })
        .collect();
    for &a in shared.iter().rev() {
        let f = out.found.remove(a);
        out.shared.push(Unsettled {
            indicator: f.indicator,
            candidates: vec![(f.value, f.paragraph, f.sentence)],
        });
    }
    out.shared.sort_by_key(|u| u.indicator);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chart's caption stands alone, wrapped text or not (山东省2023年
    /// 统计公报: 年末常住人口10122.97万人 was read as part of the caption).
    #[test]
    fn a_caption_is_not_glued_to_the_sentence_under_it() {
        let doc = Document {
            file: "x".into(),
            blocks: [
                "图1 2019-2023年地区生产总值及其增长速度",
                "年末常住人口10122.97万人。",
            ]
            .iter()
            .map(|t| Block::Text((*t).to_owned()))
            .collect(),
        };
        for wrapped in [true, false] {
            let p = paragraphs(&doc, wrapped);
            assert_eq!(
                p.last().map(String::as_str),
                Some("年末常住人口10122.97万人。")
            );
        }
        assert!(!caption("图书馆藏书量增长5%。"));
    }

    #[test]
    fn a_title_names_its_region_and_year() {
        assert_eq!(
            region_of("2023年重庆市江津区国民经济和社会发展统计公报").as_deref(),
            Some("重庆市江津区")
        );
        assert_eq!(region_of("2023年全区国民经济和社会发展统计公报"), None);
        assert_eq!(
            region_of("二〇二三年江津区国民经济和社会发展统计公报").as_deref(),
            Some("江津区")
        );
        assert_eq!(
            region_of("2023年十堰市国民经济和社会发展统计公报").as_deref(),
            Some("十堰市")
        );
        let doc = |lines: &[&str]| Document {
            file: "x".into(),
            blocks: lines.iter().map(|t| Block::Text(t.to_string())).collect(),
        };
        // A breadcrumb before the title is passed over.
        let d = doc(&[
            "重庆市统计局 > 统计公报",
            "2023年重庆市江津区国民经济和社会发展统计公报",
        ]);
        assert_eq!(
            title_of(&d).as_deref(),
            Some("2023年重庆市江津区国民经济和社会发展统计公报")
        );
        let d = doc(&["建始县2023年国民经济和社会发展", "统计公报"]);
        assert_eq!(year_of(&d), Some(2023));
        // A breadcrumb with dashes, holding another region's title, is none.
        let d = doc(&[
            "当前位置：首页 - 统计公报 - 2023年永川区国民经济和社会发展统计公报",
            "2023年江津区国民经济和社会发展统计公报",
        ]);
        assert_eq!(
            title_of(&d).and_then(|t| region_of(&t)).as_deref(),
            Some("江津区")
        );
        // A page flattened into one line: the title, then cells with bars.
        let d =
            doc(&["2023年重庆市江津区国民经济和社会发展统计公报 2023年，全区…… 表1 | 比重（%） |"]);
        assert_eq!(year_of(&d), Some(2023));
        // A prefecture's plan takes no province's figure.
        assert_eq!(other_levels(Some("恩施州")), ["全省", "全国"]);
    }

    #[test]
    fn a_text_that_does_not_wrap_keeps_its_headings_apart() {
        let doc = |lines: &[&str]| Document {
            file: "x".into(),
            blocks: lines.iter().map(|t| Block::Text(t.to_string())).collect(),
        };
        // A page saved as text (a helper's probe of a 江津区 bulletin): a
        // heading glued to the sentence under it hid the name.
        let page = doc(&[
            "2023年重庆市江津区国民经济和社会发展统计公报",
            "一、综合",
            "学前教育毛入园率达到98.5%。",
            "二、教育",
            "全区在园幼儿3.8万人。",
        ]);
        let p = paragraphs(&page, true);
        assert_eq!(p.len(), 5, "{p:?}");
        assert_eq!(p[2], "学前教育毛入园率达到98.5%。");
        // Text from a PDF, its lines broken inside sentences: joined up to
        // each sentence's end; a heading still stands alone.
        let pdf = doc(&[
            "一、综合",
            "全年实现地区生产总值1000亿元，比上年",
            "增长6.0%。常住人口城镇化率",
            "达到70.5%，比上年末提高",
            "0.5个百分点。",
        ]);
        let p = paragraphs(&pdf, true);
        assert_eq!(
            p,
            [
                "一、综合",
                "全年实现地区生产总值1000亿元，比上年增长6.0%。常住人口城镇化率达到70.5%，比上年末提高0.5个百分点。"
            ]
        );
    }
}
