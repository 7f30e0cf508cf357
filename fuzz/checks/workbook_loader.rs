// Any bytes as a workbook (.xlsx, .ods, .xls or .xlsb, chosen by the first
// byte): the package check, calamine and the row reader must return a result
// or a diagnostic, never panic or allocate without bound (libFuzzer's
// -rss_limit_mb holds the bound). The seeds are small real workbooks.
//
// Shared by the fuzz target `fuzz/fuzz_targets/workbook_loader.rs` and by
// `tests/fuzz_seeds.rs`, which runs it on every seed in `fuzz/corpus/workbook_loader/`
// (so `cargo test` compiles it and replays the seeds). `plans()` is in
// `shipped_plan.rs`, included beside it.

use plan_check::stats::{LoadOptions, Observations, load_path};

pub fn check(data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let extension = ["xlsx", "ods", "xls", "xlsb"][usize::from(kind % 4)];
    let dir = std::env::temp_dir().join(format!("plan-check-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("2023.{extension}"));
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let plans = plans();
    let mut table = Observations::default();
    let mut warnings = Vec::new();
    let loaded = load_path(
        &path,
        plans,
        &LoadOptions::default(),
        &mut table,
        &mut warnings,
    )
    .and_then(|()| table.finish(|_, _| String::new(), "").map_err(plan_check::stats::Clash::errors));
    if loaded.is_ok() {
        for group in table.region_years() {
            let _ =
                plan_check::assess::assess_year(&plans.plans[0], &table, group.region, group.year);
        }
    }
}
