//! Kind `dumbbell`: a dumbbell per series drawn, joining its first row (the figure answered)
//! and its second (the answer). Pairs are in different units, so each point is placed as a
//! percentage of its pair's first figure (= 100) on one shared axis, while every label shows
//! the real value.
//!
//! Where a pair's two rows count over different stretches of time (`per` in figures.toml: a
//! quarter's target against a claim per month), the second is scaled to the first's for
//! positioning only, and the pair's name says so; its label still reads "500 wagons a month".
//!
//! Every value label sits on its dumbbell's line, outwards: the first figure's value left of
//! its dot and the second's right of it (the other way round if the second were lower). The
//! axis is widened until both fit, wrapping long values if need be (see [`fit`]). Wide charts
//! label the rows beside the axis; narrow charts put each row's name on a line of its own above
//! its dumbbell. Each row is as tall as its own name and values need, so rows are placed in
//! pixels (see [`base::pixel_axis`]).

use crate::base::{self, item};
use crate::encoding;
use crate::text::{self, Align, Place, Text};
use crate::{Drawing, Mark, Theme};
use charming::component::{Grid, Legend};
use charming::datatype::DataPoint;
use charming::element::{
    ItemStyle, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, NameLocation, Symbol,
};
use charming::series::{Line, Scatter};
use kirov_content::{Content, Figure, Row};

mod fit;
use fit::{arrange, Arrangement};

/// Below this width, row names go above the dumbbells.
pub const NARROW: f64 = 640.0;

pub(super) struct Pair<'a> {
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
    pub(super) fn base_pct(&self) -> f64 {
        100.0
    }
    pub(super) fn other_pct(&self) -> Option<f64> {
        self.other.map(|o| o.value * self.scale / self.base.value * 100.0)
    }
    /// Whether the first figure's dot is the left end (its label then goes left, the other's right).
    pub(super) fn base_is_left(&self) -> bool {
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
        base::pixel(self.centres[i])
    }

    fn top(&self) -> f64 {
        self.legend_h + 8.0
    }
}

/// Space in px between a row's name and its dumbbell's line (narrow), and between rows.
const TITLE_GAP: f64 = 4.0;
const ROW_GAP: f64 = 14.0;

pub(super) fn dot(theme: &Theme) -> f64 {
    (theme.font_size * 0.9).round().max(11.0)
}

fn layout<'a>(figure: &'a Figure, ends: &[String; 2], content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let line = theme.line_height();
    let dot = dot(theme);
    // Row names beside the axis if the values then still fit well; else above the dumbbells.
    let wide = (width >= NARROW)
        .then(|| arrange(figure, content, theme, width, false))
        .filter(|p| p.share >= 0.3);
    let Arrangement {
        pairs,
        narrow,
        title_w,
        gap,
        min,
        max,
        step,
        ..
    } = wide.unwrap_or_else(|| arrange(figure, content, theme, width, true));

    let text_h = |t: &str| text::text_height(theme, t);
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
    let legend_h = text::legend_height(theme, ends, width, false);
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
pub(super) fn margins(theme: &Theme, narrow: bool, title_w: f64) -> (f64, f64) {
    let tick = text::text_width(theme, "100") / 2.0 + 8.0;
    (if narrow { tick } else { title_w + 16.0 }, tick)
}

pub fn build(figure: &Figure, ends: &[String; 2], content: &Content, theme: &Theme, width: f64) -> Drawing {
    let l = layout(figure, ends, content, theme, width);
    let n = l.pairs.len();
    let line = theme.line_height();
    let line_w = if theme.font_size >= 20.0 { 5.0 } else { 3.0 };
    let (base_colour, other_colour) = (theme.palette[0], theme.palette[1]);

    let mut chart = base::base_chart(figure, theme)
        .legend(
            Legend::new()
                .top(0.0)
                .left(0.0)
                .text_style(base::text_style(theme, theme.text))
                .data(ends.to_vec()),
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
            base::value_axis(theme)
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
        // Row names are text series (see `text::text_series`).
        .y_axis(base::pixel_axis(l.plot_h));

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
    // The ends: the first figures, with a rule at 100, and the second.
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
        .label(base::label(theme).show(false))
        .data(vec![MarkLineVariant::Simple(MarkLineData::new().x_axis(100.0))]);
    chart = chart
        .series(
            Scatter::new()
                .name(ends[0].as_str())
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
                .name(ends[1].as_str())
                .symbol(Symbol::Diamond)
                .symbol_size(l.dot * 1.3)
                .item_style(ItemStyle::new().color(other_colour))
                .data(
                    l.pairs
                        .iter()
                        .enumerate()
                        .map(|(i, p)| match (p.other, p.other_pct()) {
                            (Some(o), Some(x)) => item(vec![x, l.y(i), o.value], p.other_text.as_str()),
                            _ => base::gap(),
                        })
                        .collect(),
                ),
        );
    chart = text::with_texts(chart, theme, &l.texts());

    let mut marks = Vec::new();
    for (i, p) in l.pairs.iter().enumerate() {
        marks.push(Mark {
            key: encoding::key(figure, p.base),
            targets: vec![(base_series, Some(i))],
        });
        if let Some(o) = p.other {
            marks.push(Mark {
                key: encoding::key(figure, o),
                targets: vec![(base_series + 1, Some(i))],
            });
        }
    }
    Drawing::new(chart, l.height, marks)
}

#[cfg(test)]
mod tests;
