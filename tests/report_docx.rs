//! `plan-check report DATA --output 评估.docx`: the Word report, read back
//! (zip + XML): the title, the summary paragraph in the official wording
//! (snapshots for the 江津 period and the national 15th example), every
//! indicator in the table, the notes, and the typography of GB/T 9704 (A4,
//! its margins, the fonts, page numbers “— 1 —”).

mod common;

use common::{plan_check, stderr_of};
use std::io::Read;
use std::path::Path;

fn part(docx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The paragraphs' text, one per `<w:p>`.
fn paragraphs(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            p.descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|n| n.text())
                .collect::<String>()
        })
        .collect()
}

fn report(args: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("评估.docx");
    let out = plan_check()
        .arg("report")
        .args(args)
        .arg("--output")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&out)
    );
    (dir, path)
}

#[test]
fn the_jiangjin_period_as_a_word_report() {
    let (_dir, path) = report(&["data/"]);
    let document = part(&path, "word/document.xml");
    let paras = paragraphs(&document);
    assert_eq!(
        paras[0],
        "《江津区教育事业发展“十四五”规划（2021－2025年）》实施情况评估（截至2024年）"
    );
    let summary = paras
        .iter()
        .find(|p| p.starts_with("规划提出的"))
        .expect("the summary paragraph");
    insta::assert_snapshot!("docx_summary_jiangjin", summary);
    // The latest year's verdict, which decides the run, and `--strict`'s
    // (the Word report had none, the same with and without it).
    assert!(
        paras
            .iter()
            .any(|p| p == "2024年结论：约束性指标均达到要求。"),
        "{paras:?}"
    );
    let (_strict_dir, strict) = report(&["data/", "--strict"]);
    let strict = paragraphs(&part(&strict, "word/document.xml"));
    assert!(
        strict
            .iter()
            .any(|p| p.starts_with("2024年结论：") && p.contains("严格模式下")),
        "{strict:?}"
    );
    // The README quotes it as the tool writes it.
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("> {summary}")),
        "README quotes another paragraph"
    );
    // Every indicator of the plan is a row of the table, binding ones marked.
    let plan = plan_check::plan::load_plan(&common::plan_path()).unwrap();
    for ind in &plan.indicators {
        let name = format!("{}（{}）", ind.display_name(), ind.unit);
        assert!(paras.iter().any(|p| p.starts_with(&name)), "{name}");
    }
    assert!(paras.contains(&"九年义务教育巩固率（%）★".to_owned()));
    // The time elapsed, which the outlooks are measured against.
    assert!(
        paras
            .iter()
            .any(|p| p.contains("截至2024年，规划期时间进度80%。")),
        "{paras:?}"
    );
    // Headings carry an outline level, for Word's navigation pane.
    assert!(document.matches(r#"<w:outlineLvl w:val="0"/>"#).count() >= 2);
    // The sources of every year's figures, each with what it gave: the
    // 2022 figures from a media report are not called sample data.
    let sources = paras
        .iter()
        .skip_while(|p| *p != "数据来源：")
        .collect::<Vec<_>>();
    assert!(
        sources
            .iter()
            .any(|p| p.starts_with("毛入园率（2022）：《江津 围绕同城化先行区建设")),
        "{sources:?}"
    );
    assert!(sources.iter().any(|p| {
        p.starts_with("在园幼儿数（2021、2023、2024）") && p.ends_with("：示例数据，非官方统计")
    }));
    assert!(
        sources
            .iter()
            .any(|p| p.contains("九年义务教育巩固率（2020）"))
    );
    // The one lagging indicator has its paragraph.
    assert!(paras.iter().any(|p| {
        p.starts_with("财政性教育经费占一般公共预算支出的比例（相对滞后）：2024年为18.5%")
    }));
    // GB/T 9704: A4, top 37 mm, left 28 mm, fonts, sizes.
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(document.contains(r#"w:top="2098""#) && document.contains(r#"w:left="1588""#));
    assert!(document.contains(r#"w:eastAsia="方正小标宋简体""#));
    assert!(document.contains(r#"w:eastAsia="仿宋_GB2312""#));
    assert!(document.contains(r#"w:eastAsia="黑体""#));
    assert!(document.contains(r#"<w:sz w:val="44"/>"#), "2号 title");
    assert!(document.contains(r#"<w:sz w:val="32"/>"#), "3号 body");
    let footer = part(&path, "word/footer1.xml");
    assert!(
        footer.contains(" PAGE ") && footer.contains("— "),
        "{footer}"
    );
    assert!(part(&path, "word/settings.xml").contains("evenAndOddHeaders"));
}

#[test]
fn the_national_15th_example_as_a_word_report() {
    let (_dir, path) = report(&[
        "--plan",
        "examples/plans/national-15th-fyp.toml",
        "examples/data/national-2026.csv",
    ]);
    let paras = paragraphs(&part(&path, "word/document.xml"));
    let summary = paras
        .iter()
        .find(|p| p.starts_with("规划提出的"))
        .expect("the summary paragraph");
    insta::assert_snapshot!("docx_summary_national_15th", summary);
    // The plan's notes, as printed.
    assert!(paras.iter().any(|p| p.contains("①〔〕为5年累计数。")));
}

#[test]
fn the_html_report_holds_the_same_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("评估.html");
    plan_check()
        .args(["report", "data/", "--output"])
        .arg(&html)
        .output()
        .unwrap();
    let page = std::fs::read_to_string(&html).unwrap();
    let snapshot = std::fs::read_to_string(
        common::root().join("tests/snapshots/report_docx__docx_summary_jiangjin.snap"),
    )
    .unwrap();
    let paragraph = snapshot.lines().last().unwrap();
    assert!(page.contains(paragraph), "the HTML report's paragraph");
}

#[test]
fn the_same_paragraph_in_english() {
    let (_dir, path) = report(&["--lang", "en", "data/"]);
    let paras = paragraphs(&part(&path, "word/document.xml"));
    assert!(
        paras.iter().any(|p| p.starts_with(
            "Of the plan's 13 main indicators, 10 are on or ahead of schedule. Of these, "
        )),
        "{paras:?}"
    );
}

/// The numbers of a chart's series, by name: (category index, value).
fn chart_series(xml: &str) -> Vec<(String, Vec<(usize, f64)>)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("ser"))
        .map(|ser| {
            let name = ser
                .descendants()
                .find(|n| n.has_tag_name("tx"))
                .and_then(|tx| tx.descendants().find(|n| n.has_tag_name("v")))
                .and_then(|v| v.text())
                .unwrap_or_default()
                .to_owned();
            let values = ser
                .descendants()
                .find(|n| n.has_tag_name("numCache"))
                .map(|cache| {
                    cache
                        .children()
                        .filter(|n| n.has_tag_name("pt"))
                        .map(|pt| {
                            let idx = pt.attribute("idx").unwrap().parse().unwrap();
                            let v = pt
                                .descendants()
                                .find_map(|n| n.text())
                                .unwrap()
                                .parse()
                                .unwrap();
                            (idx, v)
                        })
                        .collect()
                })
                .unwrap_or_default();
            (name, values)
        })
        .collect()
}

#[test]
fn each_indicator_that_needs_attention_has_its_chart() {
    let (_dir, path) = report(&["data/"]);
    let document = part(&path, "word/document.xml");
    let paras = paragraphs(&document);
    // Section 三's paragraphs, each followed by its chart.
    let attention: Vec<&String> = paras
        .iter()
        .skip_while(|p| !p.starts_with("三、需要关注的指标"))
        .skip(1)
        .take_while(|p| !p.starts_with("四、"))
        .filter(|p| !p.is_empty())
        .collect();
    assert_eq!(attention.len(), 3, "{attention:?}");
    let charts = document.matches("<c:chart ").count();
    assert_eq!(charts, attention.len());
    let types = part(&path, "[Content_Types].xml");
    let rels = part(&path, "word/_rels/document.xml.rels");
    for n in 1..=charts {
        assert!(types.contains(&format!("/word/charts/chart{n}.xml")));
        assert!(rels.contains(&format!("Target=\"charts/chart{n}.xml\"")));
    }
    // The first is 义务教育在校学生数: its figures by year from 2020, 2022 a
    // gap (not reported), the target 11.1 as a level line.
    let chart = part(&path, "word/charts/chart1.xml");
    assert!(
        chart.contains("<a:t>义务教育在校学生数（万人）</a:t>"),
        "{chart}"
    );
    let series = chart_series(&chart);
    let actual = &series.iter().find(|(n, _)| n == "实际值").unwrap().1;
    assert_eq!(
        actual,
        &[(0, 12.8), (1, 12.6), (3, 12.3), (4, 12.1)],
        "{series:?}"
    );
    let target = &series
        .iter()
        .find(|(n, _)| n.starts_with("目标"))
        .unwrap()
        .1;
    assert_eq!(target.len(), 6);
    assert!(target.iter().all(|(_, v)| (*v - 11.1).abs() < 1e-9));
    // The trend runs from the latest figure to the target year.
    let trend = &series.iter().find(|(n, _)| n == "按趋势预计").unwrap().1;
    assert_eq!(trend.first().map(|p| p.0), Some(4));
    assert_eq!(trend.last().map(|p| p.0), Some(5));
    assert!((trend.last().unwrap().1 - 11.94).abs() < 0.01, "{trend:?}");
}

#[test]
fn the_year_check_as_a_word_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2023.docx");
    let out = plan_check()
        .args(["data/2023.csv", "--output"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let paras = paragraphs(&part(&path, "word/document.xml"));
    assert_eq!(
        paras[0],
        "《江津区教育事业发展“十四五”规划（2021－2025年）》2023年实施情况"
    );
    // The paragraph's numbers are the evaluation's, as the JSON gives them.
    let json = plan_check()
        .args(["--format", "json", "data/2023.csv"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let sum = |key: &str| {
        ["binding", "expected"]
            .iter()
            .map(|a| v["summary"][a][key].as_u64().unwrap())
            .sum::<u64>()
    };
    let expected = format!(
        "规划提出的13项主要指标中，13项作量化评估，2023年{}项达到当年要求（已达标{}项，符合序时进度{}项）。",
        sum("pass"),
        sum("achieved"),
        sum("on_track")
    );
    let summary = paras
        .iter()
        .find(|p| p.starts_with("规划提出的"))
        .expect("the paragraph");
    assert!(summary.starts_with(&expected), "{summary}");
    assert!(summary.contains("财政性教育经费占一般公共预算支出的比例滞后于序时进度。"));
    assert!(summary.contains("高等教育在学总规模未填报。"));
    assert!(
        summary.ends_with("结论：约束性指标均达到要求。"),
        "{summary}"
    );
    // Every indicator a row, with the year's requirement beside it.
    let plan = plan_check::plan::load_plan(&common::plan_path()).unwrap();
    for ind in &plan.indicators {
        let name = format!("{}（{}）", ind.display_name(), ind.unit);
        assert!(paras.iter().any(|p| p.starts_with(&name)), "{name}");
    }
    assert!(paras.contains(&"2023年要求".to_owned()));
    assert!(paras.iter().any(|p| p.starts_with(
        "财政性教育经费占一般公共预算支出的比例（滞后于序时进度）：2023年为18.2%，当年要求≥ 18.596，完成进度21%"
    )), "{paras:?}");
}

#[test]
fn every_region_as_a_word_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("各区.docx");
    let out = plan_check()
        .args([
            "tests/fixtures/regions-2023.csv",
            "--format",
            "docx",
            "--output",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a district fails a binding one");
    let paras = paragraphs(&part(&path, "word/document.xml"));
    assert!(paras.contains(
        &"2个地区中，1个地区约束性指标均达到要求。永川区有约束性指标未达到要求。2个地区有预期性指标未达到要求。".to_owned()
    ), "{paras:?}");
    // The regions table, worst first.
    let yongchuan = paras.iter().position(|p| p == "永川区").unwrap();
    let jiangjin = paras.iter().position(|p| p == "江津区").unwrap();
    assert!(yongchuan < jiangjin);
    assert!(paras.contains(&"九年义务教育巩固率（滞后于序时进度）".to_owned()));
}

#[test]
fn a_word_document_goes_down_a_pipe_whole() {
    let out = plan_check()
        .args(["report", "data/", "--format", "docx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "a zip package");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.stdout)).unwrap();
    assert!(zip.by_name("word/document.xml").is_ok());
}

#[test]
fn an_output_in_a_form_plan_check_does_not_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (args, name) in [
        (vec!["data/2023.csv"], "结果.pdf"),
        (vec!["data/2023.csv"], "结果.doc"),
        (vec!["report", "data/"], "评估.pdf"),
    ] {
        let path = dir.path().join(name);
        let out = plan_check()
            .args(&args)
            .arg("--output")
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(stderr_of(&out).contains("U005"), "{}", stderr_of(&out));
        assert!(!path.exists(), "{name} written");
    }
}

/// A file that could not be read is said in the overview, with its first
/// error, right after the verdict: not after the sources at the end.
#[test]
fn what_could_not_be_read_is_said_in_the_overview() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.csv");
    std::fs::write(&broken, "指标,数值,年份\n毛入园率,约98,2024\n").unwrap();
    let path = dir.path().join("评估.docx");
    let out = plan_check()
        .args(["report", "data/"])
        .arg(&broken)
        .arg("--output")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let paras = paragraphs(&part(&path, "word/document.xml"));
    let said = paras
        .iter()
        .position(|p| p.starts_with("未能读取的文件：") && p.contains("S004"))
        .unwrap_or_else(|| panic!("{paras:?}"));
    let second = paras
        .iter()
        .position(|p| p.starts_with("二、"))
        .expect("section two");
    assert!(said < second, "in the overview: {paras:?}");
}

/// A district judged by a plan that names another region (a city's
/// template): its report's title named no district, and twenty districts'
/// reports read alike, each as the plan's own region's (a reviewer's city
/// collection). The region stands above the title.
#[test]
fn a_report_for_another_region_names_it_in_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("潼南区.csv");
    // 示例数据，非官方统计.
    std::fs::write(
        &data,
        "地区,指标,数值,年份\n潼南区,九年义务教育巩固率,99,2023\n潼南区,九年义务教育巩固率,99.2,2024\n",
    )
    .unwrap();
    let docx = dir.path().join("潼南区.docx");
    let out = plan_check()
        .arg("report")
        .arg(&data)
        .arg("-o")
        .arg(&docx)
        .output()
        .unwrap();
    assert!(docx.exists(), "{}", stderr_of(&out));
    let xml = common::docx_xml(&docx);
    let title_end = xml.find("一、总体情况").expect("the overview heading");
    assert!(
        xml[..title_end].contains("潼南区"),
        "{}",
        &xml[..title_end.min(3000)]
    );
}

/// `report --format html -o 评估.docx` wrote a page under a Word document's
/// name, 已写出, exit 0 (a reviewer's slip): refused, U005, nothing written.
#[test]
fn a_report_format_against_the_extension_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [("html", "评估.docx"), ("docx", "评估.html")] {
        let path = dir.path().join(name);
        let out = common::plan_check()
            .args(["report", "data/", "--format", format, "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(
            common::stderr_of(&out).contains("U005"),
            "{}",
            common::stderr_of(&out)
        );
        assert!(!path.exists());
    }
}

/// A plan whose table has no categories, with a five-year count of yearly
/// amounts (示例数据，非官方统计): the report's table has no empty 类别
/// column, and each year's amount stands with its total to date (13 then
/// 10 under a target of 60 read as a level falling short: a reviewer's).
#[test]
fn a_five_year_count_shows_its_total_to_date_and_no_empty_category_column() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        r#"[plan]
id = "demo"
title = "某区绿化市容“十五五”规划（示例）"
baseline_year = 2025
target_year = 2030

[[indicator]]
id = "mljq"
category = ""
name = "“美丽街区”提升和新建数量"
unit = "个"
baseline = 53
target = "60"
rule = { kind = "at_least", value = 60 }
measure = "yearly_change"
attribute = "预期性"

[[indicator]]
id = "ldcd"
category = ""
name = "绿道长度"
unit = "公里"
baseline = 160
target = "210"
rule = { kind = "at_least", value = 210 }
attribute = "约束性"
"#,
    )
    .unwrap();
    for (year, amount, length) in [(2026, 13, 175), (2027, 10, 185)] {
        std::fs::write(
            dir.path().join(format!("{year}.csv")),
            format!(
                "指标,数值,来源\n“美丽街区”提升和新建数量,{amount},示例数据，非官方统计\n绿道长度,{length},示例数据，非官方统计\n"
            ),
        )
        .unwrap();
    }
    let (_out, path) = report(&[
        "--plan",
        plan.to_str().unwrap(),
        dir.path().join("2026.csv").to_str().unwrap(),
        dir.path().join("2027.csv").to_str().unwrap(),
    ]);
    let paras = paragraphs(&part(&path, "word/document.xml"));
    assert!(paras.iter().any(|p| p == "10（累计23）"), "{paras:?}");
    assert!(paras.iter().any(|p| p == "13（累计13）"), "{paras:?}");
    assert!(!paras.iter().any(|p| p == "类别"), "{paras:?}");
    // One year's report alike.
    let (_out, path) = report(&[
        "--plan",
        plan.to_str().unwrap(),
        dir.path().join("2027.csv").to_str().unwrap(),
    ]);
    let paras = paragraphs(&part(&path, "word/document.xml"));
    assert!(paras.iter().any(|p| p == "绿道长度（公里）★"), "{paras:?}");
    assert!(!paras.iter().any(|p| p == "类别"), "{paras:?}");
}
