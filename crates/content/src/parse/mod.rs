//! Loads `data/`, checks every reference, and builds the [`Content`] the page renders.
//!
//! All problems are collected and reported together, each as `path:line:col: message`.

mod cast;
mod datasets;
pub mod diagnostic;
mod essay;
mod figure_checks;
mod figures;
mod glossary;
mod inline;
mod meta;
mod timeline;
mod toml_file;

use crate::model::*;
use diagnostic::{nearest, render, Diagnostic, SourceFile, Span};
use inline::{RawRef, RefKind};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

/// Every content error found, with the files they point into.
pub struct Report {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(&self.files, &self.diagnostics))
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The article's notes run from 1 to this.
pub const ARTICLE_NOTES: u16 = 139;

/// Loads and validates the content under `root/data`.
pub fn load(root: &Path) -> Result<Content, Report> {
    load_with(
        |rel| std::fs::read_to_string(root.join(rel)),
        list(root, "data/essay", "md"),
        list(root, "data/datasets", "csv"),
    )
}

/// Loads and validates content held in memory, keyed by path relative to the project root
/// (`data/cast.toml`, `data/essay/01-opening.md`, ...), exactly as [`load`] would read it from disk.
pub fn load_files(files: &BTreeMap<String, String>) -> Result<Content, Report> {
    let names = |dir: &str, ext: &str| -> Vec<String> {
        files
            .keys()
            .filter_map(|k| k.strip_prefix(dir)?.strip_prefix('/'))
            .filter(|n| !n.contains('/') && n.ends_with(&format!(".{ext}")))
            .map(str::to_string)
            .collect()
    };
    load_with(
        |rel| {
            files
                .get(rel)
                .cloned()
                .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
        },
        names("data/essay", "md"),
        names("data/datasets", "csv"),
    )
}

