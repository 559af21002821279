//! The one phrasebank reader, in two modes.
//!
//! - [`Mode::Strict`] (`draft`, the load cache, and the build script, which compiles this file):
//!   the first problem stops the read, as an error with file:line:column and what to do.
//! - [`Mode::Lenient`] (`wengao phrasebank lint|stats|search|themes|add|retire|era` and
//!   `mine --merge`): every problem is collected as a [`Problem`] with its place, the entry or
//!   declaration it is about is left out, and reading goes on.
//!
//! Both modes check the same things: the YAML and the schema of each file (keys, types), the
//! themes and their sub-topics (declared once, with good years and kinds), and each entry (an id,
//! a text, a known role and kinds, a year range that parses, an id used once, sub-topic tags the
//! phrasebank declares). What a curator should fix but a draft can live with (a role in the wrong
//! file, wording, depth) is `phrasebank lint`'s, in [`crate::curate`].
//!
//! **Memory.** serde_yaml holds every event of a document in memory before it builds anything
//! from it (about 2 KB an entry, 13× a file of entries). So a file's `entries:` list, when it is
//! a block list (as every tool writes it), is read a slice of [`SLICE`] entries at a time, each
//! slice on its own, and its entries become [`Phrase`]s at once; the rest of the file (theme,
//! description, sub-topics) is read as one small document with the entries' lines left blank, so
//! every line number stays the file's. A slice that does not read is read again entry by entry,
//! so a broken entry is a problem at its own line and the entries around it still read. (An entry
//! is YAML on its own: an alias to an anchor in another entry is not supported.) A file whose
//! entries are a flow list (`entries: [...]`) is read whole.
//!
//! Files are read on two threads when there is much to read (YAML parsing is most of reading);
//! the checks across files (ids, themes, sub-topics) run after, in file order.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{
    FileHead, Mode, Phrase, Phrasebank, Problem, RawPhrase, RawTopic, Reading, Role, Theme, Years,
};
use crate::error::{Diagnostic, Error, Result, did_you_mean};
use crate::spec::Kind;

/// Where entries and keys are in a file's text (compiled from here into the build script too).
#[path = "lines.rs"]
mod lines;
pub use lines::entry_lines;
use lines::{BlockList, block_list, item_lines, key_line};

/// How many entries of a block list are read as one YAML document.
const SLICE: usize = 64;

impl Phrasebank {
    /// Build from (path, text) pairs, strictly: the first problem is the error.
    pub fn from_sources(dir: &Path, sources: &[(PathBuf, String)]) -> Result<Phrasebank> {
        let reading = read(sources, Mode::Strict).map_err(|p| strict_error(&p, sources))?;
        let mut pb = Phrasebank {
            dir: dir.to_path_buf(),
            phrases: reading.phrases,
            themes: reading.themes,
            ..Default::default()
        };
        pb.index();
        Ok(pb)
    }
}

/// A strict read's problem as the error `wengao` prints: the message at its place, the source
/// line shown, and the help.
fn strict_error(p: &Problem, sources: &[(PathBuf, String)]) -> Error {
    let text = sources
        .iter()
        .find(|(f, _)| f.as_path() == &*p.file)
        .map_or("", |(_, t)| t.as_str());
    let mut d = Diagnostic::new(p.file.display().to_string(), p.message.clone())
        .at(text, p.line, p.column)
        .help(p.help.clone());
    if let Some(f) = &p.field {
        d = d.field(f.clone());
    }
    d.into()
}

