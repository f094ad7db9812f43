//! Figure `purge-1929`: a unit ("waffle") chart with one square per party member.
//!
//! Squares fill a grid row by row, left to right: first those who kept their cards (members
//! minus expelled, computed from the rows), then one block per ground of expulsion, so the
//! expelled form a small dent at the end of the grid.
//!
//! # Sizing the container
//!
//! The squares are only square if the container is as tall as [`height_for_theme`] says:
//! the grid is given an explicit pixel height (`rows × cell`) below the legend, and the cell
//! is `(width − 2 × PAD) / columns`. The component should set the chart element's height to
//! `charts::height` (which calls [`height_for_theme`] for the theme in use) whenever it
//! (re)builds the chart; a taller container only leaves space under the grid.

use super::common;
use super::{ChartSpec, Mark, Theme};
use charming::component::{Grid, Legend};
use charming::datatype::DataPoint;
use charming::element::{ItemStyle, Orient, Symbol};
use charming::series::Scatter;
use kirov_content::{Content, Figure, Row};

/// From this width the grid has [`WIDE_COLUMNS`] columns; below it, [`NARROW_COLUMNS`].
pub const WIDE: f64 = 600.0;
pub const NARROW_COLUMNS: usize = 50;
pub const WIDE_COLUMNS: usize = 50;
/// Largest cell in px: wider charts add columns (in tens) rather than grow the squares, so a
/// projector-wide chart stays a few hundred pixels tall instead of thousands.
pub const MAX_CELL: f64 = 10.0;
/// Horizontal padding of the grid in px.
pub const PAD: f64 = 4.0;
/// The drawing never holds more squares than this, whatever the rows say.
const MAX_SQUARES: usize = 50_000;

pub fn columns(width: f64) -> usize {
    if width < WIDE {
        return NARROW_COLUMNS;
    }
    let fit = ((width - 2.0 * PAD) / MAX_CELL / 10.0).floor() as usize * 10;
    fit.max(WIDE_COLUMNS)
}

struct Layout<'a> {
    /// The membership row and the expelled row, by position in the first series.
    members: Option<&'a Row>,
    expelled: Option<&'a Row>,
    grounds: Vec<&'a Row>,
    /// Squares per drawn series: kept, then each ground.
    counts: Vec<usize>,
    names: Vec<String>,
    columns: usize,
    rows: usize,
    cell: f64,
    top: f64,
}

/// A count from a row value: negative, fractional or absurd values never panic.
fn count(v: f64) -> usize {
    if v.is_finite() && v > 0.0 {
        (v.round() as usize).min(MAX_SQUARES)
    } else {
        0
    }
}

fn layout<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows = content.figure_rows(figure);
    let series = |k: usize| -> Vec<&'a Row> {
        figure.series.get(k).map_or_else(Vec::new, |id| {
            rows.iter().copied().filter(|r| &r.series == id).collect()
        })
    };
    let membership = series(0);
    let grounds = series(1);
    let members = membership.first().copied();
    let expelled = membership.get(1).copied();
    let kept = count(members.map_or(0.0, |r| r.value)).saturating_sub(count(expelled.map_or(0.0, |r| r.value)));
    let mut counts = vec![kept];
    counts.extend(grounds.iter().map(|r| count(r.value)));
    let total: usize = counts.iter().sum::<usize>().min(MAX_SQUARES);

    let narrow = width < WIDE;
    let name_chars = common::chars_in(theme, width - 45.0, 12);
    let mut names = vec![common::wrap(
        &format!("Kept their cards ({})", crate::format::number(&kept.to_string())),
        name_chars,
    )];
    names.extend(grounds.iter().map(|r| {
        let text = format!("{} ({})", common::first_clause(&r.label), common::qualified_number(r));
        common::wrap(&text, name_chars)
    }));
    let columns = columns(width);
    let cell = (width - 2.0 * PAD).max(1.0) / columns as f64;
    Layout {
        members,
        expelled,
        top: common::legend_height(theme, &names, width, narrow) + 8.0,
        rows: total.div_ceil(columns).max(1),
        grounds,
        counts,
        names,
        columns,
        cell,
    }
}

