//! Units a submitted figure may come in, and the exact conversions between them.
//!
//! A figure in a unit other than the plan's is converted when the two units
//! measure the same thing at a known scale (`人` and `万人`, `万元` and `亿元`);
//! otherwise (`%` against `万人`) it is an error.

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quantity {
    People,
    Money,
    Mass,
    CoalEquivalent,
    Mu,
    Hectares,
    CubicMetres,
}

/// The quantity and scale of a unit: `万人` is (people, 10 000).
fn scale(unit: &str) -> Option<(Quantity, f64)> {
    Some(match unit {
        "人" => (Quantity::People, 1.0),
        "千人" => (Quantity::People, 1e3),
        "万人" => (Quantity::People, 1e4),
        // 十一五/十二五: 城镇基本养老保险覆盖人数 in 亿人.
        "亿人" => (Quantity::People, 1e8),
        "元" => (Quantity::Money, 1.0),
        "千元" => (Quantity::Money, 1e3),
        "万元" => (Quantity::Money, 1e4),
        "百万元" => (Quantity::Money, 1e6),
        "亿元" => (Quantity::Money, 1e8),
        // 国内生产总值 in 万亿元 (the 11th and 12th outlines); bulletins print 亿元.
        "万亿元" => (Quantity::Money, 1e12),
        // 耕地保有量 in 亿亩 or 亿公顷 (亩 and 公顷 are not converted into
        // each other: 15 亩 a 公顷 is no exact scale of a printed figure).
        "亩" => (Quantity::Mu, 1.0),
        "万亩" => (Quantity::Mu, 1e4),
        "亿亩" => (Quantity::Mu, 1e8),
        "公顷" => (Quantity::Hectares, 1.0),
        "万公顷" => (Quantity::Hectares, 1e4),
        "亿公顷" => (Quantity::Hectares, 1e8),
        // 森林蓄积量 in 亿立方米.
        "立方米" => (Quantity::CubicMetres, 1.0),
        "万立方米" => (Quantity::CubicMetres, 1e4),
        "亿立方米" => (Quantity::CubicMetres, 1e8),
        // 粮食产量 68285万吨 for a plan in 亿吨.
        "吨" => (Quantity::Mass, 1.0),
        "万吨" => (Quantity::Mass, 1e4),
        "亿吨" => (Quantity::Mass, 1e8),
        "吨标准煤" => (Quantity::CoalEquivalent, 1.0),
        "万吨标准煤" => (Quantity::CoalEquivalent, 1e4),
        "亿吨标准煤" => (Quantity::CoalEquivalent, 1e8),
        _ => return None,
    })
}

/// How a figure in one unit becomes a figure in another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Conversion {
    Same,
    /// Multiply by `from`, divide by `to` (two steps keep 39000 人 → 3.9 万人 exact).
    Scale {
        from: f64,
        to: f64,
    },
    Incompatible,
}

impl Conversion {
    pub fn apply(self, value: f64) -> f64 {
        match self {
            // A power of ten moves the decimal point: no digit is made up
            // (636138.7 亿元 is 63.61387 万亿元, not 63.61386999999999).
            Conversion::Scale { from, to } => {
                crate::number::round_significant(value * from / to, 15)
            }
            Conversion::Same | Conversion::Incompatible => value,
        }
    }
}

/// Units compare after trimming, with `％` read as `%` and `个百分点` (a
/// bulletin's words) as `百分点` (a plan's).
pub fn normalize(unit: &str) -> String {
    let unit = crate::number::trim_all(unit)
        .replace('％', "%")
        .to_lowercase();
    match unit.as_str() {
        "个百分点" => "百分点".to_owned(),
        _ => unit,
    }
}

/// Units recognised when a name ends with one in brackets (`毛入园率（%）`)
/// besides those this module converts and the plan's counts
/// ([`crate::plan::NON_NEGATIVE_UNITS`]).
const OTHER_UNITS: &[&str] = &[
    "%",
    "‰",
    "百分点",
    "次",
    "元/人",
    "万元/人",
    "人/万人",
    "人/千人",
    "张/千人",
    "微克/立方米",
];

/// Whether a bracketed suffix of a name says a unit: a unit this module knows,
/// or a unit one of the plan's indicators uses.
pub fn names_a_unit(text: &str, plan: &crate::plan::Plan) -> bool {
    let text = normalize(text);
    scale(&text).is_some()
        || OTHER_UNITS.contains(&text.as_str())
        || crate::plan::NON_NEGATIVE_UNITS.contains(&text.as_str())
        || plan.indicators.iter().any(|i| normalize(&i.unit) == text)
}

pub fn conversion(given: &str, plan_unit: &str) -> Conversion {
    let (given, plan_unit) = (normalize(given), normalize(plan_unit));
    if given == plan_unit {
        return Conversion::Same;
    }
    match (scale(&given), scale(&plan_unit)) {
        (Some((q1, from)), Some((q2, to))) if q1 == q2 => Conversion::Scale { from, to },
        _ => Conversion::Incompatible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_exactly_within_a_quantity() {
        assert_eq!(conversion("人", "万人").apply(39000.0), 3.9);
        assert_eq!(conversion("万人", "人").apply(3.9), 39000.0);
        assert_eq!(conversion("万元", "亿元").apply(112_590.0), 11.259);
        // A bulletin's GDP 471564亿元 for a plan in 万亿元.
        assert_eq!(conversion("亿元", "万亿元").apply(471_564.0), 47.1564);
        assert_eq!(conversion("亿元", "万亿元").apply(636_138.7), 63.61387);
        assert_eq!(conversion("万亩", "亿亩").apply(181_799.6), 18.17996);
        assert_eq!(conversion("万亩", "亿亩").apply(181_800.0), 18.18);
        assert_eq!(conversion("亩", "公顷"), Conversion::Incompatible);
        assert_eq!(conversion(" ％ ", "%"), Conversion::Same);
        assert_eq!(conversion("个百分点", "百分点"), Conversion::Same);
        // The 2021 bulletin's 粮食产量 for a plan in 亿吨.
        assert_eq!(conversion("万吨", "亿吨").apply(68_285.0), 6.8285);
        assert_eq!(conversion("万吨", "亿吨标准煤"), Conversion::Incompatible);
    }

    #[test]
    fn refuses_across_quantities_and_unknown_units() {
        assert_eq!(conversion("%", "万人"), Conversion::Incompatible);
        assert_eq!(conversion("人", "亿元"), Conversion::Incompatible);
        assert_eq!(conversion("岁", "万人"), Conversion::Incompatible);
    }
}
