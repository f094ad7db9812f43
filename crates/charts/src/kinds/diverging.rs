//! Kind `diverging`: horizontal bars running right of zero for a rise and left of it for a fall
//! (a zero rule at each bar's base), each labelled at its outer end with its value, in a series
//! per direction so the two directions differ in pattern as well as colour.
//!
//! Each row's name (its name or label and, if it was someone's claim, whose) sits above its bar
//! across the whole plot, at every width; rows are as tall as their names, so the bars are
//! placed in pixels on [`base::pixel_axis`].

use crate::base::{self, item};
use crate::encoding::{self, claimant_name, drawn, row_name};
use crate::text::{self, Align, Place, Text};
use crate::{ticks, Drawing, Mark, Theme};
use charming::component::Grid;
use charming::element::{ItemStyle, Label, LabelPosition, LineStyleType, MarkLineData, MarkLineVariant, SplitLine};
use charming::series::Bar;
use kirov_content::{format, Content, Figure, Row};

/// Space in px between a row's name and its bar, and between rows.
const LABEL_GAP: f64 = 4.0;
const ROW_GAP: f64 = 14.0;

/// The two directions, in series order: a rise (or zero), then a fall.
const DIRECTIONS: [&str; 2] = ["Rise", "Fall"];

/// The series a row's bar belongs to: 0 for a value of zero or more, 1 for a negative one.
fn direction(row: &Row) -> usize {
    usize::from(row.value < 0.0)
}

/// A row's name as drawn: its name and, for a claim, the claimant (`…, according to Petrov`).
fn title(figure: &Figure, content: &Content, row: &Row) -> String {
    let name = row_name(figure, row);
    match claimant_name(content, row) {
        Some(who) => format!("{name}, according to {who}"),
        None => name.to_string(),
    }
}

struct Layout<'a> {
    rows: Vec<&'a Row>,
    /// Wrapped row names.
    titles: Vec<String>,
    /// Value labels (`−30 %`).
    values: Vec<String>,
    bar_h: f64,
    /// Each bar's centre, in px below the top of the plot.
    centres: Vec<f64>,
    plot_h: f64,
    /// Room either side of the plot for a value label beyond the end of a bar.
    side: f64,
    /// The value axis: its ends and tick step.
    min: f64,
    max: f64,
    step: f64,
    axis_h: f64,
}

impl Layout<'_> {
    /// Row names, starting at the plot's left edge, above their bars.
    fn texts(&self) -> Vec<Text> {
        self.titles
            .iter()
            .zip(&self.centres)
            .map(|(t, y)| Text {
                x: self.min,
                y: base::pixel(*y),
                text: t.clone(),
                align: Align::Right,
                place: Place::Above(self.bar_h / 2.0 + LABEL_GAP),
                distance: 0.0,
            })
            .collect()
    }

    fn top(&self) -> f64 {
        8.0
    }

    fn height(&self) -> f64 {
        (self.top() + self.plot_h + self.axis_h).ceil()
    }
}

