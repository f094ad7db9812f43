// Charts drawn at build time (src/chart_prerender.rs): every figure shows its chart with
// JavaScript off, under the strict CSP, in the reader's theme, and the page makes it interactive
// in place: the same SVG node, no layout shift, no chart library.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated, scrollTo, figureIds } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const laptop = { viewport: { width: 1280, height: 800 } };
const phone = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

/** The chart SVG the reader sees in a figure: its width, and how many marks it draws. */
const shown = (page, id) => page.$$eval(`#fig-${id} .chart-svg`, (svgs) => svgs
  .map((s) => ({ width: s.getBoundingClientRect().width, height: s.getBoundingClientRect().height, drawn: Number(s.dataset.width), marks: s.querySelectorAll('[ecmeta_ssr_type="chart"]').length }))
  .filter((s) => s.width > 0));

test('with JavaScript off every figure shows its chart, and its table under it', async () => {
  for (const profile of [laptop, phone]) {
    const { context, page, log } = await open(browser, site.url, { ...profile, javaScriptEnabled: false });
    for (const id of figureIds()) {
      await page.locator(`#fig-${id}`).scrollIntoViewIfNeeded();
      const svgs = await shown(page, id);
      assert.equal(svgs.length, 1, `${id}: one chart shows`);
      assert.ok(svgs[0].marks > 0 && svgs[0].height > 100, `${id}: a chart with marks ${JSON.stringify(svgs[0])}`);
      assert.ok(await page.locator(`#fig-${id} .figure-data table`).isVisible(), `${id}: the table is open`);
    }
    // The phone sees the phone's drawing, the laptop the column's.
    const widths = await Promise.all(figureIds().map(async (id) => (await shown(page, id))[0].drawn));
    assert.ok(widths.every((w) => w === (profile === phone ? 328 : 608)), `drawn at ${widths}`);
    assert.equal(log.csp.length, 0, `no CSP report: ${log.csp}`);
    await context.close();
  }
});

test('no Content-Security-Policy violation from the charts, with or without the script', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const { context, page, log } = await open(browser, site.url, { ...laptop, javaScriptEnabled });
    if (javaScriptEnabled) await hydrated(page);
    for (const id of figureIds()) await page.locator(`#fig-${id}`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    assert.deepEqual(log.csp, [], 'securitypolicyviolation events');
    await context.close();
  }
});

test('the marks follow the theme: dark recolours them to the dark tokens with no redraw', async () => {
  const { context, page } = await open(browser, site.url, { ...laptop, colorScheme: 'light' });
  await hydrated(page);
  await scrollTo(page, '#fig-workforce-growth');
  const fill = () => page.evaluate(() => {
    const svg = [...document.querySelectorAll('#fig-workforce-growth .chart-svg')].find((s) => s.getBoundingClientRect().width > 0);
    const mark = svg.querySelector('[ecmeta_ssr_type="chart"].kc-fill-c1');
    const token = getComputedStyle(document.querySelector('.kirov')).getPropertyValue('--chart-1').trim();
    const probe = document.createElement('span');
    probe.style.color = token;
    document.body.append(probe);
    const expected = getComputedStyle(probe).color;
    probe.remove();
    return { fill: getComputedStyle(mark).fill, expected, text: getComputedStyle(svg.querySelector('text.kc-fill-text, text.kc-fill-muted')).fill };
  });
  const svgBefore = await page.evaluateHandle(() => document.querySelector('#fig-workforce-growth .chart-svg[data-width="608"]'));
  const light = await fill();
  assert.equal(light.fill, light.expected, 'light: the mark has the token colour');
  assert.equal(light.fill, 'rgb(0, 114, 178)');
  await page.locator('.reader-tools button[aria-label="Dark colour theme"]').click();
  await page.waitForTimeout(200);
  const dark = await fill();
  assert.notEqual(dark.fill, light.fill, 'dark differs from light');
  assert.equal(dark.fill, dark.expected, 'dark: the mark has the dark token');
  assert.equal(dark.fill, 'rgb(86, 180, 233)');
  assert.notEqual(dark.text, light.text, 'the chart text follows the theme too');
  const same = await page.evaluate((old) => old === document.querySelector('#fig-workforce-growth .chart-svg[data-width="608"]') && old.isConnected, svgBefore);
  assert.ok(same, 'the same SVG, recoloured, not redrawn');
  await context.close();
});

test('hover, tap and the keyboard work on the drawn SVG in place, with no layout shift', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await page.evaluate(() => {
    // CLS counts shifts without recent input; and any shift at all, outside the tooltip itself
    // (a pinned tooltip rewraps its own lines), would be the chart or the page moving.
    window.__shift = 0;
    window.__moved = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__shift += e.value;
        for (const s of e.sources) if (s.node && !s.node.closest?.('.chart-tip')) window.__moved.push(String(s.node.nodeName));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const id = 'plan-tractors';
  await page.locator(`#fig-${id}`).evaluate((f) => f.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  const before = await page.evaluateHandle((id) => document.querySelector(`#fig-${id} .chart-svg[data-width="608"]`), id);
  await hydrated(page);
  await page.waitForTimeout(500);
  // Keyboard: arrow keys step through the data, the stepped mark stands and the rest dims.
  await page.locator(`#fig-${id} .chart`).focus();
  await page.keyboard.press('ArrowRight');
  const tip = page.locator(`#fig-${id} .chart-tip`);
  await tip.waitFor({ timeout: 3000 });
  const first = await tip.innerText();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  assert.notEqual(await tip.innerText(), first, 'the next datum');
  const picked = await page.$$eval(`#fig-${id} .chart-svg[data-width="608"] .is-picked`, (els) => els.length);
  assert.ok(picked > 0, 'the stepped datum is picked');
  await page.keyboard.press('Escape');
  assert.equal(await tip.count(), 0);
  assert.equal(await page.$$eval(`#fig-${id} .is-emphasising`, (els) => els.length), 0, 'Escape releases the emphasis');
  // Pointer: hovering a bar opens its tooltip.
  const bar = await page.evaluate((id) => {
    const svg = document.querySelector(`#fig-${id} .chart-svg[data-width="608"]`);
    const b = [...svg.querySelectorAll('[ecmeta_ssr_type="chart"]')].map((p) => p.getBoundingClientRect()).find((r) => r.width > 20 && r.height > 6);
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, id);
  await page.mouse.move(bar.x, bar.y);
  await tip.waitFor({ timeout: 3000 });
  assert.match(await tip.innerText(), /tractors/);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(100);
  assert.equal(await tip.count(), 0, 'leaving the chart closes an unpinned tooltip');
  await page.mouse.click(bar.x, bar.y);
  await page.locator(`#fig-${id} .chart-tip.pinned`).waitFor({ timeout: 3000 });
  const same = await page.evaluate((old) => old === document.querySelector(`#${old.closest("figure").id} .chart-svg[data-width="608"]`) && old.isConnected, before);
  assert.ok(same, 'the SVG is the node the page was served with');
  assert.equal(await page.evaluate(() => window.__shift), 0, 'no layout shift through load and interaction (CLS 0)');
  assert.deepEqual(await page.evaluate(() => window.__moved), [], 'nothing outside the tooltip moved');
  await context.close();
});
