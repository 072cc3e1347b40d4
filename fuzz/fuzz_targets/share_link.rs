//! Any text given as a share link's payload: decoding never panics.
//! Built only with `--features share` (the decoder is written elsewhere).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = sitebudget::io::share::read_share(text);
    }
});
