//! What a point leaves to its siblings and how it names its units: a measure naming another
//! point's topic is that point's, a unit is named as the spec names it, and two units are not
//! paired twice with their roles swapped.

use super::*;

impl<'a> Planner<'a> {
    /// A point's own units named as the spec names them (民政部门 → 县民政局 where 县民政局 leads
    /// the point): see `lexicon::units`.
    pub(super) fn name_the_units(&self, si: usize, plans: &mut [PointPlan]) {
        let sec = &self.vs.spec.sections[si];
        for (k, pp) in plans.iter_mut().enumerate() {
            let p = &sec.points[k];
            let base = format!("sections[{si}].points[{k}]");
            let units: Vec<(String, String)> = p
                .lead
                .iter()
                .map(|u| (clause(u.as_str()), format!("{base}.lead")))
                .chain(
                    p.support
                        .iter()
                        .map(|u| (clause(u.as_str()), format!("{base}.support"))),
                )
                .collect();
            let names: Vec<(String, &(String, String))> = units
                .iter()
                .flat_map(|u| {
                    crate::lexicon::units::phrasebank_names(&u.0)
                        .into_iter()
                        .map(move |n| (n, u))
                })
                .collect();
            if names.is_empty() {
                continue;
            }
            for m in pp
                .measures
                .iter_mut()
                .chain(pp.tasks.iter_mut())
                .chain(pp.responsibility.iter_mut())
            {
                for (name, (unit, field)) in &names {
                    if let Some(named) =
                        crate::lexicon::units::name_the_unit(&m.text, name.as_str(), unit)
                    {
                        m.text = named;
                        // The sentence now carries the spec's words (its era is the spec's).
                        m.origin = match std::mem::replace(
                            &mut m.origin,
                            Origin::Template {
                                name: String::new(),
                            },
                        ) {
                            Origin::Phrase { id } => Origin::Mixed {
                                id,
                                fields: vec![field.clone()],
                            },
                            Origin::Mixed { id, mut fields } => {
                                if !fields.contains(field) {
                                    fields.push(field.clone());
                                }
                                Origin::Mixed { id, fields }
                            }
                            other => other,
                        };
                    }
                }
            }
            // Its units working with each other twice (县民政局要会同县消防救援大队，开展消防…
            // then 县消防救援大队要会同县民政局对养老机构开展消防检查) give one duty twice, the
            // roles swapped: read blind, the first tell of a program. The later measure goes.
            // The two of its units a sentence has them work together (会同), in the order said.
            let pairing = |t: &str| -> Option<(usize, usize)> {
                if !t.contains("会同") {
                    return None;
                }
                let mut at: Vec<(usize, usize)> = units
                    .iter()
                    .enumerate()
                    .filter_map(|(i, u)| t.find(u.0.as_str()).map(|b| (b, i)))
                    .collect();
                at.sort_unstable();
                match at.as_slice() {
                    [(_, a), (_, b), ..] => Some((*a, *b)),
                    _ => None,
                }
            };
            let mut said: Vec<(usize, usize)> = pp
                .tasks
                .iter()
                .chain(pp.responsibility.iter())
                .filter_map(|s| pairing(&s.text))
                .collect();
            pp.measures.retain(|m| match pairing(&m.text) {
                Some((a, b)) if said.contains(&(b, a)) => false,
                Some(p) => {
                    said.push(p);
                    true
                }
                None => true,
            });
        }
    }

    /// A measure naming another point's topic but not its own (县农业农村局要防范麦收期间的烂场雨
    /// under 夏粮抢收, in a speech with a point 防范烂场雨) is that point's: it moves there when
    /// that point is in this part, and is left out when it is in another, so that no heading
    /// has its matter said under a sibling first.
    pub(super) fn leave_to_their_points(&self, si: usize, plans: &mut [PointPlan]) {
        let spec = &self.vs.spec;
        let topics: Vec<(usize, usize, String)> = spec
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, sec)| {
                sec.points.iter().enumerate().map(move |(p, pt)| {
                    // Its object, without a verb it opens with (防范烂场雨 → 烂场雨).
                    let t = clause(pt.topic.as_str());
                    let object = if super::headings::opens_with_verb(&t) {
                        t.chars().skip(2).collect()
                    } else {
                        t
                    };
                    (s, p, object)
                })
            })
            .filter(|(_, _, t)| t.chars().count() >= 3)
            .collect();
        // Every point's object looked for in a measure in one reading of it.
        let objects =
            crate::lexicon::TermSet::new(topics.iter().map(|(_, _, t)| t.as_str()).collect());
        let mut moves: Vec<(usize, Sentence)> = Vec::new();
        for (k, pp) in plans.iter_mut().enumerate() {
            let mine = pp.topic.clone();
            pp.measures.retain(|m| {
                if m.text.contains(mine.as_str()) {
                    return true;
                }
                let named = objects.found_in(&m.text);
                let Some(&(s, j, _)) = topics.iter().zip(&named).find_map(|(x, &n)| {
                    let (s, j, t) = x;
                    (n && (*s, *j) != (si, k)
                        && !t.contains(mine.as_str())
                        && !mine.contains(t.as_str()))
                    .then_some(x)
                }) else {
                    return true;
                };
                if s == si {
                    moves.push((j, m.clone()));
                }
                false
            });
        }
        for (j, m) in moves {
            if let Some(pp) = plans.get_mut(j)
                && !pp.measures.iter().any(|x| x.text == m.text)
            {
                pp.measures.insert(0, m);
            }
        }
    }
}
