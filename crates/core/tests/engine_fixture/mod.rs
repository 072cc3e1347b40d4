//! Small builders for engine tests: documents written out by hand, no parser needed.
#![allow(dead_code)]

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use sitebudget_core::model::{
    Allocation, Basis, Document, Funding, Grade, Line, LineKind, Norm, Position, Priority,
    Rounding, School, SetAside, Source,
};

/// A decimal from text.
pub fn d(s: &str) -> Decimal {
    s.parse().expect("test decimal")
}

/// A school with these counts, unduplicated share and attendance rate.
pub fn school(counts: &[(Grade, u32)], undup: &str, attendance: &str) -> School {
    School {
        name: "Test Elementary".into(),
        fiscal_year: "2026-27".into(),
        enrollment: counts.iter().copied().collect::<BTreeMap<_, _>>(),
        unduplicated_pct: d(undup),
        attendance_rate: d(attendance),
    }
}

/// TK 40, K 70, 1 68, 2 72, 3 70, 4 66, 5 64: the spec's example school (E = 450).
pub fn spec_school() -> School {
    school(
        &[
            (Grade::TK, 40),
            (Grade::K, 70),
            (Grade::G(1), 68),
            (Grade::G(2), 72),
            (Grade::G(3), 70),
            (Grade::G(4), 66),
            (Grade::G(5), 64),
        ],
        "0.86",
        "0.95",
    )
}

/// An unrestricted, ongoing source.
pub fn source(id: &str, allocation: Allocation) -> Source {
    Source {
        id: id.into(),
        name: id.to_uppercase(),
        restricted: false,
        one_time: false,
        allocation,
        allowed: None,
        set_asides: Vec::new(),
    }
}

/// An unrestricted fixed source.
pub fn fixed(id: &str, amount: &str) -> Source {
    source(id, Allocation::Fixed { amount: d(amount) })
}

/// A per-pupil source.
pub fn per_pupil(id: &str, rate: &str, basis: Basis) -> Source {
    source(
        id,
        Allocation::PerPupil {
            rate: d(rate),
            basis,
        },
    )
}

/// A restricted source with an allowed list and set-asides.
pub fn restricted(mut s: Source, allowed: &[&str], set_asides: &[(&str, &str)]) -> Source {
    s.restricted = true;
    s.allowed = Some(allowed.iter().map(|a| a.to_string()).collect());
    s.set_asides = set_asides
        .iter()
        .map(|(tag, share)| SetAside {
            tag: tag.to_string(),
            min_share: d(share),
        })
        .collect();
    s
}

/// A norm.
pub fn norm(id: &str, grades: &[Grade], spp: &str, unit: &str, rounding: Rounding) -> Norm {
    Norm {
        id: id.into(),
        title: id.to_uppercase(),
        grades: grades.to_vec(),
        students_per_position: d(spp),
        unit_cost: d(unit),
        rounding,
        min_fte: None,
        bands: Vec::new(),
    }
}

/// Funding entries from `(source, share)` pairs.
pub fn funding(f: &[(&str, &str)]) -> Vec<Funding> {
    f.iter()
        .map(|(s, sh)| Funding {
            source: s.to_string(),
            share: d(sh),
        })
        .collect()
}

/// An essential position with a 0.2 step.
pub fn position(id: &str, fte: &str, unit: &str, f: &[(&str, &str)]) -> Line {
    Line {
        id: id.into(),
        title: format!("Title {id}"),
        kind: LineKind::Position(Position {
            fte: d(fte),
            unit_cost: Some(d(unit)),
            fte_step: d("0.2"),
            vacant: false,
            norm: None,
        }),
        funding: funding(f),
        priority: Priority::Essential,
        tags: Vec::new(),
        cut_rank: None,
        notes: None,
    }
}

/// A norm-linked, protected position without its own unit cost.
pub fn norm_position(id: &str, norm: &str, f: &[(&str, &str)]) -> Line {
    let mut l = position(id, "0", "0", f);
    if let LineKind::Position(p) = &mut l.kind {
        p.unit_cost = None;
        p.norm = Some(norm.into());
    }
    l.priority = Priority::Protected;
    l
}

/// An essential item.
pub fn item(id: &str, amount: &str, f: &[(&str, &str)]) -> Line {
    Line {
        id: id.into(),
        title: format!("Title {id}"),
        kind: LineKind::Item { amount: d(amount) },
        funding: funding(f),
        priority: Priority::Essential,
        tags: Vec::new(),
        cut_rank: None,
        notes: None,
    }
}

/// Builder-style tweaks on lines.
pub trait LineExt {
    /// Sets the priority.
    fn prio(self, p: Priority) -> Self;
    /// Marks a position vacant.
    fn vacant(self) -> Self;
    /// Sets the cut rank.
    fn rank(self, r: i64) -> Self;
    /// Sets the tags.
    fn tags(self, t: &[&str]) -> Self;
    /// Sets a position's step.
    fn step(self, s: &str) -> Self;
}

impl LineExt for Line {
    fn prio(mut self, p: Priority) -> Self {
        self.priority = p;
        self
    }
    fn vacant(mut self) -> Self {
        if let LineKind::Position(p) = &mut self.kind {
            p.vacant = true;
        }
        self
    }
    fn rank(mut self, r: i64) -> Self {
        self.cut_rank = Some(r);
        self
    }
    fn tags(mut self, t: &[&str]) -> Self {
        self.tags = t.iter().map(|x| x.to_string()).collect();
        self
    }
    fn step(mut self, s: &str) -> Self {
        if let LineKind::Position(p) = &mut self.kind {
            p.fte_step = d(s);
        }
        self
    }
}

/// A document.
pub fn doc(school: School, sources: Vec<Source>, norms: Vec<Norm>, lines: Vec<Line>) -> Document {
    Document {
        school,
        sources,
        norms,
        lines,
    }
}
