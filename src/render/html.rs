//! `plan-check report`: one self-contained HTML page for the written evaluation
//! (评估报告): the summary, then one section per category with a chart and the
//! numbers of every indicator. Inline CSS and SVG only: it opens on an intranet
//! with no network, and prints on A4.
//!
//! The page is a minijinja template (`templates/report.html`, compiled in), with
//! HTML auto-escaping; the charts come from [`super::chart`].

use super::{Evaluation, Outcome, Renderer, Style, View, chart, labels};
use crate::assess::Requirement;
use crate::assess::period::{Method, Outlook, PeriodReport, Reach};
use crate::lang::Lang;
use crate::vocabulary::Attribute;
use serde::Serialize;

const TEMPLATE: &str = include_str!("../../templates/report.html");

#[derive(Serialize)]
struct Page {
    lang: &'static str,
    t: Words,
    /// The title, with the region in front unless the title names it already.
    heading: String,
    title: String,
    first_year: i32,
    latest_year: i32,
    elapsed: String,
    plan: PlanView,
    inputs: Vec<String>,
    /// The notes under the plan's table.
    notes: Vec<String>,
    /// What the latest figures rest on: compounded figures, older years,
    /// figures that cannot be judged.
    explanations: Vec<String>,
    /// The summary paragraph in the official wording.
    paragraph: String,
    counts: Vec<CountView>,
    binding_at_risk: Vec<String>,
    verdict: String,
    /// The files that could not be read and the regions left out, when any.
    failed: Vec<String>,
    legend: String,
    categories: Vec<CategoryView>,
}

#[derive(Serialize)]
struct PlanView {
    title: String,
    issuer: Option<String>,
    issued: Option<String>,
    table: Option<String>,
    baseline_year: i32,
    target_year: i32,
}

#[derive(Serialize)]
struct CountView {
    label: &'static str,
    count: usize,
    class: &'static str,
}

#[derive(Serialize)]
struct CategoryView {
    name: String,
    indicators: Vec<IndicatorView>,
}

