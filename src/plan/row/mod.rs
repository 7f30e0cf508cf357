//! What a printed row of a plan's indicator table means, read once for
//! everyone: the baseline cell (`10.5*`, `—`, `〔17.7〕`, `86.44%`), the cell
//! that decides (the target-year cell, or the 年均/累计 one when that is
//! empty), the words after its number (`＞7、力争…`, kept, never judged), and
//! the rule the printed cells state, by the target grammar
//! ([`read_target`]). The plan loader and `import` (the draft and `--check`)
//! call this module, so a draft never holds a reading the loader refuses.
//! `direction.rs`: which side counts where the number alone does not say;
//! `rule.rs`: the rule a row's printed cells state; `baseline.rs`: the
//! baseline cell.

mod baseline;
mod direction;
mod rule;

pub use baseline::{Baseline, bracketed, read_baseline};
use direction::side_by_name;
pub use direction::{about, about_bound, better_by_name, projected_by_name, without_glosses};
pub use rule::rule_from_text;

use super::{
    Accumulate, BareNumbers, Comparator, Form, Measure, Reading, Rule, Threshold, YearRequirement,
    is_dash, read_target, target::TargetError,
};
use crate::diagnostic::Text;

/// The printed cells a rule is read from.
#[derive(Debug, Clone, Copy)]
pub struct Printed<'a> {
    /// The target-year cell.
    pub target: &'a str,
    /// The 年均/累计 cell, when it holds something (not `—`).
    pub period: Option<&'a str>,
    /// The indicator's name (a head count's `左右` is a projection).
    pub name: &'a str,
}

impl<'a> Printed<'a> {
    /// The cells as printed; a 年均/累计 cell of `—` holds nothing.
    pub fn new(target: &'a str, period: Option<&'a str>) -> Self {
        Printed {
            target,
            period: period.filter(|p| !is_dash(p)),
            name: "",
        }
    }

    /// The same cells, of the indicator named `name`.
    pub fn named(self, name: &'a str) -> Self {
        Printed { name, ..self }
    }

    /// The cell that decides: the 年均/累计 one when it holds something.
    pub fn deciding(&self) -> &'a str {
        self.period.unwrap_or(self.target)
    }

    /// Both cells hold a requirement: which one judges is not for the
    /// reader to guess.
    pub fn both(&self) -> bool {
        self.period.is_some() && !is_dash(self.target)
    }

    /// The words printed after the deciding cell's requirement, if any.
    pub fn clause(&self) -> Option<String> {
        read_target(self.deciding())
            .ok()
            .and_then(|reading| reading.clause)
    }
}

/// What a plan says about reading its printed targets: the band of `左右`
/// and how a bare number reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conventions {
    pub about_pct: f64,
    pub bare_numbers: Option<BareNumbers>,
}

/// A rule as read from one row, before the other rows are known.
#[derive(Debug, Clone, PartialEq)]
pub enum RowRule {
    Ready(Rule),
    /// Relative to the indicator the text names.
    Relative {
        other: String,
        cmp: Option<Comparator>,
        /// Beyond the other figure by this much (`…1个百分点`).
        margin: f64,
    },
}

/// A requirement held in one year, as the grammar reads it: a comparison,
/// an approximate value or a range. An approximate value with a side that
/// matters — said by the words (`控制在3%左右`) or, failing them, by the
/// indicator's name (`name`: 城镇调查失业率 5.5%左右 is at most about 5.5) —
/// is a bound that far off it; else a band both ways.
pub fn each_year(reading: &Reading, about_pct: f64, name: &str) -> Option<YearRequirement> {
    let value = reading.value;
    Some(match reading.form {
        Form::Compare(cmp) => YearRequirement::Threshold(Threshold { cmp, value }),
        Form::About => {
            let side = reading.toward.or_else(|| side_by_name(name));
            match side {
                Some(cmp) => YearRequirement::Threshold(about_bound(value, about_pct, cmp)),
                None => YearRequirement::About {
                    value,
                    tolerance_pct: about_pct,
                },
            }
        }
        Form::Between => YearRequirement::Between {
            min: reading.low?,
            max: value,
        },
        _ => return None,
    })
}

/// `年均增长7%以上` → `7%以上`: what follows the words that say a figure is a
/// yearly average (年均增长率, 年均增长, 年均增速, 年均), where a number or a
/// comparison follows them; `None` otherwise (`年均新增6`, `年均下降3%`).
pub fn after_average_words(text: &str) -> Option<&str> {
    let text = text.trim();
    ["年均增长率", "年均增长", "年均增速", "年均"]
        .iter()
        .find_map(|w| text.strip_prefix(w))
        .map(str::trim_start)
        .filter(|rest| {
            rest.starts_with(|c: char| {
                c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || matches!(c, '≥' | '＞' | '>' | '≧' | '≤' | '＜' | '<' | '≦')
            })
        })
}

