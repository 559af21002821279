//! The body: each section's intro and its points (or items), each point's framings, facts,
//! measures, requirement, assignment and deadline. A point draws its framings and measures only
//! from the sub-topics it resolved to (see [`crate::topic`]); a section without points gets
//! implicit points from its theme's most common sub-topics.

use super::*;
use crate::topic::Resolution;

use super::keep::{grams, pair_keys};

impl<'a> Planner<'a> {
    pub(super) fn plan_sections(&mut self) -> Vec<SectionPlan> {
        let spec = &self.vs.spec;
        let n = spec.sections.len();
        let mut out: Vec<SectionPlan> = (0..n).map(|_| SectionPlan::default()).collect();

        let spoken = self.spoken_themes();
        // Level-1 headings: one pattern for the group.
        let l1 = self.group_headings(
            "l1_",
            &(0..n)
                .map(|i| {
                    let s = &spec.sections[i];
                    HeadingNeed {
                        title: s
                            .title
                            .as_ref()
                            .map(|t| (t.0.clone(), format!("sections[{i}].title"))),
                        theme: spoken[i].clone(),
                        topic: None,
                        said: s.points.iter().map(|p| clause(p.topic.as_str())).collect(),
                        topics: s
                            .points
                            .iter()
                            .flat_map(|p| {
                                self.pb
                                    .topic_map
                                    .resolve(&super::topics::query(p, &s.theme.0, self.vs.year()))
                                    .topics
                            })
                            .collect(),
                    }
                })
                .collect::<Vec<_>>(),
        );
        let mut last_l2: Option<String> = None;
        for (i, sec) in spec.sections.iter().enumerate() {
            let theme = sec.theme.0.clone();
            let sp = &mut out[i];
            (sp.heading, sp.heading_origin) = l1[i].clone();
            // What each point is about: the intro speaks of it, the points draw from it.
            let year = self.vs.year();
            let resolved: Vec<Resolution> = sec
                .points
                .iter()
                .map(|p| {
                    self.pb
                        .topic_map
                        .resolve(&super::topics::query(p, &theme, year))
                })
                .collect();
            out[i].intro = self.intro(&spoken[i], &resolved);
            if let Some(s) = self.work_conference(&spoken[i]) {
                out[i].intro.insert(0, s);
            }
            self.ranked_in_part = out[i].intro.iter().any(|s| {
                crate::prose::RANKING_WORDS
                    .iter()
                    .any(|w| s.text.contains(w))
            });
            self.yidan_in_part = out[i].intro.iter().any(|s| s.text.contains("一旦"));
            self.incorporated_in_part = out[i].intro.iter().any(|s| s.text.contains("纳入"));
            // Kept (with its room) from part to part: a part says ~1,500 four-character words.
            self.part_said4.clear();
            self.part_said4.reserve(2048);
            self.part_said4
                .extend(out[i].intro.iter().flat_map(|s| grams(&s.text)));
            for k in 0..out[i].intro.len() {
                let ps = pair_keys(&out[i].intro[k].text);
                self.remember(&ps);
            }
            if sec.points.is_empty() {
                out[i].items = self.items(&theme);
            } else {
                let needs: Vec<HeadingNeed> = sec
                    .points
                    .iter()
                    .enumerate()
                    .map(|(j, p)| HeadingNeed {
                        title: p
                            .title
                            .as_ref()
                            .map(|t| (t.0.clone(), format!("sections[{i}].points[{j}].title"))),
                        theme: theme.clone(),
                        topic: Some((
                            clause(p.topic.as_str()),
                            if self.is_implicit(i, j) {
                                "topic-map".to_string()
                            } else {
                                format!("sections[{i}].points[{j}].topic")
                            },
                        )),
                        topics: resolved[j].topics.clone(),
                        said: Vec::new(),
                    })
                    .collect();
                let avoid = last_l2.clone();
                self.heading_cores = super::headings::verb_words(&out[i].heading);
                let heads = self.group_headings_avoiding("l2_", &needs, avoid.as_deref());
                last_l2 = self.patterns.last().cloned();
                out[i].points = self.points(i, &theme, heads, &resolved);
                // The intro framed the first point's field: the point goes straight to its work
                // (帮办代办是… as the intro, then 帮办代办不是把企业的事包办下来… said it twice).
                if self.intro_on_first
                    && let Some(first) = out[i].points.first_mut()
                {
                    // The point's time and the year's budget (the anchors) stay: they are not
                    // sayings but facts of the calendar.
                    let drawn = |s: &Sentence| !matches!(s.origin, Origin::Template { .. });
                    first.framing = first.framing.take().filter(|s| !drawn(s));
                    first.framing2 = first.framing2.take().filter(|s| !drawn(s));
                    if first.framing.is_none() {
                        first.framing = first.framing2.take();
                    }
                }
            }
        }
        out
    }

