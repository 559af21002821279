//! The formatting parts: the styles, the settings and the font table.
//!
//! Every paragraph style carries a Chinese name (讲话稿正文, 讲话稿一级标题…) so the document can be
//! restyled in Word at once. The two heading styles are based on Word's built-in `heading 1` and
//! `heading 2` (defined here without their own look: no bold, no spacing, no size), so Word's
//! navigation pane and LibreOffice's navigator list `一、` and `（一）`; the title is at outline
//! level 1 as well, so it heads the outline.
//!
//! Every paragraph also says `w:overflowPunct w:val="1"`, Word's default (punctuation may run
//! into the margin). LibreOffice reads this attribute inverted (its importer sets "hanging
//! punctuation" when the value is 0) and otherwise hangs punctuation by default; in a justified
//! paragraph the mark it hangs at a line's end is then lost from the page (17 marks in the
//! standard layout of one example). Said explicitly, Word keeps its behaviour and LibreOffice
//! moves the mark to the next line with the character before it, as kinsoku rules want.

use super::layout::Style;
use super::metrics::{Metrics, PAGE_NUMBER_HALF_PT};
use super::parts::{W_NS, XML_DECL};

const FONT_LATIN: &str = "Times New Roman";
const FONT_BODY: &str = "仿宋_GB2312";
const FONT_TITLE: &str = "方正小标宋简体";
const FONT_KAI: &str = "楷体_GB2312";
const FONT_HEI: &str = "黑体";
const FONT_SONG: &str = "宋体";

/// No hanging punctuation in LibreOffice, Word's default in Word (see the module comment).
const NO_HANGING_PUNCTUATION: &str = r#"<w:overflowPunct w:val="1"/>"#;

pub(super) fn style_id(style: Style) -> &'static str {
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

/// `w:rFonts` with the East Asian font `east_asia` and `latin` for Latin letters and digits.
fn fonts(latin: &str, east_asia: &str) -> String {
    format!(
        r#"<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>"#
    )
}

fn size(half_pt: u32) -> String {
    format!(r#"<w:sz w:val="{half_pt}"/><w:szCs w:val="{half_pt}"/>"#)
}

/// A paragraph style of wengao's own.
fn para(id: &str, name: &str, based: &str, ppr: &str, rpr: &str) -> String {
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
}

/// Word's built-in heading style `heading {level}` (style id `Heading{level}`): outline level
/// and keep-with-next only; the look is in the 讲话稿 style based on it.
fn builtin_heading(level: u8) -> String {
    format!(
        concat!(
            r#"<w:style w:type="paragraph" w:styleId="Heading{l}"><w:name w:val="heading {l}"/>"#,
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>"#,
            r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="0"/><w:outlineLvl w:val="{o}"/></w:pPr>"#,
            r#"<w:rPr><w:b w:val="0"/><w:bCs w:val="0"/></w:rPr></w:style>"#
        ),
        l = level,
        o = level - 1
    )
}

pub(super) fn styles_xml(m: &Metrics) -> String {
    let line = m.line_twips;
    let body = size(m.body_half_pt);
    let spacing = format!(r#"<w:spacing w:val="{}"/>"#, m.char_spacing);
    let indent = format!(
        r#"<w:ind w:firstLineChars="200" w:firstLine="{}"/>"#,
        m.indent_twips()
    );
    let no_indent = r#"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#;
    let mut s = String::new();
    s.push_str(XML_DECL);
    s.push('\n');
    s.push_str(&format!(r#"<w:styles xmlns:w="{W_NS}">"#));
    s.push_str(&format!(
        concat!(
            r#"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}{spacing}<w:kern w:val="2"/>{size}"#,
            r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>{punct}"#,
            r#"<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>"#,
            r#"<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        ),
        fonts = fonts(FONT_LATIN, FONT_BODY),
        spacing = spacing,
        size = body,
        punct = NO_HANGING_PUNCTUATION,
        line = line
    ));
    // Normal carries the body font, spacing and size itself, as well as the document defaults.
    s.push_str(&format!(
        concat!(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr>{punct}<w:spacing w:line="{line}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>"#,
            "<w:rPr>{fonts}{spacing}{size}</w:rPr></w:style>",
            r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#
        ),
        fonts = fonts(FONT_LATIN, FONT_BODY),
        spacing = spacing,
        size = body,
        punct = NO_HANGING_PUNCTUATION,
        line = line
    ));
    s.push_str(&builtin_heading(1));
    s.push_str(&builtin_heading(2));
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
            r#"<w:keepNext/><w:snapToGrid w:val="0"/>{no_indent}<w:jc w:val="center"/><w:outlineLvl w:val="0"/>"#
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
        "Heading1",
        &format!(r#"<w:keepNext/>{indent}<w:outlineLvl w:val="0"/>"#),
        &format!("{}{body}", fonts(FONT_LATIN, FONT_HEI)),
    ));
    s.push_str(&para(
        "WgHeading2",
        "讲话稿二级标题",
        "Heading2",
        &format!(r#"<w:keepNext/>{indent}<w:outlineLvl w:val="1"/>"#),
        &format!("{}{body}", fonts(FONT_LATIN, FONT_KAI)),
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

pub(super) fn settings_xml() -> String {
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
pub(super) fn font_table_xml() -> String {
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
