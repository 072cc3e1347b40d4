//! Share links: a budget and one named scenario in a URL fragment, compressed.
//!
//! Fragment: `share=1.<base64url, no padding, of raw deflate of compact JSON>`, where
//! `1` is the format version and the JSON is `{"doc": …, "scenario": …, "name": …}`
//! (the document as in [`document_value`], the scenario as in [`scenario_value`]), and
//! optionally `"others": [{"scenario": …, "name": …}, …]`, the budget's other scenarios
//! (links without it, made before, read as before).
//! A fragment is never sent to a server by the browser, so the budget stays private.

use std::fmt;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde_json::Value;

use super::json::document_value;
use super::read::document;
use super::scenario_json::{read_scenario, scenario_value};
use crate::engine::Scenario;
use crate::model::validate;
use crate::model::Document;
use crate::model::ImportError;
use crate::util::i18n::{key, tr, tr1, trf};
use crate::util::url::percent_decode;

/// What a fragment starts with.
const PREFIX: &str = "share=";
/// The format version this code writes and reads.
const VERSION: &str = "1";
/// Largest decompressed payload accepted: far above any real budget, small enough that a
/// crafted link cannot exhaust memory.
const MAX_JSON: usize = 16 * 1024 * 1024;
/// Best compression (miniz's level 10 is its "uber" level, slower for little gain).
const LEVEL: u8 = 9;

/// URL-safe base64 without padding; padding is tolerated on reading.
const B64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// What a share link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    /// The budget document, validated.
    pub doc: Document,
    /// The scenario.
    pub scenario: Scenario,
    /// The scenario's name.
    pub name: String,
    /// The budget's other scenarios and their names, when the link carries every one.
    pub others: Vec<(Scenario, String)>,
}

