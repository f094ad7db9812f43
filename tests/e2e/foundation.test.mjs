// The foundation: the prerendered essay hydrates cleanly, reads without JavaScript, and never
// talks to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated, sectionTitles, noteLabels, axe } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

test('the page hydrates with no console errors or warnings', async () => {
  const { context, page, log } = await open(browser, site.url);
  await hydrated(page);
  await page.waitForTimeout(300);
  const noisy = log.console.filter((m) => m.type === 'error' || m.type === 'warning');
  assert.deepEqual(noisy, [], 'console errors or warnings');
  assert.deepEqual(log.errors, [], 'uncaught page errors');
  await context.close();
});

test('every section heading from data/essay is on the page, in order', async () => {
  const { context, page } = await open(browser, site.url);
  const headings = await page.$$eval('section.essay-section h2 .section-title', (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(headings, sectionTitles());
  await context.close();
});

test('with JavaScript disabled, every heading, paragraph and note is readable', async () => {
  const { context, page } = await open(browser, site.url, { javaScriptEnabled: false });
  const headings = await page.$$eval('section.essay-section h2 .section-title', (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(headings, sectionTitles());
  const paragraphs = await page.$$eval('section.essay-section p:not(.figure-title):not(.figure-caption):not(.figure-source):not(.visually-hidden)', (ps) => ps.map((p) => p.textContent.trim()));
  // (textContent, not innerText: sections far below the viewport are not laid out until they
  // near it, and innerText reports only laid-out text.)
  assert.ok(paragraphs.length >= 60, `only ${paragraphs.length} paragraphs`);
  assert.ok(paragraphs.every((p) => p.length > 0), 'an empty paragraph');
  const notes = await page.$$eval('#notes li.note', (ls) => ls.map((l) => l.id.replace(/^note-/, '')));
  assert.deepEqual([...notes].sort(), noteLabels().sort());
  // Visible, not merely present: the first paragraph has a real box.
  const box = await page.locator('#introduction-p1').boundingBox();
  assert.ok(box && box.height > 20);
  await context.close();
});

test('no request leaves 127.0.0.1', async () => {
  const { context, page, log } = await open(browser, site.url);
  await hydrated(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(500);
  const foreign = log.requests.filter((u) => !u.startsWith(site.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.ok(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm was requested');
  await context.close();
});

test('all content sits inside landmarks (axe `region`), before and after the wasm starts', async () => {
  const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  const region = { runOnly: { type: 'rule', values: ['region'] } };
  assert.deepEqual(await axe(page, region), [], 'the prerendered page');
  await hydrated(page);
  assert.deepEqual(await axe(page, region), [], 'the hydrated page');
  await context.close();
});
