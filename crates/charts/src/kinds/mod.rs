//! One builder per figure kind. Each lays its chart out once, for one width and theme, and
//! returns the option, the height it laid out and the marks.

pub mod bar;
pub mod column;
pub mod diverging;
pub mod dot;
pub mod dumbbell;
pub mod slope;
pub mod timeline;
pub mod waffle;
