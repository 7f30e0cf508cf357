//! Wide tables, as statistical yearbooks and collection sheets print them:
//!
//! - **years as columns**: `指标名称,单位,2021年,2022年,2023年` — one row per
//!   indicator, one column per year (`2021`, `2021年`, `2021年度`,
//!   `2021年实际` read; a target, `2025年目标`, left alone; any other words
//!   after a year, `2023年（预计）`, refused rather than passed over);
//! - **indicators as columns**: `地区,在园幼儿数,毛入园率,…` — one row per
//!   region (or year), one column per indicator, the header cells naming the
//!   plan's indicators.
//!
//! The header decides the shape ([`detect`]); each wide row is then read as
//! the long rows it stands for, by the same `RowReader`, each
//! figure at its own cell. A header that could be read both ways is an error.

use super::resolve::{Resolution, Resolver};
use crate::diagnostic::Text;
use crate::number::trim_all;
use crate::plan::PlanSet;
use csv::ByteRecord;
use std::sync::Arc;

/// How a table is laid out.
#[derive(Debug, Clone, Default)]
pub enum Shape {
    /// One figure per row: 指标, 数值 (and 年份, 地区, …).
    #[default]
    Long,
    /// One column per year: (column, year).
    Years(Arc<[(usize, i32)]>),
    /// One column per indicator: (column, the header cell's text).
    Indicators(Arc<[(usize, Vec<u8>)]>),
}

/// The year a header cell names as a column of figures: `2021`, `2021年`,
/// `2021年实际`, `２０２１年`; `None` for `2025年目标` and anything else.
pub fn year_column(cell: &str) -> Option<i32> {
    let text = trim_all(cell);
    let found = crate::year::years_in(text).next()?;
    if found.at.start != 0 || !crate::year::is_calendar(found.year) {
        return None;
    }
    let rest = trim_all(&text[found.at.end..]);
    let rest = rest.strip_prefix('年').map_or(rest, trim_all);
    let rest = rest
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    matches!(
        rest,
        "" | "度" | "末" | "底" | "实际" | "实际值" | "数值" | "完成" | "完成值" | "实绩"
    )
    .then_some(found.year)
}

/// What a header row says about the shape, given the columns already known
/// by name (`known[i]`: the header recognised cell `i` as 指标, 地区, …).
pub enum Detected {
    Long,
    Wide(Shape),
    /// Indicators as columns, and the header cells that name no indicator
    /// (their columns are not read: a warning each).
    Indicators(Shape, Vec<(usize, String)>),
    /// Both wide readings fit, or a wide one beside a 数值/年份 column.
    Ambiguous(Text),
    /// Not a header this tool can read.
    None,
}

/// What the header names besides the shape's columns.
pub struct Named {
    pub indicator: bool,
    pub value: bool,
    pub year: bool,
    /// A 地区 column.
    pub region: bool,
}

