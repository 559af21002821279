//! The prose rules the planner keeps to as it draws (what `wengao lint` would report): a
//! sentence that says nearly what the draft said, a word a third time in a point, a second
//! ranking word or 一旦… in a part, a point's side object or task said again, three of the part's
//! four-character words said again. And one of its own, which `lint` does not report of a
//! writer's text: 纳入… once a part (the phrasebank's measures end on 纳入…考核 far more often
//! than the corpus's speeches do).

use super::*;

impl<'a> Planner<'a> {
    /// Drop from a point's framings and measures what the prose rules would report, keeping the
    /// rest in order; remember what stays. Counted incrementally (a point's four-character words,
    /// the draft's character pairs through an index), as the planner draws hundreds of these.
    /// Stops at `cap` measures: one drawn past them would be cut, so it is neither checked nor
    /// remembered (a measure the draft does not say must not keep a later one out).
    pub(super) fn keep_prose(&mut self, pp: &mut PointPlan, ranked: &mut bool, cap: usize) {
        // Nothing said out of its season (抓好夏粮抢收 in a March meeting).
        let month = self.vs.at().month;
        let in_season = |s: &Sentence| crate::lexicon::season::in_season(&s.text, month);
        pp.retain_drawn(in_season);
        // Nothing of a sibling field when the topic narrows its sub-topic to one (湿地 and
        // 野生动物 under 矿山生态修复).
        if let Some(narrow) = pp.narrowing.take() {
            pp.retain_drawn(|s| narrow.keeps(&s.text));
        }
        // A point on the villages says nothing of the town's streets alone, nor one on the town
        // of the villages (住建部门要加强城区二次供水设施管理… under 农村供水保障, read at the
        // drafts).
        if let Some(side) = crate::prose::side_of(&pp.topic) {
            pp.retain_drawn(|s| crate::prose::side_of(&s.text).is_none_or(|x| x == side));
        }
        let mut said = self.point_said(pp);
        // The point's topic said in full by three of its framings and measures at most (read at
        // the start: 老旧小区改造 in seven sentences of one point, where a writer says 改造 or
        // 小区 after the first few). A short topic (消防, 防汛) is a word, not a phrase.
        let topic = pp.topic.clone();
        // So is its object without the work done to it (签约项目 of 签约项目落地: read blind,
        // round 33, 签约项目 twelve times in one paragraph).
        let object = topic_object(&topic);
        let names_topic = |t: &str| {
            topic.chars().count() >= 4 && (has(t, &topic) || object.is_some_and(|o| has(t, o)))
        };
        let mut topic_said = 0;
        for k in 0..2 {
            let f = if k == 0 {
                pp.framing.take()
            } else {
                pp.framing2.take()
            };
            // A second framing that names what the first one did (手续跑不下来… then 卡就卡在
            // 前期手续上) gives the same reason twice: it is left out.
            let echoes = |s: &Sentence| {
                pp.framing
                    .as_ref()
                    .is_some_and(|first| shares_a_word(&first.text, &s.text, &pp.topic))
            };
            if let Some(s) = f
                && !(k == 1 && echoes(&s))
                && self.keeps(&mut said, &s, ranked)
            {
                topic_said += usize::from(names_topic(&s.text));
                if k == 0 {
                    pp.framing = Some(s);
                } else {
                    pp.framing2 = Some(s);
                }
            }
        }
        // One paired condition a point (对…的，要…；对…的，一律…): read blind, the same
        // construction in every point gave the program away.
        let paired = |t: &str| has(t, "；对") || (t.starts_with('对') && t.contains('；'));
        let mut pairs = 0;
        // Checking the work twice a point at most (read blind: 考勤管理和考核, 日常考勤, 按月考评
        // and 年底考核 in one point on 公益性岗位 said one control four times).
        // A point on checking itself (督查督办, 考核评价) is not held to it.
        let checks = |t: &str| {
            CHECK_WORDS
                .iter()
                .any(|w| has(t, w) && !has(&pp.topic, w) && !has(&pp.heading, w))
        };
        let mut checking = 0;
        // A way of organizing the work (专班, 包抓, 现场办公 …) is said once a point, the
        // writer's tasks and the assignment counting: read at the stop (economy-2020 seed 41,
        // 重点项目建设), 一名领导、一个专班 then 一套班子…专班人员常驻工地, 现场办公 twice and 包抓
        // three times in one paragraph said one mechanism over and over. A point on the
        // mechanism itself (项目包抓) is not held to it.
        let organizing = |t: &str| -> Vec<&'static str> {
            ORGANIZING_WORDS
                .iter()
                .filter(|(w, _)| has(t, w) && !has(&pp.topic, w) && !has(&pp.heading, w))
                .map(|&(_, way)| way)
                .collect()
        };
        // 确保… (the stock purpose clause) twice a point at most, the point's own lines counting:
        // read at the stop (safety-2025 seed 90, 防汛备汛), five sentences of one paragraph
        // ended on 确保….
        let ensures = |t: &str| crate::prose::ensures(t) > 0;
        // A point set by its targets may open on 要确保… (target.tera): that one counts too
        // (plenary-2024 seed 7: 全县要确保全年实施重点项目… then two measures ending on 确保…).
        // (The shape is picked later: a point all of whose facts are targets may take it.)
        let target_frame = !pp.fact_targets.is_empty() && pp.fact_targets.iter().all(|&t| t);
        let mut ensured =
            pp.own_lines().filter(|s| ensures(&s.text)).count() + usize::from(target_frame);
        let mut organized: Vec<&'static str> = pp
            .tasks
            .iter()
            .chain(pp.responsibility.iter())
            .flat_map(|s| organizing(&s.text))
            .collect();
        // A stock figure once a point (筑牢校园安全防线 then 筑牢平安校园防线, read blind as
        // the same closing twice, round 27), the point's own lines and framings counting.
        let stock = |t: &str| -> Vec<&'static str> {
            crate::prose::ONCE_A_POINT
                .iter()
                .copied()
                .filter(|w| has(t, w) && !has(&pp.topic, w) && !has(&pp.heading, w))
                .collect()
        };
        let mut stocked: Vec<&'static str> = pp.own_lines().flat_map(|s| stock(&s.text)).collect();
        // Two measures of a point do not open with the same six characters (一是加强道路交通
        // 安全管理…二是加强道路交通安全路面管控…, read at the stop: the second says the first
        // again before it says anything new).
        let opening =
            |t: &str| -> String { crate::text::prefix(t.trim_start_matches('要'), 6).to_string() };
        let mut openings: Vec<String> = Vec::new();
        // A town's speech sets its own offices to work, not the county's departments (read
        // blind, round 20: a town's 劳动保障所 beside orders to 住建、交通、水利 departments, a
        // town's 安监站 leading and then 住建部门牵头): a measure whose actor is a department the
        // point does not name is left out.
        let town = self.vs.level == crate::spec::Level::Town;
        let measures = std::mem::take(&mut pp.measures);
        for s in measures {
            if pp.measures.len() >= cap {
                break;
            }
            if town
                && crate::lexicon::units::department_actor(&s.text)
                    .is_some_and(|d| !pp.unit_names.iter().any(|n| n == d))
            {
                continue;
            }
            if paired(&s.text) {
                pairs += 1;
                if pairs > 1 {
                    continue;
                }
            }
            let check = checks(&s.text);
            if check && checking >= 2 {
                continue;
            }
            let ensure = ensures(&s.text);
            if ensure && ensured >= 2 {
                continue;
            }
            let ways = organizing(&s.text);
            if ways.iter().any(|w| organized.contains(w)) {
                continue;
            }
            let figures = stock(&s.text);
            if figures.iter().any(|w| stocked.contains(w)) {
                continue;
            }
            let names = names_topic(&s.text);
            if names && topic_said >= MAX_TOPIC_SAID {
                continue;
            }
            // (A point on 农机购置补贴 may open measure after measure with its own name.)
            let opens = opening(&s.text);
            if openings.contains(&opens) && !has(&topic, &opens) && !has(&pp.heading, &opens) {
                continue;
            }
            if self.keeps(&mut said, &s, ranked) {
                openings.push(opens);
                topic_said += usize::from(names);
                checking += usize::from(check);
                ensured += usize::from(ensure);
                organized.extend(ways);
                stocked.extend(figures);
                pp.measures.push(s);
            }
        }
    }

    /// What a point has said before its framings and measures are kept (its facts, tasks,
    /// assignment and deadline), and which of its words it may say again; takes its side objects.
    fn point_said(&self, pp: &mut PointPlan) -> PointSaid {
        use crate::prose;
        // The point's topic and heading words and the common ones; the spec's (the planner's
        // `spec_grams`) are looked up there, not copied for every point.
        let common: HashSet<Gram4> = prose::COMMON_FOUR.iter().flat_map(|w| grams(w)).collect();
        let own: HashSet<Gram4> = grams(&pp.topic)
            .into_iter()
            .chain(grams(&pp.heading))
            .collect();
        let mut own_allowed = own.clone();
        own_allowed.extend(common.iter().copied());
        // A phrase of five characters or more said twice in one point (施工黄金期稍纵即逝 …
        // 抓住施工黄金期) is a word said twice: the second is left out, the spec's own words
        // and the point's topic, heading and sub-topic words aside.
        let own5: HashSet<Gram5> = grams5(&pp.topic)
            .into_iter()
            .chain(grams5(&pp.heading))
            .collect();
        let terms5: HashSet<Gram5> = pp.terms.iter().flat_map(|t| grams5(t)).collect();
        // The writer's own tasks are said once: a measure that says a task again (县级领导包抓
        // after the task 实行重点项目县级领导包抓制度) is left out, though the task is spec text.
        let (mut taken, mut taken5) = (HashSet::default(), HashSet::default());
        for task in &pp.tasks {
            for g in grams(&task.text) {
                if !own.contains(&g) && !common.contains(&g) {
                    taken.insert(g);
                }
            }
            for g in grams5(&task.text) {
                if !own5.contains(&g) {
                    taken5.insert(g);
                }
            }
        }
        let allowed = Allowed {
            own: own_allowed,
            taken,
        };
        let allowed5 = Allowed5 {
            own: own5,
            terms: terms5,
            taken: taken5,
        };
        // The sub-topic's words are masked first: 危险化学品重大危险源 said twice is the topic's
        // own vocabulary, not a phrase repeated (the windows across a masked word do not count).
        let mut terms: Vec<String> = pp
            .terms
            .iter()
            .filter(|t| t.chars().count() >= 3)
            .cloned()
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
        // Masking puts a mark where a word was: a word without one cannot appear by it, so the
        // words to mask are among those the sentence has before any is masked.
        let unmasked = !terms
            .iter()
            .any(|t| t.chars().any(|c| ('\u{9fd0}'..='\u{9fdf}').contains(&c)));
        let terms = crate::lexicon::TermSet::new(terms);
        // A second sentence on one of the point's side objects (防止耕地非粮化 … 坚决遏制耕地
        // “非农化”、防止“非粮化”; two sentences on 公务用车) says that object's part again: it is
        // left out.
        let objects = crate::lexicon::TermSet::new(std::mem::take(&mut pp.objects));
        let mut said = PointSaid {
            allowed,
            allowed5,
            terms,
            unmasked,
            objects,
            said_objects: HashSet::default(),
            // Sized for a point of ~500 characters (grown from empty, each was rehashed four or
            // five times a point).
            said4: HashSet::with_capacity_and_hasher(512, Default::default()),
            said5: HashSet::with_capacity_and_hasher(512, Default::default()),
            counts: HashMap::with_capacity_and_hasher(512, Default::default()),
            texts: String::with_capacity(2048),
            own_words: format!("{}|{}", pp.topic, pp.heading),
        };
        // Four-character words of the point outside its sub-topic's vocabulary: a sentence that
        // says two of them again (隐形变异, 违规发放 … after 防止“四风”隐形变异 and 已经违规发放的)
        // says again what the point has said.
        for s in pp
            .facts
            .iter()
            .chain(&pp.tasks)
            .chain(&pp.responsibility)
            .chain(&pp.deadline)
        {
            for g in grams(&s.text) {
                *said.counts.entry(g).or_default() += 1;
            }
            let m = said.mask(&s.text);
            said.said5.extend(grams5(&m));
            said.said4.extend(grams(&m));
            said.texts.push_str(&s.text);
        }
        said
    }

    /// Whether a sentence of the point keeps to the prose rules; if so, remember what it says.
    fn keeps(&mut self, said: &mut PointSaid, s: &Sentence, ranked: &mut bool) -> bool {
        use crate::prose;
        let ps = pair_keys(&s.text);
        if ps.len() >= 14 {
            // How many pairs the sentence shares with each kept one, by its number.
            let mut shared = vec![0u32; self.seen_len.len()];
            for p in &ps {
                let mut link = self.seen_index.get(p).copied().unwrap_or(NO_LINK);
                while let Some(&(j, before)) = self.seen_links.get(link as usize) {
                    shared[j as usize] += 1;
                    link = before;
                }
            }
            let a = ps.len() as f64;
            if shared.iter().zip(&self.seen_len).any(|(&n, &b)| {
                n > 0 && {
                    let (n, b) = (f64::from(n), f64::from(b));
                    n / (a + b - n) >= prose::NEAR
                }
            }) {
                return false;
            }
        }
        // The ranking words and 一旦, found in one reading of the sentence.
        let found = watched_words().found_in(&s.text);
        let ranks = found[..prose::RANKING_WORDS.len()].contains(&true);
        if ranks && *ranked {
            return false;
        }
        let yidan = found[prose::RANKING_WORDS.len()];
        if yidan && self.yidan_in_part {
            return false;
        }
        let incorporates = found[prose::RANKING_WORDS.len() + 1];
        if incorporates && self.incorporated_in_part {
            return false;
        }
        let m = said.mask(&s.text);
        let g5 = grams5(&m);
        if g5
            .iter()
            .any(|g| said.said5.contains(g) && !said.allowed5.has(&self.spec_grams5, g))
        {
            return false;
        }
        // The masked text's words, each with how often it is said (sorted runs: cheaper than a
        // set for fifty words); `own4` the words once each.
        let masked = counted(grams(&m));
        let own4: Vec<Gram4> = masked.iter().map(|&(g, _)| g).collect();
        // Three four-character words of the part said again (逐项明确, 完成时限, 责任体系
        // after an intro that said them) say the part's point again.
        if own4
            .iter()
            .filter(|g| self.part_said4.contains(*g) && !said.allowed.has(&self.spec_grams, g))
            .count()
            >= 3
        {
            return false;
        }
        if own4
            .iter()
            .filter(|g| said.said4.contains(*g) && !said.allowed.has(&self.spec_grams, g))
            .count()
            >= 2
        {
            return false;
        }
        let objs = said.objects_of(&s.text);
        if objs.iter().any(|o| said.said_objects.contains(o)) {
            return false;
        }
        // A sentence that ends on what the point has said already (…排长队、误农时 then
        // …确保不误农时; …依法处置 then 对违法上访的，要依法处置): read blind, round 25, as a
        // program's repeat. The point's topic and heading words aside.
        if let Some(end) = ending(&s.text)
            && has(&said.texts, end)
            && !has(&said.own_words, end)
        {
            return false;
        }
        // The text's own words: the masked text's when nothing was masked.
        let mine = match m {
            std::borrow::Cow::Borrowed(_) => masked,
            std::borrow::Cow::Owned(_) => counted(grams(&s.text)),
        };
        if mine.iter().any(|(g, c)| {
            said.counts.get(g).copied().unwrap_or(0) + c >= 3
                && !said.allowed.has(&self.spec_grams, g)
        }) {
            return false;
        }
        *ranked |= ranks;
        self.yidan_in_part |= yidan;
        self.incorporated_in_part |= incorporates;
        self.part_said4.extend(own4.iter().copied());
        said.said_objects.extend(objs);
        said.said5.extend(g5);
        said.said4.extend(own4);
        for (g, c) in mine {
            *said.counts.entry(g).or_default() += c;
        }
        said.texts.push_str(&s.text);
        self.remember(&ps);
        true
    }

    /// Remember a kept sentence's character pairs (for the near-duplicate check).
    pub(super) fn remember(&mut self, ps: &[u64]) {
        let j = self.seen_len.len() as u32;
        self.seen_len.push(ps.len() as u32);
        for p in ps {
            let at = self.seen_links.len() as u32;
            let head = self.seen_index.entry(*p).or_insert(NO_LINK);
            self.seen_links.push((j, *head));
            *head = at;
        }
    }
}

