//! The cut plan's steerable lines, keeping the rows a move leaves as they were.

use std::rc::Rc;

use crate::ui::components::cut_plan::SteerRow;
use sitebudget_core::engine::Evaluation;
use sitebudget_core::model::{Document, Line, LineKind};
use sitebudget_core::util::IdMap;

/// The steer rows built for one document, by line position, so the next build reuses them.
#[derive(Default)]
pub struct SteerCache {
    doc: Option<Rc<Document>>,
    rows: Vec<Option<Rc<SteerRow>>>,
}

impl SteerCache {
    /// Lines worth steering: those charging a source that is in deficit before the plan,
    /// the lines the plan cuts first, then the others in document order. A row whose line
    /// and cut mark are unchanged is the same `Rc` as last time, so it skips re-rendering.
    /// `doc` has the lines as the scenario has them; `edited` are the ids it edits.
    pub fn rows(
        &mut self,
        doc: &Rc<Document>,
        eval: &Evaluation,
        edited: &[String],
    ) -> Vec<Rc<SteerRow>> {
        if !self.doc.as_ref().is_some_and(|d| Rc::ptr_eq(d, doc)) {
            self.doc = Some(doc.clone());
            self.rows = vec![None; doc.lines.len()];
        }
        // The engine's id map, so the bundle carries no second hash map for `&str` keys.
        let cut: IdMap = eval
            .plan
            .cuts
            .iter()
            .map(|c| (c.line.as_str(), 0))
            .collect();
        let short: Vec<&str> = eval
            .scenario
            .sources
            .iter()
            .filter(|s| s.balance.is_sign_negative() && !s.balance.is_zero())
            .map(|s| s.id.as_str())
            .collect();
        let mut rows: Vec<Rc<SteerRow>> = doc
            .lines
            .iter()
            .zip(self.rows.iter_mut())
            .filter(|(l, _)| l.norm().is_none())
            .filter(|(l, _)| l.funding.iter().any(|f| short.contains(&f.source.as_str())))
            .map(|(l, kept)| {
                let is_cut = cut.contains_key(l.id.as_str());
                let in_scenario = edited.contains(&l.id);
                match kept {
                    Some(row) if row.cut == is_cut && row.in_scenario == in_scenario => row.clone(),
                    _ => kept
                        .insert(Rc::new(steer_row(l, is_cut, in_scenario)))
                        .clone(),
                }
            })
            .collect();
        sitebudget_core::util::sort::sort_by_key(&mut rows, |r| !r.cut);
        rows
    }
}

/// One line's steer row.
fn steer_row(l: &Line, cut: bool, in_scenario: bool) -> SteerRow {
    let (vacant, fte_step) = match &l.kind {
        LineKind::Position(p) => (Some(p.vacant), Some(p.fte_step)),
        LineKind::Item { .. } => (None, None),
    };
    SteerRow {
        id: l.id.clone(),
        title: l.title.clone(),
        priority: l.priority,
        vacant,
        cut_rank: l.cut_rank,
        fte_step,
        cut,
        in_scenario,
    }
}
