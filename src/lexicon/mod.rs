//! The lexicon: the domain's facts of usage and of the calendar, compiled into the binary.
//!
//! Three data files under `lexicon/`, each with its sources, each read by one module here:
//!
//! - [`era`] (`lexicon/era.yaml`): terms of official usage and the months they were in live use
//!   (新质生产力 from September 2023, 疫情防控 2020–2022, 脱贫攻坚 as a battle to 2020). The
//!   phrasebank narrows an entry's years by the terms in its text, the planner never draws an entry
//!   out of its era, `phrasebank lint` fails one whose written years overreach, and `wengao lint`
//!   flags an anachronism in any draft.
//! - [`calendar`] (`lexicon/calendar.yaml`): party congresses and plenary sessions, the yearly
//!   中央经济工作会议 and 全国两会, anniversaries, study campaigns and each year's framing. The
//!   opening's guiding sentence names the latest of them before the meeting; `wengao lint` flags a
//!   reference to one held after the meeting.
//! - [`expressions`] (`lexicon/expressions.yaml`): standard expressions (规范表述), a wrong or
//!   outdated form and the standard one; `wengao lint` reports them with the fix.
//!
//! - [`budget`]: the national budget's headline figures by year (专项债券, 超长期特别国债,
//!   中央预算内投资), each with its source, quoted by a point on funds or projects after the 两会.
//! - [`season`]: the farming seasons a sentence names (夏粮抢收, 秋粮收购, 春耕) and the months
//!   it can be said in; the planner leaves a measure out of a meeting held out of its season.
//!
//! These are facts of the calendar, not of a meeting: a draft's own numbers and names still come
//! only from its spec. The build script (`build.rs`) reads the three files with the same code,
//! fails the build on a broken one, and compiles what it read into the binary as static data
//! (`compiled`): the binary parses nothing of its lexicon and copies none of its texts (the JSON
//! it parsed before took ~3 M instructions of every `wengao draft`, a twentieth of it). Only the
//! matchers are built, once per process, on first use.

pub mod budget;
pub mod calendar;
pub mod era;
pub mod expressions;
pub mod kinds;
pub mod season;
pub mod spun;
pub mod themes;
pub mod units;

use std::sync::OnceLock;

use serde::Deserialize;

pub use calendar::Calendar;
pub use era::{Era, EraTerm, Span};
pub use expressions::{Expression, Expressions};

/// The data files, as shipped.
pub const ERA_YAML: &str = include_str!("../../lexicon/era.yaml");
pub const CALENDAR_YAML: &str = include_str!("../../lexicon/calendar.yaml");
pub const EXPRESSIONS_YAML: &str = include_str!("../../lexicon/expressions.yaml");

/// A text of the lexicon: in place in the binary (the shipped files) or read from a file.
pub type Text = std::borrow::Cow<'static, str>;
/// A list of texts of the lexicon.
pub type Texts = std::borrow::Cow<'static, [Text]>;

/// Texts read from a file.
fn texts(v: Vec<String>) -> Texts {
    v.into_iter().map(Text::from).collect()
}

/// The shipped files as the build script (`build.rs`) read them, written out as statics of the
/// types below (`ERA`, `EVENTS`, `YEARS`, `GUIDING`, `EXPRESSIONS`). The build script compiles
/// this module too, before they exist: there `built_lexicon!` gives empty lists, and the YAML is
/// read instead.
mod compiled {
    built_lexicon!();
}

/// A date of the compiled lexicon (a valid one: the build script wrote it from a date).
pub(crate) const fn ymd(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
    match chrono::NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("a date of the compiled lexicon"),
    }
}

/// The whole lexicon.
#[derive(Debug)]
pub struct Lexicon {
    pub era: Era,
    pub calendar: Calendar,
    pub expressions: Expressions,
}

/// A file of the lexicon, read from its YAML text and checked by the file's own `from_raw`.
pub trait LexiconFile: Sized {
    /// The file as written.
    type Raw: serde::de::DeserializeOwned;

    /// Check the raw file and build the lexicon part.
    fn from_raw(raw: Self::Raw) -> Result<Self, String>;

    /// Read the YAML file.
    fn parse(text: &str) -> Result<Self, String> {
        Self::from_raw(serde_yaml::from_str(text).map_err(|e| e.to_string())?)
    }
}

