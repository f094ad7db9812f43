//! Step 4 of loading: every reference between files resolves (people, terms, notes, datums,
//! figures, datasets and series), every note is cited, every figure placed once.

use super::diagnostic::{nearest, Diagnostic, SourceFile, Span};
use super::figure_checks;
use super::files::Parsed;
use super::index::{Index, Table};
use super::inline::{self, RawRef, RefKind};
use crate::model::plain_text;
use std::collections::HashMap;

pub fn check(p: &Parsed, index: &Index, files: &[SourceFile], out: &mut Vec<Diagnostic>) {
    let where_is =
        |span: &Span| -> String { format!("{}:{}", files[span.file].path, files[span.file].line_col(span.start).0) };
    let article_notes = p.meta.as_ref().map(|m| m.source.notes);
    notes(p, index, article_notes, out);
    references(p, index, &where_is, out);
    figures(p, index, &where_is, out);
}

/// Note labels are valid, bodies are not empty, and every note is cited in the essay.
fn notes(p: &Parsed, index: &Index, article_notes: Option<u16>, out: &mut Vec<Diagnostic>) {
    for (_, s) in &p.sections {
        for n in &s.notes {
            if let Err(help) = article_note(&n.label, article_notes) {
                out.push(Diagnostic::new(n.span, format!("note label `{}` is not valid", n.label)).help(help));
            }
            if n.body.iter().all(|p| plain_text(p).trim().is_empty()) {
                out.push(
                    Diagnostic::new(n.span, format!("note `{}` has no text", n.label))
                        .help("write the source and what it says after `[^label]: `"),
                );
            }
        }
    }
    for (_, s) in &p.sections {
        for n in &s.notes {
            if !index.note_order.contains(&n.label.as_str()) {
                out.push(
                    Diagnostic::new(n.span, format!("note `{}` is defined but never referenced", n.label))
                        .help(format!("cite it in the prose with `[^{}]`, or delete it", n.label)),
                );
            }
        }
    }
}

/// Every link to a person, term, note or datum, anywhere, names one that exists.
fn references(p: &Parsed, index: &Index, where_is: &dyn Fn(&Span) -> String, out: &mut Vec<Diagnostic>) {
    let essay_refs = p.sections.iter().flat_map(|(_, s)| s.refs.iter());
    let other_refs = p
        .cast
        .refs
        .iter()
        .chain(&p.glossary.refs)
        .chain(&p.timeline.refs)
        .chain(&p.figures.refs)
        .chain(p.datasets.iter().flat_map(|d| d.refs.iter()));
    for r in essay_refs.chain(other_refs) {
        let (table, what, loaded) = match r.kind {
            RefKind::Person => (&index.people, "person", p.cast.loaded),
            RefKind::Term => (&index.terms, "term", p.glossary.loaded),
            RefKind::Note => (&index.notes, "note", true),
            RefKind::Datum => {
                check_datum(r, p, index, where_is, out);
                continue;
            }
        };
        // A file that failed to load has already been reported; its ids are unknown, not wrong.
        if loaded && !table.contains_key(r.id.as_str()) {
            out.push(unknown(what, &r.id, r.span, table, where_is));
        }
    }
    for ps in &p.datasets {
        for (who, span) in &ps.claimants {
            if p.cast.loaded && !index.people.contains_key(who.as_str()) {
                out.push(unknown("person", who, *span, &index.people, where_is));
            }
        }
    }
}

/// Each figure is placed exactly once and draws a real dataset and series (figure_checks).
fn figures(p: &Parsed, index: &Index, where_is: &dyn Fn(&Span) -> String, out: &mut Vec<Diagnostic>) {
    let mut placed: HashMap<&str, Span> = HashMap::new();
    for (_, s) in &p.sections {
        for (id, span) in &s.figures {
            if !index.figures.contains_key(id.as_str()) {
                out.push(unknown("figure", id, *span, &index.figures, where_is));
            } else if let Some(first) = placed.insert(id, *span) {
                out.push(
                    Diagnostic::new(*span, format!("figure `{id}` is placed twice"))
                        .help(format!("it is already placed at {}", where_is(&first))),
                );
            }
        }
    }
    for (fig, span) in p.figures.figures.iter().zip(&p.figures.id_spans) {
        if !placed.contains_key(fig.id.as_str()) {
            out.push(
                Diagnostic::new(*span, format!("figure `{}` is never placed", fig.id))
                    .help(format!("add a line `::figure {}` to a section", fig.id)),
            );
        }
    }
    figure_checks::check(&p.figures.dataset_refs, &p.datasets, out);
}

