//! `plan-check FILE…`, the main job: statistics in, one evaluation (a year,
//! the period, or every region), rendered in `--format`, exit code out.

use super::config::Written;
use super::{Config, Failure, deliver, inputs};
use crate::assess::evaluation::Evaluation;
use crate::render::Format;

pub fn run(config: &Config) -> Result<u8, Failure> {
    let format = match config.written {
        Written::Check(format) => format,
        _ => Format::Table,
    };
    let plans = inputs::plans(config)?;
    let mut loaded = inputs::load(config, &plans)?;
    let (warnings, inputs, failed) = loaded.take_notes();
    let regions_left_out = failed.iter().any(|f| f.region.is_some());
    let evaluation = Evaluation::assess(
        &plans,
        &loaded.observations,
        &loaded.region_years,
        |r| loaded.plan_of(&plans, r),
        config.strict,
        regions_left_out,
    )
    .with_inputs(warnings, inputs)
    .with_failures(failed);
    let code = deliver(config, &evaluation, format.renderer());
    // The process ends with this command, and its memory with it: freeing a
    // large run piece by piece first would only cost time (1M rows: 3 ms).
    // Nothing here holds a file or anything else to close.
    std::mem::forget(evaluation);
    std::mem::forget(loaded);
    code
}
