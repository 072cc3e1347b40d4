//! The options a host page puts in the app's query string when it embeds SiteBudget
//! (`?embed&src=budget.json&readonly&panels=summary,plan&change=-10`), read without a browser.
//! Bad values become plain-words problems shown in the embed; nothing here panics.

use crate::util::dec;
use rust_decimal::Decimal;

use crate::util::i18n::{key, tr, tr1, trf};
use crate::util::url::query_pairs;

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
    /// `mode=edit` was asked for (and not overruled by read-only): the plan may be steered.
    pub edit: bool,
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

    /// Whether the cut plan's steering controls show: always in the app, and in an embed
    /// only with `mode=edit`, so families see the plan without knobs they did not ask for.
    pub fn can_steer(&self) -> bool {
        !self.embed || (self.edit && !self.read_only)
    }
}

/// The embed's opening line, in words a family can follow.
/// (A catalog key: [`embed_intro`] gives it in the language spoken now.)
pub const EMBED_INTRO: &str = key("This calculator shows how the number of pupils drives the \
school's money: what each funding source brings, what staff and programs cost, and what \
would have to be cut if enrollment changes.");

/// [`EMBED_INTRO`] in the language spoken now.
pub fn embed_intro() -> String {
    tr(EMBED_INTRO)
}

/// Terms a family meets in the calculator, each with a short plain meaning (catalog
/// keys: [`glossary`] gives them in the language spoken now).
pub const GLOSSARY: [(&str, &str); 4] = [
    (
        key("Unduplicated pupils"),
        key("Pupils who are from low-income families, learning English or in foster care, each \
         counted once even if more than one applies. Extra state and federal money follows them."),
    ),
    (
        key("FTE"),
        key("Full-time equivalent: 1 FTE is one person working full time, 0.2 FTE is one day a week."),
    ),
    (
        key("Norm"),
        key("The district's staffing rule, such as one teacher for every 24 pupils; the district \
         pays these positions, and they rise and fall with enrollment."),
    ),
    (
        key("Deficit"),
        key("Money a funding source is short: what its lines cost beyond what it brings in."),
    ),
];

/// [`GLOSSARY`] in the language spoken now.
pub fn glossary() -> Vec<(String, String)> {
    GLOSSARY.iter().map(|(t, m)| (tr(t), tr(m))).collect()
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
            "embed" => {
                match flag(&value) {
                    Some(on) => out.embed = on,
                    None => {
                        out.embed = true;
                        out.problems.push(tr1("embed={value} is not understood; use embed or embed=1. Showing the embed.", "value", &value));
                    }
                }
            }
            "src" => {
                let src = value.trim();
                if src.is_empty() {
                    out.problems.push(tr(
                        "src= is empty: give the address of a JSON budget on this site.",
                    ));
                } else {
                    out.src = Some(src.to_owned());
                }
            }
            "readonly" | "read-only" | "read_only" => match flag(&value) {
                Some(on) => readonly_flag = Some(on),
                None => {
                    readonly_flag = Some(true);
                    out.problems.push(tr1("readonly={value} is not understood; use readonly or readonly=1. The embed is read-only.", "value", &value));
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
    out.edit = mode.as_deref() == Some("edit") && !out.read_only;
    if !out.embed {
        return EmbedOptions::default();
    }
    if out.panels.as_ref().is_some_and(Vec::is_empty) {
        out.panels = None;
    }
    out
}

/// `readonly`, `readonly=0` and `mode=view|edit` together; read-only wins a conflict.
fn read_only(mode: Option<&str>, flag: Option<bool>, problems: &mut Vec<String>) -> bool {
    let from_mode = match mode {
        None => None,
        Some("view") => Some(true),
        Some("edit") => Some(false),
        Some(other) => {
            problems.push(tr1(
                "mode={other} is not a mode; use mode=view or mode=edit. The embed is read-only.",
                "other",
                &other,
            ));
            Some(true)
        }
    };
    match (from_mode, flag) {
        (Some(false), Some(true)) => {
            problems.push(tr(
                "mode=edit and readonly were both given; the embed is read-only.",
            ));
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
            None => problems.push(trf(
                "panels: `{name}` is not a panel; the panels are {panels}.",
                &[("name", &name), ("panels", &panel_names())],
            )),
        }
    }
    // Page order, each once, whatever order the host wrote.
    let chosen: Vec<EmbedPanel> = EmbedPanel::ALL
        .into_iter()
        .filter(|p| named.contains(p))
        .collect();
    if chosen.is_empty() {
        problems.push(tr1(
            "panels= names no panel, so every panel is shown; the panels are {panels}.",
            "panels",
            &panel_names(),
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
    let not_a_number = || {
        tr1(
            "change={value} is not a percent; write a number such as change=-10.",
            "value",
            &value,
        )
    };
    let percent: Decimal = cleaned.parse().map_err(|_| not_a_number())?;
    if percent.abs() > Decimal::ONE_HUNDRED {
        return Err(tr1(
            "change={value} is outside −100 to 100 percent, so enrollment starts unchanged.",
            "value",
            &value,
        ));
    }
    dec::checked_div(percent, Decimal::ONE_HUNDRED).ok_or_else(not_a_number)
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
        // Steering the plan is for mode=edit only; the full app always has it.
        assert!(!parse_embed_options("embed").can_steer());
        assert!(!parse_embed_options("embed&mode=view").can_steer());
        assert!(parse_embed_options("embed&mode=edit").can_steer());
        assert!(!parse_embed_options("embed&mode=edit&readonly").can_steer());
        assert!(parse_embed_options("").can_steer());
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
    fn escaped_values_are_read_as_written() {
        // %20 and + are spaces, %26 '&', %23 '#', %25 '%', %2B '+', %C3%A9 'é'.
        let o = parse_embed_options(
            "?EMBED&src=a%20b%26c%23d%25e%2Bf+g.json&id=%C3%A9cole+nord&change=%E2%88%925%25",
        );
        assert!(o.embed);
        assert_eq!(o.src.as_deref(), Some("a b&c#d%e+f g.json"));
        assert_eq!(o.id.as_deref(), Some("école nord"));
        assert_eq!(o.change, Some(d("-0.05")));
        assert!(o.problems.is_empty(), "{:?}", o.problems);
        // A broken escape stays as typed.
        assert_eq!(
            parse_embed_options("embed&src=100%.json").src.as_deref(),
            Some("100%.json")
        );
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
