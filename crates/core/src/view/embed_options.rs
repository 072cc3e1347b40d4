//! The options a host page puts in the app's query string when it embeds SiteBudget
//! (`?embed&src=budget.json&readonly&panels=summary,plan&change=-10`), read without a browser.
//! Bad values become plain-words problems shown in the embed; nothing here panics.

use crate::util::dec;
use rust_decimal::Decimal;

/// A panel an embed can show (`panels=` takes their names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmbedPanel {
    /// The school's name, year and pupils by grade.
    School,
    /// Total allocation, total cost and balance.
    Summary,
    /// The "What if…" scenario inputs.
    Inputs,
    /// The cut plan.
    Plan,
    /// Flexibility after the plan.
    Flexibility,
    /// Side by side: today against the scenario (shown only under a scenario).
    Comparison,
    /// Years ahead.
    Projection,
    /// Allocations and balances per funding source.
    Sources,
    /// The table of budget lines.
    Lines,
    /// Editing the budget's school, sources, norms and lines (never when read-only).
    Editor,
}

impl EmbedPanel {
    /// Every panel, in page order.
    pub const ALL: [EmbedPanel; 10] = [
        EmbedPanel::School,
        EmbedPanel::Summary,
        EmbedPanel::Inputs,
        EmbedPanel::Plan,
        EmbedPanel::Flexibility,
        EmbedPanel::Comparison,
        EmbedPanel::Projection,
        EmbedPanel::Sources,
        EmbedPanel::Lines,
        EmbedPanel::Editor,
    ];

    /// The name `panels=` uses.
    pub fn name(self) -> &'static str {
        match self {
            EmbedPanel::School => "school",
            EmbedPanel::Summary => "summary",
            EmbedPanel::Inputs => "inputs",
            EmbedPanel::Plan => "plan",
            EmbedPanel::Flexibility => "flexibility",
            EmbedPanel::Comparison => "comparison",
            EmbedPanel::Projection => "projection",
            EmbedPanel::Sources => "sources",
            EmbedPanel::Lines => "lines",
            EmbedPanel::Editor => "editor",
        }
    }

    /// The panel with this name (any case, spaces ignored).
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }
}

/// What the query string asks of the app.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EmbedOptions {
    /// Embed mode: a compact calculator without the app's header, import and scenarios.
    pub embed: bool,
    /// A JSON budget to load, relative to the app or an absolute URL on its own origin.
    pub src: Option<String>,
    /// Hide every control that edits the budget (scenario inputs still work).
    pub read_only: bool,
    /// The panels to show, in page order; `None` shows them all.
    pub panels: Option<Vec<EmbedPanel>>,
    /// The starting enrollment change as a fraction (`change=-10` is `-0.10`).
    pub change: Option<Decimal>,
    /// An id the host chose, echoed in every height message.
    pub id: Option<String>,
    /// Each bad value, in plain words; the rest of the options still apply.
    pub problems: Vec<String>,
}

impl EmbedOptions {
    /// Whether this panel is shown (always, outside embed mode).
    pub fn shows(&self, panel: EmbedPanel) -> bool {
        !self.embed
            || self
                .panels
                .as_ref()
                .is_none_or(|list| list.contains(&panel))
    }

    /// Whether controls that edit the budget are hidden.
    pub fn is_read_only(&self) -> bool {
        self.embed && self.read_only
    }
}

/// The comma list of panel names, for messages and the README.
pub fn panel_names() -> String {
    EmbedPanel::ALL.map(EmbedPanel::name).join(", ")
}

