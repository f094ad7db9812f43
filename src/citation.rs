//! Citations of the source article, and of one paragraph of this edition, in the forms readers
//! paste into their own work.

use kirov_content::{Block, Content, Meta, Source};

/// Chicago (notes and bibliography) bibliography entry.
pub fn chicago(s: &Source) -> String {
    format!(
        "{}. “{}.” {} ({}). https://doi.org/{}.",
        inverted(&s.author),
        s.title,
        s.journal,
        s.year,
        s.doi
    )
}

/// The article's citation fields: BibTeX key, RIS tag, value; both formats list them in this order.
fn fields(s: &Source) -> [(&'static str, &'static str, String); 6] {
    [
        ("author", "AU", inverted(&s.author)),
        ("title", "TI", s.title.clone()),
        ("journal", "JO", s.journal.clone()),
        ("year", "PY", s.year.to_string()),
        ("doi", "DO", s.doi.clone()),
        ("url", "UR", s.url.clone()),
    ]
}

/// A BibTeX `@article` entry.
pub fn bibtex(s: &Source) -> String {
    let key = format!("{}{}", surname(&s.author).to_lowercase(), s.year);
    let body: Vec<String> = fields(s)
        .iter()
        .map(|(k, _, v)| format!("  {k:<7} = {{{v}}}"))
        .collect();
    format!("@article{{{key},\n{}\n}}", body.join(",\n"))
}

/// An RIS record.
pub fn ris(s: &Source) -> String {
    let body: String = fields(s).iter().map(|(_, tag, v)| format!("{tag}  - {v}\n")).collect();
    format!("TY  - JOUR\n{body}ER  - ")
}

/// Where a paragraph (or quotation) sits: its section's numeral and title, and its ordinal
/// among the section's paragraphs, counting from 1. `None` for an unknown id.
pub fn locate<'a>(c: &'a Content, paragraph_id: &str) -> Option<(&'a str, &'a str, usize)> {
    c.sections.iter().find_map(|s| {
        s.blocks
            .iter()
            .filter(|b| matches!(b, Block::Paragraph { .. } | Block::Quote { .. }))
            .position(|b| matches!(b, Block::Paragraph { id, .. } | Block::Quote { id, .. } if id == paragraph_id))
            .map(|i| (s.numeral.as_str(), s.title.as_str(), i + 1))
    })
}

/// One paragraph of this edition, in Chicago style (a web page, with a pinpoint), crediting the
/// article it retells. `url` is the paragraph's own link.
pub fn paragraph_chicago(meta: &Meta, numeral: &str, paragraph: usize, url: &str) -> String {
    let s = &meta.source;
    format!(
        "“{},” sec. {numeral}, para. {paragraph}. An interactive retelling of {}, “{},” {} ({}). Published {}. {url}.",
        meta.title, s.author, s.title, s.journal, s.year, meta.edition_year
    )
}

/// One paragraph of this edition as a BibTeX `@online` entry.
pub fn paragraph_bibtex(meta: &Meta, paragraph_id: &str, numeral: &str, paragraph: usize, url: &str) -> String {
    let s = &meta.source;
    format!(
        "@online{{kirov-{paragraph_id},\n  title   = {{{}}},\n  note    = {{Section {numeral}, paragraph {paragraph}. An interactive retelling of {}, ``{}'', {} ({}), doi:{}}},\n  year    = {{{}}},\n  url     = {{{url}}}\n}}",
        meta.title, s.author, s.title, s.journal, s.year, s.doi, meta.edition_year
    )
}

/// One figure of this edition, in Chicago style, crediting the article it draws on. `url` is the
/// figure's own link (`…#fig-<id>`).
pub fn figure_chicago(meta: &Meta, figure_title: &str, url: &str) -> String {
    let s = &meta.source;
    format!(
        "“{}.” Figure in “{},” an interactive retelling of {}, “{},” {} ({}). Published {}. {url}.",
        figure_title.trim_end_matches('.'),
        meta.title,
        s.author,
        s.title,
        s.journal,
        s.year,
        meta.edition_year
    )
}

/// One figure of this edition as a BibTeX `@online` entry naming the edition and the article.
pub fn figure_bibtex(meta: &Meta, figure_id: &str, figure_title: &str, url: &str) -> String {
    let s = &meta.source;
    format!(
        "@online{{kirov-fig-{figure_id},\n  title   = {{{figure_title}}},\n  note    = {{Figure in {}, an interactive retelling of {}, ``{}'', {} ({}), doi:{}}},\n  year    = {{{}}},\n  url     = {{{url}}}\n}}",
        meta.title, s.author, s.title, s.journal, s.year, s.doi, meta.edition_year
    )
}

fn surname(author: &str) -> &str {
    author.rsplit(' ').next().unwrap_or(author)
}

