//! The ways the essay is met besides reading it on its own page: presentation (slides),
//! the reader tools and theme, living in a journal's frame, and offline.

pub mod embed;
pub mod offline;
pub mod present_from_frame;
pub mod presenter;
pub mod reader_tools;
pub mod slides;
pub mod theme;
pub mod wordpress;
