//! Any text as a plan file: a plan or a diagnostic with a location, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(d) = plan_check::plan::parse_plan(&text, "fuzz.toml") {
        let _ = d.render(plan_check::lang::Lang::Zh);
    }
});
