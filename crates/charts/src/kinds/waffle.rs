//! Kind `waffle`: a unit chart with one square per unit of the figure's `whole` row (one per
//! party member, say).
//!
//! Squares fill a grid row by row, left to right: first the rest (the whole less its `part`
//! row, computed from the rows), then one block per row of the series drawn, so the parts form
//! a small dent at the end of the grid.
//!
//! Each block is one path (at most three rectangles, whatever its count), and one more path of
//! lines in the paper's colour draws the gaps between squares over every cell border: a few
//! nodes, not one per square, in the page and in ECharts alike.
//!
//! The squares are only square if the chart element is as tall as the drawing's height: the
//! grid is given an explicit pixel height (`rows × cell`) below the legend, and the cell is
//! `(width − 2 × PAD) / columns`; a taller element only leaves space under the grid.

use crate::encoding::{self, drawn, row_name};
use crate::text;
use crate::{base, Drawing, Mark, Theme};
use charming::component::{Grid, Legend, LegendItem};
use charming::datatype::DataPoint;
use charming::element::{ItemStyle, Orient, Symbol};
use charming::series::Scatter;
use kirov_content::{format, Content, Figure, Row, Waffle};

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
    /// The row counted out in squares, and the row its parts add up to.
    whole: Option<&'a Row>,
    part: Option<&'a Row>,
    /// The rows of the series drawn: one block of squares each.
    parts: Vec<&'a Row>,
    /// Squares per drawn series: the rest, then each part.
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

fn layout<'a>(figure: &'a Figure, waffle: &Waffle, content: &'a Content, theme: &Theme, width: f64) -> Layout<'a> {
    let rows = content.figure_rows(figure);
    let find = |id: &str| rows.iter().copied().find(|r| r.id == id);
    let whole = find(&waffle.whole);
    let part = waffle.part.as_deref().and_then(find);
    let parts: Vec<&Row> = drawn(figure, content).into_iter().flat_map(|s| s.rows).collect();
    let parts_count = match part {
        Some(row) => count(row.value),
        None => parts.iter().map(|r| count(r.value)).sum(),
    };
    let rest = count(whole.map_or(0.0, |r| r.value)).saturating_sub(parts_count);
    let mut counts = vec![rest];
    counts.extend(parts.iter().map(|r| count(r.value)));
    let total: usize = counts.iter().sum::<usize>().min(MAX_SQUARES);

    let narrow = width < WIDE;
    let name_chars = text::chars_in(theme, width - 45.0, 12);
    let mut names = vec![text::wrap(
        &format!("{} ({})", waffle.rest, format::number(&rest.to_string())),
        name_chars,
    )];
    names.extend(parts.iter().map(|r| {
        let name = format!("{} ({})", row_name(figure, r), format::hedged_number(r));
        text::wrap(&name, name_chars)
    }));
    let columns = columns(width);
    let cell = (width - 2.0 * PAD).max(1.0) / columns as f64;
    Layout {
        whole,
        part,
        top: text::legend_height(theme, &names, width, narrow) + 8.0,
        rows: total.div_ceil(columns).max(1),
        parts,
        counts,
        names,
        columns,
        cell,
    }
}

impl Layout<'_> {
    /// Legend, then `rows × cell`.
    fn height(&self) -> f64 {
        (self.top + self.rows as f64 * self.cell + PAD).ceil()
    }
}

