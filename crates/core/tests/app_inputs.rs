//! What-if inputs as typed: SPEC's bounds refused at the box in the user's units, the
//! scenario keeping its last good value, the pupils box in step with the percent, and a
//! property: any sequence of typed strings leaves a computable, editable scenario.

use std::rc::Rc;
use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use sitebudget_core::app::inputs::{
    enrollment_pupils, percent_text, scenario_grades, scenario_problems, type_into, ScenarioField,
};
use sitebudget_core::app::{Action, AppState};
use sitebudget_core::engine::{evaluate, EnrollmentInput, Scenario};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::model::Grade;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn typed(field: ScenarioField, text: &str) -> Result<Scenario, String> {
    type_into(&sample_document(), &Scenario::default(), field, text).map_err(|r| r.message)
}

#[test]
fn out_of_bounds_percents_are_refused_in_percent() {
    assert_eq!(
        typed(ScenarioField::EnrollmentChange, "-150").unwrap_err(),
        "Enrollment change must be between \u{2212}100% and +100%"
    );
    assert_eq!(
        typed(ScenarioField::EnrollmentChange, "101").unwrap_err(),
        "Enrollment change must be between \u{2212}100% and +100%"
    );
    for text in ["-10", "150", "-1"] {
        assert_eq!(
            typed(ScenarioField::Unduplicated, text).unwrap_err(),
            "Unduplicated pupils must be between 0% and 100%",
            "{text}"
        );
    }
    assert_eq!(
        typed(ScenarioField::CostChange, "-200").unwrap_err(),
        "Cost change must be \u{2212}100% or more (at most +1,000%)"
    );
    assert_eq!(
        typed(ScenarioField::Attendance, "").unwrap_err(),
        "Type Attendance rate in percent, for example 5"
    );
    assert_eq!(
        typed(ScenarioField::RateChange, "abc").unwrap_err(),
        "Per-pupil rate change must be a number of percent"
    );
}

#[test]
fn good_percents_apply_at_their_bounds() {
    // −100% and +100% are the bounds themselves, both allowed.
    assert_eq!(
        typed(ScenarioField::EnrollmentChange, "−100")
            .unwrap()
            .enrollment,
        EnrollmentInput::Change(d("-1"))
    );
    assert_eq!(
        typed(ScenarioField::EnrollmentChange, "100%")
            .unwrap()
            .enrollment,
        EnrollmentInput::Change(d("1"))
    );
    assert_eq!(
        typed(ScenarioField::Unduplicated, "0")
            .unwrap()
            .unduplicated_pct,
        Some(d("0"))
    );
    assert_eq!(
        typed(ScenarioField::CostChange, "-100")
            .unwrap()
            .cost_change,
        d("-1")
    );
    assert_eq!(
        typed(ScenarioField::EnrollmentChange, "0")
            .unwrap()
            .enrollment,
        EnrollmentInput::Unchanged
    );
}

#[test]
fn pupils_per_grade_are_whole_numbers_up_to_100000() {
    let message = "Pupils in grade 1 must be a whole number from 0 to 100,000";
    for text in ["-5", "1e9", "99999999999", "", "2.5", "100001", "abc"] {
        assert_eq!(
            typed(ScenarioField::Grade(Grade::G(1)), text).unwrap_err(),
            message,
            "{text}"
        );
    }
    let s = typed(ScenarioField::Grade(Grade::G(1)), "100000").unwrap();
    assert_eq!(
        scenario_grades(&sample_document(), &s).get(&Grade::G(1)),
        Some(&100_000)
    );
    let s = typed(ScenarioField::Grade(Grade::K), "0").unwrap();
    assert_eq!(
        scenario_grades(&sample_document(), &s).get(&Grade::K),
        Some(&0)
    );
}

#[test]
fn forty_fewer_pupils_is_the_exact_fraction_of_448() {
    let doc = sample_document();
    let s = typed(ScenarioField::EnrollmentPupils, "−40").unwrap();
    // The sample has 40+68+70+72+68+66+64 = 448 pupils: −40/448, not a rounded percent.
    assert_eq!(
        s.enrollment,
        EnrollmentInput::Change(Decimal::from(-40) / Decimal::from(448))
    );
    assert_eq!(enrollment_pupils(&doc, &s), -40);
    // −40/448 = −8.928571…%, shown to 4 decimals.
    let EnrollmentInput::Change(c) = s.enrollment else {
        unreachable!()
    };
    assert_eq!(percent_text(c), "-8.9286");
    // Per grade, half up: 36+62+64+66+62+60+58 = 408 = 448 − 40.
    let total: u32 = scenario_grades(&doc, &s).values().sum();
    assert_eq!(total, 408);
    let eval = evaluate(&doc, &s).unwrap();
    assert_eq!(eval.scenario.counts.enrollment, 408);
    // Typed percent −10 reads back as 44.8 → −45 pupils.
    let s = typed(ScenarioField::EnrollmentChange, "-10").unwrap();
    assert_eq!(enrollment_pupils(&doc, &s), -45);
    assert_eq!(
        typed(ScenarioField::EnrollmentPupils, "-449").unwrap_err(),
        "Enrollment change must be a whole number of pupils between \u{2212}448 and +448 \
         (\u{2212}100% to +100%)"
    );
}

