//! What every kind's tests share: the real content, its figures by kind, the themes and widths
//! to try, and reading numbers and text back out of a serialised option.

use crate::{Drawing, Theme};
use kirov_content::{Content, Figure};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::OnceLock;

pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        kirov_content::parse::load(&root).unwrap_or_else(|report| panic!("data/ does not load:\n{report}"))
    })
}

/// Every figure of a kind in the real content (there is at least one of each).
pub fn of_kind(key: &str) -> Vec<&'static Figure> {
    let figures: Vec<&Figure> = content().figures.iter().filter(|f| f.kind.key() == key).collect();
    assert!(!figures.is_empty(), "no {key} figure in data/figures.toml");
    figures
}

pub fn themes() -> [Theme; 3] {
    [Theme::light(), Theme::dark(), Theme::projector()]
}

/// The widths the page must support, from a small phone to a projector.
pub const WIDTHS: [f64; 6] = [300.0, 320.0, 500.0, 608.0, 1280.0, 1900.0];

pub fn json(drawing: &Drawing) -> Value {
    serde_json::to_value(&drawing.option).expect("the option serialises")
}

pub fn series(v: &Value) -> &Vec<Value> {
    v["series"].as_array().expect("series is an array")
}

/// The numbers of one data item: a bare value, an array, or an item's `value`.
pub fn numbers(item: &Value) -> Vec<Option<f64>> {
    let value = item.get("value").unwrap_or(item);
    match value {
        Value::Array(a) => a.iter().map(Value::as_f64).collect(),
        other => vec![other.as_f64()],
    }
}

/// A series' data (charming leaves out an empty `data`).
pub fn data(v: &Value, series: usize) -> &[Value] {
    assert!(v["series"][series].is_object(), "no series {series}");
    v["series"][series]["data"].as_array().map_or(&[], Vec::as_slice)
}

/// The lines drawn by [`crate::text::text_series`], in series order.
pub fn text_lines(v: &Value) -> Vec<String> {
    series(v)
        .iter()
        .filter(|s| s["id"].as_str().is_some_and(|id| id.starts_with("text-")))
        .flat_map(|s| s["data"].as_array().into_iter().flatten())
        .map(|d| d["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Text as it read before [`crate::text::wrap`] broke it into lines.
pub fn unwrap(text: &str) -> String {
    text.replace("-\n", "-").replace('\n', " ")
}

/// Whether every line of `text` is drawn.
pub fn draws(v: &Value, text: &str) -> bool {
    let lines = text_lines(v);
    text.lines().all(|l| lines.iter().any(|d| d == l))
}

/// Every label, axis label, legend and title text in the option is drawn at least at the
/// theme's size in its family: no text falls back to ECharts' 12 px default.
fn assert_text(v: &Value, theme: &Theme, path: &str) {
    match v {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{path}.{key}");
                if key == "aria" {
                    continue; // Not drawn: the aria label is read out, not rendered.
                }
                let texty = matches!(key.as_str(), "label" | "axisLabel" | "textStyle" | "nameTextStyle");
                if texty && child.get("show") != Some(&Value::Bool(false)) {
                    let size = child["fontSize"].as_f64();
                    assert!(
                        size.is_some_and(|s| s >= theme.font_size),
                        "{here}: fontSize {size:?} < {} ({})",
                        theme.font_size,
                        theme.name
                    );
                    assert_eq!(child["fontFamily"], theme.font_family, "{here}: font family");
                }
                if key == "fontSize" {
                    let size = child.as_f64().unwrap_or(0.0);
                    assert!(size >= theme.font_size, "{here}: {size} < {}", theme.font_size);
                }
                assert_text(child, theme, &here);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                assert_text(child, theme, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

/// What every option must carry whatever the figure: its description as the aria text, decal
/// patterns, no ECharts tooltip, labels kept inside the grid, and type at the theme's size.
pub fn assert_common(drawing: &Drawing, v: &Value, figure: &Figure, theme: &Theme) {
    assert!(
        drawing.height.is_finite() && drawing.height > 0.0,
        "height {}",
        drawing.height
    );
    assert_eq!(v["aria"]["enabled"], true);
    assert_eq!(v["aria"]["decal"]["show"], true);
    assert_eq!(v["title"][0]["text"], figure.description.as_str());
    assert_eq!(v["tooltip"]["trigger"], "none");
    assert_eq!(v["animation"], theme.animation);
    let grids = match &v["grid"] {
        Value::Array(a) => a.clone(),
        other => vec![other.clone()],
    };
    assert!(grids.iter().all(|g| g["containLabel"] == true), "grid.containLabel");
    assert_text(v, theme, "option");
}

/// Marks have the expected keys in order, each once, and every target exists.
pub fn assert_marks(drawing: &Drawing, v: &Value, expected: &[String]) {
    let keys: Vec<&str> = drawing.marks.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, expected.iter().map(String::as_str).collect::<Vec<_>>());
    let unique: BTreeSet<&str> = keys.iter().copied().collect();
    assert_eq!(unique.len(), keys.len(), "a key appears twice");
    let all = series(v);
    for mark in &drawing.marks {
        assert!(!mark.targets.is_empty(), "{} draws nothing", mark.key);
        for (s, i) in &mark.targets {
            let series = all.get(*s).unwrap_or_else(|| panic!("{}: no series {s}", mark.key));
            if let Some(i) = i {
                let data = series["data"].as_array().expect("data");
                assert!(*i < data.len(), "{}: no item {i} in series {s}", mark.key);
                assert!(
                    numbers(&data[*i]).iter().all(Option::is_some),
                    "{}: empty item",
                    mark.key
                );
            }
        }
    }
}

/// Every theme at every width, for each figure of a kind.
pub fn each(key: &str, mut check: impl FnMut(&'static Figure, &Theme, f64)) {
    for figure in of_kind(key) {
        for theme in themes() {
            for width in WIDTHS {
                check(figure, &theme, width);
            }
        }
    }
}
