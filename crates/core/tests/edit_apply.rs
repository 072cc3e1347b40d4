//! Editing the sample budget: each kind of edit with hand-computed effects, and refusals.
//!
//! The sample: 448 pupils (TK 40, K 68, 1 70, 2 72, 3 68, 4 66, 5 64), 86% unduplicated,
//! so U = round(0.86 × 448 = 385.28) = 385; TK-3 has 318 pupils.

use rust_decimal::Decimal;
use sitebudget_core::edit::{apply_edit, Edit, Field, Move, NewKind, Target};
use sitebudget_core::engine::snapshot;
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::model::validate;
use sitebudget_core::model::{
    Allocation, Basis, Document, Grade, LineKind, Priority, Rounding, Span,
};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn set(target: Target, field: Field, value: &str) -> Edit {
    Edit::Set {
        target,
        field,
        value: value.to_owned(),
    }
}

fn line(id: &str) -> Target {
    Target::Line(id.to_owned())
}

fn source(id: &str) -> Target {
    Target::Source(id.to_owned())
}

fn norm(id: &str) -> Target {
    Target::Norm(id.to_owned())
}

fn ok(doc: &Document, edit: Edit) -> Document {
    let next = apply_edit(doc, &edit).unwrap_or_else(|e| panic!("{edit:?} refused: {e}"));
    validate(&next).unwrap();
    next
}

fn refused(doc: &Document, edit: Edit) -> String {
    match apply_edit(doc, &edit) {
        Ok(_) => panic!("{edit:?} was accepted"),
        Err(e) => e.to_string(),
    }
}

fn ids(doc: &Document) -> Vec<&str> {
    doc.lines.iter().map(|l| l.id.as_str()).collect()
}

fn totals(doc: &Document) -> (Decimal, Decimal) {
    let s = snapshot(doc).unwrap();
    (s.total_allocation, s.total_cost)
}

#[test]
fn line_fte_changes_the_cost_by_fte_times_unit_cost() {
    let doc = sample_document();
    let next = ok(&doc, set(line("nurse"), Field::Fte, "0.8"));
    // 0.2 FTE more × $145,000 = $29,000.
    assert_eq!(totals(&next).1 - totals(&doc).1, d("29000"));
    assert_eq!(totals(&next).0, totals(&doc).0);
}

#[test]
fn invalid_line_values_are_refused_at_the_field() {
    let doc = sample_document();
    let e = apply_edit(&doc, &set(line("nurse"), Field::Fte, "-1")).unwrap_err();
    assert_eq!(e.target, line("nurse"));
    assert_eq!(e.field, Some(Field::Fte));
    assert_eq!(e.message, "must be 0 or more, got -1");
    assert_eq!(
        refused(&doc, set(line("nurse"), Field::Fte, "lots")),
        "line `nurse`, field `fte`: must be a number, got `lots`"
    );
    assert!(refused(&doc, set(line("nurse"), Field::UnitCost, " "))
        .contains("is required for a position without a norm"));
    assert!(refused(&doc, set(line("subs"), Field::Amount, "$1.234")).contains("whole cents"));
    assert!(refused(&doc, set(line("nurse"), Field::Amount, "5")).contains("only items"));
    assert!(
        refused(&doc, set(line("subs"), Field::Fte, "1")).contains("an item has no field `fte`")
    );
    assert!(refused(&doc, set(line("nurse"), Field::Title, "  ")).contains("must not be empty"));
    assert!(refused(&doc, set(line("nurse"), Field::Priority, "vital")).contains("flexible"));
    assert!(refused(&doc, set(line("ghost"), Field::Fte, "1")).contains("no line `ghost`"));
    assert!(refused(&doc, set(line("nurse"), Field::Tags, "a|b")).contains("must be a word"));
}

