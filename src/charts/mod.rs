//! Dataset → chart option builders: one module per figure, each a pure function of the content,
//! the theme and the chart's width in pixels. They run natively in tests and in the browser;
//! `crate::echarts` hands their options to ECharts.
//!
//! No number is typed here: every value comes from `data/datasets/*.csv` or `timeline.toml`.

use charming::Chart;
use kirov_content::{Content, Figure};

mod common;
pub mod counter_plan;
pub mod plan_contested;
pub mod plan_tractors;
pub mod policy_timeline;
pub mod purge;
pub mod theme;
pub mod workforce_composition;
pub mod workforce_growth;

pub use theme::Theme;

/// A thing a reader can point at in a chart, and the marks that draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// `dataset/row` for a dataset row (the same key as a `datum:` link), or `event/<id>`.
    pub key: String,
    /// (series index, data index) pairs; `None` means the whole series.
    pub targets: Vec<(usize, Option<usize>)>,
}

/// A chart option plus the map from what is drawn back to the data.
pub struct ChartSpec {
    pub chart: Chart,
    /// In reading order: keyboard navigation steps through these.
    pub marks: Vec<Mark>,
}

impl ChartSpec {
    /// The mark drawn by series `series`, data index `index`.
    pub fn mark_at(&self, series: usize, index: usize) -> Option<&Mark> {
        self.marks.iter().find(|m| {
            m.targets
                .iter()
                .any(|(s, i)| *s == series && i.is_none_or(|i| i == index))
        })
    }
    pub fn mark(&self, key: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.key == key)
    }
}

/// Builds the chart for a figure, or `None` if the figure has no chart builder.
pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> Option<ChartSpec> {
    let spec = match figure.id.as_str() {
        "workforce-growth" => workforce_growth::build(figure, content, theme, width),
        "workforce-composition" => workforce_composition::build(figure, content, theme, width),
        "purge-1929" => purge::build(figure, content, theme, width),
        "plan-tractors" => plan_tractors::build(figure, content, theme, width),
        "plan-contested" => plan_contested::build(figure, content, theme, width),
        "counter-plan" => counter_plan::build(figure, content, theme, width),
        "policy-timeline" => policy_timeline::build(figure, content, theme, width),
        _ => return None,
    };
    Some(spec)
}
