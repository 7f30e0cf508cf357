//! The period view in the terminal: one row per indicator, one column per year,
//! a trend strip, the latest pace, the projection to the target year and the
//! outlook; then a summary in the words of an official evaluation.

use super::{Outcome, Style, labels, summary};
use crate::assess::period::{IndicatorSeries, Outlook, PeriodReport, Reach};
use crate::lang::Lang;
use crate::vocabulary::Attribute;
use comfy_table::{CellAlignment, Color};
use std::fmt::Write as _;

const GLYPHS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A strip of block glyphs from the baseline and each year's value, scaled from
/// the smallest to the largest; `·` for a year not reported.
pub fn trend_strip(
    baseline_year: i32,
    baseline: Option<f64>,
    points: &[(i32, Option<f64>)],
) -> String {
    let mut values: Vec<Option<f64>> = vec![baseline];
    values.extend(
        points
            .iter()
            .filter(|(y, _)| *y > baseline_year)
            .map(|(_, v)| *v),
    );
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let min = known.iter().copied().fold(f64::INFINITY, f64::min);
    let max = known.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| match v {
            None => '·',
            Some(_) if max - min < 1e-12 => GLYPHS[3],
            Some(v) => {
                let level = ((v - min) / (max - min) * 7.0).round() as usize;
                GLYPHS[level.min(7)]
            }
        })
        .collect()
}

/// The projection cell: the trend's target-year value and whether it meets the target.
fn projection_cell(s: &IndicatorSeries) -> String {
    match s.projection {
        None => "—".to_owned(),
        Some(p) => format!(
            "{} {}",
            labels::projected(p.target_year_value, s),
            if p.meets_target { "✓" } else { "✗" }
        ),
    }
}

fn reach_cell(s: &IndicatorSeries, target_year: i32, lang: Lang) -> String {
    match s.projection.and_then(|p| p.reach) {
        Some(Reach::AlreadyMet) => lang.pick("已达标", "met").to_owned(),
        Some(Reach::InYear { year }) => format!("{year}{}", lang.pick("年", "")),
        Some(Reach::NotByTargetYear) => match lang {
            Lang::Zh => format!("{target_year}年后"),
            Lang::En => format!("after {target_year}"),
        },
        Some(Reach::Away) => lang.pick("按趋势达不到", "not on trend").to_owned(),
        None => "—".to_owned(),
    }
}

/// The columns of the period table. The full table has them all; narrower
/// terminals get the widest compact set that fits (see [`super::fit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Category,
    /// The name; in the compact layouts with its unit and ★ for binding.
    Name,
    Unit,
    Attribute,
    Baseline,
    Target,
    /// The years of the run, one column each.
    Years,
    /// The two latest years of the run only: a narrow terminal keeps the
    /// target and the outlook rather than every year.
    Latest,
    Trend,
    Completion,
    Projection,
    Reach,
    Outlook,
}

const FULL: &[Col] = &[
    Col::Category,
    Col::Name,
    Col::Unit,
    Col::Attribute,
    Col::Baseline,
    Col::Target,
    Col::Years,
    Col::Trend,
    Col::Completion,
    Col::Projection,
    Col::Reach,
    Col::Outlook,
];

/// The compact sets, widest first: 预计达标 goes first, then 基期, 完成进度,
/// the projection, the trend, then the years before the latest two; the
/// target and the outlook stay (a period table without its target cannot be
/// read).
const COMPACT: [&[Col]; 6] = [
    &[
        Col::Name,
        Col::Baseline,
        Col::Target,
        Col::Years,
        Col::Trend,
        Col::Completion,
        Col::Projection,
        Col::Outlook,
    ],
    &[
        Col::Name,
        Col::Target,
        Col::Years,
        Col::Trend,
        Col::Completion,
        Col::Projection,
        Col::Outlook,
    ],
    &[
        Col::Name,
        Col::Target,
        Col::Years,
        Col::Trend,
        Col::Projection,
        Col::Outlook,
    ],
    &[Col::Name, Col::Target, Col::Years, Col::Trend, Col::Outlook],
    &[Col::Name, Col::Target, Col::Years, Col::Outlook],
    &[Col::Name, Col::Target, Col::Latest, Col::Outlook],
];

