//! A plan's table kept as a workbook (`.xlsx`), read with calamine: the
//! sheet's rows, merged cells repeated into the cells they cover; a row with
//! a single filled cell above or below the table (a title, a note) is text.

use super::Block;
use crate::diagnostic::{Diagnostic, Text};
use calamine::{Data, Reader};

pub fn read(path: &std::path::Path, file: &str) -> Result<Vec<Block>, Diagnostic> {
    let bad = |why: String| {
        Diagnostic::error(
            "I001",
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
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| bad(e.to_string()))?;
    let merged = book.merge_cells_by_sheet_name(&sheet).unwrap_or_default();
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(text).collect()).collect();
    for m in merged {
        let value = grid
            .get((m.start.0.saturating_sub(top)) as usize)
            .and_then(|r| r.get((m.start.1.saturating_sub(left)) as usize))
            .cloned()
            .unwrap_or_default();
        for r in m.start.0..=m.end.0 {
            for c in m.start.1..=m.end.1 {
                if let Some(cell) = grid
                    .get_mut((r.saturating_sub(top)) as usize)
                    .and_then(|row| row.get_mut((c.saturating_sub(left)) as usize))
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
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => crate::number::display(*f),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}
