//! The tables of main indicators in a document, whatever its format: a table
//! whose header has a column of 指标 and two year (or 基期/目标) columns; its
//! rows read into categories (blank or merged cells continue the one above),
//! names and units (`在园幼儿数（万人）`), `其中` parts, rows under a heading,
//! the cells as printed, and the notes under it (`注：①…`). The plan's title,
//! issuer and date come from the document's opening.

use super::{Block, Document, clean};
use crate::diagnostic::{Diagnostic, Text};

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
    pub attribute: String,
    /// For a `其中` row: the index of its total in [`IndicatorTable::rows`].
    pub part_of: Option<usize>,
    /// Why the row was read as a part though it does not say `其中`.
    pub part_because: Option<String>,
    /// The unit came from the total or the heading, not the row's own cell.
    pub unit_inherited: bool,
    /// The row has another number of cells than the header: what was made
    /// of it, for the reader to check (never a silent shift).
    pub shape: Option<String>,
}

/// What the document says of the plan itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The plan's title (from `《…》` or `关于印发…的通知`).
    pub title: Option<String>,
    /// The notice's title (`关于印发……的通知`).
    pub notice: Option<String>,
    pub issuer: Option<String>,
    /// `YYYY-MM-DD`.
    pub issued: Option<String>,
    /// The region the issuer governs (`江津区` of 重庆市江津区人民政府).
    pub region: Option<String>,
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
    let digits: String = cell
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4)
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1949..=2100).contains(y))
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
        let col = if c.contains("属性") || c.contains("类型") {
            Col::Attribute
        } else if c.contains("年均") || c.contains("累计") {
            Col::Period
        } else if c.ends_with("单位") {
            // 单位, 计量单位, 指标单位.
            Col::Unit
        } else if c.contains("分类") || c.contains("类别") || c.contains("领域") || c == "类"
        {
            Col::Category
        } else if c.contains("指标") && year.is_none() {
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
        .all(|w| clean(&row[w[0]]) == clean(&row[w[1]]));
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
        .filter(|u| !u.is_empty() && u.chars().count() <= 8)
    {
        Some(unit) => {
            let cut = name.rfind(['（', '(']).unwrap_or(name.len());
            (name[..cut].trim().to_owned(), Some(unit.to_owned()))
        }
        None => (name.to_owned(), None),
    }
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
        let (rows, mut notes) = read_rows(&rows[at + 1..], &cols);
        notes.extend(notes_after(&doc.blocks[i + 1..]));
        out.push(IndicatorTable {
            number: tables_seen,
            caption,
            baseline_year,
            target_year,
            has_period: cols.contains(&Col::Period),
            rows,
            notes,
        });
    }
    out
}

/// The notes right under a table: `注：①…②…` in one paragraph or several,
/// split at the circled numbers.
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

/// The cell of `row` in the first column of role `col`.
fn cell<'r>(row: &'r [String], cols: &[Col], col: Col) -> Option<&'r str> {
    cols.iter()
        .position(|c| *c == col)
        .and_then(|i| row.get(i))
        .map(String::as_str)
}

