//! Property tests: conservation, safe cuts, closed or explained deficits, monotone
//! allocations, determinism, and no panics on random documents.

mod engine_fixture;

use engine_fixture::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use sitebudget_core::engine::{
    evaluate, network_total, per_pupil, project, school_row, share4, CutReason, EnrollmentInput,
    Evaluation, LineEdit, Scenario, SchoolRow, Snapshot,
};
use sitebudget_core::model::{
    Allocation, Basis, Document, Funding, Grade, Lcff, Line, LineKind, Norm, Position, Priority,
    Rounding, School, SetAside, Source, Span,
};

const TAGS: [&str; 4] = ["intervention", "health", "supplies", "family-engagement"];

/// Raw numbers for one source: kind, amount or rate, basis.
type SourceParam = (u8, u32, u8, bool, bool);
/// Raw numbers for one norm: grade mask, students per position, unit cost, rounding, min FTE.
type NormParam = (u16, u8, u32, u8, Option<u8>);
/// Raw numbers for one line.
type LineParam = (
    (bool, u16, u32, u8, bool, u8),
    (Option<i8>, u8, u8, [u8; 3], u8, u8),
    Option<u8>,
);

fn money(cents: u32) -> Decimal {
    Decimal::new(i64::from(cents), 2)
}

/// Builds a valid document (the validator's rules hold) from raw numbers.
fn build(
    counts: &[u16],
    undup: u8,
    att: u8,
    sources: &[SourceParam],
    norms: &[NormParam],
    lines: &[LineParam],
) -> Document {
    let enrollment = Grade::ALL
        .iter()
        .zip(counts)
        .map(|(g, n)| (*g, u32::from(*n)))
        .collect();
    let school = School {
        name: "P".into(),
        fiscal_year: "2026-27".into(),
        enrollment,
        unduplicated_pct: Decimal::new(i64::from(undup.min(100)), 2),
        attendance_rate: Decimal::new(i64::from(att.clamp(80, 100)), 2),
    };
    let mut srcs: Vec<Source> = sources
        .iter()
        .enumerate()
        .map(|(i, &(kind, amount, basis, restricted_flag, one_time))| {
            let allocation = match kind % 3 {
                0 => Allocation::Fixed {
                    amount: money(amount),
                },
                1 => Allocation::PerPupil {
                    rate: money(amount % 300_000),
                    basis: match basis % 4 {
                        0 => Basis::Enrollment,
                        1 => Basis::Unduplicated,
                        2 => Basis::Ada,
                        _ => Basis::Grades(vec![Grade::K, Grade::G(1), Grade::G(4)]),
                    },
                },
                _ => Allocation::Lcff(Lcff {
                    base: [
                        (Span::Tk3, money(amount % 1_500_000)),
                        (Span::G4to6, d("10177")),
                    ]
                    .into_iter()
                    .collect(),
                    supplemental: d("0.2"),
                    concentration: d("0.65"),
                    threshold: d("0.55"),
                }),
            };
            let mut s = source(&format!("s{i}"), allocation);
            s.one_time = one_time;
            if restricted_flag {
                s.restricted = true;
                s.allowed = Some(vec![TAGS[i % 4].to_string(), TAGS[(i + 1) % 4].to_string()]);
                s.set_asides = vec![SetAside {
                    tag: TAGS[i % 4].to_string(),
                    min_share: d("0.05"),
                }];
            }
            s
        })
        .collect();
    let has_norms = !norms.is_empty();
    if has_norms {
        srcs.push(source("norm", Allocation::Norm));
    }
    let norms: Vec<Norm> = norms
        .iter()
        .enumerate()
        .map(|(i, &(mask, spp, unit, rounding, min))| Norm {
            id: format!("n{i}"),
            title: "N".into(),
            grades: Grade::ALL
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1 << k) != 0)
                .map(|(_, g)| *g)
                .collect(),
            students_per_position: Decimal::from(u32::from(spp.max(1))),
            unit_cost: money(unit),
            rounding: [Rounding::Ceil, Rounding::Floor, Rounding::Round][usize::from(rounding % 3)],
            min_fte: min.map(|m| Decimal::new(i64::from(m % 30), 1)),
            bands: Vec::new(),
        })
        .collect();
    let n_plain = sources.len();
    let lines = lines
        .iter()
        .enumerate()
        .map(
            |(
                i,
                &(
                    (is_pos, qty, unit, step, vacant, prio),
                    (rank, tags, nf, picks, a, b),
                    norm_pick,
                ),
            )| {
                let priority = [Priority::Flexible, Priority::Essential, Priority::Protected]
                    [usize::from(prio % 3)];
                let norm = if has_norms && is_pos {
                    norm_pick.map(|n| usize::from(n) % norms.len())
                } else {
                    None
                };
                let funding = if norm.is_some() || n_plain == 0 {
                    vec![Funding {
                        source: "norm".into(),
                        share: Decimal::ONE,
                    }]
                } else {
                    let pick = |k: usize| format!("s{}", usize::from(picks[k]) % n_plain);
                    let (a, b) = (i64::from(a % 49 + 1), i64::from(b % 49 + 1));
                    match nf % 3 {
                        0 => vec![Funding {
                            source: pick(0),
                            share: Decimal::ONE,
                        }],
                        1 => vec![
                            Funding {
                                source: pick(0),
                                share: Decimal::new(a, 2),
                            },
                            Funding {
                                source: pick(1),
                                share: Decimal::new(100 - a, 2),
                            },
                        ],
                        _ => vec![
                            Funding {
                                source: pick(0),
                                share: Decimal::new(a, 2),
                            },
                            Funding {
                                source: pick(1),
                                share: Decimal::new(b, 2),
                            },
                            Funding {
                                source: pick(2),
                                share: Decimal::new(100 - a - b, 2),
                            },
                        ],
                    }
                };
                let kind = if is_pos {
                    LineKind::Position(Position {
                        fte: Decimal::new(i64::from(qty % 40), 1),
                        unit_cost: if norm.is_some() && unit % 2 == 0 {
                            None
                        } else {
                            Some(money(unit % 20_000_000))
                        },
                        fte_step: [d("0.1"), d("0.2"), d("0.5"), d("1")][usize::from(step % 4)],
                        vacant,
                        norm: norm.map(|n| format!("n{n}")),
                    })
                } else {
                    LineKind::Item {
                        amount: money(unit % 20_000_000),
                    }
                };
                Line {
                    id: format!("l{i}"),
                    title: format!("Line {i}"),
                    kind,
                    funding,
                    priority: if norm.is_some() {
                        Priority::Protected
                    } else {
                        priority
                    },
                    tags: TAGS
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| tags & (1 << k) != 0)
                        .map(|(_, t)| t.to_string())
                        .collect(),
                    cut_rank: rank.map(i64::from),
                    notes: None,
                }
            },
        )
        .collect();
    Document {
        school: doc_school(school),
        sources: srcs,
        norms,
        lines,
    }
}

