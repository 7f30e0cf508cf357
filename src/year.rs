//! The one reading of a year written in text: four digits standing alone,
//! ASCII or full-width (`2023`, `２０２３`), not part of a longer number.
//! Statistics cells and file names (`stats`), a table's header cells and
//! notes (`import`) and a bulletin's title (`extract`) all find their years
//! here; each says only which of the years it finds it wants.

use std::ops::Range;

/// A year found in text, and the bytes its digits take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub year: i32,
    pub at: Range<usize>,
}

/// Every run of exactly four digits in `text` that no other digit touches,
/// in order: `2021－2025年` gives 2021 and 2025, `120231` nothing.
pub fn years_in(text: &str) -> impl Iterator<Item = Found> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, first) = chars.next()?;
            let Some(d) = digit(first) else { continue };
            let mut year = d;
            let mut count = 1;
            let mut end = start + first.len_utf8();
            while let Some(&(at, c)) = chars.peek() {
                let Some(d) = digit(c) else { break };
                year = year.saturating_mul(10).saturating_add(d);
                count += 1;
                end = at + c.len_utf8();
                chars.next();
            }
            if count == 4 {
                return Some(Found {
                    year,
                    at: start..end,
                });
            }
        }
    })
}

/// The year a cell holds when it holds nothing else (`2023`, `2023年`,
/// `２０２３`, spaces around): `23`, `2023.5` and `20231` are none.
pub fn whole(cell: &str) -> Option<i32> {
    let text = cell.trim().trim_end_matches('年').trim_end();
    let found = years_in(text).next()?;
    (found.at == (0..text.len())).then_some(found.year)
}

/// The year a title or a header names before 年 (`2022年国民经济…`,
/// `2025年目标`): the first year followed by 年.
pub fn before_nian(text: &str) -> Option<i32> {
    years_in(text)
        .find(|f| text[f.at.end..].starts_with('年'))
        .map(|f| f.year)
}

/// Whether a year found in free text (a file name, a header, a note) can be
/// a plan's or its statistics' year: 1900 to 2099. A year cell is read
/// whatever its digits, so that `3023` is named as a slip, not as no year.
pub fn is_calendar(year: i32) -> bool {
    (1900..=2099).contains(&year)
}

fn digit(c: char) -> Option<i32> {
    match c {
        '0'..='9' => Some(c as i32 - '0' as i32),
        '０'..='９' => Some(c as i32 - '０' as i32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> Vec<i32> {
        years_in(text).map(|f| f.year).collect()
    }

    #[test]
    fn four_digits_standing_alone_are_a_year() {
        assert_eq!(years("2021－2025年"), [2021, 2025]);
        assert_eq!(years("江津区2024年1月报送_2023年度数据"), [2024, 2023]);
        assert_eq!(years("２０２３年"), [2023]);
        assert_eq!(years("120231"), Vec::<i32>::new());
        assert_eq!(years("第1期"), Vec::<i32>::new());
        assert_eq!(years("1、2025年目标"), [2025]);
        assert_eq!(years(""), Vec::<i32>::new());
    }

    #[test]
    fn the_bytes_of_a_year_are_where_its_digits_stand() {
        let text = "（２０２５年）";
        let found = years_in(text).next().expect("a year");
        assert_eq!(&text[found.at], "２０２５");
    }

    #[test]
    fn a_cell_that_is_a_year() {
        assert_eq!(whole("2023"), Some(2023));
        assert_eq!(whole(" 2023年 "), Some(2023));
        assert_eq!(whole("２０２３"), Some(2023));
        assert_eq!(whole("3023"), Some(3023));
        assert_eq!(whole("23"), None);
        assert_eq!(whole("2023.5"), None);
        assert_eq!(whole("2023年度"), None);
        assert_eq!(whole("20231"), None);
    }

    #[test]
    fn a_year_before_nian() {
        assert_eq!(before_nian("2022年国民经济和社会发展统计公报"), Some(2022));
        assert_eq!(before_nian("江津区2023统计 2024年"), Some(2024));
        assert_eq!(before_nian("近五年"), None);
        assert_eq!(before_nian("12023年"), None);
    }
}
