#!/usr/bin/env node
// The performance bench (not a test: it prints figures and targets, and never fails on them).
//
//   make bench                          build, then measure (runs scripts/setup.sh build first)
//   node scripts/bench.mjs [--no-build] [--runs N] [--chart-passes N]
//
// What it does, in order:
//   1. `trunk build --release --offline` (skipped with --no-build).
//   2. Writes dist/floor.html: the same prerendered page with every <script> and every
//      <link rel="preload"|"modulepreload"> removed. Same prose, same CSS, no JS, no wasm. It is
//      the "floor": the fastest this content can be with our styles, so our page is judged by the
//      ratio ours ÷ floor rather than by absolute numbers that depend on the machine.
//   3. Precompresses dist's text and wasm assets to .br and .gz (scripts/precompress.mjs, as
//      `make build` does), which scripts/serve.mjs serves when the browser accepts them.
//   4. Copies dist/ to target/bench/site/ and serves that copy on 127.0.0.1 (other engineers may
//      run trunk in this tree meanwhile, which would replace dist/ under our feet).
//   5. Lighthouse (pinned, installed here with --no-save if missing), mobile emulation and
//      simulated throttling (its defaults), performance category only, N runs (default 5) of
//      index.html and floor.html, interleaved so that machine noise hits both alike.
//   6. playwright-core against the same server: card open latency, JS heap.
//   7. The phone profile (scripts/bench-phone.mjs): every figure of issue 15's table (what hydrates
//      first, scroll → tapped card, longest task, chart code to see and to interact with a chart,
//      chart draw times on a laptop, charts shown with JavaScript off), ours beside the floor's.
//   8. Prints every figure with its target (✓/✗) and writes target/bench/summary.json; the raw
//      Lighthouse reports are in target/bench/lighthouse/.
//
// One Chromium is used throughout: CHROMIUM_PATH, or Debian's /usr/bin/chromium
// (scripts/chromium.mjs); nothing here downloads a browser.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installProbe } from './bench-page.mjs';
import { measurePhoneProfile, PHONE, phoneProfileMarkdown, printPhoneProfile } from './bench-phone.mjs';
import { CHROMIUM_PATH } from './chromium.mjs';
import { precompress } from './precompress.mjs';
import { startServer } from './serve.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'target/bench');           // the served copy, raw reports, summary.json
const SITE = join(OUT, 'site');

const LIGHTHOUSE_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies.lighthouse;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const ECHARTS = 'echarts.common.min.js';
const KB = 1024;

// The targets printed next to each figure. `floor` is filled in from the floor's measurements.
const TARGETS = {
  lcpRatio: 1.05,          // LCP ≤ 1.05 × floor
  cls: 0.01,
  tbtMs: 50,
  perfScore: 98,
  bytesOverFloorGz: 90 * KB, // bytes before chart code ≤ floor + 90 KiB (gzip)
  cardOpenMs: 16,
  heapGrowth: 1024 * KB,   // ≤ 1 MiB
};

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };

const started = Date.now();
const step = (msg) => console.log(`\x1b[1m==> ${msg}\x1b[0m  (${Math.round((Date.now() - started) / 1000)} s)`);

// ---------------------------------------------------------------------------------------------
// The floor page
// ---------------------------------------------------------------------------------------------

/**
 * dist/index.html without JavaScript. This is string processing of our own, known file (Trunk's
 * output of index.html plus the prerendered body), not general HTML parsing:
 *   - every <script …>…</script> element that runs: the boot module (assets/boot.js), which
 *     loads the JS glue and the wasm (the prose is escaped text, so a literal "<script" cannot
 *     occur in it). Data blocks (`<script type="application/json">`, such as a figure's chart
 *     model) are not JavaScript and stay, as a browser without JavaScript would keep them inert;
 *   - the <meta name="kirov-essay-{cards,tools}-{glue,wasm}"> tags that name the two wasm halves' files;
 *   - any <link rel="preload"> and <link rel="modulepreload"> (the build removes Trunk's).
 * The <noscript> style stays; the stylesheets, icon and body are untouched.
 * Done in Node rather than in src/bin/prerender.rs so the floor is derived from exactly the
 * bytes that ship (after Trunk's asset hashing), with no second rendering path to keep in step.
 */
