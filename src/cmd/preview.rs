//! `wengao preview [SPEC…] --out DIR`: render every spec in every format, with an index page.
//!
//! For each spec (default: `examples/*.yaml`) it writes `<stem>.txt .md .html .json .docx` into
//! DIR and adds a card to `DIR/index.html`: the meeting, kind, date, seed, length against the
//! target, the planner's warnings, the draft's lint findings and the draft itself, each sentence
//! highlighted by its origin (phrase id or spec field on hover). The page ends with the
//! phrasebank's stats. Its labels are Chinese, and no box on it has a fixed height (a draft is
//! shown whole). It is one self-contained file (no scripts, no network), rendered from
//! `templates/preview/index.html.tera`, which is autoescaped: a spec value like `<script>` is
//! shown, never run.
//!
//! Each draft's own `<stem>.html` ([`html::render`] with a [`html::Page`]) has the origin
//! colours on, with a switch (a checkbox and CSS) to hide them, the lint findings and warnings,
//! and links to its .txt, .md, .json and .docx and back to the index.
//!
//! Exit 1 when a spec fails to draft, a template fails to render (the message names the template
//! file and line) or a draft has lint findings; 2 when the phrasebank or the index template cannot
//! be loaded.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cli::{Globals, info};
use crate::draft::{Drafter, Format};
use crate::output::html;
use crate::plan::Plan;
use crate::render::{ParagraphView, PartView, SpeechView};
use crate::{Error, Result, io};

/// Arguments of `wengao preview`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao preview --out target/preview\n  wengao preview examples/plenary-2024.yaml my-spec.yaml --out /tmp/preview"
)]
pub struct Args {
    /// The specs to render (default: examples/*.yaml).
    pub specs: Vec<PathBuf>,
    /// The directory to write the drafts and index.html into (created if missing; files in it are replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Draft with this seed instead of each spec's own.
    #[arg(long)]
    pub seed: Option<u64>,
}

/// The formats written for each spec.
pub const PREVIEW_FORMATS: [Format; 5] = [
    Format::Txt,
    Format::Md,
    Format::Html,
    Format::Json,
    Format::Docx,
];

/// The lint findings of a draft, shown on its card; any finding makes `preview` exit 1.
///
/// These are the errors of [`Drafter::check`]: the linter's rules against the spec, and the round trip.
pub fn lint_findings(
    drafter: &Drafter,
    vs: &crate::spec::ValidSpec,
    plan: &Plan,
) -> Result<Vec<String>> {
    Ok(drafter
        .check(vs, plan, None)?
        .into_iter()
        .filter(|f| f.severity == crate::lint::Severity::Error)
        .map(|f| format!("line {}: error[{}]: {}", f.line, f.rule, f.message))
        .collect())
}

/// One highlighted run of a draft: its text, origin label (shown on hover) and kind (its colour).
#[derive(Debug, Serialize)]
pub struct Span {
    pub text: String,
    pub origin: String,
    pub kind: &'static str,
}

/// One block of a draft on the page: a heading or a paragraph.
#[derive(Debug, Serialize)]
pub struct Block {
    /// `title`, `byline`, `salutation`, `h1` (一、), `h2` (（一）) or `p`.
    pub tag: &'static str,
    pub spans: Vec<Span>,
}

/// A file written for a card.
#[derive(Debug, Serialize)]
pub struct FileLink {
    pub format: &'static str,
    /// What the file is, in Chinese.
    pub label: &'static str,
    pub name: String,
}

/// The name of a format on the preview's pages.
fn format_label(f: Format) -> &'static str {
    match f {
        Format::Txt => "文本稿（.txt）",
        Format::Md => "Markdown（.md）",
        Format::Html => "网页（.html）",
        Format::Json => "数据（.json）",
        Format::Docx => "Word 文档（.docx）",
    }
}

/// One card of the index page.
#[derive(Debug, Serialize)]
pub struct Card {
    pub anchor: String,
    pub spec: String,
    pub meeting: String,
    /// The speech's title (在…上的讲话).
    pub title: String,
    pub kind: String,
    pub kind_label: String,
    pub date: String,
    pub seed: u64,
    pub length: usize,
    pub target: usize,
    pub template: String,
    pub warnings: Vec<String>,
    pub findings: Vec<String>,
    /// The files written.
    pub files: Vec<FileLink>,
    pub blocks: Vec<Block>,
    /// Why the spec could not be drafted or rendered.
    pub error: Option<String>,
}

