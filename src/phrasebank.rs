//! The phrasebank: phrasing with slots, by theme, role and era.
//!
//! The files are YAML (`phrasebank/common.yaml`, `phrasebank/themes/*.yaml`, and mined
//! `phrasebank/candidates/*.yaml`); docs/phrasebank.md is the schema. Loading is strict — an
//! unknown key, role or bad year range is an error with file:line:column — and remembers the line
//! of every entry so `search` and `lint` can point at it. The planner reads a loaded [`Phrasebank`]
//! through [`Phrasebank::pick_pool`]: the curated entries of a role, theme, kind and year whose
//! slots it can fill. Candidates (mined, not yet curated) and retired entries are never drafted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Error, Result, did_you_mean};
use crate::lexicon::YearMonth;
use crate::spec::Kind;

/// The role a phrase plays in a speech. See docs/phrasebank.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Opening,
    OpeningPlain,
    OpeningAim,
    Recap,
    RecapFollow,
    YearContext,
    Announce,
    SituationLead,
    AchievementFrame,
    FigureLead,
    ProblemLead,
    ProblemFollow,
    FactFrame,
    Responsibility,
    Deadline,
    PointVerb,
    PointEffort,
    Transition,
    Closing,
    ClosingCall,
    PartIntro,
    HeadingAim,
    HeadingGoal,
    Framing,
    Measure,
    ItemLead,
    Requirement,
    /// A sentence carrying one of the genre's formulas (“两不愁三保障”, 早提醒、早诫勉、早敲打),
    /// curated from the corpus with its source: drafted as a measure of its sub-topic.
    Formula,
    /// Mined material not yet sorted into a role (only in candidates).
    Slogan,
    /// A mined sentence frame (only in candidates).
    Frame,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 30] = [
        Role::Opening,
        Role::OpeningPlain,
        Role::OpeningAim,
        Role::Recap,
        Role::RecapFollow,
        Role::YearContext,
        Role::Announce,
        Role::SituationLead,
        Role::AchievementFrame,
        Role::FigureLead,
        Role::ProblemLead,
        Role::ProblemFollow,
        Role::FactFrame,
        Role::Responsibility,
        Role::Deadline,
        Role::PointVerb,
        Role::PointEffort,
        Role::Transition,
        Role::Closing,
        Role::ClosingCall,
        Role::PartIntro,
        Role::HeadingAim,
        Role::HeadingGoal,
        Role::Framing,
        Role::Measure,
        Role::ItemLead,
        Role::Requirement,
        Role::Slogan,
        Role::Frame,
        Role::Formula,
    ];

    /// The roles every theme must fill, with the depth (entries valid in each year) the planner needs.
    pub const THEME_DEPTH: [(Role, usize); 7] = [
        (Role::PartIntro, 3),
        (Role::HeadingAim, 3),
        (Role::HeadingGoal, 3),
        (Role::Framing, 4),
        (Role::Measure, 8),
        (Role::ItemLead, 4),
        (Role::Requirement, 2),
    ];

    /// The speech-level roles `common.yaml` must fill, with the depth needed in each year.
    pub const COMMON_DEPTH: [(Role, usize); 20] = [
        (Role::Opening, 3),
        (Role::OpeningPlain, 2),
        (Role::OpeningAim, 3),
        (Role::Recap, 3),
        (Role::RecapFollow, 3),
        (Role::YearContext, 2),
        (Role::Announce, 3),
        (Role::SituationLead, 3),
        (Role::AchievementFrame, 3),
        (Role::FigureLead, 2),
        (Role::ProblemLead, 3),
        (Role::ProblemFollow, 2),
        (Role::FactFrame, 5),
        (Role::Responsibility, 4),
        (Role::Deadline, 4),
        (Role::PointVerb, 9),
        (Role::PointEffort, 9),
        (Role::Transition, 3),
        (Role::Closing, 3),
        (Role::ClosingCall, 3),
    ];

    /// The snake_case name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Role::Opening => "opening",
            Role::OpeningPlain => "opening_plain",
            Role::OpeningAim => "opening_aim",
            Role::Recap => "recap",
            Role::RecapFollow => "recap_follow",
            Role::YearContext => "year_context",
            Role::Announce => "announce",
            Role::SituationLead => "situation_lead",
            Role::AchievementFrame => "achievement_frame",
            Role::FigureLead => "figure_lead",
            Role::ProblemLead => "problem_lead",
            Role::ProblemFollow => "problem_follow",
            Role::FactFrame => "fact_frame",
            Role::Responsibility => "responsibility",
            Role::Deadline => "deadline",
            Role::PointVerb => "point_verb",
            Role::PointEffort => "point_effort",
            Role::Transition => "transition",
            Role::Closing => "closing",
            Role::ClosingCall => "closing_call",
            Role::PartIntro => "part_intro",
            Role::HeadingAim => "heading_aim",
            Role::HeadingGoal => "heading_goal",
            Role::Framing => "framing",
            Role::Measure => "measure",
            Role::ItemLead => "item_lead",
            Role::Requirement => "requirement",
            Role::Slogan => "slogan",
            Role::Frame => "frame",
            Role::Formula => "formula",
        }
    }

    /// Parse a role name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == s)
    }

    /// True for roles a theme file fills.
    pub fn is_theme_role(self) -> bool {
        self == Role::Formula || Role::THEME_DEPTH.iter().any(|(r, _)| *r == self)
    }
}

