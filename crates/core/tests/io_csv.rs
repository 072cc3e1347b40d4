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

/// The sample's sources as an error lists them (SPEC: a funding error names the valid
/// source ids and names).
const SOURCES: &str = "`gf` General fund (school allocation); `need` Student equity need allocation; `title1` Title I; `norm` District staffing norms; `carry` Carryover from 2025-26; `arts` Jacaranda Arts Foundation grant";

/// The reason for an unknown source `name`.
fn unknown_source(name: &str) -> String {
    format!("source `{name}` does not exist; the sources are: {SOURCES}")
}

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
    // The unknown source now comes with the list of valid ones (SPEC "Lines as CSV").
    assert_eq!(
        problems[0].to_string(),
        format!("row 5, column `funding`: {}", unknown_source("titel1"))
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
    // SPEC "Lines as CSV": only `title` and `unit_cost` or `amount` are required in the
    // header (ids are made from titles, kinds inferred); `funding` is no longer required
    // there, each row without it is refused with the sources it could name instead.
    refused(
        "id,kind,funding,amount\n",
        1,
        "title",
        "is required in the header",
    );
    refused(
        "title,fte,funding\n",
        1,
        "amount",
        "or `unit_cost` is required in the header: what each line costs",
    );
    // Two names for one column: both are named.
    refused(
        "Position,Title,Salary\n",
        1,
        "title",
        "appears twice in the header: `Position` and `Title` both mean `title`",
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
        "the file is empty: the first row must name the columns, such as title,fte,unit_cost,amount,funding",
    );
    refused(
        "",
        1,
        "",
        "the file is empty: the first row must name the columns, such as title,fte,unit_cost,amount,funding",
    );
    refused(
        "\u{feff}",
        1,
        "",
        "the file is empty: the first row must name the columns, such as title,fte,unit_cost,amount,funding",
    );
}

#[test]
fn header_only_gives_no_lines() {
    assert_eq!(import(&format!("{HEADER}\n")).unwrap().lines, vec![]);
}

#[test]
fn bad_rows_name_row_column_and_reason() {
    // A blank `id` or `kind` is no longer a bad row (SPEC: ids are made from titles,
    // kinds inferred): see `missing_ids_and_kinds_are_made`. Funding errors list the
    // sample's sources.
    let no_funding = format!(
        "is required: name the sources that pay, such as `gf` or `gf 60%, need 40%`; the sources are: {SOURCES}"
    );
    let titel1 = unknown_source("titel1");
    let cases: [(&str, &str, &str); 28] = [
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
        (
            "a,staff,X,,,1,gf,,,,,,,",
            "kind",
            "must be `position` or `item`, got `staff`",
        ),
        ("a,item,X,,,1,,,,,,,,", "funding", &no_funding),
        ("a,item,X,,,1,titel1,,,,,,,", "funding", &titel1),
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
    refused(&text, 5, "funding", &unknown_source("titel1"));
    let text = format!("\n\n{HEADER}\rbad,item,Bad,,,100,titel1,,,,,,,\r");
    refused(&text, 4, "funding", &unknown_source("titel1"));
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
    // The header needs `amount` or `unit_cost` now (SPEC: only `title` and one of them
    // are required), so the row leaves its amount blank to keep two problems in one row.
    let problems = import("id,kind,title,funding,amount\nx,item,Paper,nowhere,\n").unwrap_err();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        vec![
            "row 2, column `amount`: is required for an item".to_string(),
            format!("row 2, column `funding`: {}", unknown_source("nowhere")),
        ]
    );
}

// ---- SPEC "Lines as CSV": the spreadsheet user's forms ----

/// The file a spreadsheet user made by hand (issue #13: four failed imports before one
/// went in): friendly headers, no id or kind column, money with `$` and thousands,
/// sources by name in any case, the editor's `Title I 60%, …` form, a byte-order mark,
/// CRLF endings, a blank line and empty trailing columns, as spreadsheets save them.
const STAFF: &str = include_str!("../../../tests/fixtures/spreadsheet-staff.csv");

fn fund(source: &str, share: &str) -> Funding {
    Funding {
        source: source.into(),
        share: dec(share),
    }
}

/// A position line's id, title, FTE, unit cost and funding.
type Staff<'d> = (&'d str, &'d str, Decimal, Option<Decimal>, Vec<Funding>);

