//! Tests of the compact form: the round trip, the selection index, the cache's checks.

use std::path::PathBuf;

use super::*;

fn decode(bytes: &[u8], dir: &Path) -> Option<Phrasebank> {
    decode_checked(bytes, bytes.len() as u64, dir, &mut |_, _| None).ok()
}

#[test]
fn the_shipped_phrasebank_round_trips_through_the_cache_format() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("phrasebank");
    let mut files = Vec::new();
    super::super::read::collect_yaml(&dir, &mut files).unwrap();
    files.sort();
    let sources: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|f| {
            let t = std::fs::read_to_string(&f).unwrap();
            (f, t)
        })
        .collect();
    let pb = Phrasebank::from_sources(&dir, &sources).unwrap();
    let back = decode(&encode(&pb), &dir).unwrap();
    assert_eq!(back.phrases, pb.phrases);
    assert_eq!(back.themes, pb.themes);
    assert_eq!(back.by_role, pb.by_role);
    assert_eq!(back.by_role_theme, pb.by_role_theme);
    // A damaged cache is ignored, never trusted.
    let bytes = encode(&pb);
    assert!(decode(&bytes[..bytes.len() - 3], &dir).is_none());
    assert!(decode(b"wgpb0002", &dir).is_none());
    // A cache that is well-formed but not what was written (a word changed in place,
    // 重要 → 次要, same length) fails its checksum and is ignored.
    let (from, to) = ("重要".as_bytes(), "次要".as_bytes());
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("the phrasebank says 重要 somewhere");
    let mut bad = bytes.clone();
    bad[at..at + to.len()].copy_from_slice(to);
    assert!(decode(&bad, &dir).is_none());
    assert_eq!(
        decode_checked(&bad[..], bad.len() as u64, &dir, &mut |_, _| None).err(),
        Some(Unread::Checksum)
    );
}

/// A selection reads the same entries, in the same order, whether the records are walked
/// (a cache file) or looked up through the selection index (the built-in phrasebank), and
/// they are the entries `Selection::keeps` keeps of the whole phrasebank.
#[test]
fn the_selection_index_keeps_what_the_walk_keeps() {
    let whole = Phrasebank::embedded().unwrap();
    let bytes = encode(&whole);
    let dir = Path::new(super::super::embedded::DIR);
    let themes: Vec<String> = whole.themes.iter().map(|t| t.name.clone()).collect();
    let topics: Vec<String> = whole
        .topic_map
        .topics
        .iter()
        .map(|t| t.name.to_string())
        .collect();
    let selections = [
        Selection {
            themes: Some(themes[..3].to_vec()),
            topics: topics.iter().rev().take(5).cloned().collect(),
            by_topic: Vec::new(),
        },
        // Two of the themes drawn by sub-topic: their measures only for the sub-topics wanted.
        Selection {
            themes: Some(themes[..3].to_vec()),
            topics: topics.iter().step_by(5).cloned().collect(),
            by_topic: themes[..2].to_vec(),
        },
        Selection {
            themes: Some(vec![themes[themes.len() - 1].clone()]),
            topics: Vec::new(),
            by_topic: Vec::new(),
        },
        Selection {
            themes: Some(Vec::new()),
            topics: topics.iter().step_by(7).cloned().collect(),
            by_topic: Vec::new(),
        },
        Selection {
            themes: None,
            topics: Vec::new(),
            by_topic: Vec::new(),
        },
    ];
    for chosen in selections {
        let mut select = |_: &[Theme], _: &crate::topic::TopicMap| Some(chosen.clone());
        let walked = decode_checked(&bytes[..], bytes.len() as u64, dir, &mut select).unwrap();
        // The built-in form is the binary's own text: here, one leaked for the test.
        let form: &'static str = String::leak(
            String::from_utf8(bytes.clone()).expect("the compact form is UTF-8 as a whole"),
        );
        let looked_up = decode_trusted(form, None, dir, &mut select).unwrap();
        // With the map's indexes given as arrays (as the binary's own are), the same.
        let (first_pair, pair_topics) = whole.topic_map.indexes();
        let statics = (
            &*Vec::leak(first_pair.to_vec()),
            &*Vec::leak(pair_topics.to_vec()),
        );
        let in_place = decode_trusted(form, Some(statics), dir, &mut select).unwrap();
        assert_eq!(in_place.phrases, looked_up.phrases);
        assert_eq!(in_place.topic_map.indexes(), looked_up.topic_map.indexes());
        let mut kept = whole.phrases.clone();
        kept.retain(|p| chosen.keeps(p.status, p.role, &p.themes, &p.topics));
        assert!(!kept.is_empty() && kept.len() < whole.phrases.len() || chosen.themes.is_none());
        assert_eq!(looked_up.phrases, kept);
        assert_eq!(walked.phrases, kept);
        assert_eq!(looked_up.by_role_topic, walked.by_role_topic);
    }
}

proptest::proptest! {
    /// A number written in groups of seven bits reads back as itself, in ASCII bytes only.
    #[test]
    fn numbers_round_trip_in_seven_bit_groups(a in proptest::prelude::any::<u32>(), b in proptest::prelude::any::<u64>()) {
        let (sa, sb) = (seven::<U32>(u64::from(a)), seven::<U64>(b));
        proptest::prop_assert!(sa.iter().chain(&sb).all(u8::is_ascii));
        proptest::prop_assert_eq!(unseven32(&sa), Some(a));
        proptest::prop_assert_eq!(unseven64(&sb), Some(b));
    }
}

/// Bytes that are not a number's are refused: a byte above 0x7f, or more than the type holds.
#[test]
fn numbers_out_of_form_are_refused() {
    assert_eq!(unseven32(&[0x80, 0, 0, 0, 0]), None);
    assert_eq!(unseven32(&[0, 0, 0, 0, 0x10]), None);
    assert_eq!(unseven32(&[0x7f, 0x7f, 0x7f, 0x7f, 0x0f]), Some(u32::MAX));
    assert_eq!(unseven64(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 2]), None);
    assert_eq!(
        unseven64(&[0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 1]),
        Some(u64::MAX)
    );
}
