//! Kind `column`: vertical columns, one per row, on a category axis of the rows' periods, each
//! labelled above with its value and its row's annotation (what became of it, say).

use crate::base;
use crate::encoding::{self, annotation, drawn};
use crate::text::{self, Align, Place, Text};
use crate::{Drawing, Mark, Theme};
use charming::component::Grid;
use charming::element::ItemStyle;
use charming::series::Bar;
use kirov_content::{format, Content, Figure, Row};

struct Layout<'a> {
    rows: Vec<&'a Row>,
    labels: Vec<String>,
    top: f64,
    height: f64,
}

fn layout<'a>(figure: &'a Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows: Vec<&Row> = drawn(figure, content).into_iter().flat_map(|s| s.rows).collect();
    // Each label gets its bar's share of the width.
    let per_bar = (width - 80.0) / rows.len().max(1) as f64;
    let chars = text::chars_in(theme, per_bar - 8.0, 10);
    let labels: Vec<String> = rows
        .iter()
        .map(|r| {
            let value = text::wrap(&format::value(r), chars);
            match annotation(figure, r) {
                Some(o) => format!("{value}\n{}", text::wrap(o, chars)),
                None => value,
            }
        })
        .collect();
    let label_h = labels.iter().map(|t| text::text_height(theme, t)).fold(0.0, f64::max);
    let top = label_h + 16.0;
    let plot = (width * 0.5).clamp(200.0, 380.0);
    let axis = 2.0 * theme.line_height() + 16.0;
    Layout {
        height: (top + plot + axis).ceil(),
        rows,
        labels,
        top,
    }
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> Drawing {
    let l = layout(figure, content, theme, width);
    let unit = l.rows.first().map_or("", |r| r.unit.as_str());
    let bar_w = (width * 0.16).clamp(36.0, 140.0);
    let mut chart = base::base_chart(figure, theme)
        .grid(
            Grid::new()
                .contain_label(true)
                .top(l.top)
                .left(8.0)
                .right(8.0)
                .bottom(8.0),
        )
        .x_axis(base::category_axis(
            theme,
            l.rows.iter().map(|r| r.period.clone()).collect(),
        ))
        .y_axis(
            base::value_axis(theme)
                .min(0.0)
                .split_number(4.0)
                .name(unit)
                .name_gap(theme.line_height() * 0.5),
        )
        .series(
            Bar::new()
                .name(unit)
                .bar_width(bar_w)
                .item_style(ItemStyle::new().color(theme.palette[0]))
                .data(l.rows.iter().map(|r| r.value).collect()),
        );
    // Value and annotation above each bar.
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
    chart = text::with_texts(chart, theme, &texts);
    let marks = l
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Mark {
            key: encoding::key(figure, r),
            targets: vec![(0, Some(i))],
        })
        .collect();
    Drawing::new(chart, l.height, marks)
}

#[cfg(test)]
mod tests;
