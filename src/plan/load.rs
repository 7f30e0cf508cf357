//! Reading a plan file: TOML into [`Plan`], every mistake reported with the file,
//! the line and the indicator.

use super::row::{
    Printed, RowRule, change, each_year, no_baseline, period_rule_of_level, rule_from_text,
};
use super::{
    Attribute, BareNumbers, Comparator, DEFAULT_ABOUT_PCT, DEFAULT_AHEAD_RATIO,
    DEFAULT_ON_SCHEDULE_RATIO, Form, Indicator, IndicatorIdx, Measure, Plan, PlanMeta, Reading,
    Rule, Threshold, Valid, YearRequirement, is_dash, read_target,
};
use crate::diagnostic::{Diagnostic, Text};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A plan file: `[plan]` and one `[[indicator]]` table per indicator.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "plan-check plan file")]
pub struct PlanFile {
    plan: RawMeta,
    #[serde(default)]
    #[schemars(with = "Vec<RawIndicator>")]
    indicator: Vec<toml::Spanned<RawIndicator>>,
}

/// The plan as a whole.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    /// A stable ASCII id of the plan.
    id: String,
    /// The plan's title as printed.
    title: String,
    /// The region the plan governs (规划的地区).
    region: Option<String>,
    /// The issuing body (印发机关).
    issuer: Option<String>,
    /// The date of issue, `YYYY-MM-DD`.
    issued: Option<String>,
    /// The table the indicators come from (e.g. 专栏1).
    table: Option<String>,
    /// Where the plan was published.
    source: Option<String>,
    /// The baseline year (基期).
    baseline_year: i32,
    /// The target year (目标年); after the baseline year.
    target_year: i32,
    /// Pace ratio from which on-track counts as 快于预期 (default 1.1; ours,
    /// not a published band).
    ahead_ratio: Option<f64>,
    /// Pace ratio from which a year short of its requirement still counts as
    /// 基本符合预期 (default 0.95: Eurostat's SDG "significant progress" band).
    on_schedule_ratio: Option<f64>,
    /// The notes under the plan's table, as printed, one per entry
    /// (`①〔〕为5年累计数`).
    #[serde(default)]
    notes: Vec<String>,
    /// With several plans: judge the regions no plan names with this one.
    default: Option<bool>,
    /// The band, in percent of the value, of targets printed as `N左右` or
    /// `约N` (default 5).
    about_pct: Option<f64>,
    /// How targets printed as bare numbers read when an indicator has no
    /// rule: `"toward_target"` (a floor when the target is above the baseline,
    /// a ceiling when below). Without it, a bare number needs a rule.
    bare_numbers: Option<RawBareNumbers>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
enum RawBareNumbers {
    TowardTarget,
}

/// One indicator of the plan's table.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    /// A stable id: lowercase ASCII letters, digits, `_` and `-`.
    #[schemars(regex(pattern = r"^[a-z0-9_-]+$"))]
    id: String,
    /// 分类, as printed.
    category: String,
    /// 指标, as printed, without the unit.
    name: String,
    /// 单位, e.g. `%`, `万人`.
    unit: String,
    /// The baseline cell (基期值): a number, or the cell as printed when it is
    /// more than a number: `"10.5*"` (with `baseline_year`), `"—"` (none),
    /// `"〔17.7〕"` (the previous plan's cumulative figure, not a baseline).
    #[schemars(with = "RawBaseline")]
    baseline: toml::Spanned<RawBaseline>,
    /// The year of the baseline value when it is not the plan's (`*` =
    /// 2024 data).
    #[schemars(with = "Option<i32>")]
    baseline_year: Option<toml::Spanned<i32>>,
    /// The target-year cell as printed (`＞97`, `55`, `提高到11.7年`, `—`).
    /// What it says is the rule; what it does not settle needs `rule`.
    #[schemars(with = "String")]
    target: toml::Spanned<String>,
    /// The 年均/累计 cell as printed, when the table has that column: `＞7`
    /// (年均, every year), `〔17〕` (cumulative), `高于GDP增长`.
    #[schemars(with = "Option<String>")]
    period_target: Option<toml::Spanned<String>>,
    /// What the yearly figures are: `level` (default), `yearly_rate` (增长%
    /// on the year before), `yearly_change` (比上年下降/提高).
    measure: Option<Measure>,
    /// For a target relative to another indicator (`高于GDP增长`): that
    /// indicator's id, when the printed name is not enough to find it.
    #[schemars(with = "Option<String>")]
    relative_to: Option<toml::Spanned<String>>,
    /// A heading the row stands under in the table (`每千人口拥有医护人员数`);
    /// unlike `part_of`, rows under a heading do not add up to anything.
    group: Option<String>,
    /// A note for the reader (a footnote of the table that concerns this
    /// indicator, a definition).
    note: Option<String>,
    /// 属性: 约束性 (binding) or 预期性 (expected).
    #[schemars(with = "AttributeText")]
    attribute: toml::Spanned<String>,
    /// How to judge the indicator when the printed target does not say it.
    #[schemars(with = "Option<RawRule>")]
    rule: Option<toml::Spanned<RawRule>>,
    /// `{ kind = "none" }`: the 年均/累计 cell beside a target-year target
    /// (`55.8` beside `年均 7`) is shown and not judged (another statistic,
    /// as a natural growth rate beside a population). Without it the cell
    /// is judged as printed: `〔N〕` the level's change since the baseline, a
    /// comparison or number the level's average yearly growth in percent.
    #[schemars(with = "Option<RawRule>")]
    period_rule: Option<toml::Spanned<RawRule>>,
    /// For a 其中 row: the id of the total it is part of.
    #[schemars(with = "Option<String>")]
    part_of: Option<toml::Spanned<String>>,
    /// The values a figure can take at all, e.g. `{ min = 0, max = 100 }` for a
    /// share; a figure outside is an error in the data. Counts and money (人,
    /// 万人, 元, 所, …) are at least 0 without saying so.
    #[schemars(with = "Option<RawValid>")]
    valid: Option<toml::Spanned<RawValid>>,
    /// Requirements for single years (annual plans), e.g. `{ "2023" = "≥18.5" }`.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    year_requirements: Option<toml::Spanned<BTreeMap<String, String>>>,
}

