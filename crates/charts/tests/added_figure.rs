//! Adding a figure of an existing kind is a change to `data/` alone: the fixture
//! `tests/fixtures/added-figure/` lays one more figure (its entry in figures.toml, its dataset
//! and the line that places it) over the small valid tree in `tests/fixtures/good/`, and the
//! chart is drawn from it with the right values and no code of its own.

use kirov_charts::{build, Theme};
use kirov_content::Content;
use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `dir`, keyed by its path relative to `dir`, into `files`.
fn read_tree(dir: &Path, prefix: &str, files: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("the fixture exists") {
        let entry = entry.expect("a directory entry");
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            read_tree(&entry.path(), &format!("{name}/"), files);
        } else if name.starts_with("data/") {
            files.insert(name, std::fs::read_to_string(entry.path()).expect("a text file"));
        }
    }
}

fn load() -> Content {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files = BTreeMap::new();
    read_tree(&fixtures.join("good"), "", &mut files);
    read_tree(&fixtures.join("added-figure"), "", &mut files);
    kirov_content::parse::load_files(&files).unwrap_or_else(|report| panic!("the fixture does not load:\n{report}"))
}

#[test]
fn a_figure_added_in_data_alone_is_drawn_with_its_values() {
    let content = load();
    let figure = content.figures.last().expect("the added figure");
    let rows = content.figure_rows(figure);
    assert_eq!(rows.len(), 2, "the added dataset's rows");
    let (ordered, promised) = (rows[0], rows[1]);
    for theme in [Theme::light(), Theme::dark(), Theme::projector()] {
        for width in [360.0, 608.0, 1920.0] {
            let drawing = build(figure, &content, &theme, width);
            assert!(drawing.height > 0.0);
            let v = serde_json::to_value(&drawing.option).expect("the option serialises");
            // One pair: the connector, then the first figures, then the second figures.
            let value = |series: usize| v["series"][series]["data"][0]["value"].clone();
            let first = value(1);
            let second = value(2);
            assert_eq!(first[0], 100.0);
            assert_eq!(first[2], ordered.value);
            // The promise counts per month, the order per quarter: placed as three months' worth.
            assert_eq!(second[0], promised.value * 3.0 / ordered.value * 100.0);
            assert_eq!(second[2], promised.value);
            let legend = &v["legend"]["data"];
            assert_eq!(
                (&legend[0]["name"], &legend[1]["name"]),
                (&"Ordered (= 100)".into(), &"Promised".into())
            );
            let keys: Vec<&str> = drawing.marks.iter().map(|m| m.key.as_str()).collect();
            assert_eq!(keys, ["output/wagons-ordered", "output/wagons-promised"]);
            // What the chart writes, its wrapped lines joined again.
            let lines: Vec<&str> = v["series"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|s| s["id"].as_str().is_some_and(|id| id.starts_with("text-")))
                .flat_map(|s| s["data"].as_array().into_iter().flatten())
                .filter_map(|d| d["name"].as_str())
                .collect();
            let text = lines.join(" ");
            assert!(text.contains("monthly figure placed ×3"), "the pair says it is scaled");
            assert!(text.contains("30 wagons a month"), "the promise keeps its own words");
        }
    }
    // The figure that was there before is drawn as before.
    assert!(!build(&content.figures[0], &content, &Theme::light(), 608.0)
        .marks
        .is_empty());
}
