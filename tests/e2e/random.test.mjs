// The short randomised interaction run (the long one: make random-run). Fixed seeds, so a
// failure here replays exactly with `node tests/e2e/random-run.mjs --seed <seed> --steps <n>`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated } from './helpers.mjs';
import { randomRun, settle, rng } from './random-run.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

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
