// Settings of use: classroom presentation, the colour theme, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated, presenting, axe } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const projector = { viewport: { width: 1920, height: 1080 } };

/** Waits (up to 3 s) for the address to name slide n: the URL follows the slide in an effect. */
const at = (page, n) => page.waitForFunction((n) => location.hash === `#slide-${n}`, n, { timeout: 3000 });

test('?mode=present opens slides that move with the keys and keep the slide in the URL', async () => {
  const { context, page } = await open(browser, site.url + '?mode=present#slide-3', projector);
  await presenting(page);
  await page.waitForTimeout(200);
  assert.match(await page.locator('.presenter-position').innerText(), / 3 of \d+$/);
  await page.keyboard.press('ArrowRight');
  await at(page, 4);
  await page.keyboard.press('Shift+Space');
  await at(page, 3);
  await page.keyboard.press('Space');
  await at(page, 4);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await at(page, 2);
  await page.keyboard.press('Home');
  await at(page, 1);
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await at(page, 7);
  await page.keyboard.press('End');
  const total = Number((await page.locator('.presenter-position').innerText()).match(/of (\d+)/)[1]);
  await at(page, total);
  await page.keyboard.press('Escape');
  assert.ok(await page.locator('.overview').isVisible(), 'Esc from a slide opens the overview');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.overview').isVisible(), false, 'and Esc closes it');
  await page.locator('.presenter-exit').click();
  assert.equal(await page.locator('.kirov').getAttribute('data-mode'), null, 'Exit leaves the mode');
  await context.close();
});