#[test]
fn a_blank_unit_cost_is_allowed_on_a_norm_linked_line() {
    let doc = sample_document();
    let next = ok(&doc, set(line("teach-tk3"), Field::UnitCost, ""));
    // The norm's own cost ($118,000) applies, so nothing changes.
    assert_eq!(totals(&next), totals(&doc));
}

#[test]
fn renaming_a_line_keeps_ids_unique() {
    let doc = sample_document();
    let next = ok(&doc, set(line("nurse"), Field::Id, "rn"));
    assert!(ids(&next).contains(&"rn") && !ids(&next).contains(&"nurse"));
    let e = apply_edit(&doc, &set(line("psych"), Field::Id, "nurse")).unwrap_err();
    assert_eq!(e.target, line("psych"));
    assert_eq!(e.message, "`nurse` is used by another line");
    assert!(refused(&doc, set(line("nurse"), Field::Id, "two words")).contains("must be a word"));
}

#[test]
fn switching_kind_keeps_the_cost() {
    let doc = sample_document();
    // 0.6 × $145,000 = $87,000.
    let item = ok(&doc, set(line("nurse"), Field::Kind, "item"));
    let l = item.lines.iter().find(|l| l.id == "nurse").unwrap();
    assert_eq!(l.kind, LineKind::Item { amount: d("87000") });
    assert_eq!(totals(&item), totals(&doc));
    // Back to a position: 1 FTE at the amount, step 0.2, filled.
    let back = ok(&item, set(line("nurse"), Field::Kind, "position"));
    let p = back
        .lines
        .iter()
        .find(|l| l.id == "nurse")
        .unwrap()
        .position()
        .unwrap()
        .clone();
    assert_eq!(
        (p.fte, p.unit_cost, p.fte_step, p.vacant),
        (d("1"), Some(d("87000")), d("0.2"), false)
    );
    assert!(refused(&doc, set(line("nurse"), Field::Kind, "robot")).contains("position or item"));
}

#[test]
fn other_line_fields() {
    let doc = sample_document();
    let mut next = ok(&doc, set(line("nurse"), Field::Priority, "protected"));
    next = ok(
        &next,
        set(line("nurse"), Field::Tags, "health, nursing  care"),
    );
    next = ok(&next, set(line("nurse"), Field::CutRank, "7"));
    next = ok(&next, set(line("nurse"), Field::Notes, "  Five days.  "));
    next = ok(&next, set(line("nurse"), Field::Vacant, "true"));
    next = ok(&next, set(line("nurse"), Field::FteStep, "0.1"));
    next = ok(&next, set(line("nurse"), Field::Title, "Nurse"));
    let l = next.lines.iter().find(|l| l.id == "nurse").unwrap();
    assert_eq!(l.priority, Priority::Protected);
    assert_eq!(l.tags, vec!["health", "nursing", "care"]);
    assert_eq!(l.cut_rank, Some(7));
    assert_eq!(l.notes.as_deref(), Some("Five days."));
    assert_eq!(l.title, "Nurse");
    let p = l.position().unwrap();
    assert!(p.vacant);
    assert_eq!(p.fte_step, d("0.1"));
    let cleared = ok(&next, set(line("nurse"), Field::CutRank, ""));
    let cleared = ok(&cleared, set(line("nurse"), Field::Notes, ""));
    let l = cleared.lines.iter().find(|l| l.id == "nurse").unwrap();
    assert_eq!((l.cut_rank, l.notes.clone()), (None, None));
    assert!(refused(&doc, set(line("nurse"), Field::CutRank, "1.5")).contains("whole number"));
    assert!(refused(&doc, set(line("nurse"), Field::FteStep, "0")).contains("more than 0"));
}

