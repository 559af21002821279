//! Build script: the shipped data is checked and compiled into the binary, so `wengao` needs no
//! file of the checkout at run time.
//!
//! - **The lexicon** (`lexicon/*.yaml`) is read with the library's own reader (a broken file
//!   fails the build) and what it read is written out as Rust statics (`lexicon.rs`), which the
//!   binary includes in `lexicon::compiled` and uses in place: nothing of it is parsed at run time
//!   (first a YAML parse, ~10 ms of every `wengao draft`, then a JSON one, ~3 M instructions).
//!   `lexicon::tests::embedded_lexicon_parses` holds the statics to the files.
//! - **The phrasebank** (`phrasebank/`) is read by the library's own strict reader, compiled into
//!   this script from `src/` (`#[path]` modules: the model, the reader and the compact form, with
//!   the error, spec, topic and lexicon types they use). A phrasebank that does not load fails the
//!   build with the located message `wengao` would print (`error: … --> file:line:col`). The
//!   loaded phrasebank is written in the compact form (`phrasebank.bin`) that the binary decodes
//!   without parsing YAML.
//! - **The shipped files as written** (every file under `phrasebank/` and `templates/`) are listed
//!   in `shipped_paths.txt` and `shipped_texts.rs` for `include_str!`: the templates load from it, and `wengao phrasebank export`
//!   writes them out.
//!
//! The modules compiled here must use only crates that are build-dependencies too.

#![allow(dead_code, unused_imports, unused_macros)]

use std::path::{Path, PathBuf};

