//! One row's cells as the plan file gives them: the baseline, the rule
//! (explicit, or read from the printed target), the rule of the 年均/累计
//! cell beside a level target, and the requirements set for single years.
//! Each returns what is wrong in words; the caller points at the field.

use super::super::row::{
    Printed, RowRule, change, each_year, no_baseline, period_rule_of_level, rule_from_text,
};
use super::super::{
    Comparator, Form, Measure, PlanMeta, Reading, Rule, Threshold, YearRequirement, read_target,
};
use super::raw::{RawBaseline, RawRule};
use super::valid::agrees_with_target;
use crate::diagnostic::Text;
use std::collections::BTreeMap;

/// The baseline cell of the plan file: a number, or the cell as printed,
/// read by [`super::super::row::read_baseline`].
pub(super) fn read_baseline(
    raw: &RawBaseline,
    unit: &str,
) -> Result<(Option<f64>, Option<String>), Text> {
    match raw {
        RawBaseline::Number(v) if v.is_finite() => Ok((Some(*v), None)),
        RawBaseline::Number(_) => Err(Text::new(
            "基期值不是有限数",
            "the baseline is not a finite number",
        )),
        RawBaseline::Text(text) => {
            let cell = super::super::row::read_baseline(text, unit)?;
            Ok((cell.value, cell.printed))
        }
    }
}

/// The machine rule: explicit when given, else read from the printed cells.
pub(super) fn read_rule(
    raw: Option<RawRule>,
    printed: &Printed,
    unit: &str,
    baseline: Option<f64>,
    measure: Measure,
    meta: &PlanMeta,
) -> Result<RowRule, Text> {
    let finite = |name: &str, v: f64| {
        if v.is_finite() {
            Ok(v)
        } else {
            Err(Text::new(
                format!("rule 的 {name} 不是有限数"),
                format!("rule {name} is not a finite number"),
            ))
        }
    };
    let target = printed.deciding();
    // A change's printed number is the level it reaches or the change
    // itself (`提高5` written `5`): either is the printed one (80 with
    // `change by 1` from 78 passed 79 as 已达标: a reviewer's).
    let printed_change = match &raw {
        Some(RawRule::Change { by, by_pct }) => by.or(*by_pct),
        _ => None,
    };
    let rule = match raw {
        None => return rule_from_text(printed, unit, baseline, measure, &meta.conventions()),
        Some(RawRule::AtLeast { value }) => Rule::Threshold(Threshold {
            cmp: Comparator::GreaterOrEqual,
            value: finite("value", value)?,
        }),
        Some(RawRule::AtMost { value }) => Rule::Threshold(Threshold {
            cmp: Comparator::LessOrEqual,
            value: finite("value", value)?,
        }),
        Some(RawRule::Projection {
            value,
            tolerance_pct,
        }) => {
            if !(tolerance_pct.is_finite() && (0.0..=100.0).contains(&tolerance_pct)) {
                return Err(Text::new(
                    format!(
                        "projection 的 tolerance_pct 应在 0 到 100 之间（百分比），实际为 {tolerance_pct}"
                    ),
                    format!(
                        "projection tolerance_pct must be between 0 and 100 (percent), not {tolerance_pct}"
                    ),
                ));
            }
            Rule::Projection {
                value: finite("value", value)?,
                tolerance_pct,
            }
        }
        Some(RawRule::Range { min, max }) => {
            if finite("min", min)? > finite("max", max)? {
                return Err(Text::new(
                    format!("range 的下限 {min} 大于上限 {max}"),
                    format!("range min {min} is greater than max {max}"),
                ));
            }
            Rule::Range { min, max }
        }
        Some(RawRule::Change { by, by_pct }) => {
            let Some(baseline) = baseline else {
                return Err(no_baseline(target));
            };
            let delta = match (by, by_pct) {
                (Some(by), None) => finite("by", by)?,
                (None, Some(pct)) => baseline * finite("by_pct", pct)? / 100.0,
                _ => {
                    return Err(Text::new(
                        "change 需且只需给出 by（按单位）或 by_pct（按基期的百分比）之一",
                        "change needs exactly one of by (in the unit) or by_pct (percent of the baseline)",
                    ));
                }
            };
            change(baseline, delta)?
        }
        Some(RawRule::None) => Rule::NotAssessed,
        Some(RawRule::About { toward }) => match read_target(target) {
            Ok(Reading {
                form: Form::About,
                value,
                toward: said,
                ..
            }) => {
                let cmp = match toward {
                    super::raw::Toward::More => Comparator::GreaterOrEqual,
                    super::raw::Toward::Less => Comparator::LessOrEqual,
                };
                // The words' side, where they give one, is not overruled.
                if said.is_some_and(|s| s.wants_more() != cmp.wants_more()) {
                    return Err(Text::new(
                        format!("rule 的 toward 与目标“{target}”的文字方向相反"),
                        format!("rule toward contradicts the words of the target \"{target}\""),
                    ));
                }
                Rule::About {
                    value,
                    tolerance_pct: meta.about_pct,
                    cmp,
                }
            }
            _ => {
                return Err(Text::new(
                    format!(
                        "rule = {{ kind = \"about\" }} 只用于写着“左右”的目标，目标为“{target}”"
                    ),
                    format!(
                        "rule = {{ kind = \"about\" }} is for a target printed with 左右; the target is \"{target}\""
                    ),
                ));
            }
        },
    };
    let reading = read_target(target);
    if let Ok(Reading {
        form: Form::Compare(cmp),
        value,
        ..
    }) = reading
    {
        agrees_with_target(&rule, cmp, value, target)?;
    }
    if let Ok(reading) = &reading
        && rule != Rule::NotAssessed
        && printed_change.is_none_or(|by| (by - reading.value).abs() > 1e-9)
    {
        printed_agrees(&rule, reading, target, unit)?;
    }
    Ok(RowRule::Ready(on_yearly_figures(
        rule, measure, printed, unit,
    )))
}

