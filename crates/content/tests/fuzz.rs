#![cfg(feature = "parse")]
//! Fuzzes the content parser and validator: whatever is in `data/`, loading never panics and
//! never hangs, and a failure is a readable report whose every diagnostic points into its file.
//!
//! Two kinds of input, both starting from the valid tree in `tests/fixtures/good/`:
//! arbitrary text in place of one file, and structure-aware mutations of one or more files
//! (bytes inserted, deleted and replaced; lines duplicated, dropped and swapped; link and
//! note syntax, quotes, commas, newlines, multi-byte and combining characters, very long lines).
//!
//! The default case counts keep `cargo test` quick. A long run (see README.md, "Test layers"):
//! `PROPTEST_CASES=1000000 cargo test --release -p kirov-content --features parse --test fuzz`
//! (`PROPTEST_CASES` is the number of cases for each of the tests below).

use kirov_content::parse::{load_files, Report};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// The corpus.

fn good() -> &'static BTreeMap<String, String> {
    static GOOD: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    GOOD.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/good");
        let mut files = BTreeMap::new();
        collect(&root, &root.join("data"), &mut files);
        assert!(files.len() >= 8, "the good fixture tree is missing files: {files:?}");
        files
    })
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            files.insert(rel, std::fs::read_to_string(&path).unwrap());
        }
    }
}

const ESSAY: &str = "data/essay/01-opening.md";
const CAST: &str = "data/cast.toml";
const GLOSSARY: &str = "data/glossary.toml";
const TIMELINE: &str = "data/timeline.toml";
const FIGURES: &str = "data/figures.toml";
const META: &str = "data/meta.toml";
const DATASET: &str = "data/datasets/party.csv";

/// Every file of the good tree, the targets of the whole-file and multi-file strategies.
fn paths() -> Vec<String> {
    good().keys().cloned().collect()
}

// ---------------------------------------------------------------------------------------------
// The property.

/// Progress for the watchdog: the case running now, and when it started (ms since `epoch`).
struct Watch {
    epoch: Instant,
    started_ms: AtomicU64,
    running: Mutex<Option<BTreeMap<String, String>>>,
}

/// A case that runs this long is a hang (debug builds parse these small trees in milliseconds).
const HANG: Duration = Duration::from_secs(20);

fn watch() -> &'static Watch {
    static WATCH: OnceLock<Watch> = OnceLock::new();
    WATCH.get_or_init(|| {
        std::thread::spawn(|| loop {
            std::thread::sleep(Duration::from_millis(500));
            let w = watch();
            let started = w.started_ms.load(Ordering::SeqCst);
            let now = w.epoch.elapsed().as_millis() as u64;
            if started != u64::MAX && now.saturating_sub(started) > HANG.as_millis() as u64 {
                let case = w.running.lock().map(|c| format!("{c:#?}")).unwrap_or_default();
                eprintln!("content loading hung for over {HANG:?} on:\n{case}");
                std::process::abort();
            }
        });
        Watch {
            epoch: Instant::now(),
            started_ms: AtomicU64::new(u64::MAX),
            running: Mutex::new(None),
        }
    })
}

/// Loads `files` under the watchdog and checks the report. Panics inside the loader propagate,
/// so proptest records them as failures and shrinks the input.
fn check(files: &BTreeMap<String, String>) -> Result<(), TestCaseError> {
    let w = watch();
    // Tests run on parallel threads; the watchdog follows whichever case started last, which is
    // enough to catch a case that never ends (every other thread then stops advancing it).
    *w.running.lock().unwrap() = Some(files.clone());
    w.started_ms
        .store(w.epoch.elapsed().as_millis() as u64, Ordering::SeqCst);
    let result = load_files(files);
    w.started_ms.store(u64::MAX, Ordering::SeqCst);
    match result {
        Ok(_) => Ok(()),
        Err(report) => check_report(&report),
    }
}

