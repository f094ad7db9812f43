//! The charts drawn at build time (needs Node and `node_modules/echarts`): every figure at
//! every width, fit for the page's CSP and themes, in its figure's chart element.
#![cfg(feature = "ssr")]

use kirov_charts::model::ChartModel;
use kirov_essay::chart_prerender::{inject, render_all, MODEL_CLASS, WIDTHS};

#[test]
fn every_figure_is_drawn_at_every_width_without_styles() {
    let content = kirov_essay::content();
    let charts = render_all(content).expect("the charts draw");
    // A timeline event's title comes rendered, links and all, so the browser needs no content.
    for chart in &charts {
        for tip in &chart.model.tips {
            if let kirov_charts::model::Tip::Event { key, title_html, .. } = tip {
                assert!(
                    !title_html.is_empty() && !title_html.contains("<!>"),
                    "{key}: {title_html}"
                );
            }
        }
    }
    let events = charts
        .iter()
        .flat_map(|c| &c.model.tips)
        .filter(|t| matches!(t, kirov_charts::model::Tip::Event { .. }));
    assert!(events.count() >= content.events.len(), "every event has its tooltip");
    assert_eq!(charts.len(), content.figures.len());
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/prerendered-charts");
    std::fs::create_dir_all(&out).unwrap();
    for chart in &charts {
        assert_eq!(chart.svgs.len(), WIDTHS.len());
        for (svg, width) in chart.svgs.iter().zip(WIDTHS) {
            std::fs::write(out.join(format!("{}-{width}.svg", chart.figure)), svg).unwrap();
            assert!(svg.starts_with("<svg "), "{}", chart.figure);
            // Without a stylesheet only the column's drawing shows.
            assert_eq!(
                svg.starts_with("<svg hidden "),
                width != 608.0,
                "{} at {width}",
                chart.figure
            );
            assert!(
                !svg.contains("style"),
                "{}: a style attribute or element is left",
                chart.figure
            );
            assert!(svg.contains(&format!("data-width=\"{width}\"")));
            // Every mark the model knows is drawn by an element the page can find.
            let layout = chart.model.layout(width).unwrap();
            for mark in &layout.marks {
                for (s, _) in &mark.targets {
                    assert!(
                        svg.contains(&format!("ecmeta_series_index=\"{s}\"")),
                        "{} at {width}: no element for {} (series {s})",
                        chart.figure,
                        mark.key
                    );
                }
            }
            // A row's name is as good as its mark: each line carries its item, to find its row.
            for label in &layout.labels {
                let (series, _) = layout.text_series.iter().find(|(_, g)| *g == label.group).unwrap();
                let tagged = format!(
                    "ecmeta_series_index=\"{series}\" ecmeta_data_index=\"{}\" ecmeta_ssr_type=\"label\"",
                    label.index
                );
                assert!(
                    svg.contains(&tagged),
                    "{} at {width}: no text for {} ({tagged})",
                    chart.figure,
                    label.key
                );
            }
            // The marks follow the theme: the palette's colours carry their token's class.
            assert!(
                svg.contains("kc-fill-c") || svg.contains("kc-stroke-c"),
                "{}",
                chart.figure
            );
        }
    }
    // The waffle is a few nodes, not a square per member.
    let waffle = charts.iter().find(|c| c.figure == "purge-1929").unwrap();
    for svg in &waffle.svgs {
        let drawn = &svg[..svg.find("<defs").unwrap_or(svg.len())];
        assert!(
            drawn.matches("<path").count() < 40,
            "{} paths",
            drawn.matches("<path").count()
        );
    }
}

#[test]
fn charts_go_into_their_empty_chart_elements_with_their_model() {
    let content = kirov_essay::content();
    let charts = render_all(content).expect("the charts draw");
    let body = kirov_essay::app::render_body();
    let page = inject(&body, &charts).unwrap();
    for chart in &charts {
        let at = page.find(&format!("id=\"fig-{}\"", chart.figure)).unwrap();
        let inner = &page[at..];
        let open = inner.find(" class=\"chart\">").unwrap();
        let first = &inner[open..];
        let start = first.find('>').unwrap() + 1;
        assert!(first[start..].starts_with("<svg "), "{}", chart.figure);
        let json_at = first.find(&format!("class=\"{MODEL_CLASS}\">")).unwrap() + MODEL_CLASS.len() + 9;
        let json_end = first[json_at..].find("</script>").unwrap();
        let model: ChartModel = serde_json::from_str(&first[json_at..json_at + json_end]).unwrap();
        // All but an event's title, which the page carries only as `title_html`.
        let mut expected = chart.model.clone();
        for tip in &mut expected.tips {
            if let kirov_charts::model::Tip::Event { title, .. } = tip {
                title.clear();
            }
        }
        assert!(
            model == expected,
            "figure {}: the model read back differs",
            chart.figure
        );
    }
    // Ids stay unique with every chart's patterns and clip paths in the page.
    let mut ids: Vec<&str> = page
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
}
