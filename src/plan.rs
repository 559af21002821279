//! The planner: from a validated spec, the phrasebank, the templates and a seed to a [`Speech`].
//!
//! Planning is deterministic: every choice draws from one `ChaCha8Rng` seeded with the spec's or
//! the command line's seed, and indices are taken from `next_u64` by this module (never from a
//! distribution of the `rand` crate), so the same spec and seed give the same bytes on every
//! platform and every version of our dependencies. `tests/golden` keeps the vectors.
//!
//! The planner
//! - reads the opening order from the kind template (`{% block opening_order %}`),
//! - picks one heading pattern per sibling group (`templates/patterns/l1_*.tera` for the level-1
//!   parts, `l2_*.tera` for each group of level-2 parts) and fills it per part, so siblings are parallel,
//! - draws phrases by role, theme, meeting kind and year (the era), never the same entry or the
//!   same sentence twice, weighted by the entries' weights, skipping any whose slots it cannot fill,
//! - weaves in every spec fact, lead, support unit and deadline verbatim,
//! - elaborates every point as deeply as the phrasebank allows, then trims the deepest points one
//!   sentence at a time until the draft meets `output.length` (±10%); it never pads.

use std::collections::BTreeMap;
use std::hash::{BuildHasherDefault, Hasher};

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use crate::Result;
use crate::model::{Item, ItemMarker, Origin, Paragraph, Part, Sentence, Speech};
use crate::numerals;
use crate::phrasebank::{Phrasebank, Role};
use crate::render::Templates;
use crate::spec::ValidSpec;

/// The default target length (characters) when the spec gives none.
pub const DEFAULT_LENGTH: usize = 7_500;

/// A seeded source of choices, identical on every platform.
#[derive(Debug, Clone)]
pub struct Picker(ChaCha8Rng);

impl Picker {
    /// A picker for `seed`.
    pub fn new(seed: u64) -> Self {
        Picker(ChaCha8Rng::seed_from_u64(seed))
    }

    /// The next raw value.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// An index below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// An index into `weights`, chosen in proportion to them (all zero: uniform).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        if total == 0 {
            return self.below(weights.len());
        }
        let mut r = self.next_u64() % total;
        for (i, &w) in weights.iter().enumerate() {
            if r < u64::from(w) {
                return i;
            }
            r -= u64::from(w);
        }
        weights.len() - 1
    }

    /// True with probability 1/2.
    pub fn coin(&mut self) -> bool {
        self.next_u64() & 1 == 1
    }

    /// Shuffle in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// What the planner made, with what it chose.
#[derive(Debug, Clone)]
pub struct Plan {
    pub speech: Speech,
    pub seed: u64,
    /// The kind template used, e.g. `kinds/plenary.tera`.
    pub template: String,
    /// The heading pattern of each sibling group: level 1 first, then each part's level 2.
    pub patterns: Vec<String>,
    /// Warnings for the writer (theme out of its era, spec too thin for the length …).
    pub warnings: Vec<String>,
    /// The target length in characters and the length planned.
    pub target: usize,
    pub length: usize,
}

/// Plan a speech.
pub fn plan(vs: &ValidSpec, pb: &Phrasebank, templates: &Templates, seed: u64) -> Result<Plan> {
    plan_with(vs, pb, templates, seed, false)
}

/// Plan a speech; with `placeholders`, a point with no fact of its own gets a visible
/// 【待补：…】 marker for the writer to fill, instead of nothing (never an invented figure).
pub fn plan_with(
    vs: &ValidSpec,
    pb: &Phrasebank,
    templates: &Templates,
    seed: u64,
    placeholders: bool,
) -> Result<Plan> {
    let mut p = Planner::new(vs, pb, templates, seed);
    p.placeholders = placeholders;
    p.run()
}

/// Characters that count toward a speech's length: everything but white space.
pub fn char_len(s: &str) -> usize {
    // By bytes (it is measured often while planning): each character's first byte counts,
    // unless it opens a white-space character (the Unicode White_Space set, as
    // `char::is_whitespace`: ASCII 09–0D and 20, U+0085, U+00A0, U+1680, U+2000–200A, U+2028,
    // U+2029, U+202F, U+205F, U+3000).
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (width, space) = match x {
            0x09..=0x0d | 0x20 => (1, true),
            0x00..=0x7f => (1, false),
            0xc2 => (2, matches!(b.get(i + 1), Some(0x85 | 0xa0))),
            0xc0..=0xdf => (2, false),
            0xe1 => (
                3,
                b.get(i + 1) == Some(&0x9a) && b.get(i + 2) == Some(&0x80),
            ),
            0xe2 => (
                3,
                match b.get(i + 1) {
                    Some(0x80) => matches!(b.get(i + 2), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)),
                    Some(0x81) => b.get(i + 2) == Some(&0x9f),
                    _ => false,
                },
            ),
            0xe3 => (
                3,
                b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80),
            ),
            0xe0..=0xef => (3, false),
            _ => (4, false),
        };
        n += usize::from(!space);
        i += width;
    }
    n
}

/// Fill `{slot}`s in one pass; values are inserted literally and never scanned again.
/// Returns None when a slot has no value.
pub fn fill(text: &str, slots: &BTreeMap<&str, String>) -> Option<String> {
    fill_by(text, |k| slots.get(k).map(String::as_str))
}

/// [`fill`] with the slots' values looked up by a function.
fn fill_by<'v>(text: &str, slot: impl Fn(&str) -> Option<&'v str>) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j)
                if j > 0
                    && after[..j]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                out.push_str(slot(&after[..j])?);
                rest = &after[j + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

/// Drop trailing sentence punctuation from a spec value, so a frame can end it.
pub fn clause(s: &str) -> String {
    s.trim()
        .trim_end_matches(['。', '；', ';', '，', ',', '.', '！', '!'])
        .to_string()
}

#[derive(Debug, Clone, Default)]
struct PointPlan {
    heading: String,
    heading_origin: Origin,
    framing: Option<Sentence>,
    /// A second framing sentence, for deeper elaboration (trimmed first).
    framing2: Option<Sentence>,
    facts: Vec<Sentence>,
    measures: Vec<Sentence>,
    requirement: Option<Sentence>,
    responsibility: Option<Sentence>,
    deadline: Option<Sentence>,
}

#[derive(Debug, Clone, Default)]
struct ItemPlan {
    lead: String,
    lead_origin: Origin,
    measures: Vec<Sentence>,
}

#[derive(Debug, Clone, Default)]
struct SectionPlan {
    heading: String,
    heading_origin: Origin,
    intro: Vec<Sentence>,
    points: Vec<PointPlan>,
    items: Vec<ItemPlan>,
}

/// A fast, non-random hasher for the planner's own sets (ids and texts it has used). The planner
/// only asks them "is this in?", never iterates them, so the hasher changes no output; SipHash was
/// a tenth of the drafting time.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type HashSet<T> = std::collections::HashSet<T, BuildHasherDefault<FxHasher>>;
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The measure pool of one sibling group, prepared by [`Planner::near_group`].
struct NearGroup<'a> {
    rows: Vec<NearRow<'a>>,
    /// For each sibling, the rows by closeness to it (filled on its first draw).
    order: Vec<Vec<usize>>,
}

