//! One year's check as a Word document: the title, 一、总体情况 (the year's
//! paragraph), 二、主要指标情况 (the plan's table with the year's requirement,
//! figure, completion and result), 三、未达到要求的指标 (a paragraph each),
//! then the notes and the sources.

use super::{
    Document, Width, body, category_table, heading, name_cell, notes_section, sources, title,
    title_parts,
};
use crate::assess::{IndicatorResult, Status, YearReport};
use crate::lang::Lang;
use crate::render::{Outcome, Style, columns, labels, summary, wording};

/// A line on an indicator that does not meet the year's requirement: its
/// figure, the requirement and how far it has come.
fn shortfall(r: &IndicatorResult, report: &YearReport, lang: Lang) -> String {
    let name = wording::result_in_prose(r, report);
    let status = labels::status(r.status, lang);
    let figure = r.derived.as_ref().map(|d| d.value).or(r.actual);
    let mut text = match (figure, lang) {
        (Some(v), Lang::Zh) => format!(
            "{name}（{status}）：{}年为{}{}",
            report.year,
            labels::number_against(v, r.requirement.as_ref()),
            r.unit
        ),
        (None, Lang::Zh) => format!("{name}（{status}）：{}年未填报", report.year),
        (Some(v), Lang::En) => format!(
            "{name} ({status}): {} {} in {}",
            labels::number_against(v, r.requirement.as_ref()),
            r.unit,
            report.year
        ),
        (None, Lang::En) => format!("{name} ({status}): not reported for {}", report.year),
    };
    if let Some(req) = labels::result_requirement(r, lang) {
        text.push_str(&match lang {
            Lang::Zh => format!("，当年要求{req}"),
            Lang::En => format!(", {req} required"),
        });
    }
    if let Some(done) = r.completion {
        // Due by now: the time elapsed, or on the path of constant growth
        // the share of the way it has come.
        let due = r.due.unwrap_or(r.elapsed);
        let on_growth_path = (due - r.elapsed).abs() > 1e-9;
        let (c, d) = labels::percents_apart(done, due);
        text.push_str(&match (on_growth_path, lang) {
            (false, Lang::Zh) => format!("，完成进度{c}（时间进度{d}）"),
            (false, Lang::En) => format!(", {c} of the way with {d} of the time"),
            (true, Lang::Zh) => format!("，完成进度{c}（按等速增长应完成{d}）"),
            (true, Lang::En) => format!(", {c} of the way with {d} due on constant growth"),
        });
    }
    text.push_str(lang.pick("。", "."));
    text
}

pub(super) fn document(
    report: &YearReport,
    lang: Lang,
    outcome: Outcome,
    failed: &[String],
) -> Document {
    let mut doc = Document::default();
    // 江津区《江津区…规划》 says the region twice.
    let region = if report.plan.title.contains(report.region.as_str()) {
        ""
    } else {
        report.region.as_str()
    };
    doc.push(&title(&match lang {
        Lang::Zh => title_parts(
            &format!("{region}《{}》", report.plan.title),
            &format!("{}年实施情况", report.year),
        ),
        Lang::En => format!(
            "{region}{}{}: the indicators in {}",
            if region.is_empty() { "" } else { " · " },
            report.plan.title,
            report.year
        ),
    }));
    doc.push(&heading(lang.pick("一、总体情况", "1. Overview")));
    let style = Style::plain(lang);
    let mut paragraph = wording::year_summary(report, lang).join(lang.pick("", " "));
    paragraph.push_str(lang.pick("", " "));
    paragraph.push_str(&crate::render::verdict::verdict(report, style, outcome));
    doc.push(&body(&paragraph));
    for line in failed {
        doc.push(&body(line));
    }
    doc.push(&heading(
        lang.pick("二、主要指标情况", "2. The main indicators"),
    ));
    let header: Vec<String> = [
        lang.pick("类别", "Category").to_owned(),
        lang.pick("指标", "Indicator").to_owned(),
        lang.pick("属性", "Attribute").to_owned(),
        format!(
            "{}{}",
            lang.pick("基期", "Baseline "),
            report.plan.baseline_year
        ),
        format!(
            "{}{}",
            lang.pick("目标", "Target "),
            report.plan.target_year
        ),
        format!("{}{}", report.year, lang.pick("年要求", " required")),
        format!("{}{}", report.year, lang.pick("年实际", " actual")),
        format!(
            "{}{}",
            lang.pick("完成进度（时间", "Progress (time "),
            labels::percent(report.elapsed) + lang.pick("）", ")")
        ),
        lang.pick("结果", "Result").to_owned(),
    ]
    .to_vec();
    // The terminal's cells, with the category on every row (merged down
    // here) and the unit and ★ beside the name, as the plan prints them.
    let rows: Vec<Vec<String>> = report
        .results
        .iter()
        .map(|r| {
            let mut cells = columns::cells(r, None, lang).to_vec();
            cells[0] = r.category.clone();
            cells[1] = name_cell(&cells[1], &r.unit, r.attribute, lang);
            cells.remove(2);
            cells
        })
        .collect();
    doc.push(&category_table(
        &header,
        &rows,
        &[
            Width::Wrap(4),
            Width::Rest,
            Width::Fit,
            Width::Fit,
            Width::Upto(16),
            Width::Fit,
            Width::Fit,
            Width::Fit,
            Width::Wrap(8),
        ],
    ));
    doc.push(&body(lang.pick("注：★为约束性指标。", "Note: ★ binding.")));
    let short: Vec<&IndicatorResult> = report
        .results
        .iter()
        .filter(|r| !r.status.passes() && r.status != Status::NotAssessed)
        .collect();
    if !short.is_empty() {
        doc.push(&heading(lang.pick(
            "三、未达到要求的指标",
            "3. Indicators short of the requirement",
        )));
        for r in &short {
            doc.push(&body(&shortfall(r, report, lang)));
        }
    }
    let mut notes = summary::explanations(report, lang);
    notes.extend(summary::notes(report, lang));
    let sources = sources(
        report.results.iter().map(|r| {
            (
                wording::result_in_prose(r, report),
                labels::source(r.source.as_deref(), r.remark.as_deref(), lang),
            )
        }),
        lang,
    );
    let number = match (short.is_empty(), lang) {
        (false, Lang::Zh) => "四、",
        (true, Lang::Zh) => "三、",
        (false, Lang::En) => "4. ",
        (true, Lang::En) => "3. ",
    };
    notes_section(&mut doc, number, &notes, &sources, lang);
    doc
}
