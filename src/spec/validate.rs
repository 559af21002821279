//! The second pass over a spec: what types cannot check. Required text is not empty and every
//! value is one plain line; dates are real and in the years wengao drafts; there are 2–6
//! sections of 0–9 points; the meeting kind, the level and every theme are known. Every problem
//! is collected, each at its position, and reported at once.

use chrono::{Datelike, NaiveDate};

use super::{
    DRAFT_YEARS, Kind, Level, MAX_VALUE_CHARS, Spec, ValidSpec, date_problem, for_each_text,
    locate_field, parse_date, parse_deadline,
};
use crate::error::{Diagnostic, Error, Result, did_you_mean};

/// Check `spec` (read from `src`, shown as `file`) against the phrasebank's `themes`.
pub(super) fn validate(spec: Spec, src: &str, file: &str, themes: &[String]) -> Result<ValidSpec> {
    let mut c = Checker {
        src,
        file,
        errs: Vec::new(),
    };
    c.texts(&spec);
    let (date, kind) = c.meeting(&spec);
    let level = c.speaker_and_place(&spec);
    c.situation(&spec);
    let deadlines = c.sections(&spec, themes, date);
    c.output(&spec);
    let mut errs = c.errs;
    if !errs.is_empty() {
        return Err(if errs.len() == 1 {
            errs.remove(0).into()
        } else {
            Error::Inputs(errs)
        });
    }
    Ok(ValidSpec {
        date: date.unwrap_or_default(),
        kind: kind.unwrap_or(Kind::KeyWork),
        level: level.unwrap_or(Level::County),
        deadlines,
        spec,
        file: file.to_string(),
    })
}

