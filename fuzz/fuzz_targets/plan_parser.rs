//! Any text as a plan file: a plan or a diagnostic with a location, never a panic.
#![no_main]

include!("../checks/plan_parser.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));
