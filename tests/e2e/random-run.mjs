// A randomised interaction run: hover, tap, keys, scrolling, resizing, theme and presentation
// toggles, cards and charts, in an order drawn from a seeded generator so any failure can be
// replayed exactly. Used by random.test.mjs (a short run) and from the command line:
//   node tests/e2e/random-run.mjs [--seed N] [--steps N]      (make random-run)
// The run fails on any page error, console error or Rust panic (counted by the panic hook in
// src/main.rs), and at the end on a card left open or a page that no longer responds.
import { launch, serve, open, hydrated } from './helpers.mjs';

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

/** Picks one element matching `selector`, scrolls it to the middle of the viewport and returns
 * the point a reader would aim at, or null. The run then acts on that point, as a reader does,
 * on whatever is there: a card lying over a mention gets the click, as it would for a person. */
async function aim(page, selector, r) {
  return page.evaluate(([sel, f]) => {
    const all = [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length);
    const el = all[Math.floor(f * all.length)];
    if (!el) return null;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const b = el.getBoundingClientRect();
    return { x: b.left + Math.min(b.width / 2, 8), y: b.top + b.height / 2 };
  }, [selector, r()]);
}

const IN_PROSE = '.essay-section [data-person], .essay-section [data-term], .essay-section [data-note]';

/** The actions, each a short async step; one that finds nothing to act on does nothing. */
const ACTIONS = {
  async hover(page, r) {
    const at = await aim(page, IN_PROSE, r);
    if (at) await page.mouse.move(at.x, at.y, { steps: 2 });
  },
  async click(page, r) {
    const at = await aim(page, r() < 0.7 ? IN_PROSE : `.card :is(${TRIGGERS})`, r);
    if (at) await page.mouse.click(at.x, at.y);
  },
  async tap(page, r) {
    const at = await aim(page, IN_PROSE, r);
    if (at) await page.touchscreen.tap(at.x, at.y);
  },
  async key(page, r) {
    const key = KEYS[Math.floor(r() * KEYS.length)];
    // Enter or Space on a link to another site would leave the page: not what this run tests.
    const external = await page.evaluate(() => Boolean(document.activeElement?.closest('a[href^="http"]')));
    if (external && (key === 'Enter' || key === 'Space')) return;
    await page.keyboard.press(key);
  },
  async scroll(page, r) {
    await page.mouse.wheel(0, Math.round((r() - 0.4) * 3000));
  },
  async jump(page, r) {
    await page.evaluate((f) => window.scrollTo({ top: f * document.documentElement.scrollHeight, behavior: 'instant' }), r());
  },
  async resize(page, r) {
    const [width, height] = VIEWPORTS[Math.floor(r() * VIEWPORTS.length)];
    await page.setViewportSize({ width, height });
  },
  async theme(page, r) {
    const at = await aim(page, '.reader-tools .reader-tool', r);
    if (at) await page.mouse.click(at.x, at.y);
  },
  async present(page) {
    const presenting = await page.evaluate(() => document.querySelector('.kirov')?.dataset.mode === 'present');
    if (presenting) await page.evaluate(() => document.querySelector('.presenter-exit')?.click());
    else {
      const at = await aim(page, '.reader-present', () => 0);
      if (at) await page.mouse.click(at.x, at.y);
    }
  },
  async chart(page, r) {
    const at = await aim(page, '.figure .chart-frame', r);
    if (!at) return;
    const box = await page.evaluate(({ x, y }) => {
      const frame = document.elementFromPoint(x, y)?.closest('.chart-frame');
      const b = frame?.getBoundingClientRect();
      return b && { x: b.left, y: b.top, width: b.width, height: b.height };
    }, at);
    if (!box || box.height < 10) return;
    await page.mouse.move(box.x + r() * box.width, box.y + r() * box.height, { steps: 3 });
    if (r() < 0.3) await page.mouse.click(box.x + r() * box.width, box.y + r() * box.height);
  },
  async table(page, r) {
    const at = await aim(page, '.figure-tools button', r);
    if (at) await page.mouse.click(at.x, at.y);
  },
  async closeCard(page, r) {
    const at = await aim(page, '.card-close, .sheet-backdrop', r);
    if (at) await page.mouse.click(at.x, at.y);
  },
  async elsewhere(page, r) {
    const { width, height } = page.viewportSize();
    await page.mouse.move(r() * width, r() * height, { steps: 2 });
    if (r() < 0.3) await page.mouse.click(2, height - 2);
  },
  async drawer(page) {
    const at = await aim(page, '.toc-drawer > summary', () => 0);
    if (at) await page.mouse.click(at.x, at.y);
  },
};
const NAMES = Object.keys(ACTIONS);

