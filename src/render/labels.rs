//! Words and number forms shared by the human-readable renderers.

use crate::assess::figure::DerivedKind;
use crate::assess::period::{IndicatorSeries, Outlook};
use crate::assess::{Basis, Requirement, Status};
use crate::lang::Lang;
use crate::vocabulary::YearRequirement;
use crate::vocabulary::{Accumulate, Attribute, Rule};

/// The label of a status, worded like an official evaluation.
pub fn status(status: Status, lang: Lang) -> &'static str {
    super::look::status(status).label(lang)
}

/// A line judged at an earlier year `y`: the run's year has no figure, said
/// first, as the counts and the exit code have it (`未填报（2022年已达标）`);
/// one not judged (不考核) is that alone. The table, Markdown and the
/// results workbook say it so.
pub fn judged_earlier(y: i32, status: Status, lang: Lang) -> String {
    if status.at_run_year(true) == status {
        return self::status(status, lang).to_owned();
    }
    match lang {
        Lang::Zh => format!(
            "{}（{y}年{}）",
            self::status(Status::Missing, lang),
            self::status(status, lang)
        ),
        Lang::En => format!(
            "{} ({} in {y})",
            self::status(Status::Missing, lang),
            self::status(status, lang)
        ),
    }
}

/// The label of an outlook, in the words of the national mid-term evaluation.
pub fn outlook(outlook: Outlook, lang: Lang) -> &'static str {
    super::look::outlook(outlook).label(lang)
}

/// How an indicator stands where the evaluation names it among those short
/// of their schedule: its outlook, or, when the outlook is on schedule but
/// the latest year's figure falls short (a binding indicator behind by less
/// than 5 %), that year's status.
pub fn standing(series: &IndicatorSeries, lang: Lang) -> &'static str {
    if series.outlook.on_track() && !series.status.passes() {
        status(series.status, lang)
    } else {
        outlook(series.outlook, lang)
    }
}

/// [`standing`], for a list of what the run's latest year fails: one judged
/// at an earlier year says first that the latest has no figure
/// (`2024年未填报；按2023年数据基本符合（保持）`).
pub fn standing_at(series: &IndicatorSeries, latest_year: i32, lang: Lang) -> String {
    // On schedule by its pace, short of the year's requirement: both, as
    // the table says the outlook (a heading of 滞后于序时进度 over a row of
    // 基本符合预期 read as a contradiction: a reviewer's 中期评估).
    if series.as_of == latest_year && series.outlook.on_track() && !series.status.passes() {
        return match lang {
            Lang::Zh => format!(
                "{}，但当年{}",
                outlook(series.outlook, lang),
                status(series.status, lang)
            ),
            Lang::En => format!(
                "{}, but {} this year",
                outlook(series.outlook, lang),
                status(series.status, lang)
            ),
        };
    }
    if series.as_of == latest_year {
        return standing(series, lang).to_owned();
    }
    // At the target year the outlook of one without its figure is 未填报;
    // what the earlier year showed is that year's status (it read
    // `2025年未填报；按2024年数据未填报`).
    let standing = if series.outlook == Outlook::Missing {
        status(series.status, lang)
    } else {
        standing(series, lang)
    };
    match lang {
        Lang::Zh => format!("{latest_year}年未填报；按{}年数据{standing}", series.as_of),
        Lang::En => format!(
            "not reported for {latest_year}; {standing} on its {} figure",
            series.as_of
        ),
    }
}

pub fn attribute(attribute: Attribute, lang: Lang) -> &'static str {
    match attribute {
        Attribute::Binding => lang.pick("约束性", "binding"),
        Attribute::Expected => lang.pick("预期性", "expected"),
    }
}

/// A pace ratio to two decimals, cut, not rounded: 1.096 is not 快于预期
/// (1.1), and shown as 1.10 it read as if it were (a reviewer's workbook); a
/// ratio at an edge to six decimals (1.0999999999999996) is on it, as
/// [`crate::assess::period`] judges it.
pub fn ratio(value: f64) -> f64 {
    (crate::number::round_requirement(value) * 100.0 + 1e-9).floor() / 100.0
}

/// A number as people read it: at most four decimals, no trailing zeros.
pub fn number(value: f64) -> String {
    crate::number::display(value)
}

