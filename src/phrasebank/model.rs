//! The phrasebank's model: roles, statuses, years, entries as written ([`RawFile`]) and as
//! loaded ([`Phrase`]), themes, and the loaded [`Phrasebank`] with the look-ups the planner makes.
//!
//! This file and its siblings `read.rs` and `compact.rs` are also compiled into the build script
//! (`build.rs`), which loads the shipped phrasebank with them and embeds it: they use only crates
//! that are build-dependencies too, and reach the rest of the library only through `crate::error`,
//! `crate::lexicon`, `crate::spec` and `crate::topic`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

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

    /// True for the roles a point draws by its sub-topics only (its framings, measures,
    /// requirement and formula): of a theme whose sections all have points, a draft uses no
    /// entry of them that serves none of its points' sub-topics.
    pub fn drawn_by_topic(self) -> bool {
        matches!(
            self,
            Role::Framing | Role::Measure | Role::Requirement | Role::Formula
        )
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
    pub id: PhraseText,
    pub role: Role,
    pub text: PhraseText,
    /// Themes it serves; empty for speech-level phrasing.
    pub themes: Vec<PhraseText>,
    /// Sub-topics it serves (or `general`); empty when untagged.
    pub topics: Vec<PhraseText>,
    /// Meeting kinds it is for; empty for all.
    pub kinds: Vec<Kind>,
    /// The years as written.
    pub years: Years,
    /// The months it can be drafted in: its years narrowed by the era of the terms in its text
    /// (the era lexicon, [`crate::lexicon::era`]); empty when they contradict.
    #[serde(skip)]
    pub live: crate::lexicon::Span,
    pub weight: u32,
    pub source: PhraseText,
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

    /// Whether it serves this theme.
    pub fn in_theme(&self, theme: &str) -> bool {
        self.themes.iter().any(|t| t.as_str() == theme)
    }

    /// Whether it serves one of these sub-topics.
    pub fn serves<S: AsRef<str>>(&self, topics: &[S]) -> bool {
        self.topics
            .iter()
            .any(|t| topics.iter().any(|n| n.as_ref() == t.as_str()))
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
/// theme file fills only those for the spec's themes (or for no theme); of the roles a point
/// draws by sub-topic, for a theme whose sections all have points, only those serving its points'
/// sub-topics (half the entries of a long speech). Everything a planner's pool would offer is
/// kept, so drafts are the same as with the whole phrasebank (tests/draft.rs,
/// `a_draft_from_the_selected_phrasebank_is_the_same`).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// None: every curated entry.
    pub themes: Option<Vec<String>>,
    /// Sub-topics the spec's points resolved to: entries serving them are kept whatever their
    /// theme (a 防汛 point under 社会治理 draws 安全生产's flood-control measures).
    pub topics: Vec<String>,
    /// Themes whose sections all have points: of the roles a point draws by its sub-topics
    /// ([`Role::drawn_by_topic`]), only the entries serving one of `topics` are kept (a section
    /// without points draws its items' measures from its whole theme).
    pub by_topic: Vec<String>,
}

impl Selection {
    /// Whether an entry with this status, role, themes and sub-topics is kept.
    pub fn keeps<S: AsRef<str>>(
        &self,
        status: Status,
        role: Role,
        themes: &[S],
        topics: &[S],
    ) -> bool {
        self.keeps_by(
            status,
            role,
            themes.is_empty(),
            themes
                .iter()
                .any(|t| self.wants_theme_for(t.as_ref(), role)),
            topics
                .iter()
                .any(|t| self.topics.iter().any(|n| n == t.as_ref())),
        )
    }

    /// Whether the selection takes every entry of a theme.
    pub fn wants_theme(&self, theme: &str) -> bool {
        self.themes
            .as_ref()
            .is_none_or(|w| w.iter().any(|t| t == theme))
    }

    /// Whether the selection takes every entry of a theme in this role.
    pub fn wants_theme_for(&self, theme: &str, role: Role) -> bool {
        self.wants_theme(theme)
            && !(role.drawn_by_topic()
                && self.themes.is_some()
                && self.by_topic.iter().any(|t| t == theme))
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

/// An entry's own text (its id, text and source): borrowed from the binary for the built-in
/// phrasebank (decoding it copies none: 2,300 entries' texts for a long speech), owned when read
/// from YAML or a cache.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhraseText(std::borrow::Cow<'static, str>);

impl PhraseText {
    /// The text of the binary's own phrasebank, in place.
    pub const fn shipped(text: &'static str) -> PhraseText {
        PhraseText(std::borrow::Cow::Borrowed(text))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for PhraseText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for PhraseText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for PhraseText {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PhraseText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for PhraseText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for PhraseText {
    fn from(s: String) -> PhraseText {
        PhraseText(std::borrow::Cow::Owned(s))
    }
}

impl From<&str> for PhraseText {
    fn from(s: &str) -> PhraseText {
        PhraseText(std::borrow::Cow::Owned(s.to_string()))
    }
}

impl From<PhraseText> for String {
    fn from(t: PhraseText) -> String {
        t.0.into_owned()
    }
}

impl PartialEq<str> for PhraseText {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for PhraseText {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for PhraseText {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<PhraseText> for String {
    fn eq(&self, other: &PhraseText) -> bool {
        **self == *other.0
    }
}

impl PartialEq<PhraseText> for &str {
    fn eq(&self, other: &PhraseText) -> bool {
        **self == *other.0
    }
}

/// The whole loaded phrasebank.
#[derive(Debug, Clone, Default)]
pub struct Phrasebank {
    pub phrases: Vec<Phrase>,
    pub themes: Vec<Theme>,
    /// The directory it was loaded from.
    pub dir: PathBuf,
    // The indexes are looked up, never walked: hashed (a B-tree of names compared them
    // character by character, ~2 M instructions of every draft's load).
    pub(crate) by_role: FxHashMap<Role, Vec<usize>>,
    /// role → theme → entries, in file order (what [`Phrasebank::pool`] looks up).
    pub(crate) by_role_theme: FxHashMap<Role, FxHashMap<PhraseText, Vec<usize>>>,
    /// role → sub-topic → entries tagged with it, in file order.
    pub(crate) by_role_topic: FxHashMap<Role, FxHashMap<PhraseText, Vec<usize>>>,
    /// Every theme's sub-topics, in file order.
    pub topic_map: crate::topic::TopicMap,
}

impl Phrasebank {
    /// Rebuild the lookup indexes from `phrases`.
    pub(crate) fn index(&mut self) {
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
                        // The name is copied only the first time it is met.
                        match topics.get_mut(t) {
                            Some(v) => v.push(i),
                            None => {
                                topics.insert(t.clone(), vec![i]);
                            }
                        }
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
            .filter_map(|t| m.get(t.as_str()))
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

/// What the reader does with a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The first problem stops the read.
    Strict,
    /// Every problem is collected; what it is about is left out, and reading goes on.
    Lenient,
}

/// Something wrong in a phrasebank file, where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as named in the sources.
    pub file: std::sync::Arc<Path>,
    /// 1-based line and column (column 1 when only the line is known).
    pub line: usize,
    pub column: usize,
    /// The rule `phrasebank lint` reports it under (schema, unknown-role, bad-years …).
    pub rule: &'static str,
    /// What is wrong, naming the entry when there is one.
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// The field, e.g. `entries[3]`, when known.
    pub field: Option<String>,
    /// The id of the entry it is about, when it is about one.
    pub entry: Option<String>,
    /// A short note a one-line report (lint's) adds to the message: ` (did you mean …?)`.
    pub note: String,
}

/// One file as read: the theme it declares, where, and whether it read as YAML at all.
#[derive(Debug, Clone)]
pub struct FileHead {
    pub path: PathBuf,
    /// The theme it declares (`theme:`), if any.
    pub theme: Option<String>,
    /// The line of its `theme:` key (1 when it has none).
    pub theme_line: usize,
    /// Its `description:`, trimmed (empty when it has none).
    pub description: String,
    /// False when the file is not a YAML mapping (it is one problem, and nothing else is read).
    pub read: bool,
}

/// A phrasebank as read: every entry and theme that could be read, and (lenient) the problems.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub phrases: Vec<Phrase>,
    pub themes: Vec<Theme>,
    pub problems: Vec<Problem>,
    /// Every file, in order.
    pub files: Vec<FileHead>,
    /// The line of each sub-topic's declaration in its file.
    pub topic_lines: BTreeMap<String, usize>,
}

impl Problem {
    /// A problem in `file` at (line, column), under `rule`, with what to do about it.
    pub fn new(
        file: std::sync::Arc<Path>,
        (line, column): (usize, usize),
        rule: &'static str,
        message: String,
        help: impl Into<String>,
        field: Option<String>,
    ) -> Problem {
        Problem {
            file,
            line,
            column,
            rule,
            message,
            help: help.into(),
            field,
            entry: None,
            note: String::new(),
        }
    }

    /// The same problem, about the entry `id`, with a note for one-line reports.
    pub fn about(mut self, id: &str, note: impl Into<String>) -> Problem {
        self.entry = Some(id.to_string());
        self.note = note.into();
        self
    }

    /// The message as one line of a report: `ID: message (note)`.
    pub fn one_line(&self) -> String {
        match &self.entry {
            Some(id) => format!("{id}: {}{}", self.message, self.note),
            None => format!("{}{}", self.message, self.note),
        }
    }
}
