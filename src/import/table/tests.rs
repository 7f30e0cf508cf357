//! The table reader's tests: headers, rows of every shape, the opening.

use super::rows::*;
use super::*;

fn t(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn header_of(row: &[String]) -> (Vec<Col>, i32, i32) {
    header(row).expect("a header")
}

#[test]
fn headers_say_where_the_years_are() {
    let (cols, b, tg) = header(&t(&["分类", "指标", "2020年", "2025年", "属性"])).unwrap();
    assert_eq!((b, tg), (2020, 2025));
    assert_eq!(
        cols,
        [
            Col::Category,
            Col::Indicator,
            Col::Baseline,
            Col::Target,
            Col::Attribute
        ]
    );
    let (cols, ..) = header(&t(&[
        "#",
        "类别",
        "指标",
        "2025年",
        "2030年",
        "年均/累计",
        "属性",
    ]))
    .unwrap();
    assert_eq!(cols[5], Col::Period);
    assert!(header(&t(&["地区", "2020年", "2025年"])).is_none());
}

/// A name column that does not say 指标 (松江区节能降碳: 具体目标内容; 项目名称),
/// and a category column headed 板块.
#[test]
fn a_name_column_is_found_by_what_it_holds() {
    let (cols, ..) = header(&t(&["目标类别", "具体目标内容", "目标值（%）", "指标属性"])).unwrap();
    assert_eq!(
        cols,
        [Col::Category, Col::Indicator, Col::Target, Col::Attribute]
    );
    let (cols, ..) = header(&t(&["板块", "项目名称", "2025年", "2030年", "属性"])).unwrap();
    assert_eq!(cols[0], Col::Category);
    assert_eq!(cols[1], Col::Indicator);
}

#[test]
fn units_are_split_from_names_but_not_a_gloss() {
    assert_eq!(
        split_unit("在园幼儿数（万人）"),
        ("在园幼儿数".into(), Some("万人".into()))
    );
    assert_eq!(
        split_unit("国内生产总值（GDP）增长（%）"),
        ("国内生产总值（GDP）增长".into(), Some("%".into()))
    );
    assert_eq!(split_unit("普通初中"), ("普通初中".into(), None));
    // Brackets that say what a name covers are part of the name (湖北省文物
    // 事业发展“十四五”规划), beside ones that are units.
    for name in [
        "博物馆年度举办陈列展览数量（含临展）",
        "出台地方性专项法规、省级文物事业管理规章（标准、导则等）",
        "污水厂污泥资源化利用率（除危废外）",
        "城镇调查失业率（2019年）",
    ] {
        assert_eq!(split_unit(name), (name.into(), None), "{name}");
    }
    for (name, unit) in [
        ("社会教育活动数量（场次）", "场次"),
        ("博物馆年接待观众数量（万人次）", "万人次"),
        ("县级博物馆覆盖率（%）", "%"),
    ] {
        assert_eq!(split_unit(name).1.as_deref(), Some(unit), "{name}");
    }
}

#[test]
fn a_left_column_under_one_indicator_header_is_a_category_or_a_first_level() {
    let cols = [Col::Group, Col::Indicator, Col::Target, Col::Attribute];
    // 《湖北省文物事业发展“十四五”规划》: 保护利用 merged down beside its
    // indicators, no row one-level.
    let hubei = [
        t(&["保护利用", "湖北省文物保护单位增加数量", "≥50", "约束性"]),
        t(&["保护利用", "编制规划数量", "≥20", "约束性"]),
        t(&["人才培养", "省级层面培训人员（人次）", "≥1000", "约束性"]),
    ];
    assert!(group_is_category(&hubei, &cols));
    let (rows, _) = read_rows(&hubei, &cols, &[]);
    assert_eq!(rows[0].category, "保护利用");
    assert_eq!(rows[0].group, None);
    assert_eq!(rows[2].category, "人才培养");
    // The national outlines: one-level rows fill both cells with the name.
    let national = [
        t(&["城镇化率", "城镇化率", "60", "预期性"]),
        t(&["（3）城镇化率", "常住人口城镇化率（%）", "60", "预期性"]),
        t(&["（3）城镇化率", "户籍人口城镇化率（%）", "45", "预期性"]),
    ];
    assert!(!group_is_category(&national, &cols));
    // A first level with a unit is a name's, whatever the rows.
    let with_unit = [
        t(&["每千人口医护人员数（人）", "执业医师", "3.2", "预期性"]),
        t(&["每千人口医护人员数（人）", "注册护士", "3.8", "预期性"]),
    ];
    assert!(!group_is_category(&with_unit, &cols));
    // Nothing merged down: no sign of a category.
    let single = [
        t(&["甲", "乙", "1", "预期性"]),
        t(&["丙", "丁", "2", "预期性"]),
    ];
    assert!(!group_is_category(&single, &cols));
}

#[test]
fn parts_headings_and_categories() {
    let cols = [
        Col::Category,
        Col::Indicator,
        Col::Baseline,
        Col::Target,
        Col::Attribute,
    ];
    let rows = vec![
        t(&["义务教育", "在校学生数（万人）", "12.8", "11.1", "预期性"]),
        t(&["", "其中：普通小学", "7.7", "7.1", "预期性"]),
        t(&["", "普通初中", "5.1", "4.1", "预期性"]),
        t(&["", "九年义务教育巩固率（%）", "100", "＞96", "约束性"]),
        t(&["民生福祉", "每千人口拥有医护人员数（人）", "", "", ""]),
        t(&["", "执业医师数", "3.1", "3.7", "预期性"]),
    ];
    let (out, _) = read_rows(&rows, &cols, &[]);
    assert_eq!(out.len(), 5);
    assert_eq!((out[1].part_of, out[1].unit.as_str()), (Some(0), "万人"));
    assert_eq!(out[2].part_of, Some(0));
    assert!(out[2].part_because.is_some());
    assert_eq!(out[3].part_of, None);
    assert_eq!(out[4].group.as_deref(), Some("每千人口拥有医护人员数"));
    assert_eq!(
        (out[4].name.as_str(), out[4].unit.as_str()),
        ("执业医师数", "人")
    );
    assert_eq!(out[4].category, "民生福祉");
}

#[test]
fn ocr_brackets_in_the_period_column_are_cumulative() {
    assert_eq!(ocr_cumulative("[2.75)"), "〔2.75〕");
    assert_eq!(ocr_cumulative("(9)"), "〔9〕");
    assert_eq!(ocr_cumulative("（>5000）"), "〔>5000〕");
    // As printed, where they are already brackets of a kind, or words.
    assert_eq!(ocr_cumulative("[3.9]"), "[3.9]");
    assert_eq!(ocr_cumulative("〔17〕"), "〔17〕");
    assert_eq!(ocr_cumulative("（含改扩建）"), "（含改扩建）");
    assert_eq!(ocr_cumulative("＞7"), "＞7");
}

#[test]
fn ordinals_are_no_part_of_a_name() {
    for (printed, name) in [
        (
            "（1）国内生产总值（GDP）（万亿元）",
            "国内生产总值（GDP）（万亿元）",
        ),
        ("(12) 农村贫困人口脱贫", "农村贫困人口脱贫"),
        ("（一）经济发展", "经济发展"),
        ("一、经济发展", "经济发展"),
        ("3. 森林覆盖率", "森林覆盖率"),
        ("3、森林覆盖率", "森林覆盖率"),
        ("①化学需氧量", "化学需氧量"),
        // A number that is the name's own stays.
        ("5G用户普及率", "5G用户普及率"),
        ("1.5级以上", "1.5级以上"),
        ("（PM2.5）浓度", "（PM2.5）浓度"),
    ] {
        assert_eq!(strip_ordinal(printed), name, "{printed}");
    }
}

/// The national 13th outline's table: 指标 over two columns, category
/// rows across the table, two-level names, several indicators in one
/// row, the notes in its last row.
#[test]
fn a_two_level_table_with_category_rows_and_notes_inside() {
    let header = t(&["指标", "指标", "2015年", "2020年", "年均增速[累计]", "属性"]);
    let (cols, _, _) = header_of(&header);
    assert_eq!(cols[0], Col::Group);
    let rows = vec![
        t(&["➢ 经济发展"; 6]),
        t(&[
            "（1）国内生产总值（GDP）（万亿元）",
            "（1）国内生产总值（GDP）（万亿元）",
            "67.7",
            ">92.7",
            ">6.5%",
            "预期性",
        ]),
        t(&[
            "（3）城镇化率",
            "常住人口城镇化率（%）",
            "56.1",
            "60",
            "[3.9]",
            "预期性",
        ]),
        t(&[
            "（25）主要污染物排放总量减少（%）",
            "化学需氧量\n氨氮",
            "-",
            "-",
            "[10]\n[15]",
            "约束性",
        ]),
        t(&["注：①甲。②乙。"; 6]),
    ];
    let (out, notes) = read_rows(&rows, &cols, &[]);
    let names: Vec<(&str, Option<&str>, &str, &str)> = out
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.group.as_deref(),
                r.unit.as_str(),
                r.period.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("国内生产总值（GDP）", None, "万亿元", ">6.5%"),
            ("常住人口城镇化率", Some("城镇化率"), "%", "[3.9]"),
            ("化学需氧量", Some("主要污染物排放总量减少"), "%", "[10]"),
            ("氨氮", Some("主要污染物排放总量减少"), "%", "[15]"),
        ]
    );
    assert!(out.iter().all(|r| r.category == "经济发展"));
    assert_eq!(notes, ["①甲。", "②乙。"]);
}

