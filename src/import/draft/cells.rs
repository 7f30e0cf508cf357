//! A row's baseline cell and a bare number in its target, written as the
//! loader reads them, with what the reader must confirm.

use super::out::Out;
use super::words::{in_a_rate, is_growth, quote};
use crate::import::table::Row;
use std::fmt::Write as _;

/// The baseline cell, read as the loader reads it; its number.
/// `an_amount`: the row is the period's work, its baseline cell the last
/// period's (no baseline of a schedule).
pub(super) fn baseline(
    w: &mut Out,
    row: &Row,
    star_year: Option<i32>,
    an_amount: bool,
) -> Option<f64> {
    let b = row.baseline.trim();
    let cell = crate::plan::row::read_baseline(b, &row.unit).ok();
    let baseline_value = cell.as_ref().and_then(|c| c.value);
    match cell {
        Some(cell) => match (cell.value, cell.starred) {
            (Some(v), false) if crate::number::read_number(b, false).is_ok() => {
                let _ = writeln!(w.out, "baseline = {}", crate::number::display(v));
            }
            // `86.44%`: kept as printed, its number read; `≥2000`, `＞1.5`:
            // a bound, not the figure, and said (it drove a 当年要求 and a
            // 快于预期 as if exact: a reviewer's report).
            (Some(v), false) => {
                let _ = writeln!(w.out, "baseline = {}", quote(b));
                if !an_amount
                    && (b.starts_with(['≥', '＞', '>', '≧', '≤', '＜', '<', '≦'])
                        || b.contains("以上")
                        || b.contains("以下"))
                {
                    w.confirm(format!(
                        "原文基期值“{b}”是个界限，不是确数：暂按 {} 作基期，序时进度和完成进度由它算出；有实际数的，请写 baseline = 实际数",
                        crate::number::display(v)
                    ));
                }
            }
            (Some(v), true) => match star_year {
                Some(year) => {
                    let _ = writeln!(w.out, "baseline = {}", quote(b));
                    let _ = writeln!(w.out, "baseline_year = {year}");
                }
                None => {
                    let _ = writeln!(w.out, "baseline = {}", crate::number::display(v));
                    w.confirm(format!(
                            "原文基期值为“{b}”，表注中没有找到{}所指的年份，暂按基期年的数；请写 baseline = \"{b}\" 和 baseline_year",
                            if b.ends_with(['*', '＊']) { "“*”" } else { "括号" }
                        ),
                    );
                }
            },
            (None, _) => {
                let _ = writeln!(
                    w.out,
                    "baseline = {}",
                    quote(if b.is_empty() { "—" } else { b })
                );
            }
        },
        None => {
            let _ = writeln!(w.out, "baseline = \"—\"");
            w.confirm(format!("原文基期值“{b}”读不出数字，暂写作“—”"));
        }
    }
    baseline_value
}

/// Whether a row's figure could be a count a plan projects (people,
/// pupils, beds): not a share, a rate, a density or an index, by its unit
/// and the end of its name.
fn could_be_a_count(row: &Row) -> bool {
    let unit = row.unit.trim();
    !unit.contains(['%', '％', '‰', '/', '／'])
        && ![
            "率", "比例", "比重", "占比", "密度", "指数", "浓度", "强度", "面积", "长度",
        ]
        .iter()
        .any(|w| row.name.trim_end().ends_with(w))
}

/// Words of a name that counts what is added or built (新增, 新建消防救援站):
/// its figure is an amount done, not a level.
pub(super) const ADDED: &[&str] = &["新增", "新建", "增加"];

/// A bare number: what the name says is better (失业率 lower, a 保有量
/// kept at least), else toward the target from the baseline; written out
/// where the two disagree. Always to confirm. Whether a rule was written.
pub(super) fn bare(
    w: &mut Out,
    row: &Row,
    deciding: &str,
    value: f64,
    baseline_value: Option<f64>,
) -> bool {
    let shown_value = crate::number::display(value);
    let toward = baseline_value.filter(|b| *b != value).map(|b| value > b);
    // 新建消防救援站 2 → 1: what the last period built and what this one
    // is to build, no level moving down: at least the number.
    let added = ADDED.iter().any(|w| row.name.contains(w))
        && !row.name.contains("增加值")
        && !in_a_rate(row);
    let said = crate::plan::row::better_by_name(&row.name).or(added.then_some(true));
    if said.is_none() && crate::plan::row::projected_by_name(&row.name) {
        // 总人口 136000: a head count is projected, not a line.
        let _ = writeln!(
            w.out,
            "rule = {{ kind = \"projection\", value = {shown_value}, tolerance_pct = 5 }}"
        );
        w.confirm(format!(
            "原文只写数字“{deciding}”，是人数一类的总量，读作预测值（上下 5% 以内）；若是下限或上限，请改写 rule"
        ));
        return true;
    }
    let words = |floor: bool| if floor { "不低于" } else { "不高于" };
    let by_name = |floor: bool| {
        if added {
            "新增、新建的数量，是要完成的量"
        } else if floor && is_growth(row) {
            "增长率一类，越高越好"
        } else if floor {
            "保有量、红线、下降率、产出、收入一类，越高越好"
        } else {
            "越低越好"
        }
    };
    let (floor, why) = match (said, toward) {
        (Some(floor), Some(t)) if floor != t && !added => (
            floor,
            format!(
                "原文只写数字“{deciding}”；按名称（{}）读作{} {shown_value}，与从基期值看的方向相反，请核对",
                by_name(floor),
                words(floor)
            ),
        ),
        (Some(floor), _) => (
            floor,
            format!(
                "原文只写数字“{deciding}”，按名称（{}）读作{} {shown_value}",
                by_name(floor),
                words(floor)
            ),
        ),
        // A share, a rate or a density is no head count: the projection's
        // rewrite is offered only where the figure could be one (it stood
        // beside 森林覆盖率 and 道路网密度 sixteen times in one draft, hiding
        // the notes that mattered: a newcomer's).
        (None, Some(up)) if could_be_a_count(row) => (
            up,
            format!(
                "原文只写数字“{deciding}”，按朝目标方向读作{} {shown_value}；若是预测值（如人数），请改写 rule = {{ kind = \"projection\", value = {shown_value}, tolerance_pct = 5 }}",
                words(up)
            ),
        ),
        (None, Some(up)) => (
            up,
            format!(
                "原文只写数字“{deciding}”，按朝目标方向读作{} {shown_value}",
                words(up)
            ),
        ),
        (None, None) if baseline_value == Some(value) => (
            true,
            format!(
                "原文只写数字“{deciding}”，与基期值相同，暂读作“不低于”（保持）；若是上限，请改写 rule"
            ),
        ),
        (None, None) => (
            true,
            format!("原文只写数字“{deciding}”，且没有可比的基期值，暂读作“不低于”"),
        ),
    };
    // The loader reads toward the target by itself; anything
    // else is written as the rule.
    let explicit = toward != Some(floor);
    if explicit {
        let _ = writeln!(
            w.out,
            "rule = {{ kind = \"{}\", value = {shown_value} }}",
            if floor { "at_least" } else { "at_most" }
        );
    }
    w.confirm(why);
    explicit
}