/** Runs `steps` random actions on an open page; returns the log of actions taken. */
export async function randomRun(page, log, { seed, steps }) {
  const r = rng(seed);
  const taken = [];
  for (let i = 0; i < steps; i++) {
    const name = NAMES[Math.floor(r() * NAMES.length)];
    taken.push(name);
    try {
      await ACTIONS[name](page, r);
    } catch (e) {
      throw new Error(`seed ${seed}, step ${i} (${name}): ${e}\nlast actions: ${taken.slice(-12).join(', ')}`);
    }
    await page.waitForTimeout(Math.floor(r() * 120));
    const problem = await health(page, log);
    if (problem) throw new Error(`seed ${seed}, step ${i} (${name}): ${problem}\nlast actions: ${taken.slice(-12).join(', ')}`);
  }
  return taken;
}

async function health(page, log) {
  if (log.errors.length) return `page error: ${log.errors[0]}`;
  const consoleErrors = log.console.filter((m) => m.type === 'error');
  if (consoleErrors.length) return `console error: ${consoleErrors[0].text}`;
  const panics = await page.evaluate(() => document.documentElement.dataset.panics);
  if (panics) return `${panics} Rust panic(s)`;
  if (!new URL(page.url()).pathname.endsWith('/')) return `left the page: ${page.url()}`;
  return null;
}

/** After the run: Esc and a click away close every card, and a new card still opens at once. */
export async function settle(page) {
  for (let i = 0; i < 6; i++) await page.keyboard.press('Escape');
  // In presentation mode Esc opens the overview; Exit leaves the mode.
  await page.evaluate(() => document.querySelector('.presenter-exit')?.click());
  const { height } = page.viewportSize();
  await page.mouse.move(1, height - 1);
  await page.mouse.click(1, height - 1);
  await page.waitForTimeout(700); // past the hover grace period
  const stuck = await page.locator('.card').count();
  const started = Date.now();
  const responsive = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(true))));
  const mention = page.locator('.essay-section .mention-person').first();
  await mention.scrollIntoViewIfNeeded();
  await mention.focus();
  await page.locator('.card').first().waitFor({ timeout: 3000 });
  return { stuck, responsive, frameMs: Date.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const seed = arg('--seed', Date.now() % 100000);
  const steps = arg('--steps', 1000);
  const browser = await launch();
  const site = await serve();
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await hydrated(page);
  const started = Date.now();
  let code = 0;
  try {
    const taken = await randomRun(page, log, { seed, steps });
    const end = await settle(page);
    const counts = Object.entries(taken.reduce((m, a) => ({ ...m, [a]: (m[a] || 0) + 1 }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`random run: seed ${seed}, ${steps} steps in ${((Date.now() - started) / 1000).toFixed(0)} s (${counts})`);
    console.log(`end: ${end.stuck} card(s) stuck open, a new card opened ${end.frameMs} ms after the run; 0 page errors, 0 console errors, 0 panics`);
    if (end.stuck) code = 1;
  } catch (e) {
    console.error(String(e));
    code = 1;
  }
  await context.close().catch((e) => { console.error(String(e)); code = 1; });
  await browser.close();
  site.server.close();
  process.exit(code);
}
