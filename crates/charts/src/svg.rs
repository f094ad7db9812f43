//! ECharts' server-side SVG made fit for the page: the strict Content-Security-Policy
//! (`style-src 'self'`) refuses its `style="…"` attributes and its `<style>` element, and its
//! colours are the light theme's, fixed. [`themeable`] rewrites it at build time: styles become
//! presentation attributes, the `<style>` element (hover rules only) goes, every colour of the
//! light theme gains a class that `style/chart.css` maps to a token of `style/tokens.css` (so a
//! change of `data-theme` recolours the chart with no redraw), and ids are made unique per chart.
//! Every datum's element keeps ECharts' `ecmeta_series_index` / `ecmeta_data_index`, which the
//! page's own pointer handling reads.

use crate::Theme;

/// The class prefix of a themed colour: `kc-fill-<token>`, `kc-stroke-<token>`.
pub const COLOUR_CLASS: &str = "kc-";

/// The chart's SVG, rewritten; and the colours that matched no token (drawn as they are).
pub struct Themeable {
    pub svg: String,
    pub unthemed: Vec<String>,
}

/// The light theme's colours by token name (`text`, `muted`, `rule`, `paper`, `accent`,
/// `c1` … `c7` for the palette), normalised as [`normalise`] gives them.
pub fn tokens(theme: &Theme) -> Vec<(String, String)> {
    let mut tokens: Vec<(String, String)> = [
        ("text", theme.text),
        ("muted", theme.muted),
        ("rule", theme.rule),
        ("paper", theme.paper),
        ("accent", theme.accent),
    ]
    .iter()
    .map(|(n, c)| (n.to_string(), normalise(c)))
    .collect();
    for (i, c) in theme.palette.iter().enumerate() {
        tokens.push((format!("c{}", i + 1), normalise(c)));
    }
    tokens
}

/// A colour as lower-case `#rrggbb` when it is opaque (`#ABC`, `#AABBCC`, `rgb(…)` and
/// `rgba(…, 1)` alike), else as written, lower-cased and without spaces.
pub fn normalise(colour: &str) -> String {
    let c = colour.trim().to_ascii_lowercase().replace(' ', "");
    if let Some(hex) = c.strip_prefix('#') {
        if hex.len() == 3 {
            return hex.chars().fold(String::from("#"), |mut s, ch| {
                s.push(ch);
                s.push(ch);
                s
            });
        }
        return c;
    }
    let inner = c
        .strip_prefix("rgba(")
        .or_else(|| c.strip_prefix("rgb("))
        .and_then(|r| r.strip_suffix(')'));
    if let Some(inner) = inner {
        let parts: Vec<&str> = inner.split(',').collect();
        let opaque = parts.len() == 3 || parts.get(3).and_then(|a| a.parse::<f64>().ok()) == Some(1.0);
        let rgb: Vec<u8> = parts.iter().take(3).filter_map(|p| p.parse().ok()).collect();
        if opaque && rgb.len() == 3 {
            return format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
        }
    }
    c
}

