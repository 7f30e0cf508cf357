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
        // A part of a year in the name (2023年1-6月.csv): not the year's
        // figures, whatever a year column says; `--year` says they are.
        if given.is_none() && matches!(named, NameYear::Partial { .. }) {
            return YearSource::Unknown(named);
        }
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
        NameYear::Partial { year, part } => Text::new(
            format!(
                "文件名（或工作表名）说这是 {year} 年的一部分（“{part}”），规划的要求是全年的：不按全年判断；确是全年数据的，请用 --year {year} 指定"
            ),
            format!(
                "the file (or sheet) name says it holds part of {year} (\"{part}\"), and the plan's requirements are the whole year's: not judged as the year; if the figures are the whole year's, give --year {year}"
            ),
        ),
        NameYear::Date(date) => Text::new(
            format!(
                "文件名中的“{date}”是日期（像是导出或报送的日子），不是数据的年份：请用 --year 指定，或加“年份”列"
            ),
            format!(
                "\"{date}\" in the file name is a date (when it was exported or sent?), not the year of the figures: give --year, or add a year column"
            ),
        ),
        NameYear::Unnamed => Text::new(
            "不知道数据是哪一年的：从标准输入读取时请用 --year 指定，或加“年份”列",
            "the year of the figures is unknown: reading standard input, give --year, or add a year column",
        ),
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
    /// A year with a part of it (`2023年1-6月`, `2023Q3`, `2023年上半年`): no
    /// whole year's figures, which the plan's requirements are of.
    Partial {
        year: i32,
        part: String,
    },
    /// A date (`export-2024-01-05`): when the file was written, not the
    /// year of its figures.
    Date(String),
    /// Standard input: no name to hold a year.
    Unnamed,
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
/// `江津-2023-统计`, but not `120231`; a year with a part of it or a date
/// said as such.
pub fn year_in_name(stem: &str) -> NameYear {
    // Whole years, parts of years and dates, each in the order met.
    let mut years: Vec<i32> = Vec::new();
    let mut parts: Vec<(i32, String)> = Vec::new();
    let mut dates: Vec<(i32, String)> = Vec::new();
    // Every year, in the order met.
    let mut all: Vec<i32> = Vec::new();
    for found in crate::year::years_in(stem) {
        if !crate::year::is_calendar(found.year) {
            continue;
        }
        if !all.contains(&found.year) {
            all.push(found.year);
        }
        let after = &stem[found.at.end..];
        if let Some(date) = date_after(after) {
            dates.push((found.year, format!("{}{date}", &stem[found.at.clone()])));
        } else if let Some(part) = part_after(after) {
            parts.push((found.year, part));
        } else if !years.contains(&found.year) {
            years.push(found.year);
        }
    }
    match (years.as_slice(), parts.as_slice(), dates.as_slice()) {
        ([], [], []) => NameYear::None,
        // A date beside one year (`2023年统计_2024-01-05导出`): the year's.
        ([one], [], _) => NameYear::One(*one),
        ([], [], [(_, date), ..]) => NameYear::Date(date.clone()),
        ([], [(year, part)], _) => NameYear::Partial {
            year: *year,
            part: part.clone(),
        },
        // 2024年1月报送_2023年度数据: which is the figures' is not for the
        // tool to guess.
        _ => match all.as_slice() {
            [one] => NameYear::One(*one),
            _ => NameYear::Several(all),
        },
    }
}

/// The month and day after a year (`-01-05`, `.1.5`, `年1月5日`, `_01_05`).
fn date_after(after: &str) -> Option<&str> {
    let mut rest = after;
    let take_sep = |rest: &mut &str, seps: &[char]| {
        let c = rest.chars().next().filter(|c| seps.contains(c))?;
        *rest = &rest[c.len_utf8()..];
        Some(c)
    };
    let take_number = |rest: &mut &str| {
        let n = rest.chars().take_while(char::is_ascii_digit).count();
        ((1..=2).contains(&n)).then(|| *rest = &rest[n..])
    };
    let first = take_sep(&mut rest, &['-', '.', '_', '年', '/'])?;
    take_number(&mut rest)?;
    // 年…月…日, or one separator twice (2024-01-05, 2024.1.5).
    let second = if first == '年' { '月' } else { first };
    take_sep(&mut rest, &[second])?;
    take_number(&mut rest)?;
    // Not followed by more digits or a month (2023-1-6月 is months).
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == '月') {
        return None;
    }
    let end = after.len() - rest.len();
    let end = if rest.starts_with('日') {
        end + '日'.len_utf8()
    } else {
        end
    };
    Some(&after[..end])
}

