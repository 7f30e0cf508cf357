//! What a plan file must hold to load: finite numbers, ranges of possible
//! values, parts of an existing total, relative targets that find their
//! indicator and form no circle.

use super::*;
use crate::diagnostic::Code;

#[test]
fn numbers_must_be_finite_and_tolerances_sensible() {
    for (from, to, field) in [
        ("baseline = 50", "baseline = nan", "baseline"),
        ("baseline = 50", "baseline = inf", "baseline"),
        ("baseline = 50", "baseline = -inf", "baseline"),
    ] {
        let err = plan_with(&indicator("a", "").replace(from, to)).unwrap_err();
        assert_eq!(err.code, Code::P004, "{to}");
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
        assert_eq!(err.code, Code::P004, "{tolerance}");
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
    assert_eq!(err.code, Code::P004);
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
        assert_eq!(err.code, Code::P004, "{extra}");
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

#[test]
fn parts_must_name_an_existing_total_with_the_same_unit() {
    let err = plan_with(&indicator("a", "part_of = \"zz\"\n")).unwrap_err();
    assert_eq!(err.code, Code::P006);
    let ok = plan_with(&format!(
        "{}{}",
        indicator("t", ""),
        indicator("a", "part_of = \"t\"\n")
    ))
    .unwrap();
    assert_eq!(ok.indicators[1].part_of, Some(0));
}

/// A part named as printed, `其中：注册护士`, was shown and templated as
/// 其中：其中：注册护士, and the template's own row was then S007 (a new
/// user's first plan): the name is kept without the 其中：, which the
/// tables add; a total's name keeps it.
#[test]
fn a_parts_printed_prefix_is_not_part_of_its_name() {
    let plan = plan_with(&format!(
        "{}{}{}",
        row("t", "其中：全部", "baseline = 50\ntarget = \"＞60\"\n"),
        row(
            "a",
            "其中：注册护士",
            "baseline = 5\ntarget = \"＞6\"\npart_of = \"t\"\n"
        ),
        row(
            "b",
            "其中:医师",
            "baseline = 5\ntarget = \"＞6\"\npart_of = \"t\"\n"
        ),
    ))
    .unwrap();
    assert_eq!(plan.indicators[0].name, "其中：全部");
    assert_eq!(plan.indicators[1].name, "注册护士");
    assert_eq!(plan.indicators[1].display_name(), "其中：注册护士");
    assert_eq!(plan.indicators[2].name, "医师");
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
            tolerance_pct: 5.0,
            margin: 0.0
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
    // A district's 地区生产总值增长 is its GDP; a margin in points is kept.
    let district = plan_with(&format!(
        "{}{}",
        row(
            "gdp",
            "地区生产总值增长",
            "baseline = 5\ntarget = \"—\"\nrule = { kind = \"none\" }"
        ),
        row("p", "税收收入增长", "baseline = 6\ntarget = \"—\"\nperiod_target = \"高于GDP增长1个百分点\"\nmeasure = \"yearly_rate\""),
    ))
    .unwrap();
    assert_eq!(
        district.indicators[1].rule,
        Rule::Relative {
            to: 0,
            cmp: Some(Comparator::GreaterOrEqual),
            tolerance_pct: 5.0,
            margin: 1.0
        }
    );
    // In the 年均/累计 cell beside a level's own target (＞96；高于…): judged
    // beside it, not shown only (a binding row passed below the other).
    let beside = plan_with(&format!(
        "{}{}",
        row(
            "gross",
            "高中阶段教育毛入学率",
            "baseline = 98\ntarget = \"＞98\""
        ),
        row(
            "kept",
            "九年义务教育巩固率",
            "baseline = 100\ntarget = \"＞96\"\nperiod_target = \"高于高中阶段教育毛入学率\""
        ),
    ))
    .unwrap();
    assert_eq!(
        beside.indicators[1].period_rule,
        Some(Rule::Relative {
            to: 0,
            cmp: Some(Comparator::Greater),
            tolerance_pct: 5.0,
            margin: 0.0
        })
    );
    // A name the plan does not have: located, with the way out.
    let err = plan_with(&row(
        "p",
        "p",
        "baseline = 1\ntarget = \"高于财政收入增长\"",
    ))
    .unwrap_err();
    assert_eq!(err.code, Code::P004);
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

/// `rule = { kind = "about", toward = … }`: a 左右 whose side the text does
/// not give, on the side the plan file says; only for a 左右 target, and
/// never against the side its words give.
#[test]
fn an_about_rule_takes_its_side_from_the_plan_file() {
    let about = |target: &str, toward: &str| {
        plan_with(&row(
            "a",
            "某比重",
            &format!(
                "baseline = \"—\"\ntarget = \"{target}\"\nrule = {{ kind = \"about\", toward = \"{toward}\" }}"
            ),
        ))
    };
    let rule =
        |target: &str, toward: &str| about(target, toward).map(|p| p.indicators[0].rule.clone());
    assert_eq!(
        rule("50左右", "more").unwrap(),
        Rule::About {
            value: 50.0,
            tolerance_pct: 5.0,
            cmp: Comparator::GreaterOrEqual
        }
    );
    assert_eq!(
        rule("50左右", "less").unwrap(),
        Rule::About {
            value: 50.0,
            tolerance_pct: 5.0,
            cmp: Comparator::LessOrEqual
        }
    );
    assert!(rule("50", "more").is_err());
    assert!(rule("控制在50左右", "more").is_err());
}

/// The TOML reader's English, for the slips of editing a draft by hand,
/// comes with what it means (a first-time user met it alone).
#[test]
fn toml_slips_come_with_what_they_mean() {
    let hint = |text: &str| {
        plan_with(text)
            .err()
            .and_then(|d| d.hint.clone())
            .map(|h| h.zh)
            .unwrap_or_default()
    };
    assert!(
        hint(&row("a", "a", "baseline = 1\ntarget = 〔300〕")).contains("文字要加英文双引号"),
        "{}",
        hint(&row("a", "a", "baseline = 1\ntarget = 〔300〕"))
    );
    let measured = hint(&row(
        "a",
        "a",
        "baseline = 1\ntarget = \"2\"\nmeasure = \"逐年变化\"",
    ));
    assert!(
        measured.contains("“逐年变化”不是可用的写法，可用：`level`"),
        "{measured}"
    );
    // A field missing from [plan] is said of [plan], not of [[indicator]]
    // (a reviewer was told every indicator needs an id).
    let in_plan = parse_plan(
        "[plan]\ntitle = \"t\"\nbaseline_year = 2020\ntarget_year = 2025\n",
        "p.toml",
    )
    .err()
    .and_then(|d| d.hint.clone())
    .map(|h| h.zh)
    .unwrap_or_default();
    assert!(in_plan.contains("[plan] 要有 id"), "{in_plan}");
    let in_row = hint("\n[[indicator]]\nid = \"a\"\ncategory = \"c\"\n");
    assert!(in_row.contains("每个 [[indicator]] 要有"), "{in_row}");
}

/// A reviewer's day of slips on today's readings: an `about` rule with
/// yearly rates or amounts is their average or total (it was a level, 无法
/// 判断); a bare rate in the 年均 column of a growth rate its average; a
/// 年均 amount each year's, not a five-year total.
#[test]
fn about_rules_bare_rates_and_yearly_amounts_read_as_their_figures_are() {
    let rule = |name: &str, cells: &str| {
        plan_with(&row("a", name, cells))
            .map(|p| p.indicators[0].rule.clone())
            .map_err(|d| format!("{d:?}"))
    };
    let floor = |value: f64| {
        YearRequirement::Threshold(Threshold {
            cmp: Comparator::GreaterOrEqual,
            value,
        })
    };
    assert_eq!(
        rule(
            "社会消费品零售总额增速",
            "baseline = \"—\"\ntarget = \"5左右\"\nmeasure = \"yearly_rate\"\nrule = { kind = \"about\", toward = \"more\" }"
        )
        .unwrap(),
        Rule::Annual {
            each: floor(4.75),
            average: true
        }
    );
    assert_eq!(
        rule(
            "规上服务业营收年均增长率",
            "baseline = \"—\"\ntarget = \"—\"\nperiod_target = \"8\"\nmeasure = \"yearly_rate\""
        )
        .unwrap(),
        Rule::Annual {
            each: floor(8.0),
            average: true
        }
    );
    assert_eq!(
        rule(
            "年均新增城镇就业",
            "baseline = \"—\"\ntarget = \"6\"\nmeasure = \"yearly_change\""
        )
        .unwrap(),
        Rule::Annual {
            each: floor(6.0),
            average: false
        }
    );
}

/// A rate measure on an amount (平方公里) compounded the yearly amounts as
/// if they were growth rates: refused, saying to write yearly_change.
#[test]
fn a_yearly_rate_measure_needs_a_percent_unit() {
    let text =
        indicator("a", "measure = \"yearly_rate\"").replace("unit = \"%\"", "unit = \"平方公里\"");
    let err = plan_with(&text).expect_err("refused");
    assert!(
        err.message.zh.contains("yearly_change"),
        "{:?}",
        err.message
    );
    assert!(plan_with(&indicator("b", "measure = \"yearly_rate\"")).is_ok());
}

/// `年均增长7%以上` in the 年均 column of a rate (a common printed form)
/// was refused, and the `rule` its message asked for judged the average
/// as a level each year: both are now the compound average (a reviewer's).
#[test]
fn yearly_average_words_before_a_rate_read_as_its_average() {
    let seven = YearRequirement::Threshold(Threshold {
        cmp: Comparator::GreaterOrEqual,
        value: 7.0,
    });
    let average = Rule::Annual {
        each: seven,
        average: true,
    };
    let fields = "baseline = 8\ntarget = \"—\"\nperiod_target = \"年均增长7%以上\"\nmeasure = \"yearly_rate\"";
    let printed = plan_with(&row("a", "研发经费投入增长", fields)).expect("loads");
    assert_eq!(printed.indicators[0].rule, average);
    let explicit = format!("{fields}\nrule = {{ kind = \"at_least\", value = 7 }}");
    let explicit = plan_with(&row("a", "研发经费投入增长", &explicit)).expect("loads");
    assert_eq!(explicit.indicators[0].rule, average);
    // Before another number the words stay, and are refused, not guessed.
    let fall =
        "baseline = 8\ntarget = \"—\"\nperiod_target = \"年均下降3%\"\nmeasure = \"yearly_rate\"";
    assert!(plan_with(&row("b", "能耗", fall)).is_err());
}

/// A baseline in brackets (崇明区水务's `（44.4％）`, 括号内数据为2019年平均值)
/// was taken as the baseline year's level in silence: its year is asked
/// for, as a `*`'s is, and given it loads.
#[test]
fn a_bracketed_baseline_asks_for_its_year() {
    let cells = "baseline = \"（44.4％）\"\ntarget = \"≥100％\"";
    let err = plan_with(&row("a", "河长制标准化街镇建成率", cells)).expect_err("its year");
    assert!(
        err.message.zh.contains("baseline_year"),
        "{:?}",
        err.message
    );
    let dated = format!("{cells}\nbaseline_year = 2019");
    let plan = plan_with(&row("a", "河长制标准化街镇建成率", &dated)).expect("loads");
    assert_eq!(plan.indicators[0].baseline, Some(44.4));
    assert_eq!(plan.indicators[0].baseline_year, 2019);
}

/// An explicit rule keeps the printed unit and, over a bare number, the
/// printed number (a reviewer's slips passed: `≥5‰` with `at_least 5` on a
/// % indicator; `65` with `at_least 60.5`); a change states its own number.
#[test]
fn an_explicit_rule_keeps_the_printed_unit_and_number() {
    let with = |cells: &str| plan_with(&row("a", "城镇化率", cells));
    let err = with("baseline = 0.3\ntarget = \"≥5‰\"\nrule = { kind = \"at_least\", value = 5 }")
        .expect_err("another unit");
    assert!(err.message.zh.contains("单位“‰”"), "{:?}", err.message);
    let err = with("baseline = 60\ntarget = \"65\"\nrule = { kind = \"at_least\", value = 60.5 }")
        .expect_err("another number");
    assert!(err.message.zh.contains("60.5"), "{:?}", err.message);
    assert!(
        with("baseline = 60\ntarget = \"65\"\nrule = { kind = \"at_least\", value = 65 }").is_ok()
    );
    assert!(
        with("baseline = 60\ntarget = \"65\"\nrule = { kind = \"range\", min = 60, max = 65 }")
            .is_ok()
    );
    assert!(with("baseline = 60\ntarget = \"65\"\nrule = { kind = \"none\" }").is_ok());
    assert!(with("baseline = 60\ntarget = \"5\"\nrule = { kind = \"change\", by = 5 }").is_ok());
    assert!(with("baseline = 78\ntarget = \"80\"\nrule = { kind = \"change\", by = 2 }").is_ok());
    assert!(
        with("baseline = 78\ntarget = \"80\"\nrule = { kind = \"change\", by = 1 }").is_err(),
        "79 is neither the printed level nor the printed change"
    );
}

/// A year's requirement on the other side of the target's (`≤61` typed for
/// an annual plan's 61%以上, on a floor rising to 65) is refused: a binding
/// row falling from 60 to 55 passed as on schedule.
#[test]
fn a_year_requirement_against_the_target_is_refused() {
    let with = |years: &str| {
        plan_with(&row(
            "a",
            "常住人口城镇化率",
            &format!("baseline = 60\ntarget = \"≥65\"\nyear_requirements = {{ {years} }}"),
        ))
    };
    let err = with("\"2023\" = \"≤61\"").expect_err("the other side");
    assert!(err.message.zh.contains("方向相反"), "{:?}", err.message);
    assert!(with("\"2023\" = \"≥61\"").is_ok());
    assert!(with("\"2023\" = \"61左右\"").is_ok());
}

/// A year's requirement a decimal point away (`≥9.6` for a 巩固率 held
/// above 96 from 100) is refused as a figure that far would be (S019): it
/// passed 90 as on schedule (a reviewer's). A rate or a change is not
/// held to it.
#[test]
fn a_year_requirement_an_order_of_magnitude_away_is_refused() {
    let with = |years: &str| {
        plan_with(&row(
            "a",
            "九年义务教育巩固率",
            &format!("baseline = 100\ntarget = \"＞96\"\nyear_requirements = {{ {years} }}"),
        ))
    };
    let err = with("\"2023\" = \"≥9.6\"").expect_err("a decimal point slipped");
    assert_eq!(err.code, Code::P004);
    assert!(
        err.message.zh.contains("小数点或单位是否写错"),
        "{:?}",
        err.message
    );
    assert!(with("\"2023\" = \"≥95\"").is_ok());
    assert!(with("\"2023\" = \"90-100\"").is_ok());
    assert!(with("\"2023\" = \"1-100\"").is_err());
}

/// The TOML reader's English in Chinese, with the nearest field for a typo
/// (a statistician could not act on `expected i32`).
#[test]
fn toml_errors_are_said_in_chinese() {
    let zh = |text: &str| {
        plan_with(text)
            .err()
            .map(|d| d.message.zh.clone())
            .unwrap_or_default()
    };
    let typo = zh(&indicator("a", "measures = \"level\""));
    assert!(
        typo.contains("没有“measures”这一字段（是不是 measure？）"),
        "{typo}"
    );
    let quoted = parse_plan(
        "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = \"2020\"\ntarget_year = 2025\n",
        "p.toml",
    )
    .err()
    .map(|d| d.message.zh.clone())
    .unwrap_or_default();
    assert!(quoted.contains("应是整数，不加引号"), "{quoted}");
    let twice = zh(&indicator("a", "unit = \"万人\""));
    assert!(twice.contains("写了两次"), "{twice}");
    // P005 names the line of its key.
    let late = parse_plan(
        "[plan]\nid = \"p\"\ntitle = \"t\"\nbaseline_year = 2020\ntarget_year = 2025\nahead_ratio = 0.9\n",
        "p.toml",
    )
    .expect_err("below 1");
    assert_eq!(late.line, Some(6));
}

/// A reviewer's breaks of today's readings: a range rule beside a 年均 cell
/// of a rate is every year's (a binding 3.5 against 4–6 passed on the
/// average); `年均增长7%以上` on a % row with no measure is refused asking for
/// it (it became 每年 ≥ 7).
#[test]
fn a_rate_range_holds_every_year_and_an_average_needs_its_measure() {
    let fields = "baseline = 5\ntarget = \"—\"\nperiod_target = \"保持在合理区间、各年度视情提出\"\nmeasure = \"yearly_rate\"\nrule = { kind = \"range\", min = 4, max = 6 }";
    let plan = plan_with(&row("a", "国内生产总值增长", fields)).expect("loads");
    assert_eq!(
        plan.indicators[0].rule,
        Rule::Annual {
            each: YearRequirement::Between { min: 4.0, max: 6.0 },
            average: false
        }
    );
    let no_measure = "baseline = 9\ntarget = \"—\"\nperiod_target = \"年均增长7%以上\"";
    let err = plan_with(&row("b", "研发经费投入增长", no_measure)).expect_err("its measure");
    assert!(err.message.zh.contains("yearly_rate"), "{:?}", err.message);
}
