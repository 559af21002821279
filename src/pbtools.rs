//! Phrasebank tools: lint, stats, search, add and retire, as library functions returning data.
//!
//! `wengao phrasebank …` (src/cmd/phrasebank.rs) is a thin layer over this module. Everything here
//! reads the files itself, leniently: one broken entry is a finding at its file:line, not the end of
//! the run (the strict loader in [`crate::phrasebank`] refuses a phrasebank with any error).
//!
//! Edits ([`add`], [`retire`]) change the text of a file, never re-serialise it: every comment and
//! the formatting stay as they were. They hold the phrasebank's lock ([`crate::io::DirLock`], an
//! OS lock a killed process cannot leave behind) while they read, edit and write, re-read the file before the atomic rename to detect a writer that ignored the lock,
//! and check that the edited file parses to exactly the old entries plus the change.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::phrasebank::{
    Phrase, RawFile, RawPhrase, Role, SLOTS, Status, Theme, Years, entry_lines, slots_of,
};
use crate::spec::Kind;
use crate::text::is_han;

/// The years the planner must be able to draft for: depth is checked in each.
pub const YEARS: RangeInclusive<i32> = 2018..=2030;

/// The themes every phrasebank must know (design notes).
pub const REQUIRED_THEMES: [&str; 26] = [
    "政治建设",
    "学习贯彻",
    "形势分析",
    "问题差距",
    "高质量发展",
    "项目建设",
    "招商引资",
    "营商环境",
    "产业发展",
    "企业帮扶",
    "稳定就业",
    "乡村振兴",
    "脱贫攻坚",
    "城乡建设",
    "民生保障",
    "教育医疗",
    "生态环保",
    "安全生产",
    "社会治理",
    "疫情防控",
    "改革创新",
    "依法行政",
    "财政金融",
    "作风建设",
    "廉政建设",
    "抓落实",
];

/// How bad a finding is: errors fail `phrasebank lint` (exit 1); warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing lint found, at a file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    /// A short rule name: schema, duplicate-id, duplicate, near-duplicate, unknown-role,
    /// unknown-theme, unknown-kind, misplaced-role, status, bad-years, era, slot, spun-word,
    /// punctuation, quotes, figure, place-name, level-word, shape, depth, missing-theme.
    pub rule: &'static str,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.file,
            self.line,
            self.severity.name(),
            self.rule,
            self.message
        )
    }
}

/// Options of [`lint`].
#[derive(Debug, Clone)]
pub struct LintOptions {
    /// Themes that must have a theme file (missing → error).
    pub required_themes: Vec<String>,
    /// Check the themes × roles depth (off for partial fixtures).
    pub depth: bool,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            required_themes: REQUIRED_THEMES.iter().map(|s| s.to_string()).collect(),
            depth: true,
        }
    }
}

/// Where a file sits in the phrasebank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Common,
    Theme,
    Candidates,
    Other,
}

fn place_of(dir: &Path, path: &Path) -> Place {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string());
    match first.as_deref() {
        Some("common.yaml") | Some("common.yml") => Place::Common,
        Some("themes") => Place::Theme,
        Some("candidates") => Place::Candidates,
        _ => Place::Other,
    }
}

/// Every `*.yaml` under `dir` with its text, sorted by path.
pub fn read_sources(dir: &Path) -> Result<Vec<(PathBuf, String)>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        let rd = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, "read the phrasebank directory", e))?;
        for ent in rd {
            let p = ent
                .map_err(|e| Error::io(dir, "read the phrasebank directory", e))?
                .path();
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = crate::io::read_file_text(&f)?;
        out.push((f, text));
    }
    Ok(out)
}

/// A leniently read phrasebank: every entry that could be read, the themes, and the problems met.
#[derive(Debug, Clone, Default)]
pub struct Scanned {
    pub phrases: Vec<Phrase>,
    pub themes: Vec<Theme>,
    /// Schema-level findings met while reading.
    pub findings: Vec<Finding>,
    /// The line of each theme's `theme:` key.
    pub theme_lines: BTreeMap<String, usize>,
    /// Every file read.
    pub files: Vec<PathBuf>,
    /// Files in `candidates/`.
    pub candidate_files: BTreeSet<PathBuf>,
    /// The file that declares each sub-topic, and the line of its `name:`.
    pub topic_files: BTreeMap<String, String>,
    pub topic_lines: BTreeMap<String, usize>,
}

/// The line of a sub-topic's `- name: X` in a theme file.
fn topic_line(text: &str, name: &str) -> usize {
    text.lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            t.strip_prefix("name:")
                .is_some_and(|r| r.trim().trim_matches(['"', '\'']) == name)
        })
        .map(|i| i + 1)
        .unwrap_or(1)
}

fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
        .map(|i| i + 1)
        .unwrap_or(1)
}

fn yaml_message(e: &serde_yaml::Error) -> String {
    let msg = e.to_string();
    msg.split(" at line ").next().unwrap_or(&msg).to_string()
}

/// Read a phrasebank directory leniently.
pub fn scan_dir(dir: &Path) -> Result<Scanned> {
    Ok(scan(dir, &read_sources(dir)?))
}

