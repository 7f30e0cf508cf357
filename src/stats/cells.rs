//! A row's cells as text, however the row was read: a line of a CSV block
//! split where it lies (no copy), or a `csv::ByteRecord` (the csv crate's
//! reading of quoted text, a workbook's row, a wide row with its column's
//! name added). [`super::rows::RowReader`] reads a [`Cells`].

use csv::ByteRecord;
use std::ops::{Index, Range};

/// The cells of one row: one text and where each cell lies in it.
#[derive(Debug, Clone, Copy)]
pub struct Cells<'r> {
    text: &'r [u8],
    bounds: &'r [Range<usize>],
}

impl<'r> Cells<'r> {
    /// Cells at `bounds` of `text`; every bound lies within `text`.
    pub fn new(text: &'r [u8], bounds: &'r [Range<usize>]) -> Self {
        debug_assert!(
            bounds
                .iter()
                .all(|b| b.start <= b.end && b.end <= text.len())
        );
        Cells { text, bounds }
    }

    /// The cells of `record`, with `bounds` as the room to note them in.
    pub fn of(record: &'r ByteRecord, bounds: &'r mut Vec<Range<usize>>) -> Self {
        bounds.clear();
        let mut at = 0;
        for field in record {
            bounds.push(at..at + field.len());
            at += field.len();
        }
        Cells {
            text: record.as_slice(),
            bounds,
        }
    }

    /// The first `n` cells (all of them when there are fewer).
    pub fn first(&self, n: usize) -> Self {
        Cells {
            text: self.text,
            bounds: &self.bounds[..n.min(self.bounds.len())],
        }
    }

    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&'r [u8]> {
        self.bounds.get(i).and_then(|b| self.text.get(b.clone()))
    }

    pub fn iter(&self) -> impl Iterator<Item = &'r [u8]> + use<'r> {
        let text = self.text;
        self.bounds.iter().map(move |b| &text[b.clone()])
    }
}

impl Index<usize> for Cells<'_> {
    type Output = [u8];

    fn index(&self, i: usize) -> &[u8] {
        &self.text[self.bounds[i].clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_and_a_split_line_give_the_same_cells() {
        let record = ByteRecord::from(vec!["甲区", "", "98.3"]);
        let mut bounds = Vec::new();
        let from_record = Cells::of(&record, &mut bounds);
        let line = "甲区,,98.3".as_bytes();
        let split = [0..6, 7..7, 8..12];
        let from_line = Cells::new(line, &split);
        for cells in [from_record, from_line] {
            assert_eq!(cells.len(), 3);
            assert_eq!(&cells[0], "甲区".as_bytes());
            assert_eq!(cells.get(1), Some(&b""[..]));
            assert_eq!(cells.get(3), None);
            let all: Vec<&[u8]> = cells.iter().collect();
            assert_eq!(all, [&b"\xe7\x94\xb2\xe5\x8c\xba"[..], b"", b"98.3"]);
        }
    }
}
