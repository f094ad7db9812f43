//! Saving a figure as an image. The build draws each chart in the light theme with ECharts'
//! server-side renderer and frames it with its title and credits (`export_image`), into
//! `downloads/<figure id>.svg`, which the figure's tools offer as a plain link. The PNG is drawn
//! from that file here, on a canvas, when asked for. Nothing leaves the page's own origin, so it
//! works offline and in a frame that allows downloads.

use crate::figures::export_image;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The two image formats offered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }
}

/// Saves the figure's image as PNG, `<figure id>.png`: drawn from the framed SVG the build
/// wrote (`downloads/<figure id>.svg`, which is also offered as it is).
pub async fn download_png(figure_id: &str) -> Result<(), JsValue> {
    let svg = crate::dom::fetch_text(&crate::figures::export::image_path(figure_id)).await?;
    save(
        &png(&svg).await?,
        &format!("{figure_id}.{}", ImageFormat::Png.extension()),
    )
}

/// Text as a Blob of type `mime`.
pub fn blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Offers a Blob to the reader as a file download.
pub fn save(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Draws the SVG onto a canvas of its pixel size and encodes it as PNG. The SVG goes in as a
/// `data:` URL, which the page's policy allows for images and which leaves the canvas clean.
async fn png(svg: &str) -> Result<web_sys::Blob, JsValue> {
    let (width, height) = export_image::pixel_size(svg).ok_or("the framed SVG has no size")?;
    let img = web_sys::HtmlImageElement::new()?;
    img.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    ));
    JsFuture::from(img.decode()).await?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2D canvas")?.unchecked_into();
    context.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, f64::from(width), f64::from(height))?;
    let encoded = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = if blob.is_null() {
                reject.call1(&JsValue::NULL, &"the canvas gave no PNG".into())
            } else {
                resolve.call1(&JsValue::NULL, &blob)
            };
        });
        let _ = canvas.to_blob_with_type(done.unchecked_ref(), "image/png");
    });
    Ok(JsFuture::from(encoded).await?.unchecked_into())
}