/// The years the `Latest` column shows: the run's last two.
fn latest_years(period: &PeriodReport) -> &[i32] {
    &period.years[period.years.len().saturating_sub(2)..]
}

/// One cell: its text, whether it aligns right, and its colour.
struct Text {
    text: String,
    right: bool,
    color: Option<Color>,
}

/// Whether any indicator has a trend carried to the target year: none has
/// once the target year is reported (a 总结评估), and then the projection's
/// columns and legend are left out, not shown empty.
fn projects(period: &PeriodReport) -> bool {
    period.indicators.iter().any(|s| s.projection.is_some())
}

/// `columns` as shown: without the projection's when nothing is projected.
fn shown(period: &PeriodReport, columns: &[Col]) -> Vec<Col> {
    let projects = projects(period);
    columns
        .iter()
        .copied()
        .filter(|c| projects || !matches!(c, Col::Projection | Col::Reach))
        .collect()
}

fn headers(period: &PeriodReport, columns: &[Col], lang: Lang) -> Vec<String> {
    let plan = super::columns::plan_headers(&period.plan, lang);
    let mut out = Vec::new();
    for col in &shown(period, columns) {
        match col {
            Col::Category => out.push(plan[0].clone()),
            Col::Name => out.push(plan[1].clone()),
            Col::Unit => out.push(plan[2].clone()),
            Col::Attribute => out.push(plan[3].clone()),
            Col::Baseline => out.push(plan[4].clone()),
            Col::Target => out.push(plan[5].clone()),
            Col::Years => out.extend(period.years.iter().map(i32::to_string)),
            Col::Latest => out.extend(latest_years(period).iter().map(i32::to_string)),
            Col::Trend => out.push(lang.pick("走势", "Trend").to_owned()),
            Col::Completion => out.push(format!(
                "{}\n{}{}",
                lang.pick("完成进度", "Progress"),
                lang.pick("时间 ", "time "),
                labels::percent(period.elapsed)
            )),
            Col::Projection => out.push(format!(
                "{}{}",
                period.plan.target_year,
                lang.pick("年预计", " projected")
            )),
            Col::Reach => out.push(lang.pick("预计达标", "Meets target").to_owned()),
            Col::Outlook => out.push(lang.pick("评估", "Outlook").to_owned()),
        }
    }
    out
}

/// The name as the compact layouts show it: with its unit, ★ when binding.
fn compact_name(s: &IndicatorSeries) -> String {
    let unit = if s.unit.is_empty() {
        String::new()
    } else {
        format!("（{}）", s.unit)
    };
    let star = if s.attribute == Attribute::Binding {
        " ★"
    } else {
        ""
    };
    format!("{}{unit}{star}", s.display_name())
}

fn outlook_text(s: &IndicatorSeries, latest_year: i32, lang: Lang) -> String {
    // The year the outlook is taken at, when older than the run's latest.
    // Not judged is not judged whatever year (was `不考核（2029）`).
    if s.as_of == latest_year || s.outlook == Outlook::NotAssessed {
        labels::outlook(s.outlook, lang).to_owned()
    } else if s.outlook == Outlook::Missing {
        // The year without a figure, not the one judged (`未填报（2024）`
        // read as 2024 not reported, a reviewer's 总结评估).
        match lang {
            Lang::Zh => format!("{}（{latest_year}年）", labels::outlook(s.outlook, lang)),
            Lang::En => format!("{} ({latest_year})", labels::outlook(s.outlook, lang)),
        }
    } else {
        match lang {
            Lang::Zh => format!("{}（{}）", labels::outlook(s.outlook, lang), s.as_of),
            Lang::En => format!("{} ({})", labels::outlook(s.outlook, lang), s.as_of),
        }
    }
}

