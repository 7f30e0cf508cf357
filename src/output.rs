//! Where a run's bytes go, without ever losing a file.
//!
//! - no path, or `-`: standard output (a closed pipe, `| head`, is not an error);
//! - a path that is one of the run's inputs (the same file by any name, hard
//!   links included: device and inode are compared): refused before anything is
//!   read or written, see [`refuse_inputs`];
//! - an existing file that is not a regular file (`/dev/null`, a FIFO, a
//!   terminal, a link to `/dev/stdout`): written through, as the shell's `>`
//!   does, never replaced by a regular file;
//! - a regular file, or a new one: written to a temporary file beside it, then
//!   renamed over it, so a failed or killed run leaves the old file untouched.
//!   A read-only file is refused as the shell refuses it. A link is followed: the
//!   file it points to is replaced, the link stays. The temporary file is removed
//!   on SIGINT, SIGTERM and SIGHUP, and its name never appears in a message.

use crate::diagnostic::{Code, Diagnostic, Text};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary file being written, for the signal handler to remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Removes the temporary output file when the run is interrupted or terminated,
/// then exits with 130 (as a shell reports an interrupted command). Called
/// once, at the start of the program; a second call does nothing.
pub fn remove_temporary_on_signal() {
    // An error means a handler is already set (tests call `run` many times).
    let _ = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING.lock()
            && let Some(path) = pending.as_ref()
        {
            let _ = std::fs::remove_file(path);
        }
        std::process::exit(130);
    });
}

/// Whether `path` means standard output.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path.is_none_or(|p| p == Path::new("-"))
}

/// Whether the output goes to a regular file (new or existing), rather than
/// standard output, a device or a pipe.
pub fn is_file(path: Option<&Path>) -> bool {
    match path.filter(|p| !is_stdout(Some(p))) {
        Some(path) => std::fs::metadata(path).map_or(true, |m| m.is_file()),
        None => false,
    }
}

/// Writes `bytes` to `path`, or with no path (or `-`) to standard output.
pub fn emit(bytes: &[u8], path: Option<&Path>) -> Result<(), Diagnostic> {
    let mut output = Output::open(path)?;
    output.write_all(bytes).map_err(|e| output.failed(&e))?;
    output.commit()
}

/// Where a run's output is being written, as it is rendered: standard output,
/// a file written through, or a temporary file renamed over the target by
/// [`Output::commit`]. Dropped without a commit, the temporary file is removed
/// and the target is untouched.
pub struct Output {
    to: To,
    /// The path the user gave, for messages.
    shown: String,
}

enum To {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    Through(std::io::BufWriter<std::fs::File>),
    Atomic {
        temp: std::io::BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
    },
}

impl Output {
    /// Opens the destination (see the module's documentation): nothing is
    /// replaced until [`Output::commit`].
    pub fn open(path: Option<&Path>) -> Result<Output, Diagnostic> {
        let Some(path) = path.filter(|p| !is_stdout(Some(p))) else {
            return Ok(Output {
                to: To::Stdout(std::io::BufWriter::with_capacity(
                    1 << 16,
                    std::io::stdout(),
                )),
                shown: "<stdout>".to_owned(),
            });
        };
        let shown = path.display().to_string();
        let refuse = |zh: &str, en: &str| Diagnostic::error(Code::U003, &shown, Text::new(zh, en));
        let to = match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(refuse(
                    "这是一个文件夹：请给出文件名",
                    "this is a folder: give a file name",
                ));
            }
            Ok(meta) if !meta.is_file() => {
                // A device, FIFO or terminal: opened and written as the shell's `>` does.
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| write_failed(path, &e))?;
                To::Through(std::io::BufWriter::with_capacity(1 << 16, file))
            }
            Ok(_) => {
                // The shell's `>` refuses a file the user may not write; so do we.
                // (Opening for writing without truncating changes nothing.)
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| write_failed(path, &e))?;
                // A link is followed: its target is replaced, the link stays.
                let target = std::fs::canonicalize(path).map_err(|e| write_failed(path, &e))?;
                atomic(target, path)?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if std::fs::symlink_metadata(path).is_ok() {
                    return Err(refuse(
                        "这是一个指向不存在文件的链接：请给出文件名",
                        "this is a link to a file that does not exist: give a file name",
                    ));
                }
                atomic(path.to_owned(), path)?
            }
            Err(e) => return Err(write_failed(path, &e)),
        };
        Ok(Output { to, shown })
    }

    /// The error of a failed write, naming the destination as the user gave it.
    pub fn failed(&self, e: &std::io::Error) -> Diagnostic {
        let (zh, en) = match self.to {
            To::Stdout(_) => ("无法写出结果", "cannot write the output"),
            _ => ("无法写入输出文件", "cannot write the output file"),
        };
        Diagnostic::error(Code::U003, &self.shown, Text::io(zh, en, e))
    }

    /// Finishes the output: flushes it and, for a regular file, renames the
    /// temporary file over the target. A closed pipe (`| head`) is not an error.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        if let Err(e) = self.flush() {
            return Err(self.failed(&e));
        }
        let Output { to, shown } = self;
        let To::Atomic { temp, target } = to else {
            return Ok(());
        };
        let result = temp
            .into_inner()
            .map_err(|e| std::io::Error::from(e.error().kind()))
            .and_then(|temp| finish(temp, &target));
        if let Ok(mut pending) = PENDING.lock() {
            *pending = None;
        }
        result.map_err(|e| {
            Diagnostic::error(
                Code::U003,
                shown,
                Text::io("无法写入输出文件", "cannot write the output file", &e),
            )
        })
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = match &mut self.to {
            To::Stdout(out) => out.write(buf),
            To::Through(out) => out.write(buf),
            To::Atomic { temp, .. } => temp.write(buf),
        };
        match result {
            // A reader that has gone (`| head`) has had all it wanted.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(buf.len()),
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = match &mut self.to {
            To::Stdout(out) => out.flush(),
            To::Through(out) => out.flush(),
            To::Atomic { temp, .. } => temp.flush(),
        };
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }
}

