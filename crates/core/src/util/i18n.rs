//! Message catalogs: every sentence a person reads goes through [`tr`], [`trf`] or
//! [`trn`], keyed by its English text (gettext style: the English in the code is the
//! `en` catalog, `i18n/es.json` the Spanish one).
//!
//! Why English keys: a reader of the code sees the sentence, a missing translation
//! falls back to readable English, and the key list is found by reading the sources
//! (`crates/core/tests/i18n.rs` fails when a key is missing from a catalog). The Spanish
//! catalog is a JSON file fetched only when Spanish is chosen, so the English first load
//! does not carry it.
//!
//! The page is single-threaded, so the chosen catalog is a thread-local: views and
//! error messages deep in the core word themselves without a language parameter.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Display;
use std::rc::Rc;

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the keys themselves).
    #[default]
    En,
    /// Spanish, from `i18n/es.json`.
    Es,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and the `lang=` query.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language a tag names (`es`, `es-MX`, `ES` → Spanish), if one we speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("es") {
            Some(Lang::Es)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }
}

/// A loaded catalog: English key → translation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    lang: Lang,
    entries: HashMap<String, String, rustc_hash::FxBuildHasher>,
}

impl Catalog {
    /// A catalog read from its JSON file (an object of English → translation strings).
    pub fn from_json(lang: Lang, text: &str) -> Result<Catalog, String> {
        let map: HashMap<String, String, rustc_hash::FxBuildHasher> = serde_json::from_str(text)
            .map_err(|e| format!("The {} texts cannot be read: {e}", lang.own_name()))?;
        Ok(Catalog { lang, entries: map })
    }

    /// The catalog's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The translation of `key`, if the catalog has one.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(String::as_str)
    }

    /// Every key the catalog holds.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Catalog>>> = const { RefCell::new(None) };
}

/// Speaks `catalog` from now on (`None`: English).
pub fn set_catalog(catalog: Option<Catalog>) {
    CURRENT.with(|c| *c.borrow_mut() = catalog.map(Rc::new));
}

/// The catalog spoken now (`None`: English), to hand to [`with_catalog`].
pub fn current() -> Option<Rc<Catalog>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// `f`'s result worded in `catalog` (`None`: English), the spoken catalog restored
/// after: the meeting's bilingual layout words the same figures in both languages.
pub fn with_catalog<R>(catalog: Option<Rc<Catalog>>, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), catalog));
    let out = f();
    CURRENT.with(|c| *c.borrow_mut() = before);
    out
}

/// The language spoken now.
pub fn lang() -> Lang {
    CURRENT.with(|c| c.borrow().as_ref().map_or(Lang::En, |c| c.lang))
}

/// Marks a key kept in a table and translated later with [`tr`] (gettext's `N_`), so
/// the catalog check finds it.
pub const fn key(text: &'static str) -> &'static str {
    text
}

/// `key` in the language spoken now (English when no translation is loaded).
pub fn tr(key: &str) -> String {
    CURRENT.with(|c| match c.borrow().as_ref().and_then(|cat| cat.get(key)) {
        Some(text) => text.to_owned(),
        None => key.to_owned(),
    })
}

/// `key` translated, with each `{name}` replaced by its value: whole sentences with
/// named places, because word order differs between languages.
pub fn trf(key: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(&tr(key), args)
}

/// [`trf`] with a single `{name}` place, the common case: passing the place as plain
/// arguments rather than a slice keeps each of some two hundred call sites smaller in the
/// page's bundle (1.5 KB gzip in all). The catalog check reads its key like `trf`'s.
#[inline(never)]
pub fn tr1(key: &str, name: &str, value: &dyn Display) -> String {
    fill(&tr(key), &[(name, value)])
}

/// `one` or `other` by `n` (both are keys), translated and filled; `{n}` is `n`.
pub fn trn(one: &str, other: &str, n: u64, args: &[(&str, &dyn Display)]) -> String {
    let key = if n == 1 { one } else { other };
    let mut all: Vec<(&str, &dyn Display)> = Vec::with_capacity(args.len() + 1);
    all.push(("n", &n));
    all.extend_from_slice(args);
    fill(&tr(key), &all)
}

/// `template` with each `{name}` replaced; an unknown `{name}` is left as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` places a template names, in order (for the catalog checks).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_key_until_a_catalog_is_set() {
        set_catalog(None);
        assert_eq!(tr("Budget"), "Budget");
        assert_eq!(
            trf(
                "{n} cuts in {school}",
                &[("n", &3), ("school", &"Jacaranda")]
            ),
            "3 cuts in Jacaranda"
        );
        assert_eq!(lang(), Lang::En);
    }

    #[test]
    fn a_catalog_translates_and_reorders() {
        let cat = Catalog::from_json(
            Lang::Es,
            r#"{"{n} cuts in {school}": "En {school}, {n} recortes", "1 cut": "1 recorte", "{n} cuts": "{n} recortes"}"#,
        )
        .unwrap();
        set_catalog(Some(cat));
        assert_eq!(
            trf(
                "{n} cuts in {school}",
                &[("n", &3), ("school", &"Jacaranda")]
            ),
            "En Jacaranda, 3 recortes"
        );
        assert_eq!(trn("1 cut", "{n} cuts", 1, &[]), "1 recorte");
        assert_eq!(trn("1 cut", "{n} cuts", 4, &[]), "4 recortes");
        // A key the catalog lacks falls back to English rather than showing nothing.
        assert_eq!(tr("Budget"), "Budget");
        assert_eq!(lang(), Lang::Es);
        set_catalog(None);
    }

    #[test]
    fn with_catalog_words_one_part_in_another_language() {
        let es = Rc::new(Catalog::from_json(Lang::Es, r#"{"Budget": "Presupuesto"}"#).unwrap());
        set_catalog(None);
        let both = (tr("Budget"), with_catalog(Some(es), || tr("Budget")));
        assert_eq!(both, ("Budget".to_owned(), "Presupuesto".to_owned()));
        assert_eq!(lang(), Lang::En, "the spoken catalog is restored");
    }

    #[test]
    fn fill_leaves_unknown_and_unclosed_places() {
        assert_eq!(fill("a {x} b {y", &[("z", &1)]), "a {x} b {y");
        assert_eq!(placeholders("{a} and {b}"), vec!["a", "b"]);
    }

    #[test]
    fn a_bad_catalog_is_refused_in_words() {
        let err = Catalog::from_json(Lang::Es, "[1,2]").unwrap_err();
        assert!(err.starts_with("The Español texts cannot be read"), "{err}");
    }

    #[test]
    fn tags_parse() {
        assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
