//! Find where a field path sits in a YAML text.
//!
//! serde tells us the line and column of a parse error, but validation runs after parsing, on
//! typed values that no longer know where they were written. To point a writer at
//! `sections[6].theme` we look the path up in the text itself. Block-style YAML (what people write
//! by hand) is located exactly; inside flow style (`[a, b]`, `{k: v}`) we point at the nearest key
//! we can find. Keys match any of their names, so Chinese aliases (主题 for theme) are found too.

/// One step of a field path.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    /// A mapping key, with every name it may be written under.
    Key(&'a [&'a str]),
    /// A sequence index.
    Index(usize),
}

#[derive(Debug, Clone)]
struct Token<'s> {
    line: usize,   // 1-based
    indent: usize, // in characters
    text: &'s str,
    dash: bool,
}

fn tokens(src: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let trimmed = raw.trim_start_matches([' ', '\t']);
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
            continue;
        }
        let mut indent = raw.chars().count() - trimmed.chars().count();
        let mut rest = trimmed;
        while rest == "-" || rest.starts_with("- ") {
            out.push(Token {
                line: i + 1,
                indent,
                text: "-",
                dash: true,
            });
            let after = rest[1..].trim_start_matches(' ');
            indent += rest.chars().count() - after.chars().count();
            rest = after;
            if rest.is_empty() {
                break;
            }
        }
        if !rest.is_empty() {
            out.push(Token {
                line: i + 1,
                indent,
                text: rest,
                dash: false,
            });
        }
    }
    out
}

fn key_of(text: &str) -> Option<&str> {
    let t = text.trim_start_matches('{');
    let colon = t.find(':')?;
    let key = t[..colon].trim().trim_matches(['"', '\'']);
    Some(key)
}

/// The 1-based (line, column) of the value at `path`, or of the deepest part of it found.
pub fn locate(src: &str, path: &[Seg<'_>]) -> Option<(usize, usize)> {
    let toks = tokens(src);
    let (mut lo, mut hi) = (0usize, toks.len());
    let mut found: Option<(usize, usize)> = None;
    for seg in path {
        let block = &toks[lo..hi];
        let Some(min_indent) = block.iter().map(|t| t.indent).min() else {
            break;
        };
        let mut hit = None;
        match seg {
            Seg::Key(names) => {
                for (i, t) in block.iter().enumerate() {
                    if t.indent == min_indent
                        && !t.dash
                        && key_of(t.text).is_some_and(|k| names.contains(&k))
                    {
                        hit = Some(i);
                        break;
                    }
                }
            }
            Seg::Index(n) => {
                let mut count = 0;
                for (i, t) in block.iter().enumerate() {
                    if t.indent == min_indent && t.dash {
                        if count == *n {
                            hit = Some(i);
                            break;
                        }
                        count += 1;
                    }
                }
            }
        }
        let Some(i) = hit else { break };
        let t = &block[i];
        found = Some((t.line, t.indent + 1));
        // The child block: following tokens deeper than this one (same-line tokens after a dash
        // are deeper by construction).
        let start = lo + i + 1;
        let mut end = start;
        while end < hi && toks[end].indent > t.indent {
            end += 1;
        }
        // A key whose value sits on the same line has no child block; stay on it.
        if start == end {
            if let Seg::Index(_) = seg {
                break;
            }
            // Point at the value when it is inline: `key: value`.
            if let Some(colon) = t.text.find(':') {
                let value_col = t.text[..colon].chars().count() + 1;
                let after = &t.text[colon + 1..];
                let spaces = after.chars().take_while(|c| *c == ' ').count();
                if !after.trim().is_empty() {
                    found = Some((t.line, t.indent + value_col + spaces + 1));
                }
            }
            lo = start;
            hi = start;
            continue;
        }
        lo = start;
        hi = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "meeting:\n  name: 会议\n  date: 2024-02-30\nsections:\n  - theme: 项目建设\n    points:\n      - topic: 重点项目\n        deadline: 2024-13-01\n  - theme: 招商\n";

    #[test]
    fn finds_nested_fields() {
        let date = locate(SRC, &[Seg::Key(&["meeting"]), Seg::Key(&["date"])]);
        assert_eq!(date, Some((3, 9)));
        let theme = locate(
            SRC,
            &[Seg::Key(&["sections"]), Seg::Index(1), Seg::Key(&["theme"])],
        );
        assert_eq!(theme, Some((9, 12)));
        let dl = locate(
            SRC,
            &[
                Seg::Key(&["sections"]),
                Seg::Index(0),
                Seg::Key(&["points"]),
                Seg::Index(0),
                Seg::Key(&["deadline"]),
            ],
        );
        assert_eq!(dl, Some((8, 19)));
    }

    #[test]
    fn missing_field_points_at_parent() {
        let p = locate(SRC, &[Seg::Key(&["meeting"]), Seg::Key(&["kind"])]);
        assert_eq!(p, Some((1, 1)));
    }

    #[test]
    fn aliases_match() {
        let src = "会议:\n  日期: 2024-01-01\n";
        let p = locate(
            src,
            &[Seg::Key(&["meeting", "会议"]), Seg::Key(&["date", "日期"])],
        );
        assert_eq!(p, Some((2, 7)));
    }
}

/// The deepest nesting a hand-written YAML file (a spec, a phrasebank file) may have. A spec needs
/// 3 (`figures: [{…}]`), a phrasebank file 4; the YAML parser slows down badly on very deep
/// nesting (one phrasebank file nested 100,000 deep made every command take a minute), so it is
/// refused before parsing, in one linear pass.
pub const MAX_DEPTH: usize = 32;

/// Where nesting first goes deeper than [`MAX_DEPTH`]: flow brackets (`[[[…`, `{{{…`) outside
/// quotes and comments, plus block sequences opened on one line (`- - - …`). 1-based line and
/// column.
pub fn too_deep(src: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (ln, line) in src.lines().enumerate() {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        // Leading `- ` markers: each opens a block sequence.
        let mut dashes = 0usize;
        let mut at_start = true;
        for (col, c) in line.chars().enumerate() {
            if at_start {
                match c {
                    ' ' => {
                        prev = c;
                        continue;
                    }
                    '-' if line[line.char_indices().nth(col).map_or(0, |(i, _)| i)..]
                        .starts_with("- ") =>
                    {
                        dashes += 1;
                        if depth + dashes > MAX_DEPTH {
                            return Some((ln + 1, col + 1));
                        }
                        prev = c;
                        continue;
                    }
                    _ => at_start = false,
                }
            }
            match quote {
                Some(q) => {
                    if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '"' | '\'' if depth > 0 || prev == ' ' || prev == ':' => quote = Some(c),
                    '#' if prev == ' ' || col == 0 => break,
                    '[' | '{' => {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return Some((ln + 1, col + 1));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            prev = c;
        }
    }
    None
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    #[test]
    fn deep_flow_and_dash_nesting_is_found_shallow_is_not() {
        assert_eq!(too_deep("a: [[x]]\nb: {c: [1, '[[[[']}\n"), None);
        let deep = format!("entries: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert_eq!(too_deep(&deep), Some((1, 10 + MAX_DEPTH)));
        let dashes = format!("x:\n  {}y\n", "- ".repeat(40));
        assert_eq!(too_deep(&dashes), Some((2, 3 + 2 * MAX_DEPTH)));
        // Linear: 100,000 deep is found at once, at its 33rd bracket.
        let big = "[".repeat(100_000);
        assert_eq!(too_deep(&big), Some((1, MAX_DEPTH + 1)));
    }
}
