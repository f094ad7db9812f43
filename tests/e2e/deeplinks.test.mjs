// Deep links and citation: every paragraph has a stable id that the URL can name, and its ¶ mark
// opens a card with the paragraph's link, Chicago and BibTeX, each copied with one button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, open, hydrated, ROOT } from './helpers.mjs';

/** Paragraphs and quotations in data/essay, counted from the files (one per line). */
function paragraphCount() {
  const dir = join(ROOT, 'data/essay');
  return readdirSync(dir).filter((f) => f.endsWith('.md'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim() && !/^(#|\[\^|::)/.test(l)).length;
}

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

test('a paragraph link in the URL scrolls to that paragraph and marks it', async () => {
  const { context, page } = await open(browser, `${site.url}#nep-p3`, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  const top = await page.$eval('#nep-p3', (p) => p.getBoundingClientRect().top);
  assert.ok(top >= -2 && top < 200, `the paragraph is at the top (${top}px)`);
  assert.equal(await page.$eval('#nep-p3', (p) => p.matches(':target')), true);
  // Ids are unique and every paragraph has one, with its ¶ link to itself.
  const marks = await page.$$eval('.essay-section > :is(p, blockquote)[id]', (ps) => ps.map((p) => [p.id, p.querySelector(':scope .cite-mark, :scope > p > .cite-mark')?.getAttribute('href')]));
  assert.equal(marks.length, paragraphCount());
  assert.equal(new Set(marks.map(([id]) => id)).size, marks.length);
  for (const [id, href] of marks) assert.equal(href, `#${id}`, id);
  await context.close();
});

test('the ¶ mark opens a card with the link, Chicago and BibTeX, and Copy puts each on the clipboard', async () => {
  const { context, page } = await open(browser, `${site.url}?mode=off`, { viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  await hydrated(page);
  const mark = page.locator('#introduction-p3 .cite-mark');
  await mark.scrollIntoViewIfNeeded();
  // Hover alone does not open it: a citation is asked for, not offered.
  await page.locator('#introduction-p3').hover();
  await mark.hover();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.card').count(), 0);
  await mark.click();
  const card = page.locator('.card-pinned');
  await card.waitFor({ timeout: 5000 });
  assert.match(await card.locator('.card-kind').innerText(), /Section I, paragraph 3/i);
  const [link, chicago, bibtex] = await card.locator('pre.citation').allInnerTexts();
  // The link is this page's address with the paragraph's id; the essay's own switches are dropped.
  assert.equal(link, `${site.url}#introduction-p3`);
  assert.match(chicago, /^“Bolshevik bargaining at the Putilov works,” sec\. I, para\. 3\. An interactive retelling of Yiannis Kokosalakis/);
  assert.ok(chicago.endsWith(`${link}.`));
  assert.match(bibtex, /^@online\{kirov-introduction-p3,/);
  assert.ok(bibtex.includes(`url     = {${link}}`));
  for (const [i, expected] of [link, chicago, bibtex].entries()) {
    await card.locator('.cite-copy').nth(i).click();
    await card.locator('.cite-status').nth(i).filter({ hasText: 'Copied' }).waitFor({ timeout: 3000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  }
  // Esc closes it and returns focus to the ¶ mark.
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-cite')), 'introduction-p3');
  await context.close();
});
