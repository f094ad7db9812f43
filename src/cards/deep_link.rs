//! Deep links to cards: an address ending in `#person-<id>` or `#term-<id>` opens that card,
//! pinned beside the person's or term's static home, when the page becomes interactive.

use super::controller::CardController;
use super::state::{CardTarget, Presentation};
use crate::content;
use crate::protocol::{PERSON_LINK_PREFIX, TERM_LINK_PREFIX};
use kirov_content::Content;
use leptos::prelude::*;

/// The card an address's fragment (`#person-<id>`) names, if it names a person or term.
pub fn target(fragment: &str, content: &Content) -> Option<CardTarget> {
    let id = fragment.strip_prefix('#')?;
    if let Some(p) = id.strip_prefix(PERSON_LINK_PREFIX) {
        content.person(p).map(|_| CardTarget::Person(p.to_string()))
    } else if let Some(t) = id.strip_prefix(TERM_LINK_PREFIX) {
        content.term(t).map(|_| CardTarget::Term(t.to_string()))
    } else {
        None
    }
}

/// Opens the card the page's address names, once, in the browser.
pub fn open_from_address(cards: CardController) {
    Effect::new(move |_| {
        let Some(window) = web_sys::window() else { return };
        let fragment = window.location().hash().unwrap_or_default();
        let Some(target) = target(&fragment, content()) else {
            return;
        };
        // The static home in the page itself (not a `<kirov-essay>` host's), as the link meant.
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
        let c = content();
        let (person, term) = (&c.people[0].id, &c.terms[0].id);
        assert_eq!(
            target(&format!("#person-{person}"), c),
            Some(CardTarget::Person(person.clone()))
        );
        assert_eq!(
            target(&format!("#term-{term}"), c),
            Some(CardTarget::Term(term.clone()))
        );
        assert_eq!(target("#person-nobody-at-all", c), None);
        assert_eq!(
            target(&format!("#{}", c.sections[0].id), c),
            None,
            "a section is not a card"
        );
        assert_eq!(target("", c), None);
    }
}
