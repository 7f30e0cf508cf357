// Any bytes as a published plan, in each format `import` reads from text
// (text from a PDF, Markdown, HTML, a Word document's XML): blocks, then the
// indicator tables and a draft that is either a plan or a located error;
// never a panic. Seeds include span and merge bombs (`span-bomb.html`,
// `vmerge-bomb.xml`), which must be refused within the readers' limits.
//
// Shared by the fuzz target `fuzz/fuzz_targets/import_reader.rs` and by
// `tests/fuzz_seeds.rs`, which runs it on every seed in `fuzz/corpus/import_reader/`
// (so `cargo test` compiles it and replays the seeds).

use plan_check::import::{Document, docx, draft, html, markdown, table, text};

pub fn check(data: &[u8]) {
    let text_input = String::from_utf8_lossy(data);
    let mut documents = vec![text::read(&text_input), markdown::read(&text_input)];
    // A page past a limit is refused (I001), never read.
    if let Ok(blocks) = html::read(&text_input) {
        documents.push(blocks);
    }
    if let Ok(blocks) = docx::parse(data) {
        documents.push(blocks);
    }
    for blocks in documents {
        let doc = Document {
            file: "fuzz".into(),
            blocks,
        };
        let meta = table::meta(&doc);
        for t in table::find(&doc) {
            let drafted = draft::draft(&meta, &t, "fuzz");
            let _ = plan_check::plan::parse_plan(&drafted.toml, "draft.toml");
        }
    }
}
