//! How a printed target and baseline read as a rule: comparators, words,
//! bare numbers, changes, rules that contradict the print, single years.

use super::*;
use crate::diagnostic::Code;

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
        assert_eq!(err.code, Code::P004, "{rule}");
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
    // 左右 from the baseline of 50 with no side printed or named: a band
    // (a cap or a level to reach?); 控制在…左右 says at most.
    assert_eq!(
        rule_of("60左右", "%").unwrap(),
        Rule::Projection {
            value: 60.0,
            tolerance_pct: DEFAULT_ABOUT_PCT
        }
    );
    assert_eq!(
        rule_of("控制在60左右", "%").unwrap(),
        Rule::About {
            value: 60.0,
            tolerance_pct: DEFAULT_ABOUT_PCT,
            cmp: Comparator::LessOrEqual
        }
    );
    assert_eq!(
        rule_of("约50", "%").unwrap(),
        Rule::Projection {
            value: 50.0,
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
        assert_eq!(err.code, Code::P004, "{target}");
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
    // A 左右 likewise: toward the target from the baseline.
    assert_eq!(
        plan("60左右").unwrap(),
        Rule::About {
            value: 60.0,
            tolerance_pct: DEFAULT_ABOUT_PCT,
            cmp: Comparator::GreaterOrEqual
        }
    );
    assert!(matches!(plan("50左右").unwrap(), Rule::Projection { .. }));
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
        "year_requirements = { \"2023\" = \"55左右\", \"2024\" = \"55%以上\" }\n",
    ))
    .unwrap();
    assert_eq!(
        about.indicators[0].year_requirements.get(&2023),
        Some(&YearRequirement::About {
            value: 55.0,
            tolerance_pct: DEFAULT_ABOUT_PCT
        })
    );
    assert!(matches!(
        about.indicators[0].year_requirements.get(&2024),
        Some(YearRequirement::Threshold(Threshold { value, .. })) if *value == 55.0
    ));
    let err = plan_with(&indicator(
        "a",
        "year_requirements = { \"2030\" = \"≥55\" }\n",
    ))
    .unwrap_err();
    assert!(err.message.zh.contains("2030"));
    // Words after the number are not dropped (≥60且 was read as ≥ 60).
    for requirement in ["≥60且", "5.5万"] {
        let err = plan_with(&indicator(
            "a",
            &format!("year_requirements = {{ \"2023\" = \"{requirement}\" }}\n"),
        ))
        .unwrap_err();
        assert!(
            err.message.zh.contains("不是指标的单位"),
            "{}",
            err.message.zh
        );
    }
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
            from: Accumulate::Compound,
            strict: false,
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
