//! The figures an indicator can take when the plan does not say (`valid`),
//! read from what the plan already says: its unit, its name, what its
//! figures are (`measure`), its baseline and target. A figure outside what
//! is possible is an error at the cell; one that is possible but unusual, a
//! warning. `valid = { … }` in the plan file overrides all of this.
//!
//! - Counts, money, durations (人, 万元, 所, 岁, 年 …) and rates of
//!   occurrence (1/10万, ‰) are never negative.
//! - A level in percent is never negative; a share of a whole (占比, 比重,
//!   比例, 覆盖率, 普及率, 水平 …) lies within 0–100; a gross ratio (毛入园率,
//!   毛入学率, 巩固率), whose numerator may count pupils outside the age
//!   group, within 0–150; any other rate above 100 is a warning.
//! - A percent that is a change (增长, 降低, 提高 …, or `measure` other than
//!   `level`) may be negative and has no bound.
//! - A level figure more than [`MAGNITUDE`] times away from both the
//!   baseline and the target (a decimal point, or 千人 for 人) is an error:
//!   a slip, not a result.

use super::{Indicator, Measure, NON_NEGATIVE_UNITS, Rule, Valid, ValidBasis, YearRequirement};

/// How far (a factor) from both the baseline and the target a level figure
/// may lie before it is taken for a slip: short of an order of magnitude,
/// so that a decimal point moved one place (7.98 for 79.8) is caught.
pub const MAGNITUDE: f64 = 8.0;

/// The largest figure any indicator takes (a workbook cell can hold 1e308).
pub const LARGEST: f64 = 1e15;

/// Words of a change: a percent that may be negative.
const CHANGE_WORDS: &[&str] = &[
    "增长", "增速", "增幅", "提高", "提升", "下降", "降低", "减少", "变化", "变动", "减排",
];

/// Words of a share of a whole: 0–100.
const SHARE_WORDS: &[&str] = &[
    "占比",
    "比重",
    "比例",
    "覆盖率",
    "普及率",
    "参保率",
    "水平",
    "达标率",
    "合格率",
    "优良率",
    "入园率",
    "入学率",
    "城镇化率",
    "失业率",
    "利用率",
    "使用率",
];

/// Gross ratios, which may pass 100: 0–150.
const GROSS_WORDS: &[&str] = &["毛入园率", "毛入学率", "巩固率"];

/// Units of a rate of occurrence, never negative.
fn is_rate_unit(unit: &str) -> bool {
    unit.contains(['‰', '‱']) || (unit.contains('/') && unit.contains('万'))
}

/// What an indicator's figures can be when the plan states no `valid`.
pub fn implied(name: &str, unit: &str, measure: Measure) -> Valid {
    let none = Valid::default();
    if measure != Measure::Level {
        // A change on the year before can be negative, whatever the unit.
        return none;
    }
    let unit = crate::number::trim_all(unit).replace('％', "%");
    let at_least_zero = |basis| Valid {
        min: Some(0.0),
        max: None,
        basis,
    };
    if NON_NEGATIVE_UNITS.contains(&unit.as_str()) {
        return at_least_zero(ValidBasis::Count);
    }
    // 人口自然增长率 (‰) falls below zero in many places; 死亡率 does not.
    if is_rate_unit(&unit) && !CHANGE_WORDS.iter().any(|w| name.contains(w)) {
        return at_least_zero(ValidBasis::Rate);
    }
    if unit != "%" || CHANGE_WORDS.iter().any(|w| name.contains(w)) {
        // A count or a rate of change: no bound the name gives.
        return none;
    }
    if GROSS_WORDS.iter().any(|w| name.contains(w)) {
        return Valid {
            min: Some(0.0),
            max: Some(150.0),
            basis: ValidBasis::Gross,
        };
    }
    if SHARE_WORDS.iter().any(|w| name.contains(w)) {
        return Valid {
            min: Some(0.0),
            max: Some(100.0),
            basis: ValidBasis::Share,
        };
    }
    at_least_zero(ValidBasis::Percent)
}

