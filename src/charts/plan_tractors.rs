//! Figure `plan-tractors`: the tractor targets of two economic years as vertical bars, each
//! labelled with its value and with what its row says became of it ("which the factory
//! overfulfilled" / "missed"), in the row's own words.

use super::common::{self, Align, Place, Text};
use super::{ChartSpec, Mark, Theme};
use charming::component::Grid;
use charming::element::ItemStyle;
use charming::series::Bar;
use kirov_content::{Content, Figure, Row};

/// The outcome clause of a row label: the words after its last ", which " (`the factory
/// overfulfilled`), or nothing if the label has no such clause.
pub fn outcome(label: &str) -> Option<&str> {
    let (_, tail) = label.rsplit_once(", which ")?;
    let tail = tail.trim().trim_end_matches('.');
    (!tail.is_empty()).then_some(tail)
}

struct Layout<'a> {
    rows: Vec<&'a Row>,
    labels: Vec<String>,
    top: f64,
    height: f64,
}

fn layout<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows = content.figure_rows(figure);
    // Each label gets its bar's share of the width.
    let per_bar = (width - 80.0) / rows.len().max(1) as f64;
    let chars = common::chars_in(theme, per_bar - 8.0, 10);
    let labels: Vec<String> = rows
        .iter()
        .map(|r| {
            let value = common::wrap(&crate::format::value(r), chars);
            match outcome(&r.label) {
                Some(o) => format!("{value}\n{}", common::wrap(o, chars)),
                None => value,
            }
        })
        .collect();
    let label_h = labels.iter().map(|t| common::text_height(theme, t)).fold(0.0, f64::max);
    let top = label_h + 16.0;
    let plot = (width * 0.5).clamp(200.0, 380.0);
    let axis = 2.0 * common::line_height(theme) + 16.0;
    Layout {
        height: (top + plot + axis).ceil(),
        rows,
        labels,
        top,
    }
}

/// The height the chart's container should have at `width` for the given theme.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    layout(figure, content, theme, width).height
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let unit = l.rows.first().map_or("", |r| r.unit.as_str());
    let bar_w = (width * 0.16).clamp(36.0, 140.0);
    let mut chart = common::base_chart(figure, theme)
        .grid(
            Grid::new()
                .contain_label(true)
                .top(l.top)
                .left(8.0)
                .right(8.0)
                .bottom(8.0),
        )
        .x_axis(common::category_axis(
            theme,
            l.rows.iter().map(|r| r.period.clone()).collect(),
        ))
        .y_axis(
            common::value_axis(theme)
                .min(0.0)
                .split_number(4.0)
                .name(unit)
                .name_gap(common::line_height(theme) * 0.5),
        )
        .series(
            Bar::new()
                .name(unit)
                .bar_width(bar_w)
                .item_style(ItemStyle::new().color(theme.palette[0]))
                .data(l.rows.iter().map(|r| r.value).collect()),
        );
    // Value and outcome above each bar.
    let texts: Vec<Text> = l
        .rows
        .iter()
        .zip(&l.labels)
        .enumerate()
        .map(|(i, (r, t))| Text {
            x: i as f64,
            y: r.value,
            text: t.clone(),
            align: Align::Center,
            place: Place::Above(6.0),
            distance: 0.0,
        })
        .collect();
    for text in common::text_series(theme, &texts) {
        chart = chart.series(text);
    }
    let marks = l
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Mark {
            key: format!("{}/{}", figure.dataset, r.id),
            targets: vec![(0, Some(i))],
        })
        .collect();
    ChartSpec { chart, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::common::test_support::*;

    #[test]
    fn bars_equal_the_rows() {
        let figure = figure("plan-tractors");
        let content = content();
        let rows = content.figure_rows(figure);
        assert_eq!(rows.len(), 2);
        for theme in themes() {
            for width in WIDTHS {
                let spec = build(figure, content, &theme, width);
                let v = json(&spec);
                assert_common(&v, figure, &theme);
                let periods: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
                assert_eq!(v["xAxis"]["data"], serde_json::json!(periods));
                let items = data(&v, 0);
                assert_eq!(items.len(), rows.len());
                let l = layout(figure, content, &theme, width);
                for ((item, row), label) in items.iter().zip(&rows).zip(&l.labels) {
                    assert_eq!(numbers(item), vec![Some(row.value)]);
                    assert!(draws(&v, label), "{label}");
                    let text = unwrap(label);
                    assert!(text.starts_with(&crate::format::value(row)), "{text}");
                    assert!(text.ends_with(outcome(&row.label).unwrap()), "{text}");
                }
                let keys: Vec<String> = rows.iter().map(|r| format!("plan/{}", r.id)).collect();
                assert_marks(&spec, &v, &keys);
            }
        }
    }

    #[test]
    fn outcomes_come_from_the_labels() {
        let rows = content().figure_rows(figure("plan-tractors"));
        assert_eq!(outcome(&rows[0].label), Some("the factory overfulfilled"));
        assert_eq!(outcome(&rows[1].label), Some("the factory missed"));
        assert_eq!(outcome("A target"), None);
    }
}
