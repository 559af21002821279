//! The corpus pipeline: normalise raw speech text ([`normalize`]) and parse clean text into the
//! document model ([`outline`]). Mining lives in `crate::mine`.

pub mod despin;
pub mod normalize;
pub mod outline;

use std::path::{Path, PathBuf};

/// True for a CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// True for full-width Chinese punctuation.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '…'
            | '—'
    )
}

/// The digit of a Chinese numeral character 一…十 (1–10).
pub fn cn_digit(c: char) -> Option<u32> {
    "一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32 + 1)
}

/// The corpus directory: `WENGAO_CORPUS`, else `<crate>/../shared/corpus` when it exists.
pub fn default_corpus_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("WENGAO_CORPUS") {
        let p = PathBuf::from(d);
        if p.is_dir() {
            return Some(p);
        }
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    p.is_dir().then_some(p)
}

/// The `*.txt` files of a directory, sorted.
pub fn txt_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_file() && p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// The short source name of a corpus file: the stem up to the first `_` (`000_3c3b…` → `000`).
pub fn source_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    stem.split('_').next().unwrap_or(&stem).to_string()
}
