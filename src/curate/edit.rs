//! Edits as text: an entry appended, a key set, under the phrasebank's lock. A file is never
//! re-serialised: every comment, quote and indent stays as it was, and each edit is checked to
//! read back as exactly the old entries plus the change.

use std::path::Path;

use crate::error::{Error, Result};
use crate::phrasebank::{RawFile, RawPhrase, Status, entry_lines};

/// Read-modify-write under the lock: `edit` gets the file's text and returns the new text and a
/// value; the file is re-read before the rename and the edit redone if it changed meanwhile.
/// The lock is the phrasebank directory's ([`crate::io::DirLock`]), shared with `mine --merge`.
pub(super) fn locked_edit<T>(
    dir: &Path,
    file: &Path,
    mut edit: impl FnMut(&str) -> Result<(String, T)>,
) -> Result<T> {
    let _lock = crate::io::DirLock::acquire(dir)?;
    for _ in 0..5 {
        let before = crate::io::read_file_text(file)?;
        let (after, value) = edit(&before)?;
        let now = crate::io::read_file_text(file)?;
        if now != before {
            continue; // someone wrote without the lock: redo the edit on the new text
        }
        crate::io::write_atomic(file, after.as_bytes(), true)?;
        return Ok(value);
    }
    Err(Error::Usage(format!(
        "`{}` keeps changing under the edit; try again",
        file.display()
    )))
}

/// A YAML scalar for `s`: plain when that reads back as the same string, else single-quoted.
pub fn yaml_scalar(s: &str, in_flow: bool) -> String {
    let plain_ok = !s.is_empty()
        && s.trim() == s
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control())
        && !(in_flow && s.contains([',', '[', ']', '{', '}']))
        && serde_yaml::from_str::<serde_yaml::Value>(s)
            .ok()
            .and_then(|v| v.as_str().map(|x| x == s))
            == Some(true);
    if plain_ok {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

/// The entries block of a file: (line index of `entries:`, index past its last line).
fn entries_block(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| l.starts_with("entries:"))?;
    let mut end = lines.len();
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        let t = l.trim_start();
        if l.len() == t.len() && !t.is_empty() && !t.starts_with('#') && !t.starts_with('-') {
            end = i;
            break;
        }
    }
    Some((start, end))
}

fn is_content(l: &str) -> bool {
    let t = l.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The fields of a block entry, in an order like the file's own.
fn entry_fields(e: &RawPhrase) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("id", yaml_scalar(&e.id, false)),
        ("role", e.role.clone()),
        ("text", yaml_scalar(&e.text, false)),
    ];
    if !e.themes.is_empty() {
        let items: Vec<String> = e.themes.iter().map(|t| yaml_scalar(t, true)).collect();
        f.push(("themes", format!("[{}]", items.join(", "))));
    }
    if !e.topics.is_empty() {
        let items: Vec<String> = e.topics.iter().map(|t| yaml_scalar(t, true)).collect();
        f.push(("topics", format!("[{}]", items.join(", "))));
    }
    if !e.kinds.is_empty() {
        f.push(("kinds", format!("[{}]", e.kinds.join(", "))));
    }
    if let Some(y) = &e.years {
        f.push(("years", yaml_scalar(y.as_str(), false)));
    }
    if let Some(w) = e.weight {
        f.push(("weight", w.to_string()));
    }
    if let Some(s) = &e.source {
        f.push(("source", yaml_scalar(s, false)));
    }
    if let Some(s) = e.status {
        let name = match s {
            Status::Curated => "curated",
            Status::Candidate => "candidate",
            Status::Retired => "retired",
        };
        f.push(("status", name.to_string()));
    }
    f
}

