//! A scenario's line edits in words, as "in this scenario" and the comparison list them.

use crate::engine::LineEdit;
use crate::format;
use crate::model::{Document, Line, LineKind, Priority};
use crate::util::i18n::{tr, tr1, trf};

/// One sentence per line edit: what the scenario changes in the line, beside the budget's
/// value (`School nurse: protected (budget: essential)`).
pub fn line_edit_words(doc: &Document, edits: &[LineEdit]) -> Vec<String> {
    edits
        .iter()
        .map(|edit| match edit {
            LineEdit::Replace(line) => match doc.lines.iter().find(|l| l.id == line.id) {
                Some(base) => {
                    let changes = changes(base, line);
                    if changes.is_empty() {
                        tr1("{title}: as in the budget", "title", &line.title)
                    } else {
                        format!("{}: {}", line.title, changes.join(", "))
                    }
                }
                None => tr1("{title}: not in the budget any more", "title", &line.title),
            },
            LineEdit::Add(line) => tr1("Adds {title}", "title", &line.title),
            LineEdit::Remove(id) => {
                let title = doc
                    .lines
                    .iter()
                    .find(|l| &l.id == id)
                    .map_or(id.as_str(), |l| l.title.as_str());
                tr1("Removes {title}", "title", &title)
            }
        })
        .collect()
}

/// The fields that differ, each as "new (budget: old)".
fn changes(base: &Line, line: &Line) -> Vec<String> {
    let mut out = Vec::new();
    let mut note = |new: String, old: String| {
        if new != old {
            out.push(trf(
                "{new} (budget: {old})",
                &[("new", &new), ("old", &old)],
            ));
        }
    };
    note(priority_word(line.priority), priority_word(base.priority));
    let rank = |r: Option<i64>| {
        r.map_or_else(|| tr("no cut rank"), |r| tr1("cut rank {rank}", "rank", &r))
    };
    note(rank(line.cut_rank), rank(base.cut_rank));
    match (&line.kind, &base.kind) {
        (LineKind::Position(p), LineKind::Position(b)) => {
            let vacancy = |v: bool| if v { tr("vacant") } else { tr("filled") };
            note(vacancy(p.vacant), vacancy(b.vacant));
            let step = |s| tr1("FTE step {n}", "n", &format::fte(s));
            note(step(p.fte_step), step(b.fte_step));
            let fte = |f| tr1("{n} FTE", "n", &format::fte(f));
            note(fte(p.fte), fte(b.fte));
        }
        (LineKind::Item { amount }, LineKind::Item { amount: old }) => {
            note(format::money(*amount), format::money(*old));
        }
        _ => note(tr("changed kind"), tr("as it was")),
    }
    if line.funding != base.funding {
        out.push(tr("funding changed"));
    }
    out
}

/// A priority as the reader sees it (`as_str` is the file's word).
pub fn priority_word(p: Priority) -> String {
    match p {
        Priority::Protected => tr("protected"),
        Priority::Essential => tr("essential"),
        Priority::Flexible => tr("flexible"),
    }
}
