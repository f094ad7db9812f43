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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_become_markup_and_wraps_at_spaces() {
        assert_eq!(escape("a \"b\" <c> & d"), "a &quot;b&quot; &lt;c&gt; &amp; d");
        assert_eq!(wrap_words("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap_words("unbreakableword x", 5), ["unbreakableword", "x"]);
        assert!(wrap_words("", 10).is_empty());
    }
}