test('slides are large and high-contrast at 1920×1080, and a card opens on a slide', async () => {
  const { context, page } = await open(browser, site.url + '?mode=present#slide-1', projector);
  await presenting(page);
  await page.waitForTimeout(200);
  const size = await page.$eval('.slide.is-current .slide-text', (p) => parseFloat(getComputedStyle(p).fontSize));
  assert.ok(size >= 32, `body text ${size}px`);
  const [fg, bg] = await page.$eval('.kirov', (k) => [getComputedStyle(k).color, getComputedStyle(k).backgroundColor]);
  assert.equal(fg, 'rgb(0, 0, 0)');
  assert.equal(bg, 'rgb(255, 255, 255)');
  const visible = await page.$$eval('.essay-section > p, .slide', (ps) => ps.filter((p) => p.checkVisibility()).length);
  assert.equal(visible, 1, 'one slide, and none of the essay');
  const name = page.locator('.slide.is-current [data-term], .slide.is-current [data-person]').first();
  await name.click();
  // The card is drawn in the task after the click's.
  await page.locator('.card').waitFor();
  assert.equal(await page.locator('.card').count(), 1, 'a card opens on a slide');
  // A centred panel about half the screen wide, at the height of the name clicked.
  const card = await page.locator('.card').boundingBox();
  const trigger = await name.boundingBox();
  assert.ok(Math.abs(card.width - 960) < 20 && Math.abs(card.x + card.width / 2 - 960) < 20, `card ${JSON.stringify(card)}`);
  assert.ok(card.y >= trigger.y + trigger.height || card.y + card.height <= trigger.y, 'beside its name, not over it');
  assert.ok(Math.min(Math.abs(card.y - trigger.y - trigger.height), Math.abs(trigger.y - card.y - card.height)) < 40, 'near its name');
  const cardText = await page.$eval('.card .card-summary', (p) => parseFloat(getComputedStyle(p).fontSize));
  assert.ok(cardText >= 20, `card text ${cardText}px`);
  assert.deepEqual(await axe(page), [], 'a slide with a card open');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.card').count(), 0, 'Esc closes the card first');
  assert.equal(await page.locator('.overview').isVisible(), false, 'without opening the overview');
  assert.equal(await page.locator('.kirov').getAttribute('data-mode'), 'present', 'and stays in the mode');
  await name.click();
  await page.locator('.card').waitFor();
  assert.equal(await page.locator('.card').count(), 1);
  await page.locator('.presenter-bar [aria-label="Next slide"]').click();
  await at(page, 2);
  assert.equal(await page.locator('.card').count(), 0, 'a slide change closes the card');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('figure slides draw the chart in the projector theme with labels of 20 px or more', async () => {
  const { context, page } = await open(browser, site.url + '?mode=present', projector);
  await presenting(page);
  for (let i = 0; i < 30; i++) {
    if ((await page.locator('.presenter-position').innerText()).startsWith('Figure')) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.waitForSelector('.slide.is-current .slide-chart svg', { timeout: 15000 });
  await page.waitForTimeout(500);
  // As shown: the drawing is scaled to its space.
  const sizes = await page.$$eval('.slide.is-current .slide-chart svg text', (ts) => ts.map((t) => {
    const scale = new DOMMatrixReadOnly(getComputedStyle(t.closest('.slide-chart-drawn')).transform).a;
    return parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize) * scale;
  }));
  assert.ok(sizes.length > 0 && Math.min(...sizes) >= 20, `smallest chart label ${Math.min(...sizes)}px`);
  // The chart takes the space under its title, and the figure's tools and source stay off the slide.
  const [chart, screen] = await page.$eval('.slide.is-current .slide-chart', (c) => [c.getBoundingClientRect().height, innerHeight]);
  assert.ok(chart >= 0.6 * screen, `chart space ${chart}px of ${screen}`);
  assert.equal(await page.locator('.slide.is-current :is(.figure-tools, .figure-source, button)').count(), 0);
  await context.close();
});

test('the theme toggle switches to dark and back, and follows the system by default', async () => {
  const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await hydrated(page);
  const bg = () => page.$eval('.kirov', (k) => getComputedStyle(k).backgroundColor);
  assert.equal(await bg(), 'rgb(22, 21, 19)', 'dark by system preference');
  await page.locator('.reader-tool', { hasText: 'Light' }).click();
  assert.equal(await bg(), 'rgb(251, 249, 244)');
  assert.equal(await page.locator('.reader-tool', { hasText: 'Light' }).getAttribute('aria-pressed'), 'true');
  await page.reload();
  await hydrated(page);
  await page.waitForTimeout(100);
  assert.equal(await bg(), 'rgb(251, 249, 244)', 'the choice is remembered');
  assert.deepEqual(await axe(page), []);
  await page.locator('.reader-tool', { hasText: 'Dark' }).click();
  assert.deepEqual(await axe(page), [], 'dark theme passes axe too');
  await context.close();
});

test('print shows figure charts, tables and the apparatus, and hides the interactive chrome', async () => {
  const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.$$eval('.toc, .reader-tools, .figure-tools', (els) => els.every((e) => getComputedStyle(e).display === 'none'));
  assert.ok(hidden, 'no interactive chrome in print');
  // The charts drawn at build time print: one per figure.
  const charts = await page.$$eval('.figure', (fs) => fs.map((f) => [...f.querySelectorAll('.chart-svg')].filter((s) => getComputedStyle(s).display !== 'none').length));
  assert.ok(charts.length >= 8 && charts.every((n) => n === 1), `a chart per figure: ${charts}`);
  const plain = await page.$$eval('a.mention, .datum', (els) => els.every((e) => getComputedStyle(e).textDecorationLine === 'none'));
  assert.ok(plain, 'mentions and numbers print without their underlines');
  assert.equal(await page.$$eval('.note-back', (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length), 0, 'no back arrows in print');
  const tables = await page.$$eval('.figure-data', (els) => els.every((e) => getComputedStyle(e).display !== 'none'));
  assert.ok(tables, 'every figure prints as its table');
  assert.ok(await page.locator('#notes').isVisible());
  assert.ok(await page.locator('#people').isVisible());
  await context.close();
});

test('on a phone the contents are a drawer, body text is 16 px or more, and axe finds nothing', async () => {
  const { context, page } = await open(browser, site.url, {
    viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  await hydrated(page);
  const list = page.locator('.toc ol');
  assert.equal(await list.isVisible(), false, 'closed at first');
  await page.locator('.toc summary').tap();
  assert.equal(await list.isVisible(), true, 'opens with a tap');
  const size = await page.$eval('#introduction-p1', (p) => parseFloat(getComputedStyle(p).fontSize));
  assert.ok(size >= 16, `body text ${size}px`);
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, 'no horizontal scroll');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('the article citation is offered as Chicago, BibTeX and RIS', async () => {
  const { context, page } = await open(browser, site.url, { javaScriptEnabled: false });
  const cites = await page.$$eval('.citation', (ps) => ps.map((p) => p.textContent));
  assert.equal(cites.length, 3);
  assert.match(cites[0], /^Kokosalakis, Yiannis\. “Bolshevik bargaining in Soviet industry/);
  assert.match(cites[1], /^@article\{kokosalakis2021,/);
  assert.match(cites[2], /^TY {2}- JOUR/);
  await context.close();
});
