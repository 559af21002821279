//! The Tera environment: filters, templates, and rendering a [`Speech`] to text.
//!
//! Templates live in `templates/`:
//! - `speech.tera` — the base layout of a text draft; `kinds/<kind>.tera` extend it, one per
//!   meeting kind, and say in `{% block opening_order %}` (rendered alone when `order_only` is set) in which order the opening's blocks
//!   come (purpose, recap, year, situation, announce);
//! - `patterns/l1_*.tera`, `patterns/l2_*.tera` — heading patterns, one per sibling family, whose
//!   variables are the slots the planner fills (`aim`, `goal`, `name`, `topic`, `verb`, `effort`);
//! - `formats/*.tera` — Markdown and HTML layouts of the same tree.
//!
//! Filters are registered before templates are loaded: `cn` (3 → 三), `date_cn`
//! (2024-03-05 → 2024年3月5日) and `deadline` (2024-06-30 → 6月底前, with `year=` the meeting year).
//! Text templates are not HTML-escaped; `*.html.tera` are. Spec values reach templates only as
//! context values, so `{{ 7*7 }}` in a spec is printed, never evaluated.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::error::{Error, Result};
use crate::model::{Item, Origin, Paragraph, Part, Sentence, Speech};
use crate::numerals;

/// Templates as (name, text) pairs.
type Sources = Vec<(String, String)>;

/// The loaded templates.
pub struct Templates {
    tera: Tera,
    dir: PathBuf,
    /// The text of every template, by name, to quote the offending line of an error.
    sources: BTreeMap<String, String>,
    /// The built-in layouts of other formats (`formats/*.tera`), parsed on first use: a text
    /// draft never renders them, and parsing them was ~40 % of the templates' load
    /// (docs/performance.md, "Thirteenth session"). A folder's templates are all parsed at once,
    /// so that an error in any is reported when they load.
    layouts: Sources,
    layouts_parsed: std::sync::OnceLock<std::result::Result<Tera, tera::Error>>,
}

/// The folder the built-in templates were read from, relative to the repository root.
pub const EMBEDDED_DIR: &str = "templates";

/// The opening blocks every kind template may order.
pub const OPENING_BLOCKS: [&str; 5] = ["purpose", "recap", "year", "situation", "announce"];

/// Escape Markdown and inline HTML in a value: a backslash (as CommonMark reads it) before the
/// ASCII characters that open markup anywhere (`` \ ` * _ [ ] < > & | ~ ``), and before `#`, `+`,
/// `-`, `=` at the start. Figures (6.5%) and Chinese punctuation are left as they are.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.chars().enumerate() {
        if "\\`*_[]<>&|~".contains(c) || (i == 0 && "#+-=".contains(c)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Build a Tera environment with wengao's filters registered.
pub fn new_tera() -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(vec!["html.tera"]);
    // Markdown output: a value's Markdown and HTML syntax is escaped (a backslash before ASCII
    // punctuation, as CommonMark reads it), so `<script>`, `<img onerror>` and
    // `[x](javascript:…)` in a spec come out as text.
    tera.register_filter("md", |s: &str, _: Kwargs, _: &State| md_escape(s));
    tera.register_filter("cn", |n: i64, _: Kwargs, _: &State| {
        numerals::chinese(n.clamp(0, u32::MAX as i64) as u32)
    });
    // A count before a measure word: 两点, 两个方面 (never 二点).
    tera.register_filter("count_cn", |n: i64, _: Kwargs, _: &State| {
        numerals::count_cn(n.clamp(0, u32::MAX as i64) as u32)
    });
    tera.register_filter(
        "date_cn",
        |s: &str, _: Kwargs, _: &State| match crate::spec::parse_date(s) {
            Some(d) => numerals::date_cn(d),
            None => s.to_string(),
        },
    );
    tera.register_filter("deadline", |s: &str, kwargs: Kwargs, _: &State| {
        let year = kwargs.get::<i64>("year").ok().flatten();
        match crate::spec::parse_date(s) {
            Some(d) => {
                use chrono::Datelike;
                numerals::deadline_cn(d, year.map(|y| y as i32).unwrap_or(d.year()))
            }
            None => s.to_string(),
        }
    });
    tera
}

