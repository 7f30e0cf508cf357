//! `--format xlsx`: the results workbook, written with rust_xlsxwriter: a
//! sheet with one row per indicator (per region and year), a frozen header, an
//! autofilter, column widths fit for Chinese text and the result coloured;
//! then a summary sheet.

use super::{Evaluation, Renderer, Style, View, labels, summary};
use crate::assess::Status;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

/// Display width of text in Excel's character units: CJK counts double.
pub fn width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.1 })
        .sum()
}

/// Sets each column's width to fit its longest cell, within reason.
pub fn fit_columns(sheet: &mut Worksheet, rows: &[Vec<String>]) -> Result<(), XlsxError> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    for c in 0..columns {
        let widest = rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|t| width(t))
            .fold(6.0, f64::max);
        sheet.set_column_width(c as u16, (widest + 2.0).min(60.0))?;
    }
    Ok(())
}

pub fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin)
}

fn status_format(status: Status) -> Format {
    let (fill, font) = super::look::status(status).tone.workbook();
    Format::new()
        .set_background_color(Color::RGB(fill))
        .set_font_color(Color::RGB(font))
}

/// Writes `heads` in bold across the sheet's first row; gives them back as
/// text, for the columns' widths.
fn header_row(
    sheet: &mut Worksheet,
    heads: &[&str],
    bold: &Format,
) -> Result<Vec<String>, XlsxError> {
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, bold)?;
    }
    Ok(heads.iter().map(|h| h.to_string()).collect())
}

/// One row of the results sheet.
struct ResultRow {
    cells: Vec<String>,
    /// Baseline, required, actual, and the figure judged when made from
    /// the yearly ones (年均, 累计).
    numbers: [Option<f64>; 4],
    status: Status,
}

/// `--format xlsx`: the results workbook.
pub struct Results;

impl Renderer for Results {
    fn render(
        &self,
        ev: &Evaluation,
        style: &Style,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        out.write_all(&results(ev, *style)?)?;
        Ok(())
    }
}

