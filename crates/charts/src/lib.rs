//! The essay's charts: a figure's content, a theme and a width in pixels in; an ECharts option
//! (built with charming), the height to draw it at and the marks a reader can point at out.
//!
//! One builder per figure kind (`kinds/`), each laying the chart out once. Everything a builder
//! knows about the content comes from the figure's encodings in `data/figures.toml`: no figure
//! id, row id or label text is written here. Pure: it runs natively in tests and in the browser,
//! where the app hands the option to ECharts.

mod base;
mod encoding;
mod kinds;
pub mod model;
pub mod svg;
mod text;
mod theme;
mod ticks;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

pub use text::TextLabel;
pub use theme::Theme;

use charming::Chart;
use kirov_content::{Content, Figure, FigureKind};
use serde::{Deserialize, Serialize};

/// A thing a reader can point at in a chart, and the marks that draw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// `dataset/row` for a dataset row (the same key as a `datum:` link), or `event/<id>`.
    pub key: String,
    /// (series index, data index) pairs; `None` means the whole series.
    pub targets: Vec<(usize, Option<usize>)>,
}

/// A chart laid out for one width and theme.
pub struct Drawing {
    /// The ECharts option.
    pub option: Chart,
    /// The height in pixels the chart element must have: the layout fills exactly this (rows of
    /// labels, the waffle's square cells).
    pub height: f64,
    /// In reading order: keyboard navigation steps through these.
    pub marks: Vec<Mark>,
    /// Lines of text that label a mark (a row's name): a tap on one finds its mark.
    pub labels: Vec<TextLabel>,
}

impl Drawing {
    pub(crate) fn new(option: Chart, height: f64, marks: Vec<Mark>) -> Drawing {
        Drawing {
            option,
            height,
            marks,
            labels: Vec::new(),
        }
    }

    /// The same drawing, with the text lines that label its marks.
    pub(crate) fn with_labels(self, labels: Vec<TextLabel>) -> Drawing {
        Drawing { labels, ..self }
    }
}

/// Lays out a figure's chart at `width` px in `theme`.
pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> Drawing {
    use kinds::*;
    match &figure.kind {
        FigureKind::Bar => bar::build(figure, content, theme, width),
        FigureKind::Column => column::build(figure, content, theme, width),
        FigureKind::Slope => slope::build(figure, content, theme, width),
        FigureKind::Waffle(waffle) => waffle::build(figure, waffle, content, theme, width),
        FigureKind::Dumbbell { ends } => dumbbell::build(figure, ends, content, theme, width),
        FigureKind::Dot { reference } => dot::build(figure, reference.as_ref(), content, theme, width),
        FigureKind::Diverging => diverging::build(figure, content, theme, width),
        FigureKind::Timeline { lanes } => timeline::build(figure, lanes, content, theme, width),
    }
}

/// The accessible name of a figure's chart (an interactive group the arrow keys step through).
pub fn label(figure: &Figure) -> String {
    format!("Chart: {}. Use the arrow keys to step through the data.", figure.title)
}

/// How many data points an option draws (every series' data, label series included).
pub fn drawn_points(chart: &Chart) -> usize {
    serde_json::to_value(chart)
        .ok()
        .and_then(|v| v.get("series").and_then(|s| s.as_array()).cloned())
        .map_or(0, |series| {
            series
                .iter()
                .map(|s| s.get("data").and_then(|d| d.as_array()).map_or(0, Vec::len))
                .sum()
        })
}

impl Drawing {
    /// The mark drawn by series `series`, data index `index`: the most specific one, so a square
    /// of one part of a waffle names that part, not the whole.
    pub fn mark_at(&self, series: usize, index: usize) -> Option<&Mark> {
        find_mark(&self.marks, series, index)
    }

    pub fn mark(&self, key: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.key == key)
    }

    /// The mark whose label is item `index` of the text series `series_id` (`text-<k>`).
    pub fn mark_labelled(&self, series_id: &str, index: usize) -> Option<&Mark> {
        let group: usize = series_id.strip_prefix("text-")?.parse().ok()?;
        let label = self.labels.iter().find(|l| l.group == group && l.index == index)?;
        self.mark(&label.key)
    }
}

/// The mark drawn by series `series`, item `index`: the most specific one, so a square of one
/// part of a waffle names that part, not the whole.
pub(crate) fn find_mark(marks: &[Mark], series: usize, index: usize) -> Option<&Mark> {
    let exact = marks.iter().find(|m| m.targets.contains(&(series, Some(index))));
    exact.or_else(|| {
        marks
            .iter()
            .filter(|m| m.targets.contains(&(series, None)))
            .min_by_key(|m| m.targets.len())
    })
}
