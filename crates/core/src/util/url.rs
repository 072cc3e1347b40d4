//! Query strings and URL components, read and written by the rust-url project's own
//! `form_urlencoded` and `percent-encoding` crates, so the rules are the ones browsers
//! use (`URLSearchParams`). Nothing here panics; bad escapes are kept as typed.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What [`encode_component`] escapes: everything but letters, digits, `-_.~` and `/`
/// (kept so that a path such as `budgets/a.json` stays readable in a link).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// Each `key=value` of a query string (with or without its `?`), decoded, the key in
/// lower case; a bare `key` has an empty value and empty pairs (`&&`) are skipped.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(key, value)| (key.to_ascii_lowercase(), value.into_owned()))
}

/// Decodes one query component: `+` is a space, `%XX` a byte, invalid UTF-8 becomes
/// U+FFFD; a `%` without two hex digits after it stays as typed.
pub fn decode_component(raw: &str) -> String {
    // `+` first: an escaped plus (`%2B`) must stay a plus.
    percent_decode_str(&raw.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// Decodes `%XX` escapes only (a `+` stays a `+`), for text that is not a query, such
/// as a fragment a mail client escaped.
pub fn percent_decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// Encodes a query value so that it reads back the same through [`decode_component`]
/// and [`query_pairs`]: `a b&c` is `a%20b%26c`.
pub fn encode_component(value: &str) -> String {
    // Collected piece by piece: smaller in the bundle than going through `Display`.
    utf8_percent_encode(value, COMPONENT).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decoding_handles_plus_escapes_utf8_and_broken_escapes() {
        assert_eq!(decode_component("a+b%20c"), "a b c");
        assert_eq!(decode_component("caf%C3%A9"), "café");
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
        assert_eq!(decode_component("é"), "é");
        // An escaped plus is a plus, a bare one a space.
        assert_eq!(decode_component("%2B5+x"), "+5 x");
        assert_eq!(decode_component("%e2%88%92"), "\u{2212}");
    }

    #[test]
    fn percent_decode_keeps_plus_and_broken_escapes() {
        assert_eq!(percent_decode("share%3D1.a+b"), "share=1.a+b");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("plain"), "plain");
    }

    #[test]
    fn encoding_keeps_paths_readable_and_escapes_the_rest() {
        assert_eq!(encode_component("a b&c"), "a%20b%26c");
        assert_eq!(
            encode_component("budgets/a-b_c.d~e.json"),
            "budgets/a-b_c.d~e.json"
        );
        // `é` is two UTF-8 bytes; the minus sign three.
        assert_eq!(encode_component("é\u{2212}"), "%C3%A9%E2%88%92");
        assert_eq!(encode_component("+#%?="), "%2B%23%25%3F%3D");
    }

    #[test]
    fn odd_characters_round_trip() {
        for s in [
            "budgets/a b.json",
            "x?y=1&z#w",
            "café/ü.json",
            "%41",
            "100%",
            "a+b",
            "+",
            " leading and trailing ",
            "&&==",
            "#frag",
            "日本語/予算.json",
            "emoji 🎒",
            "",
        ] {
            assert_eq!(decode_component(&encode_component(s)), s, "{s}");
            let query = format!("?src={}&next=1", encode_component(s));
            let pairs: Vec<_> = query_pairs(&query).collect();
            assert_eq!(
                pairs,
                vec![
                    ("src".to_owned(), s.to_owned()),
                    ("next".into(), "1".into())
                ],
                "{query}"
            );
        }
    }

    #[test]
    fn query_pairs_read_bare_keys_empty_pairs_and_case() {
        let pairs: Vec<_> = query_pairs("??embed&&SRC=a%20b.json&x=1=2&=v&").collect();
        let want = [("embed", ""), ("src", "a b.json"), ("x", "1=2"), ("", "v")];
        assert_eq!(
            pairs,
            want.map(|(k, v)| (k.to_owned(), v.to_owned())).to_vec()
        );
        assert_eq!(query_pairs("").count(), 0);
        assert_eq!(query_pairs("?").count(), 0);
        // Keys are decoded before they are compared.
        assert_eq!(
            query_pairs("%73rc=x").next(),
            Some(("src".into(), "x".into()))
        );
    }

    proptest! {
        #[test]
        fn any_text_round_trips(s in any::<String>()) {
            prop_assert_eq!(decode_component(&encode_component(&s)), s.clone());
            let query = format!("k={}", encode_component(&s));
            let pairs: Vec<_> = query_pairs(&query).collect();
            prop_assert_eq!(pairs, vec![("k".to_owned(), s)]);
        }

        #[test]
        fn decoding_never_panics(s in any::<String>()) {
            let _ = decode_component(&s);
            let _ = percent_decode(&s);
            let _ = query_pairs(&s).count();
        }
    }
}
