// The wasm starts when the reader first needs it (assets/boot.js): not at all for a page that is
// only looked at (which only downloads the card layer's half, at idle after load), at once for a
// first click, whose effect is not lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const halvesRequested = (log) => [...new Set(log.requests.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop().split('-')[1]))];
// Mounted, the card layer fills its empty home in the prerendered page.
const cardLayerMounted = (page) => page.$eval('#card-layer', (home) => home.childNodes.length > 0);

test('a page that is only looked at starts no wasm: it downloads the card layer\'s half at idle after load, and the first interaction starts it', async () => {
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  // (Longer than the few seconds after which a browser warns of a preload not used.)
  await page.waitForTimeout(3500);
  assert.deepEqual(halvesRequested(log), ['cards'], 'only the card layer\'s half, ahead of need');
  assert.equal(await cardLayerMounted(page), false, 'and it has not started');
  assert.equal(await page.$('html[data-hydrated]'), null);
  // Asked for after the load event (at idle), not inside it.
  const [loadAt, wasmAskedAt] = await page.evaluate(() => [
    performance.getEntriesByType('navigation')[0].loadEventEnd,
    performance.getEntriesByType('resource').find((r) => /kirov-cards-.*\.wasm$/.test(r.name))?.startTime,
  ]);
  assert.ok(wasmAskedAt >= loadAt, `the card layer's wasm asked for at ${wasmAskedAt} ms, the load event ended at ${loadAt} ms`);
  assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), [], 'a quiet console');
  await page.mouse.wheel(0, 400);
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 20000 });
  assert.equal(await cardLayerMounted(page), true);
  assert.deepEqual(halvesRequested(log).sort(), ['cards', 'essay']);
  // Downloaded once: the first interaction took the half fetched ahead (the offline worker, which
  // caches the bundle, is not the page).
  assert.equal(log.pageRequests.filter((u) => /kirov-cards-.*\.wasm$/.test(u)).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a browser that asks to save data downloads nothing ahead: the first interaction fetches the card layer\'s half', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });
  // Chromium sets navigator.connection.saveData from the reader's setting, which a test cannot reach.
  await context.addInitScript(() => Object.defineProperty(navigator.connection, 'saveData', { value: true }));
  const page = await context.newPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto(site.url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  assert.deepEqual(wasm, [], 'nothing downloaded ahead');
  await page.locator('#introduction-p2 .mention-person').first().tap();
  await page.locator('.card-sheet .card-title:not([aria-busy])').waitFor({ timeout: 20000 });
  assert.ok(wasm.some((u) => /kirov-cards-/.test(u)));
  await context.close();
});

// Records whether the warm-up card was ever laid out (its box's `hidden` taken away), from the
// mutation records: on a fast machine the whole card is laid out and removed in one task.
function watchWarmUp() {
  window.__warmUpLaidOut = false;
  new MutationObserver((records) => {
    if (records.some((r) => r.target.classList?.contains('card-warm-up') && r.oldValue !== null)) window.__warmUpLaidOut = true;
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'], attributeOldValue: true });
}

test('the card fonts\' warm-up is never seen: hidden without JavaScript; with it, laid out unseen a while after load and removed, with no wasm started, unless the reader has begun', async () => {
  // Without JavaScript it stays in the page: hidden, inert and out of the accessibility tree.
  const off = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  const still = await off.newPage();
  await still.goto(site.url);
  const warm = still.locator('.card-warm-up');
  assert.equal(await warm.count(), 1);
  assert.deepEqual(await warm.evaluate((el) => [el.hidden, el.inert, el.getAttribute('aria-hidden'), el.checkVisibility(),
    (el.querySelector('.card-title')?.textContent ?? '').length > 0]), [true, true, 'true', false, true]);
  // Laid out (as boot.js does), it takes room only unseen: hidden, and not what a tap reaches.
  assert.deepEqual(await warm.evaluate((el) => {
    el.hidden = false;
    const card = el.querySelector('.card').getBoundingClientRect();
    return [card.height > 100, getComputedStyle(el).visibility, el.checkVisibility({ visibilityProperty: true }),
      document.elementFromPoint(180, 700)?.closest('.card-warm-up') ?? null];
  }), [true, 'hidden', false, null]);
  await off.close();
  // With JavaScript, on a page only looked at, it is laid out and gone soon after load, and that
  // needed no wasm to start.
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 360, height: 780 } });
  await context.addInitScript(watchWarmUp);
  await page.reload();
  await page.waitForFunction(() => !document.querySelector('.card-warm-up'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__warmUpLaidOut), true, 'laid out before it went');
  assert.equal(await cardLayerMounted(page), false);
  assert.deepEqual(log.errors, []);
  await context.close();
  // A reader who begins at once (a first scroll) is not kept waiting by it: it goes unlaid out.
  const early = await open(browser, 'about:blank', { viewport: { width: 360, height: 780 } });
  await early.context.addInitScript(watchWarmUp);
  await early.page.goto(site.url, { waitUntil: 'domcontentloaded' });
  await early.page.mouse.wheel(0, 300);
  await early.page.waitForFunction(() => !document.querySelector('.card-warm-up'), null, { timeout: 5000 });
  assert.equal(await early.page.evaluate(() => window.__warmUpLaidOut), false, 'removed without being laid out');
  assert.deepEqual(early.log.errors, []);
  await early.context.close();
});