/// The words of checking the work (an assessment, an inspection, a report, a call to account).
const CHECK_WORDS: [&str; 9] = [
    "考核", "考评", "考勤", "督查", "通报", "问责", "约谈", "暗访", "评估",
];

/// The ways of organizing the work a point says once (a task force, leaders each taking a
/// project, meeting on site, a ledger, a battle map, a countdown, the units named, a case put
/// under a named supervisor, a plan for each firm), each word with the way it names: two words
/// of one way say it twice (read blind, round 24: 对重大事故隐患实行挂牌督办 then 对重大隐患挂牌
/// 督办 in one point, 一企一专班 then 一企一策 in another). Not 调度: a harvest's machines are 调度
/// in measure after measure, each a different thing.
const ORGANIZING_WORDS: [(&str, &str); 9] = [
    ("专班", "专班"),
    ("包抓", "包抓"),
    ("现场办公", "现场办公"),
    ("台账", "台账"),
    ("挂图作战", "挂图作战"),
    ("倒排工期", "倒排工期"),
    ("责任单位", "责任单位"),
    ("挂牌督办", "挂牌督办"),
    ("一企一", "一企一策"),
];

/// How many of a point's framings and measures may say its topic in full.
pub(crate) const MAX_TOPIC_SAID: usize = 3;

