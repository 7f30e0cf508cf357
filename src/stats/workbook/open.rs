//! Why a workbook cannot be opened, in words a user reads: another file
//! renamed, an old format, a password, a damaged package.

use super::*;
use crate::diagnostic::Code;

pub(super) fn open_error(e: &calamine::Error, file: &str) -> Diagnostic {
    let text = e.to_string();
    let lower = text.to_lowercase();
    let (zh, en, hint) = if lower.contains("password") {
        (
            "工作簿有密码保护，无法读取".to_owned(),
            "the workbook is password-protected".to_owned(),
            Text::new(
                "请在 Excel/WPS 中取消密码后另存",
                "remove the password in Excel or WPS and save it again",
            ),
        )
    } else if lower.contains("zip") || lower.contains("cfb") || lower.contains("ole") {
        let (zh_what, en_what) = match head_of(file).as_deref().map(looks_like) {
            Some(Content::Text) => (
                "扩展名是工作簿，内容却是文本（像是 CSV）",
                "the name says workbook but the content is text (it looks like CSV)",
            ),
            Some(Content::Empty) => ("文件是空的", "the file is empty"),
            _ => (
                "文件不是有效的工作簿：可能已损坏、只下载了一部分，或是别的格式",
                "the file is not a valid workbook: it may be damaged, partly downloaded, or of another kind",
            ),
        };
        (
            zh_what.to_owned(),
            en_what.to_owned(),
            Text::new(
                "文本文件请把扩展名改为 .csv；否则请在 Excel/WPS 中打开并另存",
                "rename a text file to .csv; otherwise open the file in Excel or WPS and save it again",
            ),
        )
    } else {
        (
            "工作簿的内容无法读取".to_owned(),
            "the workbook's content cannot be read".to_owned(),
            Text::new(
                "请在 Excel/WPS 中打开并另存，或另存为 CSV",
                "open it in Excel or WPS and save it again, or save it as CSV",
            ),
        )
    };
    // The library's own words, for whoever debugs it: English, last.
    Diagnostic::error(
        Code::S012,
        file,
        Text::new(format!("{zh}（{text}）"), format!("{en} ({text})")),
    )
    .with_hint(hint)
}

pub(super) enum Content {
    Empty,
    Text,
    Binary,
}

/// The first bytes of a file.
pub(super) fn head_of(file: &str) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut head = Vec::new();
    std::fs::File::open(file)
        .ok()?
        .take(512)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

/// What a file that should be a workbook holds, by its first bytes.
pub(super) fn looks_like(bytes: &[u8]) -> Content {
    let head = &bytes[..bytes.len().min(512)];
    if head.is_empty() {
        Content::Empty
    } else if std::str::from_utf8(head).is_ok()
        || head.starts_with(b"\xEF\xBB\xBF")
        || !head.contains(&0) && !encoding_rs::GB18030.decode_without_bom_handling(head).1
    {
        Content::Text
    } else {
        Content::Binary
    }
}