/// Read (path, text) pairs leniently: every problem becomes a finding.
pub fn scan(dir: &Path, sources: &[(PathBuf, String)]) -> Scanned {
    let mut out = Scanned::default();
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    for (path, text) in sources {
        out.files.push(path.clone());
        let place = place_of(dir, path);
        if place == Place::Candidates {
            out.candidate_files.insert(path.clone());
        }
        let file = path.display().to_string();
        let mut find = |sev, line, rule, message: String| {
            out.findings.push(Finding {
                severity: sev,
                file: file.clone(),
                line,
                rule,
                message,
            })
        };
        if let Some((line, _)) = crate::yamlpos::too_deep(text) {
            find(
                Severity::Error,
                line,
                "schema",
                format!(
                    "lists or maps nested more than {} deep; a phrasebank file needs 4",
                    crate::yamlpos::MAX_DEPTH
                ),
            );
            continue;
        }
        let value: serde_yaml::Value = match serde_yaml::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let line = e.location().map(|l| l.line()).unwrap_or(1);
                find(
                    Severity::Error,
                    line,
                    "schema",
                    format!("not valid YAML: {}", yaml_message(&e)),
                );
                continue;
            }
        };
        let map = match value {
            serde_yaml::Value::Mapping(m) => m,
            serde_yaml::Value::Null => serde_yaml::Mapping::new(),
            _ => {
                find(
                    Severity::Error,
                    1,
                    "schema",
                    "a phrasebank file is a mapping with theme, description and entries".into(),
                );
                continue;
            }
        };
        let mut theme: Option<String> = None;
        let mut raw_topics: Vec<crate::phrasebank::RawTopic> = Vec::new();
        let mut entries: Vec<serde_yaml::Value> = Vec::new();
        let mut map = map;
        // Mutably, so that the entries (and topics) are moved out, not copied: a copy of the
        // parsed tree was ~5× the file (tests/memory.rs).
        for (k, v) in map.iter_mut() {
            let key = k.as_str().unwrap_or("");
            match key {
                "theme" => match v.as_str() {
                    Some(s) if !s.trim().is_empty() => theme = Some(s.trim().to_string()),
                    _ => find(
                        Severity::Error,
                        key_line(text, "theme"),
                        "schema",
                        "`theme` must be a theme name".into(),
                    ),
                },
                "description" => {
                    if v.as_str().is_none() {
                        find(
                            Severity::Error,
                            key_line(text, "description"),
                            "schema",
                            "`description` must be text".into(),
                        );
                    }
                }
                "topics" => {
                    match serde_yaml::from_value::<Vec<crate::phrasebank::RawTopic>>(
                        std::mem::take(v),
                    ) {
                        Ok(t) => raw_topics = t,
                        Err(e) => find(
                            Severity::Error,
                            key_line(text, "topics"),
                            "schema",
                            format!(
                                "`topics`: {} (each has name, words, units, and optional years and kinds)",
                                yaml_message(&e)
                            ),
                        ),
                    }
                }
                "entries" => match v {
                    serde_yaml::Value::Sequence(s) => entries = std::mem::take(s),
                    serde_yaml::Value::Null => {}
                    _ => find(
                        Severity::Error,
                        key_line(text, "entries"),
                        "schema",
                        "`entries` must be a list".into(),
                    ),
                },
                other => find(
                    Severity::Error,
                    key_line(text, other),
                    "schema",
                    format!(
                        "unknown key `{other}` (a file has theme, description, topics, entries)"
                    ),
                ),
            }
        }
        match (&theme, place) {
            (None, Place::Theme) => find(
                Severity::Error,
                1,
                "schema",
                "a theme file needs `theme:` (the theme its entries serve)".into(),
            ),
            (Some(_), Place::Common) => find(
                Severity::Error,
                key_line(text, "theme"),
                "schema",
                "common.yaml holds speech-level phrasing: it has no theme".into(),
            ),
            _ => {}
        }
        if let (Some(t), Place::Theme) = (&theme, place) {
            let line = key_line(text, "theme");
            if let Some(first) = out.themes.iter().find(|x| &x.name == t) {
                find(
                    Severity::Error,
                    line,
                    "schema",
                    format!("theme {t} is already declared in {}", first.file.display()),
                );
            } else {
                let description = map
                    .get("description")
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .trim()
                    .to_string();
                if description.is_empty() {
                    find(
                        Severity::Warning,
                        line,
                        "schema",
                        format!("theme {t} has no description (shown by `phrasebank themes`)"),
                    );
                }
                let mut topics = Vec::new();
                for rt in &raw_topics {
                    let name = rt.name.trim().to_string();
                    let tl = topic_line(text, &name);
                    if name.is_empty() || name == crate::topic::GENERAL {
                        find(
                            Severity::Error,
                            tl,
                            "topic",
                            format!("`{name}` cannot name a sub-topic (`general` is a tag)"),
                        );
                        continue;
                    }
                    if let Some(prev) = out.topic_files.get(&name) {
                        find(
                            Severity::Error,
                            tl,
                            "topic",
                            format!(
                                "sub-topic {name} is also declared in {prev}; names are unique across the phrasebank"
                            ),
                        );
                        continue;
                    }
                    out.topic_files.insert(name.clone(), file.clone());
                    out.topic_lines.insert(name.clone(), tl);
                    let years = match rt.years.as_ref().map(|y| Years::parse(y.as_str())) {
                        None => Years::default(),
                        Some(Some(y)) => y,
                        Some(None) => {
                            find(
                                Severity::Error,
                                tl,
                                "bad-years",
                                format!("sub-topic {name}: bad year range"),
                            );
                            Years::default()
                        }
                    };
                    let kinds = rt
                        .kinds
                        .iter()
                        .filter_map(|k| {
                            let parsed = Kind::parse(k);
                            if parsed.is_none() {
                                find(
                                    Severity::Error,
                                    tl,
                                    "unknown-kind",
                                    format!("sub-topic {name}: unknown meeting kind `{k}`"),
                                );
                            }
                            parsed
                        })
                        .collect();
                    if rt.words.len() < 3 {
                        find(
                            Severity::Warning,
                            tl,
                            "topic",
                            format!(
                                "sub-topic {name} has {} words; give it the terms that identify it (at least 3)",
                                rt.words.len()
                            ),
                        );
                    }
                    topics.push(crate::topic::SubTopic {
                        name,
                        theme: t.clone(),
                        words: rt.words.iter().map(|w| w.trim().to_string()).collect(),
                        units: rt.units.iter().map(|w| w.trim().to_string()).collect(),
                        years,
                        kinds,
                    });
                }
                out.themes.push(Theme {
                    name: t.clone(),
                    description,
                    file: path.clone(),
                    topics,
                });
                out.theme_lines.insert(t.clone(), line);
            }
        }
        let lines = entry_lines(text);
        for (i, item) in entries.into_iter().enumerate() {
            let line = lines.get(i).copied().unwrap_or(1);
            let e: RawPhrase = match serde_yaml::from_value(item) {
                Ok(e) => e,
                Err(err) => {
                    find(
                        Severity::Error,
                        line,
                        "schema",
                        format!("entry {}: {}", i + 1, yaml_message(&err)),
                    );
                    continue;
                }
            };
            if e.id.trim().is_empty() {
                find(
                    Severity::Error,
                    line,
                    "schema",
                    "an entry needs an id".into(),
                );
                continue;
            }
            if e.text.trim().is_empty() {
                find(
                    Severity::Error,
                    line,
                    "schema",
                    format!("{}: empty text", e.id),
                );
                continue;
            }
            let Some(role) = Role::parse(&e.role) else {
                let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
                let hint = crate::error::did_you_mean(&e.role, names.iter().copied())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                find(
                    Severity::Error,
                    line,
                    "unknown-role",
                    format!("{}: unknown role `{}`{hint}", e.id, e.role),
                );
                continue;
            };
            let years = match &e.years {
                None => Years::default(),
                Some(y) => match Years::parse(y.as_str()) {
                    Some(y) => y,
                    None => {
                        find(
                            Severity::Error,
                            line,
                            "bad-years",
                            format!(
                                "{}: bad year range `{y}` (write e.g. 2021-2025, 2026-, -2020 or 2024)",
                                e.id
                            ),
                        );
                        continue;
                    }
                },
            };
            let mut kinds = Vec::new();
            for k in &e.kinds {
                match Kind::parse(k) {
                    Some(k) => kinds.push(k),
                    None => find(
                        Severity::Error,
                        line,
                        "unknown-kind",
                        format!(
                            "{}: unknown meeting kind `{k}` (plenary, economy, key_work, rule_of_law, safety, investment)",
                            e.id
                        ),
                    ),
                }
            }
            if let Some((f, l)) = seen.get(&e.id) {
                find(
                    Severity::Error,
                    line,
                    "duplicate-id",
                    format!("duplicate id `{}` (first at {f}:{l})", e.id),
                );
                continue;
            }
            seen.insert(e.id.clone(), (file.clone(), line));
            let status = e.status.unwrap_or_default();
            let drafted_role = !matches!(role, Role::Slogan | Role::Frame);
            match place {
                Place::Common if role.is_theme_role() => find(
                    Severity::Error,
                    line,
                    "misplaced-role",
                    format!(
                        "{}: `{}` is a theme role; put it in its theme file under themes/",
                        e.id,
                        role.name()
                    ),
                ),
                Place::Theme if !role.is_theme_role() && drafted_role => find(
                    Severity::Error,
                    line,
                    "misplaced-role",
                    format!(
                        "{}: `{}` is a speech-level role; put it in common.yaml",
                        e.id,
                        role.name()
                    ),
                ),
                Place::Candidates if status == Status::Curated && drafted_role => find(
                    Severity::Error,
                    line,
                    "status",
                    format!(
                        "{}: an entry in candidates/ must say `status: candidate` (else it is drafted); curate it into its theme file",
                        e.id
                    ),
                ),
                _ => {}
            }
            if !drafted_role && place != Place::Candidates && status == Status::Curated {
                find(
                    Severity::Error,
                    line,
                    "misplaced-role",
                    format!(
                        "{}: `{}` is only for mined candidates; give it a drafted role",
                        e.id,
                        role.name()
                    ),
                );
            }
            let themes = if e.themes.is_empty() {
                theme.iter().cloned().collect()
            } else {
                e.themes
            };
            let text = e.text.trim().to_string();
            let live = years
                .span()
                .intersect(crate::lexicon::lexicon().span_of(&text));
            out.phrases.push(Phrase {
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
                status,
                file: path.as_path().into(),
                line,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Text rules

/// The roles whose entries name their sub-topic(s) (or `general`).
pub const TAGGED_ROLES: [Role; 5] = [
    Role::Measure,
    Role::Formula,
    Role::Framing,
    Role::ItemLead,
    Role::PartIntro,
];

/// What a sub-topic needs: measures and framings valid for a meeting (the planner draws a
/// point's sentences from its sub-topics alone).
pub const TOPIC_DEPTH: [(Role, usize); 2] = [(Role::Measure, 6), (Role::Framing, 2)];

/// The sub-topics every theme needs, and a large theme.
pub const THEME_TOPICS: usize = 4;
pub const LARGE_THEME_TOPICS: usize = 8;

/// The topic-map rules of one curated entry: `untagged`, `unknown-topic`, `topic-words`.
fn check_tags(
    p: &Phrase,
    map: &crate::topic::TopicMap,
    find: &mut dyn FnMut(Severity, &'static str, String),
) {
    if !TAGGED_ROLES.contains(&p.role) || p.themes.is_empty() {
        return;
    }
    if p.topics.is_empty() {
        find(
            Severity::Error,
            "untagged",
            format!(
                "{}: a {} names its sub-topic(s): `topics: [NAME]`, or `topics: [general]` when it fits any point of its theme",
                p.id,
                p.role.name()
            ),
        );
        return;
    }
    let mut named = Vec::new();
    for t in &p.topics {
        if t == crate::topic::GENERAL {
            continue;
        }
        if map.get(t).is_none() {
            let hint = crate::error::did_you_mean(t, map.topics.iter().map(|x| x.name.as_str()))
                .map(|s| format!(" (did you mean {s}?)"))
                .unwrap_or_default();
            find(
                Severity::Error,
                "unknown-topic",
                format!("{}: unknown sub-topic {t}{hint}", p.id),
            );
        } else {
            named.push(t.as_str());
        }
    }
    if !named.is_empty()
        && p.role != Role::PartIntro
        && !named.iter().any(|t| map.mentions(t, &p.text))
    {
        find(
            Severity::Warning,
            "topic-words",
            format!(
                "{}: tagged {} but names none of its words; a reader (and the off-topic lint) cannot see it is on topic",
                p.id,
                named.join("、")
            ),
        );
    }
}

/// Per sub-topic depth (`topic-depth`, a warning) and per theme the number of sub-topics
/// (`topic-count`: an error under four, a warning under eight for a theme with many entries).
fn topic_depth(sc: &Scanned, all: &[&Phrase], out: &mut Vec<Finding>) {
    for t in &sc.themes {
        let file = t.file.display().to_string();
        let line = sc.theme_lines.get(&t.name).copied().unwrap_or(1);
        let measures = all
            .iter()
            .filter(|p| p.role == Role::Measure && p.themes.contains(&t.name))
            .count();
        if t.topics.len() < THEME_TOPICS {
            out.push(Finding {
                severity: Severity::Error,
                file: file.clone(),
                line,
                rule: "topic-count",
                message: format!(
                    "theme {} has {} sub-topic(s); every theme needs at least {THEME_TOPICS} under `topics:`",
                    t.name,
                    t.topics.len()
                ),
            });
        } else if t.topics.len() < LARGE_THEME_TOPICS && measures >= 100 {
            out.push(Finding {
                severity: Severity::Warning,
                file: file.clone(),
                line,
                rule: "topic-count",
                message: format!(
                    "theme {} has {measures} measures but {} sub-topics; a large theme wants at least {LARGE_THEME_TOPICS}",
                    t.name,
                    t.topics.len()
                ),
            });
        }
        for st in &t.topics {
            let names = [st.name.clone()];
            for (role, need) in TOPIC_DEPTH {
                let have = all
                    .iter()
                    .filter(|p| p.status == Status::Curated && p.role == role && p.serves(&names))
                    .count();
                if have < need {
                    out.push(Finding {
                        severity: Severity::Warning,
                        file: file.clone(),
                        line: sc.topic_lines.get(&st.name).copied().unwrap_or(line),
                        rule: "topic-depth",
                        message: format!(
                            "sub-topic {} has {have} {}(s); a point on it needs {need}",
                            st.name,
                            role.name()
                        ),
                    });
                }
            }
        }
    }
}

/// The slots every role gets from the planner.
pub const BASE_SLOTS: [&str; 7] = ["area", "party", "gov", "units", "place", "level", "year"];

/// The extra slots the planner gives a role, and those an entry of the role must use.
pub fn role_slots(role: Role) -> (&'static [&'static str], &'static [&'static str]) {
    match role {
        Role::Opening => (&["meeting", "purposes"], &["meeting", "purposes"]),
        Role::OpeningPlain => (&["meeting"], &["meeting"]),
        Role::Recap => (&["earlier"], &["earlier"]),
        Role::Announce => (&["count"], &[]),
        Role::AchievementFrame => (&["achievements"], &["achievements"]),
        Role::FactFrame => (&["fact"], &["fact"]),
        Role::Responsibility => (&["lead", "support"], &["lead"]),
        Role::Deadline => (&["deadline"], &["deadline"]),
        Role::ClosingCall => (&["call"], &["call"]),
        Role::Framing | Role::Requirement => (&["topic"], &[]),
        Role::Slogan | Role::Frame => (&SLOTS, &[]),
        _ => (&[], &[]),
    }
}

/// True when the planner can fill every slot of the text for its role (so the entry can be drafted).
pub fn slots_fillable(role: Role, text: &str) -> bool {
    let (extra, _) = role_slots(role);
    slots_of(text)
        .iter()
        .all(|s| BASE_SLOTS.contains(s) || extra.contains(s))
}

/// A spun (伪原创) word, what it should be, and a test on the text before and after it that says
/// whether this occurrence is spun.
type SpunTest = fn(&str, &str) -> bool;

const SPUN: &[(&str, &str, SpunTest)] = &[
    ("新开展理念", "新发展理念", |_, _| true),
    ("高质量开展", "高质量发展", |_, after| {
        after.chars().next().is_none_or(|c| !is_han(c))
            || [
                "的", "之", "新", "道路", "阶段", "理念", "示范", "水平", "要求", "体系", "先行",
                "格局", "路子", "篇章", "成效",
            ]
            .iter()
            .any(|s| after.starts_with(s))
    }),
    ("开展理念", "发展理念", |_, _| true),
    ("开展格局", "发展格局", |_, _| true),
    ("开展战略", "发展战略", |_, _| true),
    ("开展方式", "发展方式", |_, _| true),
    ("开展动能", "发展动能", |_, _| true),
    ("开展质量", "发展质量", |_, _| true),
    ("开展态势", "发展态势", |_, _| true),
    ("开展潜力", "发展潜力", |_, _| true),
    ("开展空间", "发展空间", |_, _| true),
    ("开展机遇", "发展机遇", |_, _| true),
    ("开展后劲", "发展后劲", |_, _| true),
    ("开展底线", "发展底线", |_, _| true),
    ("开展大局", "发展大局", |_, _| true),
    ("开展壮大", "发展壮大", |_, _| true),
    ("开展短板", "发展短板", |_, _| true),
    ("经济开展", "经济发展", |_, _| true),
    ("可持续开展", "可持续发展", |_, _| true),
    ("绿色开展", "绿色发展", |_, _| true),
    ("跨越式开展", "跨越式发展", |_, _| true),
    ("根底", "基础", |_, _| true),
    ("效劳", "服务", |_, _| true),
    ("稳固", "巩固", |_, after| {
        after
            .chars()
            .next()
            .is_some_and(|c| is_han(c) && !"的性地".contains(c))
    }),
    ("比拟", "比较", |before, _| {
        !["可", "以", "能", "堪"].iter().any(|s| before.ends_with(s))
    }),
    ("到达", "达到", |_, after| {
        !["现场", "一线", "基层", "目的地"]
            .iter()
            .any(|s| after.starts_with(s))
    }),
    ("筹划", "策划", |before, _| {
        !["统", "精心", "周密"].iter().any(|s| before.ends_with(s))
    }),
    ("兴旺", "发达", |before, after| {
        ["地区", "国家", "县", "省", "市"]
            .iter()
            .any(|s| after.starts_with(s))
            || ["经济", "交通", "信息", "工业"]
                .iter()
                .any(|s| before.ends_with(s))
    }),
    ("晋级", "升级", |_, _| true),
    ("结构性变革", "结构性改革", |_, _| true),
    ("树立健全", "建立健全", |_, _| true),
    ("进步", "提高", |_, after| {
        [
            "质量", "水平", "效率", "才能", "本领", "能力", "效益", "认识", "站位",
        ]
        .iter()
        .any(|s| after.starts_with(s))
    }),
];

/// Spun words in a text: (word, the standard word).
pub fn spun_words(text: &str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (word, fix, test) in SPUN {
        for (i, _) in text.match_indices(word) {
            let j = i + word.len();
            if taken.iter().any(|&(a, b)| i >= a && j <= b) {
                continue; // inside a longer spun word already reported (新开展理念 ⊃ 开展理念)
            }
            if test(&text[..i], &text[j..]) {
                out.push((*word, *fix));
                taken.push((i, j));
                break;
            }
        }
    }
    out
}

/// Generic words ending in 县/市/区/镇 that name no particular place.
const GENERIC_PLACE_WORDS: &[&str] = &[
    "地区",
    "小区",
    "深水区",
    "上市",
    "禁区",
    "盲区",
    "误区",
    "雷区",
    "风险区",
    "核心区",
    "安置区",
    "园区",
    "社区",
    "城区",
    "景区",
    "辖区",
    "片区",
    "新区",
    "库区",
    "山区",
    "湖区",
    "矿区",
    "街区",
    "校区",
    "厂区",
    "灾区",
    "老区",
    "边区",
    "牧区",
    "林区",
    "垦区",
    "市区",
    "郊区",
    "功能区",
    "开发区",
    "示范区",
    "保护区",
    "试验区",
    "集聚区",
    "先行区",
    "经济区",
    "产业区",
    "商业区",
    "工业区",
    "生活区",
    "行政区",
    "城市",
    "都市",
    "超市",
    "集市",
    "股市",
    "楼市",
    "车市",
    "城镇",
    "乡镇",
    "集镇",
    "村镇",
    "小镇",
    "重镇",
    "名镇",
    "强镇",
    "强县",
    "大县",
    "区县",
    "市县",
    "郡县",
    "县市",
    "示范县",
    "重点县",
    "先进县",
    "百强县",
    "强市",
    "县区",
    "市区县",
    "特色小镇",
    "示范镇",
    "重点镇",
    "中心镇",
    "特色镇",
];

/// Characters that, right after 县/市/区/镇, make a generic compound (县域, 市场, 区位 …).
const PLACE_CONTINUATIONS: &str = "域场级直属城乡委政府长民位情内外里管县市区镇村街间块";

/// Likely names of particular places (汉阴县, 安康市) in a text.
pub fn place_names(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !"县市区镇".contains(c) || i < 2 {
            continue;
        }
        if chars
            .get(i + 1)
            .is_some_and(|n| PLACE_CONTINUATIONS.contains(*n))
        {
            continue;
        }
        let mut start = i;
        while start > 0 && i - start < 3 && is_han(chars[start - 1]) {
            start -= 1;
        }
        // 全县/各镇 are generic; 三个区 counts; 工业强县/产业立县 are slogans.
        if i - start < 2
            || "全各本该我每其两此个一二三四五六七八九十强立活兴富稳美绿靓治旺"
                .contains(chars[i - 1])
        {
            continue;
        }
        // Try the two-character stem first (…汉阴县), then the three-character one.
        let two: String = chars[i - 2..=i].iter().collect();
        let full: String = chars[start..=i].iter().collect();
        let generic = |w: &str| {
            GENERIC_PLACE_WORDS.iter().any(|g| w.ends_with(g))
                || w.chars()
                    .next()
                    .is_some_and(|f| "全各本该我每其两此".contains(f))
        };
        if generic(&two) || generic(&full) {
            continue;
        }
        // Common function characters before the stem make it part of a phrase, not a name.
        if "的在和与及是为把对向从到县市区镇".contains(chars[i - 2]) {
            continue;
        }
        out.push(two);
    }
    out
}

const LEVEL_WORDS: &[(&str, &str)] = &[
    ("全县", "{area}"),
    ("全市", "{area}"),
    ("全区", "{area}"),
    ("全镇", "{area}"),
    ("县委", "{party}"),
    ("市委", "{party}"),
    ("区委", "{party}"),
    ("县政府", "{gov}"),
    ("市政府", "{gov}"),
    ("区政府", "{gov}"),
    ("各镇各部门", "{units}"),
];

/// The content findings of one entry (role, text, years): the rules `add` checks before writing.
/// Each is (severity, rule, message).
pub fn check_entry(role: Role, text: &str, years: &Years) -> Vec<(Severity, &'static str, String)> {
    let mut out = Vec::new();
    let mut push = |s, r, m: String| out.push((s, r, m));
    // Slots.
    let (extra, required) = role_slots(role);
    for s in slots_of(text) {
        if BASE_SLOTS.contains(&s) || extra.contains(&s) {
            continue;
        }
        if !SLOTS.contains(&s) {
            push(
                Severity::Error,
                "slot",
                format!("unknown slot {{{s}}} (the slots are: {})", SLOTS.join(", ")),
            );
        } else if role == Role::Measure && s == "topic" {
            push(
                Severity::Warning,
                "slot",
                "the planner draws measures without {topic}: this entry is never drafted".into(),
            );
        } else {
            let roles: Vec<&str> = Role::ALL
                .iter()
                .filter(|r| {
                    !matches!(r, Role::Slogan | Role::Frame) && role_slots(**r).0.contains(&s)
                })
                .map(|r| r.name())
                .collect();
            push(
                Severity::Error,
                "slot",
                format!(
                    "{{{s}}} is never given to a `{}` (only to: {})",
                    role.name(),
                    roles.join(", ")
                ),
            );
        }
    }
    let used = slots_of(text);
    for r in required {
        if !used.contains(r) {
            push(
                Severity::Error,
                "slot",
                format!(
                    "a `{}` must carry {{{r}}} (the spec's text goes there)",
                    role.name()
                ),
            );
        }
    }
    if text.contains('\n') {
        push(Severity::Error, "shape", "the text is one line".into());
    }
    // Spun words.
    for (w, fix) in spun_words(text) {
        push(
            Severity::Error,
            "spun-word",
            format!("spun word {w}: write {fix}"),
        );
    }
    // Punctuation.
    let chars: Vec<char> = text.chars().collect();
    let mut bad_punct = BTreeSet::new();
    for (i, &c) in chars.iter().enumerate() {
        if ",.;:!?()\"'".contains(c) {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let near = |x: Option<char>| {
                x.is_some_and(|x| is_han(x) || "，。：；！？“”《》、（）".contains(x))
            };
            if near(prev) || near(next) || c == '"' {
                bad_punct.insert(c);
            }
        }
    }
    if !bad_punct.is_empty() {
        let list: String = bad_punct.iter().map(|c| format!("`{c}` ")).collect();
        push(
            Severity::Error,
            "punctuation",
            format!(
                "half-width punctuation {}in Chinese text: use ，。；：！？（）“”",
                list
            ),
        );
    }
    for (open, close) in [('“', '”'), ('‘', '’'), ('《', '》'), ('（', '）')] {
        let mut depth: i32 = 0;
        let mut bad = false;
        for c in text.chars() {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth < 0 {
                    bad = true;
                }
            }
        }
        if bad || depth != 0 {
            push(
                Severity::Error,
                "quotes",
                format!("unbalanced {open}{close}"),
            );
        }
    }
    // Figures.
    let figures: BTreeSet<char> = text
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c) || *c == '%' || *c == '％')
        .collect();
    if !figures.is_empty() {
        let s: String = figures.iter().collect();
        push(
            Severity::Error,
            "figure",
            format!("figures ({s}) in a phrase: figures come from the spec only"),
        );
    }
    let places = place_names(text);
    if !places.is_empty() {
        push(
            Severity::Warning,
            "place-name",
            format!(
                "looks like a place name ({}): use {{place}} or {{area}}",
                places.join("、")
            ),
        );
    }
    for (w, slot) in LEVEL_WORDS {
        if text.contains(w) {
            push(
                Severity::Warning,
                "level-word",
                format!("{w} fits one level only: write {slot}"),
            );
            break;
        }
    }
    // Era.
    // Era: every term of the era lexicon the text uses must cover the entry's years.
    if let Some(need) = era_need(text, years) {
        let has = if years.is_always() {
            "none".to_string()
        } else {
            years.to_string()
        };
        let want = match &need.fit {
            Some(y) => {
                format!("give `years: {y}` (it has {has}; `wengao phrasebank era --write` sets it)")
            }
            None => format!(
                "its terms belong to different eras, or none meets `years: {has}`: reword it"
            ),
        };
        push(
            Severity::Error,
            "era",
            format!("{}: {want}", need.terms.join("; ")),
        );
    }
    if role == Role::YearContext && years.is_always() {
        push(
            Severity::Error,
            "era",
            "a year_context says what this year is: it must carry years".into(),
        );
    }
    let overlaps = years.from.is_none_or(|f| f <= *YEARS.end())
        && years.to.is_none_or(|t| t >= *YEARS.start());
    if !overlaps {
        push(
            Severity::Warning,
            "bad-years",
            format!(
                "years {years} lie outside {}–{}: never drafted",
                YEARS.start(),
                YEARS.end()
            ),
        );
    }
    // Shape.
    let bare: String = {
        let mut t = text.to_string();
        for s in slots_of(text) {
            t = t.replace(&format!("{{{s}}}"), "");
        }
        t
    };
    let n = bare.chars().count();
    match role {
        Role::HeadingAim | Role::HeadingGoal if !(6..=8).contains(&n) || bare.ends_with('。') => {
            push(
                Severity::Warning,
                "shape",
                format!(
                    "a `{}` is a 6–8 character verb phrase without 。 (this one has {n})",
                    role.name()
                ),
            )
        }
        Role::PointVerb | Role::PointEffort if n != 4 => push(
            Severity::Warning,
            "shape",
            format!("a `{}` has four characters (this one has {n})", role.name()),
        ),
        Role::ItemLead if bare.ends_with(['。', '，', '；']) => push(
            Severity::Warning,
            "shape",
            "an item_lead has no final punctuation (the template adds 。)".into(),
        ),
        _ => {}
    }
    out
}

