//! The loader's tests: every form of a printed row, and every mistake a
//! plan file can hold reported where it is.

use super::*;
use crate::plan::Accumulate;

const HEAD: &str = "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = 2020\ntarget_year = 2025\n";

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
    let err = plan_with(&indicator("a", "").replace("name = \"na\"", "name = \" \"")).unwrap_err();
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
    let count = plan_with(&indicator("a", "").replace("unit = \"%\"", "unit = \"万人\"")).unwrap();
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