#[derive(Serialize)]
struct IndicatorView {
    id: String,
    name: String,
    unit: String,
    attribute: &'static str,
    binding: bool,
    baseline: String,
    baseline_year: i32,
    target_text: String,
    /// `2030`, or 年均/累计 for a target over the period.
    target_when: String,
    note: Option<String>,
    rule: String,
    outlook: &'static str,
    outlook_class: &'static str,
    pace: Option<String>,
    projection: Option<String>,
    chart: String,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
struct RowView {
    year: i32,
    actual: String,
    required: String,
    status: &'static str,
    status_class: &'static str,
    source: String,
}

/// Every word of the page that is not data, in the page's language.
#[derive(Serialize)]
struct Words {
    report: &'static str,
    summary: &'static str,
    period: &'static str,
    elapsed: &'static str,
    issued_by: &'static str,
    source_table: &'static str,
    inputs: &'static str,
    binding_at_risk: &'static str,
    none_at_risk: &'static str,
    baseline: &'static str,
    target: &'static str,
    rule: &'static str,
    outlook: &'static str,
    pace: &'static str,
    projection: &'static str,
    year: &'static str,
    actual: &'static str,
    required: &'static str,
    status: &'static str,
    source: &'static str,
    not_reported: &'static str,
    binding: &'static str,
    method: &'static str,
    contents: &'static str,
    notes: &'static str,
    note: &'static str,
    /// Punctuation in the page's language: `（` `）` `：` `、` `，` or their
    /// English forms.
    open: &'static str,
    close: &'static str,
    colon: &'static str,
    list: &'static str,
    comma: &'static str,
}

/// The page's words for `period`: at the target year (a 总结评估) a binding
/// indicator is achieved or not, and nothing is forecast.
fn words_for(period: &PeriodReport, lang: Lang) -> Words {
    let mut t = words(lang);
    if period.is_final() {
        t.binding_at_risk = lang.pick(
            "未实现目标的约束性指标",
            "Binding indicators short of the target",
        );
        t.none_at_risk = lang.pick(
            "约束性指标均已实现。",
            "Every binding indicator is achieved.",
        );
        t.method = lang.pick(
            "说明：目标年的数与规划目标比较；基期已达到目标的指标须保持目标；人口预测类指标允许在预测值上下一定幅度内；“左右”的目标朝规划的方向判断（文字、指标名称或基期说明方向），可差规划变化量的 5%（默认；基期已达到目标或没有基期时差目标值的 5%），超过不算未达标；年均、累计类目标用规划期内每一年的数计算。未填报的年份不插值。",
            "Notes: the target year's figures are held against the plan's targets; an indicator whose baseline already met the target must hold it; projections (enrolment counts) are met within a tolerance band; a 左右 target is judged on the side the plan moves toward (as its words, its name or its baseline say), and may fall short by 5 % (unless the plan says otherwise) of the change it asks for, more being no shortfall; yearly-average and cumulative targets are computed from every year of the period. Years not reported are never interpolated.",
        );
    }
    t
}

fn words(lang: Lang) -> Words {
    Words {
        report: lang.pick("规划实施评估报告", "Plan evaluation report"),
        summary: lang.pick("总体评估", "Summary"),
        period: lang.pick("评估期", "Period"),
        elapsed: lang.pick("时间进度", "Time elapsed"),
        issued_by: lang.pick("印发", "Issued by"),
        source_table: lang.pick("指标来源", "Indicator table"),
        inputs: lang.pick("数据文件", "Data files"),
        binding_at_risk: lang.pick("未达到序时进度的约束性指标", "Binding indicators not on schedule"),
        none_at_risk: lang.pick(
            "约束性指标均已实现或符合序时进度。",
            "Every binding indicator is achieved or on schedule.",
        ),
        baseline: lang.pick("基期", "Baseline"),
        target: lang.pick("目标", "Target"),
        rule: lang.pick("判断规则", "Rule"),
        outlook: lang.pick("评估", "Outlook"),
        pace: lang.pick("进度", "Pace"),
        projection: lang.pick("趋势预计", "Projection"),
        year: lang.pick("年份", "Year"),
        actual: lang.pick("实际", "Actual"),
        required: lang.pick("要求", "Required"),
        status: lang.pick("结果", "Result"),
        source: lang.pick("来源/备注", "Source/note"),
        not_reported: lang.pick("未填报", "not reported"),
        binding: lang.pick("约束性", "binding"),
        method: lang.pick(
            "说明：各年要求按序时进度（基期至目标线性推进）计算；基期已达到目标的指标每年须保持目标；人口预测类指标允许在预测值上下一定幅度内；“左右”的目标朝规划的方向判断（文字、指标名称或基期说明方向），可差规划变化量的 5%（默认；基期已达到目标或没有基期时差目标值的 5%），超过不算未达标。趋势预计：基期与已填报年份共 3 个点及以上用最小二乘直线外推，2 个点用基期至最新值的连线（年均一栏为增长率的水平值按等速增长外推）；未填报的年份不插值。",
            "Notes: each year's requirement follows the time-proportional schedule from baseline to target; an indicator whose baseline already meets the target must hold it every year; projections (enrolment counts) are met within a tolerance band; a 左右 target is judged on the side the plan moves toward (as its words, its name or its baseline say), and may fall short by 5 % (unless the plan says otherwise) of the change it asks for, more being no shortfall. Projection: a least-squares line through the baseline and the reported years (three points or more), else the line from the baseline to the latest value (constant growth for a level whose period cell is a growth rate); years not reported are never interpolated.",
        ),
        contents: lang.pick("目录", "Contents"),
        notes: lang.pick("规划表注", "The plan's notes"),
        note: lang.pick("注", "Note"),
        open: lang.pick("（", " ("),
        close: lang.pick("）", ")"),
        colon: lang.pick("：", ": "),
        list: lang.pick("、", ", "),
        comma: lang.pick("，", ", "),
    }
}

/// `（2021年数据）` when an indicator's latest figure is older than the run's.
fn as_of(as_of: i32, latest: i32, lang: Lang) -> String {
    if as_of == latest {
        String::new()
    } else {
        match lang {
            Lang::Zh => format!("（{as_of}年数据）"),
            Lang::En => format!(" ({as_of} figure)"),
        }
    }
}

fn outlook_class(outlook: Outlook) -> &'static str {
    super::look::outlook(outlook).tone.class()
}

/// The report page for `period`, checked against `plan`.
/// `plan-check report`: the period view of one region as one HTML page.
pub struct Report;

impl Renderer for Report {
    fn render(
        &self,
        ev: &Evaluation,
        style: &Style,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        let View::Period(period) = &ev.view else {
            anyhow::bail!("the report draws the period view of one region");
        };
        let failed = super::incomplete::failed_inputs(
            &ev.failed,
            style.lang,
            super::incomplete::Shown::Document,
        );
        out.write_all(page(period, &ev.inputs, failed, style.lang, ev.outcome)?.as_bytes())?;
        Ok(())
    }
}

