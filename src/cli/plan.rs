//! `plan-check plan`: each plan's indicators with the rule each is judged by,
//! and the cross-checks of its parts against their totals.

use super::{Config, Failure, emit, exit, inputs};
use crate::assess::overview::overview;
use crate::render::plan_listing;

pub fn run(config: &Config) -> Result<u8, Failure> {
    let plans = inputs::plans(config)?;
    let style = config.style;
    let text: Vec<String> = plans
        .plans
        .iter()
        .map(|p| plan_listing::render(&overview(p), style))
        .collect();
    emit(config, text.join("\n").as_bytes())?;
    Ok(exit::PASS)
}
