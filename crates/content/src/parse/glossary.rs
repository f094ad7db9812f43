//! `data/glossary.toml`: Soviet terms, institutions and acronyms.

use super::diagnostic::{Diagnostic, Span};
use super::inline::{RawRef, RefKind};
use super::toml_file::{id_ref, non_empty, one_of, read, rich, span};
use crate::model::{Term, TermGroup};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    term: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Spanned<String>,
    term: Spanned<String>,
    russian: Option<String>,
    translit: Option<String>,
    english: Option<String>,
    meaning: Spanned<String>,
    group: Spanned<String>,
    note: Option<Spanned<String>>,
}

pub struct Glossary {
    pub terms: Vec<Term>,
    pub refs: Vec<RawRef>,
    /// False when the file could not be read, so references into it are not reported twice.
    pub loaded: bool,
    pub id_spans: Vec<Span>,
}

pub fn parse(file: usize, text: &str, out: &mut Vec<Diagnostic>) -> Glossary {
    let mut g = Glossary {
        terms: Vec::new(),
        refs: Vec::new(),
        loaded: false,
        id_spans: Vec::new(),
    };
    let Some(raw) = read::<File>(file, text, "glossary.toml", out) else {
        return g;
    };
    g.loaded = true;
    for t in raw.term {
        non_empty(file, &t.term, "term", out);
        non_empty(file, &t.meaning, "meaning", out);
        let group = one_of(
            file,
            &t.group,
            "term group",
            &TermGroup::ALL,
            TermGroup::key,
            TermGroup::State,
            out,
        );
        if let Some(n) = &t.note {
            g.refs.push(id_ref(RefKind::Note, file, n));
        }
        let meaning = rich(file, &t.meaning, &mut g.refs, out);
        g.id_spans.push(span(file, &t.id));
        g.terms.push(Term {
            id: t.id.into_inner(),
            term: t.term.into_inner(),
            russian: t.russian,
            translit: t.translit,
            english: t.english,
            meaning,
            group,
            note: t.note.map(|n| n.into_inner()),
            mentions: Vec::new(),
        });
    }
    g
}
