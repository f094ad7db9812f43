// The reader's hands: sidenotes in every section, sheets that behave like a phone's (Back, a
// real touch drag, the tapped words kept in view, landscape), keyboard paths that never drop
// focus, jumps that land and Back that returns, datum links, phone tooltips, target sizes and
// the way back from a nested card. Phone, laptop and wide profiles; touch by CDP touch events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated, scrollTo } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const phone = {
  viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
};
const landscape = { ...phone, viewport: { width: 915, height: 412 } };
const laptop = { viewport: { width: 1280, height: 800 } };
const wide = { viewport: { width: 1600, height: 1000 } };

const scrollY = (page) => page.evaluate(() => window.scrollY);
const rect = (page, selector) => page.evaluate((s) => {
  const r = document.querySelector(s)?.getBoundingClientRect();
  return r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
}, selector);
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A finger tap through CDP's touch events (not a mouse). */
async function touch(page, x, y, moves = []) {
  const cdp = await page.context().newCDPSession(page);
  const at = (px, py) => [{ x: px, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x, y) });
  for (const [mx, my] of moves) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(mx, my) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function tapElement(page, selector) {
  const r = await rect(page, selector);
  await touch(page, r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
}

for (const [name, profile] of [['laptop 1280', laptop], ['wide 1600', wide]]) {
  test(`sidenotes sit beside their marks in every section (${name})`, async () => {
    const { context, page } = await open(browser, site.url, profile);
    await hydrated(page);
    const sections = await page.$$eval('.essay-section', (s) => s.map((e) => e.id));
    assert.ok(sections.length >= 6);
    for (const id of sections) {
      const note = `#${id} .note-ref + .sidenote`;
      if (!(await page.$(note))) continue;
      await page.evaluate((s) => document.querySelector(s).previousElementSibling.scrollIntoView({ block: 'center' }), note);
      await page.waitForTimeout(50);
      const hit = await page.evaluate((s) => {
        const side = document.querySelector(s);
        const r = side.getBoundingClientRect();
        const column = document.querySelector('.essay').getBoundingClientRect();
        const at = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + Math.min(8, r.height / 2));
        return { shown: r.width > 0 && r.height > 0, inMargin: r.left >= column.right, drawn: side.contains(at) };
      }, note);
      assert.deepEqual(hit, { shown: true, inMargin: true, drawn: true }, `section ${id}: its first sidenote is drawn in the margin`);
    }
    // A section's last notes stay beside it, never running up beside the next heading.
    const runs = await page.evaluate(() => [...document.querySelectorAll('.essay-section')].map((s) => {
      const last = [...s.querySelectorAll('.sidenote')].pop();
      const next = s.nextElementSibling;
      return last && next ? last.getBoundingClientRect().bottom <= next.getBoundingClientRect().top + 1 : true;
    }));
    assert.ok(runs.every(Boolean), `every section holds its own sidenotes: ${runs}`);
    await context.close();
  });
}

test('Back with a sheet open closes it and keeps the reader at their place; from a card link, Back stays in the essay', async () => {
  const { context, page } = await open(browser, site.url, phone);
  await hydrated(page);
  await page.locator('.toc-drawer > summary').tap();
  await page.locator('.toc a[href="#second-plan"]').tap();
  await page.waitForTimeout(300);
  const at = await scrollY(page);
  assert.ok(at > 3000, `the contents jumped to section III (${at})`);
  const term = '#second-plan .mention-term';
  await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center' }), term);
  const before = await scrollY(page);
  await tapElement(page, term);
  await page.waitForSelector('.card-sheet');
  const opened = await scrollY(page);
  assert.ok(Math.abs(opened - before) < 600, 'the page moved only to keep the tapped words in view');
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('.card-sheet'));
  await page.waitForTimeout(150);
  assert.ok(Math.abs((await scrollY(page)) - before) <= 2, 'Back closed the sheet and put the page back where the reader tapped');
  assert.match(page.url(), /#second-plan$/);
  await context.close();
  // Straight from a link: Back closes the card and the essay stays.
  const linked = await open(browser, `${site.url}#person-zaltsman`, phone);
  await linked.page.waitForSelector('.card-sheet, .card-pinned', { timeout: 20000 });
  await linked.page.goBack();
  await linked.page.waitForFunction(() => !document.querySelector('.card'));
  assert.match(linked.page.url(), /#person-zaltsman$/);
  await linked.context.close();
});

test('a real touch drag down the grip closes the sheet, and the page behind does not scroll', async () => {
  const { context, page } = await open(browser, site.url, phone);
  await hydrated(page);
  await page.evaluate(() => document.querySelector('#m-zaltsman-1').scrollIntoView({ block: 'center' }));
  await tapElement(page, '#m-zaltsman-1');
  await page.waitForSelector('.card-sheet');
  await page.waitForTimeout(250);
  const y = await scrollY(page);
  const grip = await rect(page, '.card-sheet .sheet-grip');
  const x0 = grip.left + grip.width / 2; const y0 = grip.top + grip.height / 2;
  const seen = [];
  page.on('console', () => {});
  const steps = [20, 45, 70, 100, 140, 180].map((d) => [x0, y0 + d]);
  const cdp = await context.newCDPSession(page);
  const at = (px, py) => [{ x: px, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x0, y0) });
  for (const [mx, my] of steps) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(mx, my) });
    await page.waitForTimeout(20);
    seen.push(await scrollY(page));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => !document.querySelector('.card-sheet'), null, { timeout: 2000 });
  assert.ok(seen.every((s) => Math.abs(s - y) <= 1), `the page stayed at ${y} during the drag: ${seen}`);
  await context.close();
});

