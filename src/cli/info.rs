//! Commands about the tool itself, needing no plan: shell completions, the
//! man page and the JSON Schemas.

use super::{Cli, Config, Failure, emit, exit};
use anyhow::Context as _;
use clap::CommandFactory;

pub fn completions(config: &Config, shell: clap_complete::Shell) -> Result<u8, Failure> {
    let mut text = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "plan-check", &mut text);
    emit(config, &text)?;
    Ok(exit::PASS)
}

/// One man page holding every command: the subcommands are sections of it
/// (`plan-check template` …), not references to pages that are not there.
pub fn man(config: &Config) -> Result<u8, Failure> {
    man_page(Cli::command())
        .context("cannot render the man page")
        .map_err(Failure::from)
        .and_then(|text| emit(config, &text))?;
    Ok(exit::PASS)
}

fn man_page(mut command: clap::Command) -> std::io::Result<Vec<u8>> {
    command.build();
    let main = clap_mangen::Man::new(command.clone());
    let mut text = Vec::new();
    main.render_title(&mut text)?;
    main.render_name_section(&mut text)?;
    main.render_synopsis_section(&mut text)?;
    main.render_description_section(&mut text)?;
    main.render_options_section(&mut text)?;
    text.extend_from_slice(b".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("plan-check {}", sub.get_name());
        let page = clap_mangen::Man::new(sub.clone().bin_name(&name).display_name(&name));
        text.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            text.extend_from_slice(format!("{}\n.PP\n", roff_text(&about.to_string())).as_bytes());
        }
        for part in [
            clap_mangen::Man::render_synopsis_section,
            clap_mangen::Man::render_options_section,
        ] {
            let mut section = Vec::new();
            part(&page, &mut section)?;
            // The subcommand's sections become paragraphs of its own.
            let section = String::from_utf8_lossy(&section).replace(".SH ", ".TP\n.B ");
            text.extend_from_slice(section.as_bytes());
        }
    }
    if main_has_after_help(&command) {
        main.render_extra_section(&mut text)?;
    }
    main.render_version_section(&mut text)?;
    Ok(text)
}

fn main_has_after_help(command: &clap::Command) -> bool {
    command.get_after_long_help().is_some() || command.get_after_help().is_some()
}

/// Text for roff: a leading dot or quote would be read as a request.
fn roff_text(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.replace('\\', "\\e")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn schema(config: &Config, of: crate::schema::SchemaOf) -> Result<u8, Failure> {
    emit(config, crate::schema::schema_json(of).as_bytes())?;
    Ok(exit::PASS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_holds_every_command_and_points_at_no_missing_page() {
        let page = String::from_utf8(man_page(Cli::command()).unwrap()).unwrap();
        for command in ["template", "report", "plan", "completions", "man", "schema"] {
            assert!(
                page.contains(&format!(".SS \"plan-check {command}\"")),
                "{command}"
            );
            assert!(
                !page.contains(&format!("plan-check-{command}(1)")),
                "{command}"
            );
        }
        assert!(page.contains("\\-\\-width"), "global options are listed");
    }
}
