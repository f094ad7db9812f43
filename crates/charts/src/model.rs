//! What the reading view needs to make a figure's prerendered chart interactive, as one plain,
//! serialisable value built natively from content: for each width the chart was drawn at, its
//! height, its marks (what each datum's SVG element stands for) and the lines of text that
//! label them. The browser reads it from the page and never builds an option or reads content.

use crate::{Drawing, Mark, TextLabel};
use serde::{Deserialize, Serialize};

/// The class of the JSON data block holding a figure's [`ChartModel`], inside its chart element.
pub const MODEL_CLASS: &str = "chart-model";

/// A figure's prerendered chart, at every width drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartModel {
    /// The figure's id.
    pub figure: String,
    /// The accessible name of the chart's group.
    pub label: String,
    /// One per prerendered width, narrowest first.
    pub layouts: Vec<Layout>,
}

/// The chart drawn at one width.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// In reading order: keyboard stepping goes through these.
    pub marks: Vec<Mark>,
    /// The lines of text that label a mark (a row's name).
    pub labels: Vec<TextLabel>,
    /// (series index, group) of every series of text lines (`text-<group>`).
    pub text_series: Vec<(usize, usize)>,
    /// How many data items the chart draws, label series included.
    pub points: usize,
}

impl Layout {
    /// The layout of `drawing`, drawn at `width`.
    pub fn of(drawing: &Drawing, width: f64) -> Layout {
        let option = serde_json::to_value(&drawing.option).unwrap_or_default();
        let series = option
            .get("series")
            .and_then(|s| s.as_array())
            .cloned()
            .unwrap_or_default();
        let text_series = series
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let id = s.get("id")?.as_str()?;
                Some((i, id.strip_prefix("text-")?.parse().ok()?))
            })
            .collect();
        Layout {
            width,
            height: drawing.height,
            marks: drawing.marks.clone(),
            labels: drawing.labels.clone(),
            text_series,
            points: crate::drawn_points(&drawing.option),
        }
    }

    /// The mark an element drawn by series `series`, item `index` stands for: a line of a row's
    /// name stands for its row; else the most specific mark drawing it.
    pub fn mark_at(&self, series: usize, index: usize) -> Option<&Mark> {
        let labelled = self
            .text_series
            .iter()
            .find(|(s, _)| *s == series)
            .and_then(|(_, group)| self.labels.iter().find(|l| l.group == *group && l.index == index))
            .and_then(|l| self.mark(&l.key));
        labelled.or_else(|| crate::find_mark(&self.marks, series, index))
    }

    pub fn mark(&self, key: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.key == key)
    }

    /// The position of `key` in reading order.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.marks.iter().position(|m| m.key == key)
    }
}

impl ChartModel {
    /// The layout drawn at `width`, or the nearest one.
    pub fn layout(&self, width: f64) -> Option<&Layout> {
        self.layouts
            .iter()
            .min_by(|a, b| (a.width - width).abs().total_cmp(&(b.width - width).abs()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::{build, Theme};

    #[test]
    fn a_model_round_trips_through_json_and_finds_marks_as_the_drawing_does() {
        for figure in &content().figures {
            let drawing = build(figure, content(), &Theme::light(), 608.0);
            let layout = Layout::of(&drawing, 608.0);
            let model = ChartModel {
                figure: figure.id.clone(),
                label: crate::label(figure),
                layouts: vec![layout.clone()],
            };
            let json = serde_json::to_string(&model).unwrap();
            let back: ChartModel = serde_json::from_str(&json).unwrap();
            assert_eq!(back, model);
            assert_eq!(back.layout(600.0), Some(&layout));
            assert_eq!(layout.points, crate::drawn_points(&drawing.option));
            for mark in &drawing.marks {
                for (s, i) in &mark.targets {
                    let i = i.unwrap_or(0);
                    assert_eq!(
                        layout.mark_at(*s, i).map(|m| &m.key),
                        drawing.mark_at(*s, i).map(|m| &m.key),
                        "{}",
                        figure.id
                    );
                }
            }
            // A row's name opens its row, as a click on a label series does live.
            for label in &drawing.labels {
                let (s, _) = layout.text_series.iter().find(|(_, g)| *g == label.group).unwrap();
                assert_eq!(
                    layout.mark_at(*s, label.index).map(|m| m.key.as_str()),
                    Some(label.key.as_str())
                );
                assert_eq!(
                    drawing
                        .mark_labelled(&format!("text-{}", label.group), label.index)
                        .map(|m| &m.key),
                    Some(&label.key)
                );
            }
        }
    }
}
