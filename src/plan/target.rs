//! Comparators as printed in plans: ASCII (`>`, `>=`) and the full-width and
//! mathematical forms Chinese documents use (`＞`, `≥`, `≧`).

use crate::number::{read_number, trim_all};
use schemars::JsonSchema;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum Comparator {
    #[serde(rename = ">")]
    Greater,
    #[serde(rename = ">=")]
    GreaterOrEqual,
    #[serde(rename = "<")]
    Less,
    #[serde(rename = "<=")]
    LessOrEqual,
}

impl Comparator {
    pub fn holds(self, actual: f64, bound: f64) -> bool {
        match self {
            Comparator::Greater => actual > bound,
            Comparator::GreaterOrEqual => actual >= bound,
            Comparator::Less => actual < bound,
            Comparator::LessOrEqual => actual <= bound,
        }
    }

    /// The same direction, with equality allowed: used for the time-proportional
    /// value of a year, which is met when reached exactly.
    pub fn inclusive(self) -> Comparator {
        match self {
            Comparator::Greater | Comparator::GreaterOrEqual => Comparator::GreaterOrEqual,
            Comparator::Less | Comparator::LessOrEqual => Comparator::LessOrEqual,
        }
    }

    /// True when a larger value is better.
    pub fn wants_more(self) -> bool {
        matches!(self, Comparator::Greater | Comparator::GreaterOrEqual)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Greater => ">",
            Comparator::GreaterOrEqual => "≥",
            Comparator::Less => "<",
            Comparator::LessOrEqual => "≤",
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// Why a printed target could not be read as a comparator and a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    /// No comparator at the start (`55`, `提高1岁`): the plan must state the rule.
    NoComparator,
    /// A comparator followed by something that is not a number.
    BadNumber,
}

/// Reads `＞97`, `≥ 95`, `<=5.5`, `≦５．５` into a comparator and its number.
/// A trailing `%`/`％` is accepted.
pub fn parse_comparator(text: &str) -> Result<(Comparator, f64), TargetError> {
    let text = trim_all(text);
    const FORMS: &[(&str, Comparator)] = &[
        (">=", Comparator::GreaterOrEqual),
        ("＞＝", Comparator::GreaterOrEqual),
        ("≥", Comparator::GreaterOrEqual),
        ("≧", Comparator::GreaterOrEqual),
        ("⩾", Comparator::GreaterOrEqual),
        ("<=", Comparator::LessOrEqual),
        ("＜＝", Comparator::LessOrEqual),
        ("≤", Comparator::LessOrEqual),
        ("≦", Comparator::LessOrEqual),
        ("⩽", Comparator::LessOrEqual),
        (">", Comparator::Greater),
        ("＞", Comparator::Greater),
        ("<", Comparator::Less),
        ("＜", Comparator::Less),
    ];
    let (rest, cmp) = FORMS
        .iter()
        .find_map(|(form, cmp)| text.strip_prefix(form).map(|rest| (rest, *cmp)))
        .ok_or(TargetError::NoComparator)?;
    let value = read_number(rest, true).map_err(|_| TargetError::BadNumber)?;
    Ok((cmp, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Comparator::*;

    #[test]
    fn reads_every_printed_form() {
        let cases = [
            ("＞97", Greater, 97.0),
            (">97", Greater, 97.0),
            ("≥95", GreaterOrEqual, 95.0),
            (">= 95", GreaterOrEqual, 95.0),
            ("≧95", GreaterOrEqual, 95.0),
            ("＜5.5", Less, 5.5),
            ("<5.5", Less, 5.5),
            ("≤5.5", LessOrEqual, 5.5),
            ("<=5.5", LessOrEqual, 5.5),
            ("≦５．５", LessOrEqual, 5.5),
            (" ＞ 19% ", Greater, 19.0),
        ];
        for (text, cmp, value) in cases {
            assert_eq!(parse_comparator(text), Ok((cmp, value)), "{text:?}");
        }
    }

    #[test]
    fn bare_numbers_and_words_need_an_explicit_rule() {
        assert_eq!(parse_comparator("55"), Err(TargetError::NoComparator));
        assert_eq!(parse_comparator("提高1岁"), Err(TargetError::NoComparator));
        assert_eq!(parse_comparator("＞约97"), Err(TargetError::BadNumber));
        assert_eq!(parse_comparator("＞"), Err(TargetError::BadNumber));
    }

    #[test]
    fn strict_and_inclusive_differ_only_at_the_bound() {
        assert!(!Greater.holds(97.0, 97.0));
        assert!(GreaterOrEqual.holds(97.0, 97.0));
        assert!(Greater.holds(97.01, 97.0));
        assert!(!Less.holds(5.5, 5.5));
        assert!(LessOrEqual.holds(5.5, 5.5));
        assert_eq!(Greater.inclusive(), GreaterOrEqual);
        assert_eq!(Less.inclusive(), LessOrEqual);
    }
}
