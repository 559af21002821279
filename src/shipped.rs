//! The files shipped with wengao, compiled into the binary: every file under `phrasebank/` and
//! `templates/` as written (comments and all), listed by the build script (`build.rs`).
//!
//! The templates load from here when no folder is named ([`crate::render::Templates::embedded`]);
//! the phrasebank is drafted from its compact form ([`crate::phrasebank::embedded`]), and its
//! files here are what `wengao phrasebank export` writes out for curators.

/// The paths relative to the repository root, sorted, one a line; kept apart from the texts, so
/// that finding a file reads these bytes only (a path stored beside its file's text cost a page
/// fault per file looked at).
static PATHS: &str = include_str!(concat!(env!("OUT_DIR"), "/shipped_paths.txt"));

/// The texts, in the order of [`PATHS`].
static TEXTS: &[&str] = include!(concat!(env!("OUT_DIR"), "/shipped_texts.rs"));

/// Every shipped file: (path relative to the repository root, text), sorted by path.
pub fn files() -> impl Iterator<Item = (&'static str, &'static str)> {
    PATHS.lines().zip(TEXTS.iter().copied())
}

/// The shipped files under a folder (`templates/`), with their paths relative to it.
pub fn under(dir: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    files().filter_map(move |(path, text)| {
        path.strip_prefix(dir)
            .and_then(|p| p.strip_prefix('/'))
            .map(|rel| (rel, text))
    })
}

/// The text of one shipped file (`templates/preview/index.html.tera`).
pub fn file(path: &str) -> Option<&'static str> {
    files().find(|(p, _)| *p == path).map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    /// Each path has its own text: as many paths as texts, and a template's text is its own.
    #[test]
    fn paths_and_texts_pair_up() {
        assert_eq!(super::PATHS.lines().count(), super::TEXTS.len());
        let speech = super::file("templates/speech.tera").expect("shipped");
        let on_disk = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/speech.tera"),
        )
        .expect("in the checkout");
        assert_eq!(speech, on_disk);
    }
}
