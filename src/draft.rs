//! The draft pipeline as a library: spec → plan → render, in every format.
//!
//! `wengao draft`, `wengao preview`, the benchmarks and the tests all go through [`Drafter`], so
//! they draft exactly alike. Loading (phrasebank + templates) is done once; drafting is then a
//! pure function of the spec and the seed.

use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::phrasebank::Phrasebank;
use crate::plan::{self, Plan};
use crate::project::Source;
use crate::render::{Templates, tidy_lines};
use crate::spec::{self, ValidSpec};

/// An output format of `draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, one paragraph a line (for Word/WPS).
    Txt,
    /// Markdown.
    Md,
    /// A standalone HTML page with each sentence's origin on hover.
    Html,
    /// The planned document tree with the origin of every sentence.
    Json,
    /// A Word file laid out to GB/T 9704.
    Docx,
}

impl Format {
    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Docx => "docx",
        }
    }

    /// Every format.
    pub const ALL: [Format; 5] = [
        Format::Txt,
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Docx,
    ];
}

/// The loaded phrasebank and templates.
pub struct Drafter {
    pub phrasebank: Phrasebank,
    pub templates: Templates,
    /// Write a visible 【待补：…】 marker where a point has no figure of its own (`--placeholders`).
    pub placeholders: bool,
}

/// The JSON output: what was chosen, and the tree.
#[derive(Debug, Serialize)]
pub struct DraftJson<'a> {
    pub title: &'a str,
    pub seed: u64,
    pub template: &'a str,
    pub patterns: &'a [String],
    pub target_length: usize,
    pub length: usize,
    pub warnings: &'a [String],
    /// What each point resolved to in the topic map, and why.
    pub topics: &'a [crate::plan::PointTopic],
    pub speech: &'a crate::model::Speech,
}

impl Drafter {
    /// Load the phrasebank and the templates of two folders, without a cache.
    pub fn load(phrasebank: &Path, templates: &Path) -> Result<Drafter> {
        Drafter::open(
            &Source::Dir(phrasebank.to_path_buf()),
            &Source::Dir(templates.to_path_buf()),
            None,
        )
    }

    /// The phrasebank and templates built into wengao (no file read, no cache).
    pub fn embedded() -> Result<Drafter> {
        Drafter::open(&Source::Embedded, &Source::Embedded, None)
    }

    /// Load the phrasebank and the templates of their sources; a phrasebank folder goes through
    /// the load cache in `cache_dir` (None: no cache).
    ///
    /// The two are loaded at once, the templates on a second thread: on a short `wengao draft`
    /// this start-up is most of the time. A phrasebank error is reported before a template one.
    pub fn open(
        phrasebank: &Source,
        templates: &Source,
        cache_dir: Option<&Path>,
    ) -> Result<Drafter> {
        let (pb, tpl) = std::thread::scope(|scope| {
            let tpl = std::thread::Builder::new()
                .name("templates".into())
                .spawn_scoped(scope, || Templates::open(templates));
            let pb = Phrasebank::open(phrasebank, cache_dir);
            let tpl = match tpl {
                Ok(handle) => handle.join().unwrap_or_else(|_| Templates::open(templates)),
                // No thread to be had: load them here.
                Err(_) => Templates::open(templates),
            };
            (pb, tpl)
        });
        Ok(Drafter {
            phrasebank: pb?,
            templates: tpl?,
            placeholders: false,
        })
    }

    /// [`Drafter::open_for_spec`] on two folders, without a cache.
    pub fn load_for_spec(
        phrasebank: &Path,
        templates: &Path,
        src: &str,
        file: &str,
    ) -> Result<(Drafter, ValidSpec)> {
        Drafter::open_for_spec(
            &Source::Dir(phrasebank.to_path_buf()),
            &Source::Dir(templates.to_path_buf()),
            None,
            src,
            file,
        )
    }