    /// The theme each section speaks of: its own, or the one other theme all its points
    /// resolved to.
    fn spoken_themes(&self) -> Vec<String> {
        let spec = &self.vs.spec;
        let n = spec.sections.len();
        // The theme a section speaks of: its own, unless every point of it resolved to
        // sub-topics of one other theme (a 社会治理 section whose one point is 防汛 is headed and
        // introduced as 安全生产, not with 枫桥经验).
        (0..n)
            .map(|i| {
                let s = &spec.sections[i];
                let own = s.theme.0.clone();
                let year = self.vs.year();
                let themes: Vec<String> = s
                    .points
                    .iter()
                    .filter_map(|p| {
                        let r = self
                            .pb
                            .topic_map
                            .resolve(&super::topics::query(p, &own, year));
                        let t = r.topics.first()?;
                        self.pb.topic_map.get(t).map(|st| st.theme.to_string())
                    })
                    .collect();
                match themes.first() {
                    Some(t)
                        if *t != own
                            && themes.len() == s.points.len()
                            && themes.iter().all(|x| x == t)
                            && self.pb.themes.iter().any(|th| th.name == *t)
                            // Nor a theme of other years (a 2030 section whose point resolved to
                            // 脱贫攻坚's 就业帮扶 was headed 持续加强脱贫攻坚: found by the
                            // property test in CI).
                            && theme_in_era(t, year) =>
                    {
                        t.clone()
                    }
                    _ => own,
                }
            })
            .collect()
    }

    pub(super) fn items(&mut self, theme: &str) -> Vec<ItemPlan> {
        let mut items = Vec::new();
        for _ in 0..6 {
            let Some((id, lead)) =
                self.draw(Role::ItemLead, Some(theme), &[], &HashSet::default(), true)
            else {
                break;
            };
            items.push(ItemPlan {
                lead: clause(&lead),
                lead_origin: Origin::Phrase { id },
                measures: Vec::new(),
            });
        }
        // Measures round-robin, up to four an item, each close to its item's lead.
        let leads: Vec<String> = items.iter().map(|it| it.lead.clone()).collect();
        let mut group = self.near_group(Role::Measure, theme, None, &leads, true);
        for _ in 0..4 {
            for (k, it) in items.iter_mut().enumerate() {
                if let Some(s) = self.sentence_near(&mut group, k) {
                    it.measures.push(s);
                }
            }
        }
        items.retain(|it| !it.measures.is_empty());
        items
    }

    /// Entries of `role` serving these sub-topics whose first clause speaks of another sub-topic
    /// they are also tagged with, and of none of these (谋划储备是项目建设的源头，… opening a point
    /// on 前期工作): a point's framing opens on its own field.
    fn led_by_another(&self, role: Role, topics: &[String]) -> HashSet<String> {
        let words = |names: &mut dyn Iterator<Item = &str>| -> Vec<&str> {
            names
                .filter_map(|t| self.pb.topic_map.get(t))
                .flat_map(|st| st.terms())
                .filter(|w| w.chars().count() >= 2)
                .collect()
        };
        let own = words(&mut topics.iter().map(String::as_str));
        self.pb
            .topic_pool(role, topics, self.vs.kind, self.vs.at())
            .into_iter()
            .filter(|ph| {
                let first = ph.text.split('，').next().unwrap_or(&ph.text);
                let others = words(
                    &mut ph
                        .topics
                        .iter()
                        .map(crate::phrasebank::PhraseText::as_str)
                        .filter(|t| !topics.iter().any(|n| n == t)),
                );
                others.iter().any(|w| first.contains(w)) && !own.iter().any(|w| first.contains(w))
            })
            .map(|ph| ph.id.to_string())
            .collect()
    }

    /// Whether point `pi` of section `si` was added by the planner.
    pub(super) fn is_implicit(&self, si: usize, pi: usize) -> bool {
        self.implicit
            .get(si)
            .and_then(|v| v.get(pi))
            .copied()
            .unwrap_or(false)
    }