/// The cells of one indicator for `columns`; `category` is the text of the
/// category cell (empty when it repeats the row above).
fn cells(
    period: &PeriodReport,
    s: &IndicatorSeries,
    columns: &[Col],
    category: String,
    style: Style,
) -> Vec<Text> {
    let lang = style.lang;
    let plain = |text: String| Text {
        text,
        right: false,
        color: None,
    };
    let right = |text: String| Text {
        text,
        right: true,
        color: None,
    };
    let compact = !columns.contains(&Col::Unit);
    let mut out = Vec::new();
    for col in columns {
        match col {
            Col::Category => out.push(plain(category.clone())),
            Col::Name if compact => out.push(plain(compact_name(s))),
            Col::Name => out.push(plain(s.display_name())),
            Col::Unit => out.push(plain(s.unit.clone())),
            Col::Attribute => out.push(plain(labels::attribute(s.attribute, lang).to_owned())),
            Col::Baseline => out.push(right(labels::baseline(
                s.baseline,
                s.baseline_text.as_deref(),
            ))),
            Col::Target => out.push(right(s.target_text.clone())),
            Col::Years | Col::Latest => {
                let shown = if *col == Col::Latest {
                    s.series.len().saturating_sub(2)
                } else {
                    0
                };
                for p in &s.series[shown..] {
                    let text = labels::point_figure(p);
                    out.push(Text {
                        color: (style.color && !p.pass && p.actual.is_some())
                            .then_some(Color::Yellow),
                        ..right(text)
                    });
                }
            }
            Col::Trend => {
                let points: Vec<(i32, Option<f64>)> =
                    s.series.iter().map(|p| (p.year, p.actual)).collect();
                out.push(plain(trend_strip(s.baseline_year, s.baseline, &points)));
            }
            Col::Completion => out.push(right(s.completion.map_or_else(
                || "—".to_owned(),
                |c| labels::percents_apart(c, s.due.unwrap_or(period.elapsed)).0,
            ))),
            Col::Projection => out.push(right(projection_cell(s))),
            Col::Reach => out.push(right(reach_cell(s, period.plan.target_year, lang))),
            Col::Outlook => out.push(Text {
                color: style
                    .color
                    .then(|| super::look::outlook(s.outlook).tone.terminal()),
                ..plain(outlook_text(s, period.latest_year, lang))
            }),
        }
    }
    out
}

/// Every row's cells for `columns`, the category blank where it repeats.
fn rows(period: &PeriodReport, columns: &[Col], style: Style) -> Vec<Vec<Text>> {
    let columns = &shown(period, columns);
    let mut previous: Option<&str> = None;
    period
        .indicators
        .iter()
        .map(|s| {
            let category = if previous == Some(s.category.as_str()) {
                String::new()
            } else {
                s.category.clone()
            };
            previous = Some(&s.category);
            cells(period, s, columns, category, style)
        })
        .collect()
}

/// The widest compact set that fits `width`, with the room left for names.
fn compact_columns(
    period: &PeriodReport,
    style: Style,
    width: u16,
) -> Option<(&'static [Col], usize)> {
    super::fit::choose(&COMPACT, width, |columns| {
        let header = headers(period, columns, style.lang);
        let texts: Vec<Vec<String>> = rows(period, columns, style)
            .into_iter()
            .map(|r| r.into_iter().map(|t| t.text).collect())
            .collect();
        let mut widths = super::fit::column_widths(&header, &texts);
        let natural = widths[0];
        widths[0] = 0;
        (natural, super::fit::table_width(&widths))
    })
}

