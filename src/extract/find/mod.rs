//! One indicator's figure in a bulletin's sentences: the sentence is found by
//! the indicator's name, its `aliases` or the standard equivalences of
//! statistical wording ([`EQUIVALENT`]); the figure is taken by what the plan
//! says the indicator is (its `measure`):
//!
//! - a level (`为65.22%`, `9.4件`, `达到77.4%`) right after the name, in the
//!   indicator's unit;
//! - a yearly rate (`比上年增长8.1%`, `提高4.2%`; `下降2.7%` is −2.7) after
//!   the name, in percent; where the sentence gives the nominal and the real
//!   rate (`增长9.1%，扣除价格因素，实际增长8.1%`), the real one, as plans
//!   state rates at comparable prices;
//! - a yearly change of a 降低/下降 indicator (`比上年下降2.7%` → 2.7,
//!   `增长0.3%` → −0.3, `与上年持平` → 0).
//!
//! A name inside a longer subject is not the indicator: `人均国内生产总值` is
//! not `国内生产总值`, `居民人均可支配收入中位数` not `居民人均可支配收入`,
//! `两年平均增长` not the year's growth, `与国内生产总值之比` not its level.
//! Where several sentences give different figures, the one of the whole
//! year (`全年`, `平均`) is taken over a month's or the year-end's; if that
//! does not settle it, nothing is taken.

use super::sentences::Sentence;
use crate::plan::{BulletinFigure, Indicator, Measure};

/// Equivalent wordings, as statistical bulletins write what plans name
/// otherwise (the NBS bulletin's own terms): the plan's words, then the
/// bulletin's.
pub const EQUIVALENT: &[(&str, &str)] = &[
    ("单位GDP", "万元国内生产总值"),
    ("单位GDP", "万元GDP"),
    ("单位国内生产总值", "万元国内生产总值"),
    ("GDP", "国内生产总值"),
    // A province's, city's or county's bulletin: 地区生产总值, or 生产总值.
    ("国内生产总值", "地区生产总值"),
    ("地区生产总值", "生产总值"),
    ("常住人口城镇化率", "城镇化率"),
    // A plan that says 城镇化率 of a bulletin that says 常住人口城镇化率.
    ("城镇化率", "常住人口城镇化率"),
    ("能源消耗", "能耗"),
    ("研发经费投入", "研究与试验发展（R&D）经费支出"),
    ("研发经费", "研究与试验发展（R&D）经费"),
    ("降低", "下降"),
    ("毛入园率", "学前三年毛入园率"),
    // 教育事业发展统计公报: 高中阶段毛入学率.
    ("高中阶段教育毛入学率", "高中阶段毛入学率"),
    // The 11th/12th outlines' words in the NBS bulletins of those years
    // (第三产业增加值比重为50.5%, 城镇新增就业1312万人, 年末全国大陆总人口137462万人).
    ("服务业", "第三产业"),
    ("城镇新增就业人数", "城镇新增就业"),
    ("全国总人口", "全国大陆总人口"),
    // 卫生健康事业发展统计公报: 每千人口执业（助理）医师3.15人 for the
    // national 14th plan's 每千人口拥有执业（助理）医师数.
    ("每千人口拥有", "每千人口"),
    ("每万人口拥有", "每万人口"),
    // The national 15th plan's 地级及以上城市细颗粒物（PM2.5）浓度, as the NBS
    // bulletin words it (在监测的339个地级及以上城市中，细颗粒物（PM2.5）年平均
    // 浓度28.0微克/立方米).
    ("地级及以上城市细颗粒物浓度", "细颗粒物年平均浓度"),
];

/// Words a bulletin puts before a subject that do not change it.
const LEAD: &[&str] = &[
    "如今",
    "目前",
    "当前",
    "全社会",
    "全年",
    "全国",
    "全省",
    "全市",
    "全区",
    "全县",
    // A local bulletin's own place: 我县实现地区生产总值….
    "我国",
    "我省",
    "我市",
    "我区",
    "我县",
    "年末",
    "年底",
    "其中",
    "初步核算",
    // 全年实现地区生产总值…, 全年完成…
    "实现",
    "完成",
];

/// A figure found, with where.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub value: f64,
    /// A unit converted on the way (`原文 68653万吨，按亿吨换算`).
    pub converted: Option<String>,
    pub paragraph: usize,
    pub sentence: String,
    /// The sentence speaks of the whole year (全年, 平均值).
    whole_year: bool,
    /// The sentence speaks of the year's end (年末, 12月).
    year_end: bool,
}