/// A trend's value in the target year as shown: to the decimals the
/// indicator's figures are written with (37.6667 buildings, 4.0833 % read
/// as figures no one reported: two reviewers), more where rounding would
/// move it to or across a number the target year's requirement or the
/// target holds (96.4 of ≥96.3 shown 96 beside ✓; 1.4467 of ≥1.447 shown
/// 1.447 beside ✗: a reviewer's), so the figure shown never contradicts
/// its ✓ or ✗.
pub fn projected(value: f64, series: &IndicatorSeries) -> String {
    let decimals = |v: f64| {
        let shown = number(v);
        shown.split_once('.').map_or(0, |(_, d)| d.len())
    };
    let mut places = series
        .baseline
        .into_iter()
        .chain(series.series.iter().filter_map(|p| p.actual))
        .map(decimals)
        .max()
        .unwrap_or(4);
    let round = |places: usize| {
        let scale = 10f64.powi(places as i32);
        (value * scale).round() / scale
    };
    // The numbers the target year is held to.
    let mut bounds: Vec<f64> = series.target_value.into_iter().collect();
    if let Some((_, requirement)) = series.path.last() {
        match *requirement {
            Requirement::Threshold { value, .. } => bounds.push(value),
            Requirement::Band { min, max, .. } | Requirement::Range { min, max } => {
                bounds.extend([min, max]);
            }
        }
    }
    let side = |v: f64, b: f64| v.partial_cmp(&b);
    while places < 8
        && bounds
            .iter()
            .any(|&b| side(round(places), b) != side(value, b))
    {
        places += 1;
    }
    if places <= 4 {
        number(round(places))
    } else {
        // Beyond `number`'s four decimals (80.17998 of ≥80.18 was 80.18 ✗).
        let text = format!("{:.places$}", round(places));
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A name holding 、 in quotation marks, as official prose writes one in a
/// list joined by 、 (生态、生活岸线占比 among others read as two names: a
/// reviewer's); one quoted already is left as it is.
pub fn quoted_in_a_list(name: String) -> String {
    if name.contains('、') && !name.contains(['“', '"']) {
        format!("“{name}”")
    } else {
        name
    }
}

/// A baseline cell: as printed when the plan prints more than the number
/// (`10.5*`, `—`, `〔17.7〕`), else the number; `—` when there is none.
pub fn baseline(value: Option<f64>, printed: Option<&str>) -> String {
    match (printed, value) {
        (Some(text), _) => text.to_owned(),
        (None, Some(v)) => number(v),
        (None, None) => "—".to_owned(),
    }
}

/// A figure's 来源 and its 备注 in one cell: `来源；备注：…`.
pub fn source(source: Option<&str>, remark: Option<&str>, lang: Lang) -> String {
    match (source, remark) {
        (Some(source), Some(remark)) => {
            format!("{source}{}{remark}", lang.pick("；备注：", "; note: "))
        }
        (Some(one), None) | (None, Some(one)) => one.to_owned(),
        (None, None) => String::new(),
    }
}

/// How a cumulative total is made from the figures, in brackets.
fn accumulated(from: Accumulate, lang: Lang) -> &'static str {
    match from {
        Accumulate::Compound => lang.pick("（逐年复合）", " (compounded)"),
        Accumulate::Sum => lang.pick("（逐年相加）", " (summed)"),
        Accumulate::LevelChange => lang.pick("（水平减基期值）", " (level less baseline)"),
    }
}

/// A share as a whole percentage: 0.6 → `60%`.
/// A share that rounds to nothing is `0%`, never `-0%`.
/// Short of the whole is never shown whole: 8499 of 8500 is `99%`, not
/// `100%` beside a status that says it is not there.
pub fn percent(share: f64) -> String {
    let mut whole = (share * 100.0).round();
    if whole >= 100.0 && share < 1.0 {
        whole = 99.0;
    }
    format!("{:.0}%", if whole == 0.0 { 0.0 } else { whole })
}

/// Two shares shown side by side (a completion and the completion due):
/// whole percents, with up to four decimals more where whole percents would
/// show two different shares alike (35.6 % and 36.3 % are not both 36 %
/// beside 滞后).
pub fn percents_apart(a: f64, b: f64) -> (String, String) {
    let (pa, pb) = (percent(a), percent(b));
    if pa != pb || a == b {
        return (pa, pb);
    }
    for decimals in 1..=4 {
        let (sa, sb) = (
            format!("{:.*}%", decimals, a * 100.0),
            format!("{:.*}%", decimals, b * 100.0),
        );
        if sa != sb {
            return (sa, sb);
        }
    }
    (pa, pb)
}

/// A requirement's number as it is held: to the six decimals a requirement
/// is rounded to ([`crate::number::round_requirement`]), not the four a
/// figure is shown with (25⅓ shown `≥ 25.3333` failed the 25.3333 a
/// statistician reported from it: a reviewer's).
pub fn bound(value: f64) -> String {
    crate::number::written_to(value, 6)
}

/// A year's requirement: `≥ 18.596`, `> 96（保持）`, `11.191 ~ 12.369`.
pub fn requirement(requirement: &Requirement, lang: Lang) -> String {
    match *requirement {
        Requirement::Threshold { cmp, value, basis } => {
            let text = format!("{cmp} {}", bound(value));
            match basis {
                Basis::Hold => format!("{text}{}", lang.pick("（保持）", " (hold)")),
                Basis::YearRequirement => {
                    format!("{text}{}", lang.pick("（年度要求）", " (annual)"))
                }
                Basis::Relative => format!("{text}{}", lang.pick("（参照）", " (reference)")),
                Basis::TargetMet => format!("{text}{}", lang.pick("（已达目标）", " (target met)")),
                Basis::Target | Basis::Schedule | Basis::EveryYear => text,
            }
        }
        Requirement::Band { min, max, .. } | Requirement::Range { min, max } => {
            format!("{} ~ {}", bound(min), bound(max))
        }
    }
}

/// A requirement with what it is on when that is not the year's figure:
/// `累计 ≥ 13.5`, `年均 > 7`, `累计变化 ≥ 1` (人均预期寿命 提高1岁: read
/// alone, `≥ 1` is a level of one year).
pub fn requirement_on(requirement: &Requirement, on: Option<DerivedKind>, lang: Lang) -> String {
    let text = self::requirement(requirement, lang);
    match on {
        None => text,
        Some(kind) => format!("{} {text}", derived_short(kind, lang)),
    }
}

/// A figure made from the yearly figures in a word: 年均, 累计, 累计变化.
pub fn derived_short(kind: DerivedKind, lang: Lang) -> &'static str {
    match kind {
        DerivedKind::CompoundAverage | DerivedKind::MeanAverage => {
            lang.pick("年均", "yearly average")
        }
        DerivedKind::CompoundCumulative | DerivedKind::SumCumulative => {
            lang.pick("累计", "cumulative")
        }
        DerivedKind::LevelChange => lang.pick("累计变化", "change since the baseline"),
        DerivedKind::LevelGrowth => lang.pick("年均增长", "average yearly growth"),
    }
}

