/* <kirov-essay> — the essay as a custom element, for a journal page that would rather include a
   script than an iframe:

     <script type="module" src="https://journal.example/kirov/kirov-essay-element.js"></script>
     <kirov-essay></kirov-essay>

   The element fetches the prerendered index.html from beside this script, puts its body and its
   one stylesheet into a Shadow DOM (so the host's CSS cannot reach in and ours cannot leak out),
   and starts the same two wasm halves on it. Every URL is resolved against this script, so the bundle
   works from any path. One essay per page: the wasm module is a single instance.
   The quoted upper-case names are placeholders: the build writes over them the values
   src/protocol.rs shares. */
import { wake } from './islands.js';
import { warmUp } from './warm-up.js';

const BASE = new URL('./', import.meta.url);
const PAGE = '__KIROV_INDEX_PAGE__';
// Where the wasm (src/main.rs) finds the shadow root's container and the bundle's URL.
const MOUNT = '__KIROV_MOUNT_GLOBAL__';
const MOUNT_ROOT = '__KIROV_MOUNT_ROOT__';
const MOUNT_BASE = '__KIROV_MOUNT_BASE__';
const mount = (root) => ({ [MOUNT_ROOT]: root, [MOUNT_BASE]: BASE.href });

class KirovEssay extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return; // moved within the page: already running
    const shadow = this.attachShadow({ mode: 'open' });
    if (window[MOUNT]) {
      shadow.textContent = 'Only one <kirov-essay> element can be shown on a page.';
      return;
    }
    // Claimed at once, so a second element connected while we load is refused too.
    window[MOUNT] = mount(null);
    this.load(shadow).catch((error) => {
      console.error('kirov-essay:', error);
      shadow.innerHTML = '';
      const link = document.createElement('a');
      link.href = new URL(PAGE, BASE).href;
      link.textContent = 'Read the essay on its own page';
      shadow.append('The essay could not be loaded here. ', link, '.');
    });
  }

  async load(shadow) {
    const response = await fetch(new URL(PAGE, BASE));
    if (!response.ok) throw new Error(`${PAGE}: HTTP ${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const href = (el, attr) => new URL(el.getAttribute(attr), BASE).href;

    // Styles first, so the essay never shows unstyled. (Direct children of <head> only: the
    // <noscript> stylesheet is for readers without JavaScript.)
    const sheets = [...page.querySelectorAll('head > link[rel="stylesheet"]')].map((el) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href(el, 'href');
      return new Promise((done) => { link.onload = link.onerror = done; shadow.append(link); });
    });
    await Promise.all(sheets);

    // The prerendered body, exactly as the page has it: hydration expects the same tree.
    const root = document.createElement('div');
    root.className = 'kirov-host';
    // (Not the page's preloads of its boot module's imports, relative to the page: the element
    // imports what it needs itself.)
    root.append(...[...page.body.childNodes]
      .filter((n) => !(n instanceof Element && n.matches('link[rel="modulepreload"]')))
      .map((n) => document.importNode(n, true)));
    // Links to the bundle's own files (a figure's CSV and image) are relative to the page they
    // came from. From another origin a browser ignores `download` and would leave the host's
    // page for the file: open it beside the page instead.
    const elsewhere = BASE.origin !== location.origin;
    root.querySelectorAll('a[download]').forEach((a) => {
      a.href = href(a, 'href');
      if (elsewhere) { a.target = '_blank'; a.rel = 'noopener'; }
    });
    shadow.append(root);
    // The cards' type, met while the page is idle rather than inside the first card (as boot.js
    // has it done for the page).
    const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 200));
    idle(() => warmUp(root));

    const meta = (name) => page.querySelector(`meta[name="${name}"]`);
    window[MOUNT] = mount(root);
    // The two wasm halves (src/bin/cards.rs, src/main.rs): the card layer's first, then the
    // rest's, each download beside its glue's, not a round trip after it.
    const half = async (glueName, wasmName) => {
      const glue = meta(glueName);
      const wasm = meta(wasmName);
      if (!glue || !wasm) throw new Error(`${PAGE} names no ${glueName} bundle`);
      const [mod, response] = await Promise.all([import(href(glue, 'content')), fetch(href(wasm, 'content'))]);
      await mod.default({ module_or_path: response });
      return mod;
    };
    // The card layer's half mounts the card layer as it starts; the other's islands are woken.
    await half('__KIROV_CARDS_GLUE_META__', '__KIROV_CARDS_WASM_META__');
    const tools = await half('__KIROV_TOOLS_GLUE_META__', '__KIROV_TOOLS_WASM_META__');
    await wake(root, tools);
    tools.essay_ready();
  }
}

if (!customElements.get('kirov-essay')) customElements.define('kirov-essay', KirovEssay);
