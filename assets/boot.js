/* Kirov essay — boot. The prerendered page is complete without JavaScript: prose, notes, figure
   tables, people and glossary. This small module starts the wasm that adds cards, charts and the
   reading tools only when the reader first needs them, so until then the page's main thread does
   what plain HTML and CSS ask of it:
   - at once in a frame (the host needs our height), in presentation mode, or for a deep link to
     a card or slide;
   - otherwise on the reader's first pointer movement, touch, key, scroll or focus, or when a
     figure comes within 400 px of the viewport (see `boot` for the order of the two halves).
   The card layer's half is downloaded and compiled ahead, at idle after load (`prefetchCards`),
   unless the reader's browser asks to save data: that takes the network and a background thread,
   and a reader's first tap on a name then waits for neither.
   A click on a card trigger or a tool that arrives before the wasm is replayed once it is ready,
   a trigger that already has focus is focused again, and a trigger the mouse rests on is hovered
   again, so nothing the reader does is lost.
   The bundle's file names are in <meta> tags (written by the build). The quoted upper-case
   names are placeholders: the build writes over them the values src/protocol.rs shares. */
import { warmUp } from './warm-up.js';

const bundle = (name) => new URL(document.querySelector(`meta[name="${name}"]`).content, document.baseURI);
const TRIGGERS = '__KIROV_TRIGGERS__';
const CARD_TEXTS = '__KIROV_CARD_TEXTS_FOLDER__';
const ROOT = '.' + '__KIROV_ROOT_CLASS__';
const THEMES = '__KIROV_THEMES__'; // a list
let booting = null;
// Whether the reader has begun (a first gesture, or a page that starts the wasm at once). From
// then on the warm-up card (see the end of this file) is not wanted: its steps stop, and it is
// removed with the wasm's start, so that the page holds no card but the reader's.
let begun = false;
const dropWarmUp = () => warmUp(document, () => false);
// Once the card layer is awake, a trigger's click goes straight to it (no replay).
let cardsReady = false;
// Where a mouse last was, so a hover that started the wasm still opens its card.
let pointer = null;
const follow = (e) => { if (e.pointerType === 'mouse') pointer = { x: e.clientX, y: e.clientY }; };
addEventListener('pointermove', follow, { capture: true, passive: true });
addEventListener('pointerover', follow, { capture: true, passive: true });

/** Starts the wasm (once); returns `{ cards, all, now }`: settled when the card layer is awake,
 *  and when every island a reader may need at once is; `now()` asks for the second half at once.
 *  The wasm comes in two halves (src/bin/cards.rs, src/main.rs). The card layer's comes first:
 *  it is all a tap on a name needs. The tools' half (tools, figures, presenter) follows when the
 *  reader reaches into one of its islands or a figure nears the screen, at once for a frame or
 *  presentation, and otherwise once the browser is idle a while after the card layer woke: on a
 *  slow line the two halves never share the bandwidth a first card waits for, nor its main
 *  thread. */
