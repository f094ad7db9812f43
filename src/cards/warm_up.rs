//! The card fonts' warm-up: one person's card, written hidden into the prerendered page, which
//! assets/warm-up.js lays out unseen, a part at a time in tasks of its own, and then removes: a
//! second after load, when the page is idle, unless the reader has begun by then (a first
//! gesture, or a card link; it is then only removed).
//!
//! Why: a card's type (its weights, sizes, small capitals and Cyrillic) is not the prose's, and a
//! browser finds a font's files the first time text needs them. On a phone (4× CPU slowdown)
//! that was about 30 ms of the first card's 38 ms layout, inside the tap that opened it. Done
//! here, it costs the same while the page is idle, and needs no wasm. Not while the reader
//! scrolls: sharing the main thread, it made a phone bench's first scroll 75–160 ms longer.
//!
//! Never seen or heard: `hidden` until warm-up.js lays it out (then `visibility: hidden`,
//! style/cards.css), `aria-hidden` and `inert`. Its one id is its own.

use super::person_card::PersonCard;
use crate::protocol::WARM_UP_CLASS;
use kirov_content::Person;
use leptos::prelude::*;

#[component]
pub fn CardWarmUp() -> impl IntoView {
    let person = most_complete(&crate::content().people);
    view! {
        <div class=WARM_UP_CLASS hidden aria-hidden="true" inert>
            <div class="card card-sheet">
                <button type="button" class="card-close">"×"</button>
                {person.map(|person| view! { <PersonCard person heading_id="card-warm-up-title".to_string() /> })}
            </div>
        </div>
    }
}

/// How many of the parts a person's card may have (Cyrillic, other spellings, key moments,
/// mentions, related people) `p` has.
fn parts(p: &Person) -> usize {
    [
        p.cyrillic.is_some(),
        !p.variants.is_empty(),
        !p.moments.is_empty(),
        !p.mentions.is_empty(),
        !p.related.is_empty(),
    ]
    .into_iter()
    .filter(|&has| has)
    .count()
}

/// The first person whose card has the most of those parts (all of them in this essay), so every
/// face of a card's type is met.
fn most_complete(people: &[Person]) -> Option<&Person> {
    // `max_by_key` keeps the last of equals: reversed, the first.
    people.iter().rev().max_by_key(|p| parts(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every part `parts` counts.
    const PARTS: usize = 5;

    #[test]
    fn the_warm_up_shows_the_first_card_with_every_part() {
        let people = &crate::content().people;
        let chosen = most_complete(people).expect("the essay has people");
        assert_eq!(
            parts(chosen),
            PARTS,
            "{} lacks a part; some person has them all",
            chosen.id
        );
        let first = people.iter().position(|p| parts(p) == PARTS);
        assert_eq!(people.iter().position(|p| p.id == chosen.id), first);
    }
}
