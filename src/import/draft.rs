//! The draft plan file: every cell as printed, the reading of each target
//! left to the grammar that checks it ([`crate::plan::read_target`]), and
//! every reading the text does not settle written down with a `# 待核对：`
//! comment saying what was assumed and why. The draft is loaded before it is
//! given out: what would not load is turned into a rule of kind `none`, said
//! so, never dropped.

use super::table::{IndicatorTable, Meta, Row};
use crate::plan::row::{Conventions, Printed, RowRule, rule_from_text};
use crate::plan::{BareNumbers, Form, Measure, ValidBasis, read_target};
use pinyin::ToPinyin;
use std::fmt::Write as _;

/// A drafted plan file.
pub struct Draft {
    pub toml: String,
    /// What the reader must confirm, one line each (`在园幼儿数：…`).
    pub to_confirm: Vec<String>,
    /// For each row: whether its rule is settled by the printed text.
    pub settled: Vec<bool>,
}

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
fn ids(rows: &[Row]) -> Vec<String> {
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

fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The year a `*` note names: `带*的为2024年数据` → 2024.
fn starred_year(notes: &[String]) -> Option<i32> {
    notes.iter().find_map(|n| {
        let at = n.find('*').or_else(|| n.find('＊'))?;
        let rest = &n[at..];
        let digits: String = rest
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        (digits.len() == 4).then(|| digits.parse().ok()).flatten()
    })
}

/// Whether a name reads as a yearly growth rate (`研发经费投入增长（%）`).
fn is_growth(row: &Row) -> bool {
    row.unit.replace('％', "%") == "%"
        && (row.name.ends_with("增长")
            || row.name.ends_with("增速")
            || row.name.ends_with("增长率"))
}

/// Whether the indicator `name` is the one a relative target names
/// (`GDP增长` for 国内生产总值（GDP）增长), as the loader finds it.
fn names_the(name: &str, other: &str) -> bool {
    let wanted = other.replace("增速", "增长");
    crate::plan::load::names_of(name)
        .iter()
        .any(|n| n.replace("增速", "增长") == wanted)
}

/// Whether a name reads as a change on the year before (`单位GDP能源消耗降低`,
/// `入托率提高`): its 〔N〕 accumulates yearly changes; a level's
/// (`人均预期寿命`) is the level less the baseline.
fn is_change(row: &Row) -> bool {
    let words = ["降低", "下降", "减少", "提高", "增加", "增长", "减排"];
    // 主要污染物排放总量减少 over 化学需氧量: the change is the heading's.
    let group = row.group.as_deref().unwrap_or("");
    words
        .iter()
        .any(|w| row.name.ends_with(w) || group.ends_with(w))
}

/// An amount made each year and added up over the period (城镇新增就业人数,
/// 农村贫困人口脱贫, 城镇棚户区住房改造 `〔2000〕`): no baseline level, a count
/// or an amount, and a name that says something is done or added.
fn is_flow(row: &Row) -> bool {
    let no_baseline = crate::plan::is_dash(row.baseline.trim());
    let counted = !matches!(row.unit.replace('％', "%").as_str(), "%" | "‰" | "");
    let done = [
        "新增", "脱贫", "改造", "新建", "建设", "完成", "实施", "培训",
    ]
    .iter()
    .any(|w| row.name.contains(w));
    no_baseline && counted && done
}

/// Drafts the plan file of `table`, read from `source` (the document, as named).
///
/// A draft always loads: each row is written as the loader reads it, and
/// should the whole still not load (a reading that passes alone and not
/// with the plan's other checks: a bare `2027年60%` outside a share's
/// range), the row the loader names is written unjudged, with the loader's
/// words, and the draft made again.
pub fn draft(meta: &Meta, table: &IndicatorTable, source: &str) -> Draft {
    let ids = ids(&table.rows);
    let mut forced: Vec<(usize, String)> = Vec::new();
    loop {
        let drafted = draft_with(meta, table, source, &forced);
        let Err(refused) = crate::plan::parse_plan(&drafted.toml, "<draft>") else {
            return drafted;
        };
        let row = refused
            .indicator
            .as_deref()
            .and_then(|id| ids.iter().position(|i| i == id))
            .filter(|r| !forced.iter().any(|(f, _)| f == r));
        match row {
            Some(r) => forced.push((r, refused.message.zh.clone())),
            None => return drafted,
        }
    }
}

fn draft_with(
    meta: &Meta,
    table: &IndicatorTable,
    source: &str,
    forced: &[(usize, String)],
) -> Draft {
    let mut out = String::new();
    let mut to_confirm = Vec::new();
    let mut settled = Vec::new();
    let title = meta.title.clone().unwrap_or_else(|| {
        to_confirm
            .push("规划名称：原文开头没有找到“关于印发……的通知”或《……》，请填写 title".to_owned());
        "（待填写规划名称）".to_owned()
    });
    let _ = writeln!(out, "#:schema ../schema/plan.schema.json");
    let _ = writeln!(
        out,
        "# 《{title}》{}",
        table.caption.as_deref().unwrap_or("")
    );
    let _ = writeln!(out, "#");
    let _ = writeln!(
        out,
        "# 由 plan-check import 从 {source} 起草。分类、指标、单位、基期、目标、属性逐格照原文抄写；"
    );
    let _ = writeln!(
        out,
        "# 标有“待核对”的地方是原文没有说清、起草时所作的假设：请对照原文核对，改好后删去该注释。"
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "[plan]");
    // The title's initials, then the years in its brackets:
    // 江津区教育事业发展“十四五”规划（2021－2025年） → jjqjysyfzsswgh-2021-2025.
    let plan_id = {
        let (head, tail) = title.split_once(['（', '(']).unwrap_or((&title, ""));
        let mut id: String = initials(head).chars().take(40).collect();
        let digits = crate::number::ascii_digits_in(tail);
        for year in digits
            .split(|c: char| !c.is_ascii_digit())
            .filter(|d| d.len() == 4)
        {
            id.push('-');
            id.push_str(year);
        }
        if id.is_empty() { "plan".to_owned() } else { id }
    };
    let _ = writeln!(out, "id = {}", quote(&plan_id));
    let _ = writeln!(out, "title = {}", quote(&title));
    for (key, value) in [
        ("region", &meta.region),
        ("issuer", &meta.issuer),
        ("issued", &meta.issued),
        ("table", &table.caption),
    ] {
        if let Some(v) = value {
            let _ = writeln!(out, "{key} = {}", quote(v));
        }
    }
    if let (Some(issuer), Some(notice)) = (&meta.issuer, &meta.notice) {
        let date = meta
            .issued
            .as_deref()
            .and_then(|d| {
                let mut parts = d.split('-').map(|p| p.parse::<u32>().ok());
                Some(format!(
                    "{}年{}月{}日",
                    parts.next()??,
                    parts.next()??,
                    parts.next()??
                ))
            })
            .map(|d| format!("，{d}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "source = {}",
            quote(&format!("{issuer}《{notice}》{date}"))
        );
    }
    let _ = writeln!(out, "baseline_year = {}", table.baseline_year);
    let _ = writeln!(out, "target_year = {}", table.target_year);
    let bare_rows = table
        .rows
        .iter()
        .filter(|r| matches!(read_target(&r.target).map(|t| t.form), Ok(Form::Bare)))
        .count();
    if bare_rows > 0 {
        let _ = writeln!(
            out,
            "# 待核对：原文有 {bare_rows} 个目标只写了数字，不说是下限、上限还是预测值；暂按“朝目标方向”读：\n# 高于基期读作“不低于”，低于基期读作“不高于”（各行另有说明）。\nbare_numbers = \"toward_target\""
        );
        to_confirm.push(format!(
            "只写数字的目标（{bare_rows} 个）：人数一类读作预测值，名称说明方向的（失业率、保有量……）按名称，其余暂按“朝目标方向”读，请逐行核对"
        ));
    }
    // Rows with a target in both cells: said once how the two are judged.
    let both_rows = table
        .rows
        .iter()
        .filter(|r| {
            let target = if r.target.trim().is_empty() {
                "—"
            } else {
                r.target.trim()
            };
            Printed::new(target, r.period.as_deref()).both()
        })
        .count();
    if both_rows > 0 {
        to_confirm.push(format!(
            "目标年和年均/累计两栏都有目标的行（{both_rows} 个）：两栏一并判断，年均/累计一栏的〔N〕读作水平值的累计变化、比较或数字读作水平值的年均增长率；若该栏是另一口径（如总人口旁的人口自然增长率），请在该行写 period_rule = {{ kind = \"none\" }} 只展示"
        ));
    }
    if !table.notes.is_empty() {
        let _ = writeln!(out, "notes = [");
        for note in &table.notes {
            let _ = writeln!(out, "  {},", quote(note));
        }
        let _ = writeln!(out, "]");
    }
    let ids = ids(&table.rows);
    let star_year = starred_year(&table.notes);
    let mut category = None;
    for (i, row) in table.rows.iter().enumerate() {
        if category != Some(&row.category) {
            category = Some(&row.category);
            let _ = writeln!(out, "\n# ── {} ──", row.category);
        }
        let shown = match &row.group {
            Some(g) => format!("{g}：{}", row.name),
            None => row.name.clone(),
        };
        let mut confirm = |out: &mut String, why: String| {
            let _ = writeln!(out, "# 待核对：{why}");
            to_confirm.push(format!("{shown}：{why}"));
        };
        // The row shown and not judged, with why, for the reader to settle.
        let unjudged =
            |out: &mut String, confirm: &mut dyn FnMut(&mut String, String), why: String| {
                let _ = writeln!(out, "rule = {{ kind = \"none\" }}");
                confirm(out, why);
            };
        let _ = writeln!(out, "\n[[indicator]]");
        let _ = writeln!(out, "id = {}", quote(&ids[i]));
        if let Some(why) = &row.shape {
            confirm(&mut out, why.clone());
        }
        let _ = writeln!(out, "category = {}", quote(&row.category));
        if let Some(g) = &row.group {
            let _ = writeln!(out, "group = {}", quote(g));
        }
        let _ = writeln!(out, "name = {}", quote(&row.name));
        let _ = writeln!(out, "unit = {}", quote(&row.unit));
        if row.unit.is_empty() {
            confirm(&mut out, "原文没有写单位，请补上".to_owned());
        } else if row.unit_inherited {
            let _ = writeln!(out, "# 单位取自上面的合计或表头（本行原文没有写单位）。");
        }
        // The baseline cell.
        // The baseline cell, read as the loader reads it.
        let b = row.baseline.trim();
        let cell = crate::plan::row::read_baseline(b, &row.unit).ok();
        let baseline_value = cell.as_ref().and_then(|c| c.value);
        match cell {
            Some(cell) => match (cell.value, cell.starred) {
                (Some(v), false) if crate::number::read_number(b, false).is_ok() => {
                    let _ = writeln!(out, "baseline = {}", crate::number::display(v));
                }
                // `86.44%`: kept as printed, its number read.
                (Some(_), false) => {
                    let _ = writeln!(out, "baseline = {}", quote(b));
                }
                (Some(v), true) => match star_year {
                    Some(year) => {
                        let _ = writeln!(out, "baseline = {}", quote(b));
                        let _ = writeln!(out, "baseline_year = {year}");
                    }
                    None => {
                        let _ = writeln!(out, "baseline = {}", crate::number::display(v));
                        confirm(
                            &mut out,
                            format!(
                                "原文基期值为“{b}”，表注中没有找到“*”所指的年份；请写 baseline = \"{b}\" 和 baseline_year"
                            ),
                        );
                    }
                },
                (None, _) => {
                    let _ = writeln!(
                        out,
                        "baseline = {}",
                        quote(if b.is_empty() { "—" } else { b })
                    );
                }
            },
            None => {
                let _ = writeln!(out, "baseline = \"—\"");
                confirm(&mut out, format!("原文基期值“{b}”读不出数字，暂写作“—”"));
            }
        }
        let target = if row.target.trim().is_empty() {
            "—"
        } else {
            row.target.trim()
        };
        let _ = writeln!(out, "target = {}", quote(target));
        if let Some(period) = &row.period {
            let _ = writeln!(out, "period_target = {}", quote(period));
        }
        let attribute = match row.attribute.trim() {
            a @ ("约束性" | "预期性") => a.to_owned(),
            other => {
                confirm(&mut out, format!("原文属性为“{other}”，暂写作“预期性”"));
                "预期性".to_owned()
            }
        };
        let _ = writeln!(out, "attribute = {}", quote(&attribute));
        if let Some(t) = row.part_of {
            let _ = writeln!(out, "part_of = {}", quote(&ids[t]));
            if let Some(why) = &row.part_because {
                confirm(&mut out, why.clone());
            }
        }
        // The cell that decides and what it says, as the loader reads them.
        let printed = Printed::new(target, row.period.as_deref());
        // Both cells hold a target (`60` beside `〔3.9〕`): the target-year
        // cell is read as if alone, the 年均/累计 one judged beside it.
        let beside = printed.both().then_some(printed.period).flatten();
        let printed = if beside.is_some() {
            Printed::new(target, None)
        } else {
            printed
        };
        let deciding = printed.deciding();
        let in_period = printed.period.is_some();
        let reading = read_target(deciding);
        let mut is_settled = true;
        // A rule written here; else the loader reads the printed cells.
        let mut explicit = false;
        let mut measure = Measure::Level;
        let refused = forced.iter().find(|(r, _)| *r == i).map(|(_, why)| why);
        match reading.as_ref().map(|r| r.form) {
            // The loader refused this row's reading with the plan's others.
            _ if refused.is_some() => {
                is_settled = false;
                explicit = true;
                unjudged(
                    &mut out,
                    &mut confirm,
                    format!(
                        "暂只展示不判断：按原文读出的规则加载时不成立（{}）",
                        refused.map_or("", String::as_str)
                    ),
                );
            }
            Ok(Form::Cumulative | Form::CumulativeCap) if in_period && is_flow(row) => {
                measure = Measure::YearlyChange;
                let _ = writeln!(out, "measure = \"yearly_change\"");
                confirm(
                    &mut out,
                    format!(
                        "“{deciding}”是规划期累计数，基期没有数、指标是每年的量：统计数据应为每年的量（如当年{}），逐年相加",
                        row.name
                    ),
                );
            }
            Ok(Form::Cumulative | Form::CumulativeCap) if in_period && is_change(row) => {
                measure = Measure::YearlyChange;
                let _ = writeln!(out, "measure = \"yearly_change\"");
                confirm(
                    &mut out,
                    format!(
                        "“{deciding}”是规划期累计数：统计数据应为每年比上年的变化（如“比上年下降2.7%”填 2.7），逐年{}",
                        if row.unit.replace('％', "%") == "%" {
                            "复合"
                        } else {
                            "相加"
                        }
                    ),
                );
            }
            Ok(Form::Cumulative | Form::CumulativeCap) if in_period => {
                confirm(
                    &mut out,
                    format!(
                        "“{deciding}”是规划期累计数，指标是水平值：按本年水平减基期值累计；若统计数据是每年比上年的变化，请写 measure = \"yearly_change\""
                    ),
                );
            }
            Ok(Form::Compare(_) | Form::About | Form::Between) if in_period && is_growth(row) => {
                measure = Measure::YearlyRate;
                let _ = writeln!(out, "measure = \"yearly_rate\"");
                confirm(
                    &mut out,
                    format!(
                        "“{deciding}”在年均/累计一栏、指标是增长率：按规划期至今的复合年均增长判断"
                    ),
                );
            }
            Ok(Form::Relative(_)) if is_growth(row) => {
                measure = Measure::YearlyRate;
                let _ = writeln!(out, "measure = \"yearly_rate\"");
            }
            // A bare number: what the name says is better (失业率 lower, a
            // 保有量 kept at least), else toward the target from the
            // baseline; written out where the two disagree. Always to confirm.
            Ok(Form::Bare) => {
                is_settled = false;
                let value = reading.as_ref().map_or(0.0, |r| r.value);
                let shown_value = crate::number::display(value);
                let toward = baseline_value.filter(|b| *b != value).map(|b| value > b);
                let said = crate::plan::row::better_by_name(&row.name);
                if said.is_none() && crate::plan::row::projected_by_name(&row.name) {
                    // 总人口 136000: a head count is projected, not a line.
                    explicit = true;
                    let _ = writeln!(
                        out,
                        "rule = {{ kind = \"projection\", value = {shown_value}, tolerance_pct = 5 }}"
                    );
                    confirm(
                        &mut out,
                        format!(
                            "原文只写数字“{deciding}”，是人数一类的总量，读作预测值（上下 5% 以内）；若是下限或上限，请改写 rule"
                        ),
                    );
                } else {
                    let words = |floor: bool| if floor { "不低于" } else { "不高于" };
                    let by_name = |floor: bool| {
                        if floor {
                            "保有量、红线一类，是下限"
                        } else {
                            "越低越好"
                        }
                    };
                    let (floor, why) = match (said, toward) {
                        (Some(floor), Some(t)) if floor != t => (
                            floor,
                            format!(
                                "原文只写数字“{deciding}”；按名称（{}）读作{} {shown_value}，与从基期值看的方向相反，请核对",
                                by_name(floor),
                                words(floor)
                            ),
                        ),
                        (Some(floor), _) => (
                            floor,
                            format!(
                                "原文只写数字“{deciding}”，按名称（{}）读作{} {shown_value}",
                                by_name(floor),
                                words(floor)
                            ),
                        ),
                        (None, Some(up)) => (
                            up,
                            format!(
                                "原文只写数字“{deciding}”，按朝目标方向读作{} {shown_value}；若是预测值（如人数），请改写 rule = {{ kind = \"projection\", value = {shown_value}, tolerance_pct = 5 }}",
                                words(up)
                            ),
                        ),
                        (None, None) => (
                            true,
                            format!("原文只写数字“{deciding}”，且没有可比的基期值，暂读作“不低于”"),
                        ),
                    };
                    // The loader reads toward the target by itself; anything
                    // else is written as the rule.
                    if toward != Some(floor) {
                        explicit = true;
                        let _ = writeln!(
                            out,
                            "rule = {{ kind = \"{}\", value = {shown_value} }}",
                            if floor { "at_least" } else { "at_most" }
                        );
                    }
                    confirm(&mut out, why);
                }
            }
            Ok(_) => {}
            Err(_) => {
                is_settled = false;
                explicit = true;
                unjudged(
                    &mut out,
                    &mut confirm,
                    format!(
                        "“{deciding}”没有可判断的数值目标，只展示不判断；如有年度目标，请写 year_requirements"
                    ),
                );
            }
        }
        if let Some(period) = beside {
            is_settled = false;
            let conventions = Conventions {
                about_pct: crate::plan::DEFAULT_ABOUT_PCT,
                bare_numbers: (bare_rows > 0).then_some(BareNumbers::TowardTarget),
            };
            let reads =
                match crate::plan::row::period_rule_of_level(period, &row.unit, &conventions) {
                    Some(crate::plan::Rule::Cumulative { .. }) => {
                        "读作规划期内水平值的累计变化（本年水平减基期值）".to_owned()
                    }
                    Some(crate::plan::Rule::Annual { .. }) => {
                        "读作水平值自基期以来的年均增长率（%）".to_owned()
                    }
                    _ => "没有可判断的数值，只展示".to_owned(),
                };
            confirm(
                &mut out,
                format!(
                    "目标年一栏“{target}”和年均/累计一栏“{period}”都有目标，两者一并判断：年均/累计一栏{reads}"
                ),
            );
        }
        // A range the name states (a share, a gross ratio), written out for
        // the reader to see; the loader reads the same without it.
        let implied = crate::plan::plausible::implied(&row.name, &row.unit, measure);
        if matches!(implied.basis, ValidBasis::Share | ValidBasis::Gross)
            && let (Some(min), Some(max)) = (implied.min, implied.max)
        {
            let _ = writeln!(
                out,
                "valid = {{ min = {}, max = {} }}",
                crate::number::display(min),
                crate::number::display(max)
            );
        }
        // What the loader would make of the cells: a reading it refuses is
        // never written; the row is shown unjudged, with the loader's words.
        if !explicit {
            let conventions = Conventions {
                about_pct: crate::plan::DEFAULT_ABOUT_PCT,
                bare_numbers: (bare_rows > 0).then_some(BareNumbers::TowardTarget),
            };
            match rule_from_text(&printed, &row.unit, baseline_value, measure, &conventions) {
                Err(why) => {
                    is_settled = false;
                    unjudged(
                        &mut out,
                        &mut confirm,
                        format!("暂只展示不判断：{}", why.zh),
                    );
                }
                // 与全市经济增速保持同步: compared with a figure this table
                // does not hold, which the loader could not find.
                Ok(RowRule::Relative { other, .. })
                    if !table.rows.iter().any(|r| names_the(&r.name, &other)) =>
                {
                    is_settled = false;
                    unjudged(
                        &mut out,
                        &mut confirm,
                        format!(
                            "“{deciding}”所比较的“{other}”不是本表的指标，暂只展示不判断；如有该指标的数据，可在规划文件中加上这一指标，再写 relative_to"
                        ),
                    );
                }
                Ok(_) => {}
            }
        }
        settled.push(is_settled);
    }
    Draft {
        toml: out,
        to_confirm,
        settled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_initials_and_unique() {
        assert_eq!(initials("在园幼儿数"), "zyyes");
        assert_eq!(
            initials("地级及以上城市细颗粒物（PM2.5）浓度"),
            "djjyscsxklwpm25nd"
        );
        let row = |category: &str, name: &str| Row {
            category: category.into(),
            name: name.into(),
            ..Row::default()
        };
        let rows = [
            row("义务教育", "在校学生数"),
            row("高中阶段教育", "在校学生数"),
            row("学前教育", "毛入园率"),
        ];
        assert_eq!(ids(&rows), ["ywjy_zxxss", "gzjdjy_zxxss", "mryl"]);
    }

    #[test]
    fn the_star_note_names_the_year() {
        assert_eq!(
            starred_year(&["②带*的为2024年数据。".to_owned()]),
            Some(2024)
        );
        assert_eq!(starred_year(&["①〔〕为5年累计数。".to_owned()]), None);
    }
}
