//! `plan-check report FILE…`: the period view of one region as one
//! self-contained HTML page, or with `--output 评估.docx` a Word document,
//! for the written evaluation (评估报告). The exit
//! code is the check's, with `--strict` as given: `report … && open` opens a
//! page only when the run passes (see the README).

use super::args::{ReportArgs, ReportFormat};
use super::{Cli, Failure, deliver, inputs};
use crate::assess::evaluation::{Evaluation, View};
use crate::assess::period::assess_period;
use crate::diagnostic::{Diagnostic, Text};
use crate::render;

pub fn run(cli: &Cli, args: &ReportArgs) -> Result<u8, Failure> {
    if args.format.is_none() {
        super::refuse_unwritable_extension(cli, true)?;
    }
    let docx = args.format(cli) == ReportFormat::Docx;
    if docx {
        super::refuse_workbook_on_terminal(cli, true)?;
    }
    let strict = args.strict || cli.strict;
    let plans = inputs::plans(cli)?;
    let read = args.read.or(&cli.read);
    let quiet = args.quiet || cli.quiet;
    let mut loaded = inputs::load(cli, &args.files, &read, strict, quiet, &plans)?;
    let region = match loaded.regions().as_slice() {
        [one] => *one,
        several => {
            let names: Vec<&str> = several
                .iter()
                .take(5)
                .map(|&r| loaded.observations.regions.get(r))
                .collect();
            return Err(Diagnostic::error(
                "U002",
                args.files[0].display().to_string(),
                Text::new(
                    format!(
                        "评估报告针对一个地区，数据中有 {} 个（{}…）：请按地区拆分后分别生成",
                        several.len(),
                        names.join("、")
                    ),
                    format!(
                        "a report covers one region; the figures hold {} ({}…): split them by region",
                        several.len(),
                        names.join(", ")
                    ),
                ),
            )
            .into());
        }
    };
    let plan = &plans.plans[loaded.plan_of(&plans, region)];
    let period = assess_period(plan, &loaded.observations, region, &loaded.years(region));
    let (warnings, inputs, failed) = loaded.take_notes();
    let evaluation = Evaluation::of(View::Period(Box::new(period)), strict)
        .with_inputs(warnings, inputs)
        .with_failures(failed);
    // `--output 评估.docx` or `--format docx`: the Word report; anything
    // else the HTML page.
    if docx {
        deliver(cli, &evaluation, &render::docx::Report, quiet)
    } else {
        deliver(cli, &evaluation, &render::html::Report, quiet)
    }
}
