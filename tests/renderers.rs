//! Every text format on evaluations built in the test, in-process (no binary,
//! no files): the year, the period and the regions views, each in every text
//! format, held as snapshots (`tests/snapshots/renderers__*.snap`). The
//! figures are written here, illustrative (示例数据，非官方统计), chosen so
//! that most kinds of row are drawn: met, on track, lagging, failed (off a
//! projection), a failing binding indicator, a figure converted from another
//! unit, a row without a figure, an indicator with no row (the statuses
//! 无法判断 and 不考核 need other plans: `tests/national_14th.rs`,
//! `tests/two_requirements.rs`). `tests/golden.rs` holds the binary's output on
//! the shipped files.

mod common;

use plan_check::assess::evaluation::Evaluation;
use plan_check::lang::Lang;
use plan_check::plan::{PlanSet, load_plan};
use plan_check::render::{Format, Style, to_string};
use plan_check::stats::{Converted, Key, Observation, Observations, Origin};

/// The shipped plan, by the path relative to the project (integration tests
/// run there), so that the snapshots do not depend on where the project is.
fn plans() -> PlanSet {
    let path = std::path::Path::new("plan/jiangjin-education-14th-fyp.toml");
    PlanSet::new(vec![load_plan(path).expect("plan")]).expect("plan set")
}

