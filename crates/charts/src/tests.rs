//! What holds for every figure, whatever its kind.

use crate::test_support::*;
use crate::{build, drawn_points};

#[test]
fn every_figure_draws_points() {
    for figure in &content().figures {
        let drawing = build(figure, content(), &crate::Theme::light(), 608.0);
        assert!(drawn_points(&drawing.option) > 0, "{} draws no points", figure.id);
        assert!(!drawing.marks.is_empty(), "{} has nothing to point at", figure.id);
    }
}

/// Builders never panic: not on missing rows, missing events or absurd widths.
#[test]
fn builders_survive_missing_data_and_odd_widths() {
    let real = content();
    let mut empty = real.clone();
    empty.events.clear();
    for d in &mut empty.datasets {
        d.rows.clear();
    }
    empty.reindex();
    for figure in &real.figures {
        for content in [real, &empty] {
            for width in [0.0, 1.0, 120.0, 320.0, 5000.0] {
                for theme in themes() {
                    let drawing = build(figure, content, &theme, width);
                    serde_json::to_value(&drawing.option).expect("serialises");
                    let h = drawing.height;
                    assert!(h.is_finite() && h > 0.0, "{} at {width}: height {h}", figure.id);
                    if std::ptr::eq(content, &empty) {
                        assert!(drawing.marks.is_empty(), "{}: marks without rows", figure.id);
                    }
                }
            }
        }
    }
}
