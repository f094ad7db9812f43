//! Moving through the essay: jumps that land where they point, and a history in which Back
//! closes the card the reader opened and returns them to the passage they left.

pub mod history;
pub mod place;
