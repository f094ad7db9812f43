//! The classroom slide plan, generated from the content: each section's opening argument (split
//! at sentence ends into slides marked "continued" when it is long), each of its figures and
//! quotations, and the people it turns on, one slide per person. Numbers are stable while the
//! content is. Pure, so it is tested natively; it runs in the prerender, which writes what each
//! slide shows into `slides.json` (`slide_texts.rs`).

use crate::modes::passage::{self, Part};
use crate::modes::stage::from_hash;
use crate::protocol::person_anchor;
use kirov_content::{Block, Content, Figure, Group, Inline, Person, Section};
use std::sync::OnceLock;

/// Characters of prose a slide holds: about seven lines at the slide measure, which reads from the
/// back of a room and fits 1024×768 under the section title (tests/e2e/slides walks every size).
pub const PASSAGE_BUDGET: usize = 600;
/// A person's summary is shorter: their name, role and years take the slide's top.
pub const SUMMARY_BUDGET: usize = 480;
/// People shown on their own slide per section (the most-mentioned, historians aside).
const PEOPLE_PER_SECTION: usize = 2;

/// What a slide shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A passage of prose: a section's opening, or a quotation.
    Passage { quote: bool, text: Vec<Inline> },
    /// A chart, large.
    Figure(&'static Figure),
    /// A person: name, role, years and (a part of) the summary.
    Person {
        person: &'static Person,
        summary: Vec<Inline>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    pub section: &'static Section,
    pub body: Body,
    /// `(k, n)`: part k (1-based) of n, when a passage runs over several slides.
    pub part: Option<(usize, usize)>,
    /// The essay element this slide retells: leaving the mode returns the reader there.
    pub home: String,
    /// The notes the slide's text refers to (for the speaker notes).
    pub notes: Vec<String>,
}

impl Slide {
    /// What the slide shows, for its label.
    pub fn kind(&self) -> &'static str {
        match &self.body {
            Body::Passage { quote: false, .. } => "Section",
            Body::Passage { quote: true, .. } => "Quotation",
            Body::Figure(_) => "Figure",
            Body::Person { .. } => "Person",
        }
    }

    /// A short title, for the overview, the console and the label.
    pub fn title(&self) -> String {
        match &self.body {
            Body::Passage { .. } => format!("{} {}", self.section.numeral, self.section.title),
            Body::Figure(f) => f.title.clone(),
            Body::Person { person, .. } => person.name.clone(),
        }
    }

    /// "continued" on every part after the first.
    pub fn continued(&self) -> bool {
        self.part.is_some_and(|(k, _)| k > 1)
    }
}

/// The whole plan, with the essay positions each slide covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub slides: Vec<Slide>,
    /// (essay element id, slide index): each paragraph, quotation and figure of the essay, with
    /// the slide that holds that stretch of its section.
    pub holders: Vec<(String, usize)>,
}

impl Plan {
    /// The slide a link to an essay element (`nep-p3`, `fig-purge-1929`) opens.
    pub fn holding(&self, id: &str) -> Option<usize> {
        self.holders.iter().find(|(e, _)| e == id).map(|(_, i)| *i)
    }
}

/// The plan of the essay's own content, built once.
pub fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| build(crate::content()))
}

/// Builds the slide plan of `content`.
pub fn build(content: &'static Content) -> Plan {
    let mut slides: Vec<Slide> = Vec::new();
    let mut holders = Vec::new();
    let mut shown_people: Vec<&str> = Vec::new();
    for s in &content.sections {
        holders.push((s.id.clone(), slides.len()));
        holders.push((format!("{}-title", s.id), slides.len()));
        let mut opened = false;
        // The first slide of the latest passage or figure: it holds the paragraphs that follow.
        let mut holder = slides.len();
        for b in &s.blocks {
            let start = slides.len();
            match b {
                Block::Paragraph { id, inlines } if !opened => {
                    opened = true;
                    passage_slides(&mut slides, s, id, inlines, false);
                }
                Block::Quote { id, inlines } => passage_slides(&mut slides, s, id, inlines, true),
                Block::Figure { id } => {
                    if let Some(f) = content.figure(id) {
                        slides.push(Slide {
                            section: s,
                            body: Body::Figure(f),
                            part: None,
                            home: format!("fig-{id}"),
                            notes: f.notes.clone(),
                        });
                    }
                }
                Block::Paragraph { .. } => {}
            }
            if slides.len() > start {
                holder = start;
            }
            let id = match b {
                Block::Figure { id } => format!("fig-{id}"),
                other => other.id().to_string(),
            };
            holders.push((id, holder));
        }
        for person in section_people(content, s, &shown_people) {
            shown_people.push(&person.id);
            let parts = passage::split(&person.summary, SUMMARY_BUDGET);
            let n = parts.len();
            for (k, Part { inlines, notes }) in parts.into_iter().enumerate() {
                let mut notes = notes;
                notes.extend(person.moments.iter().map(|m| m.note.clone()).filter(|l| !l.is_empty()));
                notes.dedup();
                slides.push(Slide {
                    section: s,
                    body: Body::Person {
                        person,
                        summary: inlines,
                    },
                    part: (n > 1).then_some((k + 1, n)),
                    home: person_anchor(&person.id),
                    notes,
                });
            }
        }
    }
    Plan { slides, holders }
}

/// Adds a passage's slides: one, or several marked as parts.
fn passage_slides(slides: &mut Vec<Slide>, s: &'static Section, id: &str, inlines: &[Inline], quote: bool) {
    let parts = passage::split(inlines, PASSAGE_BUDGET);
    let n = parts.len();
    for (k, Part { inlines, notes }) in parts.into_iter().enumerate() {
        slides.push(Slide {
            section: s,
            body: Body::Passage { quote, text: inlines },
            part: (n > 1).then_some((k + 1, n)),
            home: id.to_string(),
            notes,
        });
    }
}

