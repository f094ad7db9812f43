//! Figure `workforce-growth`: headcounts as horizontal bars, one bar per dataset row, coloured
//! by the row's series (the legend names each series by the place its rows count).
//!
//! From [`NARROW`] px up, each bar's label sits beside the axis; below it, the labels move
//! above the bars so they can use the full width.

use super::common::{self, item, Align, Place, Text};
use super::{ChartSpec, Mark, Theme};
use charming::component::{Grid, Legend};
use charming::element::{ItemStyle, LabelPosition, NameLocation, Orient};
use charming::series::Bar;
use kirov_content::{Content, Figure, Row};

/// Below this width, row labels are drawn above their bars.
pub const NARROW: f64 = 500.0;

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
    /// Extra space above the first band for its title (narrow only).
    lead: f64,
    bar_h: f64,
    band: f64,
    value_w: f64,
    axis_h: f64,
}

impl Layout<'_> {
    /// Row labels: beside the axis when wide, above each bar when narrow.
    fn texts(&self) -> Vec<Text> {
        self.titles
            .iter()
            .enumerate()
            .map(|(i, t)| Text {
                x: 0.0,
                y: i as f64,
                text: t.clone(),
                align: if self.narrow { Align::Right } else { Align::Left },
                place: if self.narrow {
                    Place::Above(self.bar_h / 2.0 + 4.0)
                } else {
                    Place::Middle(0.0)
                },
                distance: if self.narrow { 0.0 } else { 8.0 },
            })
            .collect()
    }

    fn height(&self) -> f64 {
        (self.legend_h + 8.0 + self.lead + self.rows.len() as f64 * self.band + self.axis_h + 8.0).ceil()
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
    let title_h = titles.iter().map(|t| common::text_height(theme, t)).fold(0.0, f64::max);
    let bar_h = (theme.font_size * 1.4).max(16.0).round();
    let band = if narrow {
        // Title, then bar, then a gap before the next title. Bars sit at their band's centre,
        // so the first title may reach above the first band: `lead` makes room for it.
        bar_h + title_h + 18.0
    } else {
        (bar_h + theme.font_size).max(title_h + 10.0)
    };
    let lead = if narrow {
        (title_h + 6.0 + bar_h / 2.0 - band / 2.0).max(0.0)
    } else {
        0.0
    };
    let line = common::line_height(theme);
    Layout {
        legend_h: common::legend_height(theme, &names, width, narrow),
        lead,
        axis_h: 2.0 * line + 16.0,
        rows,
        series_of,
        names,
        title_w: titles.iter().map(|t| common::text_width(theme, t)).fold(0.0, f64::max),
        titles,
        values,
        narrow,
        bar_h,
        band,
        value_w,
    }
}

/// The height the chart's container should have at `width`, for the given theme: the plot
/// is sized so every label fits, `band` pixels per bar.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    layout(figure, content, theme, width).height()
}

/// The container height that fits every theme at `width` (the largest of them).
pub fn height(content: &Content, figure: &Figure, width: f64) -> f64 {
    [Theme::light(), Theme::dark(), Theme::projector()]
        .iter()
        .map(|t| height_for_theme(content, figure, t, width))
        .fold(0.0, f64::max)
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let n = l.rows.len();
    let line = common::line_height(theme);

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
            Grid::new()
                .contain_label(true)
                .top(l.legend_h + 8.0 + l.lead)
                .left(if l.narrow { 8.0 } else { l.title_w + 16.0 })
                .right(l.value_w)
                .bottom(line + 14.0),
        )
        .x_axis(
            common::value_axis(theme)
                .min(0.0)
                // Few ticks when narrow: the labels are long numbers (`200,000`).
                .split_number(if width < 700.0 { 2.0 } else { 5.0 })
                .name(l.rows.first().map_or("", |r| r.unit.as_str()))
                .name_location(NameLocation::Middle)
                .name_gap(line + 12.0),
        )
        .y_axis(
            // The row labels are drawn as text series (see `common::text_series`).
            common::category_axis(theme, l.titles.clone())
                .inverse(true)
                .axis_label(common::axis_label(theme).show(false)),
        );

    let mut marks = Vec::with_capacity(n);
    for (s, name) in l.names.iter().enumerate() {
        let data = (0..n)
            .map(|i| {
                if l.series_of[i] == s {
                    item(l.rows[i].value, l.values[i].as_str())
                } else {
                    common::gap()
                }
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(name.as_str())
                // Stacked, so each category's single bar sits centred, not in a slot of its own.
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
                assert!(height_for_theme(content, figure, &theme, width) <= height(content, figure, width));
            }
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
