//! Build script: the shipped data is checked and compiled into the binary, so `wengao` needs no
//! file of the checkout at run time.
//!
//! - **The lexicon** (`lexicon/*.yaml`) is checked for YAML syntax and converted to JSON in
//!   `OUT_DIR`, which the binary embeds and reads with serde_json (a YAML parse of the lexicon took
//!   ~10 ms of every `wengao draft`). Its structure is validated by the same types below, when the
//!   phrasebank is read with it, and by `lexicon::tests::embedded_lexicon_parses`.
//! - **The phrasebank** (`phrasebank/`) is read by the library's own strict reader, compiled into
//!   this script from `src/` (`#[path]` modules: the model, the reader and the compact form, with
//!   the error, spec, topic and lexicon types they use). A phrasebank that does not load fails the
//!   build with the located message `wengao` would print (`error: … --> file:line:col`). The
//!   loaded phrasebank is written in the compact form (`phrasebank.bin`) that the binary decodes
//!   without parsing YAML.
//! - **The shipped files as written** (every file under `phrasebank/` and `templates/`) are listed
//!   in `shipped.rs` for `include_str!`: the templates load from it, and `wengao phrasebank export`
//!   writes them out.
//!
//! The modules compiled here must use only crates that are build-dependencies too.

#![allow(dead_code, unused_imports, unused_macros)]

use std::path::{Path, PathBuf};

/// The library reads files the build script made; compiled here, before they exist, it gets an
/// empty text (see `lexicon::Lexicon::embedded`).
macro_rules! built_str {
    ($name:literal) => {
        ""
    };
}

#[path = "src/error.rs"]
mod error;
#[path = "src/lexicon/mod.rs"]
mod lexicon;
#[path = "src/numerals.rs"]
mod numerals;
#[path = "src/spec/mod.rs"]
mod spec;
#[path = "src/text/search.rs"]
mod text_search;
/// Of `src/text/`, the display width the spec writer uses (not the decoder) and the in-place
/// search the topic map's resolution uses.
#[path = "src/text/width.rs"]
mod text_width;
mod text {
    pub use super::text_search::contains;
    pub use super::text_width::width;
}
#[path = "src/topic.rs"]
mod topic;
#[path = "src/yamlpos.rs"]
mod yamlpos;

/// The parts of `src/phrasebank/` that load and encode a phrasebank.
mod phrasebank {
    #[path = "../src/phrasebank/compact.rs"]
    pub mod compact;
    #[path = "../src/phrasebank/model.rs"]
    mod model;
    #[path = "../src/phrasebank/read.rs"]
    pub mod read;
    pub use model::*;
}

pub use error::{Diagnostic, Error, Result};

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for dir in ["lexicon", "phrasebank", "templates"] {
        println!("cargo::rerun-if-changed={dir}");
    }
    lexicon_json(&out);
    let pb = phrasebank_compact(&out);
    shipped(&out, &["phrasebank", "templates"]);
    let _ = pb;
}

/// Fail the build with a message as `wengao` prints it.
fn fail(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(1);
}

fn lexicon_json(out: &Path) {
    for name in ["era", "calendar", "expressions"] {
        let src = Path::new("lexicon").join(format!("{name}.yaml"));
        let text = std::fs::read_to_string(&src)
            .unwrap_or_else(|e| fail(&format!("error: cannot read {}: {e}", src.display())));
        let value: serde_yaml::Value = serde_yaml::from_str(&text)
            .unwrap_or_else(|e| fail(&format!("error: {}: {e}", src.display())));
        let json = serde_json::to_string(&value).unwrap_or_else(|e| {
            fail(&format!(
                "error: {}: not representable as JSON: {e}",
                src.display()
            ))
        });
        std::fs::write(out.join(format!("{name}.json")), json)
            .unwrap_or_else(|e| fail(&format!("error: cannot write {name}.json: {e}")));
    }
    if let Err(e) = lexicon::Lexicon::parse(
        lexicon::ERA_YAML,
        lexicon::CALENDAR_YAML,
        lexicon::EXPRESSIONS_YAML,
    ) {
        fail(&format!("error: {e}"));
    }
}

/// Load `phrasebank/` strictly and write its compact form.
fn phrasebank_compact(out: &Path) -> phrasebank::Phrasebank {
    let dir = Path::new("phrasebank");
    let mut files = Vec::new();
    if let Err(e) = phrasebank::read::collect_yaml(dir, &mut files) {
        fail(&e.to_string());
    }
    files.sort();
    let sources: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f)
                .unwrap_or_else(|e| fail(&format!("error: cannot read {}: {e}", f.display())));
            (f, text)
        })
        .collect();
    let pb = phrasebank::Phrasebank::from_sources(dir, &sources).unwrap_or_else(|e| {
        fail(&format!(
            "{e}\n\nerror: the shipped phrasebank does not load; fix it (wengao phrasebank lint --phrasebank phrasebank)"
        ))
    });
    std::fs::write(out.join("phrasebank.bin"), phrasebank::compact::encode(&pb))
        .unwrap_or_else(|e| fail(&format!("error: cannot write phrasebank.bin: {e}")));
    topic_indexes(out, &pb.topic_map);
    pb
}

/// `topic_indexes.rs`: the topic map's two pair indexes as arrays, which the binary uses in
/// place (`phrasebank::embedded`).
fn topic_indexes(out: &Path, map: &topic::TopicMap) {
    use std::fmt::Write;
    let (first_pair, pair_topics) = map.indexes();
    let mut rs = String::with_capacity(32 * (first_pair.len() + pair_topics.len()));
    let _ = writeln!(
        rs,
        "pub static FIRST_PAIR: [(u64, u32, u32); {}] = [",
        first_pair.len()
    );
    for (p, t, k) in first_pair {
        let _ = writeln!(rs, "({p},{t},{k}),");
    }
    rs.push_str("];\n");
    let _ = writeln!(
        rs,
        "pub static PAIR_TOPICS: [(u64, u32); {}] = [",
        pair_topics.len()
    );
    for (p, t) in pair_topics {
        let _ = writeln!(rs, "({p},{t}),");
    }
    rs.push_str("];\n");
    std::fs::write(out.join("topic_indexes.rs"), rs)
        .unwrap_or_else(|e| fail(&format!("error: cannot write topic_indexes.rs: {e}")));
}

/// `shipped.rs`: `&[(relative path, text)]` of every file under `dirs`, sorted.
fn shipped(out: &Path, dirs: &[&str]) {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let rd = std::fs::read_dir(dir)
            .unwrap_or_else(|e| fail(&format!("error: cannot read {}: {e}", dir.display())));
        for ent in rd.flatten() {
            let p = ent.path();
            if ent.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut files = Vec::new();
    for d in dirs {
        walk(Path::new(d), &mut files);
    }
    files.sort();
    let mut rs = String::from("&[\n");
    for f in &files {
        let rel = f.to_string_lossy().replace('\\', "/");
        let abs = root.join(f);
        if std::fs::read_to_string(&abs).is_err() {
            fail(&format!("error: {} is not UTF-8 text", f.display()));
        }
        rs.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            abs.to_string_lossy()
        ));
    }
    rs.push(']');
    std::fs::write(out.join("shipped.rs"), rs)
        .unwrap_or_else(|e| fail(&format!("error: cannot write shipped.rs: {e}")));
}
