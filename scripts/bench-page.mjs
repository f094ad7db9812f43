// What the bench does in and to a page, for scripts/bench-phone.mjs: the probe installed in each
// page (what "shown" means, a frame-by-frame wait, first input, long tasks), and a finger and a
// trace through the Chrome DevTools Protocol.
//
// "Shown" is defined from what a reader could see rather than from our own attributes, so the
// same bench measures the page whether ECharts draws the chart live into the figure or the build
// prerendered the SVG into it:
//   - a chart is shown when the figure holds a rendered <svg> (not in its caption, table, tools or
//     tooltip; at least 100×60 px; visible, not transparent) with at least two distinct painted
//     marks: a path, rect, circle or polygon with a fill that is neither none nor transparent, at
//     least 2×2 px and smaller than half the svg (so a background is not a mark);
//   - a tooltip is shown when the figure holds a visible `.chart-tip` or `[role="tooltip"]` with
//     text;
//   - a card is shown when a `.card`, `.card-sheet` or `[role="dialog"]` with text is visible and
//     on screen.

// ---------------------------------------------------------------------------------------------
// In the page
// ---------------------------------------------------------------------------------------------

/**
 * Installed in every page the bench measures (an init script, or evaluated where JavaScript is
 * off): window.__bench with the "shown" predicates above, a frame-by-frame wait, the time of the
 * first touch or wheel input, and the long tasks the page reports.
 */
