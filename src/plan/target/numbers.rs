//! The numbers of a printed target: a number and the unit after it
//! (`27微克/立方米`), a range (`4.5%-5%`, `4.5%至5%`), both bounds
//! (`≥60且≤70`), in step with another indicator (`与GDP增长同步`), and
//! whether a text starts with words (another indicator's name) rather than a
//! number.

use super::*;

/// True when `text` starts with a word, not a number: the name of another
/// indicator (`GDP增长`).
pub(super) fn starts_with_words(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| !in_number(c) || matches!(c, ',' | '，'))
        && text.chars().any(char::is_alphabetic)
}

/// A character a printed number is made of (digits, point, sign, separator,
/// half- or full-width).
pub(super) fn in_number(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(c, '.' | '．' | '-' | '－' | '+' | '＋' | ',' | '，')
}

/// `与GDP增长同步`, `和GDP增长同步`, `同GDP增长同步`, `与GDP增长基本同步`:
/// in step with another indicator.
pub(super) fn in_step(text: &str) -> Option<Reading> {
    let body = ["与", "和", "同"]
        .iter()
        .find_map(|w| text.strip_prefix(w))?;
    let mut other = trim_all(body.strip_suffix("同步")?);
    // 与GDP增长基本同步, 与全市经济增速保持同步, 基本保持同步.
    while let Some(rest) = ["基本", "保持"].iter().find_map(|w| other.strip_suffix(w)) {
        other = trim_all(rest);
    }
    (!other.is_empty() && starts_with_words(other)).then(|| Reading {
        other: Some(other.to_owned()),
        ..Reading::new(Form::Relative(None), 0.0, None)
    })
}

/// `≥60且≤70`, `≤70且≥60`: two bounds, a range.
pub(super) fn both_bounds(text: &str) -> Option<Reading> {
    let (a, b) = text.split_once('且')?;
    let (a, b) = (read_requirement(a).ok()?, read_requirement(b).ok()?);
    let (Form::Compare(ca), Form::Compare(cb)) = (a.form, b.form) else {
        return None;
    };
    let (low, high) = match (ca.wants_more(), cb.wants_more()) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    if low.unit != high.unit && low.unit.is_some() && high.unit.is_some() {
        return None;
    }
    (low.value <= high.value).then(|| Reading {
        low: Some(low.value),
        ..Reading::new(Form::Between, high.value, high.unit.or(low.unit))
    })
}

/// `4.5%-5%`, `4.5%—5%`, `4.5～5%`, `4.5%至5%`: a range, lower end first.
pub(super) fn between(text: &str) -> Option<Reading> {
    const DASHES: &[&str] = &["—", "–", "－", "～", "~", "至", "到", "-"];
    // The dash between the numbers, not a sign before the first.
    let first = text.chars().next()?.len_utf8();
    let (at, dash) = DASHES
        .iter()
        .filter_map(|d| text[first..].find(d).map(|i| (i + first, *d)))
        .min_by_key(|(i, _)| *i)?;
    let (low_text, high_text) = (&text[..at], &text[at + dash.len()..]);
    let (low, low_unit) = number_and_unit(low_text).ok()?;
    let (high, unit) = number_and_unit(high_text).ok()?;
    if low_unit.is_some() && low_unit != unit {
        return None;
    }
    // `5.5～4.5`: a range printed high to low is the same range.
    let (low, high) = (low.min(high), low.max(high));
    Some(Reading {
        low: Some(low),
        ..Reading::new(Form::Between, high, unit)
    })
}

/// `5.5%` → (5.5, `%`); `11.7年` → (11.7, `年`); `27微克/立方米` → (27, `微克/立方米`).
pub(super) fn number_and_unit(text: &str) -> Result<(f64, Option<String>), TargetError> {
    let text = trim_all(text);
    let split = text
        .char_indices()
        .find(|&(_, c)| !in_number(c))
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = text.split_at(split);
    let value = read_number(number, false).map_err(|_| TargetError::BadNumber)?;
    if value.abs() > crate::plan::plausible::LARGEST {
        return Err(TargetError::TooLarge);
    }
    let unit = trim_all(unit);
    // `5分钟覆盖区超80%`: words with another number after them are a
    // sentence, not a unit (`万m3` is one: its digit follows a letter).
    let mut previous = None;
    for c in unit.chars() {
        if (c.is_ascii_digit() || ('０'..='９').contains(&c))
            && previous.is_some_and(|p: char| !p.is_ascii())
        {
            return Err(TargetError::BadNumber);
        }
        previous = Some(c);
    }
    // `1e400`: an exponent is no unit, and plans print none.
    let mut chars = unit.chars();
    if matches!(chars.next(), Some('e' | 'E'))
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '+' | '-'))
    {
        return Err(TargetError::BadNumber);
    }
    Ok((value, (!unit.is_empty()).then(|| unit.to_owned())))
}
