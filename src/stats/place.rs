//! Where a row of statistics stands — a line of a CSV file, or a row of a
//! worksheet — and an error placed there (`file:line` and the field, or
//! `Sheet1!C7`).

use crate::diagnostic::{Diagnostic, Text};

/// Where a row stands: a line of a CSV file, or a row of a worksheet.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub file: &'a str,
    /// 1-based line or worksheet row.
    pub line: u64,
    /// The worksheet, for a workbook: positions read `Sheet1!C7`.
    pub sheet: Option<&'a str>,
    /// The worksheet column of the record's first cell (0 for CSV).
    pub first_column: usize,
}

impl Place<'_> {
    /// An error at this row, and at `column` (0-based) when given.
    pub fn error(
        &self,
        code: crate::diagnostic::Code,
        column: Option<usize>,
        message: Text,
    ) -> Diagnostic {
        let d = Diagnostic::error(code, self.file, message);
        match (self.sheet, column) {
            (Some(sheet), Some(c)) => d.at_cell(sheet, self.line, self.first_column + c),
            (Some(sheet), None) => d.at_sheet_row(sheet, self.line),
            (None, Some(c)) => d.at_line(self.line).at_field(c),
            (None, None) => d.at_line(self.line),
        }
    }
}
