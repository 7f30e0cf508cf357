use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = plan_check::cli::Cli::parse();
    ExitCode::from(plan_check::cli::run(cli))
}
