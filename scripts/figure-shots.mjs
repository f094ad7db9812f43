// Screenshots of every figure's chart, for comparing a change by eye (and by pixels):
//   node scripts/figure-shots.mjs [out-dir]
// Each figure at 360, 608 and 1920 px wide in the light and dark themes, and each figure slide
// of presentation mode (the projector theme) at 1920×1080. Reads the built dist/.
import { launch, serve, open, hydrated, figureIds } from '../tests/e2e/helpers.mjs';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] || 'tests/e2e/artifacts/figures';
mkdirSync(out, { recursive: true });
const browser = await launch();
const site = await serve();

for (const scheme of ['light', 'dark']) {
  for (const width of [360, 608, 1920]) {
    const { context, page } = await open(browser, site.url, { viewport: { width, height: 1000 }, colorScheme: scheme, reducedMotion: 'reduce' });
    await hydrated(page);
    for (const id of figureIds()) {
      const figure = page.locator(`#fig-${id}`);
      // The chart sits at the figure's top; a tall figure (its table open) centred would leave it far off screen.
      await figure.evaluate((f) => f.scrollIntoView({ block: 'start' }));
      const drawn = await page.waitForSelector(`#fig-${id} .chart svg`, { state: 'attached', timeout: 15000 }).then(() => true, () => false);
      if (!drawn) console.log(`${id}: no chart drawn at ${width} px (${scheme})`);
      await page.waitForTimeout(300);
      const file = `${out}/${id}-${scheme}-${width}.png`;
      await figure.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
}

// The projector theme: every slide that shows a figure.
const { context, page } = await open(browser, `${site.url}?mode=present#slide-1`, { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
await hydrated(page);
for (let n = 1; n <= 60; n++) {
  if ((await page.locator('.presenter-position').innerText()).startsWith('Figure')) {
    await page.waitForSelector('.slide.is-current .slide-chart svg', { timeout: 15000 });
    await page.waitForTimeout(300);
    const id = await page.$eval('.slide.is-current [data-figure]', (f) => f.dataset.figure);
    const file = `${out}/${id}-projector.png`;
    await page.screenshot({ path: file });
    console.log(file);
  }
  const before = page.url();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(150);
  if (page.url() === before) break;
}
await context.close();
await browser.close();
site.server.close();
