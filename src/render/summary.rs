//! The words under a table, shared by the terminal table and the Markdown report:
//! the heading, counts per attribute, the verdict, unit conversions and the
//! parts that do not add up. The verdict line is `verdict.rs`'s.

use super::{Outcome, Style, labels};
use crate::assess::DerivedKind;
use crate::assess::Unjudged;
use crate::assess::{IndicatorResult, Status, YearReport};
use crate::lang::Lang;
use crate::vocabulary::Attribute;

/// `江津区 · ` before a heading, when the figures name a region.
pub fn region_prefix(region: &str) -> String {
    if region.is_empty() {
        String::new()
    } else {
        format!("{region} · ")
    }
}

pub fn heading(report: &YearReport, lang: Lang) -> String {
    let region = region_prefix(&report.region);
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

pub fn display_name(r: &IndicatorResult) -> String {
    r.display_name()
}

/// The lines under the table: counts per attribute, the verdict, and notes.
pub fn lines(report: &YearReport, style: Style, outcome: Outcome) -> Vec<String> {
    let lang = style.lang;
    let mut out = Vec::new();
    let s = &report.summary;
    for (attribute, counts) in [
        (Attribute::Binding, &s.binding),
        (Attribute::Expected, &s.expected),
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
                    Status::Undetermined => counts.undetermined,
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
        // At the target year nothing is on a schedule any more.
        let done = report.year >= report.plan.target_year;
        out.push(match lang {
            Lang::Zh if done => format!(
                "{}指标{}项：达到要求{}项{rest}。",
                labels::attribute(attribute, lang),
                counts.total,
                counts.pass,
            ),
            Lang::En if done => format!(
                "{} indicators: {} of {} meet the requirement{rest}.",
                capitalize(labels::attribute(attribute, lang)),
                counts.pass,
                counts.total,
            ),
            Lang::Zh => format!(
                "{}指标{}项：达到要求{}项（已达标{}，符合序时进度{}）{rest}。",
                labels::attribute(attribute, lang),
                counts.total,
                counts.pass,
                counts.achieved,
                counts.on_track,
            ),
            Lang::En => format!(
                "{} indicators: {} of {} meet the requirement ({} achieved, {} on track){rest}.",
                capitalize(labels::attribute(attribute, lang)),
                counts.pass,
                counts.total,
                counts.achieved,
                counts.on_track,
            ),
        });
    }

    out.push(super::verdict::verdict(report, style, outcome));

    for r in &report.results {
        let (Some(from), Some(actual)) = (&r.converted_from, r.actual) else {
            continue;
        };
        let place = match (&r.file, r.line) {
            (Some(file), Some(line)) => format!("{file}:{line}"),
            _ => String::new(),
        };
        out.push(match lang {
            Lang::Zh => format!(
                "单位换算：{} 填报为 {} {}，按 {} {} 检查（{place}）。",
                display_name(r),
                labels::number(from.value),
                from.unit,
                labels::number(actual),
                r.unit
            ),
            Lang::En => format!(
                "Unit converted: {} was reported as {} {}, checked as {} {} ({place}).",
                display_name(r),
                labels::number(from.value),
                from.unit,
                labels::number(actual),
                r.unit
            ),
        });
    }
    out.extend(explanations(report, lang));
    for m in &report.parts_mismatches {
        let name_of = |id: &str| {
            report
                .results
                .iter()
                .find(|r| r.id == id)
                .map(|r| format!("{}/{}", r.category, r.name))
                .unwrap_or_default()
        };
        let parts = m
            .parts
            .iter()
            .map(|p| name_of(p))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "));
        out.push(match (lang, m.partial) {
            (Lang::Zh, false) => format!(
                "勾稽关系提示：{} 为 {}，其中各项之和为 {}，二者不一致。",
                name_of(&m.total),
                labels::number(m.total_value),
                labels::number(m.parts_sum)
            ),
            (Lang::Zh, true) => format!(
                "勾稽关系提示：{} 为 {}，其中 {} 为 {}，大于合计。",
                name_of(&m.total),
                labels::number(m.total_value),
                parts,
                labels::number(m.parts_sum)
            ),
            (Lang::En, false) => format!(
                "Cross-check: {} is {}, but its parts add up to {}.",
                name_of(&m.total),
                labels::number(m.total_value),
                labels::number(m.parts_sum)
            ),
            (Lang::En, true) => format!(
                "Cross-check: {} is {}, but its part {} is {}.",
                name_of(&m.total),
                labels::number(m.total_value),
                parts,
                labels::number(m.parts_sum)
            ),
        });
    }
    out.extend(notes(report, lang));
    out
}

/// `2020年77.3 → 2021年78.2`: the first and last figures a derived one is
/// made of.
fn from_to(from: &[crate::assess::figure::YearFigure], lang: Lang) -> Option<String> {
    let [first, .., last] = from else {
        return None;
    };
    let one = |f: &crate::assess::figure::YearFigure| match lang {
        Lang::Zh => format!("{}年{}", f.year, labels::number(f.value)),
        Lang::En => format!("{} {}", f.year, labels::number(f.value)),
    };
    Some(format!("{} → {}", one(first), one(last)))
}

/// The 年均/累计 cell judged beside the target-year cell: what it asked,
/// the figure it judged and how that stands, and how the two cells make
/// the row's status. `None` for a row with no figure (未填报 says it).
fn period_line(
    name: &str,
    p: &crate::assess::PeriodCheck,
    row_status: Status,
    unit: &str,
    lang: Lang,
) -> Option<String> {
    if p.value.is_none() && p.status == Status::Missing {
        return None;
    }
    let status = labels::status(p.status, lang);
    let growth = p
        .derived
        .as_ref()
        .is_some_and(|d| d.kind == DerivedKind::LevelGrowth);
    let required = p.requirement.as_ref().map(|req| {
        let text = labels::requirement(req, lang);
        let text = if growth { format!("{text}%") } else { text };
        // The printed rate held to the level target's own (7.5 → 7.4764).
        match (p.implied, lang) {
            (Some(_), Lang::Zh) => format!(
                "{text}（原文“{}”是目标年水平折合的年均增长率修约后的数，按未修约的值判断）",
                p.target
            ),
            (Some(_), Lang::En) => format!(
                "{text} (the printed \"{}\" is the target level's yearly rate rounded; held to the unrounded rate)",
                p.target
            ),
            (None, _) => text,
        }
    });
    let figure = match (&p.derived, p.value) {
        (Some(d), Some(v)) => {
            let span = match from_to(&d.from, lang) {
                Some(span) => format!("{span}{}", lang.pick("，", ", ")),
                None => String::new(),
            };
            // Enough digits to tell it from the requirement it is held to.
            let rate = if p.implied.is_some() {
                labels::number_against(v, p.requirement.as_ref())
            } else {
                labels::shown_against(v, p.requirement.as_ref(), format!("{v:.2}"))
            };
            match (d.kind, lang) {
                (DerivedKind::LevelGrowth, Lang::Zh) => format!("{span}年均增长{rate}%"),
                (DerivedKind::LevelGrowth, Lang::En) => {
                    format!("{span}growing {rate}% a year on average")
                }
                // A change of a percent is in points.
                (_, Lang::Zh) if unit == "%" => {
                    format!(
                        "{span}累计变化{}个百分点",
                        labels::number_against(v, p.requirement.as_ref())
                    )
                }
                (_, Lang::En) if unit == "%" => {
                    format!(
                        "{span}a change of {} points",
                        labels::number_against(v, p.requirement.as_ref())
                    )
                }
                (_, Lang::Zh) => format!(
                    "{span}累计变化{}{unit}",
                    labels::number_against(v, p.requirement.as_ref())
                ),
                (_, Lang::En) => format!(
                    "{span}a change of {}{unit}",
                    labels::number_against(v, p.requirement.as_ref())
                ),
            }
        }
        // The year's own figure, held against another indicator's
        // (高于高中阶段教育毛入学率).
        (None, Some(v)) => format!(
            "{}{unit}",
            labels::number_against(v, p.requirement.as_ref())
        ),
        _ => lang.pick("无可判断的数", "no figure to judge").to_owned(),
    };
    let target = labels::status(p.target_status, lang);
    let row = labels::status(row_status, lang);
    Some(match (required, lang) {
        (Some(req), Lang::Zh) => format!(
            "{name}：目标年一栏{target}；年均/累计一栏“{}”：{figure}，要求{req}，{status}；两栏合起来{row}。",
            p.target
        ),
        (Some(req), Lang::En) => format!(
            "{name}: the target-year cell is {target}; the period cell \"{}\": {figure}, {req} required, {status}; together {row}.",
            p.target
        ),
        (None, Lang::Zh) => format!(
            "{name}：年均/累计一栏“{}”没有可判断的数值，只展示。",
            p.target
        ),
        (None, Lang::En) => format!(
            "{name}: the period cell \"{}\" states no number to judge; shown only.",
            p.target
        ),
    })
}

/// What a reader needs to read a row right: figures made from yearly ones
/// and how, figures from an older year, baselines taken from the
/// statistics, figures that could not be judged and why.
pub fn explanations(report: &YearReport, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    // Figures from an older year (a period's latest report), in one line.
    let older: Vec<String> = report
        .results
        .iter()
        .filter_map(|r| {
            let name = super::wording::result_in_prose(r, report);
            r.as_of.map(|year| match lang {
                Lang::Zh => format!("{name}（{year}）"),
                Lang::En => format!("{name} ({year})"),
            })
        })
        .collect();
    if !older.is_empty() {
        out.push(match lang {
            Lang::Zh => format!(
                "{}年未填报、按各自最近一年数据判断的指标：{}。",
                report.year,
                older.join("、")
            ),
            Lang::En => format!(
                "Not reported for {}, judged on their latest year: {}.",
                report.year,
                older.join(", ")
            ),
        });
    }
    // Rows on their own clock: a baseline of an earlier year (`*`).
    let own_clock: Vec<String> = report
        .results
        .iter()
        .filter(|r| r.baseline_year != report.plan.baseline_year)
        .map(|r| match lang {
            Lang::Zh => format!(
                "{}（{}年起，{}）",
                display_name(r),
                r.baseline_year,
                labels::percent(r.elapsed)
            ),
            Lang::En => format!(
                "{} (from {}, {})",
                display_name(r),
                r.baseline_year,
                labels::percent(r.elapsed)
            ),
        })
        .collect();
    if !own_clock.is_empty() {
        out.push(match lang {
            Lang::Zh => format!(
                "基期为其他年份的指标按各自基期年计时间进度：{}。",
                own_clock.join("、")
            ),
            Lang::En => format!(
                "Rows whose baseline is of another year run on their own clock: {}.",
                own_clock.join(", ")
            ),
        });
    }
    // Rows on the path of constant growth: their completion is held to the
    // share of the way that path has come, not to the time elapsed the
    // column's head gives (36 % against 40 % is on schedule there).
    let on_growth_path: Vec<String> = report
        .results
        .iter()
        .filter_map(|r| {
            let due = r.due.filter(|d| (d - r.elapsed).abs() > 1e-9)?;
            let (done, due) = labels::percents_apart(r.completion?, due);
            Some(match lang {
                Lang::Zh => format!("{}（完成{done}，应完成{due}）", display_name(r)),
                Lang::En => format!("{} ({done} done, {due} due)", display_name(r)),
            })
        })
        .collect();
    if !on_growth_path.is_empty() {
        out.push(match lang {
            Lang::Zh => format!(
                "年均一栏为增长率的指标按等速增长的路径计完成进度，不按时间进度：{}。",
                on_growth_path.join("、")
            ),
            Lang::En => format!(
                "Rows whose period cell is a growth rate are held to the path of constant growth, not to the time elapsed: {}.",
                on_growth_path.join(", ")
            ),
        });
    }
    for r in &report.results {
        let name = display_name(r);
        if let Some(d) = &r.derived
            && d.kind == DerivedKind::LevelChange
            && let Some(span) = from_to(&d.from, lang)
        {
            out.push(match lang {
                Lang::Zh => format!(
                    "{name}：{span}，累计变化（本年水平减基期值）{}{}，按此判断。",
                    labels::number_against(d.value, r.requirement.as_ref()),
                    r.unit
                ),
                Lang::En => format!(
                    "{name}: {span}, a change of {}{} (the level less the baseline), judged on it.",
                    labels::number_against(d.value, r.requirement.as_ref()),
                    r.unit
                ),
            });
        } else if let Some(d) = &r.derived {
            let years = d
                .from
                .iter()
                .map(|f| match lang {
                    Lang::Zh => format!("{}年{}", f.year, labels::number(f.value)),
                    Lang::En => format!("{} {}", f.year, labels::number(f.value)),
                })
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "));
            let (zh, en) = (
                labels::derived(d.kind, Lang::Zh),
                labels::derived(d.kind, Lang::En),
            );
            // A level's average growth is in percent (it read 8.3333亿元).
            let unit = if d.kind == DerivedKind::LevelGrowth {
                "%"
            } else {
                r.unit.as_str()
            };
            out.push(match lang {
                Lang::Zh => format!(
                    "{name}：逐年 {years} → {zh}{}{}，按此判断。",
                    labels::number_against(d.value, r.requirement.as_ref()),
                    unit
                ),
                Lang::En => format!(
                    "{name}: yearly {years} → {en} {}{}, judged on it.",
                    labels::number_against(d.value, r.requirement.as_ref()),
                    unit
                ),
            });
        }
        if let Some(p) = &r.period_check {
            out.extend(period_line(&name, p, r.status, &r.unit, lang));
        }
        if r.baseline_from_data
            && let Some(baseline) = r.baseline
        {
            out.push(match lang {
                Lang::Zh => format!(
                    "{name}：规划未列基期值，按{}年统计数据 {} 计算序时进度。",
                    r.baseline_year,
                    labels::number(baseline)
                ),
                Lang::En => format!(
                    "{name}: the plan prints no baseline; the schedule runs from the {} figure, {}.",
                    r.baseline_year,
                    labels::number(baseline)
                ),
            });
        }
        if let Some(why) = &r.unjudged {
            out.push(unjudged(&name, why, report, lang));
        }
    }
    out
}

/// Why a reported figure could not be judged, in words.
fn unjudged(name: &str, why: &Unjudged, report: &YearReport, lang: Lang) -> String {
    match why {
        Unjudged::NoBaseline { year } => match lang {
            Lang::Zh => format!(
                "{name}：无法判断——规划未列基期值，{year}年统计数据中也没有，算不出序时进度要求；请补报{year}年数据。"
            ),
            Lang::En => format!(
                "{name}: cannot be judged: the plan prints no baseline and the {year} statistics have none, so no schedule can be made; report the {year} figure."
            ),
        },
        Unjudged::MissingYears { years } => {
            let list = years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "));
            match lang {
                Lang::Zh => format!(
                    "{name}：无法判断——年均或累计要用规划期内每一年的数据，缺{list}年（各年的文件请一起给出，如整个文件夹）。"
                ),
                Lang::En => format!(
                    "{name}: cannot be judged: an average or a cumulative change needs every year of the period; {list} missing (give every year's file, or the folder)."
                ),
            }
        }
        Unjudged::NoReference { indicator } => {
            let other = report
                .results
                .iter()
                .find(|r| &r.id == indicator)
                .map_or_else(|| indicator.clone(), display_name);
            match lang {
                Lang::Zh => format!("{name}：无法判断——所比较的“{other}”本年未填报。"),
                Lang::En => format!(
                    "{name}: cannot be judged: \"{other}\", which it is compared with, is not reported this year."
                ),
            }
        }
        Unjudged::NotCompoundable => match lang {
            Lang::Zh => format!("{name}：无法判断——逐年数据中有下降 100% 或以上的，不能复合计算。"),
            Lang::En => format!(
                "{name}: cannot be judged: a yearly figure falls by 100 % or more and cannot be compounded."
            ),
        },
    }
}

/// The plan's notes under its table, and each indicator's own note (unless
/// it repeats one of the plan's), as the reader of the table needs them.
pub fn notes(report: &YearReport, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if !report.plan.notes.is_empty() {
        out.push(format!(
            "{}{}",
            lang.pick("规划表注：", "The plan's notes: "),
            report.plan.notes.join(" ")
        ));
    }
    for r in &report.results {
        if let Some(note) = &r.note
            && !report.plan.notes.contains(note)
        {
            out.push(format!("{}：{note}", display_name(r)));
        }
        if let Some(remark) = &r.remark {
            out.push(match lang {
                Lang::Zh => format!("{}：数据备注：{remark}", display_name(r)),
                Lang::En => format!("{}: the figure's note: {remark}", display_name(r)),
            });
        }
        if let Some(clause) = &r.clause {
            out.push(match lang {
                Lang::Zh => format!("{}：“{clause}”照原文列出，不作判断。", display_name(r)),
                Lang::En => format!(
                    "{}: \"{clause}\" is shown as printed and not judged.",
                    display_name(r)
                ),
            });
        }
    }
    out
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