/// The rows of the table, and the notes printed in its last rows.
fn read_rows(rows: &[Vec<String>], cols: &[Col]) -> (Vec<Row>, Vec<String>) {
    let mut out: Vec<Row> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut category = String::new();
    // The heading the next rows stand under, with its unit.
    let mut heading: Option<(String, Option<String>)> = None;
    // The total the last 其中 row belongs to.
    let mut total: Option<usize> = None;
    // The first level of the last two-level name, with its unit.
    let mut last_level: Option<(String, Option<String>)> = None;
    let rows: Vec<Vec<String>> = rows.iter().flat_map(|r| several_in_one(r, cols)).collect();
    for raw in &rows {
        let mut row: Vec<String> = raw.iter().map(|c| clean(c)).collect();
        let shape = shape_of(&mut row, cols);
        let filled: Vec<&String> = row.iter().filter(|c| !c.is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        // A row merged across the table: a note (注：①…), or a category
        // (`➢ 经济发展`, `一、经济发展`).
        if filled.iter().all(|c| *c == filled[0]) && row.len() > 2 && filled.len() > 1 {
            let text = filled[0];
            if let Some(body) = ["注：", "注:", "注"]
                .iter()
                .find_map(|p| text.strip_prefix(p))
            {
                notes.extend(split_notes(body));
            } else {
                category =
                    strip_ordinal(text.trim_start_matches(['➢', '▶', '►', '■', '◆', '●', ' ']))
                        .to_owned();
                heading = None;
                last_level = None;
            }
            continue;
        }
        // `| 经济发展 |  |  |  |` under a 指标 spread over two columns: the
        // first cell alone, words with no unit: a category row.
        if filled.len() == 1
            && !cols.contains(&Col::Category)
            && cols.first().is_some_and(|c| *c != Col::Indicator)
            && row
                .first()
                .is_some_and(|c| !c.is_empty() && split_unit(c).1.is_none())
        {
            category =
                strip_ordinal(row[0].trim_start_matches(['➢', '▶', '►', '■', '◆', '●', ' ']))
                    .to_owned();
            heading = None;
            total = None;
            last_level = None;
            continue;
        }
        if let Some(c) = cell(&row, cols, Col::Category).filter(|c| !c.is_empty()) {
            let c = strip_ordinal(c);
            if c != category {
                heading = None;
                total = None;
            }
            category = c.to_owned();
        }
        let Some(printed) = cell(&row, cols, Col::Indicator)
            .map(strip_ordinal)
            .filter(|n| !n.is_empty())
        else {
            continue;
        };
        // The first level of a two-level name, where the row has one.
        let group_cell = cell(&row, cols, Col::Group);
        let first_level = match group_cell {
            // Blank under a first level (a merged cell written once): the
            // same first level goes on.
            Some("") => last_level.clone(),
            Some(g) if clean(g) != clean(printed) && strip_ordinal(g) != printed => {
                Some(split_unit(strip_ordinal(g)))
            }
            _ => None,
        };
        last_level.clone_from(&first_level);
        let get = |col| cell(&row, cols, col).unwrap_or("").to_owned();
        let (baseline, target, attribute) =
            (get(Col::Baseline), get(Col::Target), get(Col::Attribute));
        // 约束性 in a narrow merged cell broken over a page (约束 | 性): the
        // word's parts read as the word, the part below as the row above's.
        let attribute = match attribute.trim() {
            "约束" => "约束性".to_owned(),
            "预期" => "预期性".to_owned(),
            "性" => out
                .last()
                .map_or(attribute.clone(), |r: &Row| r.attribute.clone()),
            _ => attribute,
        };
        let period = cols
            .contains(&Col::Period)
            .then(|| ocr_cumulative(&get(Col::Period)));
        // `一` alone in a figure cell is a dash read by OCR, never the numeral.
        let dash = |c: String| {
            if c.trim() == "一" {
                "—".to_owned()
            } else {
                c
            }
        };
        let (baseline, target) = (dash(baseline), dash(target));
        let period = period.map(dash);
        let numbers_empty = baseline.is_empty()
            && target.is_empty()
            && period.as_deref().is_none_or(str::is_empty)
            && attribute.is_empty();
        let (name, unit) = split_unit(printed);
        let unit_cell = cols
            .contains(&Col::Unit)
            .then(|| get(Col::Unit))
            .filter(|u| !u.is_empty());
        // `| 经济发展 |  |  |  |`: a category row, in a table with no 类别
        // column, where the words have no unit of a heading.
        if numbers_empty
            && !cols.contains(&Col::Category)
            && unit.is_none()
            && unit_cell.is_none()
            && filled.len() == 1
        {
            category =
                strip_ordinal(printed.trim_start_matches(['➢', '▶', '►', '■', '◆', '●', ' ']))
                    .to_owned();
            heading = None;
            total = None;
            continue;
        }
        if numbers_empty {
            // A heading over the rows below it (每千人口拥有医护人员数（人）).
            heading = Some((name, unit.or(unit_cell)));
            continue;
        }
        // Cells that cannot be what their column says: the row is off its
        // columns somewhere; said, never taken as read.
        let misfit =
            if crate::number::read_number(printed.trim_end_matches(['*', '＊']), true).is_ok() {
                Some(format!("“指标”一格是数字“{printed}”"))
            } else if cols.contains(&Col::Attribute)
                && !attribute.is_empty()
                && !matches!(attribute.trim(), "约束性" | "预期性")
            {
                Some(format!("“属性”一格是“{attribute}”"))
            } else {
                None
            };
        let shape = match (shape, misfit) {
            (shape, None) => shape,
            (Some(s), Some(m)) => Some(format!("{s}；{m}")),
            (None, Some(m)) => Some(format!("原文这一行{m}：各格可能错位，请逐格核对")),
        };
        let mut row_out = Row {
            shape,
            category: category.clone(),
            baseline,
            target,
            period: period.map(|p| if p.is_empty() { "—".to_owned() } else { p }),
            attribute,
            ..Row::default()
        };
        // A unit column says the unit; a bracket after the name that is
        // another (`（含改扩建）`) is part of the name.
        let (mut name, mut unit) = match (&unit, unit_cell) {
            (Some(bracket), Some(cell))
                if bracket.replace('％', "%") != cell.replace('％', "%") =>
            {
                (crate::number::trim_all(printed).to_owned(), Some(cell))
            }
            (_, cell) => (name, unit.or(cell)),
        };
        // 其中：普通小学 — a part of the total above.
        let part = ["其中：", "其中:", "其中"]
            .iter()
            .find_map(|p| name.strip_prefix(p).map(str::to_owned));
        if let Some(part_name) = part {
            name = part_name.trim_start_matches(['：', ':']).to_owned();
            let t = total.or_else(|| out.iter().rposition(|r| r.part_of.is_none()));
            total = t;
            row_out.part_of = t;
        } else if let Some(t) = total.filter(|_| unit.is_none()) {
            // A row with no unit right after the parts of a total, whose
            // baseline keeps the parts' sum within the total: another part
            // (the print drops 其中 on the second line).
            let sum: Option<f64> = out
                .iter()
                .filter(|r| r.part_of == Some(t))
                .map(|r| number(&r.baseline))
                .chain(std::iter::once(number(&row_out.baseline)))
                .sum();
            match (sum, number(&out[t].baseline)) {
                (Some(sum), Some(whole)) if sum <= whole + 1e-9 => {
                    row_out.part_of = Some(t);
                    row_out.part_because = Some(format!(
                        "原文这一行没有写“其中”，紧接在“其中”分项之后、未写单位，且各分项基期值之和 {} 不超过合计 {}，读作“{}”的分项",
                        crate::number::display(sum),
                        crate::number::display(whole),
                        out[t].name
                    ));
                }
                _ => total = None,
            }
        } else {
            total = None;
        }
        // （3）城镇化率 over 常住人口城镇化率（%）: the first level is the
        // heading the row stands under.
        if let Some((group, group_unit)) = first_level {
            row_out.group = Some(group);
            if unit.is_none() {
                unit = group_unit;
                row_out.unit_inherited = unit.is_some();
            }
        } else if row_out.part_of.is_none()
            && let Some((group, rest)) = name.split_once(['：', ':'])
            && !group.is_empty()
            && !rest.is_empty()
        {
            let (group, group_unit) = split_unit(group);
            row_out.group = Some(group);
            unit = unit.or(group_unit);
            name = rest.to_owned();
        } else if row_out.part_of.is_none()
            && let Some((group, group_unit)) = &heading
            && unit.is_none()
        {
            row_out.group = Some(group.clone());
            unit = group_unit.clone();
            row_out.unit_inherited = unit.is_some();
        } else if unit.is_some() {
            heading = None;
        }
        if unit.is_none()
            && let Some(t) = row_out.part_of
        {
            unit = Some(out[t].unit.clone());
            row_out.unit_inherited = true;
        }
        // A part prints no 属性 of its own: its total's, merged down.
        if row_out.attribute.trim().is_empty()
            && let Some(t) = row_out.part_of
        {
            row_out.attribute = out[t].attribute.clone();
        }
        row_out.name = name;
        row_out.unit = unit.unwrap_or_default();
        if row_out.part_of.is_none() {
            total = None;
        }
        out.push(row_out);
    }
    (out, notes)
}

/// A cumulative figure in the 年均/累计 column as OCR reads its brackets
/// (`[2.75)`, `(9)`, `（9）`): `〔2.75〕`. Anything else as printed.
fn ocr_cumulative(cell: &str) -> String {
    let c = cell.trim();
    let opens = ['[', '〔', '［', '(', '（'];
    let closes = [']', '〕', '］', ')', '）'];
    if let Some(inner) = c.strip_prefix(opens).and_then(|t| t.strip_suffix(closes))
        && !inner.is_empty()
        && crate::plan::read_target(inner).is_ok()
        && !(c.starts_with('〔') && c.ends_with('〕'))
        && !(c.starts_with('[') && c.ends_with(']'))
        && !(c.starts_with('［') && c.ends_with('］'))
    {
        return format!("〔{inner}〕");
    }
    cell.to_owned()
}

/// A name without the ordinal it is numbered with in the table (`（1）`,
/// `(1)`, `1.`, `1、`, `①`, `一、`, `（一）`): statistics name the indicator
/// without it.
pub fn strip_ordinal(name: &str) -> &str {
    let t = name.trim_start();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    // （1） (1) （一）
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        let digits: String = rest.chars().take_while(|&c| numeral(c)).collect();
        if !digits.is_empty()
            && let Some(after) = rest[digits.len()..].strip_prefix(['）', ')'])
        {
            return after.trim_start();
        }
        return t;
    }
    // ① … ⑳
    if let Some(c) = t.chars().next()
        && ('①'..='⑳').contains(&c)
    {
        return t[c.len_utf8()..].trim_start();
    }
    // 1. 1、 一、 — not 1.5 (a number).
    let digits: String = t.chars().take_while(|&c| numeral(c)).collect();
    if !digits.is_empty() {
        let rest = &t[digits.len()..];
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some('、' | '．'), _) => return rest['、'.len_utf8()..].trim_start(),
            (Some('.'), next) if !next.is_some_and(|c| c.is_ascii_digit()) => {
                return rest[1..].trim_start();
            }
            _ => {}
        }
    }
    t
}