/// Read (path, text) pairs. Strict: the first problem is returned as the error. Lenient: never an
/// error; the problems are in [`Reading::problems`].
pub fn read(
    sources: &[(PathBuf, String)],
    mode: Mode,
) -> std::result::Result<Reading, Box<Problem>> {
    let mut out = Reading::default();
    let mut topics = Topics::default();
    for ((path, _), file) in sources.iter().zip(read_files(sources, mode)) {
        let FileRead {
            head,
            raw_topics,
            phrases,
            problems,
        } = file;
        if mode == Mode::Strict
            && let Some(p) = problems.first()
        {
            return Err(Box::new(p.clone()));
        }
        // The file's name, shared with its entries.
        let shared: Arc<Path> = phrases
            .first()
            .map_or_else(|| path.as_path().into(), |p| p.file.clone());
        out.problems.extend(problems);
        declare(&head, raw_topics, &shared, &mut topics, &mut out, mode)?;
        out.files.push(head);
        if out.phrases.is_empty() {
            out.phrases = phrases;
        } else {
            out.phrases.extend(phrases);
        }
    }
    // Across files: ids used twice, tags no theme declares.
    let mut late = duplicate_ids(&mut out.phrases);
    late.extend(unknown_tags(&out.phrases, &topics.seen));
    if mode == Mode::Strict
        && let Some(p) = late.first()
    {
        return Err(Box::new(p.clone()));
    }
    out.problems.extend(late);
    out.topic_lines = topics.lines;
    Ok(out)
}

/// Read leniently: every entry that reads, and every problem (a lenient read never fails).
pub fn read_lenient(sources: &[(PathBuf, String)]) -> Reading {
    read(sources, Mode::Lenient).unwrap_or_default()
}

/// The sub-topics declared so far: each name, its file and its line.
#[derive(Default)]
struct Topics {
    seen: HashMap<String, String>,
    lines: BTreeMap<String, usize>,
}

/// A file's theme and sub-topics, declared in the reading (problems: a theme declared twice, a
/// sub-topic without a theme, named `general`, declared twice, with bad years or kinds).
fn declare(
    head: &FileHead,
    raw_topics: Vec<(RawTopic, usize)>,
    file: &Arc<Path>,
    topics: &mut Topics,
    out: &mut Reading,
    mode: Mode,
) -> std::result::Result<(), Box<Problem>> {
    let mut problems = Vec::new();
    let problem = line_problem(file);
    let theme = match &head.theme {
        Some(t) => match out.themes.iter().find(|x| &x.name == t) {
            Some(first) => {
                problems.push(problem(
                    head.theme_line,
                    "schema",
                    format!("theme {t} is already declared in {}", first.file.display()),
                    "a theme has one file: merge the two",
                    Some("theme".into()),
                ));
                None
            }
            None => Some(t.clone()),
        },
        None => None,
    };
    let declared = declare_topics(
        raw_topics,
        theme.as_ref(),
        head,
        file,
        topics,
        &mut problems,
    );
    if mode == Mode::Strict
        && let Some(p) = problems.first()
    {
        return Err(Box::new(p.clone()));
    }
    out.problems.extend(problems);
    if let Some(t) = theme {
        out.themes.push(Theme {
            name: t,
            description: head.description.clone(),
            file: head.path.clone(),
            topics: declared,
        });
    }
    Ok(())
}

/// A theme file's sub-topics, each declared once across the phrasebank.
fn declare_topics(
    raw_topics: Vec<(RawTopic, usize)>,
    theme: Option<&String>,
    head: &FileHead,
    file: &Arc<Path>,
    topics: &mut Topics,
    problems: &mut Vec<Problem>,
) -> Vec<crate::topic::SubTopic> {
    let problem = line_problem(file);
    let mut declared = Vec::new();
    for (k, (rt, line)) in raw_topics.into_iter().enumerate() {
        let field = Some(format!("topics[{k}]"));
        let Some(theme) = theme else {
            if head.theme.is_none() {
                problems.push(problem(
                    line,
                    "topic",
                    "`topics` in a file without `theme:`".into(),
                    "sub-topics belong to a theme file",
                    field,
                ));
            }
            break;
        };
        let name = rt.name.trim().to_string();
        if name.is_empty() || name == crate::topic::GENERAL {
            problems.push(problem(
                line,
                "topic",
                format!("`{name}` cannot name a sub-topic (`general` is a tag)"),
                "`general` is the tag of entries that fit any point of the theme",
                field,
            ));
            continue;
        }
        if let Some(prev) = topics.seen.get(&name) {
            problems.push(problem(
                line,
                "topic",
                format!(
                    "sub-topic {name} is also declared in {prev}; names are unique across the phrasebank"
                ),
                "merge them or rename one",
                field,
            ));
            continue;
        }
        topics.seen.insert(name.clone(), file.display().to_string());
        topics.lines.insert(name.clone(), line);
        let years = match rt.years.as_ref().map(|y| Years::parse(y.as_str())) {
            None => Years::default(),
            Some(Some(y)) => y,
            Some(None) => {
                problems.push(problem(
                    line,
                    "bad-years",
                    format!("sub-topic {name}: bad year range"),
                    "write e.g. 2021-2025, 2026-, -2020 or 2024",
                    field.clone(),
                ));
                Years::default()
            }
        };
        let mut kinds = Vec::new();
        for k in &rt.kinds {
            match Kind::parse(k) {
                Some(k) => kinds.push(k),
                None => problems.push(problem(
                    line,
                    "unknown-kind",
                    format!("sub-topic {name}: unknown meeting kind `{k}`"),
                    KINDS_HELP,
                    field.clone(),
                )),
            }
        }
        declared.push(crate::topic::SubTopic {
            name: name.into(),
            theme: theme.as_str().into(),
            words: rt.words.iter().map(|w| w.trim().into()).collect(),
            units: rt.units.iter().map(|w| w.trim().into()).collect(),
            years,
            kinds,
        });
    }
    declared
}

