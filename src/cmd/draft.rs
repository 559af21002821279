//! `wengao draft SPEC`: the main job.
//!
//! Reads the spec (`-` for standard input), drafts, and writes the draft to stdout or `-o FILE`
//! (atomically; an existing file only with `--force`). `--variants N -o DIR` writes N drafts with
//! consecutive seeds. Warnings (a theme out of its era, a spec too thin for its length) go to stderr.

use std::path::PathBuf;

use crate::cli::{Globals, error_line, info, verbose};
use crate::draft::{Drafter, Format};
use crate::{Error, Result, io};

/// Arguments of `wengao draft`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao draft examples/plenary-2024.yaml\n  wengao draft spec.yaml --seed 7 --format md -o draft.md\n  wengao draft spec.yaml --variants 3 -o drafts/\n  cat spec.yaml | wengao draft -"
)]
pub struct Args {
    /// The spec file (`-` for standard input).
    pub spec: String,
    /// Write to this file (or directory, with --variants) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The seed (overrides the spec's output.seed).
    #[arg(long)]
    pub seed: Option<u64>,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Txt)]
    pub format: Format,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
    /// The Word layout: `standard` (GB/T 9704, 16 pt body) or `large` (read-aloud copy, 18 pt).
    #[arg(long, value_enum, default_value_t = crate::output::docx::Layout::Standard)]
    pub layout: crate::output::docx::Layout,
    /// Where a point has no figure of its own, write a visible 【待补：…】 marker to fill.
    #[arg(long)]
    pub placeholders: bool,
    /// Emit the draft even when it fails the lint checks.
    #[arg(long)]
    pub no_lint: bool,
    /// Write N drafts with consecutive seeds into the -o directory.
    #[arg(long, value_name = "N")]
    pub variants: Option<u32>,
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    let mut clock = Clock::start();
    let src = io::read_text(&args.spec)?;
    let sources = crate::cmd::sources(g)?;
    let (mut drafter, vs) = Drafter::open_for_spec(
        &sources.phrasebank.source,
        &sources.templates.source,
        sources.cache_dir().as_deref(),
        &src,
        &args.spec,
    )?;
    drafter.placeholders = args.placeholders;
    clock.lap("phrasebank + templates + spec");
    verbose(
        g,
        &format!(
            "loaded the {} phrases a draft of this spec can use ({} themes) from {}; {} templates from {}",
            drafter.phrasebank.phrases.len(),
            drafter.phrasebank.themes.len(),
            sources.phrasebank.source,
            drafter.templates.count(),
            sources.templates.source
        ),
    );
    if let Some(n) = args.variants {
        return write_variants(args, g, &mut drafter, &vs, n);
    }
    let plan = drafter.plan(&vs, args.seed)?;
    clock.lap("plan");
    report_plan(g, args, &plan);
    // The text draft is rendered once: checked, and written when txt was asked for.
    let text = drafter.text(&plan)?;
    clock.lap("render");
    if !args.no_lint {
        let findings = drafter.check_errors(&vs, &plan, &text);
        clock.lap("check");
        if crate::lint::has_errors(&findings) {
            // The full report, warnings with the errors, only for a draft that fails.
            let findings = drafter.check_text(&vs, &plan, &text, None);
            let report = crate::lint::format_text("<draft>", &findings);
            error_line(&format!(
                "error: the draft fails its checks; nothing was written\n{report}  = help: fix the phrasebank or templates, or pass --no-lint to see the draft anyway"
            ));
            return Ok(1);
        }
    }
    let bytes = if args.format == Format::Txt {
        text.into_bytes()
    } else {
        drafter.render_with(&plan, args.format, args.layout)?
    };
    if args.format == Format::Docx
        && args.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(Error::Usage(
            "a .docx file is binary: write it with -o FILE.docx".into(),
        ));
    }
    clock.lap("format");
    io::emit(args.output.as_deref(), &bytes, args.force)?;
    clock.lap("write");
    verbose(g, &clock.report());
    // The process ends here: freeing the phrasebank's thousands of strings one by one would only
    // cost time (~0.5 ms) that the operating system saves by dropping the whole heap at exit.
    std::mem::forget(drafter);
    if let Some(p) = &args.output {
        info(
            g,
            &format!(
                "wrote {} ({} characters, seed {})",
                p.display(),
                plan.length,
                plan.seed
            ),
        );
    }
    Ok(0)
}

