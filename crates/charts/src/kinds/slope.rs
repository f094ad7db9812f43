//! Kind `slope`: shares in percent, one line per series drawn, from its first row ("Start")
//! to its last ("End"). The years may differ between series, so every point's label carries
//! its own year, and the end label names the series.
//!
//! Labels are placed in Rust: start labels left of the start points, end labels right of the
//! end points, pushed apart vertically where values are close (see [`dodge`]). The labels are
//! text series (see [`text::text_series`]) after the lines.

use crate::encoding::{self, drawn};
use crate::text::{self, Align, Place, Text};
use crate::{base, Drawing, Mark, Theme};
use charming::component::Grid;
use charming::element::{ItemStyle, LineStyle, Symbol};
use charming::series::Line;
use kirov_content::{format, Content, Figure, Row};

mod dodge;
use dodge::dodge;

/// Below this width, the year goes under the value and series names wrap.
const NARROW: f64 = 600.0;

/// One drawn point: its row, its line (series index) and position (0 = start, 1 = end).
struct Point<'a> {
    row: &'a Row,
    line: usize,
    end: bool,
    text: String,
    /// Vertical label offset in px after pushing overlapping labels apart.
    shift: f64,
}

struct Layout<'a> {
    narrow: bool,
    lines: Vec<(String, Vec<&'a Row>)>,
    points: Vec<Point<'a>>,
    height: f64,
    top: f64,
    right: f64,
}

const TOP_PAD: f64 = 8.0;