test('a click on a mention before the wasm is ready opens its card, not a jump to the index', async () => {
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  const mention = page.locator('#introduction-p2 .mention-person').first();
  // A click with no movement first, as from a keyboard-driven or very quick reader.
  const person = await mention.getAttribute('data-person');
  await mention.dispatchEvent('click');
  await page.locator('.card-pinned').waitFor({ timeout: 20000 });
  assert.equal(new URL(page.url()).hash, '', 'the link was not followed');
  // Its text (every person's, one file) was asked for beside the wasm, and once: the card layer
  // took the preload. The other kinds' files are asked for a few seconds after it wakes.
  const text = log.requests.filter((u) => u.endsWith('/cards/person.json'));
  const wasm = log.requests.findIndex((u) => u.endsWith('.wasm'));
  const other = log.requests.findIndex((u) => /\/cards\/(term|note)\.json$/.test(u));
  assert.equal(text.length, 1, `one request for the people's card texts: ${text}`);
  assert.ok(wasm >= 0 && (other === -1 || log.requests.indexOf(text[0]) < other),
    'the people\'s texts were requested before any other kind\'s');
  await page.locator(`.card-pinned#card-0-person-${person} .card-title:not([aria-busy])`).waitFor({ timeout: 5000 });
  // The card layer's wasm half came first and alone; the tools' half (src/main.rs) after it.
  await hydrated(page);
  // (In order of first request: the offline worker asks for both again as it caches the bundle.)
  const halves = [...new Set(log.requests.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop()))];
  assert.equal(halves.length, 2, `two wasm halves: ${halves}`);
  assert.match(halves[0], /^kirov-cards-/);
  assert.match(halves[1], /^kirov-essay-/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a host that serves the wasm with another type still gets its cards (the glue compiles the bytes)', async () => {
  const host = await serve({ types: { '.wasm': 'application/octet-stream' } });
  try {
    const { context, page, log } = await open(browser, host.url, { viewport: { width: 1280, height: 800 } });
    const mention = page.locator('#introduction-p2 .mention-person').first();
    await mention.click();
    await page.locator('.card-pinned .card-title:not([aria-busy])').waitFor({ timeout: 20000 });
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    host.server.close();
  }
});

test('presentation mode and card deep links start the wasm at once; a remembered theme applies before it', async () => {
  const { context, page } = await open(browser, `${site.url}?mode=present`, { viewport: { width: 1280, height: 800 } });
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 20000 });
  await page.goto(`${site.url}#person-zaltsman`);
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 20000 });
  await page.locator('.card').first().waitFor({ timeout: 5000 });
  await page.evaluate(() => localStorage.setItem('kirov-essay-theme', 'dark'));
  await page.goto(site.url);
  await page.waitForFunction(() => document.querySelector('.kirov').dataset.theme === 'dark');
  assert.equal(await page.$('html[data-hydrated]'), null, 'the theme came before the wasm');
  await hydrated(page);
  assert.equal(await page.$eval('.kirov', (k) => k.dataset.theme), 'dark');
  await context.close();
});

test('no first gesture is lost: a hover, a tap and a focus that start the wasm each open their card', async () => {
  // Hover: the first thing the mouse does is move onto a name.
  {
    const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 1600 } });
    // A name already on the first screen (scrolling to one would itself start the wasm).
    const { id, x, y } = await page.evaluate(() => {
      const a = [...document.querySelectorAll('.essay-section a.mention-person[id]')]
        .find((m) => m.getBoundingClientRect().bottom < innerHeight - 10);
      const r = a.getClientRects()[0];
      return { id: a.id, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(x, y, { steps: 4 });
    await page.locator('.card-preview').waitFor({ timeout: 20000 });
    assert.equal(await page.getAttribute(`#${id}`, 'aria-expanded'), 'true', 'the card is that name\'s');
    await context.close();
  }
  // Touch: the first thing a finger does is tap a name.
  {
    const { context, page } = await open(browser, site.url, { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
    await page.locator('#m-zaltsman-1').tap();
    // (The dialog: a tap this early can come while the hidden warm-up card is still in the page.)
    await page.locator('.card-sheet[role="dialog"]').waitFor({ timeout: 20000 });
    assert.equal(new URL(page.url()).hash, '', 'the link was not followed');
    await context.close();
  }
  // Focus: the first thing the keyboard does is reach a name.
  {
    const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
    await page.evaluate(() => document.querySelector('#m-zaltsman-1').focus());
    await page.locator('.card-preview').waitFor({ timeout: 20000 });
    await context.close();
  }
});