/// The results workbook of a run.
fn results(ev: &Evaluation, style: Style) -> Result<Vec<u8>, XlsxError> {
    let lang = style.lang;
    let mut rows: Vec<ResultRow> = Vec::new();
    let text_of = |r: &crate::assess::IndicatorResult| {
        labels::result_requirement(r, lang).unwrap_or_else(|| "—".to_owned())
    };
    match &ev.view {
        View::Period(period) => {
            for s in &period.indicators {
                for p in &s.series {
                    rows.push(ResultRow {
                        cells: vec![
                            period.region.clone(),
                            p.year.to_string(),
                            s.category.clone(),
                            s.display_name(),
                            s.unit.clone(),
                            labels::attribute(s.attribute, lang).to_owned(),
                            s.target_text.clone(),
                            p.requirement
                                .map(|q| labels::requirement_on(&q, s.judged_on, lang))
                                .unwrap_or_else(|| "—".to_owned()),
                            labels::status(p.status, lang).to_owned(),
                            labels::source(p.source.as_deref(), p.remark.as_deref(), lang),
                        ],
                        numbers: [s.baseline, p.required, p.actual, p.derived],
                        status: p.status,
                    });
                }
            }
        }
        _ => {
            for report in ev.year_reports() {
                for r in &report.results {
                    rows.push(ResultRow {
                        cells: vec![
                            report.region.clone(),
                            // The year the line is judged at.
                            r.as_of.unwrap_or(report.year).to_string(),
                            r.category.clone(),
                            summary::display_name(r),
                            r.unit.clone(),
                            labels::attribute(r.attribute, lang).to_owned(),
                            r.target_text.clone(),
                            text_of(r),
                            // Judged at an earlier year: the run's year has
                            // no figure (it read 已达标 while the run failed
                            // the region: a reviewer's).
                            match r.as_of {
                                Some(earlier) => labels::judged_earlier(earlier, r.status, lang),
                                None => labels::status(r.status, lang).to_owned(),
                            },
                            labels::source(r.source.as_deref(), r.remark.as_deref(), lang),
                        ],
                        numbers: [
                            r.baseline,
                            r.required,
                            r.actual,
                            r.derived.as_ref().map(|d| d.value),
                        ],
                        status: r.run_status(),
                    });
                }
            }
        }
    }

    let mut workbook = Workbook::new();
    let header: Vec<&str> = vec![
        lang.pick("地区", "Region"),
        lang.pick("年份", "Year"),
        lang.pick("分类", "Category"),
        lang.pick("指标", "Indicator"),
        lang.pick("单位", "Unit"),
        lang.pick("属性", "Attribute"),
        lang.pick("目标（原文）", "Target (printed)"),
        lang.pick("要求", "Requirement"),
        lang.pick("结果", "Result"),
        lang.pick("来源", "Source"),
        lang.pick("基期值", "Baseline"),
        lang.pick("要求数值", "Required"),
        lang.pick("实际", "Actual"),
        lang.pick("年均/累计（按此判断）", "Average/cumulative (judged)"),
    ];
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("检查结果", "Results"))?;
    let bold = header_format();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, text) in row.cells.iter().enumerate() {
            if c == 8 {
                sheet.write_string_with_format(r, c as u16, text, &status_format(row.status))?;
            } else if c == 1 {
                sheet.write_number(r, c as u16, text.parse::<f64>().unwrap_or(0.0))?;
            } else {
                sheet.write_string(r, c as u16, text)?;
            }
        }
        for (k, number) in row.numbers.iter().enumerate() {
            let c = (10 + k) as u16;
            match number {
                Some(v) => sheet.write_number(r, c, *v)?,
                None => sheet.write_blank(r, c, &Format::new())?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, header.len() as u16 - 1)?;
    let mut texts: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
    texts.extend(rows.iter().map(|r| r.cells.clone()));
    fit_columns(sheet, &texts)?;

    let summary_sheet = workbook.add_worksheet();
    summary_sheet.set_name(lang.pick("汇总", "Summary"))?;
    let mut lines = match &ev.view {
        View::Regions(regions) => super::regions_table::summary_lines(regions, style, ev.outcome),
        View::Period(period) => super::period_table::lines(period, style, ev.outcome),
        View::Year(report) => summary::lines(report, style, ev.outcome),
    };
    // What could not be checked, with each file's first error.
    lines.extend(super::incomplete::failed_inputs(
        &ev.failed,
        lang,
        super::incomplete::Shown::Document,
    ));
    let mut summary_texts = Vec::new();
    let mut row = 0u32;
    if let View::Regions(regions) = &ev.view {
        let heads = [
            lang.pick("地区", "Region"),
            lang.pick("年份", "Year"),
            lang.pick("约束性达到要求", "Binding passing"),
            lang.pick("约束性指标数", "Binding indicators"),
            lang.pick("预期性达到要求", "Expected passing"),
            lang.pick("预期性指标数", "Expected indicators"),
            lang.pick("未达到要求的约束性指标", "Binding indicators failing"),
        ];
        summary_texts.push(header_row(summary_sheet, &heads, &bold)?);
        for (i, region) in regions.regions.iter().enumerate() {
            let r = i as u32 + 1;
            summary_sheet.write_string(r, 0, region.region)?;
            summary_sheet.write_number(r, 1, f64::from(region.year))?;
            summary_sheet.write_number(r, 2, region.binding.pass as f64)?;
            summary_sheet.write_number(r, 3, region.binding.total as f64)?;
            summary_sheet.write_number(r, 4, region.expected.pass as f64)?;
            summary_sheet.write_number(r, 5, region.expected.total as f64)?;
            // By name and status, as the terminal table names them.
            let failing = if region.failing_binding.is_empty() {
                String::new()
            } else {
                let [.., names] = super::regions_table::cells(region, &regions.plans, lang);
                names
            };
            summary_sheet.write_string(r, 6, &failing)?;
            summary_texts.push(vec![
                region.region.to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                failing,
            ]);
        }
        summary_sheet.set_freeze_panes(1, 0)?;
        summary_sheet.autofilter(0, 0, regions.regions.len() as u32, 6)?;
        row = regions.regions.len() as u32 + 2;
    }
    if let View::Period(period) = &ev.view {
        // Each indicator's outlook over the period, at its own latest year.
        let heads = [
            lang.pick("分类", "Category"),
            lang.pick("指标", "Indicator"),
            lang.pick("属性", "Attribute"),
            lang.pick("评估", "Outlook"),
            lang.pick("依据年份", "As of"),
            lang.pick("完成进度", "Completion"),
            lang.pick("进度比", "Pace ratio"),
        ];
        summary_texts.push(header_row(summary_sheet, &heads, &bold)?);
        for (i, s) in period.indicators.iter().enumerate() {
            let r = i as u32 + 1;
            let outlook = labels::outlook(s.outlook, lang);
            summary_sheet.write_string(r, 0, &s.category)?;
            summary_sheet.write_string(r, 1, s.display_name())?;
            summary_sheet.write_string(r, 2, labels::attribute(s.attribute, lang))?;
            summary_sheet.write_string(r, 3, outlook)?;
            summary_sheet.write_number(r, 4, f64::from(s.as_of))?;
            if let Some(c) = s.completion {
                summary_sheet.write_string(r, 5, labels::percent(c))?;
            }
            if let Some(p) = s.pace_ratio {
                summary_sheet.write_number(r, 6, labels::ratio(p))?;
            }
            summary_texts.push(vec![
                s.category.clone(),
                s.display_name(),
                String::new(),
                outlook.to_owned(),
            ]);
        }
        summary_sheet.set_freeze_panes(1, 0)?;
        row = period.indicators.len() as u32 + 2;
    }
    for line in &lines {
        summary_sheet.write_string(row, 0, line)?;
        row += 1;
    }
    if summary_texts.is_empty() {
        summary_sheet.set_column_width(0, 100)?;
    } else {
        fit_columns(summary_sheet, &summary_texts)?;
    }
    workbook.save_to_buffer()
}
