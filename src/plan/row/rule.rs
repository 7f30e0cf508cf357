//! The rule a row's printed cells state ([`rule_from_text`]): the target
//! grammar's reading of the deciding cell, with the unit, the baseline and the
//! measure, turned into a rule, or an error asking for an explicit `rule`.

use super::*;

/// The rule the printed cells say, read by the target grammar
/// ([`read_target`]): where the text does not settle the reading, an error
/// asking for `rule`, never a guess.
pub fn rule_from_text(
    printed: &Printed,
    unit: &str,
    baseline: Option<f64>,
    measure: Measure,
    meta: &Conventions,
) -> Result<RowRule, Text> {
    let target = printed.deciding();
    let needs_rule = |why_zh: &str, why_en: &str| {
        Text::new(
            format!(
                "目标“{target}”{why_zh}：请用 rule 写明如何判断，例如 rule = {{ kind = \"at_least\", value = 55 }}，或 rule = {{ kind = \"none\" }} 只展示不判断"
            ),
            format!(
                "the target \"{target}\" {why_en}: say how to judge it with rule, e.g. rule = {{ kind = \"at_least\", value = 55 }}, or rule = {{ kind = \"none\" }} to show it unjudged"
            ),
        )
    };
    let in_period = printed.period.is_some();
    let mut reading = match read_target(without_average_words(target, measure, in_period, unit)) {
        Ok(reading) => reading,
        Err(TargetError::BadNumber) => {
            return Err(Text::new(
                format!(
                    "目标“{target}”中的数字读不出来（比较的词或符号后、〔〕中应是数字，如“＞7”“〔13.5〕”）"
                ),
                format!(
                    "the number in the target \"{target}\" cannot be read (after the comparison or inside 〔〕, as in \">7\", \"〔13.5〕\")"
                ),
            ));
        }
        Err(TargetError::TooLarge) => {
            return Err(Text::new(
                format!("目标“{target}”中的数字大得不合理（超过 10¹⁵）"),
                format!("the target \"{target}\" holds an implausibly large number (above 10¹⁵)"),
            ));
        }
        Err(TargetError::NoComparator) if is_dash(target) => {
            return Err(needs_rule("是空的（—）", "is empty (—)"));
        }
        Err(TargetError::NoComparator)
            if measure == Measure::Level && target.trim_start().starts_with("年均") =>
        {
            return Err(Text::new(
                format!(
                    "目标“{target}”是年均数：统计数据是每年的增长率时请写 measure = \"yearly_rate\"（按复合年均判断），是每年的量时写 measure = \"yearly_change\""
                ),
                format!(
                    "the target \"{target}\" is a yearly average: write measure = \"yearly_rate\" when the figures are each year's growth (judged on the compound average), measure = \"yearly_change\" when they are each year's amount"
                ),
            ));
        }
        Err(TargetError::NoComparator) => {
            return Err(needs_rule(
                "读不出比较（如“＞97”“90%以上”“〔17〕”“高于GDP增长”）",
                "states no comparison (such as \">97\", \"90%以上\", \"〔17〕\" or \"高于GDP增长\")",
            ));
        }
    };
    let normal = |u: &str| u.trim().replace('％', "%");
    // `1.2万` in a 亿元 column (浦东新区纲要: 1.2万亿元), `800万` 平方米: a
    // magnitude, in the indicator's unit.
    if let Some(factor) = reading
        .unit
        .as_deref()
        .and_then(|printed| magnitude(printed, unit))
    {
        reading.value *= factor;
        reading.low = reading.low.map(|low| low * factor);
        reading.unit = None;
    }
    let printed_unit = reading.unit.as_deref().map(normal);
    let same_unit = printed_unit.as_deref().is_none_or(|u| u == normal(unit));
    let is_percent = normal(unit) == "%";
    let of_years = Accumulate::of_yearly_changes(unit);
    if let Form::Relative(cmp) = reading.form {
        return Ok(RowRule::Relative {
            other: reading.other.unwrap_or_default(),
            cmp,
            margin: reading.margin,
        });
    }
    let points_of_percent = is_percent
        && matches!(printed_unit.as_deref(), Some("百分点" | "个百分点"))
        && reading.form.is_cumulative();
    // `8%以上` in the 年均 column of a level in another unit (地区生产总值,
    // 亿元): the level's compound average growth since the baseline, as
    // beside a level target ([`period_rule_of_level`]) — never the level
    // held at 8 亿元 every year.
    let growth_of_level = printed.period.is_some()
        && measure == Measure::Level
        && !matches!(normal(unit).as_str(), "%" | "‰" | "")
        && printed_unit.as_deref() == Some("%")
        && matches!(
            reading.form,
            Form::Compare(_) | Form::About | Form::Between | Form::Bare
        );
    if matches!(
        reading.form,
        Form::Compare(_)
            | Form::About
            | Form::Between
            | Form::Cumulative
            | Form::CumulativeCap
            | Form::CumulativeRange
            | Form::Bare
    ) && !same_unit
        && !points_of_percent
        && !growth_of_level
    {
        let printed = printed_unit.unwrap_or_default();
        return Err(Text::new(
            format!("目标“{target}”中的单位“{printed}”与指标的单位“{unit}”不同"),
            format!("the target \"{target}\" is in \"{printed}\", the indicator in \"{unit}\""),
        ));
    }
    // 〔-13.5〕: plans print a fall as a positive total under a name that
    // says so (单位GDP能源消耗降低 〔13.5〕); a negative one was compounded
    // as a rise and judged the other way round from what the rule showed.
    if reading.form.is_cumulative() && reading.value.min(reading.low.unwrap_or(0.0)) < 0.0 {
        return Err(Text::new(
            format!(
                "目标“{target}”的累计数是负数：下降请写正数，并在名称中写明“降低/下降”（如“单位GDP能源消耗降低”〔13.5〕），或用 rule 写明如何判断"
            ),
            format!(
                "the cumulative total of \"{target}\" is negative: write a fall as a positive total under a name that says 降低/下降 (单位GDP能源消耗降低 〔13.5〕), or say how to judge it with rule"
            ),
        ));
    }
    // The 年均/累计 cell: a requirement of every year, or a cumulative change.
    if growth_of_level {
        // A growth's side: the words, else the growth's name (工业增加值's
        // higher, 能源消费总量's lower), else a band; a bare number a floor.
        let growth = format!("{}增长", printed.name);
        let each = match reading.form {
            Form::Bare => YearRequirement::Threshold(Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: reading.value,
            }),
            _ => each_year(&reading, meta.about_pct, &growth).ok_or_else(|| {
                needs_rule(
                    "在年均/累计一栏，但不是比较、约数或区间",
                    "stands in the period column but is no comparison, approximate value or range",
                )
            })?,
        };
        return Ok(RowRule::Ready(Rule::Annual {
            each,
            average: true,
        }));
    }
    if printed.period.is_some() {
        let average = measure != Measure::Level;
        if let Some(each) = each_year(&reading, meta.about_pct, printed.name) {
            return Ok(RowRule::Ready(Rule::Annual { each, average }));
        }
        // `8` in the 年均 column of a growth rate (普陀区纲要's 规上服务业营收
        // 年均增长率): its average at least that, on the side its name gives
        // (or the plan's reading of bare numbers).
        if reading.form == Form::Bare
            && measure == Measure::YearlyRate
            && let Some(cmp) =
                side_by_name(printed.name).or(meta.bare_numbers.map(|_| Comparator::GreaterOrEqual))
        {
            return Ok(RowRule::Ready(Rule::Annual {
                each: YearRequirement::Threshold(Threshold {
                    cmp,
                    value: reading.value,
                }),
                average: true,
            }));
        }
        return match reading.form {
            // Yearly changes compound (percent) or add up; levels are
            // read against the baseline (figure::gather says which).
            form if form.is_cumulative() && measure == Measure::YearlyChange => {
                Ok(RowRule::Ready(cumulative(&reading, of_years)))
            }
            form if form.is_cumulative() && measure == Measure::Level => Ok(RowRule::Ready(
                cumulative(&reading, Accumulate::LevelChange),
            )),
            form if form.is_cumulative() => Err(Text::new(
                format!(
                    "目标“{target}”是规划期的累计数，而 measure = \"yearly_rate\"（逐年增长率）：累计变化要由逐年的变化（measure = \"yearly_change\"）或水平值（measure = \"level\"）得出"
                ),
                format!(
                    "the target \"{target}\" is cumulative over the period, and measure = \"yearly_rate\": a cumulative change is made of yearly changes (measure = \"yearly_change\") or of levels (measure = \"level\")"
                ),
            )),
            _ => Err(needs_rule(
                "在年均/累计一栏，但不是比较、约数、区间或累计数",
                "stands in the period column but is no comparison, approximate value, range or cumulative figure",
            )),
        };
    }
    // A growth rate in the target column with each year's rate as the
    // figures (区级一般公共预算收入年均增长率 5, 宝山区纲要; 社会消费品零售
    // 总额年均增速 力争5以上): the compound average to date, as in the
    // 年均/累计 column — never a level on a schedule from a baseline rate.
    if measure == Measure::YearlyRate
        && !reading.every_year
        && let Some(each) = each_year(&reading, meta.about_pct, printed.name)
    {
        return Ok(RowRule::Ready(Rule::Annual {
            each,
            average: true,
        }));
    }
    // 每年6900 in the target column: held every year, as a line in the
    // 年均/累计 column is.
    if reading.every_year
        && let Some(each) = each_year(&reading, meta.about_pct, printed.name)
    {
        return Ok(RowRule::Ready(Rule::Annual {
            each,
            average: false,
        }));
    }
    match reading.form {
        // 五年累计新增金融机构数量 100左右 (浦东新区纲要): a total to reach,
        // short of it by at most about_pct % of it (the change it asks for),
        // or a cap where the name says lower is better.
        Form::About if measure == Measure::YearlyChange => {
            let cmp = reading
                .toward
                .or_else(|| direction::side_by_name(printed.name))
                .unwrap_or(Comparator::GreaterOrEqual);
            let bound = about_bound(reading.value, meta.about_pct, cmp);
            let total = Reading {
                form: if cmp.wants_more() {
                    Form::Cumulative
                } else {
                    Form::CumulativeCap
                },
                value: bound.value,
                ..reading
            };
            Ok(RowRule::Ready(cumulative(&total, of_years)))
        }
        // 外贸进出口总额（五年累计） 超3000亿元 (虹口区纲要), with each year's
        // amount as the figures: the period's total is what is compared.
        // A bare 200 there (新增各类首店（五年累计）) is a total to reach; so
        // is 老旧小区整治改造面积 300 in a “十五五”目标值 column (闵行区城市更新
        // 规划): with each year's amount as the figures, a level of one
        // year's amount means nothing (measure was read and ignored).
        // 年均新增城镇就业 6 (each year's amount as the figures): a
        // requirement of every year, not a five-year total of 6 (it was
        // 提前实现 in the second year).
        Form::Compare(_) | Form::Bare
            if measure == Measure::YearlyChange && asks_every_year(printed.name) =>
        {
            let cmp = match reading.form {
                Form::Compare(cmp) => cmp,
                _ => Comparator::GreaterOrEqual,
            };
            Ok(RowRule::Ready(Rule::Annual {
                each: YearRequirement::Threshold(Threshold {
                    cmp,
                    value: reading.value,
                }),
                average: false,
            }))
        }
        Form::Compare(_) | Form::Bare if measure == Measure::YearlyChange => {
            let cmp = match reading.form {
                Form::Compare(cmp) => cmp,
                _ => Comparator::GreaterOrEqual,
            };
            let total = Reading {
                form: if cmp.wants_more() {
                    Form::Cumulative
                } else {
                    Form::CumulativeCap
                },
                strict: cmp.inclusive() != cmp,
                ..reading
            };
            Ok(RowRule::Ready(cumulative(&total, of_years)))
        }
        Form::Compare(cmp) => Ok(RowRule::Ready(Rule::Threshold(Threshold {
            cmp,
            value: reading.value,
        }))),
        Form::About => Ok(RowRule::Ready(about(
            reading.value,
            baseline,
            projected_by_name(printed.name),
            meta.about_pct,
            reading.toward,
            printed.name,
            meta.bare_numbers == Some(BareNumbers::TowardTarget),
        ))),
        Form::Between => Ok(RowRule::Ready(Rule::Range {
            min: reading.low.unwrap_or(reading.value),
            max: reading.value,
        })),
        Form::Relative(_) => unreachable!("read above"),
        Form::Change { up } => {
            let Some(baseline) = baseline else {
                return Err(no_baseline(target));
            };
            let sign = if up { 1.0 } else { -1.0 };
            match printed_unit.as_deref() {
                // 提高2个百分点 on a percent indicator: points.
                Some("个百分点" | "百分点") if is_percent => {
                    change(baseline, sign * reading.value)
                }
                // 下降13.5% on a count: percent of the baseline.
                Some("%") if !is_percent => {
                    change(baseline, sign * baseline * reading.value / 100.0)
                }
                // 下降10% on a percent indicator: points or percent of the
                // baseline? The text does not say.
                Some("%") => Err(needs_rule(
                    "的变化量是百分点还是相对基期的百分比，文字没有说清",
                    "does not say whether its change is in points or percent of the baseline",
                )),
                // 提高1岁 on an indicator in 岁, or a bare 提高1.
                None => change(baseline, sign * reading.value),
                Some(u) if u == normal(unit) => change(baseline, sign * reading.value),
                Some(_) => Err(needs_rule(
                    "的变化量是百分点还是相对基期的百分比，文字没有说清",
                    "does not say whether its change is in points or percent of the baseline",
                )),
            }
            .map(RowRule::Ready)
        }
        // 〔12〕 in the target column of a table with no 年均/累计 column
        // (上海市城市更新和住房“十五五”规划): the figures are each year's,
        // added up, as the plan says with measure = "yearly_change".
        form if form.is_cumulative() && measure == Measure::YearlyChange => {
            Ok(RowRule::Ready(cumulative(&reading, of_years)))
        }
        Form::Cumulative | Form::CumulativeCap | Form::CumulativeRange => Err(Text::new(
            format!(
                "目标“{target}”是规划期的累计数（〔〕）：请写明 measure = \"yearly_change\"（统计数据填每年的量，逐年累加），或把它写在 period_target 并写明 measure"
            ),
            format!(
                "the target \"{target}\" is cumulative over the period (〔〕): say measure = \"yearly_change\" (the figures are each year's, added up), or write it as period_target with its measure"
            ),
        )),
        Form::Bare => match (meta.bare_numbers, baseline) {
            (Some(BareNumbers::TowardTarget), Some(baseline)) if reading.value != baseline => {
                let cmp = if reading.value > baseline {
                    Comparator::GreaterOrEqual
                } else {
                    Comparator::LessOrEqual
                };
                Ok(RowRule::Ready(Rule::Threshold(Threshold {
                    cmp,
                    value: reading.value,
                })))
            }
            (Some(BareNumbers::TowardTarget), Some(_)) => Err(needs_rule(
                "与基期值相同，看不出方向",
                "equals the baseline, so it has no direction",
            )),
            (Some(BareNumbers::TowardTarget), None) => Err(needs_rule(
                "只是一个数字，且没有基期值，看不出方向",
                "is a bare number and the indicator has no baseline, so it has no direction",
            )),
            (None, _) => Err(needs_rule(
                "只是一个数字，没有说是下限、上限还是预测",
                "is a bare number: it does not say whether it is a floor, a ceiling or a projection",
            )),
        },
    }
}

