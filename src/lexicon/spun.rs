//! The words 伪原创 ("spinning") tools write in place of others: 开展 for 发展, 根底 for 基础,
//! 效劳 for 服务 … One list of pairs (spun form, original) for the two places that undo them:
//!
//! - `normalize` restores the [`RESTORED`] pairs in corpus text, each occurrence decided on its
//!   context by statistics of clean speeches (`corpus::despin`; its reference table,
//!   `despin_reference.tsv`, has a line a pair).
//! - `phrasebank lint` flags spun phrases in entries (`curate::wording`, which lists the phrases
//!   and the contexts a spun word shows in); the fix it suggests is the phrase with its pair's
//!   original ([`restore`]), from [`RESTORED`] or [`FLAGGED`].
//!
//! The pairs were read off the spun speeches of the seed corpus (`../shared/corpus`) and the
//! phrasebank's mined candidates. Some spun forms are genuine words too (开展精准招商, 取得进展,
//! 缺乏): neither user replaces one blindly.

/// A spinning tool's substitution: (the word it writes, the word it replaced).
pub type Pair = (&'static str, &'static str);

/// Pairs the corpus's spun speeches use often enough to restore from statistics; every word has
/// two distinct characters (`corpus::despin` counts them by adjacent characters). The order is
/// the reference table's.
pub const RESTORED: [Pair; 11] = [
    ("开展", "发展"),
    ("根底", "基础"),
    ("效劳", "服务"),
    ("稳固", "巩固"),
    ("比拟", "比较"),
    ("到达", "达到"),
    ("筹划", "策划"),
    ("兴旺", "发达"),
    ("缺乏", "不足"),
    ("进展", "发展"),
    ("缘由", "原因"),
];

/// Pairs too rare in the corpus to restore from statistics: only `phrasebank lint` flags them,
/// in the phrases `curate::wording` lists (转型晋级, 结构性变革, 树立健全, 进步水平).
pub const FLAGGED: [Pair; 4] = [
    ("晋级", "升级"),
    ("变革", "改革"),
    ("树立", "建立"),
    ("进步", "提高"),
];

/// The pair whose spun form `phrase` holds ([`RESTORED`] first, then [`FLAGGED`]), if any.
pub fn pair_in(phrase: &str) -> Option<Pair> {
    RESTORED
        .iter()
        .chain(&FLAGGED)
        .find(|(spun, _)| phrase.contains(spun))
        .copied()
}

/// `phrase` with the spun form of its pair ([`pair_in`]) replaced by the original, once.
pub fn restore(phrase: &str) -> Option<String> {
    pair_in(phrase).map(|(spun, original)| phrase.replacen(spun, original, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_restored_by_its_pair() {
        assert_eq!(restore("新开展理念").as_deref(), Some("新发展理念"));
        assert_eq!(restore("结构性变革").as_deref(), Some("结构性改革"));
        assert_eq!(restore("进步").as_deref(), Some("提高"));
        assert_eq!(restore("发展理念"), None);
    }

    #[test]
    fn each_spun_form_is_listed_once() {
        let all: Vec<Pair> = RESTORED.iter().chain(&FLAGGED).copied().collect();
        for (i, (spun, original)) in all.iter().enumerate() {
            assert_ne!(spun, original);
            assert!(
                all[..i].iter().all(|(s, _)| s != spun),
                "{spun} is listed twice"
            );
        }
    }
}
