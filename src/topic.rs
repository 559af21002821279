//! The topic map: every theme divided into the sub-topics a county speech discusses under it.
//!
//! A theme file of the phrasebank declares its sub-topics (`topics:` — name, words, units, and
//! optionally years and kinds; docs/phrasebank.md), and every measure, framing, item lead and part
//! intro names the sub-topic(s) it serves, or `general`. This module owns the map once it is
//! loaded and answers the three questions everybody else asks of it:
//!
//! - **resolution** ([`TopicMap::resolve`]): which sub-topic(s), of *any* theme, a point of a
//!   spec is about — from its explicit `about`, its topic, title and facts (by the sub-topics'
//!   words) and its lead and support units (by the units that own a sub-topic). The planner draws
//!   a point's sentences from these alone; `draft -v` and `--format json` show the answer and why.
//! - **mention** ([`TopicMap::mentions`]): whether a sentence speaks of a sub-topic (one of its
//!   words, its name or a unit of it) — the `off-topic` lint rule asks it of every sentence of a
//!   point.
//! - **classification** ([`TopicMap::classify`]): the best sub-topic of a free text (a mined
//!   sentence, a heading) — used by `mine` and `spec-from`.
//!
//! The planner, `lint`, `mine` and `spec-from` all read the map through this module only.

use serde::Serialize;
use std::borrow::Cow;

use crate::phrasebank::{PhraseText, Years};
use crate::spec::Kind;

/// The tag of an entry that fits any point of its theme.
pub const GENERAL: &str = "general";

/// One sub-topic of a theme.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct SubTopic {
    pub name: PhraseText,
    /// The theme that declares it.
    pub theme: PhraseText,
    /// Aliases, key terms and objects that identify it.
    pub words: Vec<PhraseText>,
    /// The departments that own it, without the level (应急管理局, not 县应急管理局).
    pub units: Vec<PhraseText>,
    /// The years a meeting may speak of it (most: always).
    pub years: Years,
    /// The meeting kinds it belongs to (empty: every kind).
    pub kinds: Vec<Kind>,
}

impl SubTopic {
    /// Its name and words: what a sentence on it says.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.words.iter().map(PhraseText::as_str))
    }

    /// Whether a meeting of this year and kind may speak of it.
    pub fn fits(&self, year: i32, kind: Option<Kind>) -> bool {
        self.years.contains(year)
            && kind.is_none_or(|k| self.kinds.is_empty() || self.kinds.contains(&k))
    }
}

/// A point as the resolver sees it: its spec fields.
#[derive(Debug, Clone, Default)]
pub struct Query<'a> {
    pub topic: &'a str,
    pub title: Option<&'a str>,
    pub facts: Vec<&'a str>,
    pub lead: Option<&'a str>,
    pub support: Vec<&'a str>,
    pub about: Option<&'a str>,
    /// The section's theme (breaks ties towards it).
    pub theme: &'a str,
    pub year: i32,
}

/// What a point resolved to, and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Resolution {
    /// The sub-topics, best first; empty when nothing matched.
    pub topics: Vec<String>,
    /// One line: what matched (for `draft -v` and the JSON output).
    pub why: String,
}

impl Resolution {
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }
}

/// The whole map, in phrasebank file order (a theme's most common sub-topic first).
#[derive(Debug, Clone, Default)]
pub struct TopicMap {
    pub topics: Vec<SubTopic>,
    /// Each term's (name first, then words; two characters or more) first character pair, with
    /// its (sub-topic, term), sorted by pair: a term can only be in a field that has its first
    /// pair.
    first_pair: Cow<'static, [FirstPair]>,
    /// Every character pair of a sub-topic's terms, with the sub-topic, sorted.
    pair_topics: Cow<'static, [PairTopic]>,
    /// Each sub-topic's terms of two characters or more, by their place in
    /// [`SubTopic::terms`] (0 the name, then the words): see [`TopicMap::term`].
    terms_of: Vec<Vec<u16>>,
    /// Each sub-topic's theme, by the place of its theme's first sub-topic (a resolution
    /// compares themes by number, not by name, for every sub-topic of the map).
    theme_of: Vec<u32>,
    /// Resolutions already made (the selection resolves the spec's points before the planner
    /// does, with the same queries).
    memo: Memo,
    /// Every sub-topic's units of two characters or more, found in a point's unit at once,
    /// built on first use: [`TopicMap::units_in`].
    units: std::sync::OnceLock<UnitIndex>,
}

