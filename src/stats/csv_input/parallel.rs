//! The blocks after the first, checked on two threads and taken back in
//! the file's order: a block's lines renumbered to the file's, its figures
//! kept only while the file has no error, the reading stopped at the first
//! error or at enough of them.

use super::checker::{Checked, Checker};
use super::errors::read_error;
use crate::diagnostic::Diagnostic;
use crate::stats::blocks::Blocks;
use crate::stats::{Id, Observations};
use std::io::Read;

/// The checked blocks taken so far, in order.
pub(super) struct Merged<'t> {
    pub(super) table: &'t mut Observations,
    pub(super) warnings: &'t mut Vec<Diagnostic>,
    pub(super) file_id: Id,
    /// The line of the file the next block starts at.
    pub(super) next_line: u64,
    pub(super) data_rows: usize,
    /// The file's errors so far, in its order.
    pub(super) errors: Vec<Diagnostic>,
}

/// The reading of a file stops (its errors are in [`Merged::errors`]).
pub(super) struct Stop;

impl Merged<'_> {
    /// Takes the next block's result: its warnings and errors, in the file's
    /// order; its figures only while the file has no error (a file with
    /// errors is read for its errors, and none of its figures count).
    pub(super) fn take(&mut self, checked: Checked) -> Result<(), Stop> {
        let first_line = self.next_line;
        let from = self.warnings.len();
        self.warnings
            .extend(checked.warnings.into_iter().map(|w| shift(w, first_line)));
        self.errors
            .extend(checked.errors.into_iter().map(|e| shift(e, first_line)));
        // Reading row by row stops at the last error counted: the warnings
        // of the rows after it in this block were never read.
        let cap = crate::stats::MAX_ERRORS_PER_FILE;
        if self.errors.len() >= cap {
            let last = self.errors[cap - 1].line;
            self.errors.truncate(cap);
            let mut i = from;
            self.warnings.retain(|w| {
                i += 1;
                i <= from || w.line <= last
            });
        }
        if self.errors.is_empty()
            && let Err(d) = self.table.append(self.file_id, first_line, checked.table)
        {
            self.errors.push(d);
        }
        self.data_rows += checked.rows;
        self.next_line += checked.newlines;
        if checked.stop || self.errors.len() >= crate::stats::MAX_ERRORS_PER_FILE {
            Err(Stop)
        } else {
            Ok(())
        }
    }
}

/// The blocks still to read, handed out one at a time.
pub(super) struct Feed<R> {
    pub(super) blocks: Blocks<R>,
    /// A block read before the threads started.
    pub(super) waiting: Option<Vec<u8>>,
    pub(super) next_seq: usize,
    pub(super) stopped: bool,
}

/// Checks the blocks after the first on two threads. Each thread takes the next
/// block (reading it under a lock), checks it, and sends the result here, where
/// results are taken in the file's order. An error stops the reading of further
/// blocks; the blocks before it are still taken first, so the error reported is
/// the file's first.
pub(super) fn check_in_parallel<R: Read + Send>(
    blocks: Blocks<R>,
    second: Vec<u8>,
    checker: Checker,
    first: Checked,
    merged: &mut Merged,
) -> Result<(), Stop> {
    use std::collections::BTreeMap;
    use std::sync::{Mutex, PoisonError, mpsc};
    let file = checker.format.file;
    let feed = Mutex::new(Feed {
        blocks,
        waiting: Some(second),
        next_seq: 1,
        stopped: false,
    });
    let stop = || feed.lock().unwrap_or_else(PoisonError::into_inner).stopped = true;
    let (results, received) = mpsc::channel::<(usize, Checked)>();
    std::thread::scope(|scope| {
        for mut checker in [checker.clone(), checker] {
            let results = results.clone();
            let feed = &feed;
            scope.spawn(move || {
                let mut block = Vec::new();
                loop {
                    let seq = {
                        let mut feed = feed.lock().unwrap_or_else(PoisonError::into_inner);
                        if feed.stopped {
                            return;
                        }
                        let read = match feed.waiting.take() {
                            Some(waiting) => {
                                block = waiting;
                                Ok(true)
                            }
                            None => feed.blocks.next_into(&mut block),
                        };
                        let seq = feed.next_seq;
                        feed.next_seq += 1;
                        match read {
                            Ok(true) => seq,
                            Ok(false) => {
                                feed.stopped = true;
                                return;
                            }
                            Err(e) => {
                                feed.stopped = true;
                                let _ = results.send((seq, Checked::failed(read_error(&e, file))));
                                return;
                            }
                        }
                    };
                    let checked = checker.check(&block);
                    if checked.stop {
                        feed.lock().unwrap_or_else(PoisonError::into_inner).stopped = true;
                    }
                    if results.send((seq, checked)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(results);
        let outcome = (|| {
            merged.take(first)?;
            let mut pending = BTreeMap::new();
            let mut next = 1;
            for (seq, checked) in received {
                pending.insert(seq, checked);
                while let Some(checked) = pending.remove(&next) {
                    merged.take(checked)?;
                    next += 1;
                }
            }
            Ok(())
        })();
        if outcome.is_err() {
            stop();
        }
        outcome
    })
}

/// A message about a block, its line counted from the block's first line, moved
/// to the file's line: the block starts at line `first_line`.
pub(super) fn shift(mut d: Diagnostic, first_line: u64) -> Diagnostic {
    if let Some(line) = d.line.as_mut() {
        *line += first_line - 1;
    }
    d
}

/// Line feeds in `text`.
pub(super) fn newlines(text: &[u8]) -> u64 {
    text.iter().filter(|&&b| b == b'\n').count() as u64
}
