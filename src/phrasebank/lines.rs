//! Where things are in a phrasebank file's text, found by its lines (the YAML parser says where
//! an error is, not where each entry or key is): the entries' and sub-topics' lines, a top-level
//! key's line, and the block list of entries the reader reads a slice at a time.

/// Where a file's `entries:` block list is: its items' first lines (1-based) and byte offsets,
/// and the byte offset past its last line.
pub(super) struct BlockList {
    pub lines: Vec<usize>,
    pub starts: Vec<usize>,
    pub end: usize,
}

/// The block list under a top-level `entries:` key with nothing after it on its line; None when
/// there is none (no key, a flow list, an empty list).
pub(super) fn block_list(text: &str) -> Option<BlockList> {
    let mut offset = 0;
    let mut found = false;
    let mut indent: Option<usize> = None;
    let mut list = BlockList {
        lines: Vec::new(),
        starts: Vec::new(),
        end: text.len(),
    };
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let at = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        let top = body.len() == trimmed.len();
        if !found {
            if top && let Some(rest) = trimmed.strip_prefix("entries:") {
                let rest = rest.trim();
                if !(rest.is_empty() || rest.starts_with('#')) {
                    return None;
                }
                found = true;
            }
            continue;
        }
        if top && !trimmed.is_empty() && !trimmed.starts_with('#') && !trimmed.starts_with('-') {
            list.end = at;
            break;
        }
        if !(trimmed.starts_with("- ") || trimmed == "-") {
            continue;
        }
        let ind = body.len() - trimmed.len();
        if *indent.get_or_insert(ind) == ind {
            list.lines.push(i + 1);
            list.starts.push(at);
        }
    }
    (!list.starts.is_empty()).then_some(list)
}

/// The 1-based line of a top-level `key:` (1 when there is none).
pub(super) fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
        .map_or(1, |i| i + 1)
}

/// The 1-based line of each entry (each `- ` item directly under `entries:`), in order.
pub fn entry_lines(text: &str) -> Vec<usize> {
    item_lines(text, "entries")
}

/// The 1-based line of each item directly under a top-level `key:` list, in order.
pub(super) fn item_lines(text: &str, key: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut item_indent: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if indent == 0
            && !trimmed.is_empty()
            && !trimmed.starts_with('#')
            && !trimmed.starts_with('-')
        {
            inside = trimmed
                .strip_prefix(key)
                .is_some_and(|r| r.starts_with(':'));
            continue;
        }
        if !inside || !(trimmed.starts_with("- ") || trimmed == "-") {
            continue;
        }
        match item_indent {
            None => {
                item_indent = Some(indent);
                out.push(i + 1);
            }
            Some(ind) if ind == indent => out.push(i + 1),
            _ => {}
        }
    }
    out
}
