use super::*;
use crate::test_support::*;

#[test]
fn bars_equal_the_rows_and_marks_cover_them_once() {
    each("diverging", |figure, theme, width| {
        let content = content();
        let drawing = build(figure, content, theme, width);
        let v = json(&drawing);
        assert_common(&drawing, &v, figure, theme);
        let l = layout(figure, content, theme, width);
        for (i, row) in l.rows.iter().enumerate() {
            // Each row is one bar, in the series of its direction, labelled with its value.
            let s = direction(row);
            let item = &data(&v, s)[i];
            assert_eq!(numbers(item)[0], Some(row.value), "{}", row.id);
            assert_eq!(item["name"], format::value(row));
            assert_eq!(numbers(&data(&v, 1 - s)[i])[0], None, "one bar per row");
            assert_eq!(
                drawing.mark_at(s, i).map(|m| m.key.clone()),
                Some(encoding::key(figure, row))
            );
            assert!((l.min..=l.max).contains(&row.value));
        }
        let keys: Vec<String> = l.rows.iter().map(|r| encoding::key(figure, r)).collect();
        assert_marks(&drawing, &v, &keys);
        // Each row's name is drawn in full; the axis spans zero; a zero rule at each bar.
        for (t, row) in l.titles.iter().zip(&l.rows) {
            assert!(draws(&v, t), "{t}");
            assert_eq!(unwrap(t), title(figure, content, row));
        }
        assert!(l.min <= 0.0 && l.max >= 0.0);
        let zero = v["series"][0]["markLine"]["data"].as_array().expect("a zero line");
        assert_eq!(zero.len(), l.rows.len());
        assert_eq!(drawing.height, l.height());
    });
}

/// Names, bars and value labels never reach into one another: each row reserves its own
/// name's lines, value labels are no taller than their bars, and there is room beside the
/// plot for a value label at either end of the axis.
#[test]
fn rows_fit_their_own_labels() {
    each("diverging", |figure, theme, width| {
        let line = theme.line_height();
        let l = layout(figure, content(), theme, width);
        assert!(line <= l.bar_h, "{}: value labels taller than bars", theme.name);
        let mut bottom = 0.0;
        for (i, (t, centre)) in l.titles.iter().zip(&l.centres).enumerate() {
            let top = centre - l.bar_h / 2.0 - LABEL_GAP - text::text_height(theme, t);
            assert!(
                top >= bottom,
                "{} at {width}: row {i} overlaps the one above",
                theme.name
            );
            bottom = centre + l.bar_h / 2.0 + 8.0;
            let room = width - l.side - 8.0;
            assert!(
                t.lines()
                    .all(|line| text::text_width(theme, line) <= room || !line.contains(' ')),
                "{} at {width}: {t} runs past the chart",
                theme.name
            );
        }
        assert!(
            bottom <= l.plot_h + 8.0,
            "{} at {width}: rows leave the plot",
            theme.name
        );
        let widest = l.values.iter().map(|v| text::text_width(theme, v)).fold(0.0, f64::max);
        assert!(l.side >= widest + 5.0);
    });
}
