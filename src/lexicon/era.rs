//! The era lexicon (`lexicon/era.yaml`): which months a term of official usage belongs to.
//!
//! A term is *used* in a text when it occurs there, is not inside a longer term found at the same
//! place (常态化疫情防控 is judged as itself), and is not exempted by its context (脱贫攻坚 after
//! 巩固拓展 or before 成果 looks back, which any later year may do). A text's era is the
//! intersection of its used terms' spans; an entry, a sentence or a draft is out of era at a month
//! outside it.

use serde::Deserialize;

use super::{Text, Texts, When, YearMonth, exempt, outermost, texts};

/// One term as written in `lexicon/era.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: String,
    #[serde(default)]
    from: Option<When>,
    #[serde(default)]
    until: Option<When>,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    exempt_before: Vec<String>,
    #[serde(default)]
    exempt_after: Vec<String>,
    #[serde(default)]
    note: String,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
/// The file as written (the lexicon reads it through [`super::LexiconFile`]).
pub struct RawFile {
    terms: Vec<RawTerm>,
}

/// An inclusive span of months; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub from: Option<YearMonth>,
    pub until: Option<YearMonth>,
}

impl Span {
    /// Every month.
    pub const ALWAYS: Span = Span {
        from: None,
        until: None,
    };

    pub fn contains(&self, at: YearMonth) -> bool {
        self.from.is_none_or(|f| f <= at) && self.until.is_none_or(|u| at <= u)
    }

    /// Whether it contains some month of `year`.
    pub fn meets_year(&self, year: i32) -> bool {
        self.from.is_none_or(|f| f.year <= year) && self.until.is_none_or(|u| year <= u.year)
    }

    pub fn is_always(&self) -> bool {
        self.from.is_none() && self.until.is_none()
    }

    /// The months both contain (possibly none: see [`Span::is_empty`]).
    pub fn intersect(self, o: Span) -> Span {
        Span {
            from: match (self.from, o.from) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            },
            until: match (self.until, o.until) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!((self.from, self.until), (Some(f), Some(u)) if f > u)
    }

    /// Written as years, as a phrasebank entry's `years:` is (`2023-`, `2020-2022`, `-2020`).
    pub fn as_years(&self) -> String {
        match (self.from, self.until) {
            (None, None) => String::new(),
            (Some(f), None) => format!("{}-", f.year),
            (None, Some(u)) => format!("-{}", u.year),
            (Some(f), Some(u)) if f.year == u.year => f.year.to_string(),
            (Some(f), Some(u)) => format!("{}-{}", f.year, u.year),
        }
    }
}

impl std::fmt::Display for Span {
    /// 2023年9月起 · 2020年1月至2022年12月 · 2020年12月前
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.from, self.until) {
            (None, None) => write!(f, "任何时候"),
            (Some(a), None) => write!(f, "{a}起"),
            (None, Some(b)) => write!(f, "{b}前"),
            (Some(a), Some(b)) => write!(f, "{a}至{b}"),
        }
    }
}

/// One term and its era.
#[derive(Debug, Clone)]
pub struct EraTerm {
    pub term: Text,
    pub span: Span,
    pub also: Texts,
    pub exempt_before: Texts,
    pub exempt_after: Texts,
    pub note: Text,
    pub source: Text,
}

/// A term used in a text: the term and the byte range of the use.
#[derive(Debug, Clone, Copy)]
pub struct Use<'a> {
    pub term: &'a EraTerm,
    pub start: usize,
    pub end: usize,
}

/// The era lexicon with its matcher.
#[derive(Debug)]
pub struct Era {
    pub terms: std::borrow::Cow<'static, [EraTerm]>,
    pub(super) matcher: super::TermSet<Text>,
    /// The term of each pattern (a term and its `also` spellings).
    pattern_term: Vec<usize>,
}

impl super::LexiconFile for Era {
    type Raw = RawFile;

    fn from_raw(raw: RawFile) -> Result<Era, String> {
        Era::from_raw(raw)
    }
}

impl Era {
    fn from_raw(raw: RawFile) -> Result<Era, String> {
        let mut terms = Vec::with_capacity(raw.terms.len());
        let mut seen = std::collections::HashSet::new();
        for r in raw.terms {
            let bad = |what: &str| format!("term `{}`: {what}", r.term);
            if r.term.chars().count() < 2 {
                return Err(bad("a term has two characters at least"));
            }
            if !seen.insert(r.term.clone()) {
                return Err(bad("listed twice"));
            }
            if r.source.trim().is_empty() {
                return Err(bad("no source"));
            }
            let from = match &r.from {
                None => None,
                Some(w) => Some(w.month(false).ok_or_else(|| bad("bad `from`"))?),
            };
            let until = match &r.until {
                None => None,
                Some(w) => Some(w.month(true).ok_or_else(|| bad("bad `until`"))?),
            };
            let span = Span { from, until };
            if span.is_empty() {
                return Err(bad("`until` is before `from`"));
            }
            terms.push(EraTerm {
                term: r.term.into(),
                span,
                also: texts(r.also),
                exempt_before: texts(r.exempt_before),
                exempt_after: texts(r.exempt_after),
                note: r.note.into(),
                source: r.source.into(),
            });
        }
        Ok(Era::new(terms.into()))
    }

