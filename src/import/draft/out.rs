//! Where a drafted row is written, with each thing the reader must
//! confirm: a `# 待核对` line under it, and the same in the list on
//! standard error.

use std::fmt::Write as _;

/// Where a row is written, and the list of what to confirm.
pub(super) struct Out<'a> {
    pub out: &'a mut String,
    pub to_confirm: &'a mut Vec<String>,
    /// The row as the list names it (`主要污染物排放总量减少：化学需氧量`).
    pub shown: String,
}

impl Out<'_> {
    /// A `# 待核对` line under the row, and the same in the list.
    pub(super) fn confirm(&mut self, why: String) {
        let _ = writeln!(self.out, "# 待核对：{why}");
        self.to_confirm.push(format!("{}：{why}", self.shown));
    }

    /// The row shown and not judged, with why, for the reader to settle.
    pub(super) fn unjudged(&mut self, why: String) {
        let _ = writeln!(self.out, "rule = {{ kind = \"none\" }}");
        self.confirm(why);
    }
}
