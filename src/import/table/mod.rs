//! The tables of main indicators in a document, whatever its format: a table
//! whose header has a column of 指标 and two year (or 基期/目标) columns; its
//! rows read into categories (blank or merged cells continue the one above),
//! names and units (`在园幼儿数（万人）`), `其中` parts, rows under a heading,
//! the cells as printed, and the notes under it (`注：①…`). The plan's title,
//! issuer and date come from the document's opening.

use super::{Block, Document, clean};

mod meta;
mod roles;
mod rows;
#[cfg(test)]
mod tests;

use crate::diagnostic::{Code, Diagnostic, Text};
pub use meta::{Meta, meta};
use roles::*;
pub use rows::strip_ordinal;
use rows::*;

/// One table of main indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorTable {
    /// Its place among the document's tables (1-based), for `--table`.
    pub number: usize,
    /// The line above it naming it (`专栏1 …`), whitespace runs as one space.
    pub caption: Option<String>,
    pub baseline_year: i32,
    pub target_year: i32,
    /// Whether it has a 年均/累计 column.
    pub has_period: bool,
    /// The baseline column is a plan period's achievement, not a year's
    /// level (“十四五”完成值 beside “十五五”目标值, 闵行区城市更新规划): an
    /// amount of work there and in the target is the period's total.
    pub period_amounts: bool,
    /// The header has a 属性 column (each row's 约束性/预期性).
    pub has_attribute: bool,
    /// The header prints no baseline year (a target column only, or a year
    /// from the caption): the plan is taken to run five years to its target.
    pub baseline_year_assumed: bool,
    pub rows: Vec<Row>,
    /// The notes under it, one per numbered item (`①〔〕为5年累计数。`).
    pub notes: Vec<String>,
}

/// One indicator as printed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub category: String,
    /// The heading the row stands under (`每千人口拥有医护人员数`).
    pub group: Option<String>,
    pub name: String,
    pub unit: String,
    /// The cells as printed.
    pub baseline: String,
    pub target: String,
    pub period: Option<String>,
    /// The header of the column `period` came from says it holds growth
    /// (年均增长, 年均增速, 五年平均增长（%）): a number there on a level in
    /// 亿元 is its growth.
    pub period_growth: bool,
    /// Cells of a second 年均/累计 column the row fills too (`五年累计 |
    /// 五年平均增长（%）`): a row holds one, the other is said, not dropped.
    pub period_left: Vec<String>,
    pub attribute: String,
    /// For a `其中` row: the index of its total in [`IndicatorTable::rows`].
    pub part_of: Option<usize>,
    /// Why the row was read as a part though it does not say `其中`.
    pub part_because: Option<String>,
    /// The unit came from the total or the heading, not the row's own cell.
    pub unit_inherited: bool,
    /// The unit came from the target cell (`6人（含）以下` in a table with no
    /// unit column), not a cell or bracket of its own.
    pub unit_from_target: bool,
    /// The row has another number of cells than the header: what was made
    /// of it, for the reader to check (never a silent shift).
    pub shape: Option<String>,
}

/// The columns of an indicator table, by what their header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Category,
    /// The first level of a two-level name under one 指标 header spanning
    /// both columns (`（3）城镇化率` over `常住人口城镇化率（%）`); a one-level
    /// row fills both with its name.
    Group,
    Indicator,
    Unit,
    Baseline,
    Target,
    Period,
    Attribute,
    Other,
}

/// The year in a header cell (`2020年`, `2025年目标`), if any.
fn year_in(cell: &str) -> Option<i32> {
    crate::year::years_in(cell)
        .map(|f| f.year)
        .find(|&y| crate::year::is_calendar(y))
}

/// The target year a plan period's name stands for: “十四五” ends in 2025.
fn period_year(cell: &str) -> Option<i32> {
    [
        ("十一五", 2010),
        ("十二五", 2015),
        ("十三五", 2020),
        ("十四五", 2025),
        ("十五五", 2030),
        ("十六五", 2035),
    ]
    .iter()
    .find(|(name, _)| cell.contains(name))
    .map(|&(_, year)| year)
}

