use super::*;
use crate::test_support::*;

#[test]
fn lines_join_the_rows_and_marks_cover_them() {
    each("slope", |figure, theme, width| {
        let content = content();
        let drawing = build(figure, content, theme, width);
        let v = json(&drawing);
        assert_common(&drawing, &v, figure, theme);
        let l = layout(figure, content, theme, width);
        let mut keys = Vec::new();
        for (s, series) in drawn(figure, content).iter().enumerate() {
            let ends: Vec<&Row> = match series.rows.as_slice() {
                [first, .., last] => vec![*first, *last],
                rows => rows.to_vec(),
            };
            let values: Vec<Option<f64>> = data(&v, s).iter().map(|d| numbers(d)[0]).collect();
            assert_eq!(values, ends.iter().map(|r| Some(r.value)).collect::<Vec<_>>());
            for (i, row) in ends.iter().enumerate() {
                let key = encoding::key(figure, row);
                assert_eq!(drawing.mark_at(s, i).map(|m| m.key.as_str()), Some(key.as_str()));
                // Its label gives the value and the year, and the end label names the series.
                let text = &l.points.iter().find(|p| p.row.id == row.id).expect("a label").text;
                assert!(draws(&v, text), "{text}");
                assert!(unwrap(text).contains(&format::value(row)), "{text}");
                assert!(unwrap(text).contains(&format::period(&row.period)), "{text}");
                if i == 1 {
                    assert!(unwrap(text).contains(&series.name), "{text} names {}", series.name);
                }
                keys.push(key);
            }
        }
        assert_marks(&drawing, &v, &keys);
        assert_eq!(drawing.height, l.height);
    });
}

#[test]
fn close_labels_are_pushed_apart() {
    each("slope", |figure, theme, width| {
        let l = layout(figure, content(), theme, width);
        let plot_h = l.height - l.top - (theme.line_height() + 16.0);
        for end in [false, true] {
            let mut side: Vec<(f64, f64)> = l
                .points
                .iter()
                .filter(|p| p.end == end)
                .map(|p| {
                    let y = l.top + (1.0 - p.row.value / 100.0) * plot_h + p.shift;
                    (y, text::text_height(theme, &p.text))
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
    });
}
