//! A phrasebank file: the strict loader and `phrasebank lint`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    wengao::fuzzing::phrasebank(data);
});
