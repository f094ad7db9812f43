//! Figure `workforce-growth`: headcounts as horizontal bars, one bar per dataset row, coloured
//! by the row's series (the legend names each series by the place its rows count).
//!
//! From [`NARROW`] px up, each bar's label sits beside the axis; below it, the labels move
//! above the bars so they can use the full width.
//!
//! Rows are as tall as their own labels: a label that wraps to three lines gets a taller row
//! than one that fits on one. So the bars are placed in pixels, on [`common::pixel_axis`].

use super::common::{self, item, Align, Place, Text};
use super::{ChartSpec, Mark, Theme};
use charming::component::{Grid, Legend};
use charming::element::{ItemStyle, LabelPosition, NameLocation, Orient};
use charming::series::Bar;
use kirov_content::{Content, Figure, Row};

/// Below this width, row labels are drawn above their bars (beside the axis they would leave
/// the bars too little room).
pub const NARROW: f64 = 640.0;

/// Space in px between a label and its bar (narrow), and between rows.
const LABEL_GAP: f64 = 4.0;
const ROW_GAP: f64 = 12.0;

/// Where everything goes at one width and theme.
struct Layout<'a> {
    /// Rows in the figure's series order (file order within a series).
    rows: Vec<&'a Row>,
    /// For each row, the index of its series in `figure.series`.
    series_of: Vec<usize>,
    /// Legend names, one per series in `figure.series`: the place its rows count.
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
                y: common::pixel(*y),
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

fn layout<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let all = content.figure_rows(figure);
    let mut rows = Vec::new();
    let mut series_of = Vec::new();
    let mut names = Vec::new();
    for (s, id) in figure.series.iter().enumerate() {
        let of_series: Vec<&Row> = all.iter().copied().filter(|r| &r.series == id).collect();
        let place = of_series.first().map_or(id.as_str(), |r| r.place.as_str());
        names.push(common::wrap(place, common::chars_in(theme, width - 60.0, 12)));
        series_of.extend(std::iter::repeat_n(s, of_series.len()));
        rows.extend(of_series);
    }
    let narrow = width < NARROW;
    let values: Vec<String> = rows.iter().map(|r| common::qualified_number(r)).collect();
    let value_w = values.iter().map(|v| common::text_width(theme, v)).fold(0.0, f64::max) + 12.0;
    let title_px = if narrow {
        width - 16.0
    } else {
        (width * 0.38).max(120.0)
    };
    let titles: Vec<String> = rows
        .iter()
        .map(|r| {
            let text = format!("{} ({})", r.label, common::period(&r.period));
            common::wrap(&text, common::chars_in(theme, title_px, 12))
        })
        .collect();
    let bar_h = (theme.font_size * 1.4).max(16.0).round();
    // Each row reserves room for its own label's lines. Narrow: the label, a small gap, the
    // bar (its value label sits beside it, within the bar's height), then the gap to the next
    // row. Wide: the label is centred on the bar, beside the axis.
    let mut centres = Vec::with_capacity(rows.len());
    let mut y = 0.0;
    for title in &titles {
        let title_h = common::text_height(theme, title);
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
    let line = common::line_height(theme);
    Layout {
        legend_h: common::legend_height(theme, &names, width, narrow),
        // The tick labels (a line and ECharts' 8 px margin) and, below them, the axis name.
        axis_h: 2.5 * line + 24.0,
        rows,
        series_of,
        names,
        title_w: titles.iter().map(|t| common::text_width(theme, t)).fold(0.0, f64::max),
        titles,
        values,
        narrow,
        bar_h,
        centres,
        plot_h,
        value_w,
    }
}