#[test]
fn a_refused_value_is_not_kept_by_the_state() {
    let s = Rc::new(AppState::with_sample());
    let bad = Scenario {
        enrollment: EnrollmentInput::Change(d("-1.5")),
        ..Scenario::default()
    };
    let t = s.clone().apply(Action::SetScenario(Box::new(bad)), 1.0);
    assert!(Rc::ptr_eq(&s, &t), "an out-of-bounds scenario is refused");
    assert_eq!(t.history.undo_steps(), 0);
}

#[test]
fn a_stored_bad_scenario_names_its_box_and_can_be_corrected() {
    let doc = sample_document();
    let stored = Scenario {
        unduplicated_pct: Some(d("-0.1")),
        cost_change: d("-2"),
        ..Scenario::default()
    };
    assert!(evaluate(&doc, &stored).is_err());
    let problems = scenario_problems(&stored);
    let fields: Vec<ScenarioField> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [ScenarioField::Unduplicated, ScenarioField::CostChange]
    );
    // Another box still takes a good value while the bad ones are shown...
    let mut state = AppState::with_sample();
    if let Some(n) = state.active_mut() {
        n.scenario = Rc::new(stored.clone());
    }
    let state = Rc::new(state);
    let s = type_into(&doc, &stored, ScenarioField::RateChange, "2").unwrap();
    let state = state.apply(Action::SetScenario(Box::new(s.clone())), 1.0);
    assert_eq!(state.scenario().rate_change, d("0.02"));
    // ...and correcting them makes it computable.
    let s = type_into(&doc, &s, ScenarioField::Unduplicated, "80").unwrap();
    let s = type_into(&doc, &s, ScenarioField::CostChange, "3").unwrap();
    let state = state.apply(Action::SetScenario(Box::new(s)), 2.0);
    assert!(scenario_problems(&state.scenario()).is_empty());
    assert!(evaluate(&doc, &state.scenario()).is_ok());
}

fn field() -> impl Strategy<Value = ScenarioField> {
    prop_oneof![
        Just(ScenarioField::EnrollmentChange),
        Just(ScenarioField::EnrollmentPupils),
        Just(ScenarioField::Unduplicated),
        Just(ScenarioField::Attendance),
        Just(ScenarioField::CostChange),
        Just(ScenarioField::RateChange),
        prop_oneof![
            Just(Grade::TK),
            Just(Grade::K),
            (1u8..=5).prop_map(Grade::G),
            (6u8..=12).prop_map(Grade::G)
        ]
        .prop_map(ScenarioField::Grade),
    ]
}

fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?[0-9]{0,12}(\\.[0-9]{0,6})?%?",
        "[-−+]?[0-9]{1,3}",
        "[0-9]e[0-9]{1,2}",
        Just(String::new()),
        Just("-".to_owned()),
        Just("1e9".to_owned()),
        Just("99999999999".to_owned()),
        Just("-100".to_owned()),
        Just("1000".to_owned()),
        Just("100000".to_owned()),
        ".{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any sequence of typed strings into any box leaves a scenario within bounds that the
    /// engine computes, so the What-if panel always shows its inputs.
    #[test]
    fn any_typing_leaves_a_computable_editable_scenario(
        steps in proptest::collection::vec((field(), typed_text()), 1..12)
    ) {
        let doc = sample_document();
        let mut state = Rc::new(AppState::with_sample());
        for (i, (field, text)) in steps.iter().enumerate() {
            let before = state.scenario();
            match type_into(&doc, &before, *field, text) {
                Ok(next) => {
                    state = state.apply(Action::SetScenario(Box::new(next.clone())), i as f64);
                    prop_assert_eq!(&*state.scenario(), &next);
                }
                Err(refusal) => {
                    prop_assert_eq!(refusal.field, *field);
                    prop_assert!(!refusal.message.is_empty());
                    prop_assert_eq!(&state.scenario(), &before);
                }
            }
            prop_assert!(scenario_problems(&state.scenario()).is_empty());
            prop_assert!(evaluate(&doc, &state.scenario()).is_ok(), "{:?}", state.scenario());
        }
    }
}