/// Why a share fragment could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not a share link at all.
    NotShared,
    /// Made by a newer version of the format.
    Version(String),
    /// Cut short or altered on the way (base64, compression or JSON broken).
    Damaged(String),
    /// Decompresses beyond [`MAX_JSON`].
    TooLarge,
    /// The content was read but its budget or scenario was refused.
    Refused(ImportError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ShareError::NotShared => tr("This link does not carry a budget."),
            ShareError::Version(v) => trf(
                "This link was made by a newer SiteBudget (share format {v}); this version reads format {version}.",
                &[("v", v), ("version", &VERSION)],
            ),
            ShareError::Damaged(what) => tr1("This link is damaged or was cut short ({what}); ask for the link again, copied whole.", "what", what),
            ShareError::TooLarge => tr("This link's budget is too large to open."),
            ShareError::Refused(e) => {
                tr1("The budget in this link was refused: {e}", "e", e)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ShareError {}

/// The fragment (the text after `#`) carrying `doc` and `scenario` named `name`.
pub fn share_fragment(doc: &Document, scenario: &Scenario, name: &str) -> String {
    share_fragment_with(doc, scenario, name, &[])
}

/// The fragment carrying `doc`, `scenario` named `name` (opened first) and the budget's
/// `others` scenarios with their names.
pub fn share_fragment_with(
    doc: &Document,
    scenario: &Scenario,
    name: &str,
    others: &[(Scenario, String)],
) -> String {
    let mut payload = serde_json::Map::new();
    payload.insert("doc".into(), document_value(doc));
    payload.insert("scenario".into(), scenario_value(scenario));
    payload.insert("name".into(), Value::String(name.to_owned()));
    if !others.is_empty() {
        payload.insert("others".into(), others_value(others));
    }
    let json = Value::Object(payload).to_string();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    format!("{PREFIX}{VERSION}.{}", B64.encode(packed))
}

/// Whether a location hash (with or without `#`) looks like a share link, before decoding it.
pub fn is_share_fragment(hash: &str) -> bool {
    let t = hash.trim_start();
    let t = t.strip_prefix('#').unwrap_or(t).trim_start();
    t.starts_with(PREFIX) || t.starts_with("share%3D") || t.starts_with("share%3d")
}

/// Reads a share fragment: a leading `#`, whitespace (line breaks from mail clients) and
/// `%`-escapes are tolerated. Never panics, whatever the text.
pub fn read_share(fragment: &str) -> Result<Shared, ShareError> {
    // Mail clients sometimes escape the fragment (`share%3D1.…`).
    let cleaned: String = percent_decode(fragment)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = cleaned.strip_prefix('#').unwrap_or(&cleaned);
    let body = t.strip_prefix(PREFIX).ok_or(ShareError::NotShared)?;
    let (version, data) = body
        .split_once('.')
        .ok_or_else(|| ShareError::Damaged(tr("no version mark")))?;
    if version != VERSION {
        return Err(ShareError::Version(version.chars().take(10).collect()));
    }
    let packed = B64
        .decode(data)
        .map_err(|_| ShareError::Damaged(tr("its letters are not valid")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Damaged(tr("it does not decompress")),
        },
    )?;
    let value: Value = serde_json::from_slice(&json)
        .map_err(|_| ShareError::Damaged(tr("its content is not valid JSON")))?;
    read_payload(&value)
}

/// The payload object: exactly `doc`, `scenario` and `name`.
fn read_payload(v: &Value) -> Result<Shared, ShareError> {
    let damaged = |what: &str| ShareError::Damaged(tr(what));
    let Value::Object(map) = v else {
        return Err(damaged(key("its content is not an object")));
    };
    if let Some(k) = map
        .keys()
        .find(|k| !["doc", "scenario", "name", "others"].contains(&k.as_str()))
    {
        return Err(ShareError::Damaged(tr1(
            "unknown field {got}",
            "got",
            &crate::util::decimal::quote(k),
        )));
    }
    let doc = map
        .get("doc")
        .ok_or_else(|| damaged(key("it has no budget")))?;
    let doc = document(doc).map_err(ShareError::Refused)?;
    validate(&doc).map_err(ShareError::Refused)?;
    let scenario = match map.get("scenario") {
        Some(s) => read_scenario(s).map_err(ShareError::Refused)?,
        None => Scenario::default(),
    };
    let name = match map.get("name") {
        Some(Value::String(n)) => n.clone(),
        None => String::new(),
        Some(_) => return Err(damaged(key("its scenario name is not text"))),
    };
    let others = match map.get("others") {
        Some(v) => read_others(v).map_err(|e| match e {
            Some(refused) => ShareError::Refused(refused),
            None => damaged(key("its other scenarios are not in the expected shape")),
        })?,
        None => Vec::new(),
    };
    Ok(Shared {
        doc,
        scenario,
        name,
        others,
    })
}

/// `[{"scenario": …, "name": …}, …]`: other scenarios with their names.
pub fn others_value(others: &[(Scenario, String)]) -> Value {
    Value::Array(
        others
            .iter()
            .map(|(s, n)| {
                let mut o = serde_json::Map::new();
                o.insert("scenario".into(), scenario_value(s));
                o.insert("name".into(), Value::String(n.clone()));
                Value::Object(o)
            })
            .collect(),
    )
}

/// Reads [`others_value`]'s list; `Err(None)` when its shape is wrong, `Err(Some)` when a
/// scenario is refused.
pub fn read_others(v: &Value) -> Result<Vec<(Scenario, String)>, Option<ImportError>> {
    let Value::Array(list) = v else {
        return Err(None);
    };
    list.iter()
        .map(|item| {
            let Value::Object(o) = item else {
                return Err(None);
            };
            let scenario = read_scenario(o.get("scenario").ok_or(None)?).map_err(Some)?;
            match o.get("name") {
                Some(Value::String(n)) => Ok((scenario, n.clone())),
                _ => Err(None),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::EnrollmentInput;
    use crate::io::sample::sample_document;

    #[test]
    fn round_trips_with_a_scenario_and_tolerates_mail_clients() {
        let doc = sample_document();
        let scenario = Scenario {
            enrollment: EnrollmentInput::Change("-0.10".parse().unwrap_or_default()),
            ..Scenario::default()
        };
        let frag = share_fragment(&doc, &scenario, "Ten percent fewer");
        assert!(frag.starts_with("share=1."));
        assert!(frag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=.-_".contains(&b)));
        let want = Shared {
            doc,
            scenario,
            name: "Ten percent fewer".into(),
            others: vec![],
        };
        assert_eq!(read_share(&frag).as_ref(), Ok(&want));
        let (head, tail) = frag.split_at(40);
        let mangled = format!("  #{}\r\n {}%3D", head.replacen('=', "%3D", 1), tail);
        assert_eq!(read_share(&mangled), Ok(want));
        assert!(is_share_fragment(" #share=1.x") && is_share_fragment("share%3D1"));
        assert!(!is_share_fragment("#top"));
    }

    #[test]
    fn the_sample_link_stays_short_enough_to_mail() {
        // The README quotes about 2,600 characters; mail and chat handle links far longer.
        let doc = sample_document();
        let minus_ten = Scenario {
            enrollment: EnrollmentInput::Change("-0.10".parse().unwrap_or_default()),
            ..Scenario::default()
        };
        for s in [Scenario::default(), minus_ten] {
            let len = share_fragment(&doc, &s, "Scenario 1").len();
            assert!((2000..3000).contains(&len), "{len}");
        }
    }

    #[test]
    fn every_scenario_travels_and_old_links_still_read() {
        let doc = sample_document();
        let minus_ten = Scenario {
            enrollment: EnrollmentInput::Change("-0.10".parse().unwrap_or_default()),
            ..Scenario::default()
        };
        let others = vec![(Scenario::default(), "Today".to_owned())];
        let frag = share_fragment_with(&doc, &minus_ten, "Ten fewer", &others);
        let shared = read_share(&frag).unwrap();
        assert_eq!(
            (shared.scenario, shared.name.as_str(), shared.others),
            (minus_ten.clone(), "Ten fewer", others)
        );
        // A link of one scenario, as made before, has no others.
        let old = read_share(&share_fragment(&doc, &minus_ten, "x")).unwrap();
        assert!(old.others.is_empty());
        // A malformed list is damage, not a panic.
        let json = format!(r#"{{"doc": {}, "others": [5]}}"#, crate::io::to_json(&doc));
        let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
        let frag = format!("share=1.{}", B64.encode(packed));
        assert!(matches!(read_share(&frag), Err(ShareError::Damaged(_))));
    }

    #[test]
    fn refusals_are_plain_words() {
        assert_eq!(read_share("#top"), Err(ShareError::NotShared));
        assert_eq!(read_share(""), Err(ShareError::NotShared));
        assert_eq!(
            read_share("share=2.abc").map_err(|e| e.to_string()),
            Err("This link was made by a newer SiteBudget (share format 2); this version reads format 1.".into())
        );
        assert!(matches!(
            read_share("share=1.@@"),
            Err(ShareError::Damaged(_))
        ));
        assert!(matches!(read_share("share=1"), Err(ShareError::Damaged(_))));
        let frag = share_fragment(&sample_document(), &Scenario::default(), "x");
        let cut = frag.get(..frag.len() - 30).unwrap_or_default();
        assert!(matches!(read_share(cut), Err(ShareError::Damaged(_))));
    }

    #[test]
    fn a_refused_budget_says_where() {
        let json = r#"{"doc": {"format": "sitebudget/1"}, "name": "x"}"#;
        let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
        let frag = format!("share=1.{}", B64.encode(packed));
        let err = read_share(&frag).unwrap_err().to_string();
        assert!(
            err.starts_with("The budget in this link was refused: "),
            "{err}"
        );
        assert!(
            err.contains("document, field `school`: is required"),
            "{err}"
        );
    }

    #[test]
    fn a_zip_bomb_stops_at_the_limit() {
        let zeros = vec![b' '; MAX_JSON + 1];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        assert!(packed.len() < 40_000);
        let frag = format!("share=1.{}", B64.encode(packed));
        assert_eq!(read_share(&frag), Err(ShareError::TooLarge));
    }
}
