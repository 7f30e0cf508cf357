//! The rows of an indicator table read into [`Row`]s: categories (merged,
//! blank-continued or a row across the table), two-level names, `其中`
//! parts, headings, several indicators in one row, ordinals, rows short of
//! cells, and the notes in the table's last row.

use super::*;

/// The cell of `row` in the first column of role `col`.
pub(super) fn cell<'r>(row: &'r [String], cols: &[Col], col: Col) -> Option<&'r str> {
    cols.iter()
        .position(|c| *c == col)
        .and_then(|i| row.get(i))
        .map(String::as_str)
}

/// The rows of the table, and the notes printed in its last rows.
/// `growth`: for each column, whether it is a 年均/累计 column whose header
/// says it holds growth.
pub(super) fn read_rows(
    rows: &[Vec<String>],
    cols: &[Col],
    growth: &[bool],
) -> (Vec<Row>, Vec<String>) {
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
    let as_unit: Vec<Col>;
    // `| 指标 |  |` over names and their units (万人, %, 所): the blank
    // column is the unit's, not a second level of the name (a helper's
    // review: units were drafted as names).
    let cols = if names_are_units(&rows, cols) {
        as_unit = cols
            .iter()
            .map(|&c| match c {
                Col::Group => Col::Indicator,
                Col::Indicator => Col::Unit,
                c => c,
            })
            .collect();
        &as_unit[..]
    } else {
        cols
    };
    let as_category: Vec<Col>;
    let cols = if group_is_category(&rows, cols) {
        as_category = cols
            .iter()
            .map(|&c| if c == Col::Group { Col::Category } else { c })
            .collect();
        &as_category[..]
    } else {
        cols
    };
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
        // Under a 指标 spread over two columns, a one-level name stands in
        // the first and leaves the second blank (`| 国内生产总值(万亿元) |  |`).
        let Some(printed) = cell(&row, cols, Col::Indicator)
            .map(strip_ordinal)
            .filter(|n| !n.is_empty())
            .or_else(|| {
                cell(&row, cols, Col::Group)
                    .map(strip_ordinal)
                    .filter(|n| !n.is_empty())
            })
        else {
            continue;
        };
        // The first level of a two-level name, where the row has one.
        let group_cell = cell(&row, cols, Col::Group);
        let continued = group_cell == Some("");
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
        // The 年均/累计 cell: of two such columns (五年累计 | 五年平均增长),
        // the one the row fills, the growth where it fills both, the
        // other said.
        let periods: Vec<(usize, &str)> = cols
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == Col::Period)
            .map(|(i, _)| (i, row.get(i).map_or("", |c| c.trim())))
            .collect();
        let filled_periods: Vec<(usize, &str)> = periods
            .iter()
            .copied()
            .filter(|(_, c)| !c.is_empty() && !["—", "-", "－", "/", "一"].contains(c))
            .collect();
        let chosen = filled_periods
            .iter()
            .find(|(i, _)| growth.get(*i).copied().unwrap_or(false))
            .or(filled_periods.first())
            .or(periods.first())
            .copied();
        let period_growth = chosen.is_some_and(|(i, _)| growth.get(i).copied().unwrap_or(false));
        let period_left: Vec<String> = filled_periods
            .iter()
            .filter(|(i, _)| Some(*i) != chosen.map(|(c, _)| c))
            .map(|(_, c)| (*c).to_owned())
            .collect();
        let period = chosen.map(|(_, c)| ocr_cumulative(c));
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
        // A unit cell printed in brackets (（万人）) is the unit inside;
        // 条（段） keeps its own.
        let unit_cell = cols
            .contains(&Col::Unit)
            .then(|| super::roles::unbracketed(&get(Col::Unit)).to_owned())
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
                && crate::import::attribute_word(&attribute).is_none()
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
            period_growth,
            period_left,
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
            // Said where it makes the part binding: that decides exit codes.
            if crate::import::attribute_word(&row_out.attribute) == Some("约束性") {
                let note = "“属性”一格空着，按合计一行读作“约束性”".to_owned();
                row_out.shape = Some(match row_out.shape.take() {
                    Some(s) => format!("{s}；{note}"),
                    None => note,
                });
            }
        }
        // A row under a first level written once (its cell blank) prints no
        // 属性 either: the merged cell's, from the row above in its group.
        if row_out.attribute.trim().is_empty()
            && continued
            && row_out.group.is_some()
            && let Some(above) = out
                .last()
                .filter(|r| r.group == row_out.group && r.category == row_out.category)
        {
            row_out.attribute = above.attribute.clone();
            let note = format!(
                "“属性”一格空着，按合并单元格读作同组上一行的“{}”",
                above.attribute
            );
            row_out.shape = Some(match row_out.shape.take() {
                Some(s) => format!("{s}；{note}"),
                None => note,
            });
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
pub(super) fn ocr_cumulative(cell: &str) -> String {
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
pub(super) fn several_in_one(raw: &[String], cols: &[Col]) -> Vec<Vec<String>> {
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
pub(super) fn shape_of(row: &mut Vec<String>, cols: &[Col]) -> Option<String> {
    let filled = row.iter().filter(|c| !c.is_empty()).count();
    if row.len() == cols.len() || filled <= 1 {
        return None;
    }
    let looks_like_figure = |cell: &str| {
        let cell = cell.trim_end_matches(['*', '＊']);
        cell.is_empty()
            || crate::plan::is_dash(cell)
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
pub(super) fn number(cell: &str) -> Option<f64> {
    crate::plan::row::read_baseline(cell, "")
        .ok()
        .and_then(|b| b.value)
}
