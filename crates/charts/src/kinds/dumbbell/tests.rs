use super::fit::bounds;
use super::*;
use crate::encoding::{drawn, per};
use crate::test_support::*;
use kirov_content::{format, FigureKind};

fn ends(figure: &Figure) -> &[String; 2] {
    match &figure.kind {
        FigureKind::Dumbbell { ends } => ends,
        other => panic!("{} is a {} figure", figure.id, other.key()),
    }
}

#[test]
fn points_are_the_rows_against_their_first_figures() {
    each("dumbbell", |figure, theme, width| {
        let content = content();
        let drawing = build(figure, ends(figure), content, theme, width);
        let v = json(&drawing);
        assert_common(&drawing, &v, figure, theme);
        let l = layout(figure, ends(figure), content, theme, width);
        let pairs = drawn(figure, content);
        let (base, other) = (data(&v, pairs.len()), data(&v, pairs.len() + 1));
        assert_eq!((base.len(), other.len()), (pairs.len(), pairs.len()));
        let mut keys = Vec::new();
        for (i, pair) in pairs.iter().enumerate() {
            let (b, o) = (pair.rows[0], pair.rows[1]);
            // A second figure counted over another stretch of time is scaled to the first's.
            let scale = match (per(figure, b), per(figure, o)) {
                (Some(pb), Some(po)) => f64::from(pb.months()) / f64::from(po.months()),
                _ => 1.0,
            };
            let expected_pct = o.value * scale / b.value * 100.0;
            assert_eq!(numbers(&base[i]), vec![Some(100.0), Some(l.y(i)), Some(b.value)]);
            assert_eq!(
                numbers(&other[i]),
                vec![Some(expected_pct), Some(l.y(i)), Some(o.value)]
            );
            // The connector joins the same two positions.
            let bar: Vec<Option<f64>> = data(&v, i).iter().map(|d| numbers(d)[0]).collect();
            assert_eq!(bar, vec![Some(100.0), Some(expected_pct)]);
            // Labels show the real values, and are drawn.
            for (d, row) in [(&base[i], b), (&other[i], o)] {
                let label = d["name"].as_str().unwrap();
                assert!(draws(&v, label), "{label}");
                assert!(unwrap(label).starts_with(&format::value(row)), "{label}");
            }
            let title = &l.pairs[i].title;
            assert!(draws(&v, title), "{title}");
            assert!(unwrap(title).starts_with(&pair.name), "{title}");
            if scale != 1.0 {
                assert!(unwrap(title).contains('×'), "{title} says it is scaled");
                let label = unwrap(other[i]["name"].as_str().unwrap());
                let unit = per(figure, o).unwrap().key();
                assert!(label.contains(&format!(" a {unit}")), "{label}");
            }
            keys.push(encoding::key(figure, b));
            keys.push(encoding::key(figure, o));
            // Every point is inside the axis.
            assert!(l.min < 100.0 && expected_pct < l.max, "{}..{}", l.min, l.max);
        }
        assert_marks(&drawing, &v, &keys);
        assert_eq!(drawing.height, l.height);
    });
}

/// Values sit on their dumbbell's line, the first figure's left of its dot and the second's
/// right of its diamond, inside the plot; narrow, the row's name is above them; no row reaches
/// into the next.
#[test]
fn values_flank_their_dumbbells_and_rows_do_not_meet() {
    each("dumbbell", |figure, theme, width| {
        let l = layout(figure, ends(figure), content(), theme, width);
        let texts = l.texts();
        let (left, right) = margins(theme, l.narrow, l.title_w);
        let per_px = (l.max - l.min) / (width - left - right);
        let mut bottom = 0.0;
        for (i, p) in l.pairs.iter().enumerate() {
            let mine: Vec<&Text> = texts.iter().filter(|t| t.y == l.y(i)).collect();
            let base = mine.iter().find(|t| t.text == p.base_text).expect("the first label");
            let other = mine.iter().find(|t| t.text == p.other_text).expect("the second label");
            let outwards = if p.base_is_left() {
                (Align::Left, Align::Right)
            } else {
                (Align::Right, Align::Left)
            };
            assert_eq!((base.align, other.align), outwards);
            assert_eq!((base.place, other.place), (Place::Middle(0.0), Place::Middle(0.0)));
            // Inside the plot, given the axis bounds (except with 22 px type in a phone's
            // width, where the values cannot share the plot whatever it does).
            let w = |t: &Text| text::text_width(theme, &t.text) + l.gap;
            if p.base_is_left() && (theme.font_size < 20.0 || width >= 500.0) {
                assert!(base.x - w(base) * per_px >= l.min - 1e-9, "{} at {width}", p.base_text);
                assert!(
                    other.x + w(other) * per_px <= l.max + 1e-9,
                    "{} at {width}",
                    p.other_text
                );
            }
            // The row, top to bottom, clear of the one above.
            let title_h = text::text_height(theme, &p.title);
            let top = if l.narrow {
                l.centres[i] - l.half[i] - TITLE_GAP - title_h
            } else {
                l.centres[i] - l.half[i].max(title_h / 2.0)
            };
            let end = l.centres[i] + l.half[i].max(if l.narrow { 0.0 } else { title_h / 2.0 });
            let gap = if i == 0 { 0.0 } else { 8.0 };
            assert!(
                top >= bottom + gap,
                "{} at {width}: row {i} overlaps the one above",
                theme.name
            );
            for t in [base, other] {
                assert!(text::text_height(theme, &t.text) / 2.0 <= l.half[i]);
            }
            bottom = end;
        }
        assert!(bottom <= l.plot_h);
    });
}

#[test]
fn bounds_make_room_for_labels() {
    let (min, max) = bounds(&[(100.0, 100.0, 0.0), (135.0, 0.0, 100.0)], 600.0).unwrap();
    // 35 units of data and 200 px of labels in 600 px: each label needs a sixth or more.
    assert!(min <= 100.0 - 35.0 * 100.0 / 400.0 + 1e-9 && max >= 135.0 + 35.0 * 100.0 / 400.0 - 1e-9);
    assert_eq!(bounds(&[(100.0, 400.0, 0.0), (101.0, 0.0, 400.0)], 600.0), None);
}