/// A figure written in the test: region, year, indicator id, the figure
/// (`None`: the row is there, its cell empty), and the figure as submitted
/// in another unit, if it was.
type Figure = (
    &'static str,
    i32,
    &'static str,
    Option<f64>,
    Option<(f64, &'static str)>,
);

const SOURCE: &str = "示例数据，非官方统计（测试中写成）";

/// The observations of `figures`, read from a file named `file` whose line
/// `2 + i` holds figure `i`.
fn observations(plans: &PlanSet, file: &str, figures: &[Figure]) -> Observations {
    let plan = &plans.plans[0];
    let mut table = Observations::default();
    let file = table.begin_file(file);
    let source = table.sources.intern(SOURCE);
    for (i, &(region, year, id, value, converted)) in figures.iter().enumerate() {
        let indicator = plan
            .indicators
            .iter()
            .position(|ind| ind.id == id)
            .unwrap_or_else(|| panic!("{id} is not in the plan"));
        let converted_from = converted.map(|(value, unit)| Converted {
            value,
            unit: table.units.intern(unit),
        });
        let key = Key {
            region: table.regions.intern(region),
            year,
            indicator: u16::try_from(indicator).expect("few indicators"),
        };
        let observation = Observation {
            value,
            origin: Origin {
                file,
                line: 2 + i as u64,
            },
            source: Some(source),
            converted_from,
        };
        table.push(key, observation).expect("a year in range");
    }
    table
        .finish(|_, _| String::new(), "")
        .expect("no duplicates");
    table
}

/// One region's figures of one year. 在园幼儿数 came in 人 and was
/// converted; 九年义务教育巩固率 (binding) fails; 公办幼儿园在园幼儿占比 and
/// 高中阶段教育毛入学率 lag; 普通初中 is off its projection's band (未达标);
/// 高等教育在学总规模 has a row without a figure; 财政性教育经费占… has no row
/// at all.
fn year_figures(region: &'static str, year: i32) -> Vec<Figure> {
    vec![
        (
            region,
            year,
            "preschool_enrolment",
            Some(3.86),
            Some((38_600.0, "人")),
        ),
        (
            region,
            year,
            "preschool_gross_enrolment_rate",
            Some(98.4),
            None,
        ),
        (region, year, "public_kindergarten_share", Some(53.0), None),
        (region, year, "compulsory_students", Some(12.1), None),
        (region, year, "primary_students", Some(7.2), None),
        (region, year, "junior_secondary_students", Some(4.9), None),
        (region, year, "compulsory_retention_rate", Some(95.2), None),
        (region, year, "upper_secondary_students", Some(4.8), None),
        (
            region,
            year,
            "general_high_school_students",
            Some(2.4),
            None,
        ),
        (
            region,
            year,
            "secondary_vocational_students",
            Some(2.4),
            None,
        ),
        (
            region,
            year,
            "upper_secondary_gross_enrolment_rate",
            Some(97.6),
            None,
        ),
        (region, year, "higher_education_enrolment", None, None),
    ]
}

/// Three years of one region: the year above as the last, two earlier
/// years on the way to it, one of them without 毛入园率.
fn period_figures() -> Vec<Figure> {
    let r = "江津区";
    let mut figures = vec![
        (r, 2021, "preschool_enrolment", Some(3.91), None),
        (r, 2021, "public_kindergarten_share", Some(52.6), None),
        (r, 2021, "compulsory_students", Some(12.6), None),
        (r, 2021, "primary_students", Some(7.6), None),
        (r, 2021, "junior_secondary_students", Some(5.0), None),
        (r, 2021, "compulsory_retention_rate", Some(99.1), None),
        (r, 2021, "upper_secondary_students", Some(4.7), None),
        (r, 2021, "general_high_school_students", Some(2.3), None),
        (r, 2021, "secondary_vocational_students", Some(2.4), None),
        (
            r,
            2021,
            "upper_secondary_gross_enrolment_rate",
            Some(98.4),
            None,
        ),
        (r, 2021, "higher_education_enrolment", Some(8.9), None),
        (r, 2021, "education_spending_share", Some(18.1), None),
        (r, 2022, "preschool_enrolment", Some(3.88), None),
        (r, 2022, "preschool_gross_enrolment_rate", Some(98.3), None),
        (r, 2022, "public_kindergarten_share", Some(52.9), None),
        (r, 2022, "compulsory_students", Some(12.3), None),
        (r, 2022, "primary_students", Some(7.4), None),
        (r, 2022, "junior_secondary_students", Some(4.9), None),
        (r, 2022, "compulsory_retention_rate", Some(97.0), None),
        (r, 2022, "upper_secondary_students", Some(4.8), None),
        (r, 2022, "general_high_school_students", Some(2.4), None),
        (r, 2022, "secondary_vocational_students", Some(2.4), None),
        (
            r,
            2022,
            "upper_secondary_gross_enrolment_rate",
            Some(98.0),
            None,
        ),
        (r, 2022, "higher_education_enrolment", Some(9.4), None),
        (r, 2022, "education_spending_share", Some(18.4), None),
    ];
    figures.extend(year_figures(r, 2023));
    figures
}

/// Three regions of one year: 甲区 as above (a failing binding indicator),
/// 乙区 meeting every requirement but 普通初中's band, 丙区 lagging on
/// expected ones only.
fn regions_figures() -> Vec<Figure> {
    let mut figures = year_figures("甲区", 2023);
    for (region, retention, share, rate) in [("乙区", 99.0, 56.0, 98.7), ("丙区", 97.5, 52.5, 97.9)]
    {
        figures.extend(year_figures(region, 2023).into_iter().map(|f| match f.2 {
            "compulsory_retention_rate" => (f.0, f.1, f.2, Some(retention), None),
            "public_kindergarten_share" => (f.0, f.1, f.2, Some(share), None),
            "upper_secondary_gross_enrolment_rate" => (f.0, f.1, f.2, Some(rate), None),
            "higher_education_enrolment" => (f.0, f.1, f.2, Some(9.6), None),
            _ => f,
        }));
    }
    figures
}

/// The year's figures with the binding indicator made to pass.
fn figures_with_binding_met() -> Vec<Figure> {
    let mut figures = year_figures("江津区", 2023);
    figures.retain(|f| f.2 != "compulsory_retention_rate");
    figures.push((
        "江津区",
        2023,
        "compulsory_retention_rate",
        Some(99.0),
        None,
    ));
    figures
}

/// The evaluation of `figures` read from `file`.
fn evaluate<'p>(
    plans: &'p PlanSet,
    observations: &'p Observations,
    file: &str,
    strict: bool,
) -> Evaluation<'p> {
    let region_years = observations.region_years();
    Evaluation::assess(plans, observations, &region_years, |_| 0, strict, false)
        .with_inputs(Vec::new(), vec![file.to_owned()])
}

