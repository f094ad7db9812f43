//! Step 5 of loading: build the [`Content`] the page renders from content that passed every
//! check: notes numbered in citation order, sections numbered, events in date order, and every
//! mention of a person or term given its anchor and listed on its card.

use super::check::article_note;
use super::files::Parsed;
use crate::model::*;
use std::collections::{BTreeMap, HashMap};

/// Assembles checked content. `note_order` is the index's citation order of the notes.
pub fn assemble(p: Parsed, meta: Meta, note_order: &[String]) -> Content {
    let article_notes = Some(meta.source.notes);
    let mut notes_by_label: BTreeMap<String, Note> = BTreeMap::new();
    for (_, s) in &p.sections {
        for n in &s.notes {
            notes_by_label.insert(
                n.label.clone(),
                Note {
                    label: n.label.clone(),
                    display: String::new(),
                    article_note: article_note(&n.label, article_notes).ok().flatten(),
                    section: s.id.clone(),
                    body: n.body.clone(),
                },
            );
        }
    }
    let mut editor_count = 0;
    let notes: Vec<Note> = note_order
        .iter()
        .filter_map(|l| notes_by_label.remove(l))
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
        sections: p
            .sections
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
        people: p.cast.people,
        terms: p.glossary.terms,
        events: p.timeline.events,
        datasets: p.datasets.into_iter().map(|d| d.dataset).collect(),
        figures: p.figures.figures,
        index: Index::default(),
    };
    content.events.sort_by_key(|e| e.date);
    register_mentions(&mut content);
    content.reindex();
    content
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
                    Inline::NoteRef { label, anchor, first } => {
                        let n = counts.entry(format!("r-{label}")).or_default();
                        *n += 1;
                        *anchor = Some(format!("r-{label}-{n}"));
                        *first = *n == 1;
                        return;
                    }
                    _ => return,
                };
                let n = counts.entry(format!("{prefix}-{id}")).or_default();
                *n += 1;
                let made = format!("{prefix}-{id}-{n}");
                *anchor = Some(made.clone());
                list.entry(id.clone()).or_default().push(Mention {
                    anchor: made,
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
