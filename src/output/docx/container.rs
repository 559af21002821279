//! The container: a zip archive written and read with the `zip` crate. Entries are deflated, in
//! a fixed order, with the timestamp 1980-01-01 00:00 and fixed permissions, so the same parts
//! always give the same bytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The zip archive of `parts` (name, content), in order.
pub(super) fn write(parts: &[(&str, String)]) -> crate::Result<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644)
        .large_file(false);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, xml) in parts {
        let failed = |e: std::io::Error| crate::Error::io(*name, "write the Word package", e);
        zip.start_file(*name, options)
            .map_err(|e| failed(e.into()))?;
        zip.write_all(xml.as_bytes()).map_err(failed)?;
    }
    let out = zip
        .finish()
        .map_err(|e| crate::Error::io("docx", "write the Word package", e.into()))?;
    Ok(out.into_inner())
}

/// The entries of a zip archive by name, in archive order. A malformed archive gives what could
/// be read (nothing when its directory cannot be read).
pub fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let Ok(mut zip) = ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else { continue };
        let mut data = Vec::new();
        if f.read_to_end(&mut data).is_ok() {
            out.push((f.name().to_string(), data));
        }
    }
    out
}

/// The text of each paragraph (`w:p`) of `word/document.xml` in a docx that `to_docx` wrote: the
/// `w:t` texts of the paragraph joined. Equal to [`plain_lines`](crate::output::plain_lines) of the speech.
pub fn docx_text(bytes: &[u8]) -> Vec<String> {
    let Some((_, xml)) = zip_entries(bytes)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
    else {
        return Vec::new();
    };
    let xml = String::from_utf8_lossy(&xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut rest = &xml[..];
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let name = tag.split([' ', '/']).next().unwrap_or("");
        let self_closing = tag.ends_with('/');
        match name {
            "w:p" if !tag.starts_with('/') => {
                if self_closing {
                    out.push(String::new());
                } else {
                    current = Some(String::new());
                }
            }
            "" if tag == "/w:p" => {
                if let Some(p) = current.take() {
                    out.push(p);
                }
            }
            "w:t" if !self_closing => {
                let end = rest.find("</w:t>").unwrap_or(rest.len());
                if let Some(p) = current.as_mut() {
                    p.push_str(&unescape(&rest[..end]));
                }
                rest = &rest[end..];
            }
            _ => {}
        }
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';') else { break };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
