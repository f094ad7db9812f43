//! Kind `timeline`: every event of `timeline.toml` as a dot in the lane of each of its tags
//! (the figure's lanes, top to bottom), at its date as a fractional year (1930.75 is the start
//! of October 1930; a date with only a year sits at mid-year).
//!
//! Dots are placed on hidden value axes. The years below are a category axis lined up with
//! the hidden one, because ECharts prints value-axis years with a thousands separator
//! ("1,930") and charming's options cannot carry a formatter function; the lane names at the
//! left are text series (see [`text::text_series`]). Events close in time in the same lane are
//! nudged apart vertically so each stays visible and pointable.

use crate::base::{self, item};
use crate::text::{self, Align, Place, Text};
use crate::{Drawing, Mark, Theme};
use charming::component::Grid;
use charming::element::{AxisTick, ItemStyle, SplitLine, Symbol};
use charming::series::Scatter;
use kirov_content::{format, plain_text, Content, Date, Event, Figure, Lane};

/// A date as a fractional year: the start of its day or month, or mid-year without a month.
pub fn year_fraction(d: &Date) -> f64 {
    let year = f64::from(d.year);
    let Some(month) = d.month.filter(|m| (1..=12).contains(m)) else {
        return year + 0.5;
    };
    let start = year + f64::from(month - 1) / 12.0;
    match d.day {
        Some(day) if day >= 1 => start + f64::from(day - 1) / (12.0 * f64::from(days_in(d.year, month))),
        _ => start,
    }
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Vertical nudges, in rows, tried in order for a dot that would cover a neighbour.
const NUDGES: [f64; 7] = [0.0, -0.22, 0.22, -0.11, 0.11, -0.33, 0.33];

struct Layout<'a> {
    /// Events in reading (date) order.
    events: Vec<&'a Event>,
    first_year: u16,
    last_year: u16,
    row_names: Vec<String>,
    names_w: f64,
    dot: f64,
    plot_w: f64,
    height: f64,
}

fn layout<'a>(lanes: &[Lane], content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let mut events: Vec<&Event> = content.events.iter().collect();
    events.sort_by_key(|e| e.date);
    let first_year = events.first().map_or(1926, |e| e.date.year);
    let last_year = events
        .iter()
        .map(|e| e.date.year)
        .max()
        .unwrap_or(first_year)
        .max(first_year);
    let narrow = width < 600.0;
    let chars = text::chars_in(theme, if narrow { width * 0.34 } else { width * 0.22 }, 8);
    let row_names: Vec<String> = lanes.iter().map(|l| text::wrap(&l.name, chars)).collect();
    let names_w = row_names.iter().map(|n| text::text_width(theme, n)).fold(0.0, f64::max);
    let dot = (theme.font_size * 0.8).round().max(10.0);
    let tallest = row_names
        .iter()
        .map(|n| text::text_height(theme, n))
        .fold(0.0, f64::max);
    // Room for three dots stacked within a row (see NUDGES), and for the row's name.
    let band = (dot / NUDGES[1].abs() + 4.0).max(tallest + 10.0);
    let line = theme.line_height();
    let height = (12.0 + lanes.len() as f64 * band + line + 16.0).ceil();
    let plot_w = (width - names_w - 16.0 - text::text_width(theme, "1942") / 2.0 - 8.0).max(40.0);
    Layout {
        events,
        first_year,
        last_year,
        row_names,
        names_w,
        dot,
        plot_w,
        height,
    }
}

/// Years to step between axis labels so they do not collide.
fn label_step(theme: &Theme, plot_w: f64, years: u16) -> u16 {
    let per_year = plot_w / f64::from(years.max(1));
    let need = text::text_width(theme, "1930") + 14.0;
    [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| f64::from(*s) * per_year >= need)
        .unwrap_or(100)
}

pub fn build(figure: &Figure, lanes: &[Lane], content: &Content, theme: &Theme, width: f64) -> Drawing {
    let l = layout(lanes, content, theme, width);
    let (min, max) = (l.first_year, l.last_year.saturating_add(1));
    let years: Vec<String> = (min..=max).map(|y| y.to_string()).collect();
    let step = label_step(theme, l.plot_w, max - min);
    let shown: Vec<String> = (min..=max)
        .filter(|y| y.is_multiple_of(step))
        .map(|y| y.to_string())
        .collect();
    let per_year = l.plot_w / f64::from((max - min).max(1));
    let near = l.dot * 1.1 / per_year;

    // Labels, and split lines (which follow the ticks), only at the years in `shown`.
    let label = shown
        .iter()
        .fold(base::axis_label(theme), |label, y| label.custom_values(y.as_str()));
    let year_axis = base::category_axis(theme, years)
        .position("bottom")
        .boundary_gap(false)
        .axis_tick(AxisTick::new().show(false).custom_values(shown.clone()))
        .split_line(SplitLine::new().show(true).line_style(base::rule(theme)));
    let mut chart = base::base_chart(figure, theme)
        .grid(
            Grid::new()
                .contain_label(true)
                .top(12.0)
                .left(l.names_w + 16.0)
                .right(text::text_width(theme, "1942") / 2.0 + 8.0)
                .bottom(8.0),
        )
        // x axis 0 places the dots; x axis 1 carries the year labels.
        .x_axis(base::hidden_value_axis(f64::from(min), f64::from(max)))
        .x_axis(year_axis.axis_label(label))
        .y_axis(base::hidden_value_axis(-0.5, lanes.len() as f64 - 0.5).inverse(true));

    // One series per row; an event with several tags has a dot in each of its rows.
    let mut targets: Vec<Vec<(usize, Option<usize>)>> = vec![Vec::new(); l.events.len()];
    for (s, lane) in lanes.iter().enumerate() {
        let mut placed: Vec<(f64, f64)> = Vec::new();
        let mut data = Vec::new();
        for (e, event) in l.events.iter().enumerate() {
            if !event.tags.contains(&lane.tag) {
                continue;
            }
            let x = year_fraction(&event.date);
            let nudge = NUDGES
                .iter()
                .copied()
                .find(|n| !placed.iter().any(|(px, pn)| (px - x).abs() < near && pn == n))
                .unwrap_or(0.0);
            placed.push((x, nudge));
            targets[e].push((s, Some(data.len())));
            let name = format!("{}: {}", format::date(&event.date), plain_text(&event.title));
            data.push(item(vec![x, s as f64 + nudge], name));
        }
        chart = chart.series(
            Scatter::new()
                .name(lane.name.as_str())
                .symbol(Symbol::Circle)
                .symbol_size(l.dot)
                .item_style(
                    ItemStyle::new()
                        .color(theme.palette[s % theme.palette.len()])
                        .border_color(theme.paper)
                        .border_width(1.0),
                )
                .data(data),
        );
    }
    let names: Vec<Text> = l
        .row_names
        .iter()
        .enumerate()
        .map(|(i, n)| Text {
            x: f64::from(min),
            y: i as f64,
            text: n.clone(),
            align: Align::Left,
            place: Place::Middle(0.0),
            distance: 8.0,
        })
        .collect();
    chart = text::with_texts(chart, theme, &names);
    let marks = l
        .events
        .iter()
        .zip(targets)
        .filter(|(_, t)| !t.is_empty())
        .map(|(e, targets)| Mark {
            key: format!("event/{}", e.id),
            targets,
        })
        .collect();
    Drawing::new(chart, l.height, marks)
}

#[cfg(test)]
mod tests;
