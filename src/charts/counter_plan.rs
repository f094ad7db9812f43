//! Figure `counter-plan`: a dumbbell per pair of figures, the plan being answered against the
//! counter-proposal. Pairs are in different units, so each point is placed as a percentage of
//! its pair's first figure (= 100) on one shared axis, while every label shows the real value.
//!
//! The tractor pair compares a quarter's target with a claim per month: for positioning only,
//! the monthly figure is scaled to the baseline's period (×3 months), and the row's label says
//! so; its point label still reads "1,500 tractors a month".
//!
//! Every value label sits on its dumbbell's line, outwards: the plan's value left of its dot
//! and the counter-proposal's right of its dot (the other way round if a counter-proposal
//! were lower). The axis is widened until both fit, wrapping long values if need be. Wide
//! charts label the rows beside the axis; narrow charts put each row's name on a line of its
//! own above its dumbbell. Each row is as tall as its own name and values need, so rows are
//! placed in pixels (see [`common::pixel_axis`]).

use super::common::{self, item, Align, Place, Text};
use super::{ChartSpec, Mark, Theme};
use charming::component::{Grid, Legend};
use charming::datatype::DataPoint;
use charming::element::{
    ItemStyle, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, NameLocation, Symbol,
};
use charming::series::{Line, Scatter};
use kirov_content::{Content, Figure, Row};

/// Below this width, row names go above the dumbbells.
pub const NARROW: f64 = 640.0;

/// Legend names of the two ends.
const BASE: &str = "Plan answered (= 100)";
const COUNTER: &str = "Counter-proposal";

/// The reader-facing name of each pair.
fn pair_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "counter-plan-output" => "Gross output (million roubles)",
        "counter-plan-productivity" => "Labour productivity growth (%)",
        "counter-plan-wagons" => "Wagons from the old forge shop",
        "counter-plan-tractors" => "Tractors per quarter",
        "amo-zis" => "AMO-ZiS cars (Moscow, for comparison)",
        _ => return None,
    })
}

/// Months a row's figure covers, when its label says (`a month`, `for the quarter`).
pub fn months(label: &str) -> Option<u32> {
    let l = label.to_lowercase();
    if l.contains("a month") || l.contains("per month") || l.contains("monthly") {
        Some(1)
    } else if l.contains("quarter") {
        Some(3)
    } else {
        None
    }
}

struct Pair<'a> {
    base: &'a Row,
    other: Option<&'a Row>,
    /// Factor applied to `other` for positioning only (1 unless the periods differ).
    scale: f64,
    title: String,
    /// Value labels as printed, before wrapping.
    base_full: String,
    other_full: String,
    /// Value labels as drawn (wrapped).
    base_text: String,
    other_text: String,
}

impl Pair<'_> {
    fn base_pct(&self) -> f64 {
        100.0
    }
    fn other_pct(&self) -> Option<f64> {
        self.other.map(|o| o.value * self.scale / self.base.value * 100.0)
    }
    /// Whether the plan's dot is the left end (its label then goes left, the other's right).
    fn base_is_left(&self) -> bool {
        self.other_pct().is_none_or(|x| x >= self.base_pct())
    }
}

struct Layout<'a> {
    pairs: Vec<Pair<'a>>,
    narrow: bool,
    min: f64,
    max: f64,
    /// Tick interval of the x axis.
    step: f64,
    legend_h: f64,
    /// Each dumbbell's line, in px below the top of the plot.
    centres: Vec<f64>,
    /// Height of the plot in px.
    plot_h: f64,
    dot: f64,
    /// Space between a dot's centre and its value label.
    gap: f64,
    /// For each row, half the height of its dumbbell's line: the diamond or its tallest value.
    half: Vec<f64>,
    title_w: f64,
    height: f64,
}

impl Layout<'_> {
    /// Row names, and every point's value label.
    fn texts(&self) -> Vec<Text> {
        let mut texts = Vec::new();
        for (i, p) in self.pairs.iter().enumerate() {
            let y = self.y(i);
            texts.push(Text {
                x: self.min,
                y,
                text: p.title.clone(),
                align: if self.narrow { Align::Right } else { Align::Left },
                place: if self.narrow {
                    Place::Above(self.half[i] + TITLE_GAP)
                } else {
                    Place::Middle(0.0)
                },
                distance: if self.narrow { 0.0 } else { 8.0 },
            });
            // Values on the dumbbell's line, outwards from its ends.
            let (base_side, other_side) = if p.base_is_left() {
                (Align::Left, Align::Right)
            } else {
                (Align::Right, Align::Left)
            };
            texts.push(Text {
                x: p.base_pct(),
                y,
                text: p.base_text.clone(),
                align: base_side,
                place: Place::Middle(0.0),
                distance: self.gap,
            });
            if let Some(x) = p.other_pct() {
                texts.push(Text {
                    x,
                    y,
                    text: p.other_text.clone(),
                    align: other_side,
                    place: Place::Middle(0.0),
                    distance: self.gap,
                });
            }
        }
        texts
    }

    /// Row `i`'s position on the pixel axis.
    fn y(&self, i: usize) -> f64 {
        common::pixel(self.centres[i])
    }

    fn top(&self) -> f64 {
        self.legend_h + 8.0
    }
}

