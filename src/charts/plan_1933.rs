//! Figure `plan-1933`: the percentages given at the 11th conference of 26 March 1933 as a
//! diverging horizontal bar chart. Bars run right of zero for a rise and left of it for a fall
//! (a zero rule at each bar's base), each labelled at its outer end with its value, in a series per
//! direction so the two directions differ in pattern as well as colour.
//!
//! Each row's name (its label and, if it was someone's claim, whose) sits above its bar across
//! the whole plot, at every width; rows are as tall as their names, so the bars are placed in
//! pixels on [`common::pixel_axis`].

use super::common::{self, item, Align, Place, Text};
use super::{ChartSpec, Mark, Theme};
use charming::component::Grid;
use charming::element::{
    ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, SplitLine,
    Symbol,
};
use charming::series::Bar;
use kirov_content::{Content, Figure, Row};

/// Space in px between a row's name and its bar, and between rows.
const LABEL_GAP: f64 = 4.0;
const ROW_GAP: f64 = 14.0;

/// The two directions, in series order: a rise (or zero), then a fall.
const DIRECTIONS: [&str; 2] = ["Rise", "Fall"];

/// The series a row's bar belongs to: 0 for a value of zero or more, 1 for a negative one.
fn direction(row: &Row) -> usize {
    usize::from(row.value < 0.0)
}

/// A row's name as drawn: its label and, for a claim, the claimant (`…, according to Ots`).
fn title(content: &Content, row: &Row) -> String {
    match common::claimant(content, row) {
        Some(name) => format!("{}, according to {name}", row.label),
        None => row.label.clone(),
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
                y: common::pixel(*y),
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

fn layout<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows = content.figure_rows(figure);
    let values: Vec<String> = rows.iter().map(|r| crate::format::value(r)).collect();
    let side = values.iter().map(|v| common::text_width(theme, v)).fold(0.0, f64::max) + 12.0;
    let plot_w = width - 2.0 * side;
    let titles: Vec<String> = rows
        .iter()
        .map(|r| common::wrap(&title(content, r), common::chars_in(theme, width - side - 8.0, 12)))
        .collect();
    let bar_h = (theme.font_size * 1.4).max(16.0).round();
    // Each row: its name, a small gap, the bar (its value label beside it, within the bar's
    // height), then the gap to the next row.
    let mut centres = Vec::with_capacity(rows.len());
    let mut y = 0.0;
    for t in &titles {
        let centre = y + common::text_height(theme, t) + LABEL_GAP + bar_h / 2.0;
        centres.push(centre);
        y = centre + bar_h / 2.0 + ROW_GAP;
    }
    let plot_h = (y - ROW_GAP + 8.0).max(bar_h);

    // Round ticks that fit, over a range that always includes zero.
    let lo = rows.iter().map(|r| r.value).fold(0.0, f64::min);
    let hi = rows.iter().map(|r| r.value).fold(0.0, f64::max);
    let sample = format!(
        "−{} %",
        crate::format::number(&format!("{}", lo.abs().max(hi).ceil() as i64))
    );
    let step = common::fitting_step(lo, hi, plot_w, common::text_width(theme, &sample));
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
        axis_h: common::line_height(theme) + 16.0,
    }
}

