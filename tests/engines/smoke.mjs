// The smoke suite every engine runs (firefox.test.mjs, webkit.test.mjs): what a reader needs,
// in the engine's own words through WebDriver. The prose reads before any script; the first
// gesture hydrates the page; a card opens by focus and by hover; a figure draws; presentation
// mode moves on a key; the frame embed grows to the essay. Every page is checked for Rust panics
// (the panic hook's count) and for console errors and warnings, uncaught errors and CSP reports,
// recorded from the moment the page has loaded (WebDriver classic has no console log in these
// engines, so the suite listens in the page itself, before the wasm starts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { startServer } from '../../scripts/serve.mjs';
import { startEngine } from './driver.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Section titles straight from the content files. */
function sectionTitles() {
  const dir = join(ROOT, 'data/essay');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').split('\n')[0].replace(/^# /, '').trim());
}

/** Listens in the page for what would be a console error in Chromium. Run once per page load. */
const RECORD = `
  if (!window.__kirovLog) {
    const log = window.__kirovLog = [];
    for (const kind of ['error', 'warn']) {
      const original = console[kind].bind(console);
      console[kind] = (...args) => { log.push(kind + ': ' + args.map(String).join(' ')); original(...args); };
    }
    addEventListener('error', (e) => log.push('uncaught: ' + e.message));
    addEventListener('unhandledrejection', (e) => log.push('rejection: ' + e.reason));
    document.addEventListener('securitypolicyviolation', (e) => log.push('csp: ' + e.effectiveDirective + ' ' + e.blockedURI));
  }`;

const hydratedNow = (driver) => driver.executeScript('return document.documentElement.dataset.hydrated === "true"');

