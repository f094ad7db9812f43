//! Figure `plan-contested`: two claims of plan fulfilment made at the same session, as a
//! dumbbell on a 0–100 % axis with the plan (100 %) marked. Each dot is labelled with its
//! claimant's short name and figure; the first claim's label sits above the bar, the second's
//! below, since the two dots are only a few pixels apart. A label below the plan ends at its
//! dot rather than centring on it, so it never runs across the plan's line.
//!
//! Only the `fulfilment-claims` series is drawn; the figure's table shows its other rows.

use super::common::{self, item, Align, Place, Text};
use super::{ChartSpec, Mark, Theme};
use charming::component::Grid;
use charming::element::{
    ItemStyle, LabelAlign, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, Symbol,
};
use charming::series::{Line, Scatter};
use kirov_content::{Content, Figure, Row};

/// The series this chart draws.
pub const DRAWN: &str = "fulfilment-claims";

/// The category label: the words the claims' labels begin with, and their period
/// (`Plan fulfilment (1930)`).
fn category(rows: &[&Row]) -> String {
    let mut common_words: Vec<&str> = rows
        .first()
        .map_or_else(Vec::new, |r| r.label.split_whitespace().collect());
    for r in rows.iter().skip(1) {
        let shared = common_words
            .iter()
            .zip(r.label.split_whitespace())
            .take_while(|(a, b)| *a == b)
            .count();
        common_words.truncate(shared);
    }
    let mut periods: Vec<String> = rows.iter().map(|r| common::period(&r.period)).collect();
    periods.dedup();
    let when = periods.join(", ");
    match (common_words.is_empty(), when.is_empty()) {
        (true, _) => when,
        (false, true) => common_words.join(" "),
        (false, false) => format!("{} ({when})", common_words.join(" ")),
    }
}

/// `Alekseev 92.1 %`: the claimant's short name (or, failing that, nothing) and the value.
fn claim_label(content: &Content, row: &Row) -> String {
    match common::claimant(content, row) {
        Some(name) => format!("{name} {}", crate::format::value(row)),
        None => crate::format::value(row),
    }
}

/// Below this width the row's name goes above the dumbbell instead of beside it.
pub const NARROW: f64 = 600.0;

struct Layout<'a> {
    rows: Vec<&'a Row>,
    labels: Vec<String>,
    category: String,
    narrow: bool,
    dot: f64,
    top: f64,
    left: f64,
    right: f64,
    step: f64,
    height: f64,
}

impl Layout<'_> {
    /// The row's name: left of the axis when wide; above the first claim's label when narrow.
    fn name(&self, theme: &Theme) -> Text {
        let line = common::line_height(theme);
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

fn layout<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows: Vec<&Row> = content
        .figure_rows(figure)
        .into_iter()
        .filter(|r| r.series == DRAWN)
        .collect();
    let labels: Vec<String> = rows.iter().map(|r| claim_label(content, r)).collect();
    let line = common::line_height(theme);
    let narrow = width < NARROW;
    let dot = theme.font_size.round().max(12.0);
    // Leave room for the markLine's "Plan" above 100 %, and for any label that starts at its
    // dot (see `label_align`) running on past the plot.
    let label_w = rows
        .iter()
        .zip(&labels)
        .filter(|(r, _)| label_align(r.value) != LabelAlign::Right)
        .map(|(_, t)| common::text_width(theme, t))
        .fold(0.0, f64::max);
    let right = label_w.max(common::text_width(theme, "Plan") / 2.0) + 8.0;
    let name_px = if narrow { width - right - 40.0 } else { width * 0.25 };
    let category = common::wrap(&category(&rows), common::chars_in(theme, name_px, 8));
    let name_h = common::text_height(theme, &category);
    // Narrow, the plot starts near the edge; leave half the "0 %" tick label's width.
    let left = if narrow {
        common::text_width(theme, "0 %") / 2.0 + 8.0
    } else {
        common::text_width(theme, &category) + 16.0
    };
    // The dot sits mid-band with a label above and below; the plan's label sits above the
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
    let step = common::nice_step(100.0, common::tick_count(theme, plot_w, "100 %"));
    Layout {
        height: (top + band + axis).ceil(),
        rows,
        labels,
        category,
        narrow,
        dot,
        top,
        left,
        right,
        step,
    }
}

/// How a claim's label lines up with its dot: ending at it below the plan (so it runs away
/// from the plan's line) unless the dot is in the left half, starting at it from 100 % up.
fn label_align(value: f64) -> LabelAlign {
    if value >= 100.0 {
        LabelAlign::Left
    } else if value >= 50.0 {
        LabelAlign::Right
    } else {
        LabelAlign::Center
    }
}

