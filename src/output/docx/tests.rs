//! Unit tests of the Word output: the paragraph contract, the XML of both layouts, the package.

use super::container::zip_entries;
use super::layout::Style;
use super::metrics::{MARGIN_BOTTOM, MARGIN_TOP, PAGE_H, TEXT_WIDTH};
use super::*;
use crate::model::{Item, Paragraph, Part, Speech};
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

fn item(number: u32, marker: ItemMarker, lead: &str, body: &[&str], own_paragraph: bool) -> Item {
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
fn sample() -> Speech {
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
    // Every entry deflated, with the fixed timestamp (1980-01-01 00:00) and permissions; the
    // reader checks each entry's CRC as it reads it to the end.
    let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(&a[..])).unwrap();
    for (i, (name, content)) in entries.iter().enumerate() {
        let mut f = zip.by_index(i).unwrap();
        assert_eq!(f.name(), name);
        assert_eq!(
            f.compression(),
            ::zip::CompressionMethod::Deflated,
            "{}",
            f.name()
        );
        assert_eq!(
            f.last_modified(),
            Some(::zip::DateTime::DEFAULT),
            "{}",
            f.name()
        );
        assert_eq!(
            f.unix_mode().map(|m| m & 0o777),
            Some(0o644),
            "{}",
            f.name()
        );
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        assert_eq!(&data, content);
    }
    assert!(
        a.len() < entries.iter().map(|(_, d)| d.len()).sum::<usize>() / 2,
        "deflated"
    );
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
    assert!(doc.contains(r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
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
        styles.contains(r#"<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>"#)
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
        title.contains(r#"w:eastAsia="方正小标宋简体""#) && title.contains(r#"<w:sz w:val="44"/>"#)
    );
    assert!(
        title.contains(r#"<w:jc w:val="center"/>"#) && title.contains(r#"<w:spacing w:val="0"/>"#)
    );
    let byline = style("WgByline");
    assert!(
        byline.contains(r#"w:eastAsia="楷体_GB2312""#)
            && byline.contains(r#"<w:jc w:val="center"/>"#)
    );
    // The headings: Chinese names and fonts, based on Word's built-in headings (which Word's
    // navigation pane lists), outline levels 1 and 2; the title at level 1 too.
    let h1 = style("WgHeading1");
    assert!(h1.contains(r#"<w:name w:val="讲话稿一级标题"/><w:basedOn w:val="Heading1"/>"#));
    assert!(h1.contains(r#"w:eastAsia="黑体""#) && h1.contains(r#"<w:outlineLvl w:val="0"/>"#));
    let h2 = style("WgHeading2");
    assert!(h2.contains(r#"<w:name w:val="讲话稿二级标题"/><w:basedOn w:val="Heading2"/>"#));
    assert!(
        h2.contains(r#"w:eastAsia="楷体_GB2312""#) && h2.contains(r#"<w:outlineLvl w:val="1"/>"#)
    );
    assert!(style("Heading1").contains(r#"<w:name w:val="heading 1"/>"#));
    assert!(style("Heading2").contains(r#"<w:name w:val="heading 2"/>"#));
    assert!(title.contains(r#"<w:outlineLvl w:val="0"/>"#));
    // No hanging punctuation in LibreOffice (it reads w:overflowPunct inverted; see styles.rs),
    // in the defaults and in Normal, which every style is based on.
    assert_eq!(styles.matches(r#"<w:overflowPunct w:val="1"/>"#).count(), 2);
    assert!(style("Normal").contains(r#"<w:overflowPunct w:val="1"/>"#));
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
    // The footer's lower edge 25.4 mm above the page foot: a 四号 line's dashes 7 mm under the
    // text block.
    assert!(doc.contains(r#"w:footer="1440""#));
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
    assert!(doc.contains(r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
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
    // The Debian package python3-docx installs it for /usr/bin/python3, which a python3 earlier
    // on PATH may not see. CI installs it (.ci/run): there a missing python-docx fails the test.
    let Some(python) = ["python3", "/usr/bin/python3"].into_iter().find(|p| {
        std::process::Command::new(p)
            .args(["-c", "import docx"])
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "python-docx is not installed (apt-get install python3-docx), and CI is set"
        );
        eprintln!("skipped (CI is not set): python-docx is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = write_sample(dir.path(), Layout::Standard);
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
print(round(s.top_margin.mm), round(s.bottom_margin.mm), round(s.left_margin.mm), round(s.right_margin.mm), round(s.page_width.mm), round(s.page_height.mm))
print(d.settings.odd_and_even_pages_header_footer)
print(d.styles["讲话稿一级标题"].base_style.name, d.styles["讲话稿二级标题"].base_style.name)
for p in d.paragraphs:
    print(p.style.name + "\t" + p.text)
"#;
    let out = std::process::Command::new(python)
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
    // The heading styles are based on Word's built-in headings (python-docx's names for them).
    assert_eq!(lines.next(), Some("Heading 1 Heading 2"));
    let rest: Vec<(&str, &str)> = lines.map(|l| l.split_once('\t').unwrap()).collect();
    let texts: Vec<&str> = rest.iter().map(|(_, t)| *t).collect();
    assert_eq!(texts, expected_lines());
    assert_eq!(rest[0].0, "讲话稿标题");
    assert_eq!(rest[5].0, "讲话稿一级标题");
    assert_eq!(rest[9].0, "讲话稿二级标题");
}

#[test]
fn a_long_title_is_broken_into_lines_at_words() {
    let mut s = sample();
    s.title = "在2024年县政府全体（扩大）会议暨廉政工作会议上的讲话".into();
    assert_eq!(
        metrics::Metrics::of(Layout::Standard).title_line_units(),
        40
    );
    assert_eq!(metrics::Metrics::of(Layout::Large).title_line_units(), 36);
    for layout in [Layout::Standard, Layout::Large] {
        let bytes = to_docx(&s, layout).unwrap();
        let doc = entry(&bytes, "word/document.xml");
        assert!(
            doc.contains(concat!(
                r#"<w:r><w:t xml:space="preserve">在2024年县政府全体（扩大）会议</w:t></w:r>"#,
                r#"<w:r><w:br/><w:t xml:space="preserve">暨廉政工作会议上的讲话</w:t></w:r>"#
            )),
            "{layout:?}"
        );
        // The paragraph's text is still the title.
        assert_eq!(docx_text(&bytes)[0], s.title);
    }
    // A title that fits has no line break.
    let doc = entry(
        &to_docx(&sample(), Layout::Standard).unwrap(),
        "word/document.xml",
    );
    assert!(!doc.contains("<w:br/>"));
}
