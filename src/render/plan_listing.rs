//! `plan-check plan`: the plan's indicators with the rule each is judged by, and
//! the consistency notes on the plan's own columns (勾稽关系).

use super::{Style, labels};
use crate::assess::overview::{PlanColumn, PlanOverview};
use crate::lang::Lang;
use comfy_table::CellAlignment;
use std::fmt::Write as _;

pub fn render(plan: &PlanOverview, style: Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    super::line(&mut out, format_args!("《{}》", plan.title));
    let details = [
        (lang.pick("文件", "File"), Some(plan.file.clone())),
        (lang.pick("地区", "Region"), plan.region.clone()),
        (lang.pick("印发", "Issued by"), plan.issuer.clone()),
        (lang.pick("日期", "Date"), plan.issued.clone()),
        (lang.pick("来源表", "Table"), plan.table.clone()),
        (
            lang.pick("规划期", "Period"),
            Some(format!("{}–{}", plan.baseline_year, plan.target_year)),
        ),
    ];
    for (label, value) in details {
        if let Some(value) = value {
            super::line(
                &mut out,
                format_args!("{label}{}{value}", lang.pick("：", ": ")),
            );
        }
    }

    let mut table = super::fit::new_table(Style {
        color: false,
        ..style
    });
    let header: Vec<String> = [
        "id",
        lang.pick("分类", "Category"),
        lang.pick("指标", "Indicator"),
        lang.pick("单位", "Unit"),
        lang.pick("属性", "Attribute"),
        lang.pick("基期", "Baseline"),
        lang.pick("目标（原文）", "Target (printed)"),
        lang.pick("判断规则", "Rule"),
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    let rows: Vec<Vec<String>> = plan
        .indicators
        .iter()
        .map(|ind| {
            vec![
                ind.id.clone(),
                ind.category.clone(),
                ind.name.clone(),
                ind.unit.clone(),
                labels::attribute(ind.attribute, lang).to_owned(),
                labels::baseline(ind.baseline, ind.baseline_text.as_deref()),
                ind.target_text.clone(),
                labels::rule_with_years(
                    labels::rule_with_period(
                        labels::rule(&ind.rule, ind.relative_to.as_deref(), ind.baseline, lang),
                        ind.period_rule.as_ref(),
                        ind.relative_to.as_deref(),
                        lang,
                    ),
                    &ind.year_requirements,
                    lang,
                ),
            ]
        })
        .collect();
    // On a terminal narrower than the table: one indicator a few lines,
    // broken only between items.
    let widths = super::fit::column_widths(&header, &rows);
    if let Some(width) = style
        .width
        .map(usize::from)
        .filter(|&w| super::fit::table_width(&widths) > w)
    {
        for row in &rows {
            let head = [
                row[0].clone(),
                row[1].clone(),
                format!("{}（{}）", row[2], row[3]),
                row[4].clone(),
            ];
            for line in super::fit::stack("", "  ", &head, width) {
                super::line(&mut out, format_args!("{line}"));
            }
            let items = [
                format!("{} {}", header[5], row[5]),
                format!("{} {}", header[6], row[6]),
                format!("{} {}", header[7], row[7]),
            ];
            for line in super::fit::stack("    ", "    ", &items, width) {
                super::line(&mut out, format_args!("{line}"));
            }
        }
    } else {
        table.set_header(header);
        for row in rows {
            let cells: Vec<comfy_table::Cell> = row
                .into_iter()
                .enumerate()
                .map(|(i, text)| {
                    let cell = super::cell(text);
                    if i == 5 || i == 6 {
                        cell.set_alignment(CellAlignment::Right)
                    } else {
                        cell
                    }
                })
                .collect();
            table.add_row(cells);
        }
        let _ = writeln!(out, "{table}");
    }

    for check in &plan.cross_checks {
        let column = match check.column {
            PlanColumn::Baseline => {
                format!("{}{}", plan.baseline_year, lang.pick("年基期", " baseline"))
            }
            PlanColumn::Target => format!("{}{}", plan.target_year, lang.pick("年目标", " target")),
        };
        let parts = &check.parts;
        {
            let mark = if check.adds_up { "✓" } else { "!" };
            let (total, sum) = (
                labels::number(check.total_value),
                labels::number(check.parts_sum),
            );
            let _ = match (lang, check.partial, check.adds_up) {
                (Lang::Zh, false, true) => writeln!(
                    out,
                    "{mark} 勾稽关系（{column}）：{} = {total}，其中 {} 之和 = {sum}，一致",
                    check.total,
                    parts.join(" + "),
                ),
                (Lang::Zh, false, false) => writeln!(
                    out,
                    "{mark} 勾稽关系（{column}）：{} = {total}，其中 {} 之和 = {sum}，不一致（提示，非错误）",
                    check.total,
                    parts.join(" + "),
                ),
                (Lang::Zh, true, true) => writeln!(
                    out,
                    "{mark} 勾稽关系（{column}）：{} = {total}，其中 {} = {sum}，不大于合计",
                    check.total,
                    parts.join(" + "),
                ),
                (Lang::Zh, true, false) => writeln!(
                    out,
                    "{mark} 勾稽关系（{column}）：{} = {total}，其中 {} = {sum}，大于合计（提示，非错误）",
                    check.total,
                    parts.join(" + "),
                ),
                (Lang::En, false, adds_up) => writeln!(
                    out,
                    "{mark} cross-check ({column}): {} = {total}, parts {} sum to {sum}: {}",
                    check.total,
                    parts.join(" + "),
                    if adds_up {
                        "adds up"
                    } else {
                        "does not add up (a note, not an error)"
                    },
                ),
                (Lang::En, true, adds_up) => writeln!(
                    out,
                    "{mark} cross-check ({column}): {} = {total}, its part {} = {sum}: {}",
                    check.total,
                    parts.join(" + "),
                    if adds_up {
                        "within the total"
                    } else {
                        "above the total (a note, not an error)"
                    },
                ),
            };
        }
    }
    if !plan.notes.is_empty() {
        let _ = writeln!(
            out,
            "{}{}",
            lang.pick("规划表注：", "The plan's notes: "),
            plan.notes.join(" ")
        );
    }
    for ind in &plan.indicators {
        if let Some(note) = ind.note.as_ref().filter(|n| !plan.notes.contains(n)) {
            let _ = writeln!(out, "{}：{note}", ind.name);
        }
    }
    // The lines around the table (cross-checks, notes) wrapped to the
    // terminal, never inside a number.
    match style.width {
        Some(w) => {
            let mut wrapped = String::new();
            for line in out.lines() {
                for piece in super::fit::wrap_text(line, usize::from(w), 2) {
                    wrapped.push_str(&piece);
                    wrapped.push('\n');
                }
            }
            wrapped
        }
        None => out,
    }
}
