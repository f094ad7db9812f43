//! The ways the essay is met besides reading it on its own page: presentation (the slide plan,
//! the deck, its keys, overview, console and channel), the reader tools and theme, living in a
//! journal's frame, and offline.

#[cfg(feature = "ssr")]
pub mod chart_fit;
pub mod embed;
pub mod key_help;
pub mod offline;
pub mod overview;
#[cfg(feature = "ssr")]
pub mod passage;
pub mod present_from_frame;
pub mod presenter;
pub mod presenter_bar;
pub mod presenter_console;
pub mod reader_tools;
pub mod slide_actions;
pub mod slide_channel;
pub mod slide_chart;
pub mod slide_charts;
pub mod slide_deck;
#[cfg(feature = "ssr")]
pub mod slide_face;
pub mod slide_keys;
#[cfg(feature = "ssr")]
pub mod slide_notes;
pub mod slide_texts;
pub mod slide_view;
#[cfg(feature = "ssr")]
pub mod slides;
#[cfg(feature = "ssr")]
pub mod speaker_notes;
pub mod stage;
pub mod theme;
pub mod wordpress;