/// `Yiannis Kokosalakis` → `Kokosalakis, Yiannis`.
pub fn inverted(author: &str) -> String {
    match author.rsplit_once(' ') {
        Some((given, family)) => format!("{family}, {given}"),
        None => author.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> Source {
        Source {
            author: "Yiannis Kokosalakis".into(),
            title: "A title".into(),
            journal: "The Journal of Modern History".into(),
            year: 2021,
            doi: "10.1086/714151".into(),
            url: "https://doi.org/10.1086/714151".into(),
            repository: String::new(),
            notes: 139,
        }
    }

    #[test]
    fn the_three_formats_carry_author_title_journal_year_and_doi() {
        let s = source();
        assert_eq!(
            chicago(&s),
            "Kokosalakis, Yiannis. “A title.” The Journal of Modern History (2021). https://doi.org/10.1086/714151."
        );
        assert_eq!(
            bibtex(&s),
            "@article{kokosalakis2021,\n  author  = {Kokosalakis, Yiannis},\n  title   = {A title},\n  \
             journal = {The Journal of Modern History},\n  year    = {2021},\n  doi     = {10.1086/714151},\n  \
             url     = {https://doi.org/10.1086/714151}\n}"
        );
        assert_eq!(
            ris(&s),
            "TY  - JOUR\nAU  - Kokosalakis, Yiannis\nTI  - A title\nJO  - The Journal of Modern History\nPY  - 2021\n\
             DO  - 10.1086/714151\nUR  - https://doi.org/10.1086/714151\nER  - "
        );
    }

    #[test]
    fn every_paragraph_is_located_by_section_and_ordinal() {
        let c = crate::content();
        let (numeral, title, n) = locate(c, "nep-p3").unwrap();
        assert_eq!((numeral, n), ("II", 3));
        assert_eq!(title, c.sections[1].title);
        assert_eq!(locate(c, "nep-p999"), None);
        for s in &c.sections {
            let mut expected = 0;
            for b in &s.blocks {
                if let Block::Paragraph { id, .. } | Block::Quote { id, .. } = b {
                    expected += 1;
                    assert_eq!(
                        locate(c, id),
                        Some((s.numeral.as_str(), s.title.as_str(), expected)),
                        "{id}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_paragraph_citation_names_the_edition_the_pinpoint_and_the_article() {
        let meta = &crate::content().meta;
        let url = "https://example.org/essay/#nep-p3";
        let c = paragraph_chicago(meta, "II", 3, url);
        assert!(c.starts_with(&format!("“{},” sec. II, para. 3.", meta.title)), "{c}");
        assert!(c.contains("Yiannis Kokosalakis") && c.contains(&meta.source.title) && c.ends_with(&format!("{url}.")));
        // The edition's year stands in its own sentence, never after the article's year like a page number.
        let years = format!("({}). Published {}. ", meta.source.year, meta.edition_year);
        assert!(c.contains(&years), "{c}");
        let b = paragraph_bibtex(meta, "nep-p3", "II", 3, url);
        assert!(b.starts_with("@online{kirov-nep-p3,\n"), "{b}");
        assert!(b.contains(&format!("url     = {{{url}}}")) && b.contains("doi:10.1086/714151"));
        assert_eq!(b.matches('{').count(), b.matches('}').count(), "balanced braces");
    }

    #[test]
    fn a_figure_citation_names_the_figure_the_edition_and_the_article() {
        let c = crate::content();
        let figure = &c.figures[0];
        let url = format!("https://example.org/essay/#fig-{}", figure.id);
        let chicago = figure_chicago(&c.meta, &figure.title, &url);
        assert!(
            chicago.starts_with(&format!("“{}.” Figure in “{},”", figure.title, c.meta.title)),
            "{chicago}"
        );
        assert!(
            chicago.contains("Yiannis Kokosalakis, “Bolshevik bargaining in Soviet industry"),
            "{chicago}"
        );
        let years = format!("({}). Published {}. ", c.meta.source.year, c.meta.edition_year);
        assert!(
            chicago.contains(&years) && chicago.ends_with(&format!("{url}.")),
            "{chicago}"
        );
        // A title that ends in a full stop does not get a second one.
        assert!(figure_chicago(&c.meta, "Done.", &url).starts_with("“Done.” Figure"));
        let bib = figure_bibtex(&c.meta, &figure.id, &figure.title, &url);
        assert!(
            bib.starts_with(&format!("@online{{kirov-fig-{},\n", figure.id)),
            "{bib}"
        );
        assert!(bib.contains(&format!("title   = {{{}}}", figure.title)));
        assert!(bib.contains(&format!("Figure in {}", c.meta.title)) && bib.contains("doi:10.1086/714151"));
        assert!(
            bib.contains(&format!("url     = {{{url}}}"))
                && bib.contains(&format!("year    = {{{}}}", c.meta.edition_year))
        );
        assert_eq!(bib.matches('{').count(), bib.matches('}').count(), "balanced braces");
    }
}