/// Rewrites ECharts' SSR output drawn in `theme` (the light theme) for the page. `id_prefix`
/// replaces ECharts' per-instance `zrN` prefix of ids (patterns, clip paths), so several charts
/// in one page never share an id; `width` is recorded as `data-width`.
pub fn themeable(svg: &str, theme: &Theme, id_prefix: &str, width: f64) -> Themeable {
    let tokens = tokens(theme);
    let svg = svg.find("<svg").map_or(svg, |i| &svg[i..]);
    let svg = without_style_elements(svg);
    let mut tokens_out: Vec<Token> = Vec::new();
    let mut unthemed = Vec::new();
    let mut rest = svg.as_str();
    // Inside a <pattern> (decals) or a <clipPath>.
    let mut in_pattern = 0usize;
    while let Some(lt) = rest.find('<') {
        tokens_out.push(Token::Raw(rest[..lt].to_string()));
        rest = &rest[lt..];
        let Some(gt) = tag_end(rest) else {
            break;
        };
        let tag = &rest[..=gt];
        rest = &rest[gt + 1..];
        if tag.starts_with("</") {
            if tag.starts_with("</pattern") || tag.starts_with("</clipPath") {
                in_pattern = in_pattern.saturating_sub(1);
            }
            tokens_out.push(Token::Raw(tag.to_string()));
            continue;
        }
        if tag.starts_with("<!") || tag.starts_with("<?") {
            tokens_out.push(Token::Raw(tag.to_string()));
            continue;
        }
        let mut el = Tag::parse(tag);
        if el.name == "pattern" || el.name == "clipPath" {
            in_pattern += 1;
        }
        el.rewrite(&tokens, in_pattern > 0, id_prefix, &mut unthemed);
        if el.name == "svg" {
            el.set("class", "chart-svg");
            el.set("data-width", &format!("{width}"));
            // The chart's data is read through the page's own group, tooltips and table.
            el.set("aria-hidden", "true");
            el.set("focusable", "false");
        }
        tokens_out.push(Token::Tag(el));
    }
    tokens_out.push(Token::Raw(rest.to_string()));
    label_items(&mut tokens_out);
    let out: String = tokens_out
        .iter()
        .map(|t| match t {
            Token::Raw(r) => r.clone(),
            Token::Tag(t) => t.render(),
        })
        .collect();
    unthemed.sort();
    unthemed.dedup();
    Themeable { svg: out, unthemed }
}

enum Token {
    Tag(Tag),
    Raw(String),
}

const SERIES: &str = "ecmeta_series_index";
const ITEM: &str = "ecmeta_data_index";

