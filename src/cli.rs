//! The command line: one enum of subcommands, one file per subcommand in `src/cmd/`.
//!
//! `main` only parses, dispatches and turns an [`Error`](crate::Error) into a message and exit
//! code 2. Subcommands return their own exit code: 0 ok, 1 findings.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cmd;

/// Draft Chinese local-government meeting speeches (讲话稿) from a YAML spec.
#[derive(Debug, Parser)]
#[command(name = "wengao", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  wengao draft examples/plenary-2024.yaml\n  wengao draft spec.yaml --format docx -o 讲话稿.docx\n  wengao lint draft.txt --spec spec.yaml\n\nExit codes: 0 ok · 1 findings · 2 error"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Globals,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, clap::Args)]
pub struct Globals {
    /// The phrasebank directory (else $WENGAO_PHRASEBANK, else the one wengao.toml names, else the
    /// one built into wengao; `-v` says which).
    #[arg(long, global = true, value_name = "DIR")]
    pub phrasebank: Option<PathBuf>,
    /// The templates directory (else $WENGAO_TEMPLATES, else the one wengao.toml names, else the
    /// ones built into wengao).
    #[arg(long, global = true, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// When to colour messages.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print nothing but results and errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Print more about what is done.
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

/// `--color`
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draft a speech from a spec.
    Draft(cmd::draft::Args),
    /// Clean raw speech text (ads, page numbers, broken lines, spun words).
    Normalize(cmd::normalize::Args),
    /// Print the structure of a speech.
    Outline(cmd::outline::Args),
    /// Mine heading patterns, slogans and frames from a corpus of speeches.
    Mine(cmd::mine::Args),
    /// Check a draft: numbering, counts, parallel headings, era, repetition, spec coverage.
    Lint(cmd::lint::Args),
    /// Inspect and edit the phrasebank.
    Phrasebank(cmd::phrasebank::Args),
    /// Render drafts of specs in every format, with an index page, for review and CI.
    Preview(cmd::preview::Args),
    /// Write a commented starter spec.
    New(cmd::new::Args),
    /// Write the spec that would reproduce an existing speech's skeleton.
    SpecFrom(cmd::spec_from::Args),
    /// Print shell completions.
    Completions(cmd::completions::Args),
    /// Print the man page.
    Man(cmd::completions::ManArgs),
}

/// Parse the command line and run it; returns the exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    // `--color always|never` wins; `auto` colours a terminal unless NO_COLOR is set (no-color.org).
    let color = match cli.global.color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => {
            anstream::ColorChoice::Never
        }
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    color.write_global();
    let g = cli.global.clone();
    let result = match cli.command {
        Command::Draft(a) => cmd::draft::run(&a, &g),
        Command::Normalize(a) => cmd::normalize::run(&a, &g),
        Command::Outline(a) => cmd::outline::run(&a, &g),
        Command::Mine(a) => cmd::mine::run(&a, &g),
        Command::Lint(a) => cmd::lint::run(&a, &g),
        Command::Phrasebank(a) => cmd::phrasebank::run(&a, &g),
        Command::Preview(a) => cmd::preview::run(&a, &g),
        Command::New(a) => cmd::new::run(&a, &g),
        Command::SpecFrom(a) => cmd::spec_from::run(&a, &g),
        Command::Completions(a) => cmd::completions::run(&a, &g),
        Command::Man(a) => cmd::completions::run_man(&a, &g),
    };
    for n in crate::phrasebank::take_cache_notes() {
        verbose(&g, &n);
    }
    match result {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            e.exit_code()
        }
    }
}

/// Print an error to stderr, in red where colour is on.
pub fn report(e: &crate::Error) {
    use std::io::Write;
    // A message may quote the input: its control characters (ESC, BEL, NUL …) are shown as
    // visible symbols (␛ ␇ ␀), never sent to the terminal.
    let text: String = e
        .to_string()
        .chars()
        .map(|c| match c {
            '\n' => c,
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            '\u{7f}' => '␡',
            c if c.is_control() => '�',
            c => c,
        })
        .collect();
    let mut err = anstream::stderr();
    let styled = match text.strip_prefix("error:") {
        Some(rest) => {
            format!(
                "\x1b[1;31merror\x1b[0m\x1b[1m:{}\x1b[0m",
                rest.split_once('\n').map(|(a, _)| a).unwrap_or(rest)
            ) + rest
                .split_once('\n')
                .map(|(_, b)| format!("\n{b}"))
                .unwrap_or_default()
                .as_str()
        }
        None => text,
    };
    let _ = writeln!(err, "{styled}");
}

/// Print a line to stderr only with `--verbose` (and not `--quiet`).
pub fn verbose(g: &Globals, msg: &str) {
    if g.verbose && !g.quiet {
        use std::io::Write;
        let _ = writeln!(anstream::stderr(), "{msg}");
    }
}

/// Print a progress or info line to stderr unless `--quiet`.
pub fn info(g: &Globals, msg: &str) {
    if !g.quiet {
        use std::io::Write;
        let _ = writeln!(anstream::stderr(), "{msg}");
    }
}

/// Print an error line to stderr, with `--quiet` too: why nothing was written must be said.
pub fn error_line(msg: &str) {
    use std::io::Write;
    let _ = writeln!(anstream::stderr(), "{msg}");
}
