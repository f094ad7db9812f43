//! Finishing Trunk's staged bundle after the build (run by `bin/prerender` as Trunk's post_build
//! hook). Pure string work, tested natively:
//! - Trunk's inline boot script gives way to `assets/boot.js`, which loads the wasm when the
//!   reader first needs it, and the page runs under a strict CSP (no inline script);
//! - the stylesheets are joined into one file, one request instead of nine, and a single
//!   stylesheet for the `<kirov-essay>` element to load into its shadow root;
//! - every script from `assets/` gets the values of `protocol.rs` written over its placeholders,
//!   and the offline service worker also the list of files to cache and a version derived from them.

use crate::markup::escape;
use crate::protocol::{self, Value};
use sha2::{Digest, Sha256};

/// The marker in `index.html` that the prerendered body replaces. It must sit directly after
/// `<body>`: whitespace before the root element breaks hydration.
pub const BODY_MARKER: &str = "<!--prerendered-essay-->";

/// Puts the prerendered body into Trunk's `index.html` in place of [`BODY_MARKER`].
pub fn inject_body(index_html: &str, body: &str) -> Result<String, String> {
    match index_html.matches(BODY_MARKER).count() {
        1 => {}
        n => {
            return Err(format!(
                "index.html must contain the marker {BODY_MARKER} exactly once (found {n})"
            ))
        }
    }
    if !index_html.contains(&format!("<body>{BODY_MARKER}")) {
        return Err(format!(
            "the marker must follow `<body>` directly, with no whitespace: `<body>{BODY_MARKER}`"
        ));
    }
    let title = format!("<title>{}</title>", escape(&crate::content().meta.title));
    Ok(index_html
        .replacen("<title></title>", &title, 1)
        .replacen(BODY_MARKER, body, 1))
}

/// A file to write into the bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    pub name: String,
    pub text: String,
}

