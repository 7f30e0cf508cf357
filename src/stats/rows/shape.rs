//! A row that is not the table's shape: cells under no header (S024), more
//! of them than any table row holds (S002), a note under the table (S027),
//! a row of the wrong width (S002).

use super::*;

impl RowReader<'_> {
    /// Something in a column with no header: not read, and said so (S024;
    /// a column's are collapsed into one warning listing its lines).
    pub(super) fn unheaded(&self, cell: &[u8], column: usize, line: u64) -> Diagnostic {
        let text = quote_raw(&String::from_utf8_lossy(cell));
        self.place(line)
            .error(
                Code::S024,
                Some(column),
                Text::new(
                    format!("这一列没有表头，其中的“{text}”没有读取"),
                    format!("this column has no header: \"{text}\" in it was not read"),
                ),
            )
            .as_warning()
            .with_hint(Text::new(
                "数值请填在“数值”列（按年份或指标分列的表填在对应的列）；这一列若有用（如序号、备注），请在表头写上列名",
                "put the figure in the value column; if this column is meant (a row number, a note), give it a name in the header",
            ))
    }

    /// A row holding only a note under the table, in its first filled cell
    /// (`注：1.本表数据为快报数。`, `填表人：张三`): a warning that it was
    /// not read, S027 (it stopped the whole file, S002, “这一行有 1 列”).
    pub(super) fn note_row(&self, record: &Cells, line: u64) -> Option<Diagnostic> {
        let filled: Vec<&[u8]> = record
            .iter()
            .map(trim_bytes)
            .filter(|c| !c.is_empty())
            .collect();
        let first = *filled.first()?;
        // Every filled cell a note's (填表人：… | 审核人：… | 填报日期：…), or
        // the one filled cell a note's next numbered line (`2. …为预计数。`).
        let numbered = filled.len() == 1 && numbered_note(&String::from_utf8_lossy(first));
        if !numbered && !filled.iter().all(|c| is_note(&String::from_utf8_lossy(c))) {
            return None;
        }
        let text = String::from_utf8_lossy(first);
        let shown: String = text.chars().take(30).collect();
        let column = record.iter().position(|c| !trim_bytes(c).is_empty());
        let mut d = self.place(line).error(
            Code::S027,
            column,
            Text::new(
                format!("表格下方的说明“{}”没有读取", quote_raw(&shown)),
                format!(
                    "the note under the table \"{}\" was not read",
                    quote_raw(&shown)
                ),
            ),
        );
        d.severity = crate::diagnostic::Severity::Warning;
        Some(d)
    }

    /// A row with more than [`MAX_UNHEADED`] cells under no header.
    pub(super) fn too_many_unheaded(&self, line: u64) -> Diagnostic {
        self.place(line)
            .error(
                Code::S002,
                None,
                Text::new(
                    format!("这一行在没有表头的列中有超过 {MAX_UNHEADED} 个单元格有内容，不像是数据表的一行"),
                    format!("this row holds more than {MAX_UNHEADED} cells under no header, which no table row does"),
                ),
            )
            .with_hint(Text::new(
                "请删去表格以外的内容，或给这些列写上列名",
                "delete what is not the table, or name those columns in the header",
            ))
    }

    pub(super) fn width_error(&self, record: &Cells, line: u64) -> Diagnostic {
        let width = self.layout.width;
        let mut d = self.place(line).error(
            Code::S002,
            None,
            Text::new(
                format!("这一行有 {} 列，表头有 {width} 列", record.len()),
                format!(
                    "this row has {} fields, the header has {width}",
                    record.len()
                ),
            ),
        );
        if record.iter().any(|f| f.contains(&b'\n')) {
            d = d.with_hint(Text::new(
                "某个单元格跨了多行：可能有未闭合的双引号",
                "a cell spans several lines: a double quote may be left open",
            ));
        } else if record.len() > width {
            d = d.with_hint(Text::new(
                "含逗号的数字（如 1,234）须加双引号，或去掉千位分隔符",
                "a number with a comma (1,234) must be quoted, or written without the separator",
            ));
        }
        d
    }
}

/// A cell that opens a note under a table: 注 (with what follows a note's
/// 注: 注册护士数 is a name), or what was filled in, by whom, from where.
fn is_note(cell: &str) -> bool {
    match cell.strip_prefix('注') {
        Some(rest) => {
            rest.is_empty() || rest.starts_with(['：', ':', ' ', '①', '1', '（', '(', '*', '＊'])
        }
        None => NOTE_WORDS.iter().any(|w| cell.starts_with(w)),
    }
}

/// A note's next numbered line: `2. 九年义务教育巩固率为预计数。`, `3、…`
/// (a number, its mark, then words: never a figure).
fn numbered_note(cell: &str) -> bool {
    let rest = cell.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < cell.len()
        && rest.strip_prefix(['.', '、', '．']).is_some_and(|words| {
            words
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| !c.is_ascii_digit())
        })
}

/// Words that open a note under a table: what was filled in, by whom, from
/// where.
const NOTE_WORDS: &[&str] = &[
    "说明：",
    "说明:",
    "备注：",
    "备注:",
    "资料来源",
    "数据来源",
    "填表人",
    "填报人",
    "制表人",
    "审核人",
    "负责人",
    "单位负责人",
    "联系人",
    "联系电话",
    "填报日期",
    "填表日期",
];
