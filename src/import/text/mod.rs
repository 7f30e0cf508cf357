//! Text extracted from a PDF (or copied from a page): tables come out either
//! one cell per line, each cell line starting with a tab and a blank line
//! between rows (seed 001 is such a text), or one row per line with cells
//! separated by tabs. A cell wrapped by the extraction (`…预算支` / `出的
//! 比例（%）`) continues on a line of its own and is joined back.

mod paragraphs;

use super::Block;
use paragraphs::paragraph_tables;
pub(crate) use paragraphs::section_heading;

/// Reads `text` into paragraphs and tables.
pub fn read(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let finish_row = |table: &mut Vec<Vec<String>>, row: &mut Vec<String>| {
        if !row.is_empty() {
            table.push(std::mem::take(row));
        }
    };
    let finish_table = |blocks: &mut Vec<Block>, table: &mut Vec<Vec<String>>| {
        if !table.is_empty() {
            blocks.push(Block::Table(std::mem::take(table)));
        }
    };
    let found = paragraph_tables(&lines);
    let mut next_table = found.iter().peekable();
    let mut i = 0;
    while i < lines.len() {
        if let Some(t) = next_table.next_if(|t| t.start == i) {
            finish_row(&mut table, &mut row);
            finish_table(&mut blocks, &mut table);
            blocks.push(Block::Table(t.rows.clone()));
            i = t.end;
            continue;
        }
        let line = lines[i];
        if let Some(cell) = line.strip_prefix('\t') {
            if cell.contains('\t') {
                // A row of tab-separated cells after a leading tab.
                finish_row(&mut table, &mut row);
                table.push(cell.split('\t').map(str::to_owned).collect());
            } else {
                row.push(cell.to_owned());
            }
        } else if line.trim().is_empty() {
            // A blank line ends a row when a cell line follows; a wrapped
            // cell's rest (a line of text, then cell lines) keeps the row open.
            let next = lines.get(i + 1).copied().unwrap_or("");
            let after = lines.get(i + 2).copied().unwrap_or("");
            let continued = !row.is_empty()
                && !next.trim().is_empty()
                && !next.starts_with('\t')
                && after.starts_with('\t');
            if continued {
                if let Some(last) = row.last_mut() {
                    last.push_str(next.trim());
                }
                i += 2;
                continue;
            }
            finish_row(&mut table, &mut row);
        } else if line.matches('\t').count() >= 2 {
            // A row of tab-separated cells.
            finish_row(&mut table, &mut row);
            table.push(line.split('\t').map(str::to_owned).collect());
        } else if !table.is_empty()
            && section_heading(line.trim())
            && lines[i + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.matches('\t').count() >= 2)
        {
            // 二、优质资源建设 between rows of cells: a category row across
            // the table, not the end of it.
            finish_row(&mut table, &mut row);
            table.push(vec![line.trim().to_owned()]);
        } else {
            finish_row(&mut table, &mut row);
            finish_table(&mut blocks, &mut table);
            blocks.push(Block::Text(line.to_owned()));
        }
        i += 1;
    }
    finish_row(&mut table, &mut row);
    finish_table(&mut blocks, &mut table);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_per_line_with_a_wrapped_cell() {
        let text = "专栏1  主要指标\n\n\t分类\n\t指标\n\t2020年\n\n\t教育投入\n\t财政性教育经费占一般公共预算支\n\n出的比例（%）\n\t17.99\n\n\n三、主要任务\n";
        let blocks = read(text);
        assert_eq!(blocks[0], Block::Text("专栏1  主要指标".into()));
        let Block::Table(rows) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows[0], ["分类", "指标", "2020年"]);
        assert_eq!(
            rows[1],
            [
                "教育投入",
                "财政性教育经费占一般公共预算支出的比例（%）",
                "17.99"
            ]
        );
        assert_eq!(blocks[2], Block::Text("三、主要任务".into()));
    }

    /// 松江区节能降碳“十五五”规划's table as its page was flattened, a cell a
    /// paragraph: 完成市级 / 下达目标 is one cell broken in two, on a row
    /// whose category is printed and on the next, whose category is not.
    #[test]
    fn a_cell_broken_over_two_paragraphs_is_joined() {
        let cells = [
            "目标类别",
            "具体目标内容",
            "目标值（%）",
            "指标属性",
            "节能降碳",
            "单位生产总值二氧化碳排放降低",
            "完成市级",
            "下达目标",
            "约束性",
            "单位生产总值能耗降低",
            "完成市级",
            "下达目标",
            "预期性[1]",
            "建筑领域",
            "新建民用建筑执行绿色建筑一星级及以上标准比例",
            "100",
            "预期性",
        ];
        let blocks = read(&format!("{}\n\n三、保障措施\n", cells.join("\n\n")));
        let Block::Table(rows) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(
            rows[1],
            [
                "节能降碳",
                "单位生产总值二氧化碳排放降低",
                "完成市级下达目标",
                "约束性"
            ]
        );
        assert_eq!(
            rows[2],
            ["", "单位生产总值能耗降低", "完成市级下达目标", "预期性[1]"]
        );
        assert_eq!(rows[3][0], "建筑领域");
        assert_eq!(rows[3][2], "100");
    }

    #[test]
    fn tab_separated_rows() {
        let blocks = read("分类\t指标\t2020年\t2025年\n学前教育\t毛入园率（%）\t98.2\t＞97\n");
        assert_eq!(
            blocks,
            [Block::Table(vec![
                vec![
                    "分类".into(),
                    "指标".into(),
                    "2020年".into(),
                    "2025年".into()
                ],
                vec![
                    "学前教育".into(),
                    "毛入园率（%）".into(),
                    "98.2".into(),
                    "＞97".into()
                ],
            ])]
        );
    }
}
