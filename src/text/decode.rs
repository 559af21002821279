//! Reading the bytes of a speech as text: UTF-8 (with or without a byte-order mark) or
//! GBK/GB18030, the two encodings Chinese government text comes in; anything else is refused with
//! how to convert it, never guessed. Used by `normalize`, `outline` and `mine` alike.

use crate::{Diagnostic, Result};

/// Decode UTF-8 or GBK/GB18030; anything else is refused with how to convert.
pub fn decode(path: &str, bytes: &[u8]) -> Result<(String, bool)> {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(b) {
        return Ok((s.to_string(), false));
    }
    let (s, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(b);
    if !had_errors {
        return Ok((s.into_owned(), true));
    }
    Err(
        Diagnostic::new(path, "the file is neither UTF-8 nor GBK/GB18030 text")
            .help(format!(
                "convert it to UTF-8 first, e.g. `iconv -f BIG5 -t UTF-8 {path} > clean.txt`"
            ))
            .into(),
    )
}

/// [`decode`] taking the bytes: UTF-8 text is kept as is, without a copy.
pub fn decode_owned(path: &str, bytes: Vec<u8>) -> Result<(String, bool)> {
    if !bytes.starts_with(b"\xEF\xBB\xBF") {
        match String::from_utf8(bytes) {
            Ok(s) => return Ok((s, false)),
            Err(e) => return decode(path, e.as_bytes()),
        }
    }
    decode(path, &bytes)
}