fn doc_school(s: School) -> School {
    s
}

fn source_param() -> impl Strategy<Value = SourceParam> {
    (
        any::<u8>(),
        0u32..50_000_000,
        any::<u8>(),
        any::<bool>(),
        any::<bool>(),
    )
}

fn norm_param() -> impl Strategy<Value = NormParam> {
    (
        any::<u16>(),
        10u8..40,
        5_000_000u32..15_000_000,
        any::<u8>(),
        proptest::option::of(any::<u8>()),
    )
}

fn line_param() -> impl Strategy<Value = LineParam> {
    (
        (
            any::<bool>(),
            any::<u16>(),
            any::<u32>(),
            any::<u8>(),
            any::<bool>(),
            any::<u8>(),
        ),
        (
            proptest::option::of(-3i8..4),
            any::<u8>(),
            any::<u8>(),
            any::<[u8; 3]>(),
            any::<u8>(),
            any::<u8>(),
        ),
        proptest::option::of(any::<u8>()),
    )
}

prop_compose! {
    fn document()(
        counts in proptest::collection::vec(0u16..400, 1..14),
        undup in 0u8..=100,
        att in 80u8..=100,
        sources in proptest::collection::vec(source_param(), 1..5),
        norms in proptest::collection::vec(norm_param(), 0..3),
        lines in proptest::collection::vec(line_param(), 0..25),
    ) -> Document {
        build(&counts, undup, att, &sources, &norms, &lines)
    }
}