impl Templates {
    /// Load every `*.tera` under `dir` but `preview/`, named by their path relative to it
    /// (`kinds/plenary.tera`).
    pub fn load(dir: &Path) -> Result<Templates> {
        let mut files = Vec::new();
        collect(dir, dir, &mut files)?;
        if files.is_empty() {
            return Err(Error::Template {
                name: dir.display().to_string(),
                message: "no templates (*.tera) here; name a folder of templates, or `wengao phrasebank export DIR` to get the shipped ones".into(),
            });
        }
        files.sort();
        let mut sources = Vec::new();
        for (name, path) in files {
            let text = crate::io::read_file_text(&path)?;
            sources.push((name, text));
        }
        Templates::from_sources(dir, sources)
    }

    /// The templates built into wengao (`templates/` as shipped, [`crate::shipped`]), but
    /// `preview/`.
    pub fn embedded() -> Result<Templates> {
        let (layouts, sources): (Sources, Sources) = crate::shipped::under(EMBEDDED_DIR)
            .filter(|(name, _)| name.ends_with(".tera") && !name.starts_with("preview/"))
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .partition(|(name, _)| name.starts_with("formats/"));
        let mut t = Templates::from_sources(Path::new(EMBEDDED_DIR), sources)?;
        for (name, text) in &layouts {
            t.sources.insert(name.clone(), text.clone());
        }
        t.layouts = layouts;
        Ok(t)
    }

    /// The Tera environment that holds `name`: the layouts', parsed now if not yet, or the
    /// main one.
    fn tera_for(&self, name: &str) -> Result<&Tera> {
        if !self.layouts.iter().any(|(n, _)| n == name) {
            return Ok(&self.tera);
        }
        let parsed = self.layouts_parsed.get_or_init(|| {
            let mut tera = new_tera();
            tera.add_raw_templates(self.layouts.clone()).map(|()| tera)
        });
        parsed
            .as_ref()
            .map_err(|e| tera_error(&self.dir, &self.sources, &self.path_of(name), e))
    }

    /// The templates of a source: the embedded ones or a folder.
    pub fn open(source: &crate::project::Source) -> Result<Templates> {
        match source {
            crate::project::Source::Embedded => Templates::embedded(),
            crate::project::Source::Dir(d) => Templates::load(d),
        }
    }

    /// The text of one template of a source, preview's included (`preview/index.html.tera`),
    /// and the name to show for it.
    pub fn text_of(source: &crate::project::Source, name: &str) -> Result<(String, String)> {
        match source {
            crate::project::Source::Embedded => {
                let path = format!("{EMBEDDED_DIR}/{name}");
                let text = crate::shipped::file(&path).ok_or_else(|| Error::Template {
                    name: path.clone(),
                    message: "no such template is built into wengao".into(),
                })?;
                Ok((path, text.to_string()))
            }
            crate::project::Source::Dir(d) => {
                let path = d.join(name);
                let text = crate::io::read_file_text(&path)?;
                Ok((path.display().to_string(), text))
            }
        }
    }

    /// Build from (name, text) pairs.
    pub fn from_sources(dir: &Path, sources: Vec<(String, String)>) -> Result<Templates> {
        let mut tera = new_tera();
        let texts: BTreeMap<String, String> = sources.iter().cloned().collect();
        if let Err(e) = tera.add_raw_templates(sources) {
            return Err(tera_error(dir, &texts, &dir.display().to_string(), &e));
        }
        Ok(Templates {
            tera,
            dir: dir.to_path_buf(),
            sources: texts,
            layouts: Vec::new(),
            layouts_parsed: std::sync::OnceLock::new(),
        })
    }