/// The three views: name, file, figures.
fn views() -> [(&'static str, &'static str, Vec<Figure>); 3] {
    [
        (
            "year",
            "illustrative/2023.csv",
            year_figures("江津区", 2023),
        ),
        ("period", "illustrative/2021-2023.csv", period_figures()),
        ("regions", "illustrative/regions.csv", regions_figures()),
    ]
}

const TEXT_FORMATS: [(&str, Format); 6] = [
    ("table", Format::Table),
    ("json", Format::Json),
    ("csv", Format::Csv),
    ("markdown", Format::Markdown),
    ("junit", Format::Junit),
    ("github", Format::Github),
];

fn each_format(view: &str) {
    let plans = plans();
    let (_, file, figures) = views()
        .into_iter()
        .find(|(name, _, _)| *name == view)
        .expect("a view");
    let observations = observations(&plans, file, &figures);
    let ev = evaluate(&plans, &observations, file, false);
    for (name, format) in TEXT_FORMATS {
        let style = Style::plain(Lang::Zh);
        let out = to_string(format.renderer(), &ev, &style);
        insta::assert_snapshot!(format!("{view}_{name}"), out);
    }
}

#[test]
fn the_year_view_in_every_format() {
    each_format("year");
}

#[test]
fn the_period_view_in_every_format() {
    each_format("period");
}

#[test]
fn the_regions_view_in_every_format() {
    each_format("regions");
}

/// The outcome is decided once and every format follows it: with --strict,
/// the lagging expected indicators fail the run in each of them (the binding
/// one is made to pass here).
#[test]
fn strict_changes_every_format_the_same_way() {
    let plans = plans();
    let figures = figures_with_binding_met();
    let observations = observations(&plans, "illustrative/2023.csv", &figures);
    let lenient = evaluate(&plans, &observations, "illustrative/2023.csv", false);
    let strict = evaluate(&plans, &observations, "illustrative/2023.csv", true);
    assert!(lenient.outcome.passes());
    assert!(!strict.outcome.passes());
    let style = Style::plain(Lang::Zh);
    let text = |ev: &Evaluation, f: Format| to_string(f.renderer(), ev, &style);
    assert!(text(&strict, Format::Table).contains("严格模式下"));
    assert!(!text(&lenient, Format::Table).contains("严格模式下"));
    assert!(text(&strict, Format::Junit).contains("<property name=\"strict\" value=\"true\"/>"));
    assert!(
        text(&strict, Format::Junit).matches("<failure").count()
            > text(&lenient, Format::Junit).matches("<failure").count()
    );
    assert!(
        text(&strict, Format::Github).matches("::error").count()
            > text(&lenient, Format::Github).matches("::error").count()
    );
}

/// Warnings go to standard error before the table and scroll away: the table
/// ends with one line counting them and the rows left unchecked.
#[test]
fn the_table_ends_with_a_line_on_the_warnings_above_it() {
    use plan_check::diagnostic::{Code, Diagnostic, Text};
    let plans = plans();
    let file = "illustrative/2023.csv";
    let observations = observations(&plans, file, &year_figures("江津区", 2023));
    let warning = |code| Diagnostic::warning(code, file, Text::new("w", "w"));
    let ev = evaluate(&plans, &observations, file, false).with_inputs(
        vec![
            warning(Code::S007),
            warning(Code::S007),
            warning(Code::S013),
        ],
        Vec::new(),
    );
    let text = to_string(Format::Table.renderer(), &ev, &Style::plain(Lang::Zh));
    let last = text.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "注意：表格上方有 3 条警告（S007 ×2、S013 ×1），其中 2 行的指标不在规划中，未检查。"
    );
    let quiet = evaluate(&plans, &observations, file, false);
    let text = to_string(Format::Table.renderer(), &quiet, &Style::plain(Lang::Zh));
    assert!(!text.contains("注意：表格上方"), "no warnings, no line");
}

