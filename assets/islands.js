/* Kirov essay — wakes the islands. The prerendered page is static HTML except for its islands
   (<leptos-island data-component="Name_…">): the card layer, the reader tools, the reading
   progress, the people filter, the presenter and each figure. Once the wasm has started, each
   island is hydrated by the function of its name that the wasm exports; the prose never is.
   - The islands a reader may need at once wake first, each in a task of its own, so no long task
     stands between a tap and its card; the card layer leads, and `cardsAwake` says when it is
     awake (a tap made before the wasm arrived waits only for it); then the wasm's `essay_ready`
     marks the page interactive.
   - A figure wakes when it nears the screen, when the reader's pointer, finger or focus reaches
     it (before the event gets there, so the event is answered), or in idle time.
   Shared by boot.js (the page) and kirov-essay-element.js (<kirov-essay>). */
const FIGURE = '__KIROV_FIGURE_ISLAND__';
const CARDS = '__KIROV_CARD_ISLAND__';
const LOAD_AHEAD = '__KIROV_LOAD_AHEAD__';
const awake = new WeakSet();
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));
const idle = (f) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 4000 }) : setTimeout(f, 200));

function wakeOne(island, mod) {
  if (awake.has(island)) return;
  awake.add(island);
  const hydrate = mod[island.dataset.component];
  if (hydrate) hydrate(island);
  else console.warn(`kirov-essay: no island called ${island.dataset.component} in this wasm`);
}

/** Wakes the islands under `root` (the document, or the <kirov-essay> element's shadow root);
 *  calls `cardsAwake` once the card layer is (or, without one, once the first islands are). */
export async function wake(root, mod, cardsAwake = () => {}) {
  const islands = [...root.querySelectorAll('leptos-island')];
  const isFigure = (el) => el.dataset.component?.startsWith(FIGURE);
  const isCards = (el) => el.dataset.component?.startsWith(CARDS);
  const figures = islands.filter(isFigure);
  // A reader reaching for a figure that is still asleep: wake it before the event arrives.
  const reach = (event) => {
    const island = event.composedPath?.().find((n) => n.tagName === 'LEPTOS-ISLAND');
    if (island && isFigure(island)) wakeOne(island, mod);
  };
  for (const type of ['pointerover', 'pointerdown', 'focusin', 'click', 'keydown']) {
    root.addEventListener(type, reach, { capture: true, passive: true });
  }
  const first = islands.filter((el) => !isFigure(el)).sort((a, b) => isCards(b) - isCards(a));
  // Each in a task of its own, the first apart from the wasm's start; a tap that waited for the
  // card layer is answered in a task of its own too, before the next island wakes.
  for (const island of first) {
    await yieldToBrowser();
    wakeOne(island, mod);
    if (isCards(island)) {
      await yieldToBrowser();
      cardsAwake();
    }
  }
  await yieldToBrowser();
  mod.essay_ready();
  cardsAwake();
  // An island element has no box of its own (display: contents): watch the figure inside it.
  const near = new IntersectionObserver((entries) => {
    for (const entry of entries.filter((e) => e.isIntersecting)) {
      near.unobserve(entry.target);
      wakeOne(entry.target.closest('leptos-island'), mod);
    }
  }, { rootMargin: LOAD_AHEAD });
  figures.forEach((island) => island.firstElementChild && near.observe(island.firstElementChild));
  const rest = [...figures];
  const later = () => {
    const next = rest.shift();
    if (!next) return;
    wakeOne(next, mod);
    idle(later);
  };
  idle(later);
}