/// The container height at `width` for the given theme: legend, then `rows × cell`.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    let l = layout(figure, content, theme, width);
    (l.top + l.rows as f64 * l.cell + PAD).ceil()
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let narrow = width < WIDE;
    let cols = l.columns;

    let mut chart = common::base_chart(figure, theme)
        .legend(
            Legend::new()
                .top(0.0)
                .left(0.0)
                .orient(if narrow { Orient::Vertical } else { Orient::Horizontal })
                .item_width(14.0)
                .item_height(14.0)
                .text_style(common::text_style(theme, theme.text))
                .data(l.names.clone()),
        )
        .grid(
            Grid::new()
                .contain_label(true)
                .top(l.top)
                .left(PAD)
                .right(PAD)
                .height(l.rows as f64 * l.cell),
        )
        .x_axis(common::hidden_value_axis(-0.5, cols as f64 - 0.5))
        .y_axis(common::hidden_value_axis(-0.5, l.rows as f64 - 0.5).inverse(true));

    // Squares in reading order: kept first, then each ground, at the end of the grid.
    let mut next = 0usize;
    for (s, (n, name)) in l.counts.iter().zip(&l.names).enumerate() {
        let colour = if s == 0 {
            theme.palette[theme.palette.len() - 1]
        } else {
            theme.palette[(s - 1) % (theme.palette.len() - 1)]
        };
        let n = (*n).min(MAX_SQUARES.saturating_sub(next));
        let data = (next..next + n)
            .map(|k| DataPoint::from(vec![(k % cols) as i64, (k / cols) as i64]))
            .collect();
        next += n;
        chart = chart.series(
            Scatter::new()
                .name(name.as_str())
                .symbol(Symbol::Rect)
                .symbol_size((l.cell * 0.82).max(1.0))
                .item_style(ItemStyle::new().color(colour))
                .data(data),
        );
    }

    // Marks in file order: the membership covers every square, the expelled every ground.
    let grounds = 1..=l.grounds.len();
    let mut marks = Vec::new();
    if let Some(row) = l.members {
        marks.push(Mark {
            key: format!("{}/{}", figure.dataset, row.id),
            targets: (0..=l.grounds.len()).map(|s| (s, None)).collect(),
        });
    }
    if let Some(row) = l.expelled {
        marks.push(Mark {
            key: format!("{}/{}", figure.dataset, row.id),
            targets: grounds.clone().map(|s| (s, None)).collect(),
        });
    }
    for (s, row) in grounds.zip(&l.grounds) {
        marks.push(Mark {
            key: format!("{}/{}", figure.dataset, row.id),
            targets: vec![(s, None)],
        });
    }
    ChartSpec { chart, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::common::test_support::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_grounds_add_up_to_the_expelled() {
        let content = content();
        let set = content.dataset("purge-1929").unwrap();
        let expelled = set.row("expelled").unwrap().value;
        let grounds: f64 = set.series("expulsion-grounds").map(|r| r.value).sum();
        assert_eq!(grounds, expelled);
    }

    #[test]
    fn one_square_per_member() {
        let figure = figure("purge-1929");
        let content = content();
        let set = content.dataset("purge-1929").unwrap();
        let value = |id: &str| set.row(id).unwrap().value as usize;
        let grounds: Vec<&Row> = set.series("expulsion-grounds").collect();
        let mut expected_counts = vec![value("members") - value("expelled")];
        expected_counts.extend(grounds.iter().map(|r| r.value as usize));
        assert_eq!(expected_counts, vec![2990, 47, 13, 18, 65]);
        for theme in themes() {
            for width in WIDTHS {
                let spec = build(figure, content, &theme, width);
                let v = json(&spec);
                assert_common(&v, figure, &theme);
                let counts: Vec<usize> = (0..series(&v).len()).map(|s| data(&v, s).len()).collect();
                assert_eq!(counts, expected_counts, "{} at {width}", theme.name);
                assert_eq!(counts.iter().sum::<usize>(), value("members"));

                // Every square has its own cell, and the grounds fill the last cells.
                let cols = columns(width);
                let mut cells = BTreeSet::new();
                let mut order = Vec::new();
                for s in 0..counts.len() {
                    for d in data(&v, s) {
                        let xy = numbers(d);
                        let (x, y) = (xy[0].unwrap() as usize, xy[1].unwrap() as usize);
                        assert!(x < cols);
                        assert!(cells.insert((y, x)), "two squares in one cell");
                        order.push(y * cols + x);
                    }
                }
                assert_eq!(order, (0..value("members")).collect::<Vec<_>>());
                if width >= WIDE {
                    assert!(cols >= WIDE_COLUMNS);
                } else {
                    assert_eq!(cols, NARROW_COLUMNS);
                }

                // Squares are square: the grid is `rows × cell` tall and the width over columns.
                let cell = (width - 2.0 * PAD) / cols as f64;
                let rows = value("members").div_ceil(cols);
                assert!((v["grid"][0]["height"].as_f64().unwrap() - rows as f64 * cell).abs() < 1e-6);
                let top = v["grid"][0]["top"].as_f64().unwrap();
                assert!(height_for_theme(content, figure, &theme, width) >= top + rows as f64 * cell);
                let size = v["series"][0]["symbolSize"].as_f64().unwrap();
                assert!(size < cell && size > cell * 0.6);

                // Marks: membership covers everything, expelled the grounds, each ground itself.
                let mut keys = vec!["purge-1929/members".to_string(), "purge-1929/expelled".to_string()];
                keys.extend(grounds.iter().map(|r| format!("purge-1929/{}", r.id)));
                assert_marks(&spec, &v, &keys);
                let all: Vec<_> = (0..counts.len()).map(|s| (s, None)).collect();
                assert_eq!(spec.marks[0].targets, all);
                assert_eq!(spec.marks[1].targets, all[1..].to_vec());
                for (k, mark) in spec.marks[2..].iter().enumerate() {
                    assert_eq!(mark.targets, vec![(k + 1, None)]);
                }
            }
        }
    }

    #[test]
    fn disagreeing_rows_are_drawn_as_they_are() {
        let mut content = content().clone();
        let set = content.datasets.iter_mut().find(|d| d.id == "purge-1929").unwrap();
        set.rows.iter_mut().find(|r| r.id == "drunkenness").unwrap().value = 20.0;
        set.rows.iter_mut().find(|r| r.id == "expelled").unwrap().value = 5000.0;
        let figure = content.figure("purge-1929").unwrap().clone();
        let spec = build(&figure, &content, &Theme::light(), 320.0);
        let v = json(&spec);
        let counts: Vec<usize> = (0..series(&v).len()).map(|s| data(&v, s).len()).collect();
        assert_eq!(counts, vec![0, 47, 20, 18, 65]);
    }
}