#[test]
fn a_name_wrapped_over_lines_beside_one_figure_stays_one_row() {
    let cols = [Col::Indicator, Col::Baseline, Col::Target];
    let rows = [t(&["财政性教育\n经费占比（%）", "17.99", "＞19"])];
    assert_eq!(several_in_one(&rows[0], &cols).len(), 1);
    // Two lines of figures that are no targets (1.45左 / 右): one row.
    let rows = [t(&["粮食综合\n生产能力", "1.39", "1.45左\n右"])];
    assert_eq!(several_in_one(&rows[0], &cols).len(), 1);
}

#[test]
fn a_cover_without_the_notice_names_the_plan() {
    let doc = |lines: &[&str]| Document {
        file: "x".into(),
        blocks: lines.iter().map(|t| Block::Text(t.to_string())).collect(),
    };
    // 《湖北省文物事业发展“十四五”规划》's cover: the title over two lines.
    let m = meta(&doc(&[
        "湖北省文物事业发展",
        "“十四五”规划",
        "湖北省文化和旅游厅",
        "湖北省文物局",
        "2021年10月",
    ]));
    assert_eq!(m.title.as_deref(), Some("湖北省文物事业发展“十四五”规划"));
    let m = meta(&doc(&["某区卫生健康事业发展规划（2021—2025年）", "目录"]));
    assert_eq!(
        m.title.as_deref(),
        Some("某区卫生健康事业发展规划（2021—2025年）")
    );
    // A heading or a sentence is no title.
    let m = meta(&doc(&["一、编制规划", "为贯彻落实……，制定本规划。"]));
    assert_eq!(m.title, None);
    // A law cited before the notice, a rule cited in the text: not the plan.
    let m = meta(&doc(&[
        "依《中华人民共和国著作权法》第五条第一项，……不适用著作权法。",
        "黄浦区人民政府办公室关于印发黄浦区历史风貌保护和利用“十四五”规划的通知",
    ]));
    assert_eq!(
        m.title.as_deref(),
        Some("黄浦区历史风貌保护和利用“十四五”规划")
    );
    let m = meta(&doc(&["贯彻《湖北省文物安全管理办法》，……"]));
    assert_eq!(m.title, None);
    // A page's metadata: labels are no part of the title or the issuer, and
    // 市容 is no region (上海市生态空间建设和市容环境优化“十五五”规划).
    let m = meta(&doc(&[
        "标题: 上海市青浦区国民经济和社会发展第十五个五年规划纲要",
        "发布单位: 上海市绿化和市容管理局",
    ]));
    assert_eq!(
        m.title.as_deref(),
        Some("上海市青浦区国民经济和社会发展第十五个五年规划纲要")
    );
    assert_eq!(m.issuer.as_deref(), Some("上海市绿化和市容管理局"));
    assert_eq!(m.region.as_deref(), Some("上海市"));
    let m = meta(&doc(&["发布单位：上海市松江区绿化和市容管理局"]));
    assert_eq!(m.region.as_deref(), Some("松江区"));
    let m = meta(&doc(&["上海市民政局"]));
    assert_eq!(m.region.as_deref(), Some("上海市"));
    // A reviewer's traps: the line above a whole title is not joined to it
    // (附件, a site's name), a breadcrumb is no title, and a plan the text
    // cites does not replace the notice's own title.
    let m = meta(&doc(&["附件", "江津区卫生健康事业发展规划"]));
    assert_eq!(m.title.as_deref(), Some("江津区卫生健康事业发展规划"));
    assert!(m.title_from_cover);
    let m = meta(&doc(&["重庆市江津区人民政府", "“十五五”教育事业发展规划"]));
    assert_eq!(m.title.as_deref(), Some("“十五五”教育事业发展规划"));
    let m = meta(&doc(&["首页 > 政策文件 > 教育发展规划"]));
    assert_eq!(m.title, None);
    let m = meta(&doc(&[
        "关于印发江津区教育事业发展“十五五”规划的通知",
        "根据《重庆市教育事业发展“十五五”规划》，结合实际，制定本规划。",
    ]));
    assert_eq!(m.title.as_deref(), Some("江津区教育事业发展“十五五”规划"));
    assert!(!m.title_from_cover);
    // No notice: the cover's own title, not a plan its preamble cites.
    let m = meta(&doc(&[
        "江津区教育事业发展“十五五”规划",
        "为贯彻落实《重庆市教育事业发展“十五五”规划》，制定本规划。",
    ]));
    assert_eq!(m.title.as_deref(), Some("江津区教育事业发展“十五五”规划"));
    assert!(m.title_from_cover);
}