    /// How many templates are loaded.
    pub fn count(&self) -> usize {
        self.tera.get_template_names().count() + self.layouts.len()
    }

    /// The directory the templates came from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The names of the heading patterns with this prefix (`l1_`, `l2_`), sorted.
    pub fn pattern_names(&self, prefix: &str) -> Vec<String> {
        // Hand-written (`l1_…`) and mined (`mined_l1_…`) patterns alike.
        let full = format!("patterns/{prefix}");
        let mined = format!("patterns/mined_{prefix}");
        let mut v: Vec<String> = self
            .tera
            .get_template_names()
            .filter(|n| n.starts_with(&full) || n.starts_with(&mined))
            .map(str::to_string)
            .collect();
        v.sort();
        v
    }

    /// The names of the point shapes (`shapes/*.tera`), sorted.
    pub fn shape_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .tera
            .get_template_names()
            .filter(|n| n.starts_with("shapes/"))
            .map(str::to_string)
            .collect();
        v.sort();
        v
    }

    /// Render a point shape: one paragraph a line, empty lines dropped.
    pub fn render_shape(&self, name: &str, ctx: &Context) -> Result<Vec<String>> {
        let out = self
            .tera
            .render(name, ctx)
            .map_err(|e| tera_error(&self.dir, &self.sources, &self.path_of(name), &e))?;
        Ok(out
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect())
    }

    /// The slots (top-level variables) a pattern uses, sorted.
    pub fn pattern_slots(&self, name: &str) -> Vec<String> {
        let mut v: Vec<String> = self
            .tera
            .get_template_variables(name)
            .map(|s| s.into_iter().map(str::to_string).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    /// Render a heading pattern with its slots; the result is trimmed to one line.
    pub fn render_pattern(&self, name: &str, slots: &BTreeMap<String, String>) -> Result<String> {
        let mut ctx = Context::new();
        for (k, v) in slots {
            ctx.insert(k.clone(), v);
        }
        let out = self
            .tera
            .render(name, &ctx)
            .map_err(|e| tera_error(&self.dir, &self.sources, &self.path_of(name), &e))?;
        Ok(out.lines().map(str::trim).collect::<String>())
    }

    /// The order of the opening blocks a kind template declares.
    pub fn opening_order(&self, kind_template: &str) -> Result<Vec<String>> {
        let mut ctx = Context::new();
        ctx.insert("order_only", &true);
        let out = self
            .tera
            .render(kind_template, &ctx)
            .map_err(|e| tera_error(&self.dir, &self.sources, &self.path_of(kind_template), &e))?;
        let order: Vec<String> = out.split_whitespace().map(str::to_string).collect();
        if let Some(bad) = order.iter().find(|b| !OPENING_BLOCKS.contains(&b.as_str())) {
            return Err(Error::Template {
                name: self.path_of(kind_template),
                message: format!(
                    "unknown opening block `{bad}` (known: {})",
                    OPENING_BLOCKS.join(" ")
                ),
            });
        }
        Ok(order)
    }

    /// Render a speech with a template (`kinds/plenary.tera`, `formats/md.tera` …).
    pub fn render(
        &self,
        template: &str,
        speech: &Speech,
        extra: &[(&str, serde_json::Value)],
    ) -> Result<String> {
        let mut ctx = Context::new();
        ctx.insert("speech", &SpeechView::from(speech));
        for (k, v) in extra {
            ctx.insert(k.to_string(), v);
        }
        self.tera_for(template)?
            .render(template, &ctx)
            .map_err(|e| tera_error(&self.dir, &self.sources, &self.path_of(template), &e))
    }

    /// Render the text draft: the kind template, then one paragraph a line, empty lines dropped.
    pub fn render_text(&self, kind_template: &str, speech: &Speech) -> Result<String> {
        let raw = self.render(kind_template, speech, &[])?;
        Ok(tidy_lines(&raw))
    }

    fn path_of(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }
}

/// Trim every line's end, drop empty lines, end with a newline.
pub fn tidy_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let l = line.trim_end();
        if l.trim().is_empty() {
            continue;
        }
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// A Tera error as a located diagnostic (`--> templates/speech.tera:12:5` with the line and a
/// caret) when Tera knows where it is; otherwise as a plain template error naming `fallback`.
fn tera_error(
    dir: &Path,
    sources: &BTreeMap<String, String>,
    fallback: &str,
    e: &tera::Error,
) -> Error {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(te) = err.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = te.kind()
        {
            let span = r.span();
            let file = dir.join(r.filename()).display().to_string();
            let src = sources.get(r.filename()).map(String::as_str).unwrap_or("");
            // Tera's columns are 0-based and count characters.
            let col = span.start_col + 1;
            let kind = if matches!(te.kind(), tera::ErrorKind::SyntaxError(_)) {
                "syntax"
            } else {
                "rendering"
            };
            return crate::Diagnostic::new(file, format!("template {kind} error: {}", r.message()))
                .at(src, span.start_line, col)
                .help("fix the template (Tera 2 syntax); `wengao preview` renders every kind to check it")
                .into();
        }
        cur = err.source();
    }
    // Checks done after parsing (unknown filters, tests, functions) come as a text of
    // rustc-style reports: `error: Unknown filter `x`` then ` --> speech.tera:6:27`.
    let message = tera_message(e);
    let mut found = Vec::new();
    let mut last_msg: Option<&str> = None;
    for line in message.lines() {
        if let Some(m) = line
            .rsplit("error: ")
            .next()
            .filter(|_| line.contains("error: "))
        {
            last_msg = Some(m);
        } else if let (Some(m), Some(loc)) = (last_msg, line.trim_start().strip_prefix("--> ")) {
            let mut it = loc.rsplitn(3, ':');
            let (c, l, f) = (it.next(), it.next(), it.next());
            if let (Some(c), Some(l), Some(f)) = (
                c.and_then(|c| c.parse().ok()),
                l.and_then(|l| l.parse().ok()),
                f,
            ) {
                let src = sources.get(f).map(String::as_str).unwrap_or("");
                found.push(
                    crate::Diagnostic::new(dir.join(f).display().to_string(), format!("template error: {m}"))
                        .at(src, l, c)
                        .help("fix the template (Tera 2 syntax): the filters wengao adds are cn, date_cn and deadline"),
                );
            }
            last_msg = None;
        }
    }
    match found.len() {
        0 => Error::Template {
            name: fallback.to_string(),
            message,
        },
        1 => found.remove(0).into(),
        _ => Error::Inputs(found),
    }
}

