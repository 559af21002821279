//! The phrasebank: phrasing with slots, by theme, role and era.
//!
//! The files are YAML (`phrasebank/common.yaml`, `phrasebank/themes/*.yaml`, and mined
//! `phrasebank/candidates/*.yaml`); docs/phrasebank.md is the schema. The planner reads a loaded
//! [`Phrasebank`] through [`Phrasebank::pool`] and [`Phrasebank::topic_pool`]: the curated
//! entries of a role, theme or sub-topic, kind and month. Candidates (mined, not yet curated) and
//! retired entries are never drafted.
//!
//! One job a file:
//! - `model.rs` — the types (roles, years, entries as written and as loaded) and the look-ups;
//! - `read.rs` — the one YAML reader, strict (the first problem stops it: `draft`, the build
//!   script) or lenient (every problem collected at its file:line:column: the phrasebank tools);
//! - `compact.rs` — the compact binary form, read without parsing YAML;
//! - `cache.rs` — the load cache of a phrasebank folder (the compact form on disk, found by stamp);
//! - `embedded.rs` — the shipped phrasebank, loaded and checked by the build script and compiled
//!   into the binary in the compact form: drafting with it reads no file and no cache.
//!
//! The build script (`build.rs`) compiles `model.rs`, `read.rs` and `compact.rs` too.

mod cache;
mod compact;
pub mod embedded;
mod model;
mod read;

use std::path::Path;
#[cfg(test)]
use std::path::PathBuf;

pub use cache::take_cache_notes;
pub use model::*;
pub use read::{entry_lines, read, read_lenient, yaml_message};

use crate::error::{Diagnostic, Result};
#[cfg(test)]
use crate::lexicon::YearMonth;
#[cfg(test)]
use crate::spec::Kind;

impl Phrasebank {
    /// The phrasebank of a source: the embedded one, or a folder through the load cache in
    /// `cache_dir` (None: no cache).
    pub fn open(source: &crate::project::Source, cache_dir: Option<&Path>) -> Result<Phrasebank> {
        match source {
            crate::project::Source::Embedded => Phrasebank::embedded(),
            crate::project::Source::Dir(d) => Phrasebank::load_with_cache(d, cache_dir),
        }
    }

    /// [`Phrasebank::open`], keeping only what `select` keeps ([`Phrasebank::load_selected`]).
    pub fn open_selected(
        source: &crate::project::Source,
        cache_dir: Option<&Path>,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Selection,
    ) -> Result<Phrasebank> {
        match source {
            crate::project::Source::Embedded => Phrasebank::embedded_selected(select),
            crate::project::Source::Dir(d) => Phrasebank::load_selected(d, cache_dir, select),
        }
    }

    /// Load every `*.yaml` under `dir` (recursively, in sorted order), without a cache.
    pub fn load(dir: &Path) -> Result<Phrasebank> {
        Phrasebank::load_cached(dir, None, &mut |_, _| None)
    }

    /// [`Phrasebank::load`] through the load cache in `cache_dir` (None: no cache; see
    /// [`default_cache_dir`] for the user's).
    pub fn load_with_cache(dir: &Path, cache_dir: Option<&Path>) -> Result<Phrasebank> {
        Phrasebank::load_cached(dir, cache_dir, &mut |_, _| None)
    }

    /// Load only what `select` keeps: it is shown the themes first (a draft validates its spec
    /// against them) and says which entries a draft can use. Entries left out are never decoded
    /// from the cache: a draft needs a third of the phrasebank, and for a short process memory
    /// touched is time.
    pub fn load_selected(
        dir: &Path,
        cache_dir: Option<&Path>,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Selection,
    ) -> Result<Phrasebank> {
        Phrasebank::load_cached(dir, cache_dir, &mut |t, m| Some(select(t, m)))
    }