test('a sheet leaves the tapped words in view, in portrait and beside them in landscape', async () => {
  for (const profile of [phone, landscape]) {
    const { context, page } = await open(browser, site.url, profile);
    await hydrated(page);
    const name = '#m-zaltsman-1';
    // Low on the screen, where a bottom sheet would cover it.
    await page.evaluate((s) => {
      const el = document.querySelector(s);
      window.scrollBy(0, el.getBoundingClientRect().top - window.innerHeight * 0.7);
    }, name);
    await tapElement(page, name);
    await page.waitForSelector('.card-sheet');
    await page.waitForTimeout(300);
    const sheet = await rect(page, '.card-sheet');
    const words = await rect(page, name);
    assert.ok(!overlaps(sheet, words), `the sheet (${JSON.stringify(sheet)}) leaves ${JSON.stringify(words)} visible`);
    assert.ok(words.top >= 0 && words.bottom <= profile.viewport.height, 'the words are on the screen');
    if (profile === landscape) {
      assert.ok(sheet.width <= 40 * 16 + 1 && sheet.width < profile.viewport.width * 0.6, `a readable measure: ${sheet.width}px`);
    }
    await context.close();
  }
});

test('Tab out of a chart goes on to what follows; previews from focus wait for a pause and open below', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  await scrollTo(page, '#fig-workforce-growth');
  await page.waitForSelector('#fig-workforce-growth .chart svg:visible', { timeout: 20000 });
  const countDimmed = () => page.$$eval('#fig-workforce-growth .chart svg path', (ps) => ps.filter((p) => {
    const o = Number(p.getAttribute('opacity') ?? p.getAttribute('fill-opacity') ?? getComputedStyle(p).opacity);
    return /^#/.test(p.getAttribute('fill') || '') && o < 0.9;
  }).length);
  assert.equal(await countDimmed(), 0, 'nothing is dimmed at rest');
  await page.focus('#fig-workforce-growth .chart');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#fig-workforce-growth .chart-tip');
  await page.waitForTimeout(400);
  // The stepped-to mark stands out: the rest of the chart is dimmed.
  assert.ok((await countDimmed()) > 0, 'the other marks are dimmed');
  await page.keyboard.press('Tab');
  const where = await page.evaluate(() => {
    const a = document.activeElement;
    const chart = document.querySelector('#fig-workforce-growth .chart');
    return { tag: a.tagName, after: Boolean(chart.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING), inTip: Boolean(a.closest('.chart-tip')) };
  });
  assert.notEqual(where.tag, 'BODY', 'focus stayed in the page');
  assert.ok(where.after && !where.inTip, `focus went on past the chart: ${JSON.stringify(where)}`);

  // Tabbing on through a paragraph opens nothing; resting on a mention opens its preview below it.
  const para = await page.evaluate(() => [...document.querySelectorAll('.essay-section p')]
    .find((p) => p.querySelectorAll('a.mention').length >= 3)?.id);
  await page.evaluate((id) => { const p = document.getElementById(id); p.scrollIntoView({ block: 'center' }); p.querySelector('a').focus(); }, para);
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(60);
    assert.equal(await page.locator('.card-preview').count(), 0, 'no preview while Tabbing on');
  }
  const mention = await page.evaluate((id) => {
    const m = [...document.getElementById(id).querySelectorAll('a.mention')][1];
    m.focus();
    return m.id;
  }, para);
  await page.waitForSelector('.card-preview', { timeout: 2000 });
  const card = await rect(page, '.card-preview');
  const trigger = await rect(page, `#${mention}`);
  assert.ok(card.top >= trigger.bottom, 'the preview opens below the line being read');
  assert.equal(await page.locator('.card-preview a[href]:not([tabindex="-1"])').count(), 0, 'a preview\'s links are out of the Tab order');
  await context.close();
});

