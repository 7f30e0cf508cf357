//! One indicator's chart as a Word chart (DrawingML `c:chartSpace`): the
//! figures by year against the schedule path from baseline to target, the
//! target as a level line, and the trend carried to the target year. The same
//! marks as the HTML report's chart ([`crate::render::chart`]), made from the
//! same fields of the evaluation.
//!
//! Word, WPS and LibreOffice draw a chart part from the values it caches, in
//! their own fonts: nothing is rasterised here, and the reader can restyle or
//! copy the chart in Word.

use crate::assess::period::IndicatorSeries;
use crate::assess::{PlanInfo, Requirement};
use crate::lang::Lang;
use crate::render::labels;
use crate::render::xml::escape;

/// A line of the chart: its name, colour, dash and one value (or none) per year.
struct Line {
    name: String,
    color: &'static str,
    dash: Option<&'static str>,
    marker: bool,
    values: Vec<Option<f64>>,
}

/// The chart part of `series`, or `None` when there is nothing to draw (no
/// figure, no path, no target).
/// `name` is the indicator as a sentence names it (义务教育在校学生数).
pub fn indicator(
    series: &IndicatorSeries,
    name: &str,
    plan: &PlanInfo,
    lang: Lang,
) -> Option<String> {
    let first = series.baseline_year.min(plan.baseline_year);
    let last = series
        .series
        .last()
        .map_or(plan.target_year, |p| p.year)
        .max(plan.target_year);
    let years: Vec<i32> = (first..=last).collect();
    let at = |year: i32| years.iter().position(|&y| y == year);

    // A requirement on a figure made from the years (累计, 年均, the level
    // less the baseline) is drawn in that figure's terms, as the HTML chart.
    let derived = series.judged_on;
    let mut actual = vec![None; years.len()];
    if let (Some(b), Some(i), None) = (series.baseline, at(series.baseline_year), derived) {
        actual[i] = Some(b);
    }
    let mut latest: Option<(i32, f64)> = None;
    for p in &series.series {
        // A figure made from the yearly ones is what the path holds it against.
        if let (Some(v), Some(i)) = (p.derived.or(p.actual), at(p.year)) {
            actual[i] = Some(v);
            latest = Some((p.year, v));
        }
    }
    let mut schedule = vec![None; years.len()];
    for (year, requirement) in &series.path {
        if let (Some(i), Some(v)) = (at(*year), requirement.value()) {
            schedule[i] = Some(v);
        }
    }
    // A range every year (耕地保有量 within bounds) has no single path value.
    let ranged = series
        .path
        .iter()
        .any(|(_, r)| matches!(r, Requirement::Range { .. }));
    let target_value = match derived {
        Some(_) => series
            .path
            .iter()
            .find(|(year, _)| *year == plan.target_year)
            .and_then(|(_, r)| r.value()),
        None => series.target_value,
    };
    let target: Vec<Option<f64>> = years.iter().map(|_| target_value).collect();
    // The trend from the latest figure on, to the target year.
    let mut trend = vec![None; years.len()];
    if let (Some(p), Some((from, last))) = (series.projection, latest) {
        for (i, &y) in years.iter().enumerate() {
            if y == from {
                trend[i] = Some(last);
            } else if y > from && y <= plan.target_year {
                trend[i] = Some(p.value_at(y));
            }
        }
    }

    let mut lines = vec![Line {
        name: derived
            .map_or(lang.pick("实际值", "reported"), |k| {
                crate::render::labels::derived_short(k, lang)
            })
            .to_owned(),
        color: "1F4E79",
        dash: None,
        marker: true,
        values: actual,
    }];
    if !ranged && schedule.iter().flatten().count() >= 2 {
        lines.push(Line {
            name: lang.pick("各年要求", "each year's requirement").to_owned(),
            color: "7F7F7F",
            dash: None,
            marker: false,
            values: schedule,
        });
    }
    if target_value.is_some() {
        lines.push(Line {
            name: format!("{} {}", lang.pick("目标", "target"), series.target_text),
            color: "C00000",
            dash: Some("dash"),
            marker: false,
            values: target,
        });
    }
    if trend.iter().flatten().count() >= 2 {
        lines.push(Line {
            name: lang.pick("按趋势预计", "trend").to_owned(),
            color: "ED7D31",
            dash: Some("sysDash"),
            marker: false,
            values: trend,
        });
    }
    // No figure reported: a chart of the schedule alone says nothing.
    latest?;
    let title = match derived {
        Some(kind) => {
            let what = crate::render::labels::derived_short(kind, lang);
            match (series.unit.is_empty(), lang) {
                (true, Lang::Zh) => format!("{name}（{what}）"),
                (false, Lang::Zh) => format!("{name}（{what}，{}）", series.unit),
                (true, Lang::En) => format!("{name} ({what})"),
                (false, Lang::En) => format!("{name} ({what}, {})", series.unit),
            }
        }
        None => crate::render::labels::with_unit(name, &series.unit, lang),
    };
    Some(chart_space(&title, &years, &lines))
}

