//! The page ↔ file-worker protocol: every request and answer survives the trip, and a
//! malformed message is refused in plain words (never a panic), keeping its id when it
//! has one so the page's waiting request is still answered.

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::io::line_rows::{BadRow, Row, RowsRead};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::share::Shared;
use sitebudget_core::io::worker_protocol::{
    decode_request, decode_response, encode_request, encode_response, Message, Request, Response,
};
use sitebudget_core::io::{Place, Problem};

fn minus_ten() -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change(Decimal::new(-10, 2)),
        cost_change: Decimal::new(3, 2),
        ..Scenario::default()
    }
}

fn text(text: Value) -> Message {
    Message {
        text: text.to_string(),
        bytes: None,
    }
}

/// The error sentence of a request message that must be refused.
fn request_refusal(message: Message) -> (Option<u32>, String) {
    let decoded = decode_request(message);
    match decoded.body {
        Ok(r) => panic!("accepted {r:?}"),
        Err(e) => (decoded.id, e.to_string()),
    }
}

fn response_refusal(message: Message) -> (Option<u32>, String) {
    let decoded = decode_response(message);
    match decoded.body {
        Ok(r) => panic!("accepted {r:?}"),
        Err(e) => (decoded.id, e.to_string()),
    }
}

#[test]
fn every_request_round_trips() {
    let requests = [
        Request::ReadXlsx {
            bytes: vec![0x50, 0x4B, 3, 4, 0, 255],
        },
        Request::WriteXlsx {
            doc: sample_document(),
            scenario: minus_ten(),
            name: "Fewer pupils & dearer staff — 10%".to_owned(),
            compare: None,
        },
        Request::WriteXlsx {
            doc: sample_document(),
            scenario: minus_ten(),
            name: "A".to_owned(),
            compare: Some((Scenario::default(), "Today's enrollment".to_owned())),
        },
        Request::PackShare {
            doc: sample_document(),
            scenario: Scenario::default(),
            name: String::new(),
            others: vec![],
        },
        Request::PackShare {
            doc: sample_document(),
            scenario: minus_ten(),
            name: "A".into(),
            others: vec![(Scenario::default(), "B".into())],
        },
        Request::UnpackShare {
            fragment: "share=1.abc_-".to_owned(),
        },
        Request::ImportCsv {
            doc: sample_document(),
            text: "\u{feff}Position,Salary\r\n\"Aide, K\",\"$1,234.50\"\n".to_owned(),
        },
        Request::ImportXlsx {
            doc: sample_document(),
            bytes: vec![0x50, 0x4B, 3, 4],
        },
        Request::LinesCsv {
            doc: sample_document(),
        },
        Request::LinesXlsx {
            doc: sample_document(),
        },
    ];
    for (i, request) in requests.into_iter().enumerate() {
        let id = u32::try_from(i).unwrap_or_default() * 1000 + u32::MAX / 2;
        let decoded = decode_request(encode_request(id, request.clone()));
        assert_eq!(decoded.id, Some(id));
        assert_eq!(decoded.body, Ok(request));
    }
}

/// The sample's first two lines as good rows, and two bad rows (one with two problems,
/// one without a title).
fn imported() -> RowsRead {
    let mut doc = sample_document();
    doc.lines.truncate(2);
    RowsRead {
        doc,
        bad: vec![
            BadRow {
                row: 4,
                title: "Librarian".into(),
                problems: vec![
                    Problem::new(&Place::Row(4), "unit_cost", "must be a number, got `lots`"),
                    Problem::new(&Place::Row(4), "funding", "source `x` does not exist"),
                ],
            },
            BadRow {
                row: 9,
                title: String::new(),
                problems: vec![Problem::new(
                    &Place::Row(9),
                    "",
                    "has 5 cells, but the header has 4",
                )],
            },
        ],
    }
}

