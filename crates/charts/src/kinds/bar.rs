//! Kind `bar`: horizontal bars, one per row, labelled with the row's name and period (if it has
//! one), and
//! coloured by the series drawn (the legend names each series).
//!
//! From [`NARROW`] px up, each bar's label sits beside the axis; below it, the labels move
//! above the bars so they can use the full width.
//!
//! Rows are as tall as their own labels: a label that wraps to three lines gets a taller row
//! than one that fits on one. So the bars are placed in pixels, on [`base::pixel_axis`].

use crate::base::{self, item};
use crate::encoding::{self, drawn, row_name};
use crate::text::{self, Align, Place, Text};
use crate::{ticks, Drawing, Mark, Theme};
use charming::component::{Grid, Legend};
use charming::element::{ItemStyle, LabelPosition, NameLocation, Orient};
use charming::series::Bar;
use kirov_content::{format, Content, Figure, Row};

/// Below this width, row labels are drawn above their bars (beside the axis they would leave
/// the bars too little room).
pub const NARROW: f64 = 640.0;

/// Space in px between a label and its bar (narrow), and between rows.
const LABEL_GAP: f64 = 4.0;
const ROW_GAP: f64 = 12.0;

/// Where everything goes at one width and theme.
struct Layout<'a> {
    /// Rows in the order of the series drawn (file order within a series).
    rows: Vec<&'a Row>,
    /// For each row, the index of its series among those drawn.
    series_of: Vec<usize>,
    /// Legend names, one per series drawn.
    names: Vec<String>,
    /// Wrapped row labels.
    titles: Vec<String>,
    /// Width of the widest row label.
    title_w: f64,
    /// Value labels (`about 21,000`).
    values: Vec<String>,
    narrow: bool,
    legend_h: f64,
    bar_h: f64,
    /// Each bar's centre, in px below the top of the plot.
    centres: Vec<f64>,
    /// Height of the plot in px (the rows and their labels).
    plot_h: f64,
    value_w: f64,
    axis_h: f64,
}

impl Layout<'_> {
    /// Row labels: beside the axis when wide, above each bar when narrow.
    fn texts(&self) -> Vec<Text> {
        self.titles
            .iter()
            .zip(&self.centres)
            .map(|(t, y)| Text {
                x: 0.0,
                y: base::pixel(*y),
                text: t.clone(),
                align: if self.narrow { Align::Right } else { Align::Left },
                place: if self.narrow {
                    Place::Above(self.bar_h / 2.0 + LABEL_GAP)
                } else {
                    Place::Middle(0.0)
                },
                distance: if self.narrow { 0.0 } else { 8.0 },
            })
            .collect()
    }

    fn top(&self) -> f64 {
        self.legend_h + 8.0
    }

    fn height(&self) -> f64 {
        (self.top() + self.plot_h + self.axis_h).ceil()
    }
}

/// A row's label as drawn: its name and, if the row has one, its period (`Leningrad (1930)`).
/// A row without a period (the article gives none) is labelled with its name alone.
fn title(figure: &Figure, row: &Row) -> String {
    let name = row_name(figure, row);
    match format::period(&row.period) {
        when if when.is_empty() => name.to_string(),
        when => format!("{name} ({when})"),
    }
}

