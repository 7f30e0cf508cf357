//! The columns of a year's table, shared by the terminal table and Markdown:
//! 分类, 指标, 单位, 属性, 基期, 目标 (as printed), the year's requirement, the
//! actual figure, completion and the result.

use super::{labels, summary};
use crate::assess::{IndicatorResult, PlanInfo, YearReport};
use crate::lang::Lang;

/// Columns whose figures align right.
pub const RIGHT_ALIGNED: [bool; 10] = [
    false, false, false, false, true, true, true, true, true, false,
];

/// The six leading header cells every indicator table shares: 分类 … 目标.
pub fn plan_headers(plan: &PlanInfo, lang: Lang) -> [String; 6] {
    [
        lang.pick("分类", "Category").to_owned(),
        lang.pick("指标", "Indicator").to_owned(),
        lang.pick("单位", "Unit").to_owned(),
        lang.pick("属性", "Attribute").to_owned(),
        format!("{}{}", lang.pick("基期 ", "Baseline "), plan.baseline_year),
        format!("{}{}", lang.pick("目标 ", "Target "), plan.target_year),
    ]
}

/// The header cells; `line_break` separates a header's two lines.
pub fn headers(report: &YearReport, lang: Lang, line_break: &str) -> [String; 10] {
    let year = report.year;
    let [category, indicator, unit, attribute, baseline, target] = plan_headers(&report.plan, lang);
    [
        category,
        indicator,
        unit,
        attribute,
        baseline,
        target,
        format!("{year}{}", lang.pick("年要求", " required")),
        format!("{year}{}", lang.pick("年实际", " actual")),
        format!(
            "{}{line_break}{}{}",
            lang.pick("完成进度", "Progress"),
            lang.pick("时间 ", "time "),
            labels::percent(report.elapsed)
        ),
        lang.pick("结果", "Result").to_owned(),
    ]
}

/// The cells of one indicator; the category is left empty when it repeats the
/// row above, as in the printed plan table. The result cell is the status label.
pub fn cells(r: &IndicatorResult, previous: Option<&IndicatorResult>, lang: Lang) -> [String; 10] {
    let dash = || "—".to_owned();
    // The year's figure, with the digits that tell it from its requirement
    // (unless the requirement is on a figure made from the years).
    let actual = |a: f64| match r.derived {
        Some(_) => labels::number(a),
        None => labels::number_against(a, r.requirement.as_ref()),
    };
    let category = if previous.is_some_and(|p| p.category == r.category) {
        String::new()
    } else {
        r.category.clone()
    };
    [
        category,
        summary::display_name(r),
        r.unit.clone(),
        labels::attribute(r.attribute, lang).to_owned(),
        labels::baseline(r.baseline, r.baseline_text.as_deref()),
        r.target_text.clone(),
        // An earlier year's requirement under the run's year's head says
        // its year, as the figure beside it does (`≥ 18.596（2023年）`
        // under 2024年要求: a reviewer's).
        match (labels::result_requirement(r, lang), r.as_of) {
            (None, _) => dash(),
            (Some(q), None) => q,
            (Some(q), Some(y)) => match lang {
                Lang::Zh => format!("{q}（{y}年）"),
                Lang::En => format!("{q} ({y})"),
            },
        },
        // A figure of an earlier year (a period's latest report) says so;
        // the figure made from the years, where that is what the
        // requirement is on, stands beside it (`0.1（累计 2.7973）` under
        // `累计 ≥ 5.4`, never 0.1 alone against a cumulative requirement).
        {
            let figure = match (r.actual, &r.derived) {
                (None, _) => None,
                (Some(a), None) => Some(actual(a)),
                (Some(a), Some(d)) => Some(match lang {
                    Lang::Zh => format!(
                        "{}（{} {}）",
                        actual(a),
                        labels::derived_short(d.kind, lang),
                        labels::number_against(d.value, r.requirement.as_ref())
                    ),
                    Lang::En => format!(
                        "{} ({} {})",
                        actual(a),
                        labels::derived_short(d.kind, lang),
                        labels::number_against(d.value, r.requirement.as_ref())
                    ),
                }),
            };
            match (figure, r.as_of) {
                (None, _) => dash(),
                (Some(f), None) => f,
                (Some(f), Some(y)) => match lang {
                    Lang::Zh => format!("{f}（{y}年）"),
                    Lang::En => format!("{f} ({y})"),
                },
            }
        },
        // Never shown alike with the share due when it is not (59.79 %
        // under 时间 60% beside 滞后: a reviewer's).
        r.completion.map_or_else(dash, |c| {
            labels::percents_apart(c, r.due.unwrap_or(r.elapsed)).0
        }),
        // Judged at an earlier year: the run's year has no figure, and the
        // line says so first, as the counts and the exit code have it (a
        // period's Markdown showed ✅ 符合序时进度 beside 未填报1项).
        match r.as_of {
            Some(y) => labels::judged_earlier(y, r.status, lang),
            None => labels::status(r.status, lang).to_owned(),
        },
    ]
}