/// Reads a header row: the role of each column and the two years. A table
/// with a target column only (`“十五五”目标`) runs from five years before it,
/// with no baseline column.
fn header(row: &[String]) -> Option<(Vec<Col>, i32, i32)> {
    let mut cols = Vec::with_capacity(row.len());
    // (column, year, what the words say: Some(true) target, Some(false) baseline)
    let mut years: Vec<(usize, i32, Option<bool>)> = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        let c = clean(cell).replace(' ', "");
        let year = year_in(&c).or_else(|| period_year(&c));
        let says = if ["目标", "规划", "预期值"].iter().any(|w| c.contains(w)) {
            Some(true)
        } else if ["完成", "基期", "基准", "现状", "实际"]
            .iter()
            .any(|w| c.contains(w))
        {
            Some(false)
        } else {
            None
        };
        let col = if c.contains("属性") || c.contains("类型") || c.contains("性质") {
            Col::Attribute
        } else if ["年均", "累计", "平均增长", "平均增速", "年平均"]
            .iter()
            .any(|w| c.contains(w))
        {
            // 五年平均增长（%） as well as 年均增长: it was dropped, the
            // 五年累计 beside it read as the growth (a reviewer's 无锡市).
            Col::Period
        } else if c.ends_with("单位") {
            // 单位, 计量单位, 指标单位.
            Col::Unit
        } else if ["分类", "类别", "领域", "板块", "方面", "维度"]
            .iter()
            .any(|w| c.contains(w))
            || c == "类"
        {
            Col::Category
        } else if c.contains("指标") && year.is_none() {
            Col::Indicator
        } else if (c.ends_with("内容") || c.ends_with("名称")) && year.is_none() {
            // 具体目标内容, 项目名称: the name column of a table that does
            // not say 指标 there.
            Col::Indicator
        } else if let Some(year) = year {
            years.push((i, year, says));
            match says {
                Some(false) => Col::Baseline,
                _ => Col::Target,
            }
        } else if says == Some(false) {
            Col::Baseline
        } else if says == Some(true) {
            Col::Target
        } else {
            Col::Other
        };
        cols.push(col);
    }
    if !cols.contains(&Col::Indicator) {
        return None;
    }
    // `| 指标 |  |`: a 指标 spread over two columns, written in Markdown or
    // text as the header and a blank cell (a colspan has no other way there).
    let blank_after_name: Vec<usize> = (1..cols.len())
        .filter(|&i| {
            cols[i] == Col::Other && cols[i - 1] == Col::Indicator && clean(&row[i]).is_empty()
        })
        .collect();
    for &i in &blank_after_name {
        cols[i] = Col::Indicator;
    }
    // 类型 beside 属性 is a kind of indicator (a category); alone, it is
    // the attribute (指标类型: 约束性/预期性).
    if row.iter().any(|c| clean(c).contains("属性")) {
        for (col, cell) in cols.iter_mut().zip(row) {
            if *col == Col::Attribute && !clean(cell).contains("属性") {
                *col = Col::Category;
            }
        }
    }
    // A second indicator column is the second level of a two-level name
    // (一级指标, 二级指标): the last is the name, the others categories.
    let indicator_columns: Vec<usize> = (0..cols.len())
        .filter(|&i| cols[i] == Col::Indicator)
        .collect();
    // One 指标 header spread over two columns (a colspan) is one name of
    // one or two levels.
    let one_header = indicator_columns
        .windows(2)
        .all(|w| clean(&row[w[0]]) == clean(&row[w[1]]) || blank_after_name.contains(&w[1]));
    if let Some((&last, others)) = indicator_columns.split_last() {
        for &i in others {
            cols[i] = if one_header {
                Col::Group
            } else if cols.contains(&Col::Category) {
                Col::Other
            } else {
                Col::Category
            };
        }
        cols[last] = Col::Indicator;
    }
    // A run of three years or more in a row (2001 | 2002 | … | 2005), none
    // said to be a target, and no 属性: a statistical series, not a plan's
    // table (a 2005 bulletin's 表14 was drafted as a plan from 2001 to 2002,
    // its other years dropped: a reviewer's).
    let series = years.len() >= 3 && years.windows(2).all(|w| w[1].1 == w[0].1 + 1);
    if series && years.iter().all(|y| y.2 != Some(true)) && !cols.contains(&Col::Attribute) {
        return None;
    }
    match years.as_slice() {
        // 目标 with no year (`目标`, `目标值`): the years come from the
        // table's title or the document (“十五五” ends in 2030); 0 until then.
        [] if cols.contains(&Col::Target) => Some((cols, 0, 0)),
        [] => None,
        // A target only: the plan's period is the five years before it.
        [(at, target, says)] if *says != Some(false) => {
            cols[*at] = Col::Target;
            Some((cols, target - 5, *target))
        }
        [_] => None,
        [first, second, ..] => {
            // The earlier year is the baseline, the later the target,
            // whatever the words in the cells; a third year (2035) is no
            // column of this plan.
            let (baseline_year, target_year) = (first.1.min(second.1), first.1.max(second.1));
            for (n, &(at, year, _)) in years.iter().enumerate() {
                cols[at] = match (n, year) {
                    (0 | 1, y) if y == baseline_year => Col::Baseline,
                    (0 | 1, y) if y == target_year => Col::Target,
                    _ => Col::Other,
                };
            }
            (baseline_year < target_year).then_some((cols, baseline_year, target_year))
        }
    }
}

