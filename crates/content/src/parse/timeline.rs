//! `data/timeline.toml`: dated events.

use super::diagnostic::{Diagnostic, Span};
use super::inline::{RawRef, RefKind};
use super::toml_file::{id_ref, read, rich, span};
use crate::model::{Date, Event, Tag};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    event: Vec<RawEvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: Spanned<String>,
    date: Spanned<String>,
    title: Spanned<String>,
    tags: Spanned<Vec<String>>,
    note: Spanned<String>,
    #[serde(default)]
    people: Vec<Spanned<String>>,
}

pub struct Timeline {
    pub events: Vec<Event>,
    pub refs: Vec<RawRef>,
    pub id_spans: Vec<Span>,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year: u16 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: Option<u8> = match parts.next() {
        Some(m) if m.len() == 2 => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
        None => None,
    };
    let day: Option<u8> = match parts.next() {
        Some(d) if d.len() == 2 => {
            let d: u8 = d.parse().ok()?;
            let days = match month? {
                2 if year.is_multiple_of(4) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            Some(d).filter(|d| (1..=days).contains(d))?.into()
        }
        Some(_) => return None,
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Date { year, month, day })
}

pub fn parse(file: usize, text: &str, out: &mut Vec<Diagnostic>) -> Timeline {
    let mut t = Timeline {
        events: Vec::new(),
        refs: Vec::new(),
        id_spans: Vec::new(),
    };
    let Some(raw) = read::<File>(file, text, "timeline.toml", out) else {
        return t;
    };
    for e in raw.event {
        let date = parse_date(e.date.get_ref()).unwrap_or_else(|| {
            out.push(
                Diagnostic::new(span(file, &e.date), format!("bad date `{}`", e.date.get_ref()))
                    .help("write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, e.g. 1930-10-02"),
            );
            Date {
                year: 0,
                month: None,
                day: None,
            }
        });
        let mut tags = Vec::new();
        for key in e.tags.get_ref() {
            match Tag::from_key(key) {
                Some(tag) => tags.push(tag),
                None => {
                    let keys: Vec<&str> = Tag::ALL.iter().map(|t| t.key()).collect();
                    out.push(
                        Diagnostic::new(span(file, &e.tags), format!("unknown tag `{key}`"))
                            .help(format!("tags are: {}", keys.join(", "))),
                    );
                }
            }
        }
        if e.tags.get_ref().is_empty() {
            out.push(Diagnostic::new(span(file, &e.tags), "an event needs at least one tag"));
        }
        t.refs.push(id_ref(RefKind::Note, file, &e.note));
        t.refs.extend(e.people.iter().map(|p| id_ref(RefKind::Person, file, p)));
        let title = rich(file, &e.title, &mut t.refs, out);
        t.id_spans.push(span(file, &e.id));
        t.events.push(Event {
            id: e.id.into_inner(),
            date,
            title,
            tags,
            note: e.note.into_inner(),
            people: e.people.into_iter().map(|p| p.into_inner()).collect(),
        });
    }
    t
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_take_three_precisions_and_reject_impossible_days() {
        assert_eq!(parse_date("1930").unwrap().month, None);
        assert_eq!(parse_date("1930-10").unwrap().month, Some(10));
        assert_eq!(parse_date("1930-10-02").unwrap().day, Some(2));
        assert!(parse_date("1930-02-30").is_none());
        assert!(parse_date("1930-13").is_none());
        assert!(parse_date("30-10-02").is_none());
        assert!(parse_date("1930/31").is_none());
    }
}
