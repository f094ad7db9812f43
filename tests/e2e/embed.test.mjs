// The journal embed: a sandboxed iframe on a hostile host page of another origin, resized by the
// height protocol and themed by the host; and the bundle served from a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launch, serve, open, hydrated, ROOT } from './helpers.mjs';

let browser, site, sub, host, hostUrl;
before(async () => {
  browser = await launch();
  site = await serve();
  sub = await serve({ base: '/some/sub/path/' });
  const page = readFileSync(join(ROOT, 'tests/e2e/hosts/iframe-host.html'), 'utf8')
    .replace('ESSAY_URL', site.url).replace('ESSAY_BASE', site.url);
  host = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${host.address().port}/`;
});
after(async () => { await browser?.close(); site?.server.close(); sub?.server.close(); host?.close(); });

test('a sandboxed iframe on another origin grows to the essay height and follows the host theme', async () => {
  const { context, page, log } = await open(browser, hostUrl, { viewport: { width: 1280, height: 800 } });
  const frame = page.frameLocator('iframe[data-kirov-essay]');
  await frame.locator('html[data-hydrated="true"]').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 5000, null, { timeout: 10000 });
  const [frameHeight, contentHeight] = await Promise.all([
    page.$eval('iframe', (f) => f.getBoundingClientRect().height),
    frame.locator('html').evaluate((h) => h.scrollHeight),
  ]);
  assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `iframe ${frameHeight}px, content ${contentHeight}px`);
  await page.waitForTimeout(300);
  assert.equal(await frame.locator('.kirov').getAttribute('data-theme'), 'dark', 'the host theme reached the essay');
  // The essay does not restyle the host, and the host's hostile CSS does not reach the essay.
  assert.match(await page.$eval('#host-paragraph', (p) => getComputedStyle(p).fontFamily), /Comic Sans/);
  assert.doesNotMatch(await frame.locator('.essay-section p').first().evaluate((p) => getComputedStyle(p).fontFamily), /Comic Sans/);
  // Storage throws in the sandbox; the theme toggle still works.
  await frame.locator('.reader-tool', { hasText: 'Light' }).click();
  assert.equal(await frame.locator('.kirov').getAttribute('data-theme'), 'light');
  const errors = log.console.filter((m) => m.type === 'error');
  assert.deepEqual(errors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the essay ignores junk messages', async () => {
  const { context, page, log } = await open(browser, hostUrl, { viewport: { width: 1280, height: 800 } });
  const frame = page.frameLocator('iframe[data-kirov-essay]');
  await frame.locator('html[data-hydrated="true"]').waitFor({ timeout: 20000 });
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    const junk = [null, 1, 'dark', [], {}, { 'kirov-essay-theme': 42 }, { 'kirov-essay-theme': 'neon' },
      { 'kirov-essay-height': 'x' }, { __proto__: { 'kirov-essay-theme': 'dark' } }, new Array(1000).fill('x')];
    for (let i = 0; i < 300; i++) w.postMessage(junk[i % junk.length], '*');
    for (let i = 0; i < 100; i++) window.postMessage({ 'kirov-essay-height': Math.random() > 0.5 ? NaN : 'tall' }, '*');
  });
  await page.waitForTimeout(500);
  assert.equal(await frame.locator('.kirov').getAttribute('data-theme'), 'dark', 'theme unchanged by junk');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  await context.close();
});

test('the bundle works from a sub-path', async () => {
  const { context, page, log } = await open(browser, sub.url, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  await page.evaluate(() => document.querySelector('#fig-plan-tractors').scrollIntoView());
  await page.waitForSelector('#fig-plan-tractors .chart svg:visible', { timeout: 15000 });
  assert.ok(log.requests.every((u) => u.startsWith(sub.origin + '/some/sub/path/') || u.startsWith('data:') || u.startsWith('blob:')), 'every asset under the sub-path');
  await context.close();
});
