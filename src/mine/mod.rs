//! Mining a corpus of speeches: heading patterns by sibling family, slogans, sentence frames,
//! openings/recaps/transitions/closings, and the order of parts per meeting kind.
//!
//! [`Miner`] is streaming: [`Miner::add_document`] normalises and parses one document and keeps
//! only aggregated candidates (counts, first sources, years), never the documents themselves.
//! [`Miner::write`] writes the phrasebank-schema candidates, the patterns as Tera templates and the
//! per-kind part order; [`merge`] appends new candidates to a phrasebank, idempotently.
//!
//! The work is split by job: [`threads`] runs miners over files in parallel, [`harvest`] takes
//! candidates out of a speech's sentences, [`classify`] names a speech's year and its parts'
//! categories, [`jieba`] checks word boundaries, [`generalise`] turns sibling headings into
//! patterns, [`write`] writes the results and [`merge`] appends candidates to a phrasebank. The
//! words they read are the lexicon's: a meeting's kind is `lexicon::kinds`, the theme a heading
//! names `lexicon::themes`.

mod classify;
mod generalise;
mod harvest;
mod jieba;
mod merge;
mod threads;
mod write;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use crate::corpus::FastHash;

pub use classify::{part_category, speech_year};
pub use generalise::{generalise, skeleton};
pub use merge::merge;
pub use threads::mine_files;
pub use write::candidate_id;

use ::jieba_rs::Jieba;
use threads::SharedJieba;

/// Sources kept per candidate (the count keeps counting).
const MAX_SOURCES: usize = 5;

/// One mined candidate phrase.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub role: &'static str,
    pub text: String,
    pub themes: BTreeSet<String>,
    pub count: u32,
    /// `file:line`, the first few.
    pub sources: Vec<String>,
    pub years: BTreeSet<i32>,
}

/// A slot of a heading pattern and what filled it in the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Slot {
    /// The name in the pattern (`X`, `A4` …).
    pub name: String,
    /// The Tera variable it becomes.
    pub var: String,
    pub fillers: Vec<String>,
}

/// A family of sibling headings generalised to one pattern.
#[derive(Debug, Clone, Serialize)]
pub struct Family {
    /// 1 or 2.
    pub level: u8,
    /// The pattern with slots: `守住{X}底线，在{Y}上下功夫`.
    pub pattern: String,
    pub slots: Vec<Slot>,
    pub headings: Vec<String>,
    /// `file:line` of the first sibling.
    pub source: String,
    pub year: Option<i32>,
}

impl Family {
    /// The pattern with every slot written `{}`: what two families share when they are the same.
    pub fn skeleton(&self) -> String {
        skeleton(&self.pattern)
    }

    /// The `patterns/*.tera` file of the family: a comment with its source and slots, then the
    /// template.
    pub fn tera_file(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{{# mined from {} ({} siblings, level {}): {} #}}",
            self.source,
            self.headings.len(),
            self.level,
            self.pattern
        );
        for sl in &self.slots {
            let _ = writeln!(
                s,
                "{{# {{{{ {} }}}}: e.g. {} #}}",
                sl.var,
                sl.fillers.join(" / ")
            );
        }
        let _ = writeln!(s, "{}", self.tera());
        s
    }

    /// The pattern as a Tera template body.
    pub fn tera(&self) -> String {
        let mut s = self.pattern.clone();
        for sl in &self.slots {
            s = s.replacen(
                &format!("{{{}}}", sl.name),
                &format!("{{{{ {} }}}}", sl.var),
                1,
            );
        }
        s
    }
}

/// The order of level-1 parts one speech shows.
#[derive(Debug, Clone, Serialize)]
pub struct KindOrder {
    pub source: String,
    pub title: String,
    pub order: Vec<String>,
}

/// The streaming miner.
pub struct Miner {
    jieba: SharedJieba,
    /// role → text → candidate. Hashed (the order never shows: [`Miner::candidates`] sorts).
    cands: BTreeMap<&'static str, HashMap<String, Candidate, FastHash>>,
    pub families: Vec<Family>,
    /// kind → the part orders seen.
    pub kinds: BTreeMap<String, Vec<KindOrder>>,
    pub documents: usize,
    /// The topic map candidates are tagged from (their best sub-topic), when a phrasebank is
    /// at hand; a curator then sees where each candidate would go.
    pub topics: Option<crate::topic::TopicMap>,
}

impl Default for Miner {
    fn default() -> Self {
        Self::new()
    }
}

impl Miner {
    /// A miner (loads the jieba dictionary when it first needs it).
    pub fn new() -> Self {
        Self::with_shared_jieba(SharedJieba::default())
    }