/// A year's line's requirement as [`requirement_on`] says it; `None` when
/// there is none.
pub fn result_requirement(r: &crate::assess::IndicatorResult, lang: Lang) -> Option<String> {
    r.requirement.map(|q| requirement_on(&q, r.judged_on, lang))
}

/// One year's requirement as the plan states it: `≥ 18.5`, `5 ± 5%`, `4.5 ~ 5`.
pub fn year_requirement(each: YearRequirement) -> String {
    match each {
        YearRequirement::Threshold(t) => format!("{} {}", t.cmp, number(t.value)),
        YearRequirement::About {
            value,
            tolerance_pct,
        } => format!("{} ± {}%", number(value), number(tolerance_pct)),
        YearRequirement::Between { min, max } => format!("{} ~ {}", number(min), number(max)),
    }
}

/// A rule followed by the requirements of single years (annual plans):
/// `不考核；2026年 4.5 ~ 5`.
/// A rule's words with the 年均/累计 cell's rule beside it, when the row
/// judges both (`≥ 60；累计 ≥ 3.9`).
pub fn rule_with_period(
    rule_text: String,
    period: Option<&Rule>,
    other: Option<&str>,
    lang: Lang,
) -> String {
    match period {
        Some(p) => format!(
            "{rule_text}{}{}",
            lang.pick("；", "; "),
            rule(p, other, None, lang)
        ),
        None => rule_text,
    }
}

