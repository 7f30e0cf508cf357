//! A web page as saved from a government site, read with the scraper crate:
//! the text of paragraphs and headings, and each table with its merged cells
//! (`rowspan`, `colspan`) repeated into every cell they cover.

use super::Block;
use scraper::{ElementRef, Html, Selector};

pub fn read(text: &str) -> Vec<Block> {
    let page = Html::parse_document(text);
    let Ok(blocks) = Selector::parse("p, h1, h2, h3, h4, h5, h6, table, div.note, li") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for element in page.select(&blocks) {
        // A paragraph inside a table cell is the cell's, not the page's.
        let inside_table = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "table");
        if element.value().name() == "table" {
            if !inside_table {
                out.push(Block::Table(grid(element)));
            }
        } else if !inside_table {
            let text: String = element.text().collect();
            for line in text.lines() {
                if !line.trim().is_empty() {
                    out.push(Block::Text(line.trim().to_owned()));
                }
            }
        }
    }
    out
}

/// The rows of a table, each merged cell repeated where it spans.
fn grid(table: ElementRef) -> Vec<Vec<String>> {
    let (Ok(rows), Ok(cells)) = (Selector::parse("tr"), Selector::parse("th, td")) else {
        return Vec::new();
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
            out.resize(r + 1, Vec::new());
        }
        let mut c = 0;
        for td in tr.select(&cells) {
            while out[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let text: String = td.text().collect::<Vec<_>>().join("\n");
            let span = |name| {
                td.value()
                    .attr(name)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 100)
            };
            for dr in 0..span("rowspan") {
                let row = r + dr;
                if out.len() <= row {
                    out.resize(row + 1, Vec::new());
                }
                for dc in 0..span("colspan") {
                    let col = c + dc;
                    if out[row].len() <= col {
                        out[row].resize(col + 1, None);
                    }
                    out[row][col] = Some(text.clone());
                }
            }
            c += span("colspan");
        }
    }
    out.into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_fill_what_they_cover() {
        let blocks = read(
            "<p>专栏1 主要指标</p><table><tr><th>类别</th><th>指标</th></tr>\
             <tr><td rowspan=\"2\">经济发展</td><td>A</td></tr><tr><td>B</td></tr></table>",
        );
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
}