#[test]
fn every_response_round_trips() {
    let responses = [
        Response::Ready,
        Response::Rows(vec![
            Row {
                number: 1,
                cells: vec!["id".into(), "kind".into(), String::new()],
            },
            Row {
                number: 70_000,
                cells: vec!["L1".into(), "\"quoted\", café\n".into()],
            },
        ]),
        Response::Rows(Vec::new()),
        Response::Workbook(vec![1, 2, 3]),
        Response::Fragment("share=1.xyz".into()),
        Response::Shared(Box::new(Shared {
            doc: sample_document(),
            scenario: minus_ten(),
            name: "Scenario 2".into(),
            others: vec![(Scenario::default(), "Scenario 1".into())],
        })),
        Response::Imported(Box::new(imported())),
        Response::Imported(Box::new(RowsRead {
            doc: sample_document(),
            bad: Vec::new(),
        })),
        Response::Csv("id,kind\n\"a,b\",item\n".into()),
        Response::Failed(vec!["Row 3: fte is not a number.".into(), "second".into()]),
        Response::Failed(Vec::new()),
    ];
    for response in responses {
        let id = (response != Response::Ready).then_some(42);
        let decoded = decode_response(encode_response(id, response.clone()));
        assert_eq!(decoded.id, id);
        assert_eq!(decoded.body, Ok(response));
    }
}

#[test]
fn the_wire_is_json_with_the_bytes_beside_it() {
    let read = encode_request(7, Request::ReadXlsx { bytes: vec![9, 8] });
    let value: Value = serde_json::from_str(&read.text).unwrap_or_default();
    assert_eq!(value, json!({"id": 7, "op": "read"}));
    assert_eq!(read.bytes, Some(vec![9, 8]));

    let open = encode_request(
        8,
        Request::UnpackShare {
            fragment: "share=1.a".into(),
        },
    );
    let value: Value = serde_json::from_str(&open.text).unwrap_or_default();
    assert_eq!(
        value,
        json!({"id": 8, "op": "open_share", "fragment": "share=1.a"})
    );
    assert_eq!(open.bytes, None);

    let ready = encode_response(None, Response::Ready);
    assert_eq!(
        serde_json::from_str::<Value>(&ready.text).unwrap_or_default(),
        json!({"op": "ready"})
    );
    let rows = encode_response(
        Some(3),
        Response::Rows(vec![Row {
            number: 2,
            cells: vec!["a".into()],
        }]),
    );
    assert_eq!(
        serde_json::from_str::<Value>(&rows.text).unwrap_or_default(),
        json!({"id": 3, "op": "rows", "rows": [[2, ["a"]]]})
    );
}

#[test]
fn documents_travel_with_exact_figures() {
    // The sample's figures are decimals; they must cross as their text, never as f64.
    let request = encode_request(
        1,
        Request::WriteXlsx {
            doc: sample_document(),
            scenario: Scenario {
                cost_change: "0.1".parse().unwrap_or_default(),
                ..Scenario::default()
            },
            name: "x".into(),
            compare: None,
        },
    );
    let Ok(Request::WriteXlsx { doc, scenario, .. }) = decode_request(request).body else {
        panic!("not a write");
    };
    assert_eq!(doc, sample_document());
    // 0.1 exactly: 1 × 10⁻¹.
    assert_eq!(scenario.cost_change, Decimal::new(1, 1));
}

#[test]
fn text_that_is_not_a_message_is_refused_without_an_id() {
    for bad in ["", "not json", "[1,2]", "\"read\"", "null", "{\"id\":"] {
        let (id, problem) = request_refusal(Message {
            text: bad.into(),
            bytes: None,
        });
        assert_eq!(id, None, "{bad}");
        assert!(
            problem.starts_with(
                "A message between the page and its file helper could not be read: it is not"
            ),
            "{problem}"
        );
        assert!(
            problem.ends_with("Reload the page and try again."),
            "{problem}"
        );
        assert_eq!(
            response_refusal(Message {
                text: bad.into(),
                bytes: None
            })
            .0,
            None
        );
    }
}

