//! Where a run's text goes: standard output, or a file written atomically so a
//! failed or killed run never leaves half a report behind.

use crate::diagnostic::{Diagnostic, Text};
use std::io::Write;
use std::path::Path;

/// Writes `text` to `path` (atomically: a temporary file beside it, then a
/// rename) or, with no path, to standard output. A closed pipe (`| head`) is not
/// an error.
pub fn emit(bytes: &[u8], path: Option<&Path>) -> Result<(), Diagnostic> {
    match path {
        Some(path) => write_atomic(path, bytes),
        None => write_stdout(bytes),
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), Diagnostic> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Diagnostic::error(
            "U003",
            "<stdout>",
            Text::new(
                format!("无法写出结果：{e}"),
                format!("cannot write the output: {e}"),
            ),
        )),
    }
}

/// The temporary file lives in the target's directory, so the final rename never
/// crosses a file system; until the rename, the target is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let shown = path.display().to_string();
    let fail = |e: std::io::Error| {
        Diagnostic::error(
            "U003",
            &shown,
            Text::new(
                format!("无法写入输出文件：{e}"),
                format!("cannot write the output file: {e}"),
            ),
        )
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".plan-check-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    // A temporary file is private (0600); the report should read like any file
    // the user writes: keep the old file's permissions, else the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        temp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
