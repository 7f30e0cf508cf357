//! What a row's words say: ids from the names' pinyin initials, the year a
//! `*` note names, whether a name reads as a growth rate, a change on the
//! year before or an amount added up year by year.

use crate::import::table::Row;
use pinyin::ToPinyin;

/// ASCII letters of a name: the first letter of each character's pinyin,
/// ASCII letters and digits kept (`在园幼儿数` → `zyyes`, `PM2.5浓度` → `pm25nd`).
pub fn initials(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(p) = c.to_pinyin() {
            out.push_str(p.first_letter());
        }
    }
    out
}

/// Unique ids for the rows: the name's initials, with the category's in front
/// where two rows share a name, and a number where they still clash.
pub(super) fn ids(rows: &[Row]) -> Vec<String> {
    let base: Vec<String> = rows
        .iter()
        .map(|r| {
            let id = initials(&r.name);
            if id.is_empty() {
                "indicator".to_owned()
            } else {
                id
            }
        })
        .collect();
    // Counted once, looked up once: linear in the rows (a 20,000-row table
    // must not take minutes).
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for b in &base {
        *count.entry(b.as_str()).or_default() += 1;
    }
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<String> = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let clash = count.get(base[i].as_str()).copied().unwrap_or(0) > 1;
        let mut id = if clash {
            format!("{}_{}", initials(&row.category), base[i])
        } else {
            base[i].clone()
        };
        let stem = id.clone();
        let n = next.entry(stem.clone()).or_insert(2);
        while used.contains(&id) {
            id = format!("{stem}_{n}");
            *n += 1;
        }
        used.insert(id.clone());
        out.push(id);
    }
    out
}

pub(super) fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The year a `*` note names: `带*的为2024年数据` → 2024; or a note on
/// figures in brackets: `括号内数据为2019年平均值` → 2019.
pub(super) fn starred_year(notes: &[String]) -> Option<i32> {
    notes.iter().find_map(|n| {
        let at = n
            .find('*')
            .or_else(|| n.find('＊'))
            // 注：括号内数据为2019年平均值 (崇明区水务“十四五”规划): the
            // year of a bracketed baseline, as of a starred one; 括号中,
            // （）内, 带括号的 alike.
            .or_else(|| {
                ["括号内", "括号中", "括号里", "（）内", "()内", "带括号"]
                    .iter()
                    .find_map(|w| n.find(w))
            })?;
        crate::year::years_in(&n[at..]).next().map(|f| f.year)
    })
}

/// Whether a name reads as a yearly growth rate (`研发经费投入增长（%）`).
/// A gloss in brackets after it is no part of it (吸引实到外资年均增长率（期末）).
pub(super) fn is_growth(row: &Row) -> bool {
    let name = crate::plan::row::without_glosses(&row.name);
    row.unit.replace('％', "%") == "%"
        && (name.ends_with("增长") || name.ends_with("增速") || name.ends_with("增长率"))
}

/// Whether the indicator `name` is the one a relative target names
/// (`GDP增长` for 国内生产总值（GDP）增长), as the loader finds it.
pub(super) fn names_the(name: &str, other: &str) -> bool {
    let wanted = other.replace("增速", "增长");
    crate::plan::load::names_of(name)
        .iter()
        .any(|n| n.replace("增速", "增长") == wanted)
}

/// Whether a name reads as a change on the year before (`单位GDP能源消耗降低`,
/// `入托率提高`): its 〔N〕 accumulates yearly changes; a level's
/// (`人均预期寿命`) is the level less the baseline.
pub(super) fn is_change(row: &Row) -> bool {
    let words = ["降低", "下降", "减少", "提高", "增加", "增长", "减排"];
    // 主要污染物排放总量减少 over 化学需氧量: the change is the heading's.
    let group = row.group.as_deref().unwrap_or("");
    words
        .iter()
        .any(|w| row.name.ends_with(w) || group.ends_with(w))
}

/// Whether a row's unit is a rate (`%`, `％`, `‰`): no amount that adds up.
pub(super) fn in_a_rate(row: &Row) -> bool {
    matches!(row.unit.replace('％', "%").as_str(), "%" | "‰")
}

/// Whether a row is counted in a unit that adds up (万人, 亿元, 平方米, 个):
/// neither a rate nor without a unit.
pub(super) fn counted(row: &Row) -> bool {
    !in_a_rate(row) && !row.unit.is_empty()
}

/// An amount made each year and added up over the period (城镇新增就业人数,
/// 农村贫困人口脱贫, 城镇棚户区住房改造 `〔2000〕`): no baseline level, a count
/// or an amount, and a name that says something is done or added.
pub(super) fn is_flow(row: &Row) -> bool {
    let no_baseline = crate::plan::is_dash(row.baseline.trim());
    let done = [
        "新增", "脱贫", "改造", "新建", "建设", "完成", "实施", "培训",
    ]
    .iter()
    .any(|w| row.name.contains(w));
    no_baseline && counted(row) && done
}

/// Whether a row is an amount of work done over a period (改造面积, 更新数量,
/// 盘活面积, 管道改造公里数): counted in a unit that adds up, named by the
/// work, not a per-head level, a rate or a share.
pub(super) fn is_amount_of_work(row: &Row) -> bool {
    const WORK: [&str; 14] = [
        "改造",
        "更新",
        "盘活",
        "整治",
        "建设",
        "新建",
        "新增",
        "提档升级",
        "实施",
        "治理",
        "修复",
        "任务",
        "完成",
        "腾退",
    ];
    let name = crate::plan::row::without_glosses(&row.name);
    counted(row)
        && !name.starts_with("人均")
        && !name.starts_with('每')
        && !["率", "比重", "占比", "比例", "指数", "密度"]
            .iter()
            .any(|w| name.ends_with(w))
        // 建设用地 is land for building, a level (建设用地总规模 ≤3200).
        && WORK
            .iter()
            .any(|w| name.replace("建设用地", "").contains(w))
}
