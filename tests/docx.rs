//! The Word file as an office suite prints it: every example in both layouts is converted to PDF
//! by LibreOffice (`soffice --headless --convert-to pdf`) and read back with poppler's
//! `pdftotext` and `pdfinfo`:
//!
//! - every character of the text draft is on the pages, in order (white space aside), and
//!   nothing else but the page numbers;
//! - the pages are A4;
//! - the page count follows the rule below;
//! - the page number's dashes lie 7 mm (± 1 mm) under the text block, on the right of odd pages
//!   and the left of even pages;
//! - the title is printed in the lines wengao broke it into (LibreOffice wraps none of them).
//!
//! The page-count rule: each line of the text draft takes ⌈w / c⌉ lines, where w is its width in
//! characters (the two-character indent included; a digit or Latin letter is half a character)
//! and c the characters a line (28 standard, 24 large); the text then needs
//! N = ⌈lines / l⌉ pages at l lines a page (22 standard, 21 large). The document has N or N + 1
//! pages: one more for a heading kept with its paragraph, or marks carried to the next line.
//!
//! Also: two runs of `wengao draft --format docx` give identical bytes (one example, both
//! layouts; the unit tests and tests/draft.rs check the library's output for every example).
//!
//! Needs LibreOffice and poppler-utils; without them the test fails in CI (`CI` set, .ci/run
//! installs them) and is skipped, saying so, elsewhere.

mod common;

use std::path::Path;

use common::{Wengao, examples, tool_available};

/// The text block's lower edge, in points from the top of an A4 page (35 mm bottom margin).
const TEXT_BLOCK_BOTTOM_PT: f64 = 841.89 - 35.0 * 72.0 / 25.4;
const MM: f64 = 72.0 / 25.4;

struct Layout {
    name: &'static str,
    chars_a_line: f64,
    lines_a_page: usize,
}

const LAYOUTS: [Layout; 2] = [
    Layout {
        name: "standard",
        chars_a_line: 28.0,
        lines_a_page: 22,
    },
    Layout {
        name: "large",
        chars_a_line: 24.0,
        lines_a_page: 21,
    },
];

fn run(program: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The pages the text draft needs, by the rule in the module comment.
fn pages_needed(txt: &str, layout: &Layout) -> usize {
    let lines: usize = txt
        .lines()
        .map(|l| l.trim_end())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let width: f64 = l
                .chars()
                .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
                .sum();
            (width / layout.chars_a_line).ceil() as usize
        })
        .sum();
    lines.div_ceil(layout.lines_a_page)
}