/// Problems at the start of a line of `file`: (line, rule, message, help, field).
fn line_problem(
    file: &Arc<Path>,
) -> impl Fn(usize, &'static str, String, &str, Option<String>) -> Problem + '_ {
    move |line, rule, message, help, field| {
        Problem::new(file.clone(), (line, 1), rule, message, help, field)
    }
}

const KINDS_HELP: &str =
    "the kinds are plenary, economy, key_work, rule_of_law, safety, investment";
const SCHEMA_HELP: &str = "see docs/phrasebank.md for the schema";

/// Entries whose id an earlier entry has: problems, and left out (the first one stays).
fn duplicate_ids(phrases: &mut Vec<Phrase>) -> Vec<Problem> {
    let mut order: Vec<u32> = (0..phrases.len() as u32).collect();
    order.sort_by(|&a, &b| {
        phrases[a as usize]
            .id
            .cmp(&phrases[b as usize].id)
            .then(a.cmp(&b))
    });
    let mut dup = vec![false; phrases.len()];
    let mut first = 0;
    for w in 1..order.len() {
        let (a, b) = (order[first] as usize, order[w] as usize);
        if phrases[a].id == phrases[b].id {
            dup[b] = true;
        } else {
            first = w;
        }
    }
    if !dup.contains(&true) {
        return Vec::new();
    }
    let mut problems = Vec::new();
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for (i, p) in phrases.iter().enumerate() {
        if !dup[i] {
            first_of.entry(p.id.as_str()).or_insert(i);
            continue;
        }
        let f = &phrases[first_of[p.id.as_str()]];
        let (first, line) = (f.file.display(), f.line);
        let message = format!("duplicate id `{}` (first at {first}:{line})", p.id);
        let help = "give every entry its own id";
        problems.push(Problem::new(
            p.file.clone(),
            (p.line, 1),
            "duplicate-id",
            message,
            help,
            None,
        ));
    }
    let mut i = 0;
    phrases.retain(|_| {
        i += 1;
        !dup[i - 1]
    });
    problems
}

/// Entries tagged with a sub-topic no theme declares.
fn unknown_tags(phrases: &[Phrase], declared: &HashMap<String, String>) -> Vec<Problem> {
    let mut out = Vec::new();
    for p in phrases {
        for t in &p.topics {
            if t.as_str() == crate::topic::GENERAL || declared.contains_key(t.as_str()) {
                continue;
            }
            let hint = did_you_mean(t, declared.keys().map(String::as_str))
                .map(|s| format!(" (did you mean {s}?)"))
                .unwrap_or_default();
            let help = "declare it under `topics:` of its theme file, or tag the entry `general`";
            let message = format!("unknown sub-topic {t}");
            out.push(
                Problem::new(
                    p.file.clone(),
                    (p.line, 1),
                    "unknown-topic",
                    message,
                    help,
                    None,
                )
                .about(&p.id, hint),
            );
        }
    }
    out
}

/// One file as read on its own: its head, its sub-topics as written (with their lines), its
/// entries, and the problems met.
struct FileRead {
    head: FileHead,
    raw_topics: Vec<(RawTopic, usize)>,
    phrases: Vec<Phrase>,
    problems: Vec<Problem>,
}

/// Read every file, on two threads when there is more than a little to read. The results come
/// back in the order of `sources`.
fn read_files(sources: &[(PathBuf, String)], mode: Mode) -> Vec<FileRead> {
    let read = |s: &[(PathBuf, String)]| -> Vec<FileRead> {
        s.iter().map(|(p, t)| read_file(p, t, mode)).collect()
    };
    let total: usize = sources.iter().map(|(_, t)| t.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    if threads < 2 || sources.len() < 2 || total < 64 * 1024 {
        return read(sources);
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
        let second = scope.spawn(|| read(b));
        let mut out = read(a);
        match second.join() {
            Ok(rest) => out.extend(rest),
            Err(_) => out.extend(read(b)),
        }
        out
    })
}

/// Read one file: the head as one small document (the entries' lines blank), the entries a
/// slice at a time ([`SLICE`]); or, for a flow list, the file whole.
fn read_file(path: &Path, text: &str, mode: Mode) -> FileRead {
    let file: Arc<Path> = path.into();
    let mut fr = FileRead {
        head: FileHead {
            path: path.to_path_buf(),
            theme: None,
            theme_line: 1,
            description: String::new(),
            read: false,
        },
        raw_topics: Vec::new(),
        phrases: Vec::new(),
        problems: Vec::new(),
    };
    let problem = |line, column, rule, message: String, field: Option<String>| {
        Problem::new(
            file.clone(),
            (line, column),
            rule,
            message,
            SCHEMA_HELP,
            field,
        )
    };
    if let Some((l, c)) = crate::yamlpos::too_deep(text) {
        let msg = format!(
            "lists or maps nested more than {} deep; a phrasebank file needs 4",
            crate::yamlpos::MAX_DEPTH
        );
        fr.problems.push(problem(l, c, "schema", msg, None));
        return fr;
    }
    let list = block_list(text);
    let head_text: std::borrow::Cow<str> = match &list {
        Some(b) => {
            let (start, end) = (b.starts[0], b.end);
            let blank = "\n".repeat(text[start..end].matches('\n').count());
            format!("{}{blank}{}", &text[..start], &text[end..]).into()
        }
        None => text.into(),
    };
    let value: serde_yaml::Value = match serde_yaml::from_str(&head_text) {
        Ok(v) => v,
        Err(e) => {
            let (l, c) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let msg = format!("not valid YAML: {}", yaml_message(&e));
            fr.problems.push(problem(l, c, "schema", msg, None));
            return fr;
        }
    };
    drop(head_text);
    let map = match value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => serde_yaml::Mapping::new(),
        _ => {
            let msg = "a phrasebank file is a mapping with theme, description and entries";
            fr.problems.push(problem(1, 1, "schema", msg.into(), None));
            return fr;
        }
    };
    fr.head.read = true;
    let flow = read_head(text, map, &mut fr);
    let theme = fr.head.theme.clone();
    let mut reader = Entries {
        file: &file,
        theme: theme.as_ref(),
        phrases: &mut fr.phrases,
        problems: &mut fr.problems,
        mode,
    };
    match (list, flow) {
        (Some(b), _) => reader.slices(text, &b),
        (None, Some(items)) => reader.values(text, items),
        (None, None) => {}
    }
    fr
}