/// Curation status of an entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Reviewed; drafted.
    #[default]
    Curated,
    /// Mined, waiting for review; never drafted.
    Candidate,
    /// Taken out of use; kept for history; never drafted.
    Retired,
}

/// An inclusive range of years; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Years {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Years {
    /// Parse `2021-2025`, `2026-`, `-2020`, `2020`.
    pub fn parse(s: &str) -> Option<Years> {
        let s = s.trim();
        let year = |t: &str| -> Option<Option<i32>> {
            let t = t.trim();
            if t.is_empty() {
                return Some(None);
            }
            let y: i32 = t.parse().ok()?;
            (1949..=2100).contains(&y).then_some(Some(y))
        };
        let y = match s.split_once('-') {
            Some((a, b)) => Years {
                from: year(a)?,
                to: year(b)?,
            },
            None => {
                let y = year(s)??;
                Years {
                    from: Some(y),
                    to: Some(y),
                }
            }
        };
        if let (Some(a), Some(b)) = (y.from, y.to)
            && a > b
        {
            return None;
        }
        Some(y)
    }

    /// True when `year` is in the range.
    pub fn contains(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }

    /// True when the range is open on both ends.
    pub fn is_always(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

impl Years {
    /// The same years as a span of months (January of the first to December of the last).
    pub fn span(&self) -> crate::lexicon::Span {
        crate::lexicon::Span {
            from: self.from.map(|y| YearMonth::new(y, 1)),
            until: self.to.map(|y| YearMonth::new(y, 12)),
        }
    }
}

impl std::fmt::Display for Years {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => write!(f, "{a}"),
            (a, b) => write!(
                f,
                "{}-{}",
                a.map(|y| y.to_string()).unwrap_or_default(),
                b.map(|y| y.to_string()).unwrap_or_default()
            ),
        }
    }
}

/// One entry as written in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhrase {
    pub id: String,
    pub role: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// The sub-topics of the topic map it serves, or `general`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<crate::spec::Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// How many times the miner saw it (candidates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

/// A phrasebank file as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The theme's sub-topics (the topic map), most common first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<RawTopic>,
    #[serde(default)]
    pub entries: Vec<RawPhrase>,
}

/// One sub-topic as written in a theme file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub name: String,
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<crate::spec::Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
}

/// A loaded, checked entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phrase {
    pub id: String,
    pub role: Role,
    pub text: String,
    /// Themes it serves; empty for speech-level phrasing.
    pub themes: Vec<String>,
    /// Sub-topics it serves (or `general`); empty when untagged.
    pub topics: Vec<String>,
    /// Meeting kinds it is for; empty for all.
    pub kinds: Vec<Kind>,
    /// The years as written.
    pub years: Years,
    /// The months it can be drafted in: its years narrowed by the era of the terms in its text
    /// (the era lexicon, [`crate::lexicon::era`]); empty when they contradict.
    #[serde(skip)]
    pub live: crate::lexicon::Span,
    pub weight: u32,
    pub source: String,
    pub status: Status,
    /// The file it is in (shared by its entries) and its 1-based line there.
    pub file: std::sync::Arc<Path>,
    pub line: usize,
}

impl Phrase {
    /// Whether it can be drafted at `at`: in its written years and in the era of its terms.
    pub fn in_era(&self, at: YearMonth) -> bool {
        self.years.contains(at.year) && self.live.contains(at)
    }

    /// Whether it is tagged `general` (fits any point of its theme).
    pub fn is_general(&self) -> bool {
        self.topics.iter().any(|t| t == crate::topic::GENERAL)
    }

    /// Whether it serves one of these sub-topics.
    pub fn serves(&self, topics: &[String]) -> bool {
        self.topics.iter().any(|t| topics.contains(t))
    }

    /// The slot names used in the text, in order (`{topic}` → `topic`).
    pub fn slots(&self) -> Vec<&str> {
        slots_of(&self.text)
    }
}

/// The `{slot}` names in a text.
pub fn slots_of(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j)
                if j > 0
                    && after[..j]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                out.push(&after[..j]);
                rest = &after[j + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// The slots a phrase may use.
pub const SLOTS: [&str; 18] = [
    "area",
    "party",
    "gov",
    "units",
    "place",
    "level",
    "topic",
    "meeting",
    "purposes",
    "earlier",
    "count",
    "year",
    "achievements",
    "fact",
    "lead",
    "support",
    "deadline",
    "call",
];

/// Which entries a draft can use ([`Phrasebank::load_selected`]): curated ones, and of the roles a
/// theme file fills only those for the spec's themes (or for no theme). Everything a planner's
/// pool would offer for these themes is kept, so drafts are the same as with the whole phrasebank.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// None: every curated entry.
    pub themes: Option<Vec<String>>,
    /// Sub-topics the spec's points resolved to: entries serving them are kept whatever their
    /// theme (a 防汛 point under 社会治理 draws 安全生产's flood-control measures).
    pub topics: Vec<String>,
}

