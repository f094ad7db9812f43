use super::*;
use crate::test_support::*;
use kirov_content::FigureKind;

fn reference(figure: &Figure) -> Option<&Reference> {
    match &figure.kind {
        FigureKind::Dot { reference } => reference.as_ref(),
        other => panic!("{} is a {} figure", figure.id, other.key()),
    }
}

#[test]
fn dots_equal_the_rows_drawn() {
    each("dot", |figure, theme, width| {
        let content = content();
        let reference = reference(figure);
        let drawing = build(figure, reference, content, theme, width);
        let v = json(&drawing);
        assert_common(&drawing, &v, figure, theme);
        let l = layout(figure, reference, content, theme, width);
        let rows: Vec<&Row> = drawn(figure, content).into_iter().flat_map(|s| s.rows).collect();
        // The bar joins the dots; each dot is one row, labelled with its claimant and value.
        let bar: Vec<Option<f64>> = data(&v, 0).iter().map(|d| numbers(d)[0]).collect();
        assert_eq!(bar, rows.iter().map(|r| Some(r.value)).collect::<Vec<_>>());
        for (k, row) in rows.iter().enumerate() {
            let dot = &data(&v, k + 1)[0];
            assert_eq!(numbers(dot), vec![Some(row.value), Some(0.0)]);
            assert_eq!(dot["name"], claim_label(content, row));
            assert!(row.value <= l.end, "inside the axis");
        }
        let drawn_series = series(&v)
            .iter()
            .filter(|s| s["id"].as_str().is_none_or(|id| !id.starts_with("text-")));
        assert_eq!(drawn_series.count(), 1 + rows.len(), "only the series drawn");
        if let Some(r) = reference {
            let line = &v["series"][0]["markLine"]["data"][0];
            assert_eq!(
                (line["xAxis"].as_f64(), line["name"].as_str()),
                (Some(r.value), Some(r.label.as_str()))
            );
        }
        assert!(draws(&v, &l.category), "{}", l.category);
        let keys: Vec<String> = rows.iter().map(|r| encoding::key(figure, r)).collect();
        assert_marks(&drawing, &v, &keys);
        assert_eq!(drawing.height, l.height);
    });
}

#[test]
fn labels_run_away_from_the_reference() {
    assert_eq!(label_align(100.0, 100.0, 100.0), LabelAlign::Left);
    assert_eq!(label_align(92.1, 100.0, 100.0), LabelAlign::Right);
    assert_eq!(label_align(30.0, 100.0, 100.0), LabelAlign::Center);
}
