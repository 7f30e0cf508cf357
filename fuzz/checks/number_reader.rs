// Any text as a cell or a printed target: a number, a not-reported marker or an
// error; a number that is read must be finite.
//
// Shared by the fuzz target `fuzz/fuzz_targets/number_reader.rs` and by
// `tests/fuzz_seeds.rs`, which runs it on every seed in `fuzz/corpus/number_reader/`
// (so `cargo test` compiles it and replays the seeds).

use plan_check::number::{Cell, read_cell};
use plan_check::plan::{parse_comparator, read_target};

pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for percent in [false, true] {
        if let Ok(Cell::Value(v)) = read_cell(&text, percent) {
            assert!(v.is_finite());
        }
    }
    if let Ok((_, v)) = parse_comparator(&text) {
        assert!(v.is_finite());
    }
    if let Ok(reading) = read_target(&text) {
        assert!(reading.value.is_finite());
    }
}
