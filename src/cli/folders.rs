//! The statistics files a folder given stands for: walked as ripgrep walks a
//! folder, what is not statistics passed over and named (a document, a
//! results file plan-check wrote there).

use crate::diagnostic::{Code, Diagnostic, Text};
use std::path::{Path, PathBuf};

/// The statistics files of the arguments: a folder stands for every file in it
/// and in its folders that the tool reads (`.csv` and workbooks), in path
/// order, as ripgrep walks a folder (links to folders not followed); `-` is
/// standard input. A subfolder is never passed over in silence (a city's
/// `2024/江津区.csv` was, with exit 0). An entry that cannot be read (a
/// dangling or looping link) is kept, to be reported with the other files
/// judged, never skipped; a folder named like a file is an error. Excel's
/// lock files (`~$…`) and hidden files and folders are not data.
/// Also the files of each folder given that are not read, by folder.
/// Each passed over with whether it is plan-check's own results file.
pub type PassedOver = Vec<(PathBuf, Vec<(PathBuf, bool)>)>;

pub fn expand_inputs(args: &[PathBuf]) -> Result<(Vec<PathBuf>, PassedOver), Diagnostic> {
    let mut paths = Vec::new();
    let mut passed_over = Vec::new();
    for arg in args {
        if arg == Path::new("-") || !arg.is_dir() {
            paths.push(arg.clone());
            continue;
        }
        let mut found = Vec::new();
        let mut skipped = Vec::new();
        walk(arg, 0, &mut found, &mut skipped)?;
        if !skipped.is_empty() {
            skipped.sort();
            passed_over.push((arg.clone(), skipped));
        }
        if found.is_empty() {
            return Err(Diagnostic::error(
                Code::S001,
                arg.display().to_string(),
                Text::new(
                    "文件夹中（包括其中的文件夹）没有统计数据文件（.csv 或工作簿）",
                    "the folder (and the folders in it) holds no statistics file (.csv or a workbook)",
                ),
            ));
        }
        found.sort();
        paths.extend(found);
    }
    Ok((paths, passed_over))
}

/// Whether `path` is a results file plan-check wrote: a CSV under its own
/// header, or a workbook of its 检查结果 and 汇总 sheets.
fn is_own_result(path: &Path) -> bool {
    use std::io::Read;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => {
            let mut head = [0u8; 128];
            let n = std::fs::File::open(path)
                .and_then(|mut f| f.read(&mut head))
                .unwrap_or(0);
            let head = head[..n]
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(&head[..n]);
            [
                &crate::render::csv::HEADER[..6],
                &crate::render::csv::PERIOD_HEADER[..6],
            ]
            .iter()
            .any(|h| head.starts_with(h.join(",").as_bytes()))
        }
        Some("xlsx") => {
            let Ok(file) = std::fs::File::open(path) else {
                return false;
            };
            let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
                return false;
            };
            let Ok(part) = zip.by_name("xl/workbook.xml") else {
                return false;
            };
            let mut xml = Vec::new();
            if part.take(1 << 20).read_to_end(&mut xml).is_err() {
                return false;
            }
            let has = |name: &str| {
                let needle = format!("name=\"{name}\"");
                xml.windows(needle.len()).any(|w| w == needle.as_bytes())
            };
            (has("检查结果") && has("汇总")) || (has("Results") && has("Summary"))
        }
        _ => false,
    }
}

/// How deep [`walk`] goes below a folder given.
const MAX_DEPTH: usize = 16;

/// The data files of `dir` and of its folders, into `found`.
fn walk(
    dir: &Path,
    depth: usize,
    found: &mut Vec<PathBuf>,
    skipped: &mut Vec<(PathBuf, bool)>,
) -> Result<(), Diagnostic> {
    let unreadable = |path: &Path, e: &std::io::Error| {
        Diagnostic::error(
            Code::S001,
            path.display().to_string(),
            Text::io("无法读取", "cannot read", e),
        )
    };
    let entries = std::fs::read_dir(dir).map_err(|e| unreadable(dir, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| unreadable(dir, &e))?;
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        // A folder itself, not a link to one: walked.
        if entry.file_type().is_ok_and(|t| t.is_dir()) && !crate::stats::is_input(&path) {
            if depth < MAX_DEPTH {
                walk(&path, depth + 1, found, skipped)?;
            }
            continue;
        }
        // A results file plan-check wrote into the folder (`-o data/结果.csv`):
        // not the statistics; read, it stopped the next run (S003).
        if !crate::stats::is_input(&path) {
            skipped.push((path, false));
            continue;
        }
        if is_own_result(&path) {
            skipped.push((path, true));
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                return Err(Diagnostic::error(
                    Code::S001,
                    path.display().to_string(),
                    Text::new(
                        "这是一个文件夹，不是数据文件",
                        "this is a folder, not a data file",
                    ),
                ));
            }
            // A dangling or looping link: read with the others, and
            // reported as a file that cannot be read.
            Ok(_) | Err(_) => found.push(path),
        }
    }
    Ok(())
}