#[test]
fn a_malformed_request_keeps_its_id_so_it_is_still_answered() {
    let cases = [
        (json!({"id": 5}), "it does not say what it is"),
        (json!({"id": 5, "op": 3}), "it does not say what it is"),
        (
            json!({"id": 5, "op": "delete"}),
            "`delete` is not a request the file helper knows",
        ),
        (
            json!({"id": 5, "op": "read"}),
            "the file to read is missing",
        ),
        (
            json!({"id": 5, "op": "open_share"}),
            "its fragment is missing",
        ),
        (
            json!({"id": 5, "op": "open_share", "fragment": 1}),
            "its fragment is not text",
        ),
        (
            json!({"id": 5, "op": "write", "name": "x"}),
            "the budget is missing",
        ),
        (
            json!({"id": 5, "op": "share", "doc": sitebudget_core::io::document_value(&sample_document()), "name": "x"}),
            "the scenario is missing",
        ),
    ];
    for (message, reason) in cases {
        let (id, problem) = request_refusal(text(message.clone()));
        assert_eq!(id, Some(5), "{message}");
        assert!(
            problem.contains(&format!("could not be read: {reason}.")),
            "{problem}"
        );
    }
}

#[test]
fn a_refused_budget_says_why() {
    let message = text(json!({
        "id": 1, "op": "write", "name": "x", "scenario": {},
        "doc": {"format": "sitebudget/1"},
    }));
    let (id, problem) = request_refusal(message);
    assert_eq!(id, Some(1));
    assert!(problem.contains("the budget was refused ("), "{problem}");
    // The document reader names the missing field.
    assert!(problem.contains("school"), "{problem}");
}

#[test]
fn ids_must_be_whole_numbers_that_fit() {
    for id in [json!(-1), json!(1.5), json!("3"), json!(4_294_967_296_u64)] {
        let (got, problem) = request_refusal(text(json!({"id": id, "op": "read"})));
        assert_eq!(got, None, "{id}");
        assert!(
            problem.contains("its number is not a whole number"),
            "{problem}"
        );
    }
    let top = decode_request(Message {
        text: json!({"id": u32::MAX, "op": "read"}).to_string(),
        bytes: Some(Vec::new()),
    });
    assert_eq!(top.id, Some(u32::MAX));
    assert_eq!(top.body, Ok(Request::ReadXlsx { bytes: Vec::new() }));
}

#[test]
fn malformed_answers_are_refused_in_plain_words() {
    let cases = [
        (
            json!({"id": 2, "op": "rows"}),
            "the sheet's rows are not in the expected shape",
        ),
        (
            json!({"id": 2, "op": "rows", "rows": [[1]]}),
            "the sheet's rows are not in the expected shape",
        ),
        (
            json!({"id": 2, "op": "rows", "rows": [[1, ["a"], 3]]}),
            "the sheet's rows are not in the expected shape",
        ),
        (
            json!({"id": 2, "op": "rows", "rows": [[-1, ["a"]]]}),
            "the sheet's rows are not in the expected shape",
        ),
        (
            json!({"id": 2, "op": "rows", "rows": [[1, [2]]]}),
            "the sheet's rows are not in the expected shape",
        ),
        (
            json!({"id": 2, "op": "rows", "rows": {"1": []}}),
            "the sheet's rows are not in the expected shape",
        ),
        (
            json!({"id": 2, "op": "workbook"}),
            "the workbook's bytes are missing",
        ),
        (
            json!({"id": 2, "op": "fragment"}),
            "its fragment is missing",
        ),
        (
            json!({"id": 2, "op": "failed"}),
            "a failure came without its problems",
        ),
        (
            json!({"id": 2, "op": "shared", "name": "x"}),
            "the budget is missing",
        ),
        (
            json!({"id": 2, "op": "bonus"}),
            "`bonus` is not an answer the page knows",
        ),
    ];
    for (message, reason) in cases {
        let (id, problem) = response_refusal(text(message.clone()));
        assert_eq!(id, Some(2), "{message}");
        assert!(
            problem.contains(&format!("could not be read: {reason}.")),
            "{problem}"
        );
    }
    // A very long unknown kind is cut in the message.
    let long = "x".repeat(500);
    let (_, problem) = response_refusal(text(json!({"op": long})));
    assert!(problem.len() < 200, "{problem}");
}

