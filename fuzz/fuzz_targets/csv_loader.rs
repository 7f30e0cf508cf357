//! Any bytes as a statistics file: the loader and the judgement must return a
//! result or a diagnostic, never panic; and reading the file cut into small
//! blocks (on two threads) must give what reading it whole gives.
#![no_main]

include!("../checks/shipped_plan.rs");
include!("../checks/csv_loader.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));
