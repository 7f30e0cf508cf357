//! Commands about the tool itself, needing no plan: shell completions, the
//! man page and the JSON Schemas.

use super::{Cli, Failure, emit, exit};
use anyhow::Context as _;
use clap::CommandFactory;

pub fn completions(cli: &Cli, shell: clap_complete::Shell) -> Result<u8, Failure> {
    let mut text = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "plan-check", &mut text);
    emit(cli, &text)?;
    Ok(exit::PASS)
}

pub fn man(cli: &Cli) -> Result<u8, Failure> {
    let mut text = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut text)
        .context("cannot render the man page")?;
    emit(cli, &text)?;
    Ok(exit::PASS)
}

pub fn schema(cli: &Cli, of: crate::schema::SchemaOf) -> Result<u8, Failure> {
    emit(cli, crate::schema::schema_json(of).as_bytes())?;
    Ok(exit::PASS)
}