    /// The points of a section, each drawn from the sub-topics it resolved to: their framings,
    /// facts, tasks, assignment, deadline, requirement and measures.
    pub(super) fn points(
        &mut self,
        si: usize,
        theme: &str,
        heads: Vec<(String, Origin)>,
        resolved: &[Resolution],
    ) -> Vec<PointPlan> {
        let vs = self.vs;
        let sec = &vs.spec.sections[si];
        let mut plans = Vec::new();
        for pi in 0..sec.points.len() {
            let pp = self.point(si, pi, &heads[pi], &resolved[pi]);
            plans.push(pp);
        }
        self.point_measures(si, theme, resolved, &mut plans);
        self.leave_to_their_points(si, &mut plans);
        // What a writer would strike goes (the prose rules of `wengao lint`): a sentence that
        // says nearly what the draft said already, a four-character word a third time in the
        // point, a second ranking word (重中之重) in the part. Then six at most.
        let mut ranked = self.ranked_in_part;
        let cap = self.measure_cap();
        for pp in plans.iter_mut() {
            self.keep_prose(pp, &mut ranked, cap);
        }
        self.ranked_in_part = ranked;
        self.group_joined_fields(&mut plans, resolved);
        self.leads_open_measures(si, &mut plans);
        self.name_the_units(si, &mut plans);
        // No `general` measure is added: read blind, a point that ended on a sentence fitting
        // any point of its theme was the first thing a writer took for a program's.
        self.say_point_moment(&mut plans, resolved);
        self.quote_the_budget(&mut plans, resolved);
        self.report_points(si, sec.points.len(), &mut plans, resolved);
        self.pick_shapes(&mut plans);
        plans
    }

    /// One point before its measures: heading, topic, framings, facts, tasks, assignment,
    /// deadline and requirement.
    fn point(
        &mut self,
        si: usize,
        pi: usize,
        head: &(String, Origin),
        res: &Resolution,
    ) -> PointPlan {
        let vs = self.vs;
        let p = &vs.spec.sections[si].points[pi];
        let implicit = self.is_implicit(si, pi);
        let base = format!("sections[{si}].points[{pi}]");
        let topic = clause(p.topic.as_str());
        let mut pp = self.point_start(p, &base, &topic, head, res);
        let topic_fields = if implicit {
            Vec::new()
        } else {
            vec![format!("{base}.topic")]
        };
        // About half the points open bare, on their figures or demands, two in a row less often:
        // the corpus opens 18 points of 28 on a demand and 7 on why it matters, ours opened half
        // on a saying.
        let bare = if self.bare_before {
            self.rng.below(3) == 0
        } else {
            self.rng.below(4) != 0
        };
        self.bare_before = bare;
        if !res.is_empty() && !bare {
            self.point_framings(&mut pp, p, res, &topic, &topic_fields);
        }
        self.point_facts(&mut pp, p, &base, &topic);
        if self.placeholders && p.facts.is_empty() {
            pp.facts.push(Sentence::new(
                format!("【待补：{topic}的年度目标和量化指标】"),
                Origin::Template {
                    name: "plan:placeholder".into(),
                },
            ));
        }
        for (ti, t) in p.tasks.iter().enumerate() {
            let t = clause(t.as_str());
            if !t.is_empty() {
                pp.tasks.push(Sentence::new(
                    format!("{t}。"),
                    Origin::Spec {
                        field: format!("{base}.tasks[{ti}]"),
                    },
                ));
            }
        }
        // A topic that joins two fields (教育医疗) is not named as one work in its assignment
        // (教育医疗涉及多个部门，县教体局要牵好头…, plenary-2024 seed 6): the two are.
        let assigned = if joins_fields(&topic, res) {
            JOINED_WORK.to_string()
        } else {
            topic.clone()
        };
        self.point_assignment(&mut pp, si, pi, &base, &assigned);
        // A standard to meet, only one written for the point's own sub-topics.
        if !res.is_empty() {
            pp.requirement = self.sentence_from(
                Role::Requirement,
                Pool::Topics(&res.topics),
                &[("topic", topic)],
                &[],
            );
        }
        pp
    }

