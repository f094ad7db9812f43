// A randomised interaction run: hover, tap, keys, scrolling, resizing, theme and presentation
// toggles, cards and charts, in an order drawn from a seeded generator so any failure can be
// replayed exactly. Used by random.test.mjs (a short run) and from the command line:
//   node tests/e2e/random-run.mjs [--seed N] [--steps N]      (make random-run)
// The run fails on any page error, console error or Rust panic (counted by the panic hook in
// src/main.rs), and at the end on a card left open or a page that no longer responds. It runs on
// the essay's own page, in presentation mode, inside the sandboxed frame on a host page, and
// inside the <kirov-essay> custom element (a "scope" says where the essay's DOM is).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launch, serve, open, hydrated, ROOT } from './helpers.mjs';

/** The two host pages of another origin (tests/e2e/hosts/) embedding the essay served at
 * `essayUrl`, as the README's snippets do: { frame, element, close }. */
export async function hostPages(essayUrl) {
  const pages = {
    '/frame/': readFileSync(join(ROOT, 'tests/e2e/hosts/iframe-host.html'), 'utf8')
      .replace('ESSAY_URL', essayUrl).replace('ESSAY_BASE', essayUrl),
    '/element/': readFileSync(join(ROOT, 'tests/e2e/hosts/element-host.html'), 'utf8').replace('ESSAY_BASE', essayUrl),
  };
  const server = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(pages[req.url.split('?')[0]] ?? ''));
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { frame: `${origin}/frame/`, element: `${origin}/element/`, close: () => server.close() };
}

/** mulberry32: a tiny, well-known seedable generator; good enough to pick actions. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIEWPORTS = [[360, 780], [414, 896], [1280, 800], [1920, 1080], [800, 600]];
const KEYS = ['Escape', 'Tab', 'Shift+Tab', 'ArrowRight', 'ArrowLeft', 'ArrowDown', 'PageDown', 'PageUp',
  'Home', 'End', 'Space', 'Enter', '3', '7'];
const TRIGGERS = '[data-person],[data-term],[data-note]';

/**
 * Where the essay is, for the actions: `dom` evaluates in the essay's document (the page, or the
 * frame's own document), `shadow` says its elements are in <kirov-essay>'s shadow root, `framed`
 * that its coordinates are the frame's, `locator` finds its elements from the page.
 */
export async function essayScope(page, where) {
  if (where === 'frame') {
    const handle = await page.waitForSelector('iframe[data-kirov-essay]');
    return { where, page, dom: await handle.contentFrame(), shadow: false, framed: true,
      locator: (s) => page.frameLocator('iframe[data-kirov-essay]').locator(s) };
  }
  return { where, page, dom: page, shadow: where === 'element', framed: false, locator: (s) => page.locator(s) };
}

/** A point in the essay's document to page coordinates; in a frame grown to the essay's height
 * the host page scrolls, so this first brings the point onto the screen. */
async function toPage(s, at) {
  if (!at || !s.framed) return at;
  return s.page.evaluate(({ x, y }) => {
    const f = document.querySelector('iframe[data-kirov-essay]');
    let b = f.getBoundingClientRect();
    const [left, top] = [b.left + f.clientLeft + x, b.top + f.clientTop + y];
    // Both ways: on a narrow screen the host's fixed-width column runs off to the side.
    const dx = left < 0 || left > innerWidth ? left - innerWidth / 2 : 0;
    const dy = top < 0 || top > innerHeight ? top - innerHeight / 2 : 0;
    if (dx || dy) {
      scrollBy({ left: dx, top: dy, behavior: 'instant' });
      b = f.getBoundingClientRect();
    }
    return { x: b.left + f.clientLeft + x, y: b.top + f.clientTop + y };
  }, at);
}

/** Picks one element matching `selector`, scrolls it to the middle of the viewport and returns
 * its box in page coordinates, or null. */
async function pick(s, selector, r) {
  const box = await s.dom.evaluate(([sel, f, shadow]) => {
    const root = shadow ? document.querySelector('kirov-essay').shadowRoot : document;
    const all = [...root.querySelectorAll(sel)].filter((e) => e.getClientRects().length);
    const el = all[Math.floor(f * all.length)];
    if (!el) return null;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const b = el.getBoundingClientRect();
    return { x: b.left, y: b.top, width: b.width, height: b.height };
  }, [selector, r(), s.shadow]);
  if (!box) return null;
  const at = await toPage(s, { x: box.x, y: box.y });
  return { ...box, x: at.x, y: at.y };
}

/** The point a reader would aim at on one element matching `selector`, or null. The run then
 * acts on that point, as a reader does, on whatever is there: a card lying over a mention gets
 * the click, as it would for a person. */