fn layout<'a>(figure: &'a Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let mut rows = Vec::new();
    let mut series_of = Vec::new();
    let mut names = Vec::new();
    for (s, series) in drawn(figure, content).into_iter().enumerate() {
        names.push(text::wrap(&series.name, text::chars_in(theme, width - 60.0, 12)));
        series_of.extend(std::iter::repeat_n(s, series.rows.len()));
        rows.extend(series.rows);
    }
    let narrow = width < NARROW;
    let values: Vec<String> = rows.iter().map(|r| format::hedged_number(r)).collect();
    let value_w = values.iter().map(|v| text::text_width(theme, v)).fold(0.0, f64::max) + 12.0;
    let title_px = if narrow {
        width - 16.0
    } else {
        (width * 0.38).max(120.0)
    };
    let titles: Vec<String> = rows
        .iter()
        .map(|r| text::wrap(&title(figure, r), text::chars_in(theme, title_px, 12)))
        .collect();
    let bar_h = (theme.font_size * 1.4).max(16.0).round();
    // Each row reserves room for its own label's lines. Narrow: the label, a small gap, the
    // bar (its value label sits beside it, within the bar's height), then the gap to the next
    // row. Wide: the label is centred on the bar, beside the axis.
    let mut centres = Vec::with_capacity(rows.len());
    let mut y = 0.0;
    for title in &titles {
        let title_h = text::text_height(theme, title);
        let centre = if narrow {
            y + title_h + LABEL_GAP + bar_h / 2.0
        } else {
            y + (bar_h + theme.font_size).max(title_h + ROW_GAP) / 2.0
        };
        centres.push(centre);
        y = if narrow {
            centre + bar_h / 2.0 + ROW_GAP
        } else {
            2.0 * centre - y
        };
    }
    // The last row needs no gap below it, only a little air above the axis labels.
    let plot_h = if narrow { y - ROW_GAP + 6.0 } else { y }.max(bar_h);
    let line = theme.line_height();
    Layout {
        legend_h: text::legend_height(theme, &names, width, narrow),
        // The tick labels (a line and ECharts' 8 px margin) and, below them, the axis name.
        axis_h: 2.5 * line + 24.0,
        rows,
        series_of,
        names,
        title_w: titles.iter().map(|t| text::text_width(theme, t)).fold(0.0, f64::max),
        titles,
        values,
        narrow,
        bar_h,
        centres,
        plot_h,
        value_w,
    }
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> Drawing {
    let l = layout(figure, content, theme, width);
    let n = l.rows.len();
    let line = theme.line_height();

    // Round ticks that fit: the largest value sets the axis, its digits the label width.
    let top_value = l.rows.iter().map(|r| r.value).fold(0.0, f64::max);
    let plot_w = width - l.value_w - if l.narrow { 8.0 } else { l.title_w + 16.0 };
    let sample = format::number(&format!("{}", top_value.ceil() as i64));
    let step = ticks::fitting_step(0.0, top_value, plot_w, text::text_width(theme, &sample));
    let axis_max = ((top_value / step).ceil() * step).max(step);

    let mut chart = base::base_chart(figure, theme)
        .legend(
            Legend::new()
                .top(0.0)
                .left(if l.narrow { 0.0 } else { 8.0 })
                .orient(if l.narrow { Orient::Vertical } else { Orient::Horizontal })
                .text_style(base::text_style(theme, theme.text))
                .data(l.names.clone()),
        )
        .grid(
            // `containLabel` keeps the tick labels inside `bottom`; the axis name sits below.
            Grid::new()
                .contain_label(true)
                .top(l.top())
                .left(if l.narrow { 8.0 } else { l.title_w + 16.0 })
                .right(l.value_w)
                .bottom(l.axis_h - line - 8.0),
        )
        .x_axis(
            base::value_axis(theme)
                .min(0.0)
                .max(axis_max)
                .interval(step)
                .name(l.rows.first().map_or("", |r| r.unit.as_str()))
                .name_location(NameLocation::Middle)
                .name_gap(line + 12.0),
        )
        // The row labels are drawn as text series (see `text::text_series`).
        .y_axis(base::pixel_axis(l.plot_h));

    let mut marks = Vec::with_capacity(n);
    for (s, name) in l.names.iter().enumerate() {
        // One item per row (a gap on other series' rows), so a row's data index is its index
        // in every series, and the stack (which keeps each bar centred on its row rather than
        // in a slot per series) never piles one series on another.
        let data = (0..n)
            .map(|i| {
                if l.series_of[i] == s {
                    item(vec![l.rows[i].value, base::pixel(l.centres[i])], l.values[i].as_str())
                } else {
                    base::gap()
                }
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(name.as_str())
                .stack("rows")
                .bar_width(l.bar_h)
                .item_style(ItemStyle::new().color(theme.palette[s % theme.palette.len()]))
                .label(base::name_label(theme).position(LabelPosition::Right))
                .data(data),
        );
    }
    for (i, row) in l.rows.iter().enumerate() {
        marks.push(Mark {
            key: encoding::key(figure, row),
            targets: vec![(l.series_of[i], Some(i))],
        });
    }
    // A row's name labels its bar: a tap on the name is a tap on the bar.
    let keys: Vec<String> = marks.iter().map(|m| m.key.clone()).collect();
    let (chart, labels) = text::with_labels(chart, theme, &l.texts(), &keys);
    Drawing::new(chart, l.height(), marks).with_labels(labels)
}

#[cfg(test)]
mod tests;
