//! Lines as CSV: export and import, header forms, and each refused row with its place.

use rust_decimal::Decimal;
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::{import_lines_csv, lines_to_csv, Place, Problem};
use sitebudget_core::model::{Document, Funding, LineKind, Priority};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

const HEADER: &str =
    "id,kind,title,fte,unit_cost,amount,funding,priority,vacant,fte_step,cut_rank,norm,tags,notes";

fn import(text: &str) -> Result<Document, Vec<Problem>> {
    import_lines_csv(&sample_document(), text).map_err(|e| e.problems)
}

/// Asserts the CSV is refused with exactly this problem among its problems.
#[track_caller]
fn refused(text: &str, row: usize, column: &str, reason: &str) {
    let problems = import(text).expect_err("should be refused");
    let want = Problem {
        place: Place::Row(row),
        field: column.to_string(),
        reason: reason.to_string(),
    };
    assert!(
        problems.contains(&want),
        "wanted {want}\n got {problems:#?}"
    );
}

/// The header and one good row, then `row` as row 3.
fn with_row(row: &str) -> String {
    format!("{HEADER}\nok,item,Fine,,,100,gf,,,,,,,\n{row}\n")
}

#[test]
fn export_then_import_gives_the_same_document() {
    let doc = sample_document();
    let csv = lines_to_csv(&doc);
    assert!(csv.starts_with(&format!("{HEADER}\n")));
    assert_eq!(csv.lines().count(), doc.lines.len() + 1);
    assert_eq!(import_lines_csv(&doc, &csv), Ok(doc));
}

#[test]
fn export_writes_plain_cells() {
    let csv = lines_to_csv(&sample_document());
    let nurse = csv.lines().find(|l| l.starts_with("nurse,")).unwrap();
    assert_eq!(nurse, "nurse,position,School nurse,0.6,145000,,need:0.6|gf:0.4,essential,false,0.2,,,health,Three days a week.");
    let supplies = csv.lines().find(|l| l.starts_with("supplies,")).unwrap();
    assert_eq!(supplies, "supplies,item,Classroom supplies,,,16000,gf,flexible,,,,,supplies,Title I allows supplies: a swap candidate.");
}

#[test]
fn awkward_text_survives_the_round_trip() {
    let mut doc = sample_document();
    doc.lines[0].title = " Teachers, \"TK-3\"\nline two ".into();
    doc.lines[1].notes = Some("a,b\r\nc \"quoted\"".into());
    doc.lines[2].title = String::new();
    doc.lines[3].notes = Some("  ".into());
    let csv = lines_to_csv(&doc);
    assert_eq!(import_lines_csv(&doc, &csv), Ok(doc));
}

#[test]
fn header_in_any_order_and_case_with_only_required_columns() {
    let text = "Title,FUNDING,Kind,id,Amount\nCopy paper,gf,item,paper,500\n";
    let doc = import(text).unwrap();
    assert_eq!(doc.lines.len(), 1);
    let l = &doc.lines[0];
    assert_eq!(
        (l.id.as_str(), l.title.as_str(), l.priority),
        ("paper", "Copy paper", Priority::Essential)
    );
    assert_eq!(l.kind, LineKind::Item { amount: dec("500") });
    assert_eq!(
        l.funding,
        vec![Funding {
            source: "gf".into(),
            share: Decimal::ONE
        }]
    );
    assert_eq!(doc.sources, sample_document().sources);
    assert_eq!(doc.norms, sample_document().norms);
}

#[test]
fn position_defaults_apply_to_blank_cells() {
    let doc = import(&with_row("aide,position,Aide,,40000,,need,,,,,,,")).unwrap();
    let p = doc.lines[1].position().unwrap();
    assert_eq!(
        (p.fte, p.fte_step, p.vacant, p.unit_cost),
        (Decimal::ONE, dec("0.2"), false, Some(dec("40000")))
    );
}

#[test]
fn bom_blank_lines_and_money_cells() {
    let text = format!(
        "\u{feff}{HEADER}\n\n  \nbooks,item,Books,,,\"$1,234.50\",title1,flexible,,,2,,supplies|intervention,\n\n,,,,\nnurse,position,Nurse, 0.6 ,$145000,,need:0.6|gf:0.4,essential,Yes,0.2,,,health,\n"
    );
    let doc = import(&text).unwrap();
    assert_eq!(doc.lines.len(), 2);
    assert_eq!(
        doc.lines[0].kind,
        LineKind::Item {
            amount: dec("1234.50")
        }
    );
    assert_eq!(
        doc.lines[0].tags,
        vec!["supplies".to_string(), "intervention".to_string()]
    );
    assert_eq!(doc.lines[0].cut_rank, Some(2));
    let p = doc.lines[1].position().unwrap();
    assert_eq!(
        (p.fte, p.unit_cost, p.vacant),
        (dec("0.6"), Some(dec("145000")), true)
    );
}

