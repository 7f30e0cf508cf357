//! A sheet's rows, one record of cell texts at a time: calamine's whole
//! range (`.xls`, `.xlsb`, `.ods`) or `.xlsx`/`.xlsm` cell by cell as a
//! stream, a row at a time.

use super::*;

/// The rows of a sheet calamine has read whole.
pub(super) struct RangeRows<'r> {
    rows: std::iter::Enumerate<calamine::Rows<'r, Data>>,
    first_row: u32,
    first_column: u32,
}

impl<'r> RangeRows<'r> {
    pub(super) fn new(range: &'r calamine::Range<Data>) -> Self {
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        RangeRows {
            rows: range.rows().enumerate(),
            first_row,
            first_column,
        }
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
        for cell in cells {
            let cell = data_ref(cell);
            if let Some(odd) = odd(&cell, false) {
                odds.push((record.len(), odd));
            }
            record.push_field(cell_text(&cell, false).as_bytes());
        }
        Ok(Some(u64::from(self.first_row) + i as u64 + 1))
    }

    fn first_column(&self) -> usize {
        self.first_column as usize
    }
}

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
                    .is_some_and(|f| f.format_code.contains('%'))
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