fn spans_of(p: &ParagraphView) -> Vec<Span> {
    p.sentences
        .iter()
        .map(|s| Span {
            text: s.text.clone(),
            origin: s.origin.clone(),
            kind: s.kind,
        })
        .collect()
}

fn para(tag: &'static str, p: &ParagraphView) -> Block {
    Block {
        tag,
        spans: spans_of(p),
    }
}

fn heading(label: String, part: &PartView) -> Span {
    Span {
        text: format!("{label}{}", part.heading),
        origin: part.heading_origin.clone(),
        kind: part.heading_kind,
    }
}

fn items(part: &PartView, out: &mut Vec<Block>) {
    for it in &part.items {
        let mut spans = vec![Span {
            text: format!("{}{}。", it.label, it.lead),
            origin: it.lead_origin.clone(),
            kind: it.lead_kind,
        }];
        spans.extend(spans_of(&it.body));
        out.push(Block { tag: "p", spans });
    }
}

/// The blocks of a draft, in reading order, as the text draft lays them out.
pub fn blocks_of(v: &SpeechView) -> Vec<Block> {
    let cn = |n: u32| crate::numerals::chinese(n);
    let mut out = Vec::new();
    for line in &v.byline {
        out.push(Block {
            tag: "byline",
            spans: vec![Span {
                text: line.clone(),
                origin: "spec".into(),
                kind: "spec",
            }],
        });
    }
    if let Some(s) = &v.salutation {
        out.push(Block {
            tag: "salutation",
            spans: vec![Span {
                text: s.clone(),
                origin: "template".into(),
                kind: "template",
            }],
        });
    }
    out.extend(v.opening.iter().map(|p| para("p", p)));
    for part in &v.parts {
        out.push(Block {
            tag: "h1",
            spans: vec![heading(format!("{}、", cn(part.number)), part)],
        });
        out.extend(part.body.iter().map(|p| para("p", p)));
        for sub in &part.parts {
            let h = heading(format!("（{}）", cn(sub.number)), sub);
            if sub.inline {
                let mut first = vec![Span {
                    text: format!("{}。", h.text),
                    ..h
                }];
                let mut rest = sub.body.iter();
                if let Some(p) = rest.next() {
                    first.extend(spans_of(p));
                }
                out.push(Block {
                    tag: "p",
                    spans: first,
                });
                out.extend(rest.map(|p| para("p", p)));
            } else {
                out.push(Block {
                    tag: "h2",
                    spans: vec![h],
                });
                out.extend(sub.body.iter().map(|p| para("p", p)));
            }
            items(sub, &mut out);
        }
        items(part, &mut out);
    }
    out.extend(v.closing.iter().map(|p| para("p", p)));
    out
}

/// The index page's context.
#[derive(Debug, Serialize)]
struct Page<'a> {
    cards: &'a [Card],
    failed: usize,
    stats: &'a crate::curate::Stats,
    phrasebank: String,
    roles: Vec<&'static str>,
}

/// The specs in `./examples` (a checkout, CI); elsewhere the specs must be named.
fn default_specs() -> Result<Vec<PathBuf>> {
    let dir = PathBuf::from("examples");
    if !dir.is_dir() {
        return Err(Error::Usage(
            "no specs named, and no examples/ folder here: name the specs to preview".into(),
        ));
    }
    let rd =
        std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, "read the examples directory", e))?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    v.sort();
    Ok(v)
}