/// The lexicon compiled in: empty here, where it is being made (see `lexicon::embedded`).
macro_rules! built_lexicon {
    () => {
        pub static ERA: &[super::EraTerm] = &[];
        pub static EVENTS: &[super::calendar::Event] = &[];
        pub static YEARS: &[(i32, super::Text, super::Text)] = &[];
        pub static GUIDING: &[super::calendar::Guiding] = &[];
        pub static EXPRESSIONS: &[super::Expression] = &[];
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
    lexicon_rs(&out);
    let pb = phrasebank_compact(&out);
    shipped(&out, &["phrasebank", "templates"]);
    let _ = pb;
}

/// Fail the build with a message as `wengao` prints it.
fn fail(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(1);
}

/// Read the lexicon as the binary would (a broken file fails the build) and write what was read
/// as static data (`lexicon.rs`, included in `lexicon::compiled`).
fn lexicon_rs(out: &Path) {
    let lx = lexicon::Lexicon::parse(
        lexicon::ERA_YAML,
        lexicon::CALENDAR_YAML,
        lexicon::EXPRESSIONS_YAML,
    )
    .unwrap_or_else(|e| fail(&format!("error: {e}")));
    let rs = lexicon_statics::write(&lx);
    std::fs::write(out.join("lexicon.rs"), rs)
        .unwrap_or_else(|e| fail(&format!("error: cannot write lexicon.rs: {e}")));
}

/// Rust source for the lexicon's statics: every value written as the expression that makes it.
mod lexicon_statics {
    use super::lexicon::{Lexicon, Span, Text, YearMonth};
    use std::fmt::Write;

    /// The lists of texts, each written once as its own static (`L0`, `L1` …).
    struct Out {
        lists: String,
        n: usize,
    }

    impl Out {
        fn text(&self, t: &str) -> String {
            format!("Cow::Borrowed({t:?})")
        }
        fn opt_text(&self, t: &Option<Text>) -> String {
            match t {
                Some(t) => format!("Some({})", self.text(t)),
                None => "None".into(),
            }
        }
        fn texts(&mut self, ts: &[Text]) -> String {
            if ts.is_empty() {
                return "Cow::Borrowed(&NONE)".into();
            }
            let name = format!("L{}", self.n);
            self.n += 1;
            let items: Vec<String> = ts.iter().map(|t| self.text(t)).collect();
            let _ = writeln!(
                self.lists,
                "static {name}: [Text; {}] = [{}];",
                ts.len(),
                items.join(", ")
            );
            format!("Cow::Borrowed(&{name})")
        }
        fn month(m: Option<YearMonth>) -> String {
            match m {
                Some(m) => format!("Some(YearMonth {{ year: {}, month: {} }})", m.year, m.month),
                None => "None".into(),
            }
        }
        fn span(s: Span) -> String {
            format!(
                "Span {{ from: {}, until: {} }}",
                Self::month(s.from),
                Self::month(s.until)
            )
        }
        fn date(d: chrono::NaiveDate) -> String {
            use chrono::Datelike;
            format!("ymd({}, {}, {})", d.year(), d.month(), d.day())
        }
        fn opt<T: Copy>(v: Option<T>, f: impl Fn(T) -> String) -> String {
            v.map_or_else(|| "None".into(), |v| format!("Some({})", f(v)))
        }
    }

    pub fn write(lx: &Lexicon) -> String {
        let mut o = Out {
            lists: String::new(),
            n: 0,
        };
        let mut rs = String::from(
            "use std::borrow::Cow;\n\
             use super::calendar::{Event, EventKind, Guiding};\n\
             use super::{EraTerm, Expression, Span, Text, YearMonth, ymd};\n\
             static NONE: [Text; 0] = [];\n",
        );
        rs.push_str("pub static ERA: &[EraTerm] = &[\n");
        for t in lx.era.terms.iter() {
            let _ = writeln!(
                rs,
                "EraTerm {{ term: {}, span: {}, also: {}, exempt_before: {}, exempt_after: {}, note: {}, source: {} }},",
                o.text(&t.term),
                Out::span(t.span),
                o.texts(&t.also),
                o.texts(&t.exempt_before),
                o.texts(&t.exempt_after),
                o.text(&t.note),
                o.text(&t.source),
            );
        }
        rs.push_str("];\npub static EVENTS: &[Event] = &[\n");
        for e in lx.calendar.events.iter() {
            let _ = writeln!(
                rs,
                "Event {{ name: {}, kind: EventKind::{:?}, date: {}, end: {}, spirit: {}, session: {:?}, plenum: {:?}, cited: {}, note: {}, source: {}, future: {}, mentions: {}, topic: {}, work_year: {:?} }},",
                o.text(&e.name),
                e.kind,
                Out::date(e.date),
                Out::date(e.end),
                o.opt_text(&e.spirit),
                e.session,
                e.plenum,
                e.cited,
                o.text(&e.note),
                o.text(&e.source),
                e.future,
                o.texts(&e.mentions),
                o.opt_text(&e.topic),
                e.work_year,
            );
        }
        rs.push_str("];\npub static YEARS: &[(i32, Text, Text)] = &[\n");
        for (y, f, s) in lx.calendar.years.iter() {
            let _ = writeln!(rs, "({y}, {}, {}),", o.text(f), o.text(s));
        }
        rs.push_str("];\npub static GUIDING: &[Guiding] = &[\n");
        for g in lx.calendar.guiding.iter() {
            let _ = writeln!(
                rs,
                "Guiding {{ from: {}, until: {}, theory: {}, verb: {}, source: {} }},",
                Out::date(g.from),
                Out::opt(g.until, Out::date),
                o.text(&g.theory),
                o.text(&g.verb),
                o.text(&g.source),
            );
        }
        rs.push_str("];\npub static EXPRESSIONS: &[Expression] = &[\n");
        for e in lx.expressions.list.iter() {
            let _ = writeln!(
                rs,
                "Expression {{ wrong: {}, right: {}, exempt_before: {}, exempt_after: {}, applies_from: {}, category: {}, confidence: {}, note: {}, source: {} }},",
                o.text(&e.wrong),
                o.text(&e.right),
                o.texts(&e.exempt_before),
                o.texts(&e.exempt_after),
                Out::opt(e.applies_from, Out::date),
                o.text(&e.category),
                o.text(&e.confidence),
                o.text(&e.note),
                o.text(&e.source),
            );
        }
        rs.push_str("];\n");
        rs.push_str(&o.lists);
        rs
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

/// `shipped_paths.txt` (every file under `dirs`, sorted, one path a line) and `shipped_texts.rs`
/// (`&[text]` in that order): the paths are kept together, apart from the texts, so finding a
/// file reads one page, not a page beside each file's text (24 page faults a draft).
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
    let mut paths = String::new();
    for f in &files {
        let rel = f.to_string_lossy().replace('\\', "/");
        let abs = root.join(f);
        if std::fs::read_to_string(&abs).is_err() {
            fail(&format!("error: {} is not UTF-8 text", f.display()));
        }
        if rel.contains('\n') {
            fail(&format!(
                "error: {rel:?}: a shipped file's name has a line break"
            ));
        }
        paths.push_str(&rel);
        paths.push('\n');
        rs.push_str(&format!("    include_str!({:?}),\n", abs.to_string_lossy()));
    }
    rs.push(']');
    std::fs::write(out.join("shipped_texts.rs"), rs)
        .unwrap_or_else(|e| fail(&format!("error: cannot write shipped_texts.rs: {e}")));
    std::fs::write(out.join("shipped_paths.txt"), paths)
        .unwrap_or_else(|e| fail(&format!("error: cannot write shipped_paths.txt: {e}")));
}