/// The lines of the title as the document breaks it (`w:br` between runs of its first paragraph).
fn title_lines(docx: &[u8]) -> Vec<String> {
    let entries = wengao::output::docx::zip_entries(docx);
    let xml = entries
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
        .unwrap();
    let start = xml.find("<w:p>").unwrap();
    let end = start + xml[start..].find("</w:p>").unwrap();
    xml[start..end]
        .split("<w:br/>")
        .map(|chunk| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in chunk.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect()
}

/// Whether a line of `pdftotext` output is a page number (`— 3 —`).
fn is_page_number(line: &str) -> bool {
    let t = no_space(line);
    t.len() > 6
        && t.starts_with('—')
        && t.ends_with('—')
        && t.trim_matches('—').chars().all(|c| c.is_ascii_digit())
}

/// The boxes (`xMin`, `yMin`, `xMax`, `yMax`) of the words `—` on page `page`.
fn dash_boxes(pdf: &Path, page: usize) -> Vec<[f64; 4]> {
    let p = page.to_string();
    let html = run(
        "pdftotext",
        &["-bbox", "-f", &p, "-l", &p, &pdf.display().to_string(), "-"],
    );
    html.lines()
        .filter(|l| l.contains(">—</word>"))
        .map(|l| {
            let attr = |name: &str| -> f64 {
                let at = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                l[at..at + l[at..].find('"').unwrap()].parse().unwrap()
            };
            [attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")]
        })
        .collect()
}

#[test]
fn libreoffice_prints_every_example_whole_on_a4() {
    if !tool_available("soffice", &["--version"]) || !tool_available("pdftotext", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut docx = Vec::new();
    for (i, spec) in examples().into_iter().enumerate() {
        let stem = spec.file_stem().unwrap().to_string_lossy().to_string();
        Wengao::new()
            .arg("draft")
            .path(&spec)
            .arg("-o")
            .path(&d.join(format!("{stem}.txt")))
            .run()
            .ok();
        for layout in &LAYOUTS {
            let file = d.join(format!("{stem}-{}.docx", layout.name));
            let again = d.join(format!("{stem}-{}-again.docx", layout.name));
            let runs: &[&Path] = if i == 0 { &[&file, &again] } else { &[&file] };
            for out in runs {
                Wengao::new()
                    .arg("draft")
                    .path(&spec)
                    .args(["--format", "docx", "--layout", layout.name, "-o"])
                    .path(out)
                    .run()
                    .ok();
            }
            if i == 0 {
                assert_eq!(
                    std::fs::read(&file).unwrap(),
                    std::fs::read(&again).unwrap(),
                    "{stem} {}: two runs give the same bytes",
                    layout.name
                );
            }
            docx.push(file);
        }
    }
    // One LibreOffice process for all files, with a profile of its own.
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", d.display());
    let outdir = d.display().to_string();
    let mut args = vec![
        profile.as_str(),
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        &outdir,
    ];
    let names: Vec<String> = docx.iter().map(|p| p.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    run("soffice", &args);

    let mut problems = Vec::new();
    for spec in examples() {
        let stem = spec.file_stem().unwrap().to_string_lossy().to_string();
        let txt = std::fs::read_to_string(d.join(format!("{stem}.txt"))).unwrap();
        for layout in &LAYOUTS {
            let pdf = d.join(format!("{stem}-{}.pdf", layout.name));
            let what = format!("{stem} ({})", layout.name);
            let pdf_s = pdf.display().to_string();
            // The text: the draft's characters, in order, and the page numbers.
            let text = run("pdftotext", &[&pdf_s, "-"]);
            let body: String = text
                .lines()
                .filter(|l| !is_page_number(l))
                .collect::<Vec<_>>()
                .join("\n");
            let (want, got) = (no_space(&txt), no_space(&body));
            if want != got {
                let at = want
                    .chars()
                    .zip(got.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let around: String = want.chars().skip(at.saturating_sub(10)).take(20).collect();
                problems.push(format!(
                    "{what}: the PDF's text differs from the draft at character {at} (…{around}…); {} against {} characters",
                    got.chars().count(),
                    want.chars().count()
                ));
            }
            // The title in the lines the document breaks it into.
            let docx = std::fs::read(d.join(format!("{stem}-{}.docx", layout.name))).unwrap();
            let title: Vec<String> = title_lines(&docx).iter().map(|l| no_space(l)).collect();
            let printed: Vec<String> = text.lines().take(title.len()).map(no_space).collect();
            if printed != title {
                problems.push(format!(
                    "{what}: the title is printed as {printed:?}, not as broken: {title:?}"
                ));
            }
            // A4, and the page count.
            let info = run("pdfinfo", &[&pdf_s]);
            let field = |name: &str| {
                info.lines()
                    .find_map(|l| l.strip_prefix(name))
                    .map(str::trim)
                    .unwrap_or_else(|| panic!("{what}: pdfinfo has no {name}"))
                    .to_string()
            };
            let size = field("Page size:");
            let wh: Vec<f64> = size
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            if !(wh.len() == 2 && (wh[0] - 595.28).abs() < 1.0 && (wh[1] - 841.89).abs() < 1.0) {
                problems.push(format!("{what}: page size {size}, not A4"));
            }
            let pages: usize = field("Pages:").parse().unwrap();
            let needed = pages_needed(&txt, layout);
            if pages < needed || pages > needed + 1 {
                problems.push(format!(
                    "{what}: {pages} pages; the text needs {needed} (or one more)"
                ));
            }
            if text.lines().filter(|l| is_page_number(l)).count() != pages {
                problems.push(format!("{what}: not one page number a page"));
            }
            // The page number: dashes 7 mm under the text block, outer side.
            for page in [1, 2] {
                let boxes = dash_boxes(&pdf, page);
                let footer: Vec<&[f64; 4]> = boxes
                    .iter()
                    .filter(|b| b[1] > TEXT_BLOCK_BOTTOM_PT)
                    .collect();
                if footer.len() != 2 {
                    problems.push(format!(
                        "{what} page {page}: {} footer dashes",
                        footer.len()
                    ));
                    continue;
                }
                for b in &footer {
                    let below_mm = ((b[1] + b[3]) / 2.0 - TEXT_BLOCK_BOTTOM_PT) / MM;
                    if (below_mm - 7.0).abs() > 1.0 {
                        problems.push(format!(
                            "{what} page {page}: the dashes are {below_mm:.1} mm under the text block, not 7"
                        ));
                    }
                    let right = b[0] > 595.28 / 2.0;
                    if right != (page % 2 == 1) {
                        problems.push(format!("{what} page {page}: page number on the wrong side"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The paragraphs of `word/document.xml` as (style id, text), in order.
fn styled_paragraphs(docx: &[u8]) -> Vec<(String, String)> {
    let entries = wengao::output::docx::zip_entries(docx);
    let xml = entries
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
        .unwrap();
    let styles = xml.split("<w:p>").skip(1).map(|p| {
        p.split_once(r#"<w:pStyle w:val=""#)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(id, _)| id.to_string())
            .unwrap_or_default()
    });
    styles.zip(wengao::output::docx::docx_text(docx)).collect()
}

/// The headings LibreOffice sees (`text:h` in the ODF it converts the docx to) as (outline
/// level, text).
fn odf_outline(content: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut rest = content;
    while let Some(at) = rest.find("<text:h ") {
        rest = &rest[at..];
        let end = rest.find("</text:h>").unwrap();
        let element = &rest[..end];
        let level = element
            .split_once(r#"text:outline-level=""#)
            .and_then(|(_, r)| r.split_once('"'))
            .and_then(|(l, _)| l.parse().ok())
            .unwrap_or(0);
        let mut text = String::new();
        let mut in_tag = false;
        for c in element.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push((level, text));
        rest = &rest[end..];
    }
    out
}

/// The title and every heading on its own line are in the outline LibreOffice builds (its
/// navigator; Word's navigation pane reads the same outline levels): the title and `一、` at
/// level 1, `（一）` at level 2, in order.
#[test]
fn libreoffice_lists_the_title_and_headings_in_its_outline() {
    if !tool_available("soffice", &["--version"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let docx = d.join("plenary.docx");
    Wengao::new()
        .args([
            "draft",
            "examples/plenary-2024.yaml",
            "--format",
            "docx",
            "-o",
        ])
        .path(&docx)
        .run()
        .ok();
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", d.display());
    let outdir = d.display().to_string();
    run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            &outdir,
            &docx.display().to_string(),
        ],
    );
    let bytes = std::fs::read(&docx).unwrap();
    let want: Vec<(u32, String)> = styled_paragraphs(&bytes)
        .into_iter()
        .filter_map(|(style, text)| match style.as_str() {
            "WgTitle" | "WgHeading1" => Some((1, text)),
            "WgHeading2" => Some((2, text)),
            _ => None,
        })
        .collect();
    assert!(want.len() > 8, "{want:?}");
    let odt = std::fs::read(d.join("plenary.odt")).unwrap();
    let content = wengao::output::docx::zip_entries(&odt)
        .into_iter()
        .find(|(n, _)| n == "content.xml")
        .map(|(_, c)| String::from_utf8(c).unwrap())
        .unwrap();
    assert_eq!(odf_outline(&content), want);
}
