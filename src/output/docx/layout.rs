//! The laid-out paragraphs of a speech and their roles: the one place the paragraph layout of
//! the Word document is decided ([`plain_lines`](crate::output::plain_lines) documents it).

use crate::model::{Item, Paragraph, Part, Speech};
use crate::numerals::chinese;

/// The role of a laid-out paragraph, which decides its style in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// The title (在…上的讲话).
    Title,
    /// A line under the title: a subtitle, the speaker, the date.
    Byline,
    /// 同志们：
    Salutation,
    /// A paragraph of the opening or of a part's body.
    Body,
    /// `一、heading`
    Heading1,
    /// `（一）heading` on its own line.
    Heading2,
    /// `（一）heading。` followed by body text in the same paragraph.
    Heading2Inline,
    /// An item starting its own paragraph: `一要lead。body`.
    Item,
    /// A paragraph of the closing.
    Closing,
}

/// One laid-out paragraph: `head` is an inline level-2 heading (set in the heading font), `text`
/// the rest.
pub(super) struct Block {
    pub style: Style,
    pub head: String,
    pub text: String,
}

impl Block {
    fn new(style: Style, text: String) -> Self {
        Block {
            style,
            head: String::new(),
            text,
        }
    }

    fn full_text(&self) -> String {
        format!("{}{}", self.head, self.text)
    }
}

/// The ordered paragraphs of the speech with their styles; their texts are
/// [`plain_lines`](crate::output::plain_lines), which documents the layout.
pub fn paragraphs(speech: &Speech) -> Vec<(Style, String)> {
    blocks(speech)
        .into_iter()
        .map(|b| {
            let text = b.full_text();
            (b.style, text)
        })
        .collect()
}

pub(super) fn blocks(speech: &Speech) -> Vec<Block> {
    let mut out = Vec::new();
    out.push(Block::new(Style::Title, speech.title.clone()));
    for line in &speech.byline {
        out.push(Block::new(Style::Byline, line.clone()));
    }
    if let Some(s) = &speech.salutation {
        out.push(Block::new(Style::Salutation, s.clone()));
    }
    push_paragraphs(&mut out, &speech.opening, Style::Body);
    for part in &speech.parts {
        push_part(&mut out, part);
    }
    push_paragraphs(&mut out, &speech.closing, Style::Closing);
    // Lines of the text draft are trimmed: no leading indentation (spaces, U+3000), no trailing space.
    for b in &mut out {
        if b.head.is_empty() {
            b.text = b.text.trim().to_string();
        } else {
            b.head = b.head.trim_start().to_string();
            b.text = b.text.trim_end().to_string();
        }
    }
    out.retain(|b| !b.head.is_empty() || !b.text.is_empty());
    out
}

fn push_paragraphs(out: &mut Vec<Block>, paragraphs: &[Paragraph], style: Style) {
    for p in paragraphs.iter().filter(|p| !p.is_empty()) {
        out.push(Block::new(style, p.text()));
    }
}

fn push_part(out: &mut Vec<Block>, part: &Part) {
    let cn = chinese(part.number);
    // Index of the first paragraph an item of this part may run on into.
    let mut open: Option<usize> = None;
    let mut body = part.body.iter().filter(|p| !p.is_empty());
    if part.level <= 1 {
        out.push(Block::new(
            Style::Heading1,
            format!("{cn}、{}", part.heading),
        ));
    } else if part.inline_heading {
        let text = body.next().map(Paragraph::text).unwrap_or_default();
        out.push(Block {
            style: Style::Heading2Inline,
            head: format!("（{cn}）{}。", part.heading),
            text,
        });
        open = Some(out.len() - 1);
    } else {
        out.push(Block::new(
            Style::Heading2,
            format!("（{cn}）{}", part.heading),
        ));
    }
    for p in body {
        out.push(Block::new(Style::Body, p.text()));
        open = Some(out.len() - 1);
    }
    let before_subparts = out.len();
    for sub in &part.parts {
        push_part(out, sub);
    }
    if out.len() > before_subparts {
        // Items after sub-parts never run on into a sub-part's paragraph.
        open = None;
    }
    for item in &part.items {
        let text = item_text(item);
        match open {
            Some(i) if !item.own_paragraph => out[i].text.push_str(&text),
            _ => {
                out.push(Block::new(Style::Item, text));
                open = Some(out.len() - 1);
            }
        }
    }
}

fn item_text(item: &Item) -> String {
    format!(
        "{}{}。{}",
        item.marker.label(item.number),
        item.lead,
        item.body.text()
    )
}
