use super::*;
use Comparator::*;

#[test]
fn reads_every_printed_form() {
    let cases = [
        ("＞97", Greater, 97.0),
        (">97", Greater, 97.0),
        ("≥95", GreaterOrEqual, 95.0),
        (">= 95", GreaterOrEqual, 95.0),
        ("≧95", GreaterOrEqual, 95.0),
        ("＜5.5", Less, 5.5),
        ("<5.5", Less, 5.5),
        ("≤5.5", LessOrEqual, 5.5),
        ("<=5.5", LessOrEqual, 5.5),
        ("≦５．５", LessOrEqual, 5.5),
        (" ＞ 19% ", Greater, 19.0),
    ];
    for (text, cmp, value) in cases {
        assert_eq!(parse_comparator(text), Ok((cmp, value)), "{text:?}");
    }
}

#[test]
fn bare_numbers_and_words_need_an_explicit_rule() {
    assert_eq!(parse_comparator("55"), Err(TargetError::NoComparator));
    assert_eq!(parse_comparator("提高1岁"), Err(TargetError::NoComparator));
    assert_eq!(parse_comparator("＞约97"), Err(TargetError::BadNumber));
    assert_eq!(parse_comparator("＞"), Err(TargetError::BadNumber));
}

fn reading(form: Form, value: f64, unit: Option<&str>) -> Reading {
    Reading::new(form, value, unit.map(str::to_owned))
}

/// A total printed with a strict sign.
fn strictly(mut reading: Reading) -> Reading {
    reading.strict = true;
    reading
}

