//! What the page tells machines in its `<head>`, from `data/meta.toml`: citation metadata that
//! reference managers and scholarly search engines read (Highwire Press `citation_*`, which Zotero
//! and Google Scholar read, and Dublin Core), a schema.org description of this edition naming the
//! article it retells, and the link preview that chats and course sites show (Open Graph and
//! Twitter cards). The citation tags describe the *article*, so saving the page cites the
//! article; the preview and JSON-LD describe this edition.

use crate::citation::inverted;
use crate::markup::escape;
use kirov_content::Meta;

/// The link-preview image the build writes beside `index.html`, and its size in pixels (the
/// 1.91:1 shape every unfurler crops to).
pub const PREVIEW_IMAGE: &str = "preview.png";
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// One `<meta>` tag: the attribute that names it (`name`, or `property` for Open Graph), the
/// name, and the content.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaTag {
    pub attribute: &'static str,
    pub name: String,
    pub content: String,
}

fn tag(attribute: &'static str, name: &str, content: impl Into<String>) -> MetaTag {
    MetaTag {
        attribute,
        name: name.to_string(),
        content: content.into(),
    }
}

/// The one-sentence description readers see under a shared link.
pub fn description(meta: &Meta) -> String {
    let s = &meta.source;
    format!(
        "{} An interactive retelling of {}, “{}”, {} ({}).",
        sentence(&meta.subtitle),
        s.author,
        s.title,
        s.journal,
        s.year
    )
}

/// The subtitle as a sentence: first letter kept, a full stop added if it has none.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '?', '!']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// Every `<meta>` tag, in order: the article's citation (Highwire, then Dublin Core), the
/// page's description, then the link preview (Open Graph, then Twitter). Only what the
/// article's record in `meta.toml` gives: no volume, issue or pages are invented.
pub fn meta_tags(meta: &Meta, public_url: &str) -> Vec<MetaTag> {
    let s = &meta.source;
    let year = s.year.to_string();
    let about = description(meta);
    let alt = preview_alt(meta);
    vec![
        tag("name", "citation_title", s.title.clone()),
        tag("name", "citation_author", inverted(&s.author)),
        tag("name", "citation_publication_date", year.clone()),
        tag("name", "citation_journal_title", s.journal.clone()),
        tag("name", "citation_doi", s.doi.clone()),
        tag("name", "DC.title", s.title.clone()),
        tag("name", "DC.creator", inverted(&s.author)),
        tag("name", "DC.date", year),
        tag("name", "DC.type", "Text"),
        tag("name", "DC.identifier", format!("doi:{}", s.doi)),
        tag("name", "DC.relation.ispartof", s.journal.clone()),
        tag("name", "description", about.clone()),
        tag("property", "og:type", "article"),
        tag("property", "og:title", meta.title.clone()),
        tag("property", "og:description", about.clone()),
        // Absolute, as unfurlers require: where the edition is published (see oembed.rs).
        tag("property", "og:url", public_url),
        tag("property", "og:image", format!("{public_url}{PREVIEW_IMAGE}")),
        tag("property", "og:image:type", "image/png"),
        tag("property", "og:image:width", PREVIEW_SIZE.0.to_string()),
        tag("property", "og:image:height", PREVIEW_SIZE.1.to_string()),
        tag("property", "og:image:alt", alt.clone()),
        tag("name", "twitter:card", "summary_large_image"),
        tag("name", "twitter:title", meta.title.clone()),
        tag("name", "twitter:description", about),
        tag("name", "twitter:image", format!("{public_url}{PREVIEW_IMAGE}")),
        tag("name", "twitter:image:alt", alt),
    ]
}

/// The preview image's text alternative: what it shows, in words.
pub fn preview_alt(meta: &Meta) -> String {
    format!("{}: {}", meta.title, meta.subtitle)
}

/// A schema.org description of this edition (a `WebPage` whose main entity is an `Article`),
/// naming the scholarly article it is based on, with its DOI.
pub fn json_ld(meta: &Meta) -> serde_json::Value {
    let s = &meta.source;
    let article = serde_json::json!({
        "@type": "ScholarlyArticle",
        "name": s.title,
        "headline": s.title,
        "author": { "@type": "Person", "name": s.author },
        "datePublished": s.year.to_string(),
        "isPartOf": { "@type": "Periodical", "name": s.journal },
        "identifier": { "@type": "PropertyValue", "propertyID": "DOI", "value": s.doi },
        "url": s.url,
        "sameAs": [s.url, s.repository],
    });
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "name": meta.title,
        "headline": meta.title,
        "alternativeHeadline": meta.subtitle,
        "description": description(meta),
        "datePublished": meta.edition_year.to_string(),
        "inLanguage": "en",
        "isAccessibleForFree": true,
        "image": format!("./{PREVIEW_IMAGE}"),
        "isBasedOn": article,
    })
}

