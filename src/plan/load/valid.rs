//! The values an indicator's figures can take at all (`valid`, stated or
//! implied by the unit and the name), and the baseline and rule held within
//! them.

use super::*;

/// The range of possible values: stated, else implied by the unit. The
/// baseline and the rule's numbers must lie within it. Errors carry where in
/// the file they point (the `valid` field, else the indicator's baseline).
pub(super) fn read_valid(
    raw: Option<&toml::Spanned<RawValid>>,
    name: &str,
    unit: &str,
    measure: Measure,
    baseline: Option<f64>,
    rule: &Rule,
) -> Result<Valid, (usize, Text)> {
    let start = raw.map_or(0, |r| r.span().start);
    let valid = match raw.map(|r| r.get_ref()) {
        Some(stated) => {
            for v in [stated.min, stated.max].into_iter().flatten() {
                if !v.is_finite() {
                    return Err((
                        start,
                        Text::new("valid 的上下限须为有限数", "valid bounds must be finite"),
                    ));
                }
            }
            if let (Some(min), Some(max)) = (stated.min, stated.max)
                && min > max
            {
                return Err((
                    start,
                    Text::new(
                        format!("valid 的下限 {min} 大于上限 {max}"),
                        format!("valid min {min} is greater than max {max}"),
                    ),
                ));
            }
            // A range the name or unit implies anyway keeps what it implies
            // (the scale check among it); another range is the plan's own word.
            let implied = crate::plan::plausible::implied(name, unit, measure);
            Valid {
                min: stated.min,
                max: stated.max,
                basis: if (stated.min, stated.max) == (implied.min, implied.max) {
                    implied.basis
                } else {
                    crate::plan::ValidBasis::Stated
                },
            }
        }
        None => crate::plan::plausible::implied(name, unit, measure),
    };
    let numbers = match *rule {
        Rule::Threshold(t) => vec![t.value],
        Rule::Range { min, max } => vec![min, max],
        Rule::Projection { value, .. } | Rule::About { value, .. } => vec![value],
        Rule::Annual { each, .. } => match each {
            YearRequirement::Threshold(t) => vec![t.value],
            YearRequirement::About { value, .. } => vec![value],
            YearRequirement::Between { min, max } => vec![min, max],
        },
        Rule::Cumulative { .. }
        | Rule::CumulativeCap { .. }
        | Rule::CumulativeRange { .. }
        | Rule::Relative { .. }
        | Rule::NotAssessed => vec![],
    };
    for (what_zh, what_en, v) in baseline
        .map(|b| ("基期值", "the baseline", b))
        .into_iter()
        .chain(numbers.into_iter().map(|v| ("目标值", "the target", v)))
    {
        if !valid.contains(v) {
            let (why_zh, why_en) = valid.basis.why();
            return Err((
                start,
                Text::new(
                    format!(
                        "{what_zh} {v} 不在可能的取值范围 {}{why_zh}{}内",
                        valid.describe(),
                        if why_zh.is_empty() { " " } else { "" }
                    ),
                    format!(
                        "{what_en} {v} is outside the possible values {}{why_en}",
                        valid.describe()
                    ),
                ),
            ));
        }
    }
    Ok(valid)
}

/// An explicit rule must not contradict a comparator printed in the target:
/// `target = "＞96"` with `rule = { kind = "at_least", value = 0 }` would pass
/// 50. The direction and the number must be those printed (strictness may
/// differ: `＞96` read as at least 96 is a reading, not a contradiction). A rule
/// of kind `none` only declines to judge, and contradicts nothing.
pub(super) fn agrees_with_target(
    rule: &Rule,
    cmp: Comparator,
    value: f64,
    target: &str,
) -> Result<(), Text> {
    let same = |a: f64| (a - value).abs() <= 1e-9 * value.abs().max(1.0);
    let printed = format!("{}{value}", cmp.symbol());
    let (agrees, said_zh, said_en) = match *rule {
        Rule::Threshold(t) => (
            t.cmp.wants_more() == cmp.wants_more() && same(t.value),
            format!("{} {}", t.cmp.symbol(), t.value),
            format!("{} {}", t.cmp.symbol(), t.value),
        ),
        Rule::Range { min, max } => (
            same(if cmp.wants_more() { min } else { max }),
            format!("区间 [{min}, {max}]"),
            format!("the range [{min}, {max}]"),
        ),
        Rule::Projection { value: v, .. } => (
            same(v),
            format!("预测值 {v}"),
            format!("a projection of {v}"),
        ),
        Rule::NotAssessed => return Ok(()),
        // Kinds read from the text only.
        Rule::Annual { .. }
        | Rule::About { .. }
        | Rule::Cumulative { .. }
        | Rule::CumulativeCap { .. }
        | Rule::CumulativeRange { .. }
        | Rule::Relative { .. } => return Ok(()),
    };
    if agrees {
        return Ok(());
    }
    Err(Text::new(
        format!("rule（{said_zh}）与印出的目标“{target}”（{printed}）矛盾：方向和数值须与目标一致"),
        format!(
            "the rule ({said_en}) contradicts the printed target \"{target}\" ({printed}): its direction and number must be the target's"
        ),
    ))
}
