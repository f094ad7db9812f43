//! Finishing Trunk's staged bundle after the build (run by `bin/prerender` as Trunk's post_build
//! hook). Pure string work, tested natively:
//! - Trunk's inline boot script gives way to `assets/boot.js`, which loads the wasm when the
//!   reader first needs it, and the page runs under a strict CSP (no inline script);
//! - the stylesheets are joined into one file, one request instead of nine, and a single
//!   stylesheet for the `<kirov-essay>` element to load into its shadow root;
//! - the offline service worker gets the list of files to cache and a version derived from them.

use std::hash::{Hash, Hasher};

/// A file to write into the bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    pub name: String,
    pub text: String,
}

/// A content hash for cache-busting names and the service worker's version. It only has to be
/// deterministic for a given toolchain, which `DefaultHasher::new()` is.
pub fn content_hash(parts: &[&[u8]]) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

/// Replaces Trunk's inline boot `<script type="module">` and its preload links with
/// `assets/boot.js` (as `boot-<hash>.js`), which loads the wasm only when the reader first needs
/// it, and with two `<meta>` tags naming the wasm-bindgen glue and the wasm for it (and for the
/// `<kirov-essay>` element) to find. The page then has no inline script, so a strict CSP holds.
/// The boot module is fetched at low priority, so it never competes with the stylesheet.
pub fn boot_on_demand(html: &str, boot_template: &str) -> Result<(String, Asset), String> {
    const OPEN: &str = "<script type=\"module\">";
    let found = html.matches(OPEN).count();
    if found != 1 {
        return Err(format!(
            "expected Trunk's one inline `{OPEN}` in index.html, found {found}"
        ));
    }
    let start = html.find(OPEN).unwrap_or_default();
    let Some(len) = html[start..].find("</script>") else {
        return Err("Trunk's inline module script has no `</script>`".into());
    };
    let end = start + len + "</script>".len();
    let script = &html[start..end];
    let quoted_after = |marker: &str| {
        let at = script.find(marker)? + marker.len();
        let rest = &script[at..];
        Some(rest[..rest.find('\'')?].to_string())
    };
    let (Some(glue), Some(wasm)) = (quoted_after("from '"), quoted_after("module_or_path: '")) else {
        return Err(
            "Trunk's boot script no longer names its glue (`from '…'`) and wasm (`module_or_path: '…'`)".into(),
        );
    };
    let name = format!("boot-{}.js", content_hash(&[boot_template.as_bytes()]));
    let tags = format!(
        "<meta name=\"kirov-essay-glue\" content=\"{glue}\">\n<meta name=\"kirov-essay-wasm\" content=\"{wasm}\">\n<script type=\"module\" src=\"./{name}\" fetchpriority=\"low\"></script>"
    );
    let page = format!("{}{tags}{}", &html[..start], &html[end..]);
    let page = remove_tags(&page, "<link rel=\"modulepreload\"");
    let page = remove_tags(&page, "<link rel=\"preload\"");
    Ok((
        page,
        Asset {
            name,
            text: boot_template.to_string(),
        },
    ))
}

