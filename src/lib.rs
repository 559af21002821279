//! wengao (文稿) drafts Chinese local-government meeting speeches (讲话稿).
//!
//! The data flow (docs/architecture.md has the whole picture and what each module owns):
//!
//! ```text
//! corpus/*.txt ─normalize─▶ clean text ─outline─▶ Speech ─mine─▶ phrasebank candidates, patterns
//! spec.yaml ─spec─▶ ValidSpec ─plan (seeded, date-aware)─▶ Speech ─render (Tera)─▶ text
//! text ─outline─▶ Speech ─lint─▶ findings        Speech ─output─▶ txt · md · html · docx · json
//! ```
//!
//! One document model ([`model::Speech`]) is shared by the parser, the planner, the renderer, the
//! outputs and the linter.

/// The lexicon as static data, which the build script wrote into `OUT_DIR` (`build.rs` defines
/// its own, with empty lists, for the modules it compiles too).
macro_rules! built_lexicon {
    () => {
        include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
    };
}

pub mod cli;
pub mod cmd;
pub mod corpus;
pub mod curate;
pub mod draft;
pub mod error;
pub mod fuzzing;
pub mod hash;
pub mod io;
pub mod lexicon;
pub mod lint;
pub mod mine;
pub mod model;
pub mod numerals;
pub mod output;
pub mod phrasebank;
pub mod plan;
pub mod project;
pub mod prose;
pub mod render;
pub mod shipped;
pub mod spec;
pub mod text;
pub mod topic;
pub mod yamlpos;

pub use error::{Diagnostic, Error, Result};