/// What the sentences say of one indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Found(Candidate),
    Unsettled(Vec<Candidate>),
    Missing,
}

/// The indicator's figure in `sentences`.
/// `refused`: words of another level of government (全市 in a district's
/// plan); `own`: the names of the plan's own place, which may stand before
/// a subject (重庆学前教育毛入园率 in 重庆市's).
/// `year`: the bulletin's; a figure the sentence gives for another
/// (`2022年为100%，2023年为95.2%`, `2022年，全区…为100%`) is not taken.
pub fn figure(
    indicator: &Indicator,
    sentences: &[Sentence],
    refused: &[&str],
    own: &[&str],
    year: Option<i32>,
) -> Outcome {
    let terms = terms(indicator);
    let per = per_population(indicator);
    let mut candidates: Vec<Candidate> = Vec::new();
    for s in sentences {
        // 执业医师数 under 每千人口拥有医护人员数 is a rate: a sentence with no
        // 每千人口 gives a headcount (执业医师数1390人), not its figure.
        if per.is_some_and(|p| !s.plain.contains(p)) {
            continue;
        }
        // The sentence as printed, and without its ASCII glosses, as the
        // terms are (细颗粒物（PM2.5）年平均浓度 for the term 细颗粒物年平均浓度).
        let unglossed = strip_gloss(&s.plain);
        let texts = [s.plain.as_str(), unglossed.as_str()];
        let found = terms.iter().find_map(|term| {
            texts
                .iter()
                .find_map(|text| in_sentence(text, term, indicator, refused, own, year))
        });
        if let Some((value, converted)) = found {
            candidates.push(Candidate {
                value,
                converted,
                paragraph: s.paragraph,
                sentence: s.text.clone(),
                whole_year: s.plain.contains("全年") || s.plain.contains("平均值"),
                year_end: ["年末", "年底", "12月"].iter().any(|w| s.plain.contains(w)),
            });
        }
    }
    settle(candidates, indicator.bulletin_figure)
}

/// One candidate, or the whole year's (the year-end's, where the plan says)
/// where they differ, or none.
fn settle(mut candidates: Vec<Candidate>, which: BulletinFigure) -> Outcome {
    let agree = |cs: &[Candidate]| {
        cs.windows(2)
            .all(|w| (w[0].value - w[1].value).abs() < 1e-9)
    };
    if candidates.is_empty() {
        return Outcome::Missing;
    }
    if agree(&candidates) {
        return Outcome::Found(candidates.swap_remove(0));
    }
    let whole: Vec<Candidate> = candidates
        .iter()
        .filter(|c| match which {
            BulletinFigure::YearEnd => c.year_end,
            _ => c.whole_year,
        })
        .cloned()
        .collect();
    if !whole.is_empty() && agree(&whole) {
        return Outcome::Found(whole[0].clone());
    }
    Outcome::Unsettled(candidates)
}

/// The population a heading puts its rows' figures per (`每千人口拥有医护
/// 人员数` over 执业医师数: 每千人口), where the name itself does not say it.
fn per_population(indicator: &Indicator) -> Option<&'static str> {
    let group = indicator.group.as_deref()?;
    PER_POPULATION
        .iter()
        .copied()
        .find(|p| group.contains(p) && !indicator.name.contains(p))
}

/// The populations figures are given per, longest first.
const PER_POPULATION: &[&str] = &[
    "每千人口",
    "每万人口",
    "每十万人口",
    "每百人",
    "每千人",
    "每万人",
];

