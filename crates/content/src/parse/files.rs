//! Step 2 of loading: parse each file on its own (one module per kind of file), before any
//! reference between files is looked at.

use super::cast::{self, Cast};
use super::datasets::{self, ParsedDataset};
use super::diagnostic::{Diagnostic, Span};
use super::essay::{self, RawSection};
use super::figures::{self, Figures};
use super::glossary::{self, Glossary};
use super::read::Sources;
use super::timeline::{self, Timeline};
use super::{inline, meta};
use crate::model::Meta;
use std::collections::{BTreeSet, HashSet};

/// Each file parsed on its own.
pub struct Parsed {
    pub meta: Option<Meta>,
    pub cast: Cast,
    pub glossary: Glossary,
    pub timeline: Timeline,
    pub figures: Figures,
    /// (file index, section), in reading order.
    pub sections: Vec<(usize, RawSection)>,
    pub datasets: Vec<ParsedDataset>,
}

pub fn parse_all(src: &Sources, out: &mut Vec<Diagnostic>) -> Parsed {
    let text = |f: usize| src.files[f].text.as_str();
    Parsed {
        meta: meta::parse(src.meta, text(src.meta), out),
        cast: cast::parse(src.cast, text(src.cast), out),
        glossary: glossary::parse(src.glossary, text(src.glossary), out),
        timeline: timeline::parse(src.timeline, text(src.timeline), out),
        figures: figures::parse(src.figures, text(src.figures), out),
        sections: sections(src, out),
        datasets: src
            .datasets
            .iter()
            .map(|(file, name)| dataset(*file, name, text(*file), out))
            .collect(),
    }
}

fn sections(src: &Sources, out: &mut Vec<Diagnostic>) -> Vec<(usize, RawSection)> {
    if src.essay.is_empty() {
        out.push(
            Diagnostic::new(Span::file_start(src.meta), "there are no essay sections")
                .help("add data/essay/01-introduction.md"),
        );
    }
    // A section is told which note labels other sections define, so a reference to one of them
    // is reported as misplaced rather than undefined.
    let labels_by_file: Vec<Vec<String>> = src
        .essay
        .iter()
        .map(|(f, _)| essay::note_labels(&src.files[*f].text))
        .collect();
    let mut sections = Vec::new();
    for (k, (file, name)) in src.essay.iter().enumerate() {
        let Some(id) = essay::section_id(name) else {
            out.push(
                Diagnostic::new(
                    Span::file_start(*file),
                    format!("section file name `{name}` is not `NN-id.md`"),
                )
                .help("name it with a two-digit order and a kebab-case id, e.g. `03-first-plan.md`"),
            );
            continue;
        };
        let own: HashSet<&String> = labels_by_file[k].iter().collect();
        let elsewhere: Vec<String> = labels_by_file
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, ls)| ls.iter())
            .filter(|l| !own.contains(l))
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        sections.push((
            *file,
            essay::parse_section(*file, id, &src.files[*file].text, &elsewhere, out),
        ));
    }
    sections
}

fn dataset(file: usize, name: &str, text: &str, out: &mut Vec<Diagnostic>) -> ParsedDataset {
    let id = name.trim_end_matches(".csv");
    if !inline::is_kebab(id) {
        out.push(
            Diagnostic::new(
                Span::file_start(file),
                format!("dataset file name `{name}` is not kebab-case"),
            )
            .help("rename it like `purge-1929.csv`"),
        );
    }
    datasets::parse(file, id, text, out)
}
