//! Cells a page broke over two paragraphs, put back: a cell cut short
//! (`微克/` before `立方米`), a row's last cell over two paragraphs, a merged
//! cell that left a row one short, a 属性 standing late behind a broken cell.

use super::*;

/// A cell cut short where a page broke it over two paragraphs: a unit's
/// `微克/` before `立方米` (宝山区“十五五”纲要), an opening bracket's words.
pub(super) fn unfinished(cell: &str) -> bool {
    // `/` alone is an empty cell (崇明区水务“十四五”规划), not half of one.
    let cut = cell.chars().count() > 1
        && !crate::plan::is_dash(cell)
        && cell.ends_with(['/', '／', '（', '(', '、']);
    // A bracket opened and not closed: `每千人口拥有执业（助理`.
    let open = cell.matches(['（', '(']).count() > cell.matches(['）', ')']).count();
    cut || open
}

/// In a numbered table, the paragraph after a row that is not the next row's
/// 序号 while the one after it is: the row's last cell broken over two
/// paragraphs (`达到全市` / `平均水平`, 宝山区“十五五”纲要), joined to it.
/// Returns the paragraphs taken (0 or 1).
pub(super) fn overflow(after: &[Paragraph], row: &mut [String], seq_at: Option<usize>) -> usize {
    // Only where the 序号 opens each row: a category printed once stands
    // before the next number where it comes first (`市容景观建设`, `2`).
    let Some(n) = seq_at
        .filter(|&at| at == 0)
        .and_then(|at| row.get(at))
        .and_then(|c| c.trim().parse::<u32>().ok())
    else {
        return 0;
    };
    let [spill, next, ..] = after else {
        return 0;
    };
    let (spill, next) = (spill.cell(), next.cell());
    let next_number = (n + 1).to_string();
    if next.trim() != next_number
        || spill.trim() == next_number
        || spill.trim().parse::<u32>().is_ok()
        || ends_table(&spill)
        || is_attribute(&spill)
    {
        return 0;
    }
    match row.last_mut() {
        Some(last) => {
            last.push_str(&spill);
            1
        }
        None => 0,
    }
}

/// In a numbered table, a row whose last cell is the next row's 序号: a
/// cell of it merged over two columns (`≥30（初中）⏎≥55（高中）` over both
/// target columns, 普陀区“十五五”纲要) left it one short, and the next
/// row's number was read into it (and the paragraph after the row is not
/// that number again: `2` beside row 2's `2` is a figure). The cell is left
/// empty and the paragraph given back; returns the paragraphs given back.
pub(super) fn underflow(after: &[Paragraph], row: &mut [String], seq_at: Option<usize>) -> usize {
    let Some(n) = seq_at
        .and_then(|at| row.get(at))
        .and_then(|c| c.trim().parse::<u32>().ok())
    else {
        return 0;
    };
    let next = (n + 1).to_string();
    // A figure equal to the next number is followed by that number itself.
    if after.first().is_some_and(|p| p.cell().trim() == next) {
        return 0;
    }
    match row.last_mut() {
        Some(last) if last.trim() == next => {
            last.clear();
            1
        }
        _ => 0,
    }
}

/// A row whose 属性 stands one or two cells late (at `a` in the header of
/// `width` cells): a cell broken over two paragraphs (`完成市级` / `下达目标`,
/// as 松江区节能降碳“十五五”规划 prints it). Two words side by side where
/// the figures stand are joined first; else the neighbouring word cells
/// before the unit, the pair whose second is shortest; as many times as it
/// stands late. The row and the paragraphs it took; `None` when the 属性
/// stands where it should, or no such cells can be joined.
pub(super) fn rejoined(
    ahead: &[String],
    a: usize,
    width: usize,
    unit_at: Option<usize>,
) -> Option<(Vec<String>, usize, Option<String>)> {
    let at = ahead.iter().position(|c| is_attribute(c))?;
    let extra = at.checked_sub(a).filter(|&e| (1..=2).contains(&e))?;
    let after = width - a - 1;
    let consumed = (at + 1 + after).min(ahead.len());
    let mut cells: Vec<String> = ahead[..consumed].to_vec();
    let mut attribute_at = at;
    let mut broken = None;
    // The cells from the 单位 to the 属性 stand where the header has them:
    // `%` is no second half of the name before it.
    let fixed = unit_at.filter(|&u| u < a).map_or(0, |u| a - u);
    for _ in 0..extra {
        // Of the neighbouring word cells, the pair whose second is the
        // shortest: a page breaks a cell near its end (`主要经济` / `指标`,
        // not `指标` / `地区生产总值年均增长率`).
        // A bracket standing alone after a cell is its note or unit
        // (`建设用地总规模` / `（平方公里）`, `36` / `（2021年-2025年）`,
        // 上海市加强土地管理“十五五”规划), joined first.
        let bracket = |c: &str| {
            c.starts_with(['（', '(']) && c.ends_with(['）', ')']) && c.chars().count() > 2
        };
        // Two words side by side where the figures stand (`—` / `完成市级` /
        // `下达目标`, the unit before them): the target broken, joined first
        // (the name and its `%` were joined, the target's first half lost).
        let words = |c: &str| {
            !figure_like(c) && !crate::plan::is_dash(c) && c.chars().count() > 2 && !bracket(c)
        };
        let figures_from = (attribute_at + 1).saturating_sub(fixed + extra);
        let in_figures = (figures_from..attribute_at.saturating_sub(1))
            .rev()
            .find(|&i| {
                fixed > 1 && words(&cells[i]) && words(&cells[i + 1]) && cells[i] != cells[i + 1]
            });
        let join = match in_figures {
            Some(i) => i,
            None => (0..attribute_at.saturating_sub(fixed + 1))
                .rev()
                .filter(|&i| {
                    bracket(&cells[i + 1])
                        || (!figure_like(&cells[i]) && !figure_like(&cells[i + 1]))
                })
                .min_by_key(|&i| (!bracket(&cells[i + 1]), cells[i + 1].chars().count()))?,
        };
        let next = cells.remove(join + 1);
        cells[join].push_str(&next);
        broken = Some(cells[join].clone());
        attribute_at -= 1;
    }
    (attribute_at == a).then_some((cells, consumed, broken))
}
