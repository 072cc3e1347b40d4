//! The core's layers, checked: each module may name only the modules below it, and the
//! crate names no browser crate. docs/ARCHITECTURE.md draws the same picture.

use std::fs;
use std::path::{Path, PathBuf};

/// What each top-level module may use through `crate::`, besides itself.
const ALLOWED: &[(&str, &[&str])] = &[
    ("util", &[]),
    ("history", &[]),
    ("format", &["util"]),
    ("model", &["util", "format"]),
    ("engine", &["util", "format", "model"]),
    ("edit", &["util", "format", "model", "engine"]),
    ("io", &["util", "format", "model", "engine"]),
    ("chart", &["util", "format"]),
    (
        "view",
        &["util", "format", "model", "engine", "edit", "io", "chart"],
    ),
    (
        "app",
        &[
            "util", "history", "format", "model", "engine", "edit", "io", "view", "chart",
        ],
    ),
];

/// Crates of the browser shell that the core must never name.
const BROWSER_CRATES: &[&str] = &["yew", "web-sys", "js-sys", "gloo", "wasm-bindgen"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`engine/cuts.rs` → `engine`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

/// Every `crate::<module>` a file names outside its `#[cfg(test)]` part (tests may
/// borrow the sample budget from above).
fn crate_edges(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut edges = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        edges.push(name);
    }
    edges
}

#[test]
fn every_module_has_a_layer() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in &files {
        if let Some(module) = module_of(file) {
            assert!(
                ALLOWED.iter().any(|(m, _)| *m == module),
                "{} is in module `{module}`, which has no layer in tests/layers.rs",
                file.display()
            );
        }
    }
}

#[test]
fn modules_use_only_the_layers_below_them() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let Some((_, allowed)) = ALLOWED.iter().find(|(m, _)| *m == module) else {
            continue;
        };
        let text = fs::read_to_string(file).expect("source is readable");
        for edge in crate_edges(&text) {
            if edge != module && !allowed.contains(&edge.as_str()) {
                wrong.push(format!("{} uses crate::{edge}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "edges that point upward:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_layer_check_sees_an_upward_edge() {
    // The checker itself: a use of a higher layer is found, one in a test module is not.
    let text =
        "use crate::model::Line;\nuse crate::view::plan_text;\n#[cfg(test)]\nuse crate::app::x;";
    assert_eq!(crate_edges(text), vec!["model", "view"]);
}

#[test]
fn the_core_names_no_browser_crate() {
    let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml is readable");
    for line in manifest.lines().map(str::trim) {
        for name in BROWSER_CRATES {
            assert!(
                !line.starts_with(name),
                "crates/core/Cargo.toml depends on the browser crate `{name}`: {line}"
            );
        }
    }
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in &files {
        let text = fs::read_to_string(file).expect("source is readable");
        for name in BROWSER_CRATES {
            let path = format!("{}::", name.replace('-', "_"));
            assert!(!text.contains(&path), "{} names `{path}`", file.display());
        }
    }
}
