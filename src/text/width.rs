//! How wide a text stands in a terminal or a monospaced file: the cells it takes.

/// The display width of a text: CJK and full-width characters take two cells, ASCII and
/// half-width katakana one.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if c.is_ascii() || ('\u{ff61}'..='\u{ff9f}').contains(&c) {
                1
            } else {
                2
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::width;

    #[test]
    fn han_take_two_cells_ascii_and_half_width_one() {
        assert_eq!(width("ab"), 2);
        assert_eq!(width("全县"), 4);
        assert_eq!(width("，"), 2);
        assert_eq!(width("ｱ"), 1);
    }
}
