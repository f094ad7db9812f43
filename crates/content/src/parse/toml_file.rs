//! Reading a TOML file into spanned raw records, with syntax and schema errors as diagnostics.

use super::diagnostic::{Diagnostic, Span};
use super::inline::{parse_field, InTomlString, RawRef, RefKind};
use crate::model::Inline;
use serde::de::DeserializeOwned;
use toml::Spanned;

/// Parses `text`; on failure reports where and returns `None`.
pub fn read<T: DeserializeOwned>(file: usize, text: &str, what: &str, out: &mut Vec<Diagnostic>) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let r = e.span().unwrap_or(0..0);
            let message = e.message().trim().replace('\n', " ");
            out.push(
                Diagnostic::new(
                    Span {
                        file,
                        start: r.start,
                        end: r.end,
                    },
                    format!("invalid {what}: {message}"),
                )
                .help("see data/README.md for the fields this file takes"),
            );
            None
        }
    }
}

pub fn span<T>(file: usize, v: &Spanned<T>) -> Span {
    let r = v.span();
    Span {
        file,
        start: r.start,
        end: r.end,
    }
}

/// A short rich-text field: inline markdown with actor/term/datum links, no notes.
pub fn rich(file: usize, v: &Spanned<String>, refs: &mut Vec<RawRef>, out: &mut Vec<Diagnostic>) -> Vec<Inline> {
    let at = InTomlString { file, value: v.span() };
    let (inlines, mut r, mut d) = parse_field(v.get_ref(), &at);
    refs.append(&mut r);
    out.append(&mut d);
    inlines
}

/// A required text field must not be blank.
pub fn non_empty(file: usize, v: &Spanned<String>, field: &str, out: &mut Vec<Diagnostic>) {
    if v.get_ref().trim().is_empty() {
        out.push(
            Diagnostic::new(span(file, v), format!("`{field}` is empty"))
                .help(format!("write the {field}, or remove the entry")),
        );
    }
}

/// A reference to an id written as a whole TOML value (a related person, a note label), to be
/// resolved with every other reference once all files are read.
pub fn id_ref(kind: RefKind, file: usize, v: &Spanned<String>) -> RawRef {
    RawRef {
        kind,
        id: v.get_ref().clone(),
        text: String::new(),
        span: span(file, v),
    }
}

/// A field whose value must be one of a fixed set of keys (a group). An unknown key is reported
/// with the list of known ones, and `fallback` stands in so the rest of the file is still checked.
pub fn one_of<K: Copy>(
    file: usize,
    v: &Spanned<String>,
    what: &str,
    all: &[K],
    key: fn(K) -> &'static str,
    fallback: K,
    out: &mut Vec<Diagnostic>,
) -> K {
    all.iter().copied().find(|k| key(*k) == v.get_ref()).unwrap_or_else(|| {
        let keys: Vec<&str> = all.iter().map(|k| key(*k)).collect();
        out.push(
            Diagnostic::new(span(file, v), format!("unknown {what} `{}`", v.get_ref()))
                .help(format!("{what}s are: {}", keys.join(", "))),
        );
        fallback
    })
}