    /// Load for drafting one spec: the spec is validated against the phrasebank's themes as soon
    /// as they are read, and only the entries a draft of it can use are loaded. Drafts are the same as with [`Drafter::open`]; this is
    /// what `wengao draft` does, where start-up is most of the time.
    pub fn open_for_spec(
        phrasebank: &Source,
        templates: &Source,
        cache_dir: Option<&Path>,
        src: &str,
        file: &str,
    ) -> Result<(Drafter, ValidSpec)> {
        let mut parsed: Option<Result<ValidSpec>> = None;
        let mut select = |themes: &[crate::phrasebank::Theme], map: &crate::topic::TopicMap| {
            let names: Vec<String> = themes.iter().map(|t| t.name.clone()).collect();
            let r = spec::parse(src, file, &names);
            let chosen = crate::phrasebank::Selection {
                themes: r.as_ref().ok().map(|vs| {
                    vs.spec
                        .sections
                        .iter()
                        .map(|s| s.theme.as_str().to_string())
                        .collect()
                }),
                topics: r
                    .as_ref()
                    .ok()
                    .map(|vs| plan::spec_topics(vs, map))
                    .unwrap_or_default(),
                by_topic: r
                    .as_ref()
                    .ok()
                    .map(plan::themes_by_topic)
                    .unwrap_or_default(),
            };
            parsed = Some(r);
            chosen
        };
        // One thread: the templates and the lexicon once loaded on a second one while this one
        // decoded the phrasebank, but on two cores a thread started for ~1 ms of work cost more
        // than it saved (docs/performance.md, "Twelfth session"). A phrasebank error is
        // reported before a template one.
        let pb = Phrasebank::open_selected(phrasebank, cache_dir, &mut select);
        let tpl = Templates::open(templates);
        let drafter = Drafter {
            phrasebank: pb?,
            templates: tpl?,
            placeholders: false,
        };
        let vs = match parsed {
            Some(r) => r?,
            None => drafter.spec(src, file)?,
        };
        crate::topic::check_spec(&vs, &drafter.phrasebank.topic_map, src)?;
        Ok((drafter, vs))
    }

    /// Parse and validate a spec against the themes this phrasebank knows.
    pub fn spec(&self, src: &str, file: &str) -> Result<ValidSpec> {
        let vs = spec::parse(src, file, &self.phrasebank.theme_names())?;
        crate::topic::check_spec(&vs, &self.phrasebank.topic_map, src)?;
        Ok(vs)
    }

    /// Plan a draft. The seed is `seed`, else the spec's `output.seed`, else one derived from the
    /// meeting's name and date (so the same spec always gives the same draft).
    pub fn plan(&self, vs: &ValidSpec, seed: Option<u64>) -> Result<Plan> {
        plan::plan_with(
            vs,
            &self.phrasebank,
            &self.templates,
            seed_of(vs, seed),
            self.placeholders,
        )
    }

    /// Lint a plan's text draft the way `wengao lint --spec` would, and check that the text parses
    /// back into the planned tree (same parts, points, headings and items).
    pub fn check(
        &self,
        vs: &ValidSpec,
        plan: &Plan,
        corpus: Option<&crate::lint::CorpusIndex>,
    ) -> Result<Vec<crate::lint::Finding>> {
        let text = self.text(plan)?;
        Ok(self.check_text(vs, plan, &text, corpus))
    }

    /// [`Drafter::check`] on the text draft already rendered from `plan`.
    pub fn check_text(
        &self,
        vs: &ValidSpec,
        plan: &Plan,
        text: &str,
        corpus: Option<&crate::lint::CorpusIndex>,
    ) -> Vec<crate::lint::Finding> {
        self.check_with(vs, plan, text, corpus, false)
    }

    /// [`Drafter::check_text`]'s errors only, without the rules that can only warn: what
    /// `wengao draft` refuses on (a draft that fails is checked again in full for its report).
    pub fn check_errors(
        &self,
        vs: &ValidSpec,
        plan: &Plan,
        text: &str,
    ) -> Vec<crate::lint::Finding> {
        self.check_with(vs, plan, text, None, true)
    }

    fn check_with(
        &self,
        vs: &ValidSpec,
        plan: &Plan,
        text: &str,
        corpus: Option<&crate::lint::CorpusIndex>,
        errors_only: bool,
    ) -> Vec<crate::lint::Finding> {
        let parsed = crate::corpus::outline::parse(text);
        let opts = crate::lint::Options {
            spec: Some(vs),
            corpus,
            year: None,
            // The draft refuses on errors only: the warning-only rule on topics is left to
            // `wengao lint` (the planner draws a point from its own sub-topics anyway).
            topics: None,
        };
        let mut findings = if errors_only {
            crate::lint::errors(text, &parsed, &opts)
        } else {
            crate::lint::lint(text, &parsed, &opts)
        };
        if self.placeholders {
            findings.retain(|f| !(f.rule == "residue" && f.message.contains("待补")));
        }
        if let Some(msg) = round_trip_mismatch(&plan.speech, &parsed) {
            findings.push(crate::lint::Finding {
                severity: crate::lint::Severity::Error,
                rule: "round-trip",
                line: 0,
                message: msg,
            });
        }
        findings
    }

