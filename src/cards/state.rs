//! What is open: the card stack and its rules. Pure, so they are tested natively.

use super::placement::Placement;

/// What a card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardTarget {
    Person(String),
    Term(String),
    Note(String),
    /// A paragraph's link and citation (`data-cite`): opened by a click, never by hover or focus.
    Paragraph(String),
}

impl CardTarget {
    /// From a trigger's data attributes: `data-person`, `data-term`, `data-note` or `data-cite`.
    pub fn from_attributes(
        person: Option<String>,
        term: Option<String>,
        note: Option<String>,
        cite: Option<String>,
    ) -> Option<Self> {
        person
            .map(CardTarget::Person)
            .or(term.map(CardTarget::Term))
            .or(note.map(CardTarget::Note))
            .or(cite.map(CardTarget::Paragraph))
    }
    /// Whether hover and focus open a preview (a citation card waits for a click).
    pub fn previews(&self) -> bool {
        !matches!(self, CardTarget::Paragraph(_))
    }
    /// A content-derived id for the card element.
    pub fn dom_id(&self, depth: usize) -> String {
        match self {
            CardTarget::Person(id) => format!("card-{depth}-person-{id}"),
            CardTarget::Term(id) => format!("card-{depth}-term-{id}"),
            CardTarget::Note(id) => format!("card-{depth}-note-{id}"),
            CardTarget::Paragraph(id) => format!("card-{depth}-cite-{id}"),
        }
    }
}

/// How a card is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presentation {
    /// A hover or focus preview: not interactive until pinned; described by its trigger.
    Preview,
    /// Pinned by a click or tap: a non-modal dialog beside its trigger.
    Pinned,
    /// On narrow or touch screens: a bottom sheet (`aria-modal`, focus kept inside).
    Sheet,
}

/// Screens narrower than this show pinned cards as bottom sheets.
pub const SHEET_BELOW: f64 = 640.0;

impl Presentation {
    /// How a card asked for as `self` is shown on this screen: a pinned card becomes a bottom
    /// sheet on a narrow screen or when the reader is using a finger.
    pub fn on_screen(self, viewport_width: f64, touch: bool) -> Self {
        match self {
            Presentation::Pinned if viewport_width < SHEET_BELOW || touch => Presentation::Sheet,
            other => other,
        }
    }
}

/// An open card.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenCard {
    pub target: CardTarget,
    /// The element id of the trigger, to return focus to it.
    pub trigger: String,
    pub presentation: Presentation,
    pub place: Placement,
}

impl OpenCard {
    /// Whether this card was opened by `trigger` for `target`.
    pub fn is_from(&self, trigger: &str, target: &CardTarget) -> bool {
        self.trigger == trigger && &self.target == target
    }
}

/// The stack after opening `card` from a trigger at `depth` (0 = the page, k = inside card k-1).
/// From inside a card, that card and those under it stay and the rest close; from the page,
/// pinned cards stay and previews close. So at most one preview is open that is not the parent
/// of the card being opened.
pub fn open(stack: &[OpenCard], depth: usize, card: OpenCard) -> Vec<OpenCard> {
    let mut next: Vec<OpenCard> = if depth == 0 {
        stack
            .iter()
            .filter(|c| c.presentation != Presentation::Preview)
            .cloned()
            .collect()
    } else {
        stack.iter().take(depth).cloned().collect()
    };
    if next.last().is_some_and(|c| c.is_from(&card.trigger, &card.target)) {
        next.pop();
    }
    next.push(card);
    next
}

/// The stack without its previews (the pointer or focus left them).
pub fn without_previews(stack: &[OpenCard]) -> Vec<OpenCard> {
    stack
        .iter()
        .filter(|c| c.presentation != Presentation::Preview)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::placement::{place, Rect, Screen};

    fn card(id: &str, presentation: Presentation) -> OpenCard {
        OpenCard {
            target: CardTarget::Person(id.into()),
            trigger: format!("m-{id}-1"),
            presentation,
            place: place(
                Rect {
                    left: 10.0,
                    top: 10.0,
                    width: 50.0,
                    height: 20.0,
                },
                Screen::whole(1280.0, 800.0),
            ),
        }
    }

    #[test]
    fn only_one_preview_stays_open_and_nested_cards_stack() {
        let a = card("a", Presentation::Preview);
        let b = card("b", Presentation::Preview);
        let after = open(std::slice::from_ref(&a), 0, b.clone());
        assert_eq!(after, vec![b.clone()]);
        // Hovering a name inside card a keeps a open and stacks the new card on it.
        let nested = open(std::slice::from_ref(&a), 1, b.clone());
        assert_eq!(nested, vec![a.clone(), b.clone()]);
        // A pinned card stays when a new preview opens from the page.
        let pinned = card("p", Presentation::Pinned);
        assert_eq!(open(&[pinned.clone(), a], 0, b.clone()), vec![pinned, b]);
    }

    #[test]
    fn reopening_a_card_from_its_own_trigger_replaces_it() {
        let preview = card("a", Presentation::Preview);
        let pinned = card("a", Presentation::Pinned);
        assert_eq!(open(std::slice::from_ref(&preview), 1, pinned.clone()), vec![pinned]);
    }

    #[test]
    fn previews_close_and_pinned_cards_stay() {
        let pinned = card("p", Presentation::Pinned);
        let stack = [pinned.clone(), card("a", Presentation::Preview)];
        assert_eq!(without_previews(&stack), vec![pinned]);
    }

    #[test]
    fn a_pinned_card_is_a_sheet_on_a_phone_or_under_a_finger() {
        use Presentation::*;
        assert_eq!(Pinned.on_screen(1280.0, false), Pinned);
        assert_eq!(Pinned.on_screen(360.0, false), Sheet);
        assert_eq!(Pinned.on_screen(1280.0, true), Sheet);
        // A preview stays a preview: a finger never hovers, and focus previews at any width.
        assert_eq!(Preview.on_screen(360.0, true), Preview);
    }

    #[test]
    fn a_trigger_names_its_card_and_only_citations_wait_for_a_click() {
        let from = |p: Option<&str>, c: Option<&str>| {
            CardTarget::from_attributes(p.map(String::from), None, None, c.map(String::from))
        };
        assert_eq!(from(Some("x"), None), Some(CardTarget::Person("x".into())));
        assert_eq!(from(None, Some("p3")), Some(CardTarget::Paragraph("p3".into())));
        assert_eq!(from(None, None), None);
        assert!(CardTarget::Note("n1".into()).previews());
        assert!(!CardTarget::Paragraph("p3".into()).previews());
        assert_eq!(CardTarget::Term("t".into()).dom_id(2), "card-2-term-t");
    }
}
