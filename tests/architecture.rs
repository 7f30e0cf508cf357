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

// ---------------------------------------------------------------------------
// The module graph: every file of `src/` (not `main.rs`, not test modules),
// and which files each refers to by path (`crate::…`, `super::…`, `self::…`,
// a submodule it declares).

/// A file of the library: its module path (`["stats", "rows"]`) and its code
/// with comments and its test module taken out.
struct Source {
    file: String,
    module: Vec<String>,
    code: String,
    /// The submodules it declares (`mod rows;`), not those under `#[cfg(test)]`.
    children: Vec<String>,
}

fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod") | Some("lib")) {
        parts.pop();
    }
    parts
}

/// The code without `//` comments (doc links name modules too) and without
/// its inline `#[cfg(test)] mod tests { … }` (a `mod tests;` declared apart
/// is a file of its own, left out by [`library`]).
fn code_of(text: &str) -> String {
    let without_comments = text
        .lines()
        .map(|line| match line.find("//") {
            // Not a `//` inside a string such as "https://…".
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut code = without_comments.as_str();
    let mut out = String::new();
    while let Some(at) = code.find("#[cfg(test)]\nmod ") {
        out.push_str(&code[..at]);
        let rest = &code[at..];
        let Some(open) = rest.find(['{', ';']) else {
            break;
        };
        if rest.as_bytes()[open] == b';' {
            code = &rest[open + 1..];
            continue;
        }
        // The block's end: braces counted (the tests' own strings rarely
        // hold unbalanced braces; a miscount only hides test code).
        let mut depth = 0usize;
        let mut end = rest.len();
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        code = &rest[end..];
    }
    out.push_str(code);
    out
}

/// Every submodule a file declares, and those it declares only for tests.
fn declared(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut modules, mut test_only) = (Vec::new(), Vec::new());
    let mut test_next = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with("#[cfg(test)]") {
            test_next = true;
            continue;
        }
        let declaration = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("pub(crate) mod "))
            .or_else(|| line.strip_prefix("mod "))
            .and_then(|rest| rest.strip_suffix(';'));
        if let Some(name) = declaration {
            if test_next {
                test_only.push(name.to_owned());
            } else {
                modules.push(name.to_owned());
            }
        }
        if !line.starts_with("#[") {
            test_next = false;
        }
    }
    (modules, test_only)
}

fn library() -> Vec<Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&src);
    let mut test_modules: Vec<Vec<String>> = Vec::new();
    let mut all = Vec::new();
    for (file, text) in &files {
        let relative = Path::new(file).strip_prefix(&src).unwrap().to_path_buf();
        if relative == Path::new("main.rs") {
            continue;
        }
        let module = module_path(&relative);
        let (children, test_only) = declared(text);
        for name in test_only {
            let mut path = module.clone();
            path.push(name);
            test_modules.push(path);
        }
        all.push(Source {
            file: relative.display().to_string(),
            module,
            code: code_of(text),
            children,
        });
    }
    all.retain(|s| !test_modules.iter().any(|t| s.module.starts_with(t)));
    all
}

/// Each `use` statement's paths, braces spread: `use a::{b, c::{d, e}}` gives
/// `a::b`, `a::c::d`, `a::c::e`.
fn use_paths(statement: &str) -> Vec<String> {
    fn spread(prefix: &str, text: &str, out: &mut Vec<String>) {
        let text = text.trim();
        let Some(open) = text.find('{') else {
            let path = text.split(" as ").next().unwrap_or("").trim();
            if !path.is_empty() {
                out.push(format!("{prefix}{path}"));
            }
            return;
        };
        let head = &text[..open];
        let close = text.rfind('}').filter(|&c| c > open).unwrap_or(text.len());
        let inner = &text[open + 1..close];
        let mut depth = 0;
        let mut start = 0;
        for (at, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    spread(&format!("{prefix}{head}"), &inner[start..at], out);
                    start = at + 1;
                }
                _ => {}
            }
        }
        spread(&format!("{prefix}{head}"), &inner[start..], out);
    }
    let mut out = Vec::new();
    spread("", statement, &mut out);
    out
}

