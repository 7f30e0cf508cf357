//! `plan-check template`: an empty statistics file for the plan, as CSV (with
//! a BOM, for Excel and WPS) or as a workbook. It never replaces an existing
//! file without `--force`: a blank template must not overwrite a filled one.

use super::args::{TemplateArgs, TemplateFormat};
use super::{Cli, Failure, emit, exit, inputs};
use crate::diagnostic::Diagnostic;
use crate::output;
use anyhow::Context as _;

pub fn run(cli: &Cli, args: &TemplateArgs) -> Result<u8, Failure> {
    // `--format xlsx` given before the subcommand's name reads as the template's.
    let format = args.format.unwrap_or(match cli.format() {
        crate::render::Format::Xlsx => TemplateFormat::Xlsx,
        _ => TemplateFormat::Csv,
    });
    if format == TemplateFormat::Xlsx {
        super::refuse_workbook_on_terminal(cli, false)?;
    }
    let plans = inputs::plans(cli)?;
    if !args.force {
        output::refuse_existing(cli.out.output.as_deref())?;
    }
    let plan = match &args.region {
        Some(region) if plans.plans.len() > 1 => {
            let index = plans
                .for_region(region)
                .map_err(|m| Diagnostic::error("U001", "plan-check", m))?;
            &plans.plans[index]
        }
        _ => inputs::single_plan(&plans)?,
    };
    let region = args.region.as_deref();
    match format {
        TemplateFormat::Xlsx => {
            let bytes = crate::template::xlsx::template(plan, args.year, region, cli.out.lang)
                .context("cannot build the template workbook")?;
            emit(cli, &bytes)?;
        }
        TemplateFormat::Csv => emit(
            cli,
            crate::template::csv::render(plan, args.year, region).as_bytes(),
        )?,
    }
    Ok(exit::PASS)
}
