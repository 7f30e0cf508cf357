//! The flow runs one way: inputs → observations → assessment → one evaluation
//! → renderers. A renderer draws only what the evaluation holds: no file under
//! `src/render/` reads the plan or calls into the assessment (its types, the
//! evaluation's vocabulary, are what it may use).

use std::path::Path;

fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((path.display().to_string(), text));
        }
    }
    files
}

/// Calls into `module` (`module::function(` or `module::sub::function(`): a
/// path from `module::` whose last segment starts with a lowercase letter and
/// is followed by `(`.
fn calls_into(text: &str, module: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices(module) {
        let rest = &text[at + module.len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let last = path.rsplit("::").next().unwrap_or("");
        let called = rest[path.len()..].starts_with('(');
        if called && last.starts_with(|c: char| c.is_ascii_lowercase()) {
            found.push(format!("{module}{path}"));
        }
    }
    found
}

/// Functions brought in by `use crate::assess::…` (lowercase names that are
/// not the assessment's modules): `use crate::assess::requirement;` then
/// `requirement(…)` would escape [`calls_into`].
fn imported_functions(text: &str) -> Vec<String> {
    const MODULES: [&str; 6] = [
        "evaluation",
        "overview",
        "period",
        "regions",
        "rules",
        "self",
    ];
    let mut found = Vec::new();
    for statement in text.split(';') {
        let Some(path) = statement.trim().strip_prefix("use crate::assess::") else {
            continue;
        };
        for name in path.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if name.starts_with(|c: char| c.is_ascii_lowercase()) && !MODULES.contains(&name) {
                found.push(name.to_owned());
            }
        }
    }
    found
}

#[test]
fn renderers_read_only_the_evaluation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = sources(&root.join("src/render"));
    assert!(files.len() > 10, "the renderers are where they should be");
    for (file, text) in &files {
        assert!(
            !text.contains("crate::plan"),
            "{file} reads the plan: take what it draws from the evaluation"
        );
        for module in ["crate::assess::", "assess::"] {
            let calls = calls_into(text, module);
            assert!(
                calls.is_empty(),
                "{file} calls into the assessment: {calls:?}"
            );
        }
        let imported = imported_functions(text);
        assert!(
            imported.is_empty(),
            "{file} imports assessment functions: {imported:?}"
        );
    }
}

#[test]
fn the_call_finder_finds_calls_and_not_types() {
    assert_eq!(
        calls_into(
            "let r = crate::assess::requirement(i, m, y);",
            "crate::assess::"
        ),
        vec!["crate::assess::requirement"]
    );
    assert_eq!(
        calls_into("x = assess::period::assess_period(p);", "assess::"),
        vec!["assess::period::assess_period"]
    );
    assert!(
        calls_into(
            "use crate::assess::{Status, YearReport};",
            "crate::assess::"
        )
        .is_empty()
    );
    assert!(calls_into("let v = crate::assess::View::Year(r);", "crate::assess::").is_empty());
}

#[test]
fn the_import_finder_finds_functions_and_not_types_or_modules() {
    assert_eq!(
        imported_functions("use crate::assess::{Status, requirement};"),
        vec!["requirement"]
    );
    assert_eq!(
        imported_functions("use crate::assess::period::assess_period;"),
        vec!["assess_period"]
    );
    assert!(imported_functions("use crate::assess::period::{Outlook, PeriodReport};").is_empty());
    assert!(imported_functions("use crate::assess::{self, Attribute};").is_empty());
}
