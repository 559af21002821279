//! The prose rules of [`crate::prose`] (repeated words, ranking words, count words, mottos, time
//! words, 我再强调, a numbers lead-in without figures), line by line. Near-duplicate sentences are found with the repeats
//! (`repeats.rs`).

use super::{Finding, is_l1_heading, is_l2_heading};
use crate::corpus::LineSource;
use crate::spec::ValidSpec;
use std::collections::HashMap;

/// The prose rules of [`crate::prose`], line by line.
pub(super) fn check_prose(
    lines: &(impl LineSource + ?Sized),
    spec: Option<&ValidSpec>,
    month: Option<u32>,
    errors_only: bool,
    f: &mut Vec<Finding>,
) {
    use crate::prose;
    // The one rule of these that refuses a draft.
    if errors_only {
        for (i, l) in lines.iter().enumerate() {
            if let Some(w) = prose::wrong_count(l) {
                f.push(count_word(i + 1, w));
            }
        }
        return;
    }
    let mut allowed: Vec<String> = Vec::new();
    if let Some(vs) = spec {
        crate::spec::for_each_text(&vs.spec, &mut |_, t| allowed.push(t.0.clone()));
    }
    let mut in_opening = true;
    let mut said_before = false;
    let mut ranking_seen: Vec<&str> = Vec::new();
    let mut mottos: HashMap<String, usize> = HashMap::new();
    let mut heading = String::new();
    for (i, l) in lines.iter().enumerate() {
        let line = i + 1;
        if is_l1_heading(l) || is_l2_heading(l) {
            if is_l1_heading(l) {
                in_opening = false;
                ranking_seen.clear();
            }
            heading = l.to_string();
            check_mottos(l, line, &mut mottos, f);
        }
        if let Some(w) = prose::wrong_count(l) {
            f.push(count_word(line, w));
        }
        if let Some(w) = prose::numbers_lead_without_figures(l) {
            f.push(Finding::warning(
                "numbers-lead",
                line,
                format!("`{w}` before fewer than two figures: lead with the fact itself"),
            ));
        }
        if l.contains("再强调") && !said_before {
            f.push(Finding::warning(
                "stress-again",
                line,
                "我再强调 with nothing said before it: say 我强调, or let others speak first (刚才…)",
            ));
        }
        if ["刚才", "强调", "会上", "作了", "发言", "讲了"]
            .iter()
            .any(|w| l.contains(w))
        {
            said_before = true;
        }
        if in_opening
            && let Some(m) = month
            && let Some(w) = prose::misfit_time_word(l, m)
            && !(w == "今年以来" && prose::this_years_figures(l))
        {
            f.push(Finding::warning(
                "time-word",
                line,
                format!(
                    "`{w}` in a meeting held in month {m}: the first quarter looks back on 过去一年, later meetings on 今年以来"
                ),
            ));
        }
        for w in prose::RANKING_WORDS {
            if l.contains(w) {
                if !ranking_seen.is_empty() {
                    f.push(Finding::warning(
                        "ranking-word",
                        line,
                        format!(
                            "`{w}` after `{}` in the same part: rank one task first",
                            ranking_seen[0]
                        ),
                    ));
                }
                ranking_seen.push(w);
            }
        }
        let mut allow: Vec<&str> = allowed.iter().map(String::as_str).collect();
        allow.push(&heading);
        for w in prose::repeated_words(l, &allow) {
            f.push(Finding::warning(
                "repeated-word",
                line,
                format!("`{w}` three times in one paragraph"),
            ));
        }
    }
}

/// A count before a measure word said with 二 (二点): an error.
fn count_word(line: usize, w: &str) -> Finding {
    Finding::error(
        "count-word",
        line,
        format!("`{w}`: a count before a measure word is 两 (两点, 两个方面)"),
    )
}

/// A motto (一句口号) of heading `l` that an earlier heading has too.
fn check_mottos(l: &str, line: usize, mottos: &mut HashMap<String, usize>, f: &mut Vec<Finding>) {
    for m in crate::prose::heading_mottos(l.split_once(['、', '）']).map_or(l, |x| x.1)) {
        if let Some(first) = mottos.get(&m) {
            f.push(Finding::warning(
                "motto",
                line,
                format!("the motto {m} is in another heading too (line {first}); say it once"),
            ));
        } else {
            mottos.insert(m, line);
        }
    }
}