#[test]
fn vacant_words() {
    for (word, want) in [
        ("true", true),
        ("FALSE", false),
        ("yes", true),
        ("No", false),
        ("1", true),
        ("0", false),
        ("", false),
    ] {
        let doc = import(&with_row(&format!("a,position,A,1,10,,gf,,{word},,,,,"))).unwrap();
        assert_eq!(doc.lines[1].is_vacant(), want, "{word}");
    }
    refused(
        &with_row("a,position,A,1,10,,gf,,maybe,,,,,"),
        3,
        "vacant",
        "must be true, false, yes, no, 1 or 0, got `maybe`",
    );
}

#[test]
fn row_numbers_count_file_lines_from_the_header() {
    let text =
        format!("{HEADER}\n\nok,item,Fine,,,100,gf,,,,,,,\n\nbad,item,Bad,,,100,titel1,,,,,,,\n");
    let problems = import(&text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].to_string(),
        "row 5, column `funding`: source `titel1` does not exist"
    );
}

#[test]
fn header_problems() {
    refused(
        "id,kind,title,funding,unit_cots\n",
        1,
        "unit_cots",
        "is not a known column (did you mean `unit_cost`?)",
    );
    refused(
        "id,kind,title,funding,colour\n",
        1,
        "colour",
        "is not a known column; known columns are `id`, `kind`, `title`, `fte`, `unit_cost`, `amount`, `funding`, `priority`, `vacant`, `fte_step`, `cut_rank`, `norm`, `tags` or `notes`",
    );
    refused(
        "id,kind,title,funding,ID\n",
        1,
        "id",
        "appears twice in the header",
    );
    refused(
        "id,kind,title,amount\n",
        1,
        "funding",
        "is required in the header",
    );
    refused(
        "id,kind,,title,funding\n",
        1,
        "",
        "the header has an empty column name",
    );
    refused(
        "\n\n",
        1,
        "",
        "the file is empty: the first row must name the columns, such as id,kind,title,funding",
    );
    refused(
        "",
        1,
        "",
        "the file is empty: the first row must name the columns, such as id,kind,title,funding",
    );
    refused(
        "\u{feff}",
        1,
        "",
        "the file is empty: the first row must name the columns, such as id,kind,title,funding",
    );
}

#[test]
fn header_only_gives_no_lines() {
    assert_eq!(import(&format!("{HEADER}\n")).unwrap().lines, vec![]);
}

#[test]
fn bad_rows_name_row_column_and_reason() {
    let cases: [(&str, &str, &str); 30] = [
        (",item,X,,,1,gf,,,,,,,", "id", "is required"),
        (
            "a b,item,X,,,1,gf,,,,,,,",
            "id",
            "must be a word (no spaces, `|`, `:` or `,`), got `a b`",
        ),
        (
            "ok,item,X,,,1,gf,,,,,,,",
            "id",
            "`ok` is used by another line",
        ),
        ("a,,X,,,1,gf,,,,,,,", "kind", "is required"),
        (
            "a,staff,X,,,1,gf,,,,,,,",
            "kind",
            "must be `position` or `item`, got `staff`",
        ),
        ("a,item,X,,,1,,,,,,,,", "funding", "is required"),
        (
            "a,item,X,,,1,titel1,,,,,,,",
            "funding",
            "source `titel1` does not exist",
        ),
        (
            "a,item,X,,,1,gf|need,,,,,,,",
            "funding",
            "`gf` needs a share when a line has several sources, such as `gf:0.5`",
        ),
        (
            "a,item,X,,,1,gf:x,,,,,,,",
            "funding",
            "share of `gf` must be a number, got `x`",
        ),
        (
            "a,item,X,,,1,gf:0.5|,,,,,,,",
            "funding",
            "has an empty entry: write sources as `gf` or `need:0.6|gf:0.4`",
        ),
        (
            "a,item,X,,,1,:1,,,,,,,",
            "funding",
            "entry `:1` names no source",
        ),
        (
            "a,item,X,,,1,gf:0.5|need:0.4,,,,,,,",
            "funding",
            "shares must add up to exactly 1, got 0.9",
        ),
        (
            "a,item,X,,,1,gf:0.5|gf:0.5,,,,,,,",
            "funding",
            "source `gf` appears twice",
        ),
        (
            "a,item,X,,,1,gf:0|need:1,,,,,,,",
            "funding",
            "share for `gf` must be more than 0, got 0",
        ),
        (
            "a,item,X,,,1,gf,urgent,,,,,,",
            "priority",
            "must be `protected`, `essential` or `flexible`, got `urgent`",
        ),
        (
            "a,item,X,,,1,gf,,,,1.5,,,",
            "cut_rank",
            "must be a whole number, got 1.5",
        ),
        (
            "a,item,X,,,1,gf,,,,x,,,",
            "cut_rank",
            "must be a number, got `x`",
        ),
        (
            "a,item,X,,,-$5,gf,,,,,,,",
            "amount",
            "must be 0 or more, got -5",
        ),
        (
            "a,item,X,,,\"$1,234.505\",gf,,,,,,,",
            "amount",
            "must be in whole cents (2 decimal places at most), got 1234.505",
        ),
        (
            "a,item,X,,,12;5,gf,,,,,,,",
            "amount",
            "must be a number, got `12;5`",
        ),
        ("a,item,X,,,,gf,,,,,,,", "amount", "is required for an item"),
        (
            "a,item,X,1,,5,gf,,,,,,,",
            "fte",
            "must be blank for an item, which has only `amount`",
        ),
        (
            "a,item,X,,,5,gf,,,,,tk3,,",
            "norm",
            "must be blank for an item, which has only `amount`",
        ),
        (
            "a,position,X,1,10,5,gf,,,,,,,",
            "amount",
            "must be blank for a position, which costs `fte` × `unit_cost`",
        ),
        (
            "a,position,X,-1,10,,gf,,,,,,,",
            "fte",
            "must be 0 or more, got -1",
        ),
        (
            "a,position,X,one,10,,gf,,,,,,,",
            "fte",
            "must be a number, got `one`",
        ),
        (
            "a,position,X,1,,,gf,,,,,,,",
            "unit_cost",
            "is required for a position without a norm",
        ),
        (
            "a,position,X,1,10,,gf,,,0,,,,",
            "fte_step",
            "must be more than 0, got 0",
        ),
        (
            "a,position,X,1,10,,gf,,,,,k9,,",
            "norm",
            "norm `k9` does not exist",
        ),
        (
            "a,position,X,1,10,,gf,,,,,,a b|c,",
            "tags",
            "must be a word (no spaces, `|`, `:` or `,`), got `a b`",
        ),
    ];
    for (row, column, reason) in cases {
        refused(&with_row(row), 3, column, reason);
    }
}