#[test]
fn the_spreadsheet_users_file_imports_first_time() {
    let doc = import(STAFF).expect("imports as written");
    let got: Vec<Staff> = doc
        .lines
        .iter()
        .map(|l| {
            let p = l.position().expect("a salary makes a position");
            (
                l.id.as_str(),
                l.title.as_str(),
                p.fte,
                p.unit_cost,
                l.funding.clone(),
            )
        })
        .collect();
    let want = vec![
        // Ids from titles; the second "Classroom teacher" is made unique with `-2`.
        (
            "classroom-teacher",
            "Classroom teacher",
            dec("3"),
            Some(dec("118000.00")),
            vec![fund("gf", "1")],
        ),
        (
            "reading-intervention-teacher",
            "Reading intervention teacher",
            dec("1"),
            Some(dec("96500")),
            vec![fund("title1", "0.6"), fund("need", "0.4")],
        ),
        (
            "counselor",
            "Counselor",
            dec("0.5"),
            Some(dec("104000")),
            vec![fund("need", "1")],
        ),
        (
            "library-aide",
            "Library aide",
            dec("0.4"),
            Some(dec("38250.50")),
            vec![fund("gf", "1")],
        ),
        (
            "classroom-teacher-2",
            "Classroom teacher",
            dec("1"),
            Some(dec("118000")),
            vec![fund("title1", "1")],
        ),
    ];
    assert_eq!(got, want);
    assert_eq!(doc.lines[2].notes.as_deref(), Some("Half time"));
    // 3 × 118,000 + 96,500 + 0.5 × 104,000 + 0.4 × 38,250.50 + 118,000
    // = 354,000 + 96,500 + 52,000 + 15,300.20 + 118,000 = 635,800.20
    let total = doc
        .lines
        .iter()
        .map(|l| match &l.kind {
            LineKind::Position(p) => p.fte * p.unit_cost.unwrap_or_default(),
            LineKind::Item { amount } => *amount,
        })
        .sum::<Decimal>();
    assert_eq!(total, dec("635800.20"));
}

#[test]
fn headers_match_ignoring_case_spaces_underscores_hyphens_and_punctuation() {
    for header in [
        "Title,Unit cost,FTE,Funding",
        "TITLE,UNIT-COST,fte,FUNDING",
        " title , unit_cost , F.T.E. , Funding source(s) ",
        "Name,Average cost,Positions,Funded by",
        "Description,Cost per FTE:,FTE,Sources",
        "Line,Salary,FTE,Fund",
    ] {
        let doc = import(&format!("{header}\nNurse,\"$145,000\",0.6,gf\n"))
            .unwrap_or_else(|p| panic!("{header}: {p:?}"));
        let p = doc.lines[0].position().unwrap();
        assert_eq!(
            (doc.lines[0].id.as_str(), p.fte, p.unit_cost),
            ("nurse", dec("0.6"), Some(dec("145000"))),
            "{header}"
        );
    }
    // `amount` ← cost, budget: an item.
    for header in ["Description,Cost,Source", "Name,Budget,Funding Source"] {
        let doc = import(&format!(
            "{header}\nCopy paper,\"$1,234.50\",General Fund (School Allocation)\n"
        ))
        .unwrap_or_else(|p| panic!("{header}: {p:?}"));
        assert_eq!(
            doc.lines[0].kind,
            LineKind::Item {
                amount: dec("1234.50")
            },
            "{header}"
        );
        assert_eq!(doc.lines[0].funding, vec![fund("gf", "1")]);
    }
}

#[test]
fn missing_ids_and_kinds_are_made() {
    // No `kind`: a row with `unit_cost`, `fte` or `norm` is a position, else an item.
    // Ids from titles (lowercase words joined by `-`), unique against ids the file
    // writes further down too.
    let text = "id,title,fte,unit_cost,amount,funding,norm\n\
                ,Art supplies,,,500,gf,\n\
                ,Art supplies,,,700,gf,\n\
                ,Aide (K–1),1,40000,,gf,\n\
                ,Teachers TK-3,,,,norm,tk3\n\
                ,,,,50,gf,\n\
                art-supplies-2,Written id,,,1,gf,\n";
    let doc = import(text).unwrap();
    let ids: Vec<&str> = doc.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "art-supplies",
            "art-supplies-3",
            "aide-k-1",
            "teachers-tk-3",
            "line",
            "art-supplies-2"
        ]
    );
    let kinds: Vec<bool> = doc.lines.iter().map(|l| l.position().is_some()).collect();
    assert_eq!(kinds, [false, false, true, true, false, false]);
}

