//! The speech's shape: the title line, the numbering of parts and items, the announced count
//! (下面，我讲三点意见) against the parts, and sibling headings of one shape.

use super::Finding;
use crate::corpus::LineSource;
use crate::model::{Part, Speech};
use std::collections::HashMap;

pub(super) fn check_title(s: &Speech, f: &mut Vec<Finding>) {
    if s.title.trim().is_empty() {
        f.push(Finding::error(
            "title",
            1,
            "no title line; a speech opens with 在…上的讲话",
        ));
    } else if !s.title.contains("讲话") {
        f.push(Finding::warning(
            "title",
            1,
            format!("the title `{}` does not read 在…上的讲话", s.title),
        ));
    }
    if s.salutation
        .as_deref()
        .is_none_or(|x| !x.starts_with("同志们"))
    {
        f.push(Finding::warning("salutation", 2, "no salutation 同志们："));
    }
}

pub(super) fn check_numbering(s: &Speech, f: &mut Vec<Finding>) {
    fn seq<T>(items: &[T], num: impl Fn(&T) -> (u32, usize), what: &str, f: &mut Vec<Finding>) {
        for (i, it) in items.iter().enumerate() {
            let (n, line) = num(it);
            if n != i as u32 + 1 {
                f.push(Finding::error(
                    "numbering",
                    line,
                    format!(
                        "{what} numbered {} where {} is expected",
                        crate::numerals::chinese(n),
                        crate::numerals::chinese(i as u32 + 1)
                    ),
                ));
                break;
            }
        }
    }
    seq(&s.parts, |p| (p.number, p.line), "level-1 part", f);
    for p in &s.parts {
        seq(&p.parts, |q| (q.number, q.line), "level-2 part", f);
        seq(&p.items, |it| (it.number, it.line), "item", f);
        for q in &p.parts {
            seq(&q.items, |it| (it.number, it.line), "item", f);
        }
    }
}

/// The count announced in the opening (下面，我讲三点意见), with its line.
pub fn announced_count(
    lines: &(impl LineSource + ?Sized),
    before_line: usize,
) -> Option<(u32, usize)> {
    for (i, l) in lines.iter().enumerate() {
        if before_line > 0 && i + 1 >= before_line {
            break;
        }
        // 讲两点意见, 再强调四点, 谈三个方面, 讲四个问题, 提三条要求 (几点: no number to compare).
        for key in ["讲", "强调", "谈", "提"] {
            let mut rest = l;
            while let Some(pos) = rest.find(key) {
                let after = &rest[pos + key.len()..];
                let num: String = after
                    .chars()
                    .take_while(|c| "一二两三四五六七八九十".contains(*c))
                    .collect();
                let tail: String = after.chars().skip(num.chars().count()).take(4).collect();
                if !num.is_empty()
                    && ["点", "个方面", "方面", "条", "个问题", "项"]
                        .iter()
                        .any(|t| tail.starts_with(t))
                {
                    if let Some(n) = crate::numerals::parse_chinese(&num.replace('两', "二")) {
                        return Some((n, i + 1));
                    }
                }
                rest = after;
            }
        }
    }
    None
}

pub(super) fn check_announced(
    s: &Speech,
    lines: &(impl LineSource + ?Sized),
    f: &mut Vec<Finding>,
) {
    let first_part = s.parts.first().map(|p| p.line).unwrap_or(0);
    if let Some((n, line)) = announced_count(lines, first_part)
        && n as usize != s.parts.len()
    {
        f.push(Finding::error(
            "announced-count",
            line,
            format!(
                "the opening announces {} points but the speech has {} parts",
                crate::numerals::chinese(n),
                s.parts.len()
            ),
        ));
    }
}

/// The shape of a heading: its clauses' count (split at ，；), for parallelism.
pub(super) fn shape(h: &str) -> usize {
    h.split(['，', '；', ',']).filter(|c| !c.is_empty()).count()
}

pub(super) fn check_parallel(s: &Speech, f: &mut Vec<Finding>) {
    fn group(parts: &[Part], what: &str, f: &mut Vec<Finding>) {
        if parts.len() < 2 {
            return;
        }
        let shapes: Vec<usize> = parts.iter().map(|p| shape(&p.heading)).collect();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for s in &shapes {
            *counts.entry(*s).or_default() += 1;
        }
        let (&common, _) = counts
            .iter()
            .max_by_key(|(k, v)| (**v, usize::MAX - **k))
            .unwrap();
        for (p, s) in parts.iter().zip(&shapes) {
            if *s != common {
                f.push(Finding::warning(
                    "parallel",
                    p.line,
                    format!(
                        "{what} heading `{}` has {s} clause(s); its siblings have {common}",
                        p.heading
                    ),
                ));
            }
        }
    }
    group(&s.parts, "level-1", f);
    for p in &s.parts {
        group(&p.parts, "level-2", f);
    }
}
