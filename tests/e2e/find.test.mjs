// Find and share any passage: text-fragment links (#:~:text=…) reach a figure's folded data table
// (hidden="until-found": the browser unfolds it and the "Show the data" toggle follows), a
// sentence deep in the last section on a fresh load, and the phone's closed contents drawer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated, scrollTo } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const laptop = { viewport: { width: 1280, height: 800 } };
const fragment = (text) => `#:~:text=${encodeURIComponent(text).replace(/-/g, '%2D')}`;

/** Whether the element's box lies at least partly on the screen. */
const onScreen = (page, selector) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
});

test('a text-fragment link to a row of a folded data table unfolds it and scrolls to the row', async () => {
  const { context, page, log } = await open(browser, site.url, laptop);
  await hydrated(page);
  const id = 'purge-1929';
  await scrollTo(page, `#fig-${id}`);
  await page.waitForSelector(`#fig-${id} .chart svg:visible`, { timeout: 15000 });
  const table = `#fig-${id} .figure-data`;
  await page.waitForSelector(`${table}[hidden="until-found"]`, { state: 'attached' });
  assert.equal(await page.locator(table).isVisible(), false, 'folded once the chart is drawn');
  // A row label that occurs nowhere else on the page, so the fragment can only mean this row
  // (the charts' JSON data blocks are not text on the page; their SVG text is).
  const label = await page.$$eval(`${table} tbody th`, (ths) => {
    const page = document.body.cloneNode(true);
    for (const s of page.querySelectorAll('script')) s.remove();
    return ths.map((th) => th.firstChild.textContent.trim()).find((t) => t.length > 12 && page.textContent.split(t).length === 2);
  });
  assert.ok(label, 'a row label unique on the page');
  await page.evaluate(() => scrollTo(0, 0));
  await page.goto(site.url + fragment(label));
  await page.waitForFunction((s) => !document.querySelector(s).hasAttribute('hidden'), table, { timeout: 5000 });
  const row = await page.$$eval(`${table} tbody tr`, (trs, t) => trs.findIndex((tr) => tr.textContent.includes(t)), label);
  assert.ok(await onScreen(page, `${table} tbody tr:nth-child(${row + 1})`), 'the row is on the screen');
  const toggle = page.locator(`#fig-${id} .figure-tool`, { hasText: 'Hide the data' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the toggle follows the browser');
  // And the toggle still folds it again.
  await toggle.click();
  assert.equal(await page.locator(table).getAttribute('hidden'), 'until-found');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a text-fragment link on a fresh load reaches a sentence deep in the last section', async () => {
  // The last paragraph of the last section, from the served page itself.
  const html = await (await fetch(site.url)).text();
  const sections = html.split('<section class="essay-section"');
  const last = sections[sections.length - 1];
  const paragraphs = [...last.matchAll(/<p [^>]*id="([a-z-]+-p\d+)"[^>]*>([\s\S]*?)<\/p>/g)];
  const [, pid, inner] = paragraphs[paragraphs.length - 1];
  const words = inner.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, ' ').split(/\s+/).filter((w) => /^[A-Za-z,]+$/.test(w));
  const phrase = words.slice(2, 9).join(' ');
  assert.ok(phrase.split(' ').length === 7, phrase);
  const { context, page } = await open(browser, site.url + fragment(phrase), laptop);
  await page.waitForFunction((s) => { const r = document.getElementById(s).getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; },
    pid, { timeout: 5000 });
  assert.ok(await page.evaluate(() => scrollY > 10000), 'scrolled far down the essay');
  await context.close();
});

test('on a phone, a text-fragment link into the closed contents drawer opens it', async () => {
  const { context, page } = await open(browser, site.url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  assert.equal(await page.$eval('.toc-drawer', (d) => d.open), false, 'closed on a phone');
  const lastEntry = await page.$$eval('.toc-drawer li:not(.toc-apparatus) a', (as) => as[as.length - 1].textContent.replace(/^\S+\s+/, '').trim());
  await page.goto(site.url + fragment(lastEntry));
  await page.waitForFunction(() => document.querySelector('.toc-drawer').open, null, { timeout: 5000 });
  const entry = await page.$$eval('.toc-drawer li:not(.toc-apparatus) a', (as) => {
    const r = as[as.length - 1].getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  });
  assert.ok(entry, 'the entry is on the screen');
  await context.close();
});

test('a text-fragment link into a folded table on a fresh load keeps it open when the page comes alive', async () => {
  const id = 'purge-1929';
  // The page's text, without its data blocks (the charts' models).
  const html = (await (await fetch(site.url)).text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  const figure = html.slice(html.indexOf(`id="fig-${id}"`));
  const table = figure.slice(figure.indexOf('<tbody>'), figure.indexOf('</tbody>'));
  const labels = [...table.matchAll(/<th scope="row">([^<]+)/g)].map((m) => m[1].trim());
  const label = labels.find((t) => t.length > 12 && html.split(t).length === 2);
  assert.ok(label, 'a row label unique on the page');
  const { context, page, log } = await open(browser, site.url + fragment(label), laptop);
  // The chart is in the page; near the viewport, the figure boots the wasm by itself.
  await page.waitForSelector(`#fig-${id} .chart svg:visible`, { timeout: 20000 });
  await page.waitForTimeout(300);
  const data = `#fig-${id} .figure-data`;
  assert.equal(await page.locator(data).getAttribute('hidden'), null, 'still open');
  assert.equal(await page.locator(`#fig-${id} .figure-tool`).first().innerText(), 'Hide the data');
  const row = await page.$$eval(`${data} tbody tr`, (trs, t) => trs.findIndex((tr) => tr.textContent.includes(t)), label);
  assert.ok(await onScreen(page, `${data} tbody tr:nth-child(${row + 1})`), 'the row is still on the screen');
  assert.deepEqual(log.errors, []);
  await context.close();
});
