//! Topic selection: what each point is about, and the implicit points of a section without any.
//!
//! Every point of the spec resolves, through [`crate::topic::TopicMap::resolve`], to the best
//! sub-topic(s) of *any* theme (a 防汛 point under a 社会治理 section draws flood-control
//! measures). The body then draws the point's framings and measures from those sub-topics only,
//! plus at most one `general` sentence of its section's theme. A section the spec gives no points
//! gets two to four implicit ones: the most common sub-topics of its theme that fit the meeting's
//! year and kind, with no fact of their own (nothing is invented).

use super::*;
use crate::spec::{Point, Text};
use crate::topic::{Query, Resolution, TopicMap};

/// What one point of the draft resolved to (the JSON output and `draft -v` show it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointTopic {
    /// 0-based section and point.
    pub section: usize,
    pub point: usize,
    /// The point's topic as the spec (or the topic map, for an implicit point) gives it.
    pub topic: String,
    /// True when the planner added the point (the section had none).
    pub implicit: bool,
    #[serde(flatten)]
    pub resolution: Resolution,
    /// How many of the point's own sentences were drawn from its sub-topics.
    pub drawn: usize,
}

/// The resolver's view of a spec point.
pub(super) fn query<'s>(p: &'s Point, theme: &'s str, year: i32) -> Query<'s> {
    Query {
        topic: p.topic.as_str(),
        title: p.title.as_ref().map(Text::as_str),
        facts: p.facts.iter().map(Text::as_str).collect(),
        lead: p.lead.as_ref().map(Text::as_str),
        support: p.support.iter().map(Text::as_str).collect(),
        about: p.about.as_ref().map(Text::as_str),
        theme,
        year,
    }
}

/// Every sub-topic a draft of this spec can draw from: its points' resolutions, and every
/// sub-topic of a section without points (for the loader's selection).
pub fn spec_topics(vs: &ValidSpec, map: &TopicMap) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &vs.spec.sections {
        let theme = s.theme.as_str();
        if s.points.is_empty() {
            out.extend(map.of_theme(theme).map(|t| t.name.to_string()));
        }
        // Each resolution is remembered by the map for the planner. (They were split over two
        // threads; with resolution cheaper, a thread of its own no longer paid on two cores.)
        out.extend(
            s.points
                .iter()
                .flat_map(|p| map.resolve(&query(p, theme, vs.year())).topics),
        );
    }
    out.sort();
    out.dedup();
    out
}

