//! The draft plan file: every cell as printed, the reading of each target
//! left to the grammar that checks it ([`crate::plan::read_target`]), and
//! every reading the text does not settle written down with a `# 待核对：`
//! comment saying what was assumed and why. The draft is loaded before it is
//! given out: what would not load is turned into a rule of kind `none`, said
//! so, never dropped. `header.rs` writes the `[plan]` section, `row.rs`
//! each `[[indicator]]`, `words.rs` reads what a row's words say.

mod cells;
mod header;
mod out;
mod row;
mod words;

use super::table::{IndicatorTable, Meta};
use std::fmt::Write as _;
pub use words::initials;
use words::{ids, starred_year};

/// A drafted plan file.
pub struct Draft {
    pub toml: String,
    /// What the reader must confirm, one line each (`在园幼儿数：…`).
    pub to_confirm: Vec<String>,
    /// For each row: whether its rule is settled by the printed text.
    pub settled: Vec<bool>,
}

/// Drafts the plan file of `table`, read from `source` (the document, as named).
///
/// A draft always loads: each row is written as the loader reads it, and
/// should the whole still not load (a reading that passes alone and not
/// with the plan's other checks: a bare `2027年60%` outside a share's
/// range), the row the loader names is written unjudged, with the loader's
/// words, and the draft made again.
pub fn draft(meta: &Meta, table: &IndicatorTable, source: &str) -> Draft {
    let ids = ids(&table.rows);
    let mut forced: Vec<(usize, String)> = Vec::new();
    loop {
        let drafted = draft_with(meta, table, source, &forced);
        let Err(refused) = crate::plan::parse_plan(&drafted.toml, "<draft>") else {
            return drafted;
        };
        let row = refused
            .indicator
            .as_deref()
            .and_then(|id| ids.iter().position(|i| i == id))
            .filter(|r| !forced.iter().any(|(f, _)| f == r));
        match row {
            Some(r) => forced.push((r, refused.message.zh.clone())),
            None => return drafted,
        }
    }
}

fn draft_with(
    meta: &Meta,
    table: &IndicatorTable,
    source: &str,
    forced: &[(usize, String)],
) -> Draft {
    let mut out = String::new();
    let mut to_confirm = Vec::new();
    let bare_rows = header::write(&mut out, &mut to_confirm, meta, table, source);
    let ids = ids(&table.rows);
    let cx = row::Context {
        table,
        ids: &ids,
        star_year: starred_year(&table.notes),
        bare_rows,
    };
    let mut settled = Vec::new();
    let mut category = None;
    for (i, r) in table.rows.iter().enumerate() {
        if category != Some(&r.category) {
            category = Some(&r.category);
            // A table with no category column has no heading to write.
            if !r.category.is_empty() {
                let _ = writeln!(out, "\n# ── {} ──", r.category);
            }
        }
        let mut w = out::Out {
            out: &mut out,
            to_confirm: &mut to_confirm,
            shown: row::shown(r),
        };
        let refused = forced.iter().find(|(f, _)| *f == i).map(|(_, why)| why);
        settled.push(row::write(&mut w, &cx, i, r, refused));
    }
    Draft {
        toml: out,
        to_confirm,
        settled,
    }
}

#[cfg(test)]
mod tests {
    use super::words::{ids, initials, starred_year};
    use crate::import::table::Row;

    #[test]
    fn ids_are_initials_and_unique() {
        assert_eq!(initials("在园幼儿数"), "zyyes");
        assert_eq!(
            initials("地级及以上城市细颗粒物（PM2.5）浓度"),
            "djjyscsxklwpm25nd"
        );
        let row = |category: &str, name: &str| Row {
            category: category.into(),
            name: name.into(),
            ..Row::default()
        };
        let rows = [
            row("义务教育", "在校学生数"),
            row("高中阶段教育", "在校学生数"),
            row("学前教育", "毛入园率"),
        ];
        assert_eq!(ids(&rows), ["ywjy_zxxss", "gzjdjy_zxxss", "mryl"]);
    }

    #[test]
    fn the_star_note_names_the_year() {
        assert_eq!(
            starred_year(&["②带*的为2024年数据。".to_owned()]),
            Some(2024)
        );
        assert_eq!(starred_year(&["①〔〕为5年累计数。".to_owned()]), None);
    }
}