pub fn rule_with_years(rule_text: String, years: &[(i32, YearRequirement)], lang: Lang) -> String {
    let mut text = rule_text;
    for (year, each) in years {
        match lang {
            Lang::Zh => text.push_str(&format!("；{year}年 {}", year_requirement(*each))),
            Lang::En => text.push_str(&format!("; {year}: {}", year_requirement(*each))),
        }
    }
    text
}

/// The machine rule of an indicator, for the plan listing; `other` names
/// the indicator a relative target refers to, `baseline` is the plan's.
pub fn rule(rule: &Rule, other: Option<&str>, baseline: Option<f64>, lang: Lang) -> String {
    match *rule {
        Rule::Annual { each, average } => {
            let each = year_requirement(each);
            if average {
                format!("{}{each}", lang.pick("年均 ", "yearly average "))
            } else {
                format!("{}{each}", lang.pick("每年 ", "every year "))
            }
        }
        Rule::Cumulative {
            total,
            from,
            strict,
        }
        | Rule::CumulativeCap {
            total,
            from,
            strict,
        } => format!(
            "{} {} {}{}",
            lang.pick("累计", "cumulative"),
            match (matches!(rule, Rule::CumulativeCap { .. }), strict) {
                (true, false) => "≤",
                (true, true) => "<",
                (false, false) => "≥",
                (false, true) => ">",
            },
            number(total),
            accumulated(from, lang)
        ),
        Rule::CumulativeRange { min, max, from } => format!(
            "{} {} ~ {}{}",
            lang.pick("累计", "cumulative"),
            number(min),
            number(max),
            accumulated(from, lang)
        ),
        Rule::Relative {
            cmp,
            tolerance_pct,
            margin,
            ..
        } => {
            let other = other.unwrap_or("?");
            match cmp {
                Some(cmp) if margin > 0.0 => format!("{cmp} {other} + {}", number(margin)),
                Some(cmp) if margin < 0.0 => format!("{cmp} {other} − {}", number(-margin)),
                Some(cmp) => format!("{cmp} {other}"),
                None => format!(
                    "{}{other}{}",
                    lang.pick("同步于 ", "in step with "),
                    match lang {
                        Lang::Zh => format!("（不低于其 {}%）", number(100.0 - tolerance_pct)),
                        Lang::En => format!(" (at least {}% of it)", number(100.0 - tolerance_pct)),
                    }
                ),
            }
        }
        Rule::Threshold(t) => format!("{} {}", t.cmp, number(t.value)),
        Rule::Range { min, max } => format!("{} ~ {}", number(min), number(max)),
        Rule::Projection {
            value,
            tolerance_pct,
        } => format!(
            "{} ± {}%{}",
            number(value),
            number(tolerance_pct),
            lang.pick("（预测值）", " (projection)")
        ),
        // The margin depends on the baseline: each year's requirement says
        // the number (≥ 1.447).
        // Of the change to make; of the level itself where the baseline
        // holds the line already or there is none, as the rule judges it
        // (控制在5.5%左右 from 5.0 said 变化量 while 5.775 was allowed: a
        // reviewer's).
        Rule::About {
            value,
            tolerance_pct,
            cmp,
        } => {
            let of_level = baseline.is_none_or(|b| cmp.inclusive().holds(b, value));
            match (lang, of_level) {
                (Lang::Zh, false) => format!(
                    "{} {} 左右（可差变化量的 {}%）",
                    cmp.inclusive(),
                    number(value),
                    number(tolerance_pct)
                ),
                (Lang::Zh, true) => format!(
                    "{} {} 左右（可差目标值的 {}%）",
                    cmp.inclusive(),
                    number(value),
                    number(tolerance_pct)
                ),
                (Lang::En, false) => format!(
                    "{} about {} (short by at most {}% of the change)",
                    cmp.inclusive(),
                    number(value),
                    number(tolerance_pct)
                ),
                (Lang::En, true) => format!(
                    "{} about {} (off by at most {}% of it)",
                    cmp.inclusive(),
                    number(value),
                    number(tolerance_pct)
                ),
            }
        }
        Rule::NotAssessed => lang.pick("不考核", "not assessed").to_owned(),
    }
}

/// A figure shown beside its requirement: with the digits that keep it on
/// the side of every bound it is on, and off a bound it is not (11.2999999
/// against `≥ 11.3` is shown so, not as 11.3, which would read as met;
/// 25.3333334 against `≥ 25.333333` not as 25.3333, which would read as
/// short). A figure is compared whole; what is shown must not say otherwise.
pub fn number_against(value: f64, requirement: Option<&Requirement>) -> String {
    shown_against(value, requirement, number(value))
}