prop_compose! {
    fn scenario()(
        kind in 0u8..3,
        change in -60i64..=30,
        grade in 0usize..14,
        count in 0u32..500,
        undup in proptest::option::of(0i64..=100),
        att in proptest::option::of(80i64..=100),
        cost in -20i64..=20,
        rate in -20i64..=20,
        remove in proptest::option::of(0usize..25),
        add in proptest::option::of((1u32..10_000_000, any::<bool>())),
    ) -> Scenario {
        let enrollment = match kind {
            0 => EnrollmentInput::Unchanged,
            1 => EnrollmentInput::Change(Decimal::new(change, 2)),
            _ => EnrollmentInput::Counts(Grade::ALL.get(grade).map(|g| (*g, count)).into_iter().collect()),
        };
        let mut line_edits = Vec::new();
        if let Some(r) = remove { line_edits.push(LineEdit::Remove(format!("l{r}"))); }
        if let Some((amount, flexible)) = add {
            let l = item("added", "0", &[("s0", "1")]);
            let mut l = if flexible { l.prio(Priority::Flexible) } else { l };
            l.kind = LineKind::Item { amount: money(amount) };
            line_edits.push(LineEdit::Add(l));
        }
        Scenario {
            enrollment,
            unduplicated_pct: undup.map(|u| Decimal::new(u, 2)),
            attendance_rate: att.map(|a| Decimal::new(a, 2)),
            cost_change: Decimal::new(cost, 2),
            rate_change: Decimal::new(rate, 2),
            line_edits,
            ..Scenario::default()
        }
    }
}

/// Removing an id the document lacks is a legitimate error; keep only edits that apply.
fn fit(doc: &Document, mut sc: Scenario) -> Scenario {
    sc.line_edits.retain(|e| match e {
        LineEdit::Remove(id) => doc.lines.iter().any(|l| &l.id == id),
        _ => true,
    });
    sc
}

/// Evaluates a valid document; only LCFF with no pupils left may refuse it (case skipped).
fn eval_valid(doc: &Document, sc: &Scenario) -> Result<Evaluation, TestCaseError> {
    match evaluate(doc, sc) {
        Ok(ev) => Ok(ev),
        Err(sitebudget_core::engine::EngineError::ZeroEnrollment { .. }) => {
            Err(TestCaseError::reject("LCFF with no pupils"))
        }
        Err(e) => Err(TestCaseError::fail(format!("valid document refused: {e}"))),
    }
}

fn conserved(s: &Snapshot) -> Result<(), TestCaseError> {
    let balances: Decimal = s.sources.iter().map(|x| x.balance).sum();
    prop_assert_eq!(balances, s.total_allocation - s.total_cost);
    prop_assert_eq!(s.balance, s.total_allocation - s.total_cost);
    let charges: Decimal = s.sources.iter().map(|x| x.charges).sum();
    prop_assert_eq!(charges, s.total_cost);
    for l in &s.lines {
        let sum: Decimal = l.charges.iter().map(|(_, c)| *c).sum();
        prop_assert_eq!(sum, l.cost, "line {}", l.id);
    }
    for x in &s.sources {
        prop_assert_eq!(x.balance, x.allocation - x.charges);
    }
    Ok(())
}

/// The line's FTE (position) or amount (item) in a snapshot.
fn qty(s: &Snapshot, id: &str) -> Option<Decimal> {
    s.line(id).and_then(|l| l.fte.or(l.amount))
}

