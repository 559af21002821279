//! Drawing phrases: filling slots, the planner's own hash sets, and the two ways a sentence is
//! drawn — [`Planner::draw`] for one role and theme, and the sibling groups of
//! [`Planner::near_group`] / [`Planner::sentence_near`], where each point's measures come from the
//! pool of its resolved sub-topics, closest to its own words first.

use super::*;

/// Fill `{slot}`s in one pass; values are inserted literally and never scanned again.
/// Returns None when a slot has no value.
pub fn fill(text: &str, slots: &BTreeMap<&str, String>) -> Option<String> {
    fill_by(text, |k| slots.get(k).map(String::as_str))
}

/// [`fill`] with the slots' values looked up by a function. The slots are found by the
/// phrasebank's one scanner, [`crate::phrasebank::slots_of`], whose names are slices of `text`:
/// a name's offset in `text` places its `{name}`.
pub(super) fn fill_by<'v>(text: &str, slot: impl Fn(&str) -> Option<&'v str>) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for name in crate::phrasebank::slots_of(text) {
        let start = name.as_ptr() as usize - text.as_ptr() as usize;
        out.push_str(&text[at..start - 1]);
        out.push_str(slot(name)?);
        at = start + name.len() + 1;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// Drop trailing sentence punctuation from a spec value, so a frame can end it.
pub fn clause(s: &str) -> String {
    s.trim()
        .trim_end_matches(['。', '；', ';', '，', ',', '.', '！', '!'])
        .to_string()
}

/// The planner's own sets and maps (ids and texts it has used, n-grams it has said), with a fast,
/// non-random hasher (rustc-hash's Fx hash; SipHash was a tenth of the drafting time). The planner
/// only asks them "is this in?" or counts through them, never lets their order reach a draft, so
/// the hasher changes no output.
pub(super) type HashSet<T> = rustc_hash::FxHashSet<T>;

pub(super) type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// The measure pool of one sibling group, prepared by [`Planner::near_group`].
pub(super) struct NearGroup<'a> {
    rows: Vec<NearRow<'a>>,
    /// For each sibling, the rows by closeness to it (filled on its first draw).
    order: Vec<Vec<usize>>,
}

/// Where a draw takes its entries from.
/// An entry a draw may give: its id, its text as filled, its weight.
pub(super) type Drawable<'a> = (&'a str, std::borrow::Cow<'a, str>, u32);

#[derive(Debug, Clone, Copy)]
pub(super) enum Pool<'p> {
    /// The entries of a role for a theme (None: speech-level roles).
    Theme(Option<&'p str>),
    /// The entries of any theme serving one of these sub-topics.
    Topics(&'p [String]),
    /// The entries of this theme tagged `general`.
    General(&'p str),
}

impl<'p> Pool<'p> {
    /// The curated entries of `role` in this pool that fit the meeting's kind and year.
    pub(super) fn phrases<'b>(
        self,
        pb: &'b Phrasebank,
        role: Role,
        vs: &ValidSpec,
    ) -> Vec<&'b Phrase> {
        let (kind, year) = (vs.kind, vs.at());
        match self {
            Pool::Theme(t) => pb.pool_iter(role, t, kind, year).collect(),
            Pool::Topics(ts) => pb.topic_pool(role, ts, kind, year),
            Pool::General(t) => pb
                .pool_iter(role, Some(t), kind, year)
                .filter(|p| p.is_general())
                .collect(),
        }
    }
}

pub(super) struct NearRow<'a> {
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
    /// Whether it may be drawn for each sibling (it serves the sibling's sub-topics).
    fits: Vec<bool>,
}

/// The set of adjacent character pairs of a text (Han characters only), for closeness: sorted and
/// without repeats, each pair packed in a u64.
pub(super) fn bigrams(s: &str) -> Vec<u64> {
    // About one pair a character, and a Chinese character is three bytes.
    let mut v = Vec::with_capacity(s.len() / 3 + 1);
    bigrams_into(s, &mut v);
    v
}

