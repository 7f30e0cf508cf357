//! What a figure is checked against as it is read: what the indicator can
//! take at all ([`crate::plan::plausible`]; S016), a percent that looks like
//! a fraction (S017), a reduction typed as a negative (S018), a level off the
//! scale of its baseline and target (S019) and a percent level above 100
//! that is no share (S020). Each a diagnostic at the figure's cell.

use super::RowReader;
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::stats::units;

/// A percent figure that looks like a fraction: 0.983 where the plan's
/// figures are near 98 (S017 says so; it is no slip of scale).
fn looks_like_fraction(value: f64, ind: &crate::plan::Indicator) -> bool {
    value > 0.0
        && value <= 1.0
        && ind.baseline.is_some_and(|b| b.abs() >= 10.0)
        && units::normalize(&ind.unit) == "%"
}

impl RowReader<'_> {
    /// A figure the indicator cannot take (a negative count, a share over
    /// 100 where the plan says so) is an error; a percent figure that looks
    /// like a fraction (0.983 where the plan's figures are near 98) is a warning.
    #[inline]
    pub(super) fn plausible(
        &self,
        value: f64,
        line: u64,
        ind: &crate::plan::Indicator,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Diagnostic> {
        let column = Some(self.layout.value);
        // Words for a message are made only when there is one to write.
        let shown = || crate::number::display(value);
        if value.abs() > crate::plan::plausible::LARGEST {
            return Err(self
                .place(line)
                .error(
                    Code::S016,
                    column,
                    Text::new(
                        format!("数值 {} 大得不合理", shown()),
                        format!("the figure {} is implausibly large", shown()),
                    ),
                )
                .for_indicator(ind.display_name()));
        }
        if !ind.valid.contains(value) {
            let shown = shown();
            let (why_zh, why_en) = ind.valid.basis.why();
            return Err(self
                .place(line)
                .error(
                    Code::S016,
                    column,
                    Text::new(
                        format!(
                            "数值 {shown}（{}）不在该指标可能的取值范围 {}{why_zh}{}内",
                            ind.unit,
                            ind.valid.describe(),
                            if why_zh.is_empty() { " " } else { "" }
                        ),
                        format!(
                            "the figure {shown} ({}) is outside the indicator's possible values {}{why_en}",
                            ind.unit,
                            ind.valid.describe()
                        ),
                    ),
                )
                .for_indicator(ind.display_name())
                .with_hint(Text::new(
                    "请核对数值和单位；范围见规划文件的 valid（数量、金额默认不小于 0）",
                    "check the figure and its unit; the range is the plan's valid (counts and money are at least 0)",
                )));
        }
        // A reduction is written as a positive number (比上年下降2.7% is
        // 2.7): a negative one on a 降低 indicator is a rise. Possible, but
        // more often a slip.
        if value < 0.0 && ind.measure == crate::plan::Measure::YearlyChange {
            self.negative_reduction(value, line, ind, warnings);
        }
        // The cheap tests first: this runs on every figure.
        if looks_like_fraction(value, ind)
            && let Some(baseline) = ind.baseline
        {
            let shown = shown();
            let scaled = crate::number::display(value * 100.0);
            warnings.push(
                self.place(line)
                    .error(
                        Code::S017,
                        column,
                        Text::new(
                            format!(
                                "数值 {shown} 像是写成了小数的百分比：该指标以 % 计（基期 {}），是否应为 {scaled}？",
                                crate::number::display(baseline)
                            ),
                            format!(
                                "the figure {shown} looks like a percentage written as a fraction: the indicator is in % (baseline {}); did you mean {scaled}?",
                                crate::number::display(baseline)
                            ),
                        ),
                    )
                    .for_indicator(ind.display_name())
                    .as_warning(),
            );
        }
        Ok(())
    }

    /// A level figure far from both the baseline and the target (S019, an
    /// error: a decimal point or a unit slipped), or a percent level above
    /// 100 that is no share (S020, a warning). Out of line: rare.
    #[cold]
    pub(super) fn off_scale(
        &self,
        value: f64,
        submitted: Option<(f64, &str)>,
        line: u64,
        ind: &crate::plan::Indicator,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Diagnostic> {
        let column = Some(self.layout.value);
        let shown = crate::number::display_exact(value);
        if crate::plan::plausible::off_scale(ind, value) && !looks_like_fraction(value, ind) {
            let target = crate::plan::consistency::target_value(&ind.rule);
            let mut against_zh = Vec::new();
            let mut against_en = Vec::new();
            if let Some(b) = ind.baseline {
                against_zh.push(format!("基期 {}", crate::number::display(b)));
                against_en.push(format!("baseline {}", crate::number::display(b)));
            }
            if let Some(t) = target {
                against_zh.push(format!("目标 {}", crate::number::display(t)));
                against_en.push(format!("target {}", crate::number::display(t)));
            }
            let (converted_zh, converted_en) = match submitted {
                Some((raw, unit)) => (
                    format!(
                        "（按所填单位“{unit}”由 {} 换算而来）",
                        crate::number::display(raw)
                    ),
                    format!(
                        " (converted from {} in \"{unit}\", the unit given)",
                        crate::number::display(raw)
                    ),
                ),
                None => (String::new(), String::new()),
            };
            return Err(self
                .place(line)
                .error(
                    Code::S019,
                    column,
                    Text::new(
                        format!(
                            "数值 {shown}{}{converted_zh} 与{} 相差 {} 倍以上，像是小数点或单位填错了",
                            ind.unit,
                            against_zh.join("、"),
                            crate::plan::plausible::MAGNITUDE
                        ),
                        format!(
                            "the figure {shown} {}{converted_en} is more than {} times away from the {}: a decimal point or a unit seems to have slipped",
                            ind.unit,
                            crate::plan::plausible::MAGNITUDE,
                            against_en.join(" and the ")
                        ),
                    ),
                )
                .for_indicator(ind.display_name())
                .with_hint(Text::new(
                    "请核对数值和单位；确属实情的，可在规划文件中写 valid = { min = …, max = … }",
                    "check the figure and its unit; if it is right, state the range in the plan with valid = { min = …, max = … }",
                )));
        }
        if crate::plan::plausible::unusual(ind, value) {
            warnings.push(
                self.place(line)
                    .error(
                        Code::S020,
                        column,
                        Text::new(
                            format!("数值 {shown}% 超过 100%：请确认该指标确可超过 100"),
                            format!("the figure {shown}% is above 100%: make sure the indicator can pass 100"),
                        ),
                    )
                    .for_indicator(ind.display_name())
                    .as_warning(),
            );
        }
        Ok(())
    }

    /// S018: a negative figure on an indicator of 降低, a warning.
    #[cold]
    fn negative_reduction(
        &self,
        value: f64,
        line: u64,
        ind: &crate::plan::Indicator,
        warnings: &mut Vec<Diagnostic>,
    ) {
        if !["降低", "下降", "减少", "减排"]
            .iter()
            .any(|w| ind.name.contains(w))
        {
            return;
        }
        let shown = crate::number::display(value);
        let magnitude = crate::number::display(-value);
        warnings.push(
            self.place(line)
                .error(
                    Code::S018,
                    Some(self.layout.value),
                    Text::new(
                        format!(
                            "数值 {shown} 是负数，而该指标是每年比上年的降低幅度：“比上年下降{magnitude}%”应填 {magnitude}；按 {shown} 判断即比上年上升了 {magnitude}"
                        ),
                        format!(
                            "the figure {shown} is negative, and the indicator is each year's reduction on the year before: “down {magnitude}% on the year before” is {magnitude}; {shown} is judged as a rise of {magnitude}"
                        ),
                    ),
                )
                .for_indicator(ind.display_name())
                .as_warning(),
        );
    }
}
