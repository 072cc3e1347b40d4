//! Download file names from a school's name: lower-case ASCII letters, digits and dashes,
//! with accented Latin letters spelled plainly, so "École Peñasco" saves as `ecole-penasco`.

/// The plain letter of each character from U+00C0 to U+017F; `?` marks the two-letter ones
/// (see [`two_letters`]) and `-` the signs that are not letters (× and ÷). A table rather than
/// Unicode decomposition, which would bring its tables into the bundle.
const LATIN: &str = "aaaaaa?ceeeeiiiidnooooo-ouuuuy??aaaaaa?ceeeeiiiidnooooo-ouuuuy?y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??\
rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The letters for Æ, Þ, ß, Ĳ and Œ (upper and lower case).
fn two_letters(c: char) -> &'static str {
    match c {
        'Æ' | 'æ' => "ae",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        _ => "oe",
    }
}

/// How `c` is written in a file name: itself, lower-cased, for ASCII letters and digits; its
/// plain letters for accented Latin ones; `None` for anything else (a separator).
fn plain(c: char) -> Option<&'static str> {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let lower = c.to_ascii_lowercase();
    if let Some(at) = ASCII.find(lower) {
        return ASCII.get(at..at + 1);
    }
    let at = (c as usize).checked_sub(0xC0)?;
    match LATIN.as_bytes().get(at)? {
        b'?' => Some(two_letters(c)),
        b'-' => None,
        _ => LATIN.get(at..at + 1),
    }
}

/// A file name (without extension) for a school's downloads; "budget" when the name has no
/// letter or digit to keep.
pub fn file_stem(school: &str) -> String {
    let mut out = String::new();
    for c in school.chars() {
        match plain(c) {
            Some(letters) => out.push_str(letters),
            None if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            None => {}
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "budget".to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_covers_u00c0_to_u017f() {
        assert_eq!(LATIN.len(), 0x180 - 0xC0);
        assert!(LATIN.is_ascii());
    }

    #[test]
    fn names_become_lower_case_words_joined_by_dashes() {
        assert_eq!(
            file_stem("Jacaranda Avenue Elementary"),
            "jacaranda-avenue-elementary"
        );
        assert_eq!(file_stem("  St. Mary's K-8 (2026) "), "st-mary-s-k-8-2026");
        assert_eq!(file_stem("???"), "budget");
        assert_eq!(file_stem(""), "budget");
    }

    #[test]
    fn accented_latin_letters_are_spelled_plainly() {
        assert_eq!(file_stem("École Peñasco"), "ecole-penasco");
        assert_eq!(file_stem("Große Straße"), "grosse-strasse");
        assert_eq!(file_stem("Łódź Æsir Œuvre þing"), "lodz-aesir-oeuvre-thing");
        assert_eq!(file_stem("Ÿvonne ÿ"), "yvonne-y");
        assert_eq!(file_stem("ÀÉÎÕÜ àéîõü ç"), "aeiou-aeiou-c");
        assert_eq!(file_stem("2 × 3 ÷ 4"), "2-3-4");
    }

    #[test]
    fn other_scripts_and_symbols_are_separators() {
        assert_eq!(file_stem("学校 Escuela"), "escuela");
        assert_eq!(file_stem("😀"), "budget");
        assert_eq!(file_stem("a\u{17F}b\u{180}c"), "asb-c");
    }
}