/// The keys of a file's head: theme, description, topics (and a flow `entries` list, returned).
fn read_head(
    text: &str,
    map: serde_yaml::Mapping,
    fr: &mut FileRead,
) -> Option<Vec<serde_yaml::Value>> {
    let file: Arc<Path> = fr.head.path.as_path().into();
    let mut flow = None;
    for (k, v) in map {
        let key = k.as_str().unwrap_or("").to_string();
        let line = key_line(text, &key);
        let mut bad = |message: String| {
            fr.problems.push(Problem::new(
                file.clone(),
                (line, 1),
                "schema",
                message,
                SCHEMA_HELP,
                Some(key.clone()),
            ))
        };
        match key.as_str() {
            "theme" => match v.as_str() {
                Some(s) if !s.trim().is_empty() => {
                    fr.head.theme = Some(s.trim().to_string());
                    fr.head.theme_line = line;
                }
                _ => bad("`theme` must be a theme name".into()),
            },
            "description" => match v.as_str() {
                Some(s) => fr.head.description = s.trim().to_string(),
                None => bad("`description` must be text".into()),
            },
            "topics" => match serde_yaml::from_value::<Vec<RawTopic>>(v) {
                Ok(t) => {
                    let lines = item_lines(text, "topics");
                    fr.raw_topics = t
                        .into_iter()
                        .enumerate()
                        .map(|(i, t)| (t, lines.get(i).copied().unwrap_or(line)))
                        .collect();
                }
                Err(e) => bad(format!(
                    "`topics`: {} (each has name, words, units, and optional years and kinds)",
                    yaml_message(&e)
                )),
            },
            "entries" => match v {
                serde_yaml::Value::Sequence(s) => flow = Some(s),
                serde_yaml::Value::Null => {}
                _ => bad("`entries` must be a list".into()),
            },
            other => bad(format!(
                "unknown key `{other}` (a file has theme, description, topics, entries)"
            )),
        }
    }
    flow
}

