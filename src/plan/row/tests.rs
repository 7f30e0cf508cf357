//! The reading of a printed row, cell by cell: baselines, deciding cells, rules, the 年均/累计 cell beside a level.

use super::*;

/// A plan's readings as the loader defaults them: 左右 ± 5 %, a bare number
/// asking for a rule.
fn plain() -> Conventions {
    Conventions {
        about_pct: 5.0,
        bare_numbers: None,
    }
}

fn baseline(text: &str, unit: &str) -> (Option<f64>, bool) {
    let b = read_baseline(text, unit).unwrap();
    assert_eq!(b.printed.as_deref(), Some(text.trim()), "{text}");
    (b.value, b.starred)
}

#[test]
fn baseline_cells_as_plans_print_them() {
    assert_eq!(baseline("10.5*", "%"), (Some(10.5), true));
    assert_eq!(baseline("60.6＊", "%"), (Some(60.6), true));
    assert_eq!(baseline("—", "%"), (None, false));
    assert_eq!(baseline("〔17.7〕", "%"), (None, false));
    // A unit printed in the cell, as tables copied from web pages have it.
    assert_eq!(baseline("86.44%", "%"), (Some(86.44), false));
    assert_eq!(baseline("99％", "%"), (Some(99.0), false));
    assert_eq!(baseline("11.4年", "年"), (Some(11.4), false));
    assert_eq!(baseline("0%", "%"), (Some(0.0), false));
    // In brackets: another year's, as a note says (崇明区水务: 括号内数据为
    // 2019年平均值): marked as a `*` is, its year asked for.
    assert_eq!(baseline("（44.4％）", "%"), (Some(44.4), true));
    // Another unit than the indicator's is not this indicator's figure.
    assert!(read_baseline("11.4万人", "年").is_err());
    assert!(read_baseline("约十", "%").is_err());
}

#[test]
fn the_deciding_cell_and_its_clause() {
    let only_target = Printed::new("＞97", Some("—"));
    assert_eq!(only_target.deciding(), "＞97");
    assert!(!only_target.both());
    let period = Printed::new("—", Some("＞7、力争投入强度高于“十三五”时期实际"));
    assert_eq!(period.deciding(), "＞7、力争投入强度高于“十三五”时期实际");
    assert_eq!(
        period.clause().as_deref(),
        Some("力争投入强度高于“十三五”时期实际")
    );
    assert!(Printed::new("60", Some("〔3.9〕")).both());
}

#[test]
fn a_name_says_which_way_is_better() {
    assert_eq!(better_by_name("城镇调查失业率"), Some(false));
    assert_eq!(better_by_name("单位GDP能源消耗"), Some(false));
    assert_eq!(better_by_name("劣Ⅴ类水体比例"), Some(false));
    assert_eq!(better_by_name("耕地保有量"), Some(true));
    // The whole a share is of says nothing of the share (national 15th:
    // 非化石能源占能源消费总量比重 21.7 → 25 was read as at most 25).
    assert_eq!(better_by_name("非化石能源占能源消费总量比重"), None);
    assert_eq!(better_by_name("能源消费总量"), Some(false));
    assert_eq!(
        better_by_name("单位地区生产总值能源消耗下降比例"),
        Some(true)
    );
    assert_eq!(better_by_name("生态保护红线面积"), Some(true));
    assert_eq!(better_by_name("总人口"), None);
    // A reduction: more of it is better (松江区节能降碳“十五五”规划's
    // 碳排放下降率 3 is at least 3), though the name says 排放 or 能耗.
    assert_eq!(better_by_name("碳排放下降率"), Some(true));
    // Output, income and productivity levels: more is no shortfall; a
    // share of them says nothing by the name.
    assert_eq!(better_by_name("全员劳动生产率"), Some(true));
    assert_eq!(better_by_name("地区生产总值（GDP）"), Some(true));
    assert_eq!(better_by_name("居民人均可支配收入"), Some(true));
    assert_eq!(better_by_name("服务业增加值占GDP比重"), None);
    assert_eq!(better_by_name("单位地区生产总值能源消耗降低"), Some(true));
    assert_eq!(better_by_name("单位GDP二氧化碳排放降低（%）"), Some(true));
    assert_eq!(better_by_name("化学需氧量排放总量减少"), Some(true));
    assert_eq!(better_by_name("耕地面积不减少"), Some(true));
    assert_eq!(better_by_name("二氧化碳排放量"), Some(false));
    assert!(projected_by_name("总人口") && projected_by_name("在校学生数"));
    assert!(!projected_by_name("常住人口城镇化率") && !projected_by_name("每万人口发明专利拥有量"));
    assert!(
        !projected_by_name("劳动年龄人口平均受教育年限") && !projected_by_name("城镇新增就业人数")
    );
    assert_eq!(better_by_name("森林覆盖率"), None);
    // Output, income and productivity growing faster is no shortfall; a
    // total that is capped is not read so for growing (能源消费总量增长).
    assert_eq!(better_by_name("国内生产总值（GDP）增长"), Some(true));
    assert_eq!(better_by_name("居民人均可支配收入增长"), Some(true));
    assert_eq!(better_by_name("地区生产总值年均增速"), Some(true));
    assert_eq!(better_by_name("能源消费总量增长"), Some(false));
    assert_eq!(better_by_name("人口自然增长率"), None);
}

