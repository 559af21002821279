//! Sentences said twice: the same sentence again (`repeat`, an error) and a sentence that says
//! nearly what an earlier one says (`near-duplicate`, a warning).
//!
//! A writer wants one finding per repeated sentence, not one per repeat: a sentence used N times
//! is one `repeat` finding, at its second use, with the count and where it stands again (the
//! first [`LISTED`] lines, then how many more). A repeat is not also a near-duplicate, and only a
//! sentence's first use is indexed for near-duplicates, so text that repeats itself costs what
//! its distinct sentences cost (a text repeating one sentence was ~20× its size in memory when
//! each repeat was two findings quoting it: issue #16).
//!
//! Sentences are the outline parser's ([`crate::corpus::outline::sentences`]: closing quotes
//! stay with their sentence), an enumeration's lead-in kept with its items, trimmed; two
//! sentences are the same when they are equal but for white space.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::corpus::FastHash;

use super::{Finding, is_l1_heading, is_l2_heading};
use crate::corpus::LineSource;

/// A sentence shorter than this (white space aside) may repeat (一要…, 同志们！).
const MIN_REPEAT: usize = 8;
/// A sentence shorter than this is not compared for near-duplicates.
const MIN_NEAR: usize = 15;
/// How many lines of later uses a `repeat` finding lists.
pub(super) const LISTED: usize = 10;
/// How many earlier sentences one sentence is compared with, at most, in [`near_duplicate`].
const NEAR_CANDIDATES: usize = 2_000;

/// The sentences of a line, trimmed, without empty ones: the outline parser's, except that the
/// lead-in it ends at a ：or ； before items (重点抓好以下几项工作：一是…) stays with what follows,
/// as a sentence ends at 。！？ — a speech may open two lists with the same words.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    // The parser's sentences are consecutive slices of the line: `pos` is where the next starts.
    let mut pieces = crate::corpus::outline::sentences(line);
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = pos;
        loop {
            let Some(s) = pieces.next() else {
                return (pos > start).then(|| &line[start..pos]);
            };
            debug_assert_eq!(s.as_ptr(), line[pos..].as_ptr());
            pos += s.len();
            if !s.trim_end().ends_with(['：', '；']) {
                return Some(&line[start..pos]);
            }
        }
    })
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

/// A sentence as compared for repeats: without white space.
fn key(s: &str) -> Cow<'_, str> {
    if s.contains(char::is_whitespace) {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// A sentence used more than once.
struct Repeat<'a> {
    /// The line of its first use.
    first: usize,
    /// The sentence, as its second use has it.
    text: &'a str,
    /// How many times it is used.
    times: usize,
    /// The lines of its later uses, each once, in order.
    lines: Vec<usize>,
}

/// Report every sentence used more than once (one finding each) and, with `near`, every sentence
/// that says nearly what an earlier one says (headings aside; a warning, which `wengao draft`'s
/// own check does not look for).
pub(super) fn check_repeats<'a>(
    lines: &'a (impl LineSource + ?Sized),
    near_duplicates: bool,
    f: &mut Vec<Finding>,
) {
    // Each sentence seen: its first line, and its place in `repeats` once it repeats.
    let mut seen: HashMap<Cow<'a, str>, (usize, Option<usize>), FastHash> = HashMap::default();
    let mut repeats: Vec<Repeat<'a>> = Vec::new();
    let mut near = NearIndex::default();
    for (i, l) in lines.iter().enumerate() {
        let line = i + 1;
        let heading = is_l1_heading(l) || is_l2_heading(l);
        for s in sentences(l) {
            let k = key(s);
            if k.chars().count() < MIN_REPEAT {
                continue;
            }
            match seen.get_mut(&k) {
                Some((first, at)) => {
                    let r = match at {
                        Some(r) => &mut repeats[*r],
                        None => {
                            *at = Some(repeats.len());
                            repeats.push(Repeat {
                                first: *first,
                                text: s,
                                times: 1,
                                lines: Vec::new(),
                            });
                            repeats.last_mut().expect("just pushed")
                        }
                    };
                    r.times += 1;
                    if r.lines.last() != Some(&line) {
                        r.lines.push(line);
                    }
                }
                None => {
                    seen.insert(k, (line, None));
                    if !heading && near_duplicates {
                        near.check(line, s, f);
                    }
                }
            }
        }
    }
    for r in repeats {
        f.push(Finding::error("repeat", r.lines[0], repeat_message(&r)));
    }
}

/// 「used twice (first at line 3)」, or with more uses their count and lines.
fn repeat_message(r: &Repeat<'_>) -> String {
    if r.times == 2 {
        return format!(
            "this sentence is used twice (first at line {}): {}",
            r.first, r.text
        );
    }
    let mut at: Vec<String> = r.lines.iter().take(LISTED).map(usize::to_string).collect();
    if r.lines.len() > LISTED {
        at.push(format!("and {} more lines", r.lines.len() - LISTED));
    }
    let again = if r.lines.len() == 1 { "line" } else { "lines" };
    format!(
        "this sentence is used {} times (first at line {}, again at {again} {}): {}",
        r.times,
        r.first,
        at.join(", "),
        r.text
    )
}

/// The sentences seen so far, for near-duplicates: sentence → its line and character pairs,
/// pair → the sentences holding it.
#[derive(Default)]
struct NearIndex {
    sents: Vec<(usize, Vec<(char, char)>)>,
    by_pair: HashMap<(char, char), Vec<u32>, FastHash>,
}

