//! A passage of prose cut to the size of a slide: split at sentence ends into parts of about
//! equal length, each within a character budget. Note references leave the slide text (they go
//! to the speaker notes), and mention anchors are dropped, because the essay's own copy of the
//! passage already holds those ids. Pure, so it is tested natively.

use kirov_content::{plain_text, Inline};

/// A part of a passage as shown on one slide.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The text, without note references or anchors.
    pub inlines: Vec<Inline>,
    /// The notes the part refers to, in order, each once.
    pub notes: Vec<String>,
}

/// Cuts `inlines` into as few parts as keep each within `budget` characters, balanced in length.
/// A single sentence longer than the budget stays whole (it is never cut mid-sentence).
pub fn split(inlines: &[Inline], budget: usize) -> Vec<Part> {
    let sentences = sentences(inlines);
    let lengths: Vec<usize> = sentences
        .iter()
        .map(|s| plain_text(&s.inlines).chars().count())
        .collect();
    let total: usize = lengths.iter().sum();
    let mut parts = total.div_ceil(budget.max(1)).max(1);
    loop {
        let groups = balance(&lengths, parts);
        let fits = groups
            .iter()
            .all(|g| g.len() == 1 || g.iter().map(|&i| lengths[i]).sum::<usize>() <= budget);
        if fits || parts >= sentences.len() {
            return groups
                .into_iter()
                .map(|g| join(g.into_iter().map(|i| &sentences[i])))
                .collect();
        }
        parts += 1;
    }
}

/// Assigns sentences (in order) to `parts` groups of about equal length: each sentence goes to
/// the group its middle falls in. No group is left empty.
fn balance(lengths: &[usize], parts: usize) -> Vec<Vec<usize>> {
    let total: f64 = lengths.iter().sum::<usize>() as f64;
    let target = total / parts as f64;
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); parts];
    let mut before = 0.0;
    for (i, &l) in lengths.iter().enumerate() {
        let middle = before + l as f64 / 2.0;
        let g = ((middle / target) as usize).min(parts - 1);
        groups[g].push(i);
        before += l as f64;
    }
    groups.retain(|g| !g.is_empty());
    groups
}

fn join<'a>(sentences: impl Iterator<Item = &'a Part>) -> Part {
    let mut out = Part {
        inlines: Vec::new(),
        notes: Vec::new(),
    };
    for s in sentences {
        for i in &s.inlines {
            push(&mut out.inlines, i.clone());
        }
        for n in &s.notes {
            if !out.notes.contains(n) {
                out.notes.push(n.clone());
            }
        }
    }
    if let Some(Inline::Text(t)) = out.inlines.last_mut() {
        *t = t.trim_end().to_string();
    }
    out
}

/// Appends an inline, merging neighbouring texts.
fn push(out: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text(last)), Inline::Text(t)) = (out.last_mut(), &inline) {
        last.push_str(t);
        return;
    }
    out.push(inline);
}

/// The passage's sentences, each a run of inlines (note references taken out into `notes`).
/// Sentence ends are found in top-level text only: a mention or emphasis never holds one.
pub fn sentences(inlines: &[Inline]) -> Vec<Part> {
    let mut out = vec![Part {
        inlines: Vec::new(),
        notes: Vec::new(),
    }];
    // Whether the text so far ends with a sentence stop (a note reference may still follow it),
    // and whether a space follows the stop already.
    let mut ended = false;
    let mut spaced = false;
    for inline in inlines {
        match inline {
            Inline::NoteRef { label, .. } => {
                let notes = &mut out.last_mut().expect("never empty").notes;
                if !notes.contains(label) {
                    notes.push(label.clone());
                }
            }
            Inline::Text(t) => {
                let mut rest = t.as_str();
                if ended && (starts_sentence(rest) || (spaced && begins_capital(rest))) {
                    out.push(Part {
                        inlines: Vec::new(),
                        notes: Vec::new(),
                    });
                    rest = rest.trim_start();
                }
                while let Some(cut) = sentence_end(rest) {
                    let (head, tail) = rest.split_at(cut);
                    push(
                        &mut out.last_mut().expect("never empty").inlines,
                        Inline::Text(head.to_string()),
                    );
                    out.push(Part {
                        inlines: Vec::new(),
                        notes: Vec::new(),
                    });
                    rest = tail.trim_start();
                }
                if !rest.is_empty() {
                    push(
                        &mut out.last_mut().expect("never empty").inlines,
                        Inline::Text(rest.to_string()),
                    );
                }
                ended = ends_sentence(t);
                spaced = t.ends_with(char::is_whitespace);
            }
            other => {
                if ended && spaced && begins_capital(&plain_text(std::slice::from_ref(other))) {
                    out.push(Part {
                        inlines: Vec::new(),
                        notes: Vec::new(),
                    });
                }
                push(
                    &mut out.last_mut().expect("never empty").inlines,
                    without_anchors(other),
                );
                ended = false;
            }
        }
    }
    out.retain(|p| !p.inlines.is_empty());
    for p in &mut out {
        if let Some(Inline::Text(t)) = p.inlines.last_mut() {
            *t = t.trim_end().to_string();
        }
        if let Some(Inline::Text(t)) = p.inlines.last_mut() {
            t.push(' ');
        }
    }
    out
}

