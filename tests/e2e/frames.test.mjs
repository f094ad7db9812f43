// The essay inside a journal's page, as journals really embed it: a frame as tall as the essay on
// a phone (the host snippet reports the band the reader sees), a fixed-height frame with no
// snippet, a WordPress post (its height dialect, capped at 1000 px), presenting from a frame,
// where-am-I, and messages that must be ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launch, serve, open, ROOT } from './helpers.mjs';

let browser, site, host, hostOrigin;
before(async () => {
  browser = await launch();
  site = await serve();
  host = createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1) || 'phone-host.html';
    try {
      const page = readFileSync(join(ROOT, 'tests/e2e/hosts', name.replace(/[^a-z-.]/g, '')), 'utf8')
        .replaceAll('ESSAY_URL', site.url).replaceAll('ESSAY_BASE', site.url);
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  hostOrigin = `http://127.0.0.1:${host.address().port}`;
});
after(async () => { await browser?.close(); site?.server.close(); host?.close(); });

const phone = {
  viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
};

async function essayFrame(page) {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('html[data-hydrated="true"]', { timeout: 20000 });
  return { handle, frame };
}

/** A rectangle in the frame, in the host's viewport. */
async function onHost(handle, frame, selector) {
  const outer = await handle.evaluate((f) => { const r = f.getBoundingClientRect(); return { top: r.top + f.clientTop, left: r.left + f.clientLeft }; });
  // A wrapped name is several boxes: its first is where a finger lands on it.
  const inner = await frame.$eval(selector, (el) => { const r = el.getClientRects()[0]; return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; });
  return { top: inner.top + outer.top, bottom: inner.bottom + outer.top, left: inner.left + outer.left, right: inner.right + outer.left };
}

test('in a tall frame on a phone, a name tapped anywhere opens its card on the reader\'s screen; closing it returns focus without scrolling the host', async () => {
  const { context, page, log } = await open(browser, `${hostOrigin}/phone-host.html`, phone);
  const { handle, frame } = await essayFrame(page);
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 20000, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the frame did not scroll the host on load');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'nor take focus');
  // A name two thirds of the way down the essay, brought on screen by scrolling the host.
  const name = await frame.evaluate(() => {
    const all = [...document.querySelectorAll('.essay-section a.mention-person[id]')];
    return all[Math.floor(all.length * 2 / 3)].id;
  });
  const at = await onHost(handle, frame, `#${name}`);
  await page.evaluate((y) => window.scrollBy(0, y - 500), at.top);
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => window.scrollY);
  const spot = await onHost(handle, frame, `#${name}`);
  await page.touchscreen.tap((spot.left + spot.right) / 2, (spot.top + spot.bottom) / 2);
  await frame.waitForSelector('.card-sheet', { timeout: 5000 });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.scrollY), before, 'opening did not scroll the host');
  const sheet = await onHost(handle, frame, '.card-sheet');
  assert.ok(sheet.top >= 0 && sheet.bottom <= 915 + 1, `the sheet is on the reader's screen: ${JSON.stringify(sheet)}`);
  assert.ok(sheet.bottom >= 915 - 2, 'docked to the bottom of the screen');
  const bar = await onHost(handle, frame, '.reading-progress');
  assert.ok(Math.abs(bar.top) <= 1, `the reading progress sits at the top of the screen (${bar.top})`);
  // A finger on the close button, where the reader sees it (a scripted click would scroll).
  const close = await onHost(handle, frame, '.card-sheet .card-close');
  await page.touchscreen.tap((close.left + close.right) / 2, (close.top + close.bottom) / 2);
  await frame.waitForFunction(() => !document.querySelector('.card-sheet'));
  assert.equal(await frame.evaluate(() => document.activeElement.id), name, 'focus is back on the name');
  assert.equal(await page.evaluate(() => window.scrollY), before, 'the host did not scroll');
  // Where am I: the contents mark the section on screen.
  const current = await frame.evaluate((n) => document.getElementById(n).closest('.essay-section').id, name);
  await frame.waitForSelector(`.toc a[href="#${current}"][aria-current="location"]`, { state: "attached", timeout: 2000 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a fixed-height frame with no snippet is its own screen: cards open inside it', async () => {
  const { context, page } = await open(browser, `${hostOrigin}/fixed-host.html`, phone);
  const { handle, frame } = await essayFrame(page);
  await frame.evaluate(() => document.querySelector('#m-zaltsman-1').scrollIntoView({ block: 'center' }));
  const spot = await onHost(handle, frame, '#m-zaltsman-1');
  await page.touchscreen.tap((spot.left + spot.right) / 2, (spot.top + spot.bottom) / 2);
  await frame.waitForSelector('.card-sheet', { timeout: 5000 });
  await page.waitForTimeout(300);
  const sheet = await onHost(handle, frame, '.card-sheet');
  const box = await handle.boundingBox();
  assert.ok(sheet.top >= box.y && sheet.bottom <= box.y + box.height + 1, 'the sheet is inside the frame on screen');
  await context.close();
});