/// The names to look for: the name without a bracketed gloss (`（GDP）`),
/// without a trailing 增长/降低 where the figure is a rate or a change, its
/// aliases, and each with the equivalences applied.
pub fn terms(indicator: &Indicator) -> Vec<String> {
    let mut base = vec![strip_gloss(&indicator.name)];
    if indicator.measure != Measure::Level {
        for w in ["增长", "增速", "降低", "下降", "提高", "减少"] {
            if let Some(stem) = base[0].strip_suffix(w) {
                base[0] = stem.to_owned();
                break;
            }
        }
    }
    // Prose joins the name to the category it stands under in the table
    // (学前教育毛入园率 for 毛入园率 under 学前教育).
    let category = crate::number::trim_all(&indicator.category);
    if !category.is_empty() && !base[0].starts_with(category) {
        base.push(format!("{category}{}", base[0]));
    }
    // 每千人口执业医师 for 执业医师数 under 每千人口拥有医护人员数.
    if let Some(per) = per_population(indicator) {
        let name = base[0].strip_suffix('数').unwrap_or(&base[0]);
        base.push(format!("{per}{name}"));
    }
    base.extend(indicator.aliases.iter().map(|a| strip_gloss(a)));
    // A count named with 数 is written without it before its figure
    // (在园幼儿3.9万人, 执业（助理）医师3.15人); not an index or a ratio.
    let counted: Vec<String> = base
        .iter()
        .filter(|b| {
            !["指数", "系数", "倍数", "分数", "人数", "次数", "户数"]
                .iter()
                .any(|w| b.ends_with(w))
        })
        .filter_map(|b| b.strip_suffix('数'))
        .filter(|stem| stem.chars().count() >= 2)
        .map(str::to_owned)
        .collect();
    base.extend(counted);
    let mut out: Vec<String> = Vec::new();
    for b in base {
        // The name as the plan words it, and with each equivalence that
        // applies taken or not, in order (单位GDP能源消耗 is also
        // 万元GDP能耗, 万元国内生产总值能耗, 万元地区生产总值能耗).
        let mut variants = vec![b.clone()];
        for (plan, bulletin) in EQUIVALENT {
            let more: Vec<String> = variants
                .iter()
                .filter(|v| v.contains(plan))
                .map(|v| v.replace(plan, bulletin))
                .collect();
            for m in more {
                if !variants.contains(&m) {
                    variants.push(m);
                }
            }
        }
        // The bulletin's wording first, as before: most equivalences applied.
        variants.reverse();
        for t in variants {
            let t = LEAD
                .iter()
                .fold(t.as_str(), |t, lead| t.strip_prefix(lead).unwrap_or(t))
                .to_owned();
            if t.chars().count() >= 2 && !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// `国内生产总值（GDP）` → `国内生产总值`; a bracket inside the name that is
/// the subject's own (`研究与试验发展（R&D）经费`) is kept when the plan's
/// name holds more after it.
fn strip_gloss(name: &str) -> String {
    let mut out = String::new();
    let mut rest = name;
    while let Some(open) = rest.find(['（', '(']) {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(close) = after.find(['）', ')']) else {
            out.push_str(after);
            return out;
        };
        let close_len = after[close..].chars().next().map_or(1, char::len_utf8);
        let inner = &after[after.chars().next().map_or(1, char::len_utf8)..close];
        // An ASCII gloss (GDP, PM2.5, R&D) or a unit: dropped.
        let gloss = inner.is_ascii() || crate::stats::resolve::unit_suffix(after).is_some();
        if !gloss {
            out.push_str(&after[..close + close_len]);
        }
        rest = &after[close + close_len..];
    }
    out.push_str(rest);
    out
}

/// Whether the text before a match ends the way a subject starts: the
/// sentence's start, punctuation, or words that do not change the subject.
fn starts_subject(before: &str, own: &[&str]) -> bool {
    let mut b = before.trim_end();
    loop {
        if let Some(lead) = LEAD.iter().chain(own).find(|lead| b.ends_with(*lead)) {
            b = b[..b.len() - lead.len()].trim_end();
        } else if let Some(year) = b.strip_suffix('年')
            && let Some(found) = crate::year::years_in(year)
                .last()
                .filter(|f| f.at.end == year.len())
        {
            // 2023年全县实现地区生产总值… (近五年, 上半年 are no year).
            b = year[..found.at.start].trim_end();
        } else {
            break;
        }
    }
    b.is_empty()
        || b.ends_with(|c: char| {
            "，。；：、（(“\"（ ,;:".contains(c) || c.is_ascii_digit() || c == '个'
        })
}

/// The indicator's figure in one sentence, after one of its names.
fn in_sentence(
    plain: &str,
    term: &str,
    indicator: &Indicator,
    refused: &[&str],
    own: &[&str],
    year: Option<i32>,
) -> Option<(f64, Option<String>)> {
    let mut from = 0;
    while let Some(at) = plain[from..].find(term).map(|i| i + from) {
        from = at + term.len();
        if !starts_subject(&plain[..at], own) {
            continue;
        }
        // The sentence speaks of another year (`2022年，全区…`, `截至2022年底，`):
        // its figure is that year's, not the bulletin's.
        if let (Some(year), Some(said)) = (year, year_before(&plain[..at]))
            && said != year
        {
            continue;
        }
        // Another level of government's figure (全市… in a district's plan),
        // as the sentence before the name says: 全市 opens a list whose
        // later items are the city's too (“全市普惠性幼儿园覆盖率达95.2%,
        // 公办幼儿园在园幼儿占比达57.03%”, a press text on 重庆市) — unless
        // the plan's own place is named after it (“全市…，江津区公办…”).
        let scope = own
            .iter()
            .filter_map(|n| plain[..at].rfind(n).map(|i| i + n.len()))
            .max()
            .unwrap_or(0);
        if refused.iter().any(|w| plain[scope..at].contains(w)) {
            continue;
        }
        let after = skip_gloss(&plain[at + term.len()..]);
        // The name must be the subject: a figure or its change follows it,
        // not more words (居民人均可支配收入中位数).
        if !figure_follows(after) {
            continue;
        }
        let value = match indicator.measure {
            Measure::Level => level(after, &indicator.unit, year),
            Measure::YearlyRate => {
                rate(after, indicator.bulletin_figure == BulletinFigure::Nominal).map(|v| (v, None))
            }
            // A flow counted in its own unit (城镇新增就业1312万人) is the
            // year's figure as it stands; a percent reduction is read from
            // the change words (下降2.7%).
            // A change in points (3岁以下婴幼儿入托率提高, 百分点): `比上年提高
            // 1.6个百分点` (it could never be read).
            Measure::YearlyChange if indicator.unit.contains("百分点") => {
                points(after, falls(&indicator.name)).map(|v| (v, None))
            }
            Measure::YearlyChange if !indicator.unit.contains('%') => {
                level(after, &indicator.unit, year).or_else(|| change(after).map(|v| (v, None)))
            }
            Measure::YearlyChange => change(after).map(|v| (v, None)),
        };
        if value.is_some() {
            return value;
        }
    }
    None
}

/// The year the words before a subject put the sentence in (`2022年，`,
/// `截至2022年底，`, `2022年全区`), where one is: not a year compared with
/// (`比2022年`, `与2022年相比`).
fn year_before(before: &str) -> Option<i32> {
    let found = crate::year::years_in(before)
        .filter(|f| before[f.at.end..].starts_with('年'))
        .last()?;
    let lead = before[..found.at.start].trim_end();
    (!lead.ends_with(['比', '较', '与', '同', '于', '自', '从'])).then_some(found.year)
}

/// What follows a name past an ASCII gloss the bulletin prints after it
/// (`生产总值(GDP)951435万元`).
fn skip_gloss(after: &str) -> &str {
    let Some(open) = after.chars().next().filter(|c| matches!(c, '(' | '（')) else {
        return after;
    };
    let inner = &after[open.len_utf8()..];
    match inner.find([')', '）']) {
        Some(close) if close > 0 && inner[..close].is_ascii() => {
            let rest = &inner[close..];
            &rest[rest.chars().next().map_or(0, char::len_utf8)..]
        }
        _ => after,
    }
}

/// Whether what follows a name is its figure (`7.5件`, `为64.72%`,
/// `平均值为5.1%`, `）为…`, `35128元`, `比上年下降2.7%`, `与上年持平`)
/// rather than more of a longer subject.
fn figure_follows(after: &str) -> bool {
    let mut t = after.trim_start();
    for filler in ["）", ")", "平均值", "平均", "为", "达到", "达", "是"] {
        t = t.strip_prefix(filler).unwrap_or(t);
    }
    t.trim_start_matches(['-', '−', '－'])
        .starts_with(|c: char| c.is_ascii_digit())
        || [
            "比上年",
            "比上",
            "增长",
            "提高",
            "下降",
            "降低",
            "上升",
            "与上年",
            "持平",
            "为",
            // 国内生产总值超过126万亿元，增长5.2% (政府工作报告): the
            // subject, its level a bound (never taken as the level, which
            // [`level`] reads only as a figure), its rate after it.
            "超过",
            "突破",
        ]
        .iter()
        .any(|w| t.starts_with(w))
}

/// A number at the start of `text` and what follows it.
/// A minus sign before it (`人口自然增长率为-2.11‰`) makes it negative.
fn number(text: &str) -> Option<(f64, &str)> {
    let (sign, text) = match ['-', '−', '－']
        .iter()
        .find_map(|minus| text.strip_prefix(*minus))
    {
        Some(rest) => (-1.0, rest),
        None => (1.0, text),
    };
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(text.len(), |(i, _)| i);
    let value: f64 = text[..end].parse().ok()?;
    value.is_finite().then_some((sign * value, &text[end..]))
}

/// A level right after the name: `为65.22%`, `平均值为5.1%`, `）为64.72%`,
/// `7.5件`, `达到77.4%`, in the indicator's unit.
fn level(after: &str, unit: &str, year: Option<i32>) -> Option<(f64, Option<String>)> {
    let mut t = after;
    for filler in ["）", ")", "平均值", "平均", "为", "达到", "达", "是", " "] {
        t = t.strip_prefix(filler).unwrap_or(t);
    }
    for filler in ["为", "达到", "达"] {
        t = t.strip_prefix(filler).unwrap_or(t);
    }
    let (value, rest) = number(t)?;
    // 平均受教育年限2023年达到11.2年: a year before the figure, not the
    // figure (2023 年 was written as the level: a reviewer's).
    if value.fract() == 0.0
        && (1900.0..=2100.0).contains(&value)
        && let Some(more) = rest.strip_prefix('年')
        && (more.starts_with(['达', '为', '是', '末', '底'])
            || more.starts_with(|c: char| c.is_ascii_digit()))
    {
        // Another year's figure (`2022年为100%，2023年为95.2%`): the
        // bulletin's year's, where the sentence goes on to give it.
        return match year {
            Some(y) if f64::from(y) != value => {
                // Only where the next clause opens with it: past that, the
                // year may be another subject's (…2022年为100%，高中阶段教育
                // 毛入学率2023年为98.6% gave 巩固率 98.6: a reviewer's).
                let own = format!("{y}年");
                let at = more.find(['，', '、', '；', ','])?;
                let next = more[at..].trim_start_matches(['，', '、', '；', ',', ' ']);
                next.starts_with(&own)
                    .then(|| level(next, unit, Some(y)))
                    .flatten()
            }
            _ => level(more.trim_start_matches(['末', '底']), unit, year),
        };
    }
    let unit = unit.trim().replace('％', "%");
    let rest = rest.replace('％', "%");
    if unit.is_empty() {
        return None;
    }
    if let Some(after) = rest.strip_prefix(unit.as_str()) {
        // `达到1.45万亿斤左右`: a target's words, no figure of the year.
        return (!after.starts_with("左右")).then_some((value, None));
    }
    // Another unit of the same quantity (68653万吨 for a plan in 亿吨):
    // converted exactly, as the statistics reader converts a submitted one.
    let given: String = rest
        .chars()
        .take_while(|c| !"，。；、,（(比与增下 ".contains(*c) && !c.is_ascii_digit())
        .collect();
    match crate::stats::units::conversion(&given, &unit) {
        // The one conversion, every digit kept (1817999999.6亩 is
        // 18.179999996 亿亩, which fails ≥ 18.18; rounded it passed).
        conversion @ crate::stats::units::Conversion::Scale { .. } => Some((
            conversion.apply(value),
            Some(format!(
                "原文 {}{given}，按{unit}换算",
                crate::number::written(value)
            )),
        )),
        _ => None,
    }
}

/// The sentence's clauses after the name, up to where another subject
/// begins (a clause that names one: `与国内生产总值之比`).
fn clauses(after: &str) -> Vec<&str> {
    after.split(['，', ',']).collect()
}

/// A yearly rate after the name, in percent: the real one where the
/// sentence gives both (`实际增长8.1%`), else the first `比上年增长`/`增长`/
/// `提高` (negative for `下降`), never a two-year average.
fn rate(after: &str, nominal: bool) -> Option<f64> {
    let parts = clauses(after);
    // The first clause holds the level, the next ones the rate; a clause
    // with another subject ends the indicator's part of the sentence.
    let own: Vec<&str> = parts
        .iter()
        .enumerate()
        .take_while(|(i, c)| *i == 0 || !c.contains("之比"))
        .map(|(_, c)| *c)
        .collect();
    for c in own.iter().filter(|_| !nominal) {
        if let Some(i) = c.find("实际增长") {
            return percent(&c[i + "实际增长".len()..]);
        }
    }
    for c in &own {
        if c.contains("平均增长") || c.contains("两年") {
            continue;
        }
        for (word, sign) in [("增长", 1.0), ("提高", 1.0), ("下降", -1.0)] {
            if let Some(i) = c.find(word) {
                return percent(&c[i + word.len()..]).map(|v| sign * v);
            }
        }
        if c.contains("持平") {
            return Some(0.0);
        }
    }
    None
}

/// `8.1%` at the start of `text`.
/// Never one `左右` follows (`增长5%左右`: a target, not the year's figure).
fn percent(text: &str) -> Option<f64> {
    let (value, rest) = number(text.trim_start())?;
    let after = rest.strip_prefix('%').or_else(|| rest.strip_prefix('％'))?;
    (!after.starts_with("左右")).then_some(value)
}

mod changes;

use changes::{change, falls, points};

#[cfg(test)]
mod tests;