/// A copy without the essay's element ids (the slide shows a second copy of the passage).
fn without_anchors(inline: &Inline) -> Inline {
    let strip = |c: &[Inline]| {
        c.iter()
            .filter(|i| !matches!(i, Inline::NoteRef { .. }))
            .map(without_anchors)
            .collect()
    };
    match inline {
        Inline::Person { id, children, .. } => Inline::Person {
            id: id.clone(),
            anchor: None,
            children: strip(children),
        },
        Inline::Term { id, children, .. } => Inline::Term {
            id: id.clone(),
            anchor: None,
            children: strip(children),
        },
        Inline::Emphasis(c) => Inline::Emphasis(strip(c)),
        Inline::Strong(c) => Inline::Strong(strip(c)),
        Inline::Datum { dataset, row, children } => Inline::Datum {
            dataset: dataset.clone(),
            row: row.clone(),
            children: strip(children),
        },
        Inline::Link { href, children } => Inline::Link {
            href: href.clone(),
            children: strip(children),
        },
        other => other.clone(),
    }
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 14] = [
    "c.", "ca.", "cf.", "e.g.", "i.e.", "vs.", "St.", "Dr.", "no.", "No.", "p.", "pp.", "f.", "op.",
];

/// The byte offset just after the first sentence end in `text` that has more text after it.
fn sentence_end(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(_, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they close.
        let mut end = k + 1;
        while end < chars.len() && matches!(chars[end].1, '”' | '’' | '"' | '\'' | ')') {
            end += 1;
        }
        let Some(&(cut, space)) = chars.get(end) else { continue };
        if !space.is_whitespace() || !starts_sentence(&text[cut..]) {
            continue;
        }
        let word_start = chars[..=k]
            .iter()
            .rposition(|(_, ch)| ch.is_whitespace())
            .map_or(0, |p| p + 1);
        let word: String = chars[word_start..=k].iter().map(|(_, ch)| ch).collect();
        let initial = word.chars().count() == 2 && word.starts_with(char::is_uppercase);
        if c == '.' && (initial || ABBREVIATIONS.contains(&word.as_str())) {
            continue;
        }
        return Some(cut);
    }
    None
}

/// Whether text after a sentence stop begins a new sentence: a space, then a capital, a digit
/// or an opening quote.
fn starts_sentence(text: &str) -> bool {
    text.starts_with(char::is_whitespace) && begins_capital(text)
}

/// Whether the first visible character could open a sentence.
fn begins_capital(text: &str) -> bool {
    let Some(next) = text.trim_start().chars().next() else {
        return false;
    };
    next.is_uppercase() || next.is_ascii_digit() || matches!(next, '“' | '‘' | '"')
}

/// Whether `text` ends with a sentence stop (closing quotes and spaces aside), not a lone initial.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['”', '’', '"', '\'', ')']);
    let word = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let initial = word.chars().count() == 2 && word.starts_with(char::is_uppercase);
    t.ends_with(['.', '?', '!']) && !initial && !ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    fn note(label: &str) -> Inline {
        Inline::NoteRef {
            label: label.into(),
            anchor: Some(format!("r-{label}-1")),
            first: true,
        }
    }

    #[test]
    fn sentences_end_at_stops_but_not_at_initials_or_abbreviations() {
        let s = sentences(&[text(
            "S. M. Kirov spoke, e.g. at length. The cell “agreed.” Then it voted? Yes.",
        )]);
        let plain: Vec<String> = s.iter().map(|p| plain_text(&p.inlines)).collect();
        assert_eq!(
            plain,
            [
                "S. M. Kirov spoke, e.g. at length. ",
                "The cell “agreed.” ",
                "Then it voted? ",
                "Yes. "
            ]
        );
    }

    #[test]
    fn a_note_after_the_stop_stays_with_its_sentence_and_leaves_the_text() {
        let person = Inline::Person {
            id: "ots".into(),
            anchor: Some("m-ots-1".into()),
            children: vec![text("Ots")],
        };
        let s = sentences(&[
            text("One claim."),
            note("n1"),
            text(" Then "),
            person,
            text(" replied."),
            note("n2"),
        ]);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].notes, ["n1"]);
        assert_eq!(plain_text(&s[1].inlines), "Then Ots replied. ");
        assert_eq!(s[1].notes, ["n2"]);
        assert!(
            matches!(&s[1].inlines[1], Inline::Person { anchor: None, .. }),
            "no duplicate ids on the slide"
        );
    }

    #[test]
    fn a_long_passage_splits_into_balanced_parts_within_the_budget() {
        let passage: String = (1..=9).map(|i| format!("Sentence number {i} is here. ")).collect();
        let parts = split(&[text(passage.trim_end())], 100);
        assert_eq!(parts.len(), 3, "9 × 29 characters need three parts of 100");
        for p in &parts {
            let n = plain_text(&p.inlines).chars().count();
            assert!((80..=100).contains(&n), "{n} characters");
        }
        let whole: String = parts
            .iter()
            .map(|p| plain_text(&p.inlines))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(whole, passage.trim_end(), "nothing lost or reordered");
    }

    #[test]
    fn a_short_passage_is_one_part_and_a_long_sentence_is_never_cut() {
        assert_eq!(split(&[text("Short. Text.")], 100).len(), 1);
        let long = "word ".repeat(50);
        assert_eq!(split(&[text(long.trim_end())], 100).len(), 1);
    }
}
