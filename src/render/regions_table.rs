//! Several regions: one row per region, worst first, with its binding and
//! expected pass counts and the binding indicators it fails; `--matrix` adds a
//! region × indicator grid of compact status symbols with a legend.

use super::{Outcome, Style, labels};
use crate::assess::Status;
use crate::assess::regions::{PlanColumns, RegionRow, RegionsReport};
use crate::lang::Lang;
use comfy_table::{Cell, CellAlignment, Color};
use std::fmt::Write as _;

/// Regions shown in the terminal table and matrix; the rest are counted, and
/// every region is in `--format csv` and `json`.
pub const TABLE_ROWS: usize = 100;

/// The symbol of a status in the matrix.
pub fn symbol(status: Status) -> &'static str {
    super::look::status(status).symbol
}

pub fn render(regions: &RegionsReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let mut table = super::fit::new_table(style);
    let header: Vec<String> = headers(lang).iter().map(|h| h.to_string()).collect();
    let shown: Vec<[String; 5]> = regions
        .regions
        .iter()
        .take(TABLE_ROWS)
        .map(|row| cells(row, &regions.plans, lang))
        .collect();
    // On a terminal, the list of failing indicators wraps to what is left
    // (between names); the region, year and counts never wrap, but on a
    // narrow terminal the counts' headers take two lines (约束性 / 达到要求).
    let left = |header: &[String]| {
        style.width.map(|w| {
            let texts: Vec<Vec<String>> = shown.iter().map(|c| c[..4].to_vec()).collect();
            let mut widths = super::fit::column_widths(&header[..4], &texts);
            widths.push(0);
            usize::from(w).saturating_sub(super::fit::table_width(&widths))
        })
    };
    // The headers as lines: the counts' on two lines when the table would
    // not fit otherwise; the widest line of each sets its column.
    let narrow = left(&header).is_some_and(|room| room < 10);
    let header: Vec<Vec<String>> = if narrow {
        narrow_headers(lang)
    } else {
        headers(lang)
    }
    .iter()
    .map(|h| h.split('\n').map(str::to_owned).collect())
    .collect();
    let widest: Vec<String> = header
        .iter()
        .map(|lines| {
            let width = |t: &&String| unicode_width::UnicodeWidthStr::width(t.as_str());
            lines.iter().max_by_key(width).cloned().unwrap_or_default()
        })
        .collect();
    let room = left(&widest).map(|r| r.max(10));
    // The last header wraps as its column does ("Binding indicators
    // failing" is wider than what is left at 80 columns).
    let header: Vec<Cell> = header
        .iter()
        .enumerate()
        .map(|(i, h)| match (i, room) {
            (4, Some(room)) => super::cell_lines(&super::fit::wrap_text(&h.join(" "), room, 0)),
            _ => super::cell_lines(h),
        })
        .collect();
    table.set_header(header);
    for (row, cells) in regions.regions.iter().zip(shown) {
        let mut line: Vec<Cell> = cells
            .into_iter()
            .enumerate()
            .map(|(i, text)| match (i, room) {
                (4, Some(room)) => super::cell_lines(&super::fit::wrap_text(&text, room, 0)),
                (2..=3, _) => super::cell(text).set_alignment(CellAlignment::Right),
                _ => super::cell(text),
            })
            .collect();
        if style.color && !row.failing_binding.is_empty() {
            line[0] = super::cell(row.region).fg(Color::Red);
        }
        table.add_row(line);
    }
    let _ = writeln!(out, "{table}");
    if let Some(more) = regions
        .regions
        .len()
        .checked_sub(TABLE_ROWS)
        .filter(|&n| n > 0)
    {
        let text = match lang {
            Lang::Zh => {
                format!("（另有{more}个地区未列出；全部地区见 --format csv 或 --format json）")
            }
            Lang::En => format!(
                "({more} more regions not listed; --format csv or --format json has them all)"
            ),
        };
        super::fit::push_wrapped(&mut out, &text, style.width);
    }
    if style.matrix {
        out.push_str(&matrix(regions, style));
    }
    for line in summary_lines(regions, style, outcome) {
        super::fit::push_wrapped(&mut out, &line, style.width);
    }
    out
}