#[test]
fn funding_from_text_must_add_up_to_one() {
    let doc = sample_document();
    let next = ok(&doc, set(line("subs"), Field::Funding, "gf 25%, need 75"));
    let s = snapshot(&next).unwrap();
    // $28,000: gf 25% = $7,000, need takes the rest, $21,000.
    assert_eq!(s.line("subs").unwrap().charge("gf"), d("7000"));
    assert_eq!(s.line("subs").unwrap().charge("need"), d("21000"));
    let e = apply_edit(&doc, &set(line("subs"), Field::Funding, "gf 60%, need 30%")).unwrap_err();
    assert_eq!(e.message, "shares must add up to exactly 100%, got 90%");
    assert_eq!(e.field, Some(Field::Funding));
    assert!(refused(&doc, set(line("subs"), Field::Funding, "nowhere"))
        .contains("`nowhere` does not exist"));
    assert!(
        refused(&doc, set(line("teach-tk3"), Field::Funding, "gf")).contains("norm source `norm`")
    );
}

#[test]
fn structured_funding_add_remove_and_share() {
    let doc = sample_document();
    // subs: gf 0.5, need 0.5. Adding title1 halves the last entry.
    let added = ok(&doc, Edit::AddFunding("subs".into(), "carry".into()));
    let shares: Vec<_> = added
        .lines
        .iter()
        .find(|l| l.id == "subs")
        .unwrap()
        .funding
        .iter()
        .map(|f| (f.source.clone(), f.share))
        .collect();
    assert_eq!(
        shares,
        vec![
            ("gf".into(), d("0.5")),
            ("need".into(), d("0.25")),
            ("carry".into(), d("0.25"))
        ]
    );
    // gf to 20%: the last entry takes the rest, 1 − 0.2 − 0.25 = 0.55.
    let shared = ok(&added, set(line("subs"), Field::Share(0), "20"));
    let f = &shared
        .lines
        .iter()
        .find(|l| l.id == "subs")
        .unwrap()
        .funding;
    assert_eq!((f[0].share, f[2].share), (d("0.2"), d("0.55")));
    assert!(refused(&added, set(line("subs"), Field::Share(0), "80")).contains("leave some share"));
    assert!(refused(&added, set(line("subs"), Field::Share(2), "10")).contains("last source takes"));
    // Removing need gives its 0.25 to the last remaining entry.
    let removed = ok(&shared, Edit::RemoveFunding("subs".into(), 1));
    let f = &removed
        .lines
        .iter()
        .find(|l| l.id == "subs")
        .unwrap()
        .funding;
    assert_eq!(
        (f.len(), f[1].source.as_str(), f[1].share),
        (2, "carry", d("0.8"))
    );
    assert!(refused(&doc, Edit::AddFunding("subs".into(), "gf".into())).contains("already pays"));
    assert!(refused(&doc, Edit::RemoveFunding("ap".into(), 0)).contains("at least one source"));
}

#[test]
fn linking_and_unlinking_a_norm() {
    let doc = sample_document();
    // Free the tk3 norm, then link the AP to it: funding moves to the norm source.
    let freed = ok(&doc, set(line("teach-tk3"), Field::NormLink, ""));
    let p = freed.lines[0].position().unwrap();
    assert_eq!((p.norm.clone(), p.unit_cost), (None, Some(d("118000"))));
    let linked = ok(&freed, set(line("ap"), Field::NormLink, "tk3"));
    let ap = linked.lines.iter().find(|l| l.id == "ap").unwrap();
    assert_eq!(ap.norm(), Some("tk3"));
    assert_eq!(ap.funding.len(), 1);
    assert_eq!(ap.funding[0].source, "norm");
    assert!(refused(&doc, set(line("ap"), Field::NormLink, "tk3")).contains("already followed"));
    assert!(refused(&doc, set(line("ap"), Field::NormLink, "nope")).contains("does not exist"));
}