impl Selection {
    /// Whether an entry with this status, role, themes and sub-topics is kept.
    pub fn keeps(&self, status: Status, role: Role, themes: &[String], topics: &[String]) -> bool {
        self.keeps_by(
            status,
            role,
            themes.is_empty(),
            themes.iter().any(|t| self.wants_theme(t)),
            topics.iter().any(|t| self.topics.contains(t)),
        )
    }

    /// Whether the selection takes every entry of a theme.
    pub fn wants_theme(&self, theme: &str) -> bool {
        self.themes
            .as_ref()
            .is_none_or(|w| w.iter().any(|t| t == theme))
    }

    /// [`Selection::keeps`] on what it is decided by: the entry has no theme, one of its themes
    /// is wanted, one of its sub-topics is.
    pub fn keeps_by(
        &self,
        status: Status,
        role: Role,
        no_theme: bool,
        theme_wanted: bool,
        topic_wanted: bool,
    ) -> bool {
        status == Status::Curated
            && (self.themes.is_none()
                || !role.is_theme_role()
                || no_theme
                || theme_wanted
                || topic_wanted)
    }
}

/// A theme the phrasebank knows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub name: String,
    pub description: String,
    pub file: PathBuf,
    /// Its sub-topics, most common first.
    pub topics: Vec<crate::topic::SubTopic>,
}

/// The whole loaded phrasebank.
#[derive(Debug, Clone, Default)]
pub struct Phrasebank {
    pub phrases: Vec<Phrase>,
    pub themes: Vec<Theme>,
    /// The directory it was loaded from.
    pub dir: PathBuf,
    by_role: BTreeMap<Role, Vec<usize>>,
    /// role → theme → entries, in file order (what [`Phrasebank::pool`] looks up).
    by_role_theme: BTreeMap<Role, BTreeMap<String, Vec<usize>>>,
    /// role → sub-topic → entries tagged with it, in file order.
    by_role_topic: BTreeMap<Role, BTreeMap<String, Vec<usize>>>,
    /// Every theme's sub-topics, in file order.
    pub topic_map: crate::topic::TopicMap,
}

impl Phrasebank {
    /// Load every `*.yaml` under `dir` (recursively, in sorted order).
    pub fn load(dir: &Path) -> Result<Phrasebank> {
        Phrasebank::load_cached(dir, cache::dir().as_deref(), &mut |_, _| None)
    }

    /// Load only what `select` keeps: it is shown the themes first (a draft validates its spec
    /// against them) and says which entries a draft can use. Entries left out are never decoded
    /// from the cache: a draft needs a third of the phrasebank, and for a short process memory
    /// touched is time.
    pub fn load_selected(
        dir: &Path,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Selection,
    ) -> Result<Phrasebank> {
        Phrasebank::load_cached(dir, cache::dir().as_deref(), &mut |t, m| Some(select(t, m)))
    }

