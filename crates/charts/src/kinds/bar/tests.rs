use super::*;
use crate::test_support::*;

#[test]
fn bars_equal_the_rows_and_marks_cover_them() {
    each("bar", |figure, theme, width| {
        let content = content();
        let drawing = build(figure, content, theme, width);
        let v = json(&drawing);
        assert_common(&drawing, &v, figure, theme);
        let series = drawn(figure, content);
        let mut keys = Vec::new();
        for (s, drawn) in series.iter().enumerate() {
            let values: Vec<(f64, &serde_json::Value)> = data(&v, s)
                .iter()
                .filter_map(|item| numbers(item)[0].map(|n| (n, item)))
                .collect();
            assert_eq!(values.len(), drawn.rows.len(), "one bar per row of {}", drawn.name);
            for ((value, item), row) in values.into_iter().zip(&drawn.rows) {
                assert_eq!(value, row.value, "{}", row.id);
                assert_eq!(item["name"], format::hedged_number(row));
                keys.push(encoding::key(figure, row));
            }
        }
        assert_marks(&drawing, &v, &keys);
        // Each row's name is drawn, in full, with its period if it has one.
        let l = layout(figure, content, theme, width);
        for (drawn_title, row) in l.titles.iter().zip(&l.rows) {
            assert!(draws(&v, drawn_title), "{drawn_title}");
            let full = if row.period.is_empty() {
                row_name(figure, row).to_string()
            } else {
                format!("{} ({})", row_name(figure, row), format::period(&row.period))
            };
            assert_eq!(unwrap(drawn_title), full);
        }
        assert_eq!(drawing.height, l.height());
    });
}

/// Each row reserves room for its own label's lines, nothing in one row reaches into the
/// next, and a value label (one line, centred on its bar) stays within the bar's height, so
/// it never meets a row label.
#[test]
fn rows_fit_their_own_labels() {
    each("bar", |figure, theme, width| {
        let line = theme.line_height();
        let l = layout(figure, content(), theme, width);
        assert!(line <= l.bar_h, "{}: value labels taller than bars", theme.name);
        let mut bottom = 0.0;
        for (i, (title, centre)) in l.titles.iter().zip(&l.centres).enumerate() {
            let h = text::text_height(theme, title);
            let (top, end) = if l.narrow {
                (centre - l.bar_h / 2.0 - LABEL_GAP - h, centre + l.bar_h / 2.0)
            } else {
                let half = h.max(l.bar_h) / 2.0;
                (centre - half, centre + half)
            };
            let gap = if i == 0 { 0.0 } else { 8.0 };
            assert!(
                top >= bottom + gap,
                "{} at {width}: row {i} overlaps the one above",
                theme.name
            );
            bottom = end;
        }
        assert!(
            bottom <= l.plot_h,
            "{} at {width}: the last row leaves the plot",
            theme.name
        );
        assert!(l.height() >= l.top() + l.plot_h + line + 8.0);
        // Narrow, a row is as much taller as its label has lines.
        if l.narrow {
            for (i, pair) in l.centres.windows(2).enumerate() {
                let lines = l.titles[i + 1].lines().count() as f64;
                let expected = l.bar_h + ROW_GAP + LABEL_GAP + lines * line;
                assert!((pair[1] - pair[0] - expected).abs() < 1e-9, "row {}", i + 1);
            }
        }
    });
}

/// A row without a period is labelled with its name alone, never with empty brackets.
#[test]
fn a_row_without_a_period_has_no_brackets() {
    let figure = of_kind("bar")[0];
    let mut content = content().clone();
    let set = figure
        .source
        .dataset()
        .expect("a bar figure draws a dataset")
        .to_string();
    let rows = &mut content
        .datasets
        .iter_mut()
        .find(|d| d.id == set)
        .expect("its dataset")
        .rows;
    for r in rows.iter_mut() {
        r.period.clear();
    }
    content.reindex();
    let l = layout(figure, &content, &Theme::light(), 608.0);
    assert!(!l.rows.is_empty());
    for (drawn_title, row) in l.titles.iter().zip(&l.rows) {
        assert_eq!(unwrap(drawn_title), row_name(figure, row), "{}", row.id);
        assert!(!drawn_title.contains("()"), "{drawn_title}");
    }
}

#[test]
fn every_line_of_a_rows_name_finds_that_rows_bar() {
    each("bar", |figure, theme, width| {
        let content = content();
        let drawing = build(figure, content, theme, width);
        let v = json(&drawing);
        let l = layout(figure, content, theme, width);
        // Every drawn line of every name is a label of the row it names …
        let lines: usize = l
            .titles
            .iter()
            .map(|t| t.lines().filter(|s| !s.trim().is_empty()).count())
            .sum();
        assert_eq!(drawing.labels.len(), lines, "{}", figure.id);
        for label in &drawing.labels {
            let series_id = format!("text-{}", label.group);
            let series = v["series"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["id"] == series_id.as_str())
                .expect("the label's series is drawn");
            let line = series["data"][label.index]["name"].as_str().unwrap();
            let mark = drawing
                .mark_labelled(&series_id, label.index)
                .expect("the label finds a mark");
            let row = l
                .rows
                .iter()
                .position(|r| encoding::key(figure, r) == mark.key)
                .unwrap();
            // … whose name holds that line.
            assert!(l.titles[row].lines().any(|t| t == line), "{line:?} labels {}", mark.key);
        }
        assert!(drawing.mark_labelled("text-999", 0).is_none());
        assert!(drawing.mark_labelled("bars", 0).is_none());
    });
}