/// Splits `在园幼儿数（万人）` into the name and the unit.
/// The unit is the bracket at the end, as the statistics' names carry it
/// ([`crate::stats::resolve::unit_suffix`]); a bracket inside the name
/// (国内生产总值（GDP）增长) is not at the end, and a long one is no unit.
pub fn split_unit(name: &str) -> (String, Option<String>) {
    let name = crate::number::trim_all(name);
    match crate::stats::resolve::unit_suffix(name)
        .filter(|u| !u.is_empty() && u.chars().count() <= 8 && !is_clause(u))
    {
        Some(unit) => {
            let cut = crate::stats::resolve::last_bracket(name).map_or(name.len(), |(at, _)| at);
            (name[..cut].trim().to_owned(), Some(unit.to_owned()))
        }
        None => (name.to_owned(), None),
    }
}

/// Words in brackets after a name that say what it covers, not what it is
/// counted in: a list (`标准、导则等`), what is included or left out
/// (`含临展`, `不含…`, `除危废外`), a year (`2019年`), a kind (`城市生物多样性
/// 指数（鸟类）`, 松江区绿化市容“十五五”规划: 鸟类 was drafted as its unit).
fn is_clause(bracketed: &str) -> bool {
    bracketed.contains(['、', '，', ',', '；', ';', '：', ':'])
        || [
            "含", "不含", "除", "其中", "包括", "按", "以", "指", "即", "注",
        ]
        .iter()
        .any(|w| bracketed.starts_with(w))
        || bracketed.ends_with('等')
        || bracketed.ends_with('外')
        || bracketed.ends_with('类')
        || year_in(bracketed).is_some()
        || is_abbreviation(bracketed)
}

/// An abbreviation in capitals that names the indicator (`(MQI)` after
/// 优良路率, 松江区综合交通规划; `（GDP）`), not a unit: three letters or
/// more, none of the units written so (MWh, TWh, MPa are mixed case; GWH
/// and the like in capitals are units too).
fn is_abbreviation(bracketed: &str) -> bool {
    let letters = bracketed.trim();
    letters.len() >= 3
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && !["KWH", "MWH", "GWH", "TWH", "MPA", "KPA"].contains(&letters)
}