    /// [`Phrasebank::load`] with this cache directory (None: no cache).
    fn load_cached(
        dir: &Path,
        cache_dir: Option<&Path>,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
    ) -> Result<Phrasebank> {
        let mut files = Vec::new();
        collect_yaml(dir, &mut files)?;
        if files.is_empty() {
            return Err(Diagnostic::new(
                dir.display().to_string(),
                "no phrasebank files (*.yaml) here",
            )
            .help("run from the repository root, or pass --phrasebank DIR")
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

    /// Rebuild the lookup indexes from `phrases`.
    fn index(&mut self) {
        // The topic map depends on the themes only: built once.
        if self.topic_map.topics.is_empty() {
            self.topic_map = crate::topic::TopicMap::new(
                self.themes
                    .iter()
                    .flat_map(|t| t.topics.iter().cloned())
                    .collect(),
            );
        }
        self.by_role.clear();
        self.by_role_theme.clear();
        self.by_role_topic.clear();
        for (i, p) in self.phrases.iter().enumerate() {
            self.by_role.entry(p.role).or_default().push(i);
            if !p.topics.is_empty() {
                let topics = self.by_role_topic.entry(p.role).or_default();
                for (k, t) in p.topics.iter().enumerate() {
                    if !p.topics[..k].contains(t) {
                        topics.entry(t.clone()).or_default().push(i);
                    }
                }
            }
            let themes = self.by_role_theme.entry(p.role).or_default();
            for (k, t) in p.themes.iter().enumerate() {
                if !p.themes[..k].contains(t) {
                    match themes.get_mut(t) {
                        Some(v) => v.push(i),
                        None => {
                            themes.insert(t.clone(), vec![i]);
                        }
                    }
                }
            }
        }
    }

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

    /// The names of the known themes, in file order.
    pub fn theme_names(&self) -> Vec<String> {
        self.themes.iter().map(|t| t.name.clone()).collect()
    }

    /// Curated entries of `role` usable for `theme` (None: speech-level), `kind` and `year`.
    pub fn pool(&self, role: Role, theme: Option<&str>, kind: Kind, at: YearMonth) -> Vec<&Phrase> {
        self.pool_iter(role, theme, kind, at).collect()
    }

    /// [`Phrasebank::pool`] without collecting it.
    pub fn pool_iter(
        &self,
        role: Role,
        theme: Option<&str>,
        kind: Kind,
        at: YearMonth,
    ) -> impl Iterator<Item = &Phrase> {
        let ids = match theme {
            None => self.by_role.get(&role),
            Some(t) => self.by_role_theme.get(&role).and_then(|m| m.get(t)),
        };
        ids.into_iter()
            .flatten()
            .map(|&i| &self.phrases[i])
            .filter(|p| p.status == Status::Curated)
            .filter(move |p| p.in_era(at))
            .filter(move |p| p.kinds.is_empty() || p.kinds.contains(&kind))
    }

    /// Curated entries of `role` serving any of `topics` (of any theme) for `kind` and `year`,
    /// in file order, each once.
    pub fn topic_pool(
        &self,
        role: Role,
        topics: &[String],
        kind: Kind,
        at: YearMonth,
    ) -> Vec<&Phrase> {
        let Some(m) = self.by_role_topic.get(&role) else {
            return Vec::new();
        };
        let mut ids: Vec<usize> = topics
            .iter()
            .filter_map(|t| m.get(t))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|i| &self.phrases[i])
            .filter(|p| p.status == Status::Curated)
            .filter(|p| p.in_era(at))
            .filter(|p| p.kinds.is_empty() || p.kinds.contains(&kind))
            .collect()
    }

    /// Every entry of a role, whatever its status.
    pub fn of_role(&self, role: Role) -> impl Iterator<Item = &Phrase> {
        self.by_role
            .get(&role)
            .into_iter()
            .flatten()
            .map(|&i| &self.phrases[i])
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Phrase> {
        self.phrases.iter().find(|p| p.id == id)
    }
}

/// The years and meeting kinds of an entry or a sub-topic as written. A bad range or kind is an
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

/// The parsed-phrasebank cache: `$WENGAO_CACHE_DIR`, else `$XDG_CACHE_HOME/wengao`, else
/// `~/.cache/wengao`; `WENGAO_CACHE_DIR=off` turns it off. A cache file is named by a hash of
/// wengao's version and every phrasebank file's path and bytes, so any edit misses the cache.
/// Any trouble with the cache (unwritable, corrupt) just means parsing the YAML.
mod cache {
    use std::path::{Path, PathBuf};

    use super::{Phrase, Phrasebank, Role, Selection, Status, Theme, Years};
    use crate::spec::Kind;

    /// Bumped whenever the layout below changes.
    const MAGIC: &[u8; 8] = b"wgpb0006";

    pub fn dir() -> Option<PathBuf> {
        match std::env::var_os("WENGAO_CACHE_DIR") {
            Some(v) if v == "off" || v.is_empty() => None,
            Some(v) => Some(PathBuf::from(v)),
            None => std::env::var_os("XDG_CACHE_HOME")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
                .map(|d| d.join("wengao")),
        }
    }

    /// A 64-bit hash over words (not cryptographic: it tells versions of one's own files apart).
    fn hash(h: &mut u64, bytes: &[u8]) {
        let mut mix = |w: u64| *h = (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            mix(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        mix(u64::from_le_bytes(last));
        mix(bytes.len() as u64);
    }

    /// What the files look like from outside: a hash of wengao's version and each file's path,
    /// size, modification time (and inode), unless a file was modified in the last two seconds
    /// (a later edit in the same clock tick could go unseen: such files are read and hashed).
    pub struct Stamp {
        key: u64,
        dir: PathBuf,
    }

    pub fn stamp(dir: &Path, files: &[PathBuf]) -> Option<Stamp> {
        let dir = dir.to_path_buf();
        let now = std::time::SystemTime::now();
        let mut h: u64 = 0;
        hash(&mut h, MAGIC);
        hash(&mut h, b"stamp");
        hash(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
        hash(&mut h, crate::lexicon::ERA_YAML.as_bytes());
        hash(&mut h, crate::lexicon::CALENDAR_YAML.as_bytes());
        for f in files {
            let m = std::fs::metadata(f).ok()?;
            let modified = m.modified().ok()?;
            let age = now.duration_since(modified).ok()?;
            if age < std::time::Duration::from_secs(2) {
                return None;
            }
            let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
            hash(&mut h, f.to_string_lossy().as_bytes());
            hash(&mut h, &m.len().to_le_bytes());
            hash(&mut h, &since.as_secs().to_le_bytes());
            hash(&mut h, &since.subsec_nanos().to_le_bytes());
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                hash(&mut h, &m.ino().to_le_bytes());
                hash(&mut h, &m.dev().to_le_bytes());
            }
        }
        Some(Stamp { key: h, dir })
    }

    fn stamp_path(s: &Stamp) -> PathBuf {
        s.dir.join(format!("stamp-{:016x}", s.key))
    }

    /// The cache the stamp points at, if both are there and sound.
    pub fn read_stamped(
        s: &Stamp,
        dir: &Path,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
    ) -> Option<Phrasebank> {
        // A stamp is a short name: a FIFO or a link to a device is not waited on or read on.
        let f = crate::io::open_regular_io(&stamp_path(s)).ok()?;
        let mut name = String::new();
        std::io::Read::read_to_string(&mut std::io::Read::take(f, 256), &mut name).ok()?;
        let name = name.trim();
        if !(name.starts_with("phrasebank-") && name.ends_with(".bin") && !name.contains('/')) {
            return None;
        }
        read(&s.dir.join(name), dir, select)
    }

    /// Point the stamp at a content cache (a small file holding its name).
    pub fn write_stamp(s: &Stamp, cache: &Path) {
        let Some(name) = cache.file_name() else {
            return;
        };
        write_file(&stamp_path(s), name.to_string_lossy().as_bytes());
    }

    pub fn path(dir: &Path, sources: &[(PathBuf, String)]) -> PathBuf {
        let mut h: u64 = 0;
        hash(&mut h, MAGIC);
        hash(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
        // The era lexicon narrows the entries' months: a new lexicon is a new cache.
        hash(&mut h, crate::lexicon::ERA_YAML.as_bytes());
        hash(&mut h, crate::lexicon::CALENDAR_YAML.as_bytes());
        for (p, t) in sources {
            hash(&mut h, p.to_string_lossy().as_bytes());
            hash(&mut h, t.as_bytes());
        }
        dir.join(format!("phrasebank-{h:016x}.bin"))
    }

    // The layout: MAGIC, the file table, the themes, the names of themes and sub-topics the
    // phrases use, the phrases (naming them by number); numbers are u32 little-endian,
    // texts are a u32 length and UTF-8 bytes, an optional year is a flag byte and an i32.
    struct Out(Vec<u8>);

    impl Out {
        fn u32(&mut self, n: usize) {
            self.0.extend_from_slice(&(n as u32).to_le_bytes());
        }
        fn str(&mut self, s: &str) {
            self.u32(s.len());
            self.0.extend_from_slice(s.as_bytes());
        }
        fn year(&mut self, y: Option<i32>) {
            self.0.push(u8::from(y.is_some()));
            self.0.extend_from_slice(&y.unwrap_or(0).to_le_bytes());
        }
    }

    /// A reader of the layout, from a file or from bytes, through its own 32 KB window (the
    /// numbers are read from the window, not through `Read` calls); it never reads past the
    /// `left` bytes the source has (a damaged length cannot make it allocate more than the file
    /// holds).
    struct In<R: std::io::Read> {
        r: R,
        buf: Vec<u8>,
        pos: usize,
        end: usize,
        left: u64,
    }

    impl<R: std::io::Read> In<R> {
        fn new(r: R, left: u64) -> Self {
            In {
                r,
                buf: vec![0; 32 * 1024],
                pos: 0,
                end: 0,
                left,
            }
        }
        /// At least `n` (no more than the window) bytes in the window.
        fn fill(&mut self, n: usize) -> Option<()> {
            if self.end - self.pos >= n {
                return Some(());
            }
            if n > self.buf.len() {
                return None;
            }
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
            while self.end < n {
                match self.r.read(&mut self.buf[self.end..]) {
                    Ok(0) => return None,
                    Ok(k) => self.end += k,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => return None,
                }
            }
            Some(())
        }
        fn bytes<const N: usize>(&mut self) -> Option<[u8; N]> {
            self.left = self.left.checked_sub(N as u64)?;
            self.fill(N)?;
            let b: [u8; N] = self.buf[self.pos..self.pos + N].try_into().ok()?;
            self.pos += N;
            Some(b)
        }
        fn u8(&mut self) -> Option<u8> {
            Some(self.bytes::<1>()?[0])
        }
        fn u32(&mut self) -> Option<usize> {
            Some(u32::from_le_bytes(self.bytes()?) as usize)
        }
        fn str(&mut self) -> Option<String> {
            let n = self.u32()?;
            self.left = self.left.checked_sub(n as u64)?;
            let v = if n <= self.buf.len() {
                self.fill(n)?;
                let v = self.buf[self.pos..self.pos + n].to_vec();
                self.pos += n;
                v
            } else {
                let mut v = self.buf[self.pos..self.end].to_vec();
                self.pos = self.end;
                let have = v.len();
                v.resize(n, 0);
                self.r.read_exact(&mut v[have..]).ok()?;
                v
            };
            String::from_utf8(v).ok()
        }
        fn skip_str(&mut self) -> Option<()> {
            let n = self.u32()?;
            self.left = self.left.checked_sub(n as u64)?;
            if self.end - self.pos >= n {
                self.pos += n;
                return Some(());
            }
            let rest = (n - (self.end - self.pos)) as u64;
            self.pos = self.end;
            let skipped = std::io::copy(
                &mut std::io::Read::take(&mut self.r, rest),
                &mut std::io::sink(),
            )
            .ok()?;
            (skipped == rest).then_some(())
        }
        fn year(&mut self) -> Option<Option<i32>> {
            let some = self.u8()? == 1;
            let y = i32::from_le_bytes(self.bytes()?);
            Some(some.then_some(y))
        }
    }

    const STATUSES: [Status; 3] = [Status::Curated, Status::Candidate, Status::Retired];

    /// A stored month: 0 for an open end, else its index plus one.
    fn month(n: usize) -> Option<crate::lexicon::YearMonth> {
        (n > 0).then(|| crate::lexicon::YearMonth::from_index(n as u32 - 1))
    }

    fn encode(pb: &Phrasebank) -> Vec<u8> {
        let mut files: Vec<&Path> = Vec::new();
        fn file_of<'p>(files: &mut Vec<&'p Path>, p: &'p Path) -> usize {
            match files.iter().position(|f| *f == p) {
                Some(i) => i,
                None => {
                    files.push(p);
                    files.len() - 1
                }
            }
        }
        let themes: Vec<(usize, &Theme)> = pb
            .themes
            .iter()
            .map(|t| (file_of(&mut files, &t.file), t))
            .collect();
        let phrases: Vec<(usize, &Phrase)> = pb
            .phrases
            .iter()
            .map(|p| (file_of(&mut files, &p.file), p))
            .collect();
        let mut o = Out(MAGIC.to_vec());
        o.u32(files.len());
        for f in &files {
            o.str(&f.to_string_lossy());
        }
        o.u32(themes.len());
        for (f, t) in themes {
            o.str(&t.name);
            o.str(&t.description);
            o.u32(f);
            o.u32(t.topics.len());
            for st in &t.topics {
                o.str(&st.name);
                o.u32(st.words.len());
                for w in &st.words {
                    o.str(w);
                }
                o.u32(st.units.len());
                for w in &st.units {
                    o.str(w);
                }
                o.year(st.years.from);
                o.year(st.years.to);
                o.u32(st.kinds.len());
                for k in &st.kinds {
                    o.u32(Kind::ALL.iter().position(|x| x == k).unwrap_or(0));
                }
            }
        }
        // The theme and sub-topic names the entries use, once: an entry refers to them by
        // number, so deciding whether to keep it allocates nothing.
        let mut names: Vec<&str> = pb
            .phrases
            .iter()
            .flat_map(|p| p.themes.iter().chain(&p.topics))
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        names.dedup();
        o.u32(names.len());
        for n in &names {
            o.str(n);
        }
        let name_of = |n: &str| names.binary_search(&n).unwrap_or(0);
        o.u32(phrases.len());
        for (f, p) in phrases {
            // What a selection is decided on comes first, so the rest of a record left out is
            // skipped without being decoded.
            o.u32(STATUSES.iter().position(|s| *s == p.status).unwrap_or(0));
            o.u32(Role::ALL.iter().position(|r| *r == p.role).unwrap_or(0));
            o.u32(p.themes.len());
            for t in &p.themes {
                o.u32(name_of(t));
            }
            o.u32(p.topics.len());
            for t in &p.topics {
                o.u32(name_of(t));
            }
            o.str(&p.id);
            o.str(&p.text);
            o.u32(p.kinds.len());
            for k in &p.kinds {
                o.u32(Kind::ALL.iter().position(|x| x == k).unwrap_or(0));
            }
            o.year(p.years.from);
            o.year(p.years.to);
            o.u32(p.live.from.map_or(0, |m| m.index() as usize + 1));
            o.u32(p.live.until.map_or(0, |m| m.index() as usize + 1));
            o.u32(p.weight as usize);
            o.str(&p.source);
            o.u32(f);
            o.u32(p.line);
        }
        let sum = crc32fast::hash(&o.0);
        o.0.extend_from_slice(&sum.to_le_bytes());
        o.0
    }

    #[cfg(test)]
    fn decode(bytes: &[u8], dir: &Path) -> Option<Phrasebank> {
        decode_checked(
            bytes,
            bytes.len() as u64,
            Path::new("test"),
            dir,
            &mut |_, _| None,
        )
    }

    fn decode_from<R: std::io::Read>(
        mut i: In<R>,
        dir: &Path,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
    ) -> Option<Phrasebank> {
        if &i.bytes::<8>()? != MAGIC {
            return None;
        }
        let files: Vec<std::sync::Arc<Path>> = (0..i.u32()?)
            .map(|_| i.str().map(|s| Path::new(&s).into()))
            .collect::<Option<_>>()?;
        let themes: Vec<Theme> = (0..i.u32()?)
            .map(|_| {
                let name = i.str()?;
                let description = i.str()?;
                let file = files.get(i.u32()?)?.to_path_buf();
                let topics = (0..i.u32()?)
                    .map(|_| {
                        Some(crate::topic::SubTopic {
                            name: i.str()?,
                            theme: name.clone(),
                            words: (0..i.u32()?).map(|_| i.str()).collect::<Option<_>>()?,
                            units: (0..i.u32()?).map(|_| i.str()).collect::<Option<_>>()?,
                            years: Years {
                                from: i.year()?,
                                to: i.year()?,
                            },
                            kinds: (0..i.u32()?)
                                .map(|_| Kind::ALL.get(i.u32()?).copied())
                                .collect::<Option<_>>()?,
                        })
                    })
                    .collect::<Option<_>>()?;
                Some(Theme {
                    name,
                    description,
                    file,
                    topics,
                })
            })
            .collect::<Option<_>>()?;
        // The topic map is built once: the selection resolves the spec's points with it, and
        // the phrasebank keeps it.
        let topic_map = crate::topic::TopicMap::new(
            themes
                .iter()
                .flat_map(|t| t.topics.iter().cloned())
                .collect(),
        );
        let chosen = select(&themes, &topic_map);
        let n_names = i.u32()?;
        let names: Vec<String> = (0..n_names.min(1 << 20))
            .map(|_| i.str())
            .collect::<Option<_>>()?;
        // Which names the selection wants, worked out once (not once an entry).
        let (want_theme, want_topic): (Vec<bool>, Vec<bool>) = match &chosen {
            None => (vec![true; names.len()], vec![true; names.len()]),
            Some(c) => (
                names.iter().map(|n| c.wants_theme(n)).collect(),
                names.iter().map(|n| c.topics.contains(n)).collect(),
            ),
        };
        let n = i.u32()?;
        let mut phrases = Vec::with_capacity(n.min(1 << 20));
        let (mut theme_ix, mut topic_ix): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for _ in 0..n {
            let status = *STATUSES.get(i.u32()?)?;
            let role = *Role::ALL.get(i.u32()?)?;
            theme_ix.clear();
            for _ in 0..i.u32()? {
                let k = i.u32()?;
                names.get(k)?;
                theme_ix.push(k);
            }
            topic_ix.clear();
            for _ in 0..i.u32()? {
                let k = i.u32()?;
                names.get(k)?;
                topic_ix.push(k);
            }
            let kept = match &chosen {
                None => true,
                Some(c) => c.keeps_by(
                    status,
                    role,
                    theme_ix.is_empty(),
                    theme_ix.iter().any(|&k| want_theme[k]),
                    topic_ix.iter().any(|&k| want_topic[k]),
                ),
            };
            if !kept {
                i.skip_str()?; // id
                i.skip_str()?; // text
                for _ in 0..i.u32()? {
                    i.u32()?; // kinds
                }
                i.year()?;
                i.year()?;
                i.u32()?; // live from
                i.u32()?; // live until
                i.u32()?; // weight
                i.skip_str()?; // source
                i.u32()?; // file
                i.u32()?; // line
                continue;
            }
            phrases.push(Phrase {
                id: i.str()?,
                role,
                text: i.str()?,
                themes: theme_ix.iter().map(|&k| names[k].clone()).collect(),
                topics: topic_ix.iter().map(|&k| names[k].clone()).collect(),
                kinds: (0..i.u32()?)
                    .map(|_| Kind::ALL.get(i.u32()?).copied())
                    .collect::<Option<_>>()?,
                years: Years {
                    from: i.year()?,
                    to: i.year()?,
                },
                live: crate::lexicon::Span {
                    from: month(i.u32()?),
                    until: month(i.u32()?),
                },
                weight: i.u32()? as u32,
                source: i.str()?,
                status,
                file: files.get(i.u32()?)?.clone(),
                line: i.u32()?,
            });
        }
        if i.left != 0 {
            return None;
        }
        let mut pb = Phrasebank {
            phrases,
            themes,
            dir: dir.to_path_buf(),
            topic_map,
            ..Default::default()
        };
        pb.index();
        Some(pb)
    }

    /// The largest cache file read (the shipped phrasebank's is under 2 MB).
    const MAX_CACHE_BYTES: u64 = 256 * 1024 * 1024;

    /// Notes on caches that were ignored, printed under `-v` ([`super::take_cache_notes`]).
    pub static NOTES: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

    fn note(msg: String) {
        if let Ok(mut n) = NOTES.lock() {
            n.push(msg);
        }
    }

    /// A reader that feeds every byte it passes through a CRC-32.
    struct Summed<'h, R> {
        r: R,
        h: &'h mut crc32fast::Hasher,
    }

    impl<R: std::io::Read> std::io::Read for Summed<'_, R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.r.read(buf)?;
            self.h.update(&buf[..n]);
            Ok(n)
        }
    }

    /// Decode `len` bytes of `r`: the body, then the CRC-32 of the body (u32 little-endian).
    /// A body that decodes but does not match its checksum is refused (a corrupted but
    /// well-formed cache would otherwise change the words of a draft).
    fn decode_checked<R: std::io::Read>(
        mut r: R,
        len: u64,
        path: &Path,
        dir: &Path,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
    ) -> Option<Phrasebank> {
        let body = len.checked_sub(4)?;
        let mut h = crc32fast::Hasher::new();
        let summed = Summed {
            r: std::io::Read::take(&mut r, body),
            h: &mut h,
        };
        let pb = decode_from(In::new(summed, body), dir, select);
        let Some(pb) = pb else {
            note(format!(
                "note: the phrasebank cache `{}` is damaged or old; it was ignored",
                path.display()
            ));
            return None;
        };
        let mut sum = [0u8; 4];
        std::io::Read::read_exact(&mut r, &mut sum).ok()?;
        if h.finalize() != u32::from_le_bytes(sum) {
            note(format!(
                "note: the phrasebank cache `{}` does not match its checksum; it was ignored and the YAML read instead",
                path.display()
            ));
            return None;
        }
        Some(pb)
    }

    /// Read a cache file, streamed: the file is never held whole in memory (for a short process,
    /// memory touched is time). Only a regular file is read (a FIFO or a link to a device is
    /// ignored without blocking), up to [`MAX_CACHE_BYTES`].
    pub fn read(
        path: &Path,
        dir: &Path,
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
    ) -> Option<Phrasebank> {
        let f = crate::io::open_regular_io(path).ok()?;
        let len = f.metadata().ok()?.len();
        if len > MAX_CACHE_BYTES {
            return None;
        }
        decode_checked(f, len, path, dir, select)
    }

    pub fn write(path: &Path, pb: &Phrasebank) {
        write_file(path, &encode(pb));
        if let Some(parent) = path.parent() {
            prune(parent);
        }
    }

    fn write_file(path: &Path, bytes: &[u8]) {
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        // A temporary file (unpredictable name, created exclusively) and a rename: a reader
        // never sees half a cache file.
        let Some(parent) = path.parent() else { return };
        if let Ok(mut tmp) = tempfile::Builder::new()
            .prefix(".cache.")
            .suffix(".wengao-tmp")
            .tempfile_in(parent)
            && std::io::Write::write_all(&mut tmp, bytes).is_ok()
        {
            let _ = tmp.persist(path);
        }
    }

    /// How many cache files (and stamps) are kept: every phrasebank edit makes a new one.
    const KEEP: usize = 12;

    /// Remove all but the newest [`KEEP`] cache files and stamps, so that the cache directory does not
    /// grow with every edit of the phrasebank.
    fn prune(dir: &Path) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut caches = Vec::new();
        let mut stamps = Vec::new();
        for ent in rd.flatten() {
            let name = ent.file_name().to_string_lossy().to_string();
            let modified = ent
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            if name.starts_with("phrasebank-") && name.ends_with(".bin") {
                caches.push((modified, ent.path()));
            } else if name.starts_with("stamp-") {
                stamps.push((modified, ent.path()));
            }
        }
        for mut list in [caches, stamps] {
            list.sort_by_key(|e| std::cmp::Reverse(e.0));
            for (_, p) in list.into_iter().skip(KEEP) {
                let _ = std::fs::remove_file(p);
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_shipped_phrasebank_round_trips_through_the_cache_format() {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("phrasebank");
            let mut files = Vec::new();
            super::super::collect_yaml(&dir, &mut files).unwrap();
            files.sort();
            let sources: Vec<(PathBuf, String)> = files
                .into_iter()
                .map(|f| {
                    let t = std::fs::read_to_string(&f).unwrap();
                    (f, t)
                })
                .collect();
            let pb = Phrasebank::from_sources(&dir, &sources).unwrap();
            let back = decode(&encode(&pb), &dir).unwrap();
            assert_eq!(back.phrases, pb.phrases);
            assert_eq!(back.themes, pb.themes);
            assert_eq!(back.by_role, pb.by_role);
            assert_eq!(back.by_role_theme, pb.by_role_theme);
            // A damaged cache is ignored, never trusted.
            let bytes = encode(&pb);
            assert!(decode(&bytes[..bytes.len() - 3], &dir).is_none());
            assert!(decode(b"wgpb0002", &dir).is_none());
            // A cache that is well-formed but not what was written (a word changed in place,
            // 重要 → 次要, same length) fails its checksum and is ignored.
            let (from, to) = ("重要".as_bytes(), "次要".as_bytes());
            let at = bytes
                .windows(from.len())
                .position(|w| w == from)
                .expect("the phrasebank says 重要 somewhere");
            let mut bad = bytes.clone();
            bad[at..at + to.len()].copy_from_slice(to);
            assert!(decode(&bad, &dir).is_none());
            assert!(NOTES.lock().unwrap().iter().any(|n| n.contains("checksum")));
        }
    }
}

/// Notes about phrasebank caches that were ignored (damaged, checksum mismatch), for `-v`.
pub fn take_cache_notes() -> Vec<String> {
    cache::NOTES
        .lock()
        .map(|mut n| std::mem::take(&mut *n))
        .unwrap_or_default()
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
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
}