/// The height the chart's container should have at `width` for the given theme.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    layout(figure, content, theme, width).height()
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let n = l.rows.len();

    let mut chart = common::base_chart(figure, theme)
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
            common::value_axis(theme)
                .min(l.min)
                .max(l.max)
                .interval(l.step)
                .axis_label(common::axis_label(theme).formatter("{value} %"))
                // No split lines: they would strike through the row names above the bars,
                // and every bar carries its own value.
                .split_line(SplitLine::new().show(false)),
        )
        // The row names are drawn as text series (see `common::text_series`).
        .y_axis(common::pixel_axis(l.plot_h));

    // The zero line, carried by the first series: a short solid rule at the base of each bar
    // (a full-height line would run through the row names above the bars).
    let zero = MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(
            LineStyle::new()
                .color(theme.text)
                .width(1.5)
                .type_(LineStyleType::Solid),
        )
        .label(Label::new().show(false))
        .data(
            l.centres
                .iter()
                .map(|c| {
                    let end = |y: f64| MarkLineData::new().coord(vec![0.0, common::pixel(y)]);
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
                    item(vec![l.rows[i].value, common::pixel(l.centres[i])], l.values[i].as_str())
                } else {
                    common::gap()
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
            .label(common::name_label(theme).position(position))
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
            key: format!("{}/{}", figure.dataset, r.id),
            targets: vec![(direction(r), Some(i))],
        })
        .collect();
    for text in common::text_series(theme, &l.texts()) {
        chart = chart.series(text);
    }
    ChartSpec { chart, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::common::test_support::*;

    fn widths() -> impl Iterator<Item = f64> {
        WIDTHS.into_iter().chain([608.0])
    }

    #[test]
    fn bars_equal_the_rows_and_marks_cover_them_once() {
        let figure = figure("plan-1933");
        let content = content();
        let rows = content.figure_rows(figure);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.unit == "percent"));
        for theme in themes() {
            for width in widths() {
                let spec = build(figure, content, &theme, width);
                let v = json(&spec);
                assert_common(&v, figure, &theme);
                let mut seen = Vec::new();
                for s in 0..DIRECTIONS.len() {
                    assert_eq!(v["series"][s]["type"], "bar");
                    assert_eq!(v["series"][s]["itemStyle"]["color"], theme.palette[s]);
                    for (i, item) in data(&v, s).iter().enumerate() {
                        let Some(value) = numbers(item)[0] else { continue };
                        let mark = spec.mark_at(s, i).expect("every bar has a mark");
                        let row_id = mark.key.strip_prefix("plan/").expect("dataset key");
                        let row = rows.iter().find(|r| r.id == row_id).expect("a real row");
                        assert_eq!(value, row.value, "{row_id}");
                        assert_eq!(s, usize::from(row.value < 0.0), "{row_id} on the wrong side");
                        assert_eq!(item["name"], crate::format::value(row));
                        seen.push(row_id.to_string());
                    }
                }
                seen.sort();
                let mut expected: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
                expected.sort();
                assert_eq!(seen, expected, "every row drawn exactly once");
                let keys: Vec<String> = rows.iter().map(|r| format!("plan/{}", r.id)).collect();
                assert_marks(&spec, &v, &keys);
                // Each row's name is drawn in full; the axis spans every value and zero.
                let l = layout(figure, content, &theme, width);
                for (t, row) in l.titles.iter().zip(&l.rows) {
                    assert!(draws(&v, t), "{t}");
                    assert_eq!(unwrap(t), title(content, row));
                }
                let (min, max) = (v["xAxis"]["min"].as_f64().unwrap(), v["xAxis"]["max"].as_f64().unwrap());
                assert!(min <= 0.0 && max >= 0.0);
                assert_eq!(v["xAxis"]["splitLine"]["show"], false, "no rule strikes through a name");
                assert!(rows.iter().all(|r| (min..=max).contains(&r.value)));
                let zero = v["series"][0]["markLine"]["data"].as_array().expect("a zero line");
                assert_eq!(zero.len(), rows.len(), "a zero rule at each bar");
                for (segment, centre) in zero.iter().zip(&l.centres) {
                    let ends: Vec<Vec<Option<f64>>> = (0..2).map(|e| numbers(&segment[e]["coord"])).collect();
                    assert!(ends.iter().all(|e| e[0] == Some(0.0)));
                    assert!(ends[0][1].unwrap() < *centre && ends[1][1].unwrap() > *centre);
                }
            }
        }
    }

    #[test]
    fn values_and_claimants_read_as_in_the_data() {
        let spec = build(figure("plan-1933"), content(), &Theme::light(), 608.0);
        let v = json(&spec);
        let names: Vec<&str> = (0..2)
            .flat_map(|s| {
                data(&v, s)
                    .iter()
                    .filter_map(|d| d["name"].as_str())
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(names, vec!["2.9 %", "6 %", "−30 %"]);
        let titles = layout(figure("plan-1933"), content(), &Theme::light(), 1280.0).titles;
        assert!(titles[0].ends_with("according to Ots"), "{}", titles[0]);
        assert!(titles[2].ends_with("according to Titov"), "{}", titles[2]);
        // The fall is labelled left of its bar, the rises right of theirs.
        assert_eq!(v["series"][0]["label"]["position"], "right");
        assert_eq!(v["series"][1]["label"]["position"], "left");
    }

    /// Names, bars and value labels never reach into one another: each row reserves its own
    /// name's lines, value labels are no taller than their bars, and there is room beside the
    /// plot for a value label at either end of the axis.
    #[test]
    fn rows_fit_their_own_labels() {
        let figure = figure("plan-1933");
        for theme in themes() {
            let line = common::line_height(&theme);
            for width in widths() {
                let l = layout(figure, content(), &theme, width);
                assert!(line <= l.bar_h, "{}: value labels taller than bars", theme.name);
                let mut bottom = 0.0;
                for (i, (t, centre)) in l.titles.iter().zip(&l.centres).enumerate() {
                    let top = centre - l.bar_h / 2.0 - LABEL_GAP - common::text_height(&theme, t);
                    assert!(
                        top >= bottom,
                        "{} at {width}: row {i} overlaps the one above",
                        theme.name
                    );
                    bottom = centre + l.bar_h / 2.0 + 8.0;
                    let room = width - l.side - 8.0;
                    assert!(
                        t.lines()
                            .all(|line| common::text_width(&theme, line) <= room || !line.contains(' ')),
                        "{} at {width}: {t} runs past the chart",
                        theme.name
                    );
                }
                assert!(
                    bottom <= l.plot_h + 8.0,
                    "{} at {width}: rows leave the plot",
                    theme.name
                );
                let widest = l
                    .values
                    .iter()
                    .map(|v| common::text_width(&theme, v))
                    .fold(0.0, f64::max);
                assert!(l.side >= widest + 5.0);
            }
        }
    }
}
