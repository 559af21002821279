//! Text in general, before it is a speech: how its bytes are read ([`decode`]), how wide it
//! stands ([`width`]), what kind of character a character is ([`is_han`], [`is_cjk_punct`]) and
//! where a short word is in it ([`find`], [`contains`]), its first characters ([`prefix`]).
//! Each is defined here once and used by everyone (`build.rs` compiles `width.rs` alone, as
//! `text_width`, for the spec writer).

mod chars;
pub mod decode;
mod search;
mod width;

pub use chars::{is_cjk_punct, is_han};
pub use search::{contains, find};
pub use width::width;

/// The first `n` characters of a text (all of it when shorter), as a slice of it: no string
/// built a character at a time.
pub fn prefix(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}
