//! Every command-and-output example of README.md runs here, so the samples
//! cannot drift from what the tool prints. An example is a fenced block
//! marked `console`: lines starting with `$ ` are commands (run by `sh` in
//! the project, `plan-check` being the binary under test, standard error
//! shown with standard output as on a terminal), the lines after a command
//! its expected output (a byte-order mark, invisible, not compared). A line
//! `…` stands for any number of lines.

mod common;

use std::path::Path;
use std::process::Command;

struct Example {
    /// The README line of the command.
    line: usize,
    command: String,
    expected: Vec<String>,
}

fn examples() -> Vec<Example> {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let mut out: Vec<Example> = Vec::new();
    let mut in_console = false;
    for (i, line) in readme.lines().enumerate() {
        if !in_console {
            in_console = line.trim_end() == "```console";
            continue;
        }
        if line.starts_with("```") {
            in_console = false;
        } else if let Some(command) = line.strip_prefix("$ ") {
            out.push(Example {
                line: i + 1,
                command: command.to_owned(),
                expected: Vec::new(),
            });
        } else if let Some(example) = out.last_mut() {
            example.expected.push(line.trim_end().to_owned());
        }
    }
    out
}

/// `actual` matches `expected`, where a line `…` in `expected` matches any
/// number of lines.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "…" => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => {
            actual.first().is_some_and(|a| a == first) && matches(rest, &actual[1..])
        }
    }
}

#[test]
fn every_readme_example_prints_what_the_readme_says() {
    let examples = examples();
    assert!(examples.len() >= 8, "the README's examples are found");
    let binary = Path::new(env!("CARGO_BIN_EXE_plan-check"));
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for example in examples {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("{} 2>&1", example.command))
            .current_dir(common::root())
            .env("PATH", &path)
            .env_remove("PLAN_CHECK_PLAN")
            .env_remove("PLAN_CHECK_LANG")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        // A file written for Excel starts with a BOM, which a reader does not see.
        let text = String::from_utf8_lossy(&out.stdout).replace('\u{feff}', "");
        let actual: Vec<&str> = text.lines().map(str::trim_end).collect();
        let mut expected = example.expected.clone();
        while expected.last().is_some_and(String::is_empty) {
            expected.pop();
        }
        assert!(
            matches(&expected, &actual),
            "README.md line {}: `{}` printed\n{}\nthe README says\n{}",
            example.line,
            example.command,
            actual.join("\n"),
            expected.join("\n")
        );
    }
}

#[test]
fn the_wildcard_matches_any_lines() {
    let e = |lines: &[&str]| lines.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(matches(&e(&["a", "…", "d"]), &["a", "b", "c", "d"]));
    assert!(matches(&e(&["a", "…"]), &["a"]));
    assert!(!matches(&e(&["a", "…", "d"]), &["a", "b"]));
    assert!(!matches(&e(&["a"]), &["a", "b"]));
}

/// The README's tables of diagnostic codes, Chinese and English, are the
/// list in `src/diagnostic/code.rs`: every code, in order, with its meaning.
#[test]
fn the_code_tables_are_the_codes() {
    use plan_check::diagnostic::Code;
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    for (header, english) in [("| 代码 | 含义 |", false), ("| Code | Meaning |", true)] {
        let at = readme
            .find(header)
            .unwrap_or_else(|| panic!("README has the table {header}"));
        let shown: Vec<&str> = readme[at..]
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .collect();
        let wanted: Vec<String> = Code::ALL
            .iter()
            .map(|c| {
                let (zh, en) = c.meaning();
                format!("| {c} | {} |", if english { en } else { zh })
            })
            .collect();
        assert_eq!(
            shown,
            wanted,
            "README's table {header} differs from src/diagnostic/code.rs; it should read:\n{}",
            wanted.join("\n")
        );
    }
}

/// Every code the source uses is in the list, and every code in the list is
/// used: a code documented and never given, or given and never documented,
/// is a slip.
#[test]
fn every_code_is_used_and_every_used_code_listed() {
    use plan_check::diagnostic::Code;
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("diagnostic/code.rs")
            {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut source = String::new();
    walk(&common::root().join("src"), &mut source);
    for code in Code::ALL {
        assert!(
            source.contains(&format!("Code::{code}")),
            "{code} is listed and never given"
        );
    }
    // A code written as a string would escape the list.
    let literal = source
        .match_indices('"')
        .filter_map(|(at, _)| source.get(at + 1..at + 6))
        .find(|s| {
            s.ends_with('"')
                && s.starts_with(['P', 'S', 'U', 'I'])
                && s[1..4].bytes().all(|b| b.is_ascii_digit())
        });
    assert_eq!(literal, None, "a code written as a string, not a Code");
}