impl Lexicon {
    /// Parse the three files (`name` for messages: the file each came from).
    pub fn parse(era: &str, calendar: &str, expressions: &str) -> Result<Lexicon, String> {
        let (era, calendar, expressions) = (
            Era::parse(era),
            Calendar::parse(calendar),
            Expressions::parse(expressions),
        );
        let lexicon = Lexicon {
            era: era.map_err(|e| format!("lexicon/era.yaml: {e}"))?,
            calendar: calendar.map_err(|e| format!("lexicon/calendar.yaml: {e}"))?,
            expressions: expressions.map_err(|e| format!("lexicon/expressions.yaml: {e}"))?,
        };
        Ok(lexicon)
    }

    /// The embedded lexicon: the static data the build script compiled in, in place.
    pub fn embedded() -> Result<Lexicon, String> {
        if compiled::ERA.is_empty() {
            // Only in the build script (no data compiled yet).
            return Self::parse(ERA_YAML, CALENDAR_YAML, EXPRESSIONS_YAML);
        }
        Ok(Lexicon {
            era: Era::new(std::borrow::Cow::Borrowed(compiled::ERA)),
            calendar: Calendar {
                events: std::borrow::Cow::Borrowed(compiled::EVENTS),
                years: std::borrow::Cow::Borrowed(compiled::YEARS),
                guiding: std::borrow::Cow::Borrowed(compiled::GUIDING),
            },
            expressions: Expressions::new(std::borrow::Cow::Borrowed(compiled::EXPRESSIONS)),
        })
    }
}

/// A list of terms, found in a text through an index of the terms by their first character: a
/// character of the text either starts no term (one look-up in a bitmap) or starts a few, each
/// compared in place. The era terms and the wrong expressions are found with it, and the planner
/// finds a sub-topic's words in a phrase with it.
///
/// The lists are tens to a few hundred words of two characters or more (新质生产力, 建国以来).
/// An Aho-Corasick automaton (the `aho-corasick` crate, used here before) found the same matches
/// but took ~5 M instructions to build for the lexicon, more than a whole draft's check spends
/// scanning with this index, which is built in a few thousand; a test holds the two to the same
/// matches.
#[derive(Debug, Clone)]
pub struct TermSet<S: AsRef<str> = String> {
    terms: Vec<S>,
    /// Term indexes sorted by first character, then longest first, then by index: the order in
    /// which the matches starting at one place are reported.
    order: Vec<u32>,
    /// The first characters, sorted, each with where its terms start in `order`.
    firsts: Vec<(char, u32)>,
    /// Bit `c as usize % BITS` is set when some term's first character is `c`.
    bits: [u64; BITS / 64],
}

/// The size of [`TermSet`]'s first-character bitmap.
const BITS: usize = 2048;