/// A content hash for cache-busting names and the service worker's version: the first 8 bytes
/// of SHA-256 over the parts, each preceded by its length as 8 little-endian bytes (so `["ab",
/// "c"]` and `["a", "bc"]` differ), in 16 hex digits. It must not change with the toolchain: a
/// new hash renames every asset and empties every reader's offline cache.
pub fn content_hash(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The second wasm half (the tools, figures and presenter). Trunk builds one app per page, so
/// this half is its "worker" app: ES-module glue all the same (index.html asks for it), but
/// named only by the binary, `<bin>.js` and `<bin>_bg.wasm`. Named here by their content, as
/// Trunk names the first half, so a new build is never answered from an old cache.
#[derive(Debug, Clone, PartialEq)]
pub struct Half {
    pub glue: String,
    pub wasm: String,
}

impl Half {
    /// Trunk's names for binary `bin`'s glue and wasm.
    pub fn trunk_names(bin: &str) -> (String, String) {
        (format!("{bin}.js"), format!("{bin}_bg.wasm"))
    }

    /// The names the bundle gives them, by their content.
    pub fn hashed(bin: &str, glue: &[u8], wasm: &[u8]) -> Self {
        let hash = content_hash(&[glue, wasm]);
        Half {
            glue: format!("{bin}-{hash}.js"),
            wasm: format!("{bin}-{hash}_bg.wasm"),
        }
    }
}

/// Replaces Trunk's inline boot `<script type="module">` and its preload links with
/// `assets/boot.js` (as `boot-<hash>.js`), which loads the wasm only when the reader first needs
/// it, and with `<meta>` tags naming the wasm-bindgen glue and the wasm of each half (the card
/// layer's, Trunk's main app, and `tools`) for it (and for the `<kirov-essay>` element) to find. The page then has no inline script, so a strict CSP holds.
/// The boot module stands at the end of the body and is fetched at low priority, so it never
/// competes with the stylesheet or the text.
pub fn boot_on_demand(html: &str, boot_template: &str, tools: &Half) -> Result<(String, Asset), String> {
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
    let meta = |name: &str, content: &str| format!("<meta name=\"{name}\" content=\"{content}\">");
    let metas = [
        meta(protocol::CARDS_GLUE_META, &glue),
        meta(protocol::CARDS_WASM_META, &wasm),
        meta(protocol::TOOLS_GLUE_META, &format!("./{}", tools.glue)),
        meta(protocol::TOOLS_WASM_META, &format!("./{}", tools.wasm)),
    ]
    .join("\n");
    let page = format!("{}{metas}{}", &html[..start], &html[end..]);
    // At the end of the body: a module runs only once the page is parsed wherever its tag
    // stands, and from there its request starts after the text's, so nothing the first paint
    // needs waits behind it (Lighthouse counted it against the largest paint from the head).
    if page.matches("</body>").count() != 1 {
        return Err("index.html must have exactly one `</body>`, before which the boot script goes".into());
    }
    let script = format!("<script type=\"module\" src=\"./{name}\" fetchpriority=\"low\"></script>");
    let page = remove_tags(&page, "<link rel=\"modulepreload\"");
    let page = remove_tags(&page, "<link rel=\"preload\"");
    // The modules it imports are preloaded beside it, so that they download with it rather than
    // a round trip after it (which held up the page's load event and the wasm's download).
    let imports: String = static_imports(boot_template)
        .iter()
        .map(|module| format!("<link rel=\"modulepreload\" href=\"{module}\" fetchpriority=\"low\">"))
        .collect();
    let page = page.replacen("</body>", &format!("{imports}{script}</body>"), 1);
    Ok((
        page,
        Asset {
            name,
            text: boot_template.to_string(),
        },
    ))
}

/// The modules a script imports statically from beside itself (`import … from './x.js';` at the
/// start of a line).
fn static_imports(script: &str) -> Vec<&str> {
    script
        .lines()
        .filter(|line| line.starts_with("import "))
        .filter_map(|line| line.split(" from '").nth(1)?.split('\'').next())
        .filter(|module| module.starts_with("./"))
        .collect()
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

/// Where a placeholder starts: it is a whole quoted string, `'__KIROV_<NAME>__'` (or in double
/// quotes), so the scripts stay valid JavaScript that linters can read.
const PLACEHOLDER: &str = "__KIROV_";

/// Writes each value over its placeholder, as a JavaScript literal in the placeholder's quotes:
/// `const KEY = '__KIROV_THEME_STORAGE_KEY__';` becomes `const KEY = 'kirov-essay-theme';`. A
/// placeholder with no value, or not a whole quoted string, is an error naming its line.
pub fn fill_placeholders(script: &str, values: &[(&str, Value)]) -> Result<String, String> {
    let mut out = String::with_capacity(script.len());
    let mut done = 0;
    while let Some(at) = script[done..].find(PLACEHOLDER).map(|i| done + i) {
        let line = script[..at].matches('\n').count() + 1;
        let Some((quote, name)) = placeholder_at(script, at) else {
            return Err(format!(
                "line {line}: `{PLACEHOLDER}` outside a placeholder; write one as a whole quoted string, '{PLACEHOLDER}<NAME>__'"
            ));
        };
        let Some((_, value)) = values.iter().find(|(n, _)| *n == name) else {
            return Err(format!(
                "line {line}: unknown placeholder '{PLACEHOLDER}{name}__': src/protocol.rs shares no `{name}`"
            ));
        };
        out.push_str(&script[done..at - 1]);
        out.push_str(&js_literal(value, quote));
        // Past the name, its closing `__` and the closing quote.
        done = at + PLACEHOLDER.len() + name.len() + 3;
    }
    out.push_str(&script[done..]);
    Ok(out)
}

/// The quote and the name of the placeholder whose `__KIROV_` starts at `at`, if well formed.
fn placeholder_at(script: &str, at: usize) -> Option<(char, &str)> {
    let quote = script[..at].chars().next_back().filter(|q| matches!(q, '\'' | '"'))?;
    let rest = &script[at + PLACEHOLDER.len()..];
    let name = rest[..rest.find(quote)?].strip_suffix("__")?;
    let name_char = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_';
    (!name.is_empty() && name.chars().all(name_char)).then_some((quote, name))
}

/// A value as a JavaScript string literal in `quote`s, or an array of them.
fn js_literal(value: &Value, quote: char) -> String {
    let string = |s: &str| {
        let mut lit = String::from(quote);
        for c in s.chars() {
            match c {
                '\\' => lit.push_str("\\\\"),
                c if c == quote => lit.extend(['\\', c]),
                c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                    lit.push_str(&format!("\\u{:04x}", u32::from(c)))
                }
                c => lit.push(c),
            }
        }
        lit.push(quote);
        lit
    };
    match value {
        Value::Text(s) => string(s),
        Value::List(items) => format!("[{}]", items.iter().map(|s| string(s)).collect::<Vec<_>>().join(", ")),
    }
}

/// The values only the build knows, which `assets/sw.js` has placeholders for beside the protocol's.
pub const WORKER_VALUES: [&str; 3] = ["VERSION", "INSTALL", "ON_USE"];

/// Fills the service worker template with the protocol's values, the bundle's version, the files
/// it caches on install and those it caches on first use (`on_use`, taken out of `files`).
pub fn service_worker(template: &str, version: &str, files: &[String], on_use: &[&str]) -> Result<String, String> {
    for name in WORKER_VALUES {
        let placeholder = format!("{PLACEHOLDER}{name}__");
        if !template.contains(&placeholder) {
            return Err(format!("sw.js must contain the placeholder '{placeholder}'"));
        }
    }
    for name in on_use {
        if !files.iter().any(|f| f == name) {
            return Err(format!("{name} is not in the bundle"));
        }
    }
    let install = files.iter().map(String::as_str).filter(|f| !on_use.contains(f));
    let mut values = protocol::shared();
    values.extend([
        ("VERSION", Value::from(version)),
        ("INSTALL", Value::List(install.map(str::to_string).collect())),
        ("ON_USE", Value::List(on_use.iter().map(|s| s.to_string()).collect())),
    ]);
    fill_placeholders(template, &values).map_err(|e| format!("sw.js: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<head>\n  <link rel=\"stylesheet\" href=\"./a-1.css\" data-integrity=\"none\"/>\n  <link rel=\"stylesheet\" href=\"./b-2.css\" data-integrity=\"none\"/>\n  <noscript><link rel=\"stylesheet\" href=\"./noscript.css\"></noscript>\n<script type=\"module\">\nimport init from './x.js';\nawait init({ module_or_path: './x_bg.wasm' });\n</script>\n";

    const BOOT: &str = "/* boot */\nimport { warmUp } from './warm-up.js';\nimport(bundle('glue'));\n";

    fn tools() -> Half {
        Half::hashed("t", b"glue", b"wasm")
    }

    #[test]
    fn the_second_half_is_named_by_its_content() {
        assert_eq!(Half::trunk_names("t"), ("t.js".to_string(), "t_bg.wasm".to_string()));
        let half = tools();
        assert!(half.glue.starts_with("t-") && half.glue.ends_with(".js"), "{half:?}");
        assert_eq!(half.wasm, half.glue.replace(".js", "_bg.wasm"));
        assert_ne!(Half::hashed("t", b"glue", b"wasm2"), half);
    }

    #[test]
    fn trunks_boot_script_becomes_the_on_demand_boot_with_the_bundle_named_in_meta() {
        let page = format!("{PAGE}<link rel=\"modulepreload\" href=\"./x.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"./x_bg.wasm\" as=\"fetch\"></head><body><p>Text</p></body>");
        let before = page.clone();
        let (page, boot) = boot_on_demand(&before, BOOT, &tools()).unwrap();
        // Trunk's script and its preloads of the card layer's half are gone.
        assert!(
            !page.contains("import init") && !page.contains("rel=\"preload\""),
            "{page}"
        );
        assert!(!page.contains("<link rel=\"modulepreload\" href=\"./x.js\""), "{page}");
        assert!(page.contains("<meta name=\"kirov-essay-cards-glue\" content=\"./x.js\">"));
        assert!(page.contains("<meta name=\"kirov-essay-cards-wasm\" content=\"./x_bg.wasm\">"));
        let half = tools();
        assert!(page.contains(&format!(
            "<meta name=\"kirov-essay-tools-glue\" content=\"./{}\">",
            half.glue
        )));
        assert!(page.contains(&format!(
            "<meta name=\"kirov-essay-tools-wasm\" content=\"./{}\">",
            half.wasm
        )));
        // Last in the body, at low priority: nothing about the first paint waits for it. What it
        // imports is preloaded beside it (and nothing it imports at run time).
        assert!(page.ends_with(&format!(
            "<p>Text</p><link rel=\"modulepreload\" href=\"./warm-up.js\" fetchpriority=\"low\"><script type=\"module\" src=\"./{}\" fetchpriority=\"low\"></script></body>",
            boot.name
        )));
        assert_eq!(page.matches("modulepreload").count(), 1, "{page}");
        assert_eq!(boot.text, BOOT);
        assert!(boot.name.starts_with("boot-") && boot.name.ends_with(".js"));
        // Same script, same name; a changed script, a new name.
        assert_eq!(boot_on_demand(&before, BOOT, &tools()).unwrap().1.name, boot.name);
        assert_ne!(boot_on_demand(&before, "other", &tools()).unwrap().1.name, boot.name);
    }

    #[test]
    fn a_page_without_exactly_one_recognisable_boot_script_is_an_error() {
        assert!(boot_on_demand("<head></head>", BOOT, &tools()).is_err());
        let twice = format!("{PAGE}<script type=\"module\">x</script>");
        assert!(boot_on_demand(&twice, BOOT, &tools()).unwrap_err().contains("found 2"));
        let unnamed = PAGE.replace("from './x.js'", "from x");
        assert!(boot_on_demand(&unnamed, BOOT, &tools())
            .unwrap_err()
            .contains("no longer names"));
        assert!(boot_on_demand(PAGE, BOOT, &tools()).unwrap_err().contains("</body>"));
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
    fn the_service_worker_gets_the_protocol_its_version_and_its_files() {
        let t = "const V = '__KIROV_VERSION__'; const I = \"__KIROV_INSTALL__\"; const U = '__KIROV_ON_USE__'; const P = '__KIROV_CACHE_PREFIX__';";
        let files = ["index.html".to_string(), "x.js".into(), "charts.js".into()];
        let sw = service_worker(t, "abc", &files, &["charts.js"]).unwrap();
        assert_eq!(
            sw,
            "const V = 'abc'; const I = [\"index.html\", \"x.js\"]; const U = ['charts.js']; const P = 'kirov-essay-';"
        );
        assert_eq!(
            service_worker("const V = '__KIROV_VERSION__';", "abc", &files, &[]).unwrap_err(),
            "sw.js must contain the placeholder '__KIROV_INSTALL__'"
        );
        assert_eq!(
            service_worker(t, "abc", &files, &["gone.js"]).unwrap_err(),
            "gone.js is not in the bundle"
        );
    }

    #[test]
    fn placeholders_become_literals_in_their_own_quotes() {
        let values = [
            ("KEY", Value::from("it's \"x\" \\ \n")),
            ("LIST", Value::from(["a", "b"])),
        ];
        let script = "const K = '__KIROV_KEY__', D = \"__KIROV_KEY__\";\nconst L = '__KIROV_LIST__'; // __KIROV_ in a comment is not a placeholder";
        let err = fill_placeholders(script, &values).unwrap_err();
        assert_eq!(
            err,
            "line 2: `__KIROV_` outside a placeholder; write one as a whole quoted string, '__KIROV_<NAME>__'"
        );
        let script = script.split(" //").next().unwrap();
        assert_eq!(
            fill_placeholders(script, &values).unwrap(),
            "const K = 'it\\'s \"x\" \\\\ \\u000a', D = \"it's \\\"x\\\" \\\\ \\u000a\";\nconst L = ['a', 'b'];"
        );
        // Text with no placeholder is left as it is.
        assert_eq!(fill_placeholders("a 'b' \"c\"", &values).unwrap(), "a 'b' \"c\"");
    }

    #[test]
    fn an_unknown_or_malformed_placeholder_stops_the_build() {
        let values = [("KEY", Value::from("k"))];
        assert_eq!(
            fill_placeholders("x;\nconst T = '__KIROV_TYPO__';", &values).unwrap_err(),
            "line 2: unknown placeholder '__KIROV_TYPO__': src/protocol.rs shares no `TYPO`"
        );
        for bad in [
            "`__KIROV_KEY__`",
            "'__KIROV_KEY__\"",
            "'__KIROV_KEY_'",
            "'__KIROV_key__'",
            "__KIROV_KEY__",
            "'__KIROV___'",
        ] {
            let err = fill_placeholders(bad, &values).unwrap_err();
            assert!(err.contains("outside a placeholder"), "{bad}: {err}");
        }
    }

    #[test]
    fn content_hashes_are_sha256_of_the_length_prefixed_parts() {
        // Known answers, checkable with any SHA-256 tool:
        //   printf '' | sha256sum
        //   printf '\x03\0\0\0\0\0\0\0abc' | sha256sum
        assert_eq!(content_hash(&[]), "e3b0c44298fc1c14");
        assert_eq!(content_hash(&[b"abc"]), "ce91dc5eec0139ad");
        assert_eq!(content_hash(&[b"ab", b"c"]), "43ee655579de01ca");
        assert_ne!(content_hash(&[b"ab", b"c"]), content_hash(&[b"a", b"bc"]));
    }
}