fn check_report(report: &Report) -> Result<(), TestCaseError> {
    prop_assert!(!report.diagnostics.is_empty(), "an Err report with no diagnostics");
    for d in &report.diagnostics {
        prop_assert!(d.span.file < report.files.len(), "span in no file: {d:?}");
        let file = &report.files[d.span.file];
        prop_assert!(file.path.starts_with("data/"), "path {:?}", file.path);
        prop_assert!(d.span.start <= d.span.end, "backwards span {d:?}");
        prop_assert!(
            d.span.end <= file.text.len(),
            "span past the end of {}: {d:?}",
            file.path
        );
        // Spans into TOML strings with escapes may fall inside a character; rendering snaps them.
    }
    let rendered = report.to_string();
    prop_assert!(!rendered.trim().is_empty());
    let n = report.diagnostics.len();
    let count = format!("{n} content error{} found", if n == 1 { "" } else { "s" });

    // Blocks: `path:line:col: message`, ` |`, `N | source`, ` | ^^^`, optional ` = help: …`, blank.
    let lines: Vec<&str> = rendered.split('\n').collect();
    prop_assert_eq!(lines.last().copied(), Some(""), "no final newline:\n{}", rendered);
    prop_assert_eq!(lines[lines.len() - 2], count.as_str(), "{}", rendered);
    let mut headers = 0;
    let mut i = 0;
    while i < lines.len() - 2 {
        let header = lines[i];
        let (path, line, col) = parse_header(header)
            .ok_or_else(|| TestCaseError::fail(format!("not a `data/…:line:col: ` header: {header:?}\n{rendered}")))?;
        let file = report.files.iter().find(|f| f.path == path);
        let file = file.ok_or_else(|| TestCaseError::fail(format!("unknown path in {header:?}")))?;
        let text_lines: Vec<&str> = file.text.split('\n').collect();
        prop_assert!(line >= 1 && line <= text_lines.len(), "line out of range: {header:?}");
        let chars = text_lines[line - 1].chars().count();
        prop_assert!(
            col >= 1 && col <= chars + 1,
            "column out of range ({chars} characters): {header:?}"
        );
        headers += 1;
        // Skip to the blank line ending the block.
        let end = lines[i..].iter().position(|l| l.is_empty()).map(|k| i + k);
        let end = end.ok_or_else(|| TestCaseError::fail(format!("unterminated block:\n{rendered}")))?;
        prop_assert!(
            end - i >= 4 && end - i <= 5,
            "a block of {} lines:\n{}",
            end - i,
            rendered
        );
        prop_assert!(lines[i + 1].trim_end().ends_with('|'), "{}", rendered);
        prop_assert!(lines[i + 3].contains('^'), "no caret:\n{}", rendered);
        i = end + 1;
    }
    prop_assert_eq!(headers, n);
    Ok(())
}

/// `data/x.md:3:7: message` → (`data/x.md`, 3, 7).
fn parse_header(header: &str) -> Option<(&str, usize, usize)> {
    if !header.starts_with("data/") {
        return None;
    }
    // Paths have no `: `, so the first `: ` ends the location.
    let loc = &header[..header.find(": ")?];
    let mut parts = loc.rsplitn(3, ':');
    let col = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?, line, col))
}

// ---------------------------------------------------------------------------------------------
// Strategies.