#[test]
fn failures_keep_odd_problems_readable() {
    let decoded = decode_response(text(
        json!({"id": 1, "op": "failed", "problems": ["a", 3, null]}),
    ));
    assert_eq!(
        decoded.body,
        Ok(Response::Failed(vec![
            "a".into(),
            "3".into(),
            "null".into()
        ]))
    );
}

#[test]
fn unexpected_answers_are_named() {
    assert_eq!(
        Response::Fragment("x".into()).unexpected(),
        "The file helper gave an unexpected answer (fragment); reload the page and try again."
    );
}

proptest! {
    #[test]
    fn decoding_any_text_never_panics(s in any::<String>(), bytes in proptest::option::of(any::<Vec<u8>>())) {
        let _ = decode_request(Message { text: s.clone(), bytes: bytes.clone() });
        let _ = decode_response(Message { text: s, bytes });
    }

    #[test]
    fn any_rows_round_trip(rows in proptest::collection::vec((any::<u32>(), proptest::collection::vec(any::<String>(), 0..5)), 0..8)) {
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|(number, cells)| Row { number: number as usize, cells })
            .collect();
        let decoded = decode_response(encode_response(Some(1), Response::Rows(rows.clone())));
        prop_assert_eq!(decoded.body, Ok(Response::Rows(rows)));
    }

    #[test]
    fn any_fragment_and_name_round_trip(fragment in any::<String>()) {
        let decoded = decode_request(encode_request(9, Request::UnpackShare { fragment: fragment.clone() }));
        prop_assert_eq!(decoded.body, Ok(Request::UnpackShare { fragment }));
    }
}

#[test]
fn an_import_answer_carries_the_bad_rows_as_plain_json() {
    let message = encode_response(Some(5), Response::Imported(Box::new(imported())));
    let value: Value = serde_json::from_str(&message.text).unwrap_or_default();
    assert_eq!(value["op"], "imported");
    assert_eq!(value["doc"]["lines"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        value["bad"][0],
        json!({"row": 4, "title": "Librarian", "problems": [
            {"field": "unit_cost", "reason": "must be a number, got `lots`"},
            {"field": "funding", "reason": "source `x` does not exist"}]})
    );
    let csv = encode_request(
        6,
        Request::ImportCsv {
            doc: sample_document(),
            text: "a,b".into(),
        },
    );
    let value: Value = serde_json::from_str(&csv.text).unwrap_or_default();
    assert_eq!(
        (&value["op"], &value["text"]),
        (&json!("import_csv"), &json!("a,b"))
    );
    assert_eq!(csv.bytes, None);
}

#[test]
fn a_malformed_import_answer_is_refused_in_plain_words() {
    let good = serde_json::from_str::<Value>(
        &encode_response(Some(5), Response::Imported(Box::new(imported()))).text,
    )
    .unwrap_or_default();
    let mut cases = Vec::new();
    for (path, bad) in [
        ("bad", json!("rows")),
        ("bad", json!([{"row": -1, "title": "", "problems": []}])),
        ("bad", json!([{"row": 3, "problems": []}])),
        (
            "bad",
            json!([{"row": 3, "title": "", "problems": [{"field": 1, "reason": "x"}]}]),
        ),
        ("doc", json!({"format": "nope"})),
    ] {
        let mut v = good.clone();
        v[path] = bad;
        cases.push(v);
    }
    let mut v = good.clone();
    if let Value::Object(map) = &mut v {
        map.remove("doc");
    }
    cases.push(v);
    for case in cases {
        let (id, problem) = response_refusal(text(case.clone()));
        assert_eq!(id, Some(5), "{case}");
        assert!(problem.contains("could not be read"), "{problem}");
    }
    // An import request without its file's bytes or text is refused too.
    let (_, problem) = request_refusal(text(json!({"id": 2, "op": "import_xlsx",
        "doc": good["doc"].clone()})));
    assert!(problem.contains("the file to read is missing"), "{problem}");
    let (_, problem) = request_refusal(text(json!({"id": 2, "op": "import_csv",
        "doc": good["doc"].clone()})));
    assert!(problem.contains("its text is missing"), "{problem}");
}
