// The journal embed as a script: <kirov-essay> mounts into Shadow DOM on a hostile host page of
// another origin, with the bundle served from a sub-path. Styles stay isolated both ways, the
// essay fits the host's 680 px column, and cards, charts and in-essay links work in the shadow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launch, serve, open, hydrated, ROOT } from './helpers.mjs';

let browser, sub, host, hostUrl;
before(async () => {
  browser = await launch();
  sub = await serve({ base: '/some/sub/path/' });
  const page = readFileSync(join(ROOT, 'tests/e2e/hosts/element-host.html'), 'utf8').replace('ESSAY_BASE', sub.url);
  host = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${host.address().port}/`;
});
after(async () => { await browser?.close(); sub?.server.close(); host?.close(); });

async function mounted(page) {
  await page.waitForSelector('kirov-essay[data-hydrated="true"]', { timeout: 20000 });
}

/** Computed styles of the essay's first paragraph and a few elements, in page or shadow. */
function essayStyles(root) {
  const pick = (el, props) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el)[p]]));
  const text = ['fontFamily', 'fontSize', 'lineHeight', 'color', 'letterSpacing', 'textTransform', 'marginTop'];
  return {
    paragraph: pick(root.querySelector('.essay-section p'), text),
    heading: pick(root.querySelector('.essay-section h2'), text),
    mention: pick(root.querySelector('.mention-person'), ['color', 'fontFamily']),
    tools: pick(root.querySelector('.reader-tools'), ['display', 'paddingLeft']),
    notes: pick(root.querySelector('#notes'), ['display', 'paddingLeft']),
  };
}

test('<kirov-essay> on a hostile host: isolated styles both ways, inside the 680 px column', async () => {
  const own = await open(browser, sub.url, { viewport: { width: 680, height: 800 } });
  await hydrated(own.page);
  const expected = await own.page.evaluate(`(${essayStyles})(document)`);
  await own.context.close();

  const { context, page, log } = await open(browser, hostUrl, { viewport: { width: 1280, height: 800 } });
  await mounted(page);
  const got = await page.$eval('kirov-essay', (el, fn) => (0, eval)(`(${fn})`)(el.shadowRoot), essayStyles.toString());
  assert.deepEqual(got, expected, 'the host CSS does not reach the essay');
  // The essay does not restyle the host: its stylesheet lives only in the shadow root.
  assert.equal(await page.evaluate(() => document.styleSheets.length), 1);
  assert.deepEqual(await page.$eval('#host-paragraph', (p) => [getComputedStyle(p).fontSize, getComputedStyle(p).textTransform]), ['28px', 'uppercase']);
  // Inside the column: nothing wider than 680 px, nothing scrolls sideways.
  const box = await page.$eval('kirov-essay', (el) => {
    const k = el.shadowRoot.querySelector('.kirov');
    return { width: k.getBoundingClientRect().width, scroll: k.scrollWidth, client: k.clientWidth, doc: document.documentElement.scrollWidth };
  });
  assert.ok(box.width <= 680, `essay ${box.width}px wide`);
  assert.equal(box.scroll, box.client, 'no horizontal overflow in the essay');
  assert.equal(box.doc, 1280, 'the host page does not scroll sideways');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  await context.close();
});

test('in the shadow root, cards open, charts draw and in-essay links scroll to their target', async () => {
  const { context, page, log } = await open(browser, hostUrl, { viewport: { width: 1280, height: 800 } });
  await mounted(page);
  // A card: Playwright's locators pierce the open shadow root.
  const mention = page.locator('.essay-section .mention-person').first();
  await mention.click();
  const card = page.locator('.card-pinned');
  await card.waitFor({ timeout: 5000 });
  assert.ok((await card.innerText()).length > 40, 'the card has its content');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached', timeout: 5000 });
  assert.equal(await page.$eval('kirov-essay', (el) => el.shadowRoot.activeElement?.dataset.person), await mention.getAttribute('data-person'), 'focus returned to the trigger');
  // A chart, drawn at build time: it shows in the shadow root, themed by the one stylesheet,
  // and steps by keyboard with no chart library fetched.
  await page.locator('.figure').first().scrollIntoViewIfNeeded();
  await page.locator('.chart-frame svg:visible').first().waitFor({ timeout: 10000 });
  const chart = page.locator('.figure .chart').first();
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('.figure .chart-tip').first().waitFor({ timeout: 5000 });
  await page.keyboard.press('Escape');
  assert.ok(!log.requests.some((u) => u.includes('echarts')), 'no chart library in the reading view');
  // A contents link: the browser cannot see into the shadow root, so the essay scrolls itself.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.toc a[href="#last-years"]').click();
  await page.waitForFunction(() => {
    const t = document.querySelector('kirov-essay').shadowRoot.getElementById('last-years').getBoundingClientRect().top;
    return Math.abs(t) < 40;
  }, null, { timeout: 5000 });
  assert.equal(new URL(page.url()).hash, '#last-years');
  // Where am I, in the element too: the contents mark the section, the bar shows the progress.
  await page.waitForSelector('.toc a[href="#last-years"][aria-current="location"]', { state: 'attached', timeout: 2000 });
  const done = await page.$eval('kirov-essay', (el) => new DOMMatrix(getComputedStyle(el.shadowRoot.querySelector('.reading-progress-bar')).transform).a);
  assert.ok(done > 0.3 && done < 1, `the reading progress is part way (${done})`);
  assert.equal(await page.$eval('kirov-essay', (el) => el.dataset.panics ?? '0'), '0');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a second <kirov-essay> on the page says why it stays empty', async () => {
  const { context, page } = await open(browser, hostUrl, { viewport: { width: 1280, height: 800 } });
  await mounted(page);
  const text = await page.evaluate(() => {
    const second = document.createElement('kirov-essay');
    document.body.append(second);
    return second.shadowRoot.textContent;
  });
  assert.match(text, /Only one <kirov-essay>/);
  await context.close();
});