/// What a region's row rests on when it is not the run's latest year: the
/// regions with no figures for it, and those with indicators judged at an
/// earlier year (under the table, and in the Word document).
pub fn judged_earlier(regions: &RegionsReport, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    // A region whose figures stop before the run's latest year (a district
    // that sent no return this year) is judged on its own latest year: said.
    let latest = regions.years.last().copied().unwrap_or_default();
    let behind: Vec<String> = regions
        .regions
        .iter()
        .filter(|r| r.year < latest)
        .map(|r| match lang {
            Lang::Zh => format!("{}（{}）", r.region, r.year),
            Lang::En => format!("{} ({})", r.region, r.year),
        })
        .collect();
    if !behind.is_empty() {
        let k = behind.len();
        let shown = behind.iter().take(10).cloned().collect::<Vec<_>>();
        lines.push(match lang {
            Lang::Zh => format!(
                "没有{latest}年数据、按各自最近一年判断的地区{}：{}{}。",
                if k > 1 {
                    format!("{k}个")
                } else {
                    String::new()
                },
                shown.join("、"),
                if k > shown.len() { "等" } else { "" }
            ),
            Lang::En => format!(
                "{k} region{} with no {latest} figures, judged on {} latest year: {}{}.",
                if k > 1 { "s" } else { "" },
                if k > 1 { "their" } else { "its" },
                shown.join(", "),
                if k > shown.len() {
                    format!(" and {} more", k - shown.len())
                } else {
                    String::new()
                }
            ),
        });
    }
    // Indicators not reported for a region's latest year are judged at
    // their own latest reported year, as in the period view: said, by
    // region, with each indicator's year.
    // (A region with nothing for the run's year is named above, whole.)
    let earlier: Vec<String> = regions
        .regions
        .iter()
        .filter(|r| !r.judged_earlier.is_empty() && r.year >= latest)
        .map(|r| {
            let columns = regions
                .plans
                .get(r.plan_index)
                .map_or(&[][..], |p| &p.indicators);
            let named: Vec<String> = r
                .judged_earlier
                .iter()
                .map(|j| {
                    let name = columns
                        .iter()
                        .find(|c| c.id == j.id)
                        .map_or(j.id, |c| c.name.as_str());
                    match lang {
                        Lang::Zh => format!("{name}按{}年", j.year),
                        Lang::En => format!("{name} on {}", j.year),
                    }
                })
                .collect();
            match lang {
                Lang::Zh => format!("{}（{}）", r.region, named.join("、")),
                Lang::En => format!("{} ({})", r.region, named.join(", ")),
            }
        })
        .collect();
    if !earlier.is_empty() {
        let k = earlier.len();
        let shown = earlier.iter().take(10).cloned().collect::<Vec<_>>();
        lines.push(match lang {
            Lang::Zh => format!(
                "最新一年未填报、按该指标最近一年数据判断的：{}{}。",
                shown.join("；"),
                if k > shown.len() {
                    format!("等 {k} 个地区")
                } else {
                    String::new()
                }
            ),
            Lang::En => format!(
                "Not reported for the latest year, judged on their latest reported year: {}{}.",
                shown.join("; "),
                if k > shown.len() {
                    format!(" and {} more regions", k - shown.len())
                } else {
                    String::new()
                }
            ),
        });
    }
    lines
}

/// [`headers`] for a narrow terminal: the counts' on two lines.
fn narrow_headers(lang: Lang) -> [&'static str; 5] {
    let [region, year, _, _, failing] = headers(lang);
    [
        region,
        year,
        lang.pick("约束性\n达到要求", "Binding\npassing"),
        lang.pick("预期性\n达到要求", "Expected\npassing"),
        failing,
    ]
}

pub fn headers(lang: Lang) -> [&'static str; 5] {
    [
        lang.pick("地区", "Region"),
        lang.pick("年份", "Year"),
        lang.pick("约束性达到要求", "Binding passing"),
        lang.pick("预期性达到要求", "Expected passing"),
        lang.pick("未达到要求的约束性指标", "Binding indicators failing"),
    ]
}

pub fn cells(row: &RegionRow, plans: &[PlanColumns], lang: Lang) -> [String; 5] {
    let columns = plans.get(row.plan_index).map_or(&[][..], |p| &p.indicators);
    let failing: Vec<String> = row
        .failing_binding
        .iter()
        .filter_map(|id| columns.iter().position(|i| &i.id == id))
        .map(|i| {
            let (name, status) = (&columns[i].name, labels::status(row.statuses[i], lang));
            // Judged at an earlier year than the row's: the row's year has
            // no figure, and how it stood then (it read （已达标，2029年）
            // under 未达到要求, as if it passed).
            let earlier = row.judged_earlier.iter().find(|j| j.id == columns[i].id);
            match (lang, earlier) {
                // Never reported at all: no earlier year to say how it stood.
                (Lang::Zh, Some(j)) if j.status == Status::Missing => {
                    format!("{name}（{}年未填报）", row.run_year)
                }
                (Lang::En, Some(j)) if j.status == Status::Missing => {
                    format!("{name} (not reported for {})", row.run_year)
                }
                (Lang::Zh, None) => format!("{name}（{status}）"),
                (Lang::Zh, Some(j)) => format!(
                    "{name}（{}年{status}；{}年{}）",
                    row.run_year,
                    j.year,
                    labels::status(j.status, lang)
                ),
                (Lang::En, None) => format!("{name} ({status})"),
                (Lang::En, Some(j)) => format!(
                    "{name} ({status} for {}; {} in {})",
                    row.run_year,
                    labels::status(j.status, lang),
                    j.year
                ),
            }
        })
        .collect();
    [
        row.region.to_owned(),
        row.year.to_string(),
        format!("{}/{}", row.binding.pass, row.binding.total),
        format!("{}/{}", row.expected.pass, row.expected.total),
        if failing.is_empty() {
            "—".to_owned()
        } else {
            failing.join(lang.pick("、", ", "))
        },
    ]
}

