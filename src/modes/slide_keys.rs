//! What each key does while presenting, in one table the help (`?`) lists and the key handler
//! follows. Clickers and presentation remotes send the same keys (PageDown, PageUp, B, .).
//! Pure, so it is tested natively.

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Show this slide (0-based).
    Go(usize),
    /// Blank the screen to black, or bring the slide back.
    Blank,
    /// Open or close the overview of every slide.
    Overview,
    /// Toggle full screen.
    FullScreen,
    /// Open the presenter console in a second window.
    Console,
    /// Show or hide the list of keys.
    Help,
    /// A digit, kept until Enter.
    Typed,
    Nothing,
}

/// Every key, as the help lists them.
pub const KEYS: [(&str, &str); 12] = [
    ("→  ↓  PageDown  Space", "Next slide"),
    ("←  ↑  PageUp  Shift+Space", "Previous slide"),
    ("Home  End", "First or last slide"),
    ("A number, then Enter", "Go to that slide"),
    ("B  or  .", "Blank the screen to black, and back"),
    ("O  or  Esc", "Overview of every slide (Esc again closes it)"),
    ("F", "Full screen on or off"),
    ("S", "Presenter console in a second window"),
    ("?", "This list of keys"),
    ("Tab", "The buttons of the slide bar, and names on the slide"),
    ("Enter on a name", "Its card (Esc closes it)"),
    ("Exit button", "Back to the essay, at this slide's passage"),
];

/// What `key` does at slide `at` of `count`. Digits are collected in `typed` until Enter takes
/// them as a slide number. Space goes forward and Shift+Space back, as in a scrolling page.
pub fn key_action(key: &str, shift: bool, typed: &mut String, at: usize, count: usize) -> KeyAction {
    let last = count.saturating_sub(1);
    let digit = key.len() == 1 && key.chars().all(|c| c.is_ascii_digit());
    if !digit && key != "Enter" {
        typed.clear();
    }
    match key {
        " " if shift => KeyAction::Go(at.saturating_sub(1)),
        "ArrowRight" | "ArrowDown" | "PageDown" | " " => KeyAction::Go((at + 1).min(last)),
        "ArrowLeft" | "ArrowUp" | "PageUp" => KeyAction::Go(at.saturating_sub(1)),
        "Home" => KeyAction::Go(0),
        "End" => KeyAction::Go(last),
        "b" | "B" | "." => KeyAction::Blank,
        "o" | "O" | "Escape" => KeyAction::Overview,
        "f" | "F" => KeyAction::FullScreen,
        "s" | "S" => KeyAction::Console,
        "?" => KeyAction::Help,
        "Enter" => std::mem::take(typed)
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count).contains(n))
            .map_or(KeyAction::Nothing, |n| KeyAction::Go(n - 1)),
        k if digit => {
            typed.push_str(k);
            KeyAction::Typed
        }
        _ => KeyAction::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_step_and_jump_within_the_slides() {
        let mut typed = String::new();
        let mut key = |k: &str, at| key_action(k, false, &mut typed, at, 10);
        assert_eq!(key("ArrowRight", 3), KeyAction::Go(4));
        assert_eq!(key("PageDown", 3), KeyAction::Go(4));
        assert_eq!(key(" ", 9), KeyAction::Go(9), "the last slide stays");
        assert_eq!(key("PageUp", 0), KeyAction::Go(0));
        assert_eq!(key("End", 2), KeyAction::Go(9));
        assert_eq!(
            key_action(" ", true, &mut String::new(), 4, 10),
            KeyAction::Go(3),
            "Shift+Space goes back"
        );
    }

    #[test]
    fn clicker_and_room_keys() {
        let mut typed = String::new();
        for (k, action) in [
            ("b", KeyAction::Blank),
            ("B", KeyAction::Blank),
            (".", KeyAction::Blank),
            ("o", KeyAction::Overview),
            ("Escape", KeyAction::Overview),
            ("f", KeyAction::FullScreen),
            ("S", KeyAction::Console),
            ("?", KeyAction::Help),
            ("x", KeyAction::Nothing),
        ] {
            assert_eq!(key_action(k, false, &mut typed, 2, 10), action, "{k}");
        }
    }

    #[test]
    fn a_number_then_enter_goes_to_that_slide_and_nonsense_is_ignored() {
        let mut typed = String::new();
        assert_eq!(key_action("1", false, &mut typed, 0, 12), KeyAction::Typed);
        assert_eq!(key_action("2", false, &mut typed, 0, 12), KeyAction::Typed);
        assert_eq!(key_action("Enter", false, &mut typed, 0, 12), KeyAction::Go(11));
        assert_eq!(key_action("9", false, &mut typed, 0, 5), KeyAction::Typed);
        assert_eq!(
            key_action("Enter", false, &mut typed, 0, 5),
            KeyAction::Nothing,
            "no slide 9 of 5"
        );
        assert_eq!(
            key_action("Enter", false, &mut typed, 0, 5),
            KeyAction::Nothing,
            "nothing typed"
        );
        assert_eq!(key_action("3", false, &mut typed, 0, 5), KeyAction::Typed);
        assert_eq!(key_action("ArrowRight", false, &mut typed, 0, 5), KeyAction::Go(1));
        assert_eq!(
            key_action("Enter", false, &mut typed, 0, 5),
            KeyAction::Nothing,
            "another key drops the number"
        );
    }

    #[test]
    fn the_help_lists_every_key_the_handler_knows() {
        let listed: String = KEYS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(" ");
        for k in [
            "PageDown", "PageUp", "Space", "B", ".", "O", "Esc", "F", "S", "?", "Enter", "Home", "End",
        ] {
            assert!(listed.contains(k), "{k} is not in the help");
        }
    }
}