#[test]
fn the_period_cell_beside_a_level_target_is_a_second_requirement() {
    let c = plain();
    // 城镇化率 60 with 〔3.9〕: the level's change, in points.
    assert_eq!(
        period_rule_of_level("〔3.9〕", "%", &c),
        Some(Rule::Cumulative {
            total: 3.9,
            from: Accumulate::LevelChange,
            strict: false,
        })
    );
    // GDP 55.8 with ＞6.5%: the level's average growth.
    assert_eq!(
        period_rule_of_level("＞6.5%", "万亿元", &c),
        Some(Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: Comparator::Greater,
                value: 6.5
            }),
            average: true
        })
    );
    // 总人口 with ＜7.2‰: growth in tenths of a percent.
    let Some(Rule::Annual {
        each: YearRequirement::Threshold(t),
        ..
    }) = period_rule_of_level("＜7.2‰", "万人", &c)
    else {
        panic!("a rate")
    };
    assert!((t.value - 0.72).abs() < 1e-12 && t.cmp == Comparator::Less);
    // A bare number only where the plan says how bare numbers read.
    assert_eq!(period_rule_of_level("7", "万亿元", &c), None);
    let toward = Conventions {
        bare_numbers: Some(BareNumbers::TowardTarget),
        ..c
    };
    assert!(matches!(
        period_rule_of_level("7", "万亿元", &toward),
        Some(Rule::Annual { average: true, .. })
    ));
    // Words are shown, not judged; a cumulative in another unit too.
    assert_eq!(period_rule_of_level("高于全国平均", "%", &c), None);
    assert_eq!(period_rule_of_level("〔5〕万吨", "%", &c), None);
    assert_eq!(Printed::new("55", None).clause(), None);
}

#[test]
fn the_rule_a_row_states() {
    let conventions = plain();
    let rule = |target: &str, period: Option<&str>, unit: &str, measure| {
        rule_from_text(
            &Printed::new(target, period),
            unit,
            Some(1.0),
            measure,
            &conventions,
        )
    };
    // The number and sign of a cell with a clause are the rule.
    assert!(matches!(
        rule(
            "—",
            Some("＞7、力争投入强度高于“十三五”时期实际"),
            "%",
            Measure::YearlyRate
        ),
        Ok(RowRule::Ready(Rule::Annual { average: true, .. }))
    ));
    // 〔1〕 on levels, on yearly changes in points and in percent.
    for (unit, measure, from) in [
        ("岁", Measure::Level, Accumulate::LevelChange),
        ("百分点", Measure::YearlyChange, Accumulate::Sum),
        ("%", Measure::YearlyChange, Accumulate::Compound),
    ] {
        assert_eq!(
            rule("—", Some("〔1〕"), unit, measure),
            Ok(RowRule::Ready(Rule::Cumulative {
                total: 1.0,
                from,
                strict: false
            })),
            "{unit}"
        );
    }
    // A bare number needs the plan to say how it reads.
    assert!(rule("55", None, "%", Measure::Level).is_err());
    // A negative cumulative total is refused, not compounded as a rise.
    for measure in [Measure::YearlyChange, Measure::Level] {
        let err = rule("—", Some("〔-13.5〕"), "%", measure).unwrap_err();
        assert!(err.zh.contains("负数"), "{}", err.zh);
    }
}

