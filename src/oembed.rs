//! oEmbed: how WordPress, and any other consumer that follows <https://oembed.com>, turns the
//! essay's address pasted into a post into an embedded essay. The build writes a static
//! `oembed.json` (type `rich`: an iframe snippet, the title, author, provider and thumbnail) and
//! the page names it in a discovery `<link>`. oEmbed wants absolute addresses, so both are made
//! from the address the edition is published at: `KIROV_PUBLIC_URL` at build time, or where
//! `make serve` serves it.

use crate::markup::escape;
use kirov_content::Meta;
use serde_json::json;

/// The static oEmbed file's name, beside `index.html`.
pub const OEMBED_FILE: &str = "oembed.json";
/// Where the edition lives when the build is not told (`make serve`).
pub const LOCAL_URL: &str = "http://127.0.0.1:8080/";

/// The address the edition is published at, always ending in `/`: `KIROV_PUBLIC_URL` if set
/// (and an http(s) address), else the local server's.
pub fn public_url(from_env: Option<&str>) -> String {
    let url = from_env
        .map(str::trim)
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .unwrap_or(LOCAL_URL);
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// The frame an oEmbed consumer places: the README's snippet, sized for a post's column
/// (WordPress then sizes it by the page's height messages).
pub const WIDTH: u32 = 680;
pub const HEIGHT: u32 = 900;

/// The oEmbed response, as JSON text.
pub fn response(meta: &Meta, public_url: &str, thumbnail: (&str, u32, u32)) -> String {
    let title = escape(&meta.title);
    let html = format!(
        "<iframe src=\"{public_url}\" title=\"{title}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         style=\"width:100%;border:0\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-downloads\" \
         allow=\"fullscreen\" loading=\"lazy\"></iframe>"
    );
    let body = json!({
        "version": "1.0",
        "type": "rich",
        "title": meta.title,
        "author_name": meta.source.author,
        "author_url": meta.source.url,
        "provider_name": meta.title,
        "provider_url": public_url,
        "thumbnail_url": format!("{public_url}{}", thumbnail.0),
        "thumbnail_width": thumbnail.1,
        "thumbnail_height": thumbnail.2,
        "width": WIDTH,
        "height": HEIGHT,
        "html": html,
    });
    serde_json::to_string_pretty(&body).unwrap_or_default()
}

/// The discovery link's address.
pub fn discovery_href(public_url: &str) -> String {
    format!("{public_url}{OEMBED_FILE}")
}

/// The page with its oEmbed discovery `<link>` after its `<title>`.
pub fn inject_discovery(page: &str, meta: &Meta, public_url: &str) -> Result<String, String> {
    let Some(end) = page.find("</title>").map(|i| i + "</title>".len()) else {
        return Err("index.html has no <title> to put the oEmbed discovery link after".into());
    };
    let link = format!(
        "\n<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        escape(&discovery_href(public_url)),
        escape(&meta.title)
    );
    Ok(format!("{}{link}{}", &page[..end], &page[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_address_ends_in_a_slash_and_falls_back_to_the_local_server() {
        assert_eq!(
            public_url(Some("https://journal.example/kirov")),
            "https://journal.example/kirov/"
        );
        assert_eq!(
            public_url(Some("https://journal.example/kirov/")),
            "https://journal.example/kirov/"
        );
        assert_eq!(public_url(Some("javascript:alert(1)")), LOCAL_URL);
        assert_eq!(public_url(None), LOCAL_URL);
    }

    #[test]
    fn the_response_is_a_rich_embed_of_this_edition_with_absolute_addresses() {
        let meta = &crate::content().meta;
        let text = response(meta, "https://journal.example/kirov/", ("preview.png", 1200, 630));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["version"], "1.0");
        assert_eq!(v["type"], "rich");
        assert_eq!(v["title"], meta.title.as_str());
        assert_eq!(v["author_name"], meta.source.author.as_str());
        assert_eq!(v["thumbnail_url"], "https://journal.example/kirov/preview.png");
        let html = v["html"].as_str().unwrap();
        assert!(html.starts_with("<iframe src=\"https://journal.example/kirov/\""));
        assert!(html.contains("sandbox=\"allow-scripts"));
        assert_eq!(
            discovery_href("https://journal.example/kirov/"),
            "https://journal.example/kirov/oembed.json"
        );
    }
}
