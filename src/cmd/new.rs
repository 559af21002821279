//! `wengao new`: write a commented starter spec for a kind of meeting.
//!
//! The starter holds every field of the spec contract (the optional ones too), each with a Chinese
//! comment saying what it is, and realistic example values for that kind of meeting and level
//! (全县/全市 …, 县发改局/镇经济发展办 …). It drafts as it stands. `--chinese` writes the Chinese
//! keys (会议/名称/日期 …). The meeting date is today unless `--date` is given; deadlines and years
//! in the example values follow it, so the era's vocabulary is right. The example values are data
//! (`starters/*.yaml`), filled in and written by [`crate::spec::starter`].

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::cli::{Globals, info};
use crate::spec::{Kind, Level};
use crate::{Result, io};

/// Arguments of `wengao new`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao new --kind plenary -o 会议.yaml\n  wengao new --kind safety --level 镇 --date 2025-03-10 -o safety.yaml\n  wengao new --kind economy --chinese > 经济运行会.yaml\n  wengao new --kind investment --level 市 | wengao draft -"
)]
pub struct Args {
    /// The kind of meeting.
    #[arg(long, short, default_value = "key_work", value_parser = kind_parser())]
    pub kind: Kind,
    /// The level of the place: 县, 市, 区 or 镇 (sets 全县/县政府/各镇 … in the example values).
    #[arg(long, short, default_value = "县", value_parser = level_parser())]
    pub level: Level,
    /// The meeting date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Write the keys in Chinese (会议/名称/日期 …) instead of English.
    #[arg(long)]
    pub chinese: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(Kind::ALL.map(|k| {
        PossibleValue::new(k.name())
            .help(k.label())
            .alias(k.label())
    }))
    .map(|s| Kind::parse(&s).unwrap_or(Kind::KeyWork))
}

fn level_parser() -> impl TypedValueParser<Value = Level> {
    PossibleValuesParser::new([
        PossibleValue::new("县").alias("county"),
        PossibleValue::new("市").alias("city"),
        PossibleValue::new("区").alias("district"),
        PossibleValue::new("镇").alias("town").alias("乡"),
    ])
    .map(|s| Level::parse(&s).unwrap_or(Level::County))
}

fn parse_date_arg(s: &str) -> std::result::Result<NaiveDate, String> {
    use chrono::Datelike;
    let d = crate::spec::parse_date(s)
        .ok_or_else(|| format!("`{s}` is not a date; write YYYY-MM-DD, e.g. 2024-02-26"))?;
    let years = crate::spec::DRAFT_YEARS;
    if !years.contains(&d.year()) {
        return Err(format!(
            "wengao drafts speeches dated {}–{}; {} is outside",
            years.start(),
            years.end(),
            d.year()
        ));
    }
    Ok(d)
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    let date = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let text = crate::spec::starter::starter(args.kind, args.level, date, args.chinese)?;
    io::emit(args.output.as_deref(), text.as_bytes(), args.force)?;
    if let Some(p) = &args.output {
        info(
            g,
            &format!(
                "wrote {} ({} starter); edit it, then run: wengao draft {}",
                p.display(),
                args.kind.label(),
                p.display()
            ),
        );
    }
    Ok(0)
}