/// A possible but unusual figure: a percent level above 100 that is not
/// stated to be a share or a gross ratio.
pub fn unusual(ind: &Indicator, value: f64) -> bool {
    ind.valid.basis == ValidBasis::Percent && value > 100.0
}

/// The range a level figure is expected in, from the baseline and the
/// target: `None` when the plan states `valid`, the figures are changes, or
/// neither number is above 0.
pub fn scale(ind: &Indicator) -> Option<(f64, f64)> {
    if ind.valid.basis == ValidBasis::Stated || ind.measure != Measure::Level {
        return None;
    }
    // Asked for every figure read: no allocation.
    let (low, high) = ind
        .baseline
        .into_iter()
        .chain(super::consistency::target_value(&ind.rule))
        .filter(|v| *v > 0.0)
        .fold(None, |range: Option<(f64, f64)>, v| {
            Some(range.map_or((v, v), |(low, high)| (low.min(v), high.max(v))))
        })?;
    Some((low / MAGNITUDE, high * MAGNITUDE))
}

/// Whether `value` is off the scale of the indicator's baseline and target.
/// Below it is no slip where the plan asks for less (a ceiling, 劣Ⅴ类水体
/// 比例 9.7 → ＜5): such a level may fall toward 0 (0.6 in 2020, a real
/// figure refused, and the whole file with it).
pub fn off_scale(ind: &Indicator, value: f64) -> bool {
    let asks_less = matches!(
        &ind.rule,
        Rule::Threshold(t) | Rule::Annual { each: YearRequirement::Threshold(t), .. }
            if !t.cmp.wants_more()
    );
    scale(ind).is_some_and(|(low, high)| value > high || (value > 0.0 && value < low && !asks_less))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 劣Ⅴ类水体比例 9.7 → ＜5 at 0.6 (the real 2020 figure) is a level
    /// fallen far, as a ceiling allows; a floor's 0.6 against 9.7 → ＞12 is
    /// a slip, and so is 60 above either.
    #[test]
    fn far_below_a_ceiling_is_no_slip() {
        use crate::plan::{Attribute, Comparator, Threshold};
        let with = |cmp, value| {
            crate::assess::fixtures::indicator(
                9.7,
                Rule::Threshold(Threshold { cmp, value }),
                Attribute::Binding,
            )
        };
        assert!(!off_scale(&with(Comparator::Less, 5.0), 0.6));
        assert!(off_scale(&with(Comparator::Greater, 12.0), 0.6));
        assert!(off_scale(&with(Comparator::Less, 5.0), 600.0));
    }

    fn bounds(name: &str, unit: &str) -> (Option<f64>, Option<f64>) {
        let v = implied(name, unit, Measure::Level);
        (v.min, v.max)
    }

    #[test]
    fn bounds_from_the_unit_and_the_name() {
        assert_eq!(bounds("在园幼儿数", "万人"), (Some(0.0), None));
        assert_eq!(bounds("孕产妇死亡率", "1/10万"), (Some(0.0), None));
        assert_eq!(bounds("婴儿死亡率", "‰"), (Some(0.0), None));
        assert_eq!(bounds("人口自然增长率", "‰"), (None, None));
        assert_eq!(bounds("居民健康素养水平", "%"), (Some(0.0), Some(100.0)));
        assert_eq!(
            bounds("公办幼儿园在园幼儿占比", "％"),
            (Some(0.0), Some(100.0))
        );
        assert_eq!(bounds("九年义务教育巩固率", "%"), (Some(0.0), Some(150.0)));
        assert_eq!(bounds("毛入园率", "%"), (Some(0.0), Some(150.0)));
        assert_eq!(bounds("财政自给率", "%"), (Some(0.0), None));
        // A change may be negative.
        assert_eq!(bounds("居民人均可支配收入增长", "%"), (None, None));
        assert_eq!(bounds("单位GDP能源消耗降低", "%"), (None, None));
        assert_eq!(
            (implied("在园幼儿数", "万人", Measure::YearlyChange).min),
            None
        );
    }
}