#[test]
fn reads_targets_in_words_as_plans_print_them() {
    let cases = [
        (
            "90%以上",
            reading(Form::Compare(GreaterOrEqual), 90.0, Some("%")),
        ),
        ("92以上", reading(Form::Compare(GreaterOrEqual), 92.0, None)),
        (
            "不低于95%",
            reading(Form::Compare(GreaterOrEqual), 95.0, Some("%")),
        ),
        ("低于5.5%", reading(Form::Compare(Less), 5.5, Some("%"))),
        (
            "控制在5.5%以内",
            reading(Form::Compare(LessOrEqual), 5.5, Some("%")),
        ),
        (
            "提高到11.7年",
            reading(Form::Compare(GreaterOrEqual), 11.7, Some("年")),
        ),
        (
            "降至27微克/立方米以下",
            reading(Form::Compare(LessOrEqual), 27.0, Some("微克/立方米")),
        ),
        (
            "达到85%",
            reading(Form::Compare(GreaterOrEqual), 85.0, Some("%")),
        ),
        ("超过60%", reading(Form::Compare(Greater), 60.0, Some("%"))),
        ("1.45左右", reading(Form::About, 1.45, None)),
        ("约1.45", reading(Form::About, 1.45, None)),
        ("5%左右", reading(Form::About, 5.0, Some("%"))),
        ("〔13.5〕", reading(Form::Cumulative, 13.5, None)),
        ("〔6〕", reading(Form::Cumulative, 6.0, None)),
        ("[>5000]", strictly(reading(Form::Cumulative, 5000.0, None))),
        (
            "〔＞5000〕",
            strictly(reading(Form::Cumulative, 5000.0, None)),
        ),
        ("[≥5000]", reading(Form::Cumulative, 5000.0, None)),
        (
            "[<3256]",
            strictly(reading(Form::CumulativeCap, 3256.0, None)),
        ),
        ("[ ≤ 3256 ]", reading(Form::CumulativeCap, 3256.0, None)),
        // 上海市城市更新和住房“十五五”规划: 实施老旧小区改造面积 〔3000—4000〕.
        (
            "〔3000—4000〕",
            Reading {
                low: Some(3000.0),
                ..reading(Form::CumulativeRange, 4000.0, None)
            },
        ),
        (
            "〔25-27〕万套",
            Reading {
                low: Some(25.0),
                ..reading(Form::CumulativeRange, 27.0, Some("万套"))
            },
        ),
        (
            "提高1岁",
            reading(Form::Change { up: true }, 1.0, Some("岁")),
        ),
        (
            "提高2个百分点",
            reading(Form::Change { up: true }, 2.0, Some("个百分点")),
        ),
        (
            "下降13.5%",
            reading(Form::Change { up: false }, 13.5, Some("%")),
        ),
        ("55", reading(Form::Bare, 55.0, None)),
        ("＞97", reading(Form::Compare(Greater), 97.0, None)),
        (
            "≥ 95%",
            reading(Form::Compare(GreaterOrEqual), 95.0, Some("%")),
        ),
        (
            "≥11.7年",
            reading(Form::Compare(GreaterOrEqual), 11.7, Some("年")),
        ),
        (
            "９０％以上",
            reading(Form::Compare(GreaterOrEqual), 90.0, Some("％")),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(read_target(text), Ok(want), "{text}");
    }
}

#[test]
fn a_clause_after_the_number_is_kept_and_the_number_read() {
    // The national 14th plan's 年均/累计 cell of 全社会研发经费投入增长.
    let r = read_target("＞7、力争投入强度高于“十三五”时期实际").unwrap();
    assert_eq!(
        (r.form, r.value, r.unit),
        (Form::Compare(Greater), 7.0, None)
    );
    assert_eq!(
        r.clause.as_deref(),
        Some("力争投入强度高于“十三五”时期实际")
    );
    // 十一五 纲要: 新型农村合作医疗覆盖率 23.5 → >80, >[56.5].
    let outside = read_target(">[56.5]").unwrap();
    let inside = read_target("[>56.5]").unwrap();
    assert_eq!(outside, inside);
    assert_eq!(
        (outside.form, outside.value, outside.strict),
        (Form::Cumulative, 56.5, true)
    );
    assert_eq!(read_target("＜〔3256〕").unwrap().form, Form::CumulativeCap);
    // 《民用爆炸物品行业发展规划（2016-2020年）》表1: 6人（含）以下.
    for text in [
        "6人（含）以下",
        "6人(含)以下",
        "6（含）以下",
        "6人（含本数）以下",
        "6 人（含） 以下",
        "6人（含)以下",
        "不超过6人（含）",
    ] {
        let r = read_target(text).unwrap();
        assert_eq!(
            (r.form, r.value),
            (Form::Compare(LessOrEqual), 6.0),
            "{text}"
        );
    }
    for text in ["6（含）人以下", "6 人 （含） 以 下", "6人(含本数)以下"] {
        let r = read_target(text).unwrap();
        assert_eq!(
            (r.form, r.value, r.unit.as_deref()),
            (Form::Compare(LessOrEqual), 6.0, Some("人")),
            "{text}"
        );
    }
    // （不含）: the number itself is excluded.
    for (text, cmp) in [
        ("6人（不含）以下", Less),
        ("6（不含）人以下", Less),
        ("6人(不含本数)以下", Less),
        ("10人（不含）以上", Greater),
    ] {
        let r = read_target(text).unwrap();
        assert_eq!(
            (r.form, r.value),
            (
                Form::Compare(cmp),
                text.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .unwrap()
            ),
            "{text}"
        );
    }
    let r = read_target("10人（含）以上").unwrap();
    assert_eq!(r.form, Form::Compare(GreaterOrEqual));
    let r = read_target("90%以上，力争达到95%").unwrap();
    assert_eq!((r.form, r.value), (Form::Compare(GreaterOrEqual), 90.0));
    assert_eq!(r.clause.as_deref(), Some("力争达到95%"));
    // Spaces inside the words, and a unit after the brackets.
    let r = read_target("5 以 上").unwrap();
    assert_eq!((r.form, r.value), (Form::Compare(GreaterOrEqual), 5.0));
    let r = read_target(">〔56.5〕%").unwrap();
    assert_eq!(
        (r.form, r.value, r.strict, r.unit.as_deref()),
        (Form::Cumulative, 56.5, true, Some("%"))
    );
    let r = read_target("≤[3256]万亩").unwrap();
    assert_eq!(
        (r.form, r.value, r.strict, r.unit.as_deref()),
        (Form::CumulativeCap, 3256.0, false, Some("万亩"))
    );
    let r = read_target("〔13.5〕%").unwrap();
    assert_eq!((r.form, r.unit.as_deref()), (Form::Cumulative, Some("%")));
    // 《普陀区国土空间近期规划（2026-2030年）》: 满足消防响应时间（分钟）
    // “5分钟覆盖区超80%” is a sentence, not 5 in a unit: more than 80 %,
    // which the loader refuses on an indicator in 分钟 (its unit).
    let r = read_target("5分钟覆盖区超80%").unwrap();
    assert_eq!(
        (r.form, r.value, r.unit.as_deref()),
        (Form::Compare(Greater), 80.0, Some("%"))
    );
    assert_eq!(
        read_target("≤3万m3").map(|r| r.unit),
        Ok(Some("万m3".to_owned()))
    );
    // A number after the brackets is no unit.
    assert!(read_target("〔13.5〕5").is_err());
    // A comma inside a number is no clause.
    let r = read_target("＜139,000").unwrap();
    assert_eq!((r.value, r.clause), (139_000.0, None));
    // A clause does not make words readable.
    assert!(read_target("保持在合理区间、各年度视情提出").is_err());
}

#[test]
fn what_no_grammar_can_read_is_said_so() {
    for text in ["保持在合理区间、各年度视情提出", "稳步提高", "与同步"] {
        assert!(read_target(text).is_err(), "{text}");
    }
    assert_eq!(read_target("＞约97"), Err(TargetError::BadNumber));
    assert_eq!(read_target("不低于约95"), Err(TargetError::BadNumber));
    // Words that contradict each other.
    assert_eq!(read_target("不低于95以下"), Err(TargetError::NoComparator));
}

#[test]
fn reads_ranges_as_annual_plans_print_them() {
    for (text, low, high, unit) in [
        ("4.5%-5%", 4.5, 5.0, Some("%")),
        ("4.5%—5%", 4.5, 5.0, Some("%")),
        ("4.5～5%", 4.5, 5.0, Some("%")),
        ("4.5-5", 4.5, 5.0, None),
        ("-1-2", -1.0, 2.0, None),
        ("4.5%至5%", 4.5, 5.0, Some("%")),
    ] {
        let r = read_target(text).unwrap();
        assert_eq!(
            (r.form, r.low, r.value, r.unit.as_deref()),
            (Form::Between, Some(low), high, unit),
            "{text}"
        );
    }
    // Different units at the two ends is no range.
    assert_ne!(read_target("4.5%-5年").map(|r| r.form), Ok(Form::Between));
}

#[test]
fn reads_targets_relative_to_another_indicator() {
    let higher = read_target("高于GDP增长").unwrap();
    assert_eq!(higher.form, Form::Relative(Some(Greater)));
    assert_eq!(higher.other.as_deref(), Some("GDP增长"));
    // 长宁区“十五五”: 高于全区税收年均增速3个百分点以上 — at least 3 above.
    let margin = read_target("高于全区税收年均增速3个百分点以上").unwrap();
    assert_eq!(
        (margin.form, margin.other.as_deref(), margin.margin),
        (
            Form::Relative(Some(GreaterOrEqual)),
            Some("全区税收年均增速"),
            3.0
        )
    );
    let margin = read_target("高于GDP增长1个百分点").unwrap();
    assert_eq!(
        (margin.form, margin.other.as_deref(), margin.margin),
        (Form::Relative(Some(GreaterOrEqual)), Some("GDP增长"), 1.0)
    );
    let margin = read_target("低于全国平均水平0.5个百分点").unwrap();
    assert_eq!(
        (margin.form, margin.margin),
        (Form::Relative(Some(LessOrEqual)), -0.5)
    );
    assert_eq!(read_target("高于GDP增长").unwrap().margin, 0.0);
    // In Chinese numerals, as reports print them.
    for (text, margin) in [
        ("高于GDP增长一个百分点", 1.0),
        ("高于GDP增长两个百分点以上", 2.0),
        ("高于GDP增长半个百分点", 0.5),
        ("高于全市平均十五个百分点", 15.0),
    ] {
        let r = read_target(text).unwrap();
        assert_eq!(r.margin, margin, "{text}");
        assert!(
            !r.other.unwrap().ends_with(['一', '两', '半', '十', '五']),
            "{text}"
        );
    }
    // 百分点 with no number, or a signed one: not read.
    for text in ["高于百分点", "高于GDP增长个百分点", "高于GDP增长-1个百分点"]
    {
        assert!(read_target(text).is_err(), "{text}");
    }
    // A number with its percent is no indicator (民爆“十三五”: 较“十二五”下降30%以上).
    for text in ["较“十二五”下降30%以上", "年均递增9%以上"] {
        assert_eq!(read_target(text), Err(TargetError::NoComparator), "{text}");
    }
    let not_lower = read_target("不低于地区生产总值增速").unwrap();
    assert_eq!(not_lower.form, Form::Relative(Some(GreaterOrEqual)));
    for text in ["与GDP增长同步", "和GDP增长基本同步", "同 GDP增长 同步"] {
        let r = read_target(text).unwrap();
        assert_eq!(r.form, Form::Relative(None), "{text}");
        assert_eq!(r.other.as_deref(), Some("GDP增长"), "{text}");
    }
}

#[test]
fn strict_and_inclusive_differ_only_at_the_bound() {
    assert!(!Greater.holds(97.0, 97.0));
    assert!(GreaterOrEqual.holds(97.0, 97.0));
    assert!(Greater.holds(97.01, 97.0));
    assert!(!Less.holds(5.5, 5.5));
    assert!(LessOrEqual.holds(5.5, 5.5));
    assert_eq!(Greater.inclusive(), GreaterOrEqual);
    assert_eq!(Less.inclusive(), LessOrEqual);
}

/// Forms real tables and government work reports print (a helper's survey of
/// ~120 forms): words that say nothing of the direction, a full stop, a note
/// in brackets, 左右 with a side, two bounds, 【】, 突破, 不满.
#[test]
fn reads_the_wordings_of_real_tables_and_reports() {
    let cases = [
        ("保持在95%以上", Form::Compare(GreaterOrEqual), 95.0),
        ("稳定在1.4左右", Form::About, 1.4),
        ("力争降至15微克/立方米", Form::Compare(LessOrEqual), 15.0),
        ("95%以上。", Form::Compare(GreaterOrEqual), 95.0),
        ("突破30%", Form::Compare(Greater), 30.0),
        ("超3000亿元", Form::Compare(Greater), 3000.0),
        ("力争完成2000亿元左右", Form::About, 2000.0),
        ("不满5", Form::Compare(Less), 5.0),
        ("【15】", Form::Cumulative, 15.0),
        ("≥98％（除危废外）", Form::Compare(GreaterOrEqual), 98.0),
        ("9%以上（力争10%）", Form::Compare(GreaterOrEqual), 9.0),
        ("3.9左右（预测）", Form::About, 3.9),
    ];
    for (text, form, value) in cases {
        let r = read_target(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!((r.form, r.value), (form, value), "{text}");
    }
    assert_eq!(
        read_target("9%以上（力争10%）").unwrap().clause.as_deref(),
        Some("力争10%")
    );
    // 控制在3%左右 (居民消费价格涨幅, 上海 2023): at most about 3.
    let cpi = read_target("控制在3%左右").unwrap();
    assert_eq!(
        (cpi.form, cpi.value, cpi.toward),
        (Form::About, 3.0, Some(LessOrEqual))
    );
    assert_eq!(read_target("3%左右").unwrap().toward, None);
    let r = read_target("≥60且≤70").unwrap();
    assert_eq!((r.form, r.low, r.value), (Form::Between, Some(60.0), 70.0));
    assert!(read_target("≥70且≤60").is_err());
    for text in ["与全市经济增速保持同步", "与GDP增长基本保持同步"] {
        let r = read_target(text).unwrap();
        assert_eq!(r.form, Form::Relative(None), "{text}");
        assert!(!r.other.unwrap().contains("保持"), "{text}");
    }
    // A note in brackets does not make words readable, nor hide a relative
    // target's gloss.
    assert!(read_target("稳步提高（力争更高）").is_err());
    // The name said again before the requirement (虹口区“十五五”纲要, 优良水体比例).
    let r = read_target("达到或好于Ⅲ类水体比例不低于75").unwrap();
    assert_eq!((r.form, r.value), (Form::Compare(GreaterOrEqual), 75.0));
    assert_eq!(r.clause.as_deref(), Some("达到或好于Ⅲ类水体比例"));
    assert!(read_target("较“十二五”下降30%以上").is_err());
    // A note in brackets after a comparison and its unit (崇明区水务).
    let r = read_target("≥98％（除危废外）").unwrap();
    assert_eq!(
        (r.form, r.value, r.unit.as_deref(), r.clause.as_deref()),
        (
            Form::Compare(GreaterOrEqual),
            98.0,
            Some("％"),
            Some("除危废外")
        )
    );
    // Two targets for two areas in one cell (上海市防震减灾“十四五”规划's
    // 地震监测能力): not the last one's (it was ≥ 1.5).
    assert!(read_target("上海行政区达到0.8级，邻近地区（行政区域外50公里）达到1.5级").is_err());
    assert!(read_target("城市100%，农村不低于70%").is_err());
    // Apart by a line break, a space, `/`, or nothing (a reviewer's).
    for two in [
        "上海行政区达到0.8级\n邻近地区（行政区域外50公里）达到1.5级",
        "上海行政区达到0.8级邻近地区（行政区域外50公里）达到1.5级",
        "城市100% 农村不低于70%",
        "城市不低于95%/农村不低于85%",
    ] {
        assert!(read_target(two).is_err(), "{two}");
    }
    // A year before the requirement is no other number.
    let r = read_target("到2025年，全区不低于75").unwrap();
    assert_eq!((r.form, r.value), (Form::Compare(GreaterOrEqual), 75.0));
    let gdp = read_target("高于国内生产总值（GDP）增长").unwrap();
    assert_eq!(gdp.other.as_deref(), Some("国内生产总值（GDP）增长"));
}

/// Totals and yearly amounts in words (普陀区、宝山区、浦东新区“十五五”纲要):
/// 【累计15】, 累计完成3250 and 累计2000 are totals over the period, as
/// 〔15〕 is; 每年6900 is at least that much in every year.
#[test]
fn totals_and_every_year_in_words_read_as_the_marks_do() {
    for (text, total, unit) in [
        ("【累计15】", 15.0, None),
        ("累计完成3250", 3250.0, None),
        ("累计完成 3250亿元", 3250.0, Some("亿元")),
        ("累计2000", 2000.0, None),
        ("五年累计新增30", 30.0, None),
    ] {
        assert_eq!(
            read_target(text).unwrap(),
            reading(Form::Cumulative, total, unit),
            "{text}"
        );
    }
    let every = read_target("每年6900").unwrap();
    assert_eq!(every.form, Form::Compare(GreaterOrEqual));
    assert_eq!(every.value, 6900.0);
    assert!(every.every_year);
    assert!(!read_target("≥6900").unwrap().every_year);
    // 累计 before words is no total: 累计新增就业 names an indicator.
    assert!(
        read_target("累计新增就业").is_err()
            || read_target("累计新增就业").unwrap().form != Form::Cumulative
    );
}
