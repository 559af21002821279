//! The political calendar (`lexicon/calendar.yaml`): national events by date, the theory a
//! guiding sentence names, and each year's own framing.
//!
//! A guiding sentence names only events that ended before the meeting: the latest party
//! congress and its plenary sessions held since (党的二十大和二十届二中、三中全会精神; five or more
//! read 历次全会精神), the 中央经济工作会议 of the last half year and the 全国两会 of the last four
//! months. `wengao lint` flags a congress or plenary session named in a draft but held after it.

use super::{Text, Texts};
use chrono::NaiveDate;
use serde::Deserialize;

/// What kind of event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A national party congress (党的二十大).
    Congress,
    /// A plenary session of a central committee (二十届三中全会).
    Plenum,
    /// 中央经济工作会议.
    Cewc,
    /// 全国两会.
    Npc,
    Anniversary,
    Campaign,
    /// Another central meeting county speeches cite (中央农村工作会议).
    Conference,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    name: String,
    kind: EventKind,
    date: String,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    spirit: Option<String>,
    #[serde(default)]
    session: Option<u32>,
    #[serde(default)]
    plenum: Option<u32>,
    #[serde(default = "yes")]
    cited: bool,
    #[serde(default)]
    note: String,
    source: String,
    /// Whether the dates were checked against a public report (the curators' mark).
    #[serde(default)]
    checked: bool,
    /// An anniversary still ahead when the file was written: a date, not an event held.
    #[serde(default)]
    future: bool,
    /// The year a work conference plans for (中央经济工作会议 of December 2023 → 2024).
    #[serde(default)]
    work_year: Option<i32>,
    #[serde(default)]
    npc_term: Option<u32>,
    #[serde(default)]
    npc_session: Option<u32>,
    #[serde(default)]
    cppcc_open: Option<String>,
    /// What a conference was about (中央城市工作会议), for the curators.
    #[serde(default)]
    topic: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: i32,
    framing: String,
    /// Other framings of the year, for the curators.
    #[serde(default)]
    also: Option<String>,
    #[serde(default)]
    future: bool,
    #[serde(default)]
    note: String,
    source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuiding {
    from: String,
    #[serde(default)]
    until: Option<String>,
    theory: String,
    verb: String,
    /// The whole guiding clause as central documents wrote it then (for the curators).
    #[serde(default)]
    full: Option<String>,
    #[serde(default)]
    note: String,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
/// The file as written (the lexicon reads it through [`super::LexiconFile`]).
pub struct RawFile {
    /// The curators' notes on the file (how it was checked).
    #[serde(default)]
    #[allow(dead_code)]
    meta: Option<serde_yaml::Value>,
    events: Vec<RawEvent>,
    #[serde(default)]
    years: Vec<RawYear>,
    #[serde(default)]
    guiding: Vec<RawGuiding>,
}

/// One event.
#[derive(Debug, Clone)]
pub struct Event {
    pub name: Text,
    pub kind: EventKind,
    pub date: NaiveDate,
    /// Its last day (the first day when one day long).
    pub end: NaiveDate,
    /// The wording of its 精神 (党的二十大精神, 二十届三中全会精神).
    pub spirit: Option<Text>,
    pub session: Option<u32>,
    pub plenum: Option<u32>,
    /// Whether a county speech names it in its guiding sentence.
    pub cited: bool,
    pub note: Text,
    pub source: Text,
    /// A date still ahead when the file was written (an anniversary to come).
    pub future: bool,
    /// How a draft names it (党的二十大 and 二十大; 二十届三中全会).
    pub mentions: Texts,
    /// The field a work conference deploys (三农, 生态, 金融, 城市): see [`FIELDS`].
    pub topic: Option<Text>,
    /// The year a work conference plans for (中央农村工作会议 of December 2023 → 2024).
    pub work_year: Option<i32>,
}

/// The fields the calendar's work conferences deploy (an event's `topic`), the phrasebank's
/// themes a part on the field has, and the work as a speech names it (对…作出了全面部署).
pub const FIELDS: [(&str, &[&str], &str); 5] = [
    ("三农", &["乡村振兴"], "“三农”工作"),
    ("生态", &["生态环保"], "生态环境保护工作"),
    ("金融", &["财政金融"], "金融工作"),
    ("城市", &["城乡建设"], "城市工作"),
    ("扶贫", &["脱贫攻坚"], "脱贫攻坚工作"),
];

/// How a guiding sentence names the theory, from a date.
#[derive(Debug, Clone)]
pub struct Guiding {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    pub theory: Text,
    /// 以习近平新时代中国特色社会主义思想为指导
    pub verb: Text,
    pub source: Text,
}

/// Words right before an event's name that look forward to it.
const AHEAD: [&str; 5] = ["迎接", "即将召开的", "筹备", "喜迎", "将召开"];

/// Words right after an event's name that look forward to it (党的二十大召开之年).
const AHEAD_AFTER: [&str; 3] = ["召开之年", "胜利召开", "即将召开"];

/// The calendar.
#[derive(Debug)]
pub struct Calendar {
    /// In date order.
    pub events: std::borrow::Cow<'static, [Event]>,
    /// Each year's framing (“十五五”开局之年), by year.
    pub years: std::borrow::Cow<'static, [(i32, Text, Text)]>,
    pub guiding: std::borrow::Cow<'static, [Guiding]>,
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

impl super::LexiconFile for Calendar {
    type Raw = RawFile;

    fn from_raw(raw: RawFile) -> Result<Calendar, String> {
        Calendar::from_raw(raw)
    }
}

impl Calendar {
    fn from_raw(raw: RawFile) -> Result<Calendar, String> {
        let mut events = Vec::with_capacity(raw.events.len());
        for r in raw.events {
            let bad = |what: &str| format!("event `{}`: {what}", r.name);
            if r.source.trim().is_empty() {
                return Err(bad("no source"));
            }
            let start = date(&r.date).ok_or_else(|| bad("bad `date` (write 2022-10-16)"))?;
            let end = match &r.end {
                Some(e) => date(e).ok_or_else(|| bad("bad `end`"))?,
                None => start,
            };
            if end < start {
                return Err(bad("`end` is before `date`"));
            }
            if matches!(r.kind, EventKind::Congress | EventKind::Plenum) && r.session.is_none() {
                return Err(bad("a congress or plenum names its `session`"));
            }
            if r.kind == EventKind::Plenum && r.plenum.is_none() {
                return Err(bad("a plenum names its number (`plenum: 3`)"));
            }
            // 党的十八届三中全会 is named 十八届三中全会 as often; 党的二十大 also 二十大.
            let mut mentions = vec![Text::from(r.name.clone())];
            if let Some(short) = r.name.strip_prefix("党的") {
                mentions.push(short.to_string().into());
            }
            if let Some(t) = &r.topic
                && !FIELDS.iter().any(|f| f.0 == t)
            {
                return Err(bad("`topic` is none of 三农, 生态, 金融, 城市, 扶贫"));
            }
            let _ = (r.checked, r.npc_term, r.npc_session, &r.cppcc_open);
            events.push(Event {
                name: r.name.into(),
                kind: r.kind,
                date: start,
                end,
                spirit: r.spirit.map(Text::from),
                session: r.session,
                plenum: r.plenum,
                cited: r.cited,
                note: r.note.into(),
                source: r.source.into(),
                future: r.future,
                mentions: mentions.into(),
                topic: r.topic.map(Text::from),
                work_year: r.work_year,
            });
        }
        events.sort_by_key(|e| e.date);
        let mut years = Vec::new();
        for y in raw.years {
            if y.source.trim().is_empty() {
                return Err(format!("year {}: no source", y.year));
            }
            let _ = (y.note, y.also, y.future);
            years.push((y.year, y.framing.into(), y.source.into()));
        }
        let mut guiding = Vec::new();
        for g in raw.guiding {
            let from =
                date(&g.from).ok_or_else(|| format!("guiding `{}`: bad `from`", g.theory))?;
            let until = match &g.until {
                Some(u) => {
                    Some(date(u).ok_or_else(|| format!("guiding `{}`: bad `until`", g.theory))?)
                }
                None => None,
            };
            let _ = (&g.full, &g.note);
            guiding.push(Guiding {
                from,
                until,
                theory: g.theory.into(),
                verb: g.verb.into(),
                source: g.source.into(),
            });
        }
        Ok(Calendar {
            events: events.into(),
            years: years.into(),
            guiding: guiding.into(),
        })
    }

    /// The year's framing (“十五五”开局之年), if the calendar has one.
    pub fn framing(&self, year: i32) -> Option<&str> {
        self.years
            .iter()
            .find(|(y, _, _)| *y == year)
            .map(|(_, f, _)| &**f)
    }

    /// How the theory is named at `on` (以习近平新时代中国特色社会主义思想为指导).
    pub fn theory(&self, on: NaiveDate) -> Option<&Guiding> {
        self.guiding
            .iter()
            .filter(|g| g.from <= on && g.until.is_none_or(|u| on <= u))
            .max_by_key(|g| g.from)
    }

    /// The latest events of a kind that ended before `on`.
    fn latest(&self, kind: EventKind, on: NaiveDate) -> Option<&Event> {
        self.events
            .iter()
            .filter(|e| e.kind == kind && e.end < on)
            .max_by_key(|e| e.end)
    }

    /// The work conference a part on `theme` can say deployed its work, at a meeting on `on`:
    /// of the conferences on the theme's field (`FIELDS`) that ended before `on`, the latest,
    /// when it plans for `on`'s year (中央农村工作会议) or, planning no year, ended within the
    /// last year. With the work as a speech names it (“三农”工作).
    pub fn work_conference(&self, theme: &str, on: NaiveDate) -> Option<(&Event, &'static str)> {
        use chrono::Datelike;
        let (field, _, work) = FIELDS.iter().find(|f| f.1.contains(&theme))?;
        let e = self
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Conference && e.end < on)
            .filter(|e| e.topic.as_deref() == Some(*field))
            .max_by_key(|e| e.end)?;
        let fits = match e.work_year {
            Some(y) => y == on.year(),
            None => (on - e.end).num_days() <= 365,
        };
        fits.then_some((e, *work))
    }

    /// The party's spirit a guiding sentence names at `on`: 党的二十大和二十届二中、三中全会精神.
    pub fn party_spirit(&self, on: NaiveDate) -> Option<String> {
        let congress = self.latest(EventKind::Congress, on)?;
        let name = congress.name.clone();
        let session = congress.session?;
        let plenums: Vec<&Event> = self
            .events
            .iter()
            .filter(|e| {
                e.kind == EventKind::Plenum
                    && e.session == Some(session)
                    && e.cited
                    && e.end < on
                    && e.date > congress.end
            })
            .collect();
        let nth = crate::numerals::chinese(session);
        Some(match plenums.len() {
            0 => format!("{name}精神"),
            n if n >= 5 => format!("{name}和{nth}届历次全会精神"),
            _ => {
                let list: Vec<String> = plenums
                    .iter()
                    .filter_map(|p| p.plenum)
                    .map(|p| format!("{}中", crate::numerals::chinese(p)))
                    .collect();
                format!("{name}和{nth}届{}全会精神", list.join("、"))
            }
        })
    }

    /// The economic meetings a guiding sentence names at `on`: 中央经济工作会议 (held in the last
    /// six months) and 全国两会 (closed in the last four), as one phrase: 中央经济工作会议和全国两会精神.
    pub fn economic_spirit(&self, on: NaiveDate) -> Option<String> {
        let recent = |kind, days: i64| {
            self.latest(kind, on)
                .filter(|e| (on - e.end).num_days() <= days)
                .is_some()
        };
        match (recent(EventKind::Cewc, 190), recent(EventKind::Npc, 125)) {
            (true, true) => Some("中央经济工作会议和全国两会精神".into()),
            (true, false) => Some("中央经济工作会议精神".into()),
            (false, true) => Some("全国两会精神".into()),
            (false, false) => None,
        }
    }

    /// The months a text can be said in by the congresses and plenary sessions it names (not
    /// looking forward to them): from the month after the latest one ended.
    pub fn span_of(&self, text: &str) -> super::Span {
        let from = self
            .events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::Congress | EventKind::Plenum))
            .filter(|e| !self.later_mentions_of(text, e).is_empty())
            .map(|e| {
                let m = super::YearMonth::of(e.end);
                if m.month == 12 {
                    super::YearMonth::new(m.year + 1, 1)
                } else {
                    super::YearMonth::new(m.year, m.month + 1)
                }
            })
            .max();
        super::Span { from, until: None }
    }

    /// Where a text names one event, not looking forward to it (迎接党的二十大, 即将召开的
    /// 二十届三中全会 look forward).
    fn later_mentions_of(&self, text: &str, e: &Event) -> Vec<usize> {
        e.mentions
            .iter()
            .flat_map(|m| text.match_indices(&**m))
            .filter(|(i, m)| {
                let before = &text[..*i];
                let before = before.strip_suffix("党的").unwrap_or(before);
                !AHEAD.iter().any(|a| before.ends_with(a))
                    && !AHEAD_AFTER
                        .iter()
                        .any(|a| text[i + m.len()..].starts_with(a))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Congresses and plenary sessions a text names that were held after `on`, with the byte
    /// offset of the mention.
    pub fn later_mentions<'a>(&'a self, text: &str, on: NaiveDate) -> Vec<(&'a Event, usize)> {
        let mut out = Vec::new();
        for e in self.events.iter() {
            if !matches!(e.kind, EventKind::Congress | EventKind::Plenum) || e.date <= on {
                continue;
            }
            // Looking forward to it (迎接党的二十大, 即将召开的二十届三中全会) is no anachronism.
            let at = self.later_mentions_of(text, e).into_iter().min();
            if let Some(at) = at {
                out.push((e, at));
            }
        }
        out.sort_by_key(|(_, at)| *at);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::LexiconFile;
    use super::*;

    const SAMPLE: &str = "events:
  - {name: 党的十九大, kind: congress, date: 2017-10-18, end: 2017-10-24, session: 19, source: s}
  - {name: 十九届二中全会, kind: plenum, date: 2018-01-18, end: 2018-01-19, session: 19, plenum: 2, source: s}
  - {name: 十九届三中全会, kind: plenum, date: 2018-02-26, end: 2018-02-28, session: 19, plenum: 3, source: s}
  - {name: 十九届四中全会, kind: plenum, date: 2019-10-28, end: 2019-10-31, session: 19, plenum: 4, source: s}
  - {name: 十九届五中全会, kind: plenum, date: 2020-10-26, end: 2020-10-29, session: 19, plenum: 5, source: s}
  - {name: 党的二十大, kind: congress, date: 2022-10-16, end: 2022-10-22, session: 20, source: s}
  - {name: 二十届一中全会, kind: plenum, date: 2022-10-23, session: 20, plenum: 1, cited: false, source: s}
  - {name: 二十届二中全会, kind: plenum, date: 2023-02-26, end: 2023-02-28, session: 20, plenum: 2, source: s}
  - {name: 二十届三中全会, kind: plenum, date: 2024-07-15, end: 2024-07-18, session: 20, plenum: 3, source: s}
  - {name: 中央经济工作会议, kind: cewc, date: 2023-12-11, end: 2023-12-12, source: s}
  - {name: 十四届全国人大二次会议, kind: npc, date: 2024-03-05, end: 2024-03-11, source: s}
years:
  - {year: 2026, framing: “十五五”开局之年, source: s}
guiding:
  - {from: 2017-10-24, theory: 习近平新时代中国特色社会主义思想, verb: 以习近平新时代中国特色社会主义思想为指导, source: s}
";

    fn d(s: &str) -> NaiveDate {
        date(s).unwrap()
    }

    #[test]
    fn the_guiding_sentence_names_only_earlier_events() {
        let c = Calendar::parse(SAMPLE).unwrap();
        assert_eq!(
            c.party_spirit(d("2024-02-26")).unwrap(),
            "党的二十大和二十届二中全会精神"
        );
        assert_eq!(
            c.party_spirit(d("2024-08-01")).unwrap(),
            "党的二十大和二十届二中、三中全会精神"
        );
        assert_eq!(
            c.party_spirit(d("2024-07-16")).unwrap(),
            "党的二十大和二十届二中全会精神"
        );
        assert_eq!(
            c.party_spirit(d("2022-10-20")).unwrap(),
            "党的十九大和十九届二中、三中、四中、五中全会精神"
        );
        assert_eq!(c.party_spirit(d("2017-01-01")), None);
        assert_eq!(
            c.economic_spirit(d("2024-03-20")).unwrap(),
            "中央经济工作会议和全国两会精神"
        );
        assert_eq!(
            c.economic_spirit(d("2024-01-10")).unwrap(),
            "中央经济工作会议精神"
        );
        assert_eq!(c.economic_spirit(d("2024-09-10")), None);
        assert!(c.theory(d("2016-05-01")).is_none());
        assert_eq!(c.framing(2026), Some("“十五五”开局之年"));
    }

    /// A part's field is anchored in the work conference that planned for the meeting's year,
    /// or, planning none, held within the last year; never one held after the meeting.
    #[test]
    fn a_fields_work_conference_is_the_latest_that_fits() {
        let c = &crate::lexicon::lexicon().calendar;
        let name = |theme: &str, on: &str| {
            c.work_conference(theme, d(on))
                .map(|(e, work)| format!("{}/{work}", e.name))
        };
        assert_eq!(
            name("乡村振兴", "2024-02-26").as_deref(),
            Some("2023年中央农村工作会议/“三农”工作")
        );
        // Held the day before, it plans for the next year: not this one's work.
        assert_eq!(name("乡村振兴", "2023-12-21"), None);
        assert_eq!(
            name("生态环保", "2024-03-01").as_deref(),
            Some("全国生态环境保护大会（2023）/生态环境保护工作")
        );
        assert_eq!(name("生态环保", "2024-08-01"), None);
        assert_eq!(
            name("财政金融", "2024-06-01").as_deref(),
            Some("中央金融工作会议/金融工作")
        );
        assert_eq!(name("城乡建设", "2025-07-10"), None);
        assert_eq!(
            name("城乡建设", "2025-09-01").as_deref(),
            Some("中央城市工作会议（2025）/城市工作")
        );
        assert_eq!(name("安全生产", "2024-06-01"), None);
    }

    #[test]
    fn later_events_are_found() {
        let c = Calendar::parse(SAMPLE).unwrap();
        let m = c.later_mentions("深入贯彻党的二十大和二十届三中全会精神", d("2022-03-01"));
        let names: Vec<&str> = m.iter().map(|(e, _)| &*e.name).collect();
        assert_eq!(names, ["党的二十大", "二十届三中全会"]);
        assert!(
            c.later_mentions("深入贯彻二十大精神", d("2023-03-01"))
                .is_empty()
        );
        assert_eq!(c.later_mentions("学习二十大精神", d("2021-03-01")).len(), 1);
        assert!(
            c.later_mentions("以优异成绩迎接党的二十大胜利召开", d("2022-03-01"))
                .is_empty()
        );
        assert!(
            c.later_mentions("今年将召开党的二十大", d("2022-01-15"))
                .is_empty()
        );
        // A phrase naming a plenum is drafted from the month after it.
        assert_eq!(
            c.span_of("深入学习贯彻二十届三中全会精神").from,
            Some(crate::lexicon::YearMonth::new(2024, 8))
        );
        assert!(c.span_of("以优异成绩迎接党的二十大胜利召开").is_always());
    }
}