/// Fragments worth splicing into content: link, note and figure syntax, TOML and CSV
/// punctuation, line breaks, multi-byte, combining, zero-width and control characters.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "](actor:",
    "](term:",
    "](datum:",
    "](datum:party/",
    "](https://",
    "](http://",
    "](",
    "[^",
    "[^n2]",
    "[^n2]: ",
    "[^ed-x]",
    "[^]",
    "[^n0]",
    "[^n99999999999999999999]",
    "::figure ",
    "::figure party-size",
    "::figure",
    "\"",
    "\"\"\"",
    "'",
    "'''",
    "\\",
    "\\u",
    "\\u00e9",
    "\\U0001F600",
    "\\n",
    ",",
    ",,",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "#",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "*",
    "**",
    "_",
    "`",
    "```",
    "<b>",
    "&amp;",
    "=",
    "[[",
    "]]",
    "[[person]]",
    "[[person.moment]]",
    "[[figure.draw]]\nseries = \"size\"\n",
    "[[figure.row]]\nid = \"conference\"\n",
    "[[figure.lane]]\ntag = \"personnel\"\nname = \"x\"\n",
    "per = \"month\"\n",
    "ends = [\"a\", \"b\"]\n",
    "whole = \"conference\"\nrest = \"r\"\n",
    "reference = { value = 1, label = \"l\" }\n",
    "kind = \"waffle\"\n",
    "kind = \"timeline\"\n",
    "dataset = \"timeline\"\n",
    "{",
    "}",
    "id = ",
    "year = ",
    "date = ",
    "-",
    "0",
    "-1",
    "99999999999999999999",
    "1e309",
    "NaN",
    "1930-13-45",
    " ",
    "\t",
    "\0",
    "\u{7f}",
    "é",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{2028}",
    "ы",
    "Зальцман",
    "«",
    "“",
    "”",
    "’",
    "…",
    "😀",
    "👩‍🏭",
    "\u{10ffff}",
    "𝔘",
];

/// A fragment: a token, a run of a token, a random short string, or a very long line.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(TOKENS).prop_map(str::to_string),
        1 => (prop::sample::select(TOKENS), 2usize..300).prop_map(|(t, n)| t.repeat(n)),
        2 => any::<String>(),
        2 => "[\\[\\]()^:\"',#\n a-z0-9é\u{301}ы😀]{0,12}",
        1 => (prop::sample::select(&["x", "é", "ы", "😀", "[", "a "][..]), 1000usize..20_000).prop_map(|(c, n)| c.repeat(n)),
    ]
}

/// One edit; positions are fractions of the text, snapped back to a character boundary.
#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, String),
    Delete(f64, f64),
    Replace(f64, f64, String),
    InsertByte(f64, u8),
    ReplaceByte(f64, u8),
    DuplicateLine(f64),
    DeleteLine(f64),
    SwapLines(f64, f64),
    Truncate(f64),
    Empty,
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..=1.0f64;
    prop_oneof![
        8 => (at.clone(), fragment()).prop_map(|(a, s)| Edit::Insert(a, s)),
        3 => (at.clone(), 0.0..0.2f64).prop_map(|(a, l)| Edit::Delete(a, l)),
        4 => (at.clone(), 0.0..0.1f64, fragment()).prop_map(|(a, l, s)| Edit::Replace(a, l, s)),
        2 => (at.clone(), any::<u8>()).prop_map(|(a, b)| Edit::InsertByte(a, b)),
        2 => (at.clone(), any::<u8>()).prop_map(|(a, b)| Edit::ReplaceByte(a, b)),
        2 => at.clone().prop_map(Edit::DuplicateLine),
        2 => at.clone().prop_map(Edit::DeleteLine),
        1 => (at.clone(), at.clone()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        1 => at.prop_map(Edit::Truncate),
        1 => Just(Edit::Empty),
    ]
}