/// Validates the files `read` returns; `essay` and `datasets` are the sorted file names in
/// `data/essay` and `data/datasets`.
fn load_with(
    mut read_file: impl FnMut(&str) -> std::io::Result<String>,
    essay: Vec<String>,
    datasets: Vec<String>,
) -> Result<Content, Report> {
    let mut files: Vec<SourceFile> = Vec::new();
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut read = |rel: &str, out: &mut Vec<Diagnostic>| -> usize {
        let text = match read_file(rel) {
            Ok(t) => t,
            Err(e) => {
                out.push(Diagnostic::new(
                    Span {
                        file: files.len(),
                        start: 0,
                        end: 0,
                    },
                    format!("cannot read the file: {e}"),
                ));
                String::new()
            }
        };
        files.push(SourceFile {
            path: rel.to_string(),
            text,
        });
        files.len() - 1
    };

    let meta_file = read("data/meta.toml", &mut out);
    let cast_file = read("data/cast.toml", &mut out);
    let glossary_file = read("data/glossary.toml", &mut out);
    let timeline_file = read("data/timeline.toml", &mut out);
    let figures_file = read("data/figures.toml", &mut out);
    let essay_files: Vec<(usize, String)> = essay
        .into_iter()
        .map(|name| (read(&format!("data/essay/{name}"), &mut out), name))
        .collect();
    let dataset_files: Vec<(usize, String)> = datasets
        .into_iter()
        .map(|name| (read(&format!("data/datasets/{name}"), &mut out), name))
        .collect();

    let meta = meta::parse(meta_file, &files[meta_file].text, &mut out);
    let cast = cast::parse(cast_file, &files[cast_file].text, &mut out);
    let glossary = glossary::parse(glossary_file, &files[glossary_file].text, &mut out);
    let timeline = timeline::parse(timeline_file, &files[timeline_file].text, &mut out);
    let figures = figures::parse(figures_file, &files[figures_file].text, &mut out);

    // Sections.
    if essay_files.is_empty() {
        out.push(
            Diagnostic::new(
                Span {
                    file: meta_file,
                    start: 0,
                    end: 0,
                },
                "there are no essay sections",
            )
            .help("add data/essay/01-introduction.md"),
        );
    }
    let labels_by_file: Vec<Vec<String>> = essay_files
        .iter()
        .map(|(f, _)| essay::note_labels(&files[*f].text))
        .collect();
    let mut sections = Vec::new();
    for (k, (file, name)) in essay_files.iter().enumerate() {
        let Some(id) = essay::section_id(name) else {
            out.push(
                Diagnostic::new(
                    Span {
                        file: *file,
                        start: 0,
                        end: 0,
                    },
                    format!("section file name `{name}` is not `NN-id.md`"),
                )
                .help("name it with a two-digit order and a kebab-case id, e.g. `03-first-plan.md`"),
            );
            continue;
        };
        let own: HashSet<&String> = labels_by_file[k].iter().collect();
        let elsewhere: Vec<String> = labels_by_file
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, ls)| ls.iter())
            .filter(|l| !own.contains(l))
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        sections.push((
            *file,
            essay::parse_section(*file, id, &files[*file].text, &elsewhere, &mut out),
        ));
    }

    // Datasets.
    let mut parsed_sets = Vec::new();
    for (file, name) in &dataset_files {
        let id = name.trim_end_matches(".csv");
        if !inline::is_kebab(id) {
            out.push(
                Diagnostic::new(
                    Span {
                        file: *file,
                        start: 0,
                        end: 0,
                    },
                    format!("dataset file name `{name}` is not kebab-case"),
                )
                .help("rename it like `purge-1929.csv`"),
            );
        }
        parsed_sets.push(datasets::parse(*file, id, &files[*file].text, &mut out));
    }

    // Id tables, each id mapped to where it is defined.
    let people = ids(
        "person",
        cast.people
            .iter()
            .map(|p| p.id.as_str())
            .zip(cast.id_spans.iter().copied()),
        &files,
        &mut out,
    );
    let terms = ids(
        "term",
        glossary
            .terms
            .iter()
            .map(|t| t.id.as_str())
            .zip(glossary.id_spans.iter().copied()),
        &files,
        &mut out,
    );
    ids(
        "event",
        timeline
            .events
            .iter()
            .map(|e| e.id.as_str())
            .zip(timeline.id_spans.iter().copied()),
        &files,
        &mut out,
    );
    let figure_ids = ids(
        "figure",
        figures
            .figures
            .iter()
            .map(|f| f.id.as_str())
            .zip(figures.id_spans.iter().copied()),
        &files,
        &mut out,
    );
    ids(
        "section",
        sections.iter().map(|(f, s)| {
            (
                s.id.as_str(),
                Span {
                    file: *f,
                    start: 0,
                    end: 0,
                },
            )
        }),
        &files,
        &mut out,
    );
    let note_defs = ids(
        "note",
        sections
            .iter()
            .flat_map(|(_, s)| s.notes.iter().map(|n| (n.label.as_str(), n.span))),
        &files,
        &mut out,
    );
    let mut rows: HashMap<&str, HashMap<&str, Span>> = HashMap::new();
    for ps in &parsed_sets {
        let table = ids(
            &format!("row in dataset `{}`", ps.dataset.id),
            ps.dataset
                .rows
                .iter()
                .map(|r| r.id.as_str())
                .zip(ps.row_spans.iter().copied()),
            &files,
            &mut out,
        );
        rows.insert(ps.dataset.id.as_str(), table);
    }

    // Note labels and bodies.
    for (_, s) in &sections {
        for n in &s.notes {
            if let Err(help) = article_note(&n.label) {
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

    // References.
    let where_is =
        |span: &Span| -> String { format!("{}:{}", files[span.file].path, files[span.file].line_col(span.start).0) };
    let essay_refs: Vec<&RawRef> = sections.iter().flat_map(|(_, s)| s.refs.iter()).collect();
    let other_refs: Vec<&RawRef> = cast
        .refs
        .iter()
        .chain(&glossary.refs)
        .chain(&timeline.refs)
        .chain(&figures.refs)
        .chain(parsed_sets.iter().flat_map(|p| p.refs.iter()))
        .collect();
    for r in essay_refs.iter().chain(other_refs.iter()) {
        let (table, what, loaded) = match r.kind {
            RefKind::Person => (&people, "person", cast.loaded),
            RefKind::Term => (&terms, "term", glossary.loaded),
            RefKind::Note => (&note_defs, "note", true),
            RefKind::Datum => {
                check_datum(r, &rows, &parsed_sets, &where_is, &mut out);
                continue;
            }
        };
        // A file that failed to load has already been reported; its ids are unknown, not wrong.
        if loaded && !table.contains_key(r.id.as_str()) {
            out.push(unknown(what, &r.id, r.span, table, &where_is));
        }
    }
    for ps in &parsed_sets {
        for (who, span) in &ps.claimants {
            if cast.loaded && !people.contains_key(who.as_str()) {
                out.push(unknown("person", who, *span, &people, &where_is));
            }
        }
    }

    // Notes: order of first reference in the essay; every note must be referenced there.
    let mut note_order: Vec<&str> = Vec::new();
    for r in essay_refs.iter().filter(|r| r.kind == RefKind::Note) {
        if note_defs.contains_key(r.id.as_str()) && !note_order.contains(&r.id.as_str()) {
            note_order.push(&r.id);
        }
    }
    for (_, s) in &sections {
        for n in &s.notes {
            if !note_order.contains(&n.label.as_str()) {
                out.push(
                    Diagnostic::new(n.span, format!("note `{}` is defined but never referenced", n.label))
                        .help(format!("cite it in the prose with `[^{}]`, or delete it", n.label)),
                );
            }
        }
    }

    // Figures: each placed exactly once, drawing a real dataset and series.
    let mut placed: HashMap<&str, Span> = HashMap::new();
    for (_, s) in &sections {
        for (id, span) in &s.figures {
            if !figure_ids.contains_key(id.as_str()) {
                out.push(unknown("figure", id, *span, &figure_ids, &where_is));
            } else if let Some(first) = placed.insert(id, *span) {
                out.push(
                    Diagnostic::new(*span, format!("figure `{id}` is placed twice"))
                        .help(format!("it is already placed at {}", where_is(&first))),
                );
            }
        }
    }
    for (fig, span) in figures.figures.iter().zip(&figures.id_spans) {
        if !placed.contains_key(fig.id.as_str()) {
            out.push(
                Diagnostic::new(*span, format!("figure `{}` is never placed", fig.id))
                    .help(format!("add a line `::figure {}` to a section", fig.id)),
            );
        }
    }
    figure_checks::check(&figures.dataset_refs, &parsed_sets, &mut out);

    if !out.is_empty() {
        return Err(Report {
            files,
            diagnostics: out,
        });
    }
    let Some(meta) = meta else {
        unreachable!("meta.toml failed to parse without a diagnostic")
    };

    // Build.
    let mut notes_by_label: BTreeMap<String, Note> = BTreeMap::new();
    for (_, s) in &sections {
        for n in &s.notes {
            notes_by_label.insert(
                n.label.clone(),
                Note {
                    label: n.label.clone(),
                    display: String::new(),
                    article_note: article_note(&n.label).ok().flatten(),
                    section: s.id.clone(),
                    body: n.body.clone(),
                },
            );
        }
    }
    let mut editor_count = 0;
    let notes: Vec<Note> = note_order
        .iter()
        .filter_map(|l| notes_by_label.remove(*l))
        .map(|mut n| {
            n.display = match n.article_note {
                Some(k) => k.to_string(),
                None => {
                    editor_count += 1;
                    format!("E{editor_count}")
                }
            };
            n
        })
        .collect();

    let mut content = Content {
        meta,
        sections: sections
            .into_iter()
            .enumerate()
            .map(|(k, (_, s))| Section {
                id: s.id,
                numeral: roman(k + 1),
                title: s.title,
                blocks: s.blocks,
            })
            .collect(),
        notes,
        people: cast.people,
        terms: glossary.terms,
        events: timeline.events,
        datasets: parsed_sets.into_iter().map(|p| p.dataset).collect(),
        figures: figures.figures,
        index: Index::default(),
    };
    content.events.sort_by_key(|e| e.date);
    register_mentions(&mut content);
    content.reindex();
    Ok(content)
}

/// File names in `root/dir` with extension `ext`, sorted (section order comes from `NN-`).
fn list(root: &Path, dir: &str, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(&format!(".{ext}")))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Builds an id table, reporting duplicates against the first definition.
fn ids<'a>(
    what: &str,
    items: impl Iterator<Item = (&'a str, Span)>,
    files: &[SourceFile],
    out: &mut Vec<Diagnostic>,
) -> HashMap<&'a str, Span> {
    let mut table: HashMap<&str, Span> = HashMap::new();
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

fn unknown(
    what: &str,
    id: &str,
    span: Span,
    table: &HashMap<&str, Span>,
    where_is: &dyn Fn(&Span) -> String,
) -> Diagnostic {
    let d = Diagnostic::new(span, format!("unknown {what} `{id}`"));
    match nearest(id, table.keys().copied()) {
        Some(n) => d.help(format!("did you mean `{n}` ({})?", where_is(&table[n]))),
        None => d.help(format!("no {what} has this id; add it, or check the spelling")),
    }
}

fn check_datum(
    r: &RawRef,
    rows: &HashMap<&str, HashMap<&str, Span>>,
    sets: &[datasets::ParsedDataset],
    where_is: &dyn Fn(&Span) -> String,
    out: &mut Vec<Diagnostic>,
) {
    let (set, row) = r.id.split_once('/').unwrap_or((&r.id, ""));
    let Some(table) = rows.get(set) else {
        let names: HashMap<&str, Span> = rows
            .keys()
            .map(|k| {
                (
                    *k,
                    Span {
                        file: 0,
                        start: 0,
                        end: 0,
                    },
                )
            })
            .collect();
        let d = Diagnostic::new(r.span, format!("unknown dataset `{set}`"));
        out.push(match nearest(set, names.keys().copied()) {
            Some(n) => d.help(format!("did you mean `{n}` (data/datasets/{n}.csv)?")),
            None => d.help("datasets are the files in data/datasets/"),
        });
        return;
    };
    if sets.iter().any(|s| s.dataset.id == set && !s.loaded) {
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
    let value = sets
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
fn number_in(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '\u{2009}' | '\u{202f}' | ' '))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    cleaned.parse().ok()
}

/// `n76` → the article's note 76; `ed-…` → an editor's note.
fn article_note(label: &str) -> Result<Option<u16>, String> {
    if let Some(rest) = label.strip_prefix("ed-") {
        return if inline::is_kebab(rest) {
            Ok(None)
        } else {
            Err("editor's note labels are `ed-` plus kebab-case words".into())
        };
    }
    match label.strip_prefix('n').and_then(|n| n.parse::<u16>().ok()) {
        Some(n) if (1..=ARTICLE_NOTES).contains(&n) && label == format!("n{n}") => Ok(Some(n)),
        Some(n) => Err(format!(
            "the article has notes 1–{ARTICLE_NOTES}; `n{n}` is not one of them"
        )),
        None => {
            Err("use `n<number>` for the article's note with that number, or `ed-<words>` for an editor's note".into())
        }
    }
}

fn roman(n: usize) -> String {
    const NUMERALS: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    NUMERALS.get(n - 1).map_or_else(|| n.to_string(), |s| s.to_string())
}

/// Gives each essay mention a unique anchor and lists it on its person or term.
fn register_mentions(content: &mut Content) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut people: HashMap<String, Vec<Mention>> = HashMap::new();
    let mut terms: HashMap<String, Vec<Mention>> = HashMap::new();
    for section in &mut content.sections {
        for block in &mut section.blocks {
            let (paragraph, inlines) = match block {
                Block::Paragraph { id, inlines } | Block::Quote { id, inlines } => (id.clone(), inlines),
                Block::Figure { .. } => continue,
            };
            walk(inlines, &mut |inline| {
                let (id, anchor, prefix, list) = match inline {
                    Inline::Person { id, anchor, .. } => (id, anchor, "m", &mut people),
                    Inline::Term { id, anchor, .. } => (id, anchor, "t", &mut terms),
                    Inline::NoteRef { label, anchor } => {
                        let n = counts.entry(format!("r-{label}")).or_default();
                        *n += 1;
                        *anchor = format!("r-{label}-{n}");
                        return;
                    }
                    _ => return,
                };
                let n = counts.entry(format!("{prefix}-{id}")).or_default();
                *n += 1;
                *anchor = format!("{prefix}-{id}-{n}");
                list.entry(id.clone()).or_default().push(Mention {
                    anchor: anchor.clone(),
                    section: section.id.clone(),
                    paragraph: paragraph.clone(),
                });
            });
        }
    }
    for p in &mut content.people {
        p.mentions = people.remove(&p.id).unwrap_or_default();
    }
    for t in &mut content.terms {
        t.mentions = terms.remove(&t.id).unwrap_or_default();
    }
}

fn walk(inlines: &mut [Inline], f: &mut dyn FnMut(&mut Inline)) {
    for inline in inlines {
        f(inline);
        match inline {
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Person { children: c, .. }
            | Inline::Term { children: c, .. }
            | Inline::Datum { children: c, .. }
            | Inline::Link { children: c, .. } => walk(c, f),
            Inline::Text(_) | Inline::NoteRef { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_labels_map_to_article_notes() {
        assert_eq!(article_note("n76"), Ok(Some(76)));
        assert_eq!(article_note("ed-orts"), Ok(None));
        assert!(article_note("n140").is_err());
        assert!(article_note("n076").is_err());
        assert!(article_note("note1").is_err());
    }

    #[test]
    fn numbers_in_link_text() {
        assert_eq!(number_in("3,133"), Some(3133.0));
        assert_eq!(number_in("−2.8"), Some(-2.8));
        assert_eq!(number_in("about 21,000"), None);
    }
}
