//! Reading a plan file: TOML into [`Plan`], every mistake reported with the file,
//! the line and the indicator. Here the file is read row by row, each row's
//! id and name checked and its cells put together; the `[plan]` section is
//! read in [`meta`], a row's cells (baseline, rule, period rule, yearly
//! requirements) in [`cells`], the file's TOML shapes in [`raw`], relative targets in [`relatives`], the
//! values a figure can take in [`valid`], `其中` parts in [`parts`], positions
//! in [`lines`], finding the file in [`discover`].

use super::row::{Printed, RowRule};
use super::{
    Attribute, Comparator, Indicator, IndicatorIdx, Measure, Plan, PlanMeta, Rule, Valid,
    YearRequirement, is_dash,
};
use crate::diagnostic::{Code, Diagnostic, Text};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

mod cells;
mod discover;
mod lines;
mod meta;
mod parts;
mod raw;
mod relatives;
#[cfg(test)]
mod tests;
mod valid;

use cells::*;
pub use discover::find_plan_file;
pub use lines::{Lines, line_and_column};
use meta::read_meta;
use parts::*;
pub use raw::PlanFile;
use raw::*;
pub(crate) use relatives::names_of;
use relatives::*;
use valid::*;

/// Reads and checks the plan file at `path`.
pub fn load_plan(path: &Path) -> Result<Plan, Diagnostic> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            Code::P002,
            &shown,
            Text::io("无法读取规划文件", "cannot read the plan file", &e),
        )
    })?;
    // A plan saved by Notepad or WPS in GBK, or as UTF-16: said so, with the
    // line of the first byte that is not UTF-8 (it was 内容无法读取).
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count() as u64;
        let guess = crate::encoding::detect(e.as_bytes()).map(|enc| enc.name());
        Diagnostic::error(
            Code::P002,
            &shown,
            Text::new(
                format!(
                    "规划文件不是 UTF-8 编码{}",
                    guess
                        .filter(|n| *n != "UTF-8")
                        .map(|n| format!("（看来是 {n}）"))
                        .unwrap_or_default()
                ),
                format!(
                    "the plan file is not UTF-8{}",
                    guess
                        .filter(|n| *n != "UTF-8")
                        .map(|n| format!(" (it looks like {n})"))
                        .unwrap_or_default()
                ),
            ),
        )
        .at_line(line)
        .with_hint(Text::new(
            "请在编辑器中另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）",
            "save it as UTF-8 in the editor (Notepad: Save as → Encoding: UTF-8)",
        ))
    })?;
    parse_plan(&text, &shown)
}