function boot(urgent = false) {
  if (booting) return booting;
  // The card layer's half mounts the card layer as it starts; the tools' half then has its
  // islands woken by islands.js, which comes with it.
  // The card layer is awake once its listeners are on the essay's root, which it announces
  // (src/cards/root_events.rs) a few tasks after its start; a waiting tap is answered then.
  const awake = new Promise((resolve) => addEventListener('__KIROV_CARDS_AWAKE_EVENT__', resolve, { once: true }));
  // Its code compiles as it downloads (off the main thread). The card layer's half starts as soon
  // as it is compiled: its start is a few short tasks, which a scroll in progress does not feel
  // (the compositor scrolls; our touch listeners are passive), and waiting for the finger to lift
  // put them between the scroll and the reader's tap. The tools' half, whose start wakes islands
  // in longer tasks, starts once no finger is on the screen.
  const half = (fetched, after, islands, whenReady = () => Promise.resolve()) => Promise.all([fetched, islands, after])
    .then(([[mod, code], woken]) => whenReady().then(() => mod.default({ module_or_path: code }))
      .then(() => (woken ? woken.wake(document, mod) : awake))
      .then(() => mod));
  // The people's cards' texts come beside it (the layer asks for the other kinds as it wakes):
  // a first tap is most often on a name, and then finds its text here.
  preloadCardTexts('person');
  const cards = half(fetchCards());
  let now;
  const wanted = new Promise((resolve) => { now = resolve; });
  if (urgent) now();
  else cards.then(() => setTimeout(() => idle(now), TOOLS_AFTER_MS));
  const all = wanted.then(() => half(fetchHalf('__KIROV_TOOLS_GLUE_META__', '__KIROV_TOOLS_WASM_META__'), cards, import('./islands.js'), fingerLifted))
    .then((tools) => tools.essay_ready());
  booting = { cards: cards.then(() => {
    cardsReady = true;
    removeEventListener('pointermove', follow, true);
    removeEventListener('pointerover', follow, true);
    const focused = document.activeElement;
    if (focused?.matches?.(TRIGGERS)) { focused.blur(); focused.focus(); }
    // The pointer is still on the name it moved onto before the wasm arrived: hover it again.
    const under = pointer && document.elementFromPoint(pointer.x, pointer.y)?.closest(TRIGGERS);
    if (under && under !== focused) {
      under.dispatchEvent(new PointerEvent('pointerover', {
        bubbles: true, composed: true, pointerType: 'mouse', clientX: pointer.x, clientY: pointer.y,
      }));
    }
  }), all, now };
  return booting;
}

/** A half's glue module and its wasm, compiled. The wasm's download starts beside its glue's, not
 *  a round trip after it: on a slow phone connection that trip is most of a tap's wait. */
const fetchHalf = (glue, wasm) => Promise.all([import(bundle(glue)), compile(fetch(bundle(wasm)))]);

/** The card layer's half, fetched once: at idle after load, or by the first gesture if that
 *  comes first. (Not the cards' texts: a preload that no card takes up within seconds is a
 *  warning in the console.) A failed fetch is forgotten, so that the first gesture tries again. */
let cardsFetched = null;
function fetchCards() {
  cardsFetched ??= fetchHalf('__KIROV_CARDS_GLUE_META__', '__KIROV_CARDS_WASM_META__')
    .catch((error) => { cardsFetched = null; throw error; });
  return cardsFetched;
}

/** At idle after load, unless the reader asked their browser to save data (then the first gesture
 *  fetches it, as any other). Not as this module runs, before the load event: the compile's last
 *  step, a main-thread task when the download ends, then fell inside Lighthouse's blocking-time
 *  window (TBT 67 ms against the floor's 27), for no gain in the phone bench. */
function prefetchCards() {
  if (navigator.connection?.saveData) return;
  fetchCards().catch(() => { /* the first gesture tries again */ });
}

/** The wasm, compiled as it streams in (off the main thread); or the response itself where that
 *  cannot be done: a browser without `compileStreaming`, or a host that serves .wasm files with
 *  another type, which `compileStreaming` refuses (the glue then compiles the bytes itself). */
const compile = (fetching) => fetching.then((response) => (
  'compileStreaming' in WebAssembly && response.headers.get('Content-Type') === 'application/wasm'
    ? WebAssembly.compileStreaming(response) : response));

// Whether a finger is on the screen, and what waits for it to lift.
let fingers = 0;
let lifted = [];
addEventListener('touchstart', (e) => { fingers = e.touches.length; }, { capture: true, passive: true });
for (const type of ['touchend', 'touchcancel']) {
  addEventListener(type, (e) => {
    fingers = e.touches.length;
    // In a task of its own, not the one that answers the finger.
    if (fingers === 0) { lifted.forEach((resolve) => setTimeout(resolve, 0)); lifted = []; }
  }, { capture: true, passive: true });
}
const fingerLifted = () => (fingers === 0 ? Promise.resolve() : new Promise((resolve) => lifted.push(resolve)));

const idle = (f) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 200));
// How long after the card layer wakes the tools' half waits, unless wanted sooner: a phone at
// 1.6 Mbps takes about a second for the card layer's half, and a reader's first tap on a name
// comes within about as long again.
const TOOLS_AFTER_MS = 3000;

/** Every card text of a kind (`cards/<kind>.json`, src/cards/card_texts.rs), fetched beside the
 *  wasm rather than a round trip after it wakes: the card layer's fetch of it then takes the
 *  preloaded response. Once per kind. */