/// The problems found so far, each located in the spec's text.
struct Checker<'a> {
    src: &'a str,
    file: &'a str,
    errs: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn err(&mut self, field: String, msg: String, help: String) {
        let (l, c) = locate_field(self.src, &field);
        self.errs.push(
            Diagnostic::new(self.file, msg)
                .at(self.src, l, c)
                .field(field)
                .help(help),
        );
    }

    /// Every text value: one line of plain text, not too long.
    fn texts(&mut self, spec: &Spec) {
        for_each_text(spec, &mut |field, t| {
            if let Some(c) =
                t.0.chars()
                    .find(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
            {
                let (what, help) = if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                    (
                        "a line break".to_string(),
                        "a value is one line: a break would start a new paragraph (or a heading such as 一、…) in the draft; write it on one line, or as two list items",
                    )
                } else {
                    (
                        format!("a control character (U+{:04X})", c as u32),
                        "remove it: control characters (NUL, ESC, BEL, tabs …) are invisible in Word and can upset a terminal",
                    )
                };
                self.err(
                    field.to_string(),
                    format!("this value contains {what}"),
                    help.into(),
                );
            }
            if t.0.chars().count() > MAX_VALUE_CHARS {
                self.err(
                    field.to_string(),
                    format!(
                        "this value is {} characters long; the limit is {MAX_VALUE_CHARS}",
                        t.0.chars().count()
                    ),
                    "a spec value is a name, a fact or a short sentence; shorten it".into(),
                );
            }
        });
    }

    /// The meeting: its name, date (and whether wengao drafts that year), kind and purposes.
    fn meeting(&mut self, spec: &Spec) -> (Option<NaiveDate>, Option<Kind>) {
        let m = &spec.meeting;
        if m.name.0.is_empty() {
            self.err(
                "meeting.name".into(),
                "the meeting name is empty".into(),
                "write the meeting's full name, e.g. 2024年县政府全体会议".into(),
            );
        }
        let mut date = parse_date(m.date.as_str());
        match date {
            None => self.err(
                "meeting.date".into(),
                date_problem(m.date.as_str()),
                "write the date as YYYY-MM-DD, e.g. 2024-02-26".into(),
            ),
            Some(d) if !DRAFT_YEARS.contains(&d.year()) => {
                self.err(
                "meeting.date".into(),
                format!(
                    "wengao drafts speeches dated {}–{}; {} is outside",
                    DRAFT_YEARS.start(),
                    DRAFT_YEARS.end(),
                    d.year()
                ),
                "the era lexicon, the political calendar and the phrasebank's eras (十三五 to 十五五) are written and checked for these years; check the year, or extend them and DRAFT_YEARS first (docs/spec.md)".into(),
            );
                date = None;
            }
            Some(_) => {}
        }
        let kind = match &m.kind {
            None => Some(Kind::KeyWork),
            Some(k) => {
                let parsed = Kind::parse(k.as_str());
                if parsed.is_none() {
                    let known: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                    let hint = did_you_mean(k.as_str(), known.iter().copied())
                        .map(|s| format!("did you mean `{s}`? "))
                        .unwrap_or_default();
                    let all: Vec<String> = Kind::ALL
                        .iter()
                        .map(|k| format!("{} ({})", k.name(), k.label()))
                        .collect();
                    self.err(
                        "meeting.kind".into(),
                        format!("unknown meeting kind `{k}`"),
                        format!("{hint}the kinds are: {}", all.join(", ")),
                    );
                }
                parsed
            }
        };
        for (i, p) in m.purposes.iter().enumerate() {
            if p.0.is_empty() {
                self.err(
                    format!("meeting.purposes[{i}]"),
                    "an empty purpose".into(),
                    "remove the empty line".into(),
                );
            }
        }
        (date, kind)
    }

    /// The speaker's role, the place's name and level.
    fn speaker_and_place(&mut self, spec: &Spec) -> Option<Level> {
        if spec.speaker.role.0.is_empty() {
            self.err(
                "speaker.role".into(),
                "the speaker's role is empty".into(),
                "write the role, e.g. 县长".into(),
            );
        }
        if spec.place.name.0.is_empty() {
            self.err(
                "place.name".into(),
                "the place name is empty".into(),
                "write the locality, e.g. 汉阴县".into(),
            );
        }
        match &spec.place.level {
            None => Some(Level::County),
            Some(l) => {
                let parsed = Level::parse(l.as_str());
                if parsed.is_none() {
                    self.err(
                        "place.level".into(),
                        format!("unknown level `{l}`"),
                        "the levels are 县, 市, 区 and 镇".into(),
                    );
                }
                parsed
            }
        }
    }

    /// Each figure has an indicator and a value.
    fn situation(&mut self, spec: &Spec) {
        if let Some(s) = &spec.situation {
            for (i, f) in s.figures.iter().enumerate() {
                if f.indicator.0.is_empty() || f.value.0.is_empty() {
                    self.err(
                        format!("situation.figures[{i}]"),
                        "a figure needs an indicator and a value".into(),
                        "write e.g. {indicator: 规上工业增加值, value: 8.2%}".into(),
                    );
                }
            }
        }
    }

    /// 2–6 sections, known themes, 0–9 points with a topic, real deadlines (returned by section
    /// and point).
    fn sections(
        &mut self,
        spec: &Spec,
        themes: &[String],
        meeting: Option<NaiveDate>,
    ) -> Vec<Vec<Option<NaiveDate>>> {
        let n = spec.sections.len();
        if !(2..=6).contains(&n) {
            self.err(
                "sections".into(),
                format!("{n} sections; a speech has 2 to 6 level-1 parts"),
                if n < 2 {
                    "add sections (each with a theme)".into()
                } else {
                    "merge some sections, or move them into points".into()
                },
            );
        }
        let mut deadlines = Vec::new();
        for (si, s) in spec.sections.iter().enumerate() {
            if !themes.iter().any(|t| t == s.theme.as_str()) {
                let hint = did_you_mean(s.theme.as_str(), themes.iter().map(String::as_str))
                    .map(|t| format!("did you mean `{t}`? "))
                    .unwrap_or_default();
                self.err(
                    format!("sections[{si}].theme"),
                    format!("unknown theme `{}`", s.theme),
                    format!(
                        "{hint}the themes are: {} (see `wengao phrasebank themes`)",
                        themes.join("、")
                    ),
                );
            }
            if s.points.len() > 9 {
                self.err(
                    format!("sections[{si}].points"),
                    format!("{} points; a part has at most 9", s.points.len()),
                    "split the section in two, or merge points".into(),
                );
            }
            let mut ds = Vec::new();
            for (pi, p) in s.points.iter().enumerate() {
                if p.topic.0.is_empty() {
                    self.err(
                        format!("sections[{si}].points[{pi}].topic"),
                        "the topic is empty".into(),
                        "name the point's topic, e.g. 重点项目".into(),
                    );
                }
                if let Some(leader) = &p.leader {
                    self.leader(si, pi, leader.as_str(), p.lead.is_some());
                }
                let d = match &p.deadline {
                    None => None,
                    Some(t) => {
                        let d = parse_deadline(t.as_str(), meeting);
                        if d.is_none() {
                            self.err(
                                format!("sections[{si}].points[{pi}].deadline"),
                                date_problem(t.as_str()),
                                "write the deadline as YYYY-MM-DD (2024-06-30) or as a speech says it (6月底前, 6月15日前, 年底前, 三季度末前)"
                                    .into(),
                            );
                        }
                        d
                    }
                };
                ds.push(d);
            }
            deadlines.push(ds);
        }
        deadlines
    }

    /// A point's leader is a person's name with a title (韩靖同志, 李明副县长) and comes with the
    /// unit that does the work: the draft says 由韩靖同志牵头，县商务局具体负责.
    fn leader(&mut self, si: usize, pi: usize, leader: &str, has_lead: bool) {
        let field = format!("sections[{si}].points[{pi}].leader");
        if leader.is_empty() {
            self.err(
                field,
                "the leader is empty".into(),
                "name the leader as the speech does (韩靖同志, 李明副县长), or remove the key"
                    .into(),
            );
            return;
        }
        if let Some(c) = leader.chars().find(|c| !c.is_alphabetic() && *c != '·') {
            self.err(
                field,
                format!("the leader `{leader}` contains `{c}`; it is one person's name and title"),
                "write one leader (韩靖同志, 李明副县长); put other units in support".into(),
            );
            return;
        }
        if leader.chars().count() > 10 {
            self.err(
                field,
                format!("the leader `{leader}` is longer than a name and a title (10 characters)"),
                "write the name and title only (韩靖同志, 李明副县长)".into(),
            );
            return;
        }
        if !has_lead {
            self.err(
                field,
                "a point with a leader needs a lead unit".into(),
                format!("add `lead:` the unit that does the work: the draft says 由{leader}牵头，县…局具体负责"),
            );
        }
    }

    /// The length asked for, if any, is one wengao can draft.
    fn output(&mut self, spec: &Spec) {
        if let Some(o) = &spec.output {
            if let Some(len) = o.length
                && !(1_500..=30_000).contains(&len)
            {
                self.err(
                    "output.length".into(),
                    format!("a length of {len} characters"),
                    "choose a length from 1500 to 30000 characters".into(),
                );
            }
        }
    }
}
