// Screenshots for looking at the result as a reader would:
//   node scripts/screenshots.mjs [out-dir] [#anchor ...]
// Phone 360×780, laptop 1280×800 and projector 1920×1080, with and without JavaScript.
import { launch, serve, open, hydrated } from '../tests/e2e/helpers.mjs';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] || 'tests/e2e/artifacts';
const anchors = process.argv.slice(3);
mkdirSync(out, { recursive: true });
const browser = await launch();
const site = await serve();
const sizes = { phone: [360, 780], laptop: [1280, 800], projector: [1920, 1080] };
for (const [name, [width, height]] of Object.entries(sizes)) {
  for (const js of [true, false]) {
    for (const anchor of ['', ...anchors]) {
      const { context, page } = await open(browser, site.url + anchor, { viewport: { width, height }, javaScriptEnabled: js, deviceScaleFactor: 1 });
      if (js) await hydrated(page);
      await page.waitForTimeout(200);
      const file = `${out}/${name}${js ? '' : '-nojs'}${anchor.replace(/[#/]/g, '-')}.png`;
      await page.screenshot({ path: file });
      await context.close();
      console.log(file);
    }
  }
}
await browser.close();
site.server.close();
