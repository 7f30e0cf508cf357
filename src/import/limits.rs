//! What reading one published document may expand to, checked before
//! anything is allocated, as the statistics readers' `package` checks are:
//! a merged cell is repeated into every cell it covers, so a few kilobytes
//! (`rowspan="100" colspan="100"` on a 1 MB cell, `vMerge` over 12,000 rows,
//! a workbook cell at XFD1048576) can ask for gigabytes. A plan's indicator
//! table has tens of rows; these limits are thousands of times that.

use crate::diagnostic::{Code, Diagnostic, Text};

/// Cells of all the document's tables, after merged cells are spread.
pub const MAX_CELLS: usize = 1_000_000;
/// Text of those cells, after merged cells are spread.
pub const MAX_TEXT: usize = 64 << 20;
/// Rows or columns one merged cell may span.
pub const MAX_SPAN: usize = 1_000;
/// How deep a web page's elements may nest.
pub const MAX_DEPTH: usize = 512;

/// A limit a document passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Cells,
    Text,
    Span,
    Depth,
}

impl Limit {
    /// The error naming the limit (I001), for the document `file`.
    pub fn diagnostic(self, file: &str) -> Diagnostic {
        let (zh, en) = match self {
            Limit::Cells => (
                format!("表格展开合并单元格后超过 {MAX_CELLS} 个单元格"),
                format!("its tables spread to more than {MAX_CELLS} cells"),
            ),
            Limit::Text => (
                format!("表格展开合并单元格后文字超过 {} MB", MAX_TEXT >> 20),
                format!("its tables' text spreads past {} MB", MAX_TEXT >> 20),
            ),
            Limit::Span => (
                format!("有合并单元格跨越超过 {MAX_SPAN} 行或列"),
                format!("a merged cell spans more than {MAX_SPAN} rows or columns"),
            ),
            Limit::Depth => (
                format!("网页元素嵌套超过 {MAX_DEPTH} 层"),
                format!("its elements nest more than {MAX_DEPTH} deep"),
            ),
        };
        Diagnostic::error(
            Code::I001,
            file,
            Text::new(
                format!("不像是印发的规划文本：{zh}，未读取"),
                format!("this does not look like a published plan: {en}; not read"),
            ),
        )
    }
}

/// What the document has taken so far.
#[derive(Debug, Default)]
pub struct Budget {
    cells: usize,
    text: usize,
}

impl Budget {
    /// Takes `count` cells holding `len` bytes each, before they are made.
    pub fn take(&mut self, count: usize, len: usize) -> Result<(), Limit> {
        self.cells = self.cells.saturating_add(count);
        if self.cells > MAX_CELLS {
            return Err(Limit::Cells);
        }
        self.text = self.text.saturating_add(count.saturating_mul(len));
        if self.text > MAX_TEXT {
            return Err(Limit::Text);
        }
        Ok(())
    }

    /// A merged cell of `rows` × `columns`, each holding `len` bytes.
    pub fn take_span(&mut self, rows: usize, columns: usize, len: usize) -> Result<(), Limit> {
        if rows > MAX_SPAN || columns > MAX_SPAN {
            return Err(Limit::Span);
        }
        self.take(rows.saturating_mul(columns), len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_refuses_what_would_pass_a_limit_before_it_is_made() {
        let mut b = Budget::default();
        assert_eq!(b.take_span(100, 100, 10), Ok(()));
        assert_eq!(b.take_span(100, 100, 1 << 20), Err(Limit::Text));
        let mut b = Budget::default();
        assert_eq!(b.take_span(MAX_SPAN + 1, 1, 1), Err(Limit::Span));
        assert_eq!(b.take(MAX_CELLS + 1, 0), Err(Limit::Cells));
    }
}
