//! The XML parts of the package but the styles: the content types, the relationships, the
//! document properties (no dates), the document body and the two footers.

use super::layout::{Block, Style, blocks};
use super::metrics::{
    FOOTER, HEADER, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, Metrics, PAGE_H, PAGE_W,
};
use super::styles::style_id;
use super::title::title_lines;
use crate::model::Speech;

pub(super) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub(super) const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

pub(super) fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        concat!(
            "{decl}\n",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/>"#,
            r#"<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>"#,
            r#"<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>"#,
            r#"<Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/>"#,
            r#"<Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/>"#,
            r#"<Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/>"#,
            r#"<Override PartName="/word/footer2.xml" ContentType="{wml}.footer+xml"/>"#,
            r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
            r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
            "</Types>"
        ),
        decl = XML_DECL,
        wml = wml
    )
}

pub(super) fn package_rels() -> String {
    format!(
        concat!(
            "{}\n",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>"
        ),
        XML_DECL
    )
}

/// Core properties: the title and the creator, and no dates (the output must not depend on when
/// it was made).
pub(super) fn core_props(title: &str) -> String {
    format!(
        concat!(
            "{}\n",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:creator>wengao</dc:creator><cp:lastModifiedBy>wengao</cp:lastModifiedBy>",
            "</cp:coreProperties>"
        ),
        XML_DECL,
        escape(title)
    )
}

pub(super) fn app_props() -> String {
    format!(
        concat!(
            "{}\n",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
            "<Application>wengao</Application><AppVersion>{}</AppVersion></Properties>"
        ),
        XML_DECL,
        app_version()
    )
}

/// `AppVersion` must look like `XX.YYYY`.
fn app_version() -> String {
    let mut v = env!("CARGO_PKG_VERSION")
        .split('.')
        .map(|s| s.parse::<u32>().unwrap_or(0));
    let major = v.next().unwrap_or(0);
    let minor = v.next().unwrap_or(0);
    format!("{major:02}.{minor:04}")
}

pub(super) fn document_rels() -> String {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        concat!(
            "{decl}\n",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="{rel}/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rId2" Type="{rel}/settings" Target="settings.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{rel}/fontTable" Target="fontTable.xml"/>"#,
            r#"<Relationship Id="rId4" Type="{rel}/footer" Target="footer1.xml"/>"#,
            r#"<Relationship Id="rId5" Type="{rel}/footer" Target="footer2.xml"/>"#,
            "</Relationships>"
        ),
        decl = XML_DECL,
        rel = rel
    )
}

pub(super) fn document_xml(speech: &Speech, m: &Metrics) -> String {
    let blocks = blocks(speech);
    // One blank line's space under the title block (title and byline).
    let title_block_end = blocks
        .iter()
        .take_while(|b| matches!(b.style, Style::Title | Style::Byline))
        .count()
        .checked_sub(1);
    let mut body = String::new();
    for (i, b) in blocks.iter().enumerate() {
        body.push_str("<w:p><w:pPr>");
        body.push_str(&format!(r#"<w:pStyle w:val="{}"/>"#, style_id(b.style)));
        if Some(i) == title_block_end {
            body.push_str(&format!(r#"<w:spacing w:after="{}"/>"#, m.line_twips));
        }
        body.push_str("</w:pPr>");
        push_runs(&mut body, b, m);
        body.push_str("</w:p>");
    }
    format!(
        concat!(
            "{decl}\n",
            r#"<w:document xmlns:w="{w}" xmlns:r="{r}"><w:body>{body}"#,
            "<w:sectPr>",
            r#"<w:footerReference w:type="default" r:id="rId4"/>"#,
            r#"<w:footerReference w:type="even" r:id="rId5"/>"#,
            r#"<w:pgSz w:w="{pw}" w:h="{ph}"/>"#,
            r#"<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{header}" w:footer="{footer}" w:gutter="0"/>"#,
            r#"<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="{line}"/>"#,
            "</w:sectPr></w:body></w:document>"
        ),
        decl = XML_DECL,
        w = W_NS,
        r = R_NS,
        body = body,
        pw = PAGE_W,
        ph = PAGE_H,
        top = MARGIN_TOP,
        right = MARGIN_RIGHT,
        bottom = MARGIN_BOTTOM,
        left = MARGIN_LEFT,
        header = HEADER,
        footer = FOOTER,
        line = m.line_twips
    )
}

/// The runs of a paragraph: a title's lines joined by line breaks (`w:br`, so the paragraph's
/// text stays the title); an inline level-2 heading in its own character style, then the text.
fn push_runs(body: &mut String, b: &Block, m: &Metrics) {
    if b.style == Style::Title {
        for (i, line) in title_lines(&b.text, m.title_line_units())
            .iter()
            .enumerate()
        {
            body.push_str("<w:r>");
            if i > 0 {
                body.push_str("<w:br/>");
            }
            body.push_str(&text_element(line));
            body.push_str("</w:r>");
        }
        return;
    }
    if !b.head.is_empty() {
        body.push_str(&format!(
            r#"<w:r><w:rPr><w:rStyle w:val="WgHeading2Char"/></w:rPr>{}</w:r>"#,
            text_element(&b.head)
        ));
    }
    if !b.text.is_empty() {
        body.push_str(&format!("<w:r>{}</w:r>", text_element(&b.text)));
    }
}

fn text_element(text: &str) -> String {
    format!(r#"<w:t xml:space="preserve">{}</w:t>"#, escape(text))
}

/// The footer with the page number `— 1 —`: right-aligned on odd pages, left on even, one 四号
/// character in from the margin.
pub(super) fn footer_xml(odd: bool) -> String {
    let (jc, ind) = if odd {
        ("right", r#"<w:ind w:right="280"/>"#)
    } else {
        ("left", r#"<w:ind w:left="280"/>"#)
    };
    format!(
        concat!(
            "{decl}\n",
            r#"<w:ftr xmlns:w="{w}" xmlns:r="{r}"><w:p><w:pPr><w:pStyle w:val="WgFooter"/>{ind}<w:jc w:val="{jc}"/></w:pPr>"#,
            r#"<w:r><w:t xml:space="preserve">— </w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
            r#"<w:r><w:t>1</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r><w:t xml:space="preserve"> —</w:t></w:r>"#,
            "</w:p></w:ftr>"
        ),
        decl = XML_DECL,
        w = W_NS,
        r = R_NS,
        ind = ind,
        jc = jc
    )
}

/// Escape text for XML, dropping characters XML 1.0 cannot hold.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