    /// A point's plan as the spec and its sub-topics give it: heading, topic, sub-topic words,
    /// side objects and fact clauses.
    fn point_start(
        &self,
        p: &crate::spec::Point,
        base: &str,
        topic: &str,
        head: &(String, Origin),
        res: &Resolution,
    ) -> PointPlan {
        let terms: Vec<String> = res
            .topics
            .iter()
            .filter_map(|t| self.pb.topic_map.get(t))
            .flat_map(|t| t.terms().map(str::to_string))
            .filter(|t| t.chars().count() >= 2)
            .collect();
        PointPlan {
            heading: head.0.clone(),
            heading_origin: head.1.clone(),
            topic: topic.to_string(),
            area: self.base.get("area").cloned().unwrap_or_default(),
            // (Rare: the pool is read only for a topic that narrows.)
            narrowing: super::keep::Narrowing::of(topic, &terms, &res.topics).filter(|n| {
                let pool =
                    self.pb
                        .topic_pool(Role::Measure, &res.topics, self.vs.kind, self.vs.at());
                n.is_a_side_field(pool.iter().map(|ph| ph.text.as_ref()))
            }),
            terms,
            objects: {
                let pool =
                    self.pb
                        .topic_pool(Role::Measure, &res.topics, self.vs.kind, self.vs.at());
                let mut terms: Vec<&str> = res
                    .topics
                    .iter()
                    .filter_map(|t| self.pb.topic_map.get(t))
                    .flat_map(|t| t.terms())
                    .filter(|t| {
                        t.chars().count() >= 3
                            && !crate::text::contains(topic, t)
                            && !crate::text::contains(&head.0, t)
                    })
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                // How many of the pool's measures name each term (each measure read once).
                let set = crate::lexicon::TermSet::new(terms);
                let mut named = vec![0usize; set.terms().len()];
                for ph in &pool {
                    for (n, found) in named.iter_mut().zip(set.found_in(&ph.text)) {
                        *n += usize::from(found);
                    }
                }
                set.terms()
                    .iter()
                    .zip(named)
                    .filter(|&(_, n)| n * 4 <= pool.len())
                    .map(|(t, _)| t.to_string())
                    .collect()
            },
            fact_targets: p
                .facts
                .iter()
                .map(|f| super::shapes::is_target_on(&clause(f.as_str()), self.vs.date))
                .collect(),
            fact_clauses: p
                .facts
                .iter()
                .enumerate()
                .map(|(fi, f)| {
                    (
                        clause(f.as_str()),
                        Origin::Spec {
                            field: format!("{base}.facts[{fi}]"),
                        },
                    )
                })
                .collect(),
            unit_names: p
                .lead
                .iter()
                .chain(&p.support)
                .flat_map(|u| crate::lexicon::units::phrasebank_names(&clause(u.as_str())))
                .collect(),
            lead_names: p
                .lead
                .iter()
                .flat_map(|l| {
                    let l = clause(l.as_str());
                    let mut names = crate::lexicon::units::phrasebank_names(&l);
                    names.push(l.trim_start_matches(['县', '市', '区']).to_string());
                    names
                })
                .collect(),
            ..Default::default()
        }
    }

