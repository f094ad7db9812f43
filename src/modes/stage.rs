//! The presentation's state, shared by every part of it (the deck, the bar, the overview, the
//! help, the console and the channel between windows): which slide is shown, the room's other
//! states, and the address of a slide. Parts import this, never each other.

use crate::protocol::{CONSOLE_MODE, MODE_PARAM, PRESENT_MODE, SLIDE_LINK_PREFIX};
use leptos::prelude::*;

/// `None` while reading; `Some(i)` while presenting slide `i`.
#[derive(Clone, Copy)]
pub struct Presenting(pub RwSignal<Option<usize>>);

/// The presentation's other states, shared by the bar, the overview, the help and the console.
#[derive(Clone, Copy)]
pub struct Stage {
    /// The screen is blanked to black (B or .).
    pub blank: RwSignal<bool>,
    /// The overview of every slide is open (O or Esc).
    pub overview: RwSignal<bool>,
    /// The list of keys is open (?).
    pub help: RwSignal<bool>,
    /// This window is the presenter's console, not the room's screen.
    pub console: RwSignal<bool>,
}

impl Stage {
    pub fn new() -> Stage {
        Stage {
            blank: RwSignal::new(false),
            overview: RwSignal::new(false),
            help: RwSignal::new(false),
            console: RwSignal::new(false),
        }
    }

    /// The mode the page is in while presenting: the room's slides or the console.
    pub fn mode(self) -> &'static str {
        if self.console.get() {
            CONSOLE_MODE
        } else {
            PRESENT_MODE
        }
    }
}

impl Default for Stage {
    fn default() -> Self {
        Stage::new()
    }
}

/// The address of slide `slide` (0-based) on the page at `path`, in the room's window or the
/// console, or of the page itself.
pub fn slide_url(path: &str, slide: Option<usize>, console: bool) -> String {
    let mode = if console { CONSOLE_MODE } else { PRESENT_MODE };
    match slide {
        Some(i) => format!("{path}?{MODE_PARAM}={mode}#{SLIDE_LINK_PREFIX}{}", i + 1),
        None => path.to_string(),
    }
}

/// `#slide-7` → index 6; anything else → None.
pub fn from_hash(hash: &str, count: usize) -> Option<usize> {
    let n: usize = hash.strip_prefix('#')?.strip_prefix(SLIDE_LINK_PREFIX)?.parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_has_its_own_address_and_leaving_restores_the_page_address() {
        assert_eq!(slide_url("/essay/", Some(6), false), "/essay/?mode=present#slide-7");
        assert_eq!(slide_url("/essay/", Some(0), true), "/essay/?mode=console#slide-1");
        assert_eq!(slide_url("/essay/", None, false), "/essay/");
    }
}
