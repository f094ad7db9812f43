//! One Leptos component per file. Components render from `'static` content only: they read no
//! window or DOM while rendering, because the page is prerendered and then hydrated.

pub mod block;
pub mod card_layer;
pub mod chart_tooltip;
pub mod cite_card;
pub mod colophon;
pub mod data_table;
pub mod essay_section;
pub mod figure;
pub mod figure_chart;
pub mod figure_tools;
pub mod glossary_list;
pub mod inlines;
pub mod masthead;
pub mod note_card;
pub mod notes_list;
pub mod people_index;
pub mod person_card;
pub mod presenter;
pub mod reader_tools;
pub mod term_card;
pub mod toc;