fn layout<'a>(figure: &'a Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows: Vec<&Row> = drawn(figure, content).into_iter().flat_map(|s| s.rows).collect();
    let values: Vec<String> = rows.iter().map(|r| format::value(r)).collect();
    let side = values.iter().map(|v| text::text_width(theme, v)).fold(0.0, f64::max) + 12.0;
    let plot_w = width - 2.0 * side;
    let titles: Vec<String> = rows
        .iter()
        .map(|r| {
            text::wrap(
                &title(figure, content, r),
                text::chars_in(theme, width - side - 8.0, 12),
            )
        })
        .collect();
    let bar_h = (theme.font_size * 1.4).max(16.0).round();
    // Each row: its name, a small gap, the bar (its value label beside it, within the bar's
    // height), then the gap to the next row.
    let mut centres = Vec::with_capacity(rows.len());
    let mut y = 0.0;
    for t in &titles {
        let centre = y + text::text_height(theme, t) + LABEL_GAP + bar_h / 2.0;
        centres.push(centre);
        y = centre + bar_h / 2.0 + ROW_GAP;
    }
    let plot_h = (y - ROW_GAP + 8.0).max(bar_h);

    // Round ticks that fit, over a range that always includes zero.
    let lo = rows.iter().map(|r| r.value).fold(0.0, f64::min);
    let hi = rows.iter().map(|r| r.value).fold(0.0, f64::max);
    let sample = format!("−{} %", format::number(&format!("{}", lo.abs().max(hi).ceil() as i64)));
    let step = ticks::fitting_step(lo, hi, plot_w, text::text_width(theme, &sample));
    let min = (lo / step).floor() * step;
    let max = ((hi / step).ceil() * step).max(min + step);
    Layout {
        rows,
        titles,
        values,
        bar_h,
        centres,
        plot_h,
        side,
        min,
        max,
        step,
        // The tick labels: a line and ECharts' 8 px margin, and a little air.
        axis_h: theme.line_height() + 16.0,
    }
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> Drawing {
    let l = layout(figure, content, theme, width);
    let n = l.rows.len();

    let mut chart = base::base_chart(figure, theme)
        .grid(
            // `containLabel` keeps the tick labels inside `bottom`.
            Grid::new()
                .contain_label(true)
                .top(l.top())
                .left(l.side)
                .right(l.side)
                .bottom(8.0),
        )
        .x_axis(
            base::value_axis(theme)
                .min(l.min)
                .max(l.max)
                .interval(l.step)
                .axis_label(base::axis_label(theme).formatter("{value} %"))
                // No split lines: they would strike through the row names above the bars,
                // and every bar carries its own value.
                .split_line(SplitLine::new().show(false)),
        )
        // The row names are drawn as text series (see `text::text_series`).
        .y_axis(base::pixel_axis(l.plot_h));

    // The zero line, carried by the first series: a short solid rule at the base of each bar
    // (a full-height line would run through the row names above the bars).
    let zero = base::strong_rule(theme, LineStyleType::Solid)
        .label(Label::new().show(false))
        .data(
            l.centres
                .iter()
                .map(|c| {
                    let end = |y: f64| MarkLineData::new().coord(vec![0.0, base::pixel(y)]);
                    MarkLineVariant::StartToEnd(end(c - l.bar_h / 2.0 - 3.0), end(c + l.bar_h / 2.0 + 3.0))
                })
                .collect(),
        );

    for (s, name) in DIRECTIONS.iter().enumerate() {
        // One item per row (a gap on the other direction's rows), so a row's data index is its
        // index in both series; the stack keeps each bar centred on its row.
        let data = (0..n)
            .map(|i| {
                if direction(l.rows[i]) == s {
                    item(vec![l.rows[i].value, base::pixel(l.centres[i])], l.values[i].as_str())
                } else {
                    base::gap()
                }
            })
            .collect();
        let position = if s == 0 {
            LabelPosition::Right
        } else {
            LabelPosition::Left
        };
        let mut bar = Bar::new()
            .name(*name)
            .stack("rows")
            .bar_width(l.bar_h)
            .item_style(ItemStyle::new().color(theme.palette[s % theme.palette.len()]))
            .label(base::name_label(theme).position(position))
            .data(data);
        if s == 0 {
            bar = bar.mark_line(zero.clone());
        }
        chart = chart.series(bar);
    }
    let marks = l
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Mark {
            key: encoding::key(figure, r),
            targets: vec![(direction(r), Some(i))],
        })
        .collect::<Vec<Mark>>();
    // A row's name labels its bar: a tap on the name is a tap on the bar.
    let keys: Vec<String> = marks.iter().map(|m| m.key.clone()).collect();
    let (chart, labels) = text::with_labels(chart, theme, &l.texts(), &keys);
    Drawing::new(chart, l.height(), marks).with_labels(labels)
}

#[cfg(test)]
mod tests;
