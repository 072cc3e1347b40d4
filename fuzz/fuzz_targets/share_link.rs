//! Share links: any text as a fragment, and any bytes packed the way a real link packs
//! its JSON (raw deflate, base64url), so the decoder's inner layers are reached too.
//! Decoding never panics, and a link that opens makes a link that opens to the same.
#![no_main]

use base64::Engine;
use libfuzzer_sys::fuzz_target;
use sitebudget_core::io::share::{read_share, share_fragment};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let fragment = if mode % 2 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        let packed = miniz_oxide::deflate::compress_to_vec(rest, 1);
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed);
        format!("share=1.{b64}")
    };
    if let Ok(shared) = read_share(&fragment) {
        let again = share_fragment(&shared.doc, &shared.scenario, &shared.name);
        let back = read_share(&again).expect("a link made from an opened link opens");
        assert_eq!(back.doc, shared.doc);
        assert_eq!(back.scenario, shared.scenario);
    }
});