#[test]
fn funding_forms_by_id_or_name() {
    for (cell, want) in [
        ("gf", vec![fund("gf", "1")]),
        ("Title I", vec![fund("title1", "1")]),
        ("TITLE1", vec![fund("title1", "1")]),
        (
            "need:0.6|gf:0.4",
            vec![fund("need", "0.6"), fund("gf", "0.4")],
        ),
        (
            "need:60%|gf:40%",
            vec![fund("need", "0.6"), fund("gf", "0.4")],
        ),
        (
            "gf 60%, need 40%",
            vec![fund("gf", "0.6"), fund("need", "0.4")],
        ),
        (
            "General fund (school allocation) 75%, Title I 25%",
            vec![fund("gf", "0.75"), fund("title1", "0.25")],
        ),
        // The editor's form: `%` may be left out, the number is still a percent.
        (
            "gf 50, title1 50",
            vec![fund("gf", "0.5"), fund("title1", "0.5")],
        ),
    ] {
        let doc = import(&format!("title,amount,funding\nX,10,\"{cell}\"\n"))
            .unwrap_or_else(|p| panic!("{cell}: {p:?}"));
        assert_eq!(doc.lines[0].funding, want, "{cell}");
    }
    refused(
        "title,amount,funding\nX,10,\"General fund 60%, Title I 40%\"\n",
        2,
        "funding",
        &unknown_source("General fund"),
    );
    refused(
        "title,amount,funding\nX,10,\"gf 60%, need 30%\"\n",
        2,
        "funding",
        "shares must add up to exactly 1, got 0.9",
    );
}

#[test]
fn bad_rows_are_set_aside_beside_the_good_ones() {
    use sitebudget_core::io::line_rows::BadRow;
    use sitebudget_core::io::read_lines_csv;
    let text = "Position,Salary,FTE,Funding source\n\
                Teacher,\"$118,000\",2,gf\n\
                Librarian,\"$70,000\",1,Library fund\n\
                Aide,lots,1,gf\n\
                Nurse,\"$145,000\",0.6,need\n";
    let read = read_lines_csv(&sample_document(), text).unwrap();
    let titles: Vec<&str> = read.doc.lines.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, ["Teacher", "Nurse"]);
    assert_eq!(
        read.bad,
        vec![
            BadRow {
                row: 3,
                title: "Librarian".into(),
                problems: vec![Problem::new(
                    &Place::Row(3),
                    "funding",
                    unknown_source("Library fund")
                )],
            },
            BadRow {
                row: 4,
                title: "Aide".into(),
                problems: vec![Problem::new(
                    &Place::Row(4),
                    "unit_cost",
                    "must be a number, got `lots`"
                )],
            },
        ]
    );
    // The all-or-nothing reading still refuses the file, with the same reasons.
    assert_eq!(import(text).unwrap_err(), read.problems());
}

#[test]
fn a_row_clashing_with_an_earlier_one_is_set_aside_too() {
    use sitebudget_core::io::read_lines_csv;
    // Problems between lines (an id used twice) are found after the rows are read; the
    // later row is the bad one.
    let text = "id,title,amount,funding\npaper,Paper,5,gf\npaper,More paper,6,gf\n";
    let read = read_lines_csv(&sample_document(), text).unwrap();
    assert_eq!(read.doc.lines.len(), 1);
    assert_eq!(read.bad.len(), 1);
    assert_eq!(read.bad[0].row, 3);
    assert_eq!(read.bad[0].problems[0].field, "id");
}

#[test]
fn a_file_of_only_bad_rows_is_refused_whole() {
    use sitebudget_core::io::read_lines_csv;
    let text = "title,amount,funding\nA,5,nope\nB,x,gf\n";
    let err = read_lines_csv(&sample_document(), text).unwrap_err();
    let places: Vec<String> = err
        .problems
        .iter()
        .map(|p| format!("{} {}", p.place, p.field))
        .collect();
    assert_eq!(places, ["row 2 funding", "row 3 amount"]);
}
