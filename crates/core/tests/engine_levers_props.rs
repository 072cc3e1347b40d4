//! Properties of the levers: the ceil closed form equals a brute-force search, the
//! breakpoints bracket the entitlement, and a buy-back of what `can` says always closes.

mod engine_fixture;

use std::collections::BTreeMap;

use engine_fixture::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use sitebudget_core::engine::{
    breakpoint, ceil_gain, ceil_lose, entitlement_fte, evaluate, with_buy_back, EnrollmentInput,
    Scenario, MAX_GAIN,
};
use sitebudget_core::model::{Allocation, Band, Grade, Norm, Priority, Rounding};

/// Brute force straight from the spec's words.
fn brute(n: &Norm, s: u64) -> (Option<u64>, Option<u64>) {
    let ent = |x: u64| entitlement_fte(n, x).unwrap();
    let t = ent(s);
    let lose = (1..=s).find(|k| ent(s - k) < t);
    // Entitlements here change within a few thousand pupils, so a short search is enough
    // to find any gain; past it the search must agree that there is none.
    let gain = (1..=5_000u64).find(|k| ent(s + k) > t);
    (lose, gain)
}

fn any_norm() -> impl Strategy<Value = Norm> {
    (
        1u32..600,
        0usize..3,
        proptest::option::of(0u32..40),
        proptest::option::of(proptest::collection::vec((0u32..900, 0u32..30), 1..5)),
    )
        .prop_map(|(r10, rounding, min, bands)| {
            let rounding = [Rounding::Ceil, Rounding::Floor, Rounding::Round][rounding];
            let mut n = norm("n", &[Grade::K], "1", "118000", rounding);
            // Ratios such as 24 or 18.5: tenths from 0.1 to 60.
            n.students_per_position = Decimal::new(i64::from(r10), 1);
            n.min_fte = min.map(|m| Decimal::new(i64::from(m), 1));
            if let Some(b) = bands {
                let mut b: Vec<Band> = b
                    .into_iter()
                    .map(|(from, fte)| Band {
                        from,
                        fte: Decimal::new(i64::from(fte), 1),
                    })
                    .collect();
                b.sort_by_key(|x| x.from);
                b.dedup_by_key(|x| x.from);
                n.bands = b;
            }
            n
        })
}

proptest! {
    #[test]
    fn ceil_closed_form_equals_brute_force(r10 in 1u32..600, s in 0u64..3_000) {
        let n = {
            let mut n = norm("n", &[Grade::K], "1", "118000", Rounding::Ceil);
            n.students_per_position = Decimal::new(i64::from(r10), 1);
            n
        };
        let t = entitlement_fte(&n, s).unwrap();
        let (lose, gain) = brute(&n, s);
        prop_assert_eq!(ceil_lose(n.students_per_position, s, t), lose);
        prop_assert_eq!(ceil_gain(n.students_per_position, s, t), gain);
    }

    #[test]
    fn every_norm_matches_brute_force_and_brackets(n in any_norm(), s in 0u64..1_500) {
        let b = breakpoint(&n, s).unwrap();
        let (lose, gain) = brute(&n, s);
        // Bands may step down as pupils rise; the spec's search still defines lose and gain.
        prop_assert_eq!(b.lose, lose);
        prop_assert_eq!(b.gain, gain);
        let ent = |x: u64| entitlement_fte(&n, x).unwrap();
        // ent(S − lose) < ent(S) ≤ ent(S + gain − 1)
        if let Some(k) = b.lose {
            prop_assert!(ent(s - k) < ent(s));
        }
        if let Some(k) = b.gain {
            prop_assert!(ent(s) >= ent(s + k - 1) && ent(s + k) > ent(s));
            prop_assert!(k <= MAX_GAIN);
        }
    }

    #[test]
    fn buying_back_what_can_says_always_closes(
        k_before in 100u32..400,
        drop in 1u32..80,
        gf_extra in 0u64..60_000,
        flex_items in proptest::collection::vec((1u64..80_000, any::<bool>()), 0..4),
        nurse in 0u64..50_000,
        need_rate in 0u64..300,
        split in any::<bool>(),
        unit in 50_000u64..150_000,
    ) {
        let mut normsrc = source("norm", Allocation::Norm);
        normsrc.restricted = true;
        let mut lines = vec![
            norm_position("teach", "tk3", &[("norm", "1")]),
            position("nurse", "1", &nurse.to_string(), &[("gf", "1")]),
        ];
        let mut spent = nurse;
        for (i, (amount, flexible)) in flex_items.iter().enumerate() {
            let f: &[(&str, &str)] = if split { &[("gf", "0.5"), ("need", "0.5")] } else { &[("gf", "1")] };
            let l = item(&format!("i{i}"), &amount.to_string(), f);
            lines.push(if *flexible { l.prio(Priority::Flexible) } else { l });
            spent += amount;
        }
        let doc = doc(
            school(&[(Grade::K, k_before)], "0.8", "0.95"),
            vec![
                fixed("gf", &(spent / 2 + gf_extra).to_string()),
                per_pupil("need", &need_rate.to_string(), sitebudget_core::model::Basis::Unduplicated),
                normsrc,
            ],
            vec![norm("tk3", &[Grade::K], "24", &unit.to_string(), Rounding::Ceil)],
            lines,
        );
        let s = Scenario {
            enrollment: EnrollmentInput::Counts(BTreeMap::from([(Grade::K, k_before.saturating_sub(drop))])),
            ..Scenario::default()
        };
        let e = evaluate(&doc, &s).unwrap();
        for bb in &e.levers.buy_backs {
            // `can` never exceeds the loss and is in whole steps.
            prop_assert!(bb.can <= bb.lost);
            prop_assert!((bb.can / bb.step).fract().is_zero());
            // For each unrestricted source on its own: what it can keep, bought back from it.
            for (src, can) in &bb.can_from {
                if can.is_zero() { continue; }
                let bought = with_buy_back(&doc, &s, bb, src, *can);
                let after = evaluate(&doc, &bought).unwrap();
                let open: Vec<_> = after.plan.deficits.iter()
                    .filter(|d| d.source == "gf" || d.source == "need")
                    .collect();
                prop_assert!(open.is_empty(), "buying back {} from {} left {:?}", can, src, open);
            }
            // The total `can`, funded by a single source holding all the flexible money.
            let holders: Vec<_> = e.flexibility.sources.iter()
                .filter(|f| !f.restricted && f.flexible > Decimal::ZERO).collect();
            if let [only] = holders.as_slice() {
                prop_assert_eq!(
                    bb.can_from.iter().find(|(s, _)| *s == only.source).map(|(_, c)| *c),
                    Some(bb.can)
                );
            }
        }
    }
}
