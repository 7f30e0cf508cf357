//! `plan-check FILE…`, the main job: statistics in, one evaluation (a year,
//! the period, or every region), rendered in `--format`, exit code out.

use super::{Cli, Failure, deliver, inputs};
use crate::assess::evaluation::Evaluation;

pub fn run(cli: &Cli) -> Result<u8, Failure> {
    super::refuse_unwritable_extension(cli, false)?;
    if matches!(
        cli.format(),
        crate::render::Format::Xlsx | crate::render::Format::Docx
    ) {
        super::refuse_workbook_on_terminal(cli, cli.format() == crate::render::Format::Docx)?;
    }
    let plans = inputs::plans(cli)?;
    let mut loaded = inputs::load(cli, &cli.files, &cli.read, cli.strict, cli.quiet, &plans)?;
    let (warnings, inputs, failed) = loaded.take_notes();
    let evaluation = Evaluation::assess(
        &plans,
        &loaded.observations,
        &loaded.region_years,
        |r| loaded.plan_of(&plans, r),
        cli.strict,
    )
    .with_inputs(warnings, inputs)
    .with_failures(failed);
    deliver(cli, &evaluation, cli.format().renderer(), cli.quiet)
}
