//! Every region's latest year as a Word document, for the city collecting
//! its districts: the title, 一、总体情况 (the regions' paragraph), 二、各地区
//! 情况 (the regions table: a row per region, worst first, with the binding
//! indicators each fails).

use super::{Document, Width, body, heading, table, title, title_parts};
use crate::assess::regions::RegionsReport;
use crate::lang::Lang;
use crate::render::{Outcome, Style, regions_table, wording};

pub(super) fn document(
    regions: &RegionsReport,
    lang: Lang,
    outcome: Outcome,
    failed: &[String],
) -> Document {
    let mut doc = Document::default();
    let year = regions.years.last().copied().unwrap_or_default();
    let plan = match regions.plans.as_slice() {
        [one] => format!("《{}》", one.title),
        _ => lang.pick("规划", "plans").to_owned(),
    };
    doc.push(&title(&match lang {
        Lang::Zh => title_parts(
            &format!("各地区{plan}"),
            &format!("实施情况（截至{year}年）"),
        ),
        Lang::En => format!("{plan} in every region, as of {year}"),
    }));
    doc.push(&heading(lang.pick("一、总体情况", "1. Overview")));
    let mut paragraph = wording::regions_summary(regions, lang).join(lang.pick("", " "));
    // The strict run's verdict says what the counts above do not.
    let binding_fail = regions
        .regions
        .iter()
        .any(|r| !r.failing_binding.is_empty());
    if outcome == Outcome::Fail
        && !binding_fail
        && let Some(verdict) =
            regions_table::summary_lines(regions, Style::plain(lang), outcome).pop()
    {
        paragraph.push_str(lang.pick("", " "));
        paragraph.push_str(&verdict);
    }
    doc.push(&body(&paragraph));
    for line in failed {
        doc.push(&body(line));
    }
    doc.push(&heading(lang.pick("二、各地区情况", "2. Each region")));
    let header: Vec<String> = regions_table::headers(lang)
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
    let rows: Vec<Vec<String>> = regions
        .regions
        .iter()
        .map(|row| regions_table::cells(row, &regions.plans, lang).to_vec())
        .collect();
    doc.push(&table(
        &header,
        &rows,
        &[Width::Fit, Width::Fit, Width::Fit, Width::Fit, Width::Rest],
        false,
    ));
    doc.push(&body(lang.pick(
        "注：各地区按最近一年评估，约束性指标未达到要求的地区在前。",
        "Note: each region at its latest year, those failing binding indicators first.",
    )));
    for line in regions_table::judged_earlier(regions, lang) {
        doc.push(&body(&line));
    }
    doc
}
