// The short randomised interaction run (the long one: make random-run). Fixed seeds, so a
// failure here replays exactly with `node tests/e2e/random-run.mjs --seed <seed> --steps <n>`
// (add `--where frame|element|present` for the embeds and presentation mode).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated } from './helpers.mjs';
import { randomRun, settle, rng, hostPages, ready } from './random-run.mjs';

let browser, site, hosts;
before(async () => { browser = await launch(); site = await serve(); hosts = await hostPages(site.url); });
after(async () => { await browser?.close(); site?.server.close(); hosts?.close(); });

test('the generator is seedable and reproducible', () => {
  const a = rng(7), b = rng(7), c = rng(8);
  const seq = (g) => Array.from({ length: 5 }, g);
  assert.deepEqual(seq(a), seq(b));
  assert.notDeepEqual(seq(rng(7)), seq(c));
});

for (const seed of [1, 2]) {
  test(`200 random steps (seed ${seed}) leave no error, no panic and no card stuck open`, async () => {
    const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 }, hasTouch: true });
    await hydrated(page);
    const taken = await randomRun(page, log, { seed, steps: 200 });
    assert.equal(taken.length, 200);
    const end = await settle(page);
    assert.equal(end.stuck, 0, 'no card stuck open');
    assert.ok(end.responsive);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
    await context.close();
  });
}

// The same run where the essay lives elsewhere: in the sandboxed frame on a host page of another
// origin, inside <kirov-essay> on a host page, and in presentation mode.
for (const [where, seed] of [['frame', 3], ['element', 4], ['present', 5]]) {
  test(`200 random steps ${where === 'present' ? 'in presentation mode' : `inside the ${where === 'frame' ? 'frame on a host page' : 'custom element'}`} (seed ${seed}) leave no error, no panic and no card stuck open`, async () => {
    const url = { frame: hosts.frame, element: hosts.element, present: `${site.url}?mode=present#slide-1` }[where];
    const { context, page, log } = await open(browser, url, { viewport: { width: 1280, height: 800 }, hasTouch: true });
    await ready(page, where);
    const taken = await randomRun(page, log, { seed, steps: 200, where: where === 'present' ? 'page' : where });
    assert.equal(taken.length, 200);
    const end = await settle(page, where === 'present' ? 'page' : where);
    assert.equal(end.stuck, 0, 'no card stuck open');
    assert.ok(end.responsive);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
    await context.close();
  });
}