#[test]
fn adding_duplicating_deleting_and_moving_lines() {
    let doc = sample_document();
    let n = doc.lines.len();
    let added = ok(&doc, Edit::AddLine(NewKind::Position));
    let new = added.lines.last().unwrap();
    assert_eq!(
        (new.id.as_str(), new.funding[0].source.as_str()),
        ("position-1", "gf")
    );
    let added = ok(&added, Edit::AddLine(NewKind::Position));
    assert_eq!(added.lines.last().unwrap().id, "position-2");
    let item = ok(&doc, Edit::AddLine(NewKind::Item));
    assert_eq!(
        item.lines.last().unwrap().kind,
        LineKind::Item {
            amount: Decimal::ZERO
        }
    );
    // A copy sits right after the original and costs as much again ($87,000).
    let copy = ok(&doc, Edit::DuplicateLine("nurse".into()));
    let at = ids(&copy).iter().position(|i| *i == "nurse").unwrap();
    assert_eq!(ids(&copy)[at + 1], "nurse-copy-1");
    assert_eq!(totals(&copy).1 - totals(&doc).1, d("87000"));
    // A copy of a norm-linked line leaves the norm.
    let tcopy = ok(&doc, Edit::DuplicateLine("teach-tk3".into()));
    assert_eq!(tcopy.lines[1].norm(), None);
    let gone = ok(&doc, Edit::DeleteLine("nurse".into()));
    assert_eq!(gone.lines.len(), n - 1);
    assert_eq!(totals(&doc).1 - totals(&gone).1, d("87000"));
    let up = ok(&doc, Edit::MoveLine("ap".into(), Move::Up));
    assert_eq!(&ids(&up)[..3], ["teach-tk3", "ap", "teach-45"]);
    let down = ok(&doc, Edit::MoveLine("teach-tk3".into(), Move::Down));
    assert_eq!(&ids(&down)[..2], ["teach-45", "teach-tk3"]);
    let first = ok(&doc, Edit::MoveLine("teach-tk3".into(), Move::Up));
    assert_eq!(ids(&first), ids(&doc));
    let to_end = ok(&doc, Edit::MoveLine("ap".into(), Move::To(999)));
    assert_eq!(*ids(&to_end).last().unwrap(), "ap");
    assert!(refused(&doc, Edit::DeleteLine("ghost".into())).contains("no line"));
}

#[test]
fn renaming_a_source_updates_line_funding() {
    let doc = sample_document();
    let next = ok(&doc, set(source("gf"), Field::Id, "general"));
    assert!(next
        .lines
        .iter()
        .all(|l| l.funding.iter().all(|f| f.source != "gf")));
    assert_eq!(
        next.lines.iter().find(|l| l.id == "nurse").unwrap().funding[1].source,
        "general"
    );
    assert_eq!(totals(&next), totals(&doc));
    assert!(refused(&doc, set(source("gf"), Field::Id, "need")).contains("used by another source"));
}

#[test]
fn allocation_rules_and_their_parameters() {
    let doc = sample_document();
    // need: $1,100 → $1,200 per unduplicated pupil: +$100 × 385 = $38,500.
    let next = ok(&doc, set(source("need"), Field::Rate, "$1,200"));
    assert_eq!(totals(&next).0 - totals(&doc).0, d("38500"));
    // Per pupil on grades 4-5 (130 pupils) at $1,200 = $156,000.
    let next = ok(&next, set(source("need"), Field::Basis, "grades"));
    let next = ok(&next, set(source("need"), Field::BasisGrades, "4 5"));
    assert_eq!(
        snapshot(&next).unwrap().source("need").unwrap().allocation,
        d("156000")
    );
    // Switching gf to per-pupil gives a $0 rate on enrollment.
    let pp = ok(&doc, set(source("gf"), Field::AllocationType, "per_pupil"));
    assert_eq!(
        pp.sources[0].allocation,
        Allocation::PerPupil {
            rate: Decimal::ZERO,
            basis: Basis::Enrollment
        }
    );
    // Fixed amount: $361,000 → $400,000.
    let fixed = ok(&doc, set(source("gf"), Field::AllocationAmount, "400000"));
    assert_eq!(totals(&fixed).0 - totals(&doc).0, d("39000"));
    assert!(refused(&doc, set(source("gf"), Field::Rate, "5"))
        .contains("a `fixed` allocation has no field"));
    assert!(
        refused(&doc, set(source("gf"), Field::AllocationType, "norm")).contains("only one source")
    );
    assert!(
        refused(&doc, set(source("gf"), Field::AllocationType, "magic"))
            .contains("fixed, per_pupil")
    );
}

