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
    /// Where a sheet goes on a low landscape screen: the side away from its trigger.
    pub side: SheetSide,
}

/// The side of a low landscape screen a sheet takes, leaving the tapped words beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetSide {
    Left,
    Right,
}

impl SheetSide {
    /// The side away from a trigger centred at `x` in a viewport `vw` wide.
    pub fn away_from(x: f64, vw: f64) -> Self {
        if x > vw / 2.0 {
            SheetSide::Left
        } else {
            SheetSide::Right
        }
    }
    /// As the sheet's `data-side`.
    pub fn name(self) -> &'static str {
        match self {
            SheetSide::Left => "left",
            SheetSide::Right => "right",
        }
    }
}

/// Gap between a card and its trigger, and between a card and the viewport edge.
const GAP: f64 = 8.0;
/// Room below a trigger that is enough for a card, whatever the room above.
const PREFER_BELOW: f64 = 240.0;
/// A card's preferred width.
pub const CARD_WIDTH: f64 = 352.0;

/// The reader's screen in viewport pixels: the whole viewport on the essay's own page, or the
/// band of a tall frame the host reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    /// The band on screen: its top and height.
    pub top: f64,
    pub height: f64,
    /// The viewport's width and height.
    pub width: f64,
    pub viewport_height: f64,
}

impl Screen {
    /// A viewport that is all on screen.
    pub fn whole(width: f64, height: f64) -> Self {
        Screen {
            top: 0.0,
            height,
            width,
            viewport_height: height,
        }
    }
}

/// Places a card beside `trigger` on `screen`: below it when a card fits there or there is more
/// room below, otherwise above; shifted sideways to stay inside the screen.
pub fn place(trigger: Rect, screen: Screen) -> Placement {
    let vw = screen.width;
    let width = CARD_WIDTH.min(vw - 2.0 * GAP).max(0.0);
    let left = trigger.left.min(vw - width - GAP).max(GAP);
    let below = screen.top + screen.height - (trigger.top + trigger.height) - 2.0 * GAP;
    let above = trigger.top - screen.top - 2.0 * GAP;
    let side = SheetSide::away_from(trigger.left + trigger.width / 2.0, vw);
    // Below whenever a card fits there: a reader moving down the page (or Tabbing through it)
    // keeps the lines above, already read, in view less than the line being read.
    if below >= PREFER_BELOW.min(above) {
        Placement {
            left,
            top: Some(trigger.top + trigger.height + GAP),
            bottom: None,
            width,
            max_height: below.max(80.0),
            side,
        }
    } else {
        Placement {
            left,
            top: None,
            bottom: Some(screen.viewport_height - trigger.top + GAP),
            width,
            max_height: above.max(80.0),
            side,
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
        let p = place(t, Screen::whole(1280.0, 800.0));
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
        let p = place(t, Screen::whole(1280.0, 800.0));
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
            Screen::whole(1280.0, 800.0),
        );
        assert!(p.left + p.width <= 1280.0 - GAP);
        let phone = place(
            Rect {
                left: 300.0,
                top: 50.0,
                width: 40.0,
                height: 20.0,
            },
            Screen::whole(320.0, 640.0),
        );
        assert!(phone.left >= GAP && phone.left + phone.width <= 320.0 - GAP + 0.001);
    }

    #[test]
    fn a_card_stays_below_its_trigger_while_it_fits_there() {
        let t = Rect {
            left: 100.0,
            top: 450.0,
            width: 80.0,
            height: 24.0,
        };
        let p = place(t, Screen::whole(1280.0, 800.0));
        assert_eq!(
            p.top,
            Some(482.0),
            "310 px below is room enough, though 434 px are above"
        );
    }

    #[test]
    fn in_a_tall_frame_a_card_opens_inside_the_band_the_reader_sees() {
        // A 412 × 80,000 px frame of which the reader sees 40,000–40,915.
        let screen = Screen {
            top: 40_000.0,
            height: 915.0,
            width: 412.0,
            viewport_height: 80_000.0,
        };
        let low = Rect {
            left: 40.0,
            top: 40_800.0,
            width: 80.0,
            height: 24.0,
        };
        let p = place(low, screen);
        assert_eq!(
            p.bottom,
            Some(80_000.0 - 40_800.0 + GAP),
            "above it: the band ends 91 px below"
        );
        assert!(
            p.max_height <= 800.0 - 2.0 * GAP,
            "and no taller than the band above it"
        );
        let high = Rect { top: 40_050.0, ..low };
        let p = place(high, screen);
        assert_eq!(p.top, Some(40_050.0 + 24.0 + GAP));
        assert!(p.top.unwrap() + p.max_height <= 40_915.0);
    }

    #[test]
    fn a_sheet_takes_the_side_away_from_its_trigger() {
        assert_eq!(SheetSide::away_from(700.0, 915.0), SheetSide::Left);
        assert_eq!(SheetSide::away_from(200.0, 915.0), SheetSide::Right);
    }
}
