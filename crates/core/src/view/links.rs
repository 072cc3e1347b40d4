//! Links the app builds for people to follow: an embed's "Open in SiteBudget" and the
//! address of a share link. Plain Rust; nothing here panics.

use rust_decimal::Decimal;

use super::embed_options::EmbedOptions;
use crate::util::url::encode_component;

/// Where "Open in SiteBudget" leads, relative to the app: the full app, offering the budget
/// from `src` (and the starting `change`) or the one in the link's fragment.
pub fn open_href(options: &EmbedOptions, fragment: Option<&str>) -> String {
    if let Some(src) = &options.src {
        let mut href = format!("./?src={}", encode_component(src));
        if let Some(change) = options.change {
            let percent = (change * Decimal::ONE_HUNDRED).normalize();
            href.push_str(&format!("&change={percent}"));
        }
        return href;
    }
    match fragment.map(|f| f.trim_start_matches('#')) {
        Some(f) if !f.is_empty() => format!("./#{f}"),
        _ => "./".to_owned(),
    }
}

/// The share link: the page's address `page_href` with its own fragment, if any,
/// replaced by `fragment` (the text after `#`, as `share_fragment` makes it).
pub fn share_href(page_href: &str, fragment: &str) -> String {
    let base = page_href
        .split_once('#')
        .map_or(page_href, |(base, _)| base);
    format!("{base}#{fragment}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::url::query_pairs;
    use crate::view::embed_options::parse_embed_options;

    #[test]
    fn open_link_keeps_the_budget() {
        let o = parse_embed_options("embed&src=budgets/a b.json&change=-10&panels=plan&readonly");
        // The full app (no `embed`), which offers that budget with the same change.
        assert_eq!(open_href(&o, None), "./?src=budgets/a%20b.json&change=-10");
        // src wins over a fragment; a fraction change is written back in percent.
        let small = parse_embed_options("embed&src=x.json&change=-7.5%25");
        assert_eq!(
            open_href(&small, Some("#share=1.abc")),
            "./?src=x.json&change=-7.5"
        );
        let up = parse_embed_options("embed&src=%2Fb%26c.json&change=%2B12");
        assert_eq!(open_href(&up, None), "./?src=/b%26c.json&change=12");
        let none = parse_embed_options("embed&src=x.json&change=0");
        assert_eq!(open_href(&none, None), "./?src=x.json&change=0");
        let no_change = parse_embed_options("embed&src=x.json&readonly&id=north");
        assert_eq!(open_href(&no_change, None), "./?src=x.json");
        let plain = parse_embed_options("embed");
        assert_eq!(open_href(&plain, Some("#abc")), "./#abc");
        assert_eq!(open_href(&plain, Some("")), "./");
        assert_eq!(open_href(&plain, None), "./");
    }

    #[test]
    fn an_odd_src_survives_the_trip_through_open_in_sitebudget() {
        // What the embed read is what the full app reads back from the link.
        for src in [
            "a b&c=d.json",
            "x#y.json",
            "100%.json",
            "a+b.json",
            "café/ü.json",
        ] {
            let options = EmbedOptions {
                embed: true,
                src: Some(src.to_owned()),
                ..EmbedOptions::default()
            };
            let href = open_href(&options, None);
            let query = href.strip_prefix("./").unwrap_or(&href);
            assert!(!query.contains('#'), "{href}");
            let pairs: Vec<_> = query_pairs(query).collect();
            assert_eq!(pairs, vec![("src".to_owned(), src.to_owned())], "{href}");
        }
    }

    #[test]
    fn share_links_replace_the_page_fragment() {
        assert_eq!(
            share_href("https://x.example/app/?a=1", "share=1.abc"),
            "https://x.example/app/?a=1#share=1.abc"
        );
        assert_eq!(
            share_href("https://x.example/#share=1.old#more", "share=1.new"),
            "https://x.example/#share=1.new"
        );
        assert_eq!(share_href("", "share=1.a"), "#share=1.a");
    }
}