/// A file that could not be read makes the run incomplete in every format:
/// each says which file, and none reads as a pass.
#[test]
fn a_file_that_could_not_be_read_is_said_in_every_format() {
    use plan_check::assess::evaluation::{FailedInput, Outcome};
    use plan_check::diagnostic::{Code, Diagnostic, Text};
    let plans = plans();
    let file = "illustrative/2023.csv";
    let observations = observations(&plans, file, &year_figures("江津区", 2023));
    let error = Diagnostic::error(
        Code::S004,
        "data/broken.csv",
        Text::new("数值“x”不是数字", "x"),
    )
    .at_line(3);
    let ev = evaluate(&plans, &observations, file, false)
        .with_inputs(Vec::new(), vec![file.into(), "data/broken.csv".into()])
        .with_failures(vec![FailedInput {
            file: "data/broken.csv".into(),
            region: None,
            errors: vec![error],
        }]);
    assert_eq!(ev.outcome, Outcome::Incomplete);
    let style = Style::plain(Lang::Zh);
    let text = |f: Format| to_string(f.renderer(), &ev, &style);
    assert!(text(Format::Table).contains("未能读取的文件：data/broken.csv（1 处错误）"));
    // A document holds no standard error: it quotes the file's first error.
    let markdown = text(Format::Markdown);
    assert!(
        markdown.contains(
            "未能读取的文件：data/broken.csv（1 处错误，首个：第 3 行，S004：数值“x”不是数字）"
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("错误见表格上方"), "{markdown}");
    assert!(text(Format::Github).contains("::error file=data/broken.csv,line=3"));
    let junit = text(Format::Junit);
    assert!(
        junit.contains("errors=\"1\"") && junit.contains("<error message="),
        "{junit}"
    );
    let json: serde_json::Value = serde_json::from_str(&text(Format::Json)).unwrap();
    assert_eq!(json["failed_inputs"][0]["file"], "data/broken.csv");
    assert_eq!(json["failed_inputs"][0]["errors"][0]["line"], 3);
    assert!(json["failed_inputs"][0].get("region").is_none());
}

/// A region left out because a figure of its is reported twice is named as
/// a region, not as a file that could not be read, and the run is incomplete.
#[test]
fn a_region_left_out_for_a_figure_reported_twice_is_said() {
    use plan_check::assess::evaluation::{FailedInput, Outcome};
    use plan_check::diagnostic::{Code, Diagnostic, Text};
    let plans = plans();
    let file = "illustrative/2023.csv";
    let observations = observations(&plans, file, &year_figures("江津区", 2023));
    let error = Diagnostic::error(
        Code::S005,
        "永川区-修订.csv",
        Text::new("填报过", "reported"),
    )
    .at_line(2);
    let ev = evaluate(&plans, &observations, file, false).with_failures(vec![FailedInput {
        file: "永川区-修订.csv".into(),
        region: Some("永川区".into()),
        errors: vec![error],
    }]);
    assert_eq!(ev.outcome, Outcome::Incomplete);
    let text = |f: Format, lang| to_string(f.renderer(), &ev, &Style::plain(lang));
    let table = text(Format::Table, Lang::Zh);
    assert!(
        table.contains("同一指标同一年填报了两次、未检查的地区：永川区（永川区-修订.csv）"),
        "{table}"
    );
    assert!(!table.contains("未能读取的文件"), "{table}");
    assert!(
        text(Format::Table, Lang::En).contains(
            "Regions with a figure reported twice, not checked: 永川区 (永川区-修订.csv)"
        )
    );
    let json: serde_json::Value = serde_json::from_str(&text(Format::Json, Lang::Zh)).unwrap();
    assert_eq!(json["failed_inputs"][0]["region"], "永川区");
    // JUnit's case for it names the region left out, and its file.
    assert!(
        text(Format::Junit, Lang::Zh).contains(
            "<testcase classname=\"inputs\" name=\"永川区 (永川区-修订.csv)\" file=\"永川区-修订.csv\">"
        ),
        "{}",
        text(Format::Junit, Lang::Zh)
    );
}

/// The terminal widths at which a view's whole table fits: the regions
/// table is narrower than 100 columns, the year table than 200.
fn fits_whole(view: &str) -> &'static [u16] {
    match view {
        "year" => &[200],
        "regions" => &[100, 120, 200],
        _ => &[],
    }
}