fn check_plan(doc: &Document, sc: &Scenario, ev: &Evaluation) -> Result<(), TestCaseError> {
    let applied = sitebudget_core::engine::apply_scenario(doc, sc).unwrap();
    let line = |id: &str| applied.lines.iter().find(|l| l.id == id);
    for c in &ev.plan.cuts {
        let l = line(&c.line).expect("cut line exists");
        let pinned = l.priority == Priority::Protected || l.norm().is_some();
        for r in &c.reasons {
            match r {
                CutReason::Deficit { .. } => {
                    prop_assert!(!pinned, "deficit cut of pinned {}", c.line)
                }
                CutReason::Norm { .. } => prop_assert!(l.norm().is_some()),
            }
        }
        prop_assert!(
            c.to >= Decimal::ZERO && c.to < c.from,
            "cut {} {} → {}",
            c.line,
            c.from,
            c.to
        );
        let freed: Decimal = c.frees.iter().map(|(_, m)| *m).sum();
        prop_assert!(freed >= Decimal::ZERO);
    }
    // Protected and norm-linked lines keep their scenario figures; nothing goes below zero.
    for l in &applied.lines {
        let after = qty(&ev.after, &l.id).unwrap();
        prop_assert!(after >= Decimal::ZERO);
        if l.priority == Priority::Protected || l.norm().is_some() {
            prop_assert_eq!(Some(after), qty(&ev.scenario, &l.id));
        }
    }
    // Every source ends at zero or above, or all its cuttable lines are at zero.
    for s in &ev.after.sources {
        if s.balance >= Decimal::ZERO {
            prop_assert!(ev.plan.deficit(&s.id).is_none());
            continue;
        }
        let d = ev.plan.deficit(&s.id).expect("deficit reported");
        prop_assert_eq!(d.amount, -s.balance);
        for l in &applied.lines {
            let cuttable = l.priority != Priority::Protected && l.norm().is_none();
            if cuttable && l.funding.iter().any(|f| f.source == s.id) {
                prop_assert_eq!(
                    ev.after.line(&l.id).unwrap().cost,
                    Decimal::ZERO,
                    "line {} in {}",
                    l.id,
                    s.id
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn money_is_conserved_and_cuts_are_safe(doc in document(), sc in scenario()) {
        let sc = fit(&doc, sc);
        let ev = eval_valid(&doc, &sc)?;
        conserved(&ev.baseline)?;
        conserved(&ev.scenario)?;
        conserved(&ev.after)?;
        check_plan(&doc, &sc, &ev)?;
    }

    #[test]
    fn fewer_students_never_raise_per_pupil_or_norm_money(doc in document(), change in -60i64..=0) {
        let sc = Scenario { enrollment: EnrollmentInput::Change(Decimal::new(change, 2)), ..Scenario::default() };
        let ev = eval_valid(&doc, &sc)?;
        for (src, (b, s)) in doc.sources.iter().zip(ev.baseline.sources.iter().zip(&ev.scenario.sources)) {
            if matches!(src.allocation, Allocation::PerPupil { .. } | Allocation::Norm) {
                prop_assert!(s.allocation <= b.allocation, "{}: {} > {}", src.id, s.allocation, b.allocation);
            }
        }
        for (b, s) in ev.baseline.entitlements.iter().zip(&ev.scenario.entitlements) {
            prop_assert!(s.fte <= b.fte);
        }
    }

    #[test]
    fn the_scenario_matches_the_applied_document(doc in document(), sc in scenario()) {
        // evaluate borrows the lines and grows prices inside; apply_scenario copies the
        // document: both must give the same figures.
        let sc = fit(&doc, sc);
        let ev = eval_valid(&doc, &sc)?;
        let applied = sitebudget_core::engine::apply_scenario(&doc, &sc).unwrap();
        let direct = sitebudget_core::engine::snapshot(&applied).unwrap();
        prop_assert_eq!(&ev.scenario, &direct);
        let year1 = project(&doc, &sc, 1).unwrap();
        prop_assert_eq!(year1[0].total_cost, direct.total_cost);
        // The same cuts; only the page's plan lists the alternatives to each.
        let mut plan = ev.plan.clone();
        for cut in &mut plan.cuts {
            for gap in &mut cut.gaps {
                gap.alternatives.clear();
            }
        }
        prop_assert_eq!(&year1[0].plan, &plan);
    }

    #[test]
    fn the_plan_is_deterministic(doc in document(), sc in scenario()) {
        let sc = fit(&doc, sc);
        let a = eval_valid(&doc, &sc)?;
        let b = eval_valid(&doc.clone(), &sc.clone())?;
        prop_assert_eq!(a, b);
        prop_assert_eq!(project(&doc, &sc, 3), project(&doc, &sc, 3));
    }
}

// ---- Random documents, valid or not: only "no panic" is asked. ----

fn wild_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

fn wild_id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a".to_string()),
        Just("b".to_string()),
        Just("norm".to_string()),
        "[a-c]{0,2}"
    ]
}

fn wild_grade() -> impl Strategy<Value = Grade> {
    prop_oneof![
        Just(Grade::TK),
        Just(Grade::K),
        any::<u8>().prop_map(Grade::G)
    ]
}

fn wild_source() -> impl Strategy<Value = Source> {
    (
        wild_id(),
        0u8..4,
        wild_decimal(),
        proptest::collection::vec(wild_grade(), 0..3),
        any::<bool>(),
        any::<bool>(),
        wild_decimal(),
    )
        .prop_map(|(id, kind, x, grades, r, o, share)| {
            let allocation = match kind {
                0 => Allocation::Fixed { amount: x },
                1 => Allocation::PerPupil {
                    rate: x,
                    basis: if grades.is_empty() {
                        Basis::Ada
                    } else {
                        Basis::Grades(grades)
                    },
                },
                2 => Allocation::Lcff(Lcff {
                    base: [(Span::Tk3, x), (Span::G9to12, share)]
                        .into_iter()
                        .collect(),
                    supplemental: share,
                    concentration: x,
                    threshold: share,
                }),
                _ => Allocation::Norm,
            };
            Source {
                id,
                name: String::new(),
                restricted: r,
                one_time: o,
                allocation,
                allowed: r.then(|| vec!["t".to_string()]),
                set_asides: vec![SetAside {
                    tag: "t".into(),
                    min_share: share,
                }],
            }
        })
}

fn wild_line() -> impl Strategy<Value = Line> {
    (
        wild_id(),
        any::<bool>(),
        (
            wild_decimal(),
            proptest::option::of(wild_decimal()),
            wild_decimal(),
            any::<bool>(),
        ),
        proptest::option::of(wild_id()),
        proptest::collection::vec((wild_id(), wild_decimal()), 0..3),
        0u8..3,
        proptest::option::of(any::<i64>()),
    )
        .prop_map(
            |(id, pos, (a, b, c, vacant), norm, funding, prio, rank)| Line {
                id,
                title: String::new(),
                kind: if pos {
                    LineKind::Position(Position {
                        fte: a,
                        unit_cost: b,
                        fte_step: c,
                        vacant,
                        norm,
                    })
                } else {
                    LineKind::Item { amount: a }
                },
                funding: funding
                    .into_iter()
                    .map(|(source, share)| Funding { source, share })
                    .collect(),
                priority: [Priority::Flexible, Priority::Essential, Priority::Protected]
                    [usize::from(prio)],
                tags: vec!["t".into()],
                cut_rank: rank,
                notes: None,
            },
        )
}

fn wild_norm() -> impl Strategy<Value = Norm> {
    (
        wild_id(),
        proptest::collection::vec(wild_grade(), 0..4),
        wild_decimal(),
        wild_decimal(),
        0u8..3,
        proptest::option::of(wild_decimal()),
    )
        .prop_map(|(id, grades, spp, unit, r, min)| Norm {
            id,
            title: String::new(),
            grades,
            students_per_position: spp,
            unit_cost: unit,
            rounding: [Rounding::Ceil, Rounding::Floor, Rounding::Round][usize::from(r)],
            min_fte: min,
            bands: Vec::new(),
        })
}

prop_compose! {
    fn wild_document()(
        counts in proptest::collection::btree_map(wild_grade(), any::<u32>(), 0..6),
        undup in wild_decimal(),
        att in wild_decimal(),
        sources in proptest::collection::vec(wild_source(), 0..4),
        norms in proptest::collection::vec(wild_norm(), 0..3),
        lines in proptest::collection::vec(wild_line(), 0..6),
        tidy in any::<bool>(),
    ) -> Document {
        let mut doc = Document {
            school: School { name: String::new(), fiscal_year: String::new(), enrollment: counts, unduplicated_pct: undup, attendance_rate: att },
            sources,
            norms,
            lines,
        };
        // Half the cases get unique ids and fractions in range, so they reach the
        // arithmetic (and the cut plan) instead of stopping at the first check.
        if tidy {
            doc.school.unduplicated_pct = d("0.5");
            doc.school.attendance_rate = d("0.9");
            for (i, s) in doc.sources.iter_mut().enumerate() {
                s.id = ["a", "b", "norm", "c"][i % 4].to_string();
            }
            for (i, n) in doc.norms.iter_mut().enumerate() {
                n.id = format!("n{i}");
            }
            let first = doc.sources.first().map(|s| s.id.clone());
            for (i, l) in doc.lines.iter_mut().enumerate() {
                l.id = format!("l{i}");
                match &mut l.kind {
                    LineKind::Position(p) => {
                        p.fte = p.fte.abs();
                        p.unit_cost = p.unit_cost.map(|u| u.abs());
                        if p.fte_step <= Decimal::ZERO {
                            p.fte_step = d("0.2");
                        }
                        if p.norm.is_some() {
                            p.norm = Some("n0".into());
                        }
                    }
                    LineKind::Item { amount } => *amount = amount.abs(),
                }
                if let Some(f) = &first {
                    l.funding = vec![Funding { source: f.clone(), share: Decimal::ONE }];
                }
            }
            for n in &mut doc.norms {
                n.students_per_position = n.students_per_position.abs().max(Decimal::ONE);
                n.unit_cost = n.unit_cost.abs();
            }
        }
        doc
    }
}

prop_compose! {
    fn wild_scenario()(
        change in proptest::option::of(wild_decimal()),
        undup in proptest::option::of(wild_decimal()),
        att in proptest::option::of(wild_decimal()),
        cost in wild_decimal(),
        rate in wild_decimal(),
        edits in proptest::collection::vec((0u8..3, wild_line()), 0..3),
    ) -> Scenario {
        Scenario {
            enrollment: change.map_or(EnrollmentInput::Unchanged, EnrollmentInput::Change),
            unduplicated_pct: undup,
            attendance_rate: att,
            cost_change: cost,
            rate_change: rate,
            line_edits: edits.into_iter().map(|(k, l)| match k {
                0 => LineEdit::Add(l),
                1 => LineEdit::Replace(l),
                _ => LineEdit::Remove(l.id),
            }).collect(),
            ..Scenario::default()
        }
    }
}

/// Documents that are valid except for a few numbers pushed to extremes.
fn extreme(doc: Document, which: u8, x: Decimal) -> Document {
    let mut doc = doc;
    match which % 4 {
        0 => {
            if let Some(s) = doc.sources.first_mut() {
                s.allocation = Allocation::PerPupil {
                    rate: x,
                    basis: Basis::Enrollment,
                };
            }
        }
        1 => {
            if let Some(n) = doc.norms.first_mut() {
                n.students_per_position = x;
            }
        }
        2 => {
            if let Some(l) = doc.lines.first_mut() {
                match &mut l.kind {
                    LineKind::Position(p) => p.fte_step = x,
                    LineKind::Item { amount } => *amount = x,
                }
            }
        }
        _ => doc.school.unduplicated_pct = x,
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_documents_and_scenarios_never_panic(doc in wild_document(), sc in wild_scenario()) {
        let _ = evaluate(&doc, &sc);
        let _ = evaluate(&doc, &Scenario::default());
        let _ = project(&doc, &sc, 3);
    }

    #[test]
    fn extreme_numbers_in_valid_documents_never_panic(
        doc in document(), sc in scenario(), which in any::<u8>(), x in wild_decimal(),
    ) {
        let doc = extreme(doc, which, x);
        let sc = fit(&doc, sc);
        if let Ok(ev) = evaluate(&doc, &sc) {
            conserved(&ev.after)?;
        }
        let _ = project(&doc, &sc, 3);
    }
}

/// A school's network row holds the same figures as the single-school evaluation of the
/// same change: pupils, allocation and balance before cuts, the plan's FTE cut and
/// deficits left, the index after the plan and the smallest `lose` of its levers.
fn row_matches_evaluation(
    doc: &Document,
    change: Decimal,
) -> Result<Option<SchoolRow>, TestCaseError> {
    let sc = Scenario {
        enrollment: EnrollmentInput::Change(change),
        ..Scenario::default()
    };
    let ev = match evaluate(doc, &sc) {
        Ok(ev) => ev,
        Err(e) => {
            prop_assert!(
                school_row(doc, change).is_err(),
                "evaluate refused ({e}) but the row computed"
            );
            return Ok(None);
        }
    };
    let row =
        school_row(doc, change).map_err(|e| TestCaseError::fail(format!("row refused: {e}")))?;
    prop_assert_eq!(row.pupils, ev.scenario.counts.enrollment);
    prop_assert_eq!(row.unduplicated, ev.scenario.counts.unduplicated);
    prop_assert_eq!(row.allocation, ev.scenario.total_allocation);
    prop_assert_eq!(row.balance, ev.scenario.balance);
    prop_assert_eq!(row.cut_fte, ev.plan.positions_lost());
    let deficit: Decimal = ev.plan.deficits.iter().map(|d| d.amount).sum();
    prop_assert_eq!(row.deficit, deficit);
    prop_assert_eq!(row.flexible, ev.flexibility.flexible);
    prop_assert_eq!(row.flex_index, ev.flexibility.index);
    let lose = ev.levers.breakpoints.iter().filter_map(|b| b.lose).min();
    prop_assert_eq!(row.lose, lose);
    let restricted: Decimal = ev
        .flexibility
        .sources
        .iter()
        .filter(|s| s.restricted)
        .map(|s| s.allocation)
        .sum();
    prop_assert_eq!(row.restricted_allocation, restricted);
    prop_assert_eq!(row.per_pupil, per_pupil(row.allocation, row.pupils));
    prop_assert_eq!(row.restricted_share, share4(restricted, row.allocation));
    Ok(Some(row))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_network_row_is_the_single_school_evaluation(doc in document(), change in -100i64..=100) {
        row_matches_evaluation(&doc, Decimal::new(change, 2))?;
    }

    #[test]
    fn network_totals_are_sums_of_the_rows(
        docs in proptest::collection::vec(document(), 0..6),
        changes in proptest::collection::vec(-60i64..=30, 6),
    ) {
        let mut rows = Vec::new();
        for (doc, c) in docs.iter().zip(&changes) {
            if let Some(r) = row_matches_evaluation(doc, Decimal::new(*c, 2))? {
                rows.push(r);
            }
        }
        let refs: Vec<&SchoolRow> = rows.iter().collect();
        let t = network_total(&refs);
        prop_assert_eq!(t.schools, rows.len());
        prop_assert_eq!(t.pupils, rows.iter().map(|r| r.pupils).sum::<u64>());
        prop_assert_eq!(t.unduplicated, rows.iter().map(|r| r.unduplicated).sum::<u64>());
        let sum = |f: fn(&SchoolRow) -> Decimal| rows.iter().map(f).sum::<Decimal>();
        prop_assert_eq!(t.allocation, sum(|r| r.allocation));
        prop_assert_eq!(t.restricted_allocation, sum(|r| r.restricted_allocation));
        prop_assert_eq!(t.balance, sum(|r| r.balance));
        prop_assert_eq!(t.cut_fte, sum(|r| r.cut_fte));
        prop_assert_eq!(t.deficit, sum(|r| r.deficit));
        prop_assert_eq!(t.flexible, sum(|r| r.flexible));
        // Per pupil, shares and the index come from the sums, never averaged.
        prop_assert_eq!(t.per_pupil, per_pupil(t.allocation, t.pupils));
        prop_assert_eq!(t.restricted_share, share4(t.restricted_allocation, t.allocation));
        prop_assert_eq!(
            t.unduplicated_share,
            share4(Decimal::from(t.unduplicated), Decimal::from(t.pupils))
        );
        let index = if t.allocation.is_zero() { Decimal::ZERO } else { t.flexible / t.allocation };
        prop_assert_eq!(t.flex_index, index);
        prop_assert_eq!(t.lose, rows.iter().filter_map(|r| r.lose).min());
    }

    #[test]
    fn random_documents_never_panic_a_network_row(doc in wild_document(), change in wild_decimal()) {
        let _ = school_row(&doc, change);
    }
}
