//! What a column of an indicator table is, decided from the rows under it
//! where its header does not say: a blank header beside 指标 over units
//! (the unit column), a first level that is a category.

use super::*;

/// Under a name spread over two columns, the second holds units in most
/// rows that fill it (`万人`, `%`, `所`): a unit column with a blank header.
pub(super) fn names_are_units(rows: &[Vec<String>], cols: &[Col]) -> bool {
    let (Some(g), Some(n)) = (
        cols.iter().position(|c| *c == Col::Group),
        cols.iter().position(|c| *c == Col::Indicator),
    ) else {
        return false;
    };
    if n != g + 1 || cols.contains(&Col::Unit) {
        return false;
    }
    let seconds: Vec<String> = rows
        .iter()
        .filter_map(|row| row.get(n).map(|c| clean(c)))
        .filter(|c| !c.is_empty())
        .collect();
    let units = seconds.iter().filter(|c| unit_like(c)).count();
    !seconds.is_empty() && units * 2 > seconds.len()
}

/// `（万人）` → `万人`: a cell wholly in brackets, without them; any other
/// cell as it is (`条（段）`, a unit with a bracket of its own).
pub(super) fn unbracketed(cell: &str) -> &str {
    let cell = cell.trim();
    ['（', '(']
        .iter()
        .find_map(|open| cell.strip_prefix(*open))
        .and_then(|rest| {
            ['）', ')']
                .iter()
                .find_map(|close| rest.strip_suffix(*close))
        })
        .filter(|inner| !inner.contains(['（', '(', '）', ')']))
        .unwrap_or(cell)
}

/// A cell that reads as a unit of measure: short, no digits, `%`/`‰`/`/`
/// or only the characters units are written with.
fn unit_like(cell: &str) -> bool {
    const UNIT_CHARS: &str = "万亿千百十人元所个张件岁年月日亩顷吨米辆套家座次户公里小时天平方立克升度瓦标准煤处项床位名台株头只册部条间栋立方千瓦时分点";
    let cell = unbracketed(cell);
    let n = cell.chars().count();
    (1..=6).contains(&n)
        && !cell.chars().any(|c| c.is_ascii_digit())
        && (cell.contains(['%', '％', '‰', '/']) || cell.chars().all(|c| UNIT_CHARS.contains(c)))
}

/// Under one 指标 header spread over two columns, the left column is the
/// first level of a two-level name when some row fills both with its name
/// (a one-level row, as the national outlines print them). When no row does,
/// no left cell carries a unit, and a left cell stands beside more than one
/// row (merged down), in a table with no category column, the left column
/// is the category (`保护利用` beside its eight indicators, as 《湖北省文物事业
/// 发展“十四五”规划》 prints it).
pub(super) fn group_is_category(rows: &[Vec<String>], cols: &[Col]) -> bool {
    let (Some(g), Some(n)) = (
        cols.iter().position(|c| *c == Col::Group),
        cols.iter().position(|c| *c == Col::Indicator),
    ) else {
        return false;
    };
    if cols.contains(&Col::Category) {
        return false;
    }
    let mut lefts: Vec<String> = Vec::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| clean(c)).collect();
        let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        // Rows across the table (a category row, the notes) say nothing here.
        if filled.is_empty() || filled.iter().all(|c| *c == filled[0]) {
            continue;
        }
        let (Some(left), Some(name)) = (cells.get(g), cells.get(n)) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        if left == name || strip_ordinal(left) == strip_ordinal(name) {
            return false;
        }
        if split_unit(left).1.is_some() {
            return false;
        }
        lefts.push(left.clone());
    }
    lefts.windows(2).any(|w| !w[0].is_empty() && w[0] == w[1])
}
