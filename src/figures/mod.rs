//! Figures: the frame (title, caption, source, data table, tools) rendered from content, and
//! in the browser the live chart, drawn by ECharts from `kirov_charts`' option once the figure
//! nears the viewport, with the page's own tooltip and the text ↔ chart links.

pub mod chart_runtime;
pub mod chart_tooltip;
pub mod data_table;
pub mod datum_link;
pub mod echarts;
pub mod export;
pub mod export_image;
pub mod figure;
pub mod figure_chart;
pub mod figure_cite;
pub mod figure_image;
pub mod figure_tools;
