//! The corpus pipeline: normalise raw speech text ([`normalize`]) and parse clean text into the
//! document model ([`outline`]). Mining lives in `crate::mine`.

pub mod chrome;
pub mod despin;
pub mod normalize;
pub mod outline;

use std::path::{Path, PathBuf};

/// The fast map hasher for the corpus pipeline's maps (rustc-hash's Fx hash, a maintained crate):
/// their iteration order never reaches the output, and the keys are corpus text, not chosen by an
/// adversary who could force collisions.
pub type FastHash = rustc_hash::FxBuildHasher;

/// The endings of a speech's title: 在…上的讲话, …上讲话, …讲话稿, …发言稿, …发言, …致辞.
pub const TITLE_ENDS: [&str; 9] = [
    "讲话稿",
    "讲话提纲",
    "讲话",
    "发言稿",
    "发言提纲",
    "发言材料",
    "发言",
    "致辞",
    "讲稿",
];

/// A title with its trailing byline in brackets (`…讲话（2024年4月18日）`) split off: the title
/// and the byline, when there is one.
pub fn split_title_byline(s: &str) -> (&str, Option<&str>) {
    let t = s.trim();
    if let Some(stripped) = t.strip_suffix(['）', ')'])
        && let Some(open) = stripped.rfind(['（', '('])
    {
        let head = t[..open].trim_end();
        if TITLE_ENDS.iter().any(|e| head.ends_with(e)) {
            return (head, Some(&t[open..]));
        }
    }
    (t, None)
}

/// True for a line shaped like a speech's title: short, no full stop, ending in one of
/// [`TITLE_ENDS`] (a byline in brackets after it allowed).
pub fn title_form(s: &str) -> bool {
    let (t, _) = split_title_byline(s);
    !t.contains(['。', '！', '？'])
        && t.chars().count() <= 80
        && t.chars().count() >= 4
        && TITLE_ENDS.iter().any(|e| t.ends_with(e))
}

/// The byte length of a salutation at the start of `s` (`同志们：`, `各位领导、同志们：`,
/// `尊敬的…，同志们：`, with a full- or half-width colon), the colon included.
pub fn salutation_len(s: &str) -> Option<usize> {
    if !(s.starts_with("同志") || s.starts_with("各位") || s.starts_with("尊敬的")) {
        return None;
    }
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n > 24 || matches!(c, '。' | '！' | '？' | '；') {
            return None;
        }
        if c == '：' || c == ':' {
            let head = &s[..i];
            let named = ["同志", "各位", "领导", "朋友", "来宾"]
                .iter()
                .any(|w| head.contains(w));
            return named.then_some(i + c.len_utf8());
        }
    }
    None
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

/// The lines of a text, read one after another: a slice of lines, or a whole text read lazily
/// ([`TextLines`], which holds nothing per line — a `Vec<&str>` of a text's lines costs 16 bytes
/// a line, 16× a text of blank lines). `lint`'s rules take either.
pub trait LineSource {
    /// The lines in order (without their line ends).
    fn iter(&self) -> impl Iterator<Item = &str>;
}

impl LineSource for [&str] {
    fn iter(&self) -> impl Iterator<Item = &str> {
        <[&str]>::iter(self).copied()
    }
}

impl<const N: usize> LineSource for [&str; N] {
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.as_slice().iter().copied()
    }
}

impl LineSource for Vec<&str> {
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.as_slice().iter().copied()
    }
}

/// A whole text as its lines (`str::lines`), read lazily.
pub struct TextLines<'a>(pub &'a str);

impl LineSource for TextLines<'_> {
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.lines()
    }
}