impl<S: AsRef<str>> TermSet<S> {
    /// The index of these terms (an empty term is never found).
    pub fn new(terms: Vec<S>) -> TermSet<S> {
        // The sort keys worked out once a term (not once a comparison); each is unique (it
        // ends with the index), so an unstable sort gives the one order.
        let mut keyed: Vec<(char, std::cmp::Reverse<usize>, u32)> = terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let t = t.as_ref();
                Some((t.chars().next()?, std::cmp::Reverse(t.len()), i as u32))
            })
            .collect();
        keyed.sort_unstable();
        let order: Vec<u32> = keyed.iter().map(|&(_, _, i)| i).collect();
        let mut firsts: Vec<(char, u32)> = Vec::new();
        let mut bits = [0u64; BITS / 64];
        for (k, &(c, _, _)) in keyed.iter().enumerate() {
            if firsts.last().is_none_or(|&(f, _)| f != c) {
                firsts.push((c, k as u32));
                let b = c as usize % BITS;
                bits[b / 64] |= 1 << (b % 64);
            }
        }
        TermSet {
            terms,
            order,
            firsts,
            bits,
        }
    }

    /// The terms starting with the character `c`, by index, longest first.
    fn starting(&self, c: char) -> &[u32] {
        let b = c as usize % BITS;
        if self.bits[b / 64] & (1 << (b % 64)) == 0 {
            return &[];
        }
        let Ok(k) = self.firsts.binary_search_by_key(&c, |&(f, _)| f) else {
            return &[];
        };
        let from = self.firsts[k].1 as usize;
        let to = self
            .firsts
            .get(k + 1)
            .map_or(self.order.len(), |&(_, e)| e as usize);
        &self.order[from..to]
    }

    /// Every occurrence of every term in `text` as (start, end, term index), overlapping ones
    /// included, by start, then longest first, then by index.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        self.each_start(text, |at, rest, starting| {
            for &i in starting {
                let t = self.terms[i as usize].as_ref().as_bytes();
                if rest.starts_with(t) {
                    found.push((at, at + t.len(), i as usize));
                }
            }
            false
        });
        found
    }

    /// Call `on` at each place of `text` where some term's first character is, with the rest
    /// of the text's bytes from there and the terms starting with that character; stop when it
    /// returns true. The text is read by bytes: a character's bitmap bit is worked out from its
    /// last bytes (its code point's low bits), and the character itself only where the bit is
    /// set (decoding every character was two thirds of the cost).
    #[inline]
    fn each_start(&self, text: &str, mut on: impl FnMut(usize, &[u8], &[u32]) -> bool) {
        let b = text.as_bytes();
        let mut at = 0;
        while at < b.len() {
            let x = b[at];
            // A str is UTF-8: a first byte is followed by its continuation bytes.
            let low = |k: usize| usize::from(b[at + k] & 0x3f);
            let (len, c) = if x < 0x80 {
                (1, usize::from(x))
            } else if x < 0xe0 {
                (2, (usize::from(x & 0x1f) << 6) | low(1))
            } else if x < 0xf0 {
                (3, (usize::from(x & 0x0f) << 12) | (low(1) << 6) | low(2))
            } else {
                (
                    4,
                    (usize::from(x & 0x07) << 18) | (low(1) << 12) | (low(2) << 6) | low(3),
                )
            };
            let k = c % BITS;
            if self.bits[k / 64] & (1 << (k % 64)) != 0
                && let Some(c) = char::from_u32(c as u32)
            {
                let starting = self.starting(c);
                if !starting.is_empty() && on(at, &b[at..], starting) {
                    return;
                }
            }
            at += len;
        }
    }

    /// The terms, as given.
    pub fn terms(&self) -> &[S] {
        &self.terms
    }

    /// Which of the terms `text` contains, by index.
    pub fn found_in(&self, text: &str) -> Vec<bool> {
        let mut found = vec![false; self.terms.len()];
        self.each_start(text, |_, rest, starting| {
            for &i in starting {
                if rest.starts_with(self.terms[i as usize].as_ref().as_bytes()) {
                    found[i as usize] = true;
                }
            }
            false
        });
        found
    }

    /// Whether `text` contains one of the terms.
    pub fn any_in(&self, text: &str) -> bool {
        let mut any = false;
        self.each_start(text, |_, rest, starting| {
            any = starting
                .iter()
                .any(|&i| rest.starts_with(self.terms[i as usize].as_ref().as_bytes()));
            any
        });
        any
    }
}

impl Lexicon {
    /// The months a text can be said in: by the era of its terms and by the congresses and
    /// plenary sessions it names.
    pub fn span_of(&self, text: &str) -> Span {
        self.era
            .span_of(text)
            .intersect(self.calendar.span_of(text))
    }
}

/// The embedded lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        // The embedded files are checked by this module's tests (`embedded_lexicon_parses`), so
        // a release cannot carry a broken one.
        Lexicon::embedded().unwrap_or_else(|e| panic!("the embedded lexicon is broken: {e}"))
    })
}

/// A month of a year: the precision of the era lexicon (新质生产力 from 2023-09).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    /// The month of a date.
    pub fn of(date: chrono::NaiveDate) -> YearMonth {
        use chrono::Datelike;
        YearMonth::new(date.year(), date.month())
    }

    /// Months since year 0, for compact storage (the phrasebank cache).
    pub fn index(self) -> u32 {
        (self.year.max(0) as u32) * 12 + self.month.clamp(1, 12) - 1
    }

    pub fn from_index(i: u32) -> YearMonth {
        YearMonth::new((i / 12) as i32, i % 12 + 1)
    }

    /// Parse `2023`, `2023-09` or `2023-9`; `end` picks December for a bare year (an inclusive end).
    pub fn parse(s: &str, end: bool) -> Option<YearMonth> {
        let s = s.trim();
        let (y, m) = match s.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (s, None),
        };
        let year: i32 = y.parse().ok().filter(|y| (1900..=2100).contains(y))?;
        let month = match m {
            Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
            None if end => 12,
            None => 1,
        };
        Some(YearMonth::new(year, month))
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}年{}月", self.year, self.month)
    }
}

/// A year or year-month as written in YAML (`2018` or `2018-07`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum When {
    Year(i64),
    Text(String),
}

impl When {
    fn month(&self, end: bool) -> Option<YearMonth> {
        match self {
            When::Year(y) => YearMonth::parse(&y.to_string(), end),
            When::Text(s) => YearMonth::parse(s, end),
        }
    }
}

/// Byte spans of matches found by an automaton, with the shorter ones inside a longer match
/// dropped (常态化疫情防控 is judged as itself, not as 疫情防控), in text order.
fn outermost(mut found: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(found.len());
    for m in found {
        if out
            .iter()
            .any(|o| o.0 <= m.0 && m.1 <= o.1 && (o.1 - o.0) > (m.1 - m.0))
        {
            continue;
        }
        out.push(m);
    }
    out
}

