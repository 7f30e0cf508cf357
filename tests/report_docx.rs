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
