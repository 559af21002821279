//! A draft as `outline` and `lint` read it (no normalising first).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    wengao::fuzzing::outline_lint(data);
});
