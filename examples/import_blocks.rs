//! What `plan-check import` reads from a document before it looks for the
//! table: each block (a paragraph, or a table's rows of cells) in reading
//! order. For working on a reader: `cargo run --example import_blocks 规划.pdf`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: import_blocks DOCUMENT");
        return ExitCode::from(2);
    };
    match plan_check::import::read(std::path::Path::new(&path)) {
        Ok(doc) => {
            for block in doc.blocks {
                println!("{block:?}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e:?}");
            ExitCode::from(2)
        }
    }
}
