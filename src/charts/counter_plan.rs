//! Figure `counter-plan`: a dumbbell per pair of figures, the plan being answered against the
//! counter-proposal. Pairs are in different units, so each point is placed as a percentage of
//! its pair's first figure (= 100) on one shared axis, while every label shows the real value.
//!
//! The tractor pair compares a quarter's target with a claim per month: for positioning only,
//! the monthly figure is scaled to the baseline's period (×3 months), and the row's label says
//! so; its point label still reads "1,500 tractors a month".
//!
//! Wide charts label the rows beside the axis, the plan's value left of its dot and the
//! counter-proposal's right of its dot. Narrow charts put each row's name above its dumbbell
//! and the values below the dots.

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
}

struct Layout<'a> {
    pairs: Vec<Pair<'a>>,
    narrow: bool,
    min: f64,
    max: f64,
    legend_h: f64,
    /// Extra space above the first band and below the last (narrow only).
    lead: f64,
    tail: f64,
    dot: f64,
    title_w: f64,
    height: f64,
}

impl Layout<'_> {
    /// Row names, and every point's value label.
    fn texts(&self) -> Vec<Text> {
        let mut texts = Vec::new();
        let gap = self.dot / 2.0 + 4.0;
        for (i, p) in self.pairs.iter().enumerate() {
            let y = i as f64;
            texts.push(Text {
                x: self.min,
                y,
                text: p.title.clone(),
                align: if self.narrow { Align::Right } else { Align::Left },
                place: if self.narrow {
                    Place::Above(self.dot / 2.0 + 6.0)
                } else {
                    Place::Middle(0.0)
                },
                distance: if self.narrow { 0.0 } else { 8.0 },
            });
            // Wide: values beside their dots, outwards. Narrow: below, outwards from the dot.
            let (place, distance) = if self.narrow {
                (Place::Below(gap), 0.0)
            } else {
                (Place::Middle(0.0), gap)
            };
            texts.push(Text {
                x: p.base_pct(),
                y,
                text: p.base_text.clone(),
                align: Align::Left,
                place,
                distance,
            });
            if let Some(x) = p.other_pct() {
                texts.push(Text {
                    x,
                    y,
                    text: p.other_text.clone(),
                    align: Align::Right,
                    place,
                    distance,
                });
            }
        }
        texts
    }
}

/// Axis bounds so that every label fits: labels of width `left` end at their dot's x and
/// labels of width `right` start there. Returns `None` when the labels cannot share the plot.
fn bounds(points: &[(f64, f64, f64)], plot_w: f64) -> Option<(f64, f64)> {
    let lo = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() || plot_w <= 0.0 {
        return None;
    }
    let span = (hi - lo).max(1.0);
    let (mut min, mut max) = (lo - span * 0.05, hi + span * 0.05);
    for _ in 0..50 {
        let per_px = (max - min) / plot_w;
        let new_min = points.iter().map(|(x, l, _)| x - l * per_px).fold(lo, f64::min);
        let new_max = points.iter().map(|(x, _, r)| x + r * per_px).fold(hi, f64::max);
        if (new_min - min).abs() < 1e-9 && (new_max - max).abs() < 1e-9 {
            break;
        }
        (min, max) = (new_min, new_max);
        // The data must keep at least a fifth of the plot, or the labels win.
        if span / (max - min) < 0.2 {
            return None;
        }
    }
    Some(((min / 5.0).floor() * 5.0, (max / 5.0).ceil() * 5.0))
}

