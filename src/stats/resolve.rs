//! Matching what people type in the 指标 and 分类 columns to the plan's indicators.
//!
//! A cell matches an indicator's id, or its name after normalising: surrounding and
//! inner spaces, full-width brackets and colons, a leading `其中：`, and a unit
//! suffix copied from the plan table (`毛入园率（%）`) are ignored.

use crate::plan::{IndicatorIdx, Plan};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    One(IndicatorIdx),
    /// The name fits several indicators and no category tells them apart.
    Ambiguous(Vec<IndicatorIdx>),
    /// The name fits, but not in the category given.
    WrongCategory(Vec<IndicatorIdx>),
    /// No indicator of the plan; the closest names, best first.
    Unknown(Vec<IndicatorIdx>),
}

pub struct Resolver {
    by_key: HashMap<String, Vec<IndicatorIdx>>,
    categories: Vec<String>,
    names: Vec<String>,
    /// Each name with its bracket at the end kept.
    whole_names: Vec<String>,
}

impl Resolver {
    pub fn new(plan: &Plan) -> Self {
        let mut by_key: HashMap<String, Vec<IndicatorIdx>> = HashMap::new();
        for (i, ind) in plan.indicators.iter().enumerate() {
            let i = i as IndicatorIdx;
            // A row under a heading is also found as the table shows it
            // (`每千人口拥有医护人员数：执业医师数`).
            let heading = ind.group.as_ref().map(|_| normalize(&ind.display_name()));
            let keys = [normalize(&ind.name), ind.id.to_ascii_lowercase()];
            for key in keys.into_iter().chain(heading) {
                let entry = by_key.entry(key).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        Resolver {
            by_key,
            categories: plan
                .indicators
                .iter()
                .map(|i| normalize(&i.category))
                .collect(),
            names: plan.indicators.iter().map(|i| normalize(&i.name)).collect(),
            whole_names: plan
                .indicators
                .iter()
                .map(|i| normalized(&i.name, false))
                .collect(),
        }
    }

    pub fn resolve(&self, name: &str, category: Option<&str>) -> Resolution {
        let key = normalize(name);
        // A bracket that says the figure is another than the year's own
        // (巩固率（2022年）, （目标）, （预计数）, （不含随迁子女））, unless the
        // plan's name says it too (外贸进出口总额（五年累计）): no indicator's
        // (it was read as the year's figure, exit 0: a reviewer's slips).
        if let Some((_, inner)) = last_bracket(name.trim())
            && says_another_figure(inner)
        {
            let whole = normalized(name, false);
            let candidates = self.by_key.get(&key).map_or(&[][..], Vec::as_slice);
            if !candidates
                .iter()
                .any(|&i| self.whole_names[i as usize] == whole)
            {
                return Resolution::Unknown(candidates.to_vec());
            }
        }
        let Some(candidates) = self.by_key.get(&key) else {
            // 义务教育在校学生数: a category and a name run together, as a
            // table with indicators as columns (no 分类 column) heads two
            // indicators the plan names alike under two categories.
            if category.is_none_or(|c| normalize(c).is_empty())
                && let Some(found) = self.with_category_before(&key)
            {
                return Resolution::One(found);
            }
            return Resolution::Unknown(self.suggest(&key));
        };
        let category = category.map(normalize).filter(|c| !c.is_empty());
        match category {
            Some(category) => {
                let in_category: Vec<IndicatorIdx> = candidates
                    .iter()
                    .copied()
                    .filter(|&i| self.categories[i as usize] == category)
                    .collect();
                match in_category.as_slice() {
                    [one] => Resolution::One(*one),
                    [] => Resolution::WrongCategory(candidates.clone()),
                    _ => self
                        .by_whole_name(name, &in_category)
                        .map_or(Resolution::Ambiguous(in_category), Resolution::One),
                }
            }
            None => match candidates.as_slice() {
                [one] => Resolution::One(*one),
                _ => self.by_whole_name(name, candidates).map_or_else(
                    || Resolution::Ambiguous(candidates.clone()),
                    Resolution::One,
                ),
            },
        }
    }

    /// Among names alike but for a last bracket (`人均住房建筑面积（城镇）`,
    /// `（农村）`), the one `name` gives whole.
    fn by_whole_name(&self, name: &str, among: &[IndicatorIdx]) -> Option<IndicatorIdx> {
        let whole = normalized(name, false);
        let mut found = among
            .iter()
            .copied()
            .filter(|&i| self.whole_names[i as usize] == whole);
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// The one indicator whose category and name, run together, are `key`.
    fn with_category_before(&self, key: &str) -> Option<IndicatorIdx> {
        let mut found = self
            .categories
            .iter()
            .enumerate()
            .filter_map(|(i, category)| {
                let rest = key
                    .strip_prefix(category.as_str())
                    .filter(|_| !category.is_empty())?;
                (normalize(rest) == self.names[i]).then_some(i as IndicatorIdx)
            });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// Up to three names close to `key`: containing it, contained in it, or within
    /// a small edit distance.
    fn suggest(&self, key: &str) -> Vec<IndicatorIdx> {
        if key.is_empty() {
            return Vec::new();
        }
        let key_len = key.chars().count();
        let mut scored: Vec<(usize, IndicatorIdx)> = self
            .names
            .iter()
            .enumerate()
            .filter_map(|(i, name)| {
                let distance = if name.contains(key) || key.contains(name.as_str()) {
                    name.chars().count().abs_diff(key_len).min(1)
                } else {
                    edit_distance(key, name)
                };
                let limit = (key_len.max(name.chars().count()) / 3).max(1);
                (distance <= limit).then_some((distance, i as IndicatorIdx))
            })
            .collect();
        scored.sort();
        scored.into_iter().take(3).map(|(_, i)| i).collect()
    }
}

/// The form names are compared in.
/// Two indicators of one category whose names the statistics reader cannot
/// tell apart (`研发经费投入增长` and `研发经费投入增长（%）`, `其中：…`): every
/// row of either would be ambiguous (S006). The first such pair, by index.
pub fn indistinct_names(plan: &Plan) -> Option<(IndicatorIdx, IndicatorIdx)> {
    // Names that differ by a last bracket that is no unit (（城镇）, （农村）)
    // are told apart when written whole; a unit's or none is no difference.
    let own_bracket =
        |name: &str| last_bracket(name.trim()).is_some_and(|(_, inner)| !reads_as_a_unit(inner));
    let mut seen: HashMap<(String, String), Vec<IndicatorIdx>> = HashMap::new();
    for (i, ind) in plan.indicators.iter().enumerate() {
        let key = (normalize(&ind.category), normalize(&ind.name));
        let others = seen.entry(key).or_default();
        for &first in others.iter() {
            let a = &plan.indicators[first as usize].name;
            let told_apart = own_bracket(a)
                && own_bracket(&ind.name)
                && normalized(a, false) != normalized(&ind.name, false);
            if !told_apart {
                return Some((first, i as IndicatorIdx));
            }
        }
        others.push(i as IndicatorIdx);
    }
    None
}

pub fn normalize(raw: &str) -> String {
    normalized(raw, true)
}

/// [`normalize`]; `drop_bracket`: a bracket at the end goes (a unit).
fn normalized(raw: &str, drop_bracket: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            c if c.is_whitespace() || c == '\u{feff}' => {}
            '（' => out.push('('),
            '）' => out.push(')'),
            '：' => out.push(':'),
            c => out.extend(c.to_lowercase()),
        }
    }
    let mut s = out.as_str();
    if let Some(rest) = s.strip_prefix("其中:") {
        s = rest;
    } else if let Some(rest) = s.strip_prefix("其中") {
        s = rest;
    }
    // A note's mark after the name, as a table prints it (森林覆盖率*,
    // 人均预期寿命①): no part of the name.
    let marks = |c: char| matches!(c, '*' | '＊' | '※' | '¹' | '²' | '³' | '①'..='⑳');
    s = s.trim_end_matches(marks);
    // A unit suffix copied from the plan table: 毛入园率(%), 在园幼儿数(万人).
    if drop_bracket
        && s.ends_with(')')
        && let Some(open) = s.rfind('(')
        && open > 0
    {
        s = s[..open].trim_end_matches(marks);
    }
    s.to_owned()
}

/// Whether a bracket after a name says its figure is not the year's own:
/// a year, a target, a forecast, last year's, a change, or a scope.
fn says_another_figure(bracket: &str) -> bool {
    const WORDS: [&str; 12] = [
        "目标", "预计", "预测", "规划", "计划", "上年", "去年", "同期", "增长", "增速", "累计",
        "含",
    ];
    crate::year::years_in(bracket).next().is_some() || WORDS.iter().any(|w| bracket.contains(w))
}

/// The text in brackets at the end of a name (`在园幼儿数（人）` → `人`), if any.
/// Whether the words in a name's last bracket read as a unit (`%`, `万人`,
/// `km`, `个`), not as the name's own words (`城镇`, `含技工`).
fn reads_as_a_unit(inner: &str) -> bool {
    const ENDS: &[&str] = &[
        "人", "元", "个", "所", "张", "件", "岁", "年", "吨", "亩", "米", "里", "次", "床", "户",
        "辆", "座", "项", "万", "亿", "克", "位", "间", "天", "分", "斤", "瓦", "时", "度",
    ];
    let inner = inner.trim();
    inner.contains(['%', '％', '‰'])
        || inner.is_ascii()
        || (inner.chars().count() <= 6 && ENDS.iter().any(|w| inner.ends_with(w)))
}

pub fn unit_suffix(name: &str) -> Option<&str> {
    last_bracket(name).map(|(_, inner)| inner)
}

/// The brackets that end `name`, matched across nesting (`道路（条（段））`
/// → `条（段）`): where they open (a byte index into the trimmed name, never
/// 0) and what they hold.
pub fn last_bracket(name: &str) -> Option<(usize, &str)> {
    let name = crate::number::trim_all(name);
    let inner = name.strip_suffix('）').or_else(|| name.strip_suffix(')'))?;
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in inner.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' if depth == 0 => {
                open = Some(i);
                break;
            }
            '（' | '(' => depth -= 1,
            _ => {}
        }
    }
    let open = open.filter(|&i| i > 0)?;
    let bracket = inner[open..].chars().next().map_or(1, char::len_utf8);
    Some((open, crate::number::trim_all(&inner[open + bracket..])))
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names alike but for a last bracket that is no unit (a reviewer's
    /// import of 人均住房建筑面积（城镇）/（农村）, refused at the plan, every
    /// row ambiguous): told apart when written whole; a unit is no
    /// difference.
    #[test]
    fn names_told_apart_by_their_own_bracket() {
        let plan = |a: &str, b: &str| {
            crate::plan::parse_plan(
                &format!(
                    "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = 2020\ntarget_year = 2025\n\n[[indicator]]\nid = \"a\"\ncategory = \"c\"\nname = \"{a}\"\nunit = \"平方米\"\nbaseline = 40\ntarget = \"≥42\"\nattribute = \"预期性\"\n\n[[indicator]]\nid = \"b\"\ncategory = \"c\"\nname = \"{b}\"\nunit = \"平方米\"\nbaseline = 50\ntarget = \"≥52\"\nattribute = \"预期性\"\n"
                ),
                "p.toml",
            )
            .expect("loads")
        };
        let housing = plan("人均住房建筑面积（城镇）", "人均住房建筑面积（农村）");
        assert_eq!(indistinct_names(&housing), None);
        let r = Resolver::new(&housing);
        assert_eq!(
            r.resolve("人均住房建筑面积（农村）", None),
            Resolution::One(1)
        );
        assert!(matches!(
            r.resolve("人均住房建筑面积", None),
            Resolution::Ambiguous(_)
        ));
        let units = plan("人均住房建筑面积", "人均住房建筑面积（平方米）");
        assert_eq!(indistinct_names(&units), Some((0, 1)));
    }

    #[test]
    fn normalises_what_people_type() {
        assert_eq!(normalize(" 毛入园率（%） "), "毛入园率");
        assert_eq!(normalize("其中：普通小学"), "普通小学");
        assert_eq!(normalize("其中:普通小学"), "普通小学");
        // A note's mark, as 上海市生态空间“十五五”规划 prints 森林覆盖率*.
        assert_eq!(normalize("森林覆盖率*"), "森林覆盖率");
        assert_eq!(normalize("森林覆盖率*（%）"), "森林覆盖率");

        assert_eq!(normalize("人均预期寿命①"), "人均预期寿命");
        assert_eq!(normalize("在园幼儿数(万人)"), "在园幼儿数");
        assert_eq!(normalize("在 校 学生数"), "在校学生数");
        assert_eq!(normalize("Preschool_Enrolment"), "preschool_enrolment");
    }

    /// 义务教育在校学生数 heading a column of a table with no 分类: the
    /// category and the name run together (a reviewer's district workbook
    /// had both 在校学生数 unread, S007).
    #[test]
    fn a_category_run_into_the_name_finds_the_one_indicator() {
        let plan = crate::plan::load_plan(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/plan/jiangjin-education-14th-fyp.toml"
        )))
        .unwrap();
        let resolver = Resolver::new(&plan);
        let id = |r: Resolution| match r {
            Resolution::One(i) => Some(plan.indicators[i as usize].id.clone()),
            _ => None,
        };
        assert_eq!(
            id(resolver.resolve("义务教育在校学生数", None)).as_deref(),
            Some("compulsory_students")
        );
        assert_eq!(
            id(resolver.resolve("高中阶段教育在校学生数（万人）", None)).as_deref(),
            Some("upper_secondary_students")
        );
        assert!(id(resolver.resolve("学前教育在校学生数", None)).is_none());
    }

    /// A bracket that says the figure is not the year's own keeps the name
    /// from the indicator (it was read as the year's figure, exit 0); a unit
    /// does not, and a plan whose name says it too matches it.
    #[test]
    fn a_bracket_that_says_another_figure_is_no_indicators() {
        let plan = crate::plan::parse_plan(
            r#"
[plan]
id = "p"
title = "t"
baseline_year = 2025
target_year = 2030

[[indicator]]
id = "retention"
category = "义务教育"
name = "九年义务教育巩固率"
unit = "%"
baseline = 96
target = "＞96"
attribute = "约束性"

[[indicator]]
id = "trade"
category = "开放"
name = "外贸进出口总额（五年累计）"
unit = "亿元"
baseline = "—"
target = "超3000"
measure = "yearly_change"
attribute = "预期性"
"#,
            "p.toml",
        )
        .unwrap();
        let resolver = Resolver::new(&plan);
        let one = |name: &str| matches!(resolver.resolve(name, None), Resolution::One(_));
        for other in [
            "九年义务教育巩固率（2022年）",
            "九年义务教育巩固率（目标）",
            "九年义务教育巩固率（预计数）",
            "九年义务教育巩固率（不含随迁子女）",
        ] {
            assert!(!one(other), "{other}");
        }
        assert!(one("九年义务教育巩固率（%）"));
        assert!(one("外贸进出口总额（五年累计）"));
        assert!(one("外贸进出口总额"));
    }

    #[test]
    fn finds_the_bracketed_suffix() {
        assert_eq!(unit_suffix("在园幼儿数（人）"), Some("人"));
        assert_eq!(unit_suffix(" 毛入园率(%) "), Some("%"));
        assert_eq!(unit_suffix("九年义务教育巩固率（ 元 ）"), Some("元"));
        assert_eq!(unit_suffix("在园幼儿数"), None);
        assert_eq!(unit_suffix("（人）"), None);
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("毛入园率", "毛入园率"), 0);
        assert_eq!(edit_distance("毛入圆率", "毛入园率"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
    }
}
