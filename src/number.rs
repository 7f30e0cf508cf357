//! Reading numbers as people type them into Chinese office software.
//!
//! One reader serves the statistics cells and the numbers inside printed targets
//! (`＞９７`), so a form accepted in one place is accepted in the other.

/// Cells that mean "no figure for this year": the value is not reported.
pub const NOT_REPORTED_MARKERS: &[&str] = &[
    "", "—", "——", "-", "－", "--", "/", "／", "无", "暂无", "N/A", "n/a", "NA",
];

/// Why a cell could not be read as a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all (`约98`, `12.3.4`, `NaN`).
    NotANumber,
    /// A percent sign on an indicator whose unit is not `%`.
    PercentNotAllowed,
}

/// What a cell held: a number, or a marker saying it is not reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Value(f64),
    NotReported,
}

/// Reads one cell. `percent_allowed` is true when the indicator's unit is `%`,
/// so `98.2%` reads as 98.2.
pub fn read_cell(raw: &str, percent_allowed: bool) -> Result<Cell, NumberError> {
    let trimmed = trim_all(raw);
    if let Some(v) = plain_decimal(trimmed.as_bytes()) {
        return Ok(Cell::Value(v));
    }
    if NOT_REPORTED_MARKERS.contains(&trimmed) {
        return Ok(Cell::NotReported);
    }
    read_number(trimmed, percent_allowed).map(Cell::Value)
}

/// Reads a number: half- or full-width digits, sign and decimal point, optional
/// thousands separators in groups of three, an optional trailing `%`/`％` when
/// `percent_allowed`. Surrounding spaces (also U+3000) are ignored.
pub fn read_number(raw: &str, percent_allowed: bool) -> Result<f64, NumberError> {
    let mut text = trim_all(raw);
    if let Some(stripped) = text.strip_suffix(['%', '％']) {
        if !percent_allowed {
            return Err(NumberError::PercentNotAllowed);
        }
        text = trim_all(stripped);
    }
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars() {
        ascii.push(to_ascii(c).ok_or(NumberError::NotANumber)?);
    }
    let body = ascii.as_str();
    let (negative, unsigned) = match body.as_bytes().first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let digits = strip_thousands(unsigned).ok_or(NumberError::NotANumber)?;
    if !is_plain_decimal(&digits) {
        return Err(NumberError::NotANumber);
    }
    let value: f64 = digits.parse().map_err(|_| NumberError::NotANumber)?;
    if !value.is_finite() {
        return Err(NumberError::NotANumber);
    }
    Ok(if negative && value != 0.0 {
        -value
    } else {
        value
    })
}

/// A figure to the 15 significant digits a spreadsheet keeps (Excel shows
/// and compares no more): 96.00000000000001, the sum 0.2 + 79.9 + 15.9 as a
/// workbook caches it or a script prints it, is 96, never a pass of `＞96`
/// on binary noise. Numbers of 10¹⁵ and more (refused as implausible
/// elsewhere) and below 10⁻⁸ are left as they are.
pub fn significant(value: f64) -> f64 {
    if (1e-8..1e15).contains(&value.abs()) {
        round_significant(value, 15)
    } else {
        value
    }
}

/// Requirements are rounded to six decimals, so a figure typed exactly at the
/// time-proportional value (18.596) meets it despite floating-point noise.
pub fn round_requirement(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// `value` to `digits` significant digits: what a conversion by a power of
/// ten leaves of the float arithmetic's noise.
pub fn round_significant(value: f64, digits: i32) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = value.abs().log10().floor() as i32 + 1;
    let scale = 10f64.powi(digits - magnitude);
    if !scale.is_finite() || scale == 0.0 {
        return value;
    }
    (value * scale).round() / scale
}

/// A figure written to a file that is read back as statistics: every digit
/// it has (up to ten decimals), never [`display`]'s four (181799.6 万亩 is
/// 18.17996 亿亩; written 18.18 it met ≥ 18.18).
pub fn written(value: f64) -> String {
    written_to(value, 10)
}