    /// The text draft of a plan.
    pub fn text(&self, plan: &Plan) -> Result<String> {
        self.templates.render_text(&plan.template, &plan.speech)
    }

    /// Render a plan in a format (docx with the standard layout).
    pub fn render(&self, plan: &Plan, format: Format) -> Result<Vec<u8>> {
        self.render_with(plan, format, crate::output::docx::Layout::Standard)
    }

    /// Render a plan in a format, with a docx layout.
    pub fn render_with(
        &self,
        plan: &Plan,
        format: Format,
        layout: crate::output::docx::Layout,
    ) -> Result<Vec<u8>> {
        match format {
            Format::Txt => Ok(self.text(plan)?.into_bytes()),
            Format::Md => {
                let raw = self
                    .templates
                    .render("formats/md.tera", &plan.speech, &[])?;
                Ok(collapse_blank_lines(&raw).into_bytes())
            }
            Format::Html => {
                Ok(crate::output::html::render(&self.templates, &plan.speech, None)?.into_bytes())
            }
            Format::Json => {
                let j = DraftJson {
                    title: &plan.speech.title,
                    seed: plan.seed,
                    template: &plan.template,
                    patterns: &plan.patterns,
                    target_length: plan.target,
                    length: plan.length,
                    warnings: &plan.warnings,
                    topics: &plan.topics,
                    speech: &plan.speech,
                };
                let mut s = serde_json::to_string_pretty(&j)
                    .map_err(|e| crate::Error::Usage(e.to_string()))?;
                s.push('\n');
                Ok(s.into_bytes())
            }
            Format::Docx => crate::output::docx::to_docx(&plan.speech, layout),
        }
    }
}

/// The seed: given, else the spec's, else a stable hash of the meeting's name and date.
pub fn seed_of(vs: &ValidSpec, given: Option<u64>) -> u64 {
    given
        .or(vs.spec.output.as_ref().and_then(|o| o.seed))
        .unwrap_or_else(|| {
            crate::hash::stable_hash(format!("{}|{}", vs.spec.meeting.name, vs.date).as_bytes())
        })
}

/// Collapse runs of blank lines to one, trim line ends, end with one newline.
pub fn collapse_blank_lines(raw: &str) -> String {
    let mut out = String::new();
    let mut blank = true;
    for line in raw.lines() {
        let l = line.trim_end();
        if l.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(l);
            out.push('\n');
            blank = false;
        }
    }
    let trimmed = out.trim_end().to_string();
    let _ = tidy_lines; // the text format uses tidy_lines; Markdown keeps paragraph breaks
    trimmed + "\n"
}

/// Where a parsed speech differs from the planned one in structure, if it does.
pub fn round_trip_mismatch(
    planned: &crate::model::Speech,
    parsed: &crate::model::Speech,
) -> Option<String> {
    if planned.title != parsed.title {
        return Some(format!(
            "title `{}` parsed as `{}`",
            planned.title, parsed.title
        ));
    }
    if planned.parts.len() != parsed.parts.len() {
        return Some(format!(
            "{} parts planned, {} parsed",
            planned.parts.len(),
            parsed.parts.len()
        ));
    }
    for (a, b) in planned.parts.iter().zip(&parsed.parts) {
        if a.heading != b.heading
            || a.parts.len() != b.parts.len()
            || a.items.len() != b.items.len()
        {
            return Some(format!(
                "part {} `{}` ({} points, {} items) parsed as `{}` ({} points, {} items)",
                a.number,
                a.heading,
                a.parts.len(),
                a.items.len(),
                b.heading,
                b.parts.len(),
                b.items.len()
            ));
        }
        for (x, y) in a.parts.iter().zip(&b.parts) {
            if x.heading != y.heading || x.items.len() != y.items.len() {
                return Some(format!("point `{}` parsed as `{}`", x.heading, y.heading));
            }
        }
        for (x, y) in a.items.iter().zip(&b.items) {
            if x.lead != y.lead {
                return Some(format!("item `{}` parsed as `{}`", x.lead, y.lead));
            }
        }
    }
    None
}
