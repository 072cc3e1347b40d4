//! Picks the importer for a file (a JSON budget or a CSV of lines) and words its refusal.

use crate::io::csv_lines::import_lines_csv;
use crate::io::json::parse_document;
use crate::model::Document;

/// Whether a file looks like a JSON document rather than CSV: by extension, else by its
/// first non-blank character.
pub fn looks_like_json(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") {
        return true;
    }
    if lower.ends_with(".csv") {
        return false;
    }
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// Imports a picked file against the current budget: a JSON document replaces it, a CSV
/// replaces its lines. On refusal, each problem in plain words; `current` is never touched.
pub fn import_file(current: &Document, name: &str, text: &str) -> Result<Document, Vec<String>> {
    let result = if looks_like_json(name, text) {
        parse_document(text)
    } else {
        import_lines_csv(current, text)
    };
    result.map_err(|err| err.problems.iter().map(ToString::to_string).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_document;

    #[test]
    fn json_and_csv_are_told_apart() {
        assert!(looks_like_json("budget.JSON", "id,kind"));
        assert!(!looks_like_json("lines.csv", "{"));
        assert!(looks_like_json("download", "\u{feff}  {\"format\""));
        assert!(!looks_like_json("download", "id,kind,title"));
    }

    #[test]
    fn a_refused_file_leaves_the_budget_and_names_the_problem() {
        let doc = sample_document();
        let before = doc.clone();
        let problems = import_file(
            &doc,
            "bad.csv",
            // A header needs `amount` or `unit_cost` (SPEC "Lines as CSV").
            "id,kind,title,funding,amount\nx,item,Paper,nowhere,5\n",
        )
        .expect_err("unknown source is refused");
        assert!(
            problems.iter().any(|p| p.contains("nowhere")),
            "{problems:?}"
        );
        assert_eq!(doc, before);
    }
}
