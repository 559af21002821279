//! The shipped phrasebank, compiled into the binary.
//!
//! The build script (`build.rs`) loads `phrasebank/` with the strict reader (a broken phrasebank
//! fails the build with the located message) and writes it in the compact form (`compact.rs`);
//! it is included here as bytes. Loading it parses no YAML and reads and writes no file: no
//! cache is involved. Its entries' files are named as in the checkout (`phrasebank/common.yaml`).

use std::path::Path;

use super::{Phrasebank, Selection, Theme, compact};
use crate::error::{Error, Result};

/// The compact form of the shipped phrasebank: UTF-8 as a whole (its numbers are written in
/// ASCII bytes), so the compiler checks it once and its texts are read in place unchecked.
static COMPACT: &str = include_str!(concat!(env!("OUT_DIR"), "/phrasebank.bin"));

/// The folder the shipped phrasebank was read from, relative to the repository root.
pub const DIR: &str = "phrasebank";

impl Phrasebank {
    /// The shipped phrasebank, whole.
    pub fn embedded() -> Result<Phrasebank> {
        decode(&mut |_, _| None)
    }

    /// The shipped phrasebank, only what `select` keeps (see [`Phrasebank::load_selected`]).
    pub fn embedded_selected(
        select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Selection,
    ) -> Result<Phrasebank> {
        decode(&mut |t, m| Some(select(t, m)))
    }
}

fn decode(
    select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
) -> Result<Phrasebank> {
    compact::decode_trusted(COMPACT, Path::new(DIR), select).ok_or_else(|| {
        // The build script wrote these bytes with the same code: only a bug gets here.
        Error::Usage(
            "the phrasebank compiled into wengao does not decode (a bug: please report it)".into(),
        )
    })
}