/// The sub-topics' units as one [`TermSet`](crate::lexicon::TermSet), with the (sub-topic, place
/// among its units) of each.
#[derive(Debug, Clone)]
struct UnitIndex {
    set: crate::lexicon::TermSet<PhraseText>,
    of: Vec<(u32, u16)>,
}

/// A cache of resolutions by query; a clone starts empty.
#[derive(Debug, Default)]
struct Memo(std::sync::Mutex<HashMap<String, Resolution>>);

impl Clone for Memo {
    fn clone(&self) -> Memo {
        Memo::default()
    }
}

type HashMap<K, V> = std::collections::HashMap<K, V>;

fn char_pairs(s: &str) -> Vec<(char, char)> {
    let cs: Vec<char> = s.chars().collect();
    cs.windows(2).map(|w| (w[0], w[1])).collect()
}

fn key(p: (char, char)) -> u64 {
    (u64::from(p.0) << 32) | u64::from(p.1)
}

/// How much a match in each field of a point counts.
const W_TOPIC: u32 = 4;
const W_TITLE: u32 = 3;
const W_UNIT: u32 = 1;
const W_FACT: u32 = 1;

/// The entries of a sorted index whose key is `k`.
fn range<T>(v: &[(u64, T)], k: u64) -> &[(u64, T)] {
    let lo = v.partition_point(|e| e.0 < k);
    let hi = v.partition_point(|e| e.0 <= k);
    &v[lo..hi]
}

/// Term `w` of [`SubTopic::terms`]: 0 the name, then the words.
fn term_at(t: &SubTopic, w: u16) -> &str {
    match w {
        0 => &t.name,
        w => &t.words[usize::from(w) - 1],
    }
}

/// Each sub-topic's terms of two characters or more, by their place among its terms (no
/// copies: building the map is on every draft's start-up).
fn terms_of(topics: &[SubTopic]) -> Vec<Vec<u16>> {
    topics
        .iter()
        .map(|t| {
            t.terms()
                .enumerate()
                .filter(|(_, w)| w.chars().nth(1).is_some())
                .filter_map(|(k, _)| u16::try_from(k).ok())
                .collect()
        })
        .collect()
}

/// Each sub-topic's theme as the place of the theme's first sub-topic. A theme's sub-topics
/// are next to each other; one that comes back later is found among the themes before.
fn theme_of(topics: &[SubTopic]) -> Vec<u32> {
    let mut firsts: Vec<usize> = Vec::new();
    let mut out: Vec<u32> = Vec::with_capacity(topics.len());
    for (i, t) in topics.iter().enumerate() {
        let first = match out.last() {
            Some(&f) if topics[i - 1].theme == t.theme => f as usize,
            _ => match firsts.iter().find(|&&f| topics[f].theme == t.theme) {
                Some(&f) => f,
                None => {
                    firsts.push(i);
                    i
                }
            },
        };
        out.push(first as u32);
    }
    out
}

/// A term's first character pair, with its (sub-topic, term): one row of a map's first index.
pub type FirstPair = (u64, u32, u32);
/// A character pair of a sub-topic's terms, with the sub-topic: one row of a map's pair index.
pub type PairTopic = (u64, u32);
/// The pair indexes of a [`TopicMap`], as stored in the phrasebank's compact form (sorting them
/// is most of building a map).
pub type PairIndexes = (Vec<FirstPair>, Vec<PairTopic>);

/// The pair indexes of the shipped phrasebank's map, compiled into the binary as arrays by the
/// build script (reading ~40,000 rows out of the compact form was a twentieth of a draft).
pub type StaticIndexes = (&'static [FirstPair], &'static [PairTopic]);

impl TopicMap {
    /// The pair indexes, to store them.
    pub fn indexes(&self) -> (&[FirstPair], &[PairTopic]) {
        (&self.first_pair, &self.pair_topics)
    }