    /// A point's framing (and, in one point of two without facts, a second one) from its own
    /// sub-topics.
    fn point_framings(
        &mut self,
        pp: &mut PointPlan,
        p: &crate::spec::Point,
        res: &Resolution,
        topic: &str,
        topic_fields: &[String],
    ) {
        let mut elsewhere = self.led_by_another(Role::Framing, &res.topics);
        // A framing that defines its topic by its own words is circular (重点领域廉政风险是廉政
        // 风险易发多发的领域, read blind as a program's).
        let topic_chars: Vec<char> = topic.chars().collect();
        for ph in self
            .pb
            .topic_pool(Role::Framing, &res.topics, self.vs.kind, self.vs.at())
        {
            if let Some(rest) = ph.text.strip_prefix("{topic}")
                && topic_chars
                    .windows(4)
                    .any(|w| rest.contains(&w.iter().collect::<String>()))
            {
                elsewhere.insert(ph.id.to_string());
            }
        }
        // A topic that joins two fields (教育医疗 → 义务教育均衡 + 医共体建设) names neither
        // sub-topic: a framing of one field says its {topic} of that field alone, so it is drawn
        // from that sub-topic and names it (read at the stop, plenary-2024 seed 25: 教育医疗要在
        // 把患者留在县内上见真章, 教育医疗关系每个孩子的成长成才).
        let joined = joins_fields(topic, res);
        let one = |k: usize| -> (Vec<String>, (&'static str, String)) {
            if joined {
                let t = res.topics[k % res.topics.len()].clone();
                (vec![t.clone()], ("topic", t))
            } else {
                (res.topics.clone(), ("topic", topic.to_string()))
            }
        };
        let no_fields: &[String] = &[];
        let fields = if joined { no_fields } else { topic_fields };
        let (topics, slot) = one(0);
        pp.framing = self.sentence_except(
            Role::Framing,
            Pool::Topics(&topics),
            &[slot],
            fields,
            &elsewhere,
        );
        // A second sentence on why it matters, in one point of two without facts: read
        // blind, two framings restating the heading were a program's first tell.
        if p.facts.is_empty() && self.rng.coin() {
            let (topics, slot) = one(1);
            pp.framing2 = self.sentence_except(
                Role::Framing,
                Pool::Topics(&topics),
                &[slot],
                fields,
                &elsewhere,
            );
        }
    }

    /// A point joining two fields (教育医疗) says one field's measures, then the other's, the
    /// lead's field first (read at the stop, plenary-2024 seed 25: schooling and hospital
    /// measures alternated, and 由县教体局牵头 stood over 医共体医保基金打包付费). The order
    /// is stable within a field; what the prose rules kept is not changed.
    fn group_joined_fields(&self, plans: &mut [PointPlan], resolved: &[Resolution]) {
        for (pp, res) in plans.iter_mut().zip(resolved) {
            if !joins_fields(&pp.topic, res) {
                continue;
            }
            // The framings' fields too: a framing of the second field opens its paragraph.
            pp.measure_fields = pp
                .measures
                .iter()
                .chain(pp.framing.iter())
                .chain(pp.framing2.iter())
                .filter_map(|s| {
                    let id = entry_id(&s.origin)?;
                    let p = self.pb.get(id)?;
                    let k = res
                        .topics
                        .iter()
                        .position(|t| p.topics.iter().any(|n| n == t))?;
                    Some((id.to_string(), k))
                })
                .collect();
            let fields = std::mem::take(&mut pp.measure_fields);
            pp.measures.sort_by_key(|s| field_of(&fields, s));
            pp.measure_fields = fields;
        }
    }

    /// A point's facts, each in a frame true of it.
    fn point_facts(&mut self, pp: &mut PointPlan, p: &crate::spec::Point, base: &str, topic: &str) {
        for (fi, f) in p.facts.iter().enumerate() {
            let fact = clause(f.as_str());
            let field = format!("{base}.facts[{fi}]");
            // A frame must be true of its fact: one that calls it a task (任务艰巨, 如期完成)
            // only for a target; 一组数字 only before two figures or more.
            let target = super::shapes::is_target_on(&fact, self.vs.date);
            let figures = crate::prose::quantities(&fact);
            let loads = |t: &str| LOAD_WORDS.iter().any(|w| crate::text::contains(t, w));
            // A fact that opens with its verb is work to do (对标落实100项指标体系), not where
            // things stand: 目前，对标落实… (read at the stop, rule-of-law-2021 seed 11).
            let acts = super::shapes::opens_with_verb_opener(&fact)
                || super::shapes::DUI_VERBS.iter().any(|v| fact.starts_with(v));
            // Work done said as done (目前，已完成32处…; 目前，完成32处… wants its 已: read at
            // the drafts). The spec's words stay as written; 已 is grammar, not a fact.
            let fact = if !target
                && DONE_VERBS.iter().any(|v| fact.starts_with(v))
                && !fact.contains('已')
            {
                format!("已{fact}")
            } else {
                fact
            };
            // One load frame a draft (read blind, round 20: …，抓好森林防火，责任重大 and …，
            // 抓好秋季开学准备，责任重大 in two points were one template).
            let load_said = self
                .pb
                .pool_iter(Role::FactFrame, None, self.vs.kind, self.vs.at())
                .any(|ph| loads(&ph.text) && self.used_ids.contains(ph.id.as_str()));
            let untrue: HashSet<String> = self
                .pb
                .pool_iter(Role::FactFrame, None, self.vs.kind, self.vs.at())
                .filter(|ph| {
                    (!target && TASK_WORDS.iter().any(|w| crate::text::contains(&ph.text, w)))
                        // Figures are read out of what stands or was done, not of work to
                        // do that opens with its verb (这里讲一组数字：消除…薄弱村6个, round 32).
                        || ((figures < 2 || acts)
                            && crate::prose::NUMBERS_LEADS
                                .iter()
                                .chain(&["数字", "数据"])
                                .any(|w| ph.text.contains(w)))
                        // Where things stand (目前…, 从现有基础看…) is said of a state or a
                        // result, not of a target, a plan or a fact with its own time.
                        || ((target || acts || TIMED_WORDS.iter().any(|w| crate::text::contains(&fact, w)))
                            && STATE_WORDS.iter().any(|w| ph.text.contains(w)))
                        // A base is what was built (建成、储备、覆盖…): 从现有基础看，全区现有
                        // 登记吸毒人员312名 calls a problem a foundation.
                        || (ph.text.contains("基础")
                            && !BASE_WORDS.iter().any(|w| fact.contains(w)))
                        // What a point has to carry (森林防火的担子不轻) is not said of what
                        // was achieved (全县已建成5G基站300个), nor of work done that opens
                        // with its verb or says its time (排查整治重大隐患26处，抓好隐患排查，
                        // 责任重大; 今年以来办结欠薪案件76件，抓好根治欠薪，责任重大: read in
                        // this session's drafts): a target or a state is a load, a result not.
                        || (loads(&ph.text)
                            && (load_said
                                || BASE_WORDS.iter().any(|w| fact.contains(w))
                                || (!target
                                    && (acts
                                        || fact.contains('已')
                                        || crate::prose::says_its_time(&fact)))))
                        // What the work has done so far (前一阶段，…，但这只是开了个头) is said
                        // of work done, with its verb and without a time of its own.
                        || (ph.text.contains(DONE_SO_FAR)
                            && (target || !acts || crate::prose::says_its_time(&fact)))
                        // 目前，全区现有… says its time twice.
                        || (ph.text.contains("目前") && fact.contains("现有"))
                        // A fact that says its own time is not led by 今年 again (今年，今年
                        // 计划改造… read blind as two texts joined; 今年，…明年计划… says two).
                        || (crate::prose::says_its_time(&fact) && ph.text.contains("今年"))
                })
                .map(|ph| ph.id.to_string())
                .collect();
            let s = match self
                .draw(
                    Role::FactFrame,
                    None,
                    &[("fact", fact.clone()), ("topic", topic.to_string())],
                    &untrue,
                    true,
                )
                .map(|(id, text)| {
                    Sentence::new(
                        text,
                        Origin::Mixed {
                            id,
                            fields: vec![field.clone()],
                        },
                    )
                }) {
                Some(s) => Some(s),
                None => self.fallback(
                    "fact",
                    vec![
                        format!("{fact}。"),
                        format!("在{topic}上，{fact}。"),
                        format!("{topic}方面，{fact}。"),
                        format!("围绕{topic}，{fact}。"),
                    ],
                    vec![field],
                ),
            };
            pp.facts.extend(s);
        }
    }

    /// A point's assignment and deadline: one demand on the lead unit where it has both.
    fn point_assignment(
        &mut self,
        pp: &mut PointPlan,
        si: usize,
        pi: usize,
        base: &str,
        topic: &str,
    ) {
        let vs = self.vs;
        let p = &vs.spec.sections[si].points[pi];
        let year = vs.year();
        // A point the spec gives a leader: they take it in charge, the unit does the work.
        if p.leader.is_some() && p.lead.is_some() {
            let when = vs.deadlines[si][pi].map(|d| numerals::deadline_cn(d, year));
            pp.responsibility = self.led_assignment(p, base, topic, when);
            return;
        }
        // With a lead and a deadline, the assignment is one demand on the unit, worded with
        // the point (县住建局要牵头抓好…，6月底前…), not a lead line and a stock deadline
        // line tacked on after it.
        let demand = match (&p.lead, vs.deadlines[si][pi]) {
            (Some(lead), Some(d)) => self.demand(
                p,
                base,
                topic,
                clause(lead.as_str()),
                numerals::deadline_cn(d, year),
            ),
            _ => None,
        };
        let demanded = demand.is_some();
        pp.responsibility = match demand {
            Some(s) => Some(s),
            None => self.assignment(p, base, topic),
        };
        // The deadline, when the demand has not said it.
        if let Some(d) = vs.deadlines[si][pi].filter(|_| !demanded) {
            let line = super::assignment::DeadlineLine {
                name_topic: true,
                may_ensure: true,
            };
            pp.deadline = self.deadline_line(si, pi, base, topic, line, d);
        }
    }

    /// The points' measures: a formula of each point's genre first, then round-robin across the
    /// points from their own sub-topics.
    fn point_measures(
        &mut self,
        si: usize,
        theme: &str,
        resolved: &[Resolution],
        plans: &mut [PointPlan],
    ) {
        let vs = self.vs;
        let sec = &vs.spec.sections[si];
        // Measures round-robin across the points, up to six a point, each from its own
        // sub-topics and closest to its own words first.
        let keys: Vec<String> = sec
            .points
            .iter()
            .map(|p| {
                format!(
                    "{}{}",
                    p.topic,
                    p.title.as_ref().map(|t| t.as_str()).unwrap_or("")
                )
            })
            .collect();
        let allowed: Vec<Vec<String>> = resolved.iter().map(|r| r.topics.clone()).collect();
        // A formula of the genre its sub-topic has (“三管三必须”, 早提醒、早诫勉、早敲打) leads
        // the point's measures: it is what makes a real speech sound specific.
        for (k, pp) in plans.iter_mut().enumerate() {
            if allowed[k].is_empty() {
                continue;
            }
            if let Some(s) = self.sentence_from(Role::Formula, Pool::Topics(&allowed[k]), &[], &[])
            {
                pp.measures.push(s);
            }
        }
        let mut group = self.near_group(Role::Measure, theme, Some(&allowed), &keys, false);
        for _ in 0..self.measure_cap() + 6 {
            for (k, pp) in plans.iter_mut().enumerate() {
                if let Some(s) = self.sentence_near(&mut group, k) {
                    pp.measures.push(s);
                }
            }
        }
    }

    /// Record what each point resolved to; warn of points with no sub-topic or too few
    /// measures, and mark them for the writer with `--placeholders`.
    fn report_points(
        &mut self,
        si: usize,
        n: usize,
        plans: &mut [PointPlan],
        resolved: &[Resolution],
    ) {
        for pi in 0..n {
            let p = &self.vs.spec.sections[si].points[pi];
            let topic = clause(p.topic.as_str());
            let pp = &mut plans[pi];
            let res = &resolved[pi];
            // The measures a lead unit opens or is made the subject of (由县农业农村局牵头，…;
            // 县农业农村局要…) are the point's measures still, said among its tasks or where its
            // assignment goes.
            let fused = pp
                .tasks
                .iter()
                .chain(pp.responsibility.iter())
                .filter(|s| {
                    entry_id(&s.origin)
                        .and_then(|id| self.pb.get(id))
                        .is_some_and(|ph| ph.role == Role::Measure)
                })
                .count();
            let measures = pp.measures.len() + fused;
            let own =
                measures + usize::from(pp.framing.is_some()) + usize::from(pp.framing2.is_some())
                    - usize::from(pp.general);
            let implicit = self.is_implicit(si, pi);
            if res.is_empty() {
                let near = self.pb.topic_map.closest(&topic);
                self.warnings.push(format!(
                    "point 「{topic}」 (sections[{si}].points[{pi}]) resolves to no sub-topic of the topic map: drafted with its own facts and assignment only{}",
                    if near.is_empty() {
                        String::new()
                    } else {
                        format!("; give it `about:` (closest: {})", near.join("、"))
                    }
                ));
            } else if measures < MIN_MEASURES {
                self.warnings.push(format!(
                    "point 「{topic}」 ({}) is thin: {} has {} measure(s) for this meeting; the point is drafted short, not padded",
                    if implicit { "implicit".to_string() } else { format!("sections[{si}].points[{pi}]") },
                    res.topics.join("、"),
                    measures
                ));
            }
            if self.placeholders && measures < MIN_MEASURES {
                pp.measures.push(Sentence::new(
                    format!("【待补：{topic}的具体举措】"),
                    Origin::Template {
                        name: "plan:placeholder".into(),
                    },
                ));
            }
            self.point_topics.push(PointTopic {
                section: si,
                point: pi,
                topic: topic.clone(),
                implicit,
                resolution: res.clone(),
                drawn: own,
            });
        }
    }
}

/// Frames that say where things stand: true of a state or a result only.
const STATE_WORDS: [&str; 2] = ["目前", "基础"];

/// Frames that weigh a fact as the load its point carries (全镇林地面积12.6万亩，森林防火的担子
/// 不轻): read blind (round 19), a figure of where things stand said alone (目前，全镇林地面积
/// 12.6万亩。) and never used again was a program's loose statistic.
const LOAD_WORDS: [&str; 2] = ["担子", "责任重大"];

/// How an assignment names the work of a point joining two fields (教育医疗: 这两项工作由县教体
/// 局牵头抓总，…).
const JOINED_WORK: &str = "这两项工作";

/// The word of a fact frame that says what the work has done so far (前一阶段，…).
const DONE_SO_FAR: &str = "前一阶段";

/// What a fact must say to be called a base (从现有基础看，…): something built, held or reached.
const BASE_WORDS: [&str; 16] = [
    "建成",
    "完成",
    "新增",
    "累计",
    "达到",
    "储备",
    "实现",
    "覆盖",
    "培育",
    "拥有",
    "建有",
    "形成",
    "获评",
    "创成",
    "提高到",
    "增长",
];

/// The verbs a fact of work done opens with (完成32处…, 建成…): said with 已 before them.
const DONE_VERBS: [&str; 5] = ["完成", "建成", "实现", "形成", "创成"];

/// A fact that says its own time (去年…, 1—10月…, 今年以来…) or looks ahead (迎接…测评, 将…)
/// is not where things stand: no 目前 or 从现有基础看 before it (从现有基础看，今年10月迎接
/// 省级实地测评 was read as false).
const TIMED_WORDS: [&str; 14] = [
    "年", "月", "以来", "目前", "当前", "截至", "将", "迎接", "争取", "争创", "申报", "启动",
    "计划", "要",
];

/// Words of a fact frame that call its fact a task to be done (true only of a target).
const TASK_WORDS: [&str; 7] = ["任务", "目标", "计划", "如期", "倒排", "艰巨", "确保"];

/// The most measures a point draws from its sub-topics (a sub-topic has 6–12): fewer than its
/// whole pool, so that drafts of one spec with other seeds differ.
const MAX_MEASURES: usize = 6;

/// The most measures a point may take when its speech is short of its length: a specialised
/// meeting of five points (专题会议) drafted 2,400 characters of its 7,500 with six a point, and
/// the examples drafted 3,200–5,200 of 7,000–8,000 (the corpus's points run to 516 characters
/// at the median, ours to 293).
const MAX_MEASURES_FEW_POINTS: usize = 10;

impl<'a> Planner<'a> {
    /// How many measures a point takes at most: six, or up to ten when six a point (about 60
    /// characters each, 1,500 for the rest) would leave the speech short of its length. The
    /// length is then met by trimming, as ever; nothing is padded.
    fn measure_cap(&self) -> usize {
        let spec = &self.vs.spec;
        let points: usize = spec.sections.iter().map(|s| s.points.len()).sum();
        let target = spec
            .output
            .as_ref()
            .and_then(|o| o.length)
            .map(|l| l as usize)
            .unwrap_or(super::DEFAULT_LENGTH);
        if points == 0 {
            return MAX_MEASURES;
        }
        (target.saturating_sub(1_500) / (points * 60)).clamp(MAX_MEASURES, MAX_MEASURES_FEW_POINTS)
    }
}

/// Fewer measures than this make a point thin (warned; marked with `--placeholders`).
const MIN_MEASURES: usize = 3;

/// Whether a point's topic joins two fields: it resolved to two sub-topics and names neither
/// (教育医疗 → 义务教育均衡 + 医共体建设).
pub(super) fn joins_fields(topic: &str, res: &Resolution) -> bool {
    res.topics.len() >= 2 && !res.topics.iter().any(|t| topic.contains(t.as_str()))
}

/// The phrasebank entry a sentence was drawn from, if any.
fn entry_id(origin: &Origin) -> Option<&str> {
    match origin {
        Origin::Phrase { id } | Origin::Mixed { id, .. } => Some(id),
        _ => None,
    }
}

/// A measure's field in a point joining two ([`PointPlan::measure_fields`]); 0 when unknown.
pub(super) fn field_of(fields: &[(String, usize)], s: &Sentence) -> usize {
    entry_id(&s.origin)
        .and_then(|id| fields.iter().find(|(i, _)| i == id))
        .map_or(0, |&(_, k)| k)
}
