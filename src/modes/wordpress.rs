//! WordPress's embed dialect. A WordPress post that embeds the essay (found through the oEmbed
//! discovery link) loads it in a sandboxed iframe whose address ends in `#?secret=<secret>`, and
//! sizes that frame only from `{message: "height", value, secret}` messages, clamped to
//! 200–1000 px; past that the essay scrolls inside its frame, which is then the reader's screen.

/// The secret WordPress put in the address's fragment (`#?secret=a1B2c3`), if it did: letters
/// and digits only, as WordPress itself checks.
pub fn secret(fragment: &str) -> Option<String> {
    let query = fragment.strip_prefix('#')?.strip_prefix('?')?;
    let value = query.split('&').find_map(|pair| pair.strip_prefix("secret="))?;
    let good = !value.is_empty() && value.len() <= 64 && value.bytes().all(|b| b.is_ascii_alphanumeric());
    good.then(|| value.to_string())
}

/// The height message in WordPress's dialect.
pub fn height_message(secret: &str, height: i32) -> wasm_bindgen::JsValue {
    let message = js_sys::Object::new();
    let set = |k: &str, v: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&message, &k.into(), &v);
    };
    set("message", "height".into());
    set("value", height.into());
    set("secret", secret.into());
    message.into()
}

#[cfg(test)]
mod tests {
    use super::secret;

    #[test]
    fn the_secret_comes_from_wordpress_fragment_and_nothing_else() {
        assert_eq!(secret("#?secret=a1B2c3D4e5").as_deref(), Some("a1B2c3D4e5"));
        assert_eq!(secret("#?foo=1&secret=XyZ").as_deref(), Some("XyZ"));
        assert_eq!(secret("#nep-p3"), None);
        assert_eq!(secret("#?secret="), None);
        assert_eq!(secret("#?secret=<script>"), None);
        assert_eq!(secret(""), None);
    }
}
