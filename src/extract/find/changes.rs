//! A yearly change after an indicator's name: in percent for a 降低/下降
//! indicator (`下降2.7%` → 2.7), in percentage points (`比上年提高1.6个百分点`).

use super::*;

/// A yearly change of a 降低/下降 indicator: `下降2.7%` is 2.7, `增长0.3%`
/// −0.3, `持平` 0.
pub(super) fn change(after: &str) -> Option<f64> {
    let first = clauses(after).into_iter().next()?;
    for (word, sign) in [("下降", 1.0), ("降低", 1.0), ("增长", -1.0), ("上升", -1.0)] {
        if let Some(i) = first.find(word) {
            return percent(&first[i + word.len()..]).map(|v| sign * v);
        }
    }
    first.contains("持平").then_some(0.0)
}

/// Whether an indicator's name counts a fall (`…降低`, `…下降`, `…减少`).
pub(super) fn falls(name: &str) -> bool {
    ["降低", "下降", "减少"].iter().any(|w| name.ends_with(w))
}

/// A change in percentage points in the first clause after the name:
/// `比上年提高1.6个百分点` is 1.6 of a rise, −1.6 of a fall (`falls`).
/// A clause after the level (`为12.5%，比上年提高1.6个百分点`) is read
/// when it opens on the change, with no subject of its own.
pub(super) fn points(after: &str, falls: bool) -> Option<f64> {
    let all = clauses(after);
    let first = all.first()?;
    let opens_on_change = |c: &str| {
        let c = c.trim_start();
        [
            "比上年",
            "提高",
            "上升",
            "增加",
            "增长",
            "下降",
            "降低",
            "减少",
        ]
        .iter()
        .any(|w| c.starts_with(w))
    };
    let level_first = level(first, "%", None).is_some();
    let clause = match all.get(1) {
        Some(second) if level_first && opens_on_change(second) => second,
        _ => first,
    };
    points_in(clause, falls)
}

pub(super) fn points_in(first: &str, falls: bool) -> Option<f64> {
    for (word, up) in [
        ("提高", true),
        ("上升", true),
        ("增加", true),
        ("增长", true),
        ("下降", false),
        ("降低", false),
        ("减少", false),
    ] {
        if let Some(i) = first.find(word) {
            let (value, rest) = number(first[i + word.len()..].trim_start())?;
            if !(rest.starts_with("个百分点") || rest.starts_with("百分点")) {
                return None;
            }
            return Some(if up != falls { value } else { -value });
        }
    }
    first.contains("持平").then_some(0.0)
}
