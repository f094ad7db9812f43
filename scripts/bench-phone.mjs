// The bench's phone profile: every figure of the table in issue 15 ("interactive at a fraction of
// the cost"), measured on our page and on the no-JS floor in the same run, each beside its goal.
// Imported by scripts/bench.mjs; like it, it prints figures and never fails on them.
//
// The phone: playwright's Pixel 7 descriptor (412×839, DPR 2.625, touch), 4× CPU slowdown through
// CDP Emulation.setCPUThrottlingRate, 1.6 Mbps down / 750 kbps up and 150 ms RTT through CDP
// Network.emulateNetworkConditions (Lighthouse's mobile figures, applied as given: no latency or
// throughput multipliers), a fresh browser context per run, so the cache is cold.
//
// What "shown" means (a chart, a tooltip, a card) is in scripts/bench-page.mjs.
// Chart-library code is any JavaScript in the bundle that contains ECharts' renderer (zrender) or
// its server-rendering client (which reads the `ecmeta_` marks of a prerendered SVG); it is found
// by reading the files, not by their names.

import { devices } from 'playwright-core';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { drag, installProbe, longestTask, startTrace, tap } from './bench-page.mjs';

const KB = 1024;

export const PHONE = {
  name: 'Pixel 7 emulation, 4× CPU slowdown, 1.6 Mbps down / 750 kbps up, 150 ms RTT, cold cache',
  device: devices['Pixel 7'],
  cpuSlowdown: 4,
  // Bytes per second, with Lighthouse's convention of 1 kbps = 1024 bit/s.
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
export const LAPTOP = { viewport: { width: 1280, height: 800 } };

/** The goals of issue 15's table. */
export const GOALS = {
  hydratesFirstGz: 120 * KB,
  tapToCardMs: 1000,
  longestTaskMs: 50,
  seeChartGz: 0,
  interactChartGz: 200 * KB,
  firstChartMs: 250,
  laterChartMs: 50,
};

// Person mentions in the prose, outside figures (as scripts/bench.mjs's card figures).
const MENTIONS = '.essay-section [data-person]';

// ---------------------------------------------------------------------------------------------
// The bundle's files
// ---------------------------------------------------------------------------------------------

/** Every file under `dir`, relative to it, with its raw and gzip (-9) size and its kind. */
export function bundleFiles(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      const ext = extname(f);
      if (ext === '.gz' || ext === '.br') continue;
      const raw = statSync(p).size;
      const gz = existsSync(p + '.gz') ? statSync(p + '.gz').size : gzipSync(readFileSync(p), { level: 9 }).length;
      const script = ext === '.js' || ext === '.mjs';
      const chartLibrary = script && /zrender|ecmeta_/.test(readFileSync(p, 'utf8'));
      out.set(relative(dir, p), { raw, gz, kind: ext === '.wasm' ? 'wasm' : chartLibrary ? 'chart' : script ? 'js' : 'other' });
    }
  };
  walk(dir);
  return out;
}

