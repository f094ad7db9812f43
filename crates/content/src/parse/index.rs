//! Step 3 of loading: index every id once (people, terms, events, figures, sections, notes,
//! datasets and their rows), each mapped to where it is defined, reporting ids that are not
//! kebab-case or defined twice. The checks and the assembly look ids up here.

use super::diagnostic::{Diagnostic, SourceFile, Span};
use super::files::Parsed;
use super::inline::{self, RefKind};
use std::collections::HashMap;

/// Each id, mapped to the span that defines it.
pub type Table<'a> = HashMap<&'a str, Span>;

pub struct Index<'a> {
    pub people: Table<'a>,
    pub terms: Table<'a>,
    pub figures: Table<'a>,
    pub notes: Table<'a>,
    /// Dataset id → its rows.
    pub rows: HashMap<&'a str, Table<'a>>,
    /// Note labels in the order the essay first cites them (the order notes are shown in).
    pub note_order: Vec<&'a str>,
}

pub fn build<'a>(p: &'a Parsed, files: &[SourceFile], out: &mut Vec<Diagnostic>) -> Index<'a> {
    let people = ids(
        "person",
        defined(&p.cast.people, &p.cast.id_spans, |x| &x.id),
        files,
        out,
    );
    let terms = ids(
        "term",
        defined(&p.glossary.terms, &p.glossary.id_spans, |x| &x.id),
        files,
        out,
    );
    ids(
        "event",
        defined(&p.timeline.events, &p.timeline.id_spans, |x| &x.id),
        files,
        out,
    );
    let figures = ids(
        "figure",
        defined(&p.figures.figures, &p.figures.id_spans, |x| &x.id),
        files,
        out,
    );
    let sections = p.sections.iter().map(|(f, s)| (s.id.as_str(), Span::file_start(*f)));
    ids("section", sections, files, out);
    let notes = ids(
        "note",
        p.sections
            .iter()
            .flat_map(|(_, s)| s.notes.iter().map(|n| (n.label.as_str(), n.span))),
        files,
        out,
    );
    let rows = p
        .datasets
        .iter()
        .map(|ps| {
            let table = ids(
                &format!("row in dataset `{}`", ps.dataset.id),
                ps.dataset
                    .rows
                    .iter()
                    .map(|r| r.id.as_str())
                    .zip(ps.row_spans.iter().copied()),
                files,
                out,
            );
            (ps.dataset.id.as_str(), table)
        })
        .collect();
    let mut note_order: Vec<&str> = Vec::new();
    let cited = p
        .sections
        .iter()
        .flat_map(|(_, s)| &s.refs)
        .filter(|r| r.kind == RefKind::Note);
    for r in cited {
        if notes.contains_key(r.id.as_str()) && !note_order.contains(&r.id.as_str()) {
            note_order.push(&r.id);
        }
    }
    Index {
        people,
        terms,
        figures,
        notes,
        rows,
        note_order,
    }
}

/// Builds an id table, reporting duplicates against the first definition.
/// Each item's id beside the span that defines it.
fn defined<'a, T>(
    items: &'a [T],
    spans: &'a [Span],
    id: fn(&T) -> &String,
) -> impl Iterator<Item = (&'a str, Span)> + 'a {
    items.iter().map(move |x| id(x).as_str()).zip(spans.iter().copied())
}

pub fn ids<'a>(
    what: &str,
    items: impl Iterator<Item = (&'a str, Span)>,
    files: &[SourceFile],
    out: &mut Vec<Diagnostic>,
) -> Table<'a> {
    let mut table: Table = HashMap::new();
    for (id, span) in items {
        if !inline::is_kebab(id) {
            out.push(
                Diagnostic::new(span, format!("{what} id `{id}` is not kebab-case"))
                    .help("ids are lower-case words joined by hyphens, like `ter-asaturov`"),
            );
        }
        if let Some(first) = table.get(id) {
            let at = &files[first.file];
            out.push(
                Diagnostic::new(span, format!("duplicate {what} id `{id}`")).help(format!(
                    "`{id}` is already defined at {}:{}; ids must be unique",
                    at.path,
                    at.line_col(first.start).0
                )),
            );
            continue;
        }
        table.insert(id, span);
    }
    table
}