/// The end of a pair's list of sentences in `seen_links`.
const NO_LINK: u32 = u32::MAX;

/// What a point has said so far, and which words it may say again, as `keep_prose` keeps its
/// framings and measures.
struct PointSaid {
    /// Four-character words the point may say again (the spec's, its topic's and heading's,
    /// common ones), its tasks' aside.
    allowed: Allowed,
    /// Five-character runs the point may say again.
    allowed5: Allowed5,
    /// The sub-topic's words of three characters or more, longest first, masked before counting.
    terms: crate::lexicon::TermSet,
    /// Whether no word has a · (so masking one cannot make another appear).
    unmasked: bool,
    /// The point's side objects.
    objects: crate::lexicon::TermSet,
    /// Which side objects a kept sentence has spoken of.
    said_objects: HashSet<usize>,
    /// The masked four-character words the point has said.
    said4: HashSet<Gram4>,
    /// The masked five-character runs the point has said.
    said5: HashSet<Gram5>,
    /// How often the point has said each four-character word.
    counts: HashMap<Gram4, u32>,
    /// What the point has said, its facts, tasks and assignment included (for [`ending`]).
    texts: String,
    /// The point's topic and heading, whose words any sentence may end on.
    own_words: String,
}

/// The four-character words a point may say again: its topic's, heading's and the common ones,
/// and the spec's (the planner's set, passed in) but those its tasks said.
struct Allowed {
    own: HashSet<Gram4>,
    taken: HashSet<Gram4>,
}

