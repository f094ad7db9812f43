// Presentation slides at the projector sizes classrooms have: every slide of the plan fits the
// screen above the slide bar (nothing scrolls, nothing is clipped, chart labels included), body
// type is 32 px at 1920×1080 and scales with the screen's height below.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const SIZES = [[1024, 768], [1280, 720], [1366, 768], [1920, 1080]];

/** Waits (up to 3 s) for the address to name slide n: the URL follows the slide in an effect. */
const at = (page, n) => page.waitForFunction((n) => location.hash === `#slide-${n}`, n, { timeout: 3000 });

/** Everything on the current slide that leaves the screen or runs under the bar, in px. */
function overflow() {
  const slide = document.querySelector('.slide.is-current');
  const bar = document.querySelector('.presenter-bar').getBoundingClientRect();
  const floor = Math.min(innerHeight, bar.top);
  const out = [];
  for (const el of slide.querySelectorAll('*')) {
    const b = el.getBoundingClientRect();
    if (b.width === 0 && b.height === 0) continue;
    if (el.closest('.visually-hidden')) continue;
    const past = Math.max(b.bottom - floor, b.right - innerWidth, -b.left, -b.top);
    if (past > 1) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''} "${(el.textContent || '').slice(0, 30)}" by ${Math.round(past)} px`);
  }
  if (slide.scrollHeight > slide.clientHeight + 1) out.push(`the slide scrolls by ${slide.scrollHeight - slide.clientHeight} px`);
  if (document.documentElement.scrollHeight > innerHeight + 1) out.push('the page scrolls');
  return out;
}

for (const [width, height] of SIZES) {
  test(`every slide fits ${width}×${height} above the slide bar, charts and their labels included`, async () => {
    const { context, page, log } = await open(browser, site.url + '?mode=present#slide-1', { viewport: { width, height }, reducedMotion: 'reduce' });
    await hydrated(page);
    await at(page, 1);
    const total = await page.locator('.slide').count();
    assert.ok(total > 20, `${total} slides`);
    const problems = [];
    for (let n = 1; n <= total; n++) {
      if (n > 1) { await page.keyboard.press('ArrowRight'); await at(page, n); }
      if (await page.locator('.slide.is-current .slide-chart').count()) {
        await page.waitForSelector('.slide.is-current .slide-chart svg text', { timeout: 15000 });
        await page.waitForTimeout(150);
      }
      for (const p of await page.evaluate(overflow)) problems.push(`slide ${n}: ${p}`);
    }
    assert.deepEqual(problems, []);
    // Body type: 32 px at 1080 px high, in proportion below (a 4:3 screen is also its width's).
    const size = await page.evaluate(() => {
      document.querySelector('.slide.is-current')?.classList.remove('is-current');
      const p = document.querySelector('.slide .slide-text');
      p.closest('.slide').classList.add('is-current');
      return parseFloat(getComputedStyle(p).fontSize);
    });
    assert.ok(Math.abs(size - Math.min(height / 33.75, width / 45)) < 0.5, `body text ${size}px at ${width}×${height}`);
    if (height === 1080) assert.ok(size >= 32);
    // The check itself sees a slide that does not fit: type three times the size runs off.
    await page.keyboard.press('Home');
    await at(page, 1);
    await page.evaluate(() => document.querySelector('.slide.is-current .slide-text').style.setProperty('font-size', '3em'));
    assert.ok((await page.evaluate(overflow)).length > 0, 'an oversized slide is reported');
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}
