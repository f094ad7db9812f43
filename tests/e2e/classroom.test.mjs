// The classroom: keys and clicker keys (blank, overview, help, full screen, numbers), deep links,
// the presenter console in a second window kept in step with the room's, the phone scroll, the
// printed handout, reduced motion and axe-core on a slide, the overview and the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated, presenting, axe } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const projector = { viewport: { width: 1280, height: 720 } };
const at = (page, n) => page.waitForFunction((n) => location.hash === `#slide-${n}`, n, { timeout: 3000 });
const current = (page) => page.$eval('.slide.is-current', (s) => Number(s.dataset.slide));

test('B and . blank to black and back; ? lists every key; F goes full screen; reduced motion has no transition', async () => {
  const { context, page } = await open(browser, site.url + '?mode=present#slide-2', { ...projector, reducedMotion: 'reduce' });
  await presenting(page);
  await at(page, 2);
  const blank = page.locator('.presenter-blank');
  for (const key of ['b', '.']) {
    await page.keyboard.press(key);
    assert.ok(await blank.isVisible(), `${key} blanks`);
    const [w, h, bg] = await blank.evaluate((b) => [b.getBoundingClientRect().width, b.getBoundingClientRect().height, getComputedStyle(b).backgroundColor]);
    assert.deepEqual([w, h, bg], [1280, 720, 'rgb(0, 0, 0)'], 'the whole screen, black');
    await page.keyboard.press(key);
    assert.equal(await blank.isVisible(), false, `${key} brings the slide back`);
  }
  await page.keyboard.press('?');
  const help = page.locator('.key-help');
  assert.ok(await help.isVisible());
  const listed = await help.innerText();
  for (const k of ['PageDown', 'PageUp', 'Space', 'Shift+Space', 'B', '.', 'O', 'Esc', 'F', 'S', 'Enter']) assert.ok(listed.includes(k), `help lists ${k}`);
  assert.deepEqual(await axe(page), [], 'the help');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.closest('.key-help') !== null), 'Tab stays in the help');
  await page.keyboard.press('Escape');
  assert.equal(await help.isVisible(), false, 'Esc closes the help');
  assert.equal(await page.locator('.overview').isVisible(), false, 'and only the help');
  assert.equal(await page.$eval('.slide.is-current', (s) => getComputedStyle(s).animationName), 'none');
  // "Other screen" is offered exactly where the Window Management API is.
  const api = await page.evaluate(() => 'getScreenDetails' in window);
  assert.equal(await page.locator('.presenter-place').isVisible(), api);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 3000 });
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 3000 });
  await context.close();
  const moving = await open(browser, site.url + '?mode=present#slide-2', { ...projector, reducedMotion: 'no-preference' });
  await presenting(moving.page);
  assert.equal(await moving.page.$eval('.slide.is-current', (s) => getComputedStyle(s).animationName), 'kirov-slide-in');
  await moving.context.close();
});

test('the overview opens with O or Esc, moves by keyboard alone and jumps to a slide', async () => {
  const { context, page } = await open(browser, site.url + '?mode=present#slide-3', projector);
  await presenting(page);
  await at(page, 3);
  await page.keyboard.press('o');
  const overview = page.locator('.overview');
  assert.ok(await overview.isVisible());
  const tiles = await page.locator('.overview-tile').count();
  assert.equal(tiles, await page.locator('.slide').count(), 'a tile per slide');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.tile), '2', 'focus on the current slide');
  assert.deepEqual(await axe(page), [], 'the overview');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.tile), '4');
  await page.keyboard.press('ArrowDown');
  const below = Number(await page.evaluate(() => document.activeElement.dataset.tile));
  assert.ok(below > 5, 'down goes a row down');
  await page.keyboard.press('Enter');
  await at(page, below + 1);
  assert.equal(await overview.isVisible(), false, 'a jump closes it');
  await page.waitForFunction((n) => document.activeElement?.dataset.slide === String(n), below + 1, { timeout: 3000 });
  await page.keyboard.press('Escape');
  assert.ok(await overview.isVisible(), 'Esc from a slide opens it');
  await page.keyboard.press('o');
  assert.equal(await overview.isVisible(), false);
  // Keyboard only: Tab reaches the bar's buttons.
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.classList.contains('presenter-overview'));
  }
  assert.ok(reached, 'Tab reaches the Overview button');
  await page.keyboard.press('Enter');
  assert.ok(await overview.isVisible());
  await context.close();
});