/// What the TOML reader's message means, for the commonest slips of
/// editing a plan file by hand (a first-time user met them in English).
/// The TOML reader's commonest messages in Chinese (a statistician could
/// not act on `invalid type: string "2020", expected i32`: a reviewer's);
/// others as they are.
fn toml_in_chinese(message: &str) -> String {
    let quoted = |rest: &str| rest.split('`').nth(1).map(str::to_owned);
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = quoted(rest).unwrap_or_default();
        let known: Vec<&str> = rest.split('`').skip(3).step_by(2).collect();
        let near = known
            .iter()
            .filter(|k| strsim::levenshtein(k, &field) <= 2)
            .min_by_key(|k| strsim::levenshtein(k, &field));
        return match near {
            Some(k) => format!("没有“{field}”这一字段（是不是 {k}？）"),
            None => format!("没有“{field}”这一字段"),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("缺少字段“{}”", quoted(rest).unwrap_or_default());
    }
    if let Some(rest) = message.strip_prefix("invalid type: string ") {
        let given = rest.split(", expected").next().unwrap_or(rest);
        if rest.contains("expected i") || rest.contains("expected u") {
            return format!("{given} 应是整数，不加引号（如 baseline_year = 2020）");
        }
        if rest.contains("expected f") {
            return format!("{given} 应是数字，不加引号（如 value = 65）");
        }
        if rest.contains("expected a boolean") {
            return format!("{given} 应是 true 或 false，不加引号");
        }
    }
    if message.starts_with("duplicate key") {
        return match message.strip_prefix("duplicate key ").and_then(quoted) {
            Some(key) => format!("“{key}”写了两次（同一张表中每个字段只能写一次）"),
            None => "同一字段写了两次（同一张表中每个字段只能写一次）".to_owned(),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid type: floating point ")
        && (rest.contains("expected i") || rest.contains("expected u"))
    {
        let given = rest.split(", expected").next().unwrap_or(rest);
        return format!("{given} 应是整数（如 baseline_year = 2020）");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && rest.contains("expected a string")
    {
        let given = rest.split(", expected").next().unwrap_or(rest);
        return format!("{given} 应是文字，加英文双引号");
    }
    message.to_owned()
}

/// `line` is the line the reader points at (a table's header for a
/// missing field: `[plan]` or `[[indicator]]`).
fn toml_hint(message: &str, line: &str) -> Option<Text> {
    if message.contains("string values must be quoted") || message.contains("invalid string") {
        return Some(Text::new(
            "文字要加英文双引号，如 target = \"〔300〕\"",
            "text must be in double quotes, e.g. target = \"〔300〕\"",
        ));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ");
        return Some(Text::new(
            format!("“{value}”不是可用的写法，可用：{expected}"),
            format!("\"{value}\" is not one of the values allowed: {expected}"),
        ));
    }
    if message.contains("unknown field `") {
        return Some(Text::new(
            "规划文件中没有这一字段：请核对拼写（字段见 README “规划文件”一节，或 plan-check schema plan）",
            "the plan file has no such field: check its spelling (the fields are in the README, or plan-check schema plan)",
        ));
    }
    if message.contains("missing field `") && line.trim_start().starts_with("[plan]") {
        return Some(Text::new(
            "缺少这一字段：[plan] 要有 id、title、baseline_year、target_year",
            "a field is missing: [plan] needs id, title, baseline_year and target_year",
        ));
    }
    if message.contains("missing field `") {
        return Some(Text::new(
            "缺少这一字段：每个 [[indicator]] 要有 id、category、name、baseline、target、attribute",
            "a field is missing: every [[indicator]] needs id, category, name, baseline, target and attribute",
        ));
    }
    None
}

/// A `[plan]` error (P005) at the line of the key it is about
/// (`ahead_ratio 0.9 应不小于 1` named no line: a reviewer's).
fn at_its_key(d: Diagnostic, text: &str) -> Diagnostic {
    let keys = [
        "ahead_ratio",
        "on_schedule_ratio",
        "about_pct",
        "baseline_year",
        "target_year",
    ];
    let about = keys.iter().find(|k| d.message.en.contains(*k)).or_else(|| {
        ["baseline", "plan year"]
            .iter()
            .any(|w| d.message.en.contains(w))
            .then_some(&"baseline_year")
    });
    let line = about.and_then(|key| {
        text.lines().position(|l| {
            l.trim_start()
                .strip_prefix(*key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
    });
    match line {
        Some(i) => d.at_line(i as u64 + 1),
        None => d,
    }
}

/// Parses plan TOML; `file` names it in messages.
pub fn parse_plan(text: &str, file: &str) -> Result<Plan, Diagnostic> {
    let raw: PlanFile = toml::from_str(text).map_err(|e| {
        let mut d = Diagnostic::error(
            Code::P003,
            file,
            Text::new(
                format!("规划文件格式有误：{}", toml_in_chinese(e.message())),
                format!("the plan file is not valid: {}", e.message()),
            ),
        );
        // The TOML reader's words, for the slips of editing a draft.
        let at = e
            .span()
            .and_then(|span| text.get(..span.start))
            .map_or("", |before| {
                let start = before.rfind('\n').map_or(0, |i| i + 1);
                text[start..].lines().next().unwrap_or("")
            });
        if let Some(hint) = toml_hint(e.message(), at) {
            d = d.with_hint(hint);
        }
        if let Some(span) = e.span() {
            let (line, column) = line_and_column(text, span.start);
            d = d.at_line(line).at_column(column);
        }
        d
    })?;
    let meta = read_meta(raw.plan, file).map_err(|d| at_its_key(d, text))?;
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
        let mut raw = spanned.into_inner();
        // A part's name as printed (`其中：注册护士`): the tables print the
        // 其中： themselves, and the template's name must read back.
        if raw.part_of.is_some()
            && let Some(rest) = ["其中：", "其中:", "其中"]
                .iter()
                .find_map(|p| raw.name.trim_start().strip_prefix(p))
            && !rest.trim().is_empty()
        {
            raw.name = rest.trim().to_owned();
        }
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
            None if baseline_text
                .as_deref()
                .and_then(|t| crate::plan::row::bracketed(crate::number::trim_all(t)))
                .is_some() =>
            {
                return Err(field_err(
                    "baseline",
                    raw.baseline.span().start,
                    Text::new(
                        "基期值在括号中：表注多说明括号内是另一年的数（如“括号内数据为2019年平均值”），请用 baseline_year 写明年份；是基期年的数就去掉括号",
                        "the baseline is in brackets: the table's note usually says they hold another year's figure (括号内数据为2019年平均值): give its year with baseline_year, or drop the brackets if it is the baseline year's",
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
        // Each year's growth rate is a percent: a rate measure on 平方公里
        // compounded the yearly amounts as if they were rates (a reviewer's).
        let unit = raw.unit.trim().replace('％', "%");
        if measure == Measure::YearlyRate && !unit.is_empty() && unit != "%" {
            return Err(err(Text::new(
                format!(
                    "measure = \"yearly_rate\" 表示数据是每年的增长率（%），而指标的单位是“{}”：每年的量请写 measure = \"yearly_change\"",
                    raw.unit
                ),
                format!(
                    "measure = \"yearly_rate\" means the figures are each year's growth in percent, but the unit is \"{}\": for each year's amount write measure = \"yearly_change\"",
                    raw.unit
                ),
            )));
        }
        // The cell that decides: the 年均/累计 one when the target-year cell is empty.
        let period = raw.period_target.as_ref().filter(|p| !is_dash(p.get_ref()));
        let printed = Printed::new(
            raw.target.get_ref(),
            raw.period_target.as_ref().map(|p| p.get_ref().as_str()),
        )
        .named(&raw.name);
        // Both cells of a level's row (`60` beside `〔3.9〕`): the target-year
        // cell judges the level (`rule`, where its text does not say how),
        // the 年均/累计 one is judged beside it (`period_rule`, likewise).
        let both_judged = printed.both() && measure == Measure::Level;
        let printed = if both_judged {
            Printed::new(raw.target.get_ref(), None).named(&raw.name)
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
            RowRule::Relative { other, cmp, margin } => {
                relatives.push(PendingRelative {
                    index: indicators.len(),
                    other,
                    to: raw
                        .relative_to
                        .as_ref()
                        .map(|t| t.get_ref().trim().to_owned()),
                    cmp,
                    margin,
                    line: lines.at(rule_start).0,
                    field: rule_field,
                    period: false,
                });
                Rule::NotAssessed
            }
        };
        // The 年均/累计 cell beside a level target is read as printed; the
        // plan may only say it is not to be judged (another statistic, as a
        // natural growth rate beside a population).
        let period_rule = raw
            .period_rule
            .as_ref()
            .map(|spanned| (spanned.get_ref(), spanned.span().start));
        let period_rule = read_period_rule(
            raw.period_target.as_ref().map(|p| p.get_ref().as_str()),
            period_rule.map(|(rule, _)| rule),
            both_judged,
            &raw.unit,
            &meta,
        )
        .map_err(|message| {
            let start = period_rule.map_or(0, |(_, start)| start);
            field_err("period_rule", start, message)
        })?;
        // 高于高中阶段教育毛入学率 in the 年均/累计 cell beside ＞96: a
        // comparison with another indicator's same-year figure, judged
        // beside the level (it was shown, never judged, and a binding row
        // passed below it).
        if let (Some(Rule::NotAssessed), Some(cell)) = (&period_rule, raw.period_target.as_ref())
            && both_judged
            && raw.period_rule.is_none()
            && let Ok(reading) = crate::plan::read_target(cell.get_ref())
            && let crate::plan::Form::Relative(cmp) = reading.form
        {
            relatives.push(PendingRelative {
                index: indicators.len(),
                other: reading.other.unwrap_or_default(),
                to: raw
                    .relative_to
                    .as_ref()
                    .map(|t| t.get_ref().trim().to_owned()),
                cmp,
                margin: reading.margin,
                line: lines.at(cell.span().start).0,
                field: "period_target",
                period: true,
            });
        }
        let year_requirements = match &raw.year_requirements {
            Some(spanned) => read_year_requirements(spanned.get_ref(), &meta, &raw.name, &raw.unit)
                .and_then(|years| {
                    cells::years_agree(&rule, baseline, measure, &years).map(|()| years)
                })
                .map_err(|message| field_err("year_requirements", spanned.span().start, message))?,
            None => BTreeMap::new(),
        };
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
