//! `data/cast.toml`: every named person.

use super::diagnostic::Diagnostic;
use super::inline::{RawRef, RefKind};
use super::toml_file::{id_ref, non_empty, one_of, read, rich, span};
use crate::model::{Group, Moment, Person};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    person: Vec<RawPerson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: Spanned<String>,
    name: Spanned<String>,
    short: Spanned<String>,
    #[serde(default)]
    variants: Vec<String>,
    cyrillic: Option<String>,
    group: Spanned<String>,
    role: Spanned<String>,
    years: Spanned<(u16, u16)>,
    summary: Spanned<String>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    #[serde(default)]
    moment: Vec<RawMoment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMoment {
    year: String,
    text: Spanned<String>,
    note: Spanned<String>,
}

/// People, with the references they make (checked later) and where each id is defined.
pub struct Cast {
    pub people: Vec<Person>,
    pub refs: Vec<RawRef>,
    /// False when the file could not be read, so references into it are not reported twice.
    pub loaded: bool,
    pub id_spans: Vec<super::diagnostic::Span>,
}

pub fn parse(file: usize, text: &str, out: &mut Vec<Diagnostic>) -> Cast {
    let mut cast = Cast {
        people: Vec::new(),
        refs: Vec::new(),
        loaded: false,
        id_spans: Vec::new(),
    };
    let Some(raw) = read::<File>(file, text, "cast.toml", out) else {
        return cast;
    };
    cast.loaded = true;
    for p in raw.person {
        non_empty(file, &p.name, "name", out);
        non_empty(file, &p.role, "role", out);
        non_empty(file, &p.summary, "summary", out);
        let group = one_of(file, &p.group, "group", &Group::ALL, Group::key, Group::Other, out);
        let (from, to) = *p.years.get_ref();
        if from > to || !(1850..=2030).contains(&from) || !(1850..=2030).contains(&to) {
            out.push(
                Diagnostic::new(
                    span(file, &p.years),
                    format!("years [{from}, {to}] are not a plausible span"),
                )
                .help("write [first, last] year the article shows them, e.g. [1926, 1941]"),
            );
        }
        for r in &p.related {
            cast.refs.push(id_ref(RefKind::Person, file, r));
        }
        let summary = rich(file, &p.summary, &mut cast.refs, out);
        let moments = p
            .moment
            .iter()
            .map(|m| {
                cast.refs.push(id_ref(RefKind::Note, file, &m.note));
                Moment {
                    year: m.year.clone(),
                    text: rich(file, &m.text, &mut cast.refs, out),
                    note: m.note.get_ref().clone(),
                }
            })
            .collect();
        cast.id_spans.push(span(file, &p.id));
        cast.people.push(Person {
            id: p.id.get_ref().clone(),
            name: p.name.into_inner(),
            short: p.short.into_inner(),
            variants: p.variants,
            cyrillic: p.cyrillic,
            group,
            role: p.role.into_inner(),
            years: (from, to),
            summary,
            related: p.related.into_iter().map(|r| r.into_inner()).collect(),
            moments,
            mentions: Vec::new(),
        });
    }
    cast
}
