//! The core's words in Spanish: with the catalog of `i18n/es.json` set, the cut plan,
//! validation and import problems, engine errors, the worker's answers and the workbook
//! are worded in Spanish while money keeps its US-dollar format. The catalog is
//! thread-local, so each test sets it on its own thread and the English tests elsewhere
//! are untouched.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_decimal::Decimal;
use sitebudget_core::app::compared_workbook;
use sitebudget_core::engine::{evaluate, EngineError, EnrollmentInput, Scenario};
use sitebudget_core::format;
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::worker_protocol::{decode_request, encode_request, Request};
use sitebudget_core::io::{import_lines_xlsx, parse_document, read_lines_csv, to_json};
use sitebudget_core::model::{validate, LineKind};
use sitebudget_core::util::i18n::{lang, set_catalog, tr, tr1, Catalog, Lang};
use sitebudget_core::view::plan_text::{after_plan_note, cut_words_in};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The Spanish catalog as the page loads it.
fn spanish() -> Catalog {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../i18n/es.json");
    let text = std::fs::read_to_string(path).expect("i18n/es.json exists");
    Catalog::from_json(Lang::Es, &text).expect("i18n/es.json reads")
}

fn minus_ten() -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change(d("-0.10")),
        ..Scenario::default()
    }
}

/// Two lines that cannot be imported: a unit cost that is not a number, and a source
/// the sample does not have.
const BAD_CSV: &str = "title,fte,unit_cost,funding\nReading coach,1,abc,gf\nArt,1,5000,nope\n";

#[test]
fn the_cut_plan_reads_in_spanish_for_the_sample_at_minus_ten_percent() {
    let doc = sample_document();
    let sc = minus_ten();
    let eval = evaluate(&doc, &sc).unwrap();
    set_catalog(Some(spanish()));
    // TK-3 at −10%, each grade × 0.9 half up: TK 40 → 36, K 68 → 61 (61.2), 1: 70 → 63,
    // 2: 72 → 65 (64.8), 3: 68 → 61 (61.2) → 286 pupils; ⌈286 ÷ 24⌉ = 12 teachers, was
    // ⌈318 ÷ 24⌉ = 14: 2 × $118,000 = $236,000 less norm staffing.
    let norm = cut_words_in(&doc, &sc, eval.plan.cut("teach-tk3").unwrap());
    assert_eq!(
        norm.text,
        "Classroom teachers TK-3: 14 → 12, la inscripción de TK-3 bajó a 286; \
         $236,000 menos de personal por norma"
    );
    assert_eq!(
        norm.why,
        "Por qué: la norma de personal del distrito cuenta alumnos, así que la escuela no \
         elige este recorte."
    );
    // The vacant K-1 assistant, 1 FTE at $42,000 on the need allocation: all of it goes,
    // 1 × 5 = 5 days a week down to 0.
    let vacant = cut_words_in(&doc, &sc, eval.plan.cut("ta-k1").unwrap());
    assert_eq!(
        vacant.text,
        "Teacher assistant, K-1: 1 → 0 FTE (5 → 0 días a la semana), libera $42,000 \
         (Student equity need allocation)"
    );
    assert_eq!(
        vacant.why,
        "Por qué: flexible · vacante, así que nadie pierde su empleo · orden en el presupuesto."
    );
    // The filled intervention assistant loses one 0.5 step: 0.5 × 5 = 2.5 days a week.
    let filled = cut_words_in(&doc, &sc, eval.plan.cut("ta-intervention").unwrap());
    assert_eq!(
        filled.job.as_deref(),
        Some(
            "Puesto ocupado: el empleo de una persona se reduce de 1 FTE (5 días a la semana) \
             a 0.5 FTE (2.5 días a la semana)."
        )
    );
    assert!(
        after_plan_note(eval.after.balance).ends_with(" después de los recortes"),
        "{}",
        after_plan_note(eval.after.balance)
    );
    // Back in English on the same thread, the same cut reads as before.
    set_catalog(None);
    let english = cut_words_in(&doc, &sc, eval.plan.cut("teach-tk3").unwrap());
    assert_eq!(
        english.text,
        "Classroom teachers TK-3: 14 → 12, TK-3 enrollment fell to 286; $236,000 less norm staffing"
    );
}