/// Reads the query string (with or without its `?`). Outside embed mode every other
/// option is ignored, so the normal app behaves exactly as without a query.
pub fn parse_embed_options(query: &str) -> EmbedOptions {
    let mut out = EmbedOptions::default();
    let mut mode: Option<String> = None;
    let mut readonly_flag: Option<bool> = None;
    for (key, value) in query_pairs(query) {
        match key.as_str() {
            "embed" => match flag(&value) {
                Some(on) => out.embed = on,
                None => {
                    out.embed = true;
                    out.problems.push(format!(
                        "embed={value} is not understood; use embed or embed=1. Showing the embed."
                    ));
                }
            },
            "src" => {
                let src = value.trim();
                if src.is_empty() {
                    out.problems.push(
                        "src= is empty: give the address of a JSON budget on this site.".to_owned(),
                    );
                } else {
                    out.src = Some(src.to_owned());
                }
            }
            "readonly" | "read-only" | "read_only" => match flag(&value) {
                Some(on) => readonly_flag = Some(on),
                None => {
                    readonly_flag = Some(true);
                    out.problems.push(format!(
                        "readonly={value} is not understood; use readonly or readonly=1. The embed is read-only."
                    ));
                }
            },
            "mode" => mode = Some(value.trim().to_ascii_lowercase()),
            "panels" => out.panels = Some(parse_panels(&value, &mut out.problems)),
            "change" => match parse_change(&value) {
                Ok(change) => out.change = Some(change),
                Err(problem) => out.problems.push(problem),
            },
            "id" => {
                let id = value.trim();
                out.id = (!id.is_empty()).then(|| id.chars().take(100).collect());
            }
            // Hosts may add their own parameters (tracking, cache busting): ignored.
            _ => {}
        }
    }
    out.read_only = read_only(mode.as_deref(), readonly_flag, &mut out.problems);
    if !out.embed {
        return EmbedOptions::default();
    }
    if out.panels.as_ref().is_some_and(Vec::is_empty) {
        out.panels = None;
    }
    out
}

/// Each `key=value` of a query string (with or without its `?`), decoded, the key in
/// lower case; a bare `key` has an empty value.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (
                decode_component(key).to_ascii_lowercase(),
                decode_component(value),
            )
        })
}

/// `readonly`, `readonly=0` and `mode=view|edit` together; read-only wins a conflict.
fn read_only(mode: Option<&str>, flag: Option<bool>, problems: &mut Vec<String>) -> bool {
    let from_mode = match mode {
        None => None,
        Some("view") => Some(true),
        Some("edit") => Some(false),
        Some(other) => {
            problems.push(format!(
                "mode={other} is not a mode; use mode=view or mode=edit. The embed is read-only."
            ));
            Some(true)
        }
    };
    match (from_mode, flag) {
        (Some(false), Some(true)) => {
            problems
                .push("mode=edit and readonly were both given; the embed is read-only.".to_owned());
            true
        }
        (m, f) => m.unwrap_or(false) || f.unwrap_or(false),
    }
}

/// A yes/no value: empty (a bare `?embed`), 1/0, true/false, yes/no, on/off.
fn flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// The chosen panels in page order; unknown names become problems.
fn parse_panels(value: &str, problems: &mut Vec<String>) -> Vec<EmbedPanel> {
    let mut named = Vec::new();
    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match EmbedPanel::parse(name) {
            Some(panel) => named.push(panel),
            None => problems.push(format!(
                "panels: `{name}` is not a panel; the panels are {}.",
                panel_names()
            )),
        }
    }
    // Page order, each once, whatever order the host wrote.
    let chosen: Vec<EmbedPanel> = EmbedPanel::ALL
        .into_iter()
        .filter(|p| named.contains(p))
        .collect();
    if chosen.is_empty() {
        problems.push(format!(
            "panels= names no panel, so every panel is shown; the panels are {}.",
            panel_names()
        ));
    }
    chosen
}

/// `change=-10` (percent; `%`, `+` and a typographic minus allowed) as a fraction.
pub fn parse_change(value: &str) -> Result<Decimal, String> {
    let cleaned: String = value
        .trim()
        .trim_end_matches('%')
        .replace('\u{2212}', "-")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let cleaned = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    let not_a_number =
        || format!("change={value} is not a percent; write a number such as change=-10.");
    let percent: Decimal = cleaned.parse().map_err(|_| not_a_number())?;
    if percent.abs() > Decimal::ONE_HUNDRED {
        return Err(format!(
            "change={value} is outside −100 to 100 percent, so enrollment starts unchanged."
        ));
    }
    dec::checked_div(percent, Decimal::ONE_HUNDRED).ok_or_else(not_a_number)
}

