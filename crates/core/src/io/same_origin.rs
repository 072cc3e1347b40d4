//! The same-origin rule for budgets loaded by address (`src=`): SiteBudget fetches only
//! from the site that serves it, so no budget is ever requested from another host. This
//! gives the refusal in plain words; the browser's own URL parser and a same-origin fetch
//! check again. Nothing here panics.

use crate::util::i18n::{tr, trf};

/// Why `src` may not be loaded by a page on `origin` (`https://host[:port]`), or `None`
/// when it is a path or a URL on that same origin.
pub fn src_problem(src: &str, origin: &str) -> Option<String> {
    // Browsers drop tabs and newlines anywhere in a URL and treat `\` as `/`.
    let cleaned: String = src
        .trim()
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    let elsewhere = || Some(not_on_this_site(src, origin));
    if cleaned.is_empty() {
        return Some(tr(
            "src= is empty: give the address of a JSON budget on this site.",
        ));
    }
    if cleaned.starts_with("//") {
        return elsewhere();
    }
    if has_scheme(&cleaned) {
        let lower = cleaned.to_ascii_lowercase();
        let origin = origin.trim_end_matches('/').to_ascii_lowercase();
        let same = lower == origin
            || lower
                .strip_prefix(&origin)
                .is_some_and(|rest| rest.starts_with(['/', '?', '#']));
        if !same {
            return elsewhere();
        }
    }
    None
}

/// The refusal of a `src` on another origin than the page's.
pub fn not_on_this_site(src: &str, origin: &str) -> String {
    trf(
        "src={src} is not on this site ({origin}). SiteBudget loads only budgets from its own site, so nothing was loaded.",
        &[("src", &src), ("origin", &origin)],
    )
}

/// Whether a URL starts with a scheme (`https:`, `data:`, `javascript:`).
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn src_on_the_same_origin_is_allowed() {
        let origin = "http://localhost:8080";
        for src in [
            "budget.json",
            "./budgets/school.json",
            "/sitebudget/budgets/school.json",
            "../school.json",
            "http://localhost:8080/b.json",
            "HTTP://LOCALHOST:8080/b.json",
            "http://localhost:8080",
            "http://localhost:8080?v=1",
            "b.json?v=2",
            "a b.json",
            "café.json",
            // A colon after a slash is a path, not a scheme.
            "budgets/a:b.json",
        ] {
            assert_eq!(src_problem(src, origin), None, "{src}");
        }
        // An origin written with a trailing slash compares the same.
        assert_eq!(
            src_problem("http://localhost:8080/b.json", "http://localhost:8080/"),
            None
        );
    }

    #[test]
    fn src_elsewhere_is_refused_in_plain_words() {
        let origin = "http://localhost:8080";
        for src in [
            "https://evil.example/b.json",
            "//evil.example/b.json",
            "/\\evil.example/b.json",
            "\\\\evil.example/b.json",
            "/\t/evil.example/b.json",
            "http://localhost:8081/b.json",
            "http://localhost:8080.evil.example/b.json",
            "http://localhost:8080@evil.example/b.json",
            "https://localhost:8080/b.json",
            "data:application/json,{}",
            "javascript:alert(1)",
            " \n//evil.example/b.json",
        ] {
            let problem = src_problem(src, origin).unwrap_or_else(|| panic!("{src} allowed"));
            assert!(
                problem.contains("is not on this site (http://localhost:8080)"),
                "{problem}"
            );
            assert!(problem.contains("nothing was loaded"));
        }
        assert!(src_problem("  ", origin).is_some_and(|p| p.contains("empty")));
    }

    #[test]
    fn schemes_are_told_from_paths() {
        assert!(has_scheme("https://x"));
        assert!(has_scheme("web+app:x"));
        assert!(!has_scheme("1http://x"));
        assert!(!has_scheme(":x"));
        assert!(!has_scheme("a b:x"));
        assert!(!has_scheme("no-colon"));
    }
}