impl Allowed {
    fn has(&self, spec: &HashSet<Gram4>, g: &Gram4) -> bool {
        self.own.contains(g) || (spec.contains(g) && !self.taken.contains(g))
    }
}

/// The five-character runs a point may say again: its topic's and heading's, and its sub-topic
/// words' and the spec's (passed in) but those its tasks said.
struct Allowed5 {
    own: HashSet<Gram5>,
    terms: HashSet<Gram5>,
    taken: HashSet<Gram5>,
}

impl Allowed5 {
    fn has(&self, spec: &HashSet<Gram5>, g: &Gram5) -> bool {
        self.own.contains(g)
            || ((spec.contains(g) || self.terms.contains(g)) && !self.taken.contains(g))
    }
}

impl PointSaid {
    /// The text with the sub-topic's words masked (a masked word counts as no run).
    fn mask<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let mut m = std::borrow::Cow::Borrowed(text);
        // The words the text has (all of them, when masking one could make another appear).
        let found = if self.unmasked {
            self.terms.found_in(text)
        } else {
            vec![true; self.terms.terms().len()]
        };
        for (i, (t, _)) in self
            .terms
            .terms()
            .iter()
            .zip(found)
            .enumerate()
            .filter(|(_, (_, f))| *f)
        {
            if has(&m, t) {
                m = m
                    .replace(t.as_str(), term_mark(i).encode_utf8(&mut [0; 4]))
                    .into();
            }
        }
        m
    }

    /// The side objects a text speaks of, by index.
    fn objects_of(&self, text: &str) -> Vec<usize> {
        self.objects
            .found_in(text)
            .into_iter()
            .enumerate()
            .filter(|(_, f)| *f)
            .map(|(i, _)| i)
            .collect()
    }
}

