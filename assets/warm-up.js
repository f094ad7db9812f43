/* Kirov essay — the card fonts' warm-up (src/cards/warm_up.rs). The prerendered page carries one
   person's card, hidden; this lays it out unseen, in short steps, and then removes it. A
   browser finds a font's files the first time text needs them, and a card's type (its weights,
   sizes, small capitals and Cyrillic) is not the prose's: on a phone, finding them was most of a
   first card's layout. Laid out whole, the card took one task of 50–57 ms at 4× CPU slowdown,
   long enough to hold up a reader's first touch. Here it is laid out in steps of about 10 ms,
   each a task of its own, that follow one another at once, so the hidden card is gone within a
   moment (scripts that look for a `.card` then find only real ones).
   Imported by boot.js (the page) and kirov-essay-element.js (<kirov-essay>). The quoted upper-case
   name is a placeholder: the build writes over it the value src/protocol.rs shares. */
const WARM_UP = '.' + '__KIROV_WARM_UP_CLASS__';
// How long a step lays out parts for: the part that ends it takes a few ms more at most.
const STEP_MS = 10;

/** Lays out the warm-up card under `root` (the document, or the element's shadow root), or only
 *  removes it once `needed()` is false, which it asks before every step: for the page, once the
 *  reader has begun (a first gesture, or a card link). Its steps would then share the main
 *  thread with the reader's first scroll (in the phone bench they lengthened it by 75–160 ms and
 *  saved the first card 0–45 ms), and the first card meets the type itself. */
export function warmUp(root, needed = () => true) {
  const box = root.querySelector(WARM_UP);
  const card = box?.firstElementChild;
  if (!card || !needed()) {
    box?.remove();
    return;
  }
  // Each part waits, `hidden` (style/cards.css keeps it out of the layout), until its turn.
  const parts = [...card.children];
  parts.forEach((part) => { part.hidden = true; });
  box.hidden = false;
  // As many parts as fit in a short step, then the next step in a task of its own.
  const next = () => {
    if (!needed()) {
      box.remove();
      return;
    }
    const start = performance.now();
    while (parts.length && performance.now() - start < STEP_MS) {
      parts.shift().hidden = false;
      card.getBoundingClientRect();
    }
    if (parts.length) setTimeout(next, 0);
    else box.remove();
  };
  next();
}