/// Decodes one query component: `+` is a space, `%XX` a byte; bad escapes stay as typed.
pub fn decode_component(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| {
                    std::str::from_utf8(h)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                if let Some(byte) = hex {
                    out.push(byte);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Why `src` may not be loaded by a page on `origin` (`https://host[:port]`), or `None`
/// when it is a path or a URL on that same origin. The browser's own URL parser and a
/// same-origin fetch check again; this gives the plain-words reason.
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
        return Some("src= is empty: give the address of a JSON budget on this site.".to_owned());
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
    format!(
        "src={src} is not on this site ({origin}). SiteBudget loads only budgets from its own site, so nothing was loaded."
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

/// Encodes a query value so that it reads back the same through [`decode_component`].
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Where "Open in SiteBudget" leads, relative to the app: the full app, offering the budget
/// from `src` (and the starting `change`) or the one in the link's fragment.
pub fn open_href(options: &EmbedOptions, fragment: Option<&str>) -> String {
    if let Some(src) = &options.src {
        let mut href = format!("./?src={}", encode_component(src));
        if let Some(change) = options.change {
            let percent = dec::mul(change, Decimal::ONE_HUNDRED).normalize();
            href.push_str(&format!("&change={percent}"));
        }
        return href;
    }
    match fragment.map(|f| f.trim_start_matches('#')) {
        Some(f) if !f.is_empty() => format!("./#{f}"),
        _ => "./".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn no_query_is_the_normal_app_with_everything_shown() {
        let o = parse_embed_options("");
        assert_eq!(o, EmbedOptions::default());
        assert!(!o.embed);
        assert!(EmbedPanel::ALL.iter().all(|&p| o.shows(p)));
        assert!(!o.is_read_only());
    }

    #[test]
    fn options_without_embed_are_ignored() {
        let o = parse_embed_options("?src=x.json&readonly&panels=plan&change=-10");
        assert_eq!(o, EmbedOptions::default());
    }

    #[test]
    fn full_embed_query_reads_every_option() {
        let o = parse_embed_options(
            "?embed&src=budgets%2Fjacaranda.json&readonly&panels=plan,Summary&change=-10&id=north",
        );
        assert!(o.embed);
        assert_eq!(o.src.as_deref(), Some("budgets/jacaranda.json"));
        assert!(o.is_read_only());
        // Page order, whatever order the host wrote.
        assert_eq!(o.panels, Some(vec![EmbedPanel::Summary, EmbedPanel::Plan]));
        assert_eq!(o.change, Some(d("-0.10")));
        assert_eq!(o.id.as_deref(), Some("north"));
        assert!(o.problems.is_empty(), "{:?}", o.problems);
        assert!(o.shows(EmbedPanel::Plan));
        assert!(!o.shows(EmbedPanel::Lines));
    }

    #[test]
    fn embed_flag_spellings() {
        assert!(parse_embed_options("embed=1").embed);
        assert!(parse_embed_options("embed=true").embed);
        assert!(parse_embed_options("?x=1&embed").embed);
        assert!(!parse_embed_options("embed=0&readonly").embed);
        let odd = parse_embed_options("embed=maybe");
        assert!(odd.embed);
        assert_eq!(odd.problems.len(), 1);
        assert!(odd.problems[0].contains("embed=maybe"));
    }

    #[test]
    fn read_only_by_flag_or_mode_and_read_only_wins_a_conflict() {
        assert!(parse_embed_options("embed&readonly").read_only);
        assert!(parse_embed_options("embed&readonly=yes").read_only);
        assert!(!parse_embed_options("embed&readonly=0").read_only);
        assert!(parse_embed_options("embed&mode=view").read_only);
        assert!(!parse_embed_options("embed&mode=edit").read_only);
        assert!(!parse_embed_options("embed").read_only);
        let both = parse_embed_options("embed&mode=edit&readonly");
        assert!(both.read_only);
        assert_eq!(both.problems.len(), 1);
        let bad = parse_embed_options("embed&mode=present");
        assert!(bad.read_only);
        assert!(bad.problems[0].contains("mode=present"));
        assert!(bad.problems[0].contains("mode=view or mode=edit"));
    }

    #[test]
    fn unknown_panels_are_named_and_the_good_ones_kept() {
        let o = parse_embed_options("embed&panels=plan,+charts+,plan");
        assert_eq!(o.panels, Some(vec![EmbedPanel::Plan]));
        assert_eq!(o.problems.len(), 1);
        assert!(o.problems[0].contains("`charts`"));
        assert!(o.problems[0].contains("summary, inputs, plan"));
    }

    #[test]
    fn panels_naming_nothing_shows_every_panel_and_says_so() {
        let o = parse_embed_options("embed&panels=nope");
        assert_eq!(o.panels, None);
        assert_eq!(o.problems.len(), 2);
        assert!(o.shows(EmbedPanel::Lines));
        let empty = parse_embed_options("embed&panels=");
        assert_eq!(empty.panels, None);
        assert!(empty.problems[0].contains("names no panel"));
    }

    #[test]
    fn change_accepts_percent_forms_and_refuses_the_rest() {
        let change = |q: &str| parse_embed_options(&format!("embed&change={q}")).change;
        assert_eq!(change("-10"), Some(d("-0.1")));
        assert_eq!(change("%2B5"), Some(d("0.05")));
        assert_eq!(change("-7.5%25"), Some(d("-0.075")));
        assert_eq!(change("%E2%88%9212"), Some(d("-0.12")));
        assert_eq!(change("-100"), Some(d("-1")));
        assert_eq!(change("100"), Some(d("1")));
        for bad in ["", "ten", "-101", "250", "--5", "1e3", "NaN"] {
            let o = parse_embed_options(&format!("embed&change={bad}"));
            assert_eq!(o.change, None, "{bad}");
            assert_eq!(o.problems.len(), 1, "{bad}");
            assert!(
                o.problems[0].starts_with(&format!("change={bad} ")),
                "{bad}"
            );
        }
        assert!(parse_embed_options("embed&change=-101").problems[0].contains("−100 to 100"));
    }

    #[test]
    fn empty_src_is_a_problem_and_last_value_wins() {
        let o = parse_embed_options("embed&src=&src=a.json");
        assert_eq!(o.src.as_deref(), Some("a.json"));
        assert_eq!(o.problems.len(), 1);
        assert!(o.problems[0].contains("src= is empty"));
    }

    #[test]
    fn decoding_handles_plus_escapes_utf8_and_broken_escapes() {
        assert_eq!(decode_component("a+b%20c"), "a b c");
        assert_eq!(decode_component("caf%C3%A9"), "café");
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
        assert_eq!(decode_component("é"), "é");
    }

    #[test]
    fn encoding_round_trips() {
        for s in ["budgets/a b.json", "x?y=1&z#w", "café/ü.json", "%41"] {
            assert_eq!(decode_component(&encode_component(s)), s);
        }
        assert_eq!(encode_component("a b&c"), "a%20b%26c");
    }

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
            "b.json?v=2",
        ] {
            assert_eq!(src_problem(src, origin), None, "{src}");
        }
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
            "https://localhost:8080/b.json",
            "data:application/json,{}",
            "javascript:alert(1)",
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
    fn panel_names_round_trip() {
        for p in EmbedPanel::ALL {
            assert_eq!(EmbedPanel::parse(p.name()), Some(p));
            assert_eq!(EmbedPanel::parse(&p.name().to_uppercase()), Some(p));
        }
        assert_eq!(EmbedPanel::parse("chart"), None);
    }
}
