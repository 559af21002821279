//! The one document model of a speech (讲话稿).
//!
//! The parser (`corpus::outline`), the planner (`plan`), the renderer (`render`), the outputs
//! (`output`) and the linter (`lint`) all speak in these types. A speech is a title, an optional
//! salutation (同志们：), an opening, level-1 parts (一、) that hold level-2 parts (（一）) and
//! level-3 items (一要… / 一是… / 1. / 第一，), and a closing.
//!
//! Every sentence carries its [`Origin`]: the phrase it was drawn from, the spec field it copies,
//! the template that wrote it, or the line of the text it was parsed from. That is what the JSON
//! output and the preview page show, and what the linter uses to tell spec facts from phrasing.
//!
//! A generated draft, rendered to text and parsed back, gives the same tree (headings, counts,
//! item leads): that round trip is tested in `tests/`.

use serde::{Deserialize, Serialize};

/// A whole speech.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speech {
    /// 在…上的讲话
    pub title: String,
    /// Optional lines under the title: the speaker and the date, e.g. `县长 张三` / `（2024年2月26日）`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub byline: Vec<String>,
    /// 同志们：
    pub salutation: Option<String>,
    /// Paragraphs before the first level-1 part.
    pub opening: Vec<Paragraph>,
    /// Level-1 parts (一、二、三).
    pub parts: Vec<Part>,
    /// Paragraphs after the last part (同志们，…！).
    pub closing: Vec<Paragraph>,
}

/// A numbered part: level 1 (一、) or level 2 (（一）).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// 1-based number as written (一 = 1).
    pub number: u32,
    /// 1 for 一、, 2 for （一）.
    pub level: u8,
    /// The heading without its number and without a final 。
    pub heading: String,
    /// Where the heading came from.
    pub heading_origin: Origin,
    /// True when the heading is a sentence opening its paragraph (（一）X。正文…) rather than a line.
    #[serde(default)]
    pub inline_heading: bool,
    /// Paragraphs after the heading and before any sub-part or item. With an inline heading the
    /// first paragraph is the text that follows the heading on the same line.
    pub body: Vec<Paragraph>,
    /// Level-2 parts of a level-1 part.
    pub parts: Vec<Part>,
    /// Level-3 items (一要… / 一是… / 1. / 第一，).
    pub items: Vec<Item>,
    /// 1-based line in the text this part was parsed from (0 when planned).
    #[serde(default)]
    pub line: usize,
}

/// A level-3 item: a lead (一要加快项目建设扩投资。) and the sentences that follow it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// 1-based number as written.
    pub number: u32,
    /// How the item is numbered.
    pub marker: ItemMarker,
    /// The lead without marker and final 。 (加快项目建设扩投资).
    pub lead: String,
    /// Where the lead came from.
    pub lead_origin: Origin,
    /// The sentences after the lead, in the same paragraph.
    pub body: Paragraph,
    /// True when the item starts its own paragraph; false when it runs on inside a paragraph.
    #[serde(default)]
    pub own_paragraph: bool,
    /// 1-based line in the parsed text (0 when planned).
    #[serde(default)]
    pub line: usize,
}

/// How a level-3 item is numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemMarker {
    /// 一要、二要
    #[default]
    Yao,
    /// 一是、二是
    Shi,
    /// 1. 2. (or 1、)
    Arabic,
    /// 第一，第二，
    Di,
}

impl ItemMarker {
    /// The marker text for number `n` (1-based): 一要, 二是, 3., 第四，
    pub fn label(self, n: u32) -> String {
        let cn = crate::numerals::chinese(n);
        match self {
            ItemMarker::Yao => format!("{cn}要"),
            ItemMarker::Shi => format!("{cn}是"),
            ItemMarker::Arabic => format!("{n}."),
            ItemMarker::Di => format!("第{cn}，"),
        }
    }
}

/// A paragraph: a run of sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub sentences: Vec<Sentence>,
    /// 1-based line in the parsed text (0 when planned).
    #[serde(default)]
    pub line: usize,
}

impl Paragraph {
    /// A paragraph of the given sentences.
    pub fn new(sentences: Vec<Sentence>) -> Self {
        Paragraph { sentences, line: 0 }
    }

    /// The paragraph's text: its sentences joined with nothing between them.
    pub fn text(&self) -> String {
        self.sentences.iter().map(|s| s.text.as_str()).collect()
    }

    /// True when the paragraph has no text.
    pub fn is_empty(&self) -> bool {
        self.sentences.iter().all(|s| s.text.is_empty())
    }
}

/// One sentence with its origin. The text ends with its own punctuation (。！？；：).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    pub origin: Origin,
}

impl Sentence {
    /// A sentence of the given text and origin.
    pub fn new(text: impl Into<String>, origin: Origin) -> Self {
        Sentence {
            text: text.into(),
            origin,
        }
    }
}

/// Where a sentence (or heading) came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// Drawn from a phrasebank entry (its slots filled).
    Phrase { id: String },
    /// Copied from the spec; `field` is the path, e.g. `sections[0].points[1].facts[0]`.
    Spec { field: String },
    /// Phrasing that mixes a phrase with spec values: the phrase id and the spec fields it carries.
    Mixed { id: String, fields: Vec<String> },
    /// Written by a template or pattern file (e.g. `templates/patterns/l2_verb.tera`).
    Template { name: String },
    /// Parsed from a text; `line` is 1-based.
    Text { line: usize },
    /// Unknown (e.g. built by hand in a test).
    #[default]
    Unknown,
}

impl Origin {
    /// True when the sentence carries spec text verbatim.
    pub fn carries_spec(&self) -> bool {
        matches!(self, Origin::Spec { .. } | Origin::Mixed { .. })
    }

    /// A short label for previews: the phrase id, the spec field or the template name.
    pub fn label(&self) -> String {
        match self {
            Origin::Phrase { id } => id.clone(),
            Origin::Spec { field } => format!("spec:{field}"),
            Origin::Mixed { id, fields } => format!("{id} + spec:{}", fields.join(",")),
            Origin::Template { name } => format!("template:{name}"),
            Origin::Text { line } => format!("line {line}"),
            Origin::Unknown => "?".to_string(),
        }
    }
}

impl Speech {
    /// Counts of level-1 parts, level-2 parts and level-3 items.
    pub fn count_parts(&self) -> (usize, usize, usize) {
        let l1 = self.parts.len();
        let l2 = self.parts.iter().map(|p| p.parts.len()).sum();
        let l3 = self
            .parts
            .iter()
            .map(|p| p.items.len() + p.parts.iter().map(|q| q.items.len()).sum::<usize>())
            .sum();
        (l1, l2, l3)
    }
}