struct NearRow<'a> {
    /// Its place among the group's rows in id order (ties in closeness go by id).
    rank: usize,
    /// Used already in this draft (its id or its text).
    blocked: bool,
    id: &'a str,
    weight: u32,
    /// The entry filled with the base slots.
    text: String,
    /// Character pairs shared with each sibling's key.
    scores: Vec<usize>,
    /// The highest of `scores`.
    top: usize,
    /// Whether it opens with each sibling key's first four characters.
    echoes: Vec<bool>,
}

struct Planner<'a> {
    vs: &'a ValidSpec,
    pb: &'a Phrasebank,
    templates: &'a Templates,
    rng: Picker,
    seed: u64,
    used_ids: HashSet<String>,
    used_texts: HashSet<String>,
    base: BTreeMap<&'static str, String>,
    warnings: Vec<String>,
    patterns: Vec<String>,
    /// Write 【待补：…】 where a point has no fact (`--placeholders`).
    placeholders: bool,
}

/// Themes whose live use ended (or began) with an era, and the framing used outside it.
const THEME_ERAS: [(&str, i32, i32, &str); 2] = [
    (
        "脱贫攻坚",
        2015,
        2020,
        "drafted as consolidating the gains (巩固拓展脱贫攻坚成果, 防止返贫)",
    ),
    (
        "疫情防控",
        2020,
        2022,
        "drafted as public-health preparedness (公共卫生体系, 应急能力)",
    ),
];

impl<'a> Planner<'a> {
    fn new(vs: &'a ValidSpec, pb: &'a Phrasebank, templates: &'a Templates, seed: u64) -> Self {
        let lv = vs.level;
        let mut base = BTreeMap::new();
        base.insert("area", lv.whole());
        base.insert("party", lv.party().to_string());
        base.insert("gov", lv.government().to_string());
        base.insert("units", lv.units().to_string());
        base.insert("level", lv.char().to_string());
        base.insert("place", vs.spec.place.name.0.clone());
        base.insert("year", vs.year().to_string());
        Planner {
            vs,
            pb,
            templates,
            rng: Picker::new(seed),
            seed,
            used_ids: HashSet::default(),
            used_texts: HashSet::default(),
            base,
            warnings: Vec::new(),
            patterns: Vec::new(),
            placeholders: false,
        }
    }

    /// The first of `texts` not yet used in this draft (marking it used), as a template sentence.
    fn fallback(
        &mut self,
        name: &str,
        texts: Vec<String>,
        fields: Vec<String>,
    ) -> Option<Sentence> {
        let t = texts.into_iter().find(|t| !self.used_texts.contains(t))?;
        self.used_texts.insert(t.clone());
        let origin = if fields.is_empty() {
            Origin::Template {
                name: format!("plan:{name}"),
            }
        } else {
            Origin::Mixed {
                id: format!("plan:{name}"),
                fields,
            }
        };
        Some(Sentence::new(t, origin))
    }

    /// Phrasing written for a county (县域, 县城, 县级) does not fit a city, district or town speech.
    fn fits_level(&self, text: &str) -> bool {
        self.vs.level == crate::spec::Level::County || !text.contains('县')
    }

    /// Draw one phrase of `role` (for `theme`), fill it with the base slots and `extra`.
    /// `exclude` holds ids that must not be drawn (besides every id already used when `global`).
    fn draw(
        &mut self,
        role: Role,
        theme: Option<&str>,
        extra: &[(&'static str, String)],
        exclude: &HashSet<String>,
        global: bool,
    ) -> Option<(String, String)> {
        // The extra slots first, then the base ones (an extra slot overrides a base one).
        let base = &self.base;
        let slot = |k: &str| {
            extra
                .iter()
                .rev()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.as_str())
                .or_else(|| base.get(k).map(String::as_str))
        };
        let mut options: Vec<(&'a str, std::borrow::Cow<'a, str>, u32)> = Vec::new();
        let pb: &'a Phrasebank = self.pb;
        for ph in pb.pool_iter(role, theme, self.vs.kind, self.vs.year()) {
            if exclude.contains(&ph.id)
                || (global && self.used_ids.contains(&ph.id))
                || !self.fits_level(&ph.text)
            {
                continue;
            }
            // Most entries have no slot: their text is used as it is, not copied.
            let text: std::borrow::Cow<'a, str> = if ph.text.contains('{') {
                match fill_by(&ph.text, slot) {
                    Some(t) => t.into(),
                    None => continue,
                }
            } else {
                ph.text.as_str().into()
            };
            if global && self.used_texts.contains(text.as_ref()) {
                continue;
            }
            options.push((ph.id.as_str(), text, ph.weight));
        }
        if options.is_empty() {
            return None;
        }
        let weights: Vec<u32> = options.iter().map(|o| o.2).collect();
        let i = self.rng.weighted(&weights);
        let (id, text, _) = options.swap_remove(i);
        let (id, text) = (id.to_string(), text.into_owned());
        if global {
            self.used_ids.insert(id.clone());
            self.used_texts.insert(text.clone());
        }
        Some((id, text))
    }

    /// Prepare to draw measure-like sentences for a group of siblings (points' topics or items'
    /// leads): the pool is filtered and each entry filled once, and each entry's closeness to
    /// every sibling's key (how many character pairs they share) is counted once, not on every
    /// draw.
    fn near_group(
        &mut self,
        role: Role,
        theme: &str,
        keys: &[String],
        echo_check: bool,
    ) -> NearGroup<'a> {
        let n = keys.len();
        // Every character pair of the keys, with the keys (as bits) it is in: a row's closeness
        // to each key is then counted in one pass over the row's own pairs.
        let mut pair_keys: HashMap<u64, u128> = HashMap::default();
        for (k, key) in keys.iter().enumerate().take(128) {
            for p in bigrams(key) {
                *pair_keys.entry(p).or_default() |= 1 << k;
            }
        }
        let key_grams: Vec<Vec<u64>> = if n > 128 {
            keys.iter().map(|k| bigrams(k)).collect()
        } else {
            Vec::new()
        };
        let heads: Vec<Option<String>> = keys
            .iter()
            .map(|k| {
                let head: String = k.chars().take(4).collect();
                (head.chars().count() == 4).then_some(head)
            })
            .collect();
        let pb: &'a Phrasebank = self.pb;
        let mut rows = Vec::new();
        let mut shared: Vec<u64> = Vec::new();
        let mut matched: Vec<Vec<u64>> = Vec::new();
        for ph in pb.pool_iter(role, Some(theme), self.vs.kind, self.vs.year()) {
            if !self.fits_level(&ph.text) {
                continue;
            }
            let Some(text) = fill(&ph.text, &self.base) else {
                continue;
            };
            let scores = if n > 128 {
                let grams = bigrams(&text);
                key_grams.iter().map(|k| common_count(&grams, k)).collect()
            } else {
                // The row's pairs that some key has, each counted once (scored below).
                shared.clear();
                for_each_bigram(&text, |p| {
                    if pair_keys.contains_key(&p) {
                        shared.push(p);
                    }
                });
                shared.sort_unstable();
                shared.dedup();
                matched.push(shared.clone());
                Vec::new()
            };
            rows.push(NearRow {
                rank: 0,
                top: 0,
                blocked: self.used_ids.contains(ph.id.as_str())
                    || self.used_texts.contains(text.as_str()),
                id: ph.id.as_str(),
                weight: ph.weight,
                scores,
                // A measure that opens with the item's own lead would echo it on the same line
                // (一要深化审计监督。深化审计监督，…); a point's heading stands on its own line.
                echoes: heads
                    .iter()
                    .map(|h| echo_check && h.as_deref().is_some_and(|h| opens_with(&text, h)))
                    .collect(),
                text,
            });
        }
        if n <= 128 {
            // A pair most of the pool has (安全, 工作, 项目 …) tells no sibling's topic from
            // another's: closeness counts only the pairs at most a third of the entries have.
            let mut df: HashMap<u64, usize> = HashMap::default();
            for m in &matched {
                for p in m {
                    *df.entry(*p).or_default() += 1;
                }
            }
            let total = rows.len();
            let common = |p: &u64| total >= 9 && df[p] * 3 > total;
            for (row, m) in rows.iter_mut().zip(&matched) {
                let mut scores = vec![0usize; n];
                for p in m.iter().filter(|p| !common(p)) {
                    let mut bits = pair_keys[p];
                    while bits != 0 {
                        scores[bits.trailing_zeros() as usize] += 1;
                        bits &= bits - 1;
                    }
                }
                row.top = scores.iter().copied().max().unwrap_or(0);
                row.scores = scores;
            }
        }
        if n > 128 {
            for row in &mut rows {
                row.top = row.scores.iter().copied().max().unwrap_or(0);
            }
        }
        let mut by_id: Vec<usize> = (0..rows.len()).collect();
        by_id.sort_by(|&a, &b| rows[a].id.cmp(rows[b].id));
        for (rank, r) in by_id.into_iter().enumerate() {
            rows[r].rank = rank;
        }
        NearGroup {
            rows,
            order: vec![Vec::new(); n],
        }
    }

