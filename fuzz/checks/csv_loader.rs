// Any bytes as a statistics file: the loader and the judgement must return a
// result or a diagnostic, never panic; and reading the file cut into small
// blocks (on two threads) must give what reading it whole gives.
//
// Shared by the fuzz target `fuzz/fuzz_targets/csv_loader.rs` and by
// `tests/fuzz_seeds.rs`, which runs it on every seed in `fuzz/corpus/csv_loader/`
// (so `cargo test` compiles it and replays the seeds). `plans()` is in
// `shipped_plan.rs`, included beside it.

use plan_check::stats::csv_input::{Input, load_csv};
use plan_check::stats::{LoadOptions, Observations};

pub fn check(data: &[u8]) {
    let plans = plans();
    let plan = &plans.plans[0];
    let load = |block_size| {
        let options = LoadOptions {
            block_size,
            ..LoadOptions::default()
        };
        let input = Input {
            plans,
            options: &options,
            year_from_name: plan_check::stats::csv_input::NameYear::One(2023),
        };
        let mut table = Observations::default();
        let mut warnings = Vec::new();
        let loaded = load_csv(data, "fuzz.csv", &input, &mut table, &mut warnings)
            .and_then(|()| table.finish(|_, _| String::new(), "").map_err(plan_check::stats::Clash::errors));
        (loaded, table, warnings)
    };
    let (loaded, table, warnings) = load(None);
    let small = 1 + usize::from(data.first().copied().unwrap_or(0) % 64);
    let (in_blocks, blocks_table, blocks_warnings) = load(Some(small));
    assert_eq!(format!("{loaded:?}"), format!("{in_blocks:?}"));
    assert_eq!(format!("{warnings:?}"), format!("{blocks_warnings:?}"));
    if loaded.is_ok() {
        assert_eq!(table.region_years(), blocks_table.region_years());
        for group in table.region_years() {
            let (region, year) = (group.region, group.year);
            let report = plan_check::assess::assess_year(plan, &table, region, year);
            let ev = plan_check::assess::evaluation::Evaluation::of(
                plan_check::assess::evaluation::View::Year(Box::new(report)),
                false,
            )
            .with_inputs(warnings.clone(), Vec::new());
            let style = plan_check::render::Style::plain(plan_check::lang::Lang::Zh);
            for format in [
                plan_check::render::Format::Table,
                plan_check::render::Format::Json,
                plan_check::render::Format::Junit,
            ] {
                let _ = format.renderer().render(&ev, &style, &mut std::io::sink());
            }
        }
    }
}