fn unknown(what: &str, id: &str, span: Span, table: &Table, where_is: &dyn Fn(&Span) -> String) -> Diagnostic {
    let d = Diagnostic::new(span, format!("unknown {what} `{id}`"));
    match nearest(id, table.keys().copied()) {
        Some(n) => d.help(format!("did you mean `{n}` ({})?", where_is(&table[n]))),
        None => d.help(format!("no {what} has this id; add it, or check the spelling")),
    }
}

fn check_datum(r: &RawRef, p: &Parsed, index: &Index, where_is: &dyn Fn(&Span) -> String, out: &mut Vec<Diagnostic>) {
    let (set, row) = r.id.split_once('/').unwrap_or((&r.id, ""));
    let Some(table) = index.rows.get(set) else {
        let d = Diagnostic::new(r.span, format!("unknown dataset `{set}`"));
        out.push(match nearest(set, index.rows.keys().copied()) {
            Some(n) => d.help(format!("did you mean `{n}` (data/datasets/{n}.csv)?")),
            None => d.help("datasets are the files in data/datasets/"),
        });
        return;
    };
    if p.datasets.iter().any(|s| s.dataset.id == set && !s.loaded) {
        return;
    }
    if !table.contains_key(row) {
        let d = Diagnostic::new(r.span, format!("unknown row `{row}` in dataset `{set}`"));
        out.push(match nearest(row, table.keys().copied()) {
            Some(n) => d.help(format!("did you mean `{n}` ({})?", where_is(&table[n]))),
            None => d.help(format!("no row of data/datasets/{set}.csv has this id")),
        });
        return;
    }
    let value = p
        .datasets
        .iter()
        .find(|s| s.dataset.id == set)
        .and_then(|s| s.dataset.row(row))
        .map(|r| (r.value, r.value_text.clone()));
    if let (Some((value, text)), Some(shown)) = (value, number_in(&r.text)) {
        if (shown - value).abs() > 1e-9 * value.abs().max(1.0) {
            out.push(
                Diagnostic::new(
                    r.span,
                    format!(
                        "the number `{}` does not match datum `{}` ({text})",
                        r.text.trim(),
                        r.id
                    ),
                )
                .help("correct the prose or the dataset so they agree"),
            );
        }
    }
}

/// The number a datum link shows, if its text is a number (`3,133`, `92.1`, `−2.8`).
pub(super) fn number_in(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '\u{2009}' | '\u{202f}' | ' '))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    cleaned.parse().ok()
}

/// `n76` → the article's note 76; `ed-…` → an editor's note. `article_notes` is how many notes
/// the article has (`data/meta.toml`), if that file loaded.
pub(super) fn article_note(label: &str, article_notes: Option<u16>) -> Result<Option<u16>, String> {
    if let Some(rest) = label.strip_prefix("ed-") {
        return if inline::is_kebab(rest) {
            Ok(None)
        } else {
            Err("editor's note labels are `ed-` plus kebab-case words".into())
        };
    }
    match label.strip_prefix('n').and_then(|n| n.parse::<u16>().ok()) {
        Some(n) if label == format!("n{n}") && n >= 1 && article_notes.is_none_or(|last| n <= last) => Ok(Some(n)),
        Some(n) => Err(format!(
            "the article has notes 1–{}; `n{n}` is not one of them",
            article_notes.map_or("?".to_string(), |last| last.to_string())
        )),
        None => {
            Err("use `n<number>` for the article's note with that number, or `ed-<words>` for an editor's note".into())
        }
    }
}
