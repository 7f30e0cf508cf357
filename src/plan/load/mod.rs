//! Reading a plan file: TOML into [`Plan`], every mistake reported with the file,
//! the line and the indicator. Here the plan and each row are read; the
//! file's TOML shapes are in [`raw`], relative targets in [`relatives`], the
//! values a figure can take in [`valid`], `其中` parts in [`parts`], positions
//! in [`lines`], finding the file in [`discover`].

use super::row::{
    Printed, RowRule, change, each_year, no_baseline, period_rule_of_level, rule_from_text,
};
use super::{
    Attribute, BareNumbers, Comparator, DEFAULT_ABOUT_PCT, DEFAULT_AHEAD_RATIO,
    DEFAULT_ON_SCHEDULE_RATIO, Form, Indicator, IndicatorIdx, Measure, Plan, PlanMeta, Reading,
    Rule, Threshold, Valid, YearRequirement, is_dash, read_target,
};
use crate::diagnostic::{Code, Diagnostic, Text};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

mod discover;
mod lines;
mod parts;
mod raw;
mod relatives;
#[cfg(test)]
mod tests;
mod valid;

pub use discover::find_plan_file;
pub use lines::{Lines, line_and_column};
use parts::*;
pub use raw::PlanFile;
use raw::*;
pub(crate) use relatives::names_of;
use relatives::*;
use valid::*;

/// Reads and checks the plan file at `path`.
pub fn load_plan(path: &Path) -> Result<Plan, Diagnostic> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostic::error(
            Code::P002,
            &shown,
            Text::io("无法读取规划文件", "cannot read the plan file", &e),
        )
    })?;
    parse_plan(&text, &shown)
}