/// Space in px between a row's name and its dumbbell's line (narrow), and between rows.
const TITLE_GAP: f64 = 4.0;
const ROW_GAP: f64 = 14.0;

/// Axis bounds so that every label fits: labels of width `left` end at their dot's x and
/// labels of width `right` start there. Returns `None` when the labels cannot share the plot,
/// or would leave the data less than a fifth of it.
///
/// With `d` units across `plot_w` px, a point `(x, l, r)` needs the axis to reach from
/// `x - l·d/plot_w` to `x + r·d/plot_w`. Every pair (i left, j right) then needs
/// `d ≥ (x_j - x_i) / (1 - (l_i + r_j)/plot_w)`; the span is the largest of these.
fn bounds(points: &[(f64, f64, f64)], plot_w: f64) -> Option<(f64, f64)> {
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
struct Plan<'a> {
    pairs: Vec<Pair<'a>>,
    narrow: bool,
    title_w: f64,
    gap: f64,
    min: f64,
    max: f64,
    step: f64,
    /// The part of the axis the data spans; 0 when the values could not be fitted at all.
    share: f64,
}

fn plan<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64, narrow: bool) -> Plan<'a> {
    let rows = content.figure_rows(figure);
    let dot = dot(theme);
    let title_chars = common::chars_in(theme, if narrow { width - 16.0 } else { width * 0.26 }, 10);
    let mut pairs = Vec::new();
    for id in &figure.series {
        let mine: Vec<&Row> = rows.iter().copied().filter(|r| &r.series == id).collect();
        let Some(&base) = mine.first() else { continue };
        if !(base.value.is_finite() && base.value > 0.0) {
            continue; // Cannot be a baseline; drawn in the table only.
        }
        let other = mine.get(1).copied();
        let (bm, om) = (months(&base.label), other.and_then(|o| months(&o.label)));
        let scale = match (bm, om) {
            (Some(b), Some(o)) if b != o && o > 0 => f64::from(b) / f64::from(o),
            _ => 1.0,
        };
        let mut title = pair_name(id).map_or_else(|| common::first_clause(&base.label).to_string(), str::to_string);
        if scale != 1.0 {
            title = format!(
                "{title} (monthly figure placed ×{})",
                crate::format::number(&scale.to_string())
            );
        }
        let text = |r: &Row| {
            let mut t = crate::format::value(r);
            if scale != 1.0 && months(&r.label) == Some(1) {
                t.push_str(" a month");
            }
            if let (false, Some(who)) = (narrow, common::claimant(content, r)) {
                t = format!("{t} ({who})");
            }
            t
        };
        pairs.push(Pair {
            base,
            other,
            scale,
            title: common::wrap(&title, title_chars),
            base_full: text(base),
            other_full: other.map(text).unwrap_or_default(),
            base_text: String::new(),
            other_text: String::new(),
        });
    }

    // Dots and diamonds (1.3 times a dot) keep their labels this far from their centres.
    let gap = dot * 0.65 + 6.0;
    let title_w = pairs
        .iter()
        .map(|p| common::text_width(theme, &p.title))
        .fold(0.0, f64::max);
    let (left, right) = margins(theme, narrow, title_w);
    let plot_w = width - left - right;
    // Each point with the room its label needs: (x, px to its left, px to its right).
    let points = |pairs: &[Pair], chars: usize| -> Vec<(f64, f64, f64)> {
        let w = |t: &str| common::text_width(theme, &common::wrap(t, chars)) + gap;
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
        p.base_text = common::wrap(&p.base_full, value_chars);
        p.other_text = common::wrap(&p.other_full, value_chars);
    }
    let pts = points(&pairs, value_chars);
    let Some((_, (min, max), share)) = chosen else {
        // The values cannot share the plot (large type in a phone's width): show the data
        // with room either side, and let the labels run off.
        let lo = pts.iter().map(|p| p.0).fold(100.0, f64::min);
        let hi = pts.iter().map(|p| p.0).fold(100.0, f64::max);
        let span = (hi - lo).max(10.0);
        let step = common::nice_step(3.0 * span, common::tick_count(theme, plot_w, "100"));
        let (min, max) = (((lo - span) / step).floor() * step, ((hi + span) / step).ceil() * step);
        return Plan {
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
    let step = common::fitting_step(min, max, plot_w, common::text_width(theme, "100"));
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
    Plan {
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

fn dot(theme: &Theme) -> f64 {
    (theme.font_size * 0.9).round().max(11.0)
}

fn layout<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let line = common::line_height(theme);
    let dot = dot(theme);
    // Row names beside the axis if the values then still fit well; else above the dumbbells.
    let wide = (width >= NARROW)
        .then(|| plan(figure, content, theme, width, false))
        .filter(|p| p.share >= 0.3);
    let Plan {
        pairs,
        narrow,
        title_w,
        gap,
        min,
        max,
        step,
        ..
    } = wide.unwrap_or_else(|| plan(figure, content, theme, width, true));

    let text_h = |t: &str| common::text_height(theme, t);
    // Each row: (narrow) its name, then its dumbbell's line with the values on it, then a gap.
    // Wide, the name is centred on the line, beside the axis.
    let mut centres = Vec::with_capacity(pairs.len());
    let mut halves = Vec::with_capacity(pairs.len());
    let mut y = 0.0;
    for p in &pairs {
        let half = (dot * 1.3).max(text_h(&p.base_text)).max(text_h(&p.other_text)) / 2.0;
        let title_h = text_h(&p.title);
        let (above, below) = if narrow {
            (half + TITLE_GAP + title_h, half)
        } else {
            (half.max(title_h / 2.0), half.max(title_h / 2.0))
        };
        centres.push(y + above);
        halves.push(half);
        y += above + below + ROW_GAP;
    }
    // No gap after the last row, only a little air above the tick labels.
    let plot_h = (y - ROW_GAP + 6.0).max(dot);
    let legend_h = common::legend_height(theme, &[BASE.to_string(), COUNTER.to_string()], width, false);
    // The tick labels (a line and ECharts' 8 px margin), the axis name and air below it.
    let axis = 2.5 * line + 32.0;
    let height = (legend_h + 8.0 + plot_h + axis).ceil();
    Layout {
        pairs,
        narrow,
        min,
        max,
        step,
        legend_h,
        centres,
        plot_h,
        dot,
        gap,
        half: halves,
        title_w,
        height,
    }
}

/// The grid's left and right margins: the row names (wide), and half a tick label.
fn margins(theme: &Theme, narrow: bool, title_w: f64) -> (f64, f64) {
    let tick = common::text_width(theme, "100") / 2.0 + 8.0;
    (if narrow { tick } else { title_w + 16.0 }, tick)
}

/// The height the chart's container should have at `width` for the given theme.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    layout(figure, content, theme, width).height
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let n = l.pairs.len();
    let line = common::line_height(theme);
    let line_w = if theme.font_size >= 20.0 { 5.0 } else { 3.0 };
    let (base_colour, other_colour) = (theme.palette[0], theme.palette[1]);

    let mut chart = common::base_chart(figure, theme)
        .legend(
            Legend::new()
                .top(0.0)
                .left(0.0)
                .text_style(common::text_style(theme, theme.text))
                .data(vec![BASE, COUNTER]),
        )
        .grid(
            Grid::new()
                .contain_label(true)
                .top(l.top())
                .left(margins(theme, l.narrow, l.title_w).0)
                .right(margins(theme, l.narrow, l.title_w).1)
                .bottom(1.5 * line + 24.0),
        )
        .x_axis(
            common::value_axis(theme)
                .min(l.min)
                .max(l.max)
                .interval(l.step)
                .name(if l.narrow {
                    "First figure = 100"
                } else {
                    "Each pair's first figure = 100"
                })
                .name_location(NameLocation::Middle)
                .name_gap(line + 14.0),
        )
        // Row names are text series (see `common::text_series`).
        .y_axis(common::pixel_axis(l.plot_h));

    // The bars of the dumbbells, one line per pair.
    for (i, p) in l.pairs.iter().enumerate() {
        let mut data: Vec<DataPoint> = vec![vec![p.base_pct(), l.y(i)].into()];
        if let Some(x) = p.other_pct() {
            data.push(vec![x, l.y(i)].into());
        }
        chart = chart.series(
            Line::new()
                .name("")
                .silent(true)
                .symbol(Symbol::None)
                .line_style(LineStyle::new().color(theme.muted).width(line_w))
                .data(data),
        );
    }
    // The ends: the plan answered, with a rule at 100, and the counter-proposals.
    let base_series = n;
    let rule = MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(
            LineStyle::new()
                .color(theme.rule)
                .width(1.0)
                .type_(LineStyleType::Dashed),
        )
        .label(common::label(theme).show(false))
        .data(vec![MarkLineVariant::Simple(MarkLineData::new().x_axis(100.0))]);
    chart = chart
        .series(
            Scatter::new()
                .name(BASE)
                .symbol(Symbol::Circle)
                .symbol_size(l.dot)
                .item_style(ItemStyle::new().color(base_colour))
                .mark_line(rule)
                .data(
                    l.pairs
                        .iter()
                        .enumerate()
                        .map(|(i, p)| item(vec![p.base_pct(), l.y(i), p.base.value], p.base_text.as_str()))
                        .collect(),
                ),
        )
        .series(
            Scatter::new()
                .name(COUNTER)
                .symbol(Symbol::Diamond)
                .symbol_size(l.dot * 1.3)
                .item_style(ItemStyle::new().color(other_colour))
                .data(
                    l.pairs
                        .iter()
                        .enumerate()
                        .map(|(i, p)| match (p.other, p.other_pct()) {
                            (Some(o), Some(x)) => item(vec![x, l.y(i), o.value], p.other_text.as_str()),
                            _ => common::gap(),
                        })
                        .collect(),
                ),
        );
    for text in common::text_series(theme, &l.texts()) {
        chart = chart.series(text);
    }

    let mut marks = Vec::new();
    for (i, p) in l.pairs.iter().enumerate() {
        marks.push(Mark {
            key: format!("{}/{}", figure.dataset, p.base.id),
            targets: vec![(base_series, Some(i))],
        });
        if let Some(o) = p.other {
            marks.push(Mark {
                key: format!("{}/{}", figure.dataset, o.id),
                targets: vec![(base_series + 1, Some(i))],
            });
        }
    }
    ChartSpec { chart, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::common::test_support::*;

    #[test]
    fn points_are_the_rows_against_their_baselines() {
        let figure = figure("counter-plan");
        let content = content();
        let rows = content.figure_rows(figure);
        assert_eq!(rows.len(), 10);
        for theme in themes() {
            for width in WIDTHS {
                let spec = build(figure, content, &theme, width);
                let v = json(&spec);
                assert_common(&v, figure, &theme);
                let l = layout(figure, content, &theme, width);
                let pairs = figure.series.len();
                let (base, other) = (data(&v, pairs), data(&v, pairs + 1));
                assert_eq!((base.len(), other.len()), (pairs, pairs));
                let mut keys = Vec::new();
                for (i, id) in figure.series.iter().enumerate() {
                    let mine: Vec<&Row> = rows.iter().copied().filter(|r| &r.series == id).collect();
                    assert_eq!(mine.len(), 2, "{id}");
                    let (b, o) = (mine[0], mine[1]);
                    let scale = if id == "counter-plan-tractors" { 3.0 } else { 1.0 };
                    let expected_pct = o.value * scale / b.value * 100.0;
                    assert_eq!(
                        numbers(&base[i]),
                        vec![Some(100.0), Some(l.y(i)), Some(b.value)],
                        "{id}"
                    );
                    assert_eq!(
                        numbers(&other[i]),
                        vec![Some(expected_pct), Some(l.y(i)), Some(o.value)],
                        "{id}"
                    );
                    // The connector joins the same two positions.
                    let bar: Vec<Option<f64>> = data(&v, i).iter().map(|d| numbers(d)[0]).collect();
                    assert_eq!(bar, vec![Some(100.0), Some(expected_pct)]);
                    // Labels show the real values, and are drawn.
                    let label = |d: &serde_json::Value| d["name"].as_str().unwrap().to_string();
                    for (d, row) in [(&base[i], b), (&other[i], o)] {
                        assert!(draws(&v, &label(d)), "{}", label(d));
                        assert!(
                            unwrap(&label(d)).starts_with(&crate::format::value(row)),
                            "{}",
                            label(d)
                        );
                    }
                    assert!(draws(&v, &l.pairs[i].title), "{}", l.pairs[i].title);
                    keys.push(format!("plan/{}", b.id));
                    keys.push(format!("plan/{}", o.id));
                    // Every point is inside the axis.
                    let (min, max) = (v["xAxis"]["min"].as_f64().unwrap(), v["xAxis"]["max"].as_f64().unwrap());
                    assert!(min < 100.0 && expected_pct < max, "{min}..{max}");
                }
                assert_marks(&spec, &v, &keys);
                let title = &l.pairs[3].title;
                assert!(unwrap(title).contains("×3"), "{title}");
                assert!(unwrap(other[3]["name"].as_str().unwrap()).contains("1,500 tractors a month"));
            }
        }
    }

    /// Values sit on their dumbbell's line, the plan's left of its dot and the counter-proposal's
    /// right of its diamond, inside the plot; narrow, the row's name is above them; no row
    /// reaches into the next.
    #[test]
    fn values_flank_their_dumbbells_and_rows_do_not_meet() {
        let figure = figure("counter-plan");
        for theme in themes() {
            for width in WIDTHS.into_iter().chain([608.0, 640.0, 1200.0]) {
                let l = layout(figure, content(), &theme, width);
                let texts = l.texts();
                let (left, right) = margins(&theme, l.narrow, l.title_w);
                let per_px = (l.max - l.min) / (width - left - right);
                let mut bottom = 0.0;
                for (i, p) in l.pairs.iter().enumerate() {
                    let mine: Vec<&Text> = texts.iter().filter(|t| t.y == l.y(i)).collect();
                    let base = mine.iter().find(|t| t.text == p.base_text).expect("the plan's label");
                    let other = mine
                        .iter()
                        .find(|t| t.text == p.other_text)
                        .expect("the counter's label");
                    assert!(p.base_is_left(), "every counter-proposal here asks for more");
                    assert_eq!((base.align, other.align), (Align::Left, Align::Right));
                    assert_eq!((base.place, other.place), (Place::Middle(0.0), Place::Middle(0.0)));
                    // Inside the plot, given the axis bounds (except with 22 px type in a
                    // phone's width, where the values cannot share the plot whatever it does).
                    let w = |t: &Text| common::text_width(&theme, &t.text) + l.gap;
                    if theme.font_size < 20.0 || width >= 500.0 {
                        assert!(
                            base.x - w(base) * per_px >= l.min - 1e-9,
                            "{} at {width} {}",
                            p.base_text,
                            theme.name
                        );
                        assert!(
                            other.x + w(other) * per_px <= l.max + 1e-9,
                            "{} at {width} {}: {} {} {}",
                            p.other_text,
                            theme.name,
                            other.x + w(other) * per_px,
                            l.min,
                            l.max
                        );
                    }
                    // The row, top to bottom, clear of the one above.
                    let title_h = common::text_height(&theme, &p.title);
                    let top = if l.narrow {
                        l.centres[i] - l.half[i] - TITLE_GAP - title_h
                    } else {
                        l.centres[i] - l.half[i].max(title_h / 2.0)
                    };
                    let end = l.centres[i] + l.half[i].max(if l.narrow { 0.0 } else { title_h / 2.0 });
                    let gap = if i == 0 { 0.0 } else { 8.0 };
                    assert!(
                        top >= bottom + gap,
                        "{} at {width}: row {i} overlaps the one above",
                        theme.name
                    );
                    for t in [base, other] {
                        assert!(common::text_height(&theme, &t.text) / 2.0 <= l.half[i]);
                    }
                    bottom = end;
                }
                assert!(bottom <= l.plot_h);
            }
        }
    }

    #[test]
    fn periods_come_from_the_labels() {
        let set = content().dataset("plan").unwrap();
        assert_eq!(months(&set.row("tractors-vkk-quarter").unwrap().label), Some(3));
        assert_eq!(months(&set.row("tractors-marmel-month").unwrap().label), Some(1));
        assert_eq!(months(&set.row("wagons-admin").unwrap().label), None);
    }

    #[test]
    fn bounds_make_room_for_labels() {
        let (min, max) = bounds(&[(100.0, 100.0, 0.0), (135.0, 0.0, 100.0)], 600.0).unwrap();
        // 35 units of data and 200 px of labels in 600 px: each label needs a sixth or more.
        assert!(min <= 100.0 - 35.0 * 100.0 / 400.0 + 1e-9 && max >= 135.0 + 35.0 * 100.0 / 400.0 - 1e-9);
        assert_eq!(bounds(&[(100.0, 400.0, 0.0), (101.0, 0.0, 400.0)], 600.0), None);
    }
}
