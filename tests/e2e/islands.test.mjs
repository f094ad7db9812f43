// Only the interactive parts of the page hydrate (Leptos islands, woken by assets/islands.js): the
// prose, notes, people and glossary stay the static HTML the build wrote, before and after the
// wasm, and carry no hydration markers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

// Comment nodes (Leptos's hydration markers are comments) outside islands and the card layer
// (which the card layer's wasm half mounts into its empty home: live, never prerendered).
const staticMarkers = () => {
  const root = document.querySelector('#kirov-essay');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  let outside = 0;
  while (walker.nextNode()) if (!walker.currentNode.parentElement.closest('leptos-island, #card-layer')) outside += 1;
  return outside;
};

test('the prose never hydrates: no markers outside islands, and the same nodes after the wasm', async () => {
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  assert.equal(await page.evaluate(staticMarkers), 0, 'no hydration markers in the static page');
  assert.equal(await page.$eval('#card-layer', (home) => home.childNodes.length), 0, 'the card layer\'s home is empty until its wasm half mounts it');
  // Tag the static nodes before the wasm arrives; hydration that re-rendered them would lose the tags.
  const tagged = await page.evaluate(() => {
    const nodes = [...document.querySelectorAll('.essay-section p, .notes li, .people li.person, .glossary dt')];
    nodes.forEach((n) => { n.kirovTag = true; });
    return nodes.length;
  });
  assert.ok(tagged > 100, `tagged ${tagged} static nodes`);
  const islands = await page.evaluate(() => [...document.querySelectorAll('leptos-island')].map((i) => i.dataset.component.replace(/_\d+$/, '')));
  assert.deepEqual([...new Set(islands)].sort(), ['FigureChart', 'FigureTools', 'PeopleFilter', 'Presenter', 'ReaderTools', 'ReadingProgress']);
  assert.equal(await page.evaluate(() => document.querySelectorAll('leptos-island .essay-section, leptos-island .notes, leptos-island .people-list, leptos-island .figure-data, leptos-island figcaption').length), 0,
    'no prose, notes, people list, figure table or caption inside an island');
  await hydrated(page);
  // Use the page: a card, a figure, the people filter.
  await page.locator('#introduction-p2 .mention-person').first().click();
  await page.locator('.card-pinned').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#people-filter-input').fill('zal');
  await page.waitForFunction(() => document.querySelector('.people-count').textContent.startsWith('1 of'));
  const kept = await page.evaluate(() => {
    const nodes = [...document.querySelectorAll('.essay-section p, .notes li, .people li.person, .glossary dt')];
    return { all: nodes.length, tagged: nodes.filter((n) => n.kirovTag).length };
  });
  assert.deepEqual(kept, { all: tagged, tagged }, 'every static node is the one the page loaded with');
  assert.equal(await page.evaluate(staticMarkers), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the people filter, an island over a static list, hides who does not match', async () => {
  const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  const total = await page.locator('.people li.person').count();
  await page.locator('#people-filter-input').fill('director');
  await page.waitForFunction(() => !document.querySelector('.people-count').textContent.startsWith(`${document.querySelectorAll('.people li.person').length} of`));
  const shown = await page.locator('.people li.person:not([hidden])').count();
  assert.ok(shown > 0 && shown < total, `${shown} of ${total} shown`);
  assert.match(await page.locator('.people-count').textContent(), new RegExp(`^${shown} of ${total} people`));
  // A group with nobody left is hidden whole; clearing the filter shows everyone again.
  assert.ok(await page.locator('.people-group-block[hidden]').count() > 0);
  await page.locator('#people-filter-input').fill('');
  await page.waitForFunction((n) => document.querySelectorAll('.people li.person:not([hidden])').length === n, total);
  assert.equal(await page.locator('.people-group-block[hidden]').count(), 0);
  await context.close();
});
