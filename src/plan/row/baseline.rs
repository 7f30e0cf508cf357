//! A baseline cell as printed (`10.5*`, `—`, `〔17.7〕`, `86.44%`, `≥150`,
//! `30-40（2021年-2025年）`): the number a schedule runs from, if any.

use super::super::{Form, is_dash, read_target};
use crate::diagnostic::Text;

/// A baseline cell as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// The number, when the cell holds one the schedule can run from.
    pub value: Option<f64>,
    /// The cell as printed, when it is more than the number (`10.5*`, `—`,
    /// `〔17.7〕`, `86.44%`).
    pub printed: Option<String>,
    /// Marked `*`: of the year a note under the table names.
    pub starred: bool,
}

/// Reads a printed baseline cell of an indicator in `unit`: a number, with a
/// `*` (a note's year), with `%` or the indicator's unit after it (`86.44%`,
/// `11.4年`), `—` (none) or `〔17.7〕` (the previous plan's cumulative
/// figure, shown, never a baseline).
pub fn read_baseline(text: &str, unit: &str) -> Result<Baseline, Text> {
    let text = crate::number::trim_all(text);
    let none = || Baseline {
        value: None,
        printed: Some(text.to_owned()),
        starred: false,
    };
    if is_dash(text) {
        return Ok(none());
    }
    if read_target(text).is_ok_and(|r| r.form.is_cumulative() && r.form != Form::CumulativeCap) {
        return Ok(none());
    }
    // `30-40（2021年-2025年）`: the last period's range, shown, no baseline
    // (上海市加强土地管理“十五五”规划's 年均土地储备计划规模).
    if read_target(text).is_ok_and(|r| r.form == Form::Between) {
        return Ok(none());
    }
    let starred = text.ends_with(['*', '＊']);
    // km/km² beside km/km2: one unit, written with and without a superscript.
    let plain = |t: &str| t.replace('²', "2").replace('³', "3");
    let number_text = plain(text.trim_end_matches(['*', '＊']));
    let number = crate::number::trim_all(&number_text);
    let unit_text = plain(unit);
    let unit = crate::number::trim_all(&unit_text);
    let number = [unit, "%", "％"]
        .iter()
        .filter(|u| !u.is_empty())
        .find_map(|u| number.strip_suffix(u))
        .map_or(number, crate::number::trim_all);
    if let Ok(v) = crate::number::read_number(number, false)
        && v.is_finite()
    {
        return Ok(Baseline {
            value: Some(v),
            printed: Some(text.to_owned()),
            starred,
        });
    }
    // （86.4％）: a figure in brackets, of another year or another measure
    // as a note under the table says (崇明区水务: 括号内数据为2019年平均值),
    // marked as a `*` is: its year is asked for (it was taken as the
    // baseline year's level in silence: a reviewer's).
    if let Some(inner) = bracketed(text)
        && let Ok(inner) = read_baseline(inner, unit)
        && inner.value.is_some()
    {
        return Ok(Baseline {
            value: inner.value,
            printed: Some(text.to_owned()),
            starred: true,
        });
    }
    // ≥95％, ＞1.5: a bound printed as the baseline, from its number; 21km,
    // 6.3m3: a unit printed in the cell, where the indicator has none of
    // its own (or it is that one).
    let normal = |u: &str| u.trim().replace('％', "%");
    if let Ok(reading) = read_target(text)
        && matches!(reading.form, Form::Compare(_) | Form::Bare)
        && reading.value.is_finite()
        && reading
            .unit
            .as_deref()
            .is_none_or(|u| unit.is_empty() || normal(u) == normal(unit) || normal(u) == "%")
    {
        return Ok(Baseline {
            value: Some(reading.value),
            printed: Some(text.to_owned()),
            starred: false,
        });
    }
    match crate::number::read_number(number, false) {
        Ok(v) if v.is_finite() => Ok(Baseline {
            value: Some(v),
            printed: Some(text.to_owned()),
            starred,
        }),
        _ => Err(Text::new(
            format!(
                "基期值“{text}”读不出来：应为数字、“10.5*”（带表注的数字）、“—”（无）或“〔17.7〕”"
            ),
            format!(
                "the baseline \"{text}\" cannot be read: write a number, \"10.5*\" (a number with a note), \"—\" (none) or \"〔17.7〕\""
            ),
        )),
    }
}

/// The text inside brackets that enclose the whole cell (`（44.4％）`).
pub fn bracketed(text: &str) -> Option<&str> {
    [('（', '）'), ('(', ')')]
        .into_iter()
        .find_map(|(open, close)| text.strip_prefix(open).and_then(|t| t.strip_suffix(close)))
}
