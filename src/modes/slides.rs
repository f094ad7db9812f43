//! Classroom slides, generated from the content: each section's opening argument, each of its
//! figures and quotations, and the people it turns on. A slide names existing elements of the
//! page by id; presentation mode shows just those, large. Pure, so it is tested natively.

use crate::protocol::SLIDE_LINK_PREFIX;
use kirov_content::{Block, Content, Group};

#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// What the slide shows, for its label: "Section", "Figure", "Quotation", "Person".
    pub kind: &'static str,
    pub title: String,
    /// The page elements shown on this slide, by id.
    pub ids: Vec<String>,
}

/// People shown on their own slide per section (the most-mentioned, historians aside).
const PEOPLE_PER_SECTION: usize = 2;

pub fn slides(content: &Content) -> Vec<Slide> {
    let mut out = Vec::new();
    for s in &content.sections {
        let opening = s.blocks.iter().find_map(|b| match b {
            Block::Paragraph { id, .. } => Some(id.clone()),
            _ => None,
        });
        out.push(Slide {
            kind: "Section",
            title: format!("{} {}", s.numeral, s.title),
            ids: std::iter::once(format!("{}-title", s.id)).chain(opening).collect(),
        });
        for b in &s.blocks {
            match b {
                Block::Figure { id } => {
                    if let Some(f) = content.figure(id) {
                        out.push(Slide {
                            kind: "Figure",
                            title: f.title.clone(),
                            ids: vec![format!("fig-{id}")],
                        });
                    }
                }
                Block::Quote { id, .. } => out.push(Slide {
                    kind: "Quotation",
                    title: s.title.clone(),
                    ids: vec![id.clone()],
                }),
                Block::Paragraph { .. } => {}
            }
        }
        let mut people: Vec<(&str, usize)> = content
            .people
            .iter()
            .filter(|p| p.group != Group::Historian)
            .map(|p| (p.id.as_str(), p.mentions.iter().filter(|m| m.section == s.id).count()))
            .filter(|(_, n)| *n > 1)
            .collect();
        people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (id, _) in people.into_iter().take(PEOPLE_PER_SECTION) {
            if let Some(p) = content.person(id) {
                out.push(Slide {
                    kind: "Person",
                    title: p.name.clone(),
                    ids: vec![crate::protocol::person_anchor(id)],
                });
            }
        }
    }
    out
}

/// `#slide-7` → index 6; anything else → None.
pub fn from_hash(hash: &str, count: usize) -> Option<usize> {
    let n: usize = hash.strip_prefix('#')?.strip_prefix(SLIDE_LINK_PREFIX)?.parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_hashes_are_one_based() {
        assert_eq!(from_hash("#slide-1", 5), Some(0));
        assert_eq!(from_hash("#slide-5", 5), Some(4));
        assert_eq!(from_hash("#slide-6", 5), None);
        assert_eq!(from_hash("#person-ots", 5), None);
    }
}
