//! Writes a spec as YAML a person will edit: keys in English or Chinese, values quoted only where
//! YAML needs it (or always, for text taken from elsewhere), and comments where the writer must act.
//!
//! One writer serves both commands that write specs. `wengao new` writes a whole [`Spec`] with
//! every key's explanation from the key table ([`super::keys`]) aligned beside it, each
//! explanation once; `wengao spec-from` writes line by line what it could read from a speech,
//! with a note wherever it guessed. Key names always come from the table, so a key renamed there
//! is renamed in the parser's messages and in both commands at once.

use std::collections::HashSet;

use super::keys::{self, Key};
use super::{Point, Section, Spec, Text};

/// The column comments start at (in display cells) when key explanations are written.
const COMMENT_COLUMN: usize = 44;

/// A value to write.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// Text the writer will read and edit: quoted as the writer's [`Quoting`] says.
    Text(&'a str),
    /// A word of the contract (a date, a kind, a theme, a number): plain whenever YAML allows.
    Word(&'a str),
}

/// How text values are quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// Plain when YAML reads it back as the same text, double-quoted otherwise.
    WhenNeeded,
    /// Always double-quoted (text taken from a document, where any character may come).
    Always,
}

/// Writes spec YAML line by line. See the module documentation.
#[derive(Debug)]
pub struct Writer {
    out: String,
    chinese: bool,
    quoting: Quoting,
    /// Write each key's explanation beside it (the first time that explanation comes up).
    explain: bool,
    explained: HashSet<&'static str>,
}

impl Writer {
    /// A writer for a starter: every key explained, values plain where possible.
    pub fn explained(chinese: bool) -> Writer {
        Writer {
            out: String::new(),
            chinese,
            quoting: Quoting::WhenNeeded,
            explain: true,
            explained: HashSet::new(),
        }
    }

    /// A writer for a spec read from elsewhere: English keys, text always quoted, no explanations.
    pub fn quoted() -> Writer {
        Writer {
            out: String::new(),
            chinese: false,
            quoting: Quoting::Always,
            explain: false,
            explained: HashSet::new(),
        }
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.out.push('\n');
    }

