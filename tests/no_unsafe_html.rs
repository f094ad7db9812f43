//! Escaping, checked at the source: nothing in our code writes HTML from a string or evaluates
//! code. Content reaches the page only as Leptos text nodes and attributes, which are escaped
//! (in the browser, or at build time for what the page fetches: the card texts);
//! chart labels reach ECharts, whose SVG renderer writes text nodes. A new use of any of these
//! calls fails here and has to be argued for in `ALLOWED`.

use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "inner_html",
    "innerHTML",
    "outer_html",
    "outerHTML",
    "insertAdjacentHTML",
    "insert_adjacent_html",
    "document.write",
    "eval(",
    "new Function",
    "Function(",
    "srcdoc",
];

/// (file, line fragment): uses that are safe, with the reason.
const ALLOWED: &[(&str, &str)] = &[
    // Clears the element's shadow root to the empty string before showing a plain-text error.
    ("assets/kirov-essay-element.js", "shadow.innerHTML = '';"),
    // A card's body as the build rendered it (src/cards/card_texts.rs): Leptos's own escaped
    // output, from the page's own origin, never text a reader or a host supplied.
    ("src/cards/frame.rs", "<div class=\"card-body\" inner_html=html>"),
    // A timeline event's title as the build rendered it into the chart's model (chart_prerender).
    (
        "src/figures/chart_tooltip.rs",
        "<p class=\"tip-label\" inner_html=title_html.as_str()></p>",
    ),
];

fn scan(dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            scan(&path, found);
            continue;
        }
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .to_string_lossy()
            .to_string();
        if !(rel.ends_with(".rs") || rel.ends_with(".js")) || rel.ends_with("no_unsafe_html.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for bad in FORBIDDEN {
                let allowed = ALLOWED.iter().chain(SLIDES).any(|(f, l)| rel == *f && line.contains(l));
                if line.contains(bad) && !allowed {
                    found.push(format!("{rel}:{}: `{bad}` in: {}", n + 1, line.trim()));
                }
            }
        }
    }
}

/// Also safe: a slide's face and speaker notes, markup the build rendered with Leptos (its text
/// escaped) into slides.json, fetched from the page's own origin (src/modes/slide_texts.rs).
const SLIDES: &[(&str, &str)] = &[
    ("src/modes/slide_view.rs", "inner_html=slide.face.clone()"),
    ("src/modes/slide_deck.rs", "inner_html=slide.notes.clone()"),
    ("src/modes/presenter_console.rs", "<div inner_html=html></div>"),
];

#[test]
fn no_html_strings_and_no_eval_in_our_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["src", "assets", "crates/content/src"] {
        scan(&root.join(dir), &mut found);
    }
    assert!(found.is_empty(), "unsafe HTML or eval:\n{}", found.join("\n"));
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    // The allowed use is really there, so the scan is reading the files it should.
    let element = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(ALLOWED[0].0)).unwrap();
    assert!(element.contains(ALLOWED[0].1) && element.contains(FORBIDDEN[1]));
}