#[test]
fn a_validation_problem_reads_in_spanish() {
    let mut doc = sample_document();
    let nurse = doc.lines.iter_mut().find(|l| l.id == "nurse").unwrap();
    if let LineKind::Position(p) = &mut nurse.kind {
        p.fte = d("-1");
    }
    set_catalog(Some(spanish()));
    let err = validate(&doc).unwrap_err();
    assert_eq!(
        err.to_string(),
        "línea `nurse`, campo `fte`: debe ser 0 o más; se recibió -1"
    );
    // A JSON document read with a typo in a field name: the hint names the known one.
    let text = to_json(&sample_document()).replacen("\"unit_cost\"", "\"unit_cots\"", 1);
    let err = parse_document(&text).unwrap_err();
    assert!(
        err.to_string()
            .contains("campo `unit_cots`: no es un campo conocido (¿quiso decir `unit_cost`?)"),
        "{err}"
    );
    set_catalog(None);
}

#[test]
fn a_csv_import_error_reads_in_spanish() {
    let doc = sample_document();
    set_catalog(Some(spanish()));
    let err = read_lines_csv(&doc, BAD_CSV).unwrap_err();
    let lines: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines[0],
        "fila 2, columna `unit_cost`: debe ser un número; se recibió `abc`"
    );
    assert!(
        lines[1].starts_with(
            "fila 3, columna `funding`: la fuente `nope` no existe; las fuentes son: `gf` "
        ),
        "{}",
        lines[1]
    );
    let header = read_lines_csv(&doc, "title,unti_cost,funding\nNurse,1,gf\n").unwrap_err();
    assert_eq!(
        header.to_string(),
        "fila 1, columna `unti_cost`: no es una columna conocida (¿quiso decir `unit_cost`?)"
    );
    set_catalog(None);
}

#[test]
fn money_keeps_its_us_format_in_spanish() {
    set_catalog(Some(spanish()));
    assert_eq!(lang(), Lang::Es);
    assert_eq!(format::money(d("-1234.5")), "\u{2212}$1,234.50");
    assert_eq!(format::money_whole(d("236000")), "$236,000");
    assert_eq!(format::money_change(d("1200")), "+$1,200.00");
    assert_eq!(format::percent(d("0.8612")), "86.1%");
    // The words around figures change, the figures do not: 0.5 × 5 = 2.5 days.
    assert_eq!(format::fte_days(d("0.5")), "0.5 FTE (2.5 días a la semana)");
    assert_eq!(format::days(d("1")), "1 día");
    set_catalog(None);
}

#[test]
fn one_place_fills_the_same_in_both_languages() {
    set_catalog(None);
    assert_eq!(tr1("Scenario {id}", "id", &3), "Scenario 3");
    set_catalog(Some(spanish()));
    assert_eq!(tr1("Scenario {id}", "id", &3), "Escenario 3");
    // A key the catalog lacks falls back to the English, filled.
    assert_eq!(tr1("Not a key {x}", "x", &"yet"), "Not a key yet");
    set_catalog(None);
}

#[test]
fn an_engine_error_reads_in_spanish() {
    set_catalog(Some(spanish()));
    let e = EngineError::UnknownSource {
        line: "nurse".into(),
        source: "gf2".into(),
    };
    assert_eq!(
        e.to_string(),
        "la línea \"nurse\" la paga la fuente \"gf2\", que el presupuesto no tiene"
    );
    let e = EngineError::DuplicateId {
        kind: "norm",
        id: "tk3".into(),
    };
    assert_eq!(e.to_string(), "dos normas tienen el mismo id \"tk3\"");
    set_catalog(None);
}

#[test]
fn the_worker_answers_in_the_language_of_the_request() {
    let doc = sample_document();
    // The page speaks Spanish: its request carries the catalog.
    set_catalog(Some(spanish()));
    let spanish_request = encode_request(
        1,
        Request::ImportCsv {
            doc: doc.clone(),
            text: BAD_CSV.to_owned(),
        },
    );
    set_catalog(None);
    let english_request = encode_request(
        2,
        Request::ImportCsv {
            doc,
            text: BAD_CSV.to_owned(),
        },
    );
    // The worker is another thread, with no catalog of its own.
    let first_problem = |message| {
        std::thread::spawn(move || {
            let Ok(Request::ImportCsv { doc, text }) = decode_request(message).body else {
                panic!("an import request");
            };
            let err = read_lines_csv(&doc, &text).unwrap_err();
            (lang(), err.problems[0].to_string())
        })
        .join()
        .unwrap()
    };
    assert_eq!(
        first_problem(spanish_request),
        (
            Lang::Es,
            "fila 2, columna `unit_cost`: debe ser un número; se recibió `abc`".to_owned()
        )
    );
    // A request without a catalog puts the worker back in English.
    assert_eq!(
        first_problem(english_request),
        (
            Lang::En,
            "row 2, column `unit_cost`: must be a number, got `abc`".to_owned()
        )
    );
}

