//! Finishes Trunk's staged bundle (run as Trunk's post_build hook, which sets
//! TRUNK_STAGING_DIR; or given the bundle directory as the first argument):
//! writes the prerendered essay, its charts drawn, into `index.html` with its citation and
//! link-preview tags and the preview image, the cards' texts (`cards/<kind>.json` and `citations.bin`), each figure's CSV
//! (`downloads/`), the slides and their charts (`slides.json`, `slide-charts.json`), writes the
//! protocol's values into the
//! scripts, puts in the on-demand boot script, joins the stylesheets, and fills in the offline
//! service worker's file list and version.

use kirov_essay::bundle;
use kirov_essay::oembed;
use kirov_essay::protocol::{self, INDEX_PAGE, WORKER_SCRIPT};
use std::path::{Path, PathBuf};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from));
    let Some(dir) = dir else {
        eprintln!("usage: prerender <bundle directory>   (or run as a Trunk post_build hook)");
        std::process::exit(2);
    };
    if let Err(e) = finish(&dir) {
        eprintln!("prerender: {}: {e}", dir.display());
        std::process::exit(1);
    }
    println!(
        "prerender: wrote the essay, citation tags, preview image, protocol, boot script, stylesheet and service worker into {}",
        dir.display()
    );
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn finish(dir: &Path) -> Result<(), String> {
    let index = dir.join(INDEX_PAGE);
    // Every figure's chart, drawn at build time into its empty chart element.
    let charts = kirov_essay::chart_prerender::render_all(kirov_essay::content())?;
    let body = kirov_essay::chart_prerender::inject(&kirov_essay::app::render_body(), &charts)?;
    let page = kirov_essay::bundle::inject_body(&read(&index)?, &body)?;
    let meta = &kirov_essay::content().meta;
    // Link previews and oEmbed want absolute addresses: where the edition is published.
    let public_url = oembed::public_url(std::env::var("KIROV_PUBLIC_URL").ok().as_deref());
    let page = kirov_essay::head::inject(&page, meta, &public_url)?;
    let page = oembed::inject_discovery(&page, meta, &public_url)?;
    let (w, h) = kirov_essay::head::PREVIEW_SIZE;
    let response = oembed::response(meta, &public_url, (kirov_essay::head::PREVIEW_IMAGE, w, h));
    write(&dir.join(oembed::OEMBED_FILE), &response)?;
    let preview = kirov_essay::preview::render(&kirov_essay::preview::preview_svg(meta))?;
    std::fs::write(dir.join(kirov_essay::head::PREVIEW_IMAGE), preview)
        .map_err(|e| format!("cannot write the preview image: {e}"))?;
    write_cards(dir)?;
    write_downloads(dir, &public_url)?;
    write_slides(dir)?;
    fill_scripts(dir)?;
    let boot_template = dir.join("boot.js");
    let tools = name_tools_half(dir)?;
    let (page, boot) = bundle::boot_on_demand(&page, &read(&boot_template)?, &tools)?;
    std::fs::remove_file(&boot_template).map_err(|e| format!("cannot remove boot.js: {e}"))?;
    let (page, css, replaced) =
        bundle::bundle_stylesheets(&page, |href| read(&dir.join(href.trim_start_matches("./"))))?;
    for name in &replaced {
        std::fs::remove_file(dir.join(name)).map_err(|e| format!("cannot remove {name}: {e}"))?;
    }
    write(&dir.join(&boot.name), &boot.text)?;
    write(&dir.join(&css.name), &css.text)?;
    write(&index, &page)?;

    // Everything else in the bundle is what a reader needs offline.
    let sw = dir.join(WORKER_SCRIPT);
    let mut files = Vec::new();
    list_files(dir, dir, &mut files)?;
    files.retain(|(name, _)| name != WORKER_SCRIPT && !name.ends_with(".br") && !name.ends_with(".gz"));
    files.sort();
    let parts: Vec<&[u8]> = files.iter().flat_map(|(n, b)| [n.as_bytes(), b.as_slice()]).collect();
    let version = bundle::content_hash(&parts);
    let names: Vec<String> = files.into_iter().map(|(n, _)| n).collect();
    // The slides' charts, the largest file of the bundle, are for those who present, as ECharts is.
    let on_use = [
        kirov_essay::ECHARTS_SCRIPT,
        kirov_essay::modes::slide_charts::CHARTS_FILE,
    ];
    write(&sw, &bundle::service_worker(&read(&sw)?, &version, &names, &on_use)?)
}