fn layout<'a>(figure: &'a Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let line_h = theme.line_height();
    let lines: Vec<(String, Vec<&Row>)> = drawn(figure, content)
        .into_iter()
        .map(|series| {
            // A slope joins two rows: the earlier (first in the file) and the later (last).
            let ends = match series.rows.as_slice() {
                [] => vec![],
                [only] => vec![*only],
                [first, .., last] => vec![*first, *last],
            };
            (series.name, ends)
        })
        .collect();

    // Horizontal space. The y axis labels (`100 %`) take `axis_w`; with two categories and a
    // boundary gap the points sit a quarter of the plot in from each side, and end labels may
    // run on into the grid's right margin.
    let axis_w = text::text_width(theme, "100 %") + 8.0 + 8.0;
    let value_text = |r: &Row, narrow: bool| {
        let year = format::period(&r.period);
        let value = format::value(r);
        if narrow {
            format!("{value}\n({year})")
        } else {
            format!("{value} ({year})")
        }
    };
    let start_w = |narrow: bool| {
        lines
            .iter()
            .filter_map(|(_, ends)| ends.first())
            .map(|r| text::text_width(theme, &value_text(r, narrow)))
            .fold(0.0, f64::max)
            + 12.0
    };
    // The start points sit a quarter of the plot in from its left edge, so the plot must be at
    // least four start labels wide or they run into the axis labels; end labels get what is
    // left. Narrow (and wherever one-line start labels would leave end labels too little
    // room, as with large type), the year goes under the value.
    let inner = width - 8.0 - axis_w;
    let end_room = |narrow: bool| inner - 3.0 * start_w(narrow) - 12.0;
    let narrow = width < NARROW || end_room(false) < start_w(false);
    let value_text = |r: &Row| value_text(r, narrow);
    let end_room = end_room(narrow);
    let mut points = Vec::new();
    for (line, (name, ends)) in lines.iter().enumerate() {
        for (k, row) in ends.iter().enumerate() {
            let end = k == 1;
            let text = if !end {
                value_text(row)
            } else if narrow {
                let name = text::wrap(name, text::chars_in(theme, end_room, 8));
                format!("{name}\n{}", value_text(row).replace('\n', " "))
            } else {
                let one = format!("{}  {name}", value_text(row));
                text::wrap(&one, text::chars_in(theme, end_room, 12))
            };
            points.push(Point {
                row,
                line,
                end,
                text,
                shift: 0.0,
            });
        }
    }
    let end_w = points
        .iter()
        .filter(|p| p.end)
        .map(|p| text::text_width(theme, &p.text))
        .fold(0.0, f64::max)
        + 12.0;
    // Grid right margin r so that a quarter of the plot plus r holds the end labels.
    let right = ((end_w - 0.25 * inner) / 0.75).max(8.0);

    // Vertical space: enough plot height that each side's labels can stack without overlap.
    let stack = |end: bool| {
        points
            .iter()
            .filter(|p| p.end == end)
            .map(|p| text::text_height(theme, &p.text) + 4.0)
            .sum::<f64>()
    };
    let axis_h = line_h + 8.0 + 8.0;
    let top = TOP_PAD + line_h;
    // Phones get a squarer plot: the lines are short, the labels tall.
    let plot_h = (width * if narrow { 0.8 } else { 0.55 })
        .clamp(280.0, 460.0)
        .max(1.4 * stack(false).max(stack(true)));
    let height = (top + plot_h + axis_h).ceil();

    // Push labels apart on each side, in pixels of this plot.
    for end in [false, true] {
        let mut side: Vec<(usize, f64, f64)> = points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.end == end)
            .map(|(i, p)| {
                (
                    i,
                    top + (1.0 - p.row.value / 100.0) * plot_h,
                    text::text_height(theme, &p.text),
                )
            })
            .collect();
        side.sort_by(|a, b| a.1.total_cmp(&b.1));
        // Not below the plot, where the "Start" and "End" labels are.
        let bounds = (top - line_h / 2.0, top + plot_h + 2.0);
        let placed = dodge(&side.iter().map(|s| (s.1, s.2)).collect::<Vec<_>>(), 4.0, bounds);
        for ((i, y, _), new_y) in side.iter().zip(placed) {
            points[*i].shift = (new_y - y).round();
        }
    }
    Layout {
        narrow,
        lines,
        points,
        height,
        top,
        right,
    }
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> Drawing {
    let l = layout(figure, content, theme, width);
    let line_w = if theme.font_size >= 20.0 { 4.0 } else { 2.5 };
    let dot = (theme.font_size * 0.7).round().max(8.0);

    let mut chart = base::base_chart(figure, theme)
        .grid(
            Grid::new()
                .contain_label(true)
                .top(l.top)
                .left(8.0)
                .right(l.right)
                .bottom(8.0),
        )
        .x_axis(
            // Positions: "before" (index 0) and "after" (index 1).
            base::category_axis(theme, vec!["Start".into(), "End".into()])
                .boundary_gap(true)
                .axis_label(base::axis_label(theme).color(theme.text).interval(0.0)),
        )
        .y_axis(
            base::value_axis(theme)
                .min(0.0)
                .max(100.0)
                .interval(if l.narrow { 50.0 } else { 25.0 })
                .axis_label(base::axis_label(theme).formatter("{value} %")),
        );

    // One line per dataset series, its points in file order.
    for (s, (name, ends)) in l.lines.iter().enumerate() {
        let colour = theme.palette[s % theme.palette.len()];
        chart = chart.series(
            Line::new()
                .name(name.as_str())
                .symbol(Symbol::Circle)
                .symbol_size(dot)
                .show_symbol(true)
                .line_style(LineStyle::new().color(colour).width(line_w))
                .item_style(ItemStyle::new().color(colour))
                .data(ends.iter().map(|r| r.value).collect()),
        );
    }
    // Then the labels: start values to the left, end values and names to the right.
    let texts: Vec<Text> = l
        .points
        .iter()
        .map(|p| Text {
            x: f64::from(u8::from(p.end)),
            y: p.row.value,
            text: p.text.clone(),
            align: if p.end { Align::Right } else { Align::Left },
            place: Place::Middle(p.shift),
            distance: dot / 2.0 + 6.0,
        })
        .collect();
    chart = text::with_texts(chart, theme, &texts);
    let marks = l
        .points
        .iter()
        .map(|p| Mark {
            key: encoding::key(figure, p.row),
            targets: vec![(p.line, Some(usize::from(p.end)))],
        })
        .collect();
    Drawing::new(chart, l.height, marks)
}

#[cfg(test)]
mod tests;