export function installProbe() {
  if (window.__bench) return;
  const b = { firstInput: null, longTasks: [] };
  window.__bench = b;
  for (const type of ['touchstart', 'wheel']) {
    addEventListener(type, (e) => { b.firstInput ??= e.timeStamp; b.lastTouch = e.timeStamp; }, { capture: true, passive: true });
  }
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch { /* JavaScript off: no observer */ }
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const painted = (fill) => fill && fill !== 'none' && fill !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(fill);
  const OUTSIDE_CHART = 'figcaption, button, table, .chart-tip, [role="tooltip"]';
  /** The painted marks of `svg` (distinct boxes; a pattern drawn over a mark is the same mark), up to `limit`. */
  const marks = (svg, limit) => {
    const box = svg.getBoundingClientRect();
    const seen = new Set();
    for (const el of svg.querySelectorAll('path, rect, circle, ellipse, polygon')) {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || r.width * r.height > 0.5 * box.width * box.height) continue;
      const s = getComputedStyle(el);
      if (!painted(s.fill) || s.visibility !== 'visible' || Number(s.opacity) === 0 || Number(s.fillOpacity) === 0) continue;
      seen.add(`${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)},${Math.round(r.height)}`);
      if (seen.size >= limit) break;
    }
    return [...seen];
  };
  /** The svg that shows `fig`'s chart, or null. */
  b.chartSvg = (fig) => {
    for (const svg of fig.querySelectorAll('svg')) {
      if (svg.parentElement.closest('svg') || svg.closest(OUTSIDE_CHART)) continue;
      const box = svg.getBoundingClientRect();
      if (box.width >= 100 && box.height >= 60 && visible(svg) && marks(svg, 2).length >= 2) return svg;
    }
    return null;
  };
  /**
   * Resolves with performance.now() at the first frame of the last 200 ms in which `fig`'s chart
   * did not change (its marks' boxes), or null after `timeout` ms: the chart drawn in full, any
   * entry animation over.
   */
  b.settled = (fig, timeout) => new Promise((resolve) => {
    const t0 = performance.now();
    let last = null; let since = null;
    const tick = () => {
      const now = performance.now();
      const svg = b.chartSvg(fig);
      const sig = svg ? marks(svg, Infinity).join(' ') : null;
      if (sig === null || sig !== last) { last = sig; since = now; }
      if (sig !== null && now - since >= 200) resolve(since);
      else if (now - t0 > timeout) resolve(null);
      else requestAnimationFrame(tick);
    };
    tick();
  });
  b.chartShown = (fig) => b.chartSvg(fig) !== null;
  b.tooltipShown = (fig) => [...fig.querySelectorAll('.chart-tip, [role="tooltip"]')]
    .some((el) => visible(el) && el.textContent.trim() !== '');
  // The elements that may be cards. Asking the whole document every frame (a walk of the essay's
  // thousands of elements, about 4 ms a frame at 4×) was a cost of the probe's own inside the
  // time it measured: so the document is asked once, at the first question, and a
  // MutationObserver adds what comes after (cards are drawn after the watcher is armed).
  const CARD = '.card, .card-sheet, [role="dialog"]';
  let cards = null;
  const cardCandidates = () => {
    if (!cards) {
      cards = new Set(document.querySelectorAll(CARD));
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes') {
            if (r.target.matches(CARD)) cards.add(r.target);
            continue;
          }
          for (const n of r.addedNodes) {
            if (n.nodeType !== Node.ELEMENT_NODE) continue;
            if (n.matches(CARD)) cards.add(n);
            for (const el of n.querySelectorAll(CARD)) cards.add(el);
          }
        }
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'role'] });
    }
    for (const el of cards) if (!el.isConnected) cards.delete(el);
    return [...cards].filter((el) => el.matches(CARD));
  };
  // A card whose text is still on its way (aria-busy) is not yet shown.
  b.cardShown = () => cardCandidates().some((el) => {
    const r = el.getBoundingClientRect();
    return visible(el) && el.textContent.trim() !== '' && !el.querySelector('[aria-busy="true"]')
      && r.bottom > 0 && r.top < innerHeight;
  });
  /** Resolves with performance.now() at the first frame where `pred` holds, or null after `timeout` ms. */
  b.until = (pred, timeout) => new Promise((resolve) => {
    const t0 = performance.now();
    const tick = () => {
      if (pred()) resolve(performance.now());
      else if (performance.now() - t0 > timeout) resolve(null);
      else requestAnimationFrame(tick);
    };
    tick();
  });
  /**
   * Scrolls `fig` into view (scrollIntoView, one jump) and times, on the page's clock, its entering
   * the viewport (IntersectionObserver), its chart shown and (unless `settleTimeout` is 0) settled.
   */
  b.bringIn = async (fig, timeout, settleTimeout) => {
    const before = b.chartShown(fig);
    const entered = new Promise((resolve) => {
      const io = new IntersectionObserver((es) => {
        const e = es.find((x) => x.isIntersecting);
        if (e) { io.disconnect(); resolve(e.time); }
      });
      io.observe(fig);
    });
    fig.scrollIntoView({ block: 'start' });
    const enteredAt = await entered;
    const shownAt = await b.until(() => b.chartShown(fig), timeout);
    const settledAt = shownAt === null || !settleTimeout ? null : await b.settled(fig, settleTimeout);
    const since = (t) => (t === null ? null : Math.max(0, t - enteredAt));
    return { before, enteredAt, shownAt, settledAt, ms: since(shownAt), settledMs: since(settledAt) };
  };
  /** Centres of up to `n` painted marks of `fig`'s chart, largest first, on screen and hit by a tap there. */
  b.markPoints = (fig, n) => {
    const svg = b.chartSvg(fig);
    if (!svg) return [];
    const points = new Map();
    for (const el of svg.querySelectorAll('path, rect, circle, ellipse, polygon')) {
      const r = el.getBoundingClientRect();
      if (r.width < 6 || r.height < 6 || !painted(getComputedStyle(el).fill)) continue;
      const x = r.left + r.width / 2; const y = r.top + r.height / 2;
      if (y < 40 || y > innerHeight - 40 || x < 0 || x > innerWidth) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && svg.contains(hit)) points.set(`${Math.round(x)},${Math.round(y)}`, { x, y, area: r.width * r.height });
    }
    return [...points.values()].sort((p, q) => q.area - p.area).slice(0, n);
  };
  /** The first person mention fully on screen, as the point a finger would tap, or null. */
  // `at`: when it was found (the page's clock), the moment the bench can tap. Only the sections
  // on screen are searched: asking for the boxes of mentions in sections the
  // browser is skipping (content-visibility: auto) would force their layout, a long task of the
  // probe's own making that no reader's tap causes.
  b.nameOnScreen = (selector) => {
    const onScreen = [...document.querySelectorAll('.essay-section')].filter((s) => {
      const r = s.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    for (const el of onScreen.flatMap((s) => [...s.querySelectorAll(selector.replace('.essay-section ', ''))])) {
      if (el.closest('figure')) continue;
      const r = el.getClientRects()[0];
      if (!r || r.top < 60 || r.bottom > innerHeight - 60 || r.width < 8) continue;
      const x = r.left + Math.min(r.width / 2, 20); const y = r.top + r.height / 2;
      if (document.elementFromPoint(x, y)?.closest('[data-person]') === el) return { id: el.id, x, y, at: performance.now() };
    }
    return null;
  };
  b.resources = () => performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd }));
}


