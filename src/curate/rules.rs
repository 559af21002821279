//! The rules on one entry's text, role and years: slots, spun words, punctuation, quotes,
//! figures, place names, level words, era and shape ([`check_entry`]), shared by `lint` and `add`.

use std::collections::BTreeSet;

use super::YEARS;
use super::era::era_need;
use super::lint::Severity;
use super::wording::{place_names, spun_words};
use crate::phrasebank::{Role, SLOTS, Years, slots_of};
use crate::text::is_han;

/// The roles whose entries name their sub-topic(s) (or `general`).
pub const TAGGED_ROLES: [Role; 5] = [
    Role::Measure,
    Role::Formula,
    Role::Framing,
    Role::ItemLead,
    Role::PartIntro,
];

/// What a sub-topic needs: measures and framings valid for a meeting (the planner draws a
/// point's sentences from its sub-topics alone).
pub const TOPIC_DEPTH: [(Role, usize); 2] = [(Role::Measure, 6), (Role::Framing, 2)];

/// The sub-topics every theme needs, and a large theme.
pub const THEME_TOPICS: usize = 4;
pub const LARGE_THEME_TOPICS: usize = 8;

/// The slots every role gets from the planner.
pub const BASE_SLOTS: [&str; 7] = ["area", "party", "gov", "units", "place", "level", "year"];

/// The extra slots the planner gives a role, and those an entry of the role must use.
pub fn role_slots(role: Role) -> (&'static [&'static str], &'static [&'static str]) {
    match role {
        Role::Opening => (&["meeting", "purposes"], &["meeting", "purposes"]),
        Role::OpeningPlain => (&["meeting"], &["meeting"]),
        Role::Recap => (&["earlier"], &["earlier"]),
        Role::Announce => (&["count"], &[]),
        Role::AchievementFrame => (&["achievements"], &["achievements"]),
        Role::FactFrame => (&["fact", "topic"], &["fact"]),
        Role::Responsibility => (&["lead", "support"], &["lead"]),
        Role::Deadline => (&["deadline", "topic"], &["deadline"]),
        Role::ClosingCall => (&["call"], &["call"]),
        Role::Framing | Role::Requirement => (&["topic"], &[]),
        Role::Slogan | Role::Frame => (&SLOTS, &[]),
        _ => (&[], &[]),
    }
}

/// True when the planner can fill every slot of the text for its role (so the entry can be drafted).
pub fn slots_fillable(role: Role, text: &str) -> bool {
    let (extra, _) = role_slots(role);
    slots_of(text)
        .iter()
        .all(|s| BASE_SLOTS.contains(s) || extra.contains(s))
}

const LEVEL_WORDS: &[(&str, &str)] = &[
    ("全县", "{area}"),
    ("全市", "{area}"),
    ("全区", "{area}"),
    ("全镇", "{area}"),
    ("县委", "{party}"),
    ("市委", "{party}"),
    ("区委", "{party}"),
    ("县政府", "{gov}"),
    ("市政府", "{gov}"),
    ("区政府", "{gov}"),
    ("各镇各部门", "{units}"),
];

