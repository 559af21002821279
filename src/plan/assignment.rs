//! A point's assignment: its lead, support units and deadline, worded with the point (县住建局要
//! 牵头抓好…，6月底前…) in wordings each used once a draft, or opening one of its measures
//! (由县林业局牵头，…) as the corpus writes it.

use super::*;

impl<'a> Planner<'a> {
    /// In about two points of three with a lead, the lead opens the point's first measure that
    /// starts with its verb, in place of an assignment line; a deadline is then said on its own.
    pub(super) fn leads_open_measures(&mut self, si: usize, plans: &mut [PointPlan]) {
        let vs = self.vs;
        let sec = &vs.spec.sections[si];
        // 由县自然资源局牵头，县农业农村局具体负责，严格…: in about two points of three with a lead,
        // the assignment opens the point's first measure that starts with its
        // verb, as the corpus writes it (由韩靖同志牵头，县科工信局具体负责，扎实推进…), instead of
        // a line tacked on at the point's end.
        // Two points in a row never open one way (由县民政局牵头，… then 由县民政局牵头，…).
        let mut last: Option<bool> = None;
        for (k, pp) in plans.iter_mut().enumerate() {
            let p = &sec.points[k];
            let Some(lead) = &p.lead else {
                last = None;
                continue;
            };
            // In one point of three the lead is not put first but made the subject of another
            // measure, said where the assignment goes (…。县人社局要会同县财政局统筹各类公益岗位
            // 资金渠道…), as the corpus names a unit mid-point (在数据上报后，县统计局要密切关注…):
            // read blind, a stock line (主要负责同志亲自抓…) in its place was a program's tell.
            // A point the spec gives a leader (韩靖同志) is led by them, the unit doing the work
            // (由韩靖同志牵头，县商务局具体负责，…): never the unit as the subject, nor in place.
            let leader = p.leader.as_ref().map(|l| clause(l.as_str()));
            let in_place = self.rng.below(3) == 0 && leader.is_none();
            // A unit that oversees the work (督查室, 党政办) does none of the measures itself
            // (drawn first all the same, so the other points draw as before):
            // its assignment is a line of its own.
            if crate::lexicon::units::oversees(lead.as_str()) {
                last = None;
                continue;
            }
            // Of the measures it may open, the one closest to the heading's own words (养老机构
            // 消防安全: 由县民政局牵头，县消防救援大队具体负责，… opened the nursing-staff measure);
            // in place, the next closest, so that the point does not open on the unit.
            let own = pp.own_pairs();
            let names_lead = |t: &str| pp.lead_names.iter().any(|n| t.contains(n.as_str()));
            let mut fit: Vec<(usize, usize)> = pp
                .measures
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    // A formula (宁可十防九空…) is the genre's, not the lead unit's own action.
                    matches!(&m.origin, Origin::Phrase { id } if !id.contains(".formula."))
                        && opens_with_verb(&m.text)
                        && !super::shapes::checks_the_work(&m.text)
                        // One that names the unit already would name it twice (市农业农村局要
                        // 推行…，市农业农村局班子成员…下沉驻点).
                        && !names_lead(&m.text)
                        // Of a point joining two fields, one of the lead's field, said first
                        // (由县教体局牵头，县卫健局配合，发展互联网医疗… put the schools' unit
                        // over a hospital measure: plenary-2024 seed 7).
                        && super::body::field_of(&pp.measure_fields, m) == 0
                })
                .map(|(i, m)| (i, PointPlan::closeness(&own, &m.text).min(4)))
                // Where a support unit would be named over a measure off the heading's own work
                // (县消防救援大队具体负责，加强养老护理员队伍建设), the lead is an assignment line.
                .filter(|&(_, close)| close > 0 || own.is_empty() || p.support.is_empty())
                .collect();
            fit.sort_by_key(|&(i, close)| (std::cmp::Reverse(close), i));
            let pick = if in_place && fit.len() > 1 { 1 } else { 0 };
            let Some(&(j, _)) = fit.get(pick) else {
                continue;
            };
            let base = format!("sections[{si}].points[{k}]");
            let lead = clause(lead.as_str());
            let support: Vec<String> = p.support.iter().map(|s| clause(s.as_str())).collect();
            let mut fields = vec![format!("{base}.lead")];
            // Or the lead is the measure's subject (县民政局要把…纳入…; 县林业局要会同县应急
            // 管理局，…), as the corpus names who acts (商务局要拉出方案、细化分工).
            // Not where another measure names the unit already (考核办要… twice, then a third).
            let named = pp.measures.iter().any(|m| names_lead(&m.text));
            if in_place && named {
                continue;
            }
            let subject = in_place
                || match last {
                    Some(true) => false,
                    Some(false) if named => {
                        last = None;
                        continue;
                    }
                    Some(false) => true,
                    None => self.rng.coin() && !named,
                };
            last = if in_place { None } else { Some(subject) };
            // 县教育局要会同县民政局，… once a draft: read blind (round 30), the same opening in
            // three points of one speech was a program's formula. Later ones are led (由…牵头).
            let subject = subject && (support.is_empty() || !self.worked_with) && leader.is_none();
            self.worked_with |= subject && !support.is_empty();
            // When the speaker heads the government, the deputy in charge may lead and the unit
            // do the work, as the corpus assigns it (由韩靖县长牵头，县商务局具体负责，…).
            let head = self.government_head();
            // Not where the spec names who leads other points (由王军副县长牵头 in one point, then
            // 由分管副县长牵头 over the same 县财政局 in the next, read at a draft of our own): it
            // named the leaders it meant (the coin is still tossed, so later draws are as before).
            let named_leaders = any_point_led(self.vs);
            let deputy = !subject
                && support.is_empty()
                && head.is_some()
                && self.rng.coin()
                && !named_leaders;
            let by = match (support.is_empty(), subject) {
                _ if leader.is_some() => {
                    led_by(leader.as_deref().unwrap_or_default(), &lead, &support)
                }
                (true, false) if deputy => {
                    format!("由分管副{}牵头，{lead}具体负责，", head.unwrap_or("县长"))
                }
                (true, false) => format!("由{lead}牵头，"),
                (true, true) => format!("{lead}要"),
                // Support departments work with the lead on it, not on this measure alone: read
                // blind (round 17), 县交通运输局、县公安局交警大队具体负责 fitting 北斗 terminals to
                // farm machines was a program's division of work. The localities (各镇, 各县区)
                // are where the work is done: they are 具体负责.
                (false, false) => {
                    let act = if support.iter().all(|u| u.starts_with('各')) {
                        "具体负责"
                    } else {
                        "配合"
                    };
                    format!("由{lead}牵头，{}{act}，", support.join("、"))
                }
                (false, true) => format!("{lead}要会同{}，", support.join("、")),
            };
            if !support.is_empty() {
                fields.push(format!("{base}.support"));
            }
            if leader.is_some() {
                fields.push(format!("{base}.leader"));
            }
            let m = pp.measures.remove(j);
            let Origin::Phrase { id } = m.origin else {
                unreachable!("picked a phrase")
            };
            let demand = Sentence::new(format!("{by}{}", m.text), Origin::Mixed { id, fields });
            if in_place {
                // The assignment's own place (after the opening or at the end): a demand on the
                // unit that says what it does, never cut with the measures.
                pp.responsibility = Some(demand);
            } else {
                // After the writer's own tasks and before the measures, which are ordered from
                // the general to the specific: it keeps its place and takes no connective.
                pp.tasks.push(demand);
                pp.responsibility = None;
            }
            // A deadline the demand said is said on its own now, at the point's end, without
            // the unit again (由县林业局牵头，… then 确保5月底前完成。).
            if let Some(d) = vs.deadlines[si][k]
                && pp.deadline.is_none()
            {
                // Said after the prose rules kept the point's sentences: not naming a topic
                // they say twice already (…农村人居环境的底线要求, 对照农村人居环境整治…, then
                // 10月底前是农村人居环境的硬杠杠: plenary-2023 seed 2).
                // Nor a third 确保 (确保项目按计划节点推进, 确保进度不受大的影响, then 确保6月底
                // 前完成既定任务: plenary-2024 seed 0).
                let topic = clause(p.topic.as_str());
                let kept: Vec<&str> = pp
                    .framing
                    .iter()
                    .chain(&pp.framing2)
                    .chain(&pp.facts)
                    .chain(&pp.tasks)
                    .chain(&pp.measures)
                    .map(|s| s.text.as_str())
                    .collect();
                let said = kept
                    .iter()
                    .map(|t| t.matches(topic.as_str()).count())
                    .sum::<usize>();
                let ensured = kept.iter().filter(|t| crate::prose::ensures(t) > 0).count();
                let line = DeadlineLine {
                    name_topic: said < 2,
                    may_ensure: ensured < 2,
                };
                pp.deadline = self.deadline_line(si, k, &base, &topic, line, d);
            }
        }
    }

    /// A point's deadline said on its own (确保6月底前完成。).
    pub(super) fn deadline_line(
        &mut self,
        si: usize,
        pi: usize,
        base: &str,
        topic: &str,
        line: DeadlineLine,
        d: chrono::NaiveDate,
    ) -> Option<Sentence> {
        let when = numerals::deadline_cn(d, self.vs.year());
        let field = format!("{base}.deadline");
        // The point's topic may be named (…将对秸秆禁烧逐项组织验收): read blind (round 23), one
        // closing line said word for word in two drafts on different topics gave both away.
        // Not a topic that joins two fields (教育医疗), which is said by each field's name.
        let sec = &self.vs.spec.sections[si];
        let res = self.pb.topic_map.resolve(&super::topics::query(
            &sec.points[pi],
            &sec.theme.0,
            self.vs.year(),
        ));
        let mut extra = vec![("deadline", when.clone())];
        if line.name_topic && !super::body::joins_fields(topic, &res) {
            extra.push(("topic", topic.to_string()));
        }
        let fields = [field.clone(), format!("{base}.topic")];
        let ensuring: HashSet<String> = if line.may_ensure {
            HashSet::default()
        } else {
            self.pb
                .pool_iter(Role::Deadline, None, self.vs.kind, self.vs.at())
                .filter(|ph| crate::prose::ensures(&ph.text) > 0)
                .map(|ph| ph.id.to_string())
                .collect()
        };
        match self.sentence_except(
            Role::Deadline,
            Pool::Theme(None),
            &extra,
            &fields,
            &ensuring,
        ) {
            // The topic's field only where the line names it.
            Some(mut s) => {
                if let Origin::Mixed { fields, .. } = &mut s.origin
                    && !s.text.contains(topic)
                {
                    fields.retain(|f| !f.ends_with(".topic"));
                }
                Some(s)
            }
            None => self.fallback(
                "deadline",
                match (line.may_ensure, line.name_topic) {
                    (true, true) => vec![
                        format!("确保{when}完成。"),
                        format!("{topic}的各项任务要在{when}完成。"),
                        format!("{when}要见到{topic}的实际成效。"),
                    ],
                    (true, false) => vec![format!("确保{when}完成。")],
                    (false, _) => vec![format!("各项任务要在{when}完成。")],
                },
                vec![field],
            ),
        }
    }

    /// The assignment line of a point the spec gives a leader and a lead, with its deadline
    /// when it has one: the leader takes it in charge, the unit does the work (请龚颖同志牵头，
    /// 发改局具体负责，… is the corpus's). Each wording once a draft while there are fresh ones;
    /// one is always said (the leader is the spec's and must be in the draft).
    pub(super) fn led_assignment(
        &mut self,
        p: &crate::spec::Point,
        base: &str,
        topic: &str,
        when: Option<String>,
    ) -> Option<Sentence> {
        let leader = clause(p.leader.as_ref()?.as_str());
        let lead = clause(p.lead.as_ref()?.as_str());
        let support: Vec<String> = p.support.iter().map(|s| clause(s.as_str())).collect();
        let gov = self.base.get("gov").cloned().unwrap_or_default();
        let by = led_by(&leader, &lead, &support);
        let by = by.trim_end_matches('，');
        let texts = match &when {
            Some(when) => vec![
                format!("{topic}{by}，{when}要完成阶段性任务并向{gov}报告。"),
                format!(
                    "请{}，{when}把{topic}的各项任务逐一落地。",
                    by.trim_start_matches('由')
                ),
                format!("{by}，对{topic}排出时间表，{when}该完成的一项不能少。"),
            ],
            None => vec![
                format!("{topic}{by}，拿出具体方案，一项一项抓到位。"),
                format!(
                    "请{}，把{topic}的任务分解到岗、落实到人。",
                    by.trim_start_matches('由')
                ),
                format!("{by}，有进展、有问题及时向{gov}报告。"),
            ],
        };
        let mut fields = vec![format!("{base}.leader"), format!("{base}.lead")];
        if !support.is_empty() {
            fields.push(format!("{base}.support"));
        }
        if when.is_some() {
            fields.push(format!("{base}.deadline"));
        }
        let marked: Vec<(String, String)> = texts
            .into_iter()
            .enumerate()
            .map(|(k, t)| (format!("plan:led:{}:{k}", when.is_some()), t))
            .collect();
        let fresh: Vec<usize> = (0..marked.len())
            .filter(|&k| !self.used_texts.contains(&marked[k].0))
            .collect();
        let k = if fresh.is_empty() {
            self.rng.below(marked.len())
        } else {
            fresh[self.rng.below(fresh.len())]
        };
        let (mark, text) = marked[k].clone();
        self.used_texts.insert(mark);
        Some(Sentence::new(
            text,
            Origin::Mixed {
                id: "plan:led".into(),
                fields,
            },
        ))
    }

    /// The point's lead, support units and deadline in one demand worded with its topic.
    pub(super) fn demand(
        &mut self,
        p: &crate::spec::Point,
        base: &str,
        topic: &str,
        lead: String,
        when: String,
    ) -> Option<Sentence> {
        let gov = self.base.get("gov").cloned().unwrap_or_default();
        let sup: Vec<String> = p.support.iter().map(|s| clause(s.as_str())).collect();
        let together = together(sup.len());
        let sup = sup.join("、");
        // 抓好 takes a task, not a thing (抓好专项维修资金工作, not 抓好专项维修资金).
        let task = super::headings::as_demand(topic);
        // Six wordings, each once a draft (read blind, one fixed line closing points of several
        // drafts gave them away), and every one says what the deadline is for and what is done
        // by it (read blind, 要拿出看得见的成效 and 要有明确结果 were vague stock closings).
        let texts = if sup.is_empty() {
            vec![
                format!("{lead}要牵头{task}，{when}把各项任务逐一落地。"),
                format!("{topic}由{lead}牵头抓总，{when}要完成阶段性任务并向{gov}报告。"),
                format!("{lead}要把{topic}的任务分解到人，{when}向{gov}报告进展。"),
                // 倒排工期 is a building site's word (read as a program's on 校园食品安全).
                format!("{lead}要对{topic}排出时间表，{when}该完成的一项不能少。"),
                format!("{topic}的牵头单位是{lead}，{when}要把完成情况书面报告{gov}。"),
                format!("{lead}要把{topic}的时间节点往前排，{when}完成既定任务。"),
            ]
        } else {
            vec![
                format!("{lead}要牵头{task}，{sup}要{together}，{when}把各项任务逐一落地。"),
                format!("{topic}由{lead}牵头抓总，{sup}按职责分工配合，{when}要完成阶段性任务。"),
                format!("由{lead}牵头，会同{sup}把{topic}的任务分解到人，{when}向{gov}报告进展。"),
                format!("{lead}要会同{sup}对{topic}排出时间表，{when}该完成的一项不能少。"),
                format!(
                    "由{lead}牵头、{sup}配合，{when}完成{topic}的既定任务，完不成的要向{gov}说明原因。"
                ),
                format!(
                    "{topic}涉及多个部门，{lead}要牵好头，{sup}要主动配合，{when}向{gov}报告完成情况。"
                ),
            ]
        };
        let mut fields = vec![format!("{base}.lead"), format!("{base}.deadline")];
        if !sup.is_empty() {
            fields.push(format!("{base}.support"));
        }
        let mut fresh: Vec<(String, String)> = texts
            .into_iter()
            .enumerate()
            .map(|(k, t)| (format!("plan:demand:{k}"), t))
            .filter(|(mark, _)| !self.used_texts.contains(mark))
            .collect();
        if fresh.is_empty() {
            return None;
        }
        let k = self.rng.below(fresh.len());
        let (mark, text) = fresh.swap_remove(k);
        self.used_texts.insert(mark);
        self.fallback("demand", vec![text], fields)
    }

    /// The point's assignment: its lead (and support units) by name.
    pub(super) fn assignment(
        &mut self,
        p: &crate::spec::Point,
        base: &str,
        topic: &str,
    ) -> Option<Sentence> {
        if let Some(lead) = &p.lead {
            let lead = clause(lead.as_str());
            let support: Vec<String> = p.support.iter().map(|s| clause(s.as_str())).collect();
            let mut extra = vec![("lead", lead.clone())];
            let mut fields = vec![format!("{base}.lead")];
            if !support.is_empty() {
                extra.push(("support", support.join("、")));
                fields.push(format!("{base}.support"));
            }
            // Two assignments of three are worded with the point (县住建局要牵头抓好城镇燃气…):
            // read blind, the phrasebank's fixed lines (主要负责同志亲自抓…) at the end of every
            // point were a program's tell.
            if self.rng.weighted(&[2, 1]) == 0
                && let Some(s) = self.worded_assignment(&lead, &support, topic, &fields)
            {
                return Some(s);
            }
            self.drawn_assignment(&lead, &support, topic, &extra, &fields)
        } else if !p.support.is_empty() {
            let sup: Vec<String> = p.support.iter().map(|s| clause(s.as_str())).collect();
            let together = together(sup.len());
            let sup = sup.join("、");
            self.fallback(
                "support",
                vec![
                    format!("{sup}要密切配合、形成合力。"),
                    format!("{sup}要围绕{topic}主动作为、协同推进。"),
                    format!("在{topic}上，{sup}要{together}。"),
                ],
                vec![format!("{base}.support")],
            )
        } else {
            None
        }
    }

    /// An assignment worded with the point, in a wording not used yet this draft.
    fn worded_assignment(
        &mut self,
        lead: &str,
        support: &[String],
        topic: &str,
        fields: &[String],
    ) -> Option<Sentence> {
        let together = together(support.len());
        let task = super::headings::as_demand(topic);
        let gov = self.base.get("gov").cloned().unwrap_or_default();
        let texts = if support.is_empty() {
            vec![
                format!("{lead}要牵头{task}，拿出具体方案，一项一项抓到位。"),
                format!(
                    "{topic}由{lead}牵头负总责，要细化任务、压实责任，有进展、有问题及时向{gov}报告。"
                ),
                format!("{lead}要把{topic}的任务分解到岗、落实到人，一月一调度。"),
                format!("{topic}的牵头责任在{lead}，要每月调度、及时解决推进中的问题。"),
                format!("{lead}要牵好{topic}这个头，该协调的主动协调，该上报的及时上报。"),
                format!("{lead}要把{topic}列入本部门重点工作，按月调度、按季小结。"),
            ]
        } else {
            let sup = support.join("、");
            vec![
                format!("{lead}要牵头{task}，{sup}要{together}，形成工作合力。"),
                format!("{topic}由{lead}牵头抓总，{sup}按职责分工配合，确保各项任务落到实处。"),
                format!("由{lead}牵头，会同{sup}把{topic}的任务分解到岗，遇到难题及时会商解决。"),
                // Support units work on their own parts of it, they do not serve the lead
                // (主动对接、靠前服务 is said of serving enterprises; read as a tacked-on line).
                format!(
                    "{lead}要牵好{topic}这个头，{sup}要按各自职责抓好分管环节，遇到交叉问题及时会商。"
                ),
                format!("{topic}由{lead}统筹，{sup}分工负责，拧成一股绳往前推。"),
                format!(
                    "在{topic}上，{lead}是牵头单位，{sup}是责任单位，要建立会商机制、形成工作合力。"
                ),
            ]
        };
        // Each wording once a draft (two alike read as one sentence said twice).
        let mut fresh: Vec<(String, String)> = texts
            .into_iter()
            .enumerate()
            .map(|(k, t)| (format!("plan:assignment:{k}"), t))
            .filter(|(mark, _)| !self.used_texts.contains(mark))
            // An office is not told to make its own work a priority (县政府督查室要把督查问效
            // 列入本部门重点工作, read blind as circular, round 27).
            .filter(|(_, t)| !(own_work(lead, topic) && t.contains("本部门重点工作")))
            .collect();
        self.rng.shuffle(&mut fresh);
        let (mark, text) = fresh.into_iter().next()?;
        let s = self.fallback("assignment", vec![text], fields.to_vec())?;
        self.used_texts.insert(mark);
        Some(s)
    }

    /// An assignment drawn from the phrasebank (naming the support units where there are
    /// some), or a stock line.
    fn drawn_assignment(
        &mut self,
        lead: &str,
        support: &[String],
        topic: &str,
        extra: &[(&'static str, String)],
        fields: &[String],
    ) -> Option<Sentence> {
        // With support units, only entries that name them.
        let s = if support.is_empty() {
            // A small office has no 主要负责同志 and 分管负责同志 to share the work (read blind,
            // round 25: 县政府督查室…主要负责同志亲自抓、分管负责同志具体抓 was stock).
            let ranks: HashSet<String> = if crate::lexicon::units::is_small_office(lead) {
                self.pb
                    .pool(Role::Responsibility, None, self.vs.kind, self.vs.at())
                    .into_iter()
                    .filter(|ph| ph.text.contains("负责同志"))
                    .map(|ph| ph.id.to_string())
                    .collect()
            } else {
                HashSet::default()
            };
            self.sentence_except(
                Role::Responsibility,
                Pool::Theme(None),
                extra,
                fields,
                &ranks,
            )
        } else {
            let ids: HashSet<String> = self
                .pb
                .pool(Role::Responsibility, None, self.vs.kind, self.vs.at())
                .into_iter()
                .filter(|ph| !ph.slots().contains(&"support"))
                .map(|ph| ph.id.to_string())
                .collect();
            self.draw(Role::Responsibility, None, extra, &ids, true)
                .map(|(id, text)| {
                    Sentence::new(
                        text,
                        Origin::Mixed {
                            id,
                            fields: fields.to_vec(),
                        },
                    )
                })
        };
        match s {
            Some(s) => Some(s),
            None => {
                let texts = if support.is_empty() {
                    vec![
                        format!("由{lead}牵头负责。"),
                        format!("{lead}要切实负起牵头责任。"),
                        format!("{lead}要把{topic}抓在手上、扛在肩上。"),
                    ]
                } else {
                    let sup = support.join("、");
                    vec![
                        format!("由{lead}牵头，{sup}配合。"),
                        format!("{lead}牵头抓总，{sup}协同推进。"),
                        format!("{lead}要牵头推进{topic}，{sup}要密切配合。"),
                    ]
                };
                self.fallback("responsibility", texts, fields.to_vec())
            }
        }
    }
}

/// Whether a point's measures, as shaped, set its lead unit to work by name (…。同时，区交通运输局
/// 要督促运输企业…), so that its plain assignment line says nothing new: after such a measure,
/// 区交通运输局要牵好道路交通安全这个头，该协调的主动协调… named the unit a second time (read at the
/// stop, safety-2025 seed 58). Only a line that names the lead alone is said already: one with
/// support units or a deadline says what the measure did not, and one the measures do not
/// reach (cut from a long enumeration) is still wanted.
pub(super) fn assigned_by_a_measure(responsibility: &Sentence, measures: &[&Sentence]) -> bool {
    let Origin::Mixed { id, fields } = &responsibility.origin else {
        return false;
    };
    let plain = id.starts_with("plan:assignment")
        || id.starts_with("plan:responsibility")
        || id.contains(".responsibility.");
    let [lead] = fields.as_slice() else {
        return false;
    };
    plain
        && lead.ends_with(".lead")
        && measures
            .iter()
            .any(|m| matches!(&m.origin, Origin::Mixed { fields, .. } if fields.contains(lead)))
}

/// Whether a point's responsibility is a demand on its unit that does one of its measures
/// (县公安局交通管理大队要推动…: a measure said with the unit as its subject, in place of the
/// assignment), not a line that assigns the work (…由县住建局牵头抓总…).
pub(super) fn is_a_units_demand(responsibility: &Sentence) -> bool {
    matches!(&responsibility.origin, Origin::Mixed { id, .. }
        if id.contains(".measure.") || id.contains(".formula."))
}

/// Whether the spec names the leader (`leader`) of any of its points.
fn any_point_led(vs: &crate::spec::ValidSpec) -> bool {
    vs.spec
        .sections
        .iter()
        .flat_map(|s| &s.points)
        .any(|p| p.leader.is_some())
}

/// Whether a measure starts with its verb (加强…, 严格落实…), so that 由…牵头， can open it: not
/// with its actor (住建部门要…), a condition (对…的, 凡是…), a demand (要…), a connective or a
/// setting, and not naming a lead of its own.
///
/// It must open with one of the verbs and adverbs measures open with (`shapes::VERB_OPENERS`,
/// from the phrasebank's measures) or with 把/将/按/每/逐: a measure opening on its own subject
/// (镇村便民服务站全部接入…) took 县行政审批服务局要 before it, ungrammatically.
pub(super) fn opens_with_verb(text: &str) -> bool {
    const NOT_FIRST: [&str; 12] = [
        "对", "凡", "要", "同时", "此外", "特别", "在", "从", "各", "通过", "结合", "围绕",
    ];
    let first = text.split('，').next().unwrap_or(text);
    let verb_led = super::shapes::opens_with_verb_opener(text)
        || text.starts_with(['把', '将', '按', '每', '逐']);
    verb_led
        // A first clause that is a time or a case (制定涉企政策时，要…) is not the unit's work:
        // 镇财政所要制定涉企政策时，要… reads as two subjects.
        && !first.ends_with(['时', '的', '后', '前'])
        // Nor a stretch of time (镇卫生院要常态化防控期间严格控制…, investment-town-2022).
        && !first.contains("期间")
        && !first.contains('要')
        && !first.contains("部门")
        && !text.contains("牵头")
        && !text.contains("负责")
        && !NOT_FIRST.iter().any(|w| text.starts_with(w))
}

/// Whether a point's topic is its lead unit's own line of work (督查问效 for 县政府督查室, 考核
/// for 县考核办): the unit's name says the topic's first word.
pub(super) fn own_work(lead: &str, topic: &str) -> bool {
    let word = crate::text::prefix(topic, 2);
    word.chars().count() == 2 && lead.contains(word)
}

/// How a point the spec gives a leader opens (由韩靖同志牵头，县商务局具体负责，…), as the corpus
/// assigns it: the leader takes it in charge, the unit does the work, the support units help
/// (the localities, 各镇, do it with the unit).
fn led_by(leader: &str, lead: &str, support: &[String]) -> String {
    if support.is_empty() {
        format!("由{leader}牵头，{lead}具体负责，")
    } else if support.iter().all(|u| u.starts_with('各')) {
        format!("由{leader}牵头，{lead}、{}具体负责，", support.join("、"))
    } else {
        format!(
            "由{leader}牵头，{lead}具体负责，{}配合，",
            support.join("、")
        )
    }
}

/// What the support units do together: 各司其职 is said of several (read blind, one unit told
/// 要各司其职 was a filled-in slot's tell).
fn together(units: usize) -> &'static str {
    if units > 1 {
        "各司其职、密切配合"
    } else {
        "主动配合、协同推进"
    }
}

/// How a point's deadline line may be worded: naming the point's topic, saying 确保 (not when
/// the point's kept sentences say either twice already).
#[derive(Debug, Clone, Copy)]
pub(super) struct DeadlineLine {
    pub(super) name_topic: bool,
    pub(super) may_ensure: bool,
}