async function aim(s, selector, r) {
  const b = await pick(s, selector, r);
  return b && { x: b.x + Math.min(b.width / 2, 8), y: b.y + b.height / 2 };
}

const IN_PROSE = '.essay-section [data-person], .essay-section [data-term], .essay-section [data-note]';

/** The actions, each a short async step on scope `s` (see essayScope); one that finds nothing to
 * act on does nothing. Pointer and keys go to the page, as a reader's would. */
const ACTIONS = {
  async hover(s, r) {
    const at = await aim(s, IN_PROSE, r);
    if (at) await s.page.mouse.move(at.x, at.y, { steps: 2 });
  },
  async click(s, r) {
    const at = await aim(s, r() < 0.7 ? IN_PROSE : `.card :is(${TRIGGERS})`, r);
    if (at) await s.page.mouse.click(at.x, at.y);
  },
  async tap(s, r) {
    const at = await aim(s, IN_PROSE, r);
    if (at) await s.page.touchscreen.tap(at.x, at.y);
  },
  async key(s, r) {
    const key = KEYS[Math.floor(r() * KEYS.length)];
    // Enter or Space on a link to another site would leave the page: not what this run tests.
    const external = await s.dom.evaluate((shadow) => {
      const root = shadow ? document.querySelector('kirov-essay').shadowRoot : document;
      return Boolean(root.activeElement?.closest('a[href^="http"]'));
    }, s.shadow);
    if (external && (key === 'Enter' || key === 'Space')) return;
    await s.page.keyboard.press(key);
  },
  async scroll(s, r) {
    await s.page.mouse.wheel(0, Math.round((r() - 0.4) * 3000));
  },
  async jump(s, r) {
    await s.page.evaluate((f) => window.scrollTo({ top: f * document.documentElement.scrollHeight, behavior: 'instant' }), r());
  },
  async resize(s, r) {
    const [width, height] = VIEWPORTS[Math.floor(r() * VIEWPORTS.length)];
    await s.page.setViewportSize({ width, height });
  },
  async theme(s, r) {
    const at = await aim(s, '.reader-tools .reader-tool', r);
    if (at) await s.page.mouse.click(at.x, at.y);
  },
  async present(s) {
    const presenting = await s.dom.evaluate((shadow) => {
      const root = shadow ? document.querySelector('kirov-essay').shadowRoot : document;
      return root.querySelector('.kirov')?.dataset.mode === 'present';
    }, s.shadow);
    // Leave by the presenter's own Exit (Esc from a slide now opens the overview).
    if (presenting) {
      await s.dom.evaluate((shadow) => {
        const root = shadow ? document.querySelector('kirov-essay').shadowRoot : document;
        root.querySelector('.presenter-exit')?.click();
      }, s.shadow);
    }
    else {
      const at = await aim(s, '.reader-present', () => 0);
      if (at) await s.page.mouse.click(at.x, at.y);
    }
  },
  async chart(s, r) {
    const box = await pick(s, '.figure .chart-frame', r);
    if (!box || box.height < 10) return;
    await s.page.mouse.move(box.x + r() * box.width, box.y + r() * box.height, { steps: 3 });
    if (r() < 0.3) await s.page.mouse.click(box.x + r() * box.width, box.y + r() * box.height);
  },
  async table(s, r) {
    const at = await aim(s, '.figure-tools button:not([data-image])', r);
    if (at) await s.page.mouse.click(at.x, at.y);
  },
  async closeCard(s, r) {
    const at = await aim(s, '.card-close, .sheet-backdrop', r);
    if (at) await s.page.mouse.click(at.x, at.y);
  },
  async elsewhere(s, r) {
    const { width, height } = s.page.viewportSize();
    await s.page.mouse.move(r() * width, r() * height, { steps: 2 });
    if (r() < 0.3) await s.page.mouse.click(2, height - 2);
  },
  async drawer(s) {
    const at = await aim(s, '.toc-drawer > summary', () => 0);
    if (at) await s.page.mouse.click(at.x, at.y);
  },
};
const NAMES = Object.keys(ACTIONS);

/** Runs `steps` random actions on an open page; returns the log of actions taken. `where` is the
 * essay's own page (default), 'frame' (the iframe on a host page) or 'element' (<kirov-essay>). */