pub fn render(period: &PeriodReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let region = summary::region_prefix(&period.region);
    let first = period.years.first().copied().unwrap_or(period.latest_year);
    let heading = match lang {
        Lang::Zh => format!(
            "{region}《{}》{first}–{}年 期间评估（时间进度 {}）",
            period.plan.title,
            period.latest_year,
            labels::percent(period.elapsed)
        ),
        Lang::En => format!(
            "{region}{}: evaluation {first}–{} ({} of the plan period elapsed)",
            period.plan.title,
            period.latest_year,
            labels::percent(period.elapsed)
        ),
    };
    let wrap = |out: &mut String, text: &str| super::fit::push_wrapped(out, text, style.width);
    wrap(&mut out, &heading);
    let full_header = headers(period, FULL, lang);
    let full_rows = rows(period, FULL, style);
    let full_width = super::fit::table_width(&super::fit::column_widths(
        &full_header,
        &full_rows
            .iter()
            .map(|r| r.iter().map(|t| t.text.clone()).collect())
            .collect::<Vec<_>>(),
    ));
    let mut projection_shown = projects(period);
    match style.width {
        Some(w) if full_width > usize::from(w) => match compact_columns(period, style, w) {
            Some((columns, room)) => {
                projection_shown = columns.contains(&Col::Projection) && projects(period);
                out.push_str(&compact(period, style, columns, room));
            }
            None => out.push_str(&stacked(period, style, usize::from(w))),
        },
        _ => {
            let mut table = super::fit::new_table(style);
            table.set_header(full_header);
            for row in full_rows {
                table.add_row(row.into_iter().map(to_cell).collect::<Vec<_>>());
            }
            let _ = writeln!(out, "{table}");
        }
    }
    for line in lines_for(period, style, outcome, projection_shown) {
        wrap(&mut out, &line);
    }
    out
}

fn to_cell(t: Text) -> comfy_table::Cell {
    let mut cell = super::cell(t.text);
    if t.right {
        cell = cell.set_alignment(CellAlignment::Right);
    }
    match t.color {
        Some(color) => cell.fg(color),
        None => cell,
    }
}

/// The compact table: categories as rows of their own, names (with unit,
/// ★ binding) wrapped to `room`, figures never wrapped.
fn compact(period: &PeriodReport, style: Style, columns: &[Col], room: usize) -> String {
    let mut table = super::fit::new_table(style);
    table.set_header(headers(period, columns, style.lang));
    let mut category: Option<&str> = None;
    for (s, row) in period.indicators.iter().zip(rows(period, columns, style)) {
        if category != Some(s.category.as_str()) {
            category = Some(&s.category);
            let label = format!("【{}】", s.category);
            table.add_row(vec![super::cell_lines(&super::fit::wrap_text(
                &label, room, 0,
            ))]);
        }
        let mut cells = row.into_iter();
        let mut line = Vec::new();
        if let Some(name) = cells.next() {
            line.push(super::cell_lines(&super::fit::wrap_text(
                &name.text, room, 0,
            )));
        }
        line.extend(cells.map(to_cell));
        table.add_row(line);
    }
    let mut out = format!("{table}\n");
    super::fit::push_wrapped(&mut out, super::fit::legend(style.lang), style.width);
    if columns.contains(&Col::Latest) && period.years.len() > 2 {
        let shown: Vec<String> = latest_years(period).iter().map(i32::to_string).collect();
        let text = match style.lang {
            Lang::Zh => format!(
                "只列最近两年（{}）的数；各年的数见 --wide 或更宽的终端。",
                shown.join("、")
            ),
            Lang::En => format!(
                "Only the latest two years ({}) are shown; --wide or a wider terminal shows every year.",
                shown.join(", ")
            ),
        };
        super::fit::push_wrapped(&mut out, &text, style.width);
    }
    out
}

