//! Robustness properties (proptest as a fuzzer): the spec parser, normalize, the outline parser,
//! lint and the phrasebank loader and lint never panic, and what they return stays in proportion
//! to what they were given, on arbitrary text and on mutated real inputs (the corpus speeches, the
//! example specs and the phrasebank files).
//!
//! Nothing here is timed: a wall-clock limit fails on a busy machine and passes a slow algorithm
//! on a fast one. A hang shows up as a stuck test (CI's job timeout); speed is measured in
//! benches/ and docs/performance.md.
//!
//! 256 cases per property by default so CI stays fast; run longer with e.g.
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz`. A failing case is shrunk and its seed
//! kept in tests/fuzz.proptest-regressions (commit it: it is replayed first on every run).

use proptest::prelude::*;
use wengao::corpus::normalize::normalize;
use wengao::corpus::outline;
use wengao::lint::{self, Options};

const THEMES: [&str; 26] = wengao::pbtools::REQUIRED_THEMES;

fn config() -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = 256;
    }
    c
}

/// The most characters normalising may write for `n` given: it joins, splits and drops, and adds
/// at most a line break or a heading mark here and there, never text of its own.
fn normalized_bound(n: usize) -> usize {
    2 * n + 16
}

fn themes() -> Vec<String> {
    THEMES.iter().map(|s| s.to_string()).collect()
}

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real inputs to mutate: corpus speeches (cut into windows of lines) and example specs.
fn corpus_texts() -> Vec<String> {
    let dir =
        wengao::corpus::default_corpus_dir().unwrap_or_else(|| root().join("../shared/corpus"));
    let mut out = Vec::new();
    for f in wengao::corpus::txt_files(&dir).unwrap_or_default() {
        let bytes = std::fs::read(f).unwrap();
        let (t, _) = wengao::io::decode_lenient(&bytes);
        let lines: Vec<&str> = t.lines().collect();
        for chunk in lines.chunks(12) {
            out.push(chunk.join("\n"));
        }
    }
    assert!(!out.is_empty(), "no corpus to mutate");
    out
}

fn spec_texts() -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root().join("examples")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "yaml") {
            out.push(std::fs::read_to_string(p).unwrap());
        }
    }
    out
}

/// The shipped phrasebank files: (path, text), sorted.
fn phrasebank_files() -> Vec<(std::path::PathBuf, String)> {
    fn walk(d: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                let t = std::fs::read_to_string(&p).unwrap();
                out.push((p, t));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("phrasebank"), &mut out);
    out.sort();
    out
}

/// Characters the genre is made of, plus YAML and template syntax, to mutate with.
const ALPHABET: &str = "一二三四五六七八九十、（）()，。：:；！？“”\"'‘’…—-*#&!|>{}[]%\n\t 　0123456789Xx要是第同志们讲话县政府发展开展";

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize, usize),
    SwapLines(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let alpha: Vec<char> = ALPHABET.chars().collect();
    let snippet = proptest::collection::vec(proptest::sample::select(alpha), 1..12)
        .prop_map(|v| v.into_iter().collect::<String>());
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), snippet).prop_map(|(a, s)| Mutation::Insert(a, s)),
        (any::<usize>(), 1..80usize, any::<usize>())
            .prop_map(|(a, n, b)| Mutation::Duplicate(a, n, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, muts: &[Mutation]) -> String {
    let mut cs: Vec<char> = text.chars().collect();
    for m in muts {
        let n = cs.len().max(1);
        match m {
            Mutation::Delete(a, k) => {
                let a = a % n;
                let end = (a + k).min(cs.len());
                if a < end {
                    cs.drain(a..end);
                }
            }
            Mutation::Insert(a, s) => {
                let a = a % (cs.len() + 1);
                cs.splice(a..a, s.chars());
            }
            Mutation::Duplicate(a, k, b) => {
                let a = a % n;
                let end = (a + k).min(cs.len());
                let piece: Vec<char> = cs.get(a..end).unwrap_or_default().to_vec();
                let b = b % (cs.len() + 1);
                cs.splice(b..b, piece);
            }
            Mutation::SwapLines(a, b) => {
                let s: String = cs.iter().collect();
                let mut lines: Vec<&str> = s.split('\n').collect();
                let l = lines.len();
                lines.swap(a % l, b % l);
                cs = lines.join("\n").chars().collect();
            }
            Mutation::Truncate(a) => {
                cs.truncate(a % n);
            }
        }
    }
    cs.into_iter().collect()
}

/// Run all four on one text (each must not panic; normalising must not blow the text up).
fn all_four(text: &str) {
    let _ = wengao::spec::parse(text, "fuzz.yaml", &themes());
    let n = normalize(text);
    let (given, written) = (text.chars().count(), n.text.chars().count());
    assert!(
        written <= normalized_bound(given),
        "normalize wrote {written} characters for {given}"
    );
    let sp = outline::parse(text);
    let _ = lint::lint(
        text,
        &sp,
        &Options {
            spec: None,
            corpus: None,
            year: None,
            topics: None,
        },
    );
    let sp2 = outline::parse(&n.text);
    let _ = lint::lint(
        &n.text,
        &sp2,
        &Options {
            spec: None,
            corpus: None,
            year: None,
            topics: None,
        },
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text(s in any::<String>()) {
        all_four(&s);
    }

    #[test]
    fn genre_alphabet_text(s in proptest::collection::vec(
        proptest::sample::select(ALPHABET.chars().collect::<Vec<char>>()), 0..400)
        .prop_map(|v| v.into_iter().collect::<String>())) {
        all_four(&s);
    }

    #[test]
    fn mutated_corpus(i in any::<usize>(), muts in proptest::collection::vec(mutation(), 1..8)) {
        let texts = corpus_texts();
        let text = apply(&texts[i % texts.len()], &muts);
        let n = normalize(&text);
        let (given, written) = (text.chars().count(), n.text.chars().count());
        prop_assert!(written <= normalized_bound(given), "normalize wrote {} characters for {}", written, given);
        let sp = outline::parse(&n.text);
        let _ = lint::lint(&n.text, &sp, &Options { spec: None, corpus: None, year: None, topics: None });
        let raw = outline::parse(&text);
        let _ = lint::lint(&text, &raw, &Options { spec: None, corpus: None, year: None, topics: None });
    }

    #[test]
    fn mutated_phrasebank_files(i in any::<usize>(), muts in proptest::collection::vec(mutation(), 1..8)) {
        let files = phrasebank_files();
        let (path, text) = &files[i % files.len()];
        let text = apply(text, &muts);
        let dir = root().join("phrasebank");
        let sources = vec![(path.clone(), text)];
        // The strict loader and the lenient lint: an error or findings, never a panic.
        if let Err(e) = wengao::phrasebank::Phrasebank::from_sources(&dir, &sources) {
            let msg = e.to_string();
            prop_assert!(msg.starts_with("error"), "{msg}");
        }
        let opts = wengao::pbtools::LintOptions { required_themes: Vec::new(), depth: false };
        let _ = wengao::pbtools::lint_sources(&dir, &sources, &opts);
    }

    #[test]
    fn mutated_specs(i in any::<usize>(), muts in proptest::collection::vec(mutation(), 1..8)) {
        let specs = spec_texts();
        let text = apply(&specs[i % specs.len()], &muts);
        match wengao::spec::parse(&text, "fuzz.yaml", &themes()) {
            Ok(_) => {}
            Err(e) => {
                // Every error is a message with a place and something to do.
                let msg = e.to_string();
                prop_assert!(msg.starts_with("error: "), "{msg}");
                prop_assert!(msg.contains("fuzz.yaml"), "{msg}");
            }
        }
    }
}
