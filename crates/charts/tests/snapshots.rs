//! Snapshots of every kind's chart in every theme at a phone's, the essay column's and a
//! projector's width: the option ECharts receives, the height and the marks. A change to any
//! of them shows up here as a diff to review (`cargo insta review`, or `INSTA_UPDATE=always`).

use kirov_charts::{build, Theme};
use kirov_content::{Content, FigureKind};
use serde_json::{json, Value};
use std::path::Path;

const WIDTHS: [f64; 3] = [360.0, 608.0, 1920.0];

fn content() -> Content {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    kirov_content::parse::load(&root).unwrap_or_else(|report| panic!("data/ does not load:\n{report}"))
}

#[test]
fn every_kind_in_every_theme_and_width() {
    let content = content();
    for key in FigureKind::KEYS {
        let figure = content
            .figures
            .iter()
            .find(|f| f.kind.key() == key)
            .unwrap_or_else(|| panic!("no {key} figure in data/figures.toml"));
        for theme in [Theme::light(), Theme::dark(), Theme::projector()] {
            for width in WIDTHS {
                let drawing = build(figure, &content, &theme, width);
                let marks: Vec<Value> = drawing
                    .marks
                    .iter()
                    .map(|m| json!({ "key": m.key, "targets": m.targets }))
                    .collect();
                let option = serde_json::to_value(&drawing.option).expect("the option serialises");
                let snapshot = json!({ "height": drawing.height, "marks": marks, "option": option });
                let name = format!("{key}-{}-{width}", theme.name);
                insta::assert_snapshot!(name, compact(&snapshot, 0));
            }
        }
    }
}

/// JSON with one key or item a line, except that arrays of numbers and data items with a few
/// fields take one line each, so a waffle's three thousand squares take a line, not fifteen
/// thousand.
fn compact(v: &Value, depth: usize) -> String {
    let pad = "  ".repeat(depth + 1);
    let end = "  ".repeat(depth);
    let line = v.to_string();
    match v {
        Value::Object(map) if map.values().all(flat) && line.len() <= 100 => line,
        Value::Object(map) if !map.is_empty() => {
            let fields: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{pad}{}: {}", Value::from(k.as_str()), compact(v, depth + 1)))
                .collect();
            format!("{{\n{}\n{end}}}", fields.join(",\n"))
        }
        Value::Array(items) if !items.iter().all(flat) => {
            let items: Vec<String> = items
                .iter()
                .map(|i| format!("{pad}{}", compact(i, depth + 1)))
                .collect();
            format!("[\n{}\n{end}]", items.join(",\n"))
        }
        _ => line,
    }
}

/// A value that prints on one line: a scalar, or an array of scalars.
fn flat(v: &Value) -> bool {
    match v {
        Value::Array(items) => items.iter().all(|i| !i.is_array() && !i.is_object()),
        Value::Object(map) => map.is_empty(),
        _ => true,
    }
}