fn tera_message(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<()> {
    let rd =
        std::fs::read_dir(dir).map_err(|e| Error::io(dir, "read the templates directory", e))?;
    for ent in rd {
        let ent = ent.map_err(|e| Error::io(dir, "read the templates directory", e))?;
        let p = ent.path();
        if p.is_dir() {
            // The preview page is `wengao preview`'s own template, loaded by it alone: no draft
            // needs it, and it is half the bytes a draft would parse.
            if dir == root && ent.file_name() == "preview" {
                continue;
            }
            collect(root, &p, out)?;
        } else if p.extension().is_some_and(|x| x == "tera") {
            let name = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().to_string())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, p));
        }
    }
    Ok(())
}

/// What templates see of a speech: the tree with texts joined and origins as labels.
#[derive(Debug, Serialize)]
pub struct SpeechView {
    pub title: String,
    pub byline: Vec<String>,
    pub salutation: Option<String>,
    pub opening: Vec<ParagraphView>,
    pub parts: Vec<PartView>,
    pub closing: Vec<ParagraphView>,
}

/// A paragraph for templates.
#[derive(Debug, Serialize)]
pub struct ParagraphView {
    pub text: String,
    pub sentences: Vec<SentenceView>,
}

/// A sentence for templates: its text, origin label and kind (phrase, spec, mixed, template, text).
#[derive(Debug, Serialize)]
pub struct SentenceView {
    pub text: String,
    pub origin: String,
    pub kind: &'static str,
}

