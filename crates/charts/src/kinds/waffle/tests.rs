use super::*;
use crate::test_support::*;
use kirov_content::FigureKind;

fn settings(figure: &Figure) -> &Waffle {
    match &figure.kind {
        FigureKind::Waffle(w) => w,
        other => panic!("{} is a {} figure", figure.id, other.key()),
    }
}

fn row<'a>(figure: &Figure, id: &str) -> &'a Row {
    let content = content();
    let set = content.dataset(figure.source.dataset().unwrap()).unwrap();
    set.row(id).unwrap()
}

/// The drawing shows the parts as a share of the whole; that is only true if they add up to
/// the part row they divide.
#[test]
fn the_parts_add_up_to_their_row() {
    for figure in of_kind("waffle") {
        let Some(part) = &settings(figure).part else { continue };
        let parts: f64 = drawn(figure, content())
            .iter()
            .flat_map(|s| &s.rows)
            .map(|r| r.value)
            .sum();
        assert_eq!(parts, row(figure, part).value, "{}", figure.id);
    }
}

#[test]
fn one_square_per_unit_of_the_whole() {
    each("waffle", |figure, theme, width| {
        let content = content();
        let waffle = settings(figure);
        let whole = row(figure, &waffle.whole);
        let parts: Vec<&Row> = drawn(figure, content).into_iter().flat_map(|s| s.rows).collect();
        let part = waffle
            .part
            .as_deref()
            .map_or_else(|| parts.iter().map(|r| r.value).sum(), |id| row(figure, id).value);
        let mut expected = vec![(whole.value - part) as usize];
        expected.extend(parts.iter().map(|r| r.value as usize));

        let drawing = build(figure, waffle, content, theme, width);
        let v = json(&drawing);
        assert_common(&drawing, &v, figure, theme);
        let cols = columns(width);
        let blocks = series(&v).len() - 1;
        let cells: Vec<Vec<usize>> = (0..blocks).map(|s| covered(&v, s, cols)).collect();
        let counts: Vec<usize> = cells.iter().map(Vec::len).collect();
        assert_eq!(counts, expected, "{} at {width}", theme.name);
        assert_eq!(counts.iter().sum::<usize>(), whole.value as usize);

        // Every square has its own cell, in reading order, and the parts fill the last cells.
        let order: Vec<usize> = cells.concat();
        assert_eq!(order, (0..whole.value as usize).collect::<Vec<_>>());
        if width >= WIDE {
            assert!(cols >= WIDE_COLUMNS);
        } else {
            assert_eq!(cols, NARROW_COLUMNS);
        }

        // Squares are square: the grid is `rows × cell` tall and the width over columns, every
        // shape is scaled by one cell per unit, and the drawing is tall enough for it.
        let cell = (width - 2.0 * PAD) / cols as f64;
        let rows = (whole.value as usize).div_ceil(cols);
        assert!((v["grid"][0]["height"].as_f64().unwrap() - rows as f64 * cell).abs() < 1e-6);
        let top = v["grid"][0]["top"].as_f64().unwrap();
        assert!(drawing.height >= top + rows as f64 * cell);
        for s in series(&v) {
            let size = s["symbolSize"].as_f64().unwrap();
            assert!((size - cols.max(rows) as f64 * cell).abs() < 1e-6);
            assert_eq!(
                numbers(&s["data"][0]),
                vec![Some(cols as f64 / 2.0), Some(rows as f64 / 2.0)]
            );
        }
        // The last series draws the gaps in the paper's colour, a fifth of a cell or less.
        let gaps = series(&v).last().unwrap();
        assert_eq!(gaps["itemStyle"]["borderColor"], theme.paper);
        assert!(gaps["itemStyle"]["borderWidth"].as_f64().unwrap() <= cell / 5.0 + 0.5);

        // Marks: the whole covers everything, its part the parts, each part itself.
        let mut keys = vec![encoding::key(figure, whole)];
        keys.extend(waffle.part.iter().map(|id| encoding::key(figure, row(figure, id))));
        keys.extend(parts.iter().map(|r| encoding::key(figure, r)));
        assert_marks(&drawing, &v, &keys);
        let all: Vec<_> = (0..counts.len()).map(|s| (s, None)).collect();
        assert_eq!(drawing.marks[0].targets, all);
        let first_part = usize::from(waffle.part.is_some()) + 1;
        for (k, mark) in drawing.marks[first_part..].iter().enumerate() {
            assert_eq!(mark.targets, vec![(k + 1, None)]);
        }
        // A square of a part names that part, not the whole.
        assert_eq!(drawing.mark_at(1, 0).map(|m| &m.key), keys.get(first_part));
    });
}

#[test]
fn disagreeing_rows_are_drawn_as_they_are() {
    let figure = of_kind("waffle")[0];
    let waffle = settings(figure);
    let Some(part) = &waffle.part else { return };
    let mut content = content().clone();
    let set = figure.source.dataset().unwrap();
    let set = content.datasets.iter_mut().find(|d| d.id == set).unwrap();
    let whole = set.row(&waffle.whole).unwrap().value;
    set.rows.iter_mut().find(|r| &r.id == part).unwrap().value = whole + 1000.0;
    let drawing = build(figure, waffle, &content, &Theme::light(), 320.0);
    let v = json(&drawing);
    let cols = columns(320.0);
    let counts: Vec<usize> = (0..series(&v).len() - 1).map(|s| covered(&v, s, cols).len()).collect();
    let parts: Vec<usize> = drawn(figure, &content)
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| r.value as usize)
        .collect();
    assert_eq!(counts[0], 0, "nothing is left of the whole");
    assert_eq!(counts[1..], parts[..]);
}

/// The cells (row by row) that series `s`'s path symbol covers, read back from its rectangles.
fn covered(v: &serde_json::Value, s: usize, cols: usize) -> Vec<usize> {
    let symbol = series(v)[s]["symbol"].as_str().unwrap();
    let path = symbol.strip_prefix("path://").unwrap();
    // Two padding moves, then `M{x0} {y0}H{x1}V{y1}H{x0}Z` per rectangle.
    let rects = path.split('Z').filter(|r| r.contains('H'));
    let mut cells = Vec::new();
    for rect in rects {
        let last_move = rect.rfind('M').unwrap();
        let nums: Vec<usize> = rect[last_move + 1..]
            .split(|c: char| c == ' ' || c.is_ascii_alphabetic())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect();
        let (x0, y0, x1, y1) = (nums[0], nums[1], nums[2], nums[3]);
        assert!(x1 <= cols && x0 < x1 && y0 < y1);
        for y in y0..y1 {
            cells.extend((x0..x1).map(|x| y * cols + x));
        }
    }
    cells.sort_unstable();
    cells
}

#[test]
fn blocks_are_at_most_three_rectangles() {
    for (range, cols) in [
        (0..0, 10),
        (0..7, 10),
        (3..7, 10),
        (3..35, 10),
        (0..30, 10),
        (7..13, 10),
        (10..45, 10),
    ] {
        let rects = block_rects(range.clone(), cols);
        assert!(rects.len() <= 3, "{range:?}");
        let mut cells: Vec<usize> = rects
            .iter()
            .flat_map(|&(x0, y0, x1, y1)| (y0..y1).flat_map(move |y| (x0..x1).map(move |x| y * cols + x)))
            .collect();
        cells.sort_unstable();
        assert_eq!(cells, range.collect::<Vec<_>>());
    }
}