fn layout<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows = content.figure_rows(figure);
    let line = common::line_height(theme);
    let dot = (theme.font_size * 0.9).round().max(11.0);
    let narrow = width < NARROW;
    let title_chars = common::chars_in(theme, if narrow { width - 16.0 } else { width * 0.26 }, 10);
    let value_chars = common::chars_in(theme, if narrow { width * 0.3 } else { width * 0.22 }, 8);
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
            common::wrap(&t, value_chars)
        };
        pairs.push(Pair {
            base,
            other,
            scale,
            title: common::wrap(&title, title_chars),
            base_text: text(base),
            other_text: other.map(text).unwrap_or_default(),
        });
    }

    let gap = dot / 2.0 + 8.0;
    let label_w = |t: &str| common::text_width(theme, t) + if narrow { 4.0 } else { gap };
    let title_w = pairs
        .iter()
        .map(|p| common::text_width(theme, &p.title))
        .fold(0.0, f64::max);
    let plot_w = if narrow {
        width - 16.0
    } else {
        width - 16.0 - title_w - 8.0
    };
    let mut points: Vec<(f64, f64, f64)> = Vec::new();
    for p in &pairs {
        points.push((p.base_pct(), label_w(&p.base_text), 0.0));
        if let Some(x) = p.other_pct() {
            points.push((x, 0.0, label_w(&p.other_text)));
        }
    }
    let (min, max) = bounds(&points, plot_w).unwrap_or_else(|| {
        let lo = points.iter().map(|p| p.0).fold(100.0, f64::min);
        let hi = points.iter().map(|p| p.0).fold(100.0, f64::max);
        let span = (hi - lo).max(10.0);
        (((lo - span) / 5.0).floor() * 5.0, ((hi + span) / 5.0).ceil() * 5.0)
    });

    let text_h = |t: &str| common::text_height(theme, t);
    let tallest_value = pairs
        .iter()
        .flat_map(|p| [text_h(&p.base_text), text_h(&p.other_text)])
        .fold(0.0, f64::max);
    let tallest_title = pairs.iter().map(|p| text_h(&p.title)).fold(0.0, f64::max);
    // Narrow: the dot at the band's centre, its title above and its values below; a band holds
    // one row's values and the next row's title. `lead` and `tail` make room for the first
    // title and the last values where they reach past the bands.
    let (above, below) = (dot / 2.0 + 6.0 + tallest_title, dot / 2.0 + 4.0 + tallest_value);
    let band = if narrow {
        above + below + 10.0
    } else {
        (tallest_title + 12.0).max(tallest_value + 12.0).max(dot + 16.0)
    };
    let (lead, tail) = if narrow {
        ((above - band / 2.0).max(0.0), (below - band / 2.0).max(0.0))
    } else {
        (0.0, 0.0)
    };
    let legend_h = common::legend_height(theme, &[BASE.to_string(), COUNTER.to_string()], width, false);
    let axis = 2.0 * line + 24.0;
    let height = (legend_h + 8.0 + lead + pairs.len() as f64 * band + tail + axis).ceil();
    Layout {
        pairs,
        narrow,
        min,
        max,
        legend_h,
        lead,
        tail,
        dot,
        title_w,
        height,
    }
}

/// The height the chart's container should have at `width` for the given theme.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    layout(figure, content, theme, width).height
}

/// The container height that fits every theme at `width` (the largest of them).
pub fn height(content: &Content, figure: &Figure, width: f64) -> f64 {
    [Theme::light(), Theme::dark(), Theme::projector()]
        .iter()
        .map(|t| height_for_theme(content, figure, t, width))
        .fold(0.0, f64::max)
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let n = l.pairs.len();
    let line = common::line_height(theme);
    let line_w = if theme.font_size >= 20.0 { 5.0 } else { 3.0 };
    let titles: Vec<String> = l.pairs.iter().map(|p| p.title.clone()).collect();
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
                .top(l.legend_h + 8.0 + l.lead)
                .left(if l.narrow { 8.0 } else { l.title_w + 16.0 })
                .right(8.0)
                .bottom(line + 16.0 + l.tail),
        )
        .x_axis(
            common::value_axis(theme)
                .min(l.min)
                .max(l.max)
                .split_number(if width < 500.0 { 3.0 } else { 6.0 })
                .name(if l.narrow {
                    "First figure = 100"
                } else {
                    "Each pair's first figure = 100"
                })
                .name_location(NameLocation::Middle)
                .name_gap(line + 14.0),
        )
        .y_axis(
            // Row names are text series (see `common::text_series`).
            common::category_axis(theme, titles)
                .inverse(true)
                .axis_label(common::axis_label(theme).show(false)),
        );

    // The bars of the dumbbells, one line per pair.
    for (i, p) in l.pairs.iter().enumerate() {
        let mut data: Vec<DataPoint> = vec![vec![p.base_pct(), i as f64].into()];
        if let Some(x) = p.other_pct() {
            data.push(vec![x, i as f64].into());
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
                        .map(|(i, p)| item(vec![p.base_pct(), i as f64, p.base.value], p.base_text.as_str()))
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
                            (Some(o), Some(x)) => item(vec![x, i as f64, o.value], p.other_text.as_str()),
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
                        vec![Some(100.0), Some(i as f64), Some(b.value)],
                        "{id}"
                    );
                    assert_eq!(
                        numbers(&other[i]),
                        vec![Some(expected_pct), Some(i as f64), Some(o.value)],
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
                    assert!(draws(&v, v["yAxis"]["data"][i].as_str().unwrap()));
                    keys.push(format!("plan/{}", b.id));
                    keys.push(format!("plan/{}", o.id));
                    // Every point is inside the axis.
                    let (min, max) = (v["xAxis"]["min"].as_f64().unwrap(), v["xAxis"]["max"].as_f64().unwrap());
                    assert!(min < 100.0 && expected_pct < max, "{min}..{max}");
                }
                assert_marks(&spec, &v, &keys);
                let title = &v["yAxis"]["data"][3];
                assert!(unwrap(title.as_str().unwrap()).contains("×3"), "{title}");
                assert!(unwrap(other[3]["name"].as_str().unwrap()).contains("1,500 tractors a month"));
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
        assert!(min <= 100.0 - 35.0 * 100.0 / 400.0 && max >= 135.0 + 35.0 * 100.0 / 400.0);
        assert_eq!(bounds(&[(100.0, 400.0, 0.0), (101.0, 0.0, 400.0)], 600.0), None);
    }
}
