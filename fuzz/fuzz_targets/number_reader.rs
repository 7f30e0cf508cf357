//! Any text as a cell or a printed target: a number, a not-reported marker or an
//! error; a number that is read must be finite.
#![no_main]

include!("../checks/number_reader.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));
