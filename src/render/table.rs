//! The terminal table: one row per indicator as in the plan's own table, then a
//! summary in the words of an official evaluation.

use super::{Style, labels};
use crate::assess::{IndicatorResult, Status, YearReport};
use crate::lang::Lang;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table, presets};
use std::fmt::Write as _;

pub fn render(report: &YearReport, style: Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(report, lang));

    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if style.color {
        table.enforce_styling();
        table.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.force_no_tty();
    }
    let year = report.year;
    table.set_header(vec![
        lang.pick("分类", "Category").to_owned(),
        lang.pick("指标", "Indicator").to_owned(),
        lang.pick("单位", "Unit").to_owned(),
        lang.pick("属性", "Attribute").to_owned(),
        format!(
            "{}{}",
            lang.pick("基期 ", "Baseline "),
            report.plan.baseline_year
        ),
        format!(
            "{}{}",
            lang.pick("目标 ", "Target "),
            report.plan.target_year
        ),
        format!("{year}{}", lang.pick("年要求", " required")),
        format!("{year}{}", lang.pick("年实际", " actual")),
        format!(
            "{}{}",
            lang.pick("完成进度\n时间 ", "Progress\ntime "),
            labels::percent(report.elapsed)
        ),
        lang.pick("结果", "Result").to_owned(),
    ]);
    let mut previous_category: Option<&str> = None;
    for r in &report.results {
        let category = if previous_category == Some(r.category.as_str()) {
            String::new()
        } else {
            r.category.clone()
        };
        previous_category = Some(&r.category);
        table.add_row(vec![
            Cell::new(category),
            Cell::new(display_name(r)),
            Cell::new(&r.unit),
            Cell::new(labels::attribute(r.attribute, lang)),
            Cell::new(labels::number(r.baseline)).set_alignment(CellAlignment::Right),
            Cell::new(&r.target_text).set_alignment(CellAlignment::Right),
            Cell::new(
                r.requirement
                    .map(|req| labels::requirement(&req, lang))
                    .unwrap_or_else(|| "—".to_owned()),
            )
            .set_alignment(CellAlignment::Right),
            Cell::new(r.actual.map_or_else(|| "—".to_owned(), labels::number))
                .set_alignment(CellAlignment::Right),
            Cell::new(r.completion.map_or_else(|| "—".to_owned(), labels::percent))
                .set_alignment(CellAlignment::Right),
            status_cell(r.status, style),
        ]);
    }
    let _ = writeln!(out, "{table}");
    out.push_str(&summary(report, style));
    out
}

fn heading(report: &YearReport, lang: Lang) -> String {
    let region = if report.region.is_empty() {
        String::new()
    } else {
        format!("{} · ", report.region)
    };
    match lang {
        Lang::Zh => format!(
            "{region}《{}》{}年指标检查（时间进度 {}）",
            report.plan.title,
            report.year,
            labels::percent(report.elapsed)
        ),
        Lang::En => format!(
            "{region}{}: indicators in {} ({} of the plan period elapsed)",
            report.plan.title,
            report.year,
            labels::percent(report.elapsed)
        ),
    }
}

fn display_name(r: &IndicatorResult) -> String {
    crate::plan::display_name(&r.name, r.part_of.is_some())
}

fn status_cell(status: Status, style: Style) -> Cell {
    let cell = Cell::new(labels::status(status, style.lang));
    if !style.color {
        return cell;
    }
    cell.fg(match status {
        Status::Achieved | Status::OnTrack => Color::Green,
        Status::Behind => Color::Yellow,
        Status::Failed => Color::Red,
        Status::Missing => Color::Magenta,
        Status::NotAssessed => Color::DarkGrey,
    })
}

