//! The Word document (.docx) of a speech, laid out as a 讲话稿 after GB/T 9704 (党政机关公文格式).
//!
//! A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the title in 方正小标宋简体,
//! the byline in 楷体_GB2312, centred; the body in 仿宋_GB2312, first line indented two
//! characters, exact line spacing; level-1 headings in 黑体, level-2 in 楷体_GB2312; the page
//! number in the footer as `— 1 —` in 宋体 四号, right on odd pages and left on even pages.
//! Two layouts ([`Layout`]): `standard` (三号, 22 lines of 28 characters a page) and `large`, the
//! read-aloud variant (18 pt body on 30 pt lines, 24 pt title). docs/docx.md has the details.
//!
//! The package is written here, not through a library: a handful of XML parts in a zip archive of
//! stored (uncompressed) entries with a fixed timestamp and no dates in `docProps/core.xml`, so
//! the same speech always gives the same bytes. The text of the document is exactly
//! [`plain_lines`](super::plain_lines): one `w:p` per laid-out paragraph ([`paragraphs`]).

use crate::model::{Item, Paragraph, Part, Speech};
use crate::numerals::chinese;

/// The page layout of the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Layout {
    /// GB/T 9704: body 仿宋_GB2312 三号 (16 pt) on exact 28.95 pt lines, 22 lines of 28
    /// characters a page; title 二号 (22 pt).
    #[default]
    Standard,
    /// For reading aloud: body 18 pt on exact 30 pt lines, title 24 pt; same fonts and margins.
    Large,
}

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
struct Block {
    style: Style,
    head: String,
    text: String,
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
/// [`plain_lines`](super::plain_lines), which documents the layout.
pub fn paragraphs(speech: &Speech) -> Vec<(Style, String)> {
    blocks(speech)
        .into_iter()
        .map(|b| {
            let text = b.full_text();
            (b.style, text)
        })
        .collect()
}

fn blocks(speech: &Speech) -> Vec<Block> {
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

/// Sizes of a layout, in the units WordprocessingML uses.
struct Metrics {
    /// Body, byline and heading size in half-points.
    body_half_pt: u32,
    /// Title size in half-points.
    title_half_pt: u32,
    /// Exact line spacing in twentieths of a point.
    line_twips: u32,
    /// Character spacing of the body text in twentieths of a point (negative: condensed).
    char_spacing: i32,
}

/// A4 in twips (1/20 pt; 1 mm = 56.693 twips).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_TOP: u32 = 2098; // 37 mm
const MARGIN_BOTTOM: u32 = 1984; // 35 mm
const MARGIN_LEFT: u32 = 1587; // 28 mm
const MARGIN_RIGHT: u32 = 1474; // 26 mm
const HEADER: u32 = 851; // 15 mm
/// The page number's lower edge 23 mm from the page foot: its top about 7 mm under the text block.
const FOOTER: u32 = 1304;
/// 四号, in half-points.
const PAGE_NUMBER_HALF_PT: u32 = 28;
/// The width of the text block in twips (156 mm).
const TEXT_WIDTH: u32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;

impl Metrics {
    fn of(layout: Layout) -> Self {
        match layout {
            // 22 lines of 28 characters on the 156 × 225 mm text block: lines 28.95 pt apart,
            // and the 16 pt characters condensed so that 28 fit (28 × 15.75 pt ≤ 442.25 pt <
            // 29 × 15.75 pt). The condensing is character spacing rather than a character grid
            // (`w:docGrid w:type="linesAndChars"`): LibreOffice gives a character wider than a
            // grid cell two cells, which would leave 14 characters a line.
            Layout::Standard => Metrics {
                body_half_pt: 32,
                title_half_pt: 44,
                line_twips: 579,
                char_spacing: (TEXT_WIDTH / 28) as i32 - 320,
            },
            Layout::Large => Metrics {
                body_half_pt: 36,
                title_half_pt: 48,
                line_twips: 600,
                char_spacing: 0,
            },
        }
    }

    /// Two characters of the body font, in twips.
    fn indent_twips(&self) -> u32 {
        self.body_half_pt * 20
    }
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

const FONT_LATIN: &str = "Times New Roman";
const FONT_BODY: &str = "仿宋_GB2312";
const FONT_TITLE: &str = "方正小标宋简体";
const FONT_KAI: &str = "楷体_GB2312";
const FONT_HEI: &str = "黑体";
const FONT_SONG: &str = "宋体";

/// The Word document of the speech.
pub fn to_docx(speech: &Speech, layout: Layout) -> crate::Result<Vec<u8>> {
    let m = Metrics::of(layout);
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_props(&speech.title)),
        ("docProps/app.xml", app_props()),
        ("word/document.xml", document_xml(speech, &m)),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles_xml(&m)),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml(true)),
        ("word/footer2.xml", footer_xml(false)),
    ];
    let mut zip = ZipWriter::default();
    for (name, xml) in &parts {
        zip.add(name, xml.as_bytes());
    }
    Ok(zip.finish())
}