for (const [name, profile] of [['phone', phone], ['laptop', laptop]]) {
  test(`jumps land in view and Back returns (${name})`, async () => {
    const { context, page } = await open(browser, site.url, profile);
    await hydrated(page);
    const inView = (id) => page.evaluate((i) => {
      const r = document.getElementById(i).getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight - 20;
    }, id);
    // Contents → the conclusion, from 3,000 px; Back returns there.
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.waitForTimeout(100);
    const left = await scrollY(page);
    if (profile === phone) {
      await page.evaluate(() => document.querySelector('.toc').scrollIntoView());
      await page.locator('.toc-drawer > summary').tap();
      await page.evaluate(() => window.scrollTo(0, 3000));
    }
    await page.evaluate(() => document.querySelector('.toc a[href="#conclusion"]').click());
    await page.waitForTimeout(200);
    assert.ok(await inView('conclusion'), 'the conclusion is in view');
    await page.goBack();
    await page.waitForTimeout(300);
    assert.ok(Math.abs((await scrollY(page)) - left) <= 4, `Back returned to ${left}, not ${await scrollY(page)}`);

    // A person card's "Appears in" link lands on its passage and focus goes there.
    await page.evaluate(() => document.querySelector('#m-zaltsman-1').scrollIntoView({ block: 'center' }));
    if (profile === phone) await tapElement(page, '#m-zaltsman-1'); else await page.click('#m-zaltsman-1');
    await page.waitForSelector('.card-mentions a');
    const link = page.locator('.card-mentions a').last();
    const target = (await link.getAttribute('href')).slice(1);
    assert.match(await link.getAttribute('aria-label'), /^Section [IVX]+, paragraph \d+$/);
    const from = await scrollY(page);
    await link.click();
    await page.waitForFunction(() => !document.querySelector('.card'));
    await page.waitForTimeout(300);
    assert.ok(await inView(target), `${target} is in view after the jump`);
    assert.equal(await page.evaluate(() => document.activeElement.id), target, 'focus is on the landed passage');
    await page.goBack();
    await page.waitForTimeout(300);
    assert.ok(Math.abs((await scrollY(page)) - from) <= 4, 'Back returns from the jump');
    await context.close();
  });
}

test('a number in the prose brings its chart into view with that datum\'s tooltip; a number that is no link does not look like one', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  const key = await page.evaluate(() => {
    const a = document.querySelector('.essay-section a.datum');
    a.scrollIntoView({ block: 'center' });
    return a.dataset.datum;
  });
  await page.locator(`.essay-section a.datum[data-datum="${key}"]`).first().click();
  await page.waitForSelector('.chart-tip.pinned', { timeout: 20000 });
  const fig = await page.evaluate(() => document.querySelector('.chart-tip.pinned').closest('figure').id);
  const r = await rect(page, `#${fig} .chart`);
  assert.ok(r.top >= 0 && r.top < 800, 'the chart is in view');
  const row = key.replace('/', '-');
  const label = (await page.textContent(`#datum-${row} th, #datum-${row} td`)).trim();
  assert.equal((await page.textContent('.chart-tip.pinned .tip-label')).trim(), label, 'the tooltip is that datum\'s');
  const plain = await page.evaluate(() => [...document.querySelectorAll('span.datum')].map((s) => getComputedStyle(s).textDecorationLine));
  assert.ok(plain.every((d) => d === 'none'), `numbers that are no link have no underline: ${plain}`);
  await context.close();
});