/// One indicator a few lines, broken only between items: the name, its
/// outlook and target, then the years' figures and the trend.
fn stacked(period: &PeriodReport, style: Style, width: usize) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let mut category: Option<&str> = None;
    for s in &period.indicators {
        if category != Some(s.category.as_str()) {
            category = Some(&s.category);
            super::line(&mut out, format_args!("【{}】", s.category));
        }
        for piece in super::fit::wrap_text(&compact_name(s), width, 2) {
            super::line(&mut out, format_args!("{piece}"));
        }
        let mut items = vec![
            format!(
                "{} {}",
                lang.pick("评估", "Outlook"),
                outlook_text(s, period.latest_year, lang)
            ),
            format!("{} {}", lang.pick("目标", "Target"), s.target_text),
        ];
        items.extend(
            s.series
                .iter()
                .map(|p| format!("{} {}", p.year, labels::point_figure(p))),
        );
        let points: Vec<(i32, Option<f64>)> = s.series.iter().map(|p| (p.year, p.actual)).collect();
        items.push(format!(
            "{} {}",
            lang.pick("走势", "Trend"),
            trend_strip(s.baseline_year, s.baseline, &points)
        ));
        if s.projection.is_some() {
            items.push(format!(
                "{}{} {}",
                period.plan.target_year,
                lang.pick("年预计", " projected"),
                projection_cell(s)
            ));
        }
        for l in super::fit::stack("    ", "    ", &items, width) {
            super::line(&mut out, format_args!("{l}"));
        }
    }
    super::fit::push_wrapped(
        &mut out,
        super::fit::legend(lang),
        u16::try_from(width).ok(),
    );
    out
}

/// The binding indicators not on schedule, as `名称（评估）`, then those that
/// missed a year's own requirement before their latest (`名称（2023年未达到
/// 当年要求）`): the report's list of binding indicators to watch.
pub fn binding_not_on_track(period: &PeriodReport, lang: Lang) -> Vec<String> {
    let binding = || {
        period
            .indicators
            .iter()
            .filter(|s| s.attribute == Attribute::Binding)
    };
    let mut out: Vec<String> = binding()
        .filter(|s| period.summary.binding_not_on_track.contains(&s.id))
        .map(|s| {
            let standing = labels::standing_at(s, period.latest_year, lang);
            match lang {
                Lang::Zh => format!("{}（{standing}）", s.display_name()),
                Lang::En => format!("{} ({standing})", s.display_name()),
            }
        })
        .collect();
    out.extend(binding().filter(|s| !s.lapses.is_empty()).map(|s| {
        let years = labels::year_list(&s.lapses, lang);
        match lang {
            Lang::Zh => format!("{}（{years}年未达到当年要求）", s.display_name()),
            Lang::En => format!(
                "{} (the year's own requirement missed in {years})",
                s.display_name()
            ),
        }
    }));
    out
}

/// The summary under the period table.
pub fn lines(period: &PeriodReport, style: Style, outcome: Outcome) -> Vec<String> {
    lines_for(period, style, outcome, projects(period))
}

/// [`lines`], with the projection's legend only when the projection is shown.
fn lines_for(
    period: &PeriodReport,
    style: Style,
    outcome: Outcome,
    projection_shown: bool,
) -> Vec<String> {
    let lang = style.lang;
    // The paragraph the reports open with (one function, from the outlooks).
    let mut out = vec![super::wording::paragraph(period, lang)];
    if projection_shown {
        out.push(
            lang.pick(
                "预计：基期与已填报年份共3个点及以上用最小二乘直线外推，2个点用基期至最新值的连线（年均一栏为增长率的按等速增长）；“✓/✗”为目标年的预计值能否达到目标。",
                "Projection: a least-squares line through the baseline and the reported years (three points or more), else the line from the baseline to the latest value (constant growth where the period cell is a growth rate); ✓/✗: whether the projected target-year value meets the target.",
            )
            .to_owned(),
        );
    }
    // The latest year's verdict decides the exit code: say it in its own words.
    let verdict = super::verdict::verdict(&period.latest, style, outcome);
    out.push(match lang {
        Lang::Zh => format!("{}年{verdict}", period.latest_year),
        Lang::En => format!("{}: {verdict}", period.latest_year),
    });
    out.extend(summary::explanations(&period.latest, lang));
    out.extend(summary::notes(&period.latest, lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trend_strip_scales_from_lowest_to_highest() {
        let strip = trend_strip(
            2020,
            Some(1.0),
            &[(2021, Some(2.0)), (2022, None), (2023, Some(8.0))],
        );
        assert_eq!(strip, "▁▂·█");
        assert_eq!(
            trend_strip(2020, Some(5.0), &[(2020, Some(5.0)), (2021, Some(5.0))]),
            "▄▄"
        );
    }
}