/// The mark a masked word leaves: a rare Han character of its own (U+9FD0 on, added to Unicode
/// late and in no speech), so that the words around it still count. 深入开展根治欠薪行动 said in
/// two measures of one point (read blind, round 21) was not a repeat while the masked word
/// broke the runs (深入开展·行动).
fn term_mark(i: usize) -> char {
    char::from_u32(0x9FD0 + (i % 16) as u32).unwrap_or('\u{9fd0}')
}

/// The ranking words (as [`crate::prose::RANKING_WORDS`] lists them), then 一旦, then 纳入: what
/// a part says once.
fn watched_words() -> &'static crate::lexicon::TermSet<&'static str> {
    static WORDS: std::sync::OnceLock<crate::lexicon::TermSet<&'static str>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = crate::prose::RANKING_WORDS.to_vec();
        words.push("一旦");
        words.push("纳入");
        crate::lexicon::TermSet::new(words)
    })
}

/// Whether `word` is in `text`, for the short words and sentences the planner compares
/// ([`crate::text::contains`]).
pub(super) fn has(text: &str, word: &str) -> bool {
    crate::text::contains(text, word)
}

/// A run of four Han characters, packed (15 bits a character: its offset from U+4E00).
pub(super) type Gram4 = u64;
/// A run of five Han characters, packed.
pub(super) type Gram5 = u128;

