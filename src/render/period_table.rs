//! The period view in the terminal: one row per indicator, one column per year,
//! a trend strip, the latest pace, the projection to the target year and the
//! outlook; then a summary in the words of an official evaluation.

use super::{Outcome, Style, labels, summary};
use crate::assess::Attribute;
use crate::assess::period::{IndicatorSeries, Outlook, PeriodReport, Reach};
use crate::lang::Lang;
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
            labels::number(p.target_year_value),
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
        None => "—".to_owned(),
    }
}

pub fn render(period: &PeriodReport, style: Style, outcome: Outcome) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let region = summary::region_prefix(&period.region);
    let first = period.years.first().copied().unwrap_or(period.latest_year);
    super::line(
        &mut out,
        format_args!(
            "{}",
            match lang {
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
            }
        ),
    );

    let mut table = super::table::new_table(style);
    let target_year = period.plan.target_year;
    let mut header = super::columns::plan_headers(&period.plan, lang).to_vec();
    header.extend(period.years.iter().map(|y| y.to_string()));
    header.extend([
        lang.pick("走势", "Trend").to_owned(),
        format!(
            "{}\n{}{}",
            lang.pick("完成进度", "Progress"),
            lang.pick("时间 ", "time "),
            labels::percent(period.elapsed)
        ),
        format!("{target_year}{}", lang.pick("年预计", " projected")),
        lang.pick("预计达标", "Meets target").to_owned(),
        lang.pick("评估", "Outlook").to_owned(),
    ]);
    table.set_header(header);
    let mut previous: Option<&str> = None;
    for s in &period.indicators {
        let category = if previous == Some(s.category.as_str()) {
            String::new()
        } else {
            s.category.clone()
        };
        previous = Some(&s.category);
        let right = |text: String| super::cell(text).set_alignment(CellAlignment::Right);
        let mut row = vec![
            super::cell(category),
            super::cell(s.display_name()),
            super::cell(&s.unit),
            super::cell(labels::attribute(s.attribute, lang)),
            right(labels::baseline(s.baseline, s.baseline_text.as_deref())),
            right(s.target_text.clone()),
        ];
        for p in &s.series {
            let text = p.actual.map_or_else(|| "—".to_owned(), labels::number);
            let cell = right(text);
            row.push(if style.color && !p.pass && p.actual.is_some() {
                cell.fg(Color::Yellow)
            } else {
                cell
            });
        }
        let points: Vec<(i32, Option<f64>)> = s.series.iter().map(|p| (p.year, p.actual)).collect();
        row.push(super::cell(trend_strip(
            s.baseline_year,
            s.baseline,
            &points,
        )));
        row.push(right(
            s.completion.map_or_else(|| "—".to_owned(), labels::percent),
        ));
        row.push(right(projection_cell(s)));
        row.push(right(reach_cell(s, target_year, lang)));
        // The year the outlook is taken at, when older than the run's latest.
        let outlook_text = if s.as_of == period.latest_year {
            labels::outlook(s.outlook, lang).to_owned()
        } else {
            format!("{}（{}）", labels::outlook(s.outlook, lang), s.as_of)
        };
        let outlook = super::cell(outlook_text);
        row.push(if style.color {
            outlook.fg(super::look::outlook(s.outlook).tone.terminal())
        } else {
            outlook
        });
        table.add_row(row);
    }
    let _ = writeln!(out, "{table}");
    for line in lines(period, style, outcome) {
        super::line(&mut out, format_args!("{line}"));
    }
    out
}

/// The binding indicators not on schedule, as `名称（评估）`.
pub fn binding_not_on_track(period: &PeriodReport, lang: Lang) -> Vec<String> {
    period
        .indicators
        .iter()
        .filter(|s| period.summary.binding_not_on_track.contains(&s.id))
        .map(|s| {
            format!(
                "{}（{}）",
                s.display_name(),
                labels::outlook(s.outlook, lang)
            )
        })
        .collect()
}

/// The summary under the period table.
pub fn lines(period: &PeriodReport, style: Style, outcome: Outcome) -> Vec<String> {
    let lang = style.lang;
    let count = |o: Outlook| period.summary.outlooks.get(o.code()).copied().unwrap_or(0);
    let headline = [
        Outlook::AchievedEarly,
        Outlook::Ahead,
        Outlook::OnSchedule,
        Outlook::Behind,
    ];
    let parts: Vec<String> = Outlook::ALL
        .iter()
        .filter(|&&o| headline.contains(&o) || count(o) > 0)
        .map(|&o| match lang {
            Lang::Zh => format!("{}{}项", labels::outlook(o, lang), count(o)),
            Lang::En => format!("{} {}", count(o), labels::outlook(o, lang)),
        })
        .collect();
    let mut out = vec![match lang {
        Lang::Zh => format!(
            "评估（截至{}年，{}项指标）：{}。",
            period.latest_year,
            period.indicators.len(),
            parts.join("，")
        ),
        Lang::En => format!(
            "Outlook (as of {}, {} indicators): {}.",
            period.latest_year,
            period.indicators.len(),
            parts.join(", ")
        ),
    }];
    let not_on_track = binding_not_on_track(period, lang);
    let binding = period
        .indicators
        .iter()
        .filter(|s| s.attribute == Attribute::Binding)
        .count();
    out.push(if not_on_track.is_empty() {
        match lang {
            Lang::Zh => format!("约束性指标{binding}项：均已实现或符合序时进度。"),
            Lang::En => format!("Binding indicators ({binding}): all achieved or on schedule."),
        }
    } else {
        match lang {
            Lang::Zh => format!("未达到序时进度的约束性指标：{}。", not_on_track.join("、")),
            Lang::En => format!(
                "Binding indicators not on schedule: {}.",
                not_on_track.join(", ")
            ),
        }
    });
    out.push(
        lang.pick(
            "预计：基期与已填报年份共3个点及以上用最小二乘直线外推，2个点用基期至最新值的连线；“✓/✗”为目标年的预计值能否达到目标。",
            "Projection: a least-squares line through the baseline and the reported years (three points or more), else the line from the baseline to the latest value; ✓/✗: whether the projected target-year value meets the target.",
        )
        .to_owned(),
    );
    // The latest year's verdict decides the exit code: say it in its own words.
    let verdict = summary::verdict(&period.latest, style, outcome);
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