    /// A comment line: `# text`, indented `indent` levels.
    pub fn comment(&mut self, indent: usize, text: &str) {
        self.out.push_str(&"  ".repeat(indent));
        self.out.push_str("# ");
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// `key:` opening a mapping or a list.
    pub fn key(&mut self, indent: usize, key: Key) {
        let text = format!("{}{}:", "  ".repeat(indent), key.name(self.chinese));
        self.line(text, key, None);
    }

    /// `key: value`
    pub fn field(&mut self, indent: usize, key: Key, value: Value) {
        self.field_noted(indent, key, value, None);
    }

    /// `key: value  # note`: a field with a note for the writer (what to check or change).
    pub fn field_noted(&mut self, indent: usize, key: Key, value: Value, note: Option<&str>) {
        self.entry(&"  ".repeat(indent), key, value, note);
    }

    /// `- key: value`, the first field of a list item (indented as the item's fields, less two).
    pub fn item_field(&mut self, indent: usize, key: Key, value: Value) {
        self.entry(&format!("{}- ", "  ".repeat(indent)), key, value, None);
    }

    /// `{lead}key: value`, then the note or the key's explanation.
    fn entry(&mut self, lead: &str, key: Key, value: Value, note: Option<&str>) {
        let text = format!("{lead}{}: {}", key.name(self.chinese), self.value(value));
        self.line(text, key, note);
    }

    /// `key: [a, b]`
    pub fn list(&mut self, indent: usize, key: Key, values: &[&str]) {
        let items: Vec<String> = values.iter().map(|v| self.value(Value::Text(v))).collect();
        let text = format!(
            "{}{}: [{}]",
            "  ".repeat(indent),
            key.name(self.chinese),
            items.join(", ")
        );
        self.line(text, key, None);
    }

    /// `key:` and one `- value` line an item.
    pub fn block_list(&mut self, indent: usize, key: Key, values: &[&str]) {
        self.key(indent, key);
        for v in values {
            let text = format!(
                "{}- {}",
                "  ".repeat(indent + 1),
                self.value(Value::Text(v))
            );
            self.out.push_str(&text);
            self.out.push('\n');
        }
    }

    /// `# key: value   # note`: a field proposed but left commented out, for the writer to
    /// confirm by removing the `#`.
    pub fn proposal(&mut self, indent: usize, key: Key, value: Value, note: &str) {
        let text = format!(
            "{}# {}: {}   # {note}\n",
            "  ".repeat(indent),
            key.name(self.chinese),
            self.value(value)
        );
        self.out.push_str(&text);
    }

    /// The whole spec, in the contract's order: every field that has a value, empty lists and
    /// absent options left out (`figures:` and `points:` too when they have no item).
    pub fn spec(&mut self, s: &Spec) {
        let m = &s.meeting;
        self.key(0, keys::MEETING);
        self.field(1, keys::MEETING_NAME, Value::Text(m.name.as_str()));
        self.field(1, keys::DATE, Value::Word(m.date.as_str()));
        if let Some(k) = &m.kind {
            self.field(1, keys::KIND, Value::Word(k.as_str()));
        }
        self.texts(1, keys::PURPOSES, &m.purposes);
        self.texts(1, keys::EARLIER, &m.earlier);
        self.texts(1, keys::GUIDANCE, &m.guidance);

        self.key(0, keys::SPEAKER);
        self.field(1, keys::ROLE, Value::Text(s.speaker.role.as_str()));
        if let Some(n) = &s.speaker.name {
            self.field(1, keys::SPEAKER_NAME, Value::Text(n.as_str()));
        }

        self.key(0, keys::PLACE);
        self.field(1, keys::PLACE_NAME, Value::Text(s.place.name.as_str()));
        if let Some(l) = &s.place.level {
            self.field(1, keys::LEVEL, Value::Word(l.as_str()));
        }

        if let Some(sit) = &s.situation {
            self.key(0, keys::SITUATION);
            self.texts(1, keys::ACHIEVEMENTS, &sit.achievements);
            if !sit.figures.is_empty() {
                self.key(1, keys::FIGURES);
            }
            for f in &sit.figures {
                self.item_field(2, keys::INDICATOR, Value::Text(f.indicator.as_str()));
                self.field(3, keys::VALUE, Value::Text(f.value.as_str()));
                if let Some(b) = &f.benchmark {
                    self.field(3, keys::BENCHMARK, Value::Text(b.as_str()));
                }
            }
            self.texts(1, keys::PROBLEMS, &sit.problems);
        }

        self.key(0, keys::SECTIONS);
        for sec in &s.sections {
            self.section(sec);
        }

        if let Some(c) = &s.closing {
            self.key(0, keys::CLOSING);
            if let Some(call) = &c.call {
                self.field(1, keys::CALL, Value::Text(call.as_str()));
            }
        }
        if let Some(o) = &s.output {
            self.key(0, keys::OUTPUT);
            if let Some(n) = o.length {
                self.field(1, keys::LENGTH, Value::Word(&n.to_string()));
            }
            if let Some(n) = o.seed {
                self.field(1, keys::SEED, Value::Word(&n.to_string()));
            }
        }
    }

    fn section(&mut self, sec: &Section) {
        self.item_field(1, keys::THEME, Value::Word(sec.theme.as_str()));
        if let Some(t) = &sec.title {
            self.field(2, keys::SECTION_TITLE, Value::Text(t.as_str()));
        }
        if sec.points.is_empty() {
            return;
        }
        self.key(2, keys::POINTS);
        for p in &sec.points {
            self.point(p);
        }
    }

    fn point(&mut self, p: &Point) {
        self.item_field(3, keys::TOPIC, Value::Text(p.topic.as_str()));
        if let Some(t) = &p.title {
            self.field(4, keys::POINT_TITLE, Value::Text(t.as_str()));
        }
        self.texts(4, keys::FACTS, &p.facts);
        if let Some(l) = &p.lead {
            self.field(4, keys::LEAD, Value::Text(l.as_str()));
        }
        if let Some(l) = &p.leader {
            self.field(4, keys::LEADER, Value::Text(l.as_str()));
        }
        self.texts(4, keys::SUPPORT, &p.support);
        if let Some(d) = &p.deadline {
            self.field(4, keys::DEADLINE, Value::Word(d.as_str()));
        }
        if let Some(a) = &p.about {
            self.field(4, keys::ABOUT, Value::Text(a.as_str()));
        }
        self.texts(4, keys::TASKS, &p.tasks);
    }

    /// A flow list of texts, left out when empty.
    fn texts(&mut self, indent: usize, key: Key, values: &[Text]) {
        if !values.is_empty() {
            let v: Vec<&str> = values.iter().map(Text::as_str).collect();
            self.list(indent, key, &v);
        }
    }

    fn value(&self, v: Value) -> String {
        match (v, self.quoting) {
            (Value::Text(s), Quoting::Always) => quoted(s),
            (Value::Text(s) | Value::Word(s), _) => scalar(s),
        }
    }

    /// Ends a line: the note if any, else the key's explanation the first time it comes up.
    fn line(&mut self, text: String, key: Key, note: Option<&str>) {
        self.out.push_str(&text);
        if let Some(n) = note {
            self.out.push_str("  # ");
            self.out.push_str(n);
        } else if self.explain && !key.doc.is_empty() && self.explained.insert(key.doc) {
            let pad = COMMENT_COLUMN
                .saturating_sub(crate::text::width(&text))
                .max(2);
            self.out.push_str(&" ".repeat(pad));
            self.out.push_str("# ");
            self.out.push_str(key.doc);
        }
        self.out.push('\n');
    }
}

/// A YAML scalar for `s`: plain when safe (also inside a flow list), double-quoted otherwise.
pub fn scalar(s: &str) -> String {
    let special = s.is_empty()
        || s.contains([':', '#', ',', '[', ']', '{', '}', '"', '\'', '\\'])
        || s.starts_with(['-', '?', '!', '&', '*', '|', '>', '%', '@', '`', ' '])
        || s.ends_with(' ');
    if special {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        s.to_string()
    }
}

/// `s` double-quoted (a JSON string is a YAML string).
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(
            scalar("全县地区生产总值增长6.5%"),
            "全县地区生产总值增长6.5%"
        );
        assert_eq!(scalar("a, b"), "\"a, b\"");
        assert_eq!(scalar("x: y"), "\"x: y\"");
        assert_eq!(scalar("- x"), "\"- x\"");
        assert_eq!(scalar("a\"b\\"), "\"a\\\"b\\\\\"");
    }

    #[test]
    fn explanations_are_aligned_and_written_once() {
        let mut w = Writer::explained(false);
        w.field(1, keys::VALUE, Value::Text("8%"));
        w.field(1, keys::VALUE, Value::Text("9%"));
        let out = w.finish();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0].find('#'), Some(COMMENT_COLUMN));
        assert!(lines[0].ends_with("# 数值（必填）"), "{out}");
        assert_eq!(lines[1], "  value: 9%");
    }

    #[test]
    fn quoted_writer_quotes_text_but_not_words() {
        let mut w = Writer::quoted();
        w.field(1, keys::THEME, Value::Word("项目建设"));
        w.field_noted(1, keys::PLACE_NAME, Value::Text("某县"), Some("请改"));
        w.proposal(2, keys::ABOUT, Value::Word("消防"), "核对");
        assert_eq!(
            w.finish(),
            "  theme: 项目建设\n  name: \"某县\"  # 请改\n    # about: 消防   # 核对\n"
        );
    }

    /// Every key written in Chinese reads back as written in English: the struct's serde
    /// aliases are the table's.
    #[test]
    fn every_key_of_the_table_parses_in_both_languages() {
        let d = |s: &str| Some(Text(s.into()));
        let t = |s: &str| Text(s.into());
        let point = Point {
            topic: t("重点项目"),
            title: d("加快推进重点项目建设"),
            facts: vec![t("实施项目80个")],
            lead: d("县发改局"),
            leader: d("韩靖同志"),
            support: vec![t("县财政局")],
            deadline: d("2024-06-30"),
            about: d("重点项目"),
            tasks: vec![t("抓好项目储备")],
        };
        let spec = Spec {
            meeting: super::super::Meeting {
                name: t("全县重点工作推进会"),
                date: t("2024-02-26"),
                kind: d("key_work"),
                purposes: vec![t("安排部署")],
                earlier: vec![t("各单位作了发言")],
                guidance: vec![t("省委全会精神")],
            },
            speaker: super::super::Speaker {
                role: t("县长"),
                name: d("李明"),
            },
            place: super::super::Place {
                name: t("汉阴县"),
                level: d("县"),
            },
            situation: Some(super::super::Situation {
                achievements: vec![t("增长6%")],
                figures: vec![super::super::Figure {
                    indicator: t("投资"),
                    value: t("增长5%"),
                    benchmark: d("高于全市"),
                }],
                problems: vec![t("项目偏少")],
            }),
            sections: vec![
                Section {
                    theme: t("项目建设"),
                    title: d("全力抓项目"),
                    points: vec![point],
                },
                Section {
                    theme: t("抓落实"),
                    ..Section::default()
                },
            ],
            closing: Some(super::super::Closing {
                call: d("奋力前行"),
            }),
            output: Some(super::super::OutputOptions {
                length: Some(6000),
                seed: Some(3),
            }),
        };
        let themes = vec!["项目建设".to_string(), "抓落实".to_string()];
        for chinese in [false, true] {
            let mut w = Writer::explained(chinese);
            w.spec(&spec);
            let yaml = w.finish();
            for k in keys::ALL {
                let written = format!("{}:", k.name(chinese));
                assert!(yaml.contains(&written), "{} missing:\n{yaml}", k.path);
            }
            let back = crate::spec::parse(&yaml, "w.yaml", &themes)
                .unwrap_or_else(|e| panic!("{e}\n{yaml}"));
            assert_eq!(back.spec, spec, "{yaml}");
        }
    }

    /// Every `alias` the spec structs declare is a key of the table.
    #[test]
    fn serde_aliases_are_the_tables() {
        let src = include_str!("mod.rs");
        let mut n = 0;
        for (_, rest) in src
            .match_indices("alias = \"")
            .map(|(i, _)| ((), &src[i + 9..]))
        {
            let alias = rest.split('"').next().unwrap_or_default();
            assert!(
                keys::ALL.iter().any(|k| k.zh == alias),
                "alias {alias} is not in spec::keys"
            );
            n += 1;
        }
        assert_eq!(n, keys::ALL.len());
    }
}