/// The part of a year after it (`年1-6月`, `Q3`, `上半年`, `年第三季度`,
/// `年6月`), when it is less than the whole year (`1-12月` and `全年` are
/// the whole, `年度` says the year).
fn part_after(after: &str) -> Option<String> {
    // 2023-06, 2023.06, 2023_06: a month (two digits, no day after).
    if let Some(rest) = after.strip_prefix(['-', '.', '_']) {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 2
            && let Ok(month @ 1..=12) = digits.parse::<u32>()
            && !rest[2..].starts_with(|c: char| c.is_ascii_digit() || ['-', '.', '_'].contains(&c))
        {
            return Some(format!("{month}月"));
        }
    }
    let rest = after.trim_start_matches(['年', ' ', '_', '-', '（', '(']);
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    const HALVES: [&str; 14] = [
        "上半年",
        "下半年",
        "前三季度",
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "半年",
        "中报",
        "一季报",
        "三季报",
        "季报",
        "H1",
        "H2",
    ];
    if let Some(h) = HALVES.iter().find(|h| rest.starts_with(**h)) {
        return Some((*h).to_owned());
    }
    let upper: String = rest
        .chars()
        .take(2)
        .collect::<String>()
        .to_ascii_uppercase();
    if let ["Q1" | "Q2" | "Q3" | "Q4"] = [upper.as_str()] {
        return Some(upper);
    }
    // 1-6月, 1—9月, 1~6月, 6月, 1至6月, 1季度.
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let n = digits(rest);
    if n == 0 || n > 2 {
        return None;
    }
    let first: u32 = rest[..n].parse().ok()?;
    let tail = &rest[n..];
    if tail.starts_with("季度") {
        return Some(format!("{first}季度"));
    }
    if tail.starts_with('月') {
        return Some(format!("{first}月"));
    }
    let sep = tail
        .chars()
        .next()
        .filter(|c| ['-', '—', '–', '~', '～', '至', '－'].contains(c))?;
    let tail = &tail[sep.len_utf8()..];
    let m = digits(tail);
    if m == 0 || m > 2 || !tail[m..].starts_with('月') {
        return None;
    }
    let last: u32 = tail[..m].parse().ok()?;
    (!(first == 1 && last == 12)).then(|| format!("{first}{sep}{last}月"))
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
        assert_eq!(year_in_name("2023年度"), NameYear::One(2023));
        assert_eq!(year_in_name("2023年1-12月"), NameYear::One(2023));
        assert_eq!(
            year_in_name("2023-2024"),
            NameYear::Several(vec![2023, 2024])
        );
    }

    #[test]
    fn a_part_of_a_year_or_a_date_is_said_to_be_one() {
        let part = |stem: &str| match year_in_name(stem) {
            NameYear::Partial { year, part } => Some((year, part)),
            _ => None,
        };
        assert_eq!(part("2023年1-6月"), Some((2023, "1-6月".to_owned())));
        assert_eq!(
            part("江津区2023年1—9月统计"),
            Some((2023, "1—9月".to_owned()))
        );
        assert_eq!(part("2023Q3"), Some((2023, "Q3".to_owned())));
        assert_eq!(part("2023q1"), Some((2023, "Q1".to_owned())));
        assert_eq!(part("2023年上半年"), Some((2023, "上半年".to_owned())));
        assert_eq!(part("2023年第三季度"), Some((2023, "三季度".to_owned())));
        assert_eq!(part("2023年6月"), Some((2023, "6月".to_owned())));
        assert_eq!(part("2023"), None);
        assert_eq!(part("2023_v2"), None);
        assert_eq!(
            year_in_name("export-2024-01-05"),
            NameYear::Date("2024-01-05".to_owned())
        );
        assert_eq!(
            year_in_name("报送2024年1月5日"),
            NameYear::Date("2024年1月5日".to_owned())
        );
        assert_eq!(year_in_name("2023-1"), NameYear::One(2023));
        assert_eq!(part("2023-06"), Some((2023, "6月".to_owned())));
        assert_eq!(part("2023年（1-6月）"), Some((2023, "1-6月".to_owned())));
        assert_eq!(part("2023H1"), Some((2023, "H1".to_owned())));
        assert_eq!(part("2023年中报"), Some((2023, "中报".to_owned())));
        assert_eq!(part("2023年三季报"), Some((2023, "三季报".to_owned())));
        assert_eq!(
            year_in_name("2023-2024"),
            NameYear::Several(vec![2023, 2024])
        );
    }
}
