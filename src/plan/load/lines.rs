//! Where in the plan file a field stands: line and column of a byte offset.

/// 1-based line and column (in characters) of a byte offset.
pub fn line_and_column(text: &str, offset: usize) -> (u64, u64) {
    Lines::new(text).at(offset)
}

/// Where each line of a text starts, found once: a plan of thousands of
/// indicators asks for thousands of positions, each a binary search (not a
/// count from the start, which made a 20,000-row draft take 15 s).
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn at(&self, offset: usize) -> (u64, u64) {
        let offset = offset.min(self.text.len());
        let index = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[index];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |t| t.chars().count());
        (index as u64 + 1, column as u64 + 1)
    }
}
