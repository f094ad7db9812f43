// Screenshots of presentation mode as a room sees it, for judging by eye:
//   node scripts/classroom-shots.mjs [out-dir]
// A text slide, a chart slide, the overview and the presenter console at 1024×768 and 1920×1080.
import { launch, serve, open, hydrated } from '../tests/e2e/helpers.mjs';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] || 'tests/e2e/artifacts/classroom';
mkdirSync(out, { recursive: true });
const browser = await launch();
const site = await serve();
const at = (page, n) => page.waitForFunction((n) => location.hash === `#slide-${n}`, n, { timeout: 5000 });
for (const [width, height] of [[1024, 768], [1920, 1080]]) {
  const size = `${width}x${height}`;
  const { context, page } = await open(browser, site.url + '?mode=present#slide-1', { viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await hydrated(page);
  await at(page, 1);
  await page.screenshot({ path: `${out}/text-slide-${size}.png` });
  const chart = await page.$eval('.slide:has(.slide-chart)', (s) => Number(s.dataset.slide));
  await page.keyboard.type(String(chart));
  await page.keyboard.press('Enter');
  await at(page, chart);
  await page.waitForSelector('.slide.is-current .slide-chart svg text', { timeout: 15000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/chart-slide-${size}.png` });
  await page.keyboard.press('o');
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/overview-${size}.png` });
  await page.keyboard.press('o');
  const [console_] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await console_.setViewportSize({ width, height });
  await hydrated(console_);
  await console_.waitForSelector('.console-now .slide-chart svg text', { timeout: 15000 });
  await console_.waitForTimeout(400);
  await console_.screenshot({ path: `${out}/console-${size}.png` });
  await context.close();
  for (const f of ['text-slide', 'chart-slide', 'overview', 'console']) console.log(`${out}/${f}-${size}.png`);
}
await browser.close();
site.server.close();