/// Parses plan TOML; `file` names it in messages.
pub fn parse_plan(text: &str, file: &str) -> Result<Plan, Diagnostic> {
    let raw: PlanFile = toml::from_str(text).map_err(|e| {
        let mut d = Diagnostic::error(
            Code::P003,
            file,
            Text::new(
                format!("规划文件格式有误：{}", e.message()),
                format!("the plan file is not valid: {}", e.message()),
            ),
        );
        if let Some(span) = e.span() {
            let (line, column) = line_and_column(text, span.start);
            d = d.at_line(line).at_column(column);
        }
        d
    })?;
    let meta = read_meta(raw.plan, file)?;
    let lines = Lines::new(text);

    let mut seen: HashMap<String, usize> = HashMap::new();
    // (category, name) → the line of the indicator that has it.
    let mut names: HashMap<(String, String), usize> = HashMap::new();
    let mut indicators = Vec::with_capacity(raw.indicator.len());
    // Each part_of with the line it stands on.
    let mut parts: Vec<Option<(String, u64)>> = Vec::with_capacity(raw.indicator.len());
    // Targets relative to another indicator, resolved once all are read.
    let mut relatives: Vec<PendingRelative> = Vec::new();
    for spanned in raw.indicator {
        let line = lines.at(spanned.span().start).0 as usize;
        let raw = spanned.into_inner();
        // An error about the indicator as a whole points at its table; one about a
        // field points at the field, and names it.
        let err = |message: Text| {
            Diagnostic::error(Code::P004, file, message)
                .at_line(line as u64)
                .for_indicator(raw.id.clone())
        };
        let field_err = |field: &str, start: usize, message: Text| {
            let (line, column) = lines.at(start);
            Diagnostic::error(
                Code::P004,
                file,
                Text::new(
                    format!("字段 {field}：{}", message.zh),
                    format!("field {field}: {}", message.en),
                ),
            )
            .at_line(line)
            .at_column(column)
            .for_indicator(raw.id.clone())
        };
        if raw.id.is_empty()
            || !raw
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        {
            return Err(err(Text::new(
                "id 只能由小写英文字母、数字、下划线和连字符组成",
                "an id may hold only lowercase ASCII letters, digits, '_' and '-'",
            )));
        }
        if let Some(first) = seen.insert(raw.id.clone(), line) {
            return Err(err(Text::new(
                format!("id 重复：第{first}行已有同一 id"),
                format!("duplicate id: line {first} has the same id"),
            )));
        }
        if raw.name.trim().is_empty() {
            return Err(err(Text::new(
                "指标名称（name）是空的",
                "the indicator's name is empty",
            )));
        }
        let key = (raw.category.trim().to_owned(), raw.name.trim().to_owned());
        if let Some(first) = names.insert(key, line) {
            return Err(err(Text::new(
                format!(
                    "分类“{}”下已有同名指标“{}”（第{first}行）：同一分类中名称须唯一，否则统计数据无法对应",
                    raw.category.trim(),
                    raw.name.trim()
                ),
                format!(
                    "the category \"{}\" already has an indicator named \"{}\" (line {first}): names must be unique within a category, or figures cannot be matched",
                    raw.category.trim(),
                    raw.name.trim()
                ),
            )));
        }
        let (baseline, baseline_text) = read_baseline(raw.baseline.get_ref(), &raw.unit)
            .map_err(|message| field_err("baseline", raw.baseline.span().start, message))?;
        let baseline_year = match &raw.baseline_year {
            Some(year) => {
                let y = *year.get_ref();
                if y > meta.baseline_year || y < meta.baseline_year - 10 {
                    return Err(field_err(
                        "baseline_year",
                        year.span().start,
                        Text::new(
                            format!(
                                "基期年份 {y} 应在规划基期 {} 或之前十年内",
                                meta.baseline_year
                            ),
                            format!(
                                "baseline_year {y} must be the plan's {} or up to ten years before",
                                meta.baseline_year
                            ),
                        ),
                    ));
                }
                y
            }
            None if baseline_text
                .as_deref()
                .is_some_and(|t| t.contains(['*', '＊'])) =>
            {
                return Err(field_err(
                    "baseline",
                    raw.baseline.span().start,
                    Text::new(
                        "基期值带“*”：按表注，请用 baseline_year 写明这是哪一年的数据",
                        "the baseline carries a \"*\": as the table's note says, give its year with baseline_year",
                    ),
                ));
            }
            None => meta.baseline_year,
        };
        if indicators.len() >= IndicatorIdx::MAX as usize {
            return Err(err(Text::new("指标过多", "too many indicators")));
        }
        let attribute = match raw.attribute.get_ref().trim() {
            "约束性" | "binding" => Attribute::Binding,
            "预期性" | "expected" => Attribute::Expected,
            other => {
                return Err(field_err(
                    "attribute",
                    raw.attribute.span().start,
                    Text::new(
                        format!("属性“{other}”无法识别，应为“约束性”或“预期性”"),
                        format!(
                            "unknown attribute \"{other}\": expected 约束性 (binding) or 预期性 (expected)"
                        ),
                    ),
                ));
            }
        };
        let measure = raw.measure.unwrap_or_default();
        // The cell that decides: the 年均/累计 one when the target-year cell is empty.
        let period = raw.period_target.as_ref().filter(|p| !is_dash(p.get_ref()));
        let printed = Printed::new(
            raw.target.get_ref(),
            raw.period_target.as_ref().map(|p| p.get_ref().as_str()),
        );
        // Both cells of a level's row (`60` beside `〔3.9〕`): the target-year
        // cell judges the level (`rule`, where its text does not say how),
        // the 年均/累计 one is judged beside it (`period_rule`, likewise).
        let both_judged = printed.both() && measure == Measure::Level;
        let printed = if both_judged {
            Printed::new(raw.target.get_ref(), None)
        } else {
            printed
        };
        let period = if both_judged { None } else { period };
        if let Some(period) = period
            && printed.both()
            && raw.rule.is_none()
        {
            return Err(field_err(
                "period_target",
                period.span().start,
                Text::new(
                    format!(
                        "目标年一栏（“{}”）和年均/累计一栏（“{}”）都有目标：请用 rule 写明按哪一个判断",
                        raw.target.get_ref(),
                        period.get_ref()
                    ),
                    format!(
                        "both the target-year cell (\"{}\") and the period cell (\"{}\") hold a target: say which judges with rule",
                        raw.target.get_ref(),
                        period.get_ref()
                    ),
                ),
            ));
        }
        let (rule_field, rule_start) = match (&raw.rule, period) {
            (Some(rule), _) => ("rule", rule.span().start),
            (None, Some(period)) => ("period_target", period.span().start),
            (None, None) => ("target", raw.target.span().start),
        };
        let clause = printed.clause();
        let draft = read_rule(
            raw.rule.map(toml::Spanned::into_inner),
            &printed,
            &raw.unit,
            baseline,
            measure,
            &meta,
        )
        .map_err(|message| field_err(rule_field, rule_start, message))?;
        let rule = match draft {
            RowRule::Ready(rule) => rule,
            RowRule::Relative { other, cmp } => {
                relatives.push(PendingRelative {
                    index: indicators.len(),
                    other,
                    to: raw
                        .relative_to
                        .as_ref()
                        .map(|t| t.get_ref().trim().to_owned()),
                    cmp,
                    line: lines.at(rule_start).0,
                    field: rule_field,
                });
                Rule::NotAssessed
            }
        };
        // The 年均/累计 cell beside a level target is read as printed; the
        // plan may only say it is not to be judged (another statistic, as a
        // natural growth rate beside a population).
        let period_rule = match (&raw.period_target, raw.period_rule) {
            (Some(_), Some(spanned)) if both_judged => match spanned.get_ref() {
                RawRule::None => Some(Rule::NotAssessed),
                _ => {
                    return Err(field_err(
                        "period_rule",
                        spanned.span().start,
                        Text::new(
                            "period_rule 只能写 { kind = \"none\" }（该栏只展示不判断）：年均/累计一栏按原文读，〔N〕为水平值的累计变化，比较或数字为水平值的年均增长率（%）",
                            "period_rule can only be { kind = \"none\" } (the cell shown, not judged): the period cell is read as printed, 〔N〕 as the level's change, a comparison or number as the level's average yearly growth (%)",
                        ),
                    ));
                }
            },
            (Some(cell), None) if both_judged => Some(
                period_rule_of_level(cell.get_ref(), &raw.unit, &meta.conventions())
                    .unwrap_or(Rule::NotAssessed),
            ),
            (_, Some(spanned)) => {
                return Err(field_err(
                    "period_rule",
                    spanned.span().start,
                    Text::new(
                        "period_rule 只用于目标年和年均/累计两栏都有目标、统计数据是水平值（measure = \"level\"）的行",
                        "period_rule is for a row whose target-year and period cells both hold a target, on levels (measure = \"level\")",
                    ),
                ));
            }
            _ => None,
        };
        let mut year_requirements = BTreeMap::new();
        if let Some(spanned) = &raw.year_requirements {
            let err = |message| field_err("year_requirements", spanned.span().start, message);
            for (year_text, requirement) in spanned.get_ref() {
                let year: i32 = year_text.trim().parse().map_err(|_| {
                    err(Text::new(
                        format!("“{year_text}”不是年份"),
                        format!("\"{year_text}\" is not a year"),
                    ))
                })?;
                if year <= meta.baseline_year || year > meta.target_year {
                    return Err(err(Text::new(
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
                    )));
                }
                let reading = read_target(requirement).map_err(|_| {
                    err(Text::new(
                        format!("{year}年的要求“{requirement}”读不出来：应写成“≥18.5”“5%以上”“5左右”这样的形式"),
                        format!(
                            "the {year} requirement \"{requirement}\" cannot be read: write it as \">=18.5\", \"5%以上\" or \"5左右\""
                        ),
                    ))
                })?;
                if !reading.value.is_finite() {
                    return Err(err(Text::new(
                        format!("{year}年的要求“{requirement}”不是有限数"),
                        format!("the {year} requirement \"{requirement}\" is not a finite number"),
                    )));
                }
                let requirement_of_year = match each_year(&reading, meta.about_pct) {
                    Some(requirement) => requirement,
                    None => {
                        return Err(err(Text::new(
                            format!(
                                "{year}年的要求“{requirement}”须是比较（≥18.5、5%以上）、约数（5左右）或区间（4.5%-5%）"
                            ),
                            format!(
                                "the {year} requirement \"{requirement}\" must be a comparison (>=18.5, 5%以上), an approximate value (5左右) or a range (4.5%-5%)"
                            ),
                        )));
                    }
                };
                year_requirements.insert(year, requirement_of_year);
            }
        }
        let valid = read_valid(
            raw.valid.as_ref(),
            &raw.name,
            &raw.unit,
            measure,
            baseline,
            &rule,
        )
        .map_err(|(start, message)| match raw.valid {
            Some(_) => field_err("valid", start, message),
            None => err(message),
        })?;
        parts.push(raw.part_of.map(|p| {
            let (line, _) = lines.at(p.span().start);
            (p.into_inner(), line)
        }));
        indicators.push(Indicator {
            id: raw.id,
            category: raw.category,
            name: raw.name,
            unit: raw.unit,
            baseline,
            baseline_text,
            baseline_year,
            target_text: raw.target.into_inner(),
            period_target: raw.period_target.map(toml::Spanned::into_inner),
            measure,
            group: raw
                .group
                .map(|g| g.trim().to_owned())
                .filter(|g| !g.is_empty()),
            note: raw
                .note
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
            aliases: raw
                .aliases
                .iter()
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            bulletin_figure: raw.bulletin_figure.unwrap_or_default(),
            clause,
            attribute,
            rule,
            period_rule,
            part_of: None,
            year_requirements,
            valid,
            line,
        });
    }
    if indicators.is_empty() {
        return Err(Diagnostic::error(
            Code::P004,
            file,
            Text::new(
                "规划文件中没有指标（[[indicator]]）",
                "the plan file has no indicators ([[indicator]])",
            ),
        ));
    }
    resolve_parts(&mut indicators, parts, file)?;
    resolve_relatives(&mut indicators, relatives, &meta, file)?;
    Ok(Plan {
        path: file.to_owned(),
        meta,
        indicators,
    })
}

