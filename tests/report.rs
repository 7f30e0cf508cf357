//! The evaluation report: one self-contained HTML page, a chart per indicator
//! with its values, nothing loaded from outside.

mod common;

use common::*;
use scraper::{Html, Selector};

fn report(args: &[&str]) -> (std::process::Output, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("评估报告.html");
    let out = plan_check()
        .arg("report")
        .args(args)
        .arg("--output")
        .arg(&path)
        .output()
        .unwrap();
    let html = std::fs::read_to_string(&path).unwrap_or_default();
    (out, html)
}

fn select(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn every_indicator_has_a_chart_with_its_reported_values() {
    let (out, html) = report(&["data/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(out.stdout.is_empty(), "the page goes to --output");
    // The run says where it wrote (a first-time user saw nothing and could
    // not tell whether anything happened).
    let said = stderr_of(&out);
    assert!(
        said.starts_with("已写出：") && said.trim_end().ends_with("评估报告.html"),
        "{said}"
    );
    let page = Html::parse_document(&html);
    let period = json_of(
        &plan_check()
            .args(["--format", "json", "data/"])
            .output()
            .unwrap(),
    );
    let articles: Vec<_> = page.select(&select("article.indicator")).collect();
    assert_eq!(articles.len(), 13);
    for series in period["indicators"].as_array().unwrap() {
        let id = series["id"].as_str().unwrap();
        let article = articles
            .iter()
            .find(|a| a.value().attr("data-id") == Some(id))
            .unwrap_or_else(|| panic!("no section for {id}"));
        let chart = article
            .select(&select("svg.chart"))
            .next()
            .unwrap_or_else(|| panic!("no chart for {id}"));
        let points: Vec<(String, String)> = chart
            .select(&select("circle.point"))
            .map(|c| {
                (
                    c.value().attr("data-year").unwrap().to_owned(),
                    c.value().attr("data-value").unwrap().to_owned(),
                )
            })
            .collect();
        let reported: Vec<(String, String)> = series["series"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["actual"].is_number())
            .map(|p| {
                (
                    p["year"].to_string(),
                    p["actual"].as_f64().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            points, reported,
            "{id}: one point per reported year, none invented"
        );
        assert_eq!(
            chart.select(&select("line.target")).count(),
            1,
            "{id}: the target line"
        );
        let label: String = chart
            .select(&select("text.target-label"))
            .flat_map(|t| t.text())
            .collect();
        assert!(
            label.contains(series["target_text"].as_str().unwrap()),
            "{id}: labelled as printed: {label}"
        );
        assert_eq!(
            chart.select(&select("polyline.schedule")).count(),
            1,
            "{id}: the schedule path"
        );
        assert_eq!(
            chart.select(&select("line.projection")).count(),
            1,
            "{id}: the projection"
        );
    }
    // The summary opens the page: counts per outlook and the plan's title.
    let counts: Vec<String> = page
        .select(&select(".counts .count"))
        .map(|c| c.text().collect())
        .collect();
    assert!(counts.iter().any(|c| c.contains("提前实现")), "{counts:?}");
    assert!(
        page.select(&select("h1"))
            .next()
            .unwrap()
            .text()
            .collect::<String>()
            .contains("江津区教育事业发展")
    );
}

#[test]
fn nothing_external_is_referenced() {
    let (_, html) = report(&["data/"]);
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no URL at all"
    );
    assert!(!html.contains("url("), "no CSS url()");
    assert!(!html.contains("@import"));
    let page = Html::parse_document(&html);
    assert_eq!(
        page.select(&select("script, link, img, iframe, object, embed"))
            .count(),
        0
    );
    let loading: Vec<_> = page
        .select(&select("[src]"))
        .filter_map(|e| e.value().attr("src"))
        .collect();
    assert!(loading.is_empty(), "elements load {loading:?}");
    for a in page.select(&select("[href]")) {
        let href = a.value().attr("href").unwrap();
        assert!(href.starts_with('#'), "only in-page links: {href}");
    }
}

#[test]
fn sources_of_each_value_are_shown() {
    let (_, html) = report(&["data/"]);
    assert!(
        html.contains("小学巩固率100%、初中巩固率100%"),
        "the 2022 source quote"
    );
    assert!(html.contains("示例数据，非官方统计"));
}

#[test]
fn the_report_in_english() {
    let (out, html) = report(&["--lang", "en", "data/"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(html.contains("Plan evaluation report (2020–2024)"));
    assert!(html.contains("<html lang=\"en\">"));
    // The page's own words are punctuated in English (the plan's names and
    // the sources keep theirs).
    assert!(html.contains("Outlook: on schedule"), "{html}");
    assert!(html.contains("Source&#x2f;note: "), "{html}");
    assert!(!html.contains("Outlook：") && !html.contains("note："));
    assert!(
        html.contains("data&#x2f;2020.csv, data&#x2f;2021.csv"),
        "{html}"
    );
}

#[test]
fn a_report_for_one_year_still_draws_every_chart() {
    let (out, html) = report(&["data/2023.csv"]);
    assert_eq!(out.status.code(), Some(0));
    let page = Html::parse_document(&html);
    assert_eq!(page.select(&select("svg.chart")).count(), 13);
}

/// The report's verdict is the run's outcome: with --strict, a lagging expected
/// indicator fails the run, and the page says so as the exit code does.
#[test]
fn the_verdict_honours_strict_as_the_exit_code_does() {
    let (out, html) = report(&["data/2023.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(html.contains("结论：约束性指标均达到要求。"), "{html}");
    let (out, html) = report(&["--strict", "data/2023.csv"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(
        html.contains("严格模式下"),
        "the strict verdict is on the page"
    );
}

/// A target in words with no unit (基层医疗卫生服务能力 明显提升): `unit` may
/// be left out (it was P003 “missing field `unit`”, in English), and no
/// report prints the name with empty brackets, `基层医疗卫生服务能力（）`.
#[test]
fn an_indicator_without_a_unit_loads_and_shows_no_empty_brackets() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "[plan]\nid = \"t\"\ntitle = \"测试规划（示例）\"\nbaseline_year = 2025\ntarget_year = 2030\n\n\
         [[indicator]]\nid = \"primary_care\"\ncategory = \"卫生\"\nname = \"基层医疗卫生服务能力\"\n\
         baseline = \"—\"\ntarget = \"明显提升\"\nrule = { kind = \"none\" }\nattribute = \"预期性\"\n\n\
         [[indicator]]\nid = \"rate\"\ncategory = \"卫生\"\nname = \"某比率\"\nunit = \"%\"\n\
         baseline = 90\ntarget = \"≥95\"\nattribute = \"约束性\"\n",
    )
    .unwrap();
    // 示例数据，非官方统计.
    let data = dir.path().join("2027.csv");
    std::fs::write(&data, "指标,数值\n某比率,96\n").unwrap();
    for name in ["r.html", "r.docx"] {
        let out = plan_check()
            .args(["report", "--plan"])
            .arg(&plan)
            .arg(&data)
            .arg("--output")
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    }
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.contains("基层医疗卫生服务能力") && !html.contains("（）"));
    let xml = docx_xml(&dir.path().join("r.docx"));
    assert!(
        xml.contains("基层医疗卫生服务能力") && !xml.contains("（）"),
        "{xml}"
    );
}

/// Every command that writes a file names it (extract and template said
/// nothing, against the README: a helper's final evaluation).
#[test]
fn template_and_extract_name_the_file_they_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("模板.csv");
    let out = plan_check()
        .arg("template")
        .arg("--output")
        .arg(&template)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("已写出："), "{}", stderr_of(&out));
    let csv = dir.path().join("2023.csv");
    let out = plan_check()
        .args(["--plan", "examples/plans/national-14th-fyp.toml", "extract"])
        .arg("tests/fixtures/bulletins/national-2023.md")
        .arg("--output")
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let said = stderr_of(&out);
    assert!(
        said.trim_end().ends_with("2023.csv") && said.contains("已写出："),
        "{said}"
    );
}

/// A chart of a 年均 or 累计 target plots that figure, not the years' own:
/// it says so on the chart and each point's title gives the year's figure
/// beside it (the legend's 实际值 read over a compound average, a
/// reviewer's 研发经费投入增长 chart).
#[test]
fn a_chart_of_a_derived_figure_names_it_and_keeps_the_years_own() {
    let (out, html) = report(&[
        "--plan",
        "examples/plans/national-14th-fyp.toml",
        "examples/data/national-14th-2021-2022.csv",
    ]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let page = Html::parse_document(&html);
    let chart = page
        .select(&select(r#"svg.chart[data-id="rd_spending_growth"]"#))
        .next()
        .expect("the 研发 chart");
    let label: String = chart
        .select(&select("text.axis-label"))
        .flat_map(|t| t.text())
        .collect();
    assert_eq!(label, "图中数值：年均（逐年复合）");
    let titles: Vec<String> = chart
        .select(&select("circle.point title"))
        .map(|t| t.text().collect())
        .collect();
    assert!(!titles.is_empty());
    for t in &titles {
        assert!(t.contains("年均 ") && t.contains("（当年 "), "{t}");
    }
    // A level's chart says nothing of the kind.
    let level = page
        .select(&select(r#"svg.chart[data-id="urbanisation_rate"]"#))
        .next()
        .expect("the 城镇化率 chart");
    assert_eq!(level.select(&select("text.axis-label")).count(), 0);
}