/// Decides the shape from the header: with 指标 and 数值, long; with 指标 and
/// year columns, years as columns; with neither 指标 nor 数值, header cells
/// that are the plan's indicators are indicators as columns, when a 地区 or
/// 年份 column says the rows are regions or years, or when every cell is an
/// indicator (a data row such as `毛入园率,98.2` is no header).
pub fn detect(record: &ByteRecord, known: &[bool], named: Named, plans: &PlanSet) -> Detected {
    let Named {
        indicator: has_indicator,
        value: has_value,
        year: has_year,
        region: has_region,
    } = named;
    let cells: Vec<(usize, String)> = record
        .iter()
        .enumerate()
        .filter(|(i, _)| !known.get(*i).copied().unwrap_or(false))
        .map(|(i, raw)| (i, trim_all(&String::from_utf8_lossy(raw)).to_owned()))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    let years: Vec<(usize, i32)> = cells
        .iter()
        .filter_map(|(i, text)| year_column(text).map(|y| (*i, y)))
        .collect();
    let resolvers: Vec<Resolver> = plans.plans.iter().map(Resolver::new).collect();
    let indicators: Vec<(usize, Vec<u8>)> = cells
        .iter()
        .filter(|(_, text)| {
            resolvers
                .iter()
                .any(|r| !matches!(r.resolve(text, None), Resolution::Unknown(_)))
        })
        .map(|(i, text)| (*i, text.clone().into_bytes()))
        .collect();
    let named = |list: &[String]| list.iter().take(3).cloned().collect::<Vec<_>>().join("、");
    // The same year twice: which columns, before anything is read from them.
    for (n, (column, year)) in years.iter().enumerate() {
        if let Some((first, _)) = years[..n].iter().find(|(_, y)| y == year) {
            return Detected::Ambiguous(Text::new(
                format!(
                    "表头中 {year} 年出现了两次：第 {} 列“{}”和第 {} 列“{}”",
                    first + 1,
                    cells_text(&cells, *first),
                    column + 1,
                    cells_text(&cells, *column)
                ),
                format!(
                    "the header has the year {year} twice: column {} \"{}\" and column {} \"{}\"",
                    first + 1,
                    cells_text(&cells, *first),
                    column + 1,
                    cells_text(&cells, *column)
                ),
            ));
        }
    }
    let year_names: Vec<String> = years.iter().map(|(i, _)| cells_text(&cells, *i)).collect();
    let indicator_names: Vec<String> = indicators
        .iter()
        .map(|(i, _)| cells_text(&cells, *i))
        .collect();
    match (has_indicator, has_value) {
        (true, true) if years.is_empty() => Detected::Long,
        (true, true) => Detected::Ambiguous(Text::new(
            format!(
                "表头既有“数值”列，又有年份列（{}）：不知道该读哪一列",
                named(&year_names)
            ),
            format!(
                "the header has a value column and year columns ({}): which holds the figures is unclear",
                named(&year_names)
            ),
        )),
        (true, false) if !years.is_empty() && has_year => Detected::Ambiguous(Text::new(
            format!(
                "表头既有“年份”列，又有年份作列名（{}）：请只用一种",
                named(&year_names)
            ),
            format!(
                "the header has a year column and years as column names ({}): use one of them",
                named(&year_names)
            ),
        )),
        // Years as columns, and beside them a column named like an
        // indicator: which figures are whose cannot be told.
        (true, false) if !years.is_empty() && !indicators.is_empty() => {
            Detected::Ambiguous(Text::new(
                format!(
                    "表头既有年份列（{}），又有以指标为名的列（{}）：那一列的数是哪一年的、哪一行的，看不出来；请把它改成一行（指标名写在“指标”列），或删去",
                    named(&year_names),
                    named(&indicator_names)
                ),
                format!(
                    "the header has year columns ({}) and a column named after an indicator ({}): whose and which year's figures it holds cannot be told; make it a row (the name in the indicator column), or remove it",
                    named(&year_names),
                    named(&indicator_names)
                ),
            ))
        }
        (true, false) if !years.is_empty() => match unread_year(&cells, &years) {
            // A column of some year's figures that is not read as that
            // year's: refused, not passed over (`2023年（预计）`, `2023年快报`).
            Some((column, text)) => Detected::Ambiguous(Text::new(
                format!(
                    "表头第 {} 列“{text}”写着年份，但不是能读的年份列名（如 2023、2023年、2023年度、2023年实际）：这一列不知道该不该读",
                    column + 1
                ),
                format!(
                    "header column {} \"{text}\" names a year, but not as a year column is named (2023, 2023年, 2023年度, 2023年实际): whether to read it is unclear",
                    column + 1
                ),
            )),
            None => Detected::Wide(Shape::Years(years.into())),
        },
        (false, false) if !indicators.is_empty() && !years.is_empty() => {
            Detected::Ambiguous(Text::new(
                format!(
                    "表头既有年份列（{}），又有指标列（{}）：可按两种方式读，请改成其中一种（每行一个指标、每列一年，或每行一个地区、每列一个指标）",
                    named(&year_names),
                    named(&indicator_names)
                ),
                format!(
                    "the header has both year columns ({}) and indicator columns ({}): it could be read either way; use one (a row per indicator and a column per year, or a row per region and a column per indicator)",
                    named(&year_names),
                    named(&indicator_names)
                ),
            ))
        }
        (false, false)
            if !indicators.is_empty()
                && (has_region || has_year || indicators.len() == cells.len()) =>
        {
            let others: Vec<(usize, String)> = cells
                .iter()
                .filter(|(i, _)| !indicators.iter().any(|(c, _)| c == i))
                .cloned()
                .collect();
            Detected::Indicators(Shape::Indicators(indicators.into()), others)
        }
        _ => Detected::None,
    }
}

/// A header cell beside the year columns that names a year but is none of
/// them, and is no target (`2025年目标`, `规划目标（2025年）`): its figures
/// would go unread.
fn unread_year<'c>(
    cells: &'c [(usize, String)],
    years: &[(usize, i32)],
) -> Option<(usize, &'c str)> {
    cells
        .iter()
        .filter(|(i, _)| !years.iter().any(|(c, _)| c == i))
        .find(|(_, text)| {
            crate::year::years_in(text).any(|f| crate::year::is_calendar(f.year))
                && !["目标", "规划", "预期"].iter().any(|w| text.contains(w))
        })
        .map(|(i, text)| (*i, text.as_str()))
}

fn cells_text(cells: &[(usize, String)], column: usize) -> String {
    cells
        .iter()
        .find(|(i, _)| *i == column)
        .map(|(_, t)| t.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_columns_as_yearbooks_print_them() {
        for (cell, year) in [
            ("2021", Some(2021)),
            ("2021年", Some(2021)),
            ("2021年实际", Some(2021)),
            ("2021年（实际）", Some(2021)),
            ("2023年度", Some(2023)),
            ("2023年末", Some(2023)),
            (" ２０２２年 ", Some(2022)),
            ("2025年目标", None),
            ("2025年规划目标", None),
            ("20211", None),
            ("年份", None),
            ("1800年", None),
        ] {
            assert_eq!(year_column(cell), year, "{cell}");
        }
    }
}