fn read_meta(raw: RawMeta, file: &str) -> Result<PlanMeta, Diagnostic> {
    // Plan years a statistics table can hold: rows are read from the baseline
    // year to one period after the target year, all within the observations'
    // range of years.
    const PLAN_YEARS: std::ops::RangeInclusive<i32> = 1900..=2400;
    for year in [raw.baseline_year, raw.target_year] {
        if !PLAN_YEARS.contains(&year) {
            return Err(Diagnostic::error(
                Code::P005,
                file,
                Text::new(
                    format!("规划年份 {year} 不在 1900–2400 之间"),
                    format!("the plan year {year} is not between 1900 and 2400"),
                ),
            ));
        }
    }
    if raw.baseline_year >= raw.target_year {
        return Err(Diagnostic::error(
            Code::P005,
            file,
            Text::new(
                format!(
                    "基期年份 {} 应早于目标年份 {}",
                    raw.baseline_year, raw.target_year
                ),
                format!(
                    "baseline_year {} must be before target_year {}",
                    raw.baseline_year, raw.target_year
                ),
            ),
        ));
    }
    // A ratio or a percentage the plan may set, with its bounds.
    let bounded = |name: &str, value: f64, ok: bool, zh: &str, en: &str| {
        if value.is_finite() && ok {
            Ok(value)
        } else {
            Err(Diagnostic::error(
                Code::P005,
                file,
                Text::new(
                    format!("{name} {value} {zh}"),
                    format!("{name} {value} {en}"),
                ),
            ))
        }
    };
    let ahead_ratio = raw.ahead_ratio.unwrap_or(DEFAULT_AHEAD_RATIO);
    let ahead_ratio = bounded(
        "ahead_ratio",
        ahead_ratio,
        ahead_ratio >= 1.0,
        "应不小于 1",
        "must be at least 1",
    )?;
    let ratio = raw.on_schedule_ratio.unwrap_or(DEFAULT_ON_SCHEDULE_RATIO);
    let on_schedule_ratio = bounded(
        "on_schedule_ratio",
        ratio,
        ratio > 0.0 && ratio <= 1.0,
        "应在 0 到 1 之间",
        "must be between 0 and 1",
    )?;
    let pct = raw.about_pct.unwrap_or(DEFAULT_ABOUT_PCT);
    let about_pct = bounded(
        "about_pct",
        pct,
        pct > 0.0 && pct <= 100.0,
        "应在 0 到 100 之间（百分比）",
        "must be between 0 and 100 (percent)",
    )?;
    Ok(PlanMeta {
        id: raw.id,
        title: raw.title,
        region: raw.region,
        issuer: raw.issuer,
        issued: raw.issued,
        table: raw.table,
        source: raw.source,
        baseline_year: raw.baseline_year,
        target_year: raw.target_year,
        ahead_ratio,
        on_schedule_ratio,
        notes: raw
            .notes
            .into_iter()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect(),
        is_default: raw.default.unwrap_or(false),
        about_pct,
        bare_numbers: raw
            .bare_numbers
            .map(|RawBareNumbers::TowardTarget| BareNumbers::TowardTarget),
    })
}

/// The baseline cell of the plan file: a number, or the cell as printed,
/// read by [`super::row::read_baseline`].
fn read_baseline(raw: &RawBaseline, unit: &str) -> Result<(Option<f64>, Option<String>), Text> {
    match raw {
        RawBaseline::Number(v) if v.is_finite() => Ok((Some(*v), None)),
        RawBaseline::Number(_) => Err(Text::new(
            "基期值不是有限数",
            "the baseline is not a finite number",
        )),
        RawBaseline::Text(text) => {
            let cell = super::row::read_baseline(text, unit)?;
            Ok((cell.value, cell.printed))
        }
    }
}

/// The machine rule: explicit when given, else read from the printed cells.
fn read_rule(
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
    };
    if let Ok(Reading {
        form: Form::Compare(cmp),
        value,
        ..
    }) = read_target(target)
    {
        agrees_with_target(&rule, cmp, value, target)?;
    }
    Ok(RowRule::Ready(rule))
}