#[test]
fn lcff_parameters() {
    let doc = sample_document();
    let l = ok(&doc, set(source("gf"), Field::AllocationType, "lcff"));
    let Allocation::Lcff(p) = &l.sources[0].allocation else {
        panic!("not lcff")
    };
    assert_eq!(
        (p.supplemental, p.concentration, p.threshold),
        (d("0.2"), d("0.65"), d("0.55"))
    );
    assert_eq!(
        p.base.keys().copied().collect::<Vec<_>>(),
        vec![Span::Tk3, Span::G4to6]
    );
    // TK-3 at $10,000 per ADA: ADA = 318 × 0.95 = 302.1, B = $3,021,000 (4-6 at $0).
    // p = 385/448; allocation = B(1 + 0.2p + 0.65 max(0, p − 0.55)).
    let l = ok(&l, set(source("gf"), Field::LcffBase(Span::Tk3), "10000"));
    let l = ok(&l, set(source("gf"), Field::Supplemental, "0"));
    let l = ok(&l, set(source("gf"), Field::Concentration, "0%"));
    assert_eq!(
        snapshot(&l).unwrap().source("gf").unwrap().allocation,
        d("3021000")
    );
    let l = ok(&l, set(source("gf"), Field::Threshold, "50"));
    let Allocation::Lcff(p) = &l.sources[0].allocation else {
        panic!("not lcff")
    };
    assert_eq!(p.threshold, d("0.5"));
    assert!(
        refused(&l, set(source("gf"), Field::LcffBase(Span::Tk3), "")).contains("must be a number")
    );
    assert!(refused(&l, set(source("gf"), Field::Supplemental, "120")).contains("between 0 and 1"));
}

#[test]
fn source_flags_allowed_uses_and_set_asides() {
    let doc = sample_document();
    let mut next = ok(&doc, set(source("gf"), Field::Restricted, "true"));
    next = ok(&next, set(source("gf"), Field::OneTime, "yes"));
    next = ok(
        &next,
        set(source("gf"), Field::Allowed, "supplies, operations"),
    );
    next = ok(&next, set(source("gf"), Field::Title, "General"));
    let s = &next.sources[0];
    assert!(s.restricted && s.one_time);
    assert_eq!(s.name, "General");
    assert_eq!(
        s.allowed,
        Some(vec!["supplies".to_owned(), "operations".to_owned()])
    );
    let none = ok(&next, set(source("gf"), Field::Allowed, " "));
    assert_eq!(none.sources[0].allowed, None);
    let added = ok(&next, Edit::AddSetAside("gf".into()));
    assert_eq!(added.sources[0].set_asides[0].tag, "supplies");
    let edited = ok(&added, set(source("gf"), Field::SetAsideShare(0), "5%"));
    let edited = ok(
        &edited,
        set(source("gf"), Field::SetAsideTag(0), "operations"),
    );
    assert_eq!(edited.sources[0].set_asides[0].min_share, d("0.05"));
    assert_eq!(edited.sources[0].set_asides[0].tag, "operations");
    let removed = ok(&edited, Edit::RemoveSetAside("gf".into(), 0));
    assert!(removed.sources[0].set_asides.is_empty());
    assert!(
        refused(&doc, set(source("gf"), Field::SetAsideShare(3), "1")).contains("no set-aside #4")
    );
    assert!(refused(&doc, set(source("gf"), Field::Restricted, "maybe")).contains("yes or no"));
}