/// Draft one spec in every format; the card says what happened.
fn card_for(drafter: &Drafter, path: &Path, stem: &str, out: &Path, seed: Option<u64>) -> Card {
    let mut card = Card {
        anchor: stem.to_string(),
        spec: path.display().to_string(),
        meeting: String::new(),
        title: String::new(),
        kind: String::new(),
        kind_label: String::new(),
        date: String::new(),
        seed: 0,
        length: 0,
        target: 0,
        template: String::new(),
        warnings: Vec::new(),
        findings: Vec::new(),
        files: Vec::new(),
        blocks: Vec::new(),
        error: None,
    };
    let name = path.display().to_string();
    let result = (|| -> Result<()> {
        let src = io::read_text(&name)?;
        let vs = drafter.spec(&src, &name)?;
        card.meeting = vs.spec.meeting.name.as_str().to_string();
        card.kind = vs.kind.name().to_string();
        card.kind_label = vs.kind.label().to_string();
        card.date = vs.date.to_string();
        let plan = drafter.plan(&vs, seed)?;
        card.seed = plan.seed;
        card.title = plan.speech.title.clone();
        card.length = plan.length;
        card.target = plan.target;
        card.template = plan.template.clone();
        card.warnings = plan.warnings.clone();
        card.blocks = blocks_of(&SpeechView::from(&plan.speech));
        card.findings = lint_findings(drafter, &vs, &plan)?;
        card.files = PREVIEW_FORMATS
            .iter()
            .map(|f| FileLink {
                format: f.ext(),
                label: format_label(*f),
                name: format!("{stem}.{}", f.ext()),
            })
            .collect();
        for (f, link) in PREVIEW_FORMATS.iter().zip(&card.files) {
            let bytes = match f {
                // The page of the draft: origin colours on, findings, links to the other files.
                Format::Html => {
                    let page = html::Page {
                        index: "index.html".into(),
                        files: card
                            .files
                            .iter()
                            .filter(|l| l.format != "html")
                            .map(|l| html::Link {
                                label: l.label.to_string(),
                                name: l.name.clone(),
                            })
                            .collect(),
                        findings: card.findings.clone(),
                        warnings: card.warnings.clone(),
                    };
                    html::render(&drafter.templates, &plan.speech, Some(&page))?.into_bytes()
                }
                _ => drafter.render(&plan, *f)?,
            };
            io::write_atomic(&out.join(&link.name), &bytes, true)?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        card.error = Some(e.to_string());
    }
    card
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    let specs = if args.specs.is_empty() {
        default_specs()?
    } else {
        args.specs.clone()
    };
    if specs.is_empty() {
        return Err(Error::Usage(
            "no specs to preview (examples/ has no *.yaml); name some".into(),
        ));
    }
    let sources = crate::cmd::sources(g)?;
    // A template that fails to load is a finding of the preview (exit 1), like one that fails to render.
    let phrasebank = sources.phrasebank()?;
    let templates = match crate::render::Templates::open(&sources.templates.source) {
        Ok(t) => t,
        Err(e @ (Error::Template { .. } | Error::Input(_) | Error::Inputs(_))) => {
            crate::cli::report(&e);
            return Ok(1);
        }
        Err(e) => return Err(e),
    };
    let drafter = Drafter {
        phrasebank,
        templates,
        placeholders: false,
    };
    let (index_name, index_src) =
        crate::render::Templates::text_of(&sources.templates.source, "preview/index.html.tera")?;
    let mut tera = crate::render::new_tera();
    tera.add_raw_template("preview/index.html.tera", &index_src)
        .map_err(|e| Error::Template {
            name: index_name.clone(),
            message: e.to_string(),
        })?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Error::io(&args.out, "create the directory", e))?;

    let mut cards = Vec::new();
    let mut stems = HashSet::new();
    for path in &specs {
        let base = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_else(|| "spec".into());
        let mut stem = base.clone();
        let mut n = 2;
        while !stems.insert(stem.clone()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        let card = card_for(&drafter, path, &stem, &args.out, args.seed);
        match &card.error {
            Some(e) => {
                crate::cli::report(&Error::Usage(format!(
                    "{}: {}",
                    path.display(),
                    e.trim_start_matches("error: ")
                )));
            }
            None => info(
                g,
                &format!(
                    "{}: {} characters (target {}), seed {}",
                    path.display(),
                    card.length,
                    card.target,
                    card.seed
                ),
            ),
        }
        for f in &card.findings {
            info(g, &format!("{}: lint: {f}", path.display()));
        }
        cards.push(card);
    }
    let failed = cards
        .iter()
        .filter(|c| c.error.is_some() || !c.findings.is_empty())
        .count();
    let stats = crate::curate::stats(&drafter.phrasebank.phrases, &drafter.phrasebank.themes);
    let page = Page {
        cards: &cards,
        failed,
        stats: &stats,
        phrasebank: sources.phrasebank.source.to_string(),
        roles: crate::phrasebank::Role::THEME_DEPTH
            .iter()
            .map(|(r, _)| r.name())
            .collect(),
    };
    let ctx = tera::Context::from_serialize(&page).map_err(|e| Error::Usage(e.to_string()))?;
    let html = tera
        .render("preview/index.html.tera", &ctx)
        .map_err(|e| Error::Template {
            name: index_name.clone(),
            message: e.to_string(),
        });
    let html = match html {
        Ok(h) => h,
        Err(e) => {
            crate::cli::report(&e);
            return Ok(1);
        }
    };
    let index = args.out.join("index.html");
    io::write_atomic(&index, html.as_bytes(), true)?;
    info(
        g,
        &format!(
            "wrote {} ({} drafts, {failed} failed)",
            index.display(),
            cards.len()
        ),
    );
    Ok(i32::from(failed > 0))
}
