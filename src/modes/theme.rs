//! The reader's colour theme: the system's (`Auto`), or light or dark by choice. One name serves
//! the page (`data-theme`), the reader's storage (read again by assets/boot.js before the wasm
//! loads) and the frame protocol (a host may choose for its readers).

use crate::protocol::{self, AUTO_THEME, DARK_THEME, LIGHT_THEME};
use leptos::prelude::RwSignal;

/// A colour theme the reader can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

/// Context: the reader's theme choice, set by the reader tools or a host frame.
#[derive(Clone, Copy)]
pub struct ChosenTheme(pub RwSignal<ThemeChoice>);

/// Where the choice is remembered.
const KEY: &str = protocol::THEME_STORAGE_KEY;

impl ThemeChoice {
    /// Every choice, in the order the reader tools offer them.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// The `data-theme` value and the remembered value; none for `Auto`, which sets neither.
    pub fn name(self) -> Option<&'static str> {
        match self {
            ThemeChoice::Auto => None,
            ThemeChoice::Light => Some(LIGHT_THEME),
            ThemeChoice::Dark => Some(DARK_THEME),
        }
    }

    /// What its button says.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "Auto",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// From a remembered value or a host's message (which may also say `auto`); junk is `None`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            AUTO_THEME => Some(ThemeChoice::Auto),
            LIGHT_THEME => Some(ThemeChoice::Light),
            DARK_THEME => Some(ThemeChoice::Dark),
            _ => None,
        }
    }

    /// The choice remembered from an earlier visit. Browser only (call it from an Effect).
    pub fn remembered() -> Option<Self> {
        Self::from_name(&storage()?.get_item(KEY).ok()??)
    }

    /// Remembers this choice; `Auto` forgets any earlier one. Browser only.
    pub fn remember(self) {
        if let Some(s) = storage() {
            let _ = match self.name() {
                Some(name) => s.set_item(KEY, name),
                None => s.remove_item(KEY),
            };
        }
    }
}

/// `localStorage`, where allowed: reading it throws in a sandboxed frame, which counts as absent.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_is_known_by_its_own_name_and_auto_sets_none() {
        for choice in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::from_name(choice.name().unwrap_or("auto")), Some(choice));
        }
        assert_eq!(ThemeChoice::Auto.name(), None);
        assert_eq!(ThemeChoice::from_name("sepia"), None);
        assert_eq!(ThemeChoice::default(), ThemeChoice::Auto);
    }
}