#[test]
fn adding_and_deleting_sources() {
    let doc = sample_document();
    let added = ok(&doc, Edit::AddSource);
    assert_eq!(added.sources.last().unwrap().id, "source-1");
    assert_eq!(totals(&added), totals(&doc));
    let gone = ok(&added, Edit::DeleteSource("source-1".into()));
    assert_eq!(gone, doc);
    let e = apply_edit(&doc, &Edit::DeleteSource("carry".into())).unwrap_err();
    assert_eq!(e.target, source("carry"));
    assert_eq!(
        e.message,
        "cannot be deleted while lines are funded by it: `chromebooks`, `ta-reading`; change their funding first"
    );
    assert!(refused(&doc, Edit::DeleteSource("gf".into()))
        .contains("`office-mgr`, `office-clerk`, `custodian`, `nurse`, `library-aide` and 6 more"));
}

#[test]
fn norm_fields_rename_add_delete() {
    let doc = sample_document();
    // 318 TK-3 pupils: 24 per teacher → ceil(13.25) = 14; 20 per teacher → ceil(15.9) = 16.
    // Two more teachers at $118,000 raise both the norm allocation and the cost by $236,000.
    let next = ok(&doc, set(norm("tk3"), Field::StudentsPerPosition, "20"));
    let (a0, c0) = totals(&doc);
    let (a1, c1) = totals(&next);
    assert_eq!((a1 - a0, c1 - c0), (d("236000"), d("236000")));
    let floor = ok(&doc, set(norm("tk3"), Field::Rounding, "floor"));
    assert_eq!(floor.norms[0].rounding, Rounding::Floor);
    // Floor gives 13 teachers: $118,000 less.
    assert_eq!(totals(&doc).1 - totals(&floor).1, d("118000"));
    let min = ok(&doc, set(norm("tk3"), Field::MinFte, "20"));
    assert_eq!(totals(&min).1 - totals(&doc).1, d("708000"));
    let mut g = ok(&doc, set(norm("tk3"), Field::Grades, "K, 1"));
    g = ok(&g, set(norm("tk3"), Field::UnitCost, "$100,000"));
    g = ok(&g, set(norm("tk3"), Field::Title, "K-1 teachers"));
    assert_eq!(g.norms[0].grades, vec![Grade::K, Grade::G(1)]);
    assert_eq!(g.norms[0].unit_cost, d("100000"));
    let renamed = ok(&doc, set(norm("tk3"), Field::Id, "k3"));
    assert_eq!(renamed.lines[0].norm(), Some("k3"));
    assert!(
        refused(&doc, set(norm("tk3"), Field::StudentsPerPosition, "0")).contains("more than 0")
    );
    assert!(refused(&doc, set(norm("tk3"), Field::Id, "g45")).contains("used by another norm"));
    let e = refused(&doc, Edit::DeleteNorm("tk3".into()));
    assert!(e.contains("while lines follow it: `teach-tk3`"), "{e}");
    let added = ok(&doc, Edit::AddNorm);
    assert_eq!(added.norms.last().unwrap().id, "norm-1");
    assert_eq!(added.norms.last().unwrap().grades.len(), 7);
    assert_eq!(ok(&added, Edit::DeleteNorm("norm-1".into())), doc);
}

