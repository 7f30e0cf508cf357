//! Markdown (as a transcription or a wiki page holds a plan's table), read
//! with pulldown-cmark: paragraphs and headings as text, pipe tables as tables.

use super::Block;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn read(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    let mut paragraph = String::new();
    // A YAML front matter (`---` / `title: …` / `---`, as mirrors of
    // government pages carry) is the file's, not the document's: not read
    // as a heading the title would be taken from.
    let mut metadata = false;
    let options = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => metadata = false,
            _ if metadata => {}
            Event::Start(Tag::Table(_)) => table = Some(Vec::new()),
            Event::End(TagEnd::Table) => {
                if let Some(rows) = table.take() {
                    blocks.push(Block::Table(rows));
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                if let Some(rows) = table.as_mut() {
                    rows.push(std::mem::take(&mut row));
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.extend(cell.take()),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item) => paragraph.clear(),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                // A paragraph's soft line breaks are lines of their own.
                for line in paragraph.lines() {
                    if !line.trim().is_empty() {
                        blocks.push(Block::Text(line.trim().to_owned()));
                    }
                }
                paragraph.clear();
            }
            Event::Text(t) | Event::Code(t) => match cell.as_mut() {
                Some(c) => c.push_str(&t),
                None => paragraph.push_str(&t),
            },
            // `化学需氧量<br>氨氮`: a line break in a cell.
            Event::InlineHtml(h) | Event::Html(h)
                if cell.is_some() && h.trim().to_ascii_lowercase().starts_with("<br") =>
            {
                if let Some(c) = cell.as_mut() {
                    c.push('\n');
                }
            }
            Event::SoftBreak | Event::HardBreak => match cell.as_mut() {
                Some(c) => c.push(' '),
                None => paragraph.push('\n'),
            },
            _ => {}
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_tables_and_paragraphs() {
        let blocks = read(
            "# 专栏1\n\n| 指标 | 2025年 |\n|---|---|\n| 城镇调查失业率（%） | 5.2 |\n\n注：①〔〕为5年累计数。\n",
        );
        assert_eq!(blocks[0], Block::Text("专栏1".into()));
        assert_eq!(
            blocks[1],
            Block::Table(vec![
                vec!["指标".into(), "2025年".into()],
                vec!["城镇调查失业率（%）".into(), "5.2".into()],
            ])
        );
        assert_eq!(blocks[2], Block::Text("注：①〔〕为5年累计数。".into()));
    }

    #[test]
    fn a_front_matter_is_not_the_documents_text() {
        let blocks = read(
            "---\nsource: https://example.gov.cn/a.html\ntitle: 某某统计公报\n---\n\n2023年某某统计公报\n\n正文。\n",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Text("2023年某某统计公报".into()),
                Block::Text("正文。".into())
            ]
        );
    }
}
