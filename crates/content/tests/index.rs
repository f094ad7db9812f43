#![cfg(feature = "parse")]
//! The cross-references the loader computes once: the rows each figure shows, each datum's
//! home (the table row of the first placed figure that shows it), and the paragraph citing it.

use kirov_content::parse::load_files;
use kirov_content::Content;
use std::collections::BTreeMap;
use std::path::Path;

/// The small valid tree, with `extra` files laid over it.
fn load(extra: &[(&str, &str)]) -> Content {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/good");
    let mut files = BTreeMap::new();
    for rel in [
        "data/meta.toml",
        "data/cast.toml",
        "data/glossary.toml",
        "data/timeline.toml",
        "data/figures.toml",
    ] {
        files.insert(rel.to_string(), std::fs::read_to_string(root.join(rel)).unwrap());
    }
    for dir in ["data/essay", "data/datasets"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let entry = entry.unwrap();
            let rel = format!("{dir}/{}", entry.file_name().to_string_lossy());
            files.insert(rel, std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    for (rel, text) in extra {
        files.insert(rel.to_string(), text.to_string());
    }
    load_files(&files).unwrap_or_else(|r| panic!("{r}"))
}

#[test]
fn a_figure_shows_the_rows_of_its_series() {
    let content = load(&[]);
    let figure = &content.figures[0];
    let rows: Vec<&str> = content.figure_rows(figure).iter().map(|r| r.id.as_str()).collect();
    assert_eq!(rows, ["conference"]);
    assert_eq!(
        content.home_figure("party", "conference").map(|f| f.id.as_str()),
        Some("party-size")
    );
    assert_eq!(
        content.datum_home("party", "conference").as_deref(),
        Some("datum-party-conference")
    );
    assert_eq!(content.datum_home("party", "nothing"), None);
    assert_eq!(content.citing_paragraph("party", "conference"), Some("opening-p1"));
}

/// Two figures show the same row: the one placed first in the essay is its home, whichever
/// comes first in figures.toml.
#[test]
fn the_first_placed_figure_is_a_datums_home() {
    let figures = format!(
        "{}\n{}",
        r#"[[figure]]
id = "party-again"
title = "The same delegates"
caption = "Again."
dataset = "party"
kind = "column"
description = "One column: 500 delegates."
notes = ["n2"]
"#,
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/good/data/figures.toml")
        )
        .unwrap()
    );
    let close = "# The close\n\n[Kapustin](actor:kapustin) answered him, citing the same record.[^n2][^ed-fixture]\n\n::figure party-again\n\n[^ed-fixture]: Editor's note. A note of ours.\n";
    let content = load(&[("data/figures.toml", &figures), ("data/essay/02-close.md", close)]);
    assert_eq!(content.figures[0].id, "party-again");
    assert_eq!(
        content.figure_rows(&content.figures[0]).len(),
        1,
        "no series listed: every row"
    );
    assert_eq!(
        content.home_figure("party", "conference").map(|f| f.id.as_str()),
        Some("party-size")
    );
}