#[test]
fn school_fields() {
    let doc = sample_document();
    // 90% unduplicated: U = round(403.2) = 403, 18 more × ($1,100 + $650) = $31,500.
    let next = ok(&doc, set(Target::School, Field::UnduplicatedPct, "90%"));
    assert_eq!(totals(&next).0 - totals(&doc).0, d("31500"));
    let next = ok(&doc, set(Target::School, Field::AttendanceRate, "97"));
    assert_eq!(next.school.attendance_rate, d("0.97"));
    // 10 more kindergarteners: U = round(0.86 × 458 = 393.88) = 394, +9 × $1,750 = $15,750;
    // TK-3 328 pupils still need 14 teachers.
    let more = ok(&doc, set(Target::School, Field::Enrollment(Grade::K), "78"));
    assert_eq!(totals(&more).0 - totals(&doc).0, d("15750"));
    let named = ok(&doc, set(Target::School, Field::Title, "Jacaranda"));
    let named = ok(&named, set(Target::School, Field::FiscalYear, "2027-28"));
    assert_eq!(
        (
            named.school.name.as_str(),
            named.school.fiscal_year.as_str()
        ),
        ("Jacaranda", "2027-28")
    );
    let six = ok(&doc, Edit::AddGrade(Grade::G(6)));
    assert_eq!(six.school.enrollment.get(&Grade::G(6)), Some(&0));
    let six = ok(
        &six,
        set(Target::School, Field::Enrollment(Grade::G(6)), "30"),
    );
    assert_eq!(six.school.enrollment.values().sum::<u32>(), 478);
    let gone = ok(&six, Edit::RemoveGrade(Grade::G(6)));
    assert_eq!(gone, doc);
    assert!(refused(&doc, Edit::AddGrade(Grade::K)).contains("already has grade K"));
    assert!(refused(
        &doc,
        set(Target::School, Field::Enrollment(Grade::G(9)), "3")
    )
    .contains("add it first"));
    assert!(
        refused(&doc, set(Target::School, Field::Enrollment(Grade::K), "-3"))
            .contains("whole number of pupils")
    );
    assert!(
        refused(&doc, set(Target::School, Field::UnduplicatedPct, "140"))
            .contains("between 0 and 1")
    );
    assert!(
        refused(&doc, set(Target::School, Field::Rate, "1")).contains("the school has no field")
    );
}

#[test]
fn tiers_and_bands_are_edited_as_text() {
    let doc = sample_document();
    // Title I: two tiers instead of eight. 385 of 448 (85.9%) stays in the 40% tier at $500:
    // 500 × 385 = 192,500, 57,750 less than 650 × 385 = 250,250.
    let two = ok(
        &doc,
        set(source("title1"), Field::Tiers, "40%: $500; 90%: 700"),
    );
    assert_eq!(totals(&doc).0 - totals(&two).0, d("57750"));
    // Out of order: refused at the field, naming the tier, and the budget stays.
    let e = refused(
        &doc,
        set(source("title1"), Field::Tiers, "50%: 500; 40%: 450"),
    );
    assert!(
        e.contains("tier 2: tiers must be in strictly increasing `at_least`, but 0.4 follows 0.5"),
        "{e}"
    );
    assert!(
        refused(&doc, set(source("title1"), Field::Tiers, "40% 500"))
            .contains("such as `40%: 338.25`")
    );
    // The assistant principal: 1 FTE only from 500 pupils, so 448 give 0.5: the norm
    // source and the line each move by 0.5 × 190,000 = 95,000.
    let later = ok(&doc, set(norm("ap"), Field::Bands, "1: 0.5; 500: 1"));
    assert_eq!(totals(&doc).0 - totals(&later).0, d("95000"));
    let e = refused(&doc, set(norm("ap"), Field::Bands, "500: 1; 1: 0.5"));
    assert!(
        e.contains("band 2: bands must be in strictly increasing `from`"),
        "{e}"
    );
    assert!(
        refused(&doc, set(norm("ap"), Field::Bands, "-1: 1")).contains("whole number of pupils")
    );
    // A ratio replaces the bands: 448 / 448 = 1.
    let ratio = ok(&doc, set(norm("ap"), Field::StudentsPerPosition, "448"));
    assert!(ratio
        .norms
        .iter()
        .find(|n| n.id == "ap")
        .unwrap()
        .bands
        .is_empty());
    assert_eq!(totals(&ratio), totals(&doc));
}
