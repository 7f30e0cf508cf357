//! `plan-check plan`: each plan's indicators with the rule each is judged by,
//! and the cross-checks of its parts against their totals.

use super::{Config, Failure, emit, exit, inputs};
use crate::assess::overview::overview;
use crate::render::plan_listing;

pub fn run(config: &Config) -> Result<u8, Failure> {
    let plans = inputs::plans(config)?;
    let style = config.style;
    let text: Vec<String> = plans
        .plans
        .iter()
        .map(|p| plan_listing::render(&overview(p), style))
        .collect();
    emit(config, text.join("\n").as_bytes())?;
    // A draft of `import` still holding its notes to confirm: said, so a
    // plan that lists cleanly is not taken for one checked against the
    // document (a newcomer's).
    if !config.quiet {
        for plan in &plans.plans {
            let unconfirmed = std::fs::read_to_string(&plan.path)
                .map(|text| unconfirmed_notes(&text))
                .unwrap_or(0);
            if unconfirmed > 0 {
                eprintln!(
                    "{}",
                    config.style.lang.pick(
                        &format!(
                            "{}：还有 {unconfirmed} 处“待核对”注释：请对照原文核对，改好后删去",
                            plan.path
                        ),
                        &format!(
                            "{}: {unconfirmed} notes “待核对” (to confirm) are left: check them against the document, then delete them",
                            plan.path
                        ),
                    )
                );
            }
        }
    }
    Ok(exit::PASS)
}

/// The lines of a plan file that are `import`'s notes to confirm.
fn unconfirmed_notes(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            l.trim_start()
                .strip_prefix('#')
                .is_some_and(|rest| rest.trim_start().starts_with("待核对"))
        })
        .count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn notes_to_confirm_are_counted_only_where_they_stand_as_notes() {
        let text =
            "# 待核对：原文只写数字\n[[indicator]]\nname = \"待核对\"\n  # 待核对：单位\n#待核对\n";
        assert_eq!(super::unconfirmed_notes(text), 3);
    }
}
