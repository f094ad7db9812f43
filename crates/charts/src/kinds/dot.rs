//! Kind `dot`: the rows of one series (claims about one quantity, say) as dots on a value
//! axis from zero, with a reference line if the figure gives one (a target, say). A bar
//! joins the dots. Each dot is labelled with its claimant's short name and value; the first
//! label sits above the bar, the rest below, since the dots may be only a few pixels apart. A
//! label short of the reference ends at its dot rather than centring on it, so it never runs
//! across the reference line.
//!
//! The series' name and its rows' periods name the row (`Output (1930)`).

use crate::base::{self, item};
use crate::encoding::{self, claimant_name, drawn};
use crate::text::{self, Align, Place, Text};
use crate::{ticks, Drawing, Mark, Theme};
use charming::component::Grid;
use charming::element::{
    ItemStyle, LabelAlign, LabelPosition, LineStyle, LineStyleType, MarkLineData, MarkLineVariant, Symbol,
};
use charming::series::{Line, Scatter};
use kirov_content::{format, Content, Figure, Reference, Row};

/// The row's name: the series' name and its rows' periods (`Output (1930)`).
fn category(name: &str, rows: &[&Row]) -> String {
    let mut periods: Vec<String> = rows.iter().map(|r| format::period(&r.period)).collect();
    periods.dedup();
    let when = periods.join(", ");
    match (name.is_empty(), when.is_empty()) {
        (true, _) => when,
        (false, true) => name.to_string(),
        (false, false) => format!("{name} ({when})"),
    }
}

/// `Petrov 92 %`: the claimant's short name (or, failing that, nothing) and the value.
fn claim_label(content: &Content, row: &Row) -> String {
    match claimant_name(content, row) {
        Some(name) => format!("{name} {}", format::value(row)),
        None => format::value(row),
    }
}

/// Below this width the row's name goes above the dots instead of beside them.
pub const NARROW: f64 = 600.0;

struct Layout<'a> {
    rows: Vec<&'a Row>,
    labels: Vec<String>,
    category: String,
    /// The end of the value axis (its start is zero), and what its tick labels add (` %`).
    end: f64,
    suffix: &'static str,
    narrow: bool,
    dot: f64,
    top: f64,
    left: f64,
    right: f64,
    step: f64,
    height: f64,
}

impl Layout<'_> {
    /// The row's name: left of the axis when wide; above the first dot's label when narrow.
    fn name(&self, theme: &Theme) -> Text {
        let line = theme.line_height();
        Text {
            x: 0.0,
            y: 0.0,
            text: self.category.clone(),
            align: if self.narrow { Align::Right } else { Align::Left },
            place: if self.narrow {
                Place::Above(self.dot / 2.0 + 6.0 + line + 6.0)
            } else {
                Place::Middle(0.0)
            },
            distance: if self.narrow { 0.0 } else { 8.0 },
        }
    }
}

fn layout<'a>(
    figure: &'a Figure,
    reference: Option<&Reference>,
    content: &'a Content,
    theme: &Theme,
    width: f64,
) -> Layout<'a> {
    let series = drawn(figure, content);
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    let name = names.join(", ");
    let rows: Vec<&Row> = series.iter().flat_map(|s| s.rows.iter().copied()).collect();
    let labels: Vec<String> = rows.iter().map(|r| claim_label(content, r)).collect();
    let line = theme.line_height();
    let narrow = width < NARROW;
    let dot = theme.font_size.round().max(12.0);
    // The axis runs from zero to a round number past every value and the reference.
    let hi = rows
        .iter()
        .map(|r| r.value)
        .chain(reference.map(|r| r.value))
        .fold(0.0, f64::max);
    let end = ticks::nice_step(hi, 1.0);
    let suffix = if !rows.is_empty() && rows.iter().all(|r| r.unit == "percent") {
        " %"
    } else {
        ""
    };
    let mark = reference.map_or(end, |r| r.value);
    // Leave room for the reference's label above its line, and for any label that starts at
    // its dot (see `label_align`) running on past the plot.
    let label_w = rows
        .iter()
        .zip(&labels)
        .filter(|(r, _)| label_align(r.value, mark, end) != LabelAlign::Right)
        .map(|(_, t)| text::text_width(theme, t))
        .fold(0.0, f64::max);
    let reference_w = reference.map_or(0.0, |r| text::text_width(theme, &r.label));
    let right = label_w.max(reference_w / 2.0) + 8.0;
    let name_px = if narrow { width - right - 40.0 } else { width * 0.25 };
    let category = text::wrap(&category(&name, &rows), text::chars_in(theme, name_px, 8));
    let name_h = text::text_height(theme, &category);
    // Narrow, the plot starts near the edge; leave half the first tick label's width.
    let left = if narrow {
        text::text_width(theme, &format!("0{suffix}")) / 2.0 + 8.0
    } else {
        text::text_width(theme, &category) + 16.0
    };
    // The dot sits mid-band with a label above and below; the reference's label sits above the
    // plot, and (narrow) the row's name above the upper label.
    let half = dot / 2.0 + 6.0 + line + 4.0;
    let band = (2.0 * half).max(if narrow { 0.0 } else { name_h + 8.0 });
    let top = if narrow {
        (name_h + 6.0 + line + 8.0 - (band / 2.0 - half)).max(line + 10.0)
    } else {
        line + 10.0
    };
    let axis = line + 8.0 + 8.0;
    let plot_w = width - left - right;
    let step = ticks::nice_step(end, ticks::tick_count(theme, plot_w, &format!("{end}{suffix}")));
    Layout {
        height: (top + band + axis).ceil(),
        rows,
        labels,
        category,
        end,
        suffix,
        narrow,
        dot,
        top,
        left,
        right,
        step,
    }
}

