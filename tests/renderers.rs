//! Every text format on evaluations built in the test, in-process (no binary,
//! no files): the year, the period and the regions views, each in every text
//! format, held as snapshots (`tests/snapshots/renderers__*.snap`). The
//! figures are the shipped illustrative ones (示例数据) and two regions made
//! from them.

mod common;

use plan_check::assess::evaluation::Evaluation;
use plan_check::lang::Lang;
use plan_check::plan::{PlanSet, load_plan};
use plan_check::render::{Format, Style, to_string};
use plan_check::stats::csv_input::{Input, NameYear, load_csv};
use plan_check::stats::{LoadOptions, Observations};

/// The shipped plan, by the path relative to the project (integration tests
/// run there), so that the snapshots do not depend on where the project is.
fn plans() -> PlanSet {
    let path = std::path::Path::new("plan/jiangjin-education-14th-fyp.toml");
    PlanSet::new(vec![load_plan(path).expect("plan")]).expect("plan set")
}

/// The observations of CSV files, each (name, text).
fn observations(plans: &PlanSet, files: &[(String, String)]) -> Observations {
    let options = LoadOptions::default();
    let input = Input {
        plans,
        options: &options,
        year_from_name: NameYear::None,
    };
    let mut table = Observations::default();
    let mut warnings = Vec::new();
    for (file, text) in files {
        load_csv(text.as_bytes(), file, &input, &mut table, &mut warnings).expect("loads");
    }
    table.finish(|_, _| String::new()).expect("no duplicates");
    table
}

fn data(year: i32) -> String {
    std::fs::read_to_string(common::root().join(format!("data/{year}.csv"))).expect("data")
}

/// The shipped files of 2021–2023.
fn years() -> Vec<(String, String)> {
    [2021, 2022, 2023]
        .map(|y| (format!("data/{y}.csv"), data(y)))
        .to_vec()
}

fn one(file: &str, text: String) -> Vec<(String, String)> {
    vec![(file.to_owned(), text)]
}

/// Two regions: the 2023 figures as 江津区 and, with two changes, as 永川区
/// (illustrative: made here, not statistics).
fn regions() -> String {
    let base = data(2023);
    let mut lines = base.lines();
    let header = lines.next().unwrap_or_default();
    let mut text = format!("地区,{header}\n");
    for line in base.lines().skip(1) {
        text.push_str(&format!("江津区,{line}\n"));
    }
    for line in base.lines().skip(1) {
        let line = line
            .replace("九年义务教育巩固率,100,", "九年义务教育巩固率,95.5,")
            .replace("毛入园率,98.3,", "毛入园率,96.1,");
        text.push_str(&format!("永川区,{line}\n"));
    }
    text
}

const TEXT_FORMATS: [(&str, Format); 6] = [
    ("table", Format::Table),
    ("json", Format::Json),
    ("csv", Format::Csv),
    ("markdown", Format::Markdown),
    ("junit", Format::Junit),
    ("github", Format::Github),
];

fn each_format(view: &str, files: &[(String, String)]) {
    let plans = plans();
    let observations = observations(&plans, files);
    let region_years = observations.region_years();
    let inputs = files.iter().map(|(f, _)| f.clone()).collect();
    let ev = Evaluation::assess(&plans, &observations, &region_years, |_| 0, false)
        .with_inputs(Vec::new(), inputs);
    for (name, format) in TEXT_FORMATS {
        let style = Style::plain(Lang::Zh);
        let out = to_string(format.renderer(), &ev, &style);
        insta::assert_snapshot!(format!("{view}_{name}"), out);
    }
}

#[test]
fn the_year_view_in_every_format() {
    each_format("year", &one("data/2023.csv", data(2023)));
}

#[test]
fn the_period_view_in_every_format() {
    each_format("period", &years());
}

#[test]
fn the_regions_view_in_every_format() {
    each_format("regions", &one("data/regions.csv", regions()));
}

/// The outcome is decided once and every format follows it: with --strict,
/// the lagging expected indicators of 2023 fail the run in each of them.
#[test]
fn strict_changes_every_format_the_same_way() {
    let plans = plans();
    let observations = observations(&plans, &one("data/2023.csv", data(2023)));
    let region_years = observations.region_years();
    let lenient = Evaluation::assess(&plans, &observations, &region_years, |_| 0, false);
    let strict = Evaluation::assess(&plans, &observations, &region_years, |_| 0, true);
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
    let observations = observations(&plans, &one("data/2023.csv", data(2023)));
    let region_years = observations.region_years();
    let warning = |code| Diagnostic::warning(code, "data/2023.csv", Text::new("w", "w"));
    let ev = Evaluation::assess(&plans, &observations, &region_years, |_| 0, false).with_inputs(
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
    let quiet = Evaluation::assess(&plans, &observations, &region_years, |_| 0, false);
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
    let observations = observations(&plans, &one("data/2023.csv", data(2023)));
    let region_years = observations.region_years();
    let error = Diagnostic::error(
        Code::S004,
        "data/broken.csv",
        Text::new("数值“x”不是数字", "x"),
    )
    .at_line(3);
    let ev = Evaluation::assess(&plans, &observations, &region_years, |_| 0, false)
        .with_inputs(
            Vec::new(),
            vec!["data/2023.csv".into(), "data/broken.csv".into()],
        )
        .with_failures(vec![FailedInput {
            file: "data/broken.csv".into(),
            errors: vec![error],
        }]);
    assert_eq!(ev.outcome, Outcome::Incomplete);
    let style = Style::plain(Lang::Zh);
    let text = |f: Format| to_string(f.renderer(), &ev, &style);
    assert!(text(Format::Table).contains("未能读取的文件：data/broken.csv（1 处错误）"));
    assert!(text(Format::Markdown).contains("未能读取的文件"));
    assert!(text(Format::Github).contains("::error file=data/broken.csv,line=3"));
    let junit = text(Format::Junit);
    assert!(
        junit.contains("errors=\"1\"") && junit.contains("<error message="),
        "{junit}"
    );
    let json: serde_json::Value = serde_json::from_str(&text(Format::Json)).unwrap();
    assert_eq!(json["failed_inputs"][0]["file"], "data/broken.csv");
    assert_eq!(json["failed_inputs"][0]["errors"][0]["line"], 3);
}

/// The terminal table laid out to 80, 100, 120 and 200 columns: no line wider
/// than the terminal, and (year and period views) every figure of the JSON
/// whole on one line: a number is never split across lines. Held as
/// snapshots to look at.
#[test]
fn the_terminal_table_fits_every_width_without_splitting_a_figure() {
    use unicode_width::UnicodeWidthStr;
    for (view, files) in [
        ("year", one("data/2023.csv", data(2023))),
        ("period", years()),
        ("regions", one("data/regions.csv", regions())),
    ] {
        let plans = plans();
        let observations = observations(&plans, &files);
        let region_years = observations.region_years();
        let ev = Evaluation::assess(&plans, &observations, &region_years, |_| 0, false);
        let json: serde_json::Value = serde_json::from_str(&to_string(
            Format::Json.renderer(),
            &ev,
            &Style::plain(Lang::Zh),
        ))
        .unwrap();
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
            insta::assert_snapshot!(format!("layout_{view}_{width}"), text);
        }
    }
}