/// The height the chart's container should have at `width`, for the given theme: the plot
/// is sized so every row fits its label.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    layout(figure, content, theme, width).height()
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let n = l.rows.len();
    let line = common::line_height(theme);

    // Round ticks that fit: the largest value sets the axis, its digits the label width.
    let top_value = l.rows.iter().map(|r| r.value).fold(0.0, f64::max);
    let plot_w = width - l.value_w - if l.narrow { 8.0 } else { l.title_w + 16.0 };
    let sample = crate::format::number(&format!("{}", top_value.ceil() as i64));
    let step = common::fitting_step(0.0, top_value, plot_w, common::text_width(theme, &sample));
    let axis_max = ((top_value / step).ceil() * step).max(step);

    let mut chart = common::base_chart(figure, theme)
        .legend(
            Legend::new()
                .top(0.0)
                .left(if l.narrow { 0.0 } else { 8.0 })
                .orient(if l.narrow { Orient::Vertical } else { Orient::Horizontal })
                .text_style(common::text_style(theme, theme.text))
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
            common::value_axis(theme)
                .min(0.0)
                .max(axis_max)
                .interval(step)
                .name(l.rows.first().map_or("", |r| r.unit.as_str()))
                .name_location(NameLocation::Middle)
                .name_gap(line + 12.0),
        )
        // The row labels are drawn as text series (see `common::text_series`).
        .y_axis(common::pixel_axis(l.plot_h));

    let mut marks = Vec::with_capacity(n);
    for (s, name) in l.names.iter().enumerate() {
        // One item per row (a gap on other series' rows), so a row's data index is its index
        // in every series, and the stack (which keeps each bar centred on its row rather than
        // in a slot per series) never piles one series on another.
        let data = (0..n)
            .map(|i| {
                if l.series_of[i] == s {
                    item(vec![l.rows[i].value, common::pixel(l.centres[i])], l.values[i].as_str())
                } else {
                    common::gap()
                }
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(name.as_str())
                .stack("rows")
                .bar_width(l.bar_h)
                .item_style(ItemStyle::new().color(theme.palette[s % theme.palette.len()]))
                .label(common::name_label(theme).position(LabelPosition::Right))
                .data(data),
        );
    }
    for (i, row) in l.rows.iter().enumerate() {
        marks.push(Mark {
            key: format!("{}/{}", figure.dataset, row.id),
            targets: vec![(l.series_of[i], Some(i))],
        });
    }
    for text in common::text_series(theme, &l.texts()) {
        chart = chart.series(text);
    }
    ChartSpec { chart, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::common::test_support::*;

    #[test]
    fn bars_equal_the_rows_and_marks_cover_them() {
        let figure = figure("workforce-growth");
        let content = content();
        let rows = content.figure_rows(figure);
        assert_eq!(rows.len(), 5);
        for theme in themes() {
            for width in WIDTHS {
                let spec = build(figure, content, &theme, width);
                let v = json(&spec);
                assert_common(&v, figure, &theme);
                let mut seen = Vec::new();
                for (s, id) in figure.series.iter().enumerate() {
                    assert_eq!(v["series"][s]["type"], "bar");
                    for (i, item) in data(&v, s).iter().enumerate() {
                        let Some(value) = numbers(item)[0] else { continue };
                        let mark = spec.mark_at(s, i).expect("every bar has a mark");
                        let row_id = mark.key.strip_prefix("workforce/").expect("dataset key");
                        let row = rows.iter().find(|r| r.id == row_id).expect("a real row");
                        assert_eq!(&row.series, id);
                        assert_eq!(value, row.value, "{row_id}");
                        assert_eq!(item["name"], common::qualified_number(row));
                        seen.push(row_id.to_string());
                    }
                }
                seen.sort();
                let mut expected: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
                expected.sort();
                assert_eq!(seen, expected, "every row drawn exactly once");
                let keys: Vec<String> = figure
                    .series
                    .iter()
                    .flat_map(|s| rows.iter().filter(move |r| &r.series == s))
                    .map(|r| format!("workforce/{}", r.id))
                    .collect();
                assert_marks(&spec, &v, &keys);
                // Each row's label is drawn, in full, with its period.
                let l = layout(figure, content, &theme, width);
                for (title, row) in l.titles.iter().zip(&l.rows) {
                    assert!(draws(&v, title), "{title}");
                    let full = format!("{} ({})", row.label, common::period(&row.period));
                    assert_eq!(unwrap(title), full);
                }
            }
        }
    }

    /// Each row reserves room for its own label's lines, nothing in one row reaches into the
    /// next, and a value label (one line, centred on its bar) stays within the bar's height, so
    /// it never meets a row label.
    #[test]
    fn rows_fit_their_own_labels() {
        let figure = figure("workforce-growth");
        for theme in themes() {
            let line = common::line_height(&theme);
            for width in WIDTHS.into_iter().chain([608.0, 640.0, 1200.0]) {
                let l = layout(figure, content(), &theme, width);
                assert!(line <= l.bar_h, "{}: value labels taller than bars", theme.name);
                let mut bottom = 0.0;
                for (i, (title, centre)) in l.titles.iter().zip(&l.centres).enumerate() {
                    let h = common::text_height(&theme, title);
                    let (top, end) = if l.narrow {
                        (centre - l.bar_h / 2.0 - LABEL_GAP - h, centre + l.bar_h / 2.0)
                    } else {
                        let half = h.max(l.bar_h) / 2.0;
                        (centre - half, centre + half)
                    };
                    let gap = if i == 0 { 0.0 } else { 8.0 };
                    assert!(
                        top >= bottom + gap,
                        "{} at {width}: row {i} overlaps the one above",
                        theme.name
                    );
                    bottom = end;
                }
                assert!(
                    bottom <= l.plot_h,
                    "{} at {width}: the last row leaves the plot",
                    theme.name
                );
                assert!(l.height() >= l.top() + l.plot_h + line + 8.0);
            }
        }
        // Narrow, a two-line label's row is a line taller than a one-line label's.
        let l = layout(figure, content(), &Theme::light(), 608.0);
        let lines: Vec<usize> = l.titles.iter().map(|t| t.lines().count()).collect();
        assert!(lines.contains(&1) && lines.contains(&2), "{lines:?}");
        let line = common::line_height(&Theme::light());
        for (i, pair) in l.centres.windows(2).enumerate() {
            let step = pair[1] - pair[0];
            let expected = l.bar_h + ROW_GAP + LABEL_GAP + lines[i + 1] as f64 * line;
            assert!((step - expected).abs() < 1e-9, "row {}: {step} != {expected}", i + 1);
        }
    }

    #[test]
    fn value_labels_group_thousands() {
        let spec = build(figure("workforce-growth"), content(), &Theme::light(), 1280.0);
        let text = json(&spec).to_string();
        for label in [
            "\"15,000\"",
            "\"about 21,000\"",
            "\"133,000\"",
            "\"200,374\"",
            "\"133,031\"",
        ] {
            assert!(text.contains(label), "{label}");
        }
    }
}