export function floorFrom(html) {
  const withoutScripts = (s) => s.replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (whole, attrs) => (runs(attrs) ? '' : whole));
  const floor = withoutScripts(html)
    .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)\b[^>]*>/gi, '')
    .replace(/<meta name="kirov-essay-(?:cards|tools)-(?:glue|wasm)"[^>]*>/g, '');
  // Guard against Trunk changing its output shape in a way the patterns above miss.
  if ([...floor.matchAll(/<script\b([^>]*)>/gi)].some((m) => runs(m[1]))) throw new Error('floor.html still contains a <script> that runs');
  if (/rel=["']?(?:modulepreload|preload)/i.test(floor)) throw new Error('floor.html still contains a preload link');
  if (/\.wasm\b/.test(floor)) throw new Error('floor.html still mentions the wasm');
  const body = (s) => s.slice(s.indexOf('<body'));
  // The boot module's tag, and the preloads of what it imports, end the body; everything else in
  // it is the same.
  const withoutBoot = (s) => withoutScripts(s).replace(/(?:<link\b[^>]*\brel=["']?modulepreload\b[^>]*>)+<\/body>/gi, '</body>');
  if (body(floor) !== body(withoutBoot(html))) throw new Error('floor.html body differs from index.html body');
  return floor;
}

/** Whether a <script> with these attributes runs: no type, a JavaScript type or "module" (HTML's rule). */
function runs(attrs) {
  const type = attrs.match(/\btype\s*=\s*["']?([^"'\s>]*)/i)?.[1].trim().toLowerCase();
  return !type || type === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(type) || type === 'text/jscript';
}

// ---------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------

/** { raw, gz, br } bytes of a file in `dir` (compressed sizes from its .gz/.br variants). */
function sizes(dir, f) {
  const size = (p) => (existsSync(p) ? statSync(p).size : NaN);
  return { raw: size(join(dir, f)), gz: size(join(dir, f + '.gz')), br: size(join(dir, f + '.br')) };
}
const sum = (list) => list.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });

/**
 * What a page loads before any chart code, read from its HTML. At load (`halves` empty): the page
 * itself, its stylesheets, icon and (ours) the boot module and what it imports; this is all a reader who has not yet
 * moved gets. With `halves`, also those wasm halves' JS glue and wasm, named in
 * <meta name="kirov-essay-{cards,tools}-{glue,wasm}">: the boot module downloads the card layer's
 * at idle after load (unless the browser asks to save data), and both once the reader
 * interacts. ECharts is requested later still, when a figure nears the viewport, and is never
 * referenced from the HTML. The <noscript> stylesheet is not loaded when JavaScript runs, so it
 * is not counted.
 */
function pageAssets(dir, page, { halves = [] } = {}) {
  const html = readFileSync(join(dir, page), 'utf8');
  const head = html.slice(0, html.indexOf('<body')).replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  const refs = new Set([...head.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]));
  // The boot module's tag ends the body.
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="\.\/([^"]+)"/g)) refs.add(src);
  for (const [, half, file] of head.matchAll(/<meta name="kirov-essay-(\w+)-(?:glue|wasm)" content="\.\/([^"]+)"/g)) {
    if (halves.includes(half)) refs.add(file);
  }
  refs.delete(ECHARTS);
  // A script's static imports load with it (boot.js imports warm-up.js).
  for (const f of [...refs].filter((r) => r.endsWith('.js') && existsSync(join(dir, r)))) {
    for (const [, imported] of readFileSync(join(dir, f), 'utf8').matchAll(/^import [^;]*? from '\.\/([^']+)'/gm)) refs.add(imported);
  }
  const files = [page, ...[...refs].filter((f) => existsSync(join(dir, f)))];
  return { files, total: sum(files.map((f) => sizes(dir, f))) };
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing
// ---------------------------------------------------------------------------------------------

function quantile(values, q) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const i = (v.length - 1) * q; const lo = Math.floor(i); const hi = Math.ceil(i);
  return v[lo] + (v[hi] - v[lo]) * (i - lo);
}
const median = (v) => quantile(v, 0.5);
const p95 = (v) => quantile(v, 0.95);

const fmtMs = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : '—');
const fmtBytes = (x) => (Number.isFinite(x) ? (Math.abs(x) >= 10 * KB ? `${(x / KB).toFixed(1)} KiB` : `${Math.round(x)} B`) : '—');
const fmtRatio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '—');
const mark = (ok) => (ok ? '✓' : '✗');