/// The sheet names and the first row of the first sheet.
fn names_and_header(bytes: &[u8]) -> (Vec<String>, Vec<String>) {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let names = book.sheet_names();
    let first = book.worksheet_range(&names[0]).unwrap();
    let header = first
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(Data::to_string)
        .collect();
    (names, header)
}

#[test]
fn the_workbook_follows_the_language_but_keeps_the_importer_s_columns() {
    let doc = sample_document();
    set_catalog(None);
    let english = compared_workbook(&doc, &minus_ten(), "Ten percent fewer", None).unwrap();
    set_catalog(Some(spanish()));
    let spanish_book =
        compared_workbook(&doc, &minus_ten(), "Diez por ciento menos", None).unwrap();
    let (en_names, en_header) = names_and_header(&english);
    let (es_names, es_header) = names_and_header(&spanish_book);
    assert_eq!(en_names, ["Lines", "Comparison", "Cut plan"]);
    assert_eq!(es_names, ["Líneas", "Comparación", "Plan de recortes"]);
    // The lines sheet is the import layout in both: English column names, read back.
    assert_eq!(es_header, en_header);
    assert_eq!(es_header[..3], ["id", "kind", "title"]);
    let back = import_lines_xlsx(&doc, &spanish_book).unwrap();
    assert_eq!(back.lines, doc.lines);
    set_catalog(None);
}

const ALDER: &str = include_str!("../../../tests/e2e/fixtures/network/schools/alder.json");
const BIRCH: &str = include_str!("../../../tests/e2e/fixtures/network/schools/birch.json");

#[test]
fn the_network_table_and_its_per_pupil_chart_read_in_spanish_for_the_fixture() {
    use sitebudget_core::engine::school_row;
    use sitebudget_core::io::network::{left_out, network_csv, NetworkRow};
    use sitebudget_core::view::network_table::{per_pupil_alt, per_pupil_points, NetworkColumn};
    let alder = parse_document(ALDER).unwrap();
    let birch = parse_document(BIRCH).unwrap();
    let a = school_row(&alder, d("-0.1")).unwrap();
    let b = school_row(&birch, d("-0.1")).unwrap();
    set_catalog(Some(spanish()));
    let labels: Vec<String> = NetworkColumn::all().iter().map(|c| tr(c.label())).collect();
    assert_eq!(
        labels,
        [
            "Escuela",
            "Alumnos",
            "Proporción de alumnos no duplicados",
            "Asignación",
            "Asignación por alumno",
            "Proporción restringida",
            "Saldo antes de los recortes",
            "FTE recortados",
            "Déficit después del plan",
            "Índice de flexibilidad",
            "Umbral más cercano (alumnos)",
        ]
    );
    // The fixture's figures at −10% (EXPECTED.md): Alder $6,115.56 a pupil at 80%
    // unduplicated, Birch $3,950.62 at 50%; the money keeps its US-dollar format.
    let names = ["Alder Elementary", "Birch Middle School"];
    let points = per_pupil_points(&names, &[Some(&a), Some(&b)]);
    assert_eq!(
        per_pupil_alt(&points),
        "Asignación por alumno frente a la proporción de alumnos no duplicados, 2 escuelas. \
         Alder Elementary: $6,115.56 por alumno con 80% de alumnos no duplicados; \
         Birch Middle School: $3,950.62 por alumno con 50% de alumnos no duplicados."
    );
    // The CSV export's headings are for people, so they follow the language too.
    let rows = [NetworkRow {
        school: names[0].to_owned(),
        change: d("-0.1"),
        row: Ok(a),
    }];
    let csv = network_csv(&rows);
    assert!(csv
        .starts_with("Escuela,Cambio de inscripción,Alumnos,Proporción de alumnos no duplicados,"));
    assert!(csv.contains("\r\nTotal,"));
    assert_eq!(
        left_out(2),
        "2 escuelas no se pudieron calcular y quedan fuera del total."
    );
    set_catalog(None);
}
