//! Any bytes as a published plan, in each format `import` reads from text
//! (text from a PDF, Markdown, HTML, a Word document's XML): blocks, then the
//! indicator tables and a draft that is either a plan or a located error;
//! never a panic. Seeds include span and merge bombs (`span-bomb.html`,
//! `vmerge-bomb.xml`), which must be refused within the readers' limits.
#![no_main]

include!("../checks/import_reader.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));
