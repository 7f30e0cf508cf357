//! A sheet's rows, one record of cell texts at a time: calamine's whole
//! range (`.xls`, `.xlsb`, `.ods`) or `.xlsx`/`.xlsm` cell by cell as a
//! stream, a row at a time.

use super::*;

/// The rows of a sheet calamine has read whole.
pub(super) struct RangeRows<'r> {
    rows: std::iter::Enumerate<calamine::Rows<'r, Data>>,
    first_row: u32,
    first_column: u32,
    /// Cells typed as percentages (`.ods`: [`crate::stats::ods`]), by
    /// (row, column) in the sheet.
    percent: std::collections::HashSet<(u32, u32)>,
}

impl<'r> RangeRows<'r> {
    pub(super) fn new(range: &'r calamine::Range<Data>) -> Self {
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        RangeRows {
            rows: range.rows().enumerate(),
            first_row,
            first_column,
            percent: std::collections::HashSet::new(),
        }
    }

    /// The same rows, the cells at `percent` read as percentages.
    pub(super) fn with_percent(self, percent: std::collections::HashSet<(u32, u32)>) -> Self {
        RangeRows { percent, ..self }
    }
}

impl SheetRows for RangeRows<'_> {
    fn next_row(
        &mut self,
        record: &mut ByteRecord,
        odds: &mut Odds,
    ) -> Result<Option<u64>, Diagnostic> {
        let Some((i, cells)) = self.rows.next() else {
            return Ok(None);
        };
        record.clear();
        odds.clear();
        let row = self.first_row + i as u32;
        for (j, cell) in cells.iter().enumerate() {
            let cell = data_ref(cell);
            let percent = !self.percent.is_empty()
                && self.percent.contains(&(row, self.first_column + j as u32));
            if let Some(odd) = odd(&cell, percent) {
                odds.push((record.len(), odd));
            }
            record.push_field(cell_text(&cell, percent).as_bytes());
        }
        Ok(Some(u64::from(row) + 1))
    }

    fn first_column(&self) -> usize {
        self.first_column as usize
    }
}

/// The columns of an .xlsx sheet, A to XFD.
const XLSX_COLUMNS: u32 = 16_384;

/// The rows of an .xlsx sheet as its cells stream in (in row order, each row
/// left to right). Every record is as wide as the sheet's declared dimensions,
/// as a whole-sheet read gives it.
pub(super) struct XlsxRows<'a> {
    cells: calamine::XlsxCellReader<'a, std::io::BufReader<std::fs::File>>,
    /// Whether each style shows its number as a percent.
    percent: Vec<bool>,
    first_column: u32,
    width: usize,
    /// The first cell of the next row, read ahead.
    pending: Option<(calamine::Cell<DataRef<'a>>, usize)>,
    /// The reader has given its last cell (it must not be asked again).
    finished: bool,
    file: String,
}

impl<'a> XlsxRows<'a> {
    pub(super) fn new(
        cells: calamine::XlsxCellReader<'a, std::io::BufReader<std::fs::File>>,
        file: &str,
    ) -> Self {
        let percent = cells
            .styles()
            .iter()
            .map(|style| {
                style
                    .number_format
                    .as_ref()
                    .is_some_and(|f| shows_percent(&f.format_code))
            })
            .collect();
        let dimensions = cells.dimensions();
        let (first_column, width) = if dimensions.end.1 >= dimensions.start.1 {
            (
                dimensions.start.1,
                (dimensions.end.1 - dimensions.start.1) as usize + 1,
            )
        } else {
            (0, 0)
        };
        XlsxRows {
            cells,
            percent,
            first_column,
            width,
            pending: None,
            finished: false,
            file: file.to_owned(),
        }
    }

    fn next_cell(&mut self) -> Result<Option<(calamine::Cell<DataRef<'a>>, usize)>, Diagnostic> {
        if self.finished {
            return Ok(None);
        }
        let cell = self
            .cells
            .next_cell_with_style_id()
            .map_err(|e| open_error(&calamine::Error::Xlsx(e), &self.file))?;
        self.finished = cell.is_none();
        Ok(cell)
    }
}

impl SheetRows for XlsxRows<'_> {
    fn next_row(
        &mut self,
        record: &mut ByteRecord,
        odds: &mut Odds,
    ) -> Result<Option<u64>, Diagnostic> {
        let first = match self.pending.take() {
            Some(cell) => cell,
            None => match self.next_cell()? {
                Some(cell) => cell,
                None => return Ok(None),
            },
        };
        let row = first.0.get_position().0;
        record.clear();
        odds.clear();
        let mut next = Some(first);
        while let Some((cell, style)) = next.take() {
            let (cell_row, column) = cell.get_position();
            if cell_row != row {
                self.pending = Some((cell, style));
                break;
            }
            // An .xlsx has 16,384 columns (XFD); a cell past them is no
            // sheet's (a 584 KB file of 20 million in one row).
            if column >= XLSX_COLUMNS {
                return Err(crate::stats::package::damaged(
                    &self.file,
                    Some("a cell beyond the 16,384 columns of an .xlsx sheet"),
                ));
            }
            // Cells left of the sheet's declared first column are not part of it.
            if let Some(at) = column.checked_sub(self.first_column) {
                while record.len() < at as usize {
                    record.push_field(b"");
                }
                let percent = self.percent.get(style).copied().unwrap_or(false);
                if let Some(odd) = odd(cell.get_value(), percent) {
                    odds.push((record.len(), odd));
                }
                record.push_field(cell_text(cell.get_value(), percent).as_bytes());
            }
            next = self.next_cell()?;
        }
        while record.len() < self.width {
            record.push_field(b"");
        }
        Ok(Some(u64::from(row) + 1))
    }

    fn first_column(&self) -> usize {
        self.first_column as usize
    }
}