export function smokeSuite(engine) {
  let browser, server, url, host, hostUrl;
  before(async () => {
    server = await startServer(join(ROOT, 'dist'), 0, {});
    url = `http://127.0.0.1:${server.address().port}/`;
    const page = readFileSync(join(ROOT, 'tests/e2e/hosts/iframe-host.html'), 'utf8')
      .replace('ESSAY_URL', url).replace('ESSAY_BASE', url);
    host = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
    await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
    hostUrl = `http://127.0.0.1:${host.address().port}/`;
    browser = await startEngine(engine);
  });
  after(async () => { await browser?.quit(); server?.close(); host?.close(); });

  /** Loads `address` and starts listening for errors. */
  async function load(address) {
    await browser.driver.get(address);
    await browser.driver.executeScript(RECORD);
  }

  /** The first gesture: Shift, as harmless a key as there is; then waits for the wasm. */
  async function hydrate() {
    const { driver } = browser;
    if (!(await hydratedNow(driver))) await driver.actions().keyDown(Key.SHIFT).keyUp(Key.SHIFT).perform();
    await driver.wait(() => hydratedNow(driver), 20000, 'the page hydrated');
  }

  /** No panic and nothing in the error log of the current page. */
  async function clean() {
    const [log, panics] = await browser.driver.executeScript(
      'return [window.__kirovLog || [], document.documentElement.getAttribute("data-panics")]');
    assert.deepEqual(log, [], `${engine}: console errors or warnings`);
    assert.equal(panics, null, `${engine}: Rust panics`);
  }

  test(`${engine}: the prose is readable before any script runs`, async () => {
    await load(url);
    const { driver } = browser;
    const headings = await driver.executeScript(
      'return [...document.querySelectorAll(".essay-section h2")].map((h) => h.textContent)');
    const titles = sectionTitles();
    assert.equal(headings.length, titles.length);
    titles.forEach((t, i) => assert.ok(headings[i].includes(t), `${headings[i]} has ${t}`));
    const paragraphs = await driver.findElements(By.css('.essay-section p[id]'));
    assert.ok(paragraphs.length > 100, `${paragraphs.length} paragraphs`);
    const first = await paragraphs[0].getText();
    assert.ok(first.length > 100, 'the first paragraph is shown, as text');
    assert.equal(await hydratedNow(driver), false, 'no wasm started for a page that is only read');
    await clean();
    // The listener hears what it is there for.
    await driver.executeScript('console.error("a probe")');
    assert.deepEqual(await driver.executeScript('return window.__kirovLog.splice(0)'), ['error: a probe']);
  });

  test(`${engine}: the page hydrates after the first gesture`, async () => {
    await load(url);
    await hydrate();
    await clean();
  });

  test(`${engine}: a person's card opens by focus and by hover, and Esc closes it`, async () => {
    await load(url);
    await hydrate();
    const { driver } = browser;
    const mentions = await driver.findElements(By.css('.essay-section .mention-person'));
    const mention = mentions[3];
    const name = await driver.executeScript(
      'arguments[0].scrollIntoView({ block: "center" }); arguments[0].focus(); return arguments[0].dataset.person', mention);
    await driver.wait(async () => (await driver.findElements(By.css('.card'))).length > 0, 3000, 'a card on focus');
    const card = await driver.findElement(By.css('.card'));
    assert.ok((await card.getText()).length > 20, `the card of ${name} has text`);
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await driver.wait(async () => (await driver.findElements(By.css('.card'))).length === 0, 3000, 'Esc closes it');
    // Hover: onto another name, and wait out the open delay.
    const other = mentions[6];
    await driver.executeScript('document.activeElement.blur(); arguments[0].scrollIntoView({ block: "center" })', other);
    await driver.actions().move({ origin: other }).perform();
    await driver.wait(async () => (await driver.findElements(By.css('.card'))).length > 0, 3000, 'a card on hover');
    await clean();
  });

  test(`${engine}: a figure draws its chart`, async () => {
    await load(url);
    await hydrate();
    const { driver } = browser;
    await driver.executeScript('document.querySelector("#fig-plan-tractors").scrollIntoView()');
    await driver.wait(async () => (await driver.findElements(By.css('#fig-plan-tractors .chart svg path'))).length > 2,
      20000, 'the chart is drawn');
    const marks = await driver.executeScript(
      'return document.querySelectorAll("#fig-plan-tractors .chart svg [ecmeta_series_index], #fig-plan-tractors .chart svg path").length');
    assert.ok(marks > 2, `${marks} marks`);
    await clean();
  });

  test(`${engine}: presentation mode moves on a key`, async () => {
    await load(`${url}?mode=present#slide-2`);
    await hydrate();
    const { driver } = browser;
    await driver.wait(async () => (await driver.findElements(By.css('.kirov[data-mode="present"] .presenter-position'))).length > 0,
      5000, 'slides shown');
    await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
    await driver.wait(async () => (await driver.executeScript('return location.hash')) === '#slide-3', 3000, 'on slide 3');
    assert.match(await driver.findElement(By.css('.presenter-position')).getText(), / 3 of \d+$/);
    await clean();
  });

  test(`${engine}: the frame embed on another origin grows to the essay's height`, async () => {
    await load(hostUrl);
    const { driver } = browser;
    await driver.wait(async () => (await driver.executeScript(
      'return document.querySelector("iframe").getBoundingClientRect().height')) > 5000, 20000, 'the frame grew');
    const iframe = await driver.findElement(By.css('iframe'));
    /** The frame's height on the host page, and the essay's own height inside it. */
    const heights = async () => {
      const frame = await driver.executeScript('return document.querySelector("iframe").getBoundingClientRect().height');
      await driver.switchTo().frame(iframe);
      const inner = await driver.executeScript(
        'return [document.documentElement.scrollHeight, document.documentElement.dataset.hydrated, document.documentElement.getAttribute("data-panics")]');
      await driver.switchTo().defaultContent();
      return [frame, ...inner];
    };
    // Lazily laid-out sections settle their height as the essay renders, and the tools' half
    // hydrates after the card layer's (which already reports the height); the frame follows.
    let last;
    await driver.wait(async () => {
      last = await heights();
      return Math.abs(last[0] - last[1]) <= 2 && last[2] === 'true';
    }, 10000).catch(() => {});
    const [frame, essay, hydrated, panics] = last;
    assert.equal(hydrated, 'true');
    assert.equal(panics, null);
    assert.ok(Math.abs(frame - essay) <= 2, `frame ${frame}px, essay ${essay}px`);
    await clean();
  });
}
