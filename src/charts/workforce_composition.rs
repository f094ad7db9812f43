//! Figure `workforce-composition`: a slope chart of shares. Each dataset series is one line
//! from its earlier row ("Start") to its later row ("End"); the years differ between series,
//! so every point's label carries its own year, and the end label names the series.
//!
//! Labels are placed in Rust: start labels left of the start points, end labels right of the
//! end points, pushed apart vertically where values are close (9 % and 9.1 % start together).
//! The labels are text series (see `common::text_series`) after the four lines.

use super::common::{self, Align, Place, Text};
use super::{ChartSpec, Mark, Theme};
use charming::component::Grid;
use charming::element::{ItemStyle, LineStyle, Symbol};
use charming::series::Line;
use kirov_content::{Content, Figure, Row};

/// Below this width, the year goes under the value and series names wrap.
const NARROW: f64 = 600.0;

/// The reader-facing name of each dataset series this figure draws.
fn series_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "women-share" => "Women, all industry",
        "women-metal-share" => "Women in metalworking",
        "peasant-share" => "Peasant origin (union members)",
        "machine-builders-share" => "Machine-builders' share",
        _ => return None,
    })
}

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

fn layout<'a>(figure: &Figure, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows = content.figure_rows(figure);
    let line_h = common::line_height(theme);
    let lines: Vec<(String, Vec<&Row>)> = figure
        .series
        .iter()
        .map(|id| {
            let mine: Vec<&Row> = rows.iter().copied().filter(|r| &r.series == id).collect();
            let name = series_name(id)
                .map(str::to_string)
                .or_else(|| mine.first().map(|r| common::first_clause(&r.label).to_string()))
                .unwrap_or_else(|| id.clone());
            // A slope joins two rows: the earlier (first in the file) and the later (last).
            let ends = match mine.as_slice() {
                [] => vec![],
                [only] => vec![*only],
                [first, .., last] => vec![*first, *last],
            };
            (name, ends)
        })
        .collect();

    // Horizontal space. The y axis labels (`100 %`) take `axis_w`; with two categories and a
    // boundary gap the points sit a quarter of the plot in from each side, and end labels may
    // run on into the grid's right margin.
    let axis_w = common::text_width(theme, "100 %") + 8.0 + 8.0;
    let value_text = |r: &Row, narrow: bool| {
        let year = common::period(&r.period);
        let value = crate::format::value(r);
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
            .map(|r| common::text_width(theme, &value_text(r, narrow)))
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
                let name = common::wrap(name, common::chars_in(theme, end_room, 8));
                format!("{name}\n{}", value_text(row).replace('\n', " "))
            } else {
                let one = format!("{}  {name}", value_text(row));
                common::wrap(&one, common::chars_in(theme, end_room, 12))
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
        .map(|p| common::text_width(theme, &p.text))
        .fold(0.0, f64::max)
        + 12.0;
    // Grid right margin r so that a quarter of the plot plus r holds the end labels.
    let right = ((end_w - 0.25 * inner) / 0.75).max(8.0);

    // Vertical space: enough plot height that each side's labels can stack without overlap.
    let stack = |end: bool| {
        points
            .iter()
            .filter(|p| p.end == end)
            .map(|p| common::text_height(theme, &p.text) + 4.0)
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
                    common::text_height(theme, &p.text),
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

/// Centres for labels (given sorted by centre, with heights) so that neighbours are at least
/// `gap` apart and all lie within `bounds` (top, bottom) where they fit. Overlapping labels
/// form a block centred on their own ideal positions; blocks that then overlap merge, so
/// labels clear of the others never move.
fn dodge(labels: &[(f64, f64)], gap: f64, bounds: (f64, f64)) -> Vec<f64> {
    struct Block {
        first: usize,
        len: usize,
        top: f64,
        height: f64,
    }
    let clamp = |b: &mut Block| {
        b.top = b.top.min(bounds.1 - b.height).max(bounds.0);
    };
    let mut blocks: Vec<Block> = Vec::new();
    for (i, (centre, h)) in labels.iter().enumerate() {
        let mut block = Block {
            first: i,
            len: 1,
            top: centre - h / 2.0,
            height: *h,
        };
        clamp(&mut block);
        blocks.push(block);
        while blocks.len() > 1 {
            let (a, b) = (&blocks[blocks.len() - 2], &blocks[blocks.len() - 1]);
            if a.top + a.height + gap <= b.top {
                break;
            }
            let b = blocks.pop().expect("two blocks");
            let a = blocks.last_mut().expect("two blocks");
            a.len += b.len;
            a.height += gap + b.height;
            // Place the merged block where its labels are, on average, closest to ideal.
            let mut offset = 0.0;
            let mut sum = 0.0;
            for (c, h) in &labels[a.first..a.first + a.len] {
                sum += c - (offset + h / 2.0);
                offset += h + gap;
            }
            a.top = sum / a.len as f64;
            clamp(a);
        }
    }
    let mut out = Vec::with_capacity(labels.len());
    for b in &blocks {
        let mut y = b.top;
        for (_, h) in &labels[b.first..b.first + b.len] {
            out.push(y + h / 2.0);
            y += h + gap;
        }
    }
    out
}

/// The height the chart's container should have at `width` for the given theme.
pub fn height_for_theme(content: &Content, figure: &Figure, theme: &Theme, width: f64) -> f64 {
    layout(figure, content, theme, width).height
}

pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> ChartSpec {
    let l = layout(figure, content, theme, width);
    let line_w = if theme.font_size >= 20.0 { 4.0 } else { 2.5 };
    let dot = (theme.font_size * 0.7).round().max(8.0);

    let mut chart = common::base_chart(figure, theme)
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
            common::category_axis(theme, vec!["Start".into(), "End".into()])
                .boundary_gap(true)
                .axis_label(common::axis_label(theme).color(theme.text).interval(0.0)),
        )
        .y_axis(
            common::value_axis(theme)
                .min(0.0)
                .max(100.0)
                .interval(if l.narrow { 50.0 } else { 25.0 })
                .axis_label(common::axis_label(theme).formatter("{value} %")),
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
    for text in common::text_series(theme, &texts) {
        chart = chart.series(text);
    }
    let marks = l
        .points
        .iter()
        .map(|p| Mark {
            key: format!("{}/{}", figure.dataset, p.row.id),
            targets: vec![(p.line, Some(usize::from(p.end)))],
        })
        .collect();
    ChartSpec { chart, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::common::test_support::*;

    #[test]
    fn lines_join_the_rows_and_marks_cover_them() {
        let figure = figure("workforce-composition");
        let content = content();
        let rows = content.figure_rows(figure);
        assert_eq!(rows.len(), 8);
        for theme in themes() {
            for width in WIDTHS {
                let spec = build(figure, content, &theme, width);
                let v = json(&spec);
                assert_common(&v, figure, &theme);
                assert_eq!(v["xAxis"]["data"], serde_json::json!(["Start", "End"]));
                assert_eq!(
                    (v["yAxis"]["min"].as_f64(), v["yAxis"]["max"].as_f64()),
                    (Some(0.0), Some(100.0))
                );
                let mut expected = Vec::new();
                for (s, id) in figure.series.iter().enumerate() {
                    let mine: Vec<_> = rows.iter().filter(|r| &r.series == id).collect();
                    assert_eq!(mine.len(), 2, "{id}: two rows");
                    assert_eq!(v["series"][s]["type"], "line");
                    let values: Vec<f64> = data(&v, s).iter().map(|d| numbers(d)[0].unwrap()).collect();
                    assert_eq!(values, vec![mine[0].value, mine[1].value], "{id}");
                    for (i, row) in mine.iter().enumerate() {
                        let key = format!("workforce/{}", row.id);
                        assert_eq!(spec.mark_at(s, i).map(|m| m.key.as_str()), Some(key.as_str()));
                        // Its label names the year, and the end label the series.
                        let l = layout(figure, content, &theme, width);
                        let text = l.points.iter().find(|p| p.row.id == row.id).unwrap().text.clone();
                        assert!(draws(&v, &text), "{text}");
                        assert!(text.contains(&row.period), "{text}");
                        assert!(text.contains(&crate::format::value(row)), "{text}");
                        if i == 1 {
                            let name = series_name(id).unwrap();
                            assert!(unwrap(&text).contains(name), "{text} names {name}");
                        }
                        expected.push(key);
                    }
                }
                let in_file_order: Vec<String> = expected.clone();
                assert_marks(&spec, &v, &in_file_order);
            }
        }
    }

    #[test]
    fn close_labels_are_pushed_apart() {
        // 9.1 % (1928) and 9 % (1930) start almost on the same pixel.
        let figure = figure("workforce-composition");
        for theme in themes() {
            for width in WIDTHS {
                let l = layout(figure, content(), &theme, width);
                let plot_h = l.height - l.top - (common::line_height(&theme) + 16.0);
                for end in [false, true] {
                    let mut side: Vec<(f64, f64)> = l
                        .points
                        .iter()
                        .filter(|p| p.end == end)
                        .map(|p| {
                            let y = l.top + (1.0 - p.row.value / 100.0) * plot_h + p.shift;
                            (y, common::text_height(&theme, &p.text))
                        })
                        .collect();
                    side.sort_by(|a, b| a.0.total_cmp(&b.0));
                    for w in side.windows(2) {
                        assert!(
                            w[1].0 - w[0].0 >= (w[0].1 + w[1].1) / 2.0,
                            "{} at {width}: {side:?}",
                            theme.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn dodge_keeps_apart_labels_in_place() {
        assert_eq!(dodge(&[(10.0, 10.0), (100.0, 10.0)], 2.0, FREE), vec![10.0, 100.0]);
        let y = dodge(&[(50.0, 10.0), (50.0, 10.0)], 2.0, FREE);
        assert!((y[1] - y[0] - 12.0).abs() < 1e-9 && (y[0] + y[1]) / 2.0 == 50.0);
        // A clash moves only the clashing labels; blocks that then touch merge.
        let y = dodge(&[(0.0, 10.0), (100.0, 10.0), (101.0, 10.0), (112.0, 10.0)], 2.0, FREE);
        assert_eq!(y[0], 0.0);
        assert!(y.windows(2).all(|w| w[1] - w[0] >= 12.0 - 1e-9), "{y:?}");
        // Labels stay inside the bounds: two clashing at the bottom both move up.
        let y = dodge(&[(95.0, 10.0), (96.0, 10.0)], 2.0, (0.0, 100.0));
        assert_eq!(y, vec![83.0, 95.0]);
    }

    const FREE: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);
}