/// A baseline cell: a number, or its printed text.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
enum RawBaseline {
    Number(f64),
    Text(String),
}

/// The range of possible values.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawValid {
    min: Option<f64>,
    max: Option<f64>,
}

/// The attribute as the plan file may write it.
#[derive(JsonSchema)]
#[allow(dead_code)]
enum AttributeText {
    #[serde(rename = "约束性")]
    Binding,
    #[serde(rename = "预期性")]
    Expected,
    #[serde(rename = "binding")]
    BindingEn,
    #[serde(rename = "expected")]
    ExpectedEn,
}

/// The explicit rule, for targets whose printed text does not say how to judge them.
#[derive(Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum RawRule {
    /// A value to reach and keep: at least `value`.
    AtLeast { value: f64 },
    /// A value to get down to: at most `value`.
    AtMost { value: f64 },
    /// A projection (enrolment counts): within `tolerance_pct` % of the
    /// time-proportional value.
    Projection { value: f64, tolerance_pct: f64 },
    /// Within `[min, max]` every year.
    Range { min: f64, max: f64 },
    /// Relative to the baseline: `by` in the unit (`提高1岁`), or `by_pct` percent
    /// of the baseline (`累计降低13.5%` is `by_pct = -13.5`).
    Change {
        by: Option<f64>,
        by_pct: Option<f64>,
    },
    /// Shown, not judged: a qualitative goal.
    None,
}