/** Prints an aligned table; each row is an array of cells. */
function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------
// Lighthouse
// ---------------------------------------------------------------------------------------------

/** Lighthouse, pinned in package.json (the 12.x line: 13.x needs Node ≥ 22, this machine has 20). */
function ensureLighthouse() {
  // Lighthouse is pinned in package.json / package-lock.json and installed by scripts/setup.sh.
  const pkg = join(ROOT, 'node_modules/lighthouse/package.json');
  const found = existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version;
  if (found !== LIGHTHOUSE_VERSION) {
    throw new Error(`lighthouse ${LIGHTHOUSE_VERSION} is not installed (found ${found || 'none'}): run scripts/setup.sh`);
  }
}

/** One Lighthouse run in a fresh Chromium profile; returns the figures we report. */
async function lighthouseRun(lighthouse, chromeLauncher, url, saveAs) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    writeFileSync(saveAs, result.report);
    const { audits, categories } = result.lhr;
    const requests = audits['network-requests']?.details?.items ?? [];
    const observed = audits.metrics?.details?.items?.[0] ?? {};
    return {
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      score: categories.performance.score * 100,
      bytes: audits['total-byte-weight'].numericValue,
      observedFcp: observed.observedFirstContentfulPaint,
      observedLcp: observed.observedLargestContentfulPaint,
      requests: requests.map((r) => r.url.split('/').pop()),
      echartsLoaded: requests.some((r) => r.url.endsWith(ECHARTS)),
      warnings: result.lhr.runWarnings,
    };
  } finally {
    await chrome.kill();
  }
}