/// Renames the tools' half's glue and wasm, which Trunk names by the binary alone, by their
/// content (bundle::Half).
fn name_tools_half(dir: &Path) -> Result<bundle::Half, String> {
    const BIN: &str = "kirov-essay";
    let (glue, wasm) = bundle::Half::trunk_names(BIN);
    let bytes = |name: &str| {
        std::fs::read(dir.join(name))
            .map_err(|e| format!("cannot read {name}, the tools' half (index.html's second rust link, bin {BIN}): {e}"))
    };
    let half = bundle::Half::hashed(BIN, &bytes(&glue)?, &bytes(&wasm)?);
    for (from, to) in [(&glue, &half.glue), (&wasm, &half.wasm)] {
        std::fs::rename(dir.join(from), dir.join(to)).map_err(|e| format!("cannot rename {from} to {to}: {e}"))?;
    }
    Ok(half)
}

/// Writes every card's text, a file per kind (`cards/person.json`), and the paragraphs'
/// citations (`citations.bin`).
fn write_cards(dir: &Path) -> Result<(), String> {
    use kirov_essay::cards::card_texts;
    let (bundles, citations) = card_texts::render_all(kirov_essay::content());
    let write = |file: &str, bytes: &[u8]| {
        let path = dir.join(file);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {file}: {e}"))
    };
    let citations_file = card_texts::CITATIONS_FILE;
    let bytes = postcard::to_allocvec(&citations).map_err(|e| format!("cannot encode {citations_file}: {e}"))?;
    write(citations_file, &bytes)?;
    for (kind, bundle) in &bundles {
        write(&card_texts::bundle_file(kind), card_texts::to_json(bundle).as_bytes())?;
    }
    Ok(())
}

/// Writes each figure's data as the CSV file its "Download" link names, and its framed image
/// as the SVG file (the PNG is drawn from that in the browser, on demand).
fn write_downloads(dir: &Path, public_url: &str) -> Result<(), String> {
    use kirov_essay::figures::export;
    let folder = dir.join(export::DOWNLOADS);
    std::fs::create_dir_all(&folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let content = kirov_essay::content();
    for figure in &content.figures {
        write(
            &dir.join(export::download_path(figure)),
            &export::figure_csv(content, figure),
        )?;
    }
    for (id, svg) in kirov_essay::chart_prerender::figure_images(content, public_url)? {
        write(&dir.join(export::image_path(&id)), &svg)?;
    }
    Ok(())
}

/// What the slides show (`slides.json`) and their charts' options (`slide-charts.json`), laid
/// out natively, so the browser never builds either from the content.
fn write_slides(dir: &Path) -> Result<(), String> {
    use kirov_essay::modes::{slide_charts, slide_texts};
    let content = kirov_essay::content();
    let deck = serde_json::to_string(&slide_texts::render_all(content))
        .map_err(|e| format!("cannot write the slides: {e}"))?;
    write(&dir.join(slide_texts::SLIDES_FILE), &deck)?;
    let charts = serde_json::to_string(&slide_charts::lay_out_all(content))
        .map_err(|e| format!("cannot write the slides' charts: {e}"))?;
    write(&dir.join(slide_charts::CHARTS_FILE), &charts)
}

/// Writes the protocol's values over the placeholders of every script in the bundle (the
/// service worker gets them later, with its file list). Scripts without placeholders, such as
/// ECharts and the wasm-bindgen glue, are left as they are.
fn fill_scripts(dir: &Path) -> Result<(), String> {
    let values = protocol::shared();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        if !name.ends_with(".js") || name == WORKER_SCRIPT {
            continue;
        }
        let script = read(&path)?;
        let filled = bundle::fill_placeholders(&script, &values).map_err(|e| format!("{name}: {e}"))?;
        if filled != script {
            write(&path, &filled)?;
        }
    }
    Ok(())
}

/// Every file under `dir`, as (path relative to `root` with `/` separators, contents).
fn list_files(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            list_files(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root).map_err(|e| e.to_string())?;
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            out.push((name, bytes));
        }
    }
    Ok(())
}