/// Character bigrams of a text without its slots and punctuation.
fn bigrams(text: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = strip_slots(text).chars().filter(|c| is_han(*c)).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

fn strip_slots(text: &str) -> String {
    let mut t = text.to_string();
    for s in slots_of(text) {
        t = t.replace(&format!("{{{s}}}"), "□");
    }
    t
}

/// The length of a near-duplicate run: two entries sharing this many characters in a row are near duplicates.
pub const NEAR_RUN: usize = 12;
/// Char-bigram Jaccard similarity at or above which two entries are near duplicates.
pub const NEAR_JACCARD: f64 = 0.8;

/// The Jaccard similarity of two texts' character bigrams.
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&bigrams(a), &bigrams(b))
}

fn jaccard(x: &HashSet<(char, char)>, y: &HashSet<(char, char)>) -> f64 {
    let inter = x.intersection(y).count();
    let union = x.len() + y.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// How many earlier entries one entry is compared with, at most, in [`near_pairs`].
const NEAR_CANDIDATES: usize = 2_000;

/// Pairs `(i, j, similarity)`, `i < j`, of bigram sets at least [`NEAR_JACCARD`] alike: for each
/// `j` not already `done` (reported by another rule) the first such `i`, so an entry is reported
/// once, however many it is alike with.
///
/// Not all pairs (10,000 similar entries took 16 s, 300,000 took 18 GB): prefix filtering.
/// Each set's bigrams are ordered rarest first; two sets alike at ≥ t share a bigram among the
/// first `|x| - ⌈t·|x|⌉ + 1` of each, so only entries sharing such a bigram are compared, and at
/// most [`NEAR_CANDIDATES`] of them per entry.
fn near_pairs(grams: &[HashSet<(char, char)>], done: &HashSet<usize>) -> Vec<(usize, usize, f64)> {
    let mut df: HashMap<(char, char), usize> = HashMap::new();
    for g in grams {
        for b in g {
            *df.entry(*b).or_default() += 1;
        }
    }
    let mut index: HashMap<(char, char), Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for (j, g) in grams.iter().enumerate() {
        let b = g.len();
        if b < 3 {
            continue;
        }
        let mut toks: Vec<(char, char)> = g.iter().copied().collect();
        toks.sort_by_key(|t| (df.get(t).copied().unwrap_or(0), *t));
        let need = (NEAR_JACCARD * b as f64 - 1e-9).ceil() as usize;
        let prefix = &toks[..(b + 1 - need.min(b)).min(b)];
        seen.clear();
        let mut checked = 0;
        let probe = if done.contains(&j) { &[][..] } else { prefix };
        'probe: for t in probe {
            for &i in index.get(t).map(Vec::as_slice).unwrap_or(&[]) {
                if !seen.insert(i) {
                    continue;
                }
                checked += 1;
                if checked > NEAR_CANDIDATES {
                    break 'probe;
                }
                let a = grams[i].len();
                if (a.min(b) as f64) < NEAR_JACCARD * a.max(b) as f64 {
                    continue;
                }
                let s = jaccard(&grams[i], g);
                if s >= NEAR_JACCARD {
                    out.push((i, j, s));
                    break 'probe;
                }
            }
        }
        for t in prefix {
            index.entry(*t).or_default().push(j);
        }
    }
    out
}