/// Reads and checks the plan file at `path`.
pub fn load_plan(path: &Path) -> Result<Plan, Diagnostic> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostic::error(
            "P002",
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
            "P003",
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
            Diagnostic::error("P004", file, message)
                .at_line(line as u64)
                .for_indicator(raw.id.clone())
        };
        let field_err = |field: &str, start: usize, message: Text| {
            let (line, column) = lines.at(start);
            Diagnostic::error(
                "P004",
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
            "P004",
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
                "P005",
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
            "P005",
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
                "P005",
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

/// A relative target waiting for the indicator it names.
struct PendingRelative {
    index: usize,
    other: String,
    to: Option<String>,
    cmp: Option<Comparator>,
    line: u64,
    field: &'static str,
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

/// The names a target may call an indicator by: its name, the name with a
/// bracketed gloss dropped (`国内生产总值增长`) or standing for what it
/// glosses (`GDP增长`), and 增速 for 增长.
pub(crate) fn names_of(name: &str) -> Vec<String> {
    let name = crate::number::trim_all(name);
    let mut names = vec![name.to_owned()];
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let (Some(a), Some(b)) = (name.find(open), name.find(close))
            && a < b
        {
            let gloss = &name[a + open.len_utf8()..b];
            let after = &name[b + close.len_utf8()..];
            names.push(format!("{}{after}", &name[..a]));
            names.push(format!("{gloss}{after}"));
        }
    }
    let synonyms: Vec<String> = names
        .iter()
        .filter(|n| n.contains("增长"))
        .map(|n| n.replace("增长", "增速"))
        .collect();
    names.extend(synonyms);
    names
}

/// Finds the indicator each relative target names (or `relative_to` gives),
/// in the same plan: a located error when there is none, or several.
fn resolve_relatives(
    indicators: &mut [Indicator],
    relatives: Vec<PendingRelative>,
    meta: &PlanMeta,
    file: &str,
) -> Result<(), Diagnostic> {
    for pending in relatives {
        let ind = &indicators[pending.index];
        let err = |zh: String, en: String| {
            Diagnostic::error(
                "P004",
                file,
                Text::new(
                    format!("字段 {}：{zh}", pending.field),
                    format!("field {}: {en}", pending.field),
                ),
            )
            .at_line(pending.line)
            .for_indicator(ind.id.clone())
        };
        let target = ind.printed_target().to_owned();
        let matches: Vec<usize> = match &pending.to {
            Some(id) => indicators
                .iter()
                .position(|i| &i.id == id)
                .into_iter()
                .collect(),
            None => {
                let wanted = pending.other.replace("增速", "增长");
                indicators
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| {
                        names_of(&i.name)
                            .iter()
                            .any(|n| n.replace("增速", "增长") == wanted)
                    })
                    .map(|(i, _)| i)
                    .collect()
            }
        };
        let other = match matches.as_slice() {
            [one] if *one != pending.index => *one,
            [_] => {
                return Err(err(
                    format!("目标“{target}”指向本指标自身"),
                    format!("the target \"{target}\" names the indicator itself"),
                ));
            }
            [] => {
                let named = pending.to.as_deref().unwrap_or(&pending.other);
                return Err(err(
                    format!(
                        "目标“{target}”所比较的指标“{named}”不在本规划中：请用 relative_to 写明该指标的 id"
                    ),
                    format!(
                        "the target \"{target}\" compares with \"{named}\", which is not an indicator of this plan: give its id with relative_to"
                    ),
                ));
            }
            _ => {
                return Err(err(
                    format!(
                        "目标“{target}”所比较的“{}”可指多个指标：请用 relative_to 写明 id",
                        pending.other
                    ),
                    format!(
                        "\"{}\" in the target \"{target}\" could be several indicators: give the id with relative_to",
                        pending.other
                    ),
                ));
            }
        };
        if indicators[other].unit != ind.unit {
            return Err(err(
                format!(
                    "目标“{target}”与“{}”比较，但单位不同（{} 与 {}）",
                    indicators[other].name, ind.unit, indicators[other].unit
                ),
                format!(
                    "the target \"{target}\" compares with \"{}\" in another unit ({} and {})",
                    indicators[other].name, ind.unit, indicators[other].unit
                ),
            ));
        }
        indicators[pending.index].rule = Rule::Relative {
            to: other as IndicatorIdx,
            cmp: pending.cmp,
            tolerance_pct: meta.about_pct,
        };
    }
    refuse_cycles(indicators, file)
}

/// Targets relative to each other in a circle (A 高于 B, B 高于 A) can never
/// all be met: the plan does not load, and the message names the circle.
fn refuse_cycles(indicators: &[Indicator], file: &str) -> Result<(), Diagnostic> {
    let next = |i: usize| match indicators[i].rule {
        Rule::Relative { to, .. } => Some(to as usize),
        _ => None,
    };
    for start in 0..indicators.len() {
        let mut path = vec![start];
        let mut at = start;
        while let Some(to) = next(at) {
            if to == start {
                let names: Vec<String> = path
                    .iter()
                    .chain(std::iter::once(&start))
                    .map(|&i| indicators[i].display_name())
                    .collect();
                return Err(Diagnostic::error(
                    "P004",
                    file,
                    Text::new(
                        format!(
                            "相对目标互相指向，成了一个圈：{}；这样的目标每年都无法同时达到，请核对原文",
                            names.join(" → ")
                        ),
                        format!(
                            "relative targets point at each other in a circle: {}; they can never all be met, check the document",
                            names.join(" → ")
                        ),
                    ),
                )
                .at_line(indicators[start].line as u64)
                .for_indicator(indicators[start].id.clone()));
            }
            if path.contains(&to) || path.len() > indicators.len() {
                break;
            }
            path.push(to);
            at = to;
        }
    }
    Ok(())
}

/// The range of possible values: stated, else implied by the unit. The
/// baseline and the rule's numbers must lie within it. Errors carry where in
/// the file they point (the `valid` field, else the indicator's baseline).
fn read_valid(
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
            let implied = super::plausible::implied(name, unit, measure);
            Valid {
                min: stated.min,
                max: stated.max,
                basis: if (stated.min, stated.max) == (implied.min, implied.max) {
                    implied.basis
                } else {
                    super::ValidBasis::Stated
                },
            }
        }
        None => super::plausible::implied(name, unit, measure),
    };
    let numbers = match *rule {
        Rule::Threshold(t) => vec![t.value],
        Rule::Range { min, max } => vec![min, max],
        Rule::Projection { value, .. } => vec![value],
        Rule::Annual { each, .. } => match each {
            YearRequirement::Threshold(t) => vec![t.value],
            YearRequirement::About { value, .. } => vec![value],
            YearRequirement::Between { min, max } => vec![min, max],
        },
        Rule::Cumulative { .. }
        | Rule::CumulativeCap { .. }
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
                        "{what_zh} {v} 不在可能的取值范围 {}{why_zh} 内",
                        valid.describe()
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
fn agrees_with_target(rule: &Rule, cmp: Comparator, value: f64, target: &str) -> Result<(), Text> {
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
        | Rule::Cumulative { .. }
        | Rule::CumulativeCap { .. }
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

/// Turns `part_of` ids into indices, and checks that a part names a total that
/// exists and is not itself a part.
fn resolve_parts(
    indicators: &mut [Indicator],
    parts: Vec<Option<(String, u64)>>,
    file: &str,
) -> Result<(), Diagnostic> {
    let index: HashMap<&str, usize> = indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| (ind.id.as_str(), i))
        .collect();
    let mut resolved = Vec::with_capacity(parts.len());
    for (i, part_of) in parts.iter().enumerate() {
        let ind = &indicators[i];
        let total = match part_of {
            None => None,
            Some((total_id, line)) => {
                let err = |zh: String, en: String| {
                    Diagnostic::error("P006", file, Text::new(zh, en))
                        .at_line(*line)
                        .for_indicator(ind.id.clone())
                };
                let Some(&t) = index.get(total_id.as_str()) else {
                    return Err(err(
                        format!("part_of 指向的指标“{total_id}”不存在"),
                        format!(
                            "part_of names \"{total_id}\", which is not an indicator of the plan"
                        ),
                    ));
                };
                if t == i || parts[t].is_some() {
                    return Err(err(
                        format!("part_of 应指向一个合计指标，“{total_id}”本身是分项或就是本指标"),
                        format!(
                            "part_of must name a total; \"{total_id}\" is itself a part or this indicator"
                        ),
                    ));
                }
                if indicators[t].unit != ind.unit {
                    return Err(err(
                        format!(
                            "分项单位“{}”与合计“{total_id}”的单位“{}”不同",
                            ind.unit, indicators[t].unit
                        ),
                        format!(
                            "the part's unit \"{}\" differs from the unit \"{}\" of its total \"{total_id}\"",
                            ind.unit, indicators[t].unit
                        ),
                    ));
                }
                Some(t as IndicatorIdx)
            }
        };
        resolved.push(total);
    }
    for (ind, total) in indicators.iter_mut().zip(resolved) {
        ind.part_of = total;
    }
    Ok(())
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_and_column(text: &str, offset: usize) -> (u64, u64) {
    Lines::new(text).at(offset)
}

/// Where each line of a text starts, found once: a plan of thousands of
/// indicators asks for thousands of positions, each a binary search (not a
/// count from the start, which made a 20,000-row draft take 15 s).
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn at(&self, offset: usize) -> (u64, u64) {
        let offset = offset.min(self.text.len());
        let index = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[index];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |t| t.chars().count());
        (index as u64 + 1, column as u64 + 1)
    }
}