    /// The era of these (checked) terms, with its matcher.
    pub(super) fn new(terms: std::borrow::Cow<'static, [EraTerm]>) -> Era {
        let mut patterns = Vec::new();
        let mut pattern_term = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            for p in std::iter::once(&t.term).chain(t.also.iter()) {
                patterns.push(p.clone());
                pattern_term.push(i);
            }
        }
        Era {
            terms,
            matcher: super::TermSet::new(patterns),
            pattern_term,
        }
    }

    /// Whether a term (or an `also` spelling) is listed.
    pub fn knows(&self, term: &str) -> bool {
        self.terms
            .iter()
            .any(|t| t.term == term || t.also.iter().any(|a| a == term))
    }

    /// The terms a text uses, in text order (see the module doc for what counts as a use).
    pub fn uses<'a>(&'a self, text: &str) -> Vec<Use<'a>> {
        let mut found = self.matcher.find_all(text);
        for m in &mut found {
            m.2 = self.pattern_term[m.2];
        }
        if found.is_empty() {
            return Vec::new();
        }
        outermost(found)
            .into_iter()
            .filter_map(|(start, end, t)| {
                let term = &self.terms[t];
                (!exempt(text, start, end, &term.exempt_before, &term.exempt_after))
                    .then_some(Use { term, start, end })
            })
            .collect()
    }

    /// The months a text can be said in: the intersection of its terms' spans (always, when it
    /// uses none; possibly empty, when its terms belong to different eras).
    pub fn span_of(&self, text: &str) -> Span {
        self.uses(text)
            .iter()
            .fold(Span::ALWAYS, |s, u| s.intersect(u.term.span))
    }

    /// The terms a text uses out of their era at `at`.
    pub fn out_of_era<'a>(&'a self, text: &str, at: YearMonth) -> Vec<Use<'a>> {
        let mut v = self.uses(text);
        v.retain(|u| !u.term.span.contains(at));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::super::LexiconFile;
    use super::*;

    const SAMPLE: &str = "terms:
  - term: 脱贫攻坚
    until: 2020
    exempt_before: [巩固拓展]
    exempt_after: [成果]
    source: s
  - term: 疫情防控
    from: 2020-01
    until: 2022-12
    source: s
  - term: 常态化疫情防控
    from: 2020-05
    until: 2022-12
    source: s
  - term: 新质生产力
    from: 2023-09
    also: [新质生产]
    source: s
";

    #[test]
    fn uses_judge_context_and_the_longer_term() {
        let era = Era::parse(SAMPLE).unwrap();
        assert!(
            era.uses("巩固拓展脱贫攻坚成果同乡村振兴有效衔接")
                .is_empty()
        );
        let u = era.uses("坚决打赢脱贫攻坚战");
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].term.term, "脱贫攻坚");
        let u = era.uses("毫不放松抓好常态化疫情防控");
        assert_eq!(
            u.len(),
            1,
            "the shorter term inside the longer is not judged apart"
        );
        assert_eq!(u[0].term.term, "常态化疫情防控");
        assert_eq!(
            era.uses("发展新质生产力").len(),
            1,
            "also-spellings do not double"
        );
    }

    #[test]
    fn spans_are_months() {
        let era = Era::parse(SAMPLE).unwrap();
        let at = |y, m| YearMonth::new(y, m);
        assert_eq!(
            era.out_of_era("因地制宜发展新质生产力", at(2023, 3)).len(),
            1
        );
        assert!(
            era.out_of_era("因地制宜发展新质生产力", at(2023, 10))
                .is_empty()
        );
        let s = era.span_of("统筹疫情防控和经济社会发展");
        assert_eq!(s.as_years(), "2020-2022");
        assert!(era.span_of("疫情防控，新质生产力").is_empty());
        assert!(era.span_of("扎实推进").is_always());
        assert_eq!(s.to_string(), "2020年1月至2022年12月");
    }

    #[test]
    fn bad_files_are_refused() {
        assert!(Era::parse("terms:\n  - term: 新\n    source: s\n").is_err());
        assert!(Era::parse("terms:\n  - term: 新质\n    source: ''\n").is_err());
        assert!(
            Era::parse("terms:\n  - term: 新质\n    from: 2024\n    until: 2023\n    source: s\n")
                .is_err()
        );
        assert!(Era::parse("terms:\n  - term: 新质\n    source: s\n    colour: red\n").is_err());
    }
}