test('a phone chart tooltip docks clear of the marks, has 44 px link rows, says periods in words and closes on an outside tap', async () => {
  const { context, page } = await open(browser, site.url, phone);
  await hydrated(page);
  await scrollTo(page, '#fig-workforce-growth');
  await page.waitForSelector('#fig-workforce-growth .chart svg:visible', { timeout: 20000 });
  await page.waitForTimeout(300);
  const mark = await page.evaluate(() => {
    const paths = [...document.querySelectorAll('#fig-workforce-growth .chart svg path')]
      .filter((p) => { const b = p.getBoundingClientRect(); return /^#/.test(p.getAttribute('fill')) && b.width > 6 && b.height > 6 && b.top > 280; });
    const b = paths[0].getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await touch(page, mark.x, mark.y);
  await page.waitForSelector('#fig-workforce-growth .chart-tip.pinned', { timeout: 3000 });
  const tip = await rect(page, '#fig-workforce-growth .chart-tip');
  const chart = await rect(page, '#fig-workforce-growth .chart');
  assert.ok(tip.top >= chart.bottom - 1, 'the tooltip sits under the chart, over none of its marks');
  const rows = await page.$$eval('#fig-workforce-growth .chart-tip a', (as) => as.map((a) => a.getBoundingClientRect().height));
  assert.ok(rows.length && rows.every((h) => h >= 44), `link rows are 44 px: ${rows}`);
  const text = await page.textContent('#fig-workforce-growth .chart-tip');
  assert.doesNotMatch(text, /\d{4}-\d{2}/, 'periods in words, as the axis says them');
  const table = await page.$$eval('.data-table td', (tds) => tds.map((t) => t.textContent).join(' '));
  assert.doesNotMatch(table, /\d{4}-\d{2}\/\d{4}/, 'the tables too');
  await touch(page, 200, 100);
  await page.waitForFunction(() => !document.querySelector('#fig-workforce-growth .chart-tip'), null, { timeout: 2000 });
  // A row's name is as good as its bar: tapping the line of text just above a bar (its name, on
  // a phone) opens the same tooltip as tapping the bar.
  const pair = await page.evaluate(() => {
    const svg = [...document.querySelectorAll('#fig-workforce-growth .chart svg')].find((s) => s.getBoundingClientRect().width > 0);
    const bar = [...svg.querySelectorAll('path')].map((p) => [p, p.getBoundingClientRect()])
      .filter(([p, b]) => /^#/.test(p.getAttribute('fill') || '') && b.width > 6 && b.height > 6 && b.top > 280)[0][1];
    const name = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect())
      .filter((r) => r.bottom <= bar.top + 2 && r.bottom > bar.top - 40 && r.width > 60)
      .sort((p, q) => q.bottom - p.bottom)[0];
    return { bar: { x: bar.left + bar.width / 2, y: bar.top + bar.height / 2 }, name: { x: name.left + name.width / 2, y: name.top + name.height / 2 } };
  });
  const tipLabel = async (at) => {
    await touch(page, 200, 60);
    await page.waitForFunction(() => !document.querySelector('#fig-workforce-growth .chart-tip'), null, { timeout: 2000 });
    await touch(page, at.x, at.y);
    await page.waitForSelector('#fig-workforce-growth .chart-tip.pinned', { timeout: 3000 });
    return (await page.textContent('#fig-workforce-growth .chart-tip .tip-label')).trim();
  };
  const byBar = await tipLabel(pair.bar);
  assert.equal(await tipLabel(pair.name), byBar, 'the name opens its bar\'s tooltip');
  await context.close();
});

test('every inline target on the phone is 24 px or has 24 px to itself (WCAG 2.2, 2.5.8)', async () => {
  const { context, page } = await open(browser, site.url, phone);
  await hydrated(page);
  const bad = await page.evaluate(() => {
    // Words in a sentence are exempt (their size is the line's); marks and buttons are not.
    const targets = [...document.querySelectorAll('.essay-section a[href], .essay-section button')].slice(0, 600);
    const marks = new Set(targets.filter((t) => t.matches('.note-ref a, .cite-mark, button')));
    const boxes = targets.map((t) => {
      // A wrapped link is several boxes; each is a place a finger lands.
      const rects = [...t.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      return { t, rects };
    });
    const out = [];
    for (const { t, rects } of boxes.filter((b) => marks.has(b.t))) {
      for (const r of rects) {
        if (r.width >= 24 && r.height >= 24) continue;
        const cx = r.left + r.width / 2; const cy = r.top + r.height / 2;
        // The spacing rule: a 24 px circle on this target meets no other target's box or circle.
        const near = boxes.some((o) => o.t !== t && o.rects.some((q) => {
          const dx = Math.max(q.left - cx, 0, cx - q.right); const dy = Math.max(q.top - cy, 0, cy - q.bottom);
          if (Math.hypot(dx, dy) < 12) return true;
          if (q.width >= 24 && q.height >= 24) return false;
          return Math.hypot(q.left + q.width / 2 - cx, q.top + q.height / 2 - cy) < 24;
        }));
        if (near) out.push(`${t.className || t.tagName} "${t.textContent.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  });
  assert.deepEqual(bad.slice(0, 12), [], `${bad.length} targets too small and too close`);
  await context.close();
});

test('a nested sheet shows the way back, and closing it says where the reader is', async () => {
  const { context, page } = await open(browser, site.url, phone);
  await hydrated(page);
  await page.evaluate(() => document.querySelector('#m-zaltsman-1').scrollIntoView({ block: 'center' }));
  await tapElement(page, '#m-zaltsman-1');
  await page.waitForSelector('.card-sheet');
  const parent = (await page.textContent('.card-sheet .card-title')).trim();
  await page.waitForTimeout(250);
  const inner = '.card-sheet .card-body a.mention, .card-sheet .card-body a.note-link';
  await page.locator(inner).first().tap();
  await page.waitForSelector('.card-sheet .card-sheet');
  const back = page.locator('.card-sheet .card-sheet .card-back');
  assert.match(await back.textContent(), new RegExp(`^‹ Back to .*${parent.split(/\s/).pop()}$`));
  await back.tap();
  await page.waitForFunction(() => document.querySelectorAll('.card-sheet').length === 1);
  assert.match(await page.textContent('.card-layer [role="status"]'), /^Back to /);
  await context.close();
});
