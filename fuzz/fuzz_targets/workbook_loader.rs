//! Any bytes as a workbook (.xlsx, .ods, .xls or .xlsb, chosen by the first
//! byte): the package check, calamine and the row reader must return a result
//! or a diagnostic, never panic or allocate without bound (libFuzzer's
//! -rss_limit_mb holds the bound). The seeds are small real workbooks.
#![no_main]

include!("../checks/shipped_plan.rs");
include!("../checks/workbook_loader.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));
