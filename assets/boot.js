/* Kirov essay — boot. The prerendered page is complete without JavaScript: prose, notes, figure
   tables, people and glossary. This small module loads the wasm that adds cards, charts and the
   reading tools only when the reader first needs them, so until then the page costs what plain
   HTML and CSS cost:
   - at once in a frame (the host needs our height), in presentation mode, or for a deep link to
     a card or slide;
   - otherwise on the reader's first pointer movement, touch, key, scroll or focus, or when a
     figure comes within 400 px of the viewport.
   A click on a card trigger or a tool that arrives before the wasm is replayed once it is ready,
   and a trigger that already has focus is focused again, so nothing the reader does is lost.
   The bundle's file names are in <meta name="kirov-essay-glue|wasm"> (written by the build). */
const bundle = (name) => new URL(document.querySelector(`meta[name="kirov-essay-${name}"]`).content, document.baseURI);
const TRIGGERS = '[data-person],[data-term],[data-note],[data-cite]';
let booting = null;

function boot() {
  booting ??= import(bundle('glue'))
    .then(({ default: init }) => init({ module_or_path: bundle('wasm') }))
    .then(() => {
      const focused = document.activeElement;
      if (focused?.matches?.(TRIGGERS)) { focused.blur(); focused.focus(); }
    });
  return booting;
}

// The reader's remembered theme, before the wasm (which takes over from then on) arrives.
try {
  const theme = localStorage.getItem('kirov-essay-theme');
  if (theme === 'light' || theme === 'dark') document.querySelector('.kirov')?.setAttribute('data-theme', theme);
} catch { /* no storage here (a sandboxed frame): the system theme it is */ }

const framed = window.parent !== window;
const asked = /(^|[?&])mode=present\b/.test(location.search) || /^#(person|term|slide)-/.test(location.hash);
if (framed || asked) {
  boot();
} else {
  const EVENTS = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel', 'scroll'];
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) start();
  }, { rootMargin: '400px 0px' });
  function start() {
    EVENTS.forEach((e) => removeEventListener(e, start, true));
    observer.disconnect();
    boot();
  }
  EVENTS.forEach((e) => addEventListener(e, start, { capture: true, passive: true }));
  document.querySelectorAll('.figure').forEach((f) => observer.observe(f));
  addEventListener('click', (event) => {
    if (document.documentElement.dataset.hydrated) return;
    const target = event.target.closest?.(`${TRIGGERS}, .kirov button`);
    if (!target) return;
    event.preventDefault();
    boot().then(() => target.click());
  }, true);
}