/// [`number_against`], starting from `first` (a rate to two decimals).
pub fn shown_against(value: f64, requirement: Option<&Requirement>, first: String) -> String {
    let bounds: Vec<f64> = match requirement {
        Some(&Requirement::Threshold { value, .. }) => vec![value],
        Some(&Requirement::Band { min, max, .. } | &Requirement::Range { min, max }) => {
            vec![min, max]
        }
        None => Vec::new(),
    };
    let shown = first;
    if !value.is_finite() || value.abs() >= 1e16 {
        return shown;
    }
    let same_side = |text: &str| {
        text.parse::<f64>().is_ok_and(|v| {
            bounds
                .iter()
                .all(|&b| v.partial_cmp(&b) == value.partial_cmp(&b))
        })
    };
    if same_side(&shown) {
        return shown;
    }
    (5..=12)
        .map(|places| crate::number::written_to(value, places))
        .find(|text| same_side(text))
        .unwrap_or_else(|| crate::number::written_to(value, 12))
}

/// A year's figure in a period's table: against the year's requirement
/// when that is on the figure itself (9.57999 is not shown 9.58 beside
/// `≥ 9.58`), as it is when the requirement is on a figure made from the
/// years (a year's amount of a total).
pub fn point_figure(p: &crate::assess::period::YearPoint) -> String {
    match (p.actual, p.derived) {
        (None, _) => "—".to_owned(),
        (Some(a), Some(_)) => number(a),
        (Some(a), None) => number_against(a, p.requirement.as_ref()),
    }
}

/// What a figure made from the yearly figures is (`累计（逐年复合）`).
pub fn derived(kind: DerivedKind, lang: Lang) -> &'static str {
    match kind {
        DerivedKind::CompoundAverage => {
            lang.pick("年均（逐年复合）", "yearly average (compounded)")
        }
        DerivedKind::MeanAverage => lang.pick("年均（逐年平均）", "yearly average (mean)"),
        DerivedKind::CompoundCumulative => lang.pick("累计（逐年复合）", "cumulative (compounded)"),
        DerivedKind::SumCumulative => lang.pick("累计（逐年相加）", "cumulative (summed)"),
        DerivedKind::LevelChange => lang.pick(
            "累计变化（本年水平减基期值）",
            "cumulative change (the year's level less the baseline)",
        ),
        DerivedKind::LevelGrowth => lang.pick(
            "年均增长（由基期与本年水平复合）",
            "average yearly growth (from the baseline and the year's level)",
        ),
    }
}

/// The figure of a line that states its requirement: the year's, and, when
/// the requirement is on a figure made from the years (a cumulative total,
/// an average), that figure too, so the two read together (`3.4 %，累计
/// （逐年复合）6.781 %`); `—` when not reported.
pub fn judged_figure(r: &crate::assess::IndicatorResult, lang: Lang) -> String {
    let Some(actual) = r.actual else {
        return "—".to_owned();
    };
    let requirement = r.requirement.as_ref();
    // The figure the requirement is on: the one made from the years, else
    // the year's.
    let year = match r.derived {
        Some(_) => number(actual),
        None => number_against(actual, requirement),
    };
    // 3.4%, 12万人 in Chinese; 3.4 %, 12 万人 in English.
    let year = match lang {
        Lang::Zh => format!("{year}{}", r.unit),
        Lang::En => format!("{year} {}", r.unit),
    };
    let year = year.trim_end();
    // A level's average growth is in percent, whatever the level's unit
    // (it read 7.7033亿元).
    let unit = match r.derived.as_ref().map(|d| d.kind) {
        Some(DerivedKind::LevelGrowth) => "%",
        _ => r.unit.as_str(),
    };
    let text = match (&r.derived, lang) {
        (Some(d), Lang::Zh) => format!(
            "{year}，{}{}{}",
            derived(d.kind, lang),
            number_against(d.value, requirement),
            unit
        ),
        (Some(d), Lang::En) => format!(
            "{year}, {} {} {}",
            derived(d.kind, lang),
            number_against(d.value, requirement),
            unit
        ),
        (None, _) => year.to_owned(),
    };
    text.trim_end().to_owned()
}