pub fn build(figure: &Figure, waffle: &Waffle, content: &Content, theme: &Theme, width: f64) -> Drawing {
    let l = layout(figure, waffle, content, theme, width);
    let narrow = width < WIDE;
    let cols = l.columns;
    let frame = Frame {
        columns: cols,
        rows: l.rows,
    };

    let mut chart = base::base_chart(figure, theme)
        .legend(
            Legend::new()
                .top(0.0)
                .left(0.0)
                .orient(if narrow { Orient::Vertical } else { Orient::Horizontal })
                .item_width(14.0)
                .item_height(14.0)
                .text_style(base::text_style(theme, theme.text))
                .data(
                    // A square each: the series' own symbol is the shape of its whole block.
                    l.names
                        .iter()
                        .map(|n| LegendItem::from((n.as_str(), "rect")))
                        .collect::<Vec<_>>(),
                ),
        )
        .grid(
            Grid::new()
                .contain_label(true)
                .top(l.top)
                .left(PAD)
                .right(PAD)
                .height(l.rows as f64 * l.cell),
        )
        .x_axis(base::hidden_value_axis(0.0, cols as f64))
        .y_axis(base::hidden_value_axis(0.0, l.rows as f64).inverse(true));

    // One shape per block of squares, in reading order: the rest first, then each part, at the
    // end of the grid. Each is a single path (a few rectangles), not a node per square.
    let mut next = 0usize;
    for (s, (n, name)) in l.counts.iter().zip(&l.names).enumerate() {
        let colour = if s == 0 {
            theme.palette[theme.palette.len() - 1]
        } else {
            theme.palette[(s - 1) % (theme.palette.len() - 1)]
        };
        let n = (*n).min(MAX_SQUARES.saturating_sub(next));
        chart = chart.series(
            frame
                .symbol(name, &block_path(next..next + n, cols), l.cell)
                .item_style(ItemStyle::new().color(colour)),
        );
        next += n;
    }
    // The gaps between squares: lines of paper over every cell border, so each block reads as
    // one square per unit.
    let gap = (l.cell * GAP).max(0.5);
    chart = chart.series(
        frame.symbol("", &frame.gaps(), l.cell).item_style(
            ItemStyle::new()
                .color("none")
                .border_color(theme.paper)
                .border_width(gap),
        ),
    );

    // Marks: the whole covers every block, its part every part's block, each part its own.
    let parts = 1..=l.parts.len();
    let mut marks = Vec::new();
    if let Some(row) = l.whole {
        marks.push(Mark {
            key: encoding::key(figure, row),
            targets: (0..=l.parts.len()).map(|s| (s, None)).collect(),
        });
    }
    if let Some(row) = l.part {
        marks.push(Mark {
            key: encoding::key(figure, row),
            targets: parts.clone().map(|s| (s, None)).collect(),
        });
    }
    for (s, row) in parts.zip(&l.parts) {
        marks.push(Mark {
            key: encoding::key(figure, row),
            targets: vec![(s, None)],
        });
    }
    Drawing::new(chart, l.height(), marks)
}

/// The share of a cell left between neighbouring squares.
pub const GAP: f64 = 0.18;

/// The grid in cell units: every shape is a path symbol centred on the grid's centre and padded
/// (by two moves, which draw nothing) to the same square box, so ECharts scales each by exactly
/// one cell per unit and they all line up.
struct Frame {
    columns: usize,
    rows: usize,
}

impl Frame {
    fn side(&self) -> f64 {
        self.columns.max(self.rows) as f64
    }

    /// A scatter series of one item drawing `path` (in cell units) over the grid.
    fn symbol(&self, name: &str, path: &str, cell: f64) -> Scatter {
        let (cx, cy) = (self.columns as f64 / 2.0, self.rows as f64 / 2.0);
        let half = self.side() / 2.0;
        let padded = format!("M{} {}M{} {}{path}", cx - half, cy - half, cx + half, cy + half);
        Scatter::new()
            .name(name)
            .symbol(Symbol::Custom(format!("path://{padded}")))
            .symbol_size(self.side() * cell)
            .data(vec![DataPoint::from(vec![cx, cy])])
    }

    /// Every cell border, as lines.
    fn gaps(&self) -> String {
        let (w, h) = (self.columns, self.rows);
        let down = (0..=w).map(|x| format!("M{x} 0V{h}"));
        let across = (0..=h).map(|y| format!("M0 {y}H{w}"));
        down.chain(across).collect()
    }
}

/// The cells `cells` (counted row by row, `columns` a row) as at most three rectangles: the
/// rest of the first row, the full rows, the start of the last row.
pub fn block_path(cells: std::ops::Range<usize>, columns: usize) -> String {
    block_rects(cells, columns)
        .into_iter()
        .map(|(x0, y0, x1, y1)| format!("M{x0} {y0}H{x1}V{y1}H{x0}Z"))
        .collect()
}

/// The rectangles (x0, y0, x1, y1) in cell units that cover `cells`, each cell once.
pub fn block_rects(cells: std::ops::Range<usize>, columns: usize) -> Vec<(usize, usize, usize, usize)> {
    let mut rects = Vec::new();
    let (mut at, end) = (cells.start, cells.end);
    while at < end && columns > 0 {
        let (row, col) = (at / columns, at % columns);
        if col > 0 || end - at < columns {
            // A partial row.
            let stop = (end - at).min(columns - col);
            rects.push((col, row, col + stop, row + 1));
            at += stop;
        } else {
            // Full rows.
            let rows = (end - at) / columns;
            rects.push((0, row, columns, row + rows));
            at += rows * columns;
        }
    }
    rects
}

#[cfg(test)]
mod tests;