/// The paths of each `use` statement (what follows `use `, to its `;`).
fn use_statements(code: &str) -> Vec<String> {
    let mut statements = Vec::new();
    let mut open: Option<String> = None;
    for line in code.lines().map(str::trim) {
        let current = match open.take() {
            Some(so_far) => so_far + " " + line,
            None => match line
                .strip_prefix("pub use ")
                .or_else(|| line.strip_prefix("pub(crate) use "))
                .or_else(|| line.strip_prefix("use "))
            {
                Some(rest) => rest.to_owned(),
                None => continue,
            },
        };
        match current.find(';') {
            Some(end) => statements.push(current[..end].to_owned()),
            None => open = Some(current),
        }
    }
    statements
}

/// Every path the code names that starts at `crate`, `super`, `self` or one
/// of the file's own submodules.
fn named_paths(source: &Source) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let code = &source.code;
    // `use` statements (braces spread), each from its line's start to `;`.
    for statement in use_statements(code) {
        for path in use_paths(&statement) {
            paths.push(path.split("::").map(str::to_owned).collect());
        }
    }
    // Paths in the code.
    let bytes = code.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut at = 0;
    while at < bytes.len() {
        if !word(bytes[at]) || (at > 0 && (word(bytes[at - 1]) || bytes[at - 1] == b':')) {
            at += 1;
            continue;
        }
        let mut end = at;
        while end < bytes.len() && (word(bytes[end]) || bytes[end] == b':') {
            end += 1;
        }
        let path: Vec<String> = code[at..end]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if path.len() > 1 {
            paths.push(path);
        }
        at = end;
    }
    paths
}

/// The file a path leads to from `source`: the longest prefix that is a
/// module of the library.
fn target<'s>(source: &Source, path: &[String], modules: &'s [Source]) -> Option<&'s Source> {
    let mut absolute: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("self") => source.module.clone(),
        Some("super") => source.module.clone(),
        Some(first) if source.children.iter().any(|c| c == first) => source.module.clone(),
        _ => return None,
    };
    let mut rest = path;
    while let Some(first) = rest.first().map(String::as_str) {
        match first {
            "crate" | "self" => {}
            "super" => {
                absolute.pop()?;
            }
            _ => break,
        }
        rest = &rest[1..];
    }
    absolute.extend(rest.iter().cloned());
    (0..=absolute.len())
        .rev()
        .find_map(|n| modules.iter().find(|m| m.module == absolute[..n]))
}

/// Which files each file refers to, by index.
fn graph(modules: &[Source]) -> Vec<Vec<usize>> {
    modules
        .iter()
        .map(|source| {
            let mut to: Vec<usize> = named_paths(source)
                .iter()
                .filter_map(|p| target(source, p, modules))
                .map(|t| modules.iter().position(|m| std::ptr::eq(m, t)).unwrap())
                .filter(|&t| !std::ptr::eq(&modules[t], source))
                .collect();
            to.sort_unstable();
            to.dedup();
            to
        })
        .collect()
}

/// A circle in the graph, as the files that make it, when there is one.
fn circle(edges: &[Vec<usize>]) -> Option<Vec<usize>> {
    // 0 unvisited, 1 on the current path, 2 done.
    fn visit(
        n: usize,
        edges: &[Vec<usize>],
        state: &mut [u8],
        path: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        state[n] = 1;
        path.push(n);
        for &next in &edges[n] {
            if state[next] == 1 {
                let from = path.iter().position(|&p| p == next).unwrap();
                return Some(path[from..].to_vec());
            }
            if state[next] == 0
                && let Some(found) = visit(next, edges, state, path)
            {
                return Some(found);
            }
        }
        path.pop();
        state[n] = 2;
        None
    }
    let mut state = vec![0u8; edges.len()];
    for n in 0..edges.len() {
        if state[n] == 0
            && let Some(found) = visit(n, edges, &mut state, &mut Vec::new())
        {
            return Some(found);
        }
    }
    None
}