/// A part for templates.
#[derive(Debug, Serialize)]
pub struct PartView {
    pub number: u32,
    pub level: u8,
    pub heading: String,
    pub heading_origin: String,
    pub heading_kind: &'static str,
    pub inline: bool,
    pub body: Vec<ParagraphView>,
    pub parts: Vec<PartView>,
    /// The items that start their own paragraphs.
    pub items: Vec<ItemView>,
    /// The items that run on at the end of the last body paragraph (一是…。二是…。 inside a
    /// paragraph, as `docx` and the outline parser see them), as text and as views.
    pub run_on: String,
    pub run_on_items: Vec<ItemView>,
}

/// A level-3 item for templates; `label` is 一要 / 二是 / 3. / 第四，
#[derive(Debug, Serialize)]
pub struct ItemView {
    pub label: String,
    pub lead: String,
    pub lead_origin: String,
    pub lead_kind: &'static str,
    pub body: ParagraphView,
}

fn kind_of(o: &Origin) -> &'static str {
    match o {
        Origin::Phrase { .. } => "phrase",
        Origin::Spec { .. } => "spec",
        Origin::Mixed { .. } => "mixed",
        Origin::Template { .. } => "template",
        Origin::Text { .. } => "text",
        Origin::Unknown => "unknown",
    }
}

impl From<&Sentence> for SentenceView {
    fn from(s: &Sentence) -> Self {
        SentenceView {
            text: s.text.clone(),
            origin: s.origin.label(),
            kind: kind_of(&s.origin),
        }
    }
}

impl From<&Paragraph> for ParagraphView {
    fn from(p: &Paragraph) -> Self {
        ParagraphView {
            text: p.text(),
            sentences: p.sentences.iter().map(SentenceView::from).collect(),
        }
    }
}

impl From<&Item> for ItemView {
    fn from(i: &Item) -> Self {
        ItemView {
            label: i.marker.label(i.number),
            lead: i.lead.clone(),
            lead_origin: i.lead_origin.label(),
            lead_kind: kind_of(&i.lead_origin),
            body: ParagraphView::from(&i.body),
        }
    }
}

/// An item that runs on at the end of its part's last body paragraph: not its own paragraph,
/// after a body, with no sub-parts and no inline heading between (the layout `docx` follows).
fn runs_on(p: &Part, i: &Item) -> bool {
    !i.own_paragraph
        && !p.body.is_empty()
        && p.parts.is_empty()
        && !p.inline_heading
        && p.items
            .iter()
            .take_while(|x| !std::ptr::eq(*x, i))
            .all(|x| !x.own_paragraph)
}

impl From<&Part> for PartView {
    fn from(p: &Part) -> Self {
        PartView {
            number: p.number,
            level: p.level,
            heading: p.heading.clone(),
            heading_origin: p.heading_origin.label(),
            heading_kind: kind_of(&p.heading_origin),
            inline: p.inline_heading,
            body: p.body.iter().map(ParagraphView::from).collect(),
            parts: p.parts.iter().map(PartView::from).collect(),
            items: p
                .items
                .iter()
                .filter(|i| !runs_on(p, i))
                .map(ItemView::from)
                .collect(),
            run_on: p
                .items
                .iter()
                .filter(|i| runs_on(p, i))
                .map(|i| format!("{}{}。{}", i.marker.label(i.number), i.lead, i.body.text()))
                .collect(),
            run_on_items: p
                .items
                .iter()
                .filter(|i| runs_on(p, i))
                .map(ItemView::from)
                .collect(),
        }
    }
}