/** The bundle file a requested URL names (undefined for another origin or an unknown path). */
function fileOf(files, origin, url) {
  const u = new URL(url);
  if (u.origin !== origin) return undefined;
  const path = decodeURIComponent(u.pathname).replace(/^\//, '') || 'index.html';
  return files.has(path) ? { path, ...files.get(path) } : undefined;
}

/** gzip bytes and names of the distinct requested files of `kinds` that started before `t` (page clock). */
function requestedBefore(files, origin, resources, t, kinds) {
  const seen = new Map();
  for (const r of resources) {
    if (t !== null && r.start > t) continue;
    const f = fileOf(files, origin, r.url);
    if (f && kinds.includes(f.kind)) seen.set(f.path, f.gz);
  }
  return { gz: [...seen.values()].reduce((a, b) => a + b, 0), files: [...seen.keys()] };
}

// ---------------------------------------------------------------------------------------------
// The runs
// ---------------------------------------------------------------------------------------------

/**
 * One cold phone run. In order: load; the first scroll (a finger drag that brings the first name
 * in the prose on screen: 250–700 px), timed on both pages until that name is found on screen; on
 * our page, a tap on the first person name then fully on screen, timed from the first touch to
 * the card shown, then Escape; two more drags of 600 px; the trace ends (the longest task covers
 * load through these scrolls). Then the first figure is scrolled into view until its chart shows, and on our
 * page marks of it are tapped until our tooltip shows. `chartTimeout` bounds each wait for a chart
 * (short for the floor, whose chart is there at load or never).
 */
export async function phoneRun(browser, url, { tapName, firstFigure, chartTimeout }) {
  const context = await browser.newContext({ ...PHONE.device });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const run = {};
  try {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PHONE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    await page.goto(url, { waitUntil: 'load' });
    // The first scroll brings the first name in the prose on screen (a reader scrolls to what they
    // want to tap), so the tap follows it at once: read before any input, from the first section,
    // which the browser never skips. The same distance on both pages.
    const reach = await page.evaluate((s) => {
      const first = document.querySelector(s)?.getBoundingClientRect();
      return first ? first.bottom - innerHeight * 0.6 : 0;
    }, MENTIONS);
    await startTrace(cdp);
    await drag(cdp, page, Math.round(Math.min(700, Math.max(250, reach))), 200, 780);
    // On both pages: the first scroll's own time, to a name on screen the bench can tap (the
    // floor's is what the scroll costs with no script at all).
    let name = null;
    for (let i = 0; i < 8 && !name; i++) {
      name = await page.evaluate((s) => window.__bench.nameOnScreen(s), MENTIONS);
      if (!name) await drag(cdp, page, 300);
    }
    run.name = name?.id ?? null;
    if (tapName) {
      if (name) {
        // The card watcher is armed before the tap, so that neither its round trip nor its own
        // script (a task of about 16 ms at 4×) falls inside the time it measures.
        const shown = page.evaluate(() => window.__bench.until(window.__bench.cardShown, 20000));
        await tap(cdp, name.x, name.y);
        run.cardAt = await shown;
        run.firstInput = await page.evaluate(() => window.__bench.firstInput);
        run.tapToCardMs = run.cardAt === null ? NaN : run.cardAt - run.firstInput;
        // The tap's own share: from the touch on the name to its card.
        run.tapAt = await page.evaluate(() => window.__bench.lastTouch);
        run.cardAfterTapMs = run.cardAt === null ? NaN : run.cardAt - run.tapAt;
        if (process.env.BENCH_TIMELINE) {
          const t0 = run.firstInput;
          const rs = await page.evaluate(() => window.__bench.resources());
          console.log(rs.filter((r) => r.start > t0 - 50).map((r) => `    ${r.url.split('/').pop().slice(0, 28).padEnd(28)} ${(r.start - t0).toFixed(0).padStart(5)} → ${(r.end - t0).toFixed(0).padStart(5)} ms`).join('\n')
            + `\n    card shown at ${(run.cardAt - t0).toFixed(0)} ms (tap at ${(run.tapAt - t0).toFixed(0)})`);
        }
        await page.keyboard.press('Escape');
        await page.evaluate(() => window.__bench.until(() => !window.__bench.cardShown(), 3000));
      }
    }
    // (Read only now: on our page another round trip before the tap would delay it.)
    run.firstInput ??= await page.evaluate(() => window.__bench.firstInput);
    run.scrollMs = name ? name.at - run.firstInput : NaN;
    await drag(cdp, page, 600);
    await drag(cdp, page, 600);
    ({ ms: run.longestTaskMs, inside: run.longestTaskInside } = await longestTask(cdp));
    // Cross-check: the long tasks (over 50 ms) the page itself reported after its load event.
    run.longTasks = await page.evaluate(() => {
      const load = performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0;
      return window.__bench.longTasks.filter(([start]) => start >= load).map(([, d]) => d);
    });

    // The first figure: when does it show a chart, and what did that take?
    const see = await page.evaluate(({ id, timeout }) => window.__bench.bringIn(document.getElementById(`fig-${id}`), timeout, 10000),
      { id: firstFigure, timeout: chartTimeout });
    run.chartShownAt = see.shownAt;
    run.chartShownMs = see.ms ?? NaN;
    run.chartSettledMs = see.settledMs ?? NaN;

    // Tap its marks until our tooltip shows.
    run.tooltipAt = null;
    if (tapName && see.shownAt !== null) {
      const points = await page.evaluate((id) => window.__bench.markPoints(document.getElementById(`fig-${id}`), 12), firstFigure);
      for (const p of points) {
        await tap(cdp, p.x, p.y);
        run.tooltipAt = await page.evaluate((id) => window.__bench.until(
          () => window.__bench.tooltipShown(document.getElementById(`fig-${id}`)), 3000), firstFigure);
        if (run.tooltipAt !== null) break;
      }
    }
    run.resources = await page.evaluate(() => window.__bench.resources());
  } catch (e) {
    run.error = String(e.message ?? e).split('\n')[0];
  } finally {
    await context.close();
  }
  return run;
}

/**
 * Laptop (1280×800, no throttling), each figure in a fresh page, so that no chart was drawn ahead
 * of its turn (ours draws a chart when its figure comes within a margin of the viewport): load;
 * on our page, load the wasm (a key press, as a reader's first would); for every figure but the
 * first, draw a far-off figure first, so the chart library is loaded and compiled, and go back to
 * the top; then scrollIntoView() the figure. Its time runs from entering the viewport to its chart
 * shown (0 if it was already); the first figure's includes loading the chart library, if any.
 */
export async function laptopCharts(browser, url, { ids, hydrate, timeout }) {
  const charts = [];
  for (const [k, id] of ids.entries()) {
    const context = await browser.newContext(LAPTOP);
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      if (hydrate) {
        await page.keyboard.press('Shift');
        await page.waitForSelector('html[data-hydrated="true"]', { timeout: 20000 });
      }
      const bringIn = (id) => page.evaluate(({ id, timeout }) => window.__bench.bringIn(document.getElementById(`fig-${id}`), timeout, 5000), { id, timeout });
      if (k > 0) {
        await bringIn(k < ids.length / 2 ? ids[ids.length - 1] : ids[0]);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(100);
      }
      charts.push({ id, ...(await bringIn(id)) });
    } catch (e) {
      charts.push({ id, ms: null, settledMs: null, error: String(e.message ?? e).split('\n')[0] });
    } finally {
      await context.close();
    }
  }
  return charts;
}