/// The tables of main indicators in `doc`, in order.
pub fn find(doc: &Document) -> Vec<IndicatorTable> {
    let mut out = Vec::new();
    let mut tables_seen = 0;
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Table(rows) = block else {
            continue;
        };
        tables_seen += 1;
        let Some(at) = rows.iter().position(|r| header(r).is_some()) else {
            continue;
        };
        let Some((cols, mut baseline_year, mut target_year)) = header(&rows[at]) else {
            continue;
        };
        let caption = doc.blocks[..i].iter().rev().take(8).find_map(|b| match b {
            Block::Text(t) if t.contains("专栏") || t.starts_with('表') || t.contains("指标") =>
            {
                // From 专栏 on: a heading may carry the plan's title first.
                let from = t.find("专栏").map_or(t.as_str(), |i| &t[i..]);
                Some(from.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            _ => None,
        });
        // A target column with no year: the plan period its title or the
        // document names.
        if target_year == 0 {
            let named = caption.as_deref().and_then(period_year).or_else(|| {
                doc.blocks[..i].iter().find_map(|b| match b {
                    Block::Text(t) => period_year(t),
                    Block::Table(_) => None,
                })
            });
            let Some(year) = named else {
                continue;
            };
            (baseline_year, target_year) = (year - 5, year);
        }
        let header_row = &rows[at];
        // Two years (or periods) in the header: the baseline's is printed.
        let baseline_year_assumed = header_row
            .iter()
            .filter(|c| {
                let c = clean(c).replace(' ', "");
                year_in(&c).or_else(|| period_year(&c)).is_some()
            })
            .count()
            < 2;
        let growth: Vec<bool> = cols
            .iter()
            .zip(header_row)
            .map(|(c, cell)| {
                *c == Col::Period && ["增长", "增速", "增幅"].iter().any(|w| cell.contains(w))
            })
            .collect();
        let (mut rows, mut notes) = read_rows(&rows[at + 1..], &cols, &growth);
        // A unit printed in the target column's header (`目标值（%）`) is
        // every row's that prints none of its own.
        let header_unit = cols
            .iter()
            .position(|c| *c == Col::Target)
            .and_then(|t| header_row.get(t))
            .and_then(|cell| split_unit(&clean(cell)).1);
        if let Some(unit) = header_unit {
            for row in rows.iter_mut().filter(|r| r.unit.is_empty()) {
                row.unit.clone_from(&unit);
                row.unit_inherited = true;
            }
        }
        // No unit anywhere but in the target (`6人（含）以下`): that one.
        for row in rows.iter_mut().filter(|r| r.unit.is_empty()) {
            let unit = crate::plan::read_target(&row.target)
                .ok()
                .and_then(|r| r.unit)
                .filter(|u| u != "个百分点" && reads_as_a_unit(u));
            if let Some(unit) = unit {
                row.unit = unit;
                row.unit_from_target = true;
            }
        }
        notes.extend(notes_after(&doc.blocks[i + 1..]));
        out.push(IndicatorTable {
            number: tables_seen,
            caption,
            baseline_year,
            target_year,
            has_period: cols.contains(&Col::Period),
            period_amounts: cols.iter().zip(header_row).any(|(c, cell)| {
                let c_text = clean(cell).replace(' ', "");
                *c == Col::Baseline
                    && c_text.contains("完成")
                    && year_in(&c_text).is_none()
                    && period_year(&c_text).is_some()
            }),
            has_attribute: cols.contains(&Col::Attribute),
            baseline_year_assumed,
            rows,
            notes,
        });
    }
    out
}

/// The notes right under a table: `注：①…②…` in one paragraph or several,
/// split at the circled numbers.
/// Words after a target's number that can be a unit (`人`, `微克/立方米`,
/// `万吨标准煤/万元`), not the rest of a sentence (`30分钟提供震后趋势快速
/// 判定意见`, 上海市防震减灾“十四五”规划: its unit was drafted as
/// `分钟提供震后趋势快速判定意见`, the target as at least 30).
pub(crate) fn reads_as_a_unit(words: &str) -> bool {
    // A verb or 内 makes words a sentence, however short (`分钟内到场`,
    // `分钟提供判定意见`: a reviewer's).
    const SENTENCE: &[&str] = &[
        "内", "提供", "到场", "到达", "完成", "实现", "达到", "覆盖", "处置", "响应", "发布",
    ];
    words.chars().count() <= 8
        && !words.contains([',', '，', '、', '；', ';', '。'])
        && !SENTENCE.iter().any(|w| words.contains(w))
}

fn notes_after(blocks: &[Block]) -> Vec<String> {
    let mut text = String::new();
    for block in blocks.iter().take(4) {
        match block {
            Block::Text(t)
                if text.is_empty() && (t.starts_with("注：") || t.starts_with("注:")) =>
            {
                text.push_str(t.split_once(['：', ':']).map_or("", |(_, body)| body));
            }
            Block::Text(t)
                if !text.is_empty()
                    && t.starts_with(['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨']) =>
            {
                text.push_str(t);
            }
            Block::Text(t) if t.trim().is_empty() => {}
            _ if text.is_empty() => continue,
            _ => break,
        }
    }
    split_notes(&text)
}

/// A note's text split at the circled numbers: `①…②…` is two notes.
fn split_notes(text: &str) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for c in clean(text).chars() {
        if ('①'..='⑳').contains(&c) || notes.is_empty() {
            notes.push(String::new());
        }
        if let Some(last) = notes.last_mut() {
            last.push(c);
        }
    }
    notes
        .into_iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

/// The table `--table` chose, or the only one: an error naming what was
/// found otherwise.
pub fn choose(
    doc: &Document,
    tables: Vec<IndicatorTable>,
    wanted: Option<usize>,
) -> Result<IndicatorTable, Diagnostic> {
    let count = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    if tables.is_empty() {
        return Err(Diagnostic::error(
            Code::I002,
            &doc.file,
            Text::new(
                format!(
                    "没有找到主要指标表：文件中有 {count} 个表格，没有一个的表头同时有“指标”列和两个年份（或基期、目标）列"
                ),
                format!(
                    "no table of main indicators: the document has {count} tables, none with an indicator column and two year (or baseline and target) columns in its header"
                ),
            ),
        )
        .with_hint(if count == 0 {
            Text::new(
                "有的规划只在正文里写目标、没有指标表，这样的规划须照 README“规划文件（TOML）”一节手写；表格若是图片（扫描件、网页上的图），须先识别文字",
                "some plans state their targets only in the text, with no table: write such a plan file by hand (README, \"Plan format\"); a table that is an image (a scan, a picture on a web page) needs text recognition first",
            )
        } else {
            Text::new(
                "指标表的表头须有“指标”一列和年份（或基期、目标）列；表格若是图片，须先识别文字；只在正文里写目标的规划须手写规划文件",
                "a table of main indicators has an indicator column and year (or baseline and target) columns in its header; a table that is an image needs text recognition first; a plan with its targets only in the text needs its plan file written by hand",
            )
        }));
    }
    let listed = tables
        .iter()
        .map(|t| {
            format!(
                "{}（{}，{} 行）",
                t.number,
                t.caption.as_deref().unwrap_or("无标题"),
                t.rows.len()
            )
        })
        .collect::<Vec<_>>()
        .join("、");
    let table = match wanted {
        Some(n) => tables.into_iter().find(|t| t.number == n).ok_or_else(|| {
            Diagnostic::error(
                Code::I002,
                &doc.file,
                Text::new(
                    format!("第 {n} 个表格不是主要指标表；主要指标表有：{listed}"),
                    format!("table {n} is not a table of main indicators; these are: {listed}"),
                ),
            )
        }),
        None if tables.len() == 1 => {
            Ok(tables.into_iter().next().unwrap_or_else(|| unreachable!()))
        }
        None => Err(Diagnostic::error(
            Code::I002,
            &doc.file,
            Text::new(
                format!(
                    "文件中有 {} 个主要指标表：{listed}；请用 --table N 选一个",
                    tables.len()
                ),
                format!(
                    "the document has {} tables of main indicators: {listed}; choose one with --table N",
                    tables.len()
                ),
            ),
        )),
    }?;
    aligned(doc, table)
}

/// The table, unless most of its rows do not fit its header: their 指标
/// cell is a number, or their 属性 cell a figure (a header cell broken over
/// several paragraphs in text copied from a page shifts every row). A
/// draft of such rows would be words in the wrong cells; none is written.
/// A 属性 cell otherwise worded (约束性指标, ★, blank) is the draft's to
/// note, not a sign of shifted cells.
fn aligned(doc: &Document, table: IndicatorTable) -> Result<IndicatorTable, Diagnostic> {
    let number = |t: &str| {
        let t = t.trim();
        !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let figure = |t: &str| {
        !t.contains("约束") && !t.contains("预期") && t.chars().any(|c| c.is_ascii_digit())
    };
    let misfits = table
        .rows
        .iter()
        .filter(|r| number(&r.name) || (table.has_attribute && figure(&r.attribute)))
        .count();
    if table.rows.len() < 2 || misfits * 2 <= table.rows.len() {
        return Ok(table);
    }
    Err(Diagnostic::error(
        Code::I002,
        &doc.file,
        Text::new(
            format!(
                "第 {} 个表格的行与表头对不上：{} 行中有 {} 行的“指标”或“属性”一格是数字；没有起草",
                table.number,
                table.rows.len(),
                misfits
            ),
            format!(
                "the rows of table {} do not fit its header: in {} of {} rows the name or the attribute is a number; nothing drafted",
                table.number,
                misfits,
                table.rows.len()
            ),
        ),
    )
    .with_hint(Text::new(
        "各格多半错位了：从网页复制的文字常把表头的一格拆成几段。请对照原文核对这张表，或从原网页、原文件另取一份（.html、.docx、.xlsx）再试",
        "the cells are most likely shifted: text copied from a web page often breaks a header cell into several paragraphs. Check the table against the original, or take another copy from the page or file (.html, .docx, .xlsx)",
    )))
}
