use super::*;
use crate::test_support::*;
use kirov_content::FigureKind;

fn lanes(figure: &Figure) -> &[Lane] {
    match &figure.kind {
        FigureKind::Timeline { lanes } => lanes,
        other => panic!("{} is a {} figure", figure.id, other.key()),
    }
}

#[test]
fn fractional_years() {
    let d = |year, month, day| Date { year, month, day };
    assert_eq!(year_fraction(&d(1930, Some(10), None)), 1930.75);
    assert_eq!(year_fraction(&d(1930, None, None)), 1930.5);
    assert_eq!(year_fraction(&d(1930, Some(1), Some(1))), 1930.0);
    assert!((year_fraction(&d(1930, Some(10), Some(2))) - (1930.75 + 1.0 / 372.0)).abs() < 1e-12);
}

#[test]
fn every_event_has_a_dot_in_each_of_its_lanes() {
    let content = content();
    let mut events: Vec<&Event> = content.events.iter().collect();
    events.sort_by_key(|e| e.date);
    let (first, last) = (events[0].date.year, events.iter().map(|e| e.date.year).max().unwrap());
    each("timeline", |figure, theme, width| {
        let lanes = lanes(figure);
        let drawing = build(figure, lanes, content, theme, width);
        let v = json(&drawing);
        assert_common(&drawing, &v, figure, theme);
        assert_eq!(v["series"][lanes.len()]["id"], "text-0", "lanes, then their names");
        let l = layout(lanes, content, theme, width);
        for (name, lane) in l.row_names.iter().zip(lanes) {
            assert!(draws(&v, name), "{name}");
            assert_eq!(unwrap(name), lane.name);
        }
        for (s, lane) in lanes.iter().enumerate() {
            let expected: Vec<f64> = events
                .iter()
                .filter(|e| e.tags.contains(&lane.tag))
                .map(|e| year_fraction(&e.date))
                .collect();
            let points: Vec<Vec<Option<f64>>> = data(&v, s).iter().map(numbers).collect();
            assert_eq!(
                points.iter().map(|p| p[0].unwrap()).collect::<Vec<_>>(),
                expected,
                "{:?}",
                lane.tag
            );
            for p in &points {
                assert!((p[1].unwrap() - s as f64).abs() < 0.4, "a dot strays from its lane");
                assert!(p[0].unwrap() >= f64::from(first) && p[0].unwrap() <= f64::from(last + 1));
            }
        }
        let shown: Vec<&&Event> = events
            .iter()
            .filter(|e| lanes.iter().any(|l| e.tags.contains(&l.tag)))
            .collect();
        let keys: Vec<String> = shown.iter().map(|e| format!("event/{}", e.id)).collect();
        assert_marks(&drawing, &v, &keys);
        for (mark, event) in drawing.marks.iter().zip(&shown) {
            let rows: Vec<usize> = mark.targets.iter().map(|t| t.0).collect();
            let tags: Vec<usize> = (0..lanes.len())
                .filter(|i| event.tags.contains(&lanes[*i].tag))
                .collect();
            assert_eq!(rows, tags, "{}", event.id);
        }
        assert_eq!(drawing.height, l.height);
    });
}