/// No circle between files: if `a` uses `b`, `b` does not use `a`, by any
/// road. A file's submodules may use what it declares (`super::Thing`): a
/// module and the files it is made of are one unit, and the edge from a
/// file to the module above it is not counted; every other edge is.
#[test]
fn no_circle_between_files() {
    let modules = library();
    assert!(modules.len() > 80, "the library's files are found");
    let mut edges = graph(&modules);
    for (n, to) in edges.iter_mut().enumerate() {
        let below = &modules[n].module;
        to.retain(|&t| {
            let above = &modules[t].module;
            !(above.len() < below.len() && below.starts_with(above))
        });
    }
    if let Some(found) = circle(&edges) {
        let names: Vec<&str> = found.iter().map(|&n| modules[n].file.as_str()).collect();
        panic!("a circle between files: {}", names.join(" → "));
    }
}

/// The layers, bottom up: each top-level module and the ones it may use.
/// `cli` (the commands) may use everything; nothing uses `cli`.
const LAYERS: &[(&str, &[&str])] = &[
    ("encoding", &[]),
    ("lang", &[]),
    ("number", &[]),
    ("printable", &[]),
    ("region_name", &[]),
    ("vocabulary", &[]),
    ("year", &[]),
    ("snippet", &["encoding", "printable"]),
    ("diagnostic", &["lang", "printable", "snippet"]),
    ("output", &["diagnostic"]),
    (
        "plan",
        &[
            "diagnostic",
            "encoding",
            "lang",
            "number",
            "region_name",
            "vocabulary",
        ],
    ),
    (
        "stats",
        &[
            "diagnostic",
            "encoding",
            "lang",
            "number",
            "plan",
            "printable",
            "region_name",
            "year",
        ],
    ),
    (
        "assess",
        &["diagnostic", "number", "plan", "stats", "vocabulary"],
    ),
    (
        "render",
        &[
            "assess",
            "diagnostic",
            "lang",
            "number",
            "printable",
            "vocabulary",
        ],
    ),
    ("template", &["lang", "plan", "render"]),
    (
        "import",
        &[
            "diagnostic",
            "encoding",
            "lang",
            "number",
            "plan",
            "region_name",
            "render",
            "stats",
            "year",
        ],
    ),
    (
        "extract",
        &[
            "diagnostic",
            "import",
            "number",
            "plan",
            "region_name",
            "stats",
            "year",
        ],
    ),
    ("schema", &["plan", "render"]),
];

/// Narrower rules inside a permitted layer: (from, to, the only files of
/// `to` that `from` may use).
const ONLY: &[(&str, &str, &[&str])] = &[
    // The assessment reads the observations, never a statistics file.
    (
        "assess",
        "stats",
        &["stats/mod.rs", "stats/observations/mod.rs"],
    ),
    // `import --check` names attributes and rules in the report's words.
    ("import", "render", &["render/labels.rs"]),
    // The template workbook looks like the report's workbook.
    ("template", "render", &["render/xlsx.rs"]),
    // A workbook or a Word file is opened within the same bounds, a unit
    // after a name read by the one reader of units, a workbook's reader
    // kept quiet on standard error as the statistics reader keeps it.
    (
        "import",
        "stats",
        &[
            "stats/package.rs",
            "stats/resolve.rs",
            "stats/workbook/mod.rs",
        ],
    ),
];