/** With JavaScript off, at phone and laptop size: the figures whose chart is shown. */
async function chartsWithoutJs(browser, url, ids) {
  const out = {};
  for (const [name, profile] of [['phone', PHONE.device], ['laptop', LAPTOP]]) {
    const context = await browser.newContext({ ...profile, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(installProbe);  // evaluated by DevTools, which runs with page scripts off
      const shown = [];
      for (const id of ids) {
        await page.evaluate((id) => document.getElementById(`fig-${id}`)?.scrollIntoView(), id);
        await page.waitForTimeout(50);
        if (await page.evaluate((id) => {
          const fig = document.getElementById(`fig-${id}`);
          return Boolean(fig && window.__bench.chartShown(fig));
        }, id)) shown.push(id);
      }
      out[name] = shown;
    } finally {
      await context.close();
    }
  }
  return out;
}

/** Figure ids and kinds, in file order, from data/figures.toml. */
export function figureKinds(root) {
  const text = readFileSync(join(root, 'data/figures.toml'), 'utf8');
  return text.split(/^\[\[figure\]\]\s*$/m).slice(1).map((block) => ({
    id: block.match(/^id = "([^"]+)"/m)[1],
    kind: block.match(/^kind = "([^"]+)"/m)?.[1] ?? null,
  }));
}

// ---------------------------------------------------------------------------------------------
// The whole section
// ---------------------------------------------------------------------------------------------

/**
 * Measures the table on our page and on the floor: `runs` cold phone runs of each (interleaved),
 * `chartPasses` laptop chart passes of ours (a fresh page per figure, so about 5 s a figure) and
 * one of the floor, and the JavaScript-off count of both.
 */
