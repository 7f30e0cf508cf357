//! The 年均/累计 column: every-year requirements, averages, cumulative
//! changes, and a target in both cells.

use super::*;

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
            from: Accumulate::Sum,
            strict: false,
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
            from: Accumulate::LevelChange,
            strict: false,
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

/// 〔3000—4000〕 (实施老旧小区改造面积, 上海市城市更新和住房“十五五”规划,
/// in the target column of a table with no 年均/累计 column): the total of
/// each year's amount within the range; in the period column beside a
/// level, the level's change within it; a negative end refused as 〔-13.5〕 is.
#[test]
fn a_cumulative_range_is_a_total_within_it() {
    let plan = plan_with(
        "\n[[indicator]]\nid = \"a\"\ncategory = \"c\"\nname = \"实施老旧小区改造面积\"\nunit = \"万平方米\"\nattribute = \"预期性\"\nbaseline = \"〔6880〕\"\ntarget = \"〔3000—4000〕\"\nmeasure = \"yearly_change\"",
    )
    .unwrap();
    assert_eq!(plan.indicators[0].baseline, None);
    assert_eq!(
        plan.indicators[0].rule,
        Rule::CumulativeRange {
            min: 3000.0,
            max: 4000.0,
            from: Accumulate::Sum,
        }
    );
    let level = plan_with(&row(
        "a",
        "a",
        "baseline = 10\ntarget = \"—\"\nperiod_target = \"〔2—3〕\"",
    ))
    .unwrap();
    assert_eq!(
        level.indicators[0].rule,
        Rule::CumulativeRange {
            min: 2.0,
            max: 3.0,
            from: Accumulate::LevelChange,
        }
    );
    let err = plan_with(&row(
        "a",
        "a",
        "baseline = 10\ntarget = \"—\"\nperiod_target = \"〔-3—-2〕\"",
    ))
    .unwrap_err();
    assert!(err.message.zh.contains("负数"), "{}", err.message.zh);
}

/// 五年累计新增金融机构数量 100左右 (浦东新区“十五五”纲要), each year's new
/// institutions added up: a total to reach, short of it by at most
/// about_pct % (95); 每年6900 in the 年均/累计 column, at least 6900 a year.
#[test]
fn about_a_total_and_every_year_in_words() {
    let plan = plan_with(
        "\n[[indicator]]\nid = \"a\"\ncategory = \"c\"\nname = \"五年累计新增金融机构数量\"\nunit = \"家\"\nattribute = \"预期性\"\nbaseline = \"—\"\ntarget = \"100左右\"\nmeasure = \"yearly_change\"\n\n[[indicator]]\nid = \"b\"\ncategory = \"c\"\nname = \"失业人员实现再就业人数\"\nunit = \"人\"\nattribute = \"约束性\"\nbaseline = \"—\"\ntarget = \"—\"\nperiod_target = \"每年6900\"",
    )
    .unwrap();
    assert_eq!(
        plan.indicators[0].rule,
        Rule::Cumulative {
            total: 95.0,
            from: Accumulate::Sum,
            strict: false,
        }
    );
    assert_eq!(
        plan.indicators[1].rule,
        Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 6900.0
            }),
            average: false
        }
    );
}

/// An explicit rule on a growth rate's target column, the figures each
/// year's rate (the draft of 宝山区纲要's 年均增长率 `5`): the compound
/// average to date is held to it, as the printed cell would be.
#[test]
fn an_explicit_rule_on_yearly_rates_in_the_target_column_holds_their_average() {
    let plan = plan_with(&row(
        "rate",
        "区级一般公共预算收入年均增长率",
        "baseline = \"—\"\ntarget = \"5\"\nmeasure = \"yearly_rate\"\nrule = { kind = \"at_least\", value = 5 }",
    ))
    .unwrap();
    assert_eq!(
        plan.indicators[0].rule,
        Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 5.0
            }),
            average: true
        }
    );
    // On levels the same rule is the level's.
    let level = plan_with(&row(
        "share",
        "某比重",
        "baseline = \"—\"\ntarget = \"5\"\nrule = { kind = \"at_least\", value = 5 }",
    ))
    .unwrap();
    assert!(matches!(level.indicators[0].rule, Rule::Threshold(_)));
}

/// `measure = "yearly_change"` with a number or a bound in the target
/// column: the period's total of the yearly amounts (a reviewer's
/// 老旧小区整治改造面积 `300`, and `at_least 300`, judged each year's 60 as
/// a level, the measure read and ignored).
#[test]
fn yearly_changes_against_a_number_in_the_target_column_add_up() {
    let total = |total: f64, strict| Rule::Cumulative {
        total,
        from: Accumulate::Sum,
        strict,
    };
    for (target, rule, expected) in [
        ("300", "", total(300.0, false)),
        ("≥300", "", total(300.0, false)),
        (
            "300",
            "\nrule = { kind = \"at_least\", value = 300 }",
            total(300.0, false),
        ),
    ] {
        let plan = plan_with(
            &row(
                "area",
                "老旧小区整治改造面积",
                &format!(
                    "baseline = 240\ntarget = \"{target}\"\nmeasure = \"yearly_change\"{rule}"
                ),
            )
            .replace("unit = \"%\"", "unit = \"万平方米\""),
        )
        .map_err(|e| format!("{e:?}"));
        let plan = match plan {
            Ok(plan) => plan,
            Err(e) => panic!("{target} {rule}: {e}"),
        };
        assert_eq!(plan.indicators[0].rule, expected, "{target} {rule}");
    }
}