/// The four-character Han runs of a text, in order, with repeats, packed: sets of them hash
/// one number, not four characters.
pub(super) fn grams(text: &str) -> Vec<Gram4> {
    runs(text, 4, |w| w as Gram4)
}

/// Each of `grams` once, with how often it is there, in order of the packed numbers.
fn counted(mut grams: Vec<Gram4>) -> Vec<(Gram4, u32)> {
    grams.sort_unstable();
    let mut out: Vec<(Gram4, u32)> = Vec::with_capacity(grams.len());
    for g in grams {
        match out.last_mut() {
            Some((last, c)) if *last == g => *c += 1,
            _ => out.push((g, 1)),
        }
    }
    out
}

/// The five-character Han runs of a text, packed.
pub(super) fn grams5(text: &str) -> Vec<Gram5> {
    runs(text, 5, |w| w)
}

/// The `n`-character runs of Han characters (U+4E00–U+9FFF) of a text, in order, with repeats,
/// packed by `pack` from the last `n` characters' offsets (15 bits each, the last lowest),
/// read in one pass.
fn runs<T>(text: &str, n: u32, pack: impl Fn(u128) -> T) -> Vec<T> {
    let mut out = Vec::with_capacity(text.len() / 3);
    let mask = (1u128 << (15 * n)) - 1;
    let mut w: u128 = 0;
    let mut run = 0;
    for c in text.chars() {
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            w = ((w << 15) | u128::from(u32::from(c) - 0x4e00)) & mask;
            run += 1;
            if run >= n {
                out.push(pack(w));
            }
        } else {
            run = 0;
        }
    }
    out
}

/// The Han character pairs of a text as numbers, sorted, without repeats.
pub(super) fn pair_keys(text: &str) -> Vec<u64> {
    crate::prose::packed_pairs(text)
}

impl PointPlan {
    /// What it says besides its measures: its facts, tasks, assignment, deadline and framings.
    fn own_lines(&self) -> impl Iterator<Item = &Sentence> {
        self.facts
            .iter()
            .chain(&self.tasks)
            .chain(&self.responsibility)
            .chain(&self.deadline)
            .chain(&self.framing)
            .chain(&self.framing2)
    }

    /// Keep of its framings and measures what `on` keeps, in order.
    fn retain_drawn(&mut self, on: impl Fn(&Sentence) -> bool) {
        self.measures.retain(&on);
        self.framing = self.framing.take().filter(&on);
        self.framing2 = self.framing2.take().filter(&on);
    }
}

/// How a point's topic narrows its sub-topic to one of the sub-topic's fields: 矿山生态修复
/// resolves to 生态保护修复, whose words name several fields (矿山修复, 废弃矿山, 湿地, 生物多样性,
/// 自然保护地 …); read at the drafts, its point spoke of wildlife, wetlands and nature reserves,
/// which a writer leaves to their own headings. The topic narrows when, before a term of its
/// sub-topics, it says words of its own (矿山) that some other term says too: those words are
/// the point's field, and the terms that do not say them name the others. A word of a
/// sub-topic's name, or a broad one (治理, 化解), names no field.
#[derive(Debug, Clone)]
pub(super) struct Narrowing {
    /// The topic's own two-character words (矿山).
    field: Vec<String>,
    /// The sub-topics' terms naming another field (湿地, 生物多样性).
    others: Vec<String>,
}

