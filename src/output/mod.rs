//! Outputs of a [`Speech`](crate::model::Speech): the Word document (`docx`), the standalone HTML
//! page (`html`), and the contract every other output keeps with it.
//!
//! [`plain_lines`] is the text of a speech laid out as paragraphs: the text draft's non-empty
//! lines with their leading indentation trimmed. The docx holds exactly these paragraphs, in this
//! order, and the text renderer emits exactly this sequence; the tests of both hold them to it.

pub mod docx;
pub mod html;

use crate::model::Speech;

/// The laid-out paragraphs of a speech as plain text, one string per paragraph.
///
/// The layout (see [`docx::paragraphs`] for the styles):
///
/// 1. the title, then each byline line (speaker, date) as is;
/// 2. the salutation (同志们：);
/// 3. each non-empty opening paragraph;
/// 4. for each level-1 part: `一、heading` (no final 。); its body paragraphs; its level-2
///    parts; its own items;
/// 5. for each level-2 part: `（一）heading` on its own line, or, with `inline_heading`,
///    `（一）heading。` followed by the first body paragraph in one paragraph; then the remaining
///    body paragraphs; then its items;
/// 6. an item is `label + lead + 。 + body` (`一要加快项目建设。要…`), the label from
///    [`ItemMarker::label`](crate::model::ItemMarker::label). An item with `own_paragraph` starts
///    a paragraph; one without runs on at the end of the same part's previous body,
///    inline-heading or item paragraph (it starts a paragraph when there is none, e.g. right
///    after a heading line or after level-2 parts);
/// 7. each non-empty closing paragraph.
///
/// Every text is trimmed (leading indentation, U+3000 included, and trailing white space), and
/// empty paragraphs are left out, as the text draft drops empty lines.
pub fn plain_lines(speech: &Speech) -> Vec<String> {
    docx::paragraphs(speech)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}