/// The key order of the last block entry in the file (keys at the entry's key indent).
fn key_order(lines: &[&str], item_start: usize, end: usize, key_indent: usize) -> Vec<String> {
    let mut keys = Vec::new();
    for (k, l) in lines[item_start..end].iter().enumerate() {
        let body = if k == 0 {
            l.get(key_indent..).unwrap_or("")
        } else {
            l.strip_prefix(&" ".repeat(key_indent)).unwrap_or("")
        };
        if body.starts_with(' ') || body.starts_with('{') {
            continue;
        }
        if let Some((key, _)) = body.split_once(':') {
            keys.push(key.trim().to_string());
        }
    }
    keys
}

/// Insert an entry at the end of the `entries:` list of a file's text, keeping every byte before it.
/// Returns the new text and the 1-based line of the new entry.
pub fn append_entry(text: &str, e: &RawPhrase) -> Result<(String, usize)> {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.lines().collect();
    let starts = entry_lines(text);
    // Indentation style from the existing entries.
    let (item_indent, key_indent, order) = match starts.last() {
        Some(&last) => {
            let l = lines[last - 1];
            let ii = l.len() - l.trim_start().len();
            let after = &l[ii + 1..];
            let ki = ii + 1 + (after.len() - after.trim_start().len());
            let (_, end) = entries_block(&lines).unwrap_or((0, lines.len()));
            let order = key_order(&lines, last - 1, end, ki);
            (
                ii,
                if after.trim_start().starts_with('{') {
                    ii + 2
                } else {
                    ki
                },
                order,
            )
        }
        None => (2, 4, Vec::new()),
    };
    let mut fields = entry_fields(e);
    // Quote the text as the last entry does (`text: "…"` is common in hand-written files).
    if let Some(&last) = starts.last() {
        let (_, end) = entries_block(&lines).unwrap_or((0, lines.len()));
        let double = lines[last - 1..end].iter().any(|l| {
            l.trim_start()
                .trim_start_matches("- ")
                .trim_start()
                .starts_with("text: \"")
        });
        if double {
            for f in fields.iter_mut().filter(|f| f.0 == "text") {
                f.1 = format!("\"{}\"", e.text.replace('\\', "\\\\").replace('"', "\\\""));
            }
        }
    }
    fields.sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
    let mut block = String::new();
    for (i, (k, v)) in fields.iter().enumerate() {
        if i == 0 {
            block.push_str(&format!(
                "{}- {}{k}: {v}{nl}",
                " ".repeat(item_indent),
                " ".repeat(key_indent - item_indent - 2)
            ));
        } else {
            block.push_str(&format!("{}{k}: {v}{nl}", " ".repeat(key_indent)));
        }
    }
    let mut out = String::with_capacity(text.len() + block.len() + 16);
    let line_no;
    match entries_block(&lines) {
        Some((start, end)) => {
            let header_rest = lines[start]["entries:".len()..].trim();
            let header_is_empty_flow = header_rest.starts_with("[]");
            let last_content = (start + 1..end).rev().find(|&i| is_content(lines[i]));
            let insert_after = match last_content {
                Some(i) if !header_is_empty_flow => i,
                _ => start,
            };
            // Byte offset of the end of line `insert_after` (including its newline).
            let mut offset = 0;
            for (i, l) in text.split_inclusive('\n').enumerate() {
                offset += l.len();
                if i == insert_after {
                    break;
                }
            }
            if header_is_empty_flow {
                // `entries: []` → `entries:` followed by the first entry.
                let line_start: usize = text.split_inclusive('\n').take(start).map(str::len).sum();
                out.push_str(&text[..line_start]);
                out.push_str("entries:");
                out.push_str(nl);
                out.push_str(&block);
                out.push_str(&text[offset..]);
                line_no = start + 2;
            } else {
                out.push_str(&text[..offset]);
                if !out.ends_with('\n') {
                    out.push_str(nl);
                }
                out.push_str(&block);
                out.push_str(&text[offset..]);
                line_no = insert_after + 2;
            }
        }
        None => {
            out.push_str(text);
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(nl);
            }
            out.push_str("entries:");
            out.push_str(nl);
            line_no = out.lines().count() + 1;
            out.push_str(&block);
        }
    }
    Ok((out, line_no))
}