fn boundary(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Applies an edit. Byte edits that break UTF-8 are repaired with U+FFFD, as a file read lossily.
fn apply(text: &mut String, e: &Edit) {
    match e {
        Edit::Insert(a, s) => {
            let i = boundary(text, *a);
            text.insert_str(i, s);
        }
        Edit::Delete(a, l) => {
            let i = boundary(text, *a);
            let j = boundary(text, (*a + *l).min(1.0)).max(i);
            text.replace_range(i..j, "");
        }
        Edit::Replace(a, l, s) => {
            let i = boundary(text, *a);
            let j = boundary(text, (*a + *l).min(1.0)).max(i);
            text.replace_range(i..j, s);
        }
        Edit::InsertByte(a, b) | Edit::ReplaceByte(a, b) => {
            let mut bytes = std::mem::take(text).into_bytes();
            let i = ((bytes.len() as f64) * a) as usize;
            if matches!(e, Edit::ReplaceByte(..)) && i < bytes.len() {
                bytes[i] = *b;
            } else {
                bytes.insert(i.min(bytes.len()), *b);
            }
            *text = String::from_utf8_lossy(&bytes).into_owned();
        }
        Edit::DuplicateLine(a) | Edit::DeleteLine(a) => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.is_empty() {
                return;
            }
            let k = (((lines.len() as f64) * a) as usize).min(lines.len() - 1);
            if matches!(e, Edit::DuplicateLine(_)) {
                lines.insert(k, lines[k]);
            } else {
                lines.remove(k);
            }
            *text = lines.concat();
        }
        Edit::SwapLines(a, b) => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.is_empty() {
                return;
            }
            let k = (((lines.len() as f64) * a) as usize).min(lines.len() - 1);
            let m = (((lines.len() as f64) * b) as usize).min(lines.len() - 1);
            lines.swap(k, m);
            *text = lines.concat();
        }
        Edit::Truncate(a) => {
            let i = boundary(text, *a);
            text.truncate(i);
        }
        Edit::Empty => text.clear(),
    }
}

fn mutated(files: &[&str], edits: impl Fn(&str) -> Vec<Edit>) -> BTreeMap<String, String> {
    let mut tree = good().clone();
    for path in files {
        let text = tree.get_mut(*path).unwrap();
        for e in edits(path) {
            apply(text, &e);
        }
    }
    tree
}

/// Arbitrary text biased towards the syntax of the file kind: random characters, or a soup of tokens.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat()),
        "[\\[\\]()^:\"'=,#\n a-z0-9.\\-]{0,200}",
    ]
}

fn config(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// The tests.

#[test]
fn the_good_tree_loads_from_memory_as_from_disk() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/good");
    let from_disk = kirov_content::parse::load(&root).unwrap();
    let from_memory = load_files(good()).unwrap();
    assert_eq!(from_disk, from_memory);
}

// ---------------------------------------------------------------------------------------------
// Regressions: inputs the fuzzer found, kept as plain tests.

/// The good tree with `path` replaced by `text`; loading must fail with a well-formed report.
fn fails_cleanly(path: &str, text: &str) -> String {
    let mut tree = good().clone();
    tree.insert(path.to_string(), text.to_string());
    let report = load_files(&tree).expect_err("the input is invalid");
    if let Err(e) = check_report(&report) {
        panic!("{e}");
    }
    report.to_string()
}

#[test]
fn a_paragraph_at_the_end_of_a_section_does_not_run_into_other_sections_notes() {
    // Panicked slicing the file: the last paragraph's range ran on into the stand-in
    // definitions of notes from other sections, appended past the end of the text.
    let out = fails_cleanly(ESSAY, "# The opening\n\n::f");
    assert!(
        out.contains("\ndata/essay/01-opening.md:3:1: malformed directive `::f`\n"),
        "{out}"
    );
}

#[test]
fn spans_at_the_end_of_a_section_stay_inside_the_file() {
    // A list or an unclosed code block at the end reached into the stand-in notes.
    for text in ["- a", "```\n# The opening\n"] {
        let out = fails_cleanly(ESSAY, text);
        assert!(out.contains("\ndata/essay/01-opening.md:1:1: "), "{out}");
    }
}

#[test]
fn a_message_quoting_a_line_break_stays_on_one_line() {
    // The directive spans two lines; the message quotes it, line break included.
    let out = fails_cleanly(ESSAY, "# The opening\n\n::fig\nure party-size\n");
    assert!(out.contains("malformed directive `::fig\\nure party-size`"), "{out}");
}