#[test]
fn an_approximate_year_requirement_keeps_the_side_the_words_or_the_name_give() {
    let each = |text: &str, name: &str| each_year(&read_target(text).unwrap(), 5.0, name);
    // 城镇调查失业率5.5%左右 (成都, 天津 government work reports): at most
    // about 5.5; 4.9 is no shortfall.
    assert_eq!(
        each("5.5%左右", "城镇调查失业率"),
        Some(YearRequirement::Threshold(Threshold {
            cmp: Comparator::LessOrEqual,
            value: 5.775
        }))
    );
    // 居民消费价格涨幅 控制在3%左右 (上海 2023): the words say at most.
    assert_eq!(
        each("控制在3%左右", "居民消费价格涨幅"),
        Some(YearRequirement::Threshold(Threshold {
            cmp: Comparator::LessOrEqual,
            value: 3.15
        }))
    );
    // GDP growth 5.5%左右: growth above it is no shortfall (evaluations
    // call it 超过预期目标), at least 5.225; a name with no side is a band.
    assert_eq!(
        each("5.5%左右", "国内生产总值增长"),
        Some(YearRequirement::Threshold(Threshold {
            cmp: Comparator::GreaterOrEqual,
            value: 5.225
        }))
    );
    assert_eq!(
        each("3%左右", "居民消费价格"),
        Some(YearRequirement::About {
            value: 3.0,
            tolerance_pct: 5.0
        })
    );
}

/// A growth rate's target in the only target column, with each year's rate
/// as the figures (宝山区纲要's 区级一般公共预算收入年均增长率 5; 力争5以上):
/// held against the compound average to date, as in the 年均 column — a
/// schedule from a baseline rate meant nothing, and with no baseline the row
/// was 无法判断.
#[test]
fn a_rate_in_the_target_column_of_yearly_rates_is_their_average() {
    let conventions = plain();
    let read = |target: &str, name: &str, measure| {
        rule_from_text(
            &Printed::new(target, None).named(name),
            "%",
            None,
            measure,
            &conventions,
        )
    };
    assert_eq!(
        read(
            "力争5以上",
            "社会消费品零售总额年均增速",
            Measure::YearlyRate
        ),
        Ok(RowRule::Ready(Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: Comparator::GreaterOrEqual,
                value: 5.0
            }),
            average: true
        }))
    );
    // The same cell on a level (a share in %) stays the level's target.
    assert_eq!(
        read("力争5以上", "某比重", Measure::Level),
        Ok(RowRule::Ready(Rule::Threshold(Threshold {
            cmp: Comparator::GreaterOrEqual,
            value: 5.0
        })))
    );
}

/// `8%以上` in the 年均 column of a level in 亿元 is the level's average
/// growth since the baseline, never the level held at 8 亿元 every year;
/// without the % the cell is read as before (a level every year: 粮食综合
/// 生产能力 ＞6.5 亿吨 in the national table's column).
#[test]
fn a_percent_in_the_period_column_of_a_level_is_its_average_growth() {
    let conventions = plain();
    let read = |period: &str, name: &str| {
        rule_from_text(
            &Printed::new("—", Some(period)).named(name),
            "亿元",
            Some(1200.0),
            Measure::Level,
            &conventions,
        )
    };
    let growth = |cmp, value| {
        Ok(RowRule::Ready(Rule::Annual {
            each: YearRequirement::Threshold(Threshold { cmp, value }),
            average: true,
        }))
    };
    assert_eq!(
        read("8%", "地区生产总值"),
        growth(Comparator::GreaterOrEqual, 8.0)
    );
    assert_eq!(
        read("5%以上", "一般公共预算收入"),
        growth(Comparator::GreaterOrEqual, 5.0)
    );
    // 左右 on the growth's side by its name: value added higher, energy use lower.
    assert_eq!(
        read("6%左右", "工业增加值"),
        growth(Comparator::GreaterOrEqual, 5.7)
    );
    assert_eq!(
        read("3%左右", "能源消费总量"),
        growth(Comparator::LessOrEqual, 3.15)
    );
    assert_eq!(
        read("＞6.5", "粮食综合生产能力"),
        Ok(RowRule::Ready(Rule::Annual {
            each: YearRequirement::Threshold(Threshold {
                cmp: Comparator::Greater,
                value: 6.5
            }),
            average: false,
        }))
    );
}

/// `1.2万` of 亿元 is 12000 亿元; `5万` of 万人 is 5 万人; a unit is none.
#[test]
fn a_magnitude_after_a_number_is_read_in_the_indicators_unit() {
    assert_eq!(magnitude("万", "亿元"), Some(1e4));
    assert_eq!(magnitude("万", "平方米"), Some(1e4));
    assert_eq!(magnitude("万", "万人"), Some(1.0));
    assert_eq!(magnitude("亿", "元"), Some(1e8));
    // Larger than the unit's own: 1.5亿 of 万人次 is 15000 万人次.
    assert_eq!(magnitude("亿", "万人次"), Some(1e4));
    assert_eq!(magnitude("亿", "万元"), Some(1e4));
    assert_eq!(magnitude("万", "亿元"), Some(1e4));
    assert_eq!(magnitude("万人", "人"), None);
    assert_eq!(magnitude("万", "%"), None);
    assert_eq!(magnitude("万", ""), None);
}
