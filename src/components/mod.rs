//! One Leptos component per file (the cards have their own room, `crate::cards`). Components
//! render from `'static` content only: they read no window or DOM while rendering, because the
//! page is prerendered and then hydrated.

pub mod block;
pub mod chart_tooltip;
pub mod colophon;
pub mod data_table;
pub mod essay_section;
pub mod figure;
pub mod figure_chart;
pub mod figure_tools;
pub mod glossary_list;
pub mod inlines;
pub mod masthead;
pub mod notes_list;
pub mod people_index;
pub mod presenter;
pub mod reader_tools;
pub mod toc;
