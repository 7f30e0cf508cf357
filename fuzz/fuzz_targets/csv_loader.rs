//! Any bytes as a statistics file: the loader and the judgement must return a
//! result or a diagnostic, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_check::plan::{Plan, parse_plan};
use plan_check::stats::csv_input::{Input, load_csv};
use plan_check::stats::{LoadOptions, Observations, Resolver};
use std::sync::OnceLock;

const PLAN: &str = include_str!("../../plan/jiangjin-education-14th-fyp.toml");

fn plan() -> &'static Plan {
    static PLAN_CELL: OnceLock<Plan> = OnceLock::new();
    PLAN_CELL.get_or_init(|| parse_plan(PLAN, "plan.toml").expect("the shipped plan parses"))
}

fuzz_target!(|data: &[u8]| {
    let plan = plan();
    let resolver = Resolver::new(plan);
    let options = LoadOptions {
        year: None,
        ..LoadOptions::default()
    };
    let input = Input {
        plan,
        resolver: &resolver,
        options: &options,
        year_from_name: Some(2023),
    };
    let mut table = Observations::default();
    let mut warnings = Vec::new();
    if load_csv(data, "fuzz.csv", &input, &mut table, &mut warnings).is_ok() {
        for (region, year) in table.region_years() {
            let report = plan_check::assess::assess_year(plan, &table, region, year);
            let _ = plan_check::render::table::render(
                &report,
                plan_check::render::Style {
                    lang: plan_check::lang::Lang::Zh,
                    color: false,
                    strict: false,
                },
            );
        }
    }
});
