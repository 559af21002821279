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

/// The topic map's pair indexes of the shipped phrasebank, as arrays (`FIRST_PAIR`,
/// `PAIR_TOPICS`) the build script wrote from the map it stored in [`COMPACT`].
mod indexes {
    include!(concat!(env!("OUT_DIR"), "/topic_indexes.rs"));
}

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
    compact::decode_trusted(
        COMPACT,
        Some((&indexes::FIRST_PAIR, &indexes::PAIR_TOPICS)),
        Path::new(DIR),
        select,
    )
    .ok_or_else(|| {
        // The build script wrote these bytes with the same code: only a bug gets here.
        Error::Usage(
            "the phrasebank compiled into wengao does not decode (a bug: please report it)".into(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arrays compiled in are the indexes a map of the shipped sub-topics makes anew, and
    /// the shipped phrasebank uses them in place.
    #[test]
    fn the_compiled_in_indexes_are_the_maps_own() {
        let pb = Phrasebank::embedded().unwrap();
        let anew = crate::topic::TopicMap::new(pb.topic_map.topics.clone());
        assert!(indexes::FIRST_PAIR.len() > 1000 && indexes::PAIR_TOPICS.len() > 1000);
        assert_eq!(
            anew.indexes(),
            (&indexes::FIRST_PAIR[..], &indexes::PAIR_TOPICS[..])
        );
        assert_eq!(pb.topic_map.indexes(), anew.indexes());
    }
}