test('a WordPress post sizes the essay by its own dialect, capped at 1000 px, and the essay stays usable inside', async () => {
  const { context, page, log } = await open(browser, `${hostOrigin}/wordpress-host.html`, { viewport: { width: 1280, height: 900 } });
  const { handle, frame } = await essayFrame(page);
  await page.waitForFunction(() => window.wpHeights > 0, null, { timeout: 10000 });
  assert.equal(await handle.evaluate((f) => f.height), '1000', 'the height message was read and clamped');
  // WordPress's frame does not scroll (scrolling="no"): the essay scrolls inside its own body.
  const box0 = await handle.boundingBox();
  await page.mouse.move(box0.x + 300, box0.y + 500);
  await page.mouse.wheel(0, 1200);
  await frame.waitForFunction(() => document.body.scrollTop > 0, null, { timeout: 3000 });
  // The frame scrolls inside itself; a card opens inside it; the contents jump within it.
  await frame.evaluate(() => document.querySelector('#m-zaltsman-1').scrollIntoView({ block: 'center' }));
  await frame.click('#m-zaltsman-1');
  // The post's column is 600 px: under 640 px a pinned card is a sheet.
  await frame.waitForSelector('.card-pinned, .card-sheet', { timeout: 5000 });
  await page.waitForTimeout(300);
  const card = await onHost(handle, frame, '.card-pinned, .card-sheet');
  const box = await handle.boundingBox();
  assert.ok(card.top >= box.y - 1 && card.bottom <= box.y + box.height + 1, 'the card is inside the frame');
  await page.keyboard.press('Escape');
  await frame.evaluate(() => document.querySelector('.toc a[href="#conclusion"]').click());
  await frame.waitForFunction(() => { const r = document.getElementById('conclusion').getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('presenting from a frame goes full screen where the host allows it, and to a new tab where it does not', async () => {
  {
    const { context, page } = await open(browser, `${hostOrigin}/phone-host.html`, { viewport: { width: 1280, height: 800 } });
    const { frame } = await essayFrame(page);
    await frame.click('.reader-present');
    await frame.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5000 });
    await frame.waitForSelector('.kirov[data-mode="present"]');
    await context.close();
  }
  {
    const { context, page } = await open(browser, `${hostOrigin}/fixed-host.html`, { viewport: { width: 1280, height: 800 } });
    const { frame } = await essayFrame(page);
    const opened = context.waitForEvent('page');
    await frame.click('.reader-present');
    const tab = await opened;
    await tab.waitForLoadState();
    assert.match(tab.url(), /\?mode=present#slide-1$/);
    await context.close();
  }
});

test('bad band messages (wrong types, huge or negative numbers, floods) are ignored without errors or layout thrash', async () => {
  const { context, page, log } = await open(browser, `${hostOrigin}/phone-host.html`, phone);
  const { frame } = await essayFrame(page);
  await page.waitForTimeout(300);
  const good = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--band-height'));
  assert.match(good, /^\d+px$/, 'the snippet\'s band arrived');
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    const V = 'kirov-essay-viewport';
    const junk = [{ [V]: null }, { [V]: 'x' }, { [V]: { top: -5, height: 100 } }, { [V]: { top: 1e12, height: 100 } },
      { [V]: { top: NaN, height: 1 } }, { [V]: { top: '10', height: '20' } }, { [V]: [1, 2] }, { [V]: { top: 0, height: Infinity } }];
    for (let i = 0; i < 400; i++) w.postMessage(junk[i % junk.length], '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--band-height')), good, 'junk changed nothing');
  // A flood of good messages costs one update per frame.
  const updates = await frame.evaluate(async () => {
    let n = 0;
    addEventListener('kirov-band', () => n++);
    for (let i = 0; i < 500; i++) window.postMessage({ 'kirov-essay-viewport': { top: i, height: 800 } }, '*');
    await new Promise((r) => setTimeout(r, 300));
    return n;
  });
  assert.ok(updates >= 1 && updates <= 20, `500 messages, ${updates} updates`);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  await context.close();
});

/** axe-core with every rule it has (best practices such as `region` included), in a page or frame.
 * Target size is measured per section once it is on screen (see below): in a section that waits
 * to be laid out (content-visibility) the geometry axe reads is not what a reader meets. */
async function axeAll(target) {
  if (!(await target.evaluate(() => Boolean(window.axe)))) {
    await target.evaluate(`${readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')};true`);
  }
  return target.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      rules: { 'target-size': { enabled: false } },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** axe-core's target-size rule over each section and figure of the essay, each on screen. */
async function axeTargetSize(page) {
  const ids = await page.$$eval('.essay-section, #notes, #people, #glossary', (els) => els.map((e) => e.id));
  const found = [];
  for (const id of ids) {
    const violations = await page.evaluate(async (id) => {
      const el = document.getElementById(id);
      el.scrollIntoView();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const r = await window.axe.run({ include: [[`#${id}`]] }, { runOnly: ['target-size'] });
      // Only what is on screen has the geometry a reader meets.
      return r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))
        .filter((sel) => { const b = document.querySelector(sel)?.getBoundingClientRect(); return b && b.bottom > 0 && b.top < innerHeight; });
    }, id);
    found.push(...violations);
  }
  return found;
}

