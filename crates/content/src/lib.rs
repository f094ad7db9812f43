//! The Kirov essay's content: the model the page renders, and (feature `parse`) the loader that
//! turns `data/` into it, reporting every mistake as `path:line:col: message`.

pub mod format;
pub mod model;
pub use model::*;

#[cfg(feature = "parse")]
pub mod parse;

#[cfg(feature = "parse")]
pub mod readability;