impl From<&Speech> for SpeechView {
    fn from(s: &Speech) -> Self {
        SpeechView {
            title: s.title.clone(),
            byline: s.byline.clone(),
            salutation: s.salutation.clone(),
            opening: s.opening.iter().map(ParagraphView::from).collect(),
            parts: s.parts.iter().map(PartView::from).collect(),
            closing: s.closing.iter().map(ParagraphView::from).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in layouts are parsed on first use, and render as a folder's would: every
    /// template is counted, and Markdown and HTML come out of the embedded set.
    #[test]
    fn the_built_in_layouts_render_when_first_used() {
        let t = Templates::embedded().unwrap();
        let built_in = crate::shipped::under(EMBEDDED_DIR)
            .filter(|(n, _)| n.ends_with(".tera") && !n.starts_with("preview/"))
            .count();
        assert_eq!(t.count(), built_in);
        assert!(t.layouts_parsed.get().is_none(), "parsed before use");
        let speech = Speech {
            title: "在全县工作会议上的讲话".into(),
            salutation: Some("同志们：".into()),
            ..Default::default()
        };
        let md = t.render("formats/md.tera", &speech, &[]).unwrap();
        assert!(md.contains("在全县工作会议上的讲话"), "{md}");
        assert!(t.layouts_parsed.get().is_some_and(|r| r.is_ok()));
        let html = crate::output::html::render(&t, &speech, None).unwrap();
        assert!(html.contains("在全县工作会议上的讲话"), "{html}");
        // The text layouts are the main environment's, untouched by the layouts.
        assert!(t.render("formats/none.tera", &speech, &[]).is_err());
    }

    fn t(sources: &[(&str, &str)]) -> Templates {
        Templates::from_sources(
            Path::new("templates"),
            sources
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn filters_work_in_templates() {
        let tpl = t(&[(
            "x.tera",
            "{{ 3 | cn }} {{ \"2024-06-30\" | deadline(year=2024) }} {{ \"2024-03-05\" | date_cn }}",
        )]);
        let out = tpl.tera.render("x.tera", &Context::new()).unwrap();
        assert_eq!(out, "三 6月底前 2024年3月5日");
    }

    #[test]
    fn spec_values_are_not_evaluated_or_escaped_in_text() {
        let tpl = t(&[("patterns/l2_a.tera", "在{{ topic }}上{{ effort }}")]);
        let mut slots = BTreeMap::new();
        slots.insert("topic".to_string(), "{{ 7*7 }}<script>".to_string());
        slots.insert("effort".to_string(), "持续用力".to_string());
        assert_eq!(
            tpl.render_pattern("patterns/l2_a.tera", &slots).unwrap(),
            "在{{ 7*7 }}<script>上持续用力"
        );
        assert_eq!(
            tpl.pattern_slots("patterns/l2_a.tera"),
            vec!["effort", "topic"]
        );
        assert_eq!(tpl.pattern_names("l2_"), vec!["patterns/l2_a.tera"]);
    }

    #[test]
    fn opening_order_is_read_from_the_kind_template() {
        let tpl = t(&[
            (
                "speech.tera",
                "{% if order_only %}{% block opening_order %}purpose announce{% endblock opening_order %}{% else %}{{ speech.title }}{% endif %}",
            ),
            (
                "kinds/economy.tera",
                "{% extends \"speech.tera\" %}{% block opening_order %}situation purpose announce{% endblock opening_order %}",
            ),
            (
                "kinds/bad.tera",
                "{% extends \"speech.tera\" %}{% block opening_order %}purpose oops{% endblock opening_order %}",
            ),
        ]);
        assert_eq!(
            tpl.opening_order("kinds/economy.tera").unwrap(),
            vec!["situation", "purpose", "announce"]
        );
        let e = tpl.opening_order("kinds/bad.tera").unwrap_err().to_string();
        assert!(e.contains("unknown opening block `oops`"), "{e}");
    }

    #[test]
    fn template_syntax_errors_name_the_file() {
        let e = Templates::from_sources(
            Path::new("templates"),
            vec![("a.tera".into(), "{% if %}".into())],
        )
        .err()
        .unwrap()
        .to_string();
        assert!(e.contains("template"), "{e}");
    }
}