async function runLighthouse(origin, runs) {
  ensureLighthouse();
  process.env.CHROME_PATH = CHROMIUM_PATH;  // chrome-launcher's own lookup, in case it is consulted
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const dir = join(OUT, 'lighthouse');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = { ours: [], floor: [] };
  for (let i = 1; i <= runs; i++) {
    for (const [key, page] of [['ours', 'index.html'], ['floor', 'floor.html']]) {
      const r = await lighthouseRun(lighthouse, chromeLauncher, `${origin}/${page}`, join(dir, `${key}-${i}.json`));
      out[key].push(r);
      console.log(`  lighthouse ${key.padEnd(5)} run ${i}/${runs}: FCP ${fmtMs(r.fcp)}, LCP ${fmtMs(r.lcp)}, TBT ${fmtMs(r.tbt)}, `
        + `CLS ${r.cls.toFixed(3)}, score ${Math.round(r.score)}, ${fmtBytes(r.bytes)} transferred`
        + (r.warnings?.length ? `  [warning: ${r.warnings.join('; ')}]` : ''));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Interaction figures (playwright-core)
// ---------------------------------------------------------------------------------------------

// Person mentions in the prose: `.essay-section [data-person]` outside figures. Mentions in figure
// captions are left out because once a figure's chart is drawn they lose their trigger id and
// focus no longer opens their card (seen 2026-11-29; a bug to fix in the app, not here).
const MENTIONS = '.essay-section [data-person]';

// Focus opens a preview once it has rested for the hover dwell (so Tabbing on through a
// paragraph covers nothing); the figures below are what the page takes beyond that wait. Read
// from the controller itself, so the bench never keeps its own copy.
const DWELL_MS = Number(readFileSync(new URL('../src/cards/controller.rs', import.meta.url), 'utf8')
  .match(/pub const DWELL_MS: u32 = (\d+);/)[1]);

/**
 * In the page: focus `count` person mentions spread across the essay, one at a time. For each,
 * the time from focus() until a `.card` is in the DOM (MutationObserver, so microtask-precise), and
 * until the animation frame after that (a requestAnimationFrame callback: the frame that paints it).
 * Then blur, which closes the preview, and wait until the card is gone.
 */
export async function cardCycles(page, count, { measure = true } = {}) {
  return page.evaluate(async ({ count, selector, measure, dwell }) => {
    const mentions = [...document.querySelectorAll(selector)].filter((el) => !el.closest('figure'));
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    // Resolves with the time `pred` first holds, or null after `timeout` ms.
    const until = (pred, timeout = 3000) => new Promise((resolve) => {
      if (pred()) { resolve(performance.now()); return; }
      const mo = new MutationObserver(() => { if (pred()) { mo.disconnect(); clearTimeout(t); resolve(performance.now()); } });
      const t = setTimeout(() => { mo.disconnect(); resolve(null); }, timeout);
      mo.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const card = () => document.querySelector('.card') !== null;
    const results = []; const missed = [];
    for (let i = 0; i < count; i++) {
      const el = mentions[Math.floor((i * mentions.length) / count) % mentions.length];
      const t0 = performance.now();
      const opened = until(card);
      el.focus();
      const tDom = await opened;
      if (tDom === null) { missed.push(el.id); el.blur(); continue; }  // reported, not fatal
      const tFrame = await nextFrame();
      if (measure) results.push({ dom: tDom - t0 - dwell, frame: tFrame - t0 - dwell });
      el.blur();
      if ((await until(() => !card())) === null) missed.push(`${el.id} (did not close)`);
      await nextFrame();
    }
    return { mentions: mentions.length, results, missed };
  }, { count, selector: MENTIONS, measure, dwell: DWELL_MS });
}

/**
 * In the page: scroll `#fig-<id>` into view with element.scrollIntoView() and wait (up to 20 s)
 * until its chart is shown, as scripts/bench-phone.mjs defines it. Returns the time from the
 * figure entering the viewport; `before` tells a chart that was shown before the scroll.
 */
export async function chartScrollIn(page, id) {
  await page.evaluate(installProbe);
  return page.evaluate((id) => window.__bench.bringIn(document.getElementById(`fig-${id}`), 20000, 0), id);
}

async function runInteractions(origin) {
  // Imported here so that the Lighthouse runs need neither playwright-core nor the tests.
  const { launch, open, hydrated, figureIds } = await import('../tests/e2e/helpers.mjs');
  const browser = await launch();
  try {
    const out = {};

    // Card open latency: 100 mentions, after 5 unmeasured warm-up opens.
    {
      const { context, page } = await open(browser, `${origin}/index.html`);
      await hydrated(page);
      await cardCycles(page, 5, { measure: false });
      const { mentions, results, missed } = await cardCycles(page, 100);
      out.cards = { mentions, missed, dom: results.map((r) => r.dom), frame: results.map((r) => r.frame) };
      await context.close();
    }

    // JS heap: after hydration (cold); after a warm-up that opens a card and draws every chart
    // once (ECharts itself is then in the heap); after 200 card open/close cycles and 20 chart
    // scroll-ins. Each reading follows forced garbage collection. Growth from warm to after is
    // what a leak would show; cold to after also counts ECharts and the drawn charts.
    {
      const { context, page } = await open(browser, `${origin}/index.html`);
      await hydrated(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const heap = async () => {
        for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
      };
      const top = () => page.evaluate(() => window.scrollTo(0, 0));
      const ids = figureIds();
      const cold = await heap();
      await cardCycles(page, 1, { measure: false });
      for (const id of ids) { await chartScrollIn(page, id); await page.waitForTimeout(300); }
      await top(); await page.waitForTimeout(300);
      const warm = await heap();
      const cardMisses = (await cardCycles(page, 200, { measure: false })).missed;
      for (let i = 0; i < 20; i++) {
        await top(); await page.waitForTimeout(100);
        await chartScrollIn(page, ids[i % ids.length]); await page.waitForTimeout(200);
      }
      await top(); await page.waitForTimeout(300);
      const after = await heap();
      out.heap = { cold, warm, after, cardMisses };
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const runs = Number(option('--runs', 5));

  // 1. Build.
  if (!flag('--no-build')) {
    step('trunk build --release --offline');
    const r = spawnSync('trunk', ['build', '--release', '--offline'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) { console.error('bench: the build failed'); process.exit(1); }
  }
  if (!existsSync(join(DIST, 'index.html'))) { console.error('bench: no dist/index.html (run without --no-build)'); process.exit(1); }

  // 2. The floor page.
  step('writing dist/floor.html (no scripts, no preloads)');
  writeFileSync(join(DIST, 'floor.html'), floorFrom(readFileSync(join(DIST, 'index.html'), 'utf8')));

  // 3. Precompression.
  step('precompressing dist/ to .br and .gz');
  await precompress(DIST);

  // 4. A stable copy to serve.
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  cpSync(DIST, SITE, { recursive: true });

  // Sizes, from the files.
  const ours = pageAssets(SITE, 'index.html');
  const oursIdle = pageAssets(SITE, 'index.html', { halves: ['cards'] });
  const oursInteractive = pageAssets(SITE, 'index.html', { halves: ['cards', 'tools'] });
  const floor = pageAssets(SITE, 'floor.html');
  // The two halves: the card layer's, which a first tap waits for, and the tools'.
  const halves = readdirSync(SITE).filter((f) => f.endsWith('.wasm')).sort();
  const wasm = sum(halves.map((f) => sizes(SITE, f)));
  const cardsHalf = sizes(SITE, halves.find((f) => f.startsWith('kirov-cards')));
  const echarts = sizes(SITE, ECHARTS);

  const server = await startServer(SITE, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let lh; let ix; let phone;
  try {
    step(`lighthouse ${LIGHTHOUSE_VERSION}: ${runs} runs each of index.html and floor.html (mobile, simulated throttling)`);
    lh = await runLighthouse(origin, runs);
    step('interaction figures (playwright-core, headless Chromium)');
    ix = await runInteractions(origin);
    step(`phone profile (${PHONE.name}): ${runs} runs each of index.html and floor.html`);
    const { launch } = await import('../tests/e2e/helpers.mjs');
    const browser = await launch();
    try {
      phone = await measurePhoneProfile({ browser, origin, site: SITE, root: ROOT, runs, chartPasses: Number(option('--chart-passes', 1)) });
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
  }

  // ---- Report ----
  const chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`\n\x1b[1mBench\x1b[0m  ${new Date().toISOString().slice(0, 10)}  ${chromium}  lighthouse ${LIGHTHOUSE_VERSION}  `
    + `${(await import('node:os')).cpus().length} cores  ${runs} runs each\n`);

  const m = (key, field) => median(lh[key].map((r) => r[field]));
  const rows = [];
  const metric = (name, field, fmt, target) => {
    const o = m('ours', field); const f = m('floor', field);
    const t = target ? target(o, f) : null;
    rows.push([name, fmt(o), fmt(f), fmtRatio(o, f), t ? `${t.text} ${mark(t.ok)}` : '']);
  };
  metric('FCP', 'fcp', fmtMs);
  metric('LCP', 'lcp', fmtMs, (o, f) => ({ ok: o <= TARGETS.lcpRatio * f, text: `≤ ${TARGETS.lcpRatio} × floor` }));
  metric('TBT', 'tbt', fmtMs, (o) => ({ ok: o <= TARGETS.tbtMs, text: `≤ ${TARGETS.tbtMs} ms` }));
  metric('CLS', 'cls', (x) => x.toFixed(3), (o) => ({ ok: o <= TARGETS.cls, text: `≤ ${TARGETS.cls}` }));
  metric('Performance score', 'score', (x) => String(Math.round(x)), (o) => ({ ok: o >= TARGETS.perfScore, text: `≥ ${TARGETS.perfScore}` }));
  metric('FCP, observed (unthrottled)', 'observedFcp', fmtMs);
  metric('LCP, observed (unthrottled)', 'observedLcp', fmtMs);
  metric('Transferred (Lighthouse)', 'bytes', fmtBytes);
  console.log('Lighthouse medians');
  table(['', 'ours', 'floor', 'ours ÷ floor', 'target'], rows);
  const loadedCharts = lh.ours.filter((r) => r.echartsLoaded).length;
  console.log(`(ECharts requested during ${loadedCharts} of ${runs} Lighthouse runs of our page; `
    + `requests: ${lh.ours[0].requests.join(', ')})\n`);

  const overFloor = ours.total.gz - floor.total.gz;
  const budget = floor.total.gz + TARGETS.bytesOverFloorGz;
  const i = oursInteractive.total;
  const idle = oursIdle.total;
  console.log('Bytes (from the files; what is requested before any chart code: html + css + icon; for ours also the boot module, at idle after load the card layer\'s JS glue and wasm, and once the reader interacts the other half\'s)');
  table(['', 'raw', 'gzip', 'brotli', 'target'], [
    ['Ours at load, before any interaction', fmtBytes(ours.total.raw), fmtBytes(ours.total.gz), fmtBytes(ours.total.br),
      `gzip ≤ floor + 90 KiB (${fmtBytes(budget)}) ${mark(ours.total.gz <= budget)}`],
    ['Ours at idle after load (unless the browser saves data)', fmtBytes(idle.raw), fmtBytes(idle.gz), fmtBytes(idle.br), ''],
    ['Ours once the reader interacts, before chart code', fmtBytes(i.raw), fmtBytes(i.gz), fmtBytes(i.br),
      `gzip ≤ floor + 90 KiB ${mark(i.gz <= budget)} (+${fmtBytes(i.gz - floor.total.gz)})`],
    ['Floor', fmtBytes(floor.total.raw), fmtBytes(floor.total.gz), fmtBytes(floor.total.br), ''],
    ['Ours ÷ floor', fmtRatio(ours.total.raw, floor.total.raw), fmtRatio(ours.total.gz, floor.total.gz), fmtRatio(ours.total.br, floor.total.br),
      `ours − floor = ${fmtBytes(overFloor)} gzip`],
    ['  of which wasm (both halves)', fmtBytes(wasm.raw), fmtBytes(wasm.gz), fmtBytes(wasm.br), ''],
    ['    the card layer\'s half', fmtBytes(cardsHalf.raw), fmtBytes(cardsHalf.gz), fmtBytes(cardsHalf.br), ''],
    ['ECharts (on demand)', fmtBytes(echarts.raw), fmtBytes(echarts.gz), fmtBytes(echarts.br), ''],
  ]);
  const added = (more, less) => more.files.filter((f) => !less.files.includes(f)).join(', ');
  console.log(`(ours at load: ${ours.files.join(', ')}; at idle also ${added(oursIdle, ours)}; on interaction also ${added(oursInteractive, oursIdle)})\n`);

  const cardDom = ix.cards.dom; const cardFrame = ix.cards.frame;
  const leak = ix.heap.after - ix.heap.warm;
  console.log('Interaction (playwright-core, 1280×720)');
  table(['', 'median', 'p95 / max', 'target'], [
    [`Card open, focus → .card in DOM, after the dwell (${cardDom.length} of ${ix.cards.mentions} mentions)`, fmtMs(median(cardDom)), fmtMs(p95(cardDom)),
      `≤ ${TARGETS.cardOpenMs} ms ${mark(p95(cardDom) <= TARGETS.cardOpenMs)} (p95)`],
    ['Card open, focus → next animation frame, after the dwell', fmtMs(median(cardFrame)), fmtMs(p95(cardFrame)),
      `≤ ${TARGETS.cardOpenMs} ms ${mark(p95(cardFrame) <= TARGETS.cardOpenMs)} (p95)`],
  ]);
  if (ix.cards.missed.length) console.log(`(no card within 3 s for: ${ix.cards.missed.join(', ')})`);
  console.log('(chart draw times: in the phone profile below)\n');
  console.log('JS heap (JSHeapUsedSize after forced GC; wasm linear memory is not included)');
  table(['', 'heap', 'growth', 'target'], [
    ['After hydration', fmtBytes(ix.heap.cold), '', ''],
    ['After warm-up (1 card, every chart once)', fmtBytes(ix.heap.warm), fmtBytes(ix.heap.warm - ix.heap.cold), ''],
    [`After 200 card cycles${ix.heap.cardMisses.length ? ` (${ix.heap.cardMisses.length} missed)` : ''} + 20 chart scroll-ins`, fmtBytes(ix.heap.after), fmtBytes(leak),
      `≤ 1 MiB from warm-up ${mark(leak <= TARGETS.heapGrowth)}`],
    ['Growth from hydration', '', fmtBytes(ix.heap.after - ix.heap.cold), ''],
  ]);
  console.log('');
  printPhoneProfile(phone, table);

  const summary = { date: new Date().toISOString(), chromium, lighthouse: LIGHTHOUSE_VERSION, runs, lighthouseRuns: lh,
    bytes: { ours, oursIdle, oursInteractive, floor, wasm, cardsHalf, echarts }, interactions: ix, phoneProfile: phone, targets: TARGETS };
  writeFileSync(join(OUT, 'summary.json'), JSON.stringify(summary, null, 2));
  writeFileSync(join(OUT, 'phone-profile.md'), phoneProfileMarkdown(phone));
  console.log(`\nRaw figures: target/bench/summary.json; the phone profile as Markdown: target/bench/phone-profile.md; Lighthouse reports: target/bench/lighthouse/ (${Math.round((Date.now() - started) / 1000)} s in all)`);
}

// Run only when invoked as a script, so the helpers above can be imported.
if (import.meta.url === `file://${process.argv[1]}`) await main();