    /// A map of these sub-topics with the pair indexes [`TopicMap::indexes`] gave for them;
    /// None when they do not fit the sub-topics (a damaged store).
    pub fn with_indexes(
        topics: Vec<SubTopic>,
        (first_pair, pair_topics): PairIndexes,
    ) -> Option<TopicMap> {
        let terms_of = terms_of(&topics);
        let fits = first_pair.iter().all(|&(_, t, k)| {
            terms_of
                .get(t as usize)
                .is_some_and(|terms| (k as usize) < terms.len())
        }) && pair_topics
            .iter()
            .all(|&(_, t)| (t as usize) < topics.len())
            && first_pair.is_sorted()
            && pair_topics.is_sorted();
        fits.then_some(TopicMap {
            theme_of: theme_of(&topics),
            topics,
            first_pair: Cow::Owned(first_pair),
            pair_topics: Cow::Owned(pair_topics),
            terms_of,
            memo: Memo::default(),
            units: std::sync::OnceLock::new(),
        })
    }

    /// A map of the shipped phrasebank's sub-topics with the indexes the build script made of
    /// them, in place (not checked: the build made both from one map, and
    /// `phrasebank::embedded`'s tests hold them to the indexes [`TopicMap::new`] makes).
    pub fn with_static_indexes(
        topics: Vec<SubTopic>,
        (first_pair, pair_topics): StaticIndexes,
    ) -> TopicMap {
        TopicMap {
            theme_of: theme_of(&topics),
            terms_of: terms_of(&topics),
            topics,
            first_pair: Cow::Borrowed(first_pair),
            pair_topics: Cow::Borrowed(pair_topics),
            memo: Memo::default(),
            units: std::sync::OnceLock::new(),
        }
    }

    /// Term `k` of sub-topic `ti` (of those of two characters or more).
    fn term(&self, ti: usize, k: usize) -> &str {
        term_at(&self.topics[ti], self.terms_of[ti][k])
    }

    pub fn new(topics: Vec<SubTopic>) -> TopicMap {
        let mut first_pair: Vec<(u64, u32, u32)> = Vec::new();
        let mut pair_topics: Vec<(u64, u32)> = Vec::new();
        let terms_of = terms_of(&topics);
        for (ti, terms) in terms_of.iter().enumerate() {
            for (k, &w) in terms.iter().enumerate() {
                let ps = char_pairs(term_at(&topics[ti], w));
                if let Some(p) = ps.first() {
                    first_pair.push((key(*p), ti as u32, k as u32));
                }
                pair_topics.extend(ps.into_iter().map(|p| (key(p), ti as u32)));
            }
        }
        first_pair.sort_unstable();
        pair_topics.sort_unstable();
        pair_topics.dedup();
        TopicMap {
            theme_of: theme_of(&topics),
            topics,
            first_pair: Cow::Owned(first_pair),
            pair_topics: Cow::Owned(pair_topics),
            terms_of,
            memo: Memo::default(),
            units: std::sync::OnceLock::new(),
        }
    }

    /// The sub-topic of this name.
    pub fn get(&self, name: &str) -> Option<&SubTopic> {
        self.topics.iter().find(|t| t.name == name)
    }

