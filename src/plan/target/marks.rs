//! The small marks inside a printed target: whether the number itself is
//! included (`6人（含）以下`, `6人（不含）以下`), a unit printed after the
//! brackets (`≤[3256]万亩`), a count in Chinese numerals (`一个百分点`).

use super::{BRACKETS, SIGNS, in_number};
use crate::number::{read_number, trim_all};

/// The marks that say whether the number itself is included: （含）,
/// （含本数）, （不含）, （不含本数）, in brackets of either width.
const INCLUSION_MARKS: &[(&str, bool)] = &[
    ("不含本数", true),
    ("不含", true),
    ("含本数", false),
    ("含", false),
];

/// `body` with its inclusion mark taken out, wherever it stands (`6人（含）`,
/// `6（含）人`), and whether the mark excludes the number.
pub(super) fn inclusion_mark(body: &str) -> (String, bool) {
    for (word, excluded) in INCLUSION_MARKS {
        for (open, close) in [('（', '）'), ('(', ')'), ('（', ')'), ('(', '）')] {
            let mark = format!("{open}{word}{close}");
            if let Some(at) = body.find(&mark) {
                let rest = format!("{}{}", &body[..at], &body[at + mark.len()..]);
                return (trim_all(&rest).to_owned(), *excluded);
            }
        }
    }
    (body.to_owned(), false)
}

/// `〔56.5〕%` → `〔56.5%〕`, `≤[3256]万亩` → `≤[3256万亩]`: the unit after
/// the closing bracket moved inside it; `None` when there is none.
pub(super) fn unit_into_brackets(text: &str) -> Option<String> {
    let (sign, rest) = SIGNS
        .iter()
        .find_map(|(sign, _)| text.strip_prefix(sign).map(|rest| (*sign, rest)))
        .unwrap_or(("", text));
    let (open, close) = BRACKETS
        .into_iter()
        .find(|(open, _)| rest.starts_with(*open))?;
    let end = rest.find(close)?;
    let (inner, unit) = (&rest[open.len_utf8()..end], &rest[end + close.len_utf8()..]);
    (!unit.is_empty() && !unit.chars().any(in_number) && !unit.contains(open))
        .then(|| format!("{sign}{open}{inner}{unit}{close}"))
}

/// `全区税收增速3个百分点` → (`全区税收增速`, 3): a margin in points after
/// the other indicator's name; the name alone when there is none.
pub(super) fn split_margin(body: &str) -> (&str, Option<f64>) {
    let Some(rest) = ["个百分点", "百分点"]
        .iter()
        .find_map(|unit| body.strip_suffix(unit))
    else {
        return (body, None);
    };
    // 高于GDP增长一个百分点, 两个, 半个.
    if let Some((other, margin)) = chinese_count(rest)
        && !trim_all(other).is_empty()
    {
        return (trim_all(other), Some(margin));
    }
    let start = rest
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '.' | '．')
        })
        .last()
        .map(|(i, _)| i);
    match start.map(|i| rest.split_at(i)) {
        Some((other, number)) if !trim_all(other).is_empty() => match read_number(number, false) {
            Ok(margin) => (trim_all(other), Some(margin)),
            Err(_) => (body, None),
        },
        _ => (body, None),
    }
}

/// `…一` → (`…`, 1): a count in Chinese numerals (一 to 九十九, 两, 半) at
/// the end of `text`, and what comes before it.
fn chinese_count(text: &str) -> Option<(&str, f64)> {
    let digit = |c: char| match c {
        '一' => Some(1.0),
        '二' | '两' => Some(2.0),
        '三' => Some(3.0),
        '四' => Some(4.0),
        '五' => Some(5.0),
        '六' => Some(6.0),
        '七' => Some(7.0),
        '八' => Some(8.0),
        '九' => Some(9.0),
        _ => None,
    };
    if let Some(before) = text.strip_suffix('半') {
        return Some((before, 0.5));
    }
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c == '十' || digit(c).is_some())
        .last()
        .map(|(i, _)| i)?;
    let (before, numeral) = text.split_at(start);
    let value = match numeral.split_once('十') {
        None if numeral.chars().count() == 1 => digit(numeral.chars().next()?)?,
        None => return None,
        Some((tens, ones)) => {
            let tens = match tens {
                "" => 1.0,
                t if t.chars().count() == 1 => digit(t.chars().next()?)?,
                _ => return None,
            };
            let ones = match ones {
                "" => 0.0,
                o if o.chars().count() == 1 => digit(o.chars().next()?)?,
                _ => return None,
            };
            tens * 10.0 + ones
        }
    };
    Some((before, value))
}