/// [`bigrams`] into a reused buffer.
pub(super) fn bigrams_into(s: &str, out: &mut Vec<u64>) {
    out.clear();
    for_each_bigram(s, |p| out.push(p));
    out.sort_unstable();
    out.dedup();
}

/// Each pair of consecutive Chinese characters (other characters skipped), as one number, in
/// order and with repeats.
pub(super) fn for_each_bigram(s: &str, mut f: impl FnMut(u64)) {
    let mut prev: Option<char> = None;
    for c in s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
        if let Some(p) = prev {
            f((u64::from(p) << 32) | u64::from(c));
        }
        prev = Some(c);
    }
}

/// How many pairs two sorted, repeat-free pair sets share.
pub(super) fn common_count(a: &[u64], b: &[u64]) -> usize {
    crate::prose::shared(a, b)
}

/// The best closeness of a row to the siblings it may be drawn for.
fn top_of(scores: &[usize], fits: &[bool]) -> usize {
    scores
        .iter()
        .zip(fits)
        .filter(|(_, f)| **f)
        .map(|(s, _)| *s)
        .max()
        .unwrap_or(0)
}

/// Whether `head` occurs within the first eight characters of `text`.
pub(super) fn opens_with(text: &str, head: &str) -> bool {
    let end = text.char_indices().nth(8).map_or(text.len(), |(i, _)| i);
    text[..end].contains(head)
}