/// The lines under the table: counts per attribute, the verdict, and notes.
fn summary(report: &YearReport, style: Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let s = &report.summary;
    for (attribute, counts) in [
        (crate::plan::Attribute::Binding, &s.binding),
        (crate::plan::Attribute::Expected, &s.expected),
    ] {
        if counts.total == 0 {
            continue;
        }
        let parts: Vec<String> = Status::ALL
            .iter()
            .filter(|st| !st.passes())
            .filter_map(|&st| {
                let n = match st {
                    Status::Behind => counts.behind,
                    Status::Failed => counts.failed,
                    Status::Missing => counts.missing,
                    Status::NotAssessed => counts.not_assessed,
                    Status::Achieved | Status::OnTrack => 0,
                };
                (n > 0).then(|| match lang {
                    Lang::Zh => format!("{}{n}项", labels::status(st, lang)),
                    Lang::En => format!("{n} {}", labels::status(st, lang)),
                })
            })
            .collect();
        let rest = if parts.is_empty() {
            String::new()
        } else {
            match lang {
                Lang::Zh => format!("；{}", parts.join("，")),
                Lang::En => format!("; {}", parts.join(", ")),
            }
        };
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "{}指标{}项：达到要求{}项（已达标{}，符合序时进度{}）{rest}。",
                labels::attribute(attribute, lang),
                counts.total,
                counts.pass,
                counts.achieved,
                counts.on_track,
            ),
            Lang::En => writeln!(
                out,
                "{} indicators: {} of {} meet the requirement ({} achieved, {} on track){rest}.",
                capitalize(labels::attribute(attribute, lang)),
                counts.pass,
                counts.total,
                counts.achieved,
                counts.on_track,
            ),
        };
    }

    let names = |ids: &[String]| -> String {
        ids.iter()
            .filter_map(|id| report.results.iter().find(|r| &r.id == id))
            .map(|r| format!("{}（{}）", display_name(r), labels::status(r.status, lang)))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    };
    let verdict = if !s.failing_binding.is_empty() {
        match lang {
            Lang::Zh => format!(
                "结论：约束性指标未达到要求：{}。",
                names(&s.failing_binding)
            ),
            Lang::En => format!(
                "Verdict: binding indicators short of their requirement: {}.",
                names(&s.failing_binding)
            ),
        }
    } else if style.strict && !s.failing_expected.is_empty() {
        match lang {
            Lang::Zh => format!(
                "结论：约束性指标均达到要求；严格模式下，预期性指标未达到要求：{}。",
                names(&s.failing_expected)
            ),
            Lang::En => format!(
                "Verdict: binding indicators meet their requirement; in strict mode, expected indicators short of it: {}.",
                names(&s.failing_expected)
            ),
        }
    } else {
        lang.pick(
            "结论：约束性指标均达到要求。",
            "Verdict: every binding indicator meets its requirement.",
        )
        .to_owned()
    };
    let _ = writeln!(out, "{verdict}");

    for r in &report.results {
        let (Some(from), Some(actual)) = (&r.converted_from, r.actual) else {
            continue;
        };
        let place = match (&r.file, r.line) {
            (Some(file), Some(line)) => format!("{file}:{line}"),
            _ => String::new(),
        };
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "单位换算：{} 填报为 {} {}，按 {} {} 检查（{place}）。",
                display_name(r),
                labels::number(from.value),
                from.unit,
                labels::number(actual),
                r.unit
            ),
            Lang::En => writeln!(
                out,
                "Unit converted: {} was reported as {} {}, checked as {} {} ({place}).",
                display_name(r),
                labels::number(from.value),
                from.unit,
                labels::number(actual),
                r.unit
            ),
        };
    }
    for m in &report.parts_mismatches {
        let name_of = |id: &str| {
            report
                .results
                .iter()
                .find(|r| r.id == id)
                .map(|r| format!("{}/{}", r.category, r.name))
                .unwrap_or_default()
        };
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "勾稽关系提示：{} 为 {}，其中各项之和为 {}，二者不一致。",
                name_of(&m.total),
                labels::number(m.total_value),
                labels::number(m.parts_sum)
            ),
            Lang::En => writeln!(
                out,
                "Cross-check: {} is {}, but its parts add up to {}.",
                name_of(&m.total),
                labels::number(m.total_value),
                labels::number(m.parts_sum)
            ),
        };
    }
    out
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