impl Narrowing {
    pub(super) fn of(topic: &str, terms: &[String], names: &[String]) -> Option<Narrowing> {
        // Its words only (纠治“四风” is the sub-topic 纠治四风, not a field of it).
        let topic: String = topic.chars().filter(|&c| crate::text::is_han(c)).collect();
        let topic = topic.as_str();
        // The topic's bytes that a term of its sub-topics says (生态修复 of 矿山生态修复).
        let mut covered = vec![false; topic.len()];
        for t in terms {
            if let Some(i) = topic.find(t.as_str()) {
                covered[i..i + t.len()].fill(true);
            }
        }
        if !covered.contains(&true) {
            return None;
        }
        // Only what comes before the term qualifies it (矿山 of 矿山|生态修复): what follows is
        // the work done on it (抢收 of 夏粮|抢收, said by all of 夏粮生产's measures in other
        // words: 麦收, 颗粒归仓).
        let rest: Vec<char> = topic
            .char_indices()
            .take_while(|&(i, _)| !covered[i])
            .map(|(_, c)| c)
            .collect();
        let broad = |w: &str| {
            crate::prose::GENERIC_WORDS.contains(&w) || crate::prose::BROAD_WORDS.contains(&w)
        };
        let mut field: Vec<String> = Vec::new();
        for w in rest.windows(2) {
            let word: String = w.iter().collect();
            if w.iter().all(|&c| crate::text::is_han(c))
                && !broad(&word)
                && !names.iter().any(|n| n.contains(&word))
                && terms
                    .iter()
                    .any(|t| !topic.contains(t.as_str()) && t.contains(&word))
                && !field.contains(&word)
            {
                field.push(word);
            }
        }
        if field.is_empty() {
            return None;
        }
        let others = terms
            .iter()
            .filter(|t| !topic.contains(t.as_str()) && !field.iter().any(|f| t.contains(f)))
            .cloned()
            .collect();
        Some(Narrowing { field, others })
    }

    /// Whether the field is one side of its sub-topics' work, said by a quarter of their
    /// measures at most (矿山 in 4 of 生态保护修复's 19), not what the work is about (抢收 of
    /// 夏粮抢收, in most of 夏粮生产's measures: read in a test, the point went thin).
    pub(super) fn is_a_side_field<'t>(&self, measures: impl Iterator<Item = &'t str>) -> bool {
        let (mut all, mut said) = (0usize, 0usize);
        for m in measures {
            all += 1;
            said += usize::from(self.field.iter().any(|f| has(m, f)));
        }
        said * 4 <= all
    }

    /// Whether a sentence stays on the point's field: it says it, or names no other.
    pub(super) fn keeps(&self, text: &str) -> bool {
        self.field.iter().any(|f| has(text, f)) || !self.others.iter().any(|o| has(text, o))
    }
}

/// A topic's object without the work done to it (签约项目 of 签约项目落地, 农村人居环境 of 农村人居
/// 环境整治), when that leaves four characters or more.
fn topic_object(topic: &str) -> Option<&str> {
    const WORK: [&str; 12] = [
        "落地", "整治", "建设", "工作", "管理", "改造", "提升", "培育", "防控", "治理", "监管",
        "保障",
    ];
    WORK.iter()
        .find_map(|w| topic.strip_suffix(w))
        .filter(|o| o.chars().count() >= 4)
}

/// A sentence's last three characters before its closing punctuation, when all are Han and none
/// a function character (not 的问题, not a closing quote): the words it ends on.
fn ending(text: &str) -> Option<&str> {
    let body = text.trim_end_matches(['。', '！', '？', '；']);
    let start = body.char_indices().rev().nth(2)?.0;
    let end = &body[start..];
    end.chars()
        .all(|c| crate::text::is_han(c) && !FUNCTION_CHARS.contains(c))
        .then_some(end)
}

/// Characters that make no word of their own in a pair (的项, 不了, 就卡).
const FUNCTION_CHARS: &str = "的是了就不在和也都要有一个上中把被对为以与而这那之其得地着过";