/// One printed row holding several indicators, a line each (`化学需氧量`,
/// `氨氮`, … beside `[10]`, `[10]`, …): as many rows, the other cells (the
/// first level of the name, the attribute, a `-`) repeated. Only where the
/// name cell and a figure cell have the same number of lines and every such
/// line of figures reads as a target or a dash: a name wrapped over two
/// lines beside one figure stays one row.
fn several_in_one(raw: &[String], cols: &[Col]) -> Vec<Vec<String>> {
    let lines = |c: &str| -> Vec<String> {
        c.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let Some(name_at) = cols.iter().position(|c| *c == Col::Indicator) else {
        return vec![raw.to_vec()];
    };
    let names = lines(raw.get(name_at).map_or("", String::as_str));
    let n = names.len();
    if n < 2 {
        return vec![raw.to_vec()];
    }
    let figure_cols: Vec<usize> = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Col::Baseline | Col::Target | Col::Period))
        .map(|(i, _)| i)
        .collect();
    let reads = |l: &str| {
        crate::plan::is_dash(l) || crate::plan::read_target(l).is_ok() || number(l).is_some()
    };
    let mut split_any = false;
    for &i in &figure_cols {
        let cell = lines(raw.get(i).map_or("", String::as_str));
        if cell.len() == n {
            if !cell.iter().all(|l| reads(l)) {
                return vec![raw.to_vec()];
            }
            split_any = true;
        } else if cell.len() > 1 {
            return vec![raw.to_vec()];
        }
    }
    if !split_any {
        return vec![raw.to_vec()];
    }
    (0..n)
        .map(|k| {
            raw.iter()
                .enumerate()
                .map(|(i, c)| {
                    let cell = lines(c);
                    if i == name_at || (figure_cols.contains(&i) && cell.len() == n) {
                        cell[k].clone()
                    } else {
                        c.clone()
                    }
                })
                .collect()
        })
        .collect()
}

