// Charts: drawn from the real data as SVG at build time; tooltips by pointer and keyboard; the data
// downloadable; numbers in the prose linked both ways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, serve, open, hydrated, csvRows, dataset, scrollTo, axe, figureIds } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const laptop = { viewport: { width: 1280, height: 800 } };

async function drawn(page, id) {
  await scrollTo(page, `#fig-${id}`);
  await page.waitForSelector(`#fig-${id} .chart svg:visible`, { timeout: 15000 });
  await page.waitForTimeout(300);
}

test('the reading view never requests the chart library: its charts are drawn at build time', async () => {
  const { context, page, log } = await open(browser, site.url, laptop);
  await hydrated(page);
  for (const id of figureIds()) await drawn(page, id);
  // Stepping through a chart and hovering a mark need no library either.
  await page.locator('#fig-plan-tractors .chart').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#fig-plan-tractors .chart-tip');
  await page.waitForTimeout(500);
  assert.deepEqual(log.requests.filter((u) => u.includes('echarts')), [], 'no chart code');
  assert.equal(await page.evaluate(() => 'echarts' in window), false);
  await context.close();
});

test('each chart draws SVG with one mark per datum', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  const expected = {
    'purge-1929': 6, // a shape per block of squares, and the gaps between them
    'plan-tractors': 2,
    'workforce-composition': 8,
  };
  assert.ok(figureIds().length >= 8);
  for (const id of figureIds()) {
    await drawn(page, id);
    const points = Number(await page.$$eval(`#fig-${id} .chart-svg`, (svgs) => svgs.find((s) => s.getBoundingClientRect().width > 0).dataset.points));
    const shown = `#fig-${id} .chart-svg`;
    assert.ok(points > 0, `${id} draws points`);
    if (expected[id]) assert.ok(points >= expected[id], `${id}: ${points} points, expected at least ${expected[id]}`);
    const shapes = await page.$$eval(shown, (svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 0)
      .reduce((n, s) => n + s.querySelectorAll('[ecmeta_ssr_type="chart"]').length, 0));
    assert.ok(shapes >= 1, `${id}: ${shapes} marks`);
  }
  // The waffle: one shape per block of squares, not a node per member.
  const blocks = await page.$$eval('#fig-purge-1929 .chart-svg', (svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 0)
    .map((s) => s.querySelectorAll('[ecmeta_ssr_type="chart"]').length));
  assert.equal(blocks.length, 1, 'one chart shows');
  assert.ok(blocks[0] > 2 && blocks[0] < 12, `${blocks[0]} shapes`);
  await context.close();
});

test('the tooltip shows value, qualifier and note on hover and on keyboard focus', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  await drawn(page, 'plan-contested');
  const chart = page.locator('#fig-plan-contested .chart');
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  const tip = page.locator('#fig-plan-contested .chart-tip');
  assert.match(await tip.innerText(), /92\.1 %/);
  assert.match(await tip.innerText(), /Claimed by Alekseev/);
  assert.match(await tip.innerText(), /Note 59/);
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  assert.match(await tip.innerText(), /87 %/);
  await page.keyboard.press('Escape');
  assert.equal(await tip.count(), 0);
  // Pointer: hover a bar of the tractor targets.
  await drawn(page, 'plan-tractors');
  const box = await page.locator('#fig-plan-tractors .chart').boundingBox();
  let text = '';
  for (let x = box.x + 40; x < box.x + box.width && !text; x += 20) {
    for (let y = box.y + box.height - 60; y > box.y + 40 && !text; y -= 25) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(30);
      if (await page.locator('#fig-plan-tractors .chart-tip').count()) text = await page.locator('#fig-plan-tractors .chart-tip').innerText();
    }
  }
  assert.match(text, /(3,000|12,000) tractors/);
  assert.match(text, /Note 58/);
  await context.close();
});

test('the CSV download equals the dataset file', async () => {
  const { context, page } = await open(browser, site.url, { ...laptop, acceptDownloads: true });
  await hydrated(page);
  await drawn(page, 'purge-1929');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#fig-purge-1929 .figure-tool', { hasText: 'Download purge-1929.csv' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'purge-1929.csv');
  const got = readFileSync(await download.path(), 'utf8');
  assert.deepEqual(csvRows(got), csvRows(dataset('purge-1929')));
  await context.close();
});

test('the data table folds behind a toggle once the chart is drawn', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  await drawn(page, 'plan-tractors');
  const table = page.locator('#fig-plan-tractors .figure-data');
  assert.equal(await table.isVisible(), false);
  await page.locator('#fig-plan-tractors .figure-tool', { hasText: 'Show the data' }).click();
  assert.equal(await table.isVisible(), true);
  assert.equal(await page.locator('#fig-plan-tractors .figure-tool').first().getAttribute('aria-expanded'), 'true');
  await context.close();
});

test('text ↔ chart: a number in the prose emphasises its datum, and a datum marks its number', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  await drawn(page, 'purge-1929');
  const link = page.locator('.essay-section > p [data-datum="purge-1929/expelled"]').first();
  await link.scrollIntoViewIfNeeded();
  await link.hover();
  await page.waitForTimeout(100);
  assert.equal(await page.getAttribute('#fig-purge-1929 .chart', 'data-emphasis'), 'purge-1929/expelled');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(100);
  assert.equal(await page.getAttribute('#fig-purge-1929 .chart', 'data-emphasis'), null);
  // Chart → text: stepping to a datum marks the prose numbers tied to it.
  await page.locator('#fig-purge-1929 .chart').focus();
  await page.keyboard.press('ArrowRight');
  const key = await page.evaluate(() => document.querySelector('#fig-purge-1929 .chart').getAttribute('data-emphasis'));
  const marked = await page.$$eval('.datum.is-linked', (ds) => ds.map((d) => d.dataset.datum));
  assert.ok(marked.length > 0 && marked.every((k) => k === key), `prose numbers for ${key} are marked`);
  const passage = page.locator('#fig-purge-1929 .chart-tip .tip-passage');
  assert.equal(await passage.count(), 1, 'the tooltip links back to the passage');
  await context.close();
});

test('no horizontal overflow at 320 px with every chart drawn', async () => {
  const { context, page } = await open(browser, site.url, { viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  await hydrated(page);
  for (const id of figureIds()) {
    await drawn(page, id);
  }
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `scrollWidth ${scroll} > clientWidth ${client}`);
  await context.close();
});

test('axe-core finds no violations with charts drawn', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  await drawn(page, 'counter-plan');
  assert.deepEqual(await axe(page), []);
  await context.close();
});
