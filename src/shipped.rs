//! The files shipped with wengao, compiled into the binary: every file under `phrasebank/` and
//! `templates/` as written (comments and all), listed by the build script (`build.rs`).
//!
//! The templates load from here when no folder is named ([`crate::render::Templates::embedded`]);
//! the phrasebank is drafted from its compact form ([`crate::phrasebank::embedded`]), and its
//! files here are what `wengao phrasebank export` writes out for curators.

/// (path relative to the repository root, text), sorted by path.
pub static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/shipped.rs"));

/// The shipped files under a folder (`templates/`), with their paths relative to it.
pub fn under(dir: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    FILES.iter().filter_map(move |(path, text)| {
        path.strip_prefix(dir)
            .and_then(|p| p.strip_prefix('/'))
            .map(|rel| (rel, *text))
    })
}

/// The text of one shipped file (`templates/preview/index.html.tera`).
pub fn file(path: &str) -> Option<&'static str> {
    FILES
        .binary_search_by(|(p, _)| (*p).cmp(path))
        .ok()
        .map(|i| FILES[i].1)
}
