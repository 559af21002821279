//! Rules read line by line: template residue and placeholders, half-width punctuation between
//! Chinese characters, balanced quotes and brackets.

use super::Finding;
use crate::corpus::LineSource;
use crate::text::is_han;

/// The first `{slot}` of a line, by the phrasebank's one slot scanner.
fn first_slot(l: &str) -> Option<&str> {
    crate::phrasebank::slots_of(l).first().copied()
}

pub(super) fn check_lines(
    lines: &(impl LineSource + ?Sized),
    spec_texts: &[String],
    f: &mut Vec<Finding>,
) {
    for (i, l) in lines.iter().enumerate() {
        let n = i + 1;
        // The spec's own text is the writer's: `{{ … }}` there is literal, not residue.
        let own: String;
        let suspicious = l.contains(['{', '}', 'X', 'x', '*', '【']);
        let l: &str = if suspicious
            && spec_texts
                .iter()
                .any(|t| !t.is_empty() && l.contains(t.as_str()))
        {
            // Every place of every spec text, found in the line as written (masking one text
            // first could break another that overlaps it: a theme 项目建设 inside a heading on the
            // topic {{ 7*7 }}项目 left its braces to read as residue).
            let mut mine = vec![false; l.len()];
            for t in spec_texts.iter().filter(|t| !t.is_empty()) {
                for (at, _) in l.match_indices(t.as_str()) {
                    mine[at..at + t.len()].fill(true);
                }
            }
            let mut s = String::with_capacity(l.len());
            for (at, c) in l.char_indices() {
                if !mine[at] {
                    s.push(c);
                } else if at == 0 || !mine[at - 1] {
                    s.push('｜');
                }
            }
            own = s;
            &own
        } else {
            l
        };
        // Every residue pattern opens with one of the suspicious characters.
        if suspicious {
            for (pat, what) in [
                ("XX", "placeholder XX"),
                ("xx", "placeholder xx"),
                ("**", "placeholder **"),
                ("{{", "template residue {{"),
                ("}}", "template residue }}"),
                ("{%", "template residue {%"),
                ("【待补", "a 【待补】 marker to fill"),
            ] {
                if l.contains(pat) {
                    f.push(Finding::error("residue", n, what.to_string()));
                }
            }
            if let Some(slot) = first_slot(l) {
                f.push(Finding::error(
                    "residue",
                    n,
                    format!("unfilled slot {{{slot}}}"),
                ));
            }
        }
        // One pass over the line: the first half-width mark between Chinese characters, and the
        // depth of each pair of marks.
        const PAIRS: [(char, char, &str); 4] = [
            ('“', '”', "quotes “”"),
            ('（', '）', "brackets （）"),
            ('《', '》', "title marks 《》"),
            ('【', '】', "brackets 【】"),
        ];
        let mut depth = [0i32; 4];
        let mut bad = [false; 4];
        let mut half: Option<[char; 3]> = None;
        let (mut a, mut b) = ('\0', '\0');
        for c in l.chars() {
            if half.is_none()
                && matches!(b, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')')
                && is_han(a)
                && is_han(c)
            {
                half = Some([a, b, c]);
            }
            (a, b) = (b, c);
            for (k, (open, close, _)) in PAIRS.iter().enumerate() {
                if c == *open {
                    depth[k] += 1;
                } else if c == *close {
                    depth[k] -= 1;
                    if depth[k] < 0 {
                        bad[k] = true;
                    }
                }
            }
        }
        if let Some([x, y, z]) = half {
            f.push(Finding::error(
                "punctuation",
                n,
                format!("half-width `{y}` between Chinese characters ({x}{y}{z})"),
            ));
        }
        for (k, (_, _, what)) in PAIRS.iter().enumerate() {
            if bad[k] || depth[k] != 0 {
                f.push(Finding::error("balance", n, format!("unbalanced {what}")));
            }
        }
    }
}
