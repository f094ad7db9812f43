// The wasm loads when the reader first needs it (assets/boot.js): not at all for a page that is
// only looked at, at once for a first click, whose effect is not lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const wasmRequested = (log) => log.requests.some((u) => u.endsWith('.wasm'));

test('a page that is only looked at loads no wasm; the first interaction loads it', async () => {
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  await page.waitForTimeout(1500);
  assert.equal(wasmRequested(log), false, 'no wasm before any interaction');
  assert.equal(await page.$('html[data-hydrated]'), null);
  await page.mouse.wheel(0, 400);
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 20000 });
  assert.equal(wasmRequested(log), true);
  await context.close();
});

test('a click on a mention before the wasm is ready opens its card, not a jump to the index', async () => {
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  const mention = page.locator('#introduction-p2 .mention-person').first();
  // A click with no movement first, as from a keyboard-driven or very quick reader.
  await mention.dispatchEvent('click');
  await page.locator('.card-pinned').waitFor({ timeout: 20000 });
  assert.equal(new URL(page.url()).hash, '', 'the link was not followed');
  assert.deepEqual(log.errors, []);
  await context.close();
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
