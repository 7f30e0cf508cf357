//! `plan-check template`: an empty statistics file for the plan, as CSV (with
//! a BOM, for Excel and WPS) or as a workbook. It never replaces an existing
//! file without `--force`: a blank template must not overwrite a filled one.

use super::args::{TemplateArgs, TemplateFormat};
use super::config::Written;
use super::{Config, Failure, emit, exit, inputs};
use crate::diagnostic::{Code, Diagnostic};
use crate::output;
use anyhow::Context as _;

pub fn run(config: &Config, args: &TemplateArgs) -> Result<u8, Failure> {
    let format = match config.written {
        Written::Template(format) => format,
        _ => TemplateFormat::Csv,
    };
    let plans = inputs::plans(config)?;
    if !args.force {
        output::refuse_existing(config.output.as_deref(), output::Written::Template)?;
    }
    let plan = match &args.region {
        Some(region) if plans.plans.len() > 1 => {
            let index = plans
                .for_region(region)
                .map_err(|m| Diagnostic::error(Code::U001, "plan-check", m))?;
            &plans.plans[index]
        }
        _ => inputs::single_plan(&plans)?,
    };
    let region = args.region.as_deref();
    match format {
        TemplateFormat::Xlsx => {
            let bytes = crate::template::xlsx::template(plan, args.year, region, config.lang)
                .context("cannot build the template workbook")?;
            emit(config, &bytes)?;
        }
        TemplateFormat::Csv => emit(
            config,
            crate::template::csv::render(plan, args.year, region).as_bytes(),
        )?,
    }
    Ok(exit::PASS)
}
