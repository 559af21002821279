//! Assembly: [`Planner::run`] puts the speech together — sections, then the opening in the kind
//! template's order, the closing, the length — and [`to_part`] turns a section's plan into the
//! document model's [`Part`].

use super::*;

pub(super) fn to_part(
    i: usize,
    s: SectionPlan,
    marker: ItemMarker,
    shaped: Vec<(Vec<Paragraph>, Vec<Item>)>,
) -> Part {
    let parts = s
        .points
        .into_iter()
        .zip(shaped)
        .enumerate()
        .map(|(j, (p, (body, items)))| Part {
            number: j as u32 + 1,
            level: 2,
            heading: p.heading,
            heading_origin: p.heading_origin,
            body,
            items,
            ..Default::default()
        })
        .collect();
    let items = s
        .items
        .into_iter()
        .enumerate()
        .map(|(k, it)| Item {
            number: k as u32 + 1,
            marker,
            lead: it.lead,
            lead_origin: it.lead_origin,
            body: Paragraph::new(it.measures),
            own_paragraph: true,
            line: 0,
        })
        .collect();
    Part {
        number: i as u32 + 1,
        level: 1,
        heading: s.heading,
        heading_origin: s.heading_origin,
        body: if s.intro.is_empty() {
            Vec::new()
        } else {
            vec![Paragraph::new(s.intro)]
        },
        parts,
        items,
        ..Default::default()
    }
}