/// The region × indicator grid, columns numbered, with the legend below: one
/// grid per plan when regions are judged against different plans (their
/// indicators, and so the columns, may differ).
fn matrix(regions: &RegionsReport, style: Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let shown = &regions.regions[..regions.regions.len().min(TABLE_ROWS)];
    let mut used: Vec<usize> = shown.iter().map(|r| r.plan_index).collect();
    used.sort_unstable();
    used.dedup();
    for &plan_index in &used {
        let Some(plan) = regions.plans.get(plan_index) else {
            continue;
        };
        if used.len() > 1 {
            let region = plan.region.as_deref().unwrap_or("");
            super::line(&mut out, format_args!("{region}《{}》", plan.title));
        }
        let mut table = super::fit::new_table(style);
        let mut header = vec![lang.pick("地区", "Region").to_owned()];
        header.extend((1..=plan.indicators.len()).map(|i| i.to_string()));
        table.set_header(header);
        for row in shown.iter().filter(|r| r.plan_index == plan_index) {
            let mut line = vec![super::cell(row.region)];
            for &status in &row.statuses {
                let cell = super::cell(symbol(status)).set_alignment(CellAlignment::Center);
                line.push(if style.color {
                    cell.fg(super::look::status(status).tone.terminal())
                } else {
                    cell
                });
            }
            table.add_row(line);
        }
        let _ = writeln!(out, "{table}");
        if plan_index == used[0] {
            let legend: Vec<String> = Status::ALL
                .iter()
                .map(|&s| format!("{} {}", symbol(s), labels::status(s, lang)))
                .collect();
            let text = format!("{}{}", lang.pick("图例：", "Legend: "), legend.join("  "));
            super::fit::push_wrapped(&mut out, &text, style.width);
        }
        for (i, ind) in plan.indicators.iter().enumerate() {
            super::line(
                &mut out,
                format_args!(
                    "  {:>2}  {}/{}{}{}{}",
                    i + 1,
                    ind.category,
                    ind.name,
                    lang.pick("（", " ("),
                    labels::attribute(ind.attribute, lang),
                    lang.pick("）", ")")
                ),
            );
        }
    }
    out
}

/// The lines under the regions table.
pub fn summary_lines(regions: &RegionsReport, style: Style, outcome: Outcome) -> Vec<String> {
    let lang = style.lang;
    let s = &regions.summary;
    let failing = regions.failing_binding();
    let shown = failing.iter().take(20).copied().collect::<Vec<_>>();
    let more = failing.len().saturating_sub(shown.len());
    let list = if more > 0 {
        match lang {
            Lang::Zh => format!("{}等", shown.join("、")),
            Lang::En => format!("{} and {more} more", shown.join(", ")),
        }
    } else {
        shown.join(lang.pick("、", ", "))
    };
    let mut out = vec![match lang {
        Lang::Zh => format!(
            "共{}个地区：约束性指标有未达到要求的{}个，预期性指标有未达到要求的{}个。",
            s.regions, s.regions_failing_binding, s.regions_failing_expected
        ),
        Lang::En => format!(
            "{} regions: {} with a binding indicator short of its requirement, {} with an expected one.",
            s.regions, s.regions_failing_binding, s.regions_failing_expected
        ),
    }];
    out.extend(judged_earlier(regions, lang));
    out.push(if failing.is_empty() && outcome.passes() {
        lang.pick(
            "结论：各地区约束性指标均达到要求。",
            "Verdict: every region meets its binding requirements.",
        )
        .to_owned()
    } else if failing.is_empty() && outcome == Outcome::Incomplete {
        // Some figures could not be checked (a file not read, a region
        // left out): what was checked passes, and no more is said.
        lang.pick(
            "结论：已检查的地区约束性指标均达到要求；有数据未能检查，结果不完整。",
            "Verdict: the regions checked meet their binding requirements; some figures could not be checked and the result is incomplete.",
        )
        .to_owned()
    } else if failing.is_empty() {
        lang.pick(
            "结论：各地区约束性指标均达到要求；严格模式下，有地区的预期性指标未达到要求。",
            "Verdict: every region meets its binding requirements; in strict mode, some regions' expected indicators fall short.",
        )
        .to_owned()
    } else {
        match lang {
            Lang::Zh => format!("结论：约束性指标未达到要求的地区：{list}。"),
            Lang::En => format!(
                "Verdict: regions with binding indicators short of their requirement: {list}."
            ),
        }
    });
    out
}