/// Whether a match at `start..end` of `text` is exempted by a context right before or after it.
fn exempt(text: &str, start: usize, end: usize, before: &[Text], after: &[Text]) -> bool {
    before.iter().any(|b| text[..start].ends_with(&**b))
        || after.iter().any(|a| text[end..].starts_with(&**a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let l = Lexicon::parse(ERA_YAML, CALENDAR_YAML, EXPRESSIONS_YAML).unwrap();
        let j = Lexicon::embedded().unwrap();
        assert!(!l.era.terms.is_empty());
        assert!(!l.calendar.events.is_empty());
        assert!(!l.calendar.years.is_empty());
        assert!(!l.calendar.guiding.is_empty());
        assert!(!l.expressions.list.is_empty());
        // The compiled-in data is what the files say, field for field, in place.
        assert!(matches!(j.era.terms, std::borrow::Cow::Borrowed(_)));
        assert_eq!(format!("{:?}", l.era.terms), format!("{:?}", j.era.terms));
        assert_eq!(
            format!("{:?}", l.calendar.events),
            format!("{:?}", j.calendar.events)
        );
        assert_eq!(l.calendar.years, j.calendar.years);
        assert_eq!(
            format!("{:?}", l.calendar.guiding),
            format!("{:?}", j.calendar.guiding)
        );
        assert_eq!(
            format!("{:?}", l.expressions.list),
            format!("{:?}", j.expressions.list)
        );
        // And finds what they find.
        let text = "深入学习贯彻党的二十大精神，加快发展新质生产力，统筹疫情防控和经济社会发展";
        assert_eq!(
            format!("{:?}", l.era.uses(text)),
            format!("{:?}", j.era.uses(text))
        );
        assert!(!j.era.uses(text).is_empty());
    }

    /// The first-character index finds what an Aho-Corasick automaton finds: every occurrence
    /// of every pattern, overlapping ones too (texts made of pieces of the shipped lists).
    #[test]
    fn matcher_finds_what_aho_corasick_finds() {
        use proptest::prelude::*;
        let l = Lexicon::embedded().unwrap();
        for m in [&l.era.matcher, &l.expressions.matcher] {
            let ac = aho_corasick::AhoCorasick::new(m.terms.iter().map(|t| t.as_bytes())).unwrap();
            let pieces: Vec<String> = m
                .terms
                .iter()
                .flat_map(|p| {
                    let cs: Vec<char> = p.chars().collect();
                    let half = cs.len() / 2;
                    [
                        p.to_string(),
                        cs[..half].iter().collect(),
                        cs[half..].iter().collect(),
                    ]
                })
                .chain(["，".into(), "a".into(), "的".into(), "“".into()])
                .collect();
            let texts = proptest::collection::vec(proptest::sample::select(pieces), 0..40);
            let mut runner = proptest::test_runner::TestRunner::deterministic();
            runner
                .run(&texts, |parts| {
                    let text = parts.concat();
                    let mut want: Vec<(usize, usize, usize)> = ac
                        .find_overlapping_iter(&text)
                        .map(|x| (x.start(), x.end(), x.pattern().as_usize()))
                        .collect();
                    want.sort_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
                    prop_assert_eq!(m.find_all(&text), want.clone());
                    prop_assert_eq!(m.any_in(&text), !want.is_empty());
                    let found: Vec<bool> = m.terms().iter().map(|t| text.contains(&**t)).collect();
                    prop_assert_eq!(m.found_in(&text), found);
                    Ok(())
                })
                .unwrap();
        }
        let m = TermSet::new(vec!["疫情防控", "常态化疫情防控", "疫情"]);
        assert_eq!(
            m.find_all("抓好常态化疫情防控"),
            vec![(6, 27, 1), (15, 27, 0), (15, 21, 2)]
        );
    }

    #[test]
    fn year_months_parse_and_order() {
        assert_eq!(
            YearMonth::parse("2023-09", false),
            Some(YearMonth::new(2023, 9))
        );
        assert_eq!(
            YearMonth::parse("2020", true),
            Some(YearMonth::new(2020, 12))
        );
        assert_eq!(
            YearMonth::parse("2020", false),
            Some(YearMonth::new(2020, 1))
        );
        assert_eq!(YearMonth::parse("2020-13", false), None);
        assert!(YearMonth::new(2023, 9) > YearMonth::new(2023, 3));
        let ym = YearMonth::new(2024, 12);
        assert_eq!(YearMonth::from_index(ym.index()), ym);
    }
}
