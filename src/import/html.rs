//! A web page as saved from a government site, read with the scraper crate:
//! the text of paragraphs and headings, and each table with its merged cells
//! (`rowspan`, `colspan`) repeated into every cell they cover, within the
//! document's [`Budget`]. Script and style text is no cell text.

use super::Block;
use super::limits::{Budget, Limit, MAX_DEPTH};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

pub fn read(text: &str) -> Result<Vec<Block>, Limit> {
    let page = Html::parse_document(text);
    check_depth(&page)?;
    let Ok(blocks) = Selector::parse("p, h1, h2, h3, h4, h5, h6, table, div.note, li") else {
        return Ok(Vec::new());
    };
    let mut budget = Budget::default();
    let mut out = Vec::new();
    for element in page.select(&blocks) {
        // A paragraph inside a table cell is the cell's, not the page's.
        let inside_table = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "table");
        if element.value().name() == "table" {
            if !inside_table {
                // A table's own caption names it (专栏2 …), before its rows.
                let caption = element
                    .children()
                    .filter_map(ElementRef::wrap)
                    .find(|c| c.value().name() == "caption")
                    .map(|c| {
                        visible_text(c)
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .filter(|c| !c.is_empty());
                out.extend(caption.map(Block::Text));
                out.push(Block::Table(grid(element, &mut budget)?));
            }
        } else if !inside_table {
            let text = visible_text(element);
            for line in text.lines() {
                if !line.trim().is_empty() {
                    out.push(Block::Text(line.trim().to_owned()));
                }
            }
        }
    }
    Ok(out)
}

/// Elements nested deeper than [`MAX_DEPTH`] are refused before anything
/// walks up from them (each walk would be as long as the nesting).
fn check_depth(page: &Html) -> Result<(), Limit> {
    let mut depth = 0usize;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Limit::Depth);
                }
            }
            Edge::Close(_) => depth = depth.saturating_sub(1),
        }
    }
    Ok(())
}

/// The text a reader sees in an element: not that of `<script>`, `<style>`,
/// `<noscript>` or `<template>`.
fn visible_text(element: ElementRef) -> String {
    let mut out = String::new();
    let mut hidden = 0usize;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e)
                    if matches!(e.name(), "script" | "style" | "noscript" | "template") =>
                {
                    hidden += 1;
                }
                Node::Text(t) if hidden == 0 => out.push_str(t),
                // A line break in a cell keeps the lines apart (化学需氧量<br>氨氮
                // are two names, not one).
                Node::Element(e) if hidden == 0 && e.name() == "br" => out.push('\n'),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value()
                    && matches!(e.name(), "script" | "style" | "noscript" | "template")
                {
                    hidden = hidden.saturating_sub(1);
                }
            }
        }
    }
    out
}

/// The rows of a table, each merged cell repeated where it spans.
fn grid(table: ElementRef, budget: &mut Budget) -> Result<Vec<Vec<String>>, Limit> {
    let (Ok(rows), Ok(cells)) = (Selector::parse("tr"), Selector::parse("th, td")) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<Vec<Option<String>>> = Vec::new();
    for (r, tr) in table.select(&rows).enumerate() {
        // A nested table's rows belong to it.
        let own = tr
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| a.value().name() == "table")
            .is_some_and(|t| t.id() == table.id());
        if !own {
            continue;
        }
        if out.len() <= r {
            budget.take(r + 1 - out.len(), 0)?;
            out.resize(r + 1, Vec::new());
        }
        let mut c = 0;
        for td in tr.select(&cells) {
            while out[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let text = visible_text(td);
            let span = |name| {
                td.value()
                    .attr(name)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .max(1)
            };
            let (rows_spanned, columns) = (span("rowspan"), span("colspan"));
            budget.take_span(rows_spanned, columns, text.len())?;
            for dr in 0..rows_spanned {
                let row = r + dr;
                if out.len() <= row {
                    out.resize(row + 1, Vec::new());
                }
                for dc in 0..columns {
                    let col = c + dc;
                    if out[row].len() <= col {
                        budget.take(col + 1 - out[row].len(), 0)?;
                        out[row].resize(col + 1, None);
                    }
                    out[row][col] = Some(text.clone());
                }
            }
            c += columns;
        }
    }
    Ok(out
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_fill_what_they_cover() {
        let blocks = read(
            "<p>专栏1 主要指标</p><table><tr><th>类别</th><th>指标</th></tr>\
             <tr><td rowspan=\"2\">经济发展</td><td>A</td></tr><tr><td>B</td></tr></table>",
        )
        .unwrap();
        assert_eq!(blocks[0], Block::Text("专栏1 主要指标".into()));
        assert_eq!(
            blocks[1],
            Block::Table(vec![
                vec!["类别".into(), "指标".into()],
                vec!["经济发展".into(), "A".into()],
                vec!["经济发展".into(), "B".into()],
            ])
        );
    }

    #[test]
    fn script_and_style_are_no_cell_text() {
        let blocks = read(
            "<table><tr><td>GDP<script>alert(1)</script><style>td{}</style>（%）</td></tr></table>",
        )
        .unwrap();
        assert_eq!(blocks[0], Block::Table(vec![vec!["GDP（%）".into()]]));
    }

    #[test]
    fn spans_and_nesting_that_would_run_away_are_refused() {
        let big = "指".repeat(1 << 20);
        let page =
            format!("<table><tr><td rowspan=\"100\" colspan=\"100\">{big}</td></tr></table>");
        assert_eq!(read(&page), Err(Limit::Text));
        let page = "<table><tr><td colspan=\"100000\">x</td></tr></table>";
        assert_eq!(read(page), Err(Limit::Span));
        let deep = format!(
            "{}x{}",
            "<div>".repeat(MAX_DEPTH + 10),
            "</div>".repeat(MAX_DEPTH + 10)
        );
        assert_eq!(read(&deep), Err(Limit::Depth));
    }
}