impl<'a> Planner<'a> {
    pub(super) fn run(&mut self) -> Result<Plan> {
        let vs = self.vs;
        let spec = &vs.spec;
        self.warn_theme_eras();
        let template = format!("kinds/{}.tera", vs.kind.name());
        let order = self.templates.opening_order(&template)?;

        let mut speech = Speech {
            title: title_of(spec.meeting.name.as_str()),
            salutation: Some("同志们：".to_string()),
            ..Default::default()
        };
        if let Some(name) = &spec.speaker.name {
            speech
                .byline
                .push(format!("{}　{}", spec.speaker.role, name));
        }
        speech
            .byline
            .push(format!("（{}）", numerals::date_cn(vs.date)));

        // Sections first (their count is announced), then the opening in the kind's order.
        let mut sections = self.plan_sections();
        let elaborate_facts_first = self.rng.coin();
        speech.opening = self.opening(&order, &template, sections.len())?;
        speech.closing = self.closing();

        // Length: trim the deepest elaboration until within the target.
        let target = spec
            .output
            .as_ref()
            .and_then(|o| o.length)
            .map(|l| l as usize)
            .unwrap_or(DEFAULT_LENGTH);
        let fixed = char_len(&speech.title)
            + speech.byline.iter().map(|l| char_len(l)).sum::<usize>()
            + 4
            + speech
                .opening
                .iter()
                .chain(&speech.closing)
                .map(|p| char_len(&p.text()))
                .sum::<usize>();
        let upper = target + target / 20;
        let mut length_est = fixed + sections_len(&sections);
        while length_est > upper {
            let Some(removed) = trim_one(&mut sections) else {
                break;
            };
            length_est -= removed;
        }
        debug_assert_eq!(length_est, fixed + sections_len(&sections));

        let marker = if self.rng.coin() {
            ItemMarker::Yao
        } else {
            ItemMarker::Shi
        };
        // Where the draft's enumerations start in the lead-ins (each point's shape takes the next).
        // (drawn, so two meetings drafted with one seed do not start on the same lead-in)
        // The speaker's aside is said from the second part on (the first part sets out the work).
        let draft = super::shapes::Shaping {
            enumerations: self.rng.below(6),
            aside: None,
            targets: 0,
        };
        let aside = super::shapes::ASIDES[(self.seed >> 5) as usize % super::shapes::ASIDES.len()];
        // How each point's sentences are joined (one paragraph or two, which connective):
        // siblings differ, and the seed moves where a speech starts. 特别是 (2) thrice in six:
        // the corpus says it twice as often as 同时 (1), which ours said more often.
        const VOICES: [usize; 6] = [0, 2, 1, 2, 3, 2];
        let seed = self.seed as usize;
        let mut to_shape = Vec::new();
        let mut aside_given = false;
        for (i, s) in sections.iter().enumerate() {
            for (j, p) in s.points.iter().enumerate() {
                // The aside is there from the second part on: the first point after it starts.
                let aside_from_here = i >= 1 && !aside_given;
                aside_given |= aside_from_here;
                to_shape.push(super::shapes::ToShape {
                    point: p,
                    variant: (seed + i * 3 + j) % 3,
                    voice: VOICES[((seed >> 3) + i + j) % VOICES.len()],
                    aside_from_here,
                });
            }
        }
        let mut shaped = super::shapes::shape_all(
            self.templates,
            &to_shape,
            elaborate_facts_first,
            draft,
            aside,
        )
        .into_iter();
        drop(to_shape);
        speech.parts = sections
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let mine = shaped.by_ref().take(s.points.len()).collect();
                to_part(i, s, marker, mine)
            })
            .collect();
        name_each_unit_once(&mut speech);
        address_the_room(&mut speech, self.vs.level.units());
        let length = fixed + speech.parts.iter().map(part_len).sum::<usize>();
        // Both said of the draft as shaped (an enumeration stops at four long items; the
        // connectives and the speaker's aside add a few characters).
        if length * 10 > target * 11 {
            self.warnings.push(format!(
                "the draft has about {length} characters, over the {target} asked: the spec's own facts and parts need that much; raise output.length or drop points"
            ));
        }
        if length * 10 < target * 9 {
            // Said as the writer asked it, or as the default it is (a spec without a length).
            let asked = if spec.output.as_ref().and_then(|o| o.length).is_some() {
                format!("the {target} asked")
            } else {
                format!("the {target} a speech usually runs to (set output.length for another)")
            };
            self.warnings.push(format!(
                "the draft has about {length} characters, short of {asked}: add points or facts to the spec (wengao never pads)"
            ));
        }
        Ok(Plan {
            speech,
            seed: self.seed,
            template,
            patterns: std::mem::take(&mut self.patterns),
            warnings: std::mem::take(&mut self.warnings),
            target,
            length,
            topics: std::mem::take(&mut self.point_topics),
        })
    }

    /// Warn of each theme of the spec that belongs to other years than the meeting's.
    fn warn_theme_eras(&mut self) {
        let vs = self.vs;
        let spec = &vs.spec;
        for (name, from, to, how) in THEME_ERAS {
            if spec.sections.iter().any(|s| s.theme.as_str() == name)
                && !theme_in_era(name, vs.year())
            {
                self.warnings.push(format!(
                    "theme {name} belongs to {from}–{to}; the meeting is in {}: {how}",
                    vs.year()
                ));
            }
        }
    }

    /// The opening's blocks in the kind template's `order` (the speech has `sections` sections).
    fn opening(
        &mut self,
        order: &[String],
        template: &str,
        sections: usize,
    ) -> Result<Vec<Paragraph>> {
        let mut opening: Vec<Paragraph> = Vec::new();
        for block in order {
            match block.as_str() {
                "purpose" => opening.extend(self.purpose()),
                "recap" => opening.extend(self.recap()),
                "year" => opening.extend(self.year_context()),
                "situation" => opening.extend(self.situation()),
                "announce" => opening.extend(self.announce(sections)),
                other => {
                    return Err(crate::Error::Template {
                        name: template.to_string(),
                        message: format!(
                            "unknown opening block `{other}` in opening_order (known: purpose recap year situation announce)"
                        ),
                    });
                }
            }
        }
        Ok(opening)
    }
}

/// A unit set to work by name once a point: a later sentence opening on it (由县农业农村局牵头，
/// 推广… then 三是县农业农村局要组建…) says 要… alone, as a writer does once the unit is on the
/// page (read blind, round 25: "item 3 goes back to the same bureau as item 1").
fn name_each_unit_once(speech: &mut Speech) {
    for part in &mut speech.parts {
        for point in &mut part.parts {
            let mut named: Vec<String> = Vec::new();
            let texts = point
                .body
                .iter_mut()
                .flat_map(|p| p.sentences.iter_mut().map(|s| &mut s.text))
                .chain(point.items.iter_mut().flat_map(|i| {
                    std::iter::once(&mut i.lead)
                        .chain(i.body.sentences.iter_mut().map(|s| &mut s.text))
                }));
            for text in texts {
                // Past the connective a shape put before it (为此，由县教育局牵头，…).
                let bare = ["为此，", "围绕这一目标，", "同时，", "此外，"]
                    .iter()
                    .find_map(|c| text.strip_prefix(c))
                    .unwrap_or(text);
                if bare.starts_with(['由', '请']) && bare.contains("牵头") {
                    named.extend(led_by(bare).map(str::to_string));
                    named.extend(working_with(bare).map(str::to_string));
                } else if let Some(unit) = opening_unit(text) {
                    if named.iter().any(|n| n == unit) {
                        *text = without_unit(text, unit.len());
                    } else {
                        named.push(unit.to_string());
                    }
                }
            }
        }
    }
}