/// The spec's themes whose sections all have points: a draft draws their framings, measures,
/// requirements and formulas only by its points' sub-topics (for the loader's selection,
/// [`crate::phrasebank::Selection::by_topic`]).
pub fn themes_by_topic(vs: &ValidSpec) -> Vec<String> {
    let sections = &vs.spec.sections;
    let mut out: Vec<String> = sections
        .iter()
        .map(|s| s.theme.as_str())
        .filter(|&t| {
            sections
                .iter()
                .all(|s| s.theme.as_str() != t || !s.points.is_empty())
        })
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The sub-topics a section without points speaks of: those of its theme fitting the year and
/// kind with measures to draw, those its title names first (突出重点，扎实开展隐患排查整治:
/// 隐患排查), then the most common, but those another section speaks of (`taken`); two to four
/// of them (four when the speech has few sections), picked from the first six so that drafts
/// vary (the ones the title names always kept).
pub(super) fn implicit_topics(
    vs: &ValidSpec,
    pb: &Phrasebank,
    theme: &str,
    title: Option<&str>,
    taken: &[String],
    rng: &mut Picker,
) -> Vec<String> {
    let year = vs.year();
    let mut candidates: Vec<&str> = pb
        .topic_map
        .of_theme(theme)
        .filter(|t| !taken.iter().any(|n| *n == *t.name))
        .filter(|t| t.fits(year, Some(vs.kind)))
        .filter(|t| {
            let names = [t.name.clone()];
            pb.pool_iter(Role::Measure, None, vs.kind, vs.at())
                .filter(|p| p.serves(&names))
                .nth(2)
                .is_some()
        })
        .map(|t| t.name.as_str())
        .collect();
    let named = |name: &str| title.is_some_and(|t| titled(pb, name, t));
    // A stable sort: the named first, each group in the map's order.
    candidates.sort_by_key(|n| !named(n));
    let named_count = candidates.iter().filter(|n| named(n)).count();
    candidates.truncate(6.max(named_count));
    let want = if vs.spec.sections.len() <= 3 { 4 } else { 3 };
    let want = want.min(candidates.len());
    if want < 2 {
        return candidates.iter().map(|s| s.to_string()).collect();
    }
    // Keep `want` of the candidates, in their order, dropping at random.
    let mut keep: Vec<&str> = candidates;
    while keep.len() > want.max(named_count) {
        // The first (most common) stays more often: drop from the tail half, never one the
        // title names.
        let lo = (keep.len() / 2).max(named_count);
        let i = lo + rng.below(keep.len() - lo);
        keep.remove(i);
    }
    keep.into_iter().map(str::to_string).collect()
}

/// Whether a section's title names a sub-topic: its name, or a word of it of three characters
/// or more (压实责任 says nothing of 安全责任 alone; 隐患排查整治 says 隐患排查).
fn titled(pb: &Phrasebank, name: &str, title: &str) -> bool {
    title.contains(name)
        || pb.topic_map.get(name).is_some_and(|t| {
            t.terms()
                .any(|w| w.chars().count() >= 3 && title.contains(w))
        })
}

/// The spec with implicit points added to its sections without points (their topic is the
/// sub-topic's name; they carry no fact), and which points are implicit.
pub(super) fn with_implicit_points(
    vs: &ValidSpec,
    pb: &Phrasebank,
    seed: u64,
) -> (ValidSpec, Vec<Vec<bool>>) {
    let mut out = vs.clone();
    let mut rng = Picker::new(seed ^ 0x696d_706c_6963_6974);
    let mut implicit = Vec::new();
    // Two sections of one theme without points speak of different sub-topics (read in a test
    // speech's spec: three 安全生产 parts each with 安全责任, 隐患排查 and 道路交通安全, and
    // （一）全面落实安全责任 said twice), nor of one a point names (by its name or `about`).
    let mut taken: Vec<String> = vs
        .spec
        .sections
        .iter()
        .flat_map(|s| &s.points)
        .flat_map(|p| p.about.iter().chain(std::iter::once(&p.topic)))
        .map(|t| t.as_str().to_string())
        .collect();
    for (si, s) in out.spec.sections.iter_mut().enumerate() {
        if !s.points.is_empty() {
            implicit.push(vec![false; s.points.len()]);
            continue;
        }
        // What a later section's title names is left to it.
        let later: Vec<String> = vs.spec.sections[si + 1..]
            .iter()
            .filter(|l| l.points.is_empty() && l.theme == s.theme)
            .filter_map(|l| l.title.as_ref())
            .flat_map(|t| {
                pb.topic_map
                    .of_theme(s.theme.as_str())
                    .filter(|st| titled(pb, &st.name, t.as_str()))
                    .map(|st| st.name.to_string())
            })
            .filter(|n| !s.title.as_ref().is_some_and(|t| titled(pb, n, t.as_str())))
            .collect();
        let excluded: Vec<String> = taken.iter().chain(&later).cloned().collect();
        let title = s.title.as_ref().map(|t| t.as_str());
        let names = implicit_topics(vs, pb, s.theme.as_str(), title, &excluded, &mut rng);
        taken.extend(names.iter().cloned());
        if names.len() < 2 {
            implicit.push(Vec::new());
            continue;
        }
        s.points = names
            .iter()
            .map(|n| Point {
                // Said in the standard form (纠治“四风”), resolved by its name.
                topic: Text(
                    crate::lexicon::lexicon()
                        .expressions
                        .standardize(n, Some(vs.date)),
                ),
                about: Some(Text(n.clone())),
                ..Default::default()
            })
            .collect();
        out.deadlines[si] = vec![None; names.len()];
        implicit.push(vec![true; names.len()]);
    }
    (out, implicit)
}