impl<'a> Planner<'a> {
    /// The first of `texts` not yet used in this draft (marking it used), as a template sentence.
    pub(super) fn fallback(
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

    /// Phrasing written for a county (县域, 县城, 县级) does not fit a city, district or town speech;
    /// nor a town's, phrasing on a city's streets (城区排水防涝, 城市内涝: read in a town's flood
    /// meeting, round 21).
    pub(super) fn fits_level(&self, text: &str) -> bool {
        use crate::spec::Level;
        match self.vs.level {
            Level::County => true,
            // Nor a county's view of its towns (对进度慢的乡镇公布, 班子成员包乡镇: read blind in
            // a town's speech, round 32).
            // Nor work above a town's reach (建立河湖长与检察、公安协作机制, 对跨镇河流实行联防
            // 联控, 已有的填埋场和焚烧设施要核定处理能力 under a town's station, read blind in
            // round 34: "township offices given county or judicial powers").
            Level::Town => ![
                "县",
                "城区",
                "城市",
                "乡镇",
                "检察",
                "跨镇",
                "填埋场",
                "焚烧设施",
                "焚烧发电",
            ]
            .iter()
            .any(|w| text.contains(w)),
            _ => !text.contains('县'),
        }
    }

    /// Draw one phrase of `role` (for `theme`), fill it with the base slots and `extra`.
    /// `exclude` holds ids that must not be drawn (besides every id already used when `global`).
    pub(super) fn draw(
        &mut self,
        role: Role,
        theme: Option<&str>,
        extra: &[(&'static str, String)],
        exclude: &HashSet<String>,
        global: bool,
    ) -> Option<(String, String)> {
        self.draw_from(role, Pool::Theme(theme), extra, exclude, global)
    }

    /// [`Planner::draw`] from any pool.
    pub(super) fn draw_from(
        &mut self,
        role: Role,
        pool: Pool<'_>,
        extra: &[(&'static str, String)],
        exclude: &HashSet<String>,
        global: bool,
    ) -> Option<(String, String)> {
        let mut options = self.draw_options(role, pool, extra, exclude, global);
        self.pick(&mut options, global)
    }

    /// What [`Planner::draw_from`] draws from: `(id, text, weight)` of each entry of the pool
    /// not excluded (nor used, when `global`), filled. Drawing again after taking out what was
    /// drawn ([`Planner::pick`]) is drawing from the list made anew with it excluded.
    pub(super) fn draw_options(
        &self,
        role: Role,
        pool: Pool<'_>,
        extra: &[(&'static str, String)],
        exclude: &HashSet<String>,
        global: bool,
    ) -> Vec<Drawable<'a>> {
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
        let mut options: Vec<Drawable<'a>> = Vec::new();
        let pb: &'a Phrasebank = self.pb;
        for ph in pool.phrases(pb, role, self.vs) {
            if exclude.contains(ph.id.as_str())
                || (global && self.used_ids.contains(ph.id.as_str()))
                || !self.fits_level(&ph.text)
            {
                continue;
            }
            // Said at the meeting's level (各镇 → 各镇街 in a district), before the spec's values
            // fill its slots: a lead the spec names 各镇 stays 各镇 in a city's speech.
            let local = self.vs.level.localize(ph.text.as_str());
            // Most entries have no slot: their text is used as it is, not copied.
            let text: std::borrow::Cow<'a, str> = if local.contains('{') {
                match fill_by(&local, slot) {
                    Some(t) => t.into(),
                    None => continue,
                }
            } else {
                local
            };
            if global && self.used_texts.contains(text.as_ref()) {
                continue;
            }
            options.push((ph.id.as_str(), text, ph.weight));
        }
        options
    }

    /// Draw one of `options` by weight and take it out of them (the rest keep their order);
    /// when `global`, it is used for the whole draft.
    pub(super) fn pick(
        &mut self,
        options: &mut Vec<Drawable<'a>>,
        global: bool,
    ) -> Option<(String, String)> {
        if options.is_empty() {
            return None;
        }
        let weights: Vec<u32> = options.iter().map(|o| o.2).collect();
        let i = self.rng.weighted(&weights);
        let (id, text, _) = options.remove(i);
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
    ///
    /// With `allowed`, each sibling may only draw entries serving its own sub-topics (the pool
    /// is every theme's entries serving any of them); without, the theme's whole pool.
    pub(super) fn near_group(
        &mut self,
        role: Role,
        theme: &str,
        allowed: Option<&[Vec<String>]>,
        keys: &[String],
        echo_check: bool,
    ) -> NearGroup<'a> {
        let n = keys.len();
        let union: Vec<String> = allowed
            .map(|a| a.iter().flatten().cloned().collect())
            .unwrap_or_default();
        let pool = match allowed {
            Some(_) => Pool::Topics(&union),
            None => Pool::Theme(Some(theme)),
        };
        // Every character pair of the keys, with the keys (as bits) it is in: a row's closeness
        // to each key is then counted in one pass over the row's own pairs.
        let pair_keys = key_pairs(keys);
        let key_grams: Vec<Vec<u64>> = if n > 128 {
            keys.iter().map(|k| bigrams(k)).collect()
        } else {
            Vec::new()
        };
        let heads: Vec<Option<String>> = keys
            .iter()
            .map(|k| {
                let head = crate::text::prefix(k, 4);
                (head.chars().count() == 4).then(|| head.to_string())
            })
            .collect();
        let pb: &'a Phrasebank = self.pb;
        let mut rows = Vec::new();
        let mut shared: Vec<u64> = Vec::new();
        let mut matched: Vec<Vec<u64>> = Vec::new();
        for ph in pool.phrases(pb, role, self.vs) {
            if !self.fits_level(&ph.text) {
                continue;
            }
            let fits: Vec<bool> = match allowed {
                Some(a) => a.iter().map(|ts| ph.serves(ts)).collect(),
                None => vec![true; n],
            };
            // At the meeting's level before the spec's values fill it (see `draw_from`).
            let Some(text) = fill(&self.vs.level.localize(&ph.text), &self.base) else {
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
                fits,
                echoes: heads
                    .iter()
                    .map(|h| echo_check && h.as_deref().is_some_and(|h| opens_with(&text, h)))
                    .collect(),
                text,
            });
        }
        if n <= 128 {
            score_by_shared_pairs(&mut rows, &matched, &pair_keys, n);
        }
        if n > 128 {
            for row in &mut rows {
                row.top = top_of(&row.scores, &row.fits);
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
    pub(super) fn sentence_near(
        &mut self,
        group: &mut NearGroup<'a>,
        k: usize,
    ) -> Option<Sentence> {
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
        // better is left for that sibling); only when there are none, the others. All of them
        // may be drawn (they serve the sibling's sub-topics already), the closer ones more
        // often: weight × (2 + shared pairs, four at most). Taking only the closest few made
        // three seeds of one spec share two thirds of their sentences.
        let rows = &group.rows;
        let mut options: Vec<(usize, u32, usize)> = Vec::new();
        for reserved in [false, true] {
            for &r in &group.order[k] {
                let row = &rows[r];
                if row.blocked || row.echoes[k] || !row.fits[k] {
                    continue;
                }
                let score = row.scores[k];
                if (row.top > score) != reserved {
                    continue;
                }
                options.push((r, row.weight * (2 + score.min(4) as u32), score));
            }
            if !options.is_empty() {
                break;
            }
        }
        options.first()?;
        let weights: Vec<u32> = options.iter().map(|o| o.1).collect();
        let i = self.rng.weighted(&weights);
        let chosen = options[i].0;
        let row = &group.rows[chosen];
        let (id, text) = (row.id.to_string(), row.text.clone());
        // The group is drawn from alone until it is done: what is used now is only what it drew.
        // A row of the same entry has its text too, so the texts alone are compared (a text's
        // length first: ids of one length are many, texts few).
        group.rows[chosen].blocked = true;
        for r in &mut group.rows {
            r.blocked |= r.text.len() == text.len() && r.text == text;
        }
        self.used_ids.insert(id.clone());
        self.used_texts.insert(text.clone());
        Some(Sentence::new(text, Origin::Phrase { id }))
    }

    /// Draw a sentence; its origin is the phrase, or phrase + spec fields when `fields` is not empty.
    pub(super) fn sentence(
        &mut self,
        role: Role,
        theme: Option<&str>,
        extra: &[(&'static str, String)],
        fields: &[String],
    ) -> Option<Sentence> {
        self.sentence_from(role, Pool::Theme(theme), extra, fields)
    }

    /// [`Planner::sentence`] from any pool.
    pub(super) fn sentence_from(
        &mut self,
        role: Role,
        pool: Pool<'_>,
        extra: &[(&'static str, String)],
        fields: &[String],
    ) -> Option<Sentence> {
        self.sentence_except(role, pool, extra, fields, &HashSet::default())
    }

    /// [`Planner::sentence_from`] leaving out the ids in `exclude`.
    pub(super) fn sentence_except(
        &mut self,
        role: Role,
        pool: Pool<'_>,
        extra: &[(&'static str, String)],
        fields: &[String],
        exclude: &HashSet<String>,
    ) -> Option<Sentence> {
        let (id, text) = self.draw_from(role, pool, extra, exclude, true)?;
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
}

/// Every character pair of the `keys` (the first 128), with the keys (as bits) it is in.
fn key_pairs(keys: &[String]) -> HashMap<u64, u128> {
    let mut pair_keys: HashMap<u64, u128> = HashMap::default();
    for (k, key) in keys.iter().enumerate().take(128) {
        for p in bigrams(key) {
            *pair_keys.entry(p).or_default() |= 1 << k;
        }
    }
    pair_keys
}

/// Score each row against the `n` keys by the pairs it shares with them (`matched`, a row's
/// pairs that some key has) and set its top key.
fn score_by_shared_pairs(
    rows: &mut [NearRow<'_>],
    matched: &[Vec<u64>],
    pair_keys: &HashMap<u64, u128>,
    n: usize,
) {
    // A pair most of the pool has (安全, 工作, 项目 …) tells no sibling's topic from
    // another's: closeness counts only the pairs at most a third of the entries have.
    let mut df: HashMap<u64, usize> = HashMap::default();
    for m in matched {
        for p in m {
            *df.entry(*p).or_default() += 1;
        }
    }
    let total = rows.len();
    let common = |p: &u64| total >= 9 && df[p] * 3 > total;
    for (row, m) in rows.iter_mut().zip(matched) {
        let mut scores = vec![0usize; n];
        for p in m.iter().filter(|p| !common(p)) {
            let mut bits = pair_keys[p];
            while bits != 0 {
                scores[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
        row.top = top_of(&scores, &row.fits);
        row.scores = scores;
    }
}
