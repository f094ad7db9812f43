// Presentation slides at the projector sizes classrooms have: every slide of the plan fits the
// screen above the slide bar (nothing scrolls, nothing is clipped, chart labels included), body
// type is 32 px at 1920×1080 and scales with the screen's height below. What the slides show
// comes from the files the build wrote (slides.json, slide-charts.json), not from the wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, open, hydrated, presenting, ROOT } from './helpers.mjs';

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
    await presenting(page);
    await at(page, 1);
    // The slides come from slides.json, which may still be on its way when the address is set.
    await page.locator('.slide.is-current').waitFor({ timeout: 10000 });
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

test('the slides show what the build wrote into slides.json and draw charts from slide-charts.json; the wasm holds no slide rendering', async () => {
  const dist = join(ROOT, 'dist');
  const deck = JSON.parse(readFileSync(join(dist, 'slides.json'), 'utf8'));
  const charts = JSON.parse(readFileSync(join(dist, 'slide-charts.json'), 'utf8'));
  // What the browser is sent is what it shows: a word changed in the file shows on the slide.
  const { context, page, log } = await open(browser, 'about:blank', { viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  await page.route('**/slides.json', async (route) => {
    const sent = JSON.parse(JSON.stringify(deck));
    sent.slides[0].face = sent.slides[0].face.replace('<p class="slide-text">', '<p class="slide-text">Sent from the file. ');
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(sent) });
  });
  await page.goto(site.url + '?mode=present#slide-1');
  await presenting(page);
  await at(page, 1);
  assert.ok(log.pageRequests.some((u) => new URL(u).pathname.endsWith('/slides.json')), 'slides.json is fetched');
  assert.match(await page.locator('.slide.is-current .slide-text').innerText(), /^Sent from the file\. /);
  assert.equal(await page.locator('.slide').count(), deck.slides.length);
  const labels = await page.$$eval('.slide', (ss) => ss.map((s) => s.getAttribute('aria-label')));
  assert.deepEqual(labels, deck.slides.map((s, i) => `Slide ${i + 1} of ${deck.slides.length}: ${s.title}`));
  // A figure slide draws an option the build laid out: its worded labels are in that option.
  const n = deck.slides.findIndex((s) => s.figure) + 1;
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await at(page, n);
  await page.waitForSelector('.slide.is-current .slide-chart svg text', { timeout: 15000 });
  assert.ok(log.pageRequests.some((u) => new URL(u).pathname.endsWith('/slide-charts.json')), 'slide-charts.json is fetched');
  const drawn = await page.$$eval('.slide.is-current .slide-chart svg text', (ts) => ts.map((t) => t.textContent.trim()).filter((t) => /\p{L}{3}/u.test(t)));
  const options = charts[deck.slides[n - 1].figure].options.join('');
  assert.ok(drawn.length > 0 && drawn.every((t) => options.includes(JSON.stringify(t).slice(1, -1))), `drawn labels come from the file: ${drawn.slice(0, 5)}`);
  assert.deepEqual(log.errors, []);
  await context.close();
  // The wasm renders no slide: the classes only the build writes into the faces and notes are not in it.
  const bytes = readdirSync(dist).filter((f) => f.endsWith('.wasm')).map((f) => readFileSync(join(dist, f)).toString('latin1')).join('');
  for (const name of ['slide-continued', 'slide-kicker', 'notes-claim', 'notes-head']) assert.ok(!bytes.includes(name), `${name} is not in the wasm`);
});
