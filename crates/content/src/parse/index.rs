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
    pub datasets: Table<'a>,
    /// Dataset id → its rows.
    pub rows: HashMap<&'a str, Table<'a>>,
    /// Note labels in the order the essay first cites them (the order notes are shown in).
    pub note_order: Vec<&'a str>,
}

pub fn build<'a>(p: &'a Parsed, files: &[SourceFile], out: &mut Vec<Diagnostic>) -> Index<'a> {
    let people = ids(
        "person",
        p.cast
            .people
            .iter()
            .map(|x| x.id.as_str())
            .zip(p.cast.id_spans.iter().copied()),
        files,
        out,
    );
    let terms = ids(
        "term",
        p.glossary
            .terms
            .iter()
            .map(|x| x.id.as_str())
            .zip(p.glossary.id_spans.iter().copied()),
        files,
        out,
    );
    ids(
        "event",
        p.timeline
            .events
            .iter()
            .map(|x| x.id.as_str())
            .zip(p.timeline.id_spans.iter().copied()),
        files,
        out,
    );
    let figures = ids(
        "figure",
        p.figures
            .figures
            .iter()
            .map(|x| x.id.as_str())
            .zip(p.figures.id_spans.iter().copied()),
        files,
        out,
    );
    ids(
        "section",
        p.sections.iter().map(|(f, s)| (s.id.as_str(), Span::file_start(*f))),
        files,
        out,
    );
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
    let datasets = p
        .datasets
        .iter()
        .zip(&p.dataset_files)
        .map(|(ps, f)| (ps.dataset.id.as_str(), Span::file_start(*f)))
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
        datasets,
        rows,
        note_order,
    }
}

/// Builds an id table, reporting duplicates against the first definition.
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
