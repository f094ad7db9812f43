//! Round tick steps for value axes that fit their labels.

use crate::text::text_width;
use crate::Theme;

/// A round tick step (1, 2, 2.5 or 5 times a power of ten) dividing `span` into at most
/// `max_ticks` intervals.
pub(crate) fn nice_step(span: f64, max_ticks: f64) -> f64 {
    let raw = (span / max_ticks.max(1.0)).abs();
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// The round tick step for an axis over at least `lo..hi` that wastes the least room: of the
/// steps whose tick labels (each `label_w` px, plus a gap) fit `plot_w` px without touching,
/// the one whose rounded-out axis is shortest (the coarser one on a tie), with at least two
/// intervals if any fit.
pub(crate) fn fitting_step(lo: f64, hi: f64, plot_w: f64, label_w: f64) -> f64 {
    let span = hi - lo;
    let intervals = |step: f64| ((hi / step).ceil() - (lo / step).floor()).max(1.0);
    let fitting: Vec<f64> = (1..=12)
        .map(|ticks| nice_step(span, f64::from(ticks)))
        .filter(|step| plot_w / intervals(*step) >= label_w + 24.0)
        .collect();
    let several: Vec<f64> = fitting.iter().copied().filter(|s| intervals(*s) >= 2.0).collect();
    let candidates = if several.is_empty() { fitting } else { several };
    candidates
        .into_iter()
        .min_by(|a, b| (intervals(*a) * a).total_cmp(&(intervals(*b) * b)).then(b.total_cmp(a)))
        .unwrap_or_else(|| nice_step(span, 1.0))
}

/// How many tick intervals fit across `plot_w` px with labels like `sample` (1 to 6).
pub(crate) fn tick_count(theme: &Theme, plot_w: f64, sample: &str) -> f64 {
    (plot_w / (text_width(theme, sample) + 24.0)).floor().clamp(1.0, 6.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(200_374.0, 2.0), 200_000.0);
        assert_eq!(nice_step(200_374.0, 4.0), 100_000.0);
        assert_eq!(nice_step(100.0, 4.0), 25.0);
        assert_eq!(nice_step(60.0, 6.0), 10.0);
        assert_eq!(nice_step(0.0, 6.0), 1.0);
    }

    #[test]
    fn fitting_steps_waste_little_room() {
        // 0 to 200,374 with 60 px labels: in 260 px, 0..300,000 in steps of 100,000; in
        // 200 px, steps of 200,000 (one of 250,000 would be shorter, but says less).
        assert_eq!(fitting_step(0.0, 200_374.0, 260.0, 60.0), 100_000.0);
        assert_eq!(fitting_step(0.0, 200_374.0, 200.0, 60.0), 200_000.0);
        // 74 to 152 in 900 px: steps of 10, 80..160 rather than 60..160 in steps of 20.
        assert_eq!(fitting_step(74.0, 152.0, 900.0, 30.0), 10.0);
        // No room at all: one interval.
        assert_eq!(fitting_step(0.0, 100.0, 10.0, 60.0), 100.0);
    }
}