/// Removes every tag that starts with `opening` (up to its `>`).
fn remove_tags(html: &str, opening: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(opening) {
        out.push_str(&rest[..i]);
        match rest[i..].find('>') {
            Some(e) => rest = &rest[i + e + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `href`s of the page's `<link rel="stylesheet">` tags, in order, with each whole tag.
/// Links inside `<noscript>` are left alone: they apply only without JavaScript.
fn stylesheet_links(html: &str) -> Vec<(&str, &str)> {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"";
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(LINK).map(|i| from + i) {
        let Some(end) = html[i..].find('>').map(|e| i + e) else {
            break;
        };
        let tag = &html[i..=end];
        let before = &html[..i];
        let in_noscript = before.rfind("<noscript>") > before.rfind("</noscript>");
        if let (false, Some(q)) = (in_noscript, tag[LINK.len()..].find('"')) {
            links.push((tag, &tag[LINK.len()..LINK.len() + q]));
        }
        from = end + 1;
    }
    links
}

/// Joins every `<link rel="stylesheet">` into one `essay-<hash>.css`, linked where the first one
/// was. `read` fetches a stylesheet by its href. Returns the page, the joined stylesheet and the
/// hrefs it replaced (which the caller deletes).
pub fn bundle_stylesheets(
    html: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<(String, Asset, Vec<String>), String> {
    let links = stylesheet_links(html);
    if links.is_empty() {
        return Err("index.html links no stylesheet to bundle".into());
    }
    let mut css = String::new();
    for (_, href) in &links {
        let text = read(href)?;
        css.push_str(&format!("/* {} */\n", href.trim_start_matches("./")));
        css.push_str(text.trim_end());
        css.push_str("\n\n");
    }
    let name = format!("essay-{}.css", content_hash(&[css.as_bytes()]));
    let mut page = html.replacen(links[0].0, &format!("<link rel=\"stylesheet\" href=\"./{name}\">"), 1);
    for (tag, _) in &links[1..] {
        // Drop the tag together with the line it sat on.
        page = page.replacen(&format!("{tag}\n"), "", 1).replacen(tag, "", 1);
    }
    let replaced = links
        .iter()
        .map(|(_, href)| href.trim_start_matches("./").to_string())
        .collect();
    Ok((page, Asset { name, text: css }, replaced))
}

/// Placeholders in `assets/sw.js` that the build fills in.
pub const SW_VERSION: &str = "__KIROV_ESSAY_VERSION__";
pub const SW_INSTALL: &str = "\"__KIROV_ESSAY_INSTALL__\"";
pub const SW_ON_USE: &str = "\"__KIROV_ESSAY_ON_USE__\"";

/// Fills the service worker template with the bundle's version, the files it caches on install
/// and those it caches on first use (`on_use`, taken out of `files`).
pub fn service_worker(template: &str, version: &str, files: &[String], on_use: &[&str]) -> Result<String, String> {
    for marker in [SW_VERSION, SW_INSTALL, SW_ON_USE] {
        if template.matches(marker).count() != 1 {
            return Err(format!("sw.js must contain the placeholder {marker} exactly once"));
        }
    }
    for name in on_use {
        if !files.iter().any(|f| f == name) {
            return Err(format!("{name} is not in the bundle"));
        }
    }
    let install: Vec<&str> = files
        .iter()
        .map(String::as_str)
        .filter(|f| !on_use.contains(f))
        .collect();
    let (install, on_use) = (
        serde_json::to_string(&install).map_err(|e| e.to_string())?,
        serde_json::to_string(on_use).map_err(|e| e.to_string())?,
    );
    Ok(template
        .replacen(SW_VERSION, version, 1)
        .replacen(SW_INSTALL, &install, 1)
        .replacen(SW_ON_USE, &on_use, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<head>\n  <link rel=\"stylesheet\" href=\"./a-1.css\" data-integrity=\"none\"/>\n  <link rel=\"stylesheet\" href=\"./b-2.css\" data-integrity=\"none\"/>\n  <noscript><link rel=\"stylesheet\" href=\"./noscript.css\"></noscript>\n<script type=\"module\">\nimport init from './x.js';\nawait init({ module_or_path: './x_bg.wasm' });\n</script>\n";

    const BOOT: &str = "/* boot */ import(bundle('glue'));\n";

    #[test]
    fn trunks_boot_script_becomes_the_on_demand_boot_with_the_bundle_named_in_meta() {
        let page = format!("{PAGE}<link rel=\"modulepreload\" href=\"./x.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"./x_bg.wasm\" as=\"fetch\"></head>");
        let (page, boot) = boot_on_demand(&page, BOOT).unwrap();
        assert!(!page.contains("import init") && !page.contains("preload"), "{page}");
        assert!(page.contains("<meta name=\"kirov-essay-glue\" content=\"./x.js\">"));
        assert!(page.contains("<meta name=\"kirov-essay-wasm\" content=\"./x_bg.wasm\">"));
        // Low priority: nothing about the first paint waits for it.
        assert!(page.contains(&format!(
            "<script type=\"module\" src=\"./{}\" fetchpriority=\"low\"></script>",
            boot.name
        )));
        assert_eq!(boot.text, BOOT);
        assert!(boot.name.starts_with("boot-") && boot.name.ends_with(".js"));
        // Same script, same name; a changed script, a new name.
        assert_eq!(boot_on_demand(PAGE, BOOT).unwrap().1.name, boot.name);
        assert_ne!(boot_on_demand(PAGE, "other").unwrap().1.name, boot.name);
    }

    #[test]
    fn a_page_without_exactly_one_recognisable_boot_script_is_an_error() {
        assert!(boot_on_demand("<head></head>", BOOT).is_err());
        let twice = format!("{PAGE}<script type=\"module\">x</script>");
        assert!(boot_on_demand(&twice, BOOT).unwrap_err().contains("found 2"));
        let unnamed = PAGE.replace("from './x.js'", "from x");
        assert!(boot_on_demand(&unnamed, BOOT).unwrap_err().contains("no longer names"));
    }

    #[test]
    fn stylesheets_are_joined_in_order_into_one_link() {
        let read = |href: &str| Ok(format!(".{} {{}}\n", href.trim_start_matches("./").replace(".css", "")));
        let (page, css, replaced) = bundle_stylesheets(PAGE, read).unwrap();
        assert_eq!(replaced, ["a-1.css", "b-2.css"]);
        assert_eq!(stylesheet_links(&page).len(), 1);
        assert!(page.contains(&format!("href=\"./{}\"", css.name)));
        let (a, b) = (css.text.find(".a-1").unwrap(), css.text.find(".b-2").unwrap());
        assert!(a < b, "order kept: {}", css.text);
        assert!(page.contains("<noscript><link rel=\"stylesheet\" href=\"./noscript.css\"></noscript>"));
    }

    #[test]
    fn a_missing_stylesheet_is_reported() {
        let err = bundle_stylesheets(PAGE, |h| Err(format!("cannot read {h}"))).unwrap_err();
        assert_eq!(err, "cannot read ./a-1.css");
        assert!(bundle_stylesheets("<head></head>", |_| Ok(String::new())).is_err());
    }

    #[test]
    fn the_service_worker_gets_version_and_files() {
        let t = format!("const V = '{SW_VERSION}'; const I = {SW_INSTALL}; const U = {SW_ON_USE};");
        let files = ["index.html".to_string(), "x.js".into(), "charts.js".into()];
        let sw = service_worker(&t, "abc", &files, &["charts.js"]).unwrap();
        assert_eq!(
            sw,
            "const V = 'abc'; const I = [\"index.html\",\"x.js\"]; const U = [\"charts.js\"];"
        );
        assert!(service_worker("no markers", "abc", &files, &[]).is_err());
        assert_eq!(
            service_worker(&t, "abc", &files, &["gone.js"]).unwrap_err(),
            "gone.js is not in the bundle"
        );
    }
}
