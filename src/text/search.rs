//! Finding a short word in a short text, in place: `str::find` sets up a two-way searcher on
//! every call (a third of a draft's `str` searching was that set-up), and the words the planner
//! and the prose rules look for are two to six characters in sentences of fifty.

/// Where `word` first starts in `text`, if it is there.
pub fn find(text: &str, word: &str) -> Option<usize> {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    let Some(&last) = w.last() else {
        return Some(0);
    };
    // A place is compared whole only when its last byte is the word's (for Chinese, a
    // continuation byte: rarely the same by chance). UTF-8 is self-synchronising, so a match
    // of the whole word's bytes starts on a character.
    let n = w.len();
    if t.len() < n {
        return None;
    }
    (n - 1..t.len())
        .find(|&e| t[e] == last && &t[e + 1 - n..=e] == w)
        .map(|e| e + 1 - n)
}

/// Whether `word` is in `text` ([`find`]).
pub fn contains(text: &str, word: &str) -> bool {
    find(text, word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_as_str_find_does() {
        let texts = [
            "",
            "抓好",
            "切实抓好安全生产，抓好防汛",
            "aXbXc",
            "强化推进强化",
            "做好做好",
        ];
        let words = [
            "",
            "抓好",
            "防汛",
            "X",
            "强化",
            "做好做好",
            "好做",
            "c",
            "安全生产工作",
        ];
        for t in texts {
            for w in words {
                assert_eq!(find(t, w), t.find(w), "{t:?} {w:?}");
                assert_eq!(contains(t, w), t.contains(w));
            }
        }
    }
}
