//! Broken content fails with exact, helpful messages.
//!
//! `tests/fixtures/good/` is a small valid content tree. Each `tests/fixtures/bad-content/<case>/`
//! holds only the files it changes, and `expected.txt`, the full error output. Set
//! `BLESS=1` to rewrite the expectations after a deliberate change to a message (then read
//! the diff: typos hide in error strings).

use std::fs;
use std::path::{Path, PathBuf};

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else if entry.file_name() != "expected.txt" {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The good tree with one case's files laid over it, in a fresh temporary directory.
fn assemble(case: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kirov-fixture-{}-{case}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    copy_tree(&fixtures().join("good"), &dir);
    copy_tree(&fixtures().join("bad-content").join(case), &dir);
    dir
}

#[test]
fn the_good_fixture_loads() {
    let content = kirov_content::parse::load(&fixtures().join("good")).expect("the good fixture is valid");
    assert_eq!(content.sections.len(), 2);
    assert_eq!(
        content.notes.iter().map(|n| n.display.as_str()).collect::<Vec<_>>(),
        ["2", "E1"]
    );
    let z = content.person("zaltsman").unwrap();
    assert_eq!(z.mentions.len(), 1);
    assert_eq!(z.mentions[0].anchor, "m-zaltsman-1");
    assert_eq!(z.mentions[0].paragraph, "opening-p1");
    // A note referenced twice: the first reference is marked as such, and each has its anchor.
    let refs: Vec<(Option<&str>, bool)> = content
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            kirov_content::Block::Paragraph { inlines, .. } => Some(inlines),
            _ => None,
        })
        .flatten()
        .filter_map(|i| match i {
            kirov_content::Inline::NoteRef { label, anchor, first } if label == "n2" => {
                Some((anchor.as_deref(), *first))
            }
            _ => None,
        })
        .collect();
    assert_eq!(refs, [(Some("r-n2-1"), true), (Some("r-n2-2"), false)]);
}

#[test]
fn every_broken_fixture_reports_its_exact_message() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut cases: Vec<String> = fs::read_dir(fixtures().join("bad-content"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "keep at least 30 broken-content fixtures");
    let mut failures = Vec::new();
    for case in &cases {
        let dir = assemble(case);
        let report = match kirov_content::parse::load(&dir) {
            Ok(_) => {
                failures.push(format!("{case}: loaded without an error"));
                continue;
            }
            Err(report) => report.to_string(),
        };
        let _ = fs::remove_dir_all(&dir);
        let expected_path = fixtures().join("bad-content").join(case).join("expected.txt");
        if bless {
            fs::write(&expected_path, &report).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if report != expected {
            failures.push(format!("{case}:\n--- expected\n{expected}--- got\n{report}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_real_content_loads() {
    let content = kirov_content::parse::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(content.sections.len(), 6);
    assert!(content.people.len() >= 50);
}
