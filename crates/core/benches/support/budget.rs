//! The generated budgets the engine benchmarks time, shared by `benches/engine.rs`
//! (native, criterion) and `tests/wasm_engine_timing.rs` (the same work in Chromium).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use sitebudget_core::engine::{snapshot, EnrollmentInput, Scenario};
use sitebudget_core::model::{
    Allocation, Basis, Document, Funding, Grade, Line, LineKind, Norm, Position, Priority,
    Rounding, School, SetAside, Source,
};

/// A tiny deterministic generator (64-bit LCG) so every run sees the same budget.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn src(id: &str, restricted: bool, one_time: bool, allocation: Allocation) -> Source {
    Source {
        id: id.into(),
        name: id.into(),
        restricted,
        one_time,
        allocation,
        allowed: restricted.then(|| vec!["intervention".into(), "supplies".into()]),
        set_asides: if restricted {
            vec![SetAside {
                tag: "family".into(),
                min_share: Decimal::new(1, 2),
            }]
        } else {
            Vec::new()
        },
    }
}

/// A school of about `lines / 2` pupils per grade with `lines` budget lines.
pub fn budget(lines: usize) -> Document {
    let mut rng = Lcg(lines as u64);
    let per_grade = (lines as u32 / 2).max(30);
    let enrollment: BTreeMap<Grade, u32> =
        Grade::ALL[..9].iter().map(|g| (*g, per_grade)).collect();
    let ids = ["gf", "need", "title1", "ada", "carry", "grant"];
    let mut sources = vec![
        src(
            "gf",
            false,
            false,
            Allocation::Fixed {
                amount: Decimal::ZERO,
            },
        ),
        src(
            "need",
            false,
            false,
            Allocation::Fixed {
                amount: Decimal::ZERO,
            },
        ),
        src(
            "title1",
            true,
            false,
            Allocation::Fixed {
                amount: Decimal::ZERO,
            },
        ),
        src(
            "ada",
            false,
            false,
            Allocation::Fixed {
                amount: Decimal::ZERO,
            },
        ),
        src(
            "carry",
            false,
            true,
            Allocation::Fixed {
                amount: Decimal::ZERO,
            },
        ),
        src(
            "grant",
            true,
            false,
            Allocation::Fixed {
                amount: Decimal::ZERO,
            },
        ),
        src("norm", true, false, Allocation::Norm),
    ];
    let norms: Vec<Norm> = [
        ("k3", &Grade::ALL[..5], 24),
        ("g46", &Grade::ALL[5..8], 28),
        ("g78", &Grade::ALL[8..9], 30),
    ]
    .iter()
    .map(|(id, grades, spp)| Norm {
        id: (*id).into(),
        title: (*id).into(),
        grades: grades.to_vec(),
        students_per_position: Decimal::from(*spp),
        unit_cost: Decimal::from(118_000),
        rounding: Rounding::Ceil,
        min_fte: None,
        bands: Vec::new(),
    })
    .collect();
    let mut out = Vec::with_capacity(lines);
    for (i, n) in norms.iter().enumerate().take(lines) {
        out.push(Line {
            id: format!("norm-{i}"),
            title: n.title.clone(),
            kind: LineKind::Position(Position {
                fte: Decimal::ZERO,
                unit_cost: None,
                fte_step: Decimal::ONE,
                vacant: false,
                norm: Some(n.id.clone()),
            }),
            funding: vec![Funding {
                source: "norm".into(),
                share: Decimal::ONE,
            }],
            priority: Priority::Protected,
            tags: Vec::new(),
            cut_rank: None,
            notes: None,
        });
    }
    while out.len() < lines {
        let i = out.len();
        let a = ids[rng.next(ids.len() as u64) as usize];
        let b = ids[rng.next(ids.len() as u64) as usize];
        let funding = if rng.next(3) == 0 && a != b {
            let share = Decimal::new(rng.next(80) as i64 + 10, 2);
            vec![
                Funding {
                    source: a.into(),
                    share,
                },
                Funding {
                    source: b.into(),
                    share: Decimal::ONE - share,
                },
            ]
        } else {
            vec![Funding {
                source: a.into(),
                share: Decimal::ONE,
            }]
        };
        let kind = if rng.next(2) == 0 {
            LineKind::Position(Position {
                fte: Decimal::new(rng.next(10) as i64 + 1, 1) * Decimal::TWO,
                unit_cost: Some(Decimal::from(60_000 + rng.next(90_000))),
                fte_step: Decimal::new(2, 1),
                vacant: rng.next(8) == 0,
                norm: None,
            })
        } else {
            LineKind::Item {
                amount: Decimal::new(rng.next(5_000_000) as i64 + 100, 2),
            }
        };
        out.push(Line {
            id: format!("line-{i}"),
            title: format!("Line {i}"),
            kind,
            funding,
            priority: [
                Priority::Flexible,
                Priority::Essential,
                Priority::Essential,
                Priority::Protected,
            ][rng.next(4) as usize],
            tags: vec![
                ["intervention", "supplies", "family", "health"][rng.next(4) as usize].into(),
            ],
            cut_rank: (rng.next(3) == 0).then(|| rng.next(10) as i64),
            notes: None,
        });
    }
    let mut doc = Document {
        school: School {
            name: "Bench".into(),
            fiscal_year: "2026-27".into(),
            enrollment,
            unduplicated_pct: Decimal::new(86, 2),
            attendance_rate: Decimal::new(95, 2),
        },
        sources: sources.clone(),
        norms,
        lines: out,
    };
    // Size each source to 1% above what it is charged, per pupil where the basis allows,
    // so 10% fewer pupils opens deficits the plan must close.
    let snap = snapshot(&doc).expect("generated budget computes");
    let (e, u, ada) = (
        Decimal::from(snap.counts.enrollment),
        Decimal::from(snap.counts.unduplicated),
        snap.counts.ada,
    );
    for (s, r) in sources.iter_mut().zip(&snap.sources) {
        let target = r.charges * Decimal::new(101, 2);
        s.allocation = match s.id.as_str() {
            "gf" => Allocation::PerPupil {
                rate: (target / e).round_dp(2),
                basis: Basis::Enrollment,
            },
            "need" | "title1" => Allocation::PerPupil {
                rate: (target / u).round_dp(2),
                basis: Basis::Unduplicated,
            },
            "ada" => Allocation::PerPupil {
                rate: (target / ada).round_dp(2),
                basis: Basis::Ada,
            },
            "norm" => Allocation::Norm,
            _ => Allocation::Fixed {
                amount: target.round_dp(2),
            },
        };
    }
    doc.sources = sources;
    doc
}

/// 10% fewer pupils and 3% dearer staff: deficits in several sources, so the plan cuts.
pub fn scenario() -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change(Decimal::new(-10, 2)),
        cost_change: Decimal::new(3, 2),
        ..Scenario::default()
    }
}
