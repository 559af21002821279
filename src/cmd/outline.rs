//! `wengao outline FILE [--format text|json]`: the structure of a speech.

use crate::Result;
use crate::cli::Globals;
use crate::corpus::outline::{outline_json, outline_text, parse};

/// Output format of `outline`.
pub use super::ReportFormat as Format;

/// Arguments of `wengao outline`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao outline speech.txt\n  wengao outline pasted.txt --normalize --format json"
)]
pub struct Args {
    /// The speech (clean text; `-` for standard input). Raw corpus text: pass --normalize.
    pub input: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Normalise the text first (for raw corpus files).
    #[arg(long)]
    pub normalize: bool,
}

/// Run the subcommand.
pub fn run(args: &Args, _g: &Globals) -> Result<i32> {
    // Each stage's input is dropped as soon as the next stage has it (the bytes become the text
    // without a copy), so the peak is the largest stage, not their sum (docs/performance.md).
    let bytes = crate::io::read_bytes(&args.input)?;
    let (text, _) = crate::text::decode::decode_owned(&args.input, bytes)?;
    let text = if args.normalize {
        crate::corpus::normalize::normalize(&text).text
    } else {
        text
    };
    let sp = parse(&text);
    drop(text);
    let out = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&outline_json(&sp)).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Text => outline_text(&sp),
    };
    crate::io::write_stdout(out.as_bytes())?;
    Ok(0)
}
