// Any text as a plan file: a plan or a diagnostic with a location, never a panic.
//
// Shared by the fuzz target `fuzz/fuzz_targets/plan_parser.rs` and by
// `tests/fuzz_seeds.rs`, which runs it on every seed in `fuzz/corpus/plan_parser/`
// (so `cargo test` compiles it and replays the seeds).

pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Err(d) = plan_check::plan::parse_plan(&text, "fuzz.toml") {
        let _ = d.render(plan_check::lang::Lang::Zh);
    }
}
