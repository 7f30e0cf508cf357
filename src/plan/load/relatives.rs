//! Targets relative to another indicator (`高于GDP增长`, `与GDP增长同步`):
//! the indicator the text names found among the plan's, and no circle of
//! relatives.

use super::*;
use crate::diagnostic::Code;

/// A relative target waiting for the indicator it names.
pub(super) struct PendingRelative {
    pub(super) index: usize,
    pub(super) other: String,
    pub(super) to: Option<String>,
    pub(super) cmp: Option<Comparator>,
    pub(super) margin: f64,
    pub(super) line: u64,
    pub(super) field: &'static str,
    /// The 年均/累计 cell beside a level target: the row's `period_rule`.
    pub(super) period: bool,
}

/// The names a target may call an indicator by: its name, the name with a
/// bracketed gloss dropped (`国内生产总值增长`) or standing for what it
/// glosses (`GDP增长`), and 增速 for 增长.
pub(crate) fn names_of(name: &str) -> Vec<String> {
    let name = crate::number::trim_all(name);
    let mut names = vec![name.to_owned()];
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let (Some(a), Some(b)) = (name.find(open), name.find(close))
            && a < b
        {
            let gloss = &name[a + open.len_utf8()..b];
            let after = &name[b + close.len_utf8()..];
            names.push(format!("{}{after}", &name[..a]));
            names.push(format!("{gloss}{after}"));
        }
    }
    // A district's 地区生产总值 is what the national plans call 国内生产总值
    // and both call GDP: 高于GDP增长 in a district plan means its own.
    const GDP: [&str; 3] = ["地区生产总值", "国内生产总值", "GDP"];
    let gdp: Vec<String> = names
        .iter()
        .flat_map(|n| {
            GDP.iter()
                .filter(|word| n.contains(*word))
                .flat_map(|word| GDP.iter().map(move |other| n.replace(word, other)))
                .collect::<Vec<_>>()
        })
        .collect();
    names.extend(gdp);
    let synonyms: Vec<String> = names
        .iter()
        .filter(|n| n.contains("增长"))
        .map(|n| n.replace("增长", "增速"))
        .collect();
    names.extend(synonyms);
    names.sort();
    names.dedup();
    names
}

/// Finds the indicator each relative target names (or `relative_to` gives),
/// in the same plan: a located error when there is none, or several.
pub(super) fn resolve_relatives(
    indicators: &mut [Indicator],
    relatives: Vec<PendingRelative>,
    meta: &PlanMeta,
    file: &str,
) -> Result<(), Diagnostic> {
    for pending in relatives {
        let ind = &indicators[pending.index];
        let err = |zh: String, en: String| {
            Diagnostic::error(
                Code::P004,
                file,
                Text::new(
                    format!("字段 {}：{zh}", pending.field),
                    format!("field {}: {en}", pending.field),
                ),
            )
            .at_line(pending.line)
            .for_indicator(ind.id.clone())
        };
        let target = ind.printed_target().to_owned();
        let matches: Vec<usize> = match &pending.to {
            Some(id) => indicators
                .iter()
                .position(|i| &i.id == id)
                .into_iter()
                .collect(),
            None => {
                let wanted = pending.other.replace("增速", "增长");
                indicators
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| {
                        names_of(&i.name)
                            .iter()
                            .any(|n| n.replace("增速", "增长") == wanted)
                    })
                    .map(|(i, _)| i)
                    .collect()
            }
        };
        // 高于全国平均 beside a level's own target: a figure the plan does not
        // hold, shown and not judged, as before (the level's target judges).
        if pending.period && pending.to.is_none() && matches.is_empty() {
            continue;
        }
        let other = match matches.as_slice() {
            [one] if *one != pending.index => *one,
            [_] => {
                return Err(err(
                    format!("目标“{target}”指向本指标自身"),
                    format!("the target \"{target}\" names the indicator itself"),
                ));
            }
            [] => {
                let named = pending.to.as_deref().unwrap_or(&pending.other);
                return Err(err(
                    format!(
                        "目标“{target}”所比较的指标“{named}”不在本规划中：请用 relative_to 写明该指标的 id"
                    ),
                    format!(
                        "the target \"{target}\" compares with \"{named}\", which is not an indicator of this plan: give its id with relative_to"
                    ),
                ));
            }
            _ => {
                return Err(err(
                    format!(
                        "目标“{target}”所比较的“{}”可指多个指标：请用 relative_to 写明 id",
                        pending.other
                    ),
                    format!(
                        "\"{}\" in the target \"{target}\" could be several indicators: give the id with relative_to",
                        pending.other
                    ),
                ));
            }
        };
        if indicators[other].unit != ind.unit {
            return Err(err(
                format!(
                    "目标“{target}”与“{}”比较，但单位不同（{} 与 {}）",
                    indicators[other].name, ind.unit, indicators[other].unit
                ),
                format!(
                    "the target \"{target}\" compares with \"{}\" in another unit ({} and {})",
                    indicators[other].name, ind.unit, indicators[other].unit
                ),
            ));
        }
        let relative = Rule::Relative {
            to: other as IndicatorIdx,
            cmp: pending.cmp,
            tolerance_pct: meta.about_pct,
            margin: pending.margin,
        };
        if pending.period {
            indicators[pending.index].period_rule = Some(relative);
        } else {
            indicators[pending.index].rule = relative;
        }
    }
    refuse_cycles(indicators, file)
}

/// Targets relative to each other in a circle (A 高于 B, B 高于 A) can never
/// all be met: the plan does not load, and the message names the circle.
pub(super) fn refuse_cycles(indicators: &[Indicator], file: &str) -> Result<(), Diagnostic> {
    let next = |i: usize| match indicators[i].rule {
        Rule::Relative { to, .. } => Some(to as usize),
        _ => None,
    };
    for start in 0..indicators.len() {
        let mut path = vec![start];
        let mut at = start;
        while let Some(to) = next(at) {
            if to == start {
                let names: Vec<String> = path
                    .iter()
                    .chain(std::iter::once(&start))
                    .map(|&i| indicators[i].display_name())
                    .collect();
                return Err(Diagnostic::error(
                    Code::P004,
                    file,
                    Text::new(
                        format!(
                            "相对目标互相指向，成了一个圈：{}；这样的目标每年都无法同时达到，请核对原文",
                            names.join(" → ")
                        ),
                        format!(
                            "relative targets point at each other in a circle: {}; they can never all be met, check the document",
                            names.join(" → ")
                        ),
                    ),
                )
                .at_line(indicators[start].line as u64)
                .for_indicator(indicators[start].id.clone()));
            }
            if path.contains(&to) || path.len() > indicators.len() {
                break;
            }
            path.push(to);
            at = to;
        }
    }
    Ok(())
}