/// One finding of a rule on an entry: (severity, rule, message).
type Found = (Severity, &'static str, String);

/// The content findings of one entry (role, text, years): the rules `add` checks before writing.
/// Each is (severity, rule, message).
pub fn check_entry(role: Role, text: &str, years: &Years) -> Vec<Found> {
    let mut out = Vec::new();
    check_slots(role, text, &mut out);
    check_marks(text, &mut out);
    check_era(role, text, years, &mut out);
    check_shape(role, text, &mut out);
    out
}

/// Slots: known, given to the role, and the role's own slots used.
fn check_slots(role: Role, text: &str, out: &mut Vec<Found>) {
    let mut push = |s, r, m: String| out.push((s, r, m));
    // Slots.
    let (extra, required) = role_slots(role);
    for s in slots_of(text) {
        if BASE_SLOTS.contains(&s) || extra.contains(&s) {
            continue;
        }
        if !SLOTS.contains(&s) {
            push(
                Severity::Error,
                "slot",
                format!("unknown slot {{{s}}} (the slots are: {})", SLOTS.join(", ")),
            );
        } else if role == Role::Measure && s == "topic" {
            push(
                Severity::Warning,
                "slot",
                "the planner draws measures without {topic}: this entry is never drafted".into(),
            );
        } else {
            let roles: Vec<&str> = Role::ALL
                .iter()
                .filter(|r| {
                    !matches!(r, Role::Slogan | Role::Frame) && role_slots(**r).0.contains(&s)
                })
                .map(|r| r.name())
                .collect();
            push(
                Severity::Error,
                "slot",
                format!(
                    "{{{s}}} is never given to a `{}` (only to: {})",
                    role.name(),
                    roles.join(", ")
                ),
            );
        }
    }
    let used = slots_of(text);
    for r in required {
        if !used.contains(r) {
            push(
                Severity::Error,
                "slot",
                format!(
                    "a `{}` must carry {{{r}}} (the spec's text goes there)",
                    role.name()
                ),
            );
        }
    }
}

/// One line; no spun words, half-width punctuation, unbalanced quotes, figures, place names or one level's words.
fn check_marks(text: &str, out: &mut Vec<Found>) {
    let mut push = |s, r, m: String| out.push((s, r, m));
    if text.contains('\n') {
        push(Severity::Error, "shape", "the text is one line".into());
    }
    // Spun words.
    for (w, fix) in spun_words(text) {
        push(
            Severity::Error,
            "spun-word",
            format!("spun word {w}: write {fix}"),
        );
    }
    // Punctuation.
    let chars: Vec<char> = text.chars().collect();
    let mut bad_punct = BTreeSet::new();
    for (i, &c) in chars.iter().enumerate() {
        if ",.;:!?()\"'".contains(c) {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let near = |x: Option<char>| {
                x.is_some_and(|x| is_han(x) || "，。：；！？“”《》、（）".contains(x))
            };
            if near(prev) || near(next) || c == '"' {
                bad_punct.insert(c);
            }
        }
    }
    if !bad_punct.is_empty() {
        let list: String = bad_punct.iter().map(|c| format!("`{c}` ")).collect();
        push(
            Severity::Error,
            "punctuation",
            format!(
                "half-width punctuation {}in Chinese text: use ，。；：！？（）“”",
                list
            ),
        );
    }
    for (open, close) in [('“', '”'), ('‘', '’'), ('《', '》'), ('（', '）')] {
        let mut depth: i32 = 0;
        let mut bad = false;
        for c in text.chars() {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth < 0 {
                    bad = true;
                }
            }
        }
        if bad || depth != 0 {
            push(
                Severity::Error,
                "quotes",
                format!("unbalanced {open}{close}"),
            );
        }
    }
    // Figures.
    let figures: BTreeSet<char> = text
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c) || *c == '%' || *c == '％')
        .collect();
    if !figures.is_empty() {
        let s: String = figures.iter().collect();
        push(
            Severity::Error,
            "figure",
            format!("figures ({s}) in a phrase: figures come from the spec only"),
        );
    }
    let places = place_names(text);
    if !places.is_empty() {
        push(
            Severity::Warning,
            "place-name",
            format!(
                "looks like a place name ({}): use {{place}} or {{area}}",
                places.join("、")
            ),
        );
    }
    for (w, slot) in LEVEL_WORDS {
        if text.contains(w) {
            push(
                Severity::Warning,
                "level-word",
                format!("{w} fits one level only: write {slot}"),
            );
            break;
        }
    }
}

