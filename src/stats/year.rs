//! Where a row's year comes from: `--year`, the year column, or the file
//! name, decided once per file; and the years a file name states.

use crate::diagnostic::{Text, quote_raw};

/// Where the rows of a file take their year from: decided once, when the
/// header is read.
#[derive(Debug, Clone)]
pub(super) enum YearSource {
    /// `--year`, or else the one year of the file name, for a file without a
    /// year column.
    Fixed(i32),
    /// The year column; `--year` must agree with it; an empty cell takes
    /// `--year`, else the file name's year.
    Column {
        column: usize,
        given: Option<i32>,
        named: NameYear,
    },
    /// No year column, no `--year`, and a file name with no year or several:
    /// every row is an error saying so.
    Unknown(NameYear),
}

impl YearSource {
    pub(super) fn new(column: Option<usize>, given: Option<i32>, named: NameYear) -> YearSource {
        match (column, given, named.one()) {
            (Some(column), _, _) => YearSource::Column {
                column,
                given,
                named,
            },
            (None, Some(year), _) | (None, None, Some(year)) => YearSource::Fixed(year),
            (None, None, None) => YearSource::Unknown(named),
        }
    }
}

/// The year of a row with a year column.
pub(super) fn column_year(text: &str, given: Option<i32>, named: &NameYear) -> Result<i32, Text> {
    if text.is_empty() {
        return given.or(named.one()).ok_or_else(|| unknown_year(named));
    }
    let in_file = crate::year::whole(text).ok_or_else(|| {
        Text::new(
            format!("年份“{}”不是四位数年份", quote_raw(text)),
            format!("the year \"{}\" is not a four-digit year", quote_raw(text)),
        )
    })?;
    match given {
        Some(given) if given != in_file => Err(Text::new(
            format!("本行年份为 {in_file}，与 --year {given} 不一致"),
            format!("this row says {in_file}, but --year is {given}"),
        )),
        _ => Ok(in_file),
    }
}

/// Why a row's year is unknown.
pub(super) fn unknown_year(named: &NameYear) -> Text {
    match named {
        NameYear::Several(years) => {
            let list = years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join("、");
            Text::new(
                format!(
                    "文件名（或文件名与工作表名）中有不同的年份（{list}），不知道数据是哪一年的：请用 --year 指定，或加“年份”列"
                ),
                format!(
                    "the file name (or the file name and the sheet's) holds different years ({}), so the year of the figures is unknown: give --year, or add a year column",
                    list.replace('、', ", ")
                ),
            )
        }
        _ => Text::new(
            "不知道数据是哪一年的：请用 --year 指定，或加“年份”列，或在文件名中写上年份（如 2023.csv）",
            "the year of the figures is unknown: give --year, add a year column, or put the year in the file name (2023.csv)",
        ),
    }
}

/// The years a file name states.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum NameYear {
    #[default]
    None,
    One(i32),
    /// Several different years (`江津区2024年1月报送_2023年度数据`): which one
    /// the figures are of is not for the tool to guess.
    Several(Vec<i32>),
}

impl NameYear {
    pub fn one(&self) -> Option<i32> {
        match self {
            NameYear::One(year) => Some(*year),
            _ => None,
        }
    }
}

/// The years (1900–2099) standing alone in a file name: `2023`,
/// `江津-2023-统计`, but not `120231`.
pub fn year_in_name(stem: &str) -> NameYear {
    let mut years: Vec<i32> = Vec::new();
    for year in crate::year::years_in(stem).map(|f| f.year) {
        if crate::year::is_calendar(year) && !years.contains(&year) {
            years.push(year);
        }
    }
    match years.as_slice() {
        [] => NameYear::None,
        [one] => NameYear::One(*one),
        _ => NameYear::Several(years),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_year_standing_alone_in_a_file_name() {
        assert_eq!(year_in_name("2023"), NameYear::One(2023));
        assert_eq!(year_in_name("江津-2023-统计"), NameYear::One(2023));
        assert_eq!(year_in_name("stats_2021"), NameYear::One(2021));
        assert_eq!(year_in_name("2023_v2_2023"), NameYear::One(2023));
        assert_eq!(year_in_name("120231"), NameYear::None);
        assert_eq!(year_in_name("3023"), NameYear::None);
        assert_eq!(year_in_name("abc"), NameYear::None);
        assert_eq!(
            year_in_name("江津区2024年1月报送_2023年度数据"),
            NameYear::Several(vec![2024, 2023])
        );
    }
}
