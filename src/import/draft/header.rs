//! The `[plan]` section of a draft: the title (and an id from it), the
//! issuer, date and source, the years, the notes under the table, and what
//! the plan as a whole leaves to confirm.

use super::words::{initials, quote};
use crate::import::table::{IndicatorTable, Meta};
use crate::plan::row::Printed;
use crate::plan::{Form, read_target};
use std::fmt::Write as _;

/// Writes the plan's section; the number of rows whose target is a bare
/// number.
pub(super) fn write(
    out: &mut String,
    to_confirm: &mut Vec<String>,
    meta: &Meta,
    table: &IndicatorTable,
    source: &str,
) -> usize {
    if let (true, Some(title)) = (meta.title_from_cover, &meta.title) {
        to_confirm.push(format!(
            "规划名称：原文开头没有“关于印发……的通知”或《……》，取了开头的“{title}”，请核对 title"
        ));
    }
    let title = meta.title.clone().unwrap_or_else(|| {
        to_confirm
            .push("规划名称：原文开头没有找到“关于印发……的通知”或《……》，请填写 title".to_owned());
        "（待填写规划名称）".to_owned()
    });
    let _ = writeln!(
        out,
        "# 《{title}》{}",
        table.caption.as_deref().unwrap_or("")
    );
    let _ = writeln!(out, "#");
    let _ = writeln!(
        out,
        "# 由 plan-check import 从 {source} 起草。分类、指标、单位、基期、目标、属性逐格照原文抄写；"
    );
    let _ = writeln!(
        out,
        "# 标有“待核对”的地方是原文没有说清、起草时所作的假设：请对照原文核对，改好后删去该注释。"
    );
    let _ = writeln!(
        out,
        "# 编辑时逐项校验：plan-check schema plan > plan.schema.json，再在本文件第一行写 #:schema plan.schema.json"
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "[plan]");
    // The title's initials, then the years in its brackets:
    // 江津区教育事业发展“十四五”规划（2021－2025年） → jjqjysyfzsswgh-2021-2025.
    let plan_id = {
        let (head, tail) = title.split_once(['（', '(']).unwrap_or((&title, ""));
        let mut id: String = initials(head).chars().take(40).collect();
        for found in crate::year::years_in(tail) {
            id.push('-');
            id.push_str(&found.year.to_string());
        }
        if id.is_empty() { "plan".to_owned() } else { id }
    };
    let _ = writeln!(out, "id = {}", quote(&plan_id));
    let _ = writeln!(out, "title = {}", quote(&title));
    for (key, value) in [
        ("region", &meta.region),
        ("issuer", &meta.issuer),
        ("issued", &meta.issued),
        ("table", &table.caption),
    ] {
        if let Some(v) = value {
            let _ = writeln!(out, "{key} = {}", quote(v));
        }
    }
    if let (Some(issuer), Some(notice)) = (&meta.issuer, &meta.notice) {
        let date = meta
            .issued
            .as_deref()
            .and_then(|d| {
                let mut parts = d.split('-').map(|p| p.parse::<u32>().ok());
                Some(format!(
                    "{}年{}月{}日",
                    parts.next()??,
                    parts.next()??,
                    parts.next()??
                ))
            })
            .map(|d| format!("，{d}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "source = {}",
            quote(&format!("{issuer}《{notice}》{date}"))
        );
    }
    if table.baseline_year_assumed {
        let why = format!(
            "表头没有写基期年，规划期按目标年前五年（{}—{}年）读；若基期年不同，请改 baseline_year",
            table.baseline_year, table.target_year
        );
        let _ = writeln!(out, "# 待核对：{why}");
        to_confirm.push(format!("规划期：{why}"));
    }
    let _ = writeln!(out, "baseline_year = {}", table.baseline_year);
    let _ = writeln!(out, "target_year = {}", table.target_year);
    let bare_rows = table
        .rows
        .iter()
        .filter(|r| matches!(read_target(&r.target).map(|t| t.form), Ok(Form::Bare)))
        .count();
    if bare_rows > 0 {
        let _ = writeln!(
            out,
            "# 待核对：原文有 {bare_rows} 个目标只写了数字，不说是下限、上限还是预测值；暂按“朝目标方向”读：\n# 高于基期读作“不低于”，低于基期读作“不高于”（各行另有说明）。\nbare_numbers = \"toward_target\""
        );
        to_confirm.push(format!(
            "只写数字的目标（{bare_rows} 个）：人数一类读作预测值，名称说明方向的（失业率、保有量……）按名称，其余暂按“朝目标方向”读，请逐行核对"
        ));
    }
    // Rows with a target in both cells: said once how the two are judged.
    let both_rows = table
        .rows
        .iter()
        .filter(|r| {
            let target = if r.target.trim().is_empty() {
                "—"
            } else {
                r.target.trim()
            };
            Printed::new(target, r.period.as_deref()).both()
        })
        .count();
    if both_rows > 0 {
        to_confirm.push(format!(
            "目标年和年均/累计两栏都有目标的行（{both_rows} 个）：两栏一并判断，年均/累计一栏的〔N〕读作水平值的累计变化、比较或数字读作水平值的年均增长率；若该栏是另一口径（如总人口旁的人口自然增长率），请在该行写 period_rule = {{ kind = \"none\" }} 只展示"
        ));
    }
    if !table.notes.is_empty() {
        let _ = writeln!(out, "notes = [");
        for note in &table.notes {
            let _ = writeln!(out, "  {},", quote(note));
        }
        let _ = writeln!(out, "]");
    }
    bare_rows
}