#[test]
fn the_opening_names_the_plan_its_issuer_and_date() {
    let doc = Document {
        file: "x".into(),
        blocks: [
            " 重庆市江津区人民政府",
            "关于印发江津区教育事业发展",
            "“十四五”规划（2021－2025年）的通知",
            "现将《江津区教育事业发展“十四五”规划（2021－2025年）》印发给你们。",
            "2022年3月30日　　",
        ]
        .iter()
        .map(|t| Block::Text(t.to_string()))
        .collect(),
    };
    let m = meta(&doc);
    assert_eq!(
        m.title.as_deref(),
        Some("江津区教育事业发展“十四五”规划（2021－2025年）")
    );
    assert_eq!(m.issuer.as_deref(), Some("重庆市江津区人民政府"));
    assert_eq!(m.issued.as_deref(), Some("2022-03-30"));
    assert_eq!(m.region.as_deref(), Some("江津区"));
    assert_eq!(
        m.notice.as_deref(),
        Some("关于印发江津区教育事业发展“十四五”规划（2021－2025年）的通知")
    );
}

#[test]
fn a_unit_wholly_in_brackets_loses_them_and_one_with_its_own_keeps_them() {
    use super::roles::unbracketed;
    assert_eq!(unbracketed("（万人）"), "万人");
    assert_eq!(unbracketed("(%)"), "%");
    assert_eq!(unbracketed("条（段）"), "条（段）");
    assert_eq!(unbracketed("块（条）"), "块（条）");
    assert_eq!(unbracketed("（个）（处）"), "（个）（处）");
}

#[test]
fn a_unit_with_a_bracket_of_its_own_is_split_whole_from_the_name() {
    assert_eq!(
        split_unit("新建改建道路（条（段））"),
        ("新建改建道路".to_owned(), Some("条（段）".to_owned()))
    );
    assert_eq!(
        split_unit("在园幼儿数（万人）"),
        ("在园幼儿数".to_owned(), Some("万人".to_owned()))
    );
}