export async function measurePhoneProfile({ browser, origin, site, root, runs, chartPasses = 1, log = console.log }) {
  const files = bundleFiles(site);
  const figures = figureKinds(root);
  const ids = figures.map((f) => f.id);
  const pages = { ours: `${origin}/index.html`, floor: `${origin}/floor.html` };
  const phone = { ours: [], floor: [] };
  for (let i = 1; i <= runs; i++) {
    for (const key of ['ours', 'floor']) {
      const r = await phoneRun(browser, pages[key], { tapName: key === 'ours', firstFigure: ids[0], chartTimeout: key === 'ours' ? 30000 : 1500 });
      const hydratesFirst = requestedBefore(files, origin, r.resources ?? [], r.cardAt ?? null, ['wasm', 'js']);
      const see = r.chartShownAt === null || r.chartShownAt === undefined ? null
        : requestedBefore(files, origin, r.resources ?? [], r.chartShownAt, ['chart']);
      const interact = r.tooltipAt === null || r.tooltipAt === undefined ? null
        : requestedBefore(files, origin, r.resources ?? [], r.tooltipAt, ['chart']);
      const chartByCard = requestedBefore(files, origin, r.resources ?? [], r.cardAt ?? null, ['chart']);
      const row = { ...r, resources: undefined, hydratesFirst, chartByCard, see, interact };
      phone[key].push(row);
      log(`  phone ${key.padEnd(5)} run ${i}/${runs}: `
        + `first scroll to a name on screen ${fmtMs(r.scrollMs)}, `
        + (key === 'ours' ? `first scroll → card ${fmtMs(r.tapToCardMs)} (tap → card ${fmtMs(r.cardAfterTapMs)}, #${r.name}), ` : '')
        + `longest task ${fmtMs(r.longestTaskMs)}${r.longestTaskInside ? ` (${r.longestTaskInside})` : ''}, first chart ${see ? `shown ${fmtMs(r.chartShownMs)} after entering (settled ${fmtMs(r.chartSettledMs)})` : 'not shown'}`
        + (key === 'ours' ? `, tooltip ${interact ? 'shown' : 'not shown'}` : '')
        + (r.error ? `  [error: ${r.error}]` : ''));
    }
  }
  const laptop = { ours: [], floor: [] };
  for (let i = 1; i <= chartPasses; i++) laptop.ours.push(await laptopCharts(browser, pages.ours, { ids, hydrate: true, timeout: 20000 }));
  laptop.floor.push(await laptopCharts(browser, pages.floor, { ids, hydrate: false, timeout: 1000 }));
  log(`  laptop charts: ${chartPasses} pass${chartPasses === 1 ? '' : 'es'} of ours, 1 of the floor, a fresh page per figure`);
  const withoutJs = { ours: await chartsWithoutJs(browser, pages.ours, ids), floor: await chartsWithoutJs(browser, pages.floor, ids) };
  const wasm = [...files].filter(([, f]) => f.kind === 'wasm');
  return { profile: PHONE.name, figures, wasm: { files: wasm.map(([p]) => p), raw: wasm.reduce((a, [, f]) => a + f.raw, 0), gz: wasm.reduce((a, [, f]) => a + f.gz, 0) }, phone, laptop, withoutJs, goals: GOALS };
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = (v.length - 1) / 2;
  return (v[Math.floor(m)] + v[Math.ceil(m)]) / 2;
}
const fmtMs = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : '—');
const fmtKiB = (x) => (Number.isFinite(x) ? (x === 0 ? '0 B' : `${(x / KB).toFixed(1)} KiB`) : '—');
const goal = (ok, text) => `${text} ${ok ? '✓' : '✗'}`;

/** Per figure id, the medians over passes of its times (null, never shown, counts as Infinity). */
function chartMedians(passes) {
  const byId = new Map();
  for (const pass of passes) for (const c of pass) byId.set(c.id, [...(byId.get(c.id) ?? []), [c.ms ?? Infinity, c.settledMs ?? Infinity]]);
  return [...byId].map(([id, ms]) => {
    const mid = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
    return { id, ms: mid(ms.map(([shown]) => shown)), settledMs: mid(ms.map(([, settled]) => settled)) };
  });
}

