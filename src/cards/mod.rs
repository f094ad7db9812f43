//! Cards for people, terms, notes and paragraphs, in these parts:
//! - what is open, and where it goes: [`state`] and [`placement`], pure and tested natively;
//! - [`controller`]: the reader's events, delegated from the essay's root ([`root_events`]), with
//!   the controller's state in one context value; [`deep_link`] opens the card an address names;
//! - the views: [`layer`] (the open cards), [`frame`] (one card as a preview, a pinned card or a
//!   bottom sheet) and one body per kind of card: [`person_card`], [`term_card`],
//!   [`note_card`], [`cite_card`]; [`warm_up`] has the page meet the cards' type before a first card.

pub mod card_texts;
pub mod cite_card;
pub mod controller;
pub mod deep_link;
pub mod frame;
pub mod layer;
pub mod note_card;
pub mod person_card;
pub mod placement;
pub mod root_events;
pub mod sheet;
pub mod state;
pub mod term_card;
pub mod warm_up;
