//! A part's intro: the sentence on its first point's field or its points' fields, and one that
//! fits any part of its theme only beside one that shares a word with the part's fields.

use super::*;
use crate::topic::Resolution;

impl<'a> Planner<'a> {
    /// The work conference that deployed a part's field, said once a draft before its intro,
    /// as a county speech anchors a field's work in the centre's (去年底召开的中央农村工作会议，
    /// 对做好今年“三农”工作作出了全面部署。): read blind (round 34), passages that could be of
    /// any year were a program's first tell. The conference and its dates are the calendar's
    /// (`lexicon/calendar.yaml`, with their sources); nothing is said of what it decided.
    pub(super) fn work_conference(&mut self, theme: &str) -> Option<Sentence> {
        use chrono::Datelike;
        if self.conference_said {
            return None;
        }
        let on = self.vs.date;
        let (e, work) = crate::lexicon::lexicon()
            .calendar
            .work_conference(theme, on)?;
        let end = e.end;
        // No month by its number: a draft's numbers are the spec's (the check says so).
        let days = (on - end).num_days();
        let when = if days <= 45 {
            "刚刚召开的"
        } else if days <= 120 {
            "前不久召开的"
        } else if end.year() == on.year() {
            "今年召开的"
        } else if end.month() == 12 {
            "去年底召开的"
        } else {
            "去年召开的"
        };
        // 2023年中央农村工作会议 and 中央城市工作会议（2025） are said by their names.
        let name = e.name.split('（').next().unwrap_or(&e.name);
        let name = name
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches('年');
        let work = match e.work_year {
            Some(y) if y == on.year() => format!("做好今年{work}"),
            _ => work.to_string(),
        };
        self.conference_said = true;
        Some(Sentence::new(
            format!("{when}{name}，对{work}作出了全面部署。"),
            Origin::Template {
                name: "lexicon:calendar".into(),
            },
        ))
    }

    /// A part's intro: one sentence on its points' sub-topics when the theme has one; one that
    /// fits any point of the theme (`general`) only when there is none of its own or the points
    /// range over three sub-topics or more, in an order the seed picks. A theme without a topic
    /// map keeps its whole pool.
    pub(super) fn intro(&mut self, theme: &str, resolved: &[Resolution]) -> Vec<Sentence> {
        let own: Vec<String> = resolved
            .iter()
            .flat_map(|r| r.topics.iter().cloned())
            .filter(|t| self.pb.topic_map.get(t).is_some_and(|st| st.theme == theme))
            .collect();
        if self.pb.topic_map.of_theme(theme).next().is_none() {
            let mut intro = Vec::new();
            for _ in 0..2 {
                intro.extend(self.sentence(Role::PartIntro, Some(theme), &[], &[]));
            }
            if intro.len() == 2
                && !crate::prose::repeated_words(
                    &format!("{}{}", intro[0].text, intro[1].text),
                    &[],
                )
                .is_empty()
            {
                intro.truncate(1);
            }
            return intro;
        }
        let mut intro = Vec::new();
        self.intro_on_first = false;
        // The first point's own field first (a part on 文明县城创建 and 背街小巷 opens on the
        // former, not on 城市更新), then any of its points'.
        let first: Vec<String> = resolved
            .first()
            .map(|r| {
                r.topics
                    .iter()
                    .filter(|t| own.contains(t))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        // Of the first point's fields, the one it resolves to first: read at the drafts (round
        // 32), a part on 营商环境 whose first point is 政务服务 opened on the hotline (热线一头
        // 连着群众…), a field the point touches second.
        let primary: Vec<String> = first.first().cloned().into_iter().collect();
        // Nothing said out of its season (眼下已进入主汛期 at a meeting on 5 June).
        let month = self.vs.at().month;
        let in_season = |t: &str| crate::lexicon::season::in_season(t, month);
        for wanted in [&primary, &first, &own] {
            if wanted.is_empty() || !intro.is_empty() {
                continue;
            }
            let ids: HashSet<String> = self
                .pb
                .pool_iter(Role::PartIntro, Some(theme), self.vs.kind, self.vs.at())
                .filter(|p| !p.serves(wanted) || !in_season(&p.text))
                .map(|p| p.id.to_string())
                .collect();
            if let Some((id, text)) = self.draw(Role::PartIntro, Some(theme), &[], &ids, true) {
                intro.push(Sentence::new(text, Origin::Phrase { id }));
                self.intro_on_first =
                    std::ptr::eq(wanted, &first) || std::ptr::eq(wanted, &primary);
            }
        }
        // A sentence that fits any part of the theme only where the part has none of its own, or
        // where its points range over three sub-topics or more: read blind, 实施乡村振兴战略是…总抓手
        // over a part on 耕地保护 was a program's tell.
        let mut distinct = own.clone();
        distinct.sort();
        distinct.dedup();
        if intro.is_empty() || distinct.len() >= 3 {
            // Beside the part's own sentence, one that shares a word with its fields (read
            // blind, 社会治理是国家治理的重要方面 over a part on 食品安全 fitted the theme, not
            // the part): the theme's own name does not count.
            let mut unrelated: HashSet<String> = if intro.is_empty() {
                HashSet::default()
            } else {
                // Nor do words every field has (安全, 管理, 服务 …).
                let mut generic = super::draw::bigrams(theme);
                for w in crate::prose::GENERIC_WORDS {
                    generic.extend(super::draw::bigrams(w));
                }
                let mut words: Vec<u64> = distinct
                    .iter()
                    .flat_map(|t| super::draw::bigrams(t))
                    .filter(|p| !generic.contains(p))
                    .collect();
                words.sort_unstable();
                Pool::General(theme)
                    .phrases(self.pb, Role::PartIntro, self.vs)
                    .into_iter()
                    .filter(|ph| {
                        !super::draw::bigrams(&ph.text)
                            .iter()
                            .any(|p| words.binary_search(p).is_ok())
                    })
                    .map(|ph| ph.id.to_string())
                    .collect()
            };
            unrelated.extend(
                Pool::General(theme)
                    .phrases(self.pb, Role::PartIntro, self.vs)
                    .into_iter()
                    .filter(|ph| !in_season(&ph.text))
                    .map(|ph| ph.id.to_string()),
            );
            intro.extend(self.sentence_except(
                Role::PartIntro,
                Pool::General(theme),
                &[],
                &[],
                &unrelated,
            ));
        }
        // Two intros that repeat a word (绿色发展 … 绿色发展 … 绿色发展) read as one said twice.
        if intro.len() == 2 {
            let both = format!("{}{}", intro[0].text, intro[1].text);
            if !crate::prose::repeated_words(&both, &[]).is_empty() {
                intro.truncate(1);
            }
        }
        if intro.len() == 2 && self.rng.coin() {
            intro.swap(0, 1);
        }
        intro
    }
}
