//! The meeting kind a meeting's name or a speech's title says: one rule for `mine` (which
//! groups the corpus's part orders by kind) and `spec-from` (which writes the spec's `kind`).
//!
//! The words are tried in order and the first found decides, so a joint meeting goes by the
//! word that says most about its agenda: 重点工作 first (依法行政暨重点工作推进会议 is a key-work
//! meeting), then 全体, then the field (经济运行, 依法行政 or 法治, 安全, 招商 or 营商: a
//! 招商引资工作推进会 is an investment meeting), then 推进, and 廉政 last (a 廉政工作会议 is held with
//! the 全体会议, so 经济运行暨廉政工作会 is an economy meeting). A name with none of them is a
//! key-work meeting.

use crate::spec::Kind;

/// The words that name a kind, in the order they are tried.
const KIND_WORDS: &[(&[&str], Kind)] = &[
    (&["重点工作"], Kind::KeyWork),
    (&["全体"], Kind::Plenary),
    (&["经济运行"], Kind::Economy),
    (&["依法行政", "法治"], Kind::RuleOfLaw),
    (&["安全"], Kind::Safety),
    (&["招商", "营商"], Kind::Investment),
    (&["推进"], Kind::KeyWork),
    (&["廉政"], Kind::Plenary),
];

/// The meeting kind a name or title says (key work when it says none).
pub fn kind_named(name: &str) -> Kind {
    KIND_WORDS
        .iter()
        .find(|(words, _)| words.iter().any(|w| name.contains(w)))
        .map_or(Kind::KeyWork, |(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::kind_named;
    use crate::spec::Kind;

    #[test]
    fn the_first_word_found_decides() {
        let cases = [
            (
                "在2024年县政府全体（扩大）会议暨廉政工作会议上的讲话",
                Kind::Plenary,
            ),
            ("在县政府经济运行暨廉政工作会上的讲话", Kind::Economy),
            (
                "县长在全县依法行政暨全县重点工作推进会议上的讲话",
                Kind::KeyWork,
            ),
            ("全县法治政府建设工作会议", Kind::RuleOfLaw),
            ("全县安全生产工作会议", Kind::Safety),
            ("全县招商引资工作会议", Kind::Investment),
            ("全县优化营商环境大会", Kind::Investment),
            ("县政府廉政工作会议", Kind::Plenary),
            ("全县招商引资工作推进会", Kind::Investment),
            ("全县安全生产工作推进会", Kind::Safety),
            ("全县项目建设推进会", Kind::KeyWork),
            ("全县重点项目观摩会", Kind::KeyWork),
        ];
        for (name, kind) in cases {
            assert_eq!(kind_named(name), kind, "{name}");
        }
    }
}