/// The 年均/累计 cell of a row whose target-year cell holds the level's own
/// target (both printed: `60` beside `〔3.9〕`, `55.8` beside `7`): a second
/// requirement on the same yearly levels. `〔N〕` is the level's change since
/// the baseline (in the indicator's unit; points on a percent); a rate
/// (`＞6.5%`, `7`, `＜7.2‰`) the level's compound average yearly growth
/// since the baseline, in percent (‰ read as tenths of a percent); a bare
/// number only where the plan says how bare numbers read, as at least that
/// growth. Anything else (a cell in another unit, `高于全国平均`) is shown
/// and not judged: `None` — except a comparison with another indicator of
/// the plan, which the loader resolves with the other relative targets.
pub fn period_rule_of_level(period: &str, unit: &str, meta: &Conventions) -> Option<Rule> {
    // `年均增长7%以上` beside a level target is its growth, as `＞7%` is (it
    // was shown only, exit 0, where ＞7% failed: a reviewer's).
    let period = after_average_words(period).unwrap_or(period);
    let reading = read_target(period).ok()?;
    let normal = |u: &str| u.trim().replace('％', "%");
    let printed_unit = reading.unit.as_deref().map(normal);
    match reading.form {
        form if form.is_cumulative() => {
            let points = normal(unit) == "%"
                && matches!(printed_unit.as_deref(), Some("百分点" | "个百分点"));
            let same = printed_unit.as_deref().is_none_or(|u| u == normal(unit));
            (same || points).then_some(cumulative(&reading, Accumulate::LevelChange))
        }
        Form::Bare => meta.bare_numbers.map(|_| Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: reading.value,
            }),
            average: true,
        }),
        _ => {
            let scale = match printed_unit.as_deref() {
                None | Some("%") => 1.0,
                Some("‰") => 0.1,
                Some(_) => return None,
            };
            // The level's growth: its name says nothing of the rate's side.
            let each = match each_year(&reading, meta.about_pct, "")? {
                YearRequirement::Threshold(t) => YearRequirement::Threshold(Threshold {
                    cmp: t.cmp,
                    value: t.value * scale,
                }),
                YearRequirement::About {
                    value,
                    tolerance_pct,
                } => YearRequirement::About {
                    value: value * scale,
                    tolerance_pct,
                },
                YearRequirement::Between { min, max } => YearRequirement::Between {
                    min: min * scale,
                    max: max * scale,
                },
            };
            Some(Rule::Annual {
                each,
                average: true,
            })
        }
    }
}

/// Whether a name asks for an amount every year (年均新增城镇就业, 每年新增):
/// with each year's amount as the figures, a number is each year's, not a
/// five-year total.
pub fn asks_every_year(name: &str) -> bool {
    name.contains("年均") || name.contains("每年")
}

/// The factor of a magnitude printed after a number where the indicator's
/// unit is another (`1.2万` of 亿元 is 12000 亿元, `800万` of 平方米 is
/// 8,000,000): `None` for a unit, or where the indicator's unit starts with
/// the same magnitude (`5万` of 万人 is 5 万人).
pub fn magnitude(printed: &str, unit: &str) -> Option<f64> {
    let of = |m: &str| match m {
        "万" => Some(1e4),
        "亿" => Some(1e8),
        "千" => Some(1e3),
        _ => None,
    };
    let printed = crate::number::trim_all(printed);
    let unit = crate::number::trim_all(unit);
    let factor = of(printed)?;
    if unit.is_empty() || unit == "%" || unit == "％" {
        return None;
    }
    // The unit's own magnitude (万人次, 万元): `1.5亿` there is 1.5亿 人次,
    // 15000 万人次 (it was multiplied into 150,000,000 万人次); a smaller one
    // than the unit's (`1.2万` of 亿元) multiplies it, as the prose says
    // 1.2万亿元.
    let own = unit
        .chars()
        .next()
        .and_then(|c| of(&c.to_string()))
        .unwrap_or(1.0);
    Some(if factor >= own { factor / own } else { factor })
}

/// The rule of a cumulative cell: a total to reach (`〔N〕`, `[>N]`), a
/// cap not to pass (`[<N]`), or a range to end within (`〔3000—4000〕`).
fn cumulative(reading: &Reading, from: Accumulate) -> Rule {
    let (total, strict) = (reading.value, reading.strict);
    if let (Form::CumulativeRange, Some(min)) = (reading.form, reading.low) {
        Rule::CumulativeRange {
            min,
            max: total,
            from,
        }
    } else if reading.form == Form::CumulativeCap {
        Rule::CumulativeCap {
            total,
            from,
            strict,
        }
    } else {
        Rule::Cumulative {
            total,
            from,
            strict,
        }
    }
}

/// A reading that needs the baseline, on an indicator that has none.
pub fn no_baseline(target: &str) -> Text {
    Text::new(
        format!("目标“{target}”相对基期而定，但本指标没有基期值（—）：请写明 rule，或补上基期值"),
        format!(
            "the target \"{target}\" is relative to the baseline, and the indicator has none (—): write a rule, or the baseline"
        ),
    )
}

/// A change from the baseline as a threshold: at least the baseline plus a
/// rise, at most it minus a fall.
pub fn change(baseline: f64, delta: f64) -> Result<Rule, Text> {
    if delta == 0.0 || !delta.is_finite() {
        return Err(Text::new(
            "change 的变化量不能为 0",
            "a change rule needs a non-zero change",
        ));
    }
    let cmp = if delta > 0.0 {
        Comparator::GreaterOrEqual
    } else {
        Comparator::LessOrEqual
    };
    Ok(Rule::Threshold(Threshold {
        cmp,
        value: crate::number::round_requirement(baseline + delta),
    }))
}

#[cfg(test)]
mod tests;
