//! The message catalogs are complete: every key the sources pass to `tr`, `tr1`, `trf`, `trn`
//! or `key` has a Spanish text in `i18n/es.json` with the same `{places}`, and the
//! catalog holds no key the sources no longer use.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use sitebudget_core::util::i18n::placeholders;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literal at the start of `text` (after spaces), unescaped, if there is one.
fn literal(text: &str) -> Option<String> {
    let text = text.trim_start();
    let mut chars = text.strip_prefix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                '\n' => {
                    // A line continuation: the next line's leading spaces are dropped.
                    let rest: String = chars.clone().collect();
                    let trimmed = rest.trim_start();
                    let skip = rest.chars().count() - trimmed.chars().count();
                    for _ in 0..skip {
                        chars.next();
                    }
                }
                'u' => {
                    chars.next()?; // '{'
                    let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// Every key the sources name, with a file where each was seen; calls whose first
/// argument is not a literal are skipped (they pass keys marked with `key(…)`).
fn source_keys() -> BTreeMap<String, String> {
    let mut files = Vec::new();
    rust_files(&root().join("crates/core/src"), &mut files);
    rust_files(&root().join("src"), &mut files);
    let mut keys = BTreeMap::new();
    for file in files {
        if file.ends_with("util/i18n.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).expect("a source file is readable");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for call in ["tr(", "tr1(", "trf(", "trn(", "key("] {
            let mut rest = code;
            while let Some(at) = rest.find(call) {
                let before = rest[..at].chars().next_back();
                rest = &rest[at + call.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // `attr(`, `monkey(`: another function
                }
                let Some(first) = literal(rest) else { continue };
                keys.entry(first)
                    .or_insert_with(|| file.display().to_string());
                if call == "trn(" {
                    // The plural's second key follows the first.
                    let after = rest.trim_start();
                    if let Some(end) = after[1..].find("\",").map(|e| e + 3) {
                        if let Some(second) = literal(&after[end..]) {
                            keys.entry(second)
                                .or_insert_with(|| file.display().to_string());
                        }
                    }
                }
            }
        }
    }
    for (en, _) in loading_note() {
        keys.entry(en).or_insert_with(|| "web/boot.js".to_owned());
    }
    keys
}

/// The loading note's texts in web/boot.js's `ES` table, each pair as written there: the
/// note shows before the catalog could load, so it keeps its own copy of their Spanish.
fn loading_note() -> Vec<(String, String)> {
    let text = fs::read_to_string(root().join("web/boot.js")).expect("web/boot.js exists");
    let table = text
        .split_once("const ES = {")
        .and_then(|(_, rest)| rest.split_once("\n};"))
        .map(|(table, _)| table)
        .expect("web/boot.js has its `const ES = { … };` table");
    // Each entry is `"English":` then `"Spanish",`, on one line or two; the texts hold no `"`.
    let strings: Vec<String> = table
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    strings
        .chunks(2)
        .filter_map(|pair| Some((pair.first()?.clone(), pair.get(1)?.clone())))
        .collect()
}

fn spanish() -> BTreeMap<String, String> {
    let text = fs::read_to_string(root().join("i18n/es.json")).expect("i18n/es.json exists");
    serde_json::from_str(&text).expect("i18n/es.json is an object of strings")
}

#[test]
fn the_scanner_reads_literals() {
    assert_eq!(
        literal(r#" "a \"b\" \u{2212}1" , x"#).as_deref(),
        Some("a \"b\" \u{2212}1")
    );
    assert_eq!(
        literal("\"one \\\n        two\"").as_deref(),
        Some("one two")
    );
    assert_eq!(literal("name)"), None);
}

#[test]
fn every_key_has_a_spanish_text() {
    let es = spanish();
    let missing: Vec<String> = source_keys()
        .into_iter()
        .filter(|(k, _)| es.get(k).is_none_or(|v| v.trim().is_empty()))
        .map(|(k, file)| format!("{k:?} (in {file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "{} keys have no Spanish text in i18n/es.json:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn the_catalog_has_no_stale_key() {
    let used = source_keys();
    let es = spanish();
    let stale: Vec<&String> = es.keys().filter(|k| !used.contains_key(*k)).collect();
    assert!(
        stale.is_empty(),
        "i18n/es.json has keys no source uses: {stale:?}"
    );
}

#[test]
fn translations_keep_their_places() {
    let mut wrong = Vec::new();
    for (en, es) in spanish() {
        let a: BTreeSet<&str> = placeholders(&en).into_iter().collect();
        let b: BTreeSet<&str> = placeholders(&es).into_iter().collect();
        if a != b {
            wrong.push(format!("{en:?} → {es:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "translations whose {{places}} differ:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_loading_note_speaks_the_catalogs_spanish() {
    let note = loading_note();
    // The lead, the loading line, the failure's frame, its three reasons and the hint.
    assert_eq!(note.len(), 7, "the note's table: {note:?}");
    let index = fs::read_to_string(root().join("index.html")).expect("index.html exists");
    for text in [
        "A school's budget line by line",
        "Loading the budget calculator…",
    ] {
        let en = note.iter().find(|(en, _)| en.starts_with(text));
        let en = en.map(|(en, _)| en.as_str()).unwrap_or(text);
        assert!(
            index.contains(en),
            "index.html's note reads {en:?} as boot.js translates it"
        );
    }
    let es = spanish();
    for (en, written) in note {
        assert_eq!(
            es.get(&en),
            Some(&written),
            "web/boot.js's Spanish for {en:?} is i18n/es.json's"
        );
    }
}

#[test]
fn the_table_cue_can_be_a_css_string() {
    // src/ui/lang.rs quotes this text into a CSS `content` as it is.
    let es = spanish();
    let cue = es
        .get("Swipe sideways for more columns →")
        .expect("the table cue has a Spanish text");
    assert!(
        !cue.contains('"') && !cue.contains('\\'),
        "the cue holds a `\"` or `\\`: {cue:?}"
    );
}