/// The people a section turns on (mentioned more than once, historians aside, most-mentioned
/// first), leaving out anyone who already has a slide.
fn section_people(content: &'static Content, s: &Section, shown: &[&str]) -> Vec<&'static Person> {
    let mut people: Vec<(&'static Person, usize)> = content
        .people
        .iter()
        .filter(|p| p.group != Group::Historian && !shown.contains(&p.id.as_str()))
        .map(|p| (p, p.mentions.iter().filter(|m| m.section == s.id).count()))
        .filter(|(_, n)| *n > 1)
        .collect();
    people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
    people.into_iter().take(PEOPLE_PER_SECTION).map(|(p, _)| p).collect()
}

/// A span of years as a room reads it: "1933" for one year, "1926–1941" for several.
pub fn years(span: (u16, u16)) -> String {
    if span.0 == span.1 {
        span.0.to_string()
    } else {
        format!("{}–{}", span.0, span.1)
    }
}

/// The slide an address opens: `#slide-N`, or a link to a paragraph, quotation or figure
/// (`#nep-p3`), which opens the slide that holds it.
pub fn from_address(hash: &str, plan: &Plan) -> Option<usize> {
    from_hash(hash, plan.slides.len()).or_else(|| plan.holding(hash.strip_prefix('#')?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kirov_content::plain_text;

    #[test]
    fn one_year_is_shown_once() {
        assert_eq!(years((1933, 1933)), "1933");
        assert_eq!(years((1926, 1941)), "1926–1941");
    }

    #[test]
    fn every_passage_slide_keeps_within_its_budget_and_continued_parts_are_marked() {
        for s in &plan().slides {
            let (text, budget) = match &s.body {
                Body::Passage { text, .. } => (text, PASSAGE_BUDGET),
                Body::Person { summary, .. } => (summary, SUMMARY_BUDGET),
                Body::Figure(_) => continue,
            };
            let n = plain_text(text).chars().count();
            let one_sentence = passage::sentences(text).len() == 1;
            assert!(n <= budget || one_sentence, "{}: {n} characters", s.title());
            if let Some((k, of)) = s.part {
                assert!(k >= 1 && k <= of && of > 1);
                assert_eq!(s.continued(), k > 1);
            }
        }
        assert!(plan().slides.iter().any(Slide::continued), "the long openings run on");
    }

    #[test]
    fn split_passages_lose_nothing() {
        let c = crate::content();
        for s in &c.sections {
            let Some(Block::Paragraph { id, inlines }) = s.blocks.iter().find(|b| matches!(b, Block::Paragraph { .. }))
            else {
                continue;
            };
            let shown: Vec<String> = plan()
                .slides
                .iter()
                .filter(|sl| &sl.home == id)
                .filter_map(|sl| match &sl.body {
                    Body::Passage { text, .. } => Some(plain_text(text).trim().to_string()),
                    _ => None,
                })
                .collect();
            let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash(&shown.join(" ")), squash(&plain_text(inlines)), "{id}");
        }
    }

    #[test]
    fn every_section_and_figure_has_a_slide_and_each_person_one() {
        let c = crate::content();
        let p = plan();
        let opening = |s: &Slide| matches!(s.body, Body::Passage { quote: false, .. }) && !s.continued();
        assert_eq!(p.slides.iter().filter(|s| opening(s)).count(), c.sections.len());
        assert_eq!(
            p.slides.iter().filter(|s| matches!(s.body, Body::Figure(_))).count(),
            c.figures.len()
        );
        let mut people: Vec<&str> = p
            .slides
            .iter()
            .filter(|s| !s.continued())
            .filter_map(|s| match &s.body {
                Body::Person { person, .. } => Some(person.id.as_str()),
                _ => None,
            })
            .collect();
        let all = people.len();
        assert!(all > 0);
        people.sort();
        people.dedup();
        assert_eq!(people.len(), all, "one slide per person");
    }

    #[test]
    fn a_paragraph_link_opens_the_slide_holding_its_stretch_of_the_section() {
        let p = plan();
        let c = crate::content();
        let first = &c.sections[1];
        assert_eq!(from_address(&format!("#{}", first.id), p), p.holding(&first.id));
        let opening = p.holding(&first.id).unwrap();
        assert!(matches!(p.slides[opening].body, Body::Passage { quote: false, .. }));
        assert_eq!(p.slides[opening].section.id, first.id);
        // Every paragraph is held by a slide of its own section, at or after its opening.
        for s in &c.sections {
            for b in &s.blocks {
                let id = match b {
                    Block::Figure { id } => format!("fig-{id}"),
                    other => other.id().to_string(),
                };
                let i = p.holding(&id).unwrap_or_else(|| panic!("{id} has no slide"));
                assert_eq!(p.slides[i].section.id, s.id, "{id}");
                assert!(!p.slides[i].continued(), "a link opens a passage at its start");
            }
        }
        assert_eq!(from_address("#slide-2", p), Some(1));
        assert_eq!(from_address("#nowhere", p), None);
    }

    #[test]
    fn the_plan_is_stable_for_unchanged_content() {
        let again = build(crate::content());
        assert_eq!(&again, plan());
        let homes: Vec<&str> = plan().slides.iter().map(|s| s.home.as_str()).collect();
        assert_eq!(homes.first().copied(), Some("introduction-p1"));
    }
}