pub(super) fn parse_raw(file: &Path, text: &str) -> Result<RawFile> {
    if crate::yamlpos::too_deep(text).is_some() {
        return Err(Error::Usage(format!(
            "`{}` is nested too deep to be a phrasebank file; fix it first (`wengao phrasebank lint`)",
            file.display()
        )));
    }
    serde_yaml::from_str(text).map_err(|e| {
        Error::Usage(format!(
            "`{}` does not parse ({}); fix it first (`wengao phrasebank lint`)",
            file.display(),
            crate::phrasebank::yaml_message(&e)
        ))
    })
}

/// Set `status: retired` on entry `idx` of a file's text (add the key when it is missing).
pub(super) fn set_status_retired(text: &str, idx: usize) -> Result<String> {
    set_entry_key(text, idx, "status", "retired")
}

/// Set `key: value` on entry `idx` of a file's text, replacing the key's value or adding the key
/// (a text edit: every other line, comment and quote stays as it is).
pub(super) fn set_entry_key(text: &str, idx: usize, key: &str, value: &str) -> Result<String> {
    let prefix_of = format!("{key}:");
    let set = format!("{key}: {value}");
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let starts = entry_lines(text);
    let Some(&first) = starts.get(idx) else {
        return Err(Error::Internal("entry not found in the text".into()));
    };
    let refs: Vec<&str> = text.lines().collect();
    let (_, block_end) = entries_block(&refs).unwrap_or((0, refs.len()));
    let end = starts.get(idx + 1).map(|l| l - 1).unwrap_or(block_end);
    let s = first - 1;
    let head = lines[s].clone();
    let ii = head.len() - head.trim_start().len();
    let after_dash = &head[ii + 1..];
    let ki = ii + 1 + (after_dash.len() - after_dash.trim_start().len());
    if after_dash.trim_start().starts_with('{') {
        // A flow entry on one line: `- {id: a, role: measure, text: x}`.
        let Some(close) = head.rfind('}') else {
            return Err(Error::Usage(
                "cannot edit a flow entry spanning lines".into(),
            ));
        };
        let inner = &head[ki + 1..close];
        let parts: Vec<String> = inner
            .split(',')
            .map(|p| {
                if p.trim_start().starts_with(prefix_of.as_str()) {
                    let lead = &p[..p.len() - p.trim_start().len()];
                    format!("{lead}{set}")
                } else {
                    p.to_string()
                }
            })
            .collect();
        let mut body = parts.join(",");
        if !inner
            .split(',')
            .any(|p| p.trim_start().starts_with(prefix_of.as_str()))
        {
            body = format!("{}, {set}", body.trim_end());
        }
        lines[s] = format!("{}{{{}}}{}", &head[..ki], body, &head[close + 1..]);
    } else {
        let pad = " ".repeat(ki);
        let mut found = false;
        for (k, line) in lines.iter_mut().enumerate().take(end).skip(s) {
            let body = if k == s {
                line.get(ki..).unwrap_or("").to_string()
            } else {
                line.strip_prefix(&pad).unwrap_or(" ").to_string()
            };
            if body.starts_with(prefix_of.as_str()) {
                let prefix = if k == s {
                    head[..ki].to_string()
                } else {
                    pad.clone()
                };
                let comment = body
                    .find(" #")
                    .map(|i| body[body[..i].trim_end().len()..].to_string())
                    .unwrap_or_default();
                *line = format!("{prefix}{set}{comment}");
                found = true;
                break;
            }
        }
        if !found {
            let last = (s..end).rev().find(|&i| is_content(&lines[i])).unwrap_or(s);
            lines.insert(last + 1, format!("{pad}{set}"));
        }
    }
    let mut out = lines.join(nl);
    if text.ends_with('\n') {
        out.push_str(nl);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_scalars_read_back() {
        for s in [
            "要抓好{topic}。",
            "{topic}是关键。",
            "a: b",
            "2020",
            "true",
            "it's",
            "#x",
            "- x",
            "2021-2025",
        ] {
            let q = yaml_scalar(s, false);
            let v: serde_yaml::Value = serde_yaml::from_str(&format!("k: {q}")).unwrap();
            let back = match &v["k"] {
                serde_yaml::Value::String(x) => x.clone(),
                other => serde_yaml::to_string(other).unwrap().trim().to_string(),
            };
            assert_eq!(back, s, "{q}");
        }
        assert_eq!(yaml_scalar("要抓好项目。", false), "要抓好项目。");
        assert_eq!(yaml_scalar("{topic}是关键。", false), "'{topic}是关键。'");
    }

    fn raw(id: &str, text: &str) -> RawPhrase {
        RawPhrase {
            id: id.into(),
            role: "measure".into(),
            text: text.into(),
            themes: vec![],
            topics: vec![],
            kinds: vec![],
            years: None,
            weight: None,
            source: Some("written".into()),
            status: None,
            count: None,
        }
    }

    #[test]
    fn append_keeps_bytes_and_style() {
        let text = "# head comment\ntheme: 项目建设 # trailing\nentries:\n- id: a.1\n  role: measure   # aligned comment\n  text: 要抓好。\n  source: written\n\n# footer comment\n";
        let (out, line) = append_entry(text, &raw("a.2", "{topic}要抓好。")).unwrap();
        assert!(out.starts_with("# head comment\ntheme: 项目建设 # trailing\nentries:\n- id: a.1\n  role: measure   # aligned comment\n  text: 要抓好。\n  source: written\n"));
        assert!(out.ends_with("\n# footer comment\n"), "{out}");
        assert!(
            out.contains(
                "- id: a.2\n  role: measure\n  text: '{topic}要抓好。'\n  source: written\n"
            ),
            "{out}"
        );
        assert_eq!(line, 8);
        assert_eq!(out.lines().nth(line - 1).unwrap(), "- id: a.2");
        let (out2, _) = append_entry("theme: x\nentries: []\n", &raw("b.1", "要。")).unwrap();
        let f: RawFile = serde_yaml::from_str(&out2).unwrap();
        assert_eq!(f.entries.len(), 1);
        let (out3, l3) = append_entry(
            "theme: x\nentries:\n  - {id: c.1, role: measure, text: 要。}\n",
            &raw("c.2", "要抓。"),
        )
        .unwrap();
        let f: RawFile = serde_yaml::from_str(&out3).unwrap();
        assert_eq!(f.entries.len(), 2);
        assert_eq!(l3, 4);
        let (out4, _) = append_entry(
            "entries:\n  - id: d.1\n    role: measure\n    text: \"要。\"\n",
            &raw("d.2", "要\"抓\"。"),
        )
        .unwrap();
        assert!(
            out4.ends_with("    text: \"要\\\"抓\\\"。\"\n    source: written\n"),
            "{out4}"
        );
        let f: RawFile = serde_yaml::from_str(&out4).unwrap();
        assert_eq!(f.entries[1].text, "要\"抓\"。");
    }

    #[test]
    fn retire_edits_in_place() {
        let text = "entries:\n  - id: a\n    role: measure # c\n    text: 要。\n  - id: b\n    role: measure\n    text: 要抓。\n    status: candidate  # mined\n  - {id: c, role: measure, text: 抓}\n";
        let out = set_status_retired(text, 0).unwrap();
        assert_eq!(
            out,
            "entries:\n  - id: a\n    role: measure # c\n    text: 要。\n    status: retired\n  - id: b\n    role: measure\n    text: 要抓。\n    status: candidate  # mined\n  - {id: c, role: measure, text: 抓}\n"
        );
        let out = set_status_retired(text, 1).unwrap();
        assert!(out.contains("    status: retired  # mined\n"), "{out}");
        let out = set_status_retired(text, 2).unwrap();
        assert!(
            out.contains("  - {id: c, role: measure, text: 抓, status: retired}\n"),
            "{out}"
        );
    }
}
