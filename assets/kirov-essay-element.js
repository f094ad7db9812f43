/* <kirov-essay> — the essay as a custom element, for a journal page that would rather include a
   script than an iframe:

     <script type="module" src="https://journal.example/kirov/kirov-essay-element.js"></script>
     <kirov-essay></kirov-essay>

   The element fetches the prerendered index.html from beside this script, puts its body and its
   one stylesheet into a Shadow DOM (so the host's CSS cannot reach in and ours cannot leak out),
   and starts the same wasm bundle on it. Every URL is resolved against this script, so the bundle
   works from any path. One essay per page: the wasm module is a single instance. */
const BASE = new URL('./', import.meta.url);

class KirovEssay extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return; // moved within the page: already running
    const shadow = this.attachShadow({ mode: 'open' });
    if (window.kirovEssayMount) {
      shadow.textContent = 'Only one <kirov-essay> element can be shown on a page.';
      return;
    }
    // Claimed at once, so a second element connected while we load is refused too.
    window.kirovEssayMount = { root: null, base: BASE.href };
    this.load(shadow).catch((error) => {
      console.error('kirov-essay:', error);
      shadow.innerHTML = '';
      const link = document.createElement('a');
      link.href = new URL('index.html', BASE).href;
      link.textContent = 'Read the essay on its own page';
      shadow.append('The essay could not be loaded here. ', link, '.');
    });
  }

  async load(shadow) {
    const response = await fetch(new URL('index.html', BASE));
    if (!response.ok) throw new Error(`index.html: HTTP ${response.status}`);
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
    root.append(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
    shadow.append(root);

    const glue = page.querySelector('meta[name="kirov-essay-glue"]');
    const wasm = page.querySelector('meta[name="kirov-essay-wasm"]');
    if (!glue || !wasm) throw new Error('index.html names no wasm bundle');
    window.kirovEssayMount = { root, base: BASE.href };
    const { default: init } = await import(href(glue, 'content'));
    await init({ module_or_path: href(wasm, 'content') });
  }
}

if (!customElements.get('kirov-essay')) customElements.define('kirov-essay', KirovEssay);