/// Era: every term of the era lexicon the text uses covers the entry's years; a year_context has years; the years meet 2018–2030.
fn check_era(role: Role, text: &str, years: &Years, out: &mut Vec<Found>) {
    let mut push = |s, r, m: String| out.push((s, r, m));
    // Era.
    // Era: every term of the era lexicon the text uses must cover the entry's years.
    if let Some(need) = era_need(text, years) {
        let has = if years.is_always() {
            "none".to_string()
        } else {
            years.to_string()
        };
        let want = match &need.fit {
            Some(y) => {
                format!("give `years: {y}` (it has {has}; `wengao phrasebank era --write` sets it)")
            }
            None => format!(
                "its terms belong to different eras, or none meets `years: {has}`: reword it"
            ),
        };
        push(
            Severity::Error,
            "era",
            format!("{}: {want}", need.terms.join("; ")),
        );
    }
    if role == Role::YearContext && years.is_always() {
        push(
            Severity::Error,
            "era",
            "a year_context says what this year is: it must carry years".into(),
        );
    }
    // Seasons: words of two seasons whose months never meet (春耕 … 秋收) leave the
    // entry out of every meeting.
    if (1..=12).all(|m| !crate::lexicon::season::in_season(text, m)) {
        push(
            Severity::Warning,
            "never-in-season",
            "it names words of seasons whose months never meet (春耕 and 秋收): \
             never drafted; split it or drop one season"
                .into(),
        );
    }
    let overlaps = years.from.is_none_or(|f| f <= *YEARS.end())
        && years.to.is_none_or(|t| t >= *YEARS.start());
    if !overlaps {
        push(
            Severity::Warning,
            "bad-years",
            format!(
                "years {years} lie outside {}–{}: never drafted",
                YEARS.start(),
                YEARS.end()
            ),
        );
    }
}

/// Shape: headings of 6–8 characters, four-character verbs, item leads without final punctuation.
fn check_shape(role: Role, text: &str, out: &mut Vec<Found>) {
    let mut push = |s, r, m: String| out.push((s, r, m));
    // Shape.
    let bare: String = {
        let mut t = text.to_string();
        for s in slots_of(text) {
            t = t.replace(&format!("{{{s}}}"), "");
        }
        t
    };
    let n = bare.chars().count();
    match role {
        Role::HeadingAim | Role::HeadingGoal if !(6..=8).contains(&n) || bare.ends_with('。') => {
            push(
                Severity::Warning,
                "shape",
                format!(
                    "a `{}` is a 6–8 character verb phrase without 。 (this one has {n})",
                    role.name()
                ),
            )
        }
        Role::PointVerb | Role::PointEffort if n != 4 => push(
            Severity::Warning,
            "shape",
            format!("a `{}` has four characters (this one has {n})", role.name()),
        ),
        Role::ItemLead if bare.ends_with(['。', '，', '；']) => push(
            Severity::Warning,
            "shape",
            "an item_lead has no final punctuation (the template adds 。)".into(),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_follow_roles() {
        let y = Years::default();
        let has = |role, text| {
            check_entry(role, text, &y)
                .into_iter()
                .any(|(s, r, _)| s == Severity::Error && r == "slot")
        };
        assert!(has(Role::Measure, "要落实{fact}。"));
        assert!(has(Role::Framing, "{call}。"));
        assert!(
            has(Role::Opening, "今天召开{meeting}。"),
            "opening must carry purposes"
        );
        assert!(has(Role::Measure, "要抓好{nonsense}。"));
        assert!(!has(Role::Framing, "{topic}事关{area}发展全局。"));
        assert!(!has(Role::Responsibility, "由{lead}牵头，{support}配合。"));
        assert!(!has(Role::ClosingCall, "{call}！"));
    }

    #[test]
    fn an_entry_of_two_seasons_that_never_meet_is_flagged() {
        let y = Years::default();
        let flagged = |text| {
            check_entry(Role::Measure, text, &y)
                .into_iter()
                .any(|(_, r, _)| r == "never-in-season")
        };
        assert!(flagged("抓好春耕备耕和秋收秋种。"));
        assert!(!flagged("抓好夏粮抢收和机收减损。"));
        assert!(!flagged("在夏秋两季收获期间落实秸秆禁烧责任。"));
    }

    #[test]
    fn era_words_need_years() {
        let bad = check_entry(
            Role::Measure,
            "确保十四五目标任务圆满完成。",
            &Years::default(),
        );
        assert!(bad.iter().any(|(_, r, _)| *r == "era"));
        let ok = check_entry(
            Role::Measure,
            "确保十四五目标任务圆满完成。",
            &Years::parse("2021-2025").unwrap(),
        );
        assert!(!ok.iter().any(|(_, r, _)| *r == "era"), "{ok:?}");
        let consolidated = check_entry(
            Role::Measure,
            "巩固拓展脱贫攻坚成果。",
            &Years::parse("2021-2025").unwrap(),
        );
        assert!(
            !consolidated.iter().any(|(_, r, _)| *r == "era"),
            "{consolidated:?}"
        );
    }
}