test('deep links: #slide-N and a paragraph link open the slide that holds it; numbers are stable', async () => {
  const first = await open(browser, site.url + '?mode=present#slide-12', projector);
  await presenting(first.page);
  await at(first.page, 12);
  const label = await first.page.$eval('.slide.is-current', (s) => s.getAttribute('aria-label'));
  await first.page.reload();
  await presenting(first.page);
  await at(first.page, 12);
  assert.equal(await first.page.$eval('.slide.is-current', (s) => s.getAttribute('aria-label')), label, 'same slide after a reload');
  await first.context.close();
  for (const [hash, section] of [['introduction-p1', 'introduction'], ['first-plan-p1', 'first-plan'], ['first-plan-p6', 'first-plan'], ['fig-purge-1929', 'first-plan']]) {
    const { context, page } = await open(browser, `${site.url}?mode=present#${hash}`, projector);
    await presenting(page);
    await page.waitForFunction(() => /^#slide-\d+$/.test(location.hash), null, { timeout: 3000 });
    assert.equal(await page.$eval('.slide.is-current', (s) => s.dataset.section), section, hash);
    if (hash === 'introduction-p1') assert.equal(await current(page), 1);
    if (hash === 'fig-purge-1929') assert.equal(await page.locator('.slide.is-current .slide-chart').count(), 1, 'the figure slide');
    if (hash === 'first-plan-p1') {
      // Exit returns the reader to the slide's passage in the essay.
      await page.locator('.presenter-exit').click();
      await page.waitForFunction(() => { const b = document.getElementById('first-plan-p1').getBoundingClientRect(); return b.top >= -2 && b.top < innerHeight / 2; }, null, { timeout: 3000 });
    }
    await context.close();
  }
});

test('the presenter console opens with S and drives the room window, and the room drives it', async () => {
  const { context, page } = await open(browser, site.url + '?mode=present#slide-3', projector);
  await presenting(page);
  await at(page, 3);
  // The room is blank when the console opens: the console learns it, and the room stays blank.
  await page.keyboard.press('b');
  const [console_] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await console_.waitForLoadState('load');
  await hydrated(console_);
  await at(console_, 3);
  await console_.waitForSelector('.console-blank:not([hidden])', { timeout: 3000 });
  await page.waitForTimeout(300);
  assert.ok(await page.locator('.presenter-blank').isVisible(), 'the room stays blank');
  await console_.keyboard.press('.');
  await page.waitForSelector('.presenter-blank[hidden]', { state: 'attached', timeout: 3000 });
  assert.equal(await console_.locator('.kirov').getAttribute('data-mode'), 'console');
  assert.ok(await console_.locator('.console-now .slide-face').isVisible());
  assert.ok(await console_.locator('.console-next .slide-face').isVisible());
  assert.ok((await console_.locator('.speaker-notes .notes-claim').innerText()).length > 10, 'the slide\'s claim');
  assert.match(await console_.locator('.console-elapsed').innerText(), /^\d+:\d\d$/);
  assert.deepEqual(await axe(console_), [], 'the console');
  const inStep = async (n) => { await at(page, n); await at(console_, n); };
  await console_.keyboard.press('ArrowRight');
  await inStep(4);
  await page.keyboard.press('ArrowLeft');
  await inStep(3);
  await console_.keyboard.type('9');
  await console_.keyboard.press('Enter');
  await inStep(9);
  assert.match(await console_.locator('.console-next').innerText(), /./, 'the next slide is shown');
  await console_.keyboard.press('b');
  await page.waitForSelector('.presenter-blank:not([hidden])', { timeout: 3000 });
  assert.ok(await console_.locator('.console-blank').isVisible(), 'the console says the room is blank');
  await page.keyboard.press('b');
  await console_.waitForSelector('.console-blank[hidden]', { state: 'attached', timeout: 3000 });
  assert.equal(await page.locator('.presenter-blank').isVisible(), false);
  await console_.locator('.presenter-bar [aria-label="Next slide"]').click();
  await inStep(10);
  await console_.close();
  await page.waitForTimeout(300);
  assert.equal(await current(page), 10, 'closing the console leaves the room as it was');
  assert.equal(await page.locator('.kirov').getAttribute('data-mode'), 'present');
  await context.close();
});

test('on a phone the slides are a vertical scroll, and the slide read is in the address', async () => {
  const { context, page } = await open(browser, site.url + '?mode=present#slide-4', {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  await presenting(page);
  await at(page, 4);
  const shown = await page.$$eval('.slide', (ss) => ss.filter((s) => s.getBoundingClientRect().height > 0).length);
  assert.equal(shown, await page.locator('.slide').count(), 'every slide is in the scroll');
  await page.waitForFunction(() => Math.abs(document.getElementById('slide-4').getBoundingClientRect().top) < 3, null, { timeout: 3000 });
  await page.evaluate(() => document.getElementById('slide-8').scrollIntoView());
  await at(page, 8);
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, 'no sideways scroll');
  const size = await page.$eval('.slide .slide-text', (p) => parseFloat(getComputedStyle(p).fontSize));
  assert.ok(size >= 16, `text ${size}px`);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('printing in presentation mode gives one landscape page per slide with its notes; the essay prints as before', async () => {
  const { context, page } = await open(browser, site.url + '?mode=present#slide-1', projector);
  await presenting(page);
  await at(page, 1);
  // ECharts loads as the presentation starts, so printing can draw every chart at once.
  await page.waitForFunction(() => Boolean(window.echarts), null, { timeout: 15000 });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const drawn = await page.$$eval('.slide:has(.slide-chart)', (ss) => ss.map((s) => s.querySelectorAll('.slide-chart svg text').length));
  assert.ok(drawn.length > 0 && drawn.every((n) => n > 0), `every figure slide drawn for the handout: ${drawn}`);
  const slides = await page.$$eval('.slide', (ss) => ss.map((s) => [getComputedStyle(s).display, getComputedStyle(s).breakAfter, getComputedStyle(s).page]));
  assert.ok(slides.every(([d, b, p]) => d !== 'none' && b === 'page' && p === 'handout'), 'every slide on its own handout page');
  assert.ok(await page.locator('#slide-5 .slide-handout-notes').isVisible(), 'with its speaker notes');
  assert.equal(await page.locator('.presenter-bar').isVisible(), false);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, slides.length, 'one page per slide');
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
  assert.ok(Number(box[1]) > Number(box[2]), 'landscape');
  await context.close();
  const essay = await open(browser, site.url, projector);
  await hydrated(essay.page);
  await essay.page.emulateMedia({ media: 'print' });
  assert.equal(await essay.page.locator('.slide').count(), 0, 'no slides when printing the essay');
  const pdf2 = await essay.page.pdf({ preferCSSPageSize: true });
  const box2 = pdf2.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
  assert.ok(Number(box2[1]) < Number(box2[2]), 'the essay stays portrait');
  await essay.context.close();
});