/** The rows of the table, for printing and for the README. */
export function phoneProfileRows(m) {
  const rows = [];
  const ours = m.phone.ours; const floor = m.phone.floor;
  const med = (list, f) => median(list.map(f));
  rows.push(['wasm, raw / gzip', `${fmtKiB(m.wasm.raw)} / ${fmtKiB(m.wasm.gz)}`, '—', '']);
  const hf = med(ours, (r) => (r.cardAt === null || r.cardAt === undefined ? NaN : r.hydratesFirst.gz));
  rows.push(['What hydrates first: wasm + JS fetched before the first interaction completes, gzip',
    fmtKiB(hf), fmtKiB(med(floor, (r) => r.hydratesFirst.gz)), goal(hf <= GOALS.hydratesFirstGz, '≤ 120 KiB')]);
  const card = med(ours, (r) => r.tapToCardMs);
  rows.push(['First scroll → a tapped name shows its card (phone)', fmtMs(card), '— (no cards)', goal(card <= GOALS.tapToCardMs, '≤ 1,000 ms')]);
  rows.push(['… of which the first scroll, until a name is on screen to tap', fmtMs(med(ours, (r) => r.scrollMs)), fmtMs(med(floor, (r) => r.scrollMs)), '']);
  rows.push(['… of which from the tap to its card', fmtMs(med(ours, (r) => r.cardAfterTapMs)), '—', '']);
  const task = med(ours, (r) => r.longestTaskMs);
  rows.push(['Longest main-thread task, load through the first scrolls (phone)', fmtMs(task), fmtMs(med(floor, (r) => r.longestTaskMs)),
    goal(task <= GOALS.longestTaskMs, '≤ 50 ms')]);
  const seeOf = (list) => med(list, (r) => (r.see ? r.see.gz : NaN));
  const see = seeOf(ours); const seeFloor = seeOf(floor);
  rows.push(['Chart code needed to see a chart (chart-library JS requested before the first figure shows one), gzip',
    fmtKiB(see), Number.isFinite(seeFloor) ? fmtKiB(seeFloor) : 'no chart shown', goal(see <= GOALS.seeChartGz, 'none')]);
  const interact = med(ours, (r) => (r.interact ? r.interact.gz : NaN));
  rows.push(['Chart code needed to interact (… by the time a tapped mark shows our tooltip), gzip',
    fmtKiB(interact), '—', goal(interact <= GOALS.interactChartGz, '≤ 200 KiB')]);
  const laptop = chartMedians(m.laptop.ours); const laptopFloor = chartMedians(m.laptop.floor);
  const ms = (c) => (c && Number.isFinite(c.ms) ? fmtMs(c.ms) : 'never');
  const [first, ...later] = laptop; const [firstFloor, ...laterFloor] = laptopFloor;
  rows.push([`First chart drawn, laptop, incl. the library (#fig-${first.id}: in view → shown)`, ms(first), ms(firstFloor),
    goal(first.ms <= GOALS.firstChartMs, '≤ 250 ms')]);
  const waffleIds = new Set(m.figures.filter((f) => f.kind === 'waffle').map((f) => f.id));
  const laterMs = later.map((c) => c.ms); const laterFloorMs = laterFloor.map((c) => c.ms);
  const worst = Math.max(...laterMs);
  rows.push([`Later charts (${later.length}), median / max`, `${fmtMs(median(laterMs))} / ${Number.isFinite(worst) ? fmtMs(worst) : 'never'}`,
    laterFloorMs.every(Number.isFinite) ? `${fmtMs(median(laterFloorMs))} / ${fmtMs(Math.max(...laterFloorMs))}` : 'never',
    goal(worst <= GOALS.laterChartMs, '≤ 50 ms each')]);
  for (const c of later.filter((x) => waffleIds.has(x.id))) {
    const f = laterFloor.find((x) => x.id === c.id);
    rows.push([`Later charts: the waffle (#fig-${c.id})`, ms(c), ms(f), goal(c.ms <= GOALS.laterChartMs, '≤ 50 ms')]);
  }
  const n = m.figures.length;
  const js = (w) => `${w.phone.length} of ${n} (phone), ${w.laptop.length} of ${n} (laptop)`;
  const fewest = Math.min(m.withoutJs.ours.phone.length, m.withoutJs.ours.laptop.length);
  rows.push(['Figures that show a chart with JavaScript off', js(m.withoutJs.ours), js(m.withoutJs.floor), goal(fewest === n, `${n} of ${n}`)]);
  return rows;
}

/** The table as Markdown, for README.md's Performance section. */
export function phoneProfileMarkdown(m) {
  const cell = (c) => String(c).replace(/\|/g, '\\|');
  const lines = ['| Figure | Ours | Floor | Goal |', '| --- | --- | --- | --- |'];
  for (const r of phoneProfileRows(m)) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/** Prints the section with `table` (scripts/bench.mjs's aligned printer). */
export function printPhoneProfile(m, table) {
  console.log(`Phone profile: ${m.profile} (medians of ${m.phone.ours.length} runs; the chart rows on a laptop, 1280×800, `
    + `unthrottled, ${m.laptop.ours.length} pass${m.laptop.ours.length === 1 ? '' : 'es'})`);
  table(['Figure (issue 15)', 'ours', 'floor', 'goal'], phoneProfileRows(m));
  const r = m.phone.ours.find((x) => x.cardAt !== null && x.cardAt !== undefined);
  if (r) {
    console.log(`(fetched before the first card: ${r.hydratesFirst.files.join(', ')}`
      + (r.chartByCard.files.length ? `; chart code by then, not counted above: ${r.chartByCard.files.join(', ')} ${fmtKiB(r.chartByCard.gz)}` : '')
      + `; chart code before the first chart: ${r.see?.files.join(', ') || 'none'}; by the tooltip: ${r.interact?.files.join(', ') || 'none'})`);
  }
  const laptop = chartMedians(m.laptop.ours);
  console.log(`(laptop, per chart, shown / drawn in full (marks unchanged for 200 ms): ${laptop.map((c) => `${c.id} ${Number.isFinite(c.ms) ? fmtMs(c.ms) : 'never'} / ${Number.isFinite(c.settledMs) ? fmtMs(c.settledMs) : '—'}`).join(', ')}; `
    + `long tasks > 50 ms the page reported per phone run: ${m.phone.ours.map((x) => (x.longTasks ?? []).length).join(', ')}`
    + `; JavaScript off, charts shown: ${m.withoutJs.ours.laptop.join(', ') || 'none'})\n`);
}