impl NearIndex {
    /// Report sentence `s` of `line` when it says nearly what an earlier one says, and index it.
    fn check(&mut self, line: usize, s: &str, f: &mut Vec<Finding>) {
        if s.chars().count() < MIN_NEAR {
            return;
        }
        let ps = crate::prose::pairs(s);
        let k = u32::try_from(self.sents.len()).unwrap_or(u32::MAX);
        if let Some(j) = near_duplicate(&ps, &self.sents, &self.by_pair) {
            f.push(Finding::warning(
                "near-duplicate",
                line,
                format!(
                    "this sentence says nearly what line {} says: {s}",
                    self.sents[j].0
                ),
            ));
        }
        for p in &ps {
            self.by_pair.entry(*p).or_default().push(k);
        }
        self.sents.push((line, ps));
    }
}

/// An earlier sentence at least [`crate::prose::NEAR`] alike with the one of pairs `ps`.
///
/// Linear, not quadratic, on long repetitive text (counting every earlier sentence sharing any
/// pair made 8 MB of speech take minutes): two sentences that alike share at least
/// `need = ⌈NEAR·|ps|⌉` pairs, so any `|ps| - need + 1` of `ps` hold one of them. Those are taken
/// rarest first, the sentences holding them are the candidates (at most [`NEAR_CANDIDATES`]), and
/// each is checked exactly.
fn near_duplicate(
    ps: &[(char, char)],
    sents: &[(usize, Vec<(char, char)>)],
    by_pair: &HashMap<(char, char), Vec<u32>, FastHash>,
) -> Option<usize> {
    if ps.is_empty() {
        return None;
    }
    let mut order: Vec<(usize, &(char, char))> = ps
        .iter()
        .map(|p| (by_pair.get(p).map_or(0, Vec::len), p))
        .collect();
    order.sort_unstable();
    let need = (crate::prose::NEAR * ps.len() as f64 - 1e-9).ceil() as usize;
    let probe = ps.len() + 1 - need.clamp(1, ps.len());
    let mut seen: HashSet<u32, FastHash> = HashSet::default();
    for (_, p) in &order[..probe] {
        for &j in by_pair.get(*p).map(Vec::as_slice).unwrap_or(&[]) {
            if !seen.insert(j) {
                continue;
            }
            if seen.len() > NEAR_CANDIDATES {
                return None;
            }
            let j = j as usize;
            if crate::prose::alike(ps, &sents[j].1) >= crate::prose::NEAR {
                return Some(j);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{LISTED, check_repeats};
    use crate::corpus::TextLines;

    fn findings(text: &str) -> Vec<super::Finding> {
        let mut f = Vec::new();
        check_repeats(&TextLines(text), true, &mut f);
        f
    }

    #[test]
    fn a_sentence_used_twice_is_one_finding_at_its_second_use() {
        let f = findings("要抓好项目建设工作。\n别的话也要说清楚。\n要抓好项目建设工作。\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].rule, f[0].line), ("repeat", 3));
        assert_eq!(
            f[0].message,
            "this sentence is used twice (first at line 1): 要抓好项目建设工作。"
        );
    }

    #[test]
    fn many_uses_are_one_finding_with_the_count_and_the_lines() {
        let text = "要抓好项目建设工作。\n".repeat(100);
        let f = findings(&text);
        assert_eq!(f.len(), 1, "{f:?}");
        let listed: Vec<String> = (2..2 + LISTED).map(|n| n.to_string()).collect();
        assert_eq!(
            f[0].message,
            format!(
                "this sentence is used 100 times (first at line 1, again at lines {}, and 89 more lines): 要抓好项目建设工作。",
                listed.join(", ")
            )
        );
        // One line that says it all again and again: its line once.
        let one = "同志们，要抓好项目建设，扩大有效投资。".repeat(1000);
        let f = findings(&one);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.starts_with(
                "this sentence is used 1000 times (first at line 1, again at line 1):"
            ),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_repeat_is_not_also_a_near_duplicate_but_a_near_one_is() {
        let f = findings(
            "全面推进重点项目建设，确保全年投资目标顺利完成。\n全面推进重点项目建设，确保全年投资目标顺利完成。\n全面推进重点项目建设，确保全年投资目标圆满完成。\n",
        );
        let rules: Vec<(&str, usize)> = f.iter().map(|x| (x.rule, x.line)).collect();
        assert_eq!(rules, [("near-duplicate", 3), ("repeat", 2)], "{f:?}");
    }

    #[test]
    fn a_lead_in_to_items_is_not_a_sentence_of_its_own() {
        let f = findings(
            "重点抓好以下几项工作：一是抓项目。二是抓招商。\n重点抓好以下几项工作：一是抓改革。\n",
        );
        assert!(f.iter().all(|x| x.rule != "repeat"), "{f:?}");
        let f = findings(
            "重点抓好以下几项工作：一是抓项目。\n重点抓好以下几项工作：一是抓项目。\n同志们：\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.ends_with("重点抓好以下几项工作：一是抓项目。"),
            "{f:?}"
        );
    }

    #[test]
    fn white_space_and_closing_quotes_do_not_make_another_sentence() {
        let f = findings("他说：“要抓好项目建设。”然后走了。\n他说：“要抓好项目 建设。”\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 2);
    }
}