    /// Draw a measure-like sentence close to sibling `k` of the group: among the entries sharing
    /// the most character pairs with its key, weighted by weight; with none sharing any, any entry.
    fn sentence_near(&mut self, group: &mut NearGroup<'a>, k: usize) -> Option<Sentence> {
        // The rows in order of closeness to this sibling (ties by id), worked out once a group.
        if group.order[k].is_empty() && !group.rows.is_empty() {
            let rows = &group.rows;
            let mut order: Vec<usize> = (0..rows.len()).collect();
            order.sort_by(|&a, &b| {
                rows[b].scores[k]
                    .cmp(&rows[a].scores[k])
                    .then(rows[a].rank.cmp(&rows[b].rank))
            });
            group.order[k] = order;
        }
        // Those not fitting a sibling better come first (a measure that fits a sibling's topic
        // better is left for that sibling); only when there are none, the others. Of them, the
        // closest few: within one shared pair of the best, at least four when there are.
        let rows = &group.rows;
        let mut options: Vec<(usize, u32, usize)> = Vec::new();
        for reserved in [false, true] {
            for &r in &group.order[k] {
                let row = &rows[r];
                if row.blocked || row.echoes[k] {
                    continue;
                }
                let score = row.scores[k];
                if (row.top > score) != reserved {
                    continue;
                }
                if let Some(best) = options.first().map(|o| o.2)
                    && options.len() >= 4
                    && score + 1 < best
                {
                    break;
                }
                options.push((r, row.weight, score));
            }
            if !options.is_empty() {
                break;
            }
        }
        options.first()?;
        let weights: Vec<u32> = options.iter().map(|o| o.1).collect();
        let i = self.rng.weighted(&weights);
        let row = &group.rows[options[i].0];
        let (id, text) = (row.id.to_string(), row.text.clone());
        // The group is drawn from alone until it is done: what is used now is only what it drew.
        for r in &mut group.rows {
            r.blocked |= r.id == id || r.text == text;
        }
        self.used_ids.insert(id.clone());
        self.used_texts.insert(text.clone());
        Some(Sentence::new(text, Origin::Phrase { id }))
    }

