/* Kirov essay — wakes the islands. The prerendered page is static HTML except for its islands
   (<leptos-island data-component="Name_…">): the reader tools, the reading progress, the people
   filter, the presenter and each figure, all in the wasm's second half (src/main.rs; the first,
   src/bin/cards.rs, mounts the card layer as it starts). Once the half has started, each island
   it exports is hydrated by the function of its name; the prose never is.
   - The islands a reader may need at once wake first, each in a task of its own; `wake`
     resolves once they are awake, in a task of its own too (so a tap that waited for the card
     layer's half is answered in a task of its own).
   - A figure wakes when it nears the screen, when the reader's pointer, finger or focus reaches
     it (before the event gets there, so the event is answered), or in idle time.
   Shared by boot.js (the page) and kirov-essay-element.js (<kirov-essay>). */
const FIGURE = '__KIROV_FIGURE_ISLAND__';
const LOAD_AHEAD = '__KIROV_LOAD_AHEAD__';
const awake = new WeakSet();
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));
const idle = (f) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 4000 }) : setTimeout(f, 200));

function wakeOne(island, mod) {
  if (awake.has(island)) return;
  awake.add(island);
  mod[island.dataset.component](island);
}

/** Wakes the islands under `root` (the document, or the <kirov-essay> element's shadow root)
 *  that `mod`, one wasm half, exports; resolves once the first of them are awake. */
export async function wake(root, mod) {
  const islands = [...root.querySelectorAll('leptos-island')]
    .filter((el) => typeof mod[el.dataset.component] === 'function');
  const isFigure = (el) => el.dataset.component?.startsWith(FIGURE);
  const figures = islands.filter(isFigure);
  // A reader reaching for a figure that is still asleep: wake it before the event arrives.
  if (figures.length) {
    const reach = (event) => {
      const island = event.composedPath?.().find((n) => n.tagName === 'LEPTOS-ISLAND');
      if (island && figures.includes(island)) wakeOne(island, mod);
    };
    for (const type of ['pointerover', 'pointerdown', 'focusin', 'click', 'keydown']) {
      root.addEventListener(type, reach, { capture: true, passive: true });
    }
  }
  const first = islands.filter((el) => !isFigure(el));
  // Each in a task of its own, the first apart from the wasm's start.
  for (const island of first) {
    await yieldToBrowser();
    wakeOne(island, mod);
  }
  await yieldToBrowser();
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
  if (rest.length) idle(later);
}