/// Gives the elements drawn over a datum, and its label, the datum's `ecmeta_*` attributes,
/// so a pointer on them finds the datum as one on the datum's own shape does: a decal (ECharts
/// draws it as a second shape on top) and the `<text>` of its label (a row's name is a line
/// of a text series). ECharts writes a run of shapes (of one series or of several drawn
/// together), then their labels in the same order; labels are matched only when they are
/// exactly as many as the shapes before them.
fn label_items(tokens: &mut [Token]) {
    let meta = |t: &Token| match t {
        Token::Tag(tag) if tag.get("ecmeta_ssr_type") == Some("chart") => {
            Some((tag.get(SERIES)?.to_string(), tag.get(ITEM)?.to_string()))
        }
        _ => None,
    };
    let mut i = 0;
    while i < tokens.len() {
        if meta(&tokens[i]).is_none() {
            i += 1;
            continue;
        }
        // The run of shapes, of one series or several drawn together (and the decals over them).
        let mut run = Vec::new();
        let mut last = None;
        let mut j = i;
        while j < tokens.len() {
            match &tokens[j] {
                Token::Raw(_) => {}
                Token::Tag(_) if meta(&tokens[j]).is_some() => {
                    last = meta(&tokens[j]);
                    run.push(last.clone().unwrap_or_default());
                }
                Token::Tag(tag) if tag.get("fill").is_some_and(|f| f.starts_with("url(")) && last.is_some() => {
                    if let (Token::Tag(tag), Some((s, d))) = (&mut tokens[j], &last) {
                        tag.set(SERIES, s);
                        tag.set(ITEM, d);
                        tag.set("ecmeta_ssr_type", "decal");
                    }
                }
                Token::Tag(_) => break,
            }
            j += 1;
        }
        // The labels straight after it.
        let mut texts = Vec::new();
        let mut k = j;
        while k < tokens.len() {
            match &tokens[k] {
                Token::Raw(_) => {}
                Token::Tag(tag) if tag.name == "text" => texts.push(k),
                Token::Tag(_) => break,
            }
            k += 1;
        }
        if texts.len() == run.len() {
            for (t, (s, d)) in texts.into_iter().zip(&run) {
                if let Token::Tag(tag) = &mut tokens[t] {
                    tag.set(SERIES, s);
                    tag.set(ITEM, d);
                    tag.set("ecmeta_ssr_type", "label");
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// The index of the `>` closing the tag at the start of `s` (quoted values may hold `>`).
fn tag_end(s: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, ch) in s.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            '>' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// The SVG without its `<style>` elements (ECharts puts only hover rules there).
pub fn without_style_elements(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find("<style") {
        out.push_str(&rest[..i]);
        match rest[i..].find("</style>") {
            Some(end) => rest = &rest[i + end + "</style>".len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// An opening tag: its name, its attributes in order, and whether it closes itself.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

impl Tag {
    fn parse(tag: &str) -> Tag {
        let inner = tag.trim_start_matches('<').trim_end_matches('>');
        let self_closing = inner.trim_end().ends_with('/');
        let inner = inner.trim_end().trim_end_matches('/');
        let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
        let name = inner[..name_end].to_string();
        let mut attrs = Vec::new();
        let mut rest = &inner[name_end..];
        loop {
            rest = rest.trim_start();
            let Some(eq) = rest.find('=') else { break };
            let key = rest[..eq].trim().to_string();
            let after = &rest[eq + 1..];
            let Some(value) = after.strip_prefix('"') else { break };
            let Some(close) = value.find('"') else { break };
            attrs.push((key, value[..close].to_string()));
            rest = &value[close + 1..];
        }
        Tag {
            name,
            attrs,
            self_closing,
        }
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn set(&mut self, key: &str, value: &str) {
        match self.attrs.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value.to_string(),
            None => self.attrs.push((key.to_string(), value.to_string())),
        }
    }

    fn rewrite(&mut self, tokens: &[(String, String)], in_pattern: bool, id_prefix: &str, unthemed: &mut Vec<String>) {
        // `style="a: b; c: d"` becomes `a="b" c="d"`: presentation attributes, which a strict
        // CSP allows (every property ECharts writes there is one).
        let mut attrs = Vec::new();
        for (key, value) in std::mem::take(&mut self.attrs) {
            match key.as_str() {
                "style" => {
                    for declaration in value.split(';') {
                        if let Some((name, v)) = declaration.split_once(':') {
                            let (name, v) = (name.trim(), v.trim());
                            if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                                attrs.push((name.to_string(), v.replace('"', "&quot;")));
                            }
                        }
                    }
                }
                // ECharts' classes only served the `<style>` element's hover rules.
                "class" => {}
                _ => attrs.push((key, renumbered(&value, id_prefix))),
            }
        }
        self.attrs = attrs;
        let mut classes = Vec::new();
        for paint in ["fill", "stroke"] {
            let Some(colour) = self.get(paint).map(normalise) else {
                continue;
            };
            if colour == "none" || colour.starts_with("url(") || colour == "transparent" {
                continue;
            }
            let opacity = self
                .get(&format!("{paint}-opacity"))
                .and_then(|o| o.parse::<f64>().ok());
            let width = self.get("stroke-width").and_then(|w| w.parse::<f64>().ok());
            if let Some((name, _)) = tokens.iter().find(|(_, c)| *c == colour) {
                classes.push(format!("{COLOUR_CLASS}{paint}-{name}"));
            } else if in_pattern && colour == "#000000" && opacity.is_some() {
                // A decal's translucent ink: black on light paper, white on dark.
                classes.push(format!("{COLOUR_CLASS}{paint}-decal"));
            } else if in_pattern {
                // A clip path's shape: its colour is never seen.
            } else if opacity != Some(0.0) && !(paint == "stroke" && width == Some(0.0)) {
                unthemed.push(colour);
            }
        }
        if !classes.is_empty() {
            self.set("class", &classes.join(" "));
        }
    }

    fn render(&self) -> String {
        let mut s = format!("<{}", self.name);
        for (k, v) in &self.attrs {
            s.push_str(&format!(" {k}=\"{v}\""));
        }
        s.push_str(if self.self_closing { "/>" } else { ">" });
        s
    }
}

/// `zr3-p0` → `<prefix>-p0`, in ids and `url(#…)` references alike.
fn renumbered(value: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find("zr") {
        let digits = rest[i + 2..].chars().take_while(char::is_ascii_digit).count();
        let boundary = i == 0 || !rest[..i].ends_with(|c: char| c.is_ascii_alphanumeric());
        if digits > 0 && boundary && rest[i + 2 + digits..].starts_with('-') {
            out.push_str(&rest[..i]);
            out.push_str(prefix);
            rest = &rest[i + 2 + digits..];
        } else {
            out.push_str(&rest[..i + 2]);
            rest = &rest[i + 2..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