/// At 60 and 80 columns no line is wider, in either language (at 80 with
/// the region × indicator grid too), nor with a file that could not be read.
#[test]
fn every_line_fits_60_and_80_columns_in_both_languages() {
    use plan_check::assess::evaluation::FailedInput;
    use plan_check::diagnostic::{Code, Diagnostic, Text};
    use unicode_width::UnicodeWidthStr;
    for (view, file, figures) in views() {
        let plans = plans();
        let observations = observations(&plans, file, &figures);
        let broken = Diagnostic::error(
            Code::S004,
            "data/一个很长的文件名-2023年-修订稿-第二版.csv",
            Text::new("x", "x"),
        );
        let ev = evaluate(&plans, &observations, file, false).with_failures(vec![FailedInput {
            file: "data/一个很长的文件名-2023年-修订稿-第二版.csv".into(),
            region: None,
            errors: vec![broken],
        }]);
        for (lang, width) in [Lang::Zh, Lang::En]
            .into_iter()
            .flat_map(|l| [(l, 60), (l, 80)])
        {
            // The grid is a column per indicator: 13 of them need 64.
            for matrix in [false, true].into_iter().filter(|&m| !m || width >= 80) {
                let style = Style {
                    width: Some(width),
                    matrix,
                    ..Style::plain(lang)
                };
                let text = to_string(Format::Table.renderer(), &ev, &style);
                for line in text.lines() {
                    assert!(
                        line.width() <= usize::from(width),
                        "{view} {lang:?} at {width}, matrix {matrix}: {} columns: {line}",
                        line.width()
                    );
                }
            }
        }
    }
}

/// The terminal table laid out to 80, 100, 120 and 200 columns: no line wider
/// than the terminal, and (year and period views) every figure of the JSON
/// whole on one line: a number is never split across lines. Held as
/// snapshots to look at, except where the whole table fits.
#[test]
fn the_terminal_table_fits_every_width_without_splitting_a_figure() {
    use unicode_width::UnicodeWidthStr;
    for (view, file, figures) in views() {
        let plans = plans();
        let observations = observations(&plans, file, &figures);
        let ev = evaluate(&plans, &observations, file, false);
        let json: serde_json::Value = serde_json::from_str(&to_string(
            Format::Json.renderer(),
            &ev,
            &Style::plain(Lang::Zh),
        ))
        .unwrap();
        let full = to_string(Format::Table.renderer(), &ev, &Style::plain(Lang::Zh));
        let figures = common::figures_of(&json);
        assert!(!figures.is_empty());
        for width in [80u16, 100, 120, 200] {
            let style = Style {
                width: Some(width),
                ..Style::plain(Lang::Zh)
            };
            let text = to_string(Format::Table.renderer(), &ev, &style);
            for line in text.lines() {
                assert!(
                    line.width() <= usize::from(width),
                    "{view} at {width}: {} columns: {line}",
                    line.width()
                );
            }
            // The regions view shows counts per region, not figures; a
            // period table that keeps its target on a narrow terminal shows
            // the latest two years (and says so).
            let latest: Vec<String> = if text.contains("只列最近两年") {
                let years = json["years"].as_array().unwrap();
                let last = &years[years.len() - 2..];
                json["indicators"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|s| s["series"].as_array().unwrap())
                    .filter(|p| last.contains(&p["year"]))
                    .filter_map(|p| p["actual"].as_f64())
                    .map(plan_check::number::display)
                    .collect()
            } else {
                Vec::new()
            };
            let figures = if view == "regions" {
                &[][..]
            } else if !latest.is_empty() {
                assert!(
                    text.contains("目标 2025"),
                    "{view} at {width}: the target kept"
                );
                &latest[..]
            } else {
                &figures[..]
            };
            for figure in figures {
                assert!(
                    text.lines().any(|l| common::whole(l, figure)),
                    "{view} at {width}: {figure} is not whole on any line\n{text}"
                );
            }
            // Where the whole table fits, the layout is the full table, held
            // once as `{view}_table`; elsewhere it is its own snapshot.
            if fits_whole(view).contains(&width) {
                assert_eq!(text, full, "{view} at {width}: the full table");
            } else {
                assert_ne!(text, full, "{view} at {width}: laid out to the width");
                insta::assert_snapshot!(format!("layout_{view}_{width}"), text);
            }
        }
    }
}