    /// Draw a sentence; its origin is the phrase, or phrase + spec fields when `fields` is not empty.
    fn sentence(
        &mut self,
        role: Role,
        theme: Option<&str>,
        extra: &[(&'static str, String)],
        fields: &[String],
    ) -> Option<Sentence> {
        let (id, text) = self.draw(role, theme, extra, &HashSet::default(), true)?;
        let origin = if fields.is_empty() {
            Origin::Phrase { id }
        } else {
            Origin::Mixed {
                id,
                fields: fields.to_vec(),
            }
        };
        Some(Sentence::new(text, origin))
    }

    fn run(&mut self) -> Result<Plan> {
        let vs = self.vs;
        let spec = &vs.spec;
        for (name, from, to, how) in THEME_ERAS {
            if spec.sections.iter().any(|s| s.theme.as_str() == name)
                && !(from..=to).contains(&vs.year())
            {
                self.warnings.push(format!(
                    "theme {name} belongs to {from}–{to}; the meeting is in {}: {how}",
                    vs.year()
                ));
            }
        }
        let template = format!("kinds/{}.tera", vs.kind.name());
        let order = self.templates.opening_order(&template)?;

        let mut speech = Speech {
            title: title_of(spec.meeting.name.as_str()),
            salutation: Some("同志们：".to_string()),
            ..Default::default()
        };
        if let Some(name) = &spec.speaker.name {
            speech
                .byline
                .push(format!("{}　{}", spec.speaker.role, name));
        }
        speech
            .byline
            .push(format!("（{}）", numerals::date_cn(vs.date)));

        // Sections first (their count is announced), then the opening in the kind's order.
        let mut sections = self.plan_sections();
        let elaborate_facts_first = self.rng.coin();
        let mut opening: Vec<Paragraph> = Vec::new();
        for block in &order {
            match block.as_str() {
                "purpose" => opening.extend(self.purpose()),
                "recap" => opening.extend(self.recap()),
                "year" => opening.extend(self.year_context()),
                "situation" => opening.extend(self.situation()),
                "announce" => opening.extend(self.announce(sections.len())),
                other => {
                    return Err(crate::Error::Template {
                        name: template.clone(),
                        message: format!(
                            "unknown opening block `{other}` in opening_order (known: purpose recap year situation announce)"
                        ),
                    });
                }
            }
        }
        speech.opening = opening;
        speech.closing = self.closing();

        // Length: trim the deepest elaboration until within the target.
        let target = spec
            .output
            .as_ref()
            .and_then(|o| o.length)
            .map(|l| l as usize)
            .unwrap_or(DEFAULT_LENGTH);
        let fixed = char_len(&speech.title)
            + speech.byline.iter().map(|l| char_len(l)).sum::<usize>()
            + 4
            + speech
                .opening
                .iter()
                .chain(&speech.closing)
                .map(|p| char_len(&p.text()))
                .sum::<usize>();
        let upper = target + target / 20;
        let mut length_est = fixed + sections_len(&sections);
        while length_est > upper {
            let Some(removed) = trim_one(&mut sections) else {
                break;
            };
            length_est -= removed;
        }
        debug_assert_eq!(length_est, fixed + sections_len(&sections));
        if length_est * 10 > target * 11 {
            self.warnings.push(format!(
                "the draft has about {length_est} characters, over the {target} asked: the spec's own facts and parts need that much; raise output.length or drop points"
            ));
        }
        if length_est * 10 < target * 9 {
            self.warnings.push(format!(
                "the draft has about {length_est} characters, short of the {target} asked: add points or facts to the spec (wengao never pads)"
            ));
        }

        let marker = if self.rng.coin() {
            ItemMarker::Yao
        } else {
            ItemMarker::Shi
        };
        speech.parts = sections
            .into_iter()
            .enumerate()
            .map(|(i, s)| to_part(i, s, marker, elaborate_facts_first))
            .collect();
        let length = fixed + speech.parts.iter().map(part_len).sum::<usize>();
        Ok(Plan {
            speech,
            seed: self.seed,
            template,
            patterns: std::mem::take(&mut self.patterns),
            warnings: std::mem::take(&mut self.warnings),
            target,
            length,
        })
    }

    fn purpose(&mut self) -> Vec<Paragraph> {
        let m = &self.vs.spec.meeting;
        let meeting = m.name.0.clone();
        let mut s = Vec::new();
        if m.purposes.is_empty() {
            s.extend(self.sentence(
                Role::OpeningPlain,
                None,
                &[("meeting", meeting)],
                &["meeting.name".into()],
            ));
        } else {
            let purposes: Vec<String> = m.purposes.iter().map(|p| clause(p.as_str())).collect();
            s.extend(self.sentence(
                Role::Opening,
                None,
                &[("meeting", meeting), ("purposes", purposes.join("，"))],
                &["meeting.name".into(), "meeting.purposes".into()],
            ));
        }
        s.extend(self.sentence(Role::OpeningAim, None, &[], &[]));
        vec![Paragraph::new(s)]
    }

    fn recap(&mut self) -> Vec<Paragraph> {
        let m = &self.vs.spec.meeting;
        if m.earlier.is_empty() {
            return Vec::new();
        }
        let earlier: Vec<String> = m.earlier.iter().map(|p| clause(p.as_str())).collect();
        let mut s = Vec::new();
        s.extend(self.sentence(
            Role::Recap,
            None,
            &[("earlier", earlier.join("；"))],
            &["meeting.earlier".into()],
        ));
        // 「…大家的发言都很有针对性。大家的讲话既总结了成绩…」: a follow-up does not say 大家
        // again right after the recap did.
        let said_all = s.iter().any(|x| x.text.contains("大家"));
        let again: HashSet<String> = self
            .pb
            .pool_iter(Role::RecapFollow, None, self.vs.kind, self.vs.year())
            .filter(|p| said_all && p.text.contains("大家"))
            .map(|p| p.id.clone())
            .collect();
        let follow = self
            .draw(Role::RecapFollow, None, &[], &again, true)
            .or_else(|| self.draw(Role::RecapFollow, None, &[], &HashSet::default(), true));
        s.extend(follow.map(|(id, text)| Sentence::new(text, Origin::Phrase { id })));
        vec![Paragraph::new(s)]
    }

    fn year_context(&mut self) -> Vec<Paragraph> {
        let s: Vec<Sentence> = self
            .sentence(Role::YearContext, None, &[], &[])
            .into_iter()
            .collect();
        if s.is_empty() {
            Vec::new()
        } else {
            vec![Paragraph::new(s)]
        }
    }

    fn situation(&mut self) -> Vec<Paragraph> {
        let Some(sit) = self.vs.spec.situation.clone() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut first = Vec::new();
        if !sit.achievements.is_empty() || !sit.figures.is_empty() {
            // Looking back over the past year (过去一年, 一年来) fits the year's first meetings
            // (a plenary until March); later the look back is over this year so far (今年以来).
            let month = chrono::Datelike::month(&self.vs.date);
            let year_review =
                month <= 2 || (month <= 3 && self.vs.kind == crate::spec::Kind::Plenary);
            let wrong: HashSet<String> = self
                .pb
                .pool_iter(Role::SituationLead, None, self.vs.kind, self.vs.year())
                .filter(|p| {
                    if year_review {
                        p.text.contains("今年以来")
                    } else {
                        p.text.contains("一年") && !p.text.contains("今年以来")
                    }
                })
                .map(|p| p.id.clone())
                .collect();
            let lead = self
                .draw(Role::SituationLead, None, &[], &wrong, true)
                .or_else(|| self.draw(Role::SituationLead, None, &[], &HashSet::default(), true));
            first.extend(lead.map(|(id, text)| Sentence::new(text, Origin::Phrase { id })));
        }
        if !sit.achievements.is_empty() {
            let a: Vec<String> = sit
                .achievements
                .iter()
                .map(|t| clause(t.as_str()))
                .collect();
            let joined = a.join("；");
            match self.sentence(
                Role::AchievementFrame,
                None,
                &[("achievements", joined.clone())],
                &["situation.achievements".into()],
            ) {
                Some(s) => first.push(s),
                None => first.push(Sentence::new(
                    format!("{joined}。"),
                    Origin::Spec {
                        field: "situation.achievements".into(),
                    },
                )),
            }
        }
        if !sit.figures.is_empty() {
            let figs: Vec<String> = sit
                .figures
                .iter()
                .map(|f| {
                    let mut s = format!(
                        "{}{}",
                        clause(f.indicator.as_str()),
                        clause(f.value.as_str())
                    );
                    if let Some(b) = &f.benchmark {
                        s.push('，');
                        s.push_str(&clause(b.as_str()));
                    }
                    s
                })
                .collect();
            let lead = self.draw(Role::FigureLead, None, &[], &HashSet::default(), true);
            let text = format!(
                "{}{}。",
                lead.as_ref().map(|l| l.1.as_str()).unwrap_or(""),
                figs.join("；")
            );
            let origin = match lead {
                Some((id, _)) => Origin::Mixed {
                    id,
                    fields: vec!["situation.figures".into()],
                },
                None => Origin::Spec {
                    field: "situation.figures".into(),
                },
            };
            first.push(Sentence::new(text, origin));
        }
        if !first.is_empty() {
            out.push(Paragraph::new(first));
        }
        if !sit.problems.is_empty() {
            let mut s = Vec::new();
            let probs: Vec<String> = sit.problems.iter().map(|t| clause(t.as_str())).collect();
            let lead = self.draw(Role::ProblemLead, None, &[], &HashSet::default(), true);
            let text = format!(
                "{}{}。",
                lead.as_ref().map(|l| l.1.as_str()).unwrap_or(""),
                probs.join("；")
            );
            let origin = match lead {
                Some((id, _)) => Origin::Mixed {
                    id,
                    fields: vec!["situation.problems".into()],
                },
                None => Origin::Spec {
                    field: "situation.problems".into(),
                },
            };
            s.push(Sentence::new(text, origin));
            s.extend(self.sentence(Role::ProblemFollow, None, &[], &[]));
            out.push(Paragraph::new(s));
        }
        out
    }

    fn announce(&mut self, n: usize) -> Vec<Paragraph> {
        let count = numerals::chinese(n as u32);
        // Only entries that say the count: 下面，我讲三点意见 (not 讲几点意见).
        let vague: HashSet<String> = self
            .pb
            .pool(Role::Announce, None, self.vs.kind, self.vs.year())
            .into_iter()
            .filter(|ph| !ph.slots().contains(&"count"))
            .map(|ph| ph.id.clone())
            .collect();
        match self
            .draw(
                Role::Announce,
                None,
                &[("count", count.clone())],
                &vague,
                true,
            )
            .map(|(id, text)| Sentence::new(text, Origin::Phrase { id }))
        {
            Some(s) => vec![Paragraph::new(vec![s])],
            None => vec![Paragraph::new(vec![Sentence::new(
                format!("下面，我讲{count}点意见。"),
                Origin::Template {
                    name: "plan:announce".into(),
                },
            )])],
        }
    }

    fn closing(&mut self) -> Vec<Paragraph> {
        let mut s = Vec::new();
        s.extend(self.sentence(Role::Closing, None, &[], &[]));
        if let Some(call) = self.vs.spec.closing.as_ref().and_then(|c| c.call.as_ref()) {
            let call = clause(call.as_str());
            match self.sentence(
                Role::ClosingCall,
                None,
                &[("call", call.clone())],
                &["closing.call".into()],
            ) {
                Some(c) => s.push(c),
                None => s.push(Sentence::new(
                    format!("{call}！"),
                    Origin::Spec {
                        field: "closing.call".into(),
                    },
                )),
            }
        }
        if s.is_empty() {
            return Vec::new();
        }
        // The closing paragraph opens with 同志们，
        if !s[0].text.starts_with("同志们") {
            s[0].text = format!("同志们，{}", s[0].text);
        }
        vec![Paragraph::new(s)]
    }

    fn plan_sections(&mut self) -> Vec<SectionPlan> {
        let spec = &self.vs.spec;
        let n = spec.sections.len();
        let mut out: Vec<SectionPlan> = (0..n).map(|_| SectionPlan::default()).collect();

        // Level-1 headings: one pattern for the group.
        let l1 = self.group_headings(
            "l1_",
            &(0..n)
                .map(|i| {
                    let s = &spec.sections[i];
                    HeadingNeed {
                        title: s
                            .title
                            .as_ref()
                            .map(|t| (t.0.clone(), format!("sections[{i}].title"))),
                        theme: s.theme.0.clone(),
                        topic: None,
                    }
                })
                .collect::<Vec<_>>(),
        );
        let mut last_l2: Option<String> = None;
        for (i, sec) in spec.sections.iter().enumerate() {
            let theme = sec.theme.0.clone();
            let sp = &mut out[i];
            (sp.heading, sp.heading_origin) = l1[i].clone();
            // Intro: up to two sentences.
            let mut intro = Vec::new();
            for _ in 0..2 {
                intro.extend(self.sentence(Role::PartIntro, Some(&theme), &[], &[]));
            }
            out[i].intro = intro;
            if sec.points.is_empty() {
                out[i].items = self.items(&theme);
            } else {
                let needs: Vec<HeadingNeed> = sec
                    .points
                    .iter()
                    .enumerate()
                    .map(|(j, p)| HeadingNeed {
                        title: p
                            .title
                            .as_ref()
                            .map(|t| (t.0.clone(), format!("sections[{i}].points[{j}].title"))),
                        theme: theme.clone(),
                        topic: Some((
                            clause(p.topic.as_str()),
                            format!("sections[{i}].points[{j}].topic"),
                        )),
                    })
                    .collect();
                let avoid = last_l2.clone();
                let heads = self.group_headings_avoiding("l2_", &needs, avoid.as_deref());
                last_l2 = self.patterns.last().cloned();
                out[i].points = self.points(i, &theme, heads);
            }
        }
        out
    }

    fn items(&mut self, theme: &str) -> Vec<ItemPlan> {
        let mut items = Vec::new();
        for _ in 0..6 {
            let Some((id, lead)) =
                self.draw(Role::ItemLead, Some(theme), &[], &HashSet::default(), true)
            else {
                break;
            };
            items.push(ItemPlan {
                lead: clause(&lead),
                lead_origin: Origin::Phrase { id },
                measures: Vec::new(),
            });
        }
        // Measures round-robin, up to four an item, each close to its item's lead.
        let leads: Vec<String> = items.iter().map(|it| it.lead.clone()).collect();
        let mut group = self.near_group(Role::Measure, theme, &leads, true);
        for _ in 0..4 {
            for (k, it) in items.iter_mut().enumerate() {
                if let Some(s) = self.sentence_near(&mut group, k) {
                    it.measures.push(s);
                }
            }
        }
        items.retain(|it| !it.measures.is_empty());
        items
    }

    fn points(&mut self, si: usize, theme: &str, heads: Vec<(String, Origin)>) -> Vec<PointPlan> {
        let spec = &self.vs.spec;
        let sec = &spec.sections[si];
        let year = self.vs.year();
        let mut plans = Vec::new();
        for (pi, p) in sec.points.iter().enumerate() {
            let base = format!("sections[{si}].points[{pi}]");
            let topic = clause(p.topic.as_str());
            let mut pp = PointPlan {
                heading: heads[pi].0.clone(),
                heading_origin: heads[pi].1.clone(),
                ..Default::default()
            };
            pp.framing = self.sentence(
                Role::Framing,
                Some(theme),
                &[("topic", topic.clone())],
                &[format!("{base}.topic")],
            );
            pp.framing2 = self.sentence(
                Role::Framing,
                Some(theme),
                &[("topic", topic.clone())],
                &[format!("{base}.topic")],
            );
            for (fi, f) in p.facts.iter().enumerate() {
                let fact = clause(f.as_str());
                let field = format!("{base}.facts[{fi}]");
                let s = match self.sentence(
                    Role::FactFrame,
                    None,
                    &[("fact", fact.clone())],
                    std::slice::from_ref(&field),
                ) {
                    Some(s) => Some(s),
                    None => self.fallback(
                        "fact",
                        vec![
                            format!("{fact}。"),
                            format!("在{topic}上，{fact}。"),
                            format!("{topic}方面，{fact}。"),
                            format!("围绕{topic}，{fact}。"),
                        ],
                        vec![field],
                    ),
                };
                pp.facts.extend(s);
            }
            if self.placeholders && p.facts.is_empty() {
                pp.facts.push(Sentence::new(
                    format!("【待补：{topic}的年度目标和量化指标】"),
                    Origin::Template {
                        name: "plan:placeholder".into(),
                    },
                ));
            }
            if let Some(lead) = &p.lead {
                let lead = clause(lead.as_str());
                let support: Vec<String> = p.support.iter().map(|s| clause(s.as_str())).collect();
                let mut extra = vec![("lead", lead.clone())];
                let mut fields = vec![format!("{base}.lead")];
                if !support.is_empty() {
                    extra.push(("support", support.join("、")));
                    fields.push(format!("{base}.support"));
                }
                // With support units, only entries that name them.
                let s = if support.is_empty() {
                    self.sentence(Role::Responsibility, None, &extra, &fields)
                } else {
                    let ids: HashSet<String> = self
                        .pb
                        .pool(Role::Responsibility, None, self.vs.kind, year)
                        .into_iter()
                        .filter(|ph| !ph.slots().contains(&"support"))
                        .map(|ph| ph.id.clone())
                        .collect();
                    self.draw(Role::Responsibility, None, &extra, &ids, true)
                        .map(|(id, text)| {
                            Sentence::new(
                                text,
                                Origin::Mixed {
                                    id,
                                    fields: fields.clone(),
                                },
                            )
                        })
                };
                pp.responsibility = match s {
                    Some(s) => Some(s),
                    None => {
                        let texts = if support.is_empty() {
                            vec![
                                format!("由{lead}牵头负责。"),
                                format!("{lead}要切实负起牵头责任。"),
                                format!("{lead}要把{topic}抓在手上、扛在肩上。"),
                            ]
                        } else {
                            let sup = support.join("、");
                            vec![
                                format!("由{lead}牵头，{sup}配合。"),
                                format!("{lead}牵头抓总，{sup}协同推进。"),
                                format!("{lead}要牵头推进{topic}，{sup}要密切配合。"),
                            ]
                        };
                        self.fallback("responsibility", texts, fields.clone())
                    }
                };
            } else if !p.support.is_empty() {
                let sup: Vec<String> = p.support.iter().map(|s| clause(s.as_str())).collect();
                let sup = sup.join("、");
                pp.responsibility = self.fallback(
                    "support",
                    vec![
                        format!("{sup}要密切配合、形成合力。"),
                        format!("{sup}要围绕{topic}主动作为、协同推进。"),
                        format!("在{topic}上，{sup}要各司其职、通力协作。"),
                    ],
                    vec![format!("{base}.support")],
                );
            }
            if let Some(d) = self.vs.deadlines[si][pi] {
                let when = numerals::deadline_cn(d, year);
                let field = format!("{base}.deadline");
                pp.deadline = match self.sentence(
                    Role::Deadline,
                    None,
                    &[("deadline", when.clone())],
                    std::slice::from_ref(&field),
                ) {
                    Some(s) => Some(s),
                    None => self.fallback(
                        "deadline",
                        vec![
                            format!("确保{when}完成。"),
                            format!("{topic}的各项任务要在{when}完成。"),
                            format!("{when}要见到{topic}的实际成效。"),
                        ],
                        vec![field],
                    ),
                };
            }
            pp.requirement =
                self.sentence(Role::Requirement, Some(theme), &[("topic", topic)], &[]);
            plans.push(pp);
        }
        // Measures round-robin across the points, up to twelve a point, each close to its topic.
        let topics: Vec<String> = sec
            .points
            .iter()
            .map(|p| {
                format!(
                    "{}{}",
                    p.topic,
                    p.title.as_ref().map(|t| t.as_str()).unwrap_or("")
                )
            })
            .collect();
        let mut group = self.near_group(Role::Measure, theme, &topics, false);
        for _ in 0..12 {
            for (k, pp) in plans.iter_mut().enumerate() {
                if let Some(s) = self.sentence_near(&mut group, k) {
                    pp.measures.push(s);
                }
            }
        }
        plans
    }

    fn group_headings(&mut self, prefix: &str, needs: &[HeadingNeed]) -> Vec<(String, Origin)> {
        self.group_headings_avoiding(prefix, needs, None)
    }

    /// Headings for one sibling group: the spec's titles verbatim, the rest from one pattern.
    fn group_headings_avoiding(
        &mut self,
        prefix: &str,
        needs: &[HeadingNeed],
        avoid: Option<&str>,
    ) -> Vec<(String, Origin)> {
        let mut names: Vec<String> = self.templates.pattern_names(prefix);
        self.rng.shuffle(&mut names);
        if let Some(a) = avoid
            && names.len() > 1
            && let Some(pos) = names.iter().position(|n| n == a)
        {
            let n = names.remove(pos);
            names.push(n);
        }
        for name in &names {
            if let Some(h) = self.try_pattern(name, needs) {
                self.patterns.push(name.clone());
                return h;
            }
        }
        // No pattern fits: fall back to the theme's aim, or the topic.
        self.patterns.push("(fallback)".into());
        needs
            .iter()
            .map(|n| match (&n.title, &n.topic) {
                (Some((t, f)), _) => (clause(t), Origin::Spec { field: f.clone() }),
                (None, Some((topic, f))) => (
                    format!("扎实做好{topic}工作"),
                    Origin::Mixed {
                        id: "plan:heading".into(),
                        fields: vec![f.clone()],
                    },
                ),
                (None, None) => (
                    n.theme.clone(),
                    Origin::Template {
                        name: "plan:heading".into(),
                    },
                ),
            })
            .collect()
    }

    fn try_pattern(&mut self, name: &str, needs: &[HeadingNeed]) -> Option<Vec<(String, Origin)>> {
        let slots = self.templates.pattern_slots(name);
        let mut local_used: HashSet<String> = HashSet::default();
        let mut out = Vec::new();
        let mut texts: HashSet<String> = HashSet::default();
        // What this attempt draws for good (aims, goals), to give back if the pattern does not fit.
        let mut drawn: Vec<(String, String)> = Vec::new();
        for n in needs {
            if let Some((t, f)) = &n.title {
                out.push((clause(t), Origin::Spec { field: f.clone() }));
                continue;
            }
            let mut ctx: BTreeMap<String, String> = BTreeMap::new();
            let mut ids = Vec::new();
            let mut fields = Vec::new();
            let mut ok = true;
            for slot in &slots {
                let value = match slot.as_str() {
                    "topic" => n.topic.as_ref().map(|(t, f)| {
                        fields.push(f.clone());
                        t.clone()
                    }),
                    "name" => Some(n.theme.clone()),
                    "aim" | "goal" => {
                        let role = if slot == "aim" {
                            Role::HeadingAim
                        } else {
                            Role::HeadingGoal
                        };
                        self.draw(role, Some(&n.theme), &[], &HashSet::default(), true)
                            .map(|(id, t)| {
                                let c = clause(&t);
                                ids.push(id.clone());
                                drawn.push((id, t));
                                c
                            })
                    }
                    // Mined patterns name their four-character slots motto1, motto2 (牢记使命，实干为民).
                    "verb" | "effort" | "effort2" | "verb2" | "motto1" | "motto2" => {
                        let role = if slot.starts_with("verb") {
                            Role::PointVerb
                        } else {
                            Role::PointEffort
                        };
                        // Two four-character phrases of one heading must not echo each other
                        // or the heading's other words (攻坚突破，奋力攻坚; 精准发力，集中发力):
                        // such a draw is set aside and another drawn.
                        let taken: Vec<u64> = ctx
                            .values()
                            .flat_map(|v| bigrams(v))
                            .chain(n.topic.iter().flat_map(|(t, _)| bigrams(t)))
                            .collect();
                        let mut value = None;
                        for _ in 0..8 {
                            let Some((id, t)) = self.draw(role, None, &[], &local_used, false)
                            else {
                                break;
                            };
                            local_used.insert(id.clone());
                            let c = clause(&t);
                            if bigrams(&c).iter().any(|p| taken.contains(p)) {
                                continue;
                            }
                            ids.push(id);
                            value = Some(c);
                            break;
                        }
                        value
                    }
                    _ => None,
                };
                match value {
                    Some(v) => {
                        ctx.insert(slot.clone(), v);
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            let text = if ok {
                self.templates.render_pattern(name, &ctx).ok()
            } else {
                None
            };
            match text {
                Some(t)
                    if !t.is_empty()
                        && !self.used_texts.contains(&t)
                        && texts.insert(t.clone()) =>
                {
                    let id = format!("{name}[{}]", ids.join(","));
                    let origin = if fields.is_empty() {
                        Origin::Phrase { id }
                    } else {
                        Origin::Mixed { id, fields }
                    };
                    out.push((t, origin));
                }
                _ => {
                    // A global draw only adds what was not in the sets: taking it out restores them.
                    for (id, t) in drawn {
                        self.used_ids.remove(&id);
                        self.used_texts.remove(&t);
                    }
                    return None;
                }
            }
        }
        // Headings are never repeated anywhere in the draft.
        self.used_texts.extend(texts);
        Some(out)
    }
}

/// The set of adjacent character pairs of a text (Han characters only), for closeness: sorted and
/// without repeats, each pair packed in a u64.
fn bigrams(s: &str) -> Vec<u64> {
    // About one pair a character, and a Chinese character is three bytes.
    let mut v = Vec::with_capacity(s.len() / 3 + 1);
    bigrams_into(s, &mut v);
    v
}

/// [`bigrams`] into a reused buffer.
fn bigrams_into(s: &str, out: &mut Vec<u64>) {
    out.clear();
    for_each_bigram(s, |p| out.push(p));
    out.sort_unstable();
    out.dedup();
}

/// Each pair of consecutive Chinese characters (other characters skipped), as one number, in
/// order and with repeats.
fn for_each_bigram(s: &str, mut f: impl FnMut(u64)) {
    let mut prev: Option<char> = None;
    for c in s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
        if let Some(p) = prev {
            f((u64::from(p) << 32) | u64::from(c));
        }
        prev = Some(c);
    }
}

/// How many pairs two sorted, repeat-free pair sets share.
fn common_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether `head` occurs within the first eight characters of `text`.
fn opens_with(text: &str, head: &str) -> bool {
    let end = text.char_indices().nth(8).map_or(text.len(), |(i, _)| i);
    text[..end].contains(head)
}

struct HeadingNeed {
    /// The spec's own title and its field.
    title: Option<(String, String)>,
    theme: String,
    /// The point's topic and its field (level 2 only).
    topic: Option<(String, String)>,
}

/// 在{name}上的讲话, unless the name already reads as a title.
pub fn title_of(name: &str) -> String {
    let name = name.trim();
    if name.ends_with("讲话") {
        name.to_string()
    } else {
        format!("在{}上的讲话", name.trim_start_matches('在'))
    }
}

fn sentences_len(v: &[Sentence]) -> usize {
    v.iter().map(|s| char_len(&s.text)).sum()
}

fn sections_len(sections: &[SectionPlan]) -> usize {
    sections
        .iter()
        .map(|s| {
            char_len(&s.heading)
                + 2
                + sentences_len(&s.intro)
                + s.points
                    .iter()
                    .map(|p| {
                        char_len(&p.heading)
                            + 4
                            + p.framing
                                .iter()
                                .chain(&p.framing2)
                                .chain(&p.requirement)
                                .chain(&p.responsibility)
                                .chain(&p.deadline)
                                .map(|x| char_len(&x.text))
                                .sum::<usize>()
                            + sentences_len(&p.facts)
                            + sentences_len(&p.measures)
                    })
                    .sum::<usize>()
                + s.items
                    .iter()
                    .map(|it| char_len(&it.lead) + 3 + sentences_len(&it.measures))
                    .sum::<usize>()
        })
        .sum()
}

/// Remove one optional sentence from the deepest elaboration, and say how many characters went
/// (as [`sections_len`] counts them). None when nothing is left to trim.
///
/// The order keeps every point balanced: measures come off the most elaborated point or item first
/// (down to three), then items beyond three, then second framings, then measures down to one,
/// then second intro sentences and requirements.
fn trim_one(sections: &mut [SectionPlan]) -> Option<usize> {
    let len = |s: Sentence| char_len(&s.text);
    trim_measures(sections, 3)
        .or_else(|| trim_items(sections))
        .or_else(|| {
            sections.iter_mut().rev().find_map(|s| {
                s.points
                    .iter_mut()
                    .rev()
                    .find_map(|p| p.framing2.take().map(len))
            })
        })
        .or_else(|| trim_measures(sections, 1))
        .or_else(|| {
            sections.iter_mut().rev().find_map(|s| {
                if s.intro.len() > 1 {
                    s.intro.pop().map(len)
                } else {
                    None
                }
            })
        })
        .or_else(|| {
            sections.iter_mut().rev().find_map(|s| {
                s.points
                    .iter_mut()
                    .rev()
                    .find_map(|p| p.requirement.take().map(len))
            })
        })
}

/// Drop the last measure of the point or item with the most (ties: the last), if it has more than
/// `floor`; its length.
fn trim_measures(sections: &mut [SectionPlan], floor: usize) -> Option<usize> {
    let mut best: Option<(usize, usize, bool, usize)> = None; // (section, index, is_item, count)
    for (si, s) in sections.iter().enumerate() {
        for (pi, p) in s.points.iter().enumerate() {
            if p.measures.len() > floor && best.is_none_or(|b| p.measures.len() >= b.3) {
                best = Some((si, pi, false, p.measures.len()));
            }
        }
        for (ii, it) in s.items.iter().enumerate() {
            if it.measures.len() > floor && best.is_none_or(|b| it.measures.len() >= b.3) {
                best = Some((si, ii, true, it.measures.len()));
            }
        }
    }
    let removed = match best? {
        (si, i, true, _) => sections[si].items[i].measures.pop(),
        (si, i, false, _) => sections[si].points[i].measures.pop(),
    };
    removed.map(|s| char_len(&s.text))
}

/// Drop the last item of the section with the most items, beyond three; its length.
fn trim_items(sections: &mut [SectionPlan]) -> Option<usize> {
    let most = sections.iter().map(|s| s.items.len()).max().unwrap_or(0);
    if most <= 3 {
        return None;
    }
    let it = sections
        .iter_mut()
        .rev()
        .find(|s| s.items.len() == most)?
        .items
        .pop()?;
    Some(char_len(&it.lead) + 3 + sentences_len(&it.measures))
}

fn to_part(i: usize, s: SectionPlan, marker: ItemMarker, facts_first: bool) -> Part {
    let parts = s
        .points
        .into_iter()
        .enumerate()
        .map(|(j, p)| {
            let mut first: Vec<Sentence> = Vec::new();
            if facts_first && !p.facts.is_empty() {
                first.extend(p.facts);
                first.extend(p.framing);
            } else {
                first.extend(p.framing);
                first.extend(p.facts);
            }
            first.extend(p.framing2);
            // Measures in paragraphs of at most four, the last carrying the requirement,
            // responsibility and deadline.
            let mut tail: Vec<Sentence> = Vec::new();
            tail.extend(p.requirement);
            tail.extend(p.responsibility);
            tail.extend(p.deadline);
            let mut body: Vec<Paragraph> = Vec::new();
            let chunks: Vec<Vec<Sentence>> =
                p.measures.chunks(4).map(<[Sentence]>::to_vec).collect();
            if chunks.len() <= 1
                && sentences_len(&first)
                    + chunks.iter().map(|c| sentences_len(c)).sum::<usize>()
                    + sentences_len(&tail)
                    <= 420
            {
                first.extend(chunks.into_iter().flatten());
                first.extend(tail);
                body.push(Paragraph::new(first));
            } else {
                body.push(Paragraph::new(first));
                let n = chunks.len();
                for (k, mut c) in chunks.into_iter().enumerate() {
                    if k + 1 == n {
                        c.append(&mut tail);
                    }
                    body.push(Paragraph::new(c));
                }
                if !tail.is_empty() {
                    body.push(Paragraph::new(tail));
                }
            }
            Part {
                number: j as u32 + 1,
                level: 2,
                heading: p.heading,
                heading_origin: p.heading_origin,
                body: body.into_iter().filter(|p| !p.is_empty()).collect(),
                ..Default::default()
            }
        })
        .collect();
    let items = s
        .items
        .into_iter()
        .enumerate()
        .map(|(k, it)| Item {
            number: k as u32 + 1,
            marker,
            lead: it.lead,
            lead_origin: it.lead_origin,
            body: Paragraph::new(it.measures),
            own_paragraph: true,
            line: 0,
        })
        .collect();
    Part {
        number: i as u32 + 1,
        level: 1,
        heading: s.heading,
        heading_origin: s.heading_origin,
        body: if s.intro.is_empty() {
            Vec::new()
        } else {
            vec![Paragraph::new(s.intro)]
        },
        parts,
        items,
        ..Default::default()
    }
}

fn part_len(p: &Part) -> usize {
    char_len(&p.heading)
        + 3
        + p.body.iter().map(paragraph_len).sum::<usize>()
        + p.parts.iter().map(part_len).sum::<usize>()
        + p.items
            .iter()
            .map(|it| char_len(&it.lead) + 3 + paragraph_len(&it.body))
            .sum::<usize>()
}

fn paragraph_len(p: &Paragraph) -> usize {
    sentences_len(&p.sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_len_counts_as_is_whitespace_says() {
        let slow = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        // Every character alone, and between others.
        for u in 0..=0x10ffffu32 {
            if let Some(c) = char::from_u32(u) {
                let one = c.to_string();
                assert_eq!(char_len(&one), slow(&one), "U+{u:04X}");
                let mid = format!("抓{c}a　{c}");
                assert_eq!(char_len(&mid), slow(&mid), "U+{u:04X} inside");
            }
        }
        for s in [
            "",
            "　　同志们：",
            "a b\tc\n",
            "\u{85}\u{a0}\u{1680}\u{2000}\u{200b}\u{205f}\u{3000}😀",
        ] {
            assert_eq!(char_len(s), slow(s), "{s:?}");
        }
    }

    /// Golden vectors: if these change, every draft changes. Never update them casually.
    #[test]
    fn picker_golden_vectors() {
        let mut p = Picker::new(42);
        let v: Vec<u64> = (0..3).map(|_| p.next_u64()).collect();
        let mut q = Picker::new(42);
        let w: Vec<u64> = (0..3).map(|_| q.next_u64()).collect();
        assert_eq!(v, w);
        assert_eq!(
            v,
            GOLDEN_42.to_vec(),
            "ChaCha8Rng stream for seed 42 changed"
        );
        let mut r = Picker::new(7);
        let picks: Vec<usize> = (0..8).map(|_| r.below(10)).collect();
        assert_eq!(picks, GOLDEN_7_BELOW_10.to_vec());
    }

    const GOLDEN_42: [u64; 3] = [
        12578764544318200737,
        17529487244874322312,
        7886285670807131020,
    ];
    const GOLDEN_7_BELOW_10: [usize; 8] = [5, 4, 5, 3, 0, 8, 1, 0];

    #[test]
    fn fill_is_one_pass_and_literal() {
        let mut slots = BTreeMap::new();
        slots.insert("topic", "{{ 7*7 }}{topic}".to_string());
        assert_eq!(
            fill("抓好{topic}。", &slots).unwrap(),
            "抓好{{ 7*7 }}{topic}。"
        );
        assert_eq!(fill("缺{lead}。", &slots), None);
        assert_eq!(fill("{ 不是槽 }", &slots).unwrap(), "{ 不是槽 }");
    }

    #[test]
    fn titles() {
        assert_eq!(
            title_of("2024年县政府全体会议"),
            "在2024年县政府全体会议上的讲话"
        );
        assert_eq!(
            title_of("在全县安全生产会议上的讲话"),
            "在全县安全生产会议上的讲话"
        );
    }

    #[test]
    fn weighted_pick_respects_zero_weight() {
        let mut p = Picker::new(1);
        for _ in 0..100 {
            assert_ne!(p.weighted(&[1, 0, 1]), 1);
        }
    }
}