/// Whether a number format shows a number as a percent (`0.0%`: 0.983 as
/// 98.3%): a `%` in its first (positive) section that is a percent sign, not
/// text — `0.0"%"` and `0.0\%` print a literal % after a number already in
/// percent (0.1 shows 0.1%; read as a fraction, it was judged 10), and `@"%"`
/// or `0;-0%` say nothing of a positive number.
fn shows_percent(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            '\\' if !quoted => escaped = true,
            ';' if !quoted => return false,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// A sheet's rows with its merged cells read as Excel and WPS show them: a
/// cell under the top of a merged block down a column (地区 or 分类 merged
/// over a district's rows) reads as the block's first cell. The block's own
/// top row is left as it is (a title merged across is one cell). Not in the
/// figure columns: a 数值 merged down over two indicators is one figure,
/// the first's; the second is not reported (as `.xls` and `.ods` read it),
/// never given the first's figure (a reviewer's 巩固率 passed on 毛入园率's
/// 98.3).
pub(super) struct Merged<'r, R> {
    rows: &'r mut R,
    /// Record columns holding figures, once the header is read.
    figures: Vec<usize>,
    /// Blocks spanning more than one row, 0-based (row, column).
    blocks: Vec<calamine::Dimensions>,
    /// The text of each block's first cell, once its row is read.
    tops: Vec<Option<Vec<u8>>>,
}

impl<'r, R: SheetRows> Merged<'r, R> {
    pub(super) fn new(rows: &'r mut R, blocks: Vec<calamine::Dimensions>) -> Self {
        let blocks: Vec<calamine::Dimensions> =
            blocks.into_iter().filter(|b| b.end.0 > b.start.0).collect();
        let tops = vec![None; blocks.len()];
        Merged {
            rows,
            figures: Vec::new(),
            blocks,
            tops,
        }
    }
}

impl<R: SheetRows> SheetRows for Merged<'_, R> {
    fn next_row(
        &mut self,
        record: &mut ByteRecord,
        odds: &mut Odds,
    ) -> Result<Option<u64>, Diagnostic> {
        let Some(number) = self.rows.next_row(record, odds)? else {
            return Ok(None);
        };
        if self.blocks.is_empty() {
            return Ok(Some(number));
        }
        let row = u32::try_from(number.saturating_sub(1)).unwrap_or(u32::MAX);
        let first = self.rows.first_column();
        let at = |column: u32| (column as usize).checked_sub(first);
        let mut fills: Vec<(usize, Vec<u8>)> = Vec::new();
        for (block, top) in self.blocks.iter().zip(self.tops.iter_mut()) {
            if block.start.0 == row {
                *top = at(block.start.1)
                    .and_then(|i| record.get(i))
                    .map(<[u8]>::to_vec);
            } else if (block.start.0..=block.end.0).contains(&row)
                && let Some(text) = top.as_ref().filter(|t| !t.is_empty())
            {
                for column in block.start.1..=block.end.1 {
                    if let Some(i) = at(column)
                        && !self.figures.contains(&i)
                        && record.get(i).is_some_and(|cell| cell.is_empty())
                    {
                        fills.push((i, text.clone()));
                    }
                }
            }
        }
        if !fills.is_empty() {
            let mut filled = ByteRecord::with_capacity(record.as_slice().len(), record.len());
            for (i, cell) in record.iter().enumerate() {
                match fills.iter().find(|(at, _)| *at == i) {
                    Some((_, text)) => filled.push_field(text),
                    None => filled.push_field(cell),
                }
            }
            *record = filled;
        }
        Ok(Some(number))
    }

    fn first_column(&self) -> usize {
        self.rows.first_column()
    }

    fn figures_in(&mut self, columns: &[usize]) {
        self.figures = columns.to_vec();
    }
}

#[cfg(test)]
mod tests {
    use super::shows_percent;

    #[test]
    fn a_percent_format_is_a_percent_sign_in_the_positive_section_not_text() {
        for code in ["0.0%", "0%", "0.00%;-0.00%", "[Red]0.0%", "#,##0.0%"] {
            assert!(shows_percent(code), "{code}");
        }
        for code in [
            "0.0\"%\"",
            "0.0\\%",
            "@\"%\"",
            "0.0;-0.0%",
            "General",
            "0.0\"万人\"",
        ] {
            assert!(!shows_percent(code), "{code}");
        }
    }
}