export async function randomRun(page, log, { seed, steps, where = 'page' }) {
  const s = await essayScope(page, where);
  const r = rng(seed);
  const taken = [];
  for (let i = 0; i < steps; i++) {
    const name = NAMES[Math.floor(r() * NAMES.length)];
    taken.push(name);
    try {
      await ACTIONS[name](s, r);
    } catch (e) {
      throw new Error(`${where}, seed ${seed}, step ${i} (${name}): ${e}\nlast actions: ${taken.slice(-12).join(', ')}`);
    }
    await page.waitForTimeout(Math.floor(r() * 120));
    const problem = await health(s, log);
    if (problem) throw new Error(`${where}, seed ${seed}, step ${i} (${name}): ${problem}\nlast actions: ${taken.slice(-12).join(', ')}`);
  }
  return taken;
}

async function health(s, log) {
  if (log.errors.length) return `page error: ${log.errors[0]}`;
  const consoleErrors = log.console.filter((m) => m.type === 'error');
  if (consoleErrors.length) return `console error: ${consoleErrors[0].text}`;
  // The panic count sits on the essay's state element: <html>, or the <kirov-essay> host.
  const panics = await s.dom.evaluate((shadow) =>
    (shadow ? document.querySelector('kirov-essay') : document.documentElement).dataset.panics, s.shadow);
  if (panics) return `${panics} Rust panic(s)`;
  if (!new URL(s.page.url()).pathname.endsWith('/')) return `left the page: ${s.page.url()}`;
  return null;
}

/** After the run: Esc and a click away close every card, and a new card still opens at once. */
export async function settle(page, where = 'page') {
  const s = await essayScope(page, where);
  // A run that ended presenting leaves by the Exit button (Esc is the modes tests' business).
  const exit = await aim(s, '.presenter-exit', () => 0);
  if (exit) await page.mouse.click(exit.x, exit.y);
  // Keys go where focus is: first put it on the essay (a click on a section heading, which opens
  // nothing), so its Esc closes its cards.
  const heading = await aim(s, '.essay-section h2', () => 0);
  if (heading) await page.mouse.click(heading.x, heading.y);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Escape');
  // In presentation mode Esc opens the overview; Exit leaves the mode.
  await s.dom.evaluate((shadow) => {
    const root = shadow ? document.querySelector('kirov-essay').shadowRoot : document;
    root.querySelector('.presenter-exit')?.click();
  }, s.shadow);
  const { height } = page.viewportSize();
  await page.mouse.move(1, height - 1);
  await page.mouse.click(1, height - 1);
  await page.waitForTimeout(700); // past the hover grace period
  const stuck = await s.locator('.card').count();
  const started = Date.now();
  const responsive = await s.dom.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(true))));
  const mention = s.locator('.essay-section .mention-person').first();
  await mention.scrollIntoViewIfNeeded();
  await mention.focus();
  await s.locator('.card').first().waitFor({ timeout: 3000 });
  return { stuck, responsive, frameMs: Date.now() - started };
}

/** Waits until the essay in `where` is interactive. */
export async function ready(page, where) {
  if (where === 'frame') {
    await page.frameLocator('iframe[data-kirov-essay]').locator('html[data-hydrated="true"]').waitFor({ timeout: 20000 });
  } else if (where === 'element') {
    await page.waitForSelector('kirov-essay[data-hydrated="true"]', { timeout: 20000 });
  } else {
    await hydrated(page);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const seed = arg('--seed', Date.now() % 100000);
  const steps = arg('--steps', 1000);
  const whereAt = process.argv.indexOf('--where');
  const asked = whereAt > 0 ? process.argv[whereAt + 1] : 'page';
  const browser = await launch();
  const site = await serve();
  const hosts = await hostPages(site.url);
  const url = { page: site.url, frame: hosts.frame, element: hosts.element, present: `${site.url}?mode=present#slide-1` }[asked];
  if (!url) throw new Error(`--where must be page, frame, element or present (not ${asked})`);
  const where = asked === 'present' ? 'page' : asked;
  const { context, page, log } = await open(browser, url, { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await ready(page, asked);
  const started = Date.now();
  let code = 0;
  try {
    const taken = await randomRun(page, log, { seed, steps, where });
    const end = await settle(page, where);
    const counts = Object.entries(taken.reduce((m, a) => ({ ...m, [a]: (m[a] || 0) + 1 }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`random run (${asked}): seed ${seed}, ${steps} steps in ${((Date.now() - started) / 1000).toFixed(0)} s (${counts})`);
    console.log(`end: ${end.stuck} card(s) stuck open, a new card opened ${end.frameMs} ms after the run; 0 page errors, 0 console errors, 0 panics`);
    if (end.stuck) code = 1;
  } catch (e) {
    console.error(String(e));
    code = 1;
  }
  await context.close().catch((e) => { console.error(String(e)); code = 1; });
  await browser.close();
  site.server.close();
  hosts.close();
  process.exit(code);
}
