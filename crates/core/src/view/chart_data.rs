//! Chart data derived from the engine's results: the waterfall from baseline to scenario,
//! flexibility per source, and the projection by year.

use rust_decimal::Decimal;

use crate::chart::bars::BarDatum;
use crate::chart::stacked::StackDatum;
use crate::chart::waterfall::WaterfallStep;
use crate::engine::{Evaluation, Flexibility, YearResult};
use crate::model::Document;
use crate::util::dec;
use crate::util::i18n::{tr, tr1, trf};

/// Steps from the baseline balance to the scenario's balance before cuts: each source's
/// change in allocation, then the change in costs (lower costs raise the balance).
/// The steps add up exactly to scenario balance − baseline balance.
pub fn balance_waterfall(doc: &Document, eval: &Evaluation) -> Vec<WaterfallStep> {
    let mut steps: Vec<WaterfallStep> = eval
        .source_diffs
        .iter()
        .filter(|d| !d.allocation_change().is_zero())
        .map(|d| WaterfallStep {
            label: doc.source_name(&d.source).to_owned(),
            delta: d.allocation_change(),
        })
        .collect();
    let cost_change = dec::saturating_sub(eval.baseline.total_cost, eval.scenario.total_cost);
    if !cost_change.is_zero() {
        steps.push(WaterfallStep {
            label: if cost_change > Decimal::ZERO {
                tr("Lower costs")
            } else {
                tr("Higher costs")
            },
            delta: cost_change,
        });
    }
    steps
}

/// Per source: committed spending, flexible spending and unallocated money.
pub fn flexibility_stacks(doc: &Document, flex: &Flexibility) -> Vec<StackDatum> {
    flex.sources
        .iter()
        .map(|s| {
            let flexible_spending = dec::saturating_sub(s.flexible, s.unallocated);
            let committed = dec::saturating_sub(s.allocation, s.flexible).max(Decimal::ZERO);
            StackDatum {
                label: doc.source_name(&s.source).to_owned(),
                segments: vec![
                    (tr("Committed"), committed),
                    (tr("Flexible spending"), flexible_spending),
                    (tr("Unallocated"), s.unallocated),
                ],
            }
        })
        .collect()
}

/// Balance before cuts, year by year.
pub fn projection_balances(years: &[YearResult]) -> Vec<BarDatum> {
    years
        .iter()
        .map(|y| BarDatum {
            label: tr1("Year {n}", "n", &y.year),
            value: y.balance_before_cuts,
        })
        .collect()
}

/// Positions lost (FTE), year by year.
pub fn projection_positions(years: &[YearResult]) -> Vec<BarDatum> {
    years
        .iter()
        .map(|y| BarDatum {
            label: tr1("Year {n}", "n", &y.year),
            value: y.positions_lost,
        })
        .collect()
}

/// Average class size per norm and year: `Year 1 · TK-3`, in pupils per position.
pub fn projection_class_sizes(doc: &Document, years: &[YearResult]) -> Vec<BarDatum> {
    let mut out = Vec::new();
    for y in years {
        for c in &y.class_sizes {
            let Some(size) = c.size else { continue };
            let span = doc
                .norms
                .iter()
                .find(|n| n.id == c.norm)
                .map_or_else(|| c.norm.clone(), |n| n.title.clone());
            out.push(BarDatum {
                label: trf("Year {n} · {span}", &[("n", &y.year), ("span", &span)]),
                value: size,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{evaluate, EnrollmentInput, Scenario};
    use crate::io::sample::sample_document;

    #[test]
    fn waterfall_steps_add_up_to_the_balance_change() {
        let doc = sample_document();
        let scenario = Scenario {
            enrollment: EnrollmentInput::Change(Decimal::new(-10, 2)),
            ..Scenario::default()
        };
        let eval = evaluate(&doc, &scenario).unwrap();
        let steps = balance_waterfall(&doc, &eval);
        // need −41,800, title1 −24,700, norm −236,000, then costs +236,000.
        let deltas: Vec<Decimal> = steps.iter().map(|s| s.delta).collect();
        assert_eq!(
            deltas,
            [
                Decimal::from(-41800),
                Decimal::from(-24700),
                Decimal::from(-236000),
                Decimal::from(236000)
            ]
        );
        let sum: Decimal = deltas.iter().sum();
        assert_eq!(eval.baseline.balance + sum, eval.scenario.balance);
    }

    #[test]
    fn flexibility_stacks_add_up_to_each_allocation() {
        let doc = sample_document();
        let eval = evaluate(&doc, &Scenario::default()).unwrap();
        for (stack, s) in flexibility_stacks(&doc, &eval.flexibility)
            .iter()
            .zip(&eval.flexibility.sources)
        {
            let total: Decimal = stack.segments.iter().map(|(_, v)| *v).sum();
            assert_eq!(total, s.allocation, "{}", s.source);
        }
    }
}
