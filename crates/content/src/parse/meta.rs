//! `data/meta.toml`: the edition's title and the source article's citation.

use super::diagnostic::Diagnostic;
use super::toml_file::read;
use crate::model::{Meta, Source};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    title: String,
    subtitle: String,
    source: RawSource,
    edition: Edition,
    archive: Archive,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    author: String,
    /// The article's title (`name`, not `title`, so the key and the title never read as one phrase).
    name: String,
    journal: String,
    year: u16,
    doi: String,
    url: String,
    repository: String,
    /// How many notes the article has.
    notes: u16,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edition {
    note: String,
    year: u16,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Archive {
    name: String,
    abbreviation: String,
}

pub fn parse(file: usize, text: &str, out: &mut Vec<Diagnostic>) -> Option<Meta> {
    let raw = read::<File>(file, text, "meta.toml", out)?;
    Some(Meta {
        title: raw.title,
        subtitle: raw.subtitle,
        source: Source {
            author: raw.source.author,
            title: raw.source.name,
            journal: raw.source.journal,
            year: raw.source.year,
            doi: raw.source.doi,
            url: raw.source.url,
            repository: raw.source.repository,
            notes: raw.source.notes,
        },
        edition_note: raw.edition.note,
        edition_year: raw.edition.year,
        archive_name: raw.archive.name,
        archive_abbreviation: raw.archive.abbreviation,
    })
}