fn content_types() -> String {
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

fn package_rels() -> String {
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
fn core_props(title: &str) -> String {
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

fn app_props() -> String {
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

fn document_rels() -> String {
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

fn style_id(style: Style) -> &'static str {
    match style {
        Style::Title => "WgTitle",
        Style::Byline => "WgByline",
        Style::Salutation => "WgSalutation",
        Style::Body | Style::Heading2Inline => "WgBody",
        Style::Heading1 => "WgHeading1",
        Style::Heading2 => "WgHeading2",
        Style::Item => "WgItem",
        Style::Closing => "WgClosing",
    }
}

fn document_xml(speech: &Speech, m: &Metrics) -> String {
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
        if !b.head.is_empty() {
            body.push_str(&format!(
                r#"<w:r><w:rPr><w:rStyle w:val="WgHeading2Char"/></w:rPr>{}</w:r>"#,
                text_element(&b.head)
            ));
        }
        if !b.text.is_empty() {
            body.push_str(&format!("<w:r>{}</w:r>", text_element(&b.text)));
        }
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

fn text_element(text: &str) -> String {
    format!(r#"<w:t xml:space="preserve">{}</w:t>"#, escape(text))
}

/// `w:rFonts` with the East Asian font `east_asia` and `latin` for Latin letters and digits.
fn fonts(latin: &str, east_asia: &str) -> String {
    format!(
        r#"<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>"#
    )
}

fn size(half_pt: u32) -> String {
    format!(r#"<w:sz w:val="{half_pt}"/><w:szCs w:val="{half_pt}"/>"#)
}

fn styles_xml(m: &Metrics) -> String {
    let line = m.line_twips;
    let body = size(m.body_half_pt);
    let spacing = format!(r#"<w:spacing w:val="{}"/>"#, m.char_spacing);
    let indent = format!(
        r#"<w:ind w:firstLineChars="200" w:firstLine="{}"/>"#,
        m.indent_twips()
    );
    let no_indent = r#"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#;
    let para = |id: &str, name: &str, based: &str, ppr: &str, rpr: &str| {
        format!(
            concat!(
                r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/>"#,
                r#"<w:basedOn w:val="{based}"/><w:next w:val="WgBody"/><w:qFormat/>"#,
                "<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
            ),
            id = id,
            name = name,
            based = based,
            ppr = ppr,
            rpr = rpr
        )
    };
    let mut s = String::new();
    s.push_str(XML_DECL);
    s.push('\n');
    s.push_str(&format!(r#"<w:styles xmlns:w="{W_NS}">"#));
    s.push_str(&format!(
        concat!(
            r#"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}{spacing}<w:kern w:val="2"/>{size}"#,
            r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>"#,
            r#"<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>"#,
            r#"<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        ),
        fonts = fonts(FONT_LATIN, FONT_BODY),
        spacing = spacing,
        size = body,
        line = line
    ));
    // Normal carries the body font, spacing and size itself, as well as the document defaults.
    s.push_str(&format!(
        concat!(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:line="{line}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>"#,
            "<w:rPr>{fonts}{spacing}{size}</w:rPr></w:style>",
            r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#
        ),
        fonts = fonts(FONT_LATIN, FONT_BODY),
        spacing = spacing,
        size = body,
        line = line
    ));
    s.push_str(&para(
        "WgBody",
        "讲话稿正文",
        "Normal",
        &indent,
        &format!("{}{body}", fonts(FONT_LATIN, FONT_BODY)),
    ));
    s.push_str(&para(
        "WgTitle",
        "讲话稿标题",
        "Normal",
        &format!(
            r#"<w:snapToGrid w:val="0"/>{no_indent}<w:jc w:val="center"/><w:outlineLvl w:val="9"/>"#
        ),
        &format!(
            r#"{}<w:spacing w:val="0"/>{}"#,
            fonts(FONT_LATIN, FONT_TITLE),
            size(m.title_half_pt)
        ),
    ));
    s.push_str(&para(
        "WgByline",
        "讲话稿署名",
        "Normal",
        &format!(r#"{no_indent}<w:jc w:val="center"/>"#),
        &format!("{}{body}", fonts(FONT_LATIN, FONT_KAI)),
    ));
    s.push_str(&para("WgSalutation", "讲话稿称谓", "WgBody", no_indent, ""));
    s.push_str(&para(
        "WgHeading1",
        "讲话稿一级标题",
        "WgBody",
        r#"<w:keepNext/><w:outlineLvl w:val="0"/>"#,
        &fonts(FONT_LATIN, FONT_HEI),
    ));
    s.push_str(&para(
        "WgHeading2",
        "讲话稿二级标题",
        "WgBody",
        r#"<w:keepNext/><w:outlineLvl w:val="1"/>"#,
        &fonts(FONT_LATIN, FONT_KAI),
    ));
    s.push_str(&para("WgItem", "讲话稿条目", "WgBody", "", ""));
    s.push_str(&para("WgClosing", "讲话稿结尾", "WgBody", "", ""));
    s.push_str(&format!(
        concat!(
            r#"<w:style w:type="character" w:customStyle="1" w:styleId="WgHeading2Char"><w:name w:val="讲话稿二级标题（段中）"/>"#,
            r#"<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>{}</w:rPr></w:style>"#
        ),
        fonts(FONT_LATIN, FONT_KAI)
    ));
    s.push_str(&format!(
        concat!(
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="WgFooter"><w:name w:val="讲话稿页码"/>"#,
            r#"<w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>"#,
            r#"<w:rPr>{}<w:spacing w:val="0"/>{}</w:rPr></w:style>"#
        ),
        fonts(FONT_SONG, FONT_SONG),
        size(PAGE_NUMBER_HALF_PT)
    ));
    s.push_str("</w:styles>");
    s
}

fn settings_xml() -> String {
    format!(
        concat!(
            "{}\n",
            r#"<w:settings xmlns:w="{}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>"#,
            r#"<w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/>"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            r#"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>"#
        ),
        XML_DECL, W_NS
    )
}

/// The fonts, with the names Word substitutes when one is missing (`w:altName`): 仿宋_GB2312 →
/// 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体 (Windows since 8 ships 仿宋 and 楷体, not the
/// `_GB2312` fonts).
fn font_table_xml() -> String {
    let fonts = [
        (
            FONT_LATIN,
            None,
            "02020603050405020304",
            "00",
            "roman",
            "variable",
        ),
        (
            FONT_BODY,
            Some("仿宋"),
            "02010609030101010101",
            "86",
            "modern",
            "fixed",
        ),
        (
            FONT_KAI,
            Some("楷体"),
            "02010609030101010101",
            "86",
            "modern",
            "fixed",
        ),
        (
            FONT_HEI,
            Some("SimHei"),
            "02010609060101010101",
            "86",
            "modern",
            "fixed",
        ),
        (
            FONT_TITLE,
            Some("宋体"),
            "02000000000000000000",
            "86",
            "script",
            "variable",
        ),
        (
            FONT_SONG,
            Some("SimSun"),
            "02010600030101010101",
            "86",
            "auto",
            "variable",
        ),
    ];
    let mut s = format!("{XML_DECL}\n<w:fonts xmlns:w=\"{W_NS}\">");
    for (name, alt, panose, charset, family, pitch) in fonts {
        s.push_str(&format!(r#"<w:font w:name="{name}">"#));
        if let Some(alt) = alt {
            s.push_str(&format!(r#"<w:altName w:val="{alt}"/>"#));
        }
        s.push_str(&format!(
            r#"<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>"#
        ));
    }
    s.push_str("</w:fonts>");
    s
}

/// The footer with the page number `— 1 —`: right-aligned on odd pages, left on even, one 四号
/// character in from the margin.
fn footer_xml(odd: bool) -> String {
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

// ---------------------------------------------------------------------------------------------
// Zip: stored entries, fixed timestamp.

/// 1980-01-01 00:00, the earliest DOS date.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

#[derive(Default)]
struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl ZipWriter {
    fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        let len = data.len() as u32;
        let name = name.as_bytes();
        // Local file header.
        put32(&mut self.out, 0x0403_4b50);
        put16(&mut self.out, 20); // version needed
        put16(&mut self.out, 0); // flags
        put16(&mut self.out, 0); // stored
        put16(&mut self.out, DOS_TIME);
        put16(&mut self.out, DOS_DATE);
        put32(&mut self.out, crc);
        put32(&mut self.out, len);
        put32(&mut self.out, len);
        put16(&mut self.out, name.len() as u16);
        put16(&mut self.out, 0); // extra
        self.out.extend_from_slice(name);
        self.out.extend_from_slice(data);
        // Central directory entry.
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, 20); // version made by
        put16(c, 20); // version needed
        put16(c, 0);
        put16(c, 0);
        put16(c, DOS_TIME);
        put16(c, DOS_DATE);
        put32(c, crc);
        put32(c, len);
        put32(c, len);
        put16(c, name.len() as u16);
        put16(c, 0); // extra
        put16(c, 0); // comment
        put16(c, 0); // disk
        put16(c, 0); // internal attributes
        put32(c, 0); // external attributes
        put32(c, offset);
        c.extend_from_slice(name);
        self.count += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let offset = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        put32(&mut self.out, 0x0605_4b50);
        put16(&mut self.out, 0);
        put16(&mut self.out, 0);
        put16(&mut self.out, self.count);
        put16(&mut self.out, self.count);
        put32(&mut self.out, size);
        put32(&mut self.out, offset);
        put16(&mut self.out, 0);
        self.out
    }
}

fn put16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn put32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The stored (uncompressed) entries of a zip archive, as `to_docx` writes them, by name.
/// Compressed entries and malformed archives give what could be read (or nothing).
pub fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let get16 = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
    };
    let get32 = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let mut out = Vec::new();
    let mut at = 0;
    while get32(at) == Some(0x0403_4b50) {
        let (Some(method), Some(size), Some(name_len), Some(extra_len)) = (
            get16(at + 8),
            get32(at + 18),
            get16(at + 26),
            get16(at + 28),
        ) else {
            break;
        };
        let name_at = at + 30;
        let data_at = name_at + name_len + extra_len;
        let (Some(name), Some(data)) = (
            bytes.get(name_at..name_at + name_len),
            bytes.get(data_at..data_at + size),
        ) else {
            break;
        };
        if method == 0 {
            out.push((String::from_utf8_lossy(name).into_owned(), data.to_vec()));
        }
        at = data_at + size;
    }
    out
}

/// The text of each paragraph (`w:p`) of `word/document.xml` in a docx that `to_docx` wrote: the
/// `w:t` texts of the paragraph joined. Equal to [`plain_lines`](super::plain_lines) of the speech.
pub fn docx_text(bytes: &[u8]) -> Vec<String> {
    let Some((_, xml)) = zip_entries(bytes)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
    else {
        return Vec::new();
    };
    let xml = String::from_utf8_lossy(&xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut rest = &xml[..];
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let name = tag.split([' ', '/']).next().unwrap_or("");
        let self_closing = tag.ends_with('/');
        match name {
            "w:p" if !tag.starts_with('/') => {
                if self_closing {
                    out.push(String::new());
                } else {
                    current = Some(String::new());
                }
            }
            "" if tag == "/w:p" => {
                if let Some(p) = current.take() {
                    out.push(p);
                }
            }
            "w:t" if !self_closing => {
                let end = rest.find("</w:t>").unwrap_or(rest.len());
                if let Some(p) = current.as_mut() {
                    p.push_str(&unescape(&rest[..end]));
                }
                rest = &rest[end..];
            }
            _ => {}
        }
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';') else { break };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemMarker, Origin, Sentence};
    use crate::output::plain_lines;

    fn para(sentences: &[&str]) -> Paragraph {
        Paragraph::new(
            sentences
                .iter()
                .map(|s| Sentence::new(*s, Origin::Unknown))
                .collect(),
        )
    }

    fn item(
        number: u32,
        marker: ItemMarker,
        lead: &str,
        body: &[&str],
        own_paragraph: bool,
    ) -> Item {
        Item {
            number,
            marker,
            lead: lead.into(),
            body: para(body),
            own_paragraph,
            ..Default::default()
        }
    }

    fn part(number: u32, level: u8, heading: &str) -> Part {
        Part {
            number,
            level,
            heading: heading.into(),
            ..Default::default()
        }
    }

    /// A speech with a title, byline, three level-1 parts (one with level-2 parts, one of them
    /// inline, one with items directly), run-on items and a closing.
    pub(crate) fn sample() -> Speech {
        let mut p1 = part(1, 1, "充分肯定成绩，坚定发展信心");
        p1.body = vec![
            para(&["过去一年，全县地区生产总值增长6.5%。", "成绩来之不易。"]),
            para(&["同时也要清醒看到，发展中仍有不少困难和问题。"]),
        ];
        let mut p2 = part(2, 1, "突出工作重点，全力推动高质量发展");
        let mut p21 = part(1, 2, "聚焦项目建设扩投资");
        p21.body = vec![para(&["项目是经济发展的“压舱石”。"])];
        p21.items = vec![
            item(
                1,
                ItemMarker::Yao,
                "抓谋划",
                &["要围绕产业链谋划一批大项目。"],
                true,
            ),
            item(
                2,
                ItemMarker::Yao,
                "抓开工",
                &["确保3月底前开工率达到60%。"],
                true,
            ),
        ];
        let mut p22 = part(2, 2, "聚焦招商引资强动能");
        p22.inline_heading = true;
        p22.body = vec![
            para(&["招商引资是发展的生命线。"]),
            para(&["全年新引进亿元以上项目20个以上。"]),
        ];
        p22.items = vec![
            item(
                1,
                ItemMarker::Shi,
                "精准招商",
                &["瞄准长三角、珠三角。"],
                false,
            ),
            item(
                2,
                ItemMarker::Shi,
                "以商招商",
                &["发挥在外乡贤作用。"],
                false,
            ),
        ];
        let mut p23 = part(3, 2, "聚焦民生保障<惠民生>&");
        p23.items = vec![item(
            1,
            ItemMarker::Di,
            "兜牢底线",
            &["做好困难群众救助。"],
            false,
        )];
        p2.parts = vec![p21, p22, p23];
        let mut p3 = part(3, 1, "强化责任落实，确保各项任务见效");
        p3.body = vec![para(&["　　抓落实是关键。 "])];
        let mut p31 = part(1, 2, "加强组织领导");
        p31.inline_heading = true;
        p3.parts = vec![p31];
        p3.items = vec![
            item(
                1,
                ItemMarker::Arabic,
                "压实责任",
                &["各级各部门要扛起责任。"],
                true,
            ),
            item(
                2,
                ItemMarker::Arabic,
                "严格督查",
                &["县委督查室要跟踪问效。"],
                false,
            ),
        ];
        Speech {
            title: "在全县2024年经济工作会议上的讲话".into(),
            byline: vec!["县长  张三".into(), "（2024年2月26日）".into()],
            salutation: Some("同志们：".into()),
            opening: vec![para(&["今天召开全县经济工作会议。"]), para(&[])],
            parts: vec![p1, p2, p3],
            closing: vec![para(&["同志们，", "让我们奋力谱写高质量发展新篇章！"])],
        }
    }

    fn expected_lines() -> Vec<&'static str> {
        vec![
            "在全县2024年经济工作会议上的讲话",
            "县长  张三",
            "（2024年2月26日）",
            "同志们：",
            "今天召开全县经济工作会议。",
            "一、充分肯定成绩，坚定发展信心",
            "过去一年，全县地区生产总值增长6.5%。成绩来之不易。",
            "同时也要清醒看到，发展中仍有不少困难和问题。",
            "二、突出工作重点，全力推动高质量发展",
            "（一）聚焦项目建设扩投资",
            "项目是经济发展的“压舱石”。",
            "一要抓谋划。要围绕产业链谋划一批大项目。",
            "二要抓开工。确保3月底前开工率达到60%。",
            "（二）聚焦招商引资强动能。招商引资是发展的生命线。",
            "全年新引进亿元以上项目20个以上。一是精准招商。瞄准长三角、珠三角。二是以商招商。发挥在外乡贤作用。",
            "（三）聚焦民生保障<惠民生>&",
            "第一，兜牢底线。做好困难群众救助。",
            "三、强化责任落实，确保各项任务见效",
            "抓落实是关键。",
            "（一）加强组织领导。",
            "1.压实责任。各级各部门要扛起责任。2.严格督查。县委督查室要跟踪问效。",
            "同志们，让我们奋力谱写高质量发展新篇章！",
        ]
    }

    fn entry(bytes: &[u8], name: &str) -> String {
        let (_, data) = zip_entries(bytes)
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name} in the docx"));
        String::from_utf8(data).unwrap()
    }

    #[test]
    fn layout_follows_the_contract() {
        let s = sample();
        assert_eq!(plain_lines(&s), expected_lines());
        let styles: Vec<Style> = paragraphs(&s).into_iter().map(|(st, _)| st).collect();
        assert_eq!(styles[0], Style::Title);
        assert_eq!(&styles[1..3], &[Style::Byline, Style::Byline]);
        assert_eq!(styles[3], Style::Salutation);
        assert_eq!(styles[5], Style::Heading1);
        assert_eq!(styles[9], Style::Heading2);
        assert_eq!(styles[11], Style::Item);
        assert_eq!(styles[13], Style::Heading2Inline);
        assert_eq!(styles[14], Style::Body);
        assert_eq!(styles[16], Style::Item);
        assert_eq!(styles[19], Style::Heading2Inline);
        assert_eq!(styles[20], Style::Item);
        assert_eq!(styles[21], Style::Closing);
    }

    #[test]
    fn docx_text_is_the_plain_text() {
        let s = sample();
        for layout in [Layout::Standard, Layout::Large] {
            let bytes = to_docx(&s, layout).unwrap();
            assert_eq!(docx_text(&bytes), plain_lines(&s), "{layout:?}");
        }
        // An empty speech gives an empty (but valid) document.
        let bytes = to_docx(&Speech::default(), Layout::Standard).unwrap();
        assert!(docx_text(&bytes).is_empty());
        assert!(entry(&bytes, "word/document.xml").contains("<w:sectPr>"));
    }

    #[test]
    fn output_is_deterministic_and_a_valid_zip() {
        let s = sample();
        let a = to_docx(&s, Layout::Standard).unwrap();
        let b = to_docx(&s, Layout::Standard).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, to_docx(&s, Layout::Large).unwrap());
        let entries = zip_entries(&a);
        assert_eq!(entries[0].0, "[Content_Types].xml");
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        for part in [
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/settings.xml",
            "word/footer1.xml",
            "word/footer2.xml",
            "docProps/core.xml",
        ] {
            assert!(names.contains(&part), "{part} missing: {names:?}");
        }
        // The central directory agrees with the local headers, and the CRCs are right.
        let eocd = a.len() - 22;
        assert_eq!(&a[eocd..eocd + 4], &[0x50, 0x4b, 0x05, 0x06]);
        let count = u16::from_le_bytes([a[eocd + 10], a[eocd + 11]]) as usize;
        assert_eq!(count, entries.len());
        let mut at = u32::from_le_bytes(a[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
        for (name, data) in &entries {
            assert_eq!(&a[at..at + 4], &[0x50, 0x4b, 0x01, 0x02]);
            let crc = u32::from_le_bytes(a[at + 16..at + 20].try_into().unwrap());
            assert_eq!(crc, crc32(data), "{name}");
            // No timestamp but the fixed one.
            assert_eq!(&a[at + 12..at + 16], &[0, 0, 0x21, 0]);
            let n = u16::from_le_bytes([a[at + 28], a[at + 29]]) as usize;
            assert_eq!(&a[at + 46..at + 46 + n], name.as_bytes());
            at += 46 + n;
        }
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        // No dates in the core properties.
        let core = entry(&a, "docProps/core.xml");
        assert!(!core.contains("dcterms:created") && !core.contains("dcterms:modified"));
        assert!(core.contains("<dc:title>在全县2024年经济工作会议上的讲话</dc:title>"));
    }

    #[test]
    fn standard_layout_xml() {
        let bytes = to_docx(&sample(), Layout::Standard).unwrap();
        let doc = entry(&bytes, "word/document.xml");
        let styles = entry(&bytes, "word/styles.xml");
        // A4 and the margins (37/35/28/26 mm).
        assert!(
            doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
            "{doc}"
        );
        assert!(
            doc.contains(r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#)
        );
        // 22 lines of 28 characters: 28.95 pt lines, 16 pt characters condensed by 0.25 pt.
        assert!(doc.contains(r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#));
        assert!(styles.contains(r#"<w:spacing w:val="-5"/>"#));
        let text_width_pt = f64::from(TEXT_WIDTH) / 20.0;
        assert!(28.0 * (16.0 - 0.25) <= text_width_pt);
        assert!(29.0 * (16.0 - 0.25) > text_width_pt);
        assert!(
            26.0 * 15.75 + 32.0 <= text_width_pt,
            "the first line, indented, holds 26"
        );
        assert!(22.0 * 28.95 <= f64::from(PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) / 20.0);
        assert!(23.0 * 28.95 > f64::from(PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) / 20.0);
        // Body: 仿宋_GB2312 三号 with a Latin fallback, exact 28.95 pt lines, two-character indent.
        assert!(styles.contains(
            r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/>"#
        ));
        assert!(styles.contains(r#"<w:sz w:val="32"/><w:szCs w:val="32"/>"#));
        assert!(
            styles.contains(
                r#"<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>"#
            )
        );
        assert!(styles.contains(r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#));
        // Title 方正小标宋简体 二号 centred; byline and level-2 楷体_GB2312; level-1 黑体.
        let style = |id: &str| {
            let start = styles
                .find(&format!(r#"w:styleId="{id}""#))
                .unwrap_or_else(|| panic!("{id}"));
            let end = start + styles[start..].find("</w:style>").unwrap();
            styles[start..end].to_string()
        };
        let title = style("WgTitle");
        assert!(
            title.contains(r#"w:eastAsia="方正小标宋简体""#)
                && title.contains(r#"<w:sz w:val="44"/>"#)
        );
        assert!(
            title.contains(r#"<w:jc w:val="center"/>"#)
                && title.contains(r#"<w:spacing w:val="0"/>"#)
        );
        let byline = style("WgByline");
        assert!(
            byline.contains(r#"w:eastAsia="楷体_GB2312""#)
                && byline.contains(r#"<w:jc w:val="center"/>"#)
        );
        assert!(style("WgHeading1").contains(r#"w:eastAsia="黑体""#));
        assert!(style("WgHeading2").contains(r#"w:eastAsia="楷体_GB2312""#));
        assert!(style("WgHeading2Char").contains(r#"w:eastAsia="楷体_GB2312""#));
        assert!(style("WgItem").contains(r#"<w:basedOn w:val="WgBody"/>"#));
        let footer_style = style("WgFooter");
        assert!(
            footer_style.contains(r#"w:eastAsia="宋体""#)
                && footer_style.contains(r#"<w:sz w:val="28"/>"#)
        );
        // The inline heading is a 楷体 run followed by a body run in one paragraph.
        assert!(doc.contains(concat!(
            r#"<w:r><w:rPr><w:rStyle w:val="WgHeading2Char"/></w:rPr><w:t xml:space="preserve">（二）聚焦招商引资强动能。</w:t></w:r>"#,
            r#"<w:r><w:t xml:space="preserve">招商引资是发展的生命线。</w:t></w:r>"#
        )));
        assert!(doc.contains("聚焦民生保障&lt;惠民生&gt;&amp;"));
        // A blank line's space after the title block (after the date line).
        assert!(doc.contains(r#"<w:pStyle w:val="WgByline"/><w:spacing w:after="579"/>"#));
        // Page numbers: odd pages right, even pages left, a PAGE field between em dashes.
        assert!(doc.contains(r#"<w:footerReference w:type="default" r:id="rId4"/>"#));
        assert!(doc.contains(r#"<w:footerReference w:type="even" r:id="rId5"/>"#));
        assert!(entry(&bytes, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
        let rels = entry(&bytes, "word/_rels/document.xml.rels");
        assert!(rels.contains(r#"Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml""#));
        assert!(rels.contains(r#"Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml""#));
        for (name, jc) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
            let f = entry(&bytes, name);
            assert!(f.contains(&format!(r#"<w:jc w:val="{jc}"/>"#)), "{name}");
            assert!(f.contains(r#"<w:fldChar w:fldCharType="begin"/>"#));
            assert!(f.contains(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#));
            assert!(f.contains(r#"<w:fldChar w:fldCharType="end"/>"#));
            assert!(f.contains(">— </w:t>") && f.contains("> —</w:t>"));
        }
        // Fallbacks for the GB2312 fonts.
        let fonts = entry(&bytes, "word/fontTable.xml");
        assert!(fonts.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#));
        assert!(fonts.contains(r#"<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>"#));
    }

    #[test]
    fn large_layout_xml() {
        let bytes = to_docx(&sample(), Layout::Large).unwrap();
        let doc = entry(&bytes, "word/document.xml");
        let styles = entry(&bytes, "word/styles.xml");
        assert!(
            doc.contains(r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#)
        );
        assert!(doc.contains(r#"<w:docGrid w:type="lines" w:linePitch="600"/>"#));
        assert!(!styles.contains(r#"<w:spacing w:val="-"#));
        assert!(styles.contains(r#"<w:sz w:val="36"/><w:szCs w:val="36"/>"#));
        assert!(styles.contains(r#"<w:sz w:val="48"/><w:szCs w:val="48"/>"#));
        assert!(!styles.contains(r#"<w:sz w:val="32"/>"#));
        assert!(styles.contains(r#"w:line="600" w:lineRule="exact""#));
        assert!(styles.contains(r#"<w:ind w:firstLineChars="200" w:firstLine="720"/>"#));
    }

    fn write_sample(dir: &std::path::Path, layout: Layout) -> std::path::PathBuf {
        let path = dir.join(format!("sample-{layout:?}.docx"));
        std::fs::write(&path, to_docx(&sample(), layout).unwrap()).unwrap();
        path
    }

    #[test]
    fn python_docx_reads_it() {
        let ok = std::process::Command::new("python3")
            .args(["-c", "import docx"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("skipped: python-docx is not installed");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = write_sample(dir.path(), Layout::Standard);
        let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
print(round(s.top_margin.mm), round(s.bottom_margin.mm), round(s.left_margin.mm), round(s.right_margin.mm), round(s.page_width.mm), round(s.page_height.mm))
print(d.settings.odd_and_even_pages_header_footer)
for p in d.paragraphs:
    print(p.style.name + "\t" + p.text)
"#;
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let mut lines = stdout.lines();
        assert_eq!(lines.next(), Some("37 35 28 26 210 297"));
        assert_eq!(lines.next(), Some("True"));
        let rest: Vec<(&str, &str)> = lines.map(|l| l.split_once('\t').unwrap()).collect();
        let texts: Vec<&str> = rest.iter().map(|(_, t)| *t).collect();
        assert_eq!(texts, expected_lines());
        assert_eq!(rest[0].0, "讲话稿标题");
        assert_eq!(rest[5].0, "讲话稿一级标题");
    }

    #[test]
    fn libreoffice_converts_it() {
        let ok = std::process::Command::new("soffice")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("skipped: LibreOffice (soffice) is not installed");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        for layout in [Layout::Standard, Layout::Large] {
            let path = write_sample(dir.path(), layout);
            let status = std::process::Command::new("soffice")
                .arg(format!(
                    "-env:UserInstallation=file://{}/lo-profile",
                    dir.path().display()
                ))
                .args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(dir.path())
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                status.status.success(),
                "{}",
                String::from_utf8_lossy(&status.stderr)
            );
            let pdf = std::fs::read(path.with_extension("pdf")).unwrap();
            assert!(pdf.starts_with(b"%PDF"), "{layout:?}");
        }
    }
}
