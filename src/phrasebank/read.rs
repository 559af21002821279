//! Reading the phrasebank's YAML strictly: every file parsed (on two threads when there is much
//! of it), every entry checked — an unknown key, role, kind, sub-topic or a bad year range is an
//! error with file:line:column — and the line of every entry remembered so `search` and `lint`
//! can point at it. Also compiled into the build script, which reads the shipped phrasebank with
//! it (a broken phrasebank fails the build with the same message).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Phrase, Phrasebank, RawFile, Role, Theme, Years};
use crate::error::{Diagnostic, Error, Result, did_you_mean};
use crate::spec::Kind;

impl Phrasebank {
    /// Build from (path, text) pairs; used by `load` and by tests.
    pub fn from_sources(dir: &Path, sources: &[(PathBuf, String)]) -> Result<Phrasebank> {
        let mut pb = Phrasebank {
            dir: dir.to_path_buf(),
            ..Default::default()
        };
        let mut errs = Vec::new();
        let mut seen: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
        let mut topic_seen: BTreeMap<String, String> = BTreeMap::new();
        // Entries' sub-topic tags, checked once every file's sub-topics are known.
        let mut tags: Vec<(String, String, usize, usize, Vec<String>)> = Vec::new();
        for ((path, text), raw) in sources.iter().zip(parse_all(sources)) {
            let shown = path.display().to_string();
            let raw: RawFile = match raw {
                Ok(r) => r,
                Err((msg, l, c)) => {
                    errs.push(
                        Diagnostic::new(&shown, msg)
                            .at(text, l, c)
                            .help("see docs/phrasebank.md for the schema"),
                    );
                    continue;
                }
            };
            let mut topics = Vec::new();
            for (k, rt) in raw.topics.iter().enumerate() {
                let at = |msg: String, help: &str| {
                    let (l, c) = crate::yamlpos::locate(
                        text,
                        &[
                            crate::yamlpos::Seg::Key(&["topics"]),
                            crate::yamlpos::Seg::Index(k),
                        ],
                    )
                    .unwrap_or((1, 1));
                    Diagnostic::new(&shown, msg)
                        .at(text, l, c)
                        .field(format!("topics[{k}]"))
                        .help(help)
                };
                let Some(theme) = &raw.theme else {
                    errs.push(at(
                        "`topics` in a file without `theme:`".into(),
                        "sub-topics belong to a theme file",
                    ));
                    break;
                };
                let name = rt.name.trim().to_string();
                if name.is_empty() || name == crate::topic::GENERAL {
                    errs.push(at(
                        format!("`{name}` cannot name a sub-topic"),
                        "`general` is the tag of entries that fit any point of the theme",
                    ));
                    continue;
                }
                if let Some(prev) = topic_seen.get(&name) {
                    errs.push(at(
                        format!("sub-topic `{name}` is also declared in {prev}"),
                        "a sub-topic's name is unique across the phrasebank; merge them or rename one",
                    ));
                    continue;
                }
                topic_seen.insert(name.clone(), shown.clone());
                let Some((years, kinds)) =
                    years_and_kinds(rt.years.as_ref(), &rt.kinds, &mut errs, &at)
                else {
                    continue;
                };
                topics.push(crate::topic::SubTopic {
                    name,
                    theme: theme.clone(),
                    words: rt.words.iter().map(|w| w.trim().to_string()).collect(),
                    units: rt.units.iter().map(|w| w.trim().to_string()).collect(),
                    years,
                    kinds,
                });
            }
            if let Some(t) = &raw.theme {
                pb.themes.push(Theme {
                    name: t.clone(),
                    description: raw.description.clone().unwrap_or_default(),
                    file: path.clone(),
                    topics,
                });
            }
            let lines = entry_lines(text);
            let shared: std::sync::Arc<Path> = path.as_path().into();
            for (i, e) in raw.entries.into_iter().enumerate() {
                let line = lines.get(i).copied().unwrap_or(1);
                let at = |msg: String, help: &str| {
                    Diagnostic::new(&shown, msg)
                        .at(text, line, 1)
                        .field(format!("entries[{i}]"))
                        .help(help)
                };
                let Some(role) = Role::parse(&e.role) else {
                    let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
                    let hint = did_you_mean(&e.role, names.iter().copied())
                        .map(|s| format!("did you mean `{s}`? "))
                        .unwrap_or_default();
                    errs.push(at(
                        format!("unknown role `{}`", e.role),
                        &format!("{hint}the roles are: {}", names.join(", ")),
                    ));
                    continue;
                };
                let Some((years, kinds)) =
                    years_and_kinds(e.years.as_ref(), &e.kinds, &mut errs, &at)
                else {
                    continue;
                };
                if let Some((pf, pl)) = seen.get(&e.id) {
                    errs.push(at(
                        format!("duplicate id `{}` (first at {}:{pl})", e.id, pf.display()),
                        "give every entry its own id",
                    ));
                    continue;
                }
                seen.insert(e.id.clone(), (path.clone(), line));
                let themes = if e.themes.is_empty() {
                    raw.theme.iter().cloned().collect()
                } else {
                    e.themes
                };
                if !e.topics.is_empty() {
                    tags.push((shown.clone(), e.id.clone(), line, i, e.topics.clone()));
                }
                let text = e.text.trim().to_string();
                let live = years
                    .span()
                    .intersect(crate::lexicon::lexicon().span_of(&text));
                pb.phrases.push(Phrase {
                    id: e.id,
                    role,
                    text,
                    themes,
                    topics: e.topics.iter().map(|t| t.trim().to_string()).collect(),
                    kinds,
                    years,
                    live,
                    weight: e.weight.unwrap_or(1),
                    source: e.source.unwrap_or_else(|| "written".into()),
                    status: e.status.unwrap_or_default(),
                    file: shared.clone(),
                    line,
                });
            }
        }
        for (shown, id, line, i, topics) in tags {
            for t in topics {
                let t = t.trim();
                if t != crate::topic::GENERAL && !topic_seen.contains_key(t) {
                    let text = sources
                        .iter()
                        .find(|(p, _)| p.display().to_string() == shown)
                        .map(|(_, x)| x.as_str())
                        .unwrap_or("");
                    let hint = did_you_mean(t, topic_seen.keys().map(String::as_str))
                        .map(|s| format!("did you mean `{s}`? "))
                        .unwrap_or_default();
                    errs.push(
                        Diagnostic::new(&shown, format!("entry `{id}` names unknown sub-topic `{t}`"))
                            .at(text, line, 1)
                            .field(format!("entries[{i}].topics"))
                            .help(format!(
                                "{hint}declare it under `topics:` of its theme file, or tag the entry `general`"
                            )),
                    );
                }
            }
        }
        if !errs.is_empty() {
            return Err(if errs.len() == 1 {
                errs.remove(0).into()
            } else {
                Error::Inputs(errs)
            });
        }
        pb.index();
        Ok(pb)
    }
}

