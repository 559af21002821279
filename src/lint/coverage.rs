//! With a spec: every fact, topic, lead, support unit, deadline, purpose and call present, and
//! every Arabic number one the spec or the date gives.

use super::Finding;
use crate::corpus::LineSource;
use crate::spec::ValidSpec;
use std::collections::HashSet;

/// Arabic numbers in a text: runs of digits, with a decimal point inside.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Read by bytes: a digit and a point are ASCII, and no byte of another character is one.
    let b = text.as_bytes();
    if !b.iter().any(u8::is_ascii_digit) {
        return out;
    }
    let mut start: Option<usize> = None;
    for (i, &c) in b.iter().enumerate() {
        let on = c.is_ascii_digit()
            || (c == b'.' && start.is_some() && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        match (on, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(text[s..i].to_string());
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(text[s..].to_string());
    }
    out
}

pub(super) fn check_coverage(
    text: &str,
    lines: &(impl LineSource + ?Sized),
    vs: &ValidSpec,
    f: &mut Vec<Finding>,
) {
    let spec = &vs.spec;
    // The text without its white space (pieces copied whole, not a character at a time).
    let mut flat = String::with_capacity(text.len());
    for piece in text.split_whitespace() {
        flat.push_str(piece);
    }
    let has = |s: &str| {
        let s: String = crate::plan::clause(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        s.is_empty() || flat.contains(&s)
    };
    let mut missing = |what: String, value: &str| {
        if !has(value) {
            f.push(Finding::error(
                "coverage",
                0,
                format!("{what} `{value}` is missing from the draft"),
            ));
        }
    };
    for p in &spec.meeting.purposes {
        missing("purpose".into(), p.as_str());
    }
    for (si, s) in spec.sections.iter().enumerate() {
        if let Some(t) = &s.title {
            missing(format!("sections[{si}].title"), t.as_str());
        }
        for (pi, p) in s.points.iter().enumerate() {
            let base = format!("sections[{si}].points[{pi}]");
            missing(format!("{base}.topic"), p.topic.as_str());
            if let Some(t) = &p.title {
                missing(format!("{base}.title"), t.as_str());
            }
            for x in &p.facts {
                missing(format!("{base}.facts"), x.as_str());
            }
            if let Some(l) = &p.lead {
                missing(format!("{base}.lead"), l.as_str());
            }
            if let Some(l) = &p.leader {
                missing(format!("{base}.leader"), l.as_str());
            }
            for x in &p.support {
                missing(format!("{base}.support"), x.as_str());
            }
            for x in &p.tasks {
                missing(format!("{base}.tasks"), x.as_str());
            }
            if let Some(d) = vs
                .deadlines
                .get(si)
                .and_then(|v| v.get(pi))
                .copied()
                .flatten()
            {
                let when = crate::numerals::deadline_cn(d, vs.year());
                missing(format!("{base}.deadline"), &when);
            }
        }
    }
    if let Some(c) = spec.closing.as_ref().and_then(|c| c.call.as_ref()) {
        missing("closing.call".into(), c.as_str());
    }
    // Every Arabic number must come from the spec or the meeting date.
    let mut allowed: HashSet<String> = HashSet::new();
    crate::spec::for_each_text(spec, &mut |_, t| {
        allowed.extend(numbers(t.as_str()));
        // Dates in the spec also show as their parts (2024-06-30 → 2024, 6, 30).
        if let Some(d) = crate::spec::parse_date(t.as_str()) {
            use chrono::Datelike;
            allowed.insert(d.year().to_string());
            allowed.insert(d.month().to_string());
            allowed.insert(d.day().to_string());
        }
    });
    {
        use chrono::Datelike;
        allowed.insert(vs.date.year().to_string());
        allowed.insert(vs.date.month().to_string());
        allowed.insert(vs.date.day().to_string());
        allowed.insert((vs.date.year() - 1).to_string());
        allowed.insert((vs.date.year() + 1).to_string());
        // The national budget's figures of the meeting's year are facts of the calendar (the
        // lexicon has them with their sources), said once the 两会 has closed.
        if let Some(b) =
            crate::lexicon::budget::quoted_at(vs.date.year(), vs.date.month(), vs.date.day())
        {
            for f in [b.special_bonds, b.ultra_long_bonds, b.central_investment]
                .into_iter()
                .flatten()
            {
                allowed.extend(numbers(f));
            }
        }
    }
    for (i, l) in lines.iter().enumerate() {
        for n in numbers(l) {
            if !allowed.contains(&n) {
                f.push(Finding::error(
                    "number",
                    i + 1,
                    format!("the number {n} is not in the spec: a draft must not invent figures"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The numbers as first written: the text's characters, a run of digits with a point
    /// inside.
    fn numbers_by_chars(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if c.is_ascii_digit()
                || (*c == '.'
                    && !cur.is_empty()
                    && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
            {
                cur.push(*c);
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    proptest::proptest! {
        /// Read by bytes, the same numbers as read by characters.
        #[test]
        fn numbers_by_bytes_are_the_numbers_by_characters(text in "[0-9.．。增长亿元%a ３]{0,30}") {
            proptest::prop_assert_eq!(super::numbers(&text), numbers_by_chars(&text));
        }
    }
}
