//! `wengao lint DRAFT [--spec SPEC] [--corpus DIR] [--format text|json]`
//!
//! Parses the draft with the same parser as `outline` and reports findings with line numbers.
//! Exit 1 when any finding is an error, 0 otherwise (warnings are printed but do not fail).

use std::path::PathBuf;

use crate::cli::Globals;
use crate::lint::{self, CorpusIndex, Options};
use crate::{Result, io};

/// Output format of `lint`.
pub use super::ReportFormat as Format;

/// Arguments of `wengao lint`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao lint draft.txt\n  wengao lint draft.txt --spec spec.yaml --corpus ../shared/corpus\n  wengao draft spec.yaml | wengao lint - --spec spec.yaml --format json"
)]
pub struct Args {
    /// The draft (text; `-` for standard input).
    pub draft: String,
    /// The spec it was made from: check every fact, topic, unit, deadline and number against it.
    #[arg(long)]
    pub spec: Option<String>,
    /// A corpus directory: report runs of more than 30 characters copied from it.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    let text = io::read_text(&args.draft)?;
    // The phrasebank gives the themes (to validate a spec) and the topic map (the off-topic
    // rule); a draft linted where no phrasebank is found is checked without that rule.
    let pb = match (&args.spec, super::sources(g).and_then(|s| s.phrasebank())) {
        (_, Ok(pb)) => Some(pb),
        (Some(_), Err(e)) => return Err(e),
        (None, Err(_)) => None,
    };
    let vs = match (&args.spec, &pb) {
        (Some(s), Some(pb)) => {
            let src = io::read_text(s)?;
            Some(crate::spec::parse(&src, s, &pb.theme_names())?)
        }
        _ => None,
    };
    let corpus = match &args.corpus {
        Some(d) => Some(CorpusIndex::from_dir(d)?),
        None => None,
    };
    let speech = crate::corpus::outline::parse(&text);
    let findings = lint::lint(
        &text,
        &speech,
        &Options {
            spec: vs.as_ref(),
            corpus: corpus.as_ref(),
            year: None,
            topics: pb.as_ref().map(|p| &p.topic_map),
        },
    );
    let out = match args.format {
        Format::Text => lint::format_text(&args.draft, &findings),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "file": args.draft,
                "errors": findings.iter().filter(|f| f.severity == lint::Severity::Error).count(),
                "warnings": findings.iter().filter(|f| f.severity == lint::Severity::Warning).count(),
                "findings": findings,
            }))
            .unwrap_or_default();
            s.push('\n');
            s
        }
    };
    io::write_stdout(out.as_bytes())?;
    Ok(if lint::has_errors(&findings) { 1 } else { 0 })
}