#[test]
fn an_escaped_link_destination_is_located_at_its_link() {
    // The destination is not in the source as written (`\[`); its span was computed from the
    // unescaped length and ended inside `🌀`.
    let out = fails_cleanly(ESSAY, "# The opening\n\n[a](actor:z\\[🌀🌀🌀🌀🌀🌀)\n");
    assert!(
        out.contains("\ndata/essay/01-opening.md:3:1: `z[🌀🌀🌀🌀🌀🌀` is not a valid id"),
        "{out}"
    );
}

#[test]
fn a_span_into_an_escaped_toml_string_does_not_split_a_character() {
    // Positions in a TOML string with escapes are approximate and can fall inside `é`.
    let cast = good()[CAST].replace(
        "summary = \"Director, criticised by [Kapustin](actor:kapustin).\"",
        "summary = \"\\u0041\\u0041\\u0041\\u0041 ééééééééé [x](actor:Bad)\"",
    );
    assert_ne!(cast, good()[CAST]);
    let out = fails_cleanly(CAST, &cast);
    assert!(out.contains("`Bad` is not a valid id"), "{out}");
}

#[test]
fn an_empty_last_field_at_the_end_of_a_dataset_is_located_inside_the_file() {
    // The span of the missing note ran one byte past the end of the file.
    let csv = good()[DATASET].trim_end().strip_suffix("n2").unwrap().to_string();
    let out = fails_cleanly(DATASET, &csv);
    assert!(out.contains("row `conference` has no source note"), "{out}");
}

fn mutate_one(path: &'static str, edits: Vec<Edit>) -> Result<(), TestCaseError> {
    check(&mutated(&[path], |_| edits.clone()))
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn arbitrary_text_in_any_file(k in any::<prop::sample::Index>(), text in arbitrary_text()) {
        let paths = paths();
        let mut tree = good().clone();
        tree.insert(paths[k.index(paths.len())].clone(), text);
        check(&tree)?;
    }

    #[test]
    fn mutated_essay_section(edits in prop::collection::vec(edit(), 1..8)) {
        mutate_one(ESSAY, edits)?;
    }

    #[test]
    fn mutated_cast(edits in prop::collection::vec(edit(), 1..8)) {
        mutate_one(CAST, edits)?;
    }

    #[test]
    fn mutated_glossary(edits in prop::collection::vec(edit(), 1..8)) {
        mutate_one(GLOSSARY, edits)?;
    }

    #[test]
    fn mutated_timeline(edits in prop::collection::vec(edit(), 1..8)) {
        mutate_one(TIMELINE, edits)?;
    }

    #[test]
    fn mutated_figures(edits in prop::collection::vec(edit(), 1..8)) {
        mutate_one(FIGURES, edits)?;
    }

    #[test]
    fn mutated_meta(edits in prop::collection::vec(edit(), 1..8)) {
        mutate_one(META, edits)?;
    }

    #[test]
    fn mutated_dataset(edits in prop::collection::vec(edit(), 1..8)) {
        mutate_one(DATASET, edits)?;
    }

    #[test]
    fn mutated_files_together(
        edits in prop::collection::vec((any::<prop::sample::Index>(), edit()), 1..12),
        extra in prop::option::of(("[0-9a-z\\-_. é]{0,12}", arbitrary_text())),
        missing in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let paths = paths();
        let mut tree = good().clone();
        for (k, e) in &edits {
            apply(tree.get_mut(&paths[k.index(paths.len())]).unwrap(), e);
        }
        // An extra section or dataset file, with any name.
        if let Some((name, text)) = extra {
            let dir = if name.len() % 2 == 0 { "data/essay" } else { "data/datasets" };
            let ext = if name.len() % 3 == 0 { "md" } else { "csv" };
            tree.insert(format!("{dir}/{name}.{ext}"), text);
        }
        // A file gone.
        if let Some(k) = missing {
            tree.remove(&paths[k.index(paths.len())]);
        }
        check(&tree)?;
    }
}
