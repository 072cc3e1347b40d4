//! The meeting view's words: every heading and sentence a projected slide shows, worded
//! in the catalog spoken when [`meeting_texts`] runs, so the bilingual layout words the
//! same figures twice (once under each catalog, through `util::i18n::with_catalog`).

use crate::engine::Evaluation;
use crate::model::Document;
use crate::util::i18n::tr;
use crate::view::levers_text::{
    breakpoint_words, buy_back_words, form_words, recruit_words, tier_words,
};
use crate::view::plan_text::{after_plan_note, cut_words, deficit_words};

/// The meeting slide's texts in one language; figures are the same in every language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MeetingTexts {
    /// The slide's title.
    pub title: String,
    /// The enrollment control's label.
    pub enrollment: String,
    /// The three totals' labels: allocation, cost, balance.
    pub totals: [String; 3],
    /// What is left (or still short) after the plan.
    pub after_plan: String,
    /// The cut plan's heading.
    pub plan_heading: String,
    /// Each cut in one sentence, then each deficit left; empty when nothing is cut.
    pub plan: Vec<String>,
    /// Said instead of the plan when it cuts nothing.
    pub no_cuts: String,
    /// The levers' heading.
    pub levers_heading: String,
    /// Each lever in one sentence: breakpoints, income forms, recruiting, buy-backs.
    pub levers: Vec<String>,
    /// The decisions' heading.
    pub decisions_heading: String,
}

/// The slide's texts for the document under the scenario's evaluation.
pub fn meeting_texts(
    doc: &Document,
    scenario: &crate::engine::Scenario,
    eval: &Evaluation,
) -> MeetingTexts {
    // Each cut's sentence alone (no reasons or alternatives): what a slide can hold.
    let mut plan: Vec<String> = eval
        .plan
        .cuts
        .iter()
        .map(|c| cut_words(doc, c).text)
        .collect();
    plan.extend(eval.plan.deficits.iter().map(|d| deficit_words(doc, d)));
    let l = &eval.levers;
    let mut levers = Vec::new();
    for b in &l.breakpoints {
        if let Some(norm) = doc.norms.iter().find(|n| n.id == b.norm) {
            levers.push(format!("{}: {}", norm.title, breakpoint_words(norm, b)));
        }
    }
    levers.push(form_words(l.form_worth));
    levers.extend(l.forms_to_tier.iter().map(|f| tier_words(doc, f)));
    for bb in &l.buy_backs {
        let norm = doc.norms.iter().find(|n| n.id == bb.norm);
        if let (Some(norm), Some(b)) = (norm, l.breakpoint(&bb.norm)) {
            levers.extend(recruit_words(norm, b));
        }
        levers.push(buy_back_words(bb));
    }
    let balance = if scenario.is_baseline() {
        tr("Balance")
    } else {
        tr("Balance before cuts")
    };
    MeetingTexts {
        title: tr("Budget meeting"),
        enrollment: tr("Enrollment change"),
        totals: [tr("Total allocation"), tr("Total cost"), balance],
        after_plan: after_plan_note(eval.after.balance),
        plan_heading: tr("Cut plan"),
        plan,
        no_cuts: tr("No cuts: the money covers the costs."),
        levers_heading: tr("Levers"),
        levers,
        decisions_heading: tr("Decisions"),
    }
}
