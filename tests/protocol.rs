//! The scripts in `assets/` and `src/protocol.rs` agree: every placeholder in a script names a
//! shared constant, every shared constant is used by a script, and no script keeps a copy of a
//! shared value of its own (which the build would leave alone, and which would drift).
#![cfg(feature = "ssr")]

use kirov_essay::bundle;
use kirov_essay::protocol::{shared, Value};
use std::path::Path;

/// Every `assets/*.js`, as (file name, text).
fn scripts() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&path).expect("a readable script"))
        })
        .collect();
    found.sort();
    assert!(found.len() >= 4, "assets/*.js not found in {}", dir.display());
    found
}

/// A script as the build fills it.
fn fill(name: &str, script: &str) -> Result<String, String> {
    if name == kirov_essay::protocol::WORKER_SCRIPT {
        bundle::service_worker(script, "0123456789abcdef", &["index.html".into()], &[])
    } else {
        bundle::fill_placeholders(script, &shared())
    }
}

#[test]
fn every_placeholder_in_a_script_is_a_shared_constant() {
    for (name, script) in scripts() {
        let filled = fill(&name, &script).unwrap_or_else(|e| panic!("assets/{name}: {e}"));
        assert!(!filled.contains("__KIROV_"), "assets/{name}: a placeholder was left");
    }
}

#[test]
fn every_shared_constant_is_used_by_a_script() {
    let all: String = scripts().into_iter().map(|(_, text)| text).collect();
    for (name, _) in shared() {
        let used = ['\'', '"']
            .iter()
            .any(|q| all.contains(&format!("{q}__KIROV_{name}__{q}")));
        assert!(
            used,
            "src/protocol.rs shares {name}, but no script in assets/ uses '__KIROV_{name}__': \
             use it, or move the constant out of `shared!`"
        );
    }
}

#[test]
fn no_script_keeps_its_own_copy_of_a_shared_value() {
    let mut found = Vec::new();
    for (name, script) in scripts() {
        found.extend(copies(&script).into_iter().map(|c| format!("assets/{name}: {c}")));
    }
    assert!(found.is_empty(), "write the placeholder instead:\n{}", found.join("\n"));
}

#[test]
fn the_copy_check_finds_what_it_looks_for() {
    let script = "// 'kirov-essay-theme' in a comment is fine\n\
                  const A = 'kirov-essay-theme', B = `.kirov button`, C = 'kirov-essay';\n\
                  window.kirovEssayMount = { mode: '__KIROV_MODE_PARAM__', x: \"#person-x\" };";
    let mut found: Vec<String> = copies(script)
        .iter()
        .map(|f| f.split(' ').next().unwrap_or_default().to_string())
        .collect();
    found.sort();
    let expected = [
        "CACHE_PREFIX",
        "MOUNT_GLOBAL",
        "PERSON_LINK_PREFIX",
        "ROOT_CLASS",
        "THEME_MESSAGE",
        "THEME_STORAGE_KEY",
    ];
    assert_eq!(found, expected);
}

/// The copies of shared values in a script: inside its string literals as a whole word (so
/// `'kirov'` and `'.kirov button'` count, `'kirov-essay'` does not), and, for a camel-case value
/// (a JavaScript name such as `kirovEssayMount`), also in its code.
fn copies(script: &str) -> Vec<String> {
    let (strings, code) = split(script);
    let mut found = Vec::new();
    for (name, value) in shared() {
        let items = match value {
            Value::Text(text) => vec![text],
            Value::List(list) => list,
        };
        for item in items {
            for s in strings.iter().filter(|s| !s.starts_with("__KIROV_")) {
                if contains_word(s, &item) {
                    found.push(format!("{name} (`{item}`) in the string `{s}`"));
                }
            }
            if item.chars().any(|c| c.is_ascii_uppercase()) && contains_word(&code, &item) {
                found.push(format!("{name} (`{item}`) in the code"));
            }
        }
    }
    found
}

/// Whether `word` occurs in `text` with no name character (letter, digit, `_`, `-`) glued to
/// an end of it that is a letter or digit (so the prefix `person-` is found in `#person-x`).
fn contains_word(text: &str, word: &str) -> bool {
    let name_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let (open_start, open_end) = (
        word.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()),
        word.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric()),
    );
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let glued_before = open_start && before.is_some_and(name_char);
        let glued_after = open_end && after.is_some_and(name_char);
        !(glued_before || glued_after)
    })
}

/// A script's string literals (template literals whole, `${…}` included) and its code outside
/// them, comments dropped. Enough for our assets, which use no regular-expression literals.
fn split(script: &str) -> (Vec<String>, String) {
    let (mut strings, mut code) = (Vec::new(), String::new());
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                chars.by_ref().find(|c| *c == '\n');
                code.push('\n');
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                chars
                    .by_ref()
                    .find(|c| std::mem::replace(&mut last, *c) == '*' && *c == '/');
                code.push(' ');
            }
            '\'' | '"' | '`' => {
                let mut text = String::new();
                while let Some(s) = chars.next() {
                    match s {
                        '\\' => text.extend(chars.next()),
                        s if s == c => break,
                        s => text.push(s),
                    }
                }
                strings.push(text);
                code.push_str("''");
            }
            c => code.push(c),
        }
    }
    (strings, code)
}