/// The tags as HTML, one per line, for the head. The JSON-LD is a data block (`type` is not a
/// script type, so it never runs and the page's CSP has nothing to allow); `<` is written as
/// `\u003c`, so no text in it can close its element.
pub fn head_html(meta: &Meta, public_url: &str) -> String {
    let mut out = String::new();
    for t in meta_tags(meta, public_url) {
        out.push_str(&format!(
            "<meta {}=\"{}\" content=\"{}\">\n",
            t.attribute,
            escape(&t.name),
            escape(&t.content)
        ));
    }
    let json = json_ld(meta).to_string().replace('<', "\\u003c");
    out.push_str(&format!("<script type=\"application/ld+json\">{json}</script>\n"));
    out
}

/// Puts the head tags directly after the page's `<title>…</title>`.
pub fn inject(page: &str, meta: &Meta, public_url: &str) -> Result<String, String> {
    let Some(end) = page.find("</title>").map(|i| i + "</title>".len()) else {
        return Err("index.html has no <title> to put the citation and preview tags after".into());
    };
    Ok(format!(
        "{}\n{}{}",
        &page[..end],
        head_html(meta, public_url),
        &page[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://journal.example/kirov/";

    fn find<'a>(tags: &'a [MetaTag], name: &str) -> Vec<&'a str> {
        tags.iter()
            .filter(|t| t.name == name)
            .map(|t| t.content.as_str())
            .collect()
    }

    #[test]
    fn the_citation_tags_describe_the_article_from_meta_toml() {
        let meta = &crate::content().meta;
        let tags = meta_tags(meta, URL);
        assert_eq!(find(&tags, "citation_title"), [meta.source.title.as_str()]);
        assert_eq!(find(&tags, "citation_author"), ["Kokosalakis, Yiannis"]);
        assert_eq!(find(&tags, "citation_publication_date"), ["2021"]);
        assert_eq!(find(&tags, "citation_journal_title"), ["The Journal of Modern History"]);
        assert_eq!(find(&tags, "citation_doi"), ["10.1086/714151"]);
        assert_eq!(find(&tags, "DC.identifier"), ["doi:10.1086/714151"]);
        // Nothing the record does not give.
        for absent in [
            "citation_volume",
            "citation_issue",
            "citation_firstpage",
            "citation_pdf_url",
        ] {
            assert!(find(&tags, absent).is_empty(), "{absent}");
        }
        // Open Graph names by `property`, everything else by `name`.
        for t in &tags {
            assert_eq!(t.attribute == "property", t.name.starts_with("og:"), "{}", t.name);
        }
    }

    #[test]
    fn the_preview_names_the_edition_and_its_image() {
        let meta = &crate::content().meta;
        let tags = meta_tags(meta, URL);
        assert_eq!(find(&tags, "og:title"), [meta.title.as_str()]);
        assert_eq!(find(&tags, "og:image"), ["https://journal.example/kirov/preview.png"]);
        assert_eq!(
            find(&tags, "twitter:image"),
            ["https://journal.example/kirov/preview.png"]
        );
        assert_eq!(find(&tags, "og:url"), [URL]);
        assert_eq!(find(&tags, "og:image:width"), ["1200"]);
        assert_eq!(find(&tags, "twitter:card"), ["summary_large_image"]);
        let about = description(meta);
        assert!(about.starts_with(&meta.subtitle) && about.contains("Kokosalakis") && about.ends_with("(2021)."));
    }

    #[test]
    fn the_json_ld_names_the_article_with_its_doi() {
        let meta = &crate::content().meta;
        let ld = json_ld(meta);
        assert_eq!(ld["@type"], "Article");
        assert_eq!(ld["name"], meta.title.as_str());
        assert_eq!(ld["isBasedOn"]["@type"], "ScholarlyArticle");
        assert_eq!(ld["isBasedOn"]["identifier"]["value"], "10.1086/714151");
        assert_eq!(ld["isBasedOn"]["author"]["name"], "Yiannis Kokosalakis");
        assert_eq!(ld["isBasedOn"]["url"], "https://doi.org/10.1086/714151");
    }

    #[test]
    fn text_cannot_break_out_of_an_attribute_or_the_data_block() {
        let mut meta = crate::content().meta.clone();
        meta.title = "A \"quoted\" <b>&</b> </script><script>x()</script>".into();
        let html = head_html(&meta, URL);
        assert!(
            html.contains("content=\"A &quot;quoted&quot; &lt;b&gt;&amp;&lt;/b&gt;"),
            "{html}"
        );
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        assert_eq!(html.matches("<script").count(), 1);
        let json = &html[html.find("json\">").unwrap() + 6..html.rfind("</script>").unwrap()];
        let back: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back["name"], meta.title.as_str());
    }

    #[test]
    fn the_tags_go_after_the_title() {
        let meta = &crate::content().meta;
        let page = inject("<head><title>T</title>\n<link rel=\"icon\"></head>", meta, URL).unwrap();
        let (title, first, icon) = (
            page.find("</title>").unwrap(),
            page.find("<meta name=\"citation_title\"").unwrap(),
            page.find("<link rel=\"icon\"").unwrap(),
        );
        assert!(title < first && first < icon, "{page}");
        assert!(inject("<head></head>", meta, URL).is_err());
    }
}