/// A row with fewer or more cells than the header. One cell short whose
/// name column holds a number, under a header that starts 类别, 指标: the
/// category is printed on its group's first row only, and the row is read
/// one column to the right. Any other difference is said, never silently
/// shifted.
fn shape_of(row: &mut Vec<String>, cols: &[Col]) -> Option<String> {
    let filled = row.iter().filter(|c| !c.is_empty()).count();
    if row.len() == cols.len() || filled <= 1 {
        return None;
    }
    let looks_like_figure = |cell: &str| {
        let cell = cell.trim_end_matches(['*', '＊']);
        cell.is_empty()
            || super::super::plan::is_dash(cell)
            || crate::number::read_number(cell, true).is_ok()
    };
    if row.len() + 1 == cols.len()
        && cols.first() == Some(&Col::Category)
        && cols.get(1) == Some(&Col::Indicator)
        && row.get(1).is_some_and(|c| looks_like_figure(c))
    {
        row.insert(0, String::new());
        return Some(format!(
            "原文这一行比表头少一格，且第二格是数字：读作本行没有印“类别”（沿用上一行），各格右移一列，请核对（共 {} 列）",
            cols.len()
        ));
    }
    // Cells missing at the front (a 类别 printed on its group's first row
    // only), as where 约束性/预期性 stands says, under a header that starts
    // with the category.
    let attribute = cols.iter().position(|c| *c == Col::Attribute);
    let stands = row
        .iter()
        .position(|c| matches!(c.trim(), "约束性" | "预期性"));
    // The 类别 column, after a 序号 the row does print.
    let category = cols.iter().position(|c| *c == Col::Category);
    let numbered = |at: usize| {
        at == 0
            || (at == 1
                && row
                    .first()
                    .is_some_and(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit())))
    };
    if let (Some(a), Some(at), Some(from)) = (attribute, stands, category)
        && numbered(from)
        && at < a
        && row.len() + (a - at) == cols.len()
    {
        let missing = a - at;
        for _ in 0..missing {
            row.insert(from, String::new());
        }
        return Some(format!(
            "原文这一行比表头少 {missing} 格，“属性”一格在第 {} 格：读作本行没有印“类别”（沿用上一行），各格右移 {missing} 列，请核对（共 {} 列）",
            at + 1,
            cols.len()
        ));
    }
    Some(format!(
        "原文这一行有 {} 格，表头有 {} 列：各格可能错位，请逐格核对",
        row.len(),
        cols.len()
    ))
}