test('axe-core, every rule: 0 violations before and after the wasm, presenting, in the frame and in the element', async () => {
  const own = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  assert.deepEqual(await axeAll(own.page), [], 'the page before the wasm');
  await own.page.keyboard.press('Shift');
  await own.page.waitForSelector('html[data-hydrated="true"]', { timeout: 20000 });
  assert.deepEqual(await axeAll(own.page), [], 'the page after the wasm');
  assert.deepEqual(await axeTargetSize(own.page), [], 'target size, section by section on screen');
  await own.context.close();
  const present = await open(browser, `${site.url}?mode=present#slide-2`, { viewport: { width: 1280, height: 720 } });
  await present.page.waitForSelector('.kirov[data-mode="present"]', { timeout: 20000 });
  assert.deepEqual(await axeAll(present.page), [], 'a slide');
  await present.context.close();
  const framed = await open(browser, `${hostOrigin}/phone-host.html`, phone);
  const { frame } = await essayFrame(framed.page);
  assert.deepEqual(await axeAll(frame), [], 'in the frame');
  await framed.context.close();
  const element = await open(browser, `${hostOrigin}/element-host.html`, { viewport: { width: 1280, height: 800 } });
  await element.page.waitForSelector('kirov-essay');
  const inShadow = await element.page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const host = document.querySelector('kirov-essay');
    await new Promise((r) => { const t = setInterval(() => { if (host.shadowRoot?.querySelector('.kirov')) { clearInterval(t); r(); } }, 50); });
    const r = await window.axe.run({ include: [['kirov-essay']] }, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      rules: { 'target-size': { enabled: false } }, // measured on the page itself, section by section
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  assert.deepEqual(inShadow, [], 'in the element');
  await element.context.close();
});

test('oEmbed: the page names a static oEmbed file, a rich embed of this edition with absolute addresses', async () => {
  const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  const href = await page.getAttribute('link[rel="alternate"][type="application/json+oembed"]', 'href');
  assert.match(href, /^https?:\/\/.+\/oembed\.json$/, 'an absolute discovery address');
  const response = await page.evaluate(async () => (await fetch('oembed.json')).json());
  assert.equal(response.version, '1.0');
  assert.equal(response.type, 'rich');
  assert.equal(response.title, await page.textContent('h1'));
  assert.match(response.author_name, /Kokosalakis/);
  assert.ok(response.provider_name && response.provider_url.startsWith('http'));
  assert.match(response.thumbnail_url, /^https?:\/\/.+\/preview\.png$/);
  assert.equal(href.replace(/oembed\.json$/, ''), response.provider_url, 'the file and the link name the same edition');
  const iframe = response.html.match(/^<iframe src="([^"]+)"[^>]* sandbox="([^"]+)"[^>]*><\/iframe>$/);
  assert.ok(iframe, response.html);
  assert.equal(iframe[1], response.provider_url);
  assert.match(iframe[2], /allow-scripts/);
  await context.close();
});
