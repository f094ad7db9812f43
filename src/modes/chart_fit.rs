//! A chart sized for a slide: it takes the space left under the slide's title. The chart
//! builders lay a chart out for a width (its height follows from rows of labels or square
//! cells), so fitting a box means choosing the label size and the width: the largest labels
//! whose chart fits the box at full width, else the smallest labels at the widest width that
//! fits. Label sizes scale with the screen's height, as the slide's type does: a 1024×768
//! projector shows the same picture as a 1920×1080 one, with fewer pixels. Pure, so every
//! figure is tested natively against the projector sizes.

use kirov_charts::{build, Drawing, Theme};
use kirov_content::{Content, Figure};

/// Label sizes tried at 1080 px of screen height, largest first; the smallest is the projector
/// theme's own (22 px).
pub const LABEL_SIZES: [f64; 8] = [36.0, 34.0, 32.0, 30.0, 28.0, 26.0, 24.0, 22.0];
/// The smallest label size, at 1080 px: the projector theme's.
pub const SMALLEST: f64 = 22.0;
/// The largest.
pub const LARGEST: f64 = 36.0;
/// A slide is this many of its em tall (style/present.css: 32 px type at 1080 px).
pub const SLIDE_HEIGHT_EM: f64 = 33.75;
/// The screen height the label sizes are given for.
const FULL_HD: f64 = 1080.0;
/// Widths tried when even the smallest labels are too tall at full width, as shares of the box.
const NARROWER: [f64; 14] = [
    0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3,
];

/// A chart laid out for a box.
pub struct Fit {
    /// The theme to draw it in: `base` with the chosen label size.
    pub theme: Theme,
    /// The width to draw it at (px).
    pub width: f64,
    pub drawing: Drawing,
}

/// Lays `figure` out to fit a `width` × `height` box on a screen `screen_height` px tall, in
/// `base` (the projector theme, with or without animation), with labels of at most `largest` px
/// at 1080 px of height (the browser lowers it when the drawn labels turn out wider than the
/// builder's estimate of them).
pub fn fit(
    figure: &Figure,
    content: &Content,
    base: &Theme,
    width: f64,
    height: f64,
    screen_height: f64,
    largest: f64,
) -> Fit {
    let scale = scale(screen_height);
    let with_labels = |size: f64| Theme {
        font_size: (size * scale).round(),
        ..base.clone()
    };
    let width = width.max(1.0).floor();
    let mut smallest: Option<Fit> = None;
    let sizes = LABEL_SIZES.into_iter().filter(|s| *s <= largest || *s == SMALLEST);
    for size in sizes {
        let theme = with_labels(size);
        let drawing = build(figure, content, &theme, width);
        if drawing.height <= height {
            return Fit { theme, width, drawing };
        }
        smallest = Some(Fit { theme, width, drawing });
    }
    // Too tall even with the smallest labels: the widest narrower width that fits, or failing
    // that the width that comes closest (narrowing helps square cells, not wrapped labels).
    let theme = with_labels(SMALLEST);
    let mut best = smallest.expect("label sizes are tried");
    for share in NARROWER {
        let w = (width * share).floor();
        let drawing = build(figure, content, &theme, w);
        if drawing.height <= height {
            return Fit {
                theme,
                width: w,
                drawing,
            };
        }
        if drawing.height < best.drawing.height {
            best = Fit {
                theme: theme.clone(),
                width: w,
                drawing,
            };
        }
    }
    best
}

/// How much smaller than at 1080 px of screen height everything on a slide is.
pub fn scale(screen_height: f64) -> f64 {
    (screen_height / FULL_HD).clamp(0.2, 1.0)
}

/// The label size (at 1080 px) a drawn `font_size` stands for: what to lower from.
pub fn unscaled(font_size: f64, screen_height: f64) -> f64 {
    (font_size / scale(screen_height)).round()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The space under a figure slide's title at the four projector sizes (screen → chart box),
    /// as style/present.css lays it out for a two-line title (tests/e2e/slides measures the
    /// real ones).
    const BOXES: [(&str, f64, f64, f64); 4] = [
        ("1024×768", 950.0, 520.0, 768.0),
        ("1280×720", 1200.0, 490.0, 720.0),
        ("1366×768", 1290.0, 520.0, 768.0),
        ("1920×1080", 1820.0, 730.0, 1080.0),
    ];

    #[test]
    fn every_figure_fits_every_projector_box_with_labels_scaled_from_22_px() {
        let c = crate::content();
        let base = Theme::projector();
        for f in &c.figures {
            for (screen, w, h, screen_h) in BOXES {
                let fit = fit(f, c, &base, w, h, screen_h, LARGEST);
                assert!(
                    fit.drawing.height <= h,
                    "{} at {screen}: {} > {h}",
                    f.id,
                    fit.drawing.height
                );
                assert!(
                    fit.theme.font_size >= (22.0 * screen_h / 1080.0).round(),
                    "{} at {screen}",
                    f.id
                );
                assert!(fit.width <= w);
            }
        }
    }

    #[test]
    fn a_box_with_room_to_spare_gets_larger_labels_and_a_small_screen_smaller_ones() {
        let c = crate::content();
        let f = &c.figures[0];
        let small = fit(f, c, &Theme::projector(), 940.0, 300.0, 1080.0, LARGEST);
        let large = fit(f, c, &Theme::projector(), 940.0, 3000.0, 1080.0, LARGEST);
        assert!(large.theme.font_size > small.theme.font_size);
        assert_eq!(large.theme.font_size, LARGEST);
        let capped = fit(f, c, &Theme::projector(), 940.0, 3000.0, 1080.0, 30.0);
        assert_eq!(capped.theme.font_size, 30.0, "labels found too wide are capped");
        let low = fit(f, c, &Theme::projector(), 940.0, 3000.0, 540.0, LARGEST);
        assert_eq!(low.theme.font_size, LARGEST / 2.0);
        assert_eq!(unscaled(low.theme.font_size, 540.0), LARGEST);
    }

    #[test]
    #[ignore = "prints the fitted sizes, for tuning by eye"]
    fn print_fits() {
        let c = crate::content();
        for f in &c.figures {
            for (screen, w, h, screen_h) in BOXES {
                let fit = fit(f, c, &Theme::projector(), w, h, screen_h, LARGEST);
                let share = 100.0 * fit.drawing.height / h;
                println!(
                    "{:24} {screen:10} labels {:2} width {:5.0} height {:4.0} ({share:.0} % of box)",
                    f.id, fit.theme.font_size, fit.width, fit.drawing.height
                );
            }
        }
    }
}
