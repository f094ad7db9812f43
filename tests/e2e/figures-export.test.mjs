// Figures a teacher can take away: every figure downloads as SVG and PNG (1600 px wide, light
// theme, title, source line and the edition's name on the image) drawn by ECharts from the same
// builder as the chart on the page; "Cite this figure" gives its stable #fig-<id> link, Chicago
// and BibTeX; the downloads also work inside the sandboxed frame on a host page of another origin,
// and offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launch, serve, open, hydrated, figureIds, scrollTo, axe, ROOT } from './helpers.mjs';

let browser, site, host, hostUrl;
before(async () => {
  browser = await launch();
  site = await serve();
  const page = readFileSync(join(ROOT, 'tests/e2e/hosts/iframe-host.html'), 'utf8')
    .replace('ESSAY_URL', site.url).replace('ESSAY_BASE', site.url);
  host = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${host.address().port}/`;
});
after(async () => { await browser?.close(); site?.server.close(); host?.close(); });

const laptop = { viewport: { width: 1280, height: 800 }, acceptDownloads: true };
const titles = Object.fromEntries([...readFileSync(join(ROOT, 'data/figures.toml'), 'utf8')
  .matchAll(/^\[\[figure\]\]\s*\nid = "([^"]+)"[\s\S]*?^title = "([^"]+)"/gm)].map((m) => [m[1], m[2]]));
const editionTitle = readFileSync(join(ROOT, 'data/meta.toml'), 'utf8').match(/^title = "([^"]+)"/m)[1];
/** Where to keep one of each for a person to open (target/ is never committed). */
const KEEP = join(ROOT, 'target/figure-downloads');

async function download(page, id, format, scope = page) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    scope.locator(`#fig-${id} .figure-tool[data-image="${format}"]`).click(),
  ]);
  assert.equal(file.suggestedFilename(), `${id}.${format}`);
  return readFileSync(await file.path());
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png) => [png.readUInt32BE(16), png.readUInt32BE(20)];

/** What the browser itself makes of an SVG file: parse errors, root size, text and marks. */
async function inspectSvg(page, svg) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' | '),
      marks: doc.querySelectorAll('[ecmeta_series_index]').length,
    };
  }, svg);
}

/** Decodes a PNG in the page: its natural size and how many distinct colours a sample has. */
async function inspectPng(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    // The top-left pixel is the light theme's paper.
    return { width: img.naturalWidth, height: img.naturalHeight, colours: colours.size, corner: [data[0], data[1], data[2]] };
  }, png.toString('base64'));
}