/// A sentence opening on a unit already named (its first `unit_len` bytes) without it: 要….
/// Nor does the unit lead again what it leads already (由县卫生健康局牵头，… then 二是要牵头成立
/// 医共体管理委员会: read at a draft of our own, 牵头 hung with no one to lead): 要成立…. A line
/// that assigns the lead (县教育局要牵头抓好学位保障，县住建局要主动配合) keeps its unit: without
/// it, the unit that supports read as the one that leads (要牵头抓好学位保障，县住房和城乡建设局要
/// 主动配合, read at a draft of our own).
fn without_unit(text: &str, unit_len: usize) -> String {
    let rest = &text[unit_len..];
    match rest.strip_prefix("要牵头") {
        Some(after) if !after.starts_with(['，', '抓', '负']) => format!("要{after}"),
        Some(_) => text.to_string(),
        None => rest.to_string(),
    }
}

/// The unit a sentence sets to lead (由县农业农村局牵头，…; 请区水利局牵头，…).
fn led_by(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(['由', '请'])?;
    let end = rest.find("牵头")?;
    let unit = &rest[..end];
    crate::lexicon::units::is_one_unit(unit).then_some(unit)
}

/// The units a sentence that sets the lead names as doing the work or supporting it (由分管副
/// 区长牵头，区统计局具体负责，…; 由县教育局牵头，县公安局、县交通运输局配合，…): named there,
/// a later 区统计局要… names it twice (read at the drafts, 树立正确政绩观).
fn working_with(text: &str) -> impl Iterator<Item = &str> {
    let after = text
        .find("牵头，")
        .map_or("", |at| &text[at + "牵头，".len()..]);
    let clause = after.split('，').next().unwrap_or("");
    let units = ["具体负责", "按职责分工配合", "配合"]
        .iter()
        .find_map(|w| clause.strip_suffix(w))
        .unwrap_or("");
    units
        .split('、')
        .filter(|u| crate::lexicon::units::is_one_unit(u))
}

/// The unit a sentence opens on as its subject (县农业农村局要…).
fn opening_unit(text: &str) -> Option<&str> {
    let end = text.find('要')?;
    let unit = &text[..end];
    crate::lexicon::units::is_one_unit(unit).then_some(unit)
}

