//! `plan-check report FILE…`: the period view of one region as one
//! self-contained HTML page, or with `--output 评估.docx` a Word document,
//! for the written evaluation (评估报告). The exit
//! code is the check's, with `--strict` as given: `report … && open` opens a
//! page only when the run passes (see the README).

use super::args::ReportFormat;
use super::config::Written;
use super::{Config, Failure, deliver, inputs};
use crate::assess::evaluation::{Evaluation, View};
use crate::assess::period::assess_period;
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::render;

pub fn run(config: &Config) -> Result<u8, Failure> {
    let plans = inputs::plans(config)?;
    let mut loaded = inputs::load(config, &plans)?;
    let region = match loaded.regions().as_slice() {
        [one] => *one,
        several => {
            let names: Vec<&str> = several
                .iter()
                .take(5)
                .map(|&r| loaded.observations.regions.get(r))
                .collect();
            let more = if several.len() > names.len() {
                "…"
            } else {
                ""
            };
            return Err(Diagnostic::error(
                Code::U002,
                config.files[0].display().to_string(),
                Text::new(
                    format!(
                        "评估报告针对一个地区，数据中有 {} 个（{}{more}）：请按地区拆分后分别生成",
                        several.len(),
                        names.join("、")
                    ),
                    format!(
                        "a report covers one region; the figures hold {} ({}{more}): split them by region",
                        several.len(),
                        names.join(", ")
                    ),
                ),
            )
            // The regions' own report is the check's (a reviewer's bureau
            // was sent off to split 30 districts).
            .with_hint(Text::new(
                format!(
                    "各地区情况表（Word）用检查命令写出：plan-check {} --output 各区县.docx",
                    config.files[0].display()
                ),
                format!(
                    "the regions' report (Word) is the check's: plan-check {} --output regions.docx",
                    config.files[0].display()
                ),
            ))
            .into());
        }
    };
    let plan = &plans.plans[loaded.plan_of(&plans, region)];
    let period = assess_period(plan, &loaded.observations, region, &loaded.years(region));
    let (warnings, inputs, failed) = loaded.take_notes();
    let evaluation = Evaluation::of(View::Period(Box::new(period)), config.strict)
        .with_inputs(warnings, inputs)
        .with_failures(failed);
    // `--output 评估.docx` or `--format docx`: the Word report; anything
    // else the HTML page.
    match config.written {
        Written::Report(ReportFormat::Docx) => deliver(config, &evaluation, &render::docx::Report),
        _ => deliver(config, &evaluation, &render::html::Report),
    }
}
