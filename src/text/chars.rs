//! What kind of character a character is, for every rule that tells Chinese text from the rest:
//! the normaliser, the outline parser, the linter, the prose rules and the phrasebank tools all
//! ask here, so that they agree on what counts as a Han character.

/// True for a CJK ideograph: the Unified Ideographs (U+4E00–U+9FFF), Extension A
/// (U+3400–U+4DBF) and the Compatibility Ideographs (U+F900–U+FAFF).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// True for full-width Chinese punctuation.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '…'
            | '—'
    )
}

#[cfg(test)]
mod tests {
    use super::{is_cjk_punct, is_han};

    #[test]
    fn han_covers_the_unified_extension_a_and_compatibility_blocks() {
        for c in ['县', '㐀', '䶵', '豈', '龥'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['a', '1', '，', '　', 'ｱ', '〇'] {
            assert!(!is_han(c), "{c}");
        }
    }

    #[test]
    fn cjk_punct_is_full_width_only() {
        assert!(is_cjk_punct('，') && is_cjk_punct('—') && is_cjk_punct('《'));
        assert!(!is_cjk_punct(',') && !is_cjk_punct('.') && !is_cjk_punct('县'));
    }
}
