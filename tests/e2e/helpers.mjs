// Shared set-up for the end-to-end suite: the built dist/ served on 127.0.0.1, headless Chromium
// (CHROMIUM_PATH, or Debian's: scripts/chromium.mjs) through playwright-core, and a record of
// console messages and requests per page.
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** Serves dist/ on a free port; returns { server, origin, url }. */
export async function serve({ base = '/', types = {} } = {}) {
  const server = await startServer(join(ROOT, 'dist'), 0, { base, types });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, url: origin + base };
}

/** Opens a page and records what it logs and requests. */
export async function open(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  // requests: every request, the offline worker's included; pageRequests: those the page made.
  const log = { console: [], errors: [], requests: [], pageRequests: [], csp: [] };
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  // Context-wide, so requests from frames (the embed tests) count too.
  context.on('request', (r) => {
    log.requests.push(r.url());
    if (!r.serviceWorker()) log.pageRequests.push(r.url());
  });
  // Every Content-Security-Policy violation in any page or frame of the context.
  await context.exposeBinding('__kirovCspViolation', (_source, v) => log.csp.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__kirovCspViolation(
      `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`));
  });
  // Privacy and the CSP, asserted in every test: closing the context fails if anything left
  // 127.0.0.1 or the page's Content-Security-Policy blocked anything.
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    const foreign = log.requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== '127.0.0.1');
    if (foreign.length) throw new Error(`requests left 127.0.0.1: ${[...new Set(foreign)].join(', ')}`);
    if (log.csp.length) throw new Error(`Content-Security-Policy violations: ${[...new Set(log.csp)].join('; ')}`);
  };
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, log };
}

/** Waits until the page is interactive. The wasm loads on the reader's first interaction
 * (assets/boot.js), so this first presses Shift, as harmless a key as there is. */
export async function hydrated(page) {
  if (!(await page.$('html[data-hydrated="true"]'))) await page.keyboard.press('Shift');
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 20000 });
}

/** In presentation mode: hydrated, and the current slide shown (the slides' texts are a file the
 *  presenter fetches when it wakes, so they may come after the page is marked interactive). */
export async function presenting(page) {
  await hydrated(page);
  await page.waitForSelector('.slide.is-current', { timeout: 10000 });
}

/** Section titles straight from the content files, independent of the Rust pipeline. */
export function sectionTitles() {
  const dir = join(ROOT, 'data/essay');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').split('\n')[0].replace(/^# /, '').trim());
}

/** Every footnote label defined in the essay files. */
export function noteLabels() {
  const dir = join(ROOT, 'data/essay');
  return readdirSync(dir).filter((f) => f.endsWith('.md'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]));
}

/** Person ids in data/cast.toml, in file order. */
export function personIds() {
  const text = readFileSync(join(ROOT, 'data/cast.toml'), 'utf8');
  return text.split(/^\[\[person\]\]$/m).slice(1).map((block) => block.match(/^id = "([^"]+)"/m)[1]);
}

/** Rows of a dataset file, parsed independently of the Rust pipeline (RFC 4180). */
export function csvRows(text) {
  const rows = []; let row = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function dataset(id) {
  return readFileSync(join(ROOT, `data/datasets/${id}.csv`), 'utf8');
}

/** Runs axe-core (from npm) on the page; returns its violations. */
export async function axe(page, options = {}) {
  // Evaluated through DevTools rather than added as a <script>, which the page's strict CSP
  // (rightly) refuses.
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.evaluate(`${readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')};true`);
  }
  return page.evaluate(async (opts) => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], ...opts });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, options);
}

/** Scrolls an element to the top of the viewport (Playwright's own helper skips tall ones). */
export async function scrollTo(page, selector) {
  await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), selector);
}

/** Figure ids in data/figures.toml, in file order. */
export function figureIds() {
  const text = readFileSync(join(ROOT, 'data/figures.toml'), 'utf8');
  return [...text.matchAll(/^\[\[figure\]\]\s*\nid = "([^"]+)"/gm)].map((m) => m[1]);
}
