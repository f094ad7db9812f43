//! The prose as the reader reads it: one component per file, rendered from `'static` content
//! only (no window or DOM while rendering: the page is prerendered, then hydrated).

pub mod block;
pub mod colophon;
pub mod essay_section;
pub mod masthead;
pub mod progress;
pub mod toc;
