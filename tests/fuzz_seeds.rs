//! The fuzz targets' checks (`fuzz/checks/`), compiled with the tests and run
//! on every seed in `fuzz/corpus/`: the inputs that once crashed or
//! disagreed stay fixed, and a change that breaks a fuzz target is caught
//! here rather than when someone next runs `fuzz/run.sh`.

mod csv_loader {
    include!("../fuzz/checks/shipped_plan.rs");
    include!("../fuzz/checks/csv_loader.rs");
}
mod import_reader {
    include!("../fuzz/checks/import_reader.rs");
}
mod number_reader {
    include!("../fuzz/checks/number_reader.rs");
}
mod plan_parser {
    include!("../fuzz/checks/plan_parser.rs");
}
mod workbook_loader {
    include!("../fuzz/checks/shipped_plan.rs");
    include!("../fuzz/checks/workbook_loader.rs");
}

/// Runs `check` on every seed of `target`; there must be some.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a seed").path())
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    for seed in seeds {
        let data = std::fs::read(&seed).expect("reads");
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(
            outcome.is_ok(),
            "{target}: the seed {} fails",
            seed.display()
        );
    }
}

#[test]
fn csv_loader_seeds() {
    replay("csv_loader", csv_loader::check);
}

#[test]
fn import_reader_seeds() {
    replay("import_reader", import_reader::check);
}

#[test]
fn number_reader_seeds() {
    replay("number_reader", number_reader::check);
}

#[test]
fn plan_parser_seeds() {
    replay("plan_parser", plan_parser::check);
}

#[test]
fn workbook_loader_seeds() {
    replay("workbook_loader", workbook_loader::check);
}
