//! The `[plan]` section: the plan's years, its title and source, and the
//! ratios and percentages it may set, each within its bounds.

use super::super::{
    BareNumbers, DEFAULT_ABOUT_PCT, DEFAULT_AHEAD_RATIO, DEFAULT_ON_SCHEDULE_RATIO, PlanMeta,
};
use super::raw::{RawBareNumbers, RawMeta};
use crate::diagnostic::{Code, Diagnostic, Text};

pub(super) fn read_meta(raw: RawMeta, file: &str) -> Result<PlanMeta, Diagnostic> {
    // Plan years a statistics table can hold: rows are read from the baseline
    // year to one period after the target year, all within the observations'
    // range of years.
    const PLAN_YEARS: std::ops::RangeInclusive<i32> = 1900..=2400;
    for year in [raw.baseline_year, raw.target_year] {
        if !PLAN_YEARS.contains(&year) {
            return Err(Diagnostic::error(
                Code::P005,
                file,
                Text::new(
                    format!("规划年份 {year} 不在 1900–2400 之间"),
                    format!("the plan year {year} is not between 1900 and 2400"),
                ),
            ));
        }
    }
    if raw.baseline_year >= raw.target_year {
        return Err(Diagnostic::error(
            Code::P005,
            file,
            Text::new(
                format!(
                    "基期年份 {} 应早于目标年份 {}",
                    raw.baseline_year, raw.target_year
                ),
                format!(
                    "baseline_year {} must be before target_year {}",
                    raw.baseline_year, raw.target_year
                ),
            ),
        ));
    }
    // A ratio or a percentage the plan may set, with its bounds.
    let bounded = |name: &str, value: f64, ok: bool, zh: &str, en: &str| {
        if value.is_finite() && ok {
            Ok(value)
        } else {
            Err(Diagnostic::error(
                Code::P005,
                file,
                Text::new(
                    format!("{name} {value} {zh}"),
                    format!("{name} {value} {en}"),
                ),
            ))
        }
    };
    let ahead_ratio = raw.ahead_ratio.unwrap_or(DEFAULT_AHEAD_RATIO);
    let ahead_ratio = bounded(
        "ahead_ratio",
        ahead_ratio,
        ahead_ratio >= 1.0,
        "应不小于 1",
        "must be at least 1",
    )?;
    let ratio = raw.on_schedule_ratio.unwrap_or(DEFAULT_ON_SCHEDULE_RATIO);
    let on_schedule_ratio = bounded(
        "on_schedule_ratio",
        ratio,
        ratio > 0.0 && ratio <= 1.0,
        "应在 0 到 1 之间",
        "must be between 0 and 1",
    )?;
    let pct = raw.about_pct.unwrap_or(DEFAULT_ABOUT_PCT);
    let about_pct = bounded(
        "about_pct",
        pct,
        pct > 0.0 && pct <= 100.0,
        "应在 0 到 100 之间（百分比）",
        "must be between 0 and 100 (percent)",
    )?;
    Ok(PlanMeta {
        id: raw.id,
        title: raw.title,
        // “江津区 ” is 江津区: the data's regions are trimmed alike.
        region: raw
            .region
            .map(|r| crate::number::trim_all(&r).to_owned())
            .filter(|r| !r.is_empty()),
        issuer: raw.issuer,
        issued: raw.issued,
        table: raw.table,
        source: raw.source,
        baseline_year: raw.baseline_year,
        target_year: raw.target_year,
        ahead_ratio,
        on_schedule_ratio,
        notes: raw
            .notes
            .into_iter()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect(),
        is_default: raw.default.unwrap_or(false),
        about_pct,
        bare_numbers: raw
            .bare_numbers
            .map(|RawBareNumbers::TowardTarget| BareNumbers::TowardTarget),
    })
}
