//! Standard expressions (`lexicon/expressions.yaml`, 规范表述): a wrong or outdated form and the
//! standard one, each with its source. Matched as plain substrings; a hit is not one when the text
//! right before it ends with an `exempt_before` string or the text after starts with an
//! `exempt_after` one (“十四五” carries its quotes), and a dated pair (新冠肺炎 → 新冠病毒感染 from
//! 2022-12-26) only applies to speeches on or after its day.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Text, Texts, exempt, outermost};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpression {
    wrong: String,
    right: String,
    #[serde(default)]
    exempt_before: Vec<String>,
    #[serde(default)]
    exempt_after: Vec<String>,
    #[serde(default)]
    applies_from: Option<String>,
    /// The curators' grouping (theory, party, dated, social …).
    #[serde(default)]
    category: String,
    /// high: a written rule was found; medium: consistent official usage.
    #[serde(default)]
    confidence: String,
    #[serde(default)]
    note: String,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
/// The file as written (the lexicon reads it through [`super::LexiconFile`]).
pub struct RawFile {
    #[serde(default)]
    #[allow(dead_code)]
    meta: Option<serde_yaml::Value>,
    expressions: Vec<RawExpression>,
}

/// One pair.
#[derive(Debug, Clone)]
pub struct Expression {
    pub wrong: Text,
    pub right: Text,
    pub exempt_before: Texts,
    pub exempt_after: Texts,
    /// Only speeches on or after this day are held to it.
    pub applies_from: Option<NaiveDate>,
    pub category: Text,
    pub confidence: Text,
    pub note: Text,
    pub source: Text,
}

/// The list with its matcher.
#[derive(Debug)]
pub struct Expressions {
    pub list: std::borrow::Cow<'static, [Expression]>,
    pub(super) matcher: super::TermSet<Text>,
}

impl super::LexiconFile for Expressions {
    type Raw = RawFile;

    fn from_raw(raw: RawFile) -> Result<Expressions, String> {
        Expressions::from_raw(raw)
    }
}

impl Expressions {
    fn from_raw(raw: RawFile) -> Result<Expressions, String> {
        let mut list = Vec::with_capacity(raw.expressions.len());
        let mut seen = std::collections::HashSet::new();
        for r in raw.expressions {
            let bad = |what: &str| format!("expression `{}`: {what}", r.wrong);
            if r.wrong.chars().count() < 2 || r.wrong == r.right {
                return Err(bad(
                    "the wrong form has two characters at least and differs",
                ));
            }
            if !seen.insert(r.wrong.clone()) {
                return Err(bad("listed twice"));
            }
            if r.source.trim().is_empty() {
                return Err(bad("no source"));
            }
            let applies_from = match &r.applies_from {
                Some(d) => Some(
                    NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                        .map_err(|_| bad("bad `applies_from` (write 2022-12-26)"))?,
                ),
                None => None,
            };
            list.push(Expression {
                wrong: r.wrong.into(),
                right: r.right.into(),
                exempt_before: super::texts(r.exempt_before),
                exempt_after: super::texts(r.exempt_after),
                applies_from,
                category: r.category.into(),
                confidence: r.confidence.into(),
                note: r.note.into(),
                source: r.source.into(),
            });
        }
        Ok(Expressions::new(list.into()))
    }

    /// These (checked) expressions, with their matcher.
    pub(super) fn new(list: std::borrow::Cow<'static, [Expression]>) -> Expressions {
        let matcher = super::TermSet::new(list.iter().map(|e| e.wrong.clone()).collect());
        Expressions { list, matcher }
    }

    /// The text with each wrong form it uses put right (纠治四风 → 纠治“四风”): for words the
    /// planner says of its own, such as a sub-topic's name as an implicit point's topic.
    pub fn standardize(&self, text: &str, on: Option<NaiveDate>) -> String {
        let mut out = text.to_string();
        for (e, at) in self.find(text, on).into_iter().rev() {
            out.replace_range(at..at + e.wrong.len(), &e.right);
        }
        out
    }

    /// The wrong forms a text uses (on `on`, when the speech's date is known), with their byte
    /// offsets, in text order.
    pub fn find<'a>(&'a self, text: &str, on: Option<NaiveDate>) -> Vec<(&'a Expression, usize)> {
        let found = self.matcher.find_all(text);
        if found.is_empty() {
            return Vec::new();
        }
        outermost(found)
            .into_iter()
            .filter_map(|(start, end, i)| {
                let e = &self.list[i];
                let dated_out = match (e.applies_from, on) {
                    (Some(from), Some(on)) => on < from,
                    // A dated pair is not judged without the speech's date.
                    (Some(_), None) => true,
                    (None, _) => false,
                };
                (!dated_out && !exempt(text, start, end, &e.exempt_before, &e.exempt_after))
                    .then_some((e, start))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::LexiconFile;
    use super::*;

    #[test]
    fn a_name_is_said_in_its_standard_form() {
        let e = &crate::lexicon::lexicon().expressions;
        assert_eq!(e.standardize("纠治四风", None), "纠治“四风”");
        assert_eq!(e.standardize("纠治“四风”", None), "纠治“四风”");
        assert_eq!(e.standardize("审计监督", None), "审计监督");
    }

    const SAMPLE: &str = "expressions:
  - {wrong: 建国以来, right: 新中国成立以来, source: s}
  - {wrong: 十四五, right: “十四五”, exempt_before: [“], source: s}
  - {wrong: 新冠肺炎, right: 新冠病毒感染, applies_from: '2022-12-26', source: s}
";

    #[test]
    fn finds_wrong_forms_with_their_context_and_date() {
        let x = Expressions::parse(SAMPLE).unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(x.find("建国以来的最好水平", None).len(), 1);
        assert!(x.find("新中国成立以来", None).is_empty());
        assert!(x.find("“十四五”规划", None).is_empty());
        assert_eq!(x.find("十四五规划", None)[0].0.right, "“十四五”");
        assert!(x.find("新冠肺炎疫情", d("2021-03-01")).is_empty());
        assert_eq!(x.find("新冠肺炎疫情", d("2023-03-01")).len(), 1);
    }

    #[test]
    fn bad_files_are_refused() {
        assert!(
            Expressions::parse("expressions:\n  - {wrong: 建国, right: 建国, source: s}\n")
                .is_err()
        );
        assert!(
            Expressions::parse(
                "expressions:\n  - {wrong: 建国, right: x, source: s, applies_from: soon}\n"
            )
            .is_err()
        );
    }
}