    /// The sub-topics a theme declares, most common first.
    pub fn of_theme<'m>(&'m self, theme: &'m str) -> impl Iterator<Item = &'m SubTopic> + 'm {
        self.topics.iter().filter(move |t| t.theme == theme)
    }

    /// The names closest to `name` (for an unknown `about`): those sharing characters with it,
    /// most shared first, at most five.
    pub fn closest(&self, name: &str) -> Vec<&str> {
        let want: Vec<char> = name.chars().collect();
        let mut scored: Vec<(usize, &str)> = self
            .topics
            .iter()
            .map(|t| {
                let shared = t
                    .terms()
                    .map(|w| w.chars().filter(|c| want.contains(c)).count())
                    .max()
                    .unwrap_or(0);
                (shared, t.name.as_str())
            })
            .filter(|(s, _)| *s > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        scored.into_iter().take(5).map(|(_, n)| n).collect()
    }

    /// Score one field against every sub-topic at once: each term found in the field counts
    /// `weight` (the name, the first term, twice), and so does a term the field is part of (a
    /// short topic like 燃气). Candidates come from the pair indexes, so a field is compared with
    /// the few terms that could match, not with every term of the map.
    fn score_field(&self, field: &str, weight: u32, acc: &mut Scores) -> Vec<usize> {
        let field = field.trim();
        let mut touched = Vec::new();
        if field.is_empty() {
            return touched;
        }
        let n = field.chars().count();
        let mut seen: Vec<(usize, usize)> = Vec::new();
        let mut found = |ti: usize, k: usize, acc: &mut Scores, seen: &mut Vec<(usize, usize)>| {
            if seen.contains(&(ti, k)) {
                return;
            }
            seen.push((ti, k));
            let term = self.term(ti, k);
            acc.score[ti] += if k == 0 && term == self.topics[ti].name {
                weight * 2
            } else {
                weight
            };
            if !acc.words.iter().any(|(t, h)| *t == ti && h == term) {
                acc.words.push((ti, term.to_string()));
            }
            touched.push(ti);
        };
        let ps = char_pairs(field);
        for p in &ps {
            let k0 = key(*p);
            let lo = self.first_pair.partition_point(|e| e.0 < k0);
            for &(_, ti, k) in self.first_pair[lo..].iter().take_while(|e| e.0 == k0) {
                let (ti, k) = (ti as usize, k as usize);
                // A term found once is not looked for again.
                if !seen.contains(&(ti, k)) && crate::text::contains(field, self.term(ti, k)) {
                    found(ti, k, acc, &mut seen);
                }
            }
        }
        if (2..=8).contains(&n)
            && let Some(p) = ps.first()
        {
            for &(_, ti) in range(&self.pair_topics, key(*p)) {
                let ti = ti as usize;
                for k in 0..self.terms_of[ti].len() {
                    if crate::text::contains(self.term(ti, k), field) {
                        found(ti, k, acc, &mut seen);
                    }
                }
            }
        }
        touched
    }

    /// Which sub-topics' units (of two characters or more) are in a point's unit (县应急管理局
    /// holds 应急管理局): for each sub-topic, the place among its units of the first found, or
    /// `u16::MAX`. A point's units are tested against every sub-topic's in one reading of the
    /// unit, through an index of all of them.
    fn units_in(&self, unit: &str) -> Vec<u16> {
        let ix = self.units.get_or_init(|| {
            let mut names = Vec::new();
            let mut of = Vec::new();
            for (ti, t) in self.topics.iter().enumerate() {
                for (k, u) in t.units.iter().enumerate() {
                    if u.chars().nth(1).is_some()
                        && let Ok(k) = u16::try_from(k)
                    {
                        names.push(u.clone());
                        of.push((ti as u32, k));
                    }
                }
            }
            UnitIndex {
                set: crate::lexicon::TermSet::new(names),
                of,
            }
        });
        let mut first = vec![u16::MAX; self.topics.len()];
        for (_, _, i) in ix.set.find_all(unit) {
            let (ti, k) = ix.of[i];
            let f = &mut first[ti as usize];
            *f = (*f).min(k);
        }
        first
    }

    /// Which sub-topic(s) a point is about. An explicit `about` that names a sub-topic wins (the
    /// spec validation has already refused an unknown one). Otherwise each sub-topic valid in the
    /// meeting's year is scored on its terms found in the point's topic (×4, the name ×8), title
    /// (×3), facts (×1) and lead/support units (×1), plus character pairs of the topic found in
    /// its terms (×2, two at most) and in its theme's name (+2); the section's own theme counts
    /// half again. The best wins, with a runner-up of the same theme kept when it scores at least
    /// three quarters of the best from the topic or title itself. Ties go to the own theme.
    pub fn resolve(&self, q: &Query<'_>) -> Resolution {
        let key = format!(
            "{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}",
            q.topic,
            q.title.unwrap_or(""),
            q.facts.join("\u{2}"),
            q.lead.unwrap_or(""),
            q.support.join("\u{2}"),
            q.about.unwrap_or(""),
            q.theme,
            q.year
        );
        if let Some(r) = self.memo.0.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return r;
        }
        let r = self.resolve_anew(q);
        if let Ok(mut m) = self.memo.0.lock() {
            m.insert(key, r.clone());
        }
        r
    }

    /// Near words: character pairs of the topic found in a sub-topic's terms (就业增收 and
    /// 农民工就业 share 就业), by sub-topic (the caller counts at most two, each worth two).
    fn near_words(&self, topic: &str) -> Near {
        let mut near = Near {
            count: vec![0; self.topics.len()],
            words: Vec::new(),
        };
        let cs: Vec<char> = topic
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .collect();
        let mut done: Vec<(char, char)> = Vec::new();
        for w in cs.windows(2) {
            let p = (w[0], w[1]);
            let ps: String = w.iter().collect();
            if done.contains(&p) || COMMON_PAIRS.contains(&ps.as_str()) {
                continue;
            }
            done.push(p);
            for &(_, ti) in range(&self.pair_topics, key(p)) {
                near.count[ti as usize] += 1;
                near.words.push((ti as usize, ps.clone()));
            }
        }
        near
    }

    fn resolve_anew(&self, q: &Query<'_>) -> Resolution {
        if let Some(a) = q.about.map(str::trim).filter(|a| !a.is_empty())
            && self.get(a).is_some()
        {
            return Resolution {
                topics: vec![a.to_string()],
                why: format!("about: {a}"),
            };
        }
        // A topic that is another theme's sub-topic by name (惠企政策兑现 under 企业帮扶, whose
        // 降本减负 only shares words with it) is that sub-topic, unless one of the section's own
        // sub-topics has the whole topic among its words (问题整改 under 脱贫攻坚, below).
        let topic = q.topic.trim();
        if let Some(t) = self
            .topics
            .iter()
            .find(|t| t.name == topic && t.theme != q.theme && t.years.contains(q.year))
            && !self
                .of_theme(q.theme)
                .any(|o| o.words.iter().any(|w| w == topic))
        {
            return Resolution {
                topics: vec![t.name.to_string()],
                why: format!("{} ({}; named)", t.name, t.theme),
            };
        }
        let n = self.topics.len();
        // Per sub-topic: the score from the topic and title, and the words that matched.
        let mut head = Scores::new(n);
        self.score_field(q.topic, W_TOPIC, &mut head);
        if let Some(x) = q.title {
            self.score_field(x, W_TITLE, &mut head);
        }
        let mut rest = Scores::new(n);
        for f in &q.facts {
            self.score_field(f, W_FACT, &mut rest);
        }
        let near = self.near_words(q.topic);
        let units: Vec<Vec<u16>> = q
            .lead
            .iter()
            .chain(q.support.iter())
            .map(|u| self.units_in(u))
            .collect();
        // Whether the lead's unit is one the map knows (its first entry is the lead's).
        let lead_known = q.lead.is_some()
            && units
                .first()
                .is_some_and(|f| f.iter().any(|&k| k != u16::MAX));
        // The section's theme, by number (u32::MAX: none of the map's).
        let own_theme = self
            .topics
            .iter()
            .position(|t| t.theme == q.theme)
            .map_or(u32::MAX, |i| self.theme_of[i]);
        // Whether the topic names each theme, worked out once a theme (a few themes: a list).
        let mut named: Vec<(u32, bool)> = Vec::new();
        let telling = telling_pairs(q.topic);
        let mut scored: Vec<Scored> = Vec::new();
        for (i, t) in self.topics.iter().enumerate() {
            if !t.years.contains(q.year) {
                continue;
            }
            let mut s = head.score[i] + rest.score[i];
            // The first of its units each of the point's units holds; a supporting unit only
            // where the lead's unit is held too (or the lead's is none of the map's): the
            // departments that support a 开学 point (住建局, 市场监管局) do not make it 城镇燃气.
            let holds = |first: &Vec<u16>| t.units.get(usize::from(first[i])).is_some();
            let lead_holds = !lead_known || units.first().is_some_and(holds);
            for (k, first) in units.iter().enumerate() {
                if holds(first) && (k == 0 || lead_holds) {
                    s += W_UNIT;
                }
            }
            s += 2 * near.count[i].min(2);
            // A topic that names a theme (就业增收 → 稳定就业) leans to that theme's sub-topics.
            // A theme's sub-topics are next to each other: the last theme is looked at first.
            let theme = self.theme_of[i];
            let names_theme = match named.iter().rev().find(|(th, _)| *th == theme) {
                Some(&(_, b)) => b,
                None => {
                    let b = theme_named(&telling, &t.theme);
                    named.push((theme, b));
                    b
                }
            };
            if names_theme {
                s += 2;
            }
            // The section's own theme counts half again: another theme's sub-topic wins only
            // when it is clearly better (防汛 under 社会治理).
            if theme == own_theme {
                s = s * 3 / 2;
            }
            if s > 0 {
                scored.push((s, head.score[i] > 0, i, near.of(i)));
            }
        }
        if scored.is_empty() {
            return self.resolve_near(q);
        }
        // What matched, said only of the sub-topics chosen: the topic's and title's terms, the
        // facts', the units, the near words.
        let hits = |i: usize, near: &[String]| -> Vec<String> {
            let mut hits = head.of(i);
            for h in rest.of(i) {
                if !hits.contains(&h) {
                    hits.push(h);
                }
            }
            let t = &self.topics[i];
            let lead_holds = !lead_known
                || units
                    .first()
                    .is_some_and(|f| t.units.get(usize::from(f[i])).is_some());
            for (k, first) in units.iter().enumerate() {
                if let Some(u) = t.units.get(usize::from(first[i]))
                    && (k == 0 || lead_holds)
                {
                    hits.push(format!("unit {u}"));
                }
            }
            if !near.is_empty() && head.score[i] == 0 {
                hits.push(format!("near {}", near.join("、")));
            }
            hits
        };
        self.choose(own_theme, scored, &hits)
    }

    /// The best of the scored sub-topics `(score, named by the topic or title, index, near
    /// words)`, and a runner-up close to it: the section's own theme (`own_theme`, by number)
    /// preferred on a close call. `hits` says what matched a chosen one.
    fn choose(
        &self,
        own_theme: u32,
        mut scored: Vec<Scored>,
        hits: &dyn Fn(usize, &[String]) -> Vec<String>,
    ) -> Resolution {
        let own = |i: usize| self.theme_of[i] == own_theme;
        scored.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(own(b.2).cmp(&own(a.2)))
                .then(a.2.cmp(&b.2))
        });
        let best = scored[0].0;
        let why = |c: &Scored| {
            let t = &self.topics[c.2];
            format!("{} ({}; {})", t.name, t.theme, hits(c.2, &c.3).join("、"))
        };
        // Another theme's sub-topic wins only when the section's own theme has none named by
        // the topic close to it: 问题整改 under 脱贫攻坚 is the section's 考核评估整改 (which names
        // 问题整改), not 问题差距's general 问题整改 (历史遗留问题, 巡视巡察) that its name matched.
        if !own(scored[0].2)
            && let Some(k) = scored
                .iter()
                .position(|c| own(c.2) && c.1 && c.0 * 4 >= best * 3)
        {
            let c = &scored[k];
            return Resolution {
                topics: vec![self.topics[c.2].name.to_string()],
                why: why(c),
            };
        }
        let mut chosen = vec![&scored[0]];
        // A runner-up is kept when it too is named by the topic or title, scores close to the
        // best, and belongs to the best's theme or the section's (never a third theme's).
        // A topic that joins two fields (教育医疗) and names neither sub-topic outright is near
        // both by different words (教育, 医疗): the best of the other field is kept too, or a
        // heading on 教育医疗 would speak of schools only.
        let other_field = |c: &Scored| {
            let first = &scored[0];
            !first.1
                && !c.1
                && !first.3.is_empty()
                && !c.3.is_empty()
                && !c.3.iter().any(|w| first.3.contains(w))
        };
        let close = |c: &Scored| c.0 * 4 >= best * 3;
        let theme_fits = |c: &Scored| {
            self.theme_of[c.2] == self.theme_of[scored[0].2] || self.theme_of[c.2] == own_theme
        };
        let second = scored
            .get(1)
            .filter(|c| c.1 && close(c) && theme_fits(c))
            .or_else(|| {
                scored
                    .iter()
                    .skip(1)
                    .take_while(|c| close(c))
                    .find(|c| other_field(c) && theme_fits(c))
            });
        if let Some(second) = second {
            chosen.push(second);
        }
        let topics = chosen
            .iter()
            .map(|c| self.topics[c.2].name.to_string())
            .collect();
        let why = chosen
            .iter()
            .map(|c| why(c))
            .collect::<Vec<_>>()
            .join(" + ");
        Resolution { topics, why }
    }

    /// When no sub-topic's word is found in a point: the sub-topic of the section's own theme
    /// whose terms share the most character pairs with the point's topic and title (常态化防控 →
    /// 重点场所防控 by 防控), if any shares one.
    fn resolve_near(&self, q: &Query<'_>) -> Resolution {
        let pairs = |s: &str| -> Vec<(char, char)> {
            let cs: Vec<char> = s
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .collect();
            cs.windows(2).map(|w| (w[0], w[1])).collect()
        };
        let mut want = pairs(q.topic);
        want.extend(q.title.map(pairs).unwrap_or_default());
        want.sort();
        want.dedup();
        let mut best: Option<(usize, &SubTopic, Vec<String>)> = None;
        for t in self.of_theme(q.theme).filter(|t| t.years.contains(q.year)) {
            let mut shared = Vec::new();
            for p in &want {
                if COMMON_PAIRS.contains(&format!("{}{}", p.0, p.1).as_str()) {
                    continue;
                }
                if t.terms().any(|w| pairs(w).contains(p)) {
                    shared.push(format!("{}{}", p.0, p.1));
                }
            }
            if !shared.is_empty() && best.as_ref().is_none_or(|b| shared.len() > b.0) {
                best = Some((shared.len(), t, shared));
            }
        }
        match best {
            Some((_, t, shared)) => Resolution {
                topics: vec![t.name.to_string()],
                why: format!("{} ({}; near: {})", t.name, t.theme, shared.join("、")),
            },
            None => Resolution {
                topics: Vec::new(),
                why: format!("no sub-topic's words in “{}”", q.topic),
            },
        }
    }

    /// Whether `text` speaks of the sub-topic: it contains its name, one of its words or one of
    /// its units.
    pub fn mentions(&self, topic: &str, text: &str) -> bool {
        self.get(topic).is_some_and(|t| {
            t.terms()
                .chain(t.units.iter().map(PhraseText::as_str))
                .any(|w| w.chars().count() >= 2 && text.contains(w))
        })
    }

    /// The sub-topic a free text is most about (the most terms found; ties by file order), if any
    /// term is found at all.
    pub fn classify(&self, text: &str) -> Option<&SubTopic> {
        let mut best: Option<(usize, &SubTopic)> = None;
        for t in &self.topics {
            let n = t
                .terms()
                .filter(|w| w.chars().count() >= 2 && text.contains(w))
                .count();
            if n > 0 && best.is_none_or(|(b, _)| n > b) {
                best = Some((n, t));
            }
        }
        best.map(|(_, t)| t)
    }
}