fn layer(file: &str) -> &str {
    file.split('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".rs")
}

#[test]
fn each_layer_uses_only_the_layers_below_it() {
    let modules = library();
    let edges = graph(&modules);
    let mut wrong = Vec::new();
    for (n, to) in edges.iter().enumerate() {
        let from = layer(&modules[n].file);
        for &t in to {
            let file = modules[t].file.as_str();
            let into = layer(file);
            if from == into || from == "cli" || from == "lib" || modules[n].module.is_empty() {
                continue;
            }
            let allowed = LAYERS
                .iter()
                .find(|(name, _)| *name == from)
                .unwrap_or_else(|| panic!("{from} is not in LAYERS: give it its place"))
                .1;
            if !allowed.contains(&into) {
                wrong.push(format!("{} uses {file}", modules[n].file));
                continue;
            }
            if let Some((_, _, only)) = ONLY.iter().find(|(f, i, _)| *f == from && *i == into)
                && !only.contains(&file)
            {
                wrong.push(format!("{} uses {file} (only {only:?})", modules[n].file));
            }
        }
    }
    assert!(wrong.is_empty(), "layers crossed:\n{}", wrong.join("\n"));
}

/// The assessment is pure: no files, no environment, no printing. The
/// renderers write only to the writer they are given.
#[test]
fn the_assessment_does_no_io_and_renderers_open_nothing() {
    let modules = library();
    for source in &modules {
        let forbidden: &[&str] = match layer(&source.file) {
            "assess" | "vocabulary" => &[
                "std::fs",
                "std::io",
                "std::env",
                "File::",
                "print!(",
                "println!(",
                "eprint",
            ],
            "render" => &[
                "std::fs",
                "std::env",
                "File::",
                "print!(",
                "println!(",
                "eprint",
            ],
            _ => continue,
        };
        for word in forbidden {
            assert!(
                !source.code.contains(word),
                "{} uses {word}: the {} layer does no I/O of its own",
                source.file,
                layer(&source.file)
            );
        }
    }
}

/// A layer does not hand on another's types as its own (`pub use
/// crate::plan::Rule` in the assessment would let a renderer see the plan).
#[test]
fn no_layer_re_exports_another() {
    for source in library() {
        let from = layer(&source.file);
        // Each `pub use` statement whole, to its `;` (one over several lines,
        // `pub use year::{…};`, hid the statement after it when only its
        // first line was kept).
        let mut public = String::new();
        let mut rest = source.code.as_str();
        while let Some(at) = rest.find("pub use ") {
            let line_start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
            let statement = &rest[at..];
            let end = statement.find(';').map_or(statement.len(), |i| i + 1);
            if rest[line_start..at].trim().is_empty() {
                public.push_str(&statement[..end]);
                public.push('\n');
            }
            rest = &statement[end..];
        }
        for statement in use_statements(&public) {
            for path in use_paths(&statement) {
                let Some(other) = path.strip_prefix("crate::") else {
                    continue;
                };
                let into = other.split("::").next().unwrap_or("");
                // The plan names the vocabulary it reads as its own.
                let vocabulary = from == "plan" && into == "vocabulary";
                assert!(
                    into == from || vocabulary,
                    "{} re-exports {path}: use it where it is defined",
                    source.file
                );
            }
        }
    }
}

#[test]
fn the_graph_finds_what_a_file_uses() {
    let modules = library();
    let edges = graph(&modules);
    let uses = |from: &str, to: &str| {
        let n = modules.iter().position(|m| m.file == from).unwrap();
        edges[n].iter().any(|&t| modules[t].file == to)
    };
    // `use super::place::Place;` in a sibling.
    assert!(uses("stats/header.rs", "stats/place.rs"));
    // A braced `use crate::assess::{…, regions::RegionsReport}`-style path.
    assert!(uses("render/markdown.rs", "assess/regions.rs"));
    // A path in the code, not in a `use`.
    assert!(uses("render/table.rs", "render/period_table.rs"));
    // Code after a `#[cfg(test)] mod tests;` declared near the top.
    assert!(uses("import/table/mod.rs", "stats/resolve.rs"));
    // A declared submodule named bare (`rows::` in `stats/mod.rs`).
    assert!(uses("stats/mod.rs", "stats/rows.rs"));
    assert_eq!(
        use_paths("a::{b, c::{d, e as f}}"),
        vec!["a::b", "a::c::d", "a::c::e"]
    );
    let edges = vec![vec![1], vec![2], vec![0]];
    assert_eq!(circle(&edges), Some(vec![0, 1, 2]));
    assert_eq!(circle(&[vec![1], vec![2], vec![]]), None);
}
