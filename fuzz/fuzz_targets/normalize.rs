//! A raw corpus file: decoding (UTF-8 or GBK), `normalize`, then the outline and lint of the
//! clean text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    wengao::fuzzing::normalize(data);
});