test('every figure downloads as an SVG with its title, chart, source line and the edition’s name', async () => {
  const { context, page, log } = await open(browser, site.url, laptop);
  await hydrated(page);
  mkdirSync(KEEP, { recursive: true });
  for (const id of figureIds()) {
    await scrollTo(page, `#fig-${id}`);
    const svg = (await download(page, id, 'svg')).toString('utf8');
    const got = await inspectSvg(page, svg);
    assert.equal(got.error, null, `${id}: parses as SVG`);
    assert.equal(got.width, 1600, id);
    assert.ok(got.height > 400, `${id}: ${got.height}`);
    // The title may be wrapped onto several lines; joined, it is the whole title.
    const title = got.text.split(' | ').slice(0, 4).join(' ');
    assert.ok(title.startsWith(titles[id]), `${id}: title in "${title}"`);
    assert.match(got.text, /Source: Yiannis Kokosalakis, “Bolshevik bargaining in Soviet industry/);
    assert.ok(got.text.includes(`From “${editionTitle}”`), `${id}: edition named`);
    assert.ok(got.text.includes(`#fig-${id}`), `${id}: its link on the image`);
    assert.ok(got.marks > 0, `${id}: ECharts drew the data (${got.marks} marks)`);
    assert.match(svg, /fill="#fbf9f4"/, `${id}: light theme paper`);
    assert.doesNotMatch(svg, /<style|\sstyle="/, `${id}: presentation attributes only`);
    if (id === 'purge-1929') writeFileSync(join(KEEP, `${id}.svg`), svg);
  }
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  await context.close();
});

test('a figure downloads as a PNG at least 1600 px wide, drawn, in the light theme', async () => {
  const { context, page } = await open(browser, site.url, { ...laptop, colorScheme: 'dark' });
  await hydrated(page);
  for (const id of ['purge-1929', 'plan-tractors']) {
    await scrollTo(page, `#fig-${id}`);
    const png = await download(page, id, 'png');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${id}: PNG signature`);
    const [w, h] = pngSize(png);
    assert.ok(w >= 1600, `${id}: ${w} px wide`);
    const svg = await inspectSvg(page, (await download(page, id, 'svg')).toString('utf8'));
    assert.deepEqual([w, h], [svg.width, svg.height], `${id}: the PNG is the SVG's size`);
    const seen = await inspectPng(page, png);
    assert.deepEqual([seen.width, seen.height], [w, h]);
    assert.ok(seen.colours > 8, `${id}: a drawn image (${seen.colours} colours)`);
    assert.deepEqual(seen.corner, [0xfb, 0xf9, 0xf4], `${id}: light paper even when the reader reads in dark`);
    mkdirSync(KEEP, { recursive: true });
    writeFileSync(join(KEEP, `${id}.png`), png);
  }
  await context.close();
});

test('“Cite this figure” gives its stable link, Chicago and BibTeX, and the link leads back to it', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  const id = 'purge-1929';
  await scrollTo(page, `#fig-${id}`);
  const toggle = page.locator(`#fig-${id} .figure-tool`, { hasText: 'Cite this figure' });
  const panel = page.locator(`#fig-${id}-cite`);
  assert.equal(await panel.isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await panel.isVisible(), true);
  const fields = await panel.locator('pre.citation').allTextContents();
  assert.equal(fields.length, 3);
  const [link, chicago, bibtex] = fields;
  assert.equal(link, `${site.url}#fig-${id}`);
  assert.ok(chicago.startsWith(`“${titles[id].replace(/\.$/, '')}.” Figure in “${editionTitle},”`), chicago);
  assert.ok(chicago.includes('Yiannis Kokosalakis') && chicago.endsWith(`${link}.`), chicago);
  assert.ok(bibtex.startsWith(`@online{kirov-fig-${id},`) && bibtex.includes('doi:10.1086/714151'), bibtex);
  assert.deepEqual(await axe(page), []);
  await toggle.click();
  assert.equal(await panel.isVisible(), false);
  // The link, opened fresh, lands on the figure.
  const other = await context.newPage();
  await other.goto(link);
  // At the top of the screen, below the little air every landed target keeps (scroll-margin-top).
  const [top, margin] = await other.$eval(`#fig-${id}`, (f) => [f.getBoundingClientRect().top, parseFloat(getComputedStyle(f).scrollMarginTop)]);
  assert.ok(Math.abs(top - margin) < 5, `the figure is at the top of the screen (${top}, margin ${margin})`);
  await context.close();
});

test('inside the sandboxed frame on another origin, the figure still downloads as PNG', async () => {
  const { context, page, log } = await open(browser, hostUrl, laptop);
  const frame = page.frameLocator('iframe[data-kirov-essay]');
  await frame.locator('html[data-hydrated="true"]').waitFor({ timeout: 20000 });
  const id = 'purge-1929';
  await frame.locator(`#fig-${id}`).scrollIntoViewIfNeeded();
  const png = await download(page, id, 'png', frame);
  assert.ok(pngSize(png)[0] >= 1600);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('offline, after one visit that made a figure image, a figure still downloads as PNG', async () => {
  const own = await serve(); // its own server, closed below
  const { context, page } = await open(browser, own.url, laptop);
  await hydrated(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const id = 'plan-tractors';
  await scrollTo(page, `#fig-${id}`);
  await page.waitForSelector(`#fig-${id} .chart svg:visible`, { timeout: 15000 });
  // The chart library is not needed to see a chart; the first image asks for it, and the
  // worker caches it on that first use.
  assert.ok(pngSize(await download(page, id, 'png'))[0] >= 1600, 'drawn online');
  await page.waitForFunction(async () => {
    for (const name of await caches.keys()) if (await (await caches.open(name)).match('echarts.common.min.js')) return true;
    return false;
  }, null, { timeout: 10000, polling: 200 });
  await context.setOffline(true);
  own.server.closeAllConnections();
  await new Promise((ok) => own.server.close(ok));
  await page.reload();
  await hydrated(page);
  await scrollTo(page, `#fig-${id}`);
  const png = await download(page, id, 'png');
  assert.ok(pngSize(png)[0] >= 1600, 'drawn with the network gone');
  await context.close();
});
