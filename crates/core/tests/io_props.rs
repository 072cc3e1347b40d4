//! Properties: round trips for generated valid documents, and no panic on any input.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;
use sitebudget_core::io::sample::{sample_document, SAMPLE_JSON};
use sitebudget_core::io::{import_lines_csv, lines_to_csv, parse_document, to_json};
use sitebudget_core::model::validate;
use sitebudget_core::model::{
    Allocation, Basis, Document, Funding, Grade, Lcff, Line, LineKind, Norm, Position, Priority,
    Rounding, School, SetAside, Source, Span,
};
use sitebudget_core::util::decimal::{parse_decimal, parse_money};

const TAGS: [&str; 6] = [
    "health",
    "intervention",
    "supplies",
    "arts",
    "family-engagement",
    "x_1",
];

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn frac(v: u32) -> Decimal {
    Decimal::new(i64::from(v % 10_001), 4)
}

fn money(cents: u64) -> Decimal {
    Decimal::new((cents % 100_000_000_000) as i64, 2)
}

fn grades_of(picks: &[usize]) -> Vec<Grade> {
    let mut out: Vec<Grade> = Vec::new();
    for p in picks {
        let g = Grade::ALL[p % 14];
        if !out.contains(&g) {
            out.push(g);
        }
    }
    if out.is_empty() {
        out.push(Grade::K);
    }
    out
}

