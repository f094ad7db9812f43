//! Deep links to cards: an address ending in `#person-<id>` or `#term-<id>` opens that card,
//! pinned beside the person's or term's static home, when the page becomes interactive.

use super::controller::CardController;
use super::state::{CardTarget, Presentation};
use crate::protocol::{PERSON_LINK_PREFIX, TERM_LINK_PREFIX};
use leptos::prelude::*;

/// The card an address's fragment (`#person-<id>`) names, if it names a person or term. (Whether
/// that person or term exists is for the page to say: its static home has that id.)
pub fn target(fragment: &str) -> Option<CardTarget> {
    let id = fragment.strip_prefix('#')?;
    if let Some(p) = id.strip_prefix(PERSON_LINK_PREFIX).filter(|p| !p.is_empty()) {
        Some(CardTarget::Person(p.to_string()))
    } else {
        let t = id.strip_prefix(TERM_LINK_PREFIX).filter(|t| !t.is_empty())?;
        Some(CardTarget::Term(t.to_string()))
    }
}

/// Opens the card the page's address names, once, in the browser.
pub fn open_from_address(cards: CardController) {
    Effect::new(move |_| {
        let Some(window) = web_sys::window() else { return };
        let fragment = window.location().hash().unwrap_or_default();
        let Some(target) = target(&fragment) else {
            return;
        };
        // The static home in the page itself (not a `<kirov-essay>` host's), as the link meant;
        // none for a person or term the essay does not have.
        let home = window.document().and_then(|d| d.get_element_by_id(&fragment[1..]));
        if let Some(home) = home {
            cards.open(&home, target, Presentation::Pinned);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_and_term_links_name_their_cards_and_nothing_else_does() {
        let c = crate::content();
        let (person, term) = (&c.people[0].id, &c.terms[0].id);
        assert_eq!(target(&format!("#person-{person}")), Some(CardTarget::Person(person.clone())));
        assert_eq!(target(&format!("#term-{term}")), Some(CardTarget::Term(term.clone())));
        assert_eq!(target("#person-"), None);
        assert_eq!(target(&format!("#{}", c.sections[0].id)), None, "a section is not a card");
        assert_eq!(target(""), None);
    }
}
