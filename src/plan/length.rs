//! Length: how many characters a plan holds, and trimming the deepest elaboration one sentence at
//! a time until the draft meets `output.length` (the planner never pads).

use super::*;

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

pub(super) fn sentences_len(v: &[Sentence]) -> usize {
    v.iter().map(|s| char_len(&s.text)).sum()
}

pub(super) fn sections_len(sections: &[SectionPlan]) -> usize {
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
                            + sentences_len(&p.tasks)
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
pub(super) fn trim_one(sections: &mut [SectionPlan]) -> Option<usize> {
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
pub(super) fn trim_measures(sections: &mut [SectionPlan], floor: usize) -> Option<usize> {
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
pub(super) fn trim_items(sections: &mut [SectionPlan]) -> Option<usize> {
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

pub(super) fn part_len(p: &Part) -> usize {
    char_len(&p.heading)
        + 3
        + p.body.iter().map(paragraph_len).sum::<usize>()
        + p.parts.iter().map(part_len).sum::<usize>()
        + p.items
            .iter()
            .map(|it| char_len(&it.lead) + 3 + paragraph_len(&it.body))
            .sum::<usize>()
}

pub(super) fn paragraph_len(p: &Paragraph) -> usize {
    sentences_len(&p.sentences)
}