/// Pairs too common in point topics to tell one sub-topic from another.
pub(crate) const COMMON_PAIRS: [&str; 22] = [
    "安全", "工作", "建设", "发展", "管理", "服务", "推进", "落实", "提升", "加强", "体系", "能力",
    "机制", "问题", "重点", "全面", "整治", "专项", "监管", "保障", "制度", "行动",
];

/// Whether a point's topic shares a telling character pair with a theme's name (就业增收 and
/// 稳定就业 share 就业).
fn theme_named(telling: &[&str], theme: &str) -> bool {
    telling.iter().any(|p| crate::text::contains(theme, p))
}

/// A topic's telling character pairs (not [`COMMON_PAIRS`]): what [`theme_named`] looks for in
/// each theme's name, worked out once a point.
fn telling_pairs(topic: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut cs = topic.char_indices().peekable();
    while let Some((at, _)) = cs.next() {
        if let Some(&(next, c)) = cs.peek() {
            let p = &topic[at..next + c.len_utf8()];
            if !COMMON_PAIRS.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// A field's scores by sub-topic, and the words that matched, by sub-topic, in the order found
/// (few: a list, not a vector of lists a sub-topic).
struct Scores {
    score: Vec<u32>,
    words: Vec<(usize, String)>,
}

impl Scores {
    fn new(n: usize) -> Scores {
        Scores {
            score: vec![0; n],
            words: Vec::new(),
        }
    }

    /// The words that matched sub-topic `i`.
    fn of(&self, i: usize) -> Vec<String> {
        words_of(&self.words, i)
    }
}

/// The topic's near words by sub-topic: how many each has, and the words, in the order found.
struct Near {
    count: Vec<u32>,
    words: Vec<(usize, String)>,
}

impl Near {
    /// The near words of sub-topic `i`.
    fn of(&self, i: usize) -> Vec<String> {
        words_of(&self.words, i)
    }
}

/// The words of sub-topic `i` in a list of (sub-topic, word), in order.
fn words_of(words: &[(usize, String)], i: usize) -> Vec<String> {
    words
        .iter()
        .filter(|(t, _)| *t == i)
        .map(|(_, w)| w.clone())
        .collect()
}

/// A scored sub-topic: its score, whether the topic or title names it, its index, and the
/// topic's near words it has.
type Scored = (u32, bool, usize, Vec<String>);

/// Check the spec's `points[].about` against the map: an unknown sub-topic is an error located
/// at the field, listing the closest names.
pub fn check_spec(vs: &crate::spec::ValidSpec, map: &TopicMap, src: &str) -> crate::Result<()> {
    let mut errs = Vec::new();
    for (si, s) in vs.spec.sections.iter().enumerate() {
        for (pi, p) in s.points.iter().enumerate() {
            let Some(a) = &p.about else { continue };
            let a = a.as_str().trim();
            if map.get(a).is_some() {
                continue;
            }
            let field = format!("sections[{si}].points[{pi}].about");
            let (l, c) = crate::spec::locate_field(src, &field);
            let near = map.closest(a);
            let help = if near.is_empty() {
                "`wengao phrasebank stats` lists the sub-topics of every theme".to_string()
            } else {
                format!(
                    "the closest sub-topics: {}; `wengao phrasebank stats` lists them all",
                    near.join("、")
                )
            };
            errs.push(
                crate::Diagnostic::new(
                    &vs.file,
                    format!("`{a}` is not a sub-topic of the topic map"),
                )
                .at(src, l, c)
                .field(field)
                .help(help),
            );
        }
    }
    match errs.len() {
        0 => Ok(()),
        1 => Err(errs.remove(0).into()),
        _ => Err(crate::Error::Inputs(errs)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, theme: &str, words: &[&str], units: &[&str]) -> SubTopic {
        SubTopic {
            name: name.into(),
            theme: theme.into(),
            words: words.iter().map(|&s| s.into()).collect(),
            units: units.iter().map(|&s| s.into()).collect(),
            years: Years::default(),
            kinds: Vec::new(),
        }
    }

    fn map() -> TopicMap {
        TopicMap::new(vec![
            t(
                "道路交通",
                "安全生产",
                &["交通安全", "酒驾", "客运"],
                &["交警大队", "交通运输局"],
            ),
            t("城镇燃气", "安全生产", &["燃气", "液化气"], &["住建局"]),
            t("防汛", "安全生产", &["汛期", "防汛", "山洪"], &["水利局"]),
            t("信访工作", "社会治理", &["信访", "上访"], &["信访局"]),
        ])
    }

    fn q<'a>(topic: &'a str, theme: &'a str) -> Query<'a> {
        Query {
            topic,
            theme,
            year: 2024,
            ..Default::default()
        }
    }

    #[test]
    fn a_theme_has_one_number_wherever_its_sub_topics_stand() {
        let topics = vec![
            t("道路交通", "安全生产", &[], &[]),
            t("城镇燃气", "安全生产", &[], &[]),
            t("信访工作", "社会治理", &[], &[]),
            t("防汛", "安全生产", &[], &[]),
            t("网格化", "社会治理", &[], &[]),
        ];
        assert_eq!(theme_of(&topics), [0, 0, 2, 0, 2]);
        // Resolved by number, a later sub-topic of the section's theme still counts as its own.
        let m = TopicMap::new(topics);
        assert_eq!(m.resolve(&q("防汛", "安全生产")).topics, ["防汛"]);
    }

    #[test]
    fn resolves_by_alias_unit_theme_and_about() {
        let m = map();
        assert_eq!(m.resolve(&q("燃气安全", "安全生产")).topics, ["城镇燃气"]);
        let mut by_unit = q("专项整治", "安全生产");
        by_unit.lead = Some("县交警大队");
        assert_eq!(m.resolve(&by_unit).topics, ["道路交通"]);
        assert_eq!(m.resolve(&q("防汛减灾", "社会治理")).topics, ["防汛"]);
        let mut about = q("重点工作", "社会治理");
        about.about = Some("信访工作");
        assert_eq!(m.resolve(&about).topics, ["信访工作"]);
        assert!(m.resolve(&q("电梯安全", "安全生产")).is_empty());
    }

    #[test]
    fn mentions_and_closest() {
        let m = map();
        assert!(m.mentions("城镇燃气", "全面排查液化气钢瓶"));
        assert!(!m.mentions("城镇燃气", "严查酒驾醉驾"));
        assert_eq!(m.closest("燃气")[0], "城镇燃气");
        assert_eq!(
            m.classify("汛期到来，山洪").map(|t| t.name.as_str()),
            Some("防汛")
        );
    }
}
