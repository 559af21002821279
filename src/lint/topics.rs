//! With the topic map: how each point keeps to its sub-topic (the `off-topic` rule, and the
//! report the tests read).

use crate::model::Speech;
use crate::spec::ValidSpec;
use serde::Serialize;

/// How one point keeps to its sub-topic (the `off-topic` rule and the tests read it).
#[derive(Debug, Clone, Serialize)]
pub struct PointTopicReport {
    /// 0-based level-1 and level-2 indexes.
    pub section: usize,
    pub point: usize,
    pub heading: String,
    /// What the point resolved to (from the spec's point when given, else from the heading).
    pub topics: Vec<String>,
    /// The point's own sentences (not its facts, tasks, assignment or deadline) and how many of
    /// them name its sub-topic.
    pub own: usize,
    pub on: usize,
    /// The others: line and text.
    pub off: Vec<(usize, String)>,
}

/// For each level-2 part that resolves to a sub-topic: its own sentences, and which of them
/// name the sub-topic (a word, the name or a unit of it, or the point's own topic).
pub fn topic_report(
    speech: &Speech,
    map: &crate::topic::TopicMap,
    spec: Option<&ValidSpec>,
    year: i32,
) -> Vec<PointTopicReport> {
    let mut out = Vec::new();
    for (si, l1) in speech.parts.iter().enumerate() {
        let sec = spec.and_then(|vs| vs.spec.sections.get(si));
        for (pi, l2) in l1.parts.iter().enumerate() {
            let point = sec.and_then(|s| s.points.get(pi));
            let theme = sec.map(|s| s.theme.as_str()).unwrap_or("");
            let (res, own_texts, topic) = match point {
                Some(p) => {
                    // Exactly as the planner resolves it (the spec's fields, not the heading).
                    let q = crate::topic::Query {
                        topic: p.topic.as_str(),
                        title: p.title.as_ref().map(|t| t.as_str()),
                        facts: p.facts.iter().map(|t| t.as_str()).collect(),
                        lead: p.lead.as_ref().map(|t| t.as_str()),
                        support: p.support.iter().map(|t| t.as_str()).collect(),
                        about: p.about.as_ref().map(|t| t.as_str()),
                        theme,
                        year,
                    };
                    let mut spec_texts: Vec<String> = p
                        .facts
                        .iter()
                        .chain(&p.tasks)
                        .chain(&p.support)
                        .chain(p.lead.iter())
                        .map(|t| crate::plan::clause(t.as_str()))
                        .filter(|t| !t.is_empty())
                        .collect();
                    if let Some(d) = spec
                        .and_then(|vs| vs.deadlines.get(si))
                        .and_then(|v| v.get(pi))
                        .copied()
                        .flatten()
                    {
                        spec_texts.push(crate::numerals::deadline_cn(d, year));
                    }
                    (map.resolve(&q), spec_texts, p.topic.as_str().to_string())
                }
                None => {
                    let q = crate::topic::Query {
                        topic: l2.heading.as_str(),
                        theme,
                        year,
                        ..Default::default()
                    };
                    (map.resolve(&q), Vec::new(), String::new())
                }
            };
            if res.is_empty() {
                continue;
            }
            let mut r = PointTopicReport {
                section: si,
                point: pi,
                heading: l2.heading.clone(),
                topics: res.topics.clone(),
                own: 0,
                on: 0,
                off: Vec::new(),
            };
            for para in &l2.body {
                // A short sentence (手中有粮、心中不慌。) is judged with the one it leads into.
                let texts: Vec<String> = para.sentences.iter().map(|s| s.text.clone()).collect();
                for (k, t) in texts.iter().enumerate() {
                    let t = t.as_str();
                    let with_next = if t.chars().count() < 12 {
                        format!("{t}{}", texts.get(k + 1).map(String::as_str).unwrap_or(""))
                    } else {
                        t.to_string()
                    };
                    let carries_spec = if point.is_some() {
                        own_texts.iter().any(|x| t.contains(x.as_str()))
                    } else {
                        t.chars().any(|c| c.is_ascii_digit())
                            || t.contains("牵头")
                            || t.contains("月底前")
                    };
                    // A lead-in to an enumeration (要重点抓好三个方面的工作：) is the shape's.
                    if carries_spec || t.starts_with('【') || t.ends_with('：') {
                        continue;
                    }
                    r.own += 1;
                    let on = res.topics.iter().any(|x| map.mentions(x, &with_next))
                        || (topic.chars().count() >= 2 && with_next.contains(topic.as_str()));
                    if on {
                        r.on += 1;
                    } else {
                        r.off.push((para.line, t.to_string()));
                    }
                }
            }
            out.push(r);
        }
    }
    out
}