/// A role below depth: (role, need, [(year, have)]).
type Gap = (Role, usize, Vec<(i32, usize)>);

/// Depth shortfalls: (role, need, Vec<(year, have)>) for the entries serving `theme` (None: common).
fn depth_gaps(phrases: &[&Phrase], theme: Option<&str>, table: &[(Role, usize)]) -> Vec<Gap> {
    let mut out = Vec::new();
    for &(role, need) in table {
        let pool: Vec<&&Phrase> = phrases
            .iter()
            .filter(|p| {
                p.role == role && p.status == Status::Curated && slots_fillable(role, &p.text)
            })
            .filter(|p| theme.is_none_or(|t| p.themes.iter().any(|x| x == t)))
            .collect();
        let short: Vec<(i32, usize)> = YEARS
            .map(|y| (y, pool.iter().filter(|p| p.years.contains(y)).count()))
            .filter(|(_, n)| *n < need)
            .collect();
        if !short.is_empty() {
            out.push((role, need, short));
        }
    }
    out
}

/// `2018–2020 (2), 2026 (1)`: runs of years with the same count.
fn year_runs(short: &[(i32, usize)]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < short.len() {
        let (y0, n0) = short[i];
        let mut j = i;
        while j + 1 < short.len() && short[j + 1].0 == short[j].0 + 1 && short[j + 1].1 == n0 {
            j += 1;
        }
        let y1 = short[j].0;
        parts.push(if y0 == y1 {
            format!("{y0} (has {n0})")
        } else {
            format!("{y0}–{y1} (has {n0})")
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// Lint a phrasebank directory.
pub fn lint(dir: &Path, opts: &LintOptions) -> Result<Vec<Finding>> {
    let sources = read_sources(dir)?;
    Ok(lint_sources(dir, &sources, opts))
}

/// Lint (path, text) pairs of a phrasebank rooted at `dir`. Findings are sorted by file and line.
pub fn lint_sources(dir: &Path, sources: &[(PathBuf, String)], opts: &LintOptions) -> Vec<Finding> {
    let sc = scan(dir, sources);
    let mut out = sc.findings.clone();
    let at = |p: &Phrase, severity, rule, message: String| Finding {
        severity,
        file: p.file.display().to_string(),
        line: p.line,
        rule,
        message,
    };
    let known: HashSet<&str> = sc.themes.iter().map(|t| t.name.as_str()).collect();
    let map = crate::topic::TopicMap::new(
        sc.themes
            .iter()
            .flat_map(|t| t.topics.iter().cloned())
            .collect(),
    );
    for p in &sc.phrases {
        if p.status == Status::Retired {
            continue;
        }
        for t in &p.themes {
            if !known.contains(t.as_str()) {
                let sev = if p.status == Status::Curated {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let hint = crate::error::did_you_mean(t, known.iter().copied())
                    .map(|s| format!(" (did you mean {s}?)"))
                    .unwrap_or_default();
                out.push(at(
                    p,
                    sev,
                    "unknown-theme",
                    format!("{}: unknown theme {t}{hint}", p.id),
                ));
            }
        }
        if p.status != Status::Curated {
            continue;
        }
        for (sev, rule, msg) in check_entry(p.role, &p.text, &p.years) {
            out.push(at(p, sev, rule, format!("{}: {msg}", p.id)));
        }
        check_tags(p, &map, &mut |sev, rule, msg| {
            out.push(at(p, sev, rule, msg))
        });
    }
    // Duplicates and near duplicates, among curated entries of one role.
    let curated: Vec<&Phrase> = sc
        .phrases
        .iter()
        .filter(|p| p.status == Status::Curated)
        .collect();
    let mut by_role: BTreeMap<Role, Vec<&Phrase>> = BTreeMap::new();
    for p in &curated {
        by_role.entry(p.role).or_default().push(p);
    }
    for group in by_role.values() {
        let mut exact: HashMap<&str, (usize, &Phrase)> = HashMap::new();
        let mut reported: HashSet<(usize, usize)> = HashSet::new();
        for (j, p) in group.iter().enumerate() {
            if let Some(&(i, first)) = exact.get(p.text.as_str()) {
                // Same role and theme: an error. Different themes: one entry with `themes: [A, B]` would do.
                let shared = (p.themes.is_empty() && first.themes.is_empty())
                    || p.themes.iter().any(|t| first.themes.contains(t));
                let (sev, how) = if shared {
                    (Severity::Error, String::new())
                } else {
                    (
                        Severity::Warning,
                        " in another theme; list both themes on one entry".to_string(),
                    )
                };
                out.push(at(
                    p,
                    sev,
                    "duplicate",
                    format!(
                        "{}: same text as {} ({}:{}){how}",
                        p.id,
                        first.id,
                        first.file.display(),
                        first.line
                    ),
                ));
                reported.insert((i, j));
            } else {
                exact.insert(&p.text, (j, p));
            }
        }
        // Shared runs of NEAR_RUN characters.
        let mut windows: HashMap<String, usize> = HashMap::new();
        for (j, p) in group.iter().enumerate() {
            let chars: Vec<char> = strip_slots(&p.text).chars().collect();
            let mut hit: Option<usize> = None;
            let mut mine: HashSet<String> = HashSet::new();
            for w in chars.windows(NEAR_RUN) {
                let key: String = w.iter().collect();
                if let Some(&i) = windows.get(&key)
                    && i != j
                    && hit.is_none()
                {
                    hit = Some(i);
                }
                mine.insert(key);
            }
            if let Some(i) = hit
                && reported.insert((i, j))
            {
                let q = group[i];
                out.push(at(
                    p,
                    Severity::Warning,
                    "near-duplicate",
                    format!(
                        "{}: shares {NEAR_RUN}+ characters in a row with {} ({}:{})",
                        p.id,
                        q.id,
                        q.file.display(),
                        q.line
                    ),
                ));
            }
            for k in mine {
                windows.entry(k).or_insert(j);
            }
        }
        // Bigram similarity.
        let grams: Vec<HashSet<(char, char)>> = group.iter().map(|p| bigrams(&p.text)).collect();
        let done: HashSet<usize> = reported.iter().map(|&(_, j)| j).collect();
        for (i, j, s) in near_pairs(&grams, &done) {
            let q = group[i];
            out.push(at(
                group[j],
                Severity::Warning,
                "near-duplicate",
                format!(
                    "{}: {:.0}% alike with {} ({}:{})",
                    group[j].id,
                    s * 100.0,
                    q.id,
                    q.file.display(),
                    q.line
                ),
            ));
        }
    }
    // Themes × roles depth.
    if opts.depth {
        let all: Vec<&Phrase> = sc.phrases.iter().collect();
        topic_depth(&sc, &all, &mut out);
        for t in &sc.themes {
            for (role, need, short) in depth_gaps(&all, Some(&t.name), &Role::THEME_DEPTH) {
                out.push(Finding {
                    severity: Severity::Error,
                    file: t.file.display().to_string(),
                    line: sc.theme_lines.get(&t.name).copied().unwrap_or(1),
                    rule: "depth",
                    message: format!(
                        "theme {} × {}: the planner needs {need} curated entries each year; short in {}",
                        t.name,
                        role.name(),
                        year_runs(&short)
                    ),
                });
            }
        }
        let common = sc.files.iter().find(|f| place_of(dir, f) == Place::Common);
        match common {
            None => out.push(Finding {
                severity: Severity::Error,
                file: dir.join("common.yaml").display().to_string(),
                line: 0,
                rule: "depth",
                message:
                    "no common.yaml: the speech-level roles (opening, closing …) have no entries"
                        .into(),
            }),
            Some(f) => {
                for (role, need, short) in depth_gaps(&all, None, &Role::COMMON_DEPTH) {
                    out.push(Finding {
                        severity: Severity::Error,
                        file: f.display().to_string(),
                        line: 1,
                        rule: "depth",
                        message: format!(
                            "common × {}: the planner needs {need} curated entries each year; short in {}",
                            role.name(),
                            year_runs(&short)
                        ),
                    });
                }
            }
        }
    }
    for t in &opts.required_themes {
        if !known.contains(t.as_str()) {
            out.push(Finding {
                severity: Severity::Error,
                file: dir.join("themes").display().to_string(),
                line: 0,
                rule: "missing-theme",
                message: format!("no theme file for {t}, a theme every phrasebank must know"),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.file, a.line, a.severity, a.rule).cmp(&(&b.file, b.line, b.severity, b.rule))
    });
    out
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

// ---------------------------------------------------------------------------------------------
// Stats, themes, search

/// Counts of one role.
#[derive(Debug, Clone, Serialize)]
pub struct RoleCount {
    pub role: &'static str,
    /// Curated entries (any year).
    pub curated: usize,
    /// The depth the planner needs each year.
    pub need: usize,
    /// The fewest curated entries valid in one year of 2018–2030.
    pub min_year: usize,
}

/// Counts of one theme (or of common.yaml).
#[derive(Debug, Clone, Serialize)]
pub struct ThemeStats {
    pub theme: String,
    pub file: String,
    pub roles: Vec<RoleCount>,
    pub curated: usize,
    pub candidates: usize,
    pub retired: usize,
    /// Roles below depth in some year.
    pub thin: usize,
    /// Its sub-topics and their depth.
    pub topics: Vec<TopicStats>,
}

/// The depth of one sub-topic: curated entries tagged with it, of any theme.
#[derive(Debug, Clone, Serialize)]
pub struct TopicStats {
    pub name: String,
    pub measures: usize,
    pub framings: usize,
    pub item_leads: usize,
    /// Below [`TOPIC_DEPTH`].
    pub thin: bool,
}

/// Coverage of one year.
#[derive(Debug, Clone, Serialize)]
pub struct YearStats {
    pub year: i32,
    /// Curated entries valid that year.
    pub curated: usize,
    /// Curated entries valid only in part of 2018–2030 (era-bound) and valid that year.
    pub era_bound: usize,
    /// Theme × role pairs (and common roles) below depth that year.
    pub thin: usize,
}

/// Candidates waiting for curation in one file.
#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    pub file: String,
    pub candidates: usize,
}

/// What `phrasebank stats` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub entries: usize,
    pub curated: usize,
    pub candidates: usize,
    pub retired: usize,
    pub themes: Vec<ThemeStats>,
    pub common: ThemeStats,
    pub years: Vec<YearStats>,
    pub waiting: Vec<Waiting>,
}

fn count_status(ps: &[&Phrase], s: Status) -> usize {
    ps.iter().filter(|p| p.status == s).count()
}

fn role_counts(ps: &[&Phrase], theme: Option<&str>, table: &[(Role, usize)]) -> Vec<RoleCount> {
    table
        .iter()
        .map(|&(role, need)| {
            let pool: Vec<&&Phrase> = ps
                .iter()
                .filter(|p| {
                    p.role == role && p.status == Status::Curated && slots_fillable(role, &p.text)
                })
                .filter(|p| theme.is_none_or(|t| p.themes.iter().any(|x| x == t)))
                .collect();
            RoleCount {
                role: role.name(),
                curated: pool.len(),
                need,
                min_year: YEARS
                    .map(|y| pool.iter().filter(|p| p.years.contains(y)).count())
                    .min()
                    .unwrap_or(0),
            }
        })
        .collect()
}

/// Stats of loaded phrases and themes (from [`scan`] or a loaded [`crate::phrasebank::Phrasebank`]).
pub fn stats(phrases: &[Phrase], themes: &[Theme]) -> Stats {
    let all: Vec<&Phrase> = phrases.iter().collect();
    let mut theme_stats = Vec::new();
    for t in themes {
        let mine: Vec<&Phrase> = all
            .iter()
            .copied()
            .filter(|p| p.themes.contains(&t.name))
            .collect();
        let roles = role_counts(&all, Some(&t.name), &Role::THEME_DEPTH);
        let topics = t
            .topics
            .iter()
            .map(|st| {
                let names = [st.name.clone()];
                let n = |role: Role| {
                    all.iter()
                        .filter(|p| {
                            p.status == Status::Curated && p.role == role && p.serves(&names)
                        })
                        .count()
                };
                let (measures, framings) = (n(Role::Measure), n(Role::Framing));
                TopicStats {
                    name: st.name.clone(),
                    measures,
                    framings,
                    item_leads: n(Role::ItemLead),
                    thin: measures < TOPIC_DEPTH[0].1 || framings < TOPIC_DEPTH[1].1,
                }
            })
            .collect();
        theme_stats.push(ThemeStats {
            topics,
            theme: t.name.clone(),
            file: t.file.display().to_string(),
            thin: roles.iter().filter(|r| r.min_year < r.need).count(),
            roles,
            curated: count_status(&mine, Status::Curated),
            candidates: count_status(&mine, Status::Candidate),
            retired: count_status(&mine, Status::Retired),
        });
    }
    let speech: Vec<&Phrase> = all
        .iter()
        .copied()
        .filter(|p| !p.role.is_theme_role())
        .collect();
    let common_roles = role_counts(&all, None, &Role::COMMON_DEPTH);
    let common_file = speech
        .iter()
        .find(|p| p.file.file_stem().is_some_and(|s| s == "common"))
        .map(|p| p.file.display().to_string())
        .unwrap_or_else(|| "common.yaml".into());
    let common = ThemeStats {
        topics: Vec::new(),
        theme: "common".into(),
        file: common_file,
        thin: common_roles.iter().filter(|r| r.min_year < r.need).count(),
        roles: common_roles,
        curated: count_status(&speech, Status::Curated),
        candidates: count_status(&speech, Status::Candidate),
        retired: count_status(&speech, Status::Retired),
    };
    let years = YEARS
        .map(|y| {
            let valid: Vec<&&Phrase> = all
                .iter()
                .filter(|p| p.status == Status::Curated && p.years.contains(y))
                .collect();
            let mut thin = 0;
            for t in themes {
                for &(role, need) in &Role::THEME_DEPTH {
                    let n = valid
                        .iter()
                        .filter(|p| {
                            p.role == role
                                && p.themes.contains(&t.name)
                                && slots_fillable(role, &p.text)
                        })
                        .count();
                    thin += usize::from(n < need);
                }
            }
            for &(role, need) in &Role::COMMON_DEPTH {
                let n = valid
                    .iter()
                    .filter(|p| p.role == role && slots_fillable(role, &p.text))
                    .count();
                thin += usize::from(n < need);
            }
            YearStats {
                year: y,
                curated: valid.len(),
                era_bound: valid.iter().filter(|p| !p.years.is_always()).count(),
                thin,
            }
        })
        .collect();
    let mut waiting: BTreeMap<String, usize> = BTreeMap::new();
    for p in &all {
        if p.status == Status::Candidate {
            *waiting.entry(p.file.display().to_string()).or_default() += 1;
        }
    }
    Stats {
        entries: all.len(),
        curated: count_status(&all, Status::Curated),
        candidates: count_status(&all, Status::Candidate),
        retired: count_status(&all, Status::Retired),
        themes: theme_stats,
        common,
        years,
        waiting: waiting
            .into_iter()
            .map(|(file, candidates)| Waiting { file, candidates })
            .collect(),
    }
}

pub use crate::text::width;

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

impl Stats {
    /// The text report of `phrasebank stats`.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut o = String::new();
        let _ = writeln!(
            o,
            "{} entries: {} curated, {} candidates, {} retired; {} themes",
            self.entries,
            self.curated,
            self.candidates,
            self.retired,
            self.themes.len()
        );
        let _ = writeln!(
            o,
            "\nEntries per theme and role (curated; `n/need` where the thinnest year is below depth):"
        );
        let roles: Vec<&str> = Role::THEME_DEPTH.iter().map(|(r, _)| r.name()).collect();
        let tw = self
            .themes
            .iter()
            .map(|t| width(&t.theme))
            .max()
            .unwrap_or(5)
            .max(6);
        let _ = write!(o, "{}", pad("theme", tw));
        for r in &roles {
            let _ = write!(o, "  {r}");
        }
        let _ = writeln!(o, "  candidates  retired");
        for t in &self.themes {
            let _ = write!(o, "{}", pad(&t.theme, tw));
            for (rc, name) in t.roles.iter().zip(&roles) {
                let cell = if rc.min_year < rc.need {
                    format!("{}!{}/{}", rc.curated, rc.min_year, rc.need)
                } else {
                    rc.curated.to_string()
                };
                let _ = write!(o, "  {:>w$}", cell, w = name.len());
            }
            let _ = writeln!(o, "  {:>10}  {:>7}", t.candidates, t.retired);
        }
        let _ = writeln!(
            o,
            "\nSub-topics (the topic map): measures/framings/item leads tagged with each, any theme; `!` below depth ({} measures, {} framings):",
            TOPIC_DEPTH[0].1, TOPIC_DEPTH[1].1
        );
        for t in &self.themes {
            let cells: Vec<String> = t
                .topics
                .iter()
                .map(|st| {
                    format!(
                        "{}{} {}/{}/{}",
                        if st.thin { "!" } else { "" },
                        st.name,
                        st.measures,
                        st.framings,
                        st.item_leads
                    )
                })
                .collect();
            let _ = writeln!(
                o,
                "  {} ({}): {}",
                pad(&t.theme, tw),
                t.topics.len(),
                if cells.is_empty() {
                    "none".to_string()
                } else {
                    cells.join("  ")
                }
            );
        }
        let _ = writeln!(o, "\nSpeech-level roles (common):");
        for rc in &self.common.roles {
            let mark = if rc.min_year < rc.need {
                format!(
                    "  below depth: {} in the thinnest year, needs {}",
                    rc.min_year, rc.need
                )
            } else {
                String::new()
            };
            let _ = writeln!(o, "  {:<18} {:>4}{mark}", rc.role, rc.curated);
        }
        let _ = writeln!(
            o,
            "\nEra coverage (curated entries valid each year; era-bound ones; theme×role pairs below depth):"
        );
        for y in &self.years {
            let _ = writeln!(
                o,
                "  {}  {:>5}  {:>5} era-bound  {:>3} thin",
                y.year, y.curated, y.era_bound, y.thin
            );
        }
        let _ = writeln!(o, "\nCandidates waiting for curation: {}", self.candidates);
        for w in &self.waiting {
            let _ = writeln!(o, "  {:>5}  {}", w.candidates, w.file);
        }
        o
    }
}

/// A search of the phrasebank.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Text (or id) to look for; empty matches every entry.
    pub text: String,
    pub theme: Option<String>,
    pub role: Option<Role>,
    /// Only entries valid this year.
    pub year: Option<i32>,
    /// Include candidates and retired entries.
    pub all: bool,
}

/// Entries matching a query, in file order.
pub fn search<'a>(phrases: &'a [Phrase], q: &Query) -> Vec<&'a Phrase> {
    let needle = q.text.trim();
    phrases
        .iter()
        .filter(|p| q.all || p.status == Status::Curated)
        .filter(|p| needle.is_empty() || p.text.contains(needle) || p.id.contains(needle))
        .filter(|p| q.theme.as_ref().is_none_or(|t| p.themes.contains(t)))
        .filter(|p| q.role.is_none_or(|r| p.role == r))
        .filter(|p| q.year.is_none_or(|y| p.years.contains(y)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Edits

/// A new entry for [`add`].
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub text: String,
    pub role: Option<Role>,
    /// The themes it serves; the first picks the file (theme roles need one).
    pub themes: Vec<String>,
    pub years: Option<String>,
    pub weight: Option<u32>,
    pub kinds: Vec<String>,
    /// The sub-topics it serves, or `general`.
    pub topics: Vec<String>,
    pub source: Option<String>,
    pub status: Option<Status>,
}

/// What [`add`] did.
#[derive(Debug, Clone, Serialize)]
pub struct Added {
    pub id: String,
    pub file: PathBuf,
    pub line: usize,
    /// Warnings about the new entry (near duplicates, place names …).
    pub warnings: Vec<String>,
}

/// Read-modify-write under the lock: `edit` gets the file's text and returns the new text and a
/// value; the file is re-read before the rename and the edit redone if it changed meanwhile.
/// The lock is the phrasebank directory's ([`crate::io::DirLock`]), shared with `mine --merge`.
fn locked_edit<T>(
    dir: &Path,
    file: &Path,
    mut edit: impl FnMut(&str) -> Result<(String, T)>,
) -> Result<T> {
    let _lock = crate::io::DirLock::acquire(dir)?;
    for _ in 0..5 {
        let before = crate::io::read_file_text(file)?;
        let (after, value) = edit(&before)?;
        let now = crate::io::read_file_text(file)?;
        if now != before {
            continue; // someone wrote without the lock: redo the edit on the new text
        }
        crate::io::write_atomic(file, after.as_bytes(), true)?;
        return Ok(value);
    }
    Err(Error::Usage(format!(
        "`{}` keeps changing under the edit; try again",
        file.display()
    )))
}

/// A YAML scalar for `s`: plain when that reads back as the same string, else single-quoted.
pub fn yaml_scalar(s: &str, in_flow: bool) -> String {
    let plain_ok = !s.is_empty()
        && s.trim() == s
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control())
        && !(in_flow && s.contains([',', '[', ']', '{', '}']))
        && serde_yaml::from_str::<serde_yaml::Value>(s)
            .ok()
            .and_then(|v| v.as_str().map(|x| x == s))
            == Some(true);
    if plain_ok {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

/// The entries block of a file: (line index of `entries:`, index past its last line).
fn entries_block(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| l.starts_with("entries:"))?;
    let mut end = lines.len();
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        let t = l.trim_start();
        if l.len() == t.len() && !t.is_empty() && !t.starts_with('#') && !t.starts_with('-') {
            end = i;
            break;
        }
    }
    Some((start, end))
}

fn is_content(l: &str) -> bool {
    let t = l.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The next free number for ids `<prefix><n>`.
fn next_number(phrases: &[Phrase], prefix: &str) -> u64 {
    phrases
        .iter()
        .filter_map(|p| {
            p.id.strip_prefix(prefix)
                .and_then(|n| n.parse::<u64>().ok())
        })
        .max()
        .map(|n| n + 1)
        .unwrap_or(1)
}

/// The file an entry of `role` for `theme` goes to.
pub fn target_file(dir: &Path, sc: &Scanned, role: Role, theme: Option<&str>) -> Result<PathBuf> {
    if role.is_theme_role() {
        let Some(t) = theme else {
            return Err(Error::Usage(format!(
                "a `{}` entry needs --theme (the theme whose file it goes to)",
                role.name()
            )));
        };
        match sc.themes.iter().find(|x| x.name == t) {
            Some(x) => Ok(x.file.clone()),
            None => {
                let names: Vec<&str> = sc.themes.iter().map(|x| x.name.as_str()).collect();
                let hint = crate::error::did_you_mean(t, names.iter().copied())
                    .map(|s| format!("did you mean {s}? "))
                    .unwrap_or_default();
                Err(Error::Usage(format!(
                    "unknown theme {t}: {hint}the themes are {}",
                    names.join("、")
                )))
            }
        }
    } else if matches!(role, Role::Slogan | Role::Frame) {
        Err(Error::Usage(format!(
            "`{}` is for mined candidates; `mine` writes those",
            role.name()
        )))
    } else {
        let p = dir.join("common.yaml");
        if p.is_file() {
            Ok(p)
        } else {
            Err(Error::Usage(format!(
                "`{}` does not exist: create it with `entries:`",
                p.display()
            )))
        }
    }
}

/// The fields of a block entry, in an order like the file's own.
fn entry_fields(e: &RawPhrase) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("id", yaml_scalar(&e.id, false)),
        ("role", e.role.clone()),
        ("text", yaml_scalar(&e.text, false)),
    ];
    if !e.themes.is_empty() {
        let items: Vec<String> = e.themes.iter().map(|t| yaml_scalar(t, true)).collect();
        f.push(("themes", format!("[{}]", items.join(", "))));
    }
    if !e.topics.is_empty() {
        let items: Vec<String> = e.topics.iter().map(|t| yaml_scalar(t, true)).collect();
        f.push(("topics", format!("[{}]", items.join(", "))));
    }
    if !e.kinds.is_empty() {
        f.push(("kinds", format!("[{}]", e.kinds.join(", "))));
    }
    if let Some(y) = &e.years {
        f.push(("years", yaml_scalar(y.as_str(), false)));
    }
    if let Some(w) = e.weight {
        f.push(("weight", w.to_string()));
    }
    if let Some(s) = &e.source {
        f.push(("source", yaml_scalar(s, false)));
    }
    if let Some(s) = e.status {
        let name = match s {
            Status::Curated => "curated",
            Status::Candidate => "candidate",
            Status::Retired => "retired",
        };
        f.push(("status", name.to_string()));
    }
    f
}

/// The key order of the last block entry in the file (keys at the entry's key indent).
fn key_order(lines: &[&str], item_start: usize, end: usize, key_indent: usize) -> Vec<String> {
    let mut keys = Vec::new();
    for (k, l) in lines[item_start..end].iter().enumerate() {
        let body = if k == 0 {
            l.get(key_indent..).unwrap_or("")
        } else {
            l.strip_prefix(&" ".repeat(key_indent)).unwrap_or("")
        };
        if body.starts_with(' ') || body.starts_with('{') {
            continue;
        }
        if let Some((key, _)) = body.split_once(':') {
            keys.push(key.trim().to_string());
        }
    }
    keys
}

/// Insert an entry at the end of the `entries:` list of a file's text, keeping every byte before it.
/// Returns the new text and the 1-based line of the new entry.
pub fn append_entry(text: &str, e: &RawPhrase) -> Result<(String, usize)> {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.lines().collect();
    let starts = entry_lines(text);
    // Indentation style from the existing entries.
    let (item_indent, key_indent, order) = match starts.last() {
        Some(&last) => {
            let l = lines[last - 1];
            let ii = l.len() - l.trim_start().len();
            let after = &l[ii + 1..];
            let ki = ii + 1 + (after.len() - after.trim_start().len());
            let (_, end) = entries_block(&lines).unwrap_or((0, lines.len()));
            let order = key_order(&lines, last - 1, end, ki);
            (
                ii,
                if after.trim_start().starts_with('{') {
                    ii + 2
                } else {
                    ki
                },
                order,
            )
        }
        None => (2, 4, Vec::new()),
    };
    let mut fields = entry_fields(e);
    // Quote the text as the last entry does (`text: "…"` is common in hand-written files).
    if let Some(&last) = starts.last() {
        let (_, end) = entries_block(&lines).unwrap_or((0, lines.len()));
        let double = lines[last - 1..end].iter().any(|l| {
            l.trim_start()
                .trim_start_matches("- ")
                .trim_start()
                .starts_with("text: \"")
        });
        if double {
            for f in fields.iter_mut().filter(|f| f.0 == "text") {
                f.1 = format!("\"{}\"", e.text.replace('\\', "\\\\").replace('"', "\\\""));
            }
        }
    }
    fields.sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
    let mut block = String::new();
    for (i, (k, v)) in fields.iter().enumerate() {
        if i == 0 {
            block.push_str(&format!(
                "{}- {}{k}: {v}{nl}",
                " ".repeat(item_indent),
                " ".repeat(key_indent - item_indent - 2)
            ));
        } else {
            block.push_str(&format!("{}{k}: {v}{nl}", " ".repeat(key_indent)));
        }
    }
    let mut out = String::with_capacity(text.len() + block.len() + 16);
    let line_no;
    match entries_block(&lines) {
        Some((start, end)) => {
            let header_rest = lines[start]["entries:".len()..].trim();
            let header_is_empty_flow = header_rest.starts_with("[]");
            let last_content = (start + 1..end).rev().find(|&i| is_content(lines[i]));
            let insert_after = match last_content {
                Some(i) if !header_is_empty_flow => i,
                _ => start,
            };
            // Byte offset of the end of line `insert_after` (including its newline).
            let mut offset = 0;
            for (i, l) in text.split_inclusive('\n').enumerate() {
                offset += l.len();
                if i == insert_after {
                    break;
                }
            }
            if header_is_empty_flow {
                // `entries: []` → `entries:` followed by the first entry.
                let line_start: usize = text.split_inclusive('\n').take(start).map(str::len).sum();
                out.push_str(&text[..line_start]);
                out.push_str("entries:");
                out.push_str(nl);
                out.push_str(&block);
                out.push_str(&text[offset..]);
                line_no = start + 2;
            } else {
                out.push_str(&text[..offset]);
                if !out.ends_with('\n') {
                    out.push_str(nl);
                }
                out.push_str(&block);
                out.push_str(&text[offset..]);
                line_no = insert_after + 2;
            }
        }
        None => {
            out.push_str(text);
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(nl);
            }
            out.push_str("entries:");
            out.push_str(nl);
            line_no = out.lines().count() + 1;
            out.push_str(&block);
        }
    }
    Ok((out, line_no))
}