// ---------------------------------------------------------------------------------------------
// Input and tracing through CDP
// ---------------------------------------------------------------------------------------------

const finger = (x, y) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];

/**
 * A finger drag upward by `dy` px (the page scrolls down), in moves a frame apart; the finger
 * rests for 100 ms before it lifts, so the page does not fling on, and the page has come to rest
 * when this returns (a tap during a fling would only stop it).
 */
export async function drag(cdp, page, dy, x = 200, from = 600) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: finger(x, from) });
  let y = from;
  // A quick swipe: about 60 px a frame (a finger's 3–4 px/ms), in 8 moves or more.
  const steps = Math.max(8, Math.ceil(dy / 60));
  for (let i = 1; i <= steps; i++) {
    y = from - Math.round((dy * i) / steps);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: finger(x, y) });
    await page.waitForTimeout(16);
  }
  for (let i = 0; i < 4; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: finger(x, y) });
    await page.waitForTimeout(25);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.evaluate(() => new Promise((resolve) => {
    let last = scrollY; let still = 0;
    const tick = () => {
      still = scrollY === last ? still + 1 : 0;
      last = scrollY;
      if (still >= 3) resolve(); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

export async function tap(cdp, x, y) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: finger(x, y) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Top-level task events: the renderer's main thread runs one per task.
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export async function startTrace(cdp) {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline', ...(process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? [])] } });
}

/** Ends the trace; returns the longest task on the busiest renderer main thread, in ms, and the
 * longest events inside it. */
export async function longestTask(cdp) {
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join(''));
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !TASKS.has(e.name) || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const t = byThread.get(`${e.pid}:${e.tid}`) ?? { total: 0, max: 0 };
    t.total += e.dur; t.max = Math.max(t.max, e.dur);
    byThread.set(`${e.pid}:${e.tid}`, t);
  }
  const busiest = [...byThread.entries()].sort((a, b) => b[1].total - a[1].total)[0];
  if (!busiest) return { ms: NaN, inside: '' };
  // What filled that task: the longest events nested in it (script, layout, wasm compile…).
  const [thread, { max }] = busiest;
  const task = events.find((e) => TASKS.has(e.name) && `${e.pid}:${e.tid}` === thread && e.dur === max);
  const inside = events
    .filter((e) => e.ph === 'X' && e !== task && `${e.pid}:${e.tid}` === thread && !TASKS.has(e.name)
      && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur >= 2000)
    .sort((a, b) => b.dur - a.dur).slice(0, Number(process.env.BENCH_TRACE_DETAIL ?? 6))
    .map((e) => `${e.name}${e.args?.data?.url ? ` (${e.args.data.url.split('/').pop()})` : ''}${e.args?.data?.functionName ? ` [${e.args.data.functionName}]` : ''}${e.args?.data?.type ? ` <${e.args.data.type}>` : ''} ${(e.dur / 1000).toFixed(0)} ms`);
  if (process.env.BENCH_TRACE_DUMP && !(await import("node:fs")).existsSync(process.env.BENCH_TRACE_DUMP)) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.BENCH_TRACE_DUMP, JSON.stringify(events.filter((e) => `${e.pid}:${e.tid}` === thread)));
  }
  return { ms: max / 1000, inside: inside.join(', ') };
}