/// The speaker turns to the room as the corpus's speakers do: of the sentences that open on the
/// units (各镇各部门要…), every second says 我们要 or 大家要 instead. Read beside the corpus, our
/// drafts said 各镇 seven times as often and 我们 a third as often, and never 大家, 一定要 or
/// 务必 (the corpus: 14 and 19 times).
fn address_the_room(speech: &mut Speech, units: &str) {
    let said = format!("{units}要");
    let mut k = 0usize;
    let mut vary = |text: &mut String| {
        if !text.contains(&said) {
            return;
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(i) = rest.find(&said) {
            let before = &rest[..i];
            let opens = out.is_empty() && before.is_empty()
                || before.ends_with(['。', '！', '？'])
                || (before.is_empty() && out.ends_with(['。', '！', '？']));
            out.push_str(before);
            if opens {
                out.push_str(match k % 4 {
                    1 => "我们要",
                    3 => "大家要",
                    _ => &said,
                });
                k += 1;
            } else {
                out.push_str(&said);
            }
            rest = &rest[i + said.len()..];
        }
        out.push_str(rest);
        *text = out;
    };
    let mut paragraphs: Vec<&mut Paragraph> = Vec::new();
    paragraphs.extend(speech.opening.iter_mut());
    for part in &mut speech.parts {
        paragraphs.extend(part.body.iter_mut());
        paragraphs.extend(part.items.iter_mut().map(|i| &mut i.body));
        for point in &mut part.parts {
            paragraphs.extend(point.body.iter_mut());
            paragraphs.extend(point.items.iter_mut().map(|i| &mut i.body));
        }
    }
    paragraphs.extend(speech.closing.iter_mut());
    // And stresses a demand now and then (一定要…, 务必…), as the corpus does at a paragraph's
    // end (…一定要算好账): of the paragraphs' closing demands (one of its last two sentences opening on 要), one in
    // four says 一定要 and one in four 务必. Said anywhere, one 要 in four and then one in six
    // read as an inserted tic (blind, rounds 18 and 21: 一定要持续清理规范涉企收费 mid-list).
    // Never 要素, 要求 and the like.
    let mut m = 0usize;
    let mut stress = |text: &mut String| {
        // Not a lead-in to a list (务必重点抓好四个方面的工作：, read blind, round 25).
        let demand = text.starts_with('要')
            && !crate::text::prefix(text, 20).contains('：')
            && !text[3..].starts_with(['素', '求', '件', '害', '点', '闻', '紧']);
        if !demand {
            return;
        }
        let word = match m % 4 {
            1 => "一定要",
            3 => "务必",
            _ => "",
        };
        m += 1;
        // Not a demand left to judgement (务必对已办结的交办事项适时开展“回头看”, read at the stop:
        // rule-of-law-2021 seed 7): must and when-fitting say two things. (Counted all the same,
        // so the demands after it are stressed as before.)
        let judged = ["适时", "视情", "酌情", "有条件的"]
            .iter()
            .any(|w| text.contains(w))
            // Nor one strong already (一定要严禁以政府购买服务…名义违规举债, read at a draft of
            // our own: 严禁 says it, 一定要 stacks a second must on it).
            || ["严禁", "禁止", "杜绝", "坚决", "决不", "绝不", "切实", "必须", "务必", "一律"]
                .iter()
                .any(|w| text[3..].starts_with(w));
        if !word.is_empty() && !judged {
            text.replace_range(..3, word);
        }
    };
    for p in paragraphs {
        for s in &mut p.sentences {
            vary(&mut s.text);
        }
        // One of its last two sentences: the last is often the deadline or the demand on a unit,
        // which carry the spec and are not stressed (一定要倒排时间节点，确保6月底前… is a tic).
        if let Some(s) = p.sentences.iter_mut().rev().take(2).find(|s| {
            s.text.starts_with('要') && !s.origin.carries_spec() && !s.text.contains("一是")
        }) {
            stress(&mut s.text);
        }
    }
}

#[cfg(test)]
mod tests {
    /// One office is a unit; the units at large and a list of several are not.
    #[test]
    fn a_unit_is_one_office() {
        assert_eq!(
            super::led_by("由县农业农村局牵头，推广良种。"),
            Some("县农业农村局")
        );
        assert_eq!(super::led_by("请区水利局牵头，会同…"), Some("区水利局"));
        assert_eq!(super::led_by("由县公安局、县交通运输局牵头，…"), None);
        assert_eq!(
            super::working_with("由分管副区长牵头，区统计局具体负责，纠治统计造假。")
                .collect::<Vec<_>>(),
            ["区统计局"]
        );
        assert_eq!(
            super::working_with("由县教育局牵头，县公安局、县交通运输局配合，排查校车。")
                .collect::<Vec<_>>(),
            ["县公安局", "县交通运输局"]
        );
        assert_eq!(
            super::working_with("由县教育局牵头，开展防溺水专项行动。").count(),
            0
        );
        assert_eq!(
            super::opening_unit("县农业农村局要组建服务队。"),
            Some("县农业农村局")
        );
        assert_eq!(super::opening_unit("各镇各部门要压实责任。"), None);
        assert_eq!(super::opening_unit("要素保障要跟上。"), None);
        let unit = "县卫生健康局".len();
        assert_eq!(
            super::without_unit("县卫生健康局要牵头成立医共体管理委员会。", unit),
            "要成立医共体管理委员会。"
        );
        assert_eq!(
            super::without_unit("县卫生健康局要会同县医保局核定打包额度。", unit),
            "要会同县医保局核定打包额度。"
        );
        assert_eq!(
            super::without_unit("县卫生健康局要牵头抓总。", unit),
            "县卫生健康局要牵头抓总。"
        );
        assert_eq!(
            super::without_unit(
                "县卫生健康局要牵头抓好医共体建设，县医保局要主动配合。",
                unit
            ),
            "县卫生健康局要牵头抓好医共体建设，县医保局要主动配合。"
        );
    }
}