fn parse_raw(file: &Path, text: &str) -> Result<RawFile> {
    if crate::yamlpos::too_deep(text).is_some() {
        return Err(Error::Usage(format!(
            "`{}` is nested too deep to be a phrasebank file; fix it first (`wengao phrasebank lint`)",
            file.display()
        )));
    }
    serde_yaml::from_str(text).map_err(|e| {
        Error::Usage(format!(
            "`{}` does not parse ({}); fix it first (`wengao phrasebank lint`)",
            file.display(),
            yaml_message(&e)
        ))
    })
}

/// Every value of a new entry is one line of plain text: a line break or control character
/// (BEL, ESC, NUL …) is refused up front, with the option that holds it.
fn refuse_control_characters(new: &NewEntry) -> Result<()> {
    let mut values: Vec<(&str, &str)> = vec![("--text", new.text.as_str())];
    values.extend(new.source.as_deref().map(|s| ("--source", s)));
    values.extend(new.years.as_deref().map(|s| ("--years", s)));
    values.extend(new.themes.iter().map(|s| ("--theme", s.as_str())));
    values.extend(new.topics.iter().map(|s| ("--topic", s.as_str())));
    values.extend(new.kinds.iter().map(|s| ("--kind", s.as_str())));
    for (opt, v) in values {
        if let Some(c) = v.trim().chars().find(|c| c.is_control()) {
            let what = if matches!(c, '\n' | '\r') {
                "a line break".to_string()
            } else {
                format!("a control character (U+{:04X})", c as u32)
            };
            return Err(Error::Usage(format!(
                "{opt} contains {what}; a phrasebank value is one line of plain text: remove it and run again"
            )));
        }
    }
    Ok(())
}

