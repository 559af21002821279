//! A spec file: the size and nesting guards, YAML, validation. Never a panic; every error is a
//! located `error:` message naming the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    wengao::fuzzing::spec(data);
});
