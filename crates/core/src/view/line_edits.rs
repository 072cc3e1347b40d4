//! A scenario's line edits in words, as "in this scenario" and the comparison list them.

use crate::engine::LineEdit;
use crate::format;
use crate::model::{Document, Line, LineKind};

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
                        format!("{}: as in the budget", line.title)
                    } else {
                        format!("{}: {}", line.title, changes.join(", "))
                    }
                }
                None => format!("{}: not in the budget any more", line.title),
            },
            LineEdit::Add(line) => format!("Adds {}", line.title),
            LineEdit::Remove(id) => {
                let title = doc
                    .lines
                    .iter()
                    .find(|l| &l.id == id)
                    .map_or(id.as_str(), |l| l.title.as_str());
                format!("Removes {title}")
            }
        })
        .collect()
}

/// The fields that differ, each as "new (budget: old)".
fn changes(base: &Line, line: &Line) -> Vec<String> {
    let mut out = Vec::new();
    let mut note = |new: String, old: String| {
        if new != old {
            out.push(format!("{new} (budget: {old})"));
        }
    };
    note(
        line.priority.as_str().to_owned(),
        base.priority.as_str().to_owned(),
    );
    let rank =
        |r: Option<i64>| r.map_or_else(|| "no cut rank".to_owned(), |r| format!("cut rank {r}"));
    note(rank(line.cut_rank), rank(base.cut_rank));
    match (&line.kind, &base.kind) {
        (LineKind::Position(p), LineKind::Position(b)) => {
            let vacancy = |v: bool| if v { "vacant" } else { "filled" }.to_owned();
            note(vacancy(p.vacant), vacancy(b.vacant));
            let step = |s| format!("FTE step {}", format::fte(s));
            note(step(p.fte_step), step(b.fte_step));
            let fte = |f| format!("{} FTE", format::fte(f));
            note(fte(p.fte), fte(b.fte));
        }
        (LineKind::Item { amount }, LineKind::Item { amount: old }) => {
            note(format::money(*amount), format::money(*old));
        }
        _ => note("changed kind".into(), "as it was".into()),
    }
    if line.funding != base.funding {
        out.push("funding changed".into());
    }
    out
}