/// `--variants N`: N drafts with consecutive seeds into the `-o` directory; a draft that fails
/// its checks is skipped and makes the exit 1.
fn write_variants(
    args: &Args,
    g: &Globals,
    drafter: &mut Drafter,
    vs: &crate::spec::ValidSpec,
    n: u32,
) -> Result<i32> {
    let Some(dir) = &args.output else {
        return Err(Error::Usage(
            "--variants needs -o DIR: the directory to write the drafts into".into(),
        ));
    };
    if !(1..=50).contains(&n) {
        return Err(Error::Usage("--variants takes 1 to 50".into()));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the directory", e))?;
    let first = crate::draft::seed_of(vs, args.seed);
    let stem = std::path::Path::new(&args.spec)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .filter(|s| s != "-")
        .unwrap_or_else(|| "draft".into());
    let mut skipped = 0u32;
    for k in 0..u64::from(n) {
        let seed = first.wrapping_add(k);
        let plan = drafter.plan(vs, Some(seed))?;
        if !args.no_lint
            && crate::lint::has_errors(&drafter.check_errors(vs, &plan, &drafter.text(&plan)?))
        {
            error_line(&format!(
                "error: the draft with seed {seed} fails its checks; skipped (see `wengao draft --seed {seed}`)"
            ));
            skipped += 1;
            continue;
        }
        let bytes = drafter.render_with(&plan, args.format, args.layout)?;
        let path = dir.join(format!("{stem}-seed{seed}.{}", args.format.ext()));
        io::write_atomic(&path, &bytes, args.force)?;
        info(
            g,
            &format!("wrote {} ({} characters)", path.display(), plan.length),
        );
    }
    // A variant that fails its checks is a finding: exit 1, the others written.
    Ok(if skipped > 0 { 1 } else { 0 })
}

/// Under `-v`: how the draft was made and what each point resolved to; the plan's warnings.
fn report_plan(g: &Globals, args: &Args, plan: &crate::plan::Plan) {
    verbose(
        g,
        &format!(
            "drafted {} with template {}, seed {}: {} characters (target {})",
            args.spec, plan.template, plan.seed, plan.length, plan.target
        ),
    );
    for t in &plan.topics {
        verbose(
            g,
            &format!(
                "point {}.{} 「{}」{} → {} ({} sentence(s) of its own)",
                t.section + 1,
                t.point + 1,
                t.topic,
                if t.implicit { " (implicit)" } else { "" },
                if t.resolution.is_empty() {
                    "no sub-topic".to_string()
                } else {
                    t.resolution.why.clone()
                },
                t.drawn
            ),
        );
    }
    for w in &plan.warnings {
        info(g, &format!("warning: {w}"));
    }
}

/// Where the time of one `wengao draft` went (printed with `-v`; see docs/performance.md).
struct Clock {
    last: std::time::Instant,
    laps: Vec<(&'static str, std::time::Duration)>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, what: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push((what, now - self.last));
        self.last = now;
    }

    fn report(&self) -> String {
        let total: std::time::Duration = self.laps.iter().map(|l| l.1).sum();
        let parts: Vec<String> = self
            .laps
            .iter()
            .map(|(w, d)| format!("{w} {:.2}", d.as_secs_f64() * 1e3))
            .collect();
        format!(
            "timings (ms): {}; total {:.2}",
            parts.join(", "),
            total.as_secs_f64() * 1e3
        )
    }
}
