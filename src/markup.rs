//! Text written into markup by hand (the page head, the oEmbed snippet, the preview image and the
//! figure images): escaped once, the same way everywhere, and wrapped to lines at spaces.

/// Escapes text for HTML or SVG, in element content or a double-quoted attribute.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Splits text into lines of at most `max` characters at spaces (a longer word keeps a line of
/// its own).
pub fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

/// Markup rendered by Leptos with its hydration markers (`<!>` between neighbouring text nodes,
/// `<!---->` for an empty slot) removed outside the islands: nothing hydrates there, so they only
/// weigh on the page. Islands never nest, and keep theirs: hydration walks their nodes by them.
pub fn without_static_markers(html: &str) -> String {
    const OPEN: &str = "<leptos-island";
    const CLOSE: &str = "</leptos-island>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&unmarked(&rest[..start]));
        let end = rest[start..].find(CLOSE).map_or(rest.len(), |e| start + e + CLOSE.len());
        out.push_str(&rest[start..end]);
        rest = &rest[end..];
    }
    out.push_str(&unmarked(rest));
    out
}

fn unmarked(html: &str) -> String {
    html.replace("<!---->", "").replace("<!>", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_go_outside_islands_and_stay_inside() {
        let html = "<p>a<!>b<!----></p><leptos-island data-component=\"X\"><p>c<!>d<!----></p></leptos-island><p>e<!>f</p>";
        assert_eq!(
            without_static_markers(html),
            "<p>ab</p><leptos-island data-component=\"X\"><p>c<!>d<!----></p></leptos-island><p>ef</p>"
        );
    }

    #[test]
    fn text_cannot_become_markup_and_wraps_at_spaces() {
        assert_eq!(escape("a \"b\" <c> & d"), "a &quot;b&quot; &lt;c&gt; &amp; d");
        assert_eq!(wrap_words("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap_words("unbreakableword x", 5), ["unbreakableword", "x"]);
        assert!(wrap_words("", 10).is_empty());
    }
}