/// Add an entry: check it as lint would, give it the next id of its file and role, and append it
/// to the file of its (first) theme or to common.yaml. Refused (an error) when it would not lint.
pub fn add(dir: &Path, new: &NewEntry) -> Result<Added> {
    let role = new
        .role
        .ok_or_else(|| Error::Usage("--role is required".into()))?;
    let text = new.text.trim().to_string();
    if text.is_empty() {
        return Err(Error::Usage("--text is empty".into()));
    }
    refuse_control_characters(new)?;
    let years = match &new.years {
        None => Years::default(),
        Some(y) => Years::parse(y).ok_or_else(|| {
            Error::Usage(format!(
                "bad year range `{y}`: write e.g. 2021-2025, 2026-, -2020 or 2024"
            ))
        })?,
    };
    for k in &new.kinds {
        if Kind::parse(k).is_none() {
            return Err(Error::Usage(format!(
                "unknown meeting kind `{k}` (plenary, economy, key_work, rule_of_law, safety, investment)"
            )));
        }
    }
    let sc = scan_dir(dir)?;
    let known: Vec<&str> = sc.themes.iter().map(|t| t.name.as_str()).collect();
    for t in &new.themes {
        if !known.contains(&t.as_str()) {
            let hint = crate::error::did_you_mean(t, known.iter().copied())
                .map(|s| format!("did you mean {s}? "))
                .unwrap_or_default();
            return Err(Error::Usage(format!(
                "unknown theme {t}: {hint}`wengao phrasebank themes` lists them"
            )));
        }
    }
    let file = target_file(dir, &sc, role, new.themes.first().map(String::as_str))?;
    let status = new.status.unwrap_or_default();
    let mut warnings = Vec::new();
    if status == Status::Curated {
        let mut errors = Vec::new();
        for (sev, rule, msg) in check_entry(role, &text, &years) {
            match sev {
                Severity::Error => errors.push(format!("[{rule}] {msg}")),
                Severity::Warning => warnings.push(format!("[{rule}] {msg}")),
            }
        }
        let grams = bigrams(&text);
        for p in sc
            .phrases
            .iter()
            .filter(|p| p.role == role && p.status == Status::Curated)
        {
            if p.text == text {
                errors.push(format!(
                    "[duplicate] same text as {} ({}:{})",
                    p.id,
                    p.file.display(),
                    p.line
                ));
            } else if jaccard(&grams, &bigrams(&p.text)) >= NEAR_JACCARD {
                warnings.push(format!(
                    "[near-duplicate] alike with {} ({}:{})",
                    p.id,
                    p.file.display(),
                    p.line
                ));
            }
        }
        if !errors.is_empty() {
            return Err(Error::Usage(format!(
                "the entry would not lint, so it was not added:\n  {}",
                errors.join("\n  ")
            )));
        }
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let prefix = format!("{stem}.{}.", role.name());
    let file_theme = sc
        .themes
        .iter()
        .find(|t| t.file == file)
        .map(|t| t.name.clone());
    let themes = if new.themes.len() == 1
        && file_theme.as_deref() == new.themes.first().map(String::as_str)
    {
        Vec::new()
    } else {
        new.themes.clone()
    };
    let (id, line) = locked_edit(dir, &file, |before| {
        // Ids from the whole phrasebank, and from this file as it is now (another edit may have added some).
        let mut phrases = scan_dir(dir)?.phrases;
        let old = parse_raw(&file, before)?;
        phrases.extend(old.entries.iter().map(|e| Phrase {
            id: e.id.clone(),
            role,
            text: String::new(),
            themes: Vec::new(),
            topics: Vec::new(),
            kinds: Vec::new(),
            years: Years::default(),
            live: Default::default(),
            weight: 1,
            source: String::new(),
            status: Status::Curated,
            file: file.as_path().into(),
            line: 0,
        }));
        let id = format!("{prefix}{}", next_number(&phrases, &prefix));
        let raw = RawPhrase {
            id: id.clone(),
            role: role.name().to_string(),
            text: text.clone(),
            themes: themes.clone(),
            topics: new.topics.clone(),
            kinds: new.kinds.clone(),
            years: new
                .years
                .as_ref()
                .map(|y| crate::spec::Text(y.trim().to_string())),
            weight: new.weight,
            source: Some(new.source.clone().unwrap_or_else(|| "written".into())),
            status: new.status.filter(|s| *s != Status::Curated),
            count: None,
        };
        let (after, line) = append_entry(before, &raw)?;
        let parsed = parse_raw(&file, &after)
            .map_err(|e| Error::Usage(format!("internal: the edit would break the file: {e}")))?;
        let mut want = old.clone();
        want.entries.push(raw.clone());
        if parsed != want {
            return Err(Error::Usage(format!(
                "internal: the edited `{}` would not read back as the old entries plus the new one; nothing written",
                file.display()
            )));
        }
        Ok((after, (id, line)))
    })?;
    Ok(Added {
        id,
        file,
        line,
        warnings,
    })
}

/// What [`retire`] did.
#[derive(Debug, Clone, Serialize)]
pub struct Retired {
    pub id: String,
    pub file: PathBuf,
    pub line: usize,
    /// False when it was retired already (nothing written).
    pub changed: bool,
}

/// Set `status: retired` on the entry with this id, in place.
pub fn retire(dir: &Path, id: &str) -> Result<Retired> {
    let sc = scan_dir(dir)?;
    let hits: Vec<&Phrase> = sc.phrases.iter().filter(|p| p.id == id).collect();
    let Some(p) = hits.first() else {
        let ids: Vec<&str> = sc.phrases.iter().map(|p| p.id.as_str()).collect();
        let hint = crate::error::did_you_mean(id, ids.iter().copied())
            .map(|s| format!(" (did you mean {s}?)"))
            .unwrap_or_default();
        return Err(Error::Usage(format!("no entry has the id {id}{hint}")));
    };
    let file = p.file.to_path_buf();
    if p.status == Status::Retired {
        return Ok(Retired {
            id: id.into(),
            file,
            line: p.line,
            changed: false,
        });
    }
    let line = locked_edit(dir, &file, |before| {
        let old = parse_raw(&file, before)?;
        let Some(idx) = old.entries.iter().position(|e| e.id == id) else {
            return Err(Error::Usage(format!(
                "{id} is no longer in `{}`",
                file.display()
            )));
        };
        let after = set_status_retired(before, idx)?;
        let parsed = parse_raw(&file, &after)?;
        let mut want = old.clone();
        want.entries[idx].status = Some(Status::Retired);
        if parsed != want {
            return Err(Error::Usage(format!(
                "cannot retire {id} by a text edit of `{}` (an unusual layout); set `status: retired` by hand",
                file.display()
            )));
        }
        let line = entry_lines(&after).get(idx).copied().unwrap_or(1);
        Ok((after, line))
    })?;
    Ok(Retired {
        id: id.into(),
        file,
        line,
        changed: true,
    })
}

/// What the era lexicon asks of an entry whose written years overreach its terms.
#[derive(Debug, Clone, Serialize)]
pub struct EraNeed {
    /// Each term out of the years, with its span and source (新质生产力 belongs to 2023年9月起 (…)).
    pub terms: Vec<String>,
    /// The years that fit (written years narrowed by the terms), when some do.
    pub fit: Option<String>,
}

/// Whether the era lexicon's terms in `text` cover `years` (an open end is the end of the years
/// drafted at all, 2018–2030); what they ask when not.
pub fn era_need(text: &str, years: &Years) -> Option<EraNeed> {
    let (first, last) = (
        years.from.unwrap_or(*YEARS.start()),
        years.to.unwrap_or(*YEARS.end()),
    );
    let mut terms = Vec::new();
    let mut fit = years.span();
    for u in crate::lexicon::lexicon().era.uses(text) {
        let span = u.term.span;
        fit = fit.intersect(span);
        let ok_lo = span.from.is_none_or(|lo| first >= lo.year);
        let ok_hi = span.until.is_none_or(|hi| last <= hi.year);
        if !(ok_lo && ok_hi) {
            terms.push(format!(
                "{} belongs to {span} ({})",
                u.term.term, u.term.source
            ));
        }
    }
    if terms.is_empty() {
        return None;
    }
    // Written as years, inside the drafted range.
    let drafted = crate::lexicon::Span {
        from: Some(crate::lexicon::YearMonth::new(*YEARS.start(), 1)),
        until: Some(crate::lexicon::YearMonth::new(*YEARS.end(), 12)),
    };
    let fit = (!fit.intersect(drafted).is_empty()).then(|| {
        let mut f = fit;
        // An open or early start stays as written; only the ends the terms set are added.
        if f.from.is_some_and(|m| m.year <= *YEARS.start()) && years.from.is_none() {
            f.from = None;
        }
        if f.until.is_some_and(|m| m.year >= *YEARS.end()) && years.to.is_none() {
            f.until = None;
        }
        f.as_years()
    });
    Some(EraNeed { terms, fit })
}

/// One entry whose years the era lexicon narrows.
#[derive(Debug, Clone, Serialize)]
pub struct EraFix {
    pub id: String,
    pub file: PathBuf,
    pub line: usize,
    pub need: EraNeed,
}

/// Every entry whose written years overreach the era of its terms; with `write`, the ones that can
/// be fixed get the years that fit, in place (a text edit under the file's lock, like `retire`).
pub fn era_fixes(dir: &Path, write: bool) -> Result<Vec<EraFix>> {
    let sc = scan_dir(dir)?;
    let mut out = Vec::new();
    for p in &sc.phrases {
        if let Some(need) = era_need(&p.text, &p.years) {
            out.push(EraFix {
                id: p.id.clone(),
                file: p.file.to_path_buf(),
                line: p.line,
                need,
            });
        }
    }
    if !write {
        return Ok(out);
    }
    let mut files: Vec<PathBuf> = out.iter().map(|f| f.file.clone()).collect();
    files.sort();
    files.dedup();
    for file in files {
        let fixes: Vec<(&str, &str)> = out
            .iter()
            .filter(|f| f.file == file)
            .filter_map(|f| Some((f.id.as_str(), f.need.fit.as_deref()?)))
            .collect();
        locked_edit(dir, &file, |before| {
            let old = parse_raw(&file, before)?;
            let mut text = before.to_string();
            let mut want = old.clone();
            for (id, years) in &fixes {
                let Some(idx) = old.entries.iter().position(|e| e.id == *id) else {
                    continue;
                };
                text = set_entry_key(&text, idx, "years", &format!("\"{years}\""))?;
                want.entries[idx].years = Some(crate::spec::Text((*years).to_string()));
            }
            let parsed = parse_raw(&file, &text)?;
            if parsed != want {
                return Err(Error::Usage(format!(
                    "cannot set years by a text edit of `{}` (an unusual layout); set them by hand",
                    file.display()
                )));
            }
            Ok((text, ()))
        })?;
    }
    Ok(out)
}

/// Set `status: retired` on entry `idx` of a file's text (add the key when it is missing).
fn set_status_retired(text: &str, idx: usize) -> Result<String> {
    set_entry_key(text, idx, "status", "retired")
}

/// Set `key: value` on entry `idx` of a file's text, replacing the key's value or adding the key
/// (a text edit: every other line, comment and quote stays as it is).
fn set_entry_key(text: &str, idx: usize, key: &str, value: &str) -> Result<String> {
    let prefix_of = format!("{key}:");
    let set = format!("{key}: {value}");
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let starts = entry_lines(text);
    let Some(&first) = starts.get(idx) else {
        return Err(Error::Usage("internal: entry not found in the text".into()));
    };
    let refs: Vec<&str> = text.lines().collect();
    let (_, block_end) = entries_block(&refs).unwrap_or((0, refs.len()));
    let end = starts.get(idx + 1).map(|l| l - 1).unwrap_or(block_end);
    let s = first - 1;
    let head = lines[s].clone();
    let ii = head.len() - head.trim_start().len();
    let after_dash = &head[ii + 1..];
    let ki = ii + 1 + (after_dash.len() - after_dash.trim_start().len());
    if after_dash.trim_start().starts_with('{') {
        // A flow entry on one line: `- {id: a, role: measure, text: x}`.
        let Some(close) = head.rfind('}') else {
            return Err(Error::Usage(
                "cannot edit a flow entry spanning lines".into(),
            ));
        };
        let inner = &head[ki + 1..close];
        let parts: Vec<String> = inner
            .split(',')
            .map(|p| {
                if p.trim_start().starts_with(prefix_of.as_str()) {
                    let lead = &p[..p.len() - p.trim_start().len()];
                    format!("{lead}{set}")
                } else {
                    p.to_string()
                }
            })
            .collect();
        let mut body = parts.join(",");
        if !inner
            .split(',')
            .any(|p| p.trim_start().starts_with(prefix_of.as_str()))
        {
            body = format!("{}, {set}", body.trim_end());
        }
        lines[s] = format!("{}{{{}}}{}", &head[..ki], body, &head[close + 1..]);
    } else {
        let pad = " ".repeat(ki);
        let mut found = false;
        for (k, line) in lines.iter_mut().enumerate().take(end).skip(s) {
            let body = if k == s {
                line.get(ki..).unwrap_or("").to_string()
            } else {
                line.strip_prefix(&pad).unwrap_or(" ").to_string()
            };
            if body.starts_with(prefix_of.as_str()) {
                let prefix = if k == s {
                    head[..ki].to_string()
                } else {
                    pad.clone()
                };
                let comment = body
                    .find(" #")
                    .map(|i| body[body[..i].trim_end().len()..].to_string())
                    .unwrap_or_default();
                *line = format!("{prefix}{set}{comment}");
                found = true;
                break;
            }
        }
        if !found {
            let last = (s..end).rev().find(|&i| is_content(&lines[i])).unwrap_or(s);
            lines.insert(last + 1, format!("{pad}{set}"));
        }
    }
    let mut out = lines.join(nl);
    if text.ends_with('\n') {
        out.push_str(nl);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_one(text: &str) -> Vec<Finding> {
        let dir = Path::new("pb");
        let opts = LintOptions {
            required_themes: Vec::new(),
            depth: false,
        };
        // The topic-map rules have their own test; these fixtures are untagged.
        let mut f = lint_sources(
            dir,
            &[
                (dir.join("common.yaml"), "entries: []\n".into()),
                (dir.join("themes/xm.yaml"), text.to_string()),
            ],
            &opts,
        );
        f.retain(|x| x.rule != "untagged");
        f
    }

    #[test]
    fn topic_rules_fire() {
        let dir = Path::new("pb");
        let text = "theme: 安全生产\ndescription: 安全\ntopics:\n  - name: 城镇燃气\n    words: [燃气, 液化气, 燃气管网]\n    units: [住建局]\n  - name: 消防\n    words: [消防, 火灾, 消防通道]\nentries:\n  - id: aq.measure.1\n    role: measure\n    topics: [城镇燃气]\n    text: 对瓶装液化气实行实名销售，住建部门要入户安检。\n  - id: aq.measure.2\n    role: measure\n    text: 要压实安全生产责任。\n  - id: aq.measure.3\n    role: measure\n    topics: [城镇燃汽]\n    text: 要排查燃气管网。\n  - id: aq.measure.4\n    role: measure\n    topics: [消防]\n    text: 要压实属地责任。\n  - id: aq.measure.5\n    role: measure\n    topics: [general]\n    text: 要强化督查问责。\n";
        let f = lint_sources(
            dir,
            &[
                (dir.join("common.yaml"), "entries: []\n".into()),
                (dir.join("themes/aq.yaml"), text.into()),
            ],
            &LintOptions {
                required_themes: Vec::new(),
                depth: true,
            },
        );
        let has =
            |rule: &str, what: &str| f.iter().any(|x| x.rule == rule && x.message.contains(what));
        assert!(has("untagged", "aq.measure.2"), "{f:#?}");
        assert!(
            has("unknown-topic", "城镇燃汽") && has("unknown-topic", "城镇燃气"),
            "{f:#?}"
        );
        assert!(has("topic-words", "aq.measure.4"), "{f:#?}");
        assert!(has("topic-depth", "城镇燃气"), "{f:#?}");
        assert!(has("topic-count", "2 sub-topic"), "{f:#?}");
        for id in ["aq.measure.1", "aq.measure.5"] {
            assert!(
                !f.iter().any(|x| x.message.starts_with(&format!("{id}:"))),
                "{id}: {f:#?}"
            );
        }
    }

    fn rules(f: &[Finding]) -> Vec<(&'static str, usize)> {
        f.iter().map(|f| (f.rule, f.line)).collect()
    }

    const HEAD: &str = "# 项目建设\ntheme: 项目建设\ndescription: 项目\nentries:\n";

    #[test]
    fn clean_entries_have_no_findings() {
        let f = lint_one(&format!(
            "{HEAD}  - id: xm.measure.1\n    role: measure\n    text: 要坚持项目为王，在{{area}}上下形成抓项目的浓厚氛围。\n  - id: xm.framing.1\n    role: framing\n    text: '{{topic}}直接关系全年目标能否实现。'\n"
        ));
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn each_rule_fires_at_its_line() {
        let f = lint_one(&format!(
            "{HEAD}  - id: a\n    role: measure\n    text: 要坚持新开展理念，夯实根底。\n  - id: b\n    role: measure\n    text: 完成投资85亿元。\n  - id: c\n    role: measure\n    text: 要抓好项目,推进建设。\n  - id: d\n    role: measure\n    text: 要树立“项目为王理念。\n  - id: e\n    role: measure\n    text: 要落实{{deadline}}的要求。\n  - id: f\n    role: measure\n    text: 要决战决胜脱贫攻坚。\n  - id: g\n    role: measure\n    text: 要把汉阴县建设得更好。\n  - id: h\n    role: mesure\n    text: x\n  - id: i\n    role: measure\n    text: y\n    years: 2025-2021\n  - id: j\n    role: measure\n    text: z\n    themes: [项目建议]\n  - id: a\n    role: measure\n    text: w\n"
        ));
        let r = rules(&f);
        for want in [
            ("spun-word", 5),
            ("figure", 8),
            ("punctuation", 11),
            ("quotes", 14),
            ("slot", 17),
            ("era", 20),
            ("place-name", 23),
            ("unknown-role", 26),
            ("bad-years", 29),
            ("unknown-theme", 33),
            ("duplicate-id", 37),
        ] {
            assert!(r.contains(&want), "missing {want:?} in {f:#?}");
        }
        let spun: Vec<&Finding> = f.iter().filter(|f| f.rule == "spun-word").collect();
        assert_eq!(spun.len(), 2, "{spun:#?}");
        assert!(f.iter().all(|x| x.file == "pb/themes/xm.yaml"));
        assert_eq!(
            f.iter().find(|x| x.rule == "place-name").unwrap().severity,
            Severity::Warning
        );
        assert!(
            f.iter()
                .find(|x| x.rule == "unknown-theme")
                .unwrap()
                .message
                .contains("did you mean 项目建设")
        );
    }

    #[test]
    fn genuine_words_are_not_spun() {
        for ok in [
            "要开展精准招商。",
            "开展环境隐患排查。",
            "推动产业兴旺。",
            "无可比拟的优势。",
            "基础更加稳固。",
            "推动高质量发展。",
            "高质量开展主题教育。",
        ] {
            assert!(spun_words(ok).is_empty(), "{ok}: {:?}", spun_words(ok));
        }
        for bad in [
            "推动高质量开展。",
            "稳固拓展成果。",
            "转型晋级。",
            "到达预期目标。",
            "提供优质效劳。",
        ] {
            assert!(!spun_words(bad).is_empty(), "{bad}");
        }
    }

    #[test]
    fn place_names_spare_generic_words() {
        assert_eq!(place_names("把汉阴县建成强县"), vec!["汉阴县"]);
        assert_eq!(place_names("在安康市"), vec!["安康市"]);
        for generic in [
            "向先进地区看齐",
            "保持在合理区间",
            "统筹全县资源",
            "划分三个区",
            "产业稳县、旅游活县",
            "改造老旧小区",
            "推动企业上市",
        ] {
            assert!(
                place_names(generic).is_empty(),
                "{generic}: {:?}",
                place_names(generic)
            );
        }
        for generic in [
            "全县上下",
            "各镇各部门",
            "工业园区",
            "城乡区域协调",
            "县委县政府",
            "推进新型城镇化",
            "建设特色小镇",
            "稳定市场预期",
            "县域经济",
        ] {
            assert!(
                place_names(generic).is_empty(),
                "{generic}: {:?}",
                place_names(generic)
            );
        }
    }

    #[test]
    fn slots_follow_roles() {
        let y = Years::default();
        let has = |role, text| {
            check_entry(role, text, &y)
                .into_iter()
                .any(|(s, r, _)| s == Severity::Error && r == "slot")
        };
        assert!(has(Role::Measure, "要落实{fact}。"));
        assert!(has(Role::Framing, "{call}。"));
        assert!(
            has(Role::Opening, "今天召开{meeting}。"),
            "opening must carry purposes"
        );
        assert!(has(Role::Measure, "要抓好{nonsense}。"));
        assert!(!has(Role::Framing, "{topic}事关{area}发展全局。"));
        assert!(!has(Role::Responsibility, "由{lead}牵头，{support}配合。"));
        assert!(!has(Role::ClosingCall, "{call}！"));
    }

    #[test]
    fn era_words_need_years() {
        let bad = check_entry(
            Role::Measure,
            "确保十四五目标任务圆满完成。",
            &Years::default(),
        );
        assert!(bad.iter().any(|(_, r, _)| *r == "era"));
        let ok = check_entry(
            Role::Measure,
            "确保十四五目标任务圆满完成。",
            &Years::parse("2021-2025").unwrap(),
        );
        assert!(!ok.iter().any(|(_, r, _)| *r == "era"), "{ok:?}");
        let consolidated = check_entry(
            Role::Measure,
            "巩固拓展脱贫攻坚成果。",
            &Years::parse("2021-2025").unwrap(),
        );
        assert!(
            !consolidated.iter().any(|(_, r, _)| *r == "era"),
            "{consolidated:?}"
        );
    }

    #[test]
    fn near_duplicates_are_warned() {
        let f = lint_one(&format!(
            "{HEAD}  - id: a\n    role: measure\n    text: 要坚持项目为王，牢固树立抓项目就是抓发展的理念。\n  - id: b\n    role: measure\n    text: 必须坚持项目为王，牢固树立抓项目就是抓发展的理念。\n  - id: c\n    role: measure\n    text: 要优化营商环境，当好服务企业的店小二。\n  - id: d\n    role: framing\n    text: 要优化营商环境，当好服务企业的店小二。\n  - id: e\n    role: measure\n    text: 要优化营商环境，当好服务企业的店小二。\n"
        ));
        let r = rules(&f);
        assert!(r.contains(&("near-duplicate", 8)), "{f:#?}");
        assert!(r.contains(&("duplicate", 17)), "{f:#?}");
        assert!(
            !r.iter().any(|(_, l)| *l == 14),
            "different roles are not duplicates: {f:#?}"
        );
    }

    #[test]
    fn depth_is_checked_per_theme_role_and_year() {
        let dir = Path::new("pb");
        let mut t = String::from(HEAD);
        for i in 0..2 {
            t.push_str(&format!("  - id: xm.requirement.{i}\n    role: requirement\n    text: 确保第{}项要求落到实处。\n", ["一", "二"][i]));
        }
        t.push_str("  - id: xm.requirement.9\n    role: requirement\n    text: 确保各项要求全面落实见效。\n    years: 2018-2020\n");
        let f = lint_sources(
            dir,
            &[(dir.join("themes/xm.yaml"), t)],
            &LintOptions {
                required_themes: vec!["项目建设".into(), "招商引资".into()],
                depth: true,
            },
        );
        let depth: Vec<&Finding> = f.iter().filter(|f| f.rule == "depth").collect();
        assert!(
            depth
                .iter()
                .any(|f| f.message.contains("项目建设 × measure")
                    && f.message.contains("2018–2030 (has 0)")),
            "{depth:#?}"
        );
        assert!(
            !depth.iter().any(|f| f.message.contains("× requirement")),
            "requirement has 2 a year: {depth:#?}"
        );
        assert!(depth.iter().any(|f| f.message.contains("no common.yaml")));
        assert!(
            f.iter()
                .any(|f| f.rule == "missing-theme" && f.message.contains("招商引资"))
        );
        assert!(
            !f.iter()
                .any(|f| f.rule == "missing-theme" && f.message.contains("项目建设"))
        );
        let measure = depth
            .iter()
            .find(|f| f.message.contains("× measure"))
            .unwrap();
        assert_eq!(
            (measure.file.as_str(), measure.line),
            ("pb/themes/xm.yaml", 2),
            "at the theme: line"
        );
    }

    #[test]
    fn yaml_scalars_read_back() {
        for s in [
            "要抓好{topic}。",
            "{topic}是关键。",
            "a: b",
            "2020",
            "true",
            "it's",
            "#x",
            "- x",
            "2021-2025",
        ] {
            let q = yaml_scalar(s, false);
            let v: serde_yaml::Value = serde_yaml::from_str(&format!("k: {q}")).unwrap();
            let back = match &v["k"] {
                serde_yaml::Value::String(x) => x.clone(),
                other => serde_yaml::to_string(other).unwrap().trim().to_string(),
            };
            assert_eq!(back, s, "{q}");
        }
        assert_eq!(yaml_scalar("要抓好项目。", false), "要抓好项目。");
        assert_eq!(yaml_scalar("{topic}是关键。", false), "'{topic}是关键。'");
    }

    fn raw(id: &str, text: &str) -> RawPhrase {
        RawPhrase {
            id: id.into(),
            role: "measure".into(),
            text: text.into(),
            themes: vec![],
            topics: vec![],
            kinds: vec![],
            years: None,
            weight: None,
            source: Some("written".into()),
            status: None,
            count: None,
        }
    }

    #[test]
    fn append_keeps_bytes_and_style() {
        let text = "# head comment\ntheme: 项目建设 # trailing\nentries:\n- id: a.1\n  role: measure   # aligned comment\n  text: 要抓好。\n  source: written\n\n# footer comment\n";
        let (out, line) = append_entry(text, &raw("a.2", "{topic}要抓好。")).unwrap();
        assert!(out.starts_with("# head comment\ntheme: 项目建设 # trailing\nentries:\n- id: a.1\n  role: measure   # aligned comment\n  text: 要抓好。\n  source: written\n"));
        assert!(out.ends_with("\n# footer comment\n"), "{out}");
        assert!(
            out.contains(
                "- id: a.2\n  role: measure\n  text: '{topic}要抓好。'\n  source: written\n"
            ),
            "{out}"
        );
        assert_eq!(line, 8);
        assert_eq!(out.lines().nth(line - 1).unwrap(), "- id: a.2");
        let (out2, _) = append_entry("theme: x\nentries: []\n", &raw("b.1", "要。")).unwrap();
        let f: RawFile = serde_yaml::from_str(&out2).unwrap();
        assert_eq!(f.entries.len(), 1);
        let (out3, l3) = append_entry(
            "theme: x\nentries:\n  - {id: c.1, role: measure, text: 要。}\n",
            &raw("c.2", "要抓。"),
        )
        .unwrap();
        let f: RawFile = serde_yaml::from_str(&out3).unwrap();
        assert_eq!(f.entries.len(), 2);
        assert_eq!(l3, 4);
        let (out4, _) = append_entry(
            "entries:\n  - id: d.1\n    role: measure\n    text: \"要。\"\n",
            &raw("d.2", "要\"抓\"。"),
        )
        .unwrap();
        assert!(
            out4.ends_with("    text: \"要\\\"抓\\\"。\"\n    source: written\n"),
            "{out4}"
        );
        let f: RawFile = serde_yaml::from_str(&out4).unwrap();
        assert_eq!(f.entries[1].text, "要\"抓\"。");
    }

    #[test]
    fn retire_edits_in_place() {
        let text = "entries:\n  - id: a\n    role: measure # c\n    text: 要。\n  - id: b\n    role: measure\n    text: 要抓。\n    status: candidate  # mined\n  - {id: c, role: measure, text: 抓}\n";
        let out = set_status_retired(text, 0).unwrap();
        assert_eq!(
            out,
            "entries:\n  - id: a\n    role: measure # c\n    text: 要。\n    status: retired\n  - id: b\n    role: measure\n    text: 要抓。\n    status: candidate  # mined\n  - {id: c, role: measure, text: 抓}\n"
        );
        let out = set_status_retired(text, 1).unwrap();
        assert!(out.contains("    status: retired  # mined\n"), "{out}");
        let out = set_status_retired(text, 2).unwrap();
        assert!(
            out.contains("  - {id: c, role: measure, text: 抓, status: retired}\n"),
            "{out}"
        );
    }
}
