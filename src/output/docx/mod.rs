//! The Word document (.docx) of a speech, laid out as a 讲话稿 after GB/T 9704 (党政机关公文格式).
//!
//! A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the title in 方正小标宋简体,
//! broken at word boundaries into a trapezoid or diamond when it is too long for a line; the
//! byline in 楷体_GB2312, centred; the body in 仿宋_GB2312, first line indented two characters,
//! exact line spacing; level-1 headings in 黑体, level-2 in 楷体_GB2312, based on Word's
//! built-in headings; the page number as `— 1 —` in 宋体 四号, its dashes 7 mm under the text
//! block, right on odd pages and left on even pages. Two layouts ([`Layout`]): `standard`
//! (三号, 22 lines of 28 characters a page) and `large`, the read-aloud variant (18 pt body on
//! 30 pt lines, 24 pt title). docs/docx.md has the details and the reasons.
//!
//! The text of the document is exactly [`plain_lines`](super::plain_lines): one `w:p` per
//! laid-out paragraph ([`paragraphs`]). The same speech always gives the same bytes.
//!
//! The rooms, by job:
//! - `layout`: which paragraphs, in which order, with which role ([`Style`]);
//! - `title`: where a long title breaks into lines (jieba words, GB/T 9704 shapes);
//! - `metrics`: page, margins, sizes and spacing of each [`Layout`];
//! - `styles`: the style sheet, settings and font table (and why `w:overflowPunct` is there);
//! - `parts`: the document body, footers, relationships and properties;
//! - `container`: the zip archive (written and read with the `zip` crate).

mod container;
mod layout;
mod metrics;
mod parts;
mod styles;
mod title;

#[cfg(test)]
mod tests;

pub use container::{docx_text, zip_entries};
pub use layout::{Style, paragraphs};
pub use metrics::Layout;

use crate::model::Speech;

/// The Word document of the speech.
pub fn to_docx(speech: &Speech, layout: Layout) -> crate::Result<Vec<u8>> {
    let m = metrics::Metrics::of(layout);
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", parts::content_types()),
        ("_rels/.rels", parts::package_rels()),
        ("docProps/core.xml", parts::core_props(&speech.title)),
        ("docProps/app.xml", parts::app_props()),
        ("word/document.xml", parts::document_xml(speech, &m)),
        ("word/_rels/document.xml.rels", parts::document_rels()),
        ("word/styles.xml", styles::styles_xml(&m)),
        ("word/settings.xml", styles::settings_xml()),
        ("word/fontTable.xml", styles::font_table_xml()),
        ("word/footer1.xml", parts::footer_xml(true)),
        ("word/footer2.xml", parts::footer_xml(false)),
    ];
    container::write(&parts)
}
