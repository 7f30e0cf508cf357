//! A CSV file's read failures in the user's words: an encoding or a
//! workbook under another name, the disk, the CSV reader's own errors.

use crate::diagnostic::{Code, Diagnostic, Text};
use crate::stats::decode::{DecodeError, LineTooLong};

pub(super) fn decode_error(e: DecodeError, file: &str) -> Diagnostic {
    let (zh, en) = match e {
        DecodeError::Io(io) => (format!("读取失败：{io}"), format!("cannot read: {io}")),
        DecodeError::Workbook(kind @ ("xlsx" | "xls" | "ods")) => (
            format!(
                "这是工作簿（.{kind}），文件名却不是：请把扩展名改为 .{kind}，或在 Excel/WPS 中另存为“CSV UTF-8”"
            ),
            format!(
                "this is a workbook (.{kind}) under another name: rename it to .{kind}, or save it as \"CSV UTF-8\""
            ),
        ),
        DecodeError::Workbook(kind) => (
            format!(
                "这是 .{kind} 文件（文档或压缩包），不是统计数据表：请给出 CSV 文件或工作簿（规划文件中的表请用 plan-check import 读取）"
            ),
            format!(
                "this is a .{kind} file (a document or an archive), not a table of statistics: give a CSV file or a workbook (a plan document's table is read by plan-check import)"
            ),
        ),
        DecodeError::Binary => (
            "文件含有 NUL 字节，不是文本文件（CSV）".to_owned(),
            "the file holds NUL bytes: it is not a text (CSV) file".to_owned(),
        ),
    };
    Diagnostic::error(Code::S002, file, Text::new(zh, en))
}

/// A failed read: the line limit of [`super::decode`], or the system's error.
pub(super) fn read_error(e: &std::io::Error, file: &str) -> Diagnostic {
    if let Some(too_long) = e.get_ref().and_then(|e| e.downcast_ref::<LineTooLong>()) {
        return Diagnostic::error(
            Code::S002,
            file,
            Text::new(
                format!(
                    "这一行超过 {} 字节，不像是 CSV 文件",
                    crate::stats::decode::MAX_LINE
                ),
                format!(
                    "this line is longer than {} bytes: this does not look like CSV",
                    crate::stats::decode::MAX_LINE
                ),
            ),
        )
        .at_line(too_long.line);
    }
    Diagnostic::error(
        Code::S002,
        file,
        Text::new(format!("读取失败：{e}"), format!("cannot read: {e}")),
    )
}

/// An error of the CSV reader (reading from a block in memory, only a read error
/// is possible; the rest is kept for safety).
pub(super) fn csv_error(e: csv::Error, file: &str) -> Diagnostic {
    let line = e.position().map(|p| p.line());
    let d = match e.kind() {
        csv::ErrorKind::Io(io) => read_error(io, file),
        _ => Diagnostic::error(
            Code::S002,
            file,
            Text::new(format!("CSV 格式有误：{e}"), format!("malformed CSV: {e}")),
        ),
    };
    match line {
        Some(line) => d.at_line(line),
        None => d,
    }
}