/// Whether two sentences share a two-character word of content (a pair of Han characters, neither
/// a function character) that `topic` does not name and that is not 项目 or 工作-like filler.
pub(super) fn shares_a_word(a: &str, b: &str, topic: &str) -> bool {
    let words = |t: &str| -> HashSet<(char, char)> {
        let cs: Vec<char> = t.chars().collect();
        cs.windows(2)
            .map(|w| (w[0], w[1]))
            .filter(|(x, y)| {
                crate::text::is_han(*x)
                    && crate::text::is_han(*y)
                    && !FUNCTION_CHARS.contains(*x)
                    && !FUNCTION_CHARS.contains(*y)
            })
            .collect()
    };
    let (wa, wb, wt) = (words(a), words(b), words(topic));
    const FILLER: [(char, char); 6] = [
        ('项', '目'),
        ('工', '作'),
        ('发', '展'),
        ('全', '县'),
        ('必', '须'),
        ('建', '设'),
    ];
    wa.intersection(&wb)
        .any(|w| !wt.contains(w) && !FILLER.contains(w))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// The windows of `N` characters all in the Han block, as first written (a `Vec<char>` of
    /// the text and its windows filtered).
    fn windows<const N: usize>(text: &str) -> Vec<[char; N]> {
        let cs: Vec<char> = text.chars().collect();
        cs.windows(N)
            .filter(|w| w.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)))
            .map(|w| std::array::from_fn(|i| w[i]))
            .collect()
    }

    /// A window's characters packed as `runs` packs them: 15 bits each, the last lowest.
    fn pack(w: &[char]) -> u128 {
        w.iter()
            .fold(0, |n, &c| (n << 15) | u128::from(u32::from(c) - 0x4e00))
    }

    /// A topic's object is what is left of it without the work done to it, four characters or
    /// more; a topic that is its object, or whose object is a word, has none.
    #[test]
    fn a_topics_object_is_it_without_its_work() {
        assert_eq!(super::topic_object("签约项目落地"), Some("签约项目"));
        assert_eq!(
            super::topic_object("农村人居环境整治"),
            Some("农村人居环境")
        );
        assert_eq!(super::topic_object("县城建设"), None);
        assert_eq!(super::topic_object("高校毕业生就业"), None);
    }

    /// A sentence ends on its last three Han characters of content, or on nothing.
    #[test]
    fn ending_is_the_last_words() {
        assert_eq!(super::ending("对违法行为依法处置。"), Some("法处置"));
        assert_eq!(super::ending("确保不误农时！"), Some("误农时"));
        // 的 and a closing quote end on no word.
        assert_eq!(super::ending("解决群众反映的问题的。"), None);
        assert_eq!(super::ending("推行“一网通办”。"), None);
        assert_eq!(super::ending("好。"), None);
    }

    /// 矿山生态修复 keeps to mines among the ecological fields; a topic a term says whole, or
    /// says with broad words only, narrows nothing.
    #[test]
    fn a_topic_narrows_to_its_field() {
        let terms: Vec<String> = [
            "生态保护修复",
            "生态修复",
            "矿山修复",
            "废弃矿山",
            "湿地",
            "野生动物",
        ]
        .map(String::from)
        .to_vec();
        let names = vec!["生态保护修复".to_string()];
        let n = super::Narrowing::of("矿山生态修复", &terms, &names).expect("narrows");
        assert!(n.keeps("加强废弃矿山治理复绿。"));
        assert!(n.keeps("统筹推进山水林田湖草系统治理。"));
        assert!(!n.keeps("推进小微湿地保护修复。"));
        assert!(n.keeps("对矿山周边湿地开展修复。"));
        for topic in ["生态修复", "生态修复治理", "森林防火", "生态“保护”修复"]
        {
            assert!(
                super::Narrowing::of(topic, &terms, &names).is_none(),
                "{topic}"
            );
        }
        // A word of the sub-topic's name is no field of it (纠治“四风” of 纠治四风).
        let terms: Vec<String> = ["纠治四风", "四风", "三公经费"].map(String::from).to_vec();
        let names = vec!["纠治四风".to_string()];
        assert!(super::Narrowing::of("纠治“四风”", &terms, &names).is_none());
        assert!(super::Narrowing::of("四风纠治", &terms, &names).is_none());
    }

    proptest! {
        /// The one-pass runs are the filtered windows, in order, with repeats (packed).
        #[test]
        fn runs_are_the_han_windows(text in "[一二三四五六七八九十，a“3㐀\u{9fff}\u{a000}]{0,40}") {
            prop_assert_eq!(super::grams(&text), windows::<4>(&text).iter().map(|w| pack(w) as u64).collect::<Vec<_>>());
            prop_assert_eq!(super::grams5(&text), windows::<5>(&text).iter().map(|w| pack(w)).collect::<Vec<_>>());
        }

        /// The in-place search finds what `str::contains` finds.
        #[test]
        fn has_is_contains(text in "[一二三四，a]{0,12}", word in "[一二三，a]{0,3}") {
            prop_assert_eq!(super::has(&text, &word), text.contains(word.as_str()));
        }
    }
}