const preloaded = new Set();
function preloadCardTexts(kind) {
  if (preloaded.has(kind)) return;
  preloaded.add(kind);
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = new URL(`${CARD_TEXTS}/${kind}.json`, document.baseURI).href;
  document.head.append(link);
}

// A while after load, when the page is idle, for a reader who has not begun (a first gesture, or
// a card link): the cards' type is met ahead of the first tap on a name (assets/warm-up.js, in
// tasks of its own; imported with this module and preloaded beside it by the page, src/bundle.rs,
// not imported at idle, where the round trip put it inside a phone reader's first scroll). Not
// at the first idle, nor once the reader has begun: its steps then shared the main thread with
// a reader's first scroll, which took 75–160 ms longer in the phone bench, for a first card 0–45 ms
// sooner; that card meets the type itself.
const WARM_UP_AFTER_MS = 1000;
const afterLoad = () => setTimeout(() => idle(() => warmUp(document, () => !begun)), WARM_UP_AFTER_MS);
const prefetchAtIdle = () => idle(prefetchCards);
for (const f of [prefetchAtIdle, afterLoad]) {
  if (document.readyState === 'complete') f();
  else addEventListener('load', f, { once: true });
}

// The reader's remembered theme, before the wasm (which takes over from then on) arrives.
try {
  const theme = localStorage.getItem('__KIROV_THEME_STORAGE_KEY__');
  if (THEMES.includes(theme)) document.querySelector(ROOT)?.setAttribute('__KIROV_THEME_ATTRIBUTE__', theme);
} catch { /* no storage here (a sandboxed frame): the system theme it is */ }

const framed = window.parent !== window;
const asked = new URLSearchParams(location.search).get('__KIROV_MODE_PARAM__') === '__KIROV_PRESENT_MODE__'
  || ['__KIROV_PERSON_LINK_PREFIX__', '__KIROV_TERM_LINK_PREFIX__', '__KIROV_SLIDE_LINK_PREFIX__']
    .some((prefix) => location.hash.startsWith(`#${prefix}`));
if (framed || asked) {
  begun = true;
  dropWarmUp();
  boot(true);
} else {
  const EVENTS = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel', 'scroll'];
  const REACH = ['pointerdown', 'keydown', 'focusin'];
  // The wasm starts in a task of its own, not inside the gesture's (its requests would lengthen
  // the task that answers the reader's first touch).
  function start() {
    begun = true;
    EVENTS.forEach((e) => removeEventListener(e, start, true));
    setTimeout(() => { dropWarmUp(); boot(); }, 0);
  }
  // Both halves: a figure near the screen (its live chart is in the tools' half), or the reader
  // reaching into an island (a tool, a chart, the people filter).
  function startAll() {
    start();
    observer.disconnect();
    REACH.forEach((e) => removeEventListener(e, reach, true));
    boot().now();
  }
  const reach = (event) => { if (event.target.closest?.('leptos-island')) startAll(); };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) startAll();
  }, { rootMargin: '__KIROV_LOAD_AHEAD__' });
  EVENTS.forEach((e) => addEventListener(e, start, { capture: true, passive: true }));
  REACH.forEach((e) => addEventListener(e, reach, { capture: true, passive: true }));
  document.querySelectorAll('.' + '__KIROV_FIGURE_CLASS__').forEach((f) => observer.observe(f));
  addEventListener('click', (event) => {
    if (document.documentElement.hasAttribute('__KIROV_HYDRATED_ATTRIBUTE__')) return;
    // A paragraph's citation card is filled by the tools' half (src/cards/cite_card.rs).
    if (event.target.closest?.('[data-cite]')) boot().now();
    const target = event.target.closest?.(`${TRIGGERS}, ${ROOT} button`);
    if (!target || (cardsReady && target.matches(TRIGGERS))) return;
    event.preventDefault();
    // A citation card has no text file.
    const kind = ['person', 'term', 'note'].find((k) => target.dataset[k]);
    if (kind) preloadCardTexts(kind);
    // A card trigger's click is replayed once the cards are awake; a tool's once all are.
    const { cards, all, now } = boot();
    if (target.matches(TRIGGERS)) cards.then(() => target.click());
    else { now(); all.then(() => target.click()); }
  }, true);
}