/// How a dot's label lines up with it: starting at it from the reference (or the axis's end)
/// up; short of it, ending at the dot (so it runs away from the reference line) unless the dot
/// is in the left half of the axis, where it is centred.
fn label_align(value: f64, mark: f64, end: f64) -> LabelAlign {
    if value >= mark {
        LabelAlign::Left
    } else if value >= end / 2.0 {
        LabelAlign::Right
    } else {
        LabelAlign::Center
    }
}

pub fn build(figure: &Figure, reference: Option<&Reference>, content: &Content, theme: &Theme, width: f64) -> Drawing {
    let l = layout(figure, reference, content, theme, width);
    let mark = reference.map_or(l.end, |r| r.value);
    let dot = l.dot;
    let line_w = if theme.font_size >= 20.0 { 5.0 } else { 3.0 };

    let mut chart = base::base_chart(figure, theme)
        .grid(
            Grid::new()
                .contain_label(true)
                .top(l.top)
                .left(l.left)
                .right(l.right)
                .bottom(8.0),
        )
        .x_axis(
            base::value_axis(theme)
                .min(0.0)
                .max(l.end)
                .interval(l.step)
                .axis_label(base::axis_label(theme).formatter(format!("{{value}}{}", l.suffix).as_str())),
        )
        // The row's name is a text series (see `text::text_series`).
        .y_axis(base::category_axis(theme, vec![l.category.clone()]).axis_label(base::axis_label(theme).show(false)));

    // Series 0: the bar between the dots, carrying the reference line.
    let mut bar = Line::new()
        .name("")
        .symbol(Symbol::None)
        .silent(true)
        .line_style(LineStyle::new().color(theme.muted).width(line_w))
        .data(
            l.rows
                .iter()
                .map(|r| vec![r.value, 0.0].into())
                .collect::<Vec<charming::datatype::DataPoint>>(),
        );
    if let Some(reference) = reference {
        bar = bar.mark_line(
            base::strong_rule(theme, LineStyleType::Dashed)
                .label(base::label(theme).formatter(reference.label.as_str()))
                .data(vec![MarkLineVariant::Simple(
                    MarkLineData::new()
                        .x_axis(reference.value)
                        .name(reference.label.as_str()),
                )]),
        );
    }
    chart = chart.series(bar);
    // Then one dot per row, labelled above for the first, below for the rest.
    let mut marks = Vec::new();
    for (k, (row, text)) in l.rows.iter().zip(&l.labels).enumerate() {
        let position = if k == 0 {
            LabelPosition::Top
        } else {
            LabelPosition::Bottom
        };
        chart = chart.series(
            Scatter::new()
                .name(text.as_str())
                .symbol(Symbol::Circle)
                .symbol_size(dot)
                .item_style(ItemStyle::new().color(theme.palette[k % theme.palette.len()]))
                .label(
                    base::name_label(theme)
                        .position(position)
                        .distance(6.0)
                        .align(label_align(row.value, mark, l.end)),
                )
                .data(vec![item(vec![row.value, 0.0], text.as_str())]),
        );
        marks.push(Mark {
            key: encoding::key(figure, row),
            targets: vec![(k + 1, Some(0))],
        });
    }
    let name = l.name(theme);
    chart = text::with_texts(chart, theme, &[name]);
    Drawing::new(chart, l.height, marks)
}

#[cfg(test)]
mod tests;