/// The value axis's bounds: the values with a margin, on round ticks, so a
/// line near 5 is not drawn against an axis from 0.
fn bounds(lines: &[Line]) -> Option<(f64, f64)> {
    let values = lines.iter().flat_map(|l| l.values.iter().flatten());
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    if !lo.is_finite() || !hi.is_finite() {
        return None;
    }
    let pad = ((hi - lo) * 0.12).max(hi.abs().max(1.0) * 0.005);
    let ticks = crate::render::chart::ticks(lo - pad, hi + pad, 5);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => return None,
    };
    let min = ((lo - pad) / step).floor() * step;
    let max = ((hi + pad) / step).ceil() * step;
    // Never below zero for figures that are all positive.
    let min = if lo >= 0.0 { min.max(0.0) } else { min };
    Some(((min * 1e9).round() / 1e9, (max * 1e9).round() / 1e9))
}

/// The chart part: a line chart over `years`, the legend below.
fn chart_space(title: &str, years: &[i32], lines: &[Line]) -> String {
    let font = |size: u32| {
        format!(
            r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"><a:latin typeface="Times New Roman"/><a:ea typeface="宋体"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>"#
        )
    };
    let categories: String = years
        .iter()
        .enumerate()
        .map(|(i, y)| format!(r#"<c:pt idx="{i}"><c:v>{y}</c:v></c:pt>"#))
        .collect();
    let column = |i: usize| char::from(b'B' + u8::try_from(i % 24).unwrap_or(0));
    let mut series = String::new();
    for (i, line) in lines.iter().enumerate() {
        let points: String = line
            .values
            .iter()
            .enumerate()
            .filter_map(|(k, v)| {
                // As the tables print it: no 18.416499999999985 in Word's data.
                v.map(|v| format!(r#"<c:pt idx="{k}"><c:v>{}</c:v></c:pt>"#, labels::number(v)))
            })
            .collect();
        let dash = line
            .dash
            .map(|d| format!(r#"<a:prstDash val="{d}"/>"#))
            .unwrap_or_default();
        let marker = if line.marker {
            format!(
                r#"<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="{c}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="{c}"/></a:solidFill></a:ln></c:spPr></c:marker>"#,
                c = line.color
            )
        } else {
            r#"<c:marker><c:symbol val="none"/></c:marker>"#.to_owned()
        };
        let col = column(i);
        let n = years.len();
        series.push_str(&format!(
            r#"<c:ser><c:idx val="{i}"/><c:order val="{i}"/><c:tx><c:strRef><c:f>Sheet1!${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx><c:spPr><a:ln w="{w}" cap="rnd"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill>{dash}<a:round/></a:ln></c:spPr>{marker}<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${end}</c:f><c:strCache><c:ptCount val="{n}"/>{categories}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${end}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{n}"/>{points}</c:numCache></c:numRef></c:val><c:smooth val="0"/></c:ser>"#,
            name = escape(&line.name),
            w = if line.marker { 28575 } else { 19050 },
            color = line.color,
            end = n + 1,
        ));
    }
    let scaling = match bounds(lines) {
        Some((min, max)) => format!(
            r#"<c:scaling><c:orientation val="minMax"/><c:max val="{max}"/><c:min val="{min}"/></c:scaling>"#
        ),
        None => r#"<c:scaling><c:orientation val="minMax"/></c:scaling>"#.to_owned(),
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1050" b="0"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1050" b="0"><a:latin typeface="黑体"/><a:ea typeface="黑体"/></a:rPr><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{series}<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart><c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>{axis_font}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="500000002"/>{scaling}<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{axis_font}<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx></c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>{legend_font}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>{chart_font}</c:chartSpace>"#,
        title = escape(title),
        axis_font = font(900),
        legend_font = font(900),
        chart_font = font(900),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(name: &str, values: Vec<Option<f64>>) -> Line {
        Line {
            name: name.to_owned(),
            color: "000000",
            dash: None,
            marker: false,
            values,
        }
    }

    #[test]
    fn a_year_without_a_figure_is_a_gap_not_a_zero() {
        let xml = chart_space(
            "在园幼儿数（万人）",
            &[2020, 2021, 2022],
            &[line("实际值", vec![Some(3.93), None, Some(3.85)])],
        );
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let values: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("numCache"))
            .flat_map(|c| c.children().filter(|n| n.has_tag_name("pt")))
            .map(|pt| {
                (
                    pt.attribute("idx").unwrap_or_default().to_owned(),
                    pt.descendants()
                        .find_map(|n| n.text())
                        .unwrap_or_default()
                        .to_owned(),
                )
            })
            .collect();
        assert_eq!(
            values,
            [("0".into(), "3.93".into()), ("2".into(), "3.85".into())]
        );
        assert!(xml.contains(r#"<c:dispBlanksAs val="gap"/>"#));
        assert!(xml.contains("<a:t>在园幼儿数（万人）</a:t>"));
    }

    #[test]
    fn the_value_axis_hugs_the_figures() {
        let lines = [line("x", vec![Some(4.1), Some(5.1), Some(4.9)])];
        let (min, max) = bounds(&lines).expect("bounds");
        assert!(min > 3.0 && min <= 4.1, "{min}");
        assert!((5.1..6.5).contains(&max), "{max}");
        // All positive: never below zero.
        let (min, _) = bounds(&[line("x", vec![Some(0.1), Some(50.0)])]).expect("bounds");
        assert!(min == 0.0, "{min}");
        assert_eq!(bounds(&[line("x", vec![None])]), None);
    }

    #[test]
    fn names_are_escaped() {
        let xml = chart_space("A<B", &[2020], &[line("x&y", vec![Some(1.0)])]);
        assert!(roxmltree::Document::parse(&xml).is_ok());
        assert!(xml.contains("A&lt;B") && xml.contains("x&amp;y"));
    }
}