    /// A miner sharing an already loaded jieba dictionary (one load for every mining thread).
    pub fn with_jieba(jieba: std::sync::Arc<Jieba>) -> Self {
        Self::with_shared_jieba(std::sync::Arc::new(jieba.into()))
    }

    fn with_shared_jieba(jieba: SharedJieba) -> Self {
        Miner {
            topics: None,
            jieba,
            cands: BTreeMap::new(),
            families: Vec::new(),
            kinds: BTreeMap::new(),
            documents: 0,
        }
    }

    /// The candidates mined so far, most frequent first.
    pub fn candidates(&self) -> Vec<&Candidate> {
        let mut v: Vec<&Candidate> = self.cands.values().flat_map(|m| m.values()).collect();
        v.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.role.cmp(b.role))
                .then(a.text.cmp(&b.text))
        });
        v
    }

    /// Take in what another miner mined from the documents that come *after* this one's, as if
    /// this miner had gone on to read them itself: counts add up, sources and years are merged in
    /// order, families and part orders are appended. With the documents split into consecutive
    /// runs (one per thread) the result is the one a single miner gives.
    pub fn absorb(&mut self, other: Miner) {
        for (role, cands) in other.cands {
            let role_cands = self.cands.entry(role).or_default();
            for (text, c) in cands {
                match role_cands.get_mut(&text) {
                    None => {
                        role_cands.insert(text, c);
                    }
                    Some(mine) => {
                        mine.count += c.count;
                        for s in c.sources {
                            if mine.sources.len() < MAX_SOURCES && !mine.sources.contains(&s) {
                                mine.sources.push(s);
                            }
                        }
                        mine.themes.extend(c.themes);
                        mine.years.extend(c.years);
                    }
                }
            }
        }
        self.families.extend(other.families);
        for (kind, orders) in other.kinds {
            self.kinds.entry(kind).or_default().extend(orders);
        }
        self.documents += other.documents;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pat(hs: &[&str]) -> String {
        let hs: Vec<String> = hs.iter().map(|s| s.to_string()).collect();
        generalise(2, &hs, "t:1", None)
            .map(|f| f.pattern)
            .unwrap_or_default()
    }

    #[test]
    fn generalises_sibling_families() {
        assert_eq!(
            pat(&[
                "守住经济发展底线，在推动经济恢复性增长上下功夫",
                "守住“六项收入”底线，在促进持续稳定增收上下功夫"
            ]),
            "守住{X}底线，在{Y}上下功夫"
        );
        assert_eq!(
            pat(&["要提升能力抓落实", "要提高效率抓落实", "要强化担当抓落实"]),
            "要{X4}抓落实"
        );
        assert_eq!(pat(&["把握大势抓落实", "科学统筹抓落实"]), "{X4}抓落实");
        assert_eq!(
            pat(&[
                "牢记使命，实干为民，始终坚持发展第一要务",
                "坚定信心，迎难而上，奋力实现全年目标"
            ]),
            "{X4}，{Y4}，{Z}"
        );
        assert_eq!(
            pat(&[
                "依法行政是基本方略，务必转职能、提效能，精细化加快实施",
                "加快发展是核心要务，务必抓重点、攻难点，高效化推进落实"
            ]),
            "{X4}是{Y4}，务必{Z}、{A}，{B}"
        );
        assert_eq!(pat(&["旗帜鲜明讲政治", "高效履职敢担当"]), "");
    }

    #[test]
    fn tera_uses_planner_names() {
        let hs = vec![
            "守住经济发展底线，在推动经济恢复性增长上下功夫".to_string(),
            "守住脱贫攻坚底线，在巩固提升脱贫成果上下功夫".to_string(),
        ];
        let f = generalise(2, &hs, "002:27", None).unwrap();
        assert_eq!(f.tera(), "守住{{ topic }}底线，在{{ aim }}上下功夫");
    }

    #[test]
    fn mines_slogans_and_frames() {
        let mut m = Miner::new();
        m.mine_text("千方百计稳增长、调结构、促转型，做好“六稳”工作，只争朝夕、不负韶华。关山千万重，山高人为峰。", "t:1", None, Some(2020));
        let texts: Vec<&str> = m.candidates().iter().map(|c| c.text.as_str()).collect();
        assert!(texts.contains(&"稳增长、调结构、促转型"), "{texts:?}");
        assert!(texts.contains(&"“六稳”"), "{texts:?}");
        assert!(texts.contains(&"只争朝夕，不负韶华"), "{texts:?}");
        assert!(texts.contains(&"关山千万重，山高人为峰。"), "{texts:?}");
        assert!(m.candidates().iter().all(|c| c.years.contains(&2020)));
    }
}
