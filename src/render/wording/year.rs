//! One year's paragraph: the count, those meeting the year's requirement,
//! each group short of it named, then the binding indicators.

use super::*;

/// One year's check in the same manner: the count, those meeting the year's
/// requirement, each group short of it named, then the binding indicators.
pub fn year_summary(report: &YearReport, lang: Lang) -> Vec<String> {
    let all = &report.results;
    let year = report.year;
    let assessed = all
        .iter()
        .filter(|r| r.status != Status::NotAssessed)
        .count();
    let pass = all.iter().filter(|r| r.status.passes()).count();
    let named = |status: Status| -> Vec<String> {
        all.iter()
            .filter(|r| r.status == status)
            .map(|r| result_in_prose(r, report))
            .collect()
    };
    let count = |status: Status| all.iter().filter(|r| r.status == status).count();
    let mut out = vec![match lang {
        Lang::Zh => format!(
            "规划提出的{}项主要指标中，{assessed}项作量化评估，{year}年{pass}项达到当年要求（已达标{}项，符合序时进度{}项）。",
            all.len(),
            count(Status::Achieved),
            count(Status::OnTrack)
        ),
        Lang::En => format!(
            "Of the plan's {} main indicators, {assessed} are assessed in numbers; in {year}, {pass} meet the year's requirement ({} achieved, {} on schedule).",
            all.len(),
            count(Status::Achieved),
            count(Status::OnTrack)
        ),
    }];
    for status in [
        Status::Behind,
        Status::Failed,
        Status::Missing,
        Status::Undetermined,
    ] {
        let names = named(status);
        if names.is_empty() {
            continue;
        }
        let k = names.len();
        let list = names.join(lang.pick("、", ", "));
        let label = labels::status(status, lang);
        out.push(match (k, lang) {
            (1, Lang::Zh) => format!("{list}{label}。"),
            (_, Lang::Zh) => format!("{list}等{k}项指标{label}。"),
            (_, Lang::En) => {
                let mut chars = label.chars();
                let first = chars.next().map(|c| c.to_uppercase().to_string());
                format!("{}{}: {list}.", first.unwrap_or_default(), chars.as_str())
            }
        });
    }
    let binding: Vec<&IndicatorResult> = all
        .iter()
        .filter(|r| r.attribute == Attribute::Binding)
        .collect();
    // 不考核 rows are shown, not judged: counted apart.
    let not_assessed: Vec<&IndicatorResult> = binding
        .iter()
        .copied()
        .filter(|r| r.status == Status::NotAssessed)
        .collect();
    let binding: Vec<&IndicatorResult> = binding
        .into_iter()
        .filter(|r| r.status != Status::NotAssessed)
        .collect();
    if !binding.is_empty() {
        let b = binding.len();
        let short: Vec<String> = binding
            .iter()
            .filter(|r| !r.status.passes() && r.status != Status::NotAssessed)
            .map(|r| match lang {
                Lang::Zh => format!(
                    "{}（{}）",
                    result_in_prose(r, report),
                    labels::status(r.status, lang)
                ),
                Lang::En => format!(
                    "{} ({})",
                    result_in_prose(r, report),
                    labels::status(r.status, lang)
                ),
            })
            .collect();
        out.push(match (short.is_empty(), lang) {
            (true, Lang::Zh) if b == 1 => "1项约束性指标达到要求。".to_owned(),
            (true, Lang::Zh) => format!("{b}项约束性指标均达到要求。"),
            (true, Lang::En) if b == 1 => "The binding indicator meets its requirement.".to_owned(),
            (true, Lang::En) => format!("All {b} binding indicators meet their requirement."),
            (false, Lang::Zh) => format!("{b}项约束性指标中，{}未达到要求。", short.join("、")),
            (false, Lang::En) => format!(
                "Of the {b} binding indicators, these fall short: {}.",
                short.join(", ")
            ),
        });
    }
    if !not_assessed.is_empty() {
        let names: Vec<String> = not_assessed
            .iter()
            .map(|r| result_in_prose(r, report))
            .collect();
        out.push(binding_not_assessed(&names, !binding.is_empty(), lang));
    }
    out
}
