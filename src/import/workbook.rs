//! A plan's table kept as a workbook (`.xlsx`), read with calamine: the
//! sheet's rows, merged cells repeated into the cells they cover; a row with
//! a single filled cell above or below the table (a title, a note) is text.

use super::Block;
use super::limits::{Budget, Limit};
use crate::diagnostic::{Code, Diagnostic, Text};
use calamine::{DataRef, Reader};

pub fn read(path: &std::path::Path, file: &str) -> Result<Vec<Block>, Diagnostic> {
    let bad = |why: String| {
        Diagnostic::error(
            Code::I001,
            file,
            Text::new(
                format!("不是可读的工作簿：{why}"),
                format!("not a readable workbook: {why}"),
            ),
        )
    };
    // The same bounds as the statistics' workbooks: no part inflated past them.
    crate::stats::package::check(path, file)?;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(path).map_err(|e: calamine::XlsxError| bad(e.to_string()))?;
    let Some(sheet) = book.sheet_names().first().cloned() else {
        return Ok(Vec::new());
    };
    // Cell by cell, never the sheet's declared range (a cell at XFD1048576
    // would ask for hundreds of GB), within the document's budget.
    let mut budget = Budget::default();
    let limit = |l: Limit| l.diagnostic(file);
    let mut cells: Vec<(u32, u32, String)> = Vec::new();
    {
        let mut reader = book
            .worksheet_cells_reader(&sheet)
            .map_err(|e| bad(e.to_string()))?;
        while let Some(cell) = reader.next_cell().map_err(|e| bad(e.to_string()))? {
            let value = text_ref(cell.get_value());
            if value.trim().is_empty() {
                continue;
            }
            budget.take(1, value.len()).map_err(limit)?;
            let (r, c) = cell.get_position();
            cells.push((r, c, value));
        }
    }
    let merged = book.merge_cells_by_sheet_name(&sheet).unwrap_or_default();
    let top = cells.iter().map(|c| c.0).min().unwrap_or(0);
    let left = cells.iter().map(|c| c.1).min().unwrap_or(0);
    let bottom = cells.iter().map(|c| c.0).max().unwrap_or(0);
    let right = cells.iter().map(|c| c.1).max().unwrap_or(0);
    let (height, width) = if cells.is_empty() {
        (0, 0)
    } else {
        ((bottom - top) as usize + 1, (right - left) as usize + 1)
    };
    budget
        .take(height.saturating_mul(width), 0)
        .map_err(limit)?;
    let mut grid: Vec<Vec<String>> = vec![vec![String::new(); width]; height];
    for (r, c, value) in cells {
        grid[(r - top) as usize][(c - left) as usize] = value;
    }
    for m in merged {
        // Only what lies within the cells read is spread.
        let extent = |from: u32, to: u32| {
            if to >= from {
                (to - from) as usize + 1
            } else {
                0
            }
        };
        let rows = extent(m.start.0.max(top), m.end.0.min(bottom));
        let columns = extent(m.start.1.max(left), m.end.1.min(right));
        let value = grid
            .get((m.start.0.saturating_sub(top)) as usize)
            .and_then(|r| r.get((m.start.1.saturating_sub(left)) as usize))
            .cloned()
            .unwrap_or_default();
        budget
            .take(rows.saturating_mul(columns), value.len())
            .map_err(limit)?;
        for r in m.start.0.max(top)..=m.end.0.min(bottom) {
            for c in m.start.1.max(left)..=m.end.1.min(right) {
                if let Some(cell) = grid
                    .get_mut((r - top) as usize)
                    .and_then(|row| row.get_mut((c - left) as usize))
                {
                    cell.clone_from(&value);
                }
            }
        }
    }
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    for row in grid {
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        let single = filled.iter().all(|c| *c == filled[0]);
        if filled.is_empty() || (single && table.is_empty()) || (single && filled.len() == 1) {
            if !table.is_empty() && !filled.is_empty() {
                blocks.push(Block::Table(std::mem::take(&mut table)));
            }
            if let Some(text) = filled.first() {
                blocks.push(Block::Text((*text).clone()));
            }
            continue;
        }
        table.push(row);
    }
    if !table.is_empty() {
        blocks.push(Block::Table(table));
    }
    Ok(blocks)
}

/// A cell as the sheet shows it: a number as typed (`98.2`, not `98.2000001`).
fn text_ref(cell: &DataRef) -> String {
    match cell {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Float(f) => crate::number::display(*f),
        DataRef::Int(i) => i.to_string(),
        other => calamine::Data::from(other.clone()).to_string(),
    }
}