/// A temporary file beside `target`, registered for removal on a signal. Its
/// name never reaches a message: errors keep only their kind.
fn atomic(target: PathBuf, shown: &Path) -> Result<To, Diagnostic> {
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".plan-check-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| {
            let d = write_failed(shown, &std::io::Error::from(e.kind()));
            // The file does not exist yet, so "not found" is its folder's.
            if e.kind() == std::io::ErrorKind::NotFound && !dir.is_dir() {
                let folder = shown
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(&dir)
                    .display();
                return Diagnostic::error(
                    Code::U003,
                    shown.display().to_string(),
                    Text::new(
                        format!("无法写入输出文件：文件夹 {folder} 不存在"),
                        format!("cannot write the output file: the folder {folder} does not exist"),
                    ),
                )
                .with_hint(Text::new(
                    "请先建立这个文件夹，或换一个已有的文件夹",
                    "create the folder first, or write into one that exists",
                ));
            }
            d
        })?;
    if let Ok(mut pending) = PENDING.lock() {
        *pending = Some(temp.path().to_owned());
    }
    Ok(To::Atomic {
        temp: std::io::BufWriter::with_capacity(1 << 16, temp),
        target,
    })
}

/// Refuses an output path that is one of the run's inputs. Paths that do not
/// exist (yet) cannot be the same file; `-` is standard input or output.
pub fn refuse_inputs<'a>(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), Diagnostic> {
    let Some(output) = output.filter(|p| !is_stdout(Some(p))) else {
        return Ok(());
    };
    let Ok(out) = std::fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs {
        if input == Path::new("-") {
            continue;
        }
        if let Ok(meta) = std::fs::metadata(input)
            && same_file(&out, &meta)
        {
            let shown = input.display();
            return Err(Diagnostic::error(
                Code::U004,
                output.display().to_string(),
                Text::new(
                    format!("输出文件就是本次运行的输入 {shown}：不会覆盖它，什么也没有写"),
                    format!(
                        "the output file is an input of this run, {shown}: it is not overwritten, nothing was written"
                    ),
                ),
            )
            .with_hint(Text::new(
                "请用 --output 另给一个文件名",
                "give --output another file name",
            )));
        }
    }
    Ok(())
}

/// What a command that never replaces a file without `--force` writes.
#[derive(Debug, Clone, Copy)]
pub enum Written {
    /// `template`: a blank statistics file.
    Template,
    /// `import`: a plan file drafted from the published plan.
    Draft,
    /// `extract`: a statistics file of a bulletin's figures.
    Extracted,
    /// `import --check`, `extract --check`: a comparison with the document.
    Comparison,
}

/// Refuses to replace an existing regular file (`template`, `import` and
/// `extract` `--output` without `--force`: a blank template, a draft or a
/// bulletin's figures must not replace a file someone filled in).
pub fn refuse_existing(path: Option<&Path>, written: Written) -> Result<(), Diagnostic> {
    let Some(path) = path.filter(|p| !is_stdout(Some(p))) else {
        return Ok(());
    };
    let (zh, en) = match written {
        Written::Template => ("空白模板", "a blank template does not replace it"),
        Written::Draft => ("起草的规划", "a drafted plan does not replace it"),
        Written::Extracted => (
            "从公报取得的数",
            "the figures taken from the bulletin do not replace it",
        ),
        Written::Comparison => ("核对结果", "a comparison does not replace it"),
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Err(Diagnostic::error(
            Code::U004,
            path.display().to_string(),
            Text::new(
                format!("文件已存在：{zh}不会覆盖它，什么也没有写"),
                format!("the file exists: {en}, nothing was written"),
            ),
        )
        .with_hint(Text::new(
            "确要替换请加 --force，或另给一个文件名",
            "add --force to replace it, or give another file name",
        ))),
        _ => Ok(()),
    }
}

#[cfg(unix)]
pub(crate) fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
pub(crate) fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}
fn write_failed(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::U003,
        path.display().to_string(),
        Text::io("无法写入输出文件", "cannot write the output file", e),
    )
}

/// Gives the written temporary file the target's permissions, syncs it and
/// renames it over the target.
fn finish(temp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    // A temporary file is private (0600); the report should read like any file
    // the user writes: keep the old file's permissions, else the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        temp.as_file().set_permissions(permissions)?;
    }
    temp.as_file().sync_all()?;
    // The error of a failed rename carries the temporary file's name: keep only
    // its kind. (Dropping the temporary file removes it.)
    temp.persist(path)
        .map_err(|e| std::io::Error::from(e.error.kind()))?;
    Ok(())
}
