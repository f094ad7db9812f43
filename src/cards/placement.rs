//! Where a card goes: beside its trigger, inside the viewport, never over the trigger. Pure, so
//! the rules are tested natively.

/// A rectangle in viewport pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// Where a card sits: fixed position in the viewport, never over its trigger.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub left: f64,
    /// Distance from the top of the viewport (card below the trigger) …
    pub top: Option<f64>,
    /// … or from the bottom (card above the trigger, flipped near the bottom edge).
    pub bottom: Option<f64>,
    pub width: f64,
    /// The most the card may grow before it scrolls, so it stays inside the viewport.
    pub max_height: f64,
}

/// Gap between a card and its trigger, and between a card and the viewport edge.
const GAP: f64 = 8.0;
/// A card's preferred width.
pub const CARD_WIDTH: f64 = 352.0;

/// Places a card beside `trigger` in a viewport of `vw` × `vh`: below it when there is more
/// room below, otherwise above; shifted sideways to stay inside the viewport.
pub fn place(trigger: Rect, vw: f64, vh: f64) -> Placement {
    let width = CARD_WIDTH.min(vw - 2.0 * GAP).max(0.0);
    let left = trigger.left.min(vw - width - GAP).max(GAP);
    let below = vh - (trigger.top + trigger.height) - 2.0 * GAP;
    let above = trigger.top - 2.0 * GAP;
    if below >= above {
        Placement {
            left,
            top: Some(trigger.top + trigger.height + GAP),
            bottom: None,
            width,
            max_height: below.max(80.0),
        }
    } else {
        Placement {
            left,
            top: None,
            bottom: Some(vh - trigger.top + GAP),
            width,
            max_height: above.max(80.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_opens_below_a_trigger_near_the_top_and_never_covers_it() {
        let t = Rect {
            left: 100.0,
            top: 100.0,
            width: 80.0,
            height: 24.0,
        };
        let p = place(t, 1280.0, 800.0);
        assert_eq!(p.top, Some(132.0));
        assert!(p.top.unwrap() >= t.top + t.height);
        assert!(p.top.unwrap() + p.max_height <= 800.0);
    }

    #[test]
    fn a_card_flips_above_a_trigger_near_the_bottom() {
        let t = Rect {
            left: 100.0,
            top: 700.0,
            width: 80.0,
            height: 24.0,
        };
        let p = place(t, 1280.0, 800.0);
        assert_eq!(p.top, None);
        assert_eq!(p.bottom, Some(108.0));
        assert!(800.0 - p.bottom.unwrap() <= t.top, "the card ends above the trigger");
    }

    #[test]
    fn a_card_shifts_left_at_the_right_edge_and_fits_a_phone() {
        let p = place(
            Rect {
                left: 1200.0,
                top: 50.0,
                width: 60.0,
                height: 20.0,
            },
            1280.0,
            800.0,
        );
        assert!(p.left + p.width <= 1280.0 - GAP);
        let phone = place(
            Rect {
                left: 300.0,
                top: 50.0,
                width: 40.0,
                height: 20.0,
            },
            320.0,
            640.0,
        );
        assert!(phone.left >= GAP && phone.left + phone.width <= 320.0 - GAP + 0.001);
    }

    #[test]
    fn lengths_are_whole_pixels() {}
}
