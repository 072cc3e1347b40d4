//! The network file: reading (never whole-file failure for a bad school, never a panic),
//! `src` paths, writing with budgets inline, the browser record with its scenario, and
//! the network table as CSV, XLSX and worker messages.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;
use sitebudget_core::app::network_workbook;
use sitebudget_core::engine::{school_row, NetworkScenario};
use sitebudget_core::io::network::{
    network_csv, network_json, network_text, read_network, read_network_record, read_row,
    resolve_src, row_value, NetworkRow, SchoolOut,
};
use sitebudget_core::io::parse_document;
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::worker_protocol::{decode_request, encode_request, Message, Request};
use sitebudget_core::model::{Document, NetworkFile, SchoolEntry};

const ALDER: &str = include_str!("../../../tests/e2e/fixtures/network/schools/alder.json");
const BIRCH: &str = include_str!("../../../tests/e2e/fixtures/network/schools/birch.json");
const BROKEN: &str = include_str!("../../../tests/e2e/fixtures/network/schools/broken.json");
const NETWORK: &str = include_str!("../../../tests/e2e/fixtures/network/network.json");

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn cedar() -> Document {
    match read_network(NETWORK).unwrap().schools.swap_remove(2) {
        SchoolEntry::Inline(Ok(doc)) => doc,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_fixture_reads_as_three_sources_and_one_inline_budget() {
    let file = read_network(NETWORK).unwrap();
    assert_eq!(file.name, "Eastside test network");
    assert_eq!(file.schools.len(), 4);
    assert_eq!(
        file.schools[0],
        SchoolEntry::Src("schools/alder.json".into())
    );
    assert_eq!(
        file.schools[1],
        SchoolEntry::Src("schools/birch.json".into())
    );
    assert_eq!(cedar().school.name, "Cedar Early Learning Center");
    assert_eq!(
        file.schools[3],
        SchoolEntry::Src("schools/broken.json".into())
    );
    // The broken school's file fails as a budget: its funding adds up to 0.6.
    let e = parse_document(BROKEN).unwrap_err();
    assert!(
        e.problems.iter().any(|p| p.to_string().contains("aide")),
        "{e:?}"
    );
}

fn problems_of(text: &str) -> Vec<String> {
    read_network(text).unwrap_err()
}

#[test]
fn the_whole_file_is_refused_only_when_it_is_not_a_network() {
    assert!(problems_of("not json")[0].starts_with("The network file is not valid JSON"));
    assert!(problems_of("[1, 2]")[0].contains("not a JSON object"));
    assert!(problems_of(r#"{"schools": []}"#)[0].contains("no `format` field"));
    assert_eq!(
        problems_of(r#"{"format": "sitebudget-network/2", "schools": []}"#),
        vec!["The file's format is \"sitebudget-network/2\", not `sitebudget-network/1`."]
    );
    assert!(problems_of(ALDER)[0].starts_with("This is a single budget"));
    assert_eq!(
        problems_of(r#"{"format": "sitebudget-network/1"}"#),
        vec!["The network file has no `schools` list."]
    );
    assert_eq!(
        problems_of(r#"{"format": "sitebudget-network/1", "schools": {"a": 1}}"#),
        vec!["The network's `schools` should be a list, got an object."]
    );
    // No name is an empty name, and an empty list is an empty network.
    assert_eq!(
        read_network("\u{feff}{\"format\": \"sitebudget-network/1\", \"schools\": []}"),
        Ok(NetworkFile {
            name: String::new(),
            schools: Vec::new()
        })
    );
}

/// The problems of entry `i` of a network of these entries.
fn entry_problems(entries: &str, i: usize) -> Vec<String> {
    let text =
        format!(r#"{{"format": "sitebudget-network/1", "name": "N", "schools": {entries}}}"#);
    match read_network(&text).unwrap().schools.swap_remove(i) {
        SchoolEntry::Inline(Err(bad)) => bad.problems,
        other => panic!("entry {i} should be bad: {other:?}"),
    }
}

#[test]
fn a_bad_school_is_an_entry_that_says_why_and_the_others_still_read() {
    let entries = r#"[7, {}, {"src": "a.json", "budget": {}}, {"src": 3}, {"src": "  "},
        {"budget": {"format": "sitebudget/1"}}, {"budget": "{not json"}, {"src": "ok.json"}]"#;
    assert_eq!(
        entry_problems(entries, 0),
        ["School 1 is 7, not an object with `src` or `budget`."]
    );
    assert_eq!(
        entry_problems(entries, 1),
        ["School 2 has neither `src` (a budget file) nor `budget` (a budget inline)."]
    );
    assert_eq!(
        entry_problems(entries, 2),
        ["School 3 gives both `src` and `budget`; give one of them."]
    );
    assert_eq!(
        entry_problems(entries, 3),
        ["School 4's `src` should be the path of a budget file, got 3."]
    );
    assert_eq!(
        entry_problems(entries, 4),
        ["School 5's `src` should be the path of a budget file, got \"  \"."]
    );
    // An invalid inline budget keeps every problem, each naming the school and field.
    let p = entry_problems(entries, 5);
    assert!(p.len() >= 2, "{p:?}");
    assert!(
        p.iter().all(|p| p.starts_with("School 6's budget: ")),
        "{p:?}"
    );
    assert!(p.iter().any(|p| p.contains("`school`")), "{p:?}");
    assert!(entry_problems(entries, 6)[0]
        .starts_with("School 7's budget is text that is not valid JSON"));
    let text = format!(r#"{{"format": "sitebudget-network/1", "schools": {entries}}}"#);
    let file = read_network(&text).unwrap();
    assert_eq!(file.schools[7], SchoolEntry::Src("ok.json".into()));
}

#[test]
fn a_bad_entry_keeps_its_json_so_a_saved_network_loses_nothing() {
    let text = r#"{"format": "sitebudget-network/1", "name": "N",
        "schools": [{"budget": {"format": "sitebudget/1", "school": 5}, "note": "é"}]}"#;
    let SchoolEntry::Inline(Err(bad)) = read_network(text).unwrap().schools.swap_remove(0) else {
        panic!("bad entry expected");
    };
    let written = network_text("N", &[SchoolOut::Kept(&bad.json)], None);
    let again = read_network(&written).unwrap();
    let SchoolEntry::Inline(Err(bad2)) = &again.schools[0] else {
        panic!("still bad");
    };
    assert_eq!(bad2, &bad);
    let v: Value = serde_json::from_str(&bad.json).unwrap();
    assert_eq!(v["note"], "é");
}

#[test]
fn a_budget_given_as_json_text_reads_like_an_object() {
    let text = format!(
        r#"{{"format": "sitebudget-network/1", "schools": [{{"budget": {}}}]}}"#,
        serde_json::to_string(ALDER).unwrap()
    );
    let file = read_network(&text).unwrap();
    assert_eq!(
        file.schools[0],
        SchoolEntry::Inline(Ok(parse_document(ALDER).unwrap()))
    );
}

#[test]
fn src_paths_resolve_against_the_network_file() {
    let cases = [
        ("nets/east.json", "schools/a.json", "nets/schools/a.json"),
        ("nets/east.json", "./a.json", "nets/a.json"),
        ("nets/east.json", "../a.json", "a.json"),
        ("nets/east.json", "../../../a.json", "a.json"),
        ("nets/east.json", "/x.json", "/x.json"),
        ("nets/east.json", "/x/../y.json", "/y.json"),
        ("east.json", "a.json", "a.json"),
        ("/east.json", "a.json", "/a.json"),
        ("/a/b/east.json", "../c/./d.json", "/a/c/d.json"),
        ("nets/east.json?v=2#top", "a.json?x=1", "nets/a.json?x=1"),
        ("nets/", "a.json", "nets/a.json"),
        (
            "http://localhost:8080/nets/east.json",
            "../a.json",
            "http://localhost:8080/a.json",
        ),
        (
            "http://localhost:8080/east.json",
            "../../a.json",
            "http://localhost:8080/a.json",
        ),
        // Another origin is left as written: the page's same-origin rule refuses it.
        (
            "nets/east.json",
            "https://elsewhere.example/a.json",
            "https://elsewhere.example/a.json",
        ),
        (
            "nets/east.json",
            "//elsewhere.example/a.json",
            "//elsewhere.example/a.json",
        ),
        ("nets/east.json", " schools/a.json ", "nets/schools/a.json"),
    ];
    for (network, src, want) in cases {
        assert_eq!(resolve_src(network, src), want, "{network} + {src}");
    }
}

#[test]
fn the_export_carries_every_budget_inline_and_reads_back() {
    let docs = [parse_document(ALDER).unwrap(), sample_document(), cedar()];
    let refs: Vec<&Document> = docs.iter().collect();
    let text = network_json("Eastside \"network\"", &refs);
    assert!(
        text.starts_with("{\n  \"format\": \"sitebudget-network/1\",\n"),
        "{text}"
    );
    assert!(!text.contains("scenario"));
    let back = read_network(&text).unwrap();
    assert_eq!(back.name, "Eastside \"network\"");
    let read: Vec<SchoolEntry> = docs
        .iter()
        .cloned()
        .map(|d| SchoolEntry::Inline(Ok(d)))
        .collect();
    assert_eq!(back.schools, read);
}

#[test]
fn the_record_keeps_sources_bad_entries_and_the_scenario() {
    let alder = parse_document(ALDER).unwrap();
    let mut sc = NetworkScenario {
        change: d("-0.05"),
        overrides: Vec::new(),
    };
    sc.set_override(2, Some(d("0.03")));
    let kept = r#"{"budget":{"format":"sitebudget/1"}}"#;
    let text = network_text(
        "N",
        &[
            SchoolOut::Budget(&alder),
            SchoolOut::Src("schools/b.json"),
            SchoolOut::Kept(kept),
        ],
        Some(&sc),
    );
    assert!(
        text.contains(r#""scenario": {"change": "-0.05", "overrides": {"2": "0.03"}}"#),
        "{text}"
    );
    let (file, back, problems) = read_network_record(&text).unwrap();
    assert_eq!(back, sc);
    assert!(problems.is_empty());
    assert_eq!(file.schools[0], SchoolEntry::Inline(Ok(alder)));
    assert_eq!(file.schools[1], SchoolEntry::Src("schools/b.json".into()));
    assert!(matches!(&file.schools[2], SchoolEntry::Inline(Err(b)) if b.json == kept));
    // The plain reader accepts the record and ignores its scenario.
    assert_eq!(read_network(&text).unwrap(), file);
}

#[test]
fn a_bad_scenario_in_a_record_is_explained_and_the_schools_stay() {
    let record = |scenario: &str| {
        format!(
            r#"{{"format": "sitebudget-network/1", "schools": [{{"src": "a.json"}}, {{"src": "b.json"}}], "scenario": {scenario}}}"#
        )
    };
    let (file, sc, problems) = read_network_record(&record(
        r#"{"change": "-2", "overrides": {"1": 0.5, "7": "0.1", "0": "x"}}"#,
    ))
    .unwrap();
    assert_eq!(file.schools.len(), 2);
    // The change out of bounds and two overrides are refused; school 2's 0.5 (a JSON number) holds.
    assert_eq!(sc.change, Decimal::ZERO);
    assert_eq!(sc.change_for(1), d("0.5"));
    assert_eq!(sc.change_for(0), Decimal::ZERO);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].contains("between -1 and 1"), "{problems:?}");
    assert!(problems
        .iter()
        .any(|p| p.contains("\"7\", which the network does not have")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("School 1's own enrollment change must be a number")));
    let (_, sc, problems) = read_network_record(&record("[1]")).unwrap();
    assert_eq!(sc, NetworkScenario::default());
    assert_eq!(problems.len(), 1);
    let (_, sc, problems) = read_network_record(&record("null")).unwrap();
    assert_eq!((sc, problems.len()), (NetworkScenario::default(), 0));
}

/// The fixture's three schools at −10%, and the broken one with its reason.
fn fixture_rows() -> Vec<NetworkRow> {
    let change = d("-0.1");
    let docs = [
        parse_document(ALDER).unwrap(),
        parse_document(BIRCH).unwrap(),
        cedar(),
    ];
    let mut rows: Vec<NetworkRow> = docs
        .iter()
        .map(|doc| NetworkRow {
            school: doc.school.name.clone(),
            change,
            row: Ok(school_row(doc, change).unwrap()),
        })
        .collect();
    rows.push(NetworkRow {
        school: "schools/broken.json".into(),
        change,
        row: Err("The budget file could not be read: line `aide`, field `funding`: shares add up to 0.6, not 1.".into()),
    });
    rows
}

#[test]
fn the_network_csv_has_plain_numbers_a_reason_for_the_failed_school_and_the_total() {
    // Figures hand-computed in tests/network_engine.rs; the index to 4 decimals:
    // 100,400 ÷ 550,400 = 0.18241… → 0.1824; 6,000 ÷ 640,000 = 0.009375 → 0.0094;
    // total 126,400 ÷ 1,210,400 = 0.10442… → 0.1044.
    let csv = network_csv(&fixture_rows());
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "School,Enrollment change,Pupils,Unduplicated share,Allocation,Allocation per pupil,Restricted share,Balance before cuts,FTE cut,Deficit after plan,Flexibility index,Tightest breakpoint (pupils),Problem"
    );
    assert_eq!(
        lines[1],
        "Alder Elementary,-0.1,90,0.8,550400,6115.56,0.7529,15400,0,0,0.1824,15,"
    );
    assert_eq!(
        lines[2],
        "Birch Middle School,-0.1,162,0.5,640000,3950.62,0.8438,-40000,1.4,30000,0.0094,27,"
    );
    assert_eq!(
        lines[3],
        "Cedar Early Learning Center,-0.1,0,0,20000,,0,15000,0,0,1,,"
    );
    assert_eq!(
        lines[4],
        "schools/broken.json,-0.1,,,,,,,,,,,\"The budget file could not be read: line `aide`, field `funding`: shares add up to 0.6, not 1.\""
    );
    assert_eq!(
        lines[5],
        "Total,,252,0.6071,1210400,4803.17,0.7885,-9600,1.4,30000,0.1044,15,1 school could not be computed and is left out of the total."
    );
    assert_eq!(lines[6], "");
    assert_eq!(lines.len(), 7);
}

#[test]
fn the_network_workbook_has_number_cells_and_a_total_of_formulas() {
    let rows = fixture_rows();
    let bytes = network_workbook("Eastside test network, 10% fewer pupils", &rows).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Network"]);
    let cells = book.worksheet_range("Network").unwrap();
    let formulas = book.worksheet_formula("Network").unwrap();
    let at = |r: u32, c: u32| cells.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        at(0, 0),
        Data::String("Eastside test network, 10% fewer pupils".into())
    );
    assert_eq!(at(2, 0), Data::String("School".into()));
    assert_eq!(at(2, 12), Data::String("Problem".into()));
    // Row 4 (index 3): Alder, every figure a number cell.
    assert_eq!(at(3, 0), Data::String("Alder Elementary".into()));
    let alder = [
        -0.1, 90.0, 0.8, 550400.0, 6115.56, 0.7529, 15400.0, 0.0, 0.0, 0.1824, 15.0,
    ];
    for (c, want) in (1u32..).zip(alder) {
        assert_eq!(at(3, c), Data::Float(want), "column {c}");
    }
    // Cedar has no per-pupil figure and no breakpoint: empty cells.
    assert_eq!(at(5, 5), Data::Empty);
    assert_eq!(at(5, 11), Data::Empty);
    // The broken school: its reason, no figures.
    assert_eq!(at(6, 2), Data::Empty);
    assert!(
        matches!(at(6, 12), Data::String(s) if s.starts_with("The budget file could not be read"))
    );
    // Total row (index 7): sums as =SUM over rows 4–7 with the network total cached,
    // the breakpoint as =MIN, per pupil and shares as the total's own figures.
    assert_eq!(at(7, 0), Data::String("Total".into()));
    let f = |c: u32| formulas.get_value((7, c)).cloned().unwrap_or_default();
    assert_eq!(f(2), "SUM(C4:C7)");
    assert_eq!(f(4), "SUM(E4:E7)");
    assert_eq!(f(7), "SUM(H4:H7)");
    assert_eq!(f(8), "SUM(I4:I7)");
    assert_eq!(f(9), "SUM(J4:J7)");
    assert_eq!(f(11), "MIN(L4:L7)");
    assert_eq!(f(5), "");
    assert_eq!(at(7, 2), Data::Float(252.0));
    assert_eq!(at(7, 4), Data::Float(1210400.0));
    assert_eq!(at(7, 7), Data::Float(-9600.0));
    assert_eq!(at(7, 8), Data::Float(1.4));
    assert_eq!(at(7, 9), Data::Float(30000.0));
    assert_eq!(at(7, 11), Data::Float(15.0));
    assert_eq!(at(7, 5), Data::Float(4803.17));
    assert_eq!(at(7, 6), Data::Float(0.7885));
    assert_eq!(at(7, 10), Data::Float(0.1044));
    assert!(matches!(at(7, 12), Data::String(s) if s.starts_with("1 school could not")));
}

#[test]
fn an_empty_network_still_writes_a_workbook_and_csv() {
    assert!(network_workbook("Empty", &[]).is_ok());
    assert_eq!(
        network_csv(&[]).split("\r\n").nth(1),
        Some("Total,,0,,0,,,0,0,0,0,,")
    );
}

#[test]
fn network_table_requests_round_trip_through_the_worker_protocol() {
    let rows = fixture_rows();
    for request in [
        Request::NetworkCsv {
            title: "T".into(),
            rows: rows.clone(),
        },
        Request::NetworkXlsx {
            title: "Eastside — 10% fewer".into(),
            rows: rows.clone(),
        },
        Request::NetworkCsv {
            title: String::new(),
            rows: Vec::new(),
        },
    ] {
        let decoded = decode_request(encode_request(41, request.clone()));
        assert_eq!(decoded.id, Some(41));
        assert_eq!(decoded.body, Ok(request));
    }
    // Each row's JSON reads back as itself.
    for r in &rows {
        assert_eq!(read_row(&row_value(r)).as_ref(), Ok(r));
    }
}

#[test]
fn a_malformed_network_request_is_refused_in_plain_words_with_its_id() {
    let bad = [
        r#"{"id": 5, "op": "network_csv", "rows": []}"#,
        r#"{"id": 5, "op": "network_xlsx", "title": "t"}"#,
        r#"{"id": 5, "op": "network_csv", "title": "t", "rows": [3]}"#,
        r#"{"id": 5, "op": "network_csv", "title": "t", "rows": [{"school": "a", "change": "x", "problem": "p"}]}"#,
        r#"{"id": 5, "op": "network_csv", "title": "t", "rows": [{"school": "a", "change": "0"}]}"#,
        r#"{"id": 5, "op": "network_csv", "title": "t", "rows": [{"school": "a", "change": "0", "row": {"pupils": "1"}}]}"#,
    ];
    for text in bad {
        let decoded = decode_request(Message {
            text: text.into(),
            bytes: None,
        });
        assert_eq!(decoded.id, Some(5), "{text}");
        let e = decoded.body.unwrap_err().to_string();
        assert!(
            e.starts_with("A message between the page and its file helper"),
            "{e}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        let _ = read_network(&text);
        let _ = read_network_record(&text);
    }

    #[test]
    fn any_entry_list_reads_with_one_entry_per_school(
        entries in proptest::collection::vec(entry(), 0..8),
        name in any::<String>(),
    ) {
        let text = serde_json::json!({
            "format": "sitebudget-network/1",
            "name": name,
            "schools": entries,
        })
        .to_string();
        let file = read_network(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(file.schools.len(), entries.len());
        // What was read writes back and reads again as the same network.
        let out: Vec<SchoolOut> = file
            .schools
            .iter()
            .map(|s| match s {
                SchoolEntry::Src(src) => SchoolOut::Src(src),
                SchoolEntry::Inline(Ok(doc)) => SchoolOut::Budget(doc),
                SchoolEntry::Inline(Err(bad)) => SchoolOut::Kept(&bad.json),
            })
            .collect();
        let again = read_network(&network_text(&file.name, &out, None));
        prop_assert_eq!(again.as_ref(), Ok(&file));
        for (e, s) in entries.iter().zip(&file.schools) {
            if let SchoolEntry::Inline(Err(bad)) = s {
                prop_assert!(!bad.problems.is_empty());
                prop_assert!(bad.problems.iter().all(|p| p.starts_with("School ")));
                // The kept JSON is the entry itself.
                prop_assert_eq!(&serde_json::from_str::<Value>(&bad.json).ok(), &Some(e.clone()));
            }
        }
    }

    #[test]
    fn the_text_of_any_network_reads_back(name in any::<String>(), srcs in proptest::collection::vec("[a-z/.]{1,12}", 0..5)) {
        let srcs: Vec<String> = srcs.into_iter().filter(|s| !s.trim().is_empty()).collect();
        let out: Vec<SchoolOut> = srcs.iter().map(|s| SchoolOut::Src(s)).collect();
        let file = read_network(&network_text(&name, &out, None)).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(file.name, name.trim());
        let want: Vec<SchoolEntry> = srcs.iter().map(|s| SchoolEntry::Src(s.trim().to_owned())).collect();
        prop_assert_eq!(file.schools, want);
    }

    #[test]
    fn resolving_any_paths_never_panics_and_never_climbs_above_the_root(
        network in "[a-z./:?#]{0,20}", src in "[a-z./?#]{0,20}",
    ) {
        let out = resolve_src(&network, &src);
        // A URL with a scheme or a protocol-relative `//host…` is passed on as written, for
        // the same-origin rule to refuse (it names another host); only paths are folded.
        let passed_on = src.contains(':') || src.trim().starts_with("//");
        prop_assert!(!out.split(['?', '#']).next().unwrap_or("").split('/').any(|s| s == "..") || passed_on);
        if src.trim().starts_with("//") {
            prop_assert!(sitebudget_core::io::same_origin::src_problem(&out, "https://school.example").is_some());
        }
    }
}

/// A school entry: random JSON, or the shapes the reader knows with random contents.
fn entry() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    let json = leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    prop_oneof![
        json.clone(),
        json.clone().prop_map(|v| serde_json::json!({"src": v})),
        json.prop_map(|v| serde_json::json!({"budget": v})),
        Just(serde_json::from_str::<Value>(ALDER).unwrap())
            .prop_map(|v| serde_json::json!({"budget": v})),
    ]
}

/// A network written by `scripts/gen-network.mjs` reads, every school validates and
/// computes. The test writes 60 schools itself (Node runs the generator, as the
/// end-to-end suite and the bench use it); `GEN_NETWORK_DIR=out` checks a network already
/// written instead, such as the bench's 1,000 schools.
#[test]
fn a_generated_network_reads_and_computes() {
    let dir = match std::env::var("GEN_NETWORK_DIR") {
        Ok(dir) => std::path::PathBuf::from(dir),
        Err(_) => {
            let out = std::env::temp_dir().join(format!("sitebudget-gen-{}", std::process::id()));
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
            let status = std::process::Command::new("node")
                .arg(root.join("scripts/gen-network.mjs"))
                .arg("60")
                .arg(&out)
                .status()
                .expect("node runs scripts/gen-network.mjs");
            assert!(status.success(), "the generator failed");
            out
        }
    };
    let dir = dir.as_path();
    let file = read_network(&std::fs::read_to_string(dir.join("network.json")).unwrap()).unwrap();
    let (mut cut, mut short, mut recruit_gain) = (0, 0, 0);
    for entry in &file.schools {
        let doc = match entry {
            SchoolEntry::Src(src) => {
                parse_document(&std::fs::read_to_string(dir.join(src)).unwrap())
                    .unwrap_or_else(|e| panic!("{src}: {e:?}"))
            }
            SchoolEntry::Inline(Ok(doc)) => doc.clone(),
            SchoolEntry::Inline(Err(bad)) => panic!("{:?}", bad.problems),
        };
        assert_eq!(doc.lines.len(), 60);
        let down = school_row(&doc, d("-0.08")).unwrap();
        let up = school_row(&doc, d("0.05")).unwrap();
        cut += usize::from(down.cut_fte > Decimal::ZERO);
        short += usize::from(down.deficit > Decimal::ZERO);
        recruit_gain += usize::from(up.allocation > down.allocation);
    }
    println!(
        "{} schools; at −8%: {cut} cut FTE, {short} keep a deficit; {recruit_gain} gain money at +5%",
        file.schools.len()
    );
    assert!(cut > 0 && recruit_gain == file.schools.len());
}