/// Years as a list in running text: `2022、2023`, `2022, 2023`.
pub fn year_list(years: &[i32], lang: Lang) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// A name with its unit in brackets, `名称（万人）`; the name alone when the
/// plan gives no unit (a target in words, 明显提升), never `名称（）`.
pub fn with_unit(name: &str, unit: &str, lang: Lang) -> String {
    match (unit.is_empty(), lang) {
        (true, _) => name.to_owned(),
        (false, Lang::Zh) => format!("{name}（{unit}）"),
        (false, Lang::En) => format!("{name} ({unit})"),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn two_shares_that_differ_are_never_shown_alike() {
        assert_eq!(
            percents_apart(0.356, 0.3628),
            ("35.6%".to_owned(), "36.3%".to_owned())
        );
        assert_eq!(
            percents_apart(0.3621, 0.3624),
            ("36.21%".to_owned(), "36.24%".to_owned())
        );
        assert_eq!(
            percents_apart(0.2, 0.4),
            ("20%".to_owned(), "40%".to_owned())
        );
        assert_eq!(
            percents_apart(0.4, 0.4),
            ("40%".to_owned(), "40%".to_owned())
        );
    }

    #[test]
    fn a_pace_ratio_is_never_shown_across_an_edge_it_did_not_reach() {
        assert_eq!(super::ratio(1.096), 1.09);
        assert_eq!(super::ratio(0.996), 0.99);
        assert_eq!(super::ratio(1.0999999999999996), 1.1);
        assert_eq!(super::ratio(0.9499999999999994), 0.95);
        assert_eq!(super::ratio(1.304347826087), 1.3);
    }

    use super::*;

    #[test]
    fn numbers_keep_what_matters() {
        assert_eq!(number(18.596), "18.596");
        assert_eq!(number(98.2), "98.2");
        assert_eq!(number(100.0), "100");
        assert_eq!(number(11.78), "11.78");
        assert_eq!(number(3.7164), "3.7164");
        assert_eq!(number(-0.00001), "0");
        assert_eq!(percent(0.6), "60%");
        assert_eq!(percent(-0.001), "0%");
        assert_eq!(percent(0.9999), "99%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(-0.1), "-10%");
    }

    #[test]
    fn a_figure_beside_its_requirement_never_prints_as_the_bound() {
        let at_least = |value| Requirement::Threshold {
            cmp: crate::vocabulary::Comparator::GreaterOrEqual,
            value,
            basis: Basis::Target,
        };
        assert_eq!(
            number_against(11.2999999, Some(&at_least(11.3))),
            "11.2999999"
        );
        assert_eq!(number_against(11.3, Some(&at_least(11.3))), "11.3");
        assert_eq!(
            number_against(18.59599, Some(&at_least(18.596))),
            "18.59599"
        );
        assert_eq!(number_against(18.2, Some(&at_least(18.596))), "18.2");
        let band = Requirement::Range {
            min: 95.0,
            max: 96.000001,
        };
        assert_eq!(number_against(96.0, Some(&band)), "96");
        assert_eq!(number_against(96.00000001, None), "96");
        // Off a bound shown alike, on the side it is.
        assert_eq!(number_against(9.57999, Some(&at_least(9.58))), "9.57999");
        assert_eq!(
            number_against(25.3333334, Some(&at_least(25.333333))),
            "25.3333334"
        );
        assert_eq!(
            number_against(25.3333, Some(&at_least(25.333333))),
            "25.3333"
        );
    }
}

#[cfg(test)]
mod about_tests {
    use super::*;
    use crate::vocabulary::Comparator;

    /// A 左右 whose baseline holds the line already (控制在5.5%左右 from
    /// 5.0) is allowed its margin of the level, and says so (it said 变化量
    /// while 5.775 was allowed: a reviewer's).
    #[test]
    fn an_about_rule_says_what_its_margin_is_of() {
        let rule = Rule::About {
            value: 5.5,
            tolerance_pct: 5.0,
            cmp: Comparator::LessOrEqual,
        };
        assert!(super::rule(&rule, None, Some(5.0), Lang::Zh).contains("可差目标值的 5%"));
        assert!(super::rule(&rule, None, None, Lang::Zh).contains("可差目标值的 5%"));
        assert!(super::rule(&rule, None, Some(6.0), Lang::Zh).contains("可差变化量的 5%"));
    }
}
