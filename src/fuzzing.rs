//! The fuzz harnesses, shared by the coverage-guided fuzzer (`fuzz/`, cargo-fuzz with libFuzzer)
//! and the test that replays every input it ever crashed on (`tests/fuzz.rs`, inputs under
//! `tests/fuzz-regressions/`), so a crash found by one is replayed by the other through the same code.
//!
//! Each harness takes arbitrary bytes, reads them as the command would (decoding included) and
//! panics only when an invariant is broken: a panic inside wengao, or an error that is not a
//! located `error:` message. docs/fuzzing.md says how to run them and how long they ran.

use std::path::{Path, PathBuf};

use crate::corpus::{normalize, outline};
use crate::lint::{self, Options};

/// The largest input a harness looks at (bigger inputs only slow the fuzzer; the size limits have
/// their own tests).
pub const MAX_LEN: usize = 64 * 1024;

fn no_options() -> Options<'static> {
    Options {
        spec: None,
        corpus: None,
        year: None,
        topics: None,
    }
}

/// A spec file: `draft`'s reading of it (UTF-8 check, size and nesting guards, YAML, validation).
pub fn spec(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let text = match crate::io::decode_strict("fuzz.yaml", data.to_vec()) {
        Ok(t) => t,
        Err(e) => {
            assert!(e.to_string().starts_with("error: "), "{e}");
            return;
        }
    };
    let themes: Vec<String> = crate::curate::REQUIRED_THEMES
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Err(e) = crate::spec::parse(&text, "fuzz.yaml", &themes) {
        let msg = e.to_string();
        assert!(msg.starts_with("error: "), "not an error message: {msg}");
        assert!(msg.contains("fuzz.yaml"), "the file is not named: {msg}");
    }
}

/// A raw corpus file: decoded as `normalize` does (UTF-8 or GBK), cleaned, then outlined and
/// linted.
pub fn normalize(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let Ok((text, _)) = crate::text::decode::decode("fuzz.txt", data) else {
        return;
    };
    let n = normalize::normalize(&text);
    let sp = outline::parse(&n.text);
    let _ = outline::outline_text(&sp);
    let _ = lint::lint(&n.text, &sp, &no_options());
}

/// A draft as `outline` and `lint` read it (UTF-8 or GBK, not normalised).
pub fn outline_lint(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let Ok((text, _)) = crate::text::decode::decode("fuzz.txt", data) else {
        return;
    };
    let sp = outline::parse(&text);
    let _ = outline::outline_text(&sp);
    let _ = outline::outline_json(&sp);
    let _ = lint::lint(&text, &sp, &no_options());
}

/// A phrasebank file: the strict loader (an error is a located `error:` message) and the lenient
/// `phrasebank lint`.
pub fn phrasebank(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = Path::new("phrasebank");
    let sources: Vec<(PathBuf, String)> = vec![(dir.join("themes/fuzz.yaml"), text.to_string())];
    if let Err(e) = crate::phrasebank::Phrasebank::from_sources(dir, &sources) {
        let msg = e.to_string();
        assert!(msg.starts_with("error"), "not an error message: {msg}");
    }
    let opts = crate::curate::LintOptions {
        required_themes: Vec::new(),
        depth: false,
    };
    let _ = crate::curate::lint_sources(dir, &sources, &opts);
}

/// The harness of a target name (`spec`, `normalize`, `outline_lint`, `phrasebank`).
pub fn harness(target: &str) -> Option<fn(&[u8])> {
    Some(match target {
        "spec" => spec,
        "normalize" => normalize,
        "outline_lint" => outline_lint,
        "phrasebank" => phrasebank,
        _ => return None,
    })
}
