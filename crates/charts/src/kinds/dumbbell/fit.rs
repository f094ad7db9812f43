//! Fitting a dumbbell chart's value labels: the pairs with their labels, and the axis bounds
//! that leave room for every label beside its dot.

use super::{dot, margins, Pair};
use crate::encoding::{claimant_name, drawn, per};
use crate::text;
use crate::ticks;
use crate::Theme;
use kirov_content::{format, Content, Figure, Row};

/// Axis bounds so that every label fits: labels of width `left` end at their dot's x and
/// labels of width `right` start there. Returns `None` when the labels cannot share the plot,
/// or would leave the data less than a fifth of it.
///
/// With `d` units across `plot_w` px, a point `(x, l, r)` needs the axis to reach from
/// `x - l·d/plot_w` to `x + r·d/plot_w`. Every pair (i left, j right) then needs
/// `d ≥ (x_j - x_i) / (1 - (l_i + r_j)/plot_w)`; the span is the largest of these.
pub(super) fn bounds(points: &[(f64, f64, f64)], plot_w: f64) -> Option<(f64, f64)> {
    let lo = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() || plot_w.is_nan() || plot_w <= 0.0 {
        return None;
    }
    let span = (hi - lo).max(1.0);
    let mut d = span;
    for (xi, li, _) in points {
        for (xj, _, rj) in points {
            let room = 1.0 - (li + rj) / plot_w;
            if room <= 0.0 {
                return None;
            }
            d = d.max((xj - xi) / room);
        }
    }
    // The data must keep at least a fifth of the plot, or the labels win.
    if span / d < 0.2 {
        return None;
    }
    let per_px = d / plot_w;
    let min = points.iter().map(|(x, l, _)| x - l * per_px).fold(lo, f64::min);
    let max = points.iter().map(|(x, _, r)| x + r * per_px).fold(hi, f64::max);
    // Whatever the labels leave spare is shared out either side.
    let spare = (d - (max - min)).max(0.0) / 2.0;
    Some((min - spare, max + spare))
}

/// The pairs, their labels and the axis for one arrangement (row names beside the axis, or
/// `narrow`: above each dumbbell).
pub(super) struct Arrangement<'a> {
    pub pairs: Vec<Pair<'a>>,
    pub narrow: bool,
    pub title_w: f64,
    pub gap: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// The part of the axis the data spans; 0 when the values could not be fitted at all.
    pub share: f64,
}