/// A printed baseline as a number (`10.5*` → 10.5, `86.44%` → 86.44), where
/// it is one, read as the loader reads it ([`crate::plan::row::read_baseline`]).
fn number(cell: &str) -> Option<f64> {
    crate::plan::row::read_baseline(cell, "")
        .ok()
        .and_then(|b| b.value)
}

/// The plan's title, issuer, date and region from the document's opening:
/// `关于印发……的通知`, `现将《……》印发给你们`, the issuing body's line
/// and the date under it.
pub fn meta(doc: &Document) -> Meta {
    let opening: Vec<&str> = doc
        .blocks
        .iter()
        .take(40)
        .filter_map(|b| match b {
            Block::Text(t) => Some(t.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    let joined: String = opening
        .iter()
        .map(|t| clean(t))
        .collect::<Vec<_>>()
        .join("");
    let mut meta = Meta::default();
    if let Some(start) = joined.find("关于印发")
        && let Some(len) = joined[start..].find("的通知")
    {
        let notice = &joined[start..start + len + "的通知".len()];
        meta.notice = Some(notice.to_owned());
        meta.title = Some(notice["关于印发".len()..notice.len() - "的通知".len()].to_owned());
    }
    if let Some(start) = joined.find('《')
        && let Some(len) = joined[start..].find('》')
    {
        let title = &joined[start + '《'.len_utf8()..start + len];
        if !title.is_empty() {
            meta.title = Some(title.to_owned());
        }
    }
    meta.issuer = opening.iter().map(|t| clean(t)).find(|t| {
        (t.ends_with("人民政府")
            || t.ends_with("委员会")
            || t.ends_with("办公室")
            || t.ends_with("局"))
            && t.chars().count() <= 30
    });
    meta.issued = opening.iter().find_map(|t| date(&clean(t)));
    meta.region = meta.issuer.as_deref().and_then(region_of);
    meta
}

/// `2022年3月30日` → `2022-03-30`.
fn date(text: &str) -> Option<String> {
    let text = crate::number::ascii_digits_in(text);
    let y = text.find('年')?;
    let year: i32 = text[..y].trim().parse().ok()?;
    let rest = &text[y + '年'.len_utf8()..];
    let m = rest.find('月')?;
    let month: u32 = rest[..m].trim().parse().ok()?;
    let rest = &rest[m + '月'.len_utf8()..];
    let d = rest.find('日')?;
    let day: u32 = rest[..d].trim().parse().ok()?;
    ((1949..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year}-{month:02}-{day:02}"))
}

/// The region an issuing body governs: 重庆市江津区人民政府 → 江津区.
fn region_of(issuer: &str) -> Option<String> {
    let body = issuer
        .trim_end_matches("人民政府")
        .trim_end_matches("办公室")
        .trim_end_matches("人民政府");
    let mut last = None;
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if matches!(c, '省' | '市' | '区' | '县' | '州' | '旗' | '盟') {
            last = Some(&body[start..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    last.filter(|r| r.chars().count() >= 2).map(str::to_owned)
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
            "I002",
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
        .with_hint(Text::new(
            "PDF 请先转成文本（每个单元格一行，或用制表符分隔）；扫描件须先识别文字",
            "convert a PDF to text first (a cell per line, or tab-separated); a scan needs text recognition first",
        )));
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
    match wanted {
        Some(n) => tables.into_iter().find(|t| t.number == n).ok_or_else(|| {
            Diagnostic::error(
                "I002",
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
            "I002",
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn header_of(row: &[String]) -> (Vec<Col>, i32, i32) {
        header(row).expect("a header")
    }

    #[test]
    fn headers_say_where_the_years_are() {
        let (cols, b, tg) = header(&t(&["分类", "指标", "2020年", "2025年", "属性"])).unwrap();
        assert_eq!((b, tg), (2020, 2025));
        assert_eq!(
            cols,
            [
                Col::Category,
                Col::Indicator,
                Col::Baseline,
                Col::Target,
                Col::Attribute
            ]
        );
        let (cols, ..) = header(&t(&[
            "#",
            "类别",
            "指标",
            "2025年",
            "2030年",
            "年均/累计",
            "属性",
        ]))
        .unwrap();
        assert_eq!(cols[5], Col::Period);
        assert!(header(&t(&["地区", "2020年", "2025年"])).is_none());
    }

    #[test]
    fn units_are_split_from_names_but_not_a_gloss() {
        assert_eq!(
            split_unit("在园幼儿数（万人）"),
            ("在园幼儿数".into(), Some("万人".into()))
        );
        assert_eq!(
            split_unit("国内生产总值（GDP）增长（%）"),
            ("国内生产总值（GDP）增长".into(), Some("%".into()))
        );
        assert_eq!(split_unit("普通初中"), ("普通初中".into(), None));
    }

    #[test]
    fn parts_headings_and_categories() {
        let cols = [
            Col::Category,
            Col::Indicator,
            Col::Baseline,
            Col::Target,
            Col::Attribute,
        ];
        let rows = vec![
            t(&["义务教育", "在校学生数（万人）", "12.8", "11.1", "预期性"]),
            t(&["", "其中：普通小学", "7.7", "7.1", "预期性"]),
            t(&["", "普通初中", "5.1", "4.1", "预期性"]),
            t(&["", "九年义务教育巩固率（%）", "100", "＞96", "约束性"]),
            t(&["民生福祉", "每千人口拥有医护人员数（人）", "", "", ""]),
            t(&["", "执业医师数", "3.1", "3.7", "预期性"]),
        ];
        let (out, _) = read_rows(&rows, &cols);
        assert_eq!(out.len(), 5);
        assert_eq!((out[1].part_of, out[1].unit.as_str()), (Some(0), "万人"));
        assert_eq!(out[2].part_of, Some(0));
        assert!(out[2].part_because.is_some());
        assert_eq!(out[3].part_of, None);
        assert_eq!(out[4].group.as_deref(), Some("每千人口拥有医护人员数"));
        assert_eq!(
            (out[4].name.as_str(), out[4].unit.as_str()),
            ("执业医师数", "人")
        );
        assert_eq!(out[4].category, "民生福祉");
    }

    #[test]
    fn ocr_brackets_in_the_period_column_are_cumulative() {
        assert_eq!(ocr_cumulative("[2.75)"), "〔2.75〕");
        assert_eq!(ocr_cumulative("(9)"), "〔9〕");
        assert_eq!(ocr_cumulative("（>5000）"), "〔>5000〕");
        // As printed, where they are already brackets of a kind, or words.
        assert_eq!(ocr_cumulative("[3.9]"), "[3.9]");
        assert_eq!(ocr_cumulative("〔17〕"), "〔17〕");
        assert_eq!(ocr_cumulative("（含改扩建）"), "（含改扩建）");
        assert_eq!(ocr_cumulative("＞7"), "＞7");
    }

    #[test]
    fn ordinals_are_no_part_of_a_name() {
        for (printed, name) in [
            (
                "（1）国内生产总值（GDP）（万亿元）",
                "国内生产总值（GDP）（万亿元）",
            ),
            ("(12) 农村贫困人口脱贫", "农村贫困人口脱贫"),
            ("（一）经济发展", "经济发展"),
            ("一、经济发展", "经济发展"),
            ("3. 森林覆盖率", "森林覆盖率"),
            ("3、森林覆盖率", "森林覆盖率"),
            ("①化学需氧量", "化学需氧量"),
            // A number that is the name's own stays.
            ("5G用户普及率", "5G用户普及率"),
            ("1.5级以上", "1.5级以上"),
            ("（PM2.5）浓度", "（PM2.5）浓度"),
        ] {
            assert_eq!(strip_ordinal(printed), name, "{printed}");
        }
    }

    /// The national 13th outline's table: 指标 over two columns, category
    /// rows across the table, two-level names, several indicators in one
    /// row, the notes in its last row.
    #[test]
    fn a_two_level_table_with_category_rows_and_notes_inside() {
        let header = t(&["指标", "指标", "2015年", "2020年", "年均增速[累计]", "属性"]);
        let (cols, _, _) = header_of(&header);
        assert_eq!(cols[0], Col::Group);
        let rows = vec![
            t(&["➢ 经济发展"; 6]),
            t(&[
                "（1）国内生产总值（GDP）（万亿元）",
                "（1）国内生产总值（GDP）（万亿元）",
                "67.7",
                ">92.7",
                ">6.5%",
                "预期性",
            ]),
            t(&[
                "（3）城镇化率",
                "常住人口城镇化率（%）",
                "56.1",
                "60",
                "[3.9]",
                "预期性",
            ]),
            t(&[
                "（25）主要污染物排放总量减少（%）",
                "化学需氧量\n氨氮",
                "-",
                "-",
                "[10]\n[15]",
                "约束性",
            ]),
            t(&["注：①甲。②乙。"; 6]),
        ];
        let (out, notes) = read_rows(&rows, &cols);
        let names: Vec<(&str, Option<&str>, &str, &str)> = out
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.group.as_deref(),
                    r.unit.as_str(),
                    r.period.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                ("国内生产总值（GDP）", None, "万亿元", ">6.5%"),
                ("常住人口城镇化率", Some("城镇化率"), "%", "[3.9]"),
                ("化学需氧量", Some("主要污染物排放总量减少"), "%", "[10]"),
                ("氨氮", Some("主要污染物排放总量减少"), "%", "[15]"),
            ]
        );
        assert!(out.iter().all(|r| r.category == "经济发展"));
        assert_eq!(notes, ["①甲。", "②乙。"]);
    }

    #[test]
    fn a_name_wrapped_over_lines_beside_one_figure_stays_one_row() {
        let cols = [Col::Indicator, Col::Baseline, Col::Target];
        let rows = [t(&["财政性教育\n经费占比（%）", "17.99", "＞19"])];
        assert_eq!(several_in_one(&rows[0], &cols).len(), 1);
        // Two lines of figures that are no targets (1.45左 / 右): one row.
        let rows = [t(&["粮食综合\n生产能力", "1.39", "1.45左\n右"])];
        assert_eq!(several_in_one(&rows[0], &cols).len(), 1);
    }

    #[test]
    fn the_opening_names_the_plan_its_issuer_and_date() {
        let doc = Document {
            file: "x".into(),
            blocks: [
                " 重庆市江津区人民政府",
                "关于印发江津区教育事业发展",
                "“十四五”规划（2021－2025年）的通知",
                "现将《江津区教育事业发展“十四五”规划（2021－2025年）》印发给你们。",
                "2022年3月30日　　",
            ]
            .iter()
            .map(|t| Block::Text(t.to_string()))
            .collect(),
        };
        let m = meta(&doc);
        assert_eq!(
            m.title.as_deref(),
            Some("江津区教育事业发展“十四五”规划（2021－2025年）")
        );
        assert_eq!(m.issuer.as_deref(), Some("重庆市江津区人民政府"));
        assert_eq!(m.issued.as_deref(), Some("2022-03-30"));
        assert_eq!(m.region.as_deref(), Some("江津区"));
        assert_eq!(
            m.notice.as_deref(),
            Some("关于印发江津区教育事业发展“十四五”规划（2021－2025年）的通知")
        );
    }
}