/// Year requirements that agree with the row: on its side ([`same_side`]),
/// and, on a level, within [`crate::plan::plausible::MAGNITUDE`] times of
/// its baseline or its target, as a figure must be (S019): `≥9.6` for a
/// 巩固率 held above 96 from 100 is a decimal point slipped, and passed 90
/// as 符合序时进度 (a reviewer's).
pub(super) fn years_agree(
    rule: &Rule,
    baseline: Option<f64>,
    measure: crate::plan::Measure,
    years: &BTreeMap<i32, YearRequirement>,
) -> Result<(), Text> {
    same_side(rule, years)?;
    if measure != crate::plan::Measure::Level {
        return Ok(());
    }
    let anchors: Vec<f64> = baseline
        .into_iter()
        .chain(crate::plan::consistency::target_value(rule))
        .filter(|a| *a > 0.0)
        .collect();
    // Both ends positive, and the figure outside them: 10 on the way from
    // 1 to 100, or from 0, is no slip (a reviewer's).
    let (low, high) = anchors
        .iter()
        .fold((f64::INFINITY, 0.0f64), |(l, h), &a| (l.min(a), h.max(a)));
    let far = |v: f64| {
        v > 0.0
            && anchors.len() == 2
            && (v < low || v > high)
            && anchors.iter().all(|&a| {
                let ratio = if v > a { v / a } else { a / v };
                ratio >= crate::plan::plausible::MAGNITUDE
            })
    };
    for (year, each) in years {
        let values: Vec<f64> = match *each {
            YearRequirement::Threshold(t) => vec![t.value],
            YearRequirement::About { value, .. } => vec![value],
            YearRequirement::Between { min, max } => vec![min, max],
        };
        if let Some(v) = values.into_iter().find(|&v| far(v)) {
            let shown = |x: f64| crate::number::display(x);
            let list = anchors.iter().map(|&a| shown(a)).collect::<Vec<_>>();
            return Err(Text::new(
                format!(
                    "{year}年的要求中的 {} 与基期、目标（{}）相差 {} 倍以上：小数点或单位是否写错？",
                    shown(v),
                    list.join("、"),
                    crate::plan::plausible::MAGNITUDE
                ),
                format!(
                    "{year}'s requirement {} is {} times or more away from the baseline and the target ({}): a decimal point or a unit slipped?",
                    shown(v),
                    crate::plan::plausible::MAGNITUDE,
                    list.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// A year's requirement on the other side of the row's own (`≤61` for a
/// floor rising to 65: a binding 城镇化率 falling from 60 to 55 passed as
/// 符合序时进度, exit 0, a reviewer's slip): refused. Projections, ranges
/// and relative rules have no side; a total's yearly requirement is on
/// another figure.
pub(super) fn same_side(rule: &Rule, years: &BTreeMap<i32, YearRequirement>) -> Result<(), Text> {
    let wants_more = match rule {
        Rule::Threshold(t)
        | Rule::Annual {
            each: YearRequirement::Threshold(t),
            ..
        } => t.cmp.wants_more(),
        Rule::About { cmp, .. } => cmp.wants_more(),
        // A total's year requirement is on the year's own figure.
        _ => return Ok(()),
    };
    for (year, each) in years {
        if let YearRequirement::Threshold(t) = each
            && t.cmp.wants_more() != wants_more
        {
            let (zh, en) = if wants_more {
                ("不低于", "at least")
            } else {
                ("不高于", "at most")
            };
            return Err(Text::new(
                format!(
                    "{year}年的要求“{} {}”与指标的目标方向相反（目标要求{zh}）：年度要求是否写反了？",
                    t.cmp.symbol(),
                    crate::number::display(t.value)
                ),
                format!(
                    "{year}'s requirement \"{} {}\" runs against the target ({en}): written the wrong way round?",
                    t.cmp.symbol(),
                    crate::number::display(t.value)
                ),
            ));
        }
    }
    Ok(())
}

/// An explicit rule over a printed level target keeps its unit and, where
/// the target is a bare number, its number (a reviewer's slips passed in
/// silence: `≥5‰` with `at_least 5` on a % indicator judged 0.6 % against
/// 5 %; `65` with `at_least 60.5` passed 61 as 已达标, completion 200 %).
/// A magnitude (`1.2万` of 亿元) is the number in the unit.
fn printed_agrees(rule: &Rule, reading: &Reading, target: &str, unit: &str) -> Result<(), Text> {
    if !matches!(
        reading.form,
        Form::Compare(_) | Form::Bare | Form::About | Form::Between
    ) {
        return Ok(());
    }
    let normal = |u: &str| u.trim().replace('％', "%");
    let factor = reading
        .unit
        .as_deref()
        .and_then(|printed| super::super::row::magnitude(printed, unit));
    if let Some(printed) = reading.unit.as_deref()
        && factor.is_none()
        && normal(printed) != normal(unit)
    {
        return Err(Text::new(
            format!(
                "目标“{target}”中的单位“{printed}”与指标的单位“{unit}”不同：写了 rule 也须换算成指标的单位"
            ),
            format!(
                "the target \"{target}\" is in \"{printed}\", the indicator in \"{unit}\": a rule does not change that; convert it to the indicator's unit"
            ),
        ));
    }
    if reading.form != Form::Bare {
        return Ok(());
    }
    let value = reading.value * factor.unwrap_or(1.0);
    let same = |a: f64| (a - value).abs() <= 1e-9 * value.abs().max(1.0);
    let (agrees, said) = match *rule {
        Rule::Threshold(t) => (same(t.value), crate::number::display(t.value)),
        Rule::Projection { value: v, .. } | Rule::About { value: v, .. } => {
            (same(v), crate::number::display(v))
        }
        Rule::Range { min, max } => (
            same(min) || same(max),
            format!(
                "{}~{}",
                crate::number::display(min),
                crate::number::display(max)
            ),
        ),
        _ => return Ok(()),
    };
    if agrees {
        return Ok(());
    }
    Err(Text::new(
        format!(
            "rule 的数（{said}）与印出的目标“{target}”（{}）不同：rule 只说怎样判断，数须是原文的",
            crate::number::display(value)
        ),
        format!(
            "the rule's number ({said}) is not the printed target \"{target}\" ({}): a rule says how to judge, its number is the printed one",
            crate::number::display(value)
        ),
    ))
}

/// An explicit rule on the target column of a growth rate whose figures are
/// each year's rate (`measure = "yearly_rate"`, 年均增长率 `at_least 5`): held
/// against the compound average to date, as the printed cell is
/// ([`rule_from_text`]) — a level's schedule from a baseline rate means
/// nothing.
///
/// Each year's change (`measure = "yearly_change"`, 老旧小区整治改造面积
/// `at_least 300`): the period's total is held to it, as a printed total
/// is — one year's amount against the five years' was judged in silence.
fn on_yearly_figures(rule: Rule, measure: Measure, printed: &Printed, unit: &str) -> Rule {
    // A rate's floor or ceiling is on its average whichever column printed it
    // (`年均增长7%以上` in the 年均 column with `at_least 7` was a level
    // held each year, 8 then 6.5 相对滞后 at a 7.25 average: a reviewer's).
    // A range stays a requirement of every year, as the README's rule table
    // says (保持在合理区间: a binding 3.5 against 4–6 passed on a 5.24 average).
    if printed.period.is_some()
        && measure == Measure::YearlyRate
        && let Rule::Range { min, max } = rule
    {
        return Rule::Annual {
            each: YearRequirement::Between { min, max },
            average: false,
        };
    }
    if printed.period.is_some()
        && !(measure == Measure::YearlyRate && matches!(rule, Rule::Threshold(_)))
    {
        return rule;
    }
    // A 左右 with its side (`kind = "about"`): its bound, as the figures are.
    let rule = match rule {
        Rule::About {
            value,
            tolerance_pct,
            cmp,
        } if measure != Measure::Level => {
            Rule::Threshold(super::super::row::about_bound(value, tolerance_pct, cmp))
        }
        other => other,
    };
    if measure == Measure::YearlyChange && super::super::row::asks_every_year(printed.name) {
        // 年均新增… 6: every year's amount, as the printed cell reads.
        return match rule {
            Rule::Threshold(t) => Rule::Annual {
                each: YearRequirement::Threshold(t),
                average: false,
            },
            other => other,
        };
    }
    if measure == Measure::YearlyChange {
        let from = crate::plan::Accumulate::of_yearly_changes(unit);
        return match rule {
            Rule::Threshold(t) if t.cmp.wants_more() => Rule::Cumulative {
                total: t.value,
                from,
                strict: t.cmp.inclusive() != t.cmp,
            },
            Rule::Threshold(t) => Rule::CumulativeCap {
                total: t.value,
                from,
                strict: t.cmp.inclusive() != t.cmp,
            },
            Rule::Range { min, max } => Rule::CumulativeRange { min, max, from },
            other => other,
        };
    }
    if measure != Measure::YearlyRate {
        return rule;
    }
    let each = match rule {
        Rule::Threshold(t) => YearRequirement::Threshold(t),
        Rule::Range { min, max } => YearRequirement::Between { min, max },
        Rule::Projection {
            value,
            tolerance_pct,
        } => YearRequirement::About {
            value,
            tolerance_pct,
        },
        other => return other,
    };
    Rule::Annual {
        each,
        average: true,
    }
}

/// The rule of the 年均/累计 cell beside a level target, read as printed; the
/// plan may only say it is not to be judged (another statistic, as a natural
/// growth rate beside a population). `both_judged`: the row's two cells both
/// hold a target, on levels.
pub(super) fn read_period_rule(
    period_target: Option<&str>,
    period_rule: Option<&RawRule>,
    both_judged: bool,
    unit: &str,
    meta: &PlanMeta,
) -> Result<Option<Rule>, Text> {
    Ok(match (period_target, period_rule) {
        (Some(_), Some(rule)) if both_judged => match rule {
            RawRule::None => Some(Rule::NotAssessed),
            _ => {
                return Err(Text::new(
                    "period_rule 只能写 { kind = \"none\" }（该栏只展示不判断）：年均/累计一栏按原文读，〔N〕为水平值的累计变化，比较或数字为水平值的年均增长率（%）",
                    "period_rule can only be { kind = \"none\" } (the cell shown, not judged): the period cell is read as printed, 〔N〕 as the level's change, a comparison or number as the level's average yearly growth (%)",
                ));
            }
        },
        (Some(cell), None) if both_judged => {
            Some(period_rule_of_level(cell, unit, &meta.conventions()).unwrap_or(Rule::NotAssessed))
        }
        (_, Some(_)) => {
            return Err(Text::new(
                "period_rule 只用于目标年和年均/累计两栏都有目标、统计数据是水平值（measure = \"level\"）的行",
                "period_rule is for a row whose target-year and period cells both hold a target, on levels (measure = \"level\")",
            ));
        }
        _ => None,
    })
}

/// `year_requirements = { "2023" = ">=18.5" }`: each year's requirement,
/// read by the target grammar, within the plan period.
pub(super) fn read_year_requirements(
    requirements: &BTreeMap<String, String>,
    meta: &PlanMeta,
    name: &str,
    unit: &str,
) -> Result<BTreeMap<i32, YearRequirement>, Text> {
    let mut year_requirements = BTreeMap::new();
    for (year_text, requirement) in requirements {
        let year: i32 = year_text.trim().parse().map_err(|_| {
            Text::new(
                format!("“{year_text}”不是年份"),
                format!("\"{year_text}\" is not a year"),
            )
        })?;
        if year <= meta.baseline_year || year > meta.target_year {
            return Err(Text::new(
                format!(
                    "年份 {year} 不在规划期 {}–{} 内",
                    meta.baseline_year + 1,
                    meta.target_year
                ),
                format!(
                    "{year} is outside the plan period {}–{}",
                    meta.baseline_year + 1,
                    meta.target_year
                ),
            ));
        }
        let reading = read_target(requirement).map_err(|_| {
            Text::new(
                format!("{year}年的要求“{requirement}”读不出来：应写成“≥18.5”“5%以上”“5左右”这样的形式"),
                format!(
                    "the {year} requirement \"{requirement}\" cannot be read: write it as \">=18.5\", \"5%以上\" or \"5左右\""
                ),
            )
        })?;
        // ≥60且, 5.5万: words or a unit other than the indicator's after
        // the number are not dropped in silence.
        let normal = |u: &str| crate::number::trim_all(u).replace('％', "%");
        if let Some(printed) = reading.unit.as_deref()
            && normal(printed) != normal(unit)
        {
            return Err(Text::new(
                format!(
                    "{year}年的要求“{requirement}”中的“{printed}”不是指标的单位“{unit}”：应写成“≥18.5”“5%以上”“5左右”这样的形式"
                ),
                format!(
                    "the {year} requirement \"{requirement}\" has \"{printed}\" where the indicator's unit is \"{unit}\": write it as \">=18.5\", \"5%以上\" or \"5左右\""
                ),
            ));
        }
        if !reading.value.is_finite() {
            return Err(Text::new(
                format!("{year}年的要求“{requirement}”不是有限数"),
                format!("the {year} requirement \"{requirement}\" is not a finite number"),
            ));
        }
        let Some(requirement_of_year) = each_year(&reading, meta.about_pct, name) else {
            return Err(Text::new(
                format!(
                    "{year}年的要求“{requirement}”须是比较（≥18.5、5%以上）、约数（5左右）或区间（4.5%-5%）"
                ),
                format!(
                    "the {year} requirement \"{requirement}\" must be a comparison (>=18.5, 5%以上), an approximate value (5左右) or a range (4.5%-5%)"
                ),
            ));
        };
        year_requirements.insert(year, requirement_of_year);
    }
    Ok(year_requirements)
}