pub(super) fn arrange<'a>(
    figure: &'a Figure,
    content: &'a Content,
    theme: &Theme,
    width: f64,
    narrow: bool,
) -> Arrangement<'a> {
    let dot = dot(theme);
    let title_chars = text::chars_in(theme, if narrow { width - 16.0 } else { width * 0.26 }, 10);
    let mut pairs = Vec::new();
    for series in drawn(figure, content) {
        let Some(&base) = series.rows.first() else { continue };
        if !(base.value.is_finite() && base.value > 0.0) {
            continue; // Cannot be a baseline; drawn in the table only.
        }
        let other = series.rows.get(1).copied();
        // The second figure is scaled to the first's stretch of time, if they differ.
        let other_per = other.and_then(|o| per(figure, o));
        let scale = match (per(figure, base), other_per) {
            (Some(b), Some(o)) if b != o => f64::from(b.months()) / f64::from(o.months()),
            _ => 1.0,
        };
        let mut title = series.name;
        if let (Some(o), true) = (other_per, scale != 1.0) {
            title = format!(
                "{title} ({} figure placed ×{})",
                o.adjective(),
                format::number(&scale.to_string())
            );
        }
        let label = |r: &Row, scaled: bool| {
            let mut t = format::value(r);
            if let (Some(o), true) = (other_per, scaled && scale != 1.0) {
                t = format!("{t} a {}", o.key());
            }
            if let (false, Some(who)) = (narrow, claimant_name(content, r)) {
                t = format!("{t} ({who})");
            }
            t
        };
        pairs.push(Pair {
            base,
            other,
            scale,
            title: text::wrap(&title, title_chars),
            base_full: label(base, false),
            other_full: other.map(|o| label(o, true)).unwrap_or_default(),
            base_text: String::new(),
            other_text: String::new(),
        });
    }

    // Dots and diamonds (1.3 times a dot) keep their labels this far from their centres.
    let gap = dot * 0.65 + 6.0;
    let title_w = pairs
        .iter()
        .map(|p| text::text_width(theme, &p.title))
        .fold(0.0, f64::max);
    let (left, right) = margins(theme, narrow, title_w);
    let plot_w = width - left - right;
    // Each point with the room its label needs: (x, px to its left, px to its right).
    let points = |pairs: &[Pair], chars: usize| -> Vec<(f64, f64, f64)> {
        let w = |t: &str| text::text_width(theme, &text::wrap(t, chars)) + gap;
        let mut points = Vec::new();
        for p in pairs {
            let (b, o) = (w(&p.base_full), w(&p.other_full));
            let base_left = p.base_is_left();
            points.push((
                p.base_pct(),
                if base_left { b } else { 0.0 },
                if base_left { 0.0 } else { b },
            ));
            if let Some(x) = p.other_pct() {
                points.push((x, if base_left { 0.0 } else { o }, if base_left { o } else { 0.0 }));
            }
        }
        points
    };
    let data_share = |(min, max): (f64, f64), pts: &[(f64, f64, f64)]| {
        let lo = pts.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
        let hi = pts.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
        (hi - lo).max(1.0) / (max - min)
    };
    // The longest line a value label may have: unwrapped if that leaves the data a good part
    // of the plot, else as long as still does, else whatever leaves the data the most.
    let longest = pairs
        .iter()
        .flat_map(|p| [p.base_full.chars().count(), p.other_full.chars().count()])
        .max()
        .unwrap_or(0)
        .max(6);
    let fits: Vec<(usize, (f64, f64), f64)> = (6..=longest)
        .rev()
        .filter_map(|chars| {
            let pts = points(&pairs, chars);
            bounds(&pts, plot_w).map(|b| (chars, b, data_share(b, &pts)))
        })
        .collect();
    let chosen = fits
        .iter()
        .find(|f| f.2 >= 0.3)
        .or_else(|| fits.iter().max_by(|a, b| a.2.total_cmp(&b.2)))
        .copied();
    let value_chars = chosen.map_or(6, |(chars, ..)| chars);
    for p in &mut pairs {
        p.base_text = text::wrap(&p.base_full, value_chars);
        p.other_text = text::wrap(&p.other_full, value_chars);
    }
    let pts = points(&pairs, value_chars);
    let Some((_, (min, max), share)) = chosen else {
        // The values cannot share the plot (large type in a phone's width): show the data
        // with room either side, and let the labels run off.
        let lo = pts.iter().map(|p| p.0).fold(100.0, f64::min);
        let hi = pts.iter().map(|p| p.0).fold(100.0, f64::max);
        let span = (hi - lo).max(10.0);
        let step = ticks::nice_step(3.0 * span, ticks::tick_count(theme, plot_w, "100"));
        let (min, max) = (((lo - span) / step).floor() * step, ((hi + span) / step).ceil() * step);
        return Arrangement {
            pairs,
            narrow,
            title_w,
            gap,
            min,
            max,
            step,
            share: 0.0,
        };
    };
    // Widen to round ticks that fit. Widening shrinks the px per unit, so a label may then
    // reach past its end of the axis again: widen that end by a step until none does.
    let step = ticks::fitting_step(min, max, plot_w, text::text_width(theme, "100"));
    let (mut min, mut max) = ((min / step).floor() * step, (max / step).ceil() * step);
    for _ in 0..20 {
        let per_px = (max - min) / plot_w;
        let short_left = pts.iter().any(|(x, l, _)| x - l * per_px < min - 1e-9);
        let short_right = pts.iter().any(|(x, _, r)| x + r * per_px > max + 1e-9);
        if !(short_left || short_right) {
            break;
        }
        min -= if short_left { step } else { 0.0 };
        max += if short_right { step } else { 0.0 };
    }
    Arrangement {
        pairs,
        narrow,
        title_w,
        gap,
        min,
        max,
        step,
        share,
    }
}
