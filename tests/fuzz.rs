//! Robustness properties (proptest as a fuzzer): the spec parser, normalize, the outline parser,
//! lint and the phrasebank loader and lint never panic, on arbitrary text and on mutated real
//! inputs (the corpus speeches, the example specs and the phrasebank files), normalising never
//! writes more than twice what it was given; and every input a
//! fuzz run (`fuzz/` with libFuzzer, or the long run below; docs/fuzzing.md) ever failed on
//! replays cleanly.
//!
//! No property is timed (a wall-clock limit fails on a loaded machine and passes a slow
//! regression on a fast one): each input is bounded in size instead (at most a few hundred
//! characters, a few mutations of a real file), and linear time is measured in benches/.
//!
//! 256 cases per property by default so CI stays fast; run longer with e.g.
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz`. A failing case is shrunk and its seed
//! kept in tests/fuzz.proptest-regressions (commit it: it is replayed first on every run).

use proptest::prelude::*;
use wengao::corpus::normalize::normalize;
use wengao::corpus::outline;
use wengao::lint::{self, Options};

const THEMES: [&str; 26] = wengao::curate::REQUIRED_THEMES;

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
        let opts = wengao::curate::LintOptions { required_themes: Vec::new(), depth: false };
        let _ = wengao::curate::lint_sources(&dir, &sources, &opts);
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

/// Every regression input goes through its harness again (`wengao::fuzzing`, the code the
/// fuzzers run): `tests/fuzz-regressions/TARGET/NAME` holds each input a fuzz run ever failed on,
/// kept as found, and the hostile inputs of issues 7 and 16 that once hung, panicked or were
/// misreported (deep nesting, an alias bomb, UTF-16, control characters, many `1.` items, a
/// flattened line of 同志们，). A fixed failure stays fixed. docs/fuzzing.md has the runs.
#[test]
fn every_regression_input_replays_without_a_panic() {
    let dir = root().join("tests/fuzz-regressions");
    let mut replayed = 0;
    for t in std::fs::read_dir(&dir).expect("tests/fuzz-regressions") {
        let t = t.unwrap().path();
        if !t.is_dir() {
            continue;
        }
        let name = t.file_name().unwrap().to_string_lossy().to_string();
        let harness = wengao::fuzzing::harness(&name)
            .unwrap_or_else(|| panic!("tests/fuzz-regressions/{name}: no such fuzz target"));
        for f in std::fs::read_dir(&t).unwrap() {
            let bytes = std::fs::read(f.unwrap().path()).unwrap();
            harness(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no inputs under tests/fuzz-regressions");
}

/// The long run behind docs/fuzzing.md, over the harnesses the coverage-guided fuzzer uses
/// (`wengao::fuzzing`): real inputs (the example specs, the corpus speeches, the phrasebank
/// files) mutated, and arbitrary bytes, for `WENGAO_FUZZ_SECONDS` (the time is a budget, not an
/// assertion). A failing input is shrunk and written to `tests/fuzz-regressions/TARGET/`, where
/// [`every_regression_input_replays_without_a_panic`] replays it from then on.
///
/// ```text
/// WENGAO_FUZZ_SECONDS=1800 nice -n 19 cargo test --test fuzz -- --ignored --nocapture long_run
/// ```
#[test]
#[ignore = "a long fuzz run (docs/fuzzing.md)"]
fn long_run_over_every_harness() {
    use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};
    let budget = std::time::Duration::from_secs(
        std::env::var("WENGAO_FUZZ_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(60),
    );
    let seeds: Vec<(&str, Vec<String>)> = vec![
        ("spec", spec_texts()),
        ("normalize", corpus_texts()),
        ("outline_lint", corpus_texts()),
        (
            "phrasebank",
            phrasebank_files().into_iter().map(|(_, t)| t).collect(),
        ),
    ];
    let started = std::time::Instant::now();
    let mut runs = std::collections::BTreeMap::<&str, u64>::new();
    let mut crashes = Vec::new();
    let mut round: u64 = 0;
    while started.elapsed() < budget {
        round += 1;
        for (target, texts) in &seeds {
            let harness = wengao::fuzzing::harness(target).unwrap();
            let texts = texts.clone();
            let strategy = prop_oneof![
                3 => (any::<usize>(), proptest::collection::vec(mutation(), 1..8))
                    .prop_map(move |(i, m)| apply(&texts[i % texts.len()], &m).into_bytes()),
                1 => proptest::collection::vec(any::<u8>(), 0..2000),
            ];
            let seed: [u8; 32] = std::array::from_fn(|k| {
                (round
                    .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                    .rotate_left(k as u32 * 7)
                    >> 8) as u8
                    ^ k as u8
                    ^ target.len() as u8
            });
            let mut runner = TestRunner::new_with_rng(
                Config {
                    cases: 200,
                    failure_persistence: None,
                    ..Config::default()
                },
                TestRng::from_seed(RngAlgorithm::ChaCha, &seed),
            );
            let result = runner.run(&strategy, |input| {
                harness(&input);
                Ok(())
            });
            *runs.entry(target).or_default() += 200;
            if let Err(TestError::Fail(why, input)) = result {
                let dir = root().join("tests/fuzz-regressions").join(target);
                std::fs::create_dir_all(&dir).unwrap();
                let name = format!("proptest-{:016x}", crc(&input));
                std::fs::write(dir.join(&name), &input).unwrap();
                crashes.push(format!("{target}/{name}: {why}"));
            }
        }
    }
    eprintln!(
        "fuzzed {:?} for {:?}: {runs:?}; crashes: {crashes:#?}",
        seeds.iter().map(|s| s.0).collect::<Vec<_>>(),
        started.elapsed()
    );
    assert!(crashes.is_empty(), "{crashes:#?}");
}

/// A name for a crash input.
fn crc(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}