#[test]
fn norm_rows_follow_the_norm_rules() {
    let csv = lines_to_csv(&sample_document());
    let mut text = csv.replace(
        "teach-tk3,position,Classroom teachers TK-3,14,118000,,norm,",
        "teach-tk3,position,Classroom teachers TK-3,14,118000,,gf,",
    );
    refused(
        &text,
        2,
        "funding",
        "line follows norm `tk3`, so it must be funded only by the norm source `norm`, not `gf`",
    );
    text = format!("{csv}teach-again,position,Again,1,,,norm,,,,,tk3,,\n");
    refused(
        &text,
        35,
        "norm",
        "norm `tk3` is already followed by line `teach-tk3`; a norm funds one line",
    );
}

#[test]
fn extra_cells_are_refused_unless_blank() {
    refused(
        &with_row("a,item,X,,,1,gf,,,,,,,,surprise"),
        3,
        "",
        "has 15 cells, but the header has 14",
    );
    assert!(import(&with_row("a,item,X,,,1,gf,,,,,,,,")).is_ok());
    // Short rows read their missing cells as blank.
    assert!(import("id,kind,title,funding,amount\na,item,X,gf\n").is_err());
    assert!(import("id,kind,title,amount,funding\na,item,X,5,gf\nb,item,Y,6\n").is_err());
}

#[test]
fn every_bad_row_is_reported_and_the_document_is_untouched() {
    let doc = sample_document();
    let text = format!(
        "{HEADER}\na,item,A,,,x,gf,,,,,,,\nb,item,B,,,1,nope,,,,,,,\nc,staff,C,,,1,gf,,,,,,,\n"
    );
    let err = import_lines_csv(&doc, &text).unwrap_err();
    let places: Vec<String> = err
        .problems
        .iter()
        .map(|p| format!("{} {}", p.place, p.field))
        .collect();
    assert_eq!(places, vec!["row 2 amount", "row 3 funding", "row 4 kind"]);
    assert_eq!(doc, sample_document());
}

#[test]
fn row_numbers_hold_with_crlf_and_multiline_cells() {
    let text = format!("{HEADER}\r\n\r\nok,item,\"Two\r\nlines\",,,100,gf,,,,,,,\r\nbad,item,Bad,,,100,titel1,,,,,,,\r\n");
    refused(&text, 5, "funding", "source `titel1` does not exist");
    let text = format!("\n\n{HEADER}\rbad,item,Bad,,,100,titel1,,,,,,,\r");
    refused(&text, 4, "funding", "source `titel1` does not exist");
}

#[test]
fn less_common_bad_cells() {
    refused(
        &with_row("a,item,X,,,1,gf,,,,1e20,,,"),
        3,
        "cut_rank",
        "is too large, got 100000000000000000000",
    );
    refused(
        &with_row("a,position,X,1,abc,,gf,,,,,,,"),
        3,
        "unit_cost",
        "must be a number, got `abc`",
    );
    refused(
        &with_row("a,position,X,1,10,,gf,,,x,,,,"),
        3,
        "fte_step",
        "must be a number, got `x`",
    );
    refused(
        &with_row("a,position,X,1,1e40,,gf,,,,,,,"),
        3,
        "unit_cost",
        "is too large, got `1e40`",
    );
}

#[test]
fn a_row_with_several_problems_reports_its_funding_too() {
    let problems = import("id,kind,title,funding\nx,item,Paper,nowhere\n").unwrap_err();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        vec![
            "row 2, column `amount`: is required for an item",
            "row 2, column `funding`: source `nowhere` does not exist",
        ]
    );
}