fn page(
    period: &PeriodReport,
    inputs: &[String],
    failed: Vec<String>,
    lang: Lang,
    outcome: Outcome,
) -> Result<String, minijinja::Error> {
    let meta = &period.plan;
    let dash = || "—".to_owned();
    let mut categories: Vec<CategoryView> = Vec::new();
    for series in &period.indicators {
        let rows = series
            .series
            .iter()
            .map(|p| RowView {
                year: p.year,
                actual: match (p.actual, p.derived) {
                    (Some(a), Some(d)) => format!(
                        "{} → {} {}",
                        labels::number(a),
                        series.judged_on.map_or(lang.pick("合计", "to date"), |k| {
                            labels::derived_short(k, lang)
                        }),
                        labels::number_against(d, p.requirement.as_ref())
                    ),
                    _ => labels::point_figure(p),
                },
                required: p.requirement.map_or_else(dash, |r: Requirement| {
                    labels::requirement_on(&r, series.judged_on, lang)
                }),
                status: labels::status(p.status, lang),
                status_class: super::look::status(p.status).tone.class(),
                source: labels::source(p.source.as_deref(), p.remark.as_deref(), lang),
            })
            .collect();
        // On the path of constant growth (a level beside its 年均 rate), the
        // completion that path reaches by now; else the time elapsed.
        let (time_zh, time_en) = if series.on_growth_path {
            ("按等速增长应完成", "due on constant growth")
        } else {
            ("时间进度", "time")
        };
        let pace = match (series.completion, series.pace_ratio, series.due) {
            // The completion against what its schedule asks by now.
            (Some(c), Some(r), Some(due)) => Some({
                let (c, due) = labels::percents_apart(c, due);
                match lang {
                    Lang::Zh => format!(
                        "完成进度 {c}，{time_zh} {due}，进度比 {:.2}{}",
                        labels::ratio(r),
                        as_of(series.as_of, period.latest_year, lang)
                    ),
                    Lang::En => format!(
                        "completion {c}, {time_en} {due}, pace ratio {:.2}{}",
                        labels::ratio(r),
                        as_of(series.as_of, period.latest_year, lang)
                    ),
                }
            }),
            // A rate against the rate required: the ratio alone.
            (None, Some(r), _) => Some(match lang {
                Lang::Zh => format!(
                    "进度比 {:.2}（实际 ÷ 要求）{}",
                    labels::ratio(r),
                    as_of(series.as_of, period.latest_year, lang)
                ),
                Lang::En => format!(
                    "pace ratio {:.2} (achieved ÷ required){}",
                    labels::ratio(r),
                    as_of(series.as_of, period.latest_year, lang)
                ),
            }),
            _ => None,
        };
        let projection = series.projection.map(|p| {
            let method = match (p.method, lang) {
                (Method::LeastSquares, Lang::Zh) => format!("最小二乘，{}个点", p.points),
                (Method::LeastSquares, Lang::En) => format!("least squares, {} points", p.points),
                (Method::BaselineToLatest, Lang::Zh) => "基期至最新值".to_owned(),
                (Method::BaselineToLatest, Lang::En) => "baseline to latest".to_owned(),
                (Method::GrowthLeastSquares, Lang::Zh) => {
                    format!("等速增长（对数最小二乘），{}个点", p.points)
                }
                (Method::GrowthLeastSquares, Lang::En) => {
                    format!(
                        "constant growth (least squares of logarithms), {} points",
                        p.points
                    )
                }
                (Method::GrowthBaselineToLatest, Lang::Zh) => "基期至最新值的等速增长".to_owned(),
                (Method::GrowthBaselineToLatest, Lang::En) => {
                    "constant growth from baseline to latest".to_owned()
                }
            };
            let reach = match (p.reach, lang) {
                (Some(Reach::AlreadyMet), Lang::Zh) => "，已达到目标".to_owned(),
                (Some(Reach::AlreadyMet), Lang::En) => ", target already met".to_owned(),
                (Some(Reach::InYear { year }), Lang::Zh) => format!("，预计{year}年达到目标"),
                (Some(Reach::InYear { year }), Lang::En) => format!(", meets the target in {year}"),
                (Some(Reach::NotByTargetYear), Lang::Zh) => {
                    format!("，按此趋势到{}年达不到目标", meta.target_year)
                }
                (Some(Reach::NotByTargetYear), Lang::En) => {
                    format!(", not by {} at this pace", meta.target_year)
                }
                (Some(Reach::Away), Lang::Zh) => "，走势背离目标，按当前趋势达不到目标".to_owned(),
                (Some(Reach::Away), Lang::En) => {
                    ", moving away from the target: not reached on the current trend".to_owned()
                }
                (None, _) => String::new(),
            };
            match lang {
                Lang::Zh => format!(
                    "{}年预计 {}（{}，{}）{reach}",
                    meta.target_year,
                    labels::projected(p.target_year_value, series),
                    method,
                    if p.meets_target {
                        "可达到目标"
                    } else {
                        "达不到目标"
                    }
                ),
                Lang::En => format!(
                    "{} projected {} ({}; {}){reach}",
                    meta.target_year,
                    labels::projected(p.target_year_value, series),
                    method,
                    if p.meets_target {
                        "meets the target"
                    } else {
                        "short of the target"
                    }
                ),
            }
        });
        let view = IndicatorView {
            id: series.id.clone(),
            name: series.display_name(),
            unit: series.unit.clone(),
            attribute: labels::attribute(series.attribute, lang),
            binding: series.attribute == Attribute::Binding,
            baseline: labels::baseline(series.baseline, series.baseline_text.as_deref()),
            baseline_year: series.baseline_year,
            target_text: series.target_text.clone(),
            target_when: if series.over_period {
                lang.pick("年均/累计", "yearly/cumulative").to_owned()
            } else {
                meta.target_year.to_string()
            },
            note: {
                let own = series
                    .note
                    .clone()
                    .filter(|n| !period.plan.notes.contains(n));
                let clause = series.clause.as_ref().map(|c| match lang {
                    Lang::Zh => format!("“{c}”照原文列出，不作判断。"),
                    Lang::En => format!("\"{c}\" is shown as printed and not judged."),
                });
                match (own, clause) {
                    (Some(own), Some(clause)) => Some(format!("{own} {clause}")),
                    (own, clause) => own.or(clause),
                }
            },
            rule: labels::rule_with_years(
                labels::rule_with_period(
                    labels::rule(
                        &series.rule,
                        series.relative_to.as_deref(),
                        series.baseline,
                        lang,
                    ),
                    series.period_rule.as_ref(),
                    series.relative_to.as_deref(),
                    lang,
                ),
                &series.year_requirements,
                lang,
            ),
            outlook: labels::outlook(series.outlook, lang),
            outlook_class: outlook_class(series.outlook),
            pace,
            projection,
            chart: if chart::has_rule(series) {
                chart::svg(series, meta, lang)
            } else {
                String::new()
            },
            rows,
        };
        match categories.last_mut() {
            Some(c) if c.name == series.category => c.indicators.push(view),
            _ => categories.push(CategoryView {
                name: series.category.clone(),
                indicators: vec![view],
            }),
        }
    }
    let count = |o: Outlook| period.summary.outlooks.get(o.code()).copied().unwrap_or(0);
    // The mid-term's four tiles are always shown; at the target year they
    // cannot occur, and only what did is (0 快于预期 read as a finding).
    let counts = Outlook::ALL
        .iter()
        .filter(|&&o| {
            (!period.is_final()
                && matches!(
                    o,
                    Outlook::AchievedEarly | Outlook::Ahead | Outlook::OnSchedule | Outlook::Behind
                ))
                || count(o) > 0
        })
        .map(|&o| CountView {
            label: labels::outlook(o, lang),
            count: count(o),
            class: outlook_class(o),
        })
        .collect();
    let binding_at_risk = super::period_table::binding_not_on_track(period, lang);
    let page = Page {
        lang: lang.pick("zh-CN", "en"),
        t: words_for(period, lang),
        heading: if period.region.is_empty() || period.plan.title.contains(&period.region) {
            period.plan.title.clone()
        } else {
            format!("{} {}", period.region, period.plan.title)
        },
        title: period.plan.title.clone(),
        first_year: period.years.first().copied().unwrap_or(period.latest_year),
        latest_year: period.latest_year,
        elapsed: labels::percent(period.elapsed),
        plan: PlanView {
            title: meta.title.clone(),
            issuer: meta.issuer.clone(),
            issued: meta.issued.clone(),
            table: meta.table.clone(),
            baseline_year: meta.baseline_year,
            target_year: meta.target_year,
        },
        inputs: inputs.to_vec(),
        notes: period.plan.notes.clone(),
        explanations: super::summary::explanations(&period.latest, lang),
        paragraph: super::wording::paragraph(period, lang),
        counts,
        binding_at_risk,
        verdict: super::verdict::verdict(&period.latest, super::Style::plain(lang), outcome),
        failed,
        legend: chart::legend(lang),
        categories,
    };
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template("report.html", TEMPLATE)?;
    env.get_template("report.html")?
        .render(minijinja::value::Serde(&page))
}