/// `年均增长7%以上` → `7%以上`: the words that say the figure is a yearly
/// average, where the rule reads it so already — each year's rate
/// (`measure = "yearly_rate"`), a rate in percent (a level's average
/// growth in the 年均 column), or each year's amounts averaged in the 年均
/// column (`年均35-40` 平方公里). It was refused, and the `rule` its message
/// asked for judged the average as a level each year (a reviewer's).
/// Words before another number (`年均新增6`, `年均下降3%`) are kept.
fn without_average_words<'t>(
    target: &'t str,
    measure: Measure,
    in_period: bool,
    unit: &str,
) -> &'t str {
    // A rate in % with no measure: the figures are levels, and `7%以上` would
    // hold every year — never what 年均 says (a reviewer's); refused, asking
    // for the measure.
    let a_level_in_another_unit = measure == Measure::Level
        && in_period
        && !matches!(unit.trim().replace('％', "%").as_str(), "%" | "‰" | "");
    match after_average_words(target) {
        Some(rest)
            if measure == Measure::YearlyRate
                || (measure == Measure::YearlyChange && in_period)
                || a_level_in_another_unit
                    && read_target(rest).is_ok_and(|r| {
                        r.unit.as_deref().map(|u| u.replace('％', "%")).as_deref() == Some("%")
                    }) =>
        {
            rest
        }
        _ => target,
    }
}
