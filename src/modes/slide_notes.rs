//! Speaker notes, generated from the content for each slide: its claim in one line, its key
//! numbers, the people and terms on it with a line each, and the archival references of its
//! notes. The console shows them beside the slide; the handout prints them under it. Pure, so it
//! is tested natively.

use crate::modes::passage::sentences;
use crate::modes::slides::{years, Body, Slide};
use kirov_content::{format, plain_text, Content, Inline};

/// Numbers listed for a figure: its first rows, in the figure's order.
const FIGURE_NUMBERS: usize = 6;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notes {
    /// The slide's point in one line.
    pub claim: String,
    /// "143: members expelled (1929)".
    pub numbers: Vec<String>,
    /// (name, one line: role and years).
    pub people: Vec<(String, String)>,
    /// (term, one line: its meaning's first sentence).
    pub terms: Vec<(String, String)>,
    /// (note as shown, its text: the archival reference).
    pub references: Vec<(String, String)>,
}

/// The notes for `slide`.
pub fn notes(slide: &Slide, content: &Content) -> Notes {
    let mut out = Notes::default();
    let mut people: Vec<&str> = Vec::new();
    let mut terms: Vec<&str> = Vec::new();
    let mut numbers: Vec<(&str, &str, String)> = Vec::new();
    match &slide.body {
        Body::Passage { text, .. } => {
            out.claim = first_sentence(text);
            collect(text, &mut people, &mut terms, &mut numbers);
        }
        Body::Figure(f) => {
            out.claim = f.title.clone();
            collect(&f.caption, &mut people, &mut terms, &mut numbers);
            for row in content.figure_rows(f).into_iter().take(FIGURE_NUMBERS) {
                out.numbers
                    .push(number_line(&format::hedged_number(row), &row.label, &row.period));
            }
        }
        Body::Person { person, summary } => {
            out.claim = format!("{}: {}", person.name, person.role);
            collect(summary, &mut people, &mut terms, &mut numbers);
            people.retain(|p| *p != person.id);
            for related in &person.related {
                if !people.contains(&related.as_str()) {
                    people.push(related);
                }
            }
        }
    }
    for (dataset, row, shown) in numbers {
        if let Some(r) = content.dataset(dataset).and_then(|d| d.row(row)) {
            out.numbers.push(number_line(&shown, &r.label, &r.period));
        }
    }
    out.people = people
        .iter()
        .filter_map(|id| content.person(id))
        .map(|p| (p.name.clone(), format!("{} ({})", p.role, years(p.years))))
        .collect();
    out.terms = terms
        .iter()
        .filter_map(|id| content.term(id))
        .map(|t| (t.term.clone(), first_sentence(&t.meaning)))
        .collect();
    out.references = slide
        .notes
        .iter()
        .filter_map(|label| content.note(label))
        .map(|n| {
            (
                n.display.clone(),
                n.body.iter().map(|p| plain_text(p)).collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    out
}

/// "143: members expelled (1929)", or without the period when the article gives none.
fn number_line(shown: &str, label: &str, period: &str) -> String {
    let period = format::period(period);
    if period.is_empty() {
        format!("{shown}: {label}")
    } else {
        format!("{shown}: {label} ({period})")
    }
}

/// The first sentence of a run of text, as plain text.
fn first_sentence(inlines: &[Inline]) -> String {
    sentences(inlines)
        .first()
        .map(|s| plain_text(&s.inlines).trim().to_string())
        .unwrap_or_default()
}

/// The people, terms and numbers mentioned, each once, in order.
fn collect<'a>(
    inlines: &'a [Inline],
    people: &mut Vec<&'a str>,
    terms: &mut Vec<&'a str>,
    numbers: &mut Vec<(&'a str, &'a str, String)>,
) {
    for i in inlines {
        match i {
            Inline::Person { id, children, .. } => {
                if !people.contains(&id.as_str()) {
                    people.push(id);
                }
                collect(children, people, terms, numbers);
            }
            Inline::Term { id, children, .. } => {
                if !terms.contains(&id.as_str()) {
                    terms.push(id);
                }
                collect(children, people, terms, numbers);
            }
            Inline::Datum { dataset, row, children } => {
                if !numbers.iter().any(|(d, r, _)| d == dataset && r == row) {
                    numbers.push((dataset, row, plain_text(children)));
                }
            }
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                collect(c, people, terms, numbers)
            }
            Inline::Text(_) | Inline::NoteRef { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modes::slides::plan;

    #[test]
    fn every_slide_has_a_one_line_claim_and_its_references() {
        let c = crate::content();
        for s in &plan().slides {
            let n = notes(s, c);
            assert!(!n.claim.is_empty(), "{}", s.title());
            assert!(!n.claim.contains('\n'));
            assert_eq!(
                n.references.len(),
                s.notes.iter().filter(|l| c.note(l).is_some()).count()
            );
            assert!(n
                .references
                .iter()
                .all(|(shown, text)| !shown.is_empty() && !text.is_empty()));
        }
    }

    #[test]
    fn a_passage_lists_the_people_terms_and_numbers_it_names() {
        let c = crate::content();
        let slides = &plan().slides;
        let with_people = slides
            .iter()
            .find(|s| matches!(s.body, Body::Passage { .. }) && !notes(s, c).people.is_empty());
        let s = with_people.expect("some passage names a person");
        let n = notes(s, c);
        let Body::Passage { text, .. } = &s.body else {
            unreachable!()
        };
        let mut named = Vec::new();
        collect(text, &mut named, &mut Vec::new(), &mut Vec::new());
        let expected: Vec<String> = named.iter().map(|id| c.person(id).unwrap().name.clone()).collect();
        assert_eq!(
            n.people.iter().map(|(name, _)| name.clone()).collect::<Vec<_>>(),
            expected
        );
        assert!(n
            .people
            .iter()
            .all(|(_, line)| line.contains('(') && !line.contains("–)")));
        let figure = slides.iter().find(|s| matches!(s.body, Body::Figure(_))).unwrap();
        let n = notes(figure, c);
        assert!(!n.numbers.is_empty() && n.numbers.len() <= FIGURE_NUMBERS);
        assert!(n.numbers.iter().all(|line| line.contains(": ")));
    }

    #[test]
    fn a_term_gets_the_first_sentence_of_its_meaning() {
        let c = crate::content();
        let s = plan()
            .slides
            .iter()
            .find(|s| !notes(s, c).terms.is_empty())
            .expect("some slide names a term");
        for (term, line) in notes(s, c).terms {
            assert!(!line.is_empty(), "{term}");
            assert!(line.chars().count() < 400, "{term}: one line");
        }
    }
}