/// The height the chart's container should have at `width` for the given theme.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    layout(figure, content, theme, width).height
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let dot = l.dot;
    let line_w = if theme.font_size >= 20.0 { 5.0 } else { 3.0 };

    let mut chart = common::base_chart(figure, theme)
        .grid(
            Grid::new()
                .contain_label(true)
                .top(l.top)
                .left(l.left)
                .right(l.right)
                .bottom(8.0),
        )
        .x_axis(
            common::value_axis(theme)
                .min(0.0)
                .max(100.0)
                .interval(l.step)
                .axis_label(common::axis_label(theme).formatter("{value} %")),
        )
        // The row's name is a text series (see `common::text_series`).
        .y_axis(
            common::category_axis(theme, vec![l.category.clone()]).axis_label(common::axis_label(theme).show(false)),
        );

    // Series 0: the bar between the claims, carrying the plan line at 100 %.
    let plan = MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(
            LineStyle::new()
                .color(theme.text)
                .width(1.5)
                .type_(LineStyleType::Dashed),
        )
        .label(common::label(theme).formatter("Plan"))
        .data(vec![MarkLineVariant::Simple(
            MarkLineData::new().x_axis(100.0).name("Plan"),
        )]);
    chart = chart.series(
        Line::new()
            .name("")
            .symbol(Symbol::None)
            .silent(true)
            .line_style(LineStyle::new().color(theme.muted).width(line_w))
            .mark_line(plan)
            .data(
                l.rows
                    .iter()
                    .map(|r| vec![r.value, 0.0].into())
                    .collect::<Vec<charming::datatype::DataPoint>>(),
            ),
    );
    // Then one dot per claim, labelled above for the first, below for the rest.
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
                    common::name_label(theme)
                        .position(position)
                        .distance(6.0)
                        .align(label_align(row.value)),
                )
                .data(vec![item(vec![row.value, 0.0], text.as_str())]),
        );
        marks.push(Mark {
            key: format!("{}/{}", figure.dataset, row.id),
            targets: vec![(k + 1, Some(0))],
        });
    }
    let name = l.name(theme);
    for text in common::text_series(theme, &[name]) {
        chart = chart.series(text);
    }
    ChartSpec { chart, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::common::test_support::*;

    #[test]
    fn dots_equal_the_claims() {
        let figure = figure("plan-contested");
        let content = content();
        let claims: Vec<&Row> = content
            .figure_rows(figure)
            .into_iter()
            .filter(|r| r.series == DRAWN)
            .collect();
        assert_eq!(claims.len(), 2);
        for theme in themes() {
            for width in WIDTHS {
                let spec = build(figure, content, &theme, width);
                let v = json(&spec);
                assert_common(&v, figure, &theme);
                assert_eq!(
                    (v["xAxis"]["min"].as_f64(), v["xAxis"]["max"].as_f64()),
                    (Some(0.0), Some(100.0))
                );
                // The bar joins the two claims; each dot is one claim.
                assert_eq!(v["series"][0]["type"], "line");
                let bar: Vec<Option<f64>> = data(&v, 0).iter().map(|d| numbers(d)[0]).collect();
                assert_eq!(bar, claims.iter().map(|r| Some(r.value)).collect::<Vec<_>>());
                let plan = &v["series"][0]["markLine"];
                assert_eq!(plan["data"][0]["xAxis"].as_f64(), Some(100.0));
                assert_eq!(plan["label"]["formatter"], "Plan");
                for (k, row) in claims.iter().enumerate() {
                    assert_eq!(v["series"][k + 1]["type"], "scatter");
                    assert_eq!(numbers(&data(&v, k + 1)[0]), vec![Some(row.value), Some(0.0)]);
                }
                let drawn = series(&v)
                    .iter()
                    .filter(|s| s["id"].as_str().is_none_or(|id| !id.starts_with("text-")));
                assert_eq!(drawn.count(), 3, "quarter-increase is not drawn");
                assert!(draws(&v, v["yAxis"]["data"][0].as_str().unwrap()));
                let keys: Vec<String> = claims.iter().map(|r| format!("plan/{}", r.id)).collect();
                assert_marks(&spec, &v, &keys);
            }
        }
    }

    #[test]
    fn labels_name_the_claimants() {
        let spec = build(figure("plan-contested"), content(), &Theme::light(), 1280.0);
        let v = json(&spec);
        assert_eq!(data(&v, 1)[0]["name"], "Alekseev 92.1 %");
        assert_eq!(data(&v, 2)[0]["name"], "Ots 87 %");
        assert_eq!(v["yAxis"]["data"][0], "Plan fulfilment (1930)");
    }
}
