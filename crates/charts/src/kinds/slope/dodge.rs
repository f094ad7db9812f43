//! Pushing apart labels that would overlap, as little as possible.

/// Centres for labels (given sorted by centre, with heights) so that neighbours are at least
/// `gap` apart and all lie within `bounds` (top, bottom) where they fit. Overlapping labels
/// form a block centred on their own ideal positions; blocks that then overlap merge, so
/// labels clear of the others never move.
pub(super) fn dodge(labels: &[(f64, f64)], gap: f64, bounds: (f64, f64)) -> Vec<f64> {
    struct Block {
        first: usize,
        len: usize,
        top: f64,
        height: f64,
    }
    let clamp = |b: &mut Block| {
        b.top = b.top.min(bounds.1 - b.height).max(bounds.0);
    };
    let mut blocks: Vec<Block> = Vec::new();
    for (i, (centre, h)) in labels.iter().enumerate() {
        let mut block = Block {
            first: i,
            len: 1,
            top: centre - h / 2.0,
            height: *h,
        };
        clamp(&mut block);
        blocks.push(block);
        while blocks.len() > 1 {
            let (a, b) = (&blocks[blocks.len() - 2], &blocks[blocks.len() - 1]);
            if a.top + a.height + gap <= b.top {
                break;
            }
            let b = blocks.pop().expect("two blocks");
            let a = blocks.last_mut().expect("two blocks");
            a.len += b.len;
            a.height += gap + b.height;
            // Place the merged block where its labels are, on average, closest to ideal.
            let mut offset = 0.0;
            let mut sum = 0.0;
            for (c, h) in &labels[a.first..a.first + a.len] {
                sum += c - (offset + h / 2.0);
                offset += h + gap;
            }
            a.top = sum / a.len as f64;
            clamp(a);
        }
    }
    let mut out = Vec::with_capacity(labels.len());
    for b in &blocks {
        let mut y = b.top;
        for (_, h) in &labels[b.first..b.first + b.len] {
            out.push(y + h / 2.0);
            y += h + gap;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::dodge;

    const FREE: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);

    #[test]
    fn dodge_keeps_apart_labels_in_place() {
        assert_eq!(dodge(&[(10.0, 10.0), (100.0, 10.0)], 2.0, FREE), vec![10.0, 100.0]);
        let y = dodge(&[(50.0, 10.0), (50.0, 10.0)], 2.0, FREE);
        assert!((y[1] - y[0] - 12.0).abs() < 1e-9 && (y[0] + y[1]) / 2.0 == 50.0);
        // A clash moves only the clashing labels; blocks that then touch merge.
        let y = dodge(&[(0.0, 10.0), (100.0, 10.0), (101.0, 10.0), (112.0, 10.0)], 2.0, FREE);
        assert_eq!(y[0], 0.0);
        assert!(y.windows(2).all(|w| w[1] - w[0] >= 12.0 - 1e-9), "{y:?}");
        // Labels stay inside the bounds: two clashing at the bottom both move up.
        let y = dodge(&[(95.0, 10.0), (96.0, 10.0)], 2.0, (0.0, 100.0));
        assert_eq!(y, vec![83.0, 95.0]);
    }
}