/// error (located by `at`); None when the years do not parse, so the caller skips what carries
/// them.
fn years_and_kinds(
    years: Option<&crate::spec::Text>,
    kinds: &[String],
    errs: &mut Vec<Diagnostic>,
    at: &dyn Fn(String, &str) -> Diagnostic,
) -> Option<(Years, Vec<Kind>)> {
    let years = match years {
        None => Years::default(),
        Some(y) => match Years::parse(y.as_str()) {
            Some(y) => y,
            None => {
                errs.push(at(
                    format!("bad year range `{y}`"),
                    "write e.g. 2021-2025, 2026-, -2020 or 2024",
                ));
                return None;
            }
        },
    };
    let mut out = Vec::new();
    for k in kinds {
        match Kind::parse(k) {
            Some(k) => out.push(k),
            None => errs.push(at(
                format!("unknown meeting kind `{k}`"),
                "the kinds are plenary, economy, key_work, rule_of_law, safety, investment",
            )),
        }
    }
    Some((years, out))
}

/// Parse every file's YAML, on two threads when there is more than a little of it (YAML parsing
/// is most of `wengao draft`'s start-up). The results come back in the order of `sources`.
/// Why a phrasebank file did not parse: the message and 1-based line and column.
type ParseError = (String, usize, usize);

/// Parse one file, refusing nesting deeper than [`crate::yamlpos::MAX_DEPTH`] first (the YAML
/// parser is slow on it: one file nested 100,000 deep made every command take a minute).
fn parse_guarded(text: &str) -> Result<RawFile, ParseError> {
    if let Some((l, c)) = crate::yamlpos::too_deep(text) {
        return Err((
            format!(
                "lists or maps nested more than {} deep (a phrasebank file needs 4)",
                crate::yamlpos::MAX_DEPTH
            ),
            l,
            c,
        ));
    }
    serde_yaml::from_str(text).map_err(|e| {
        let (l, c) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        (msg, l, c)
    })
}

fn parse_all(sources: &[(PathBuf, String)]) -> Vec<Result<RawFile, ParseError>> {
    let parse = |s: &[(PathBuf, String)]| -> Vec<Result<RawFile, ParseError>> {
        s.iter().map(|(_, t)| parse_guarded(t)).collect()
    };
    let total: usize = sources.iter().map(|(_, t)| t.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    if threads < 2 || sources.len() < 2 || total < 64 * 1024 {
        return parse(sources);
    }
    // Split where the bytes before reach half, so both threads get about the same work.
    let mut acc = 0;
    let mid = sources
        .iter()
        .position(|(_, t)| {
            acc += t.len();
            acc * 2 >= total
        })
        .map_or(sources.len() / 2, |i| i + 1)
        .clamp(1, sources.len() - 1);
    let (a, b) = sources.split_at(mid);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| parse(b));
        let mut out = parse(a);
        match second.join() {
            Ok(rest) => out.extend(rest),
            Err(_) => out.extend(parse(b)),
        }
        out
    })
}

pub(crate) fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let rd =
        std::fs::read_dir(dir).map_err(|e| Error::io(dir, "read the phrasebank directory", e))?;
    for ent in rd {
        let ent = ent.map_err(|e| Error::io(dir, "read the phrasebank directory", e))?;
        let p = ent.path();
        let is_dir = match ent.file_type() {
            Ok(t) if t.is_symlink() => p.is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => p.is_dir(),
        };
        if is_dir {
            collect_yaml(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
    Ok(())
}

/// The 1-based line of each entry (each `- ` item directly under `entries:`), in order.
pub fn entry_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_entries = false;
    let mut item_indent: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if indent == 0
            && !trimmed.is_empty()
            && !trimmed.starts_with('#')
            && !trimmed.starts_with('-')
        {
            in_entries = trimmed.starts_with("entries:");
            continue;
        }
        if !in_entries || !(trimmed.starts_with("- ") || trimmed == "-") {
            continue;
        }
        match item_indent {
            None => {
                item_indent = Some(indent);
                out.push(i + 1);
            }
            Some(ind) if ind == indent => out.push(i + 1),
            _ => {}
        }
    }
    out
}