/// A binding indicator that is shown and not judged (完成市下达目标, `rule =
/// { kind = "none" }`) is not counted among those that meet their
/// requirement: the verdict is on the judged ones and names it, in the
/// table and in the Word/HTML paragraph alike.
#[test]
fn a_binding_indicator_not_assessed_is_named_not_counted_as_met() {
    use plan_check::plan::{Attribute, Rule};
    let mut plans = plans();
    let plan = &mut plans.plans[0];
    let i = plan
        .indicators
        .iter()
        .position(|ind| ind.id == "public_kindergarten_share")
        .expect("in the plan");
    plan.indicators[i].attribute = Attribute::Binding;
    plan.indicators[i].rule = Rule::NotAssessed;
    let figures = figures_with_binding_met();
    let observations = observations(&plans, "illustrative/2023.csv", &figures);
    let ev = evaluate(&plans, &observations, "illustrative/2023.csv", false);
    assert!(ev.outcome.passes());
    let table = to_string(Format::Table.renderer(), &ev, &Style::plain(Lang::Zh));
    assert!(
        table.contains(
            "结论：判断了的约束性指标均达到要求；另有1项约束性指标不考核（公办幼儿园在园幼儿占比），未作判断。"
        ),
        "{table}"
    );
    assert!(!table.contains("结论：约束性指标均达到要求"), "{table}");
    let report = match &ev.view {
        plan_check::assess::evaluation::View::Year(reports) => reports,
        _ => panic!("a year view"),
    };
    let lines = plan_check::render::wording::year_summary(report, Lang::Zh);
    let text = lines.join("");
    assert!(text.contains("1项约束性指标达到要求"), "{text}");
    assert!(
        text.contains("另有1项约束性指标不考核（公办幼儿园在园幼儿占比"),
        "{text}"
    );
    // The period paragraph (the HTML and Word reports' too) alike.
    let mut figures = period_figures();
    for f in figures.iter_mut() {
        if f.2 == "compulsory_retention_rate" {
            f.3 = Some(99.0);
        }
    }
    let three_years = self::observations(&plans, "illustrative/2021-2023.csv", &figures);
    let ev = evaluate(&plans, &three_years, "illustrative/2021-2023.csv", false);
    let plan_check::assess::evaluation::View::Period(period) = &ev.view else {
        panic!("a period view");
    };
    let text = plan_check::render::wording::paragraph(period, Lang::Zh);
    assert!(text.contains("1项约束性指标已实现或符合序时进度"), "{text}");
    assert!(
        text.contains("另有1项约束性指标不考核（公办幼儿园在园幼儿占比），未作判断"),
        "{text}"
    );
}
