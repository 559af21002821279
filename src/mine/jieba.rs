//! Word boundaries by jieba: a theme word or a slogan's first item counts only where jieba cuts
//! a whole word, and only the block of text holding it is cut.

use ::jieba_rs::Jieba;

use super::Miner;

/// Whether jieba puts a character in its blocks of words (its `RE_HAN_DEFAULT` class: CJK
/// ideographs, ASCII letters and digits, `+#&._%-`); other characters are cut one by one.
fn jieba_word_char(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}')
        || c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// The block jieba cuts on its own that holds `s[start..end]` (which must be block characters),
/// with its byte offset in `s`. Jieba splits a text into such blocks and cuts each one apart, so
/// cutting the block alone gives the same words there as cutting all of `s`, for less work.
fn jieba_block(s: &str, start: usize, end: usize) -> (usize, &str) {
    let b = s[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| jieba_word_char(c))
        .last()
        .map_or(start, |(i, _)| i);
    let e = s[end..]
        .char_indices()
        .find(|&(_, c)| !jieba_word_char(c))
        .map_or(s.len(), |(i, _)| end + i);
    (b, &s[b..e])
}

impl Miner {
    /// The jieba dictionary (loaded here if no other thread is loading it; else waits for it).
    pub(super) fn jieba(&self) -> &Jieba {
        self.jieba.get_or_init(|| std::sync::Arc::new(Jieba::new()))
    }

    /// True when `word` occurs in `s` aligned with jieba's word boundaries.
    pub(super) fn is_whole_word(&self, s: &str, word: &str) -> bool {
        let Some(pos) = s.find(word) else {
            return false;
        };
        let end = pos + word.len();
        // Only the block holding the word decides (`word` is Chinese, so it is in one block).
        let (b, block) = jieba_block(s, pos, end);
        let tokens = self.jieba().cut(block, false);
        tokens.iter().any(|t| b + t.byte_start == pos)
            && tokens.iter().any(|t| b + t.byte_end == end)
    }

    /// True when the trailing `tail` of `clause`'s first item starts at a word boundary.
    pub(super) fn whole_word_end(&self, clause: &str, tail: &str) -> bool {
        let first = clause.split('、').next().unwrap_or("");
        if first == tail {
            return true;
        }
        let pos = first.len() - tail.len();
        // `tail` is Chinese: only the block holding it decides.
        let (b, block) = jieba_block(first, pos, first.len());
        self.jieba()
            .cut(block, false)
            .iter()
            .any(|t| b + t.byte_start == pos)
    }
}
