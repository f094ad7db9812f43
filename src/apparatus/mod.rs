//! The essay's apparatus: notes, people and glossary, each the static home that its cards
//! (`crate::cards`) open from and link back to.

pub mod glossary_list;
pub mod notes_list;
pub mod people_filter;
pub mod people_index;