fn tags_of(picks: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in picks {
        let t = TAGS[p % TAGS.len()].to_string();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

type RawSource = (
    u8,
    u64,
    Vec<usize>,
    (bool, bool),
    Option<Vec<usize>>,
    Vec<(usize, u32)>,
    [u32; 3],
);
type RawNorm = (Vec<usize>, u32, u64, u8, Option<u32>);
type RawLine = (
    bool,
    (u32, u32, bool),
    u64,
    Option<usize>,
    Vec<(usize, u32)>,
    (u8, Vec<usize>, Option<i64>),
    (String, Option<String>),
    bool,
);

fn raw_source() -> impl Strategy<Value = RawSource> {
    (
        0u8..3,
        any::<u64>(),
        prop::collection::vec(0usize..14, 0..4),
        (any::<bool>(), any::<bool>()),
        prop::option::of(prop::collection::vec(0usize..6, 0..4)),
        prop::collection::vec((0usize..6, 0u32..10_001), 0..3),
        [0u32..10_001, 0u32..10_001, 0u32..10_001],
    )
}

fn raw_norm() -> impl Strategy<Value = RawNorm> {
    (
        prop::collection::vec(0usize..14, 1..5),
        1u32..4000,
        any::<u64>(),
        0u8..3,
        prop::option::of(0u32..50),
    )
}

fn raw_line() -> impl Strategy<Value = RawLine> {
    (
        any::<bool>(),
        (0u32..500, 1u32..50, any::<bool>()),
        any::<u64>(),
        prop::option::of(0usize..4),
        prop::collection::vec((0usize..8, 1u32..100), 1..4),
        (
            0u8..3,
            prop::collection::vec(0usize..6, 0..3),
            prop::option::of(any::<i64>()),
        ),
        (
            "\\PC{0,12}|[ ,\"\r\n]{0,4}x[ ,\"\r\n]{0,4}",
            prop::option::of("\\PC{1,12}|[ ,\"\r\n;]{1,6}"),
        ),
        any::<bool>(),
    )
}

fn source(i: usize, raw: &RawSource) -> Source {
    let (kind, amount, grades, (restricted, one_time), allowed, set_asides, [a, b, c]) = raw;
    let allocation = match kind {
        0 => Allocation::Fixed {
            amount: money(*amount),
        },
        1 => {
            let basis = match amount % 4 {
                0 => Basis::Enrollment,
                1 => Basis::Unduplicated,
                2 => Basis::Ada,
                _ => Basis::Grades(grades_of(grades)),
            };
            Allocation::PerPupil {
                rate: Decimal::new((amount % 10_000_000_000) as i64, 4),
                basis,
            }
        }
        _ => Allocation::Lcff(Lcff {
            base: Span::ALL
                .iter()
                .map(|s| (*s, money(amount / 7 + *a as u64)))
                .collect(),
            supplemental: frac(*a),
            concentration: frac(*b),
            threshold: frac(*c),
        }),
    };
    Source {
        id: format!("s{i}"),
        name: format!("Source {i}"),
        restricted: *restricted,
        one_time: *one_time,
        allocation,
        allowed: allowed.as_ref().map(|p| tags_of(p)),
        set_asides: set_asides
            .iter()
            .map(|(t, s)| SetAside {
                tag: TAGS[t % TAGS.len()].to_string(),
                min_share: frac(*s),
            })
            .collect(),
    }
}

fn norm(i: usize, raw: &RawNorm) -> Norm {
    let (grades, spp, cost, rounding, min) = raw;
    Norm {
        id: format!("n{i}"),
        title: format!("Norm {i}"),
        grades: grades_of(grades),
        students_per_position: Decimal::new(i64::from(*spp), 2),
        unit_cost: money(*cost),
        rounding: [Rounding::Ceil, Rounding::Floor, Rounding::Round][usize::from(*rounding % 3)],
        min_fte: min.map(|m| Decimal::new(i64::from(m), 1)),
        bands: Vec::new(),
    }
}

/// A valid document built from raw draws: every id, reference and share sum holds by construction.
fn build(
    enrollment: &[(usize, u32)],
    fractions: (u32, u32),
    sources: &[RawSource],
    norm_source: bool,
    norms: &[RawNorm],
    lines: &[RawLine],
) -> Document {
    let mut srcs: Vec<Source> = sources
        .iter()
        .enumerate()
        .map(|(i, r)| source(i, r))
        .collect();
    if norm_source {
        srcs.push(Source {
            id: "norm".into(),
            name: "Norms".into(),
            restricted: true,
            one_time: false,
            allocation: Allocation::Norm,
            allowed: None,
            set_asides: vec![],
        });
    }
    let enrollment: BTreeMap<Grade, u32> = enrollment
        .iter()
        .map(|(g, n)| (Grade::ALL[g % 14], *n))
        .collect();
    let norms: Vec<Norm> = norms.iter().enumerate().map(|(i, r)| norm(i, r)).collect();
    let plain: Vec<&Source> = srcs
        .iter()
        .filter(|s| s.allocation != Allocation::Norm)
        .collect();
    let mut followed = vec![false; norms.len()];
    let mut out = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let (
            is_position,
            (fte, step, vacant),
            cost,
            norm_pick,
            shares,
            (prio, tags, rank),
            (title, notes),
            item_cost_blank,
        ) = raw;
        let mut norm_id = None;
        if let (true, true, Some(n)) = (*is_position, norm_source, norm_pick) {
            if let Some(k) = (0..norms.len())
                .map(|k| (k + n) % norms.len())
                .find(|k| !followed[*k])
            {
                followed[k] = true;
                norm_id = Some(norms[k].id.clone());
            }
        }
        let funding = if norm_id.is_some() {
            vec![Funding {
                source: "norm".into(),
                share: Decimal::ONE,
            }]
        } else if plain.is_empty() {
            continue;
        } else {
            let mut picked: Vec<(String, u32)> = Vec::new();
            for (s, w) in shares {
                let id = plain[s % plain.len()].id.clone();
                if !picked.iter().any(|(p, _)| *p == id) {
                    picked.push((id, *w));
                }
            }
            let total: u32 = picked.iter().map(|(_, w)| w).sum();
            let mut left = Decimal::ONE;
            let count = picked.len();
            picked
                .into_iter()
                .enumerate()
                .map(|(k, (source, w))| {
                    // Shares in hundredths of the weights; the last takes the rest, so they add to exactly 1.
                    let share = if k + 1 == count {
                        left
                    } else {
                        (Decimal::from(w) / Decimal::from(total))
                            .round_dp(4)
                            .max(Decimal::new(1, 4))
                    };
                    left -= share;
                    Funding { source, share }
                })
                .collect()
        };
        if funding.iter().any(|f| f.share <= Decimal::ZERO) {
            continue;
        }
        let kind = if *is_position {
            LineKind::Position(Position {
                fte: Decimal::new(i64::from(*fte), 1),
                unit_cost: if norm_id.is_some() && *item_cost_blank {
                    None
                } else {
                    Some(money(*cost))
                },
                fte_step: Decimal::new(i64::from(*step), 1),
                vacant: *vacant,
                norm: norm_id,
            })
        } else {
            LineKind::Item {
                amount: money(*cost),
            }
        };
        out.push(Line {
            id: format!("l{i}"),
            title: title.clone(),
            kind,
            funding,
            priority: [Priority::Flexible, Priority::Essential, Priority::Protected]
                [usize::from(*prio % 3)],
            tags: tags_of(tags),
            cut_rank: *rank,
            notes: notes.clone(),
        });
    }
    Document {
        school: School {
            name: "Generated \"School\"\n".into(),
            fiscal_year: "2026-27".into(),
            enrollment,
            unduplicated_pct: frac(fractions.0),
            attendance_rate: frac(fractions.1),
        },
        sources: srcs,
        norms,
        lines: out,
    }
}

fn valid_document() -> impl Strategy<Value = Document> {
    (
        prop::collection::vec((0usize..14, 0u32..400), 0..8),
        (any::<u32>(), any::<u32>()),
        prop::collection::vec(raw_source(), 0..5),
        any::<bool>(),
        prop::collection::vec(raw_norm(), 0..4),
        prop::collection::vec(raw_line(), 0..10),
    )
        .prop_map(|(e, f, s, ns, n, l)| build(&e, f, &s, ns, &n, &l))
}

/// Applies edits (0 delete, 1 insert, 2 replace) at char positions taken modulo the length.
fn mutate(text: &str, edits: &[(u8, usize, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (op, at, c) in edits {
        let len = chars.len();
        match op % 3 {
            0 if len > 0 => {
                chars.remove(at % len);
            }
            1 => chars.insert(at % (len + 1), *c),
            _ if len > 0 => chars[at % len] = *c,
            _ => {}
        }
    }
    chars.into_iter().collect()
}

fn edits() -> impl Strategy<Value = Vec<(u8, usize, char)>> {
    let c = prop_oneof![
        prop::sample::select(vec![
            '"', ',', ':', '{', '}', '[', ']', '-', '0', '9', 'e', '.', '|', '\n', ' ', '$'
        ]),
        any::<char>()
    ];
    prop::collection::vec((0u8..3, any::<usize>(), c), 1..8)
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn generated_documents_are_valid_and_round_trip(doc in valid_document()) {
        prop_assert_eq!(validate(&doc), Ok(()));
        prop_assert_eq!(parse_document(&to_json(&doc)), Ok(doc.clone()));
        prop_assert_eq!(import_lines_csv(&doc, &lines_to_csv(&doc)), Ok(doc));
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn any_text_is_answered_without_panic(text in "\\PC{0,200}") {
        let _ = parse_document(&text);
        let _ = import_lines_csv(&sample_document(), &text);
        let _ = parse_decimal(&text);
        let _ = parse_money(&text);
    }

    #[test]
    fn any_bytes_are_answered_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_document(&text);
        if let Ok(doc) = import_lines_csv(&sample_document(), &text) {
            prop_assert_eq!(import_lines_csv(&doc, &lines_to_csv(&doc)), Ok(doc.clone()));
        }
    }

    #[test]
    fn mutated_sample_json_is_refused_or_valid(edits in edits()) {
        let text = mutate(SAMPLE_JSON, &edits);
        if let Ok(doc) = parse_document(&text) {
            prop_assert_eq!(validate(&doc), Ok(()));
            prop_assert_eq!(parse_document(&to_json(&doc)), Ok(doc));
        }
    }

    #[test]
    fn mutated_sample_csv_is_refused_or_round_trips(edits in edits()) {
        let sample = sample_document();
        let text = mutate(&lines_to_csv(&sample), &edits);
        match import_lines_csv(&sample, &text) {
            Ok(doc) => {
                prop_assert_eq!(validate(&doc), Ok(()));
                prop_assert_eq!(import_lines_csv(&doc, &lines_to_csv(&doc)), Ok(doc));
            }
            Err(e) => prop_assert!(!e.problems.is_empty()),
        }
    }

    #[test]
    fn numbers_of_any_shape_are_answered(
        text in "[-+$ ]{0,2}[0-9,]{0,40}(\\.[0-9]{0,40})?([eE][-+]?[0-9]{1,25})?"
    ) {
        if let Ok(d) = parse_decimal(&text) {
            prop_assert_eq!(parse_decimal(&d.to_string()), Ok(d));
        }
        let _ = parse_money(&text);
    }

    #[test]
    fn decimals_print_and_parse_back_exactly(m in any::<i128>(), scale in 0u32..=28) {
        let m = m % 79_228_162_514_264_337_593_543_950_335i128;
        let d = Decimal::from_i128_with_scale(m, scale);
        let back = parse_decimal(&d.to_string());
        prop_assert_eq!(back, Ok(d));
        prop_assert_eq!(back.map(|b| b.scale()), Ok(d.scale()));
    }
}
