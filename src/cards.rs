//! Cards for people, terms and notes: what is open, and where a card goes. Pure, so the
//! placement rules are tested natively; `components::card_layer` drives it in the browser.

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
    /// On narrow or touch screens: a modal bottom sheet.
    Sheet,
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

/// A rectangle in viewport pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// Where a card sits: fixed position in the viewport, never over its trigger.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub left: f64,
    /// Distance from the top of the viewport (card below the trigger) …
    pub top: Option<f64>,
    /// … or from the bottom (card above the trigger, flipped near the bottom edge).
    pub bottom: Option<f64>,
    pub width: f64,
    /// The most the card may grow before it scrolls, so it stays inside the viewport.
    pub max_height: f64,
}

/// A length in whole CSS pixels.
pub fn px(v: f64) -> String {
    format!("{v:.0}px")
}

/// Gap between a card and its trigger, and between a card and the viewport edge.
const GAP: f64 = 8.0;
/// A card's preferred width.
pub const CARD_WIDTH: f64 = 352.0;

/// Places a card beside `trigger` in a viewport of `vw` × `vh`: below it when there is more
/// room below, otherwise above; shifted sideways to stay inside the viewport.
pub fn place(trigger: Rect, vw: f64, vh: f64) -> Placement {
    let width = CARD_WIDTH.min(vw - 2.0 * GAP).max(0.0);
    let left = trigger.left.min(vw - width - GAP).max(GAP);
    let below = vh - (trigger.top + trigger.height) - 2.0 * GAP;
    let above = trigger.top - 2.0 * GAP;
    if below >= above {
        Placement {
            left,
            top: Some(trigger.top + trigger.height + GAP),
            bottom: None,
            width,
            max_height: below.max(80.0),
        }
    } else {
        Placement {
            left,
            top: None,
            bottom: Some(vh - trigger.top + GAP),
            width,
            max_height: above.max(80.0),
        }
    }
}

/// Screens narrower than this show cards as bottom sheets.
pub const SHEET_BELOW: f64 = 640.0;

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
    if next
        .last()
        .is_some_and(|c| c.target == card.target && c.trigger == card.trigger)
    {
        next.pop();
    }
    next.push(card);
    next
}

#[cfg(test)]
mod tests {
    use super::*;

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
                1280.0,
                800.0,
            ),
        }
    }

    #[test]
    fn a_card_opens_below_a_trigger_near_the_top_and_never_covers_it() {
        let t = Rect {
            left: 100.0,
            top: 100.0,
            width: 80.0,
            height: 24.0,
        };
        let p = place(t, 1280.0, 800.0);
        assert_eq!(p.top, Some(132.0));
        assert!(p.top.unwrap() >= t.top + t.height);
        assert!(p.top.unwrap() + p.max_height <= 800.0);
    }

    #[test]
    fn a_card_flips_above_a_trigger_near_the_bottom() {
        let t = Rect {
            left: 100.0,
            top: 700.0,
            width: 80.0,
            height: 24.0,
        };
        let p = place(t, 1280.0, 800.0);
        assert_eq!(p.top, None);
        assert_eq!(p.bottom, Some(108.0));
        assert!(800.0 - p.bottom.unwrap() <= t.top, "the card ends above the trigger");
    }

    #[test]
    fn a_card_shifts_left_at_the_right_edge_and_fits_a_phone() {
        let p = place(
            Rect {
                left: 1200.0,
                top: 50.0,
                width: 60.0,
                height: 20.0,
            },
            1280.0,
            800.0,
        );
        assert!(p.left + p.width <= 1280.0 - GAP);
        let phone = place(
            Rect {
                left: 300.0,
                top: 50.0,
                width: 40.0,
                height: 20.0,
            },
            320.0,
            640.0,
        );
        assert!(phone.left >= GAP && phone.left + phone.width <= 320.0 - GAP + 0.001);
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
}