    /// [`Phrasebank::load`] with this cache directory (None: no cache).
    pub(crate) fn load_cached(
        dir: &Path,
        cache_dir: Option<&Path>,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
    ) -> Result<Phrasebank> {
        let mut files = Vec::new();
        read::collect_yaml(dir, &mut files)?;
        if files.is_empty() {
            return Err(Diagnostic::new(
                dir.display().to_string(),
                "no phrasebank files (*.yaml) here",
            )
            .help("name a folder of phrasebank files, or `wengao phrasebank export DIR` to get the shipped one")
            .into());
        }
        files.sort();
        // First the files' names, sizes and modification times: when they are what they were
        // when the cache was written, the files are not even read.
        let stamp = cache_dir.and_then(|c| cache::stamp(c, &files));
        if let Some(pb) = stamp
            .as_ref()
            .and_then(|s| cache::read_stamped(s, dir, &mut *select))
        {
            return Ok(pb);
        }
        let mut sources = Vec::new();
        for f in files {
            // Only regular files: a FIFO named *.yaml is refused, never waited on.
            let text = crate::io::read_file_text(&f)?;
            sources.push((f, text));
        }
        // A phrasebank that loaded cleanly before, byte for byte, is read back from the cache
        // (a compact binary file, many times faster than parsing the YAML). Errors are never cached: a broken phrasebank
        // is parsed and reported every time.
        let cache = cache_dir.map(|c| cache::path(c, &sources));
        let pb = match cache
            .as_deref()
            .and_then(|p| cache::read(p, dir, &mut *select))
        {
            Some(pb) => pb,
            None => {
                let mut pb = Phrasebank::from_sources(dir, &sources)?;
                if let Some(p) = &cache {
                    cache::write(p, &pb);
                }
                if let Some(chosen) = select(&pb.themes, &pb.topic_map) {
                    pb.phrases
                        .retain(|p| chosen.keeps(p.status, p.role, &p.themes, &p.topics));
                    pb.index();
                }
                pb
            }
        };
        if let (Some(s), Some(p)) = (&stamp, &cache) {
            cache::write_stamp(s, p);
        }
        Ok(pb)
    }
}

/// Every `*.yaml` under `dir` (recursively, sorted by path) with its text: what [`read`] reads.
/// Only regular files: a FIFO named *.yaml is refused, never waited on.
pub fn read_dir(dir: &Path) -> Result<Vec<(std::path::PathBuf, String)>> {
    let mut files = Vec::new();
    read::collect_yaml(dir, &mut files)?;
    files.sort();
    files
        .into_iter()
        .map(|f| crate::io::read_file_text(&f).map(|t| (f, t)))
        .collect()
}