/// [`written`] to `decimals` decimals, trailing zeros dropped.
pub fn written_to(value: f64, decimals: usize) -> String {
    if !value.is_finite() || value.abs() >= 1e16 {
        return display(value);
    }
    let text = format!("{value:.decimals$}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A number as people read it: at most four decimals, no trailing zeros.
pub fn display(value: f64) -> String {
    // Beyond what a double holds digit for digit: a sane short form
    // (1e44, not 100000000000000008821361405306422640701865984).
    if value.is_finite() && value.abs() >= 1e16 {
        return format!("{value:e}");
    }
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A figure as a message quotes it: as [`display`], but a small one keeps
/// four significant digits (0.000385, where `display` gives 0.0004: 3.85 人
/// converted to 万人 is quoted as it is).
pub fn display_exact(value: f64) -> String {
    if value.is_finite() && value != 0.0 && value.abs() < 0.01 {
        let decimals = (3 - value.abs().log10().floor() as i32).clamp(4, 15) as usize;
        let text = format!("{value:.decimals$}");
        return text.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    display(value)
}

/// Trims ASCII and Unicode white space, including the ideographic space U+3000.
pub fn trim_all(raw: &str) -> &str {
    raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// Maps one character of a number to ASCII; `None` when it cannot be part of one.
/// Powers of ten a double holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The fast path of the one number reader: a plain ASCII decimal (`-12.345`,
/// `98`, `.5`, as scripts and most spreadsheets write them) read without
/// allocating: exact when
/// its digits fit in 2^53 and it has at most 22 decimals (both operands of the
/// one division are exact, so the result is correctly rounded: the same number
/// `str::parse` gives). Anything else is `None`, for the full reader.
pub fn plain_decimal(bytes: &[u8]) -> Option<f64> {
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let mut mantissa: u64 = 0;
    let mut decimals: Option<usize> = None;
    let mut count = 0usize;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                count += 1;
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            b'.' if decimals.is_none() => decimals = Some(0),
            _ => return None,
        }
    }
    if count == 0 || mantissa > 1 << 53 {
        return None;
    }
    let value = mantissa as f64 / *POW10.get(decimals.unwrap_or(0))?;
    // `-0` is 0 (it was written back as -0).
    Some(if negative && mantissa != 0 {
        -value
    } else {
        value
    })
}

/// The ASCII digits of `text` written with half- or full-width digits
/// (`２０２３` → `2023`); `None` for anything else.
pub fn ascii_digits(text: &str) -> Option<String> {
    text.chars()
        .map(|c| to_ascii(c).filter(char::is_ascii_digit))
        .collect()
}

/// `text` with its full-width digits as ASCII, everything else kept.
pub fn ascii_digits_in(text: &str) -> String {
    text.chars()
        .map(|c| to_ascii(c).filter(char::is_ascii_digit).unwrap_or(c))
        .collect()
}

fn to_ascii(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' | '.' | ',' | '-' | '+' => c,
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        '－' | '−' | '‐' | '‑' | '–' => '-',
        '＋' => '+',
        _ => return None,
    })
}

/// Removes thousands separators when they group the integer part by three
/// (`1,234,567.8`); `None` when commas are misplaced (`1,23`, `12,3.4`,
/// `0,983`).
fn strip_thousands(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_owned());
    }
    let (integer, fraction) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    if fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    let mut groups = integer.split(',');
    let first = groups.next()?;
    // `0,983` is a decimal comma (0.983), never 983 grouped: no group
    // begins with 0 (a reviewer's slip, read as 983).
    if first.is_empty() || first.len() > 3 || first.starts_with('0') {
        return None;
    }
    let mut out = String::from(first);
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        out.push_str(group);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// Digits with at most one decimal point and at least one digit before or after it.
fn is_plain_decimal(text: &str) -> bool {
    let mut seen_digit = false;
    let mut seen_point = false;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => seen_digit = true,
            b'.' if !seen_point => seen_point = true,
            _ => return false,
        }
    }
    seen_digit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_keep_fifteen_significant_digits_as_spreadsheets_do() {
        assert_eq!(significant(96.00000000000001), 96.0);
        assert_eq!(significant(0.2 + 79.9 + 15.9), 96.0);
        assert_eq!(significant(-96.00000000000001), -96.0);
        assert_eq!(significant(98.25), 98.25);
        assert_eq!(significant(18.596), 18.596);
        assert_eq!(significant(123456789012345.0), 123456789012345.0);
        assert_eq!(
            significant(0.000_123_456_789_012_345_67),
            0.000_123_456_789_012_346
        );
        assert_eq!(significant(0.0), 0.0);
        assert_eq!(significant(1e300), 1e300);
    }

    /// `-0` is 0: written back, it read -0 in CSV and -0.0 in JSON.
    #[test]
    fn negative_zero_is_zero() {
        for text in ["-0", "-0.0", "-0.00"] {
            let fast = plain_decimal(text.as_bytes()).unwrap();
            let full = read_number(text, false).unwrap();
            assert!(fast == 0.0 && fast.is_sign_positive(), "{text}");
            assert!(full == 0.0 && full.is_sign_positive(), "{text}");
        }
        assert_eq!(plain_decimal(b"-1.5"), Some(-1.5));
    }

    #[test]
    fn a_small_figure_in_a_message_keeps_its_digits() {
        assert_eq!(display_exact(0.000385), "0.000385");
        assert_eq!(display(0.000385), "0.0004");
        assert_eq!(display_exact(-0.00123456), "-0.001235");
        assert_eq!(display_exact(98.2), "98.2");
        assert_eq!(display_exact(0.0), "0");
    }

    fn value(raw: &str) -> f64 {
        match read_cell(raw, true) {
            Ok(Cell::Value(v)) => v,
            other => panic!("{raw:?} read as {other:?}"),
        }
    }

    #[test]
    fn reads_plain_and_office_forms() {
        assert_eq!(value("98.2"), 98.2);
        assert_eq!(value(" 55 "), 55.0);
        assert_eq!(value("\u{3000}55\u{3000}"), 55.0);
        assert_eq!(value("98.2%"), 98.2);
        assert_eq!(value("98.2 ％"), 98.2);
        assert_eq!(value("３．９"), 3.9);
        assert_eq!(value("1,234"), 1234.0);
        assert_eq!(value("1,234,567.5"), 1_234_567.5);
        assert_eq!(value("−1.5"), -1.5);
        assert_eq!(value("+2"), 2.0);
        assert_eq!(value(".5"), 0.5);
        assert_eq!(value("5."), 5.0);
    }

    #[test]
    fn markers_mean_not_reported() {
        for raw in ["", "  ", "—", "-", "/", "无", "暂无", "N/A"] {
            assert_eq!(read_cell(raw, false), Ok(Cell::NotReported), "{raw:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for raw in [
            "12.3.4",
            "约98",
            "NaN",
            "inf",
            "1e5",
            "1,23",
            "12,3.4",
            ",123",
            "98%%",
            "--5",
            ".",
            "1 000",
            "abc",
            "0,983",
            "0,123,456",
        ] {
            assert_eq!(
                read_cell(raw, true),
                Err(NumberError::NotANumber),
                "{raw:?} should be rejected"
            );
        }
    }

    #[test]
    fn percent_only_where_the_unit_is_percent() {
        assert_eq!(read_cell("12%", false), Err(NumberError::PercentNotAllowed));
        assert_eq!(read_cell("12", false), Ok(Cell::Value(12.0)));
    }

    #[test]
    fn the_plain_decimal_fast_path_agrees_with_the_standard_parser() {
        for text in [
            "98.2",
            "0",
            "-0",
            "17.99",
            ".5",
            "5.",
            "-12.345",
            "123456789012345",
            "0.000000000000000000001",
        ] {
            assert_eq!(
                plain_decimal(text.as_bytes()),
                text.parse::<f64>().ok(),
                "{text}"
            );
        }
        for text in [
            "",
            ".",
            "-",
            "1.2.3",
            "1e5",
            "+1",
            "--1",
            "1-2",
            "99999999999999999999",
        ] {
            assert_eq!(plain_decimal(text.as_bytes()), None, "{text}");
        }
    }
}
