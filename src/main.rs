use std::process::ExitCode;

fn main() -> ExitCode {
    match plan_check::cli::parse() {
        Ok(cli) => ExitCode::from(plan_check::cli::run(cli)),
        Err(code) => ExitCode::from(code),
    }
}
