use super::*;
use crate::test_support::*;

#[test]
fn columns_equal_the_rows_and_carry_their_annotations() {
    each("column", |figure, theme, width| {
        let content = content();
        let drawing = build(figure, content, theme, width);
        let v = json(&drawing);
        assert_common(&drawing, &v, figure, theme);
        let l = layout(figure, content, theme, width);
        assert!(!l.rows.is_empty());
        let periods: Vec<&str> = l.rows.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(v["xAxis"]["data"], serde_json::json!(periods));
        let items = data(&v, 0);
        assert_eq!(items.len(), l.rows.len());
        for ((item, row), label) in items.iter().zip(&l.rows).zip(&l.labels) {
            assert_eq!(numbers(item), vec![Some(row.value)]);
            assert!(draws(&v, label), "{label}");
            let text = unwrap(label);
            assert!(text.starts_with(&format::value(row)), "{text}");
            if let Some(note) = annotation(figure, row) {
                assert!(text.ends_with(note), "{text}");
            }
        }
        let keys: Vec<String> = l.rows.iter().map(|r| encoding::key(figure, r)).collect();
        assert_marks(&drawing, &v, &keys);
        assert_eq!(drawing.height, l.height);
    });
}