/// The only `.toml` file in `dir` (`./plan/` when neither `--plan`,
/// `PLAN_CHECK_PLAN` nor `--plan-dir` is given); several are an error listing them.
pub fn find_plan_file(dir: &Path) -> Result<PathBuf, Diagnostic> {
    let shown = dir.display().to_string();
    let not_found = || {
        Diagnostic::error(
            "P001",
            &shown,
            Text::new(
                "找不到规划文件：请用 --plan 指定，或设置环境变量 PLAN_CHECK_PLAN，或在 ./plan/ 中放一个 .toml 文件",
                "no plan file: give one with --plan, set PLAN_CHECK_PLAN, or put one .toml file in ./plan/",
            ),
        )
    };
    let mut found = super::set::toml_files(dir).map_err(|_| not_found())?;
    match found.len() {
        0 => Err(not_found()),
        1 => Ok(found.remove(0)),
        _ => {
            let list = found
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            Err(Diagnostic::error(
                "P001",
                &shown,
                Text::new(
                    format!("plan/ 中有多个规划文件，请用 --plan 选择一个：{list}"),
                    format!("plan/ holds several plan files, choose one with --plan: {list}"),
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Accumulate;

    const HEAD: &str =
        "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = 2020\ntarget_year = 2025\n";

    fn plan_with(indicators: &str) -> Result<Plan, Diagnostic> {
        parse_plan(&format!("{HEAD}{indicators}"), "p.toml")
    }

    fn indicator(id: &str, extra: &str) -> String {
        format!(
            "\n[[indicator]]\nid = \"{id}\"\ncategory = \"c\"\nname = \"n{id}\"\nunit = \"%\"\nbaseline = 50\ntarget = \"＞60\"\nattribute = \"约束性\"\n{extra}"
        )
    }

    #[test]
    fn reads_a_comparator_target() {
        let plan = plan_with(&indicator("a", "")).unwrap();
        assert_eq!(
            plan.indicators[0].rule,
            Rule::Threshold(Threshold {
                cmp: Comparator::Greater,
                value: 60.0
            })
        );
        assert_eq!(plan.indicators[0].attribute, Attribute::Binding);
        assert_eq!(plan.indicators[0].line, 7);
    }

    #[test]
    fn duplicate_ids_name_both_lines() {
        let err = plan_with(&format!("{}{}", indicator("a", ""), indicator("a", ""))).unwrap_err();
        assert_eq!(err.code, "P004");
        assert_eq!(err.line, Some(16));
        assert!(err.message.zh.contains("第7行"), "{}", err.message.zh);
    }

    #[test]
    fn unknown_attribute_names_the_indicator() {
        let text = indicator("a", "").replace("约束性", "必须性");
        let err = plan_with(&text).unwrap_err();
        assert_eq!(err.indicator.as_deref(), Some("a"));
        assert!(err.message.zh.contains("必须性"));
        assert!(
            err.message.en.starts_with("field attribute"),
            "{}",
            err.message.en
        );
        assert_eq!(
            (err.line, err.column),
            (Some(14), Some(13)),
            "points at the field"
        );
    }

    #[test]
    fn a_bare_number_needs_a_rule() {
        let text = indicator("a", "").replace("＞60", "55");
        let err = plan_with(&text).unwrap_err();
        assert!(
            err.message.en.contains("is a bare number"),
            "{}",
            err.message.en
        );
        let ok = plan_with(&text.replace(
            "attribute = \"约束性\"\n",
            "attribute = \"约束性\"\nrule = { kind = \"at_least\", value = 55 }\n",
        ))
        .unwrap();
        assert_eq!(
            ok.indicators[0].rule,
            Rule::Threshold(Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 55.0
            })
        );
    }

    #[test]
    fn change_rules_are_relative_to_the_baseline() {
        let up = plan_with(
            &indicator("a", "rule = { kind = \"change\", by = 1 }\n").replace("＞60", "提高1"),
        )
        .unwrap();
        assert_eq!(
            up.indicators[0].rule,
            Rule::Threshold(Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 51.0
            })
        );
        let down = plan_with(
            &indicator("a", "rule = { kind = \"change\", by_pct = -13.5 }\n")
                .replace("＞60", "〔13.5〕"),
        )
        .unwrap();
        assert_eq!(
            down.indicators[0].rule,
            Rule::Threshold(Threshold {
                cmp: Comparator::LessOrEqual,
                value: 43.25
            })
        );
    }

    #[test]
    fn a_rule_that_contradicts_the_printed_comparator_does_not_load() {
        for rule in [
            "rule = { kind = \"at_least\", value = 0 }",
            "rule = { kind = \"at_most\", value = 60 }",
            "rule = { kind = \"range\", min = 0, max = 100 }",
            "rule = { kind = \"projection\", value = 55, tolerance_pct = 5 }",
            "rule = { kind = \"change\", by = 5 }",
        ] {
            let err = plan_with(&indicator("a", &format!("{rule}\n"))).unwrap_err();
            assert_eq!(err.code, "P004", "{rule}");
            assert_eq!(err.line, Some(15), "{rule}: the rule's line");
            assert!(
                err.message.zh.contains("矛盾"),
                "{rule}: {}",
                err.message.zh
            );
        }
        // The printed direction and number, read inclusively: a reading, not a contradiction.
        for rule in [
            "rule = { kind = \"at_least\", value = 60 }",
            "rule = { kind = \"range\", min = 60, max = 100 }",
            "rule = { kind = \"change\", by = 10 }",
            "rule = { kind = \"none\" }",
        ] {
            assert!(
                plan_with(&indicator("a", &format!("{rule}\n"))).is_ok(),
                "{rule}"
            );
        }
    }

    #[test]
    fn numbers_must_be_finite_and_tolerances_sensible() {
        for (from, to, field) in [
            ("baseline = 50", "baseline = nan", "baseline"),
            ("baseline = 50", "baseline = inf", "baseline"),
            ("baseline = 50", "baseline = -inf", "baseline"),
        ] {
            let err = plan_with(&indicator("a", "").replace(from, to)).unwrap_err();
            assert_eq!(err.code, "P004", "{to}");
            assert_eq!(err.line, Some(12), "{to}");
            assert!(err.message.en.contains(field), "{to}: {}", err.message.en);
        }
        for tolerance in ["1e300", "101", "-1", "nan"] {
            let text = indicator(
                "a",
                &format!(
                    "rule = {{ kind = \"projection\", value = 60, tolerance_pct = {tolerance} }}\n"
                ),
            )
            .replace("＞60", "60");
            let err = plan_with(&text).unwrap_err();
            assert_eq!(err.code, "P004", "{tolerance}");
            assert!(
                err.message.en.contains("tolerance_pct"),
                "{}",
                err.message.en
            );
        }
        let err = plan_with(&indicator(
            "a",
            "year_requirements = { \"2023\" = \"≥inf\" }\n",
        ))
        .unwrap_err();
        assert_eq!(err.code, "P004");
    }

    #[test]
    fn names_are_non_empty_and_unique_within_their_category() {
        let err =
            plan_with(&indicator("a", "").replace("name = \"na\"", "name = \" \"")).unwrap_err();
        assert_eq!(err.code, "P004");
        assert!(err.message.en.contains("name is empty"));
        let same = indicator("b", "").replace("name = \"nb\"", "name = \"na\"");
        let err = plan_with(&format!("{}{same}", indicator("a", ""))).unwrap_err();
        assert_eq!(err.code, "P004");
        assert_eq!(err.line, Some(16));
        assert!(err.message.en.contains("line 7"), "{}", err.message.en);
        // The same name under another category is another indicator (在校学生数).
        let other = same.replace("category = \"c\"", "category = \"d\"");
        assert!(plan_with(&format!("{}{other}", indicator("a", ""))).is_ok());
    }

    #[test]
    fn a_valid_range_is_read_and_holds_the_plan_s_own_numbers() {
        let plan = plan_with(&indicator("a", "valid = { min = 0, max = 100 }\n")).unwrap();
        assert_eq!(
            plan.indicators[0].valid,
            Valid {
                min: Some(0.0),
                max: Some(100.0),
                basis: crate::plan::ValidBasis::Stated,
            }
        );
        // A count is at least 0 by its unit; a percent level is at least 0.
        let count =
            plan_with(&indicator("a", "").replace("unit = \"%\"", "unit = \"万人\"")).unwrap();
        assert_eq!(count.indicators[0].valid.min, Some(0.0));
        assert_eq!(
            plan_with(&indicator("a", "")).unwrap().indicators[0]
                .valid
                .basis,
            crate::plan::ValidBasis::Percent
        );
        for (extra, what) in [
            ("valid = { min = 0, max = 55 }\n", "target"),
            ("valid = { min = 51, max = 100 }\n", "baseline"),
            ("valid = { min = 100, max = 0 }\n", "greater"),
            ("valid = { min = nan }\n", "finite"),
        ] {
            let err = plan_with(&indicator("a", extra)).unwrap_err();
            assert_eq!(err.code, "P004", "{extra}");
            assert_eq!(err.line, Some(15), "{extra}");
            assert!(err.message.en.contains(what), "{extra}: {}", err.message.en);
        }
        let negative = indicator("a", "")
            .replace("unit = \"%\"", "unit = \"人\"")
            .replace("baseline = 50", "baseline = -5");
        let err = plan_with(&negative).unwrap_err();
        assert!(
            err.message.en.contains("never negative"),
            "{}",
            err.message.en
        );
    }

    /// The rule a target printed in words reads as, on an indicator with
    /// this unit and a baseline of 50.
    fn rule_of(target: &str, unit: &str) -> Result<Rule, Diagnostic> {
        plan_with(
            &indicator("a", "")
                .replace("＞60", target)
                .replace("unit = \"%\"", &format!("unit = \"{unit}\"")),
        )
        .map(|p| p.indicators[0].rule.clone())
    }

    fn at_least(value: f64) -> Rule {
        Rule::Threshold(Threshold {
            cmp: Comparator::GreaterOrEqual,
            value,
        })
    }

    fn at_most(value: f64) -> Rule {
        Rule::Threshold(Threshold {
            cmp: Comparator::LessOrEqual,
            value,
        })
    }

    #[test]
    fn targets_in_words_need_no_rule() {
        assert_eq!(rule_of("90%以上", "%").unwrap(), at_least(90.0));
        assert_eq!(rule_of("不低于95%", "%").unwrap(), at_least(95.0));
        assert_eq!(rule_of("控制在5.5%以内", "%").unwrap(), at_most(5.5));
        assert_eq!(rule_of("提高到11.7年", "年").unwrap(), at_least(11.7));
        assert_eq!(
            rule_of("降至27微克/立方米以下", "微克/立方米").unwrap(),
            at_most(27.0)
        );
        assert_eq!(
            rule_of("低于5.5%", "%").unwrap(),
            Rule::Threshold(Threshold {
                cmp: Comparator::Less,
                value: 5.5
            })
        );
        assert_eq!(
            rule_of("1.45左右", "%").unwrap(),
            Rule::Projection {
                value: 1.45,
                tolerance_pct: DEFAULT_ABOUT_PCT
            }
        );
        // Changes from the baseline of 50.
        assert_eq!(rule_of("提高2个百分点", "%").unwrap(), at_least(52.0));
        assert_eq!(rule_of("提高1岁", "岁").unwrap(), at_least(51.0));
        assert_eq!(rule_of("下降10%", "万吨").unwrap(), at_most(45.0));
    }

    #[test]
    fn what_the_text_does_not_settle_needs_a_rule_and_says_why() {
        for (target, unit, says) in [
            ("〔13.5〕", "%", "累计"),
            ("55", "%", "只是一个数字"),
            ("下降10%", "%", "百分点还是"),
            ("提高到11.7年", "岁", "单位"),
            ("高于GDP增长", "%", "relative_to"),
            ("稳步提高", "%", "读不出比较"),
        ] {
            let err = rule_of(target, unit).unwrap_err();
            assert_eq!(err.code, "P004", "{target}");
            assert!(
                err.message.zh.contains(says),
                "{target}: {}",
                err.message.zh
            );
        }
    }

    #[test]
    fn a_plan_may_read_bare_numbers_toward_the_target() {
        let head = HEAD.replace(
            "target_year = 2025\n",
            "target_year = 2025\nbare_numbers = \"toward_target\"\n",
        );
        let plan = |target: &str| {
            parse_plan(
                &format!("{head}{}", indicator("a", "").replace("＞60", target)),
                "p.toml",
            )
            .map(|p| p.indicators[0].rule.clone())
        };
        assert_eq!(
            plan("55").unwrap(),
            at_least(55.0),
            "above the baseline of 50"
        );
        assert_eq!(plan("45").unwrap(), at_most(45.0), "below it");
        assert!(plan("50").is_err(), "no direction");
    }

    #[test]
    fn toml_errors_carry_line_and_column() {
        let err = parse_plan(&format!("{HEAD}\n[[indicator]]\nid = 3\n"), "p.toml").unwrap_err();
        assert_eq!(err.code, "P003");
        assert_eq!(err.line, Some(8));
        let err = parse_plan("[plan\n", "p.toml").unwrap_err();
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn plan_years_are_years_a_table_can_hold() {
        for (baseline, target) in [(20, 25), (2020, 9999), (-5, 2025)] {
            let err = parse_plan(
                &format!("[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = {baseline}\ntarget_year = {target}\n"),
                "p.toml",
            )
            .unwrap_err();
            assert_eq!(err.code, "P005", "{baseline}–{target}");
        }
    }

    #[test]
    fn years_must_run_forward() {
        let err = parse_plan(
            "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = 2025\ntarget_year = 2025\n",
            "p.toml",
        )
        .unwrap_err();
        assert_eq!(err.code, "P005");
    }

    #[test]
    fn parts_must_name_an_existing_total_with_the_same_unit() {
        let err = plan_with(&indicator("a", "part_of = \"zz\"\n")).unwrap_err();
        assert_eq!(err.code, "P006");
        let ok = plan_with(&format!(
            "{}{}",
            indicator("t", ""),
            indicator("a", "part_of = \"t\"\n")
        ))
        .unwrap();
        assert_eq!(ok.indicators[1].part_of, Some(0));
    }

    #[test]
    fn year_requirements_are_read_and_bounded() {
        let ok = plan_with(&indicator(
            "a",
            "year_requirements = { \"2023\" = \"≥55\" }\n",
        ))
        .unwrap();
        assert_eq!(
            ok.indicators[0].year_requirements.get(&2023),
            Some(&YearRequirement::Threshold(Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 55.0
            }))
        );
        let about = plan_with(&indicator(
            "a",
            "year_requirements = { \"2023\" = \"5左右\", \"2024\" = \"5%以上\" }\n",
        ))
        .unwrap();
        assert_eq!(
            about.indicators[0].year_requirements.get(&2023),
            Some(&YearRequirement::About {
                value: 5.0,
                tolerance_pct: DEFAULT_ABOUT_PCT
            })
        );
        assert!(matches!(
            about.indicators[0].year_requirements.get(&2024),
            Some(YearRequirement::Threshold(Threshold { value, .. })) if *value == 5.0
        ));
        let err = plan_with(&indicator(
            "a",
            "year_requirements = { \"2030\" = \"≥55\" }\n",
        ))
        .unwrap_err();
        assert!(err.message.zh.contains("2030"));
    }

    /// An indicator with the given baseline, cells and extra fields.
    fn row(id: &str, name: &str, fields: &str) -> String {
        format!(
            "\n[[indicator]]\nid = \"{id}\"\ncategory = \"c\"\nname = \"{name}\"\nunit = \"%\"\nattribute = \"预期性\"\n{fields}"
        )
    }

    #[test]
    fn baselines_are_kept_as_printed() {
        let plan = plan_with(&format!(
            "{}{}{}",
            row("a", "a", "baseline = \"10.5*\"\nbaseline_year = 2018\ntarget = \"＞12\""),
            row("b", "b", "baseline = \"—\"\ntarget = \"＞12\""),
            row("c", "c", "baseline = \"〔17.7〕\"\ntarget = \"—\"\nperiod_target = \"〔17〕\"\nmeasure = \"yearly_change\""),
        ))
        .unwrap();
        let [a, b, c] = &plan.indicators[..] else {
            panic!()
        };
        assert_eq!(
            (a.baseline, a.baseline_text.as_deref()),
            (Some(10.5), Some("10.5*"))
        );
        assert_eq!(a.baseline_year, 2018);
        assert_eq!((b.baseline, b.baseline_year), (None, 2020));
        assert_eq!(
            (c.baseline, c.baseline_text.as_deref()),
            (None, Some("〔17.7〕"))
        );
        assert_eq!(
            c.rule,
            Rule::Cumulative {
                total: 17.0,
                from: Accumulate::Compound
            }
        );
        // A * says the year is another: the plan must say which.
        let err = plan_with(&row("a", "a", "baseline = \"10.5*\"\ntarget = \"＞12\"")).unwrap_err();
        assert!(
            err.message.zh.contains("baseline_year"),
            "{}",
            err.message.zh
        );
        // A baseline year after the plan's is no baseline.
        let err = plan_with(&row(
            "a",
            "a",
            "baseline = 1\nbaseline_year = 2021\ntarget = \"＞12\"",
        ))
        .unwrap_err();
        assert!(
            err.message.zh.contains("基期年份 2021"),
            "{}",
            err.message.zh
        );
        let err = plan_with(&row("a", "a", "baseline = \"约十\"\ntarget = \"＞12\"")).unwrap_err();
        assert!(err.message.zh.contains("读不出来"), "{}", err.message.zh);
    }

    #[test]
    fn a_target_relative_to_the_baseline_needs_one() {
        let err = plan_with(&row(
            "a",
            "a",
            "baseline = \"—\"\ntarget = \"提高2个百分点\"",
        ))
        .unwrap_err();
        assert!(err.message.zh.contains("没有基期值"), "{}", err.message.zh);
    }

    #[test]
    fn the_period_column_reads_every_year_averages_and_cumulative_changes() {
        let plan = plan_with(&format!(
            "{}{}{}",
            row("rate", "r", "baseline = 9.1\ntarget = \"—\"\nperiod_target = \"＞7\"\nmeasure = \"yearly_rate\""),
            row("level", "l", "baseline = 5.2\ntarget = \"—\"\nperiod_target = \"＜5.5\""),
            row("points", "p", "baseline = \"—\"\ntarget = \"—\"\nperiod_target = \"〔6〕\"\nmeasure = \"yearly_change\"\nunit = \"百分点\"")
                .replacen("unit = \"%\"\n", "", 1),
        ))
        .unwrap();
        let t = |cmp, value| YearRequirement::Threshold(Threshold { cmp, value });
        assert_eq!(
            plan.indicators[0].rule,
            Rule::Annual {
                each: t(Comparator::Greater, 7.0),
                average: true
            }
        );
        assert_eq!(
            plan.indicators[1].rule,
            Rule::Annual {
                each: t(Comparator::Less, 5.5),
                average: false
            }
        );
        assert_eq!(
            plan.indicators[2].rule,
            Rule::Cumulative {
                total: 6.0,
                from: Accumulate::Sum
            }
        );
        // 〔N〕 on a level (人均预期寿命 77.3* → 〔1〕): the change of the level
        // from the baseline, which gather reads; on yearly rates it means nothing.
        let level = plan_with(&row(
            "a",
            "a",
            "baseline = 1\ntarget = \"—\"\nperiod_target = \"〔6〕\"",
        ))
        .unwrap();
        assert_eq!(level.indicators[0].measure, Measure::Level);
        assert!(matches!(
            level.indicators[0].rule,
            Rule::Cumulative { total, .. } if total == 6.0
        ));
        let err = plan_with(&row(
            "a",
            "a",
            "baseline = 1\ntarget = \"—\"\nperiod_target = \"〔6〕\"\nmeasure = \"yearly_rate\"",
        ))
        .unwrap_err();
        assert!(
            err.message.zh.contains("yearly_change"),
            "{}",
            err.message.zh
        );
        // Two targets on a level: the target-year cell judges the level,
        // the period cell its average growth beside it.
        let plan = plan_with(&row(
            "a",
            "a",
            "baseline = 1\ntarget = \"＞3\"\nperiod_target = \"＞2\"",
        ))
        .unwrap();
        let a = &plan.indicators[0];
        assert!(matches!(a.rule, Rule::Threshold(t) if t.value == 3.0));
        assert!(matches!(
            a.period_rule,
            Some(Rule::Annual { average: true, .. })
        ));
        // On yearly rates, which cell judges is not for the tool to guess.
        let err = plan_with(&row(
            "a",
            "a",
            "baseline = 1\ntarget = \"＞3\"\nperiod_target = \"＞2\"\nmeasure = \"yearly_rate\"",
        ))
        .unwrap_err();
        assert!(err.message.zh.contains("都有目标"), "{}", err.message.zh);
        // A bare target-year number needs `rule`; the period cell is still
        // judged beside it.
        let plan = plan_with(&row(
            "a",
            "a",
            "baseline = 56.1\ntarget = \"60\"\nperiod_target = \"〔3.9〕\"\nrule = { kind = \"at_least\", value = 60 }",
        ))
        .unwrap();
        assert!(matches!(plan.indicators[0].rule, Rule::Threshold(t) if t.value == 60.0));
        assert_eq!(
            plan.indicators[0].period_rule,
            Some(Rule::Cumulative {
                total: 3.9,
                from: Accumulate::LevelChange
            })
        );
        // A period cell of words beside a level target: shown, not judged.
        let plan = plan_with(&row(
            "a",
            "a",
            "baseline = 1\ntarget = \"＞3\"\nperiod_target = \"高于全国平均\"",
        ))
        .unwrap();
        assert_eq!(plan.indicators[0].period_rule, Some(Rule::NotAssessed));
        // Another statistic beside the level: shown, not judged, when the
        // plan says so; period_rule can say nothing else.
        let plan = plan_with(&row(
            "a",
            "a",
            "baseline = 137462\ntarget = \"＜142000\"\nperiod_target = \"＜5‰\"\nperiod_rule = { kind = \"none\" }",
        ))
        .unwrap();
        assert_eq!(plan.indicators[0].period_rule, Some(Rule::NotAssessed));
        let err = plan_with(&row(
            "a",
            "a",
            "baseline = 1\ntarget = \"＞3\"\nperiod_target = \"＞2\"\nperiod_rule = { kind = \"at_least\", value = 2 }",
        ))
        .unwrap_err();
        assert!(err.message.zh.contains("只能写"), "{}", err.message.zh);
        // period_rule where only one cell holds a target: refused, said why.
        let err = plan_with(&row(
            "a",
            "a",
            "baseline = 1\ntarget = \"＞3\"\nperiod_rule = { kind = \"at_least\", value = 2 }",
        ))
        .unwrap_err();
        assert!(
            err.message.zh.contains("period_rule 只用于"),
            "{}",
            err.message.zh
        );
        // An empty target with nothing else: a rule is needed.
        let err = plan_with(&row("a", "a", "baseline = 1\ntarget = \"—\"")).unwrap_err();
        assert!(err.message.zh.contains("是空的"), "{}", err.message.zh);
    }

    #[test]
    fn relative_targets_in_a_circle_do_not_load() {
        let a = row(
            "a",
            "甲增长",
            "baseline = 1\ntarget = \"—\"\nperiod_target = \"高于乙增长\"",
        );
        let b = row(
            "b",
            "乙增长",
            "baseline = 1\ntarget = \"—\"\nperiod_target = \"高于丙增长\"",
        );
        let c = row(
            "c",
            "丙增长",
            "baseline = 1\ntarget = \"—\"\nperiod_target = \"高于甲增长\"",
        );
        let err = plan_with(&format!("{a}{b}{c}")).unwrap_err();
        assert!(
            err.message.zh.contains("甲增长 → 乙增长 → 丙增长 → 甲增长"),
            "{}",
            err.message.zh
        );
        // A chain that ends is fine.
        let c = row(
            "c",
            "丙增长",
            "baseline = 1\ntarget = \"—\"\nperiod_target = \"＞5\"",
        );
        assert!(plan_with(&format!("{a}{b}{c}")).is_ok());
    }

    #[test]
    fn numbers_no_plan_prints_are_refused_and_a_range_reads_low_to_high() {
        for (target, words) in [
            ("〔1e400〕", "读不出来"),
            (
                "＞100000000000000000000000000000000000000000000",
                "大得不合理",
            ),
            ("〔5万人〕", "单位"),
        ] {
            let err = plan_with(&row(
                "a",
                "a",
                &format!("baseline = \"—\"\ntarget = \"—\"\nperiod_target = \"{target}\"\nmeasure = \"yearly_change\""),
            ))
            .unwrap_err();
            assert!(
                err.message.zh.contains(words),
                "{target}: {}",
                err.message.zh
            );
        }
        let plan = plan_with(&row(
            "a",
            "a",
            "baseline = 5\ntarget = \"—\"\nperiod_target = \"5.5～4.5\"",
        ))
        .unwrap();
        assert_eq!(
            plan.indicators[0].rule,
            Rule::Annual {
                each: YearRequirement::Between { min: 4.5, max: 5.5 },
                average: false
            }
        );
    }

    #[test]
    fn a_relative_target_finds_the_indicator_it_names() {
        let gdp = row(
            "gdp",
            "国内生产总值（GDP）增长",
            "baseline = 5\ntarget = \"—\"\nrule = { kind = \"none\" }",
        );
        let plan = plan_with(&format!(
            "{gdp}{}{}",
            row("p", "全员劳动生产率增长", "baseline = 6.1\ntarget = \"—\"\nperiod_target = \"高于GDP增长\"\nmeasure = \"yearly_rate\""),
            row("i", "居民收入增长", "baseline = 5\ntarget = \"—\"\nperiod_target = \"与国内生产总值增速同步\""),
        ))
        .unwrap();
        assert_eq!(
            plan.indicators[1].rule,
            Rule::Relative {
                to: 0,
                cmp: Some(Comparator::Greater),
                tolerance_pct: 5.0
            }
        );
        assert!(matches!(
            plan.indicators[2].rule,
            Rule::Relative {
                to: 0,
                cmp: None,
                ..
            }
        ));
        // A name the plan does not have: located, with the way out.
        let err = plan_with(&row(
            "p",
            "p",
            "baseline = 1\ntarget = \"高于财政收入增长\"",
        ))
        .unwrap_err();
        assert_eq!(err.code, "P004");
        assert!(err.line.is_some());
        assert!(
            err.message.zh.contains("财政收入增长"),
            "{}",
            err.message.zh
        );
        assert!(err.message.zh.contains("relative_to"), "{}", err.message.zh);
        // relative_to names it by id.
        let plan = plan_with(&format!(
            "{gdp}{}",
            row(
                "p",
                "p",
                "baseline = 1\ntarget = \"高于经济增长\"\nrelative_to = \"gdp\""
            )
        ))
        .unwrap();
        assert!(matches!(
            plan.indicators[1].rule,
            Rule::Relative { to: 0, .. }
        ));
        let err = plan_with(&format!(
            "{gdp}{}",
            row(
                "p",
                "p",
                "baseline = 1\ntarget = \"高于经济增长\"\nrelative_to = \"nope\""
            )
        ))
        .unwrap_err();
        assert!(err.message.zh.contains("nope"), "{}", err.message.zh);
    }

    #[test]
    fn notes_groups_and_the_outlook_band_are_read() {
        let text = format!(
            "{}{}",
            HEAD.replace(
                "[plan]",
                "[plan]\nnotes = [\"①〔〕为5年累计数。\"]\non_schedule_ratio = 0.9"
            ),
            row(
                "a",
                "执业医师数",
                "baseline = 3.1\ntarget = \"＞3.7\"\ngroup = \"每千人口拥有医护人员数\"\nnote = \"按常住人口计\""
            )
        );
        let plan = parse_plan(&text, "p.toml").unwrap();
        assert_eq!(plan.meta.notes, ["①〔〕为5年累计数。"]);
        assert_eq!(plan.meta.on_schedule_ratio, 0.9);
        assert_eq!(
            plan.indicators[0].display_name(),
            "每千人口拥有医护人员数：执业医师数"
        );
        assert_eq!(plan.indicators[0].note.as_deref(), Some("按常住人口计"));
        let bad = HEAD.replace("[plan]", "[plan]\non_schedule_ratio = 1.5");
        assert!(parse_plan(&format!("{bad}{}", indicator("a", "")), "p.toml").is_err());
    }
}
