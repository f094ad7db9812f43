// Offline reading: after one visit the service worker has the versioned bundle, so the essay
// opens, hydrates and draws its charts with the server gone. Old caches go on upgrade; the host
// can turn the worker off; inside an iframe it is off unless asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, open, hydrated, ROOT } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const version = () => readFileSync(join(ROOT, 'dist/sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];
const cacheNames = (page) => page.evaluate(() => caches.keys());
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
}

test('after one visit the essay reloads, hydrates and draws a chart with the network gone', async () => {
  // (The charts are drawn at build time, part of the page: no chart library is needed to see or
  // use them, so none is cached until a slide or a figure image asks for it.)
  const site = await serve();
  const { context, page, log } = await open(browser, `${site.url}?offline=off`, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  // A cache left by an older build, which the new worker must drop.
  await page.evaluate(() => caches.open('kirov-essay-0000000000000000'));
  await page.goto(site.url);
  await hydrated(page);
  await controlled(page);
  assert.deepEqual(await cacheNames(page), [`kirov-essay-${version()}`], 'only the current version is cached');
  const cachedEcharts = () => page.evaluate(async (v) => Boolean(await (await caches.open(`kirov-essay-${v}`)).match('echarts.common.min.js')), version());
  assert.equal(await cachedEcharts(), false, 'the chart library waits until a slide or an image wants it');
  await page.locator('.figure').first().scrollIntoViewIfNeeded();
  await page.locator('.chart-frame svg:visible').first().waitFor({ timeout: 10000 });
  await page.waitForTimeout(500);
  assert.equal(await cachedEcharts(), false, 'reaching a chart needs no chart library');

  // The network goes: the browser is offline and the server is closed.
  await context.setOffline(true);
  site.server.closeAllConnections();
  await new Promise((ok) => site.server.close(ok));
  await page.reload();
  await hydrated(page);
  assert.ok((await page.locator('.essay-section p').count()) > 100, 'the prose is there');
  await page.locator('.figure').first().scrollIntoViewIfNeeded();
  await page.locator('.chart-frame svg:visible').first().waitFor({ timeout: 10000 });
  await page.locator('.essay-section .mention-person').first().click();
  await page.locator('.card-pinned').waitFor({ timeout: 5000 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('?offline=off removes the worker and its caches; an iframe gets none unless it asks', async () => {
  const site = await serve();
  const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  await controlled(page);
  await page.goto(`${site.url}?offline=off`);
  await hydrated(page);
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0
    && (await caches.keys()).length === 0, null, { timeout: 10000, polling: 200 });

  // Same origin, framed: no worker by default …
  await page.setContent(`<iframe src="${site.url}" style="width:800px;height:600px"></iframe>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('html[data-hydrated="true"]').waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  assert.equal(await page.frames()[1].evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  // … and one when the host asks with ?offline=on.
  await page.setContent(`<iframe src="${site.url}?offline=on" style="width:800px;height:600px"></iframe>`);
  await page.frameLocator('iframe').locator('html[data-hydrated="true"]').waitFor({ timeout: 20000 });
  await page.frames()[1].evaluate(() => navigator.serviceWorker.ready);
  await context.close();
  site.server.close();
});