/// The user's cache directory for phrasebank folders: `$WENGAO_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/wengao`, else `~/.cache/wengao`; None when `WENGAO_CACHE_DIR=off`.
pub fn default_cache_dir() -> Option<std::path::PathBuf> {
    cache::dir()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Phrasebank> {
        Phrasebank::from_sources(
            Path::new("pb"),
            &[(PathBuf::from("pb/t.yaml"), text.to_string())],
        )
    }

    /// The cache never hides an edit: fresh files are read and hashed; old files are found by
    /// their stamp, and an edit changes the stamp (size or time).
    #[test]
    fn the_cache_sees_every_edit() {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, cache_dir) = (tmp.path().join("pb"), tmp.path().join("cache"));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("t.yaml");
        let write = |text: &str, age_secs: u64| {
            std::fs::write(&file, text).unwrap();
            let when = std::time::SystemTime::now() - std::time::Duration::from_secs(age_secs);
            std::fs::File::options()
                .write(true)
                .open(&file)
                .unwrap()
                .set_modified(when)
                .unwrap();
        };
        let entry = |text: &str| {
            format!("theme: 示例\nentries:\n  - id: a\n    role: measure\n    text: {text}\n")
        };
        let text_of = |pb: &Phrasebank| pb.get("a").unwrap().text.clone();
        let stamps = || {
            std::fs::read_dir(&cache_dir)
                .map(|rd| {
                    rd.flatten()
                        .filter(|e| e.file_name().to_string_lossy().starts_with("stamp-"))
                        .count()
                })
                .unwrap_or(0)
        };

        // Just written: read and hashed, no stamp trusted or written.
        write(&entry("甲。"), 0);
        let pb = Phrasebank::load_cached(&dir, Some(&cache_dir), &mut |_, _| None).unwrap();
        assert_eq!(text_of(&pb), "甲。");
        assert_eq!(stamps(), 0);
        // Old enough: a stamp is written, and the next load goes by it.
        write(&entry("乙。"), 3600);
        assert_eq!(
            text_of(&Phrasebank::load_cached(&dir, Some(&cache_dir), &mut |_, _| None).unwrap()),
            "乙。"
        );
        assert_eq!(stamps(), 1);
        assert_eq!(
            text_of(&Phrasebank::load_cached(&dir, Some(&cache_dir), &mut |_, _| None).unwrap()),
            "乙。"
        );
        // The same size, another time: a new stamp, the new text.
        write(&entry("丙。"), 1800);
        assert_eq!(
            text_of(&Phrasebank::load_cached(&dir, Some(&cache_dir), &mut |_, _| None).unwrap()),
            "丙。"
        );
        assert_eq!(stamps(), 2);
        // A stamp pointing at a missing or damaged cache file is ignored.
        for e in std::fs::read_dir(&cache_dir).unwrap().flatten() {
            if e.file_name().to_string_lossy().starts_with("phrasebank-") {
                std::fs::write(e.path(), b"wgpb0001 damaged").unwrap();
            }
        }
        assert_eq!(
            text_of(&Phrasebank::load_cached(&dir, Some(&cache_dir), &mut |_, _| None).unwrap()),
            "丙。"
        );
        // An error is never cached.
        write("entries: [", 3600);
        assert!(Phrasebank::load_cached(&dir, Some(&cache_dir), &mut |_, _| None).is_err());
        assert!(Phrasebank::load_cached(&dir, Some(&cache_dir), &mut |_, _| None).is_err());
    }

    #[test]
    fn years_parse_and_contain() {
        let y = Years::parse("2021-2025").unwrap();
        assert!(y.contains(2021) && y.contains(2025) && !y.contains(2026));
        assert!(Years::parse("2026-").unwrap().contains(2030));
        assert!(!Years::parse("-2020").unwrap().contains(2021));
        assert!(Years::parse("2025-2021").is_none());
        assert!(Years::parse("abc").is_none());
        assert_eq!(Years::parse("2024").unwrap().to_string(), "2024");
    }

    #[test]
    fn loads_entries_with_lines_and_defaults() {
        let pb = load("# c\ntheme: 项目建设\ndescription: d\nentries:\n  - id: a.1\n    role: measure\n    text: 要加快{topic}建设。\n  - id: a.2\n    role: framing\n    text: x\n    years: 2021-2025\n").unwrap();
        assert_eq!(pb.phrases.len(), 2);
        assert_eq!(pb.phrases[0].line, 5);
        assert_eq!(pb.phrases[1].line, 8);
        assert_eq!(pb.phrases[0].themes, vec!["项目建设".to_string()]);
        assert_eq!(pb.phrases[0].slots(), vec!["topic"]);
        assert_eq!(
            pb.pool(
                Role::Framing,
                Some("项目建设"),
                Kind::Plenary,
                YearMonth::new(2020, 6)
            )
            .len(),
            0
        );
        assert_eq!(
            pb.pool(
                Role::Framing,
                Some("项目建设"),
                Kind::Plenary,
                YearMonth::new(2022, 6)
            )
            .len(),
            1
        );
    }

    #[test]
    fn bad_role_is_located() {
        let e = load("entries:\n  - id: a\n    role: mesure\n    text: x\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("t.yaml:2:1"), "{e}");
        assert!(e.contains("did you mean `measure`"), "{e}");
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let e = load(
            "entries:\n  - {id: a, role: measure, text: x}\n  - {id: a, role: measure, text: y}\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("duplicate id `a`"), "{e}");
    }

    /// A block list of `n` measures, with `bad(i)` replacing entry i's lines when it says so.
    fn entries(n: usize, bad: impl Fn(usize) -> Option<String>) -> String {
        let mut t = String::from("# c\ntheme: 项目建设\ndescription: d\nentries:\n");
        for i in 0..n {
            t.push_str(&bad(i).unwrap_or_else(|| {
                format!("  - id: a.{i}\n    role: measure\n    text: 要抓好第{i}项。\n")
            }));
        }
        t
    }

    fn sources(text: &str) -> Vec<(PathBuf, String)> {
        vec![(PathBuf::from("pb/t.yaml"), text.to_string())]
    }

    /// Strict: the first problem is the error, located, and nothing after it is reported.
    #[test]
    fn strict_stops_at_the_first_problem() {
        let text = entries(100, |i| match i {
            70 => Some("  - id: a.70\n    role: mesure\n    text: 要。\n".into()),
            80 => Some(
                "  - id: a.80\n    role: measure\n    text: 要。\n    years: 2025-2021\n".into(),
            ),
            _ => None,
        });
        let e = load(&text).unwrap_err().to_string();
        assert!(e.contains("unknown role `mesure`"), "{e}");
        assert!(e.contains("t.yaml:215:1"), "{e}");
        assert!(!e.contains("2025-2021"), "only the first problem: {e}");
    }

    /// Lenient: every problem at its file:line:column, and every other entry read, at its line,
    /// past a broken entry in the middle of a slice of the block list.
    #[test]
    fn lenient_reads_past_every_problem() {
        let text = entries(150, |i| match i {
            70 => Some("  - id: a.70\n    role: measure\n    text: 要。\n    colour: red\n".into()),
            80 => Some("  - id: a.80\n    role: mesure\n    text: 要。\n".into()),
            90 => Some("  - id: a.90\n    role: measure\n    text: \"要。\n".into()),
            _ => None,
        });
        let r = read_lenient(&sources(&text));
        let at: Vec<(&str, usize, usize)> = r
            .problems
            .iter()
            .map(|p| (p.rule, p.line, p.column))
            .collect();
        assert_eq!(at.len(), 3, "{:#?}", r.problems);
        assert_eq!(at[0], ("schema", 4 + 70 * 3 + 4, 5), "{:#?}", r.problems);
        assert_eq!(at[1], ("unknown-role", 5 + 80 * 3 + 1, 1));
        assert_eq!(at[2].0, "schema");
        assert_eq!(r.phrases.len(), 147);
        let lines = entry_lines(&text);
        for p in &r.phrases {
            let i: usize = p.id.strip_prefix("a.").unwrap().parse().unwrap();
            assert_eq!(p.line, lines[i], "{}", p.id);
            assert_eq!(p.text, format!("要抓好第{i}项。"));
        }
    }

    /// A flow list (read whole) and a block list (read a slice at a time) give the same entries.
    #[test]
    fn flow_and_block_lists_read_alike() {
        let block = entries(130, |_| None);
        let items: Vec<String> = (0..130)
            .map(|i| format!("{{id: a.{i}, role: measure, text: 要抓好第{i}项。}}"))
            .collect();
        let flow = format!(
            "theme: 项目建设\ndescription: d\nentries: [{}]\n",
            items.join(", ")
        );
        let (b, f) = (load(&block).unwrap(), load(&flow).unwrap());
        let key = |pb: &Phrasebank| -> Vec<(String, String, Vec<PhraseText>)> {
            pb.phrases
                .iter()
                .map(|p| (p.id.to_string(), p.text.to_string(), p.themes.clone()))
                .collect()
        };
        assert_eq!(key(&b), key(&f));
        assert_eq!(b.phrases.len(), 130);
    }

    /// The shipped phrasebank reads the same strictly and leniently, without a problem.
    #[test]
    fn strict_and_lenient_read_the_shipped_phrasebank_alike() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("phrasebank");
        let sources = read_dir(&dir).unwrap();
        let strict = Phrasebank::from_sources(&dir, &sources).unwrap();
        let lenient = read_lenient(&sources);
        assert!(lenient.problems.is_empty(), "{:#?}", lenient.problems);
        assert_eq!(strict.phrases.len(), lenient.phrases.len());
        assert!(strict.phrases == lenient.phrases);
        assert!(strict.themes == lenient.themes);
        assert!(strict.phrases.len() > 5_000);
    }
}