/// Entries becoming [`Phrase`]s, with the problems met.
struct Entries<'a> {
    file: &'a Arc<Path>,
    theme: Option<&'a String>,
    phrases: &'a mut Vec<Phrase>,
    problems: &'a mut Vec<Problem>,
    mode: Mode,
}

impl Entries<'_> {
    /// A block list, [`SLICE`] entries at a time; a slice that does not read, entry by entry.
    fn slices(&mut self, text: &str, b: &BlockList) {
        self.phrases.reserve_exact(b.starts.len());
        let n = b.starts.len();
        let end_of = |i: usize| if i < n { b.starts[i] } else { b.end };
        let mut first = 0;
        while first < n {
            let last = (first + SLICE).min(n);
            let slice = &text[b.starts[first]..end_of(last)];
            match serde_yaml::from_str::<Vec<RawPhrase>>(slice) {
                Ok(v) if v.len() == last - first => {
                    for (k, e) in v.into_iter().enumerate() {
                        self.entry(e, first + k, b.lines[first + k]);
                    }
                }
                _ => {
                    for i in first..last {
                        self.one(&text[b.starts[i]..end_of(i + 1)], i, b.lines[i]);
                    }
                }
            }
            if self.mode == Mode::Strict && !self.problems.is_empty() {
                return;
            }
            first = last;
        }
    }

    /// One entry of a block list, read on its own.
    fn one(&mut self, item: &str, i: usize, line: usize) {
        let (l, c, msg) = match serde_yaml::from_str::<Vec<RawPhrase>>(item) {
            Ok(mut v) if v.len() == 1 => return self.entry(v.remove(0), i, line),
            Ok(_) => (line, 1, "not one entry".to_string()),
            Err(e) => {
                let (l, c) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                (line + l - 1, c, yaml_message(&e))
            }
        };
        self.problems.push(Problem::new(
            self.file.clone(),
            (l, c),
            "schema",
            format!("entry {}: {}", i + 1, without_index(&msg)),
            SCHEMA_HELP,
            Some(format!("entries[{i}]")),
        ));
    }

    /// A flow list, read whole: its entries at the lines [`entry_lines`] finds.
    fn values(&mut self, text: &str, items: Vec<serde_yaml::Value>) {
        let lines = entry_lines(text);
        for (i, item) in items.into_iter().enumerate() {
            let line = lines.get(i).copied().unwrap_or(1);
            match serde_yaml::from_value::<RawPhrase>(item) {
                Ok(e) => self.entry(e, i, line),
                Err(e) => self.problems.push(Problem::new(
                    self.file.clone(),
                    (line, 1),
                    "schema",
                    format!("entry {}: {}", i + 1, yaml_message(&e)),
                    SCHEMA_HELP,
                    Some(format!("entries[{i}]")),
                )),
            }
        }
    }

    /// Check one entry as written and keep it when it can be used: an id, a text, a known role,
    /// years that parse (unknown kinds are problems, the rest of the entry stays).
    fn entry(&mut self, e: RawPhrase, i: usize, line: usize) {
        let file = self.file;
        let problem = |rule, message: String, help: &str| {
            Problem::new(
                file.clone(),
                (line, 1),
                rule,
                message,
                help.to_string(),
                Some(format!("entries[{i}]")),
            )
        };
        let bad = if e.id.trim().is_empty() {
            Some(problem(
                "schema",
                "an entry needs an id".into(),
                "give it an id: <file>.<role>.<n>",
            ))
        } else if e.text.trim().is_empty() {
            Some(
                problem(
                    "schema",
                    "empty text".into(),
                    "write its text, or remove it",
                )
                .about(&e.id, ""),
            )
        } else {
            None
        };
        if let Some(p) = bad {
            return self.problems.push(p);
        }
        let Some(role) = Role::parse(&e.role) else {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
            let near = did_you_mean(&e.role, names.iter().copied());
            let note = near.map(|s| format!(" (did you mean `{s}`?)"));
            let hint = near.map(|s| format!("did you mean `{s}`? "));
            let help = format!(
                "{}the roles are: {}",
                hint.unwrap_or_default(),
                names.join(", ")
            );
            let msg = format!("unknown role `{}`", e.role);
            let p = problem("unknown-role", msg, &help).about(&e.id, note.unwrap_or_default());
            return self.problems.push(p);
        };
        let years = match e.years.as_ref().map(|y| (y, Years::parse(y.as_str()))) {
            None => Years::default(),
            Some((_, Some(y))) => y,
            Some((y, None)) => {
                let write = "write e.g. 2021-2025, 2026-, -2020 or 2024";
                let p = problem("bad-years", format!("bad year range `{y}`"), write)
                    .about(&e.id, format!(" ({write})"));
                return self.problems.push(p);
            }
        };
        let mut kinds = Vec::new();
        for k in &e.kinds {
            match Kind::parse(k) {
                Some(k) => kinds.push(k),
                None => {
                    let msg = format!("unknown meeting kind `{k}`");
                    let p = problem("unknown-kind", msg, KINDS_HELP).about(
                        &e.id,
                        " (plenary, economy, key_work, rule_of_law, safety, investment)",
                    );
                    self.problems.push(p);
                }
            }
        }
        let themes = if e.themes.is_empty() {
            self.theme.into_iter().map(|t| t.as_str().into()).collect()
        } else {
            e.themes.into_iter().map(super::PhraseText::from).collect()
        };
        let text = match e.text.trim() {
            t if t.len() == e.text.len() => e.text,
            t => t.to_string(),
        };
        let live = years
            .span()
            .intersect(crate::lexicon::lexicon().span_of(&text));
        self.phrases.push(Phrase {
            id: e.id.into(),
            role,
            text: text.into(),
            themes,
            topics: e.topics.iter().map(|t| t.trim().into()).collect(),
            kinds,
            years,
            live,
            weight: e.weight.unwrap_or(1),
            source: e.source.unwrap_or_else(|| "written".into()).into(),
            status: e.status.unwrap_or_default(),
            file: file.clone(),
            line,
        });
    }
}

/// A YAML error's message without its position (the reader says where).
pub fn yaml_message(e: &serde_yaml::Error) -> String {
    let msg = e.to_string();
    msg.split(" at line ").next().unwrap_or(&msg).to_string()
}

/// A message about one entry read as a one-entry list, without the list's index (`.[0].text: …`
/// → `text: …`).
fn without_index(msg: &str) -> &str {
    match msg.strip_prefix(".[0]").or_else(|| msg.strip_prefix("[0]")) {
        Some(rest) => rest
            .strip_prefix(": ")
            .or_else(|| rest.strip_prefix('.'))
            .unwrap_or(rest),
        None => msg,
    }
}

/// Every `*.yaml` (or `*.yml`) under `dir`, recursively, following links to folders.
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
