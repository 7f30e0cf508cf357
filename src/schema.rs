//! JSON Schemas of the plan file and of the JSON report, generated from the very
//! serde types that read and write them (schemars), so they cannot drift apart.
//! Shipped in `schema/`; a test keeps the shipped files in step.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaOf {
    /// 规划文件（TOML）/ the plan file (TOML)
    Plan,
    /// `--format json` 的输出 / the output of `--format json`
    Report,
}

pub fn schema_json(of: SchemaOf) -> String {
    let schema = match of {
        SchemaOf::Plan => schemars::schema_for!(crate::plan::load::PlanFile),
        SchemaOf::Report => schemars::schema_for!(crate::render::json::Document<'static>),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
