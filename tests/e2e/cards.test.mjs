// Cards for people, terms and notes: one popover system for mouse, touch and keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated, personIds, axe } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

const laptop = { viewport: { width: 1280, height: 800 } };
const cards = (page) => page.locator('.card').count();

test('a card opens after the dwell and not before, and closes after the grace period', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  const trigger = page.locator('#m-kapustin-1');
  await trigger.scrollIntoViewIfNeeded();
  await trigger.hover();
  await page.waitForTimeout(100);
  assert.equal(await cards(page), 0, 'nothing before the dwell');
  await page.waitForTimeout(350);
  assert.equal(await cards(page), 1, 'open after the dwell');
  assert.match(await page.locator('.card').innerText(), /Kapustin/);
  const card = await page.locator('.card').boundingBox();
  const box = await trigger.boundingBox();
  const overlaps = !(card.y >= box.y + box.height || card.y + card.height <= box.y || card.x >= box.x + box.width || card.x + card.width <= box.x);
  assert.ok(!overlaps, 'the card never covers its trigger');
  await page.mouse.move(5, 400);
  await page.waitForTimeout(100);
  assert.equal(await cards(page), 1, 'still open within the grace period');
  await page.waitForTimeout(450);
  assert.equal(await cards(page), 0, 'closed after the grace period');
  await context.close();
});

test('moving into the card keeps it open', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  const trigger = page.locator('#m-zaltsman-2');
  await trigger.scrollIntoViewIfNeeded();
  await trigger.hover();
  await page.waitForTimeout(450);
  const card = await page.locator('.card').boundingBox();
  await page.mouse.move(card.x + card.width / 2, card.y + 20, { steps: 8 });
  await page.waitForTimeout(700);
  assert.equal(await cards(page), 1);
  await context.close();
});

test('resting on a mention reached by Tab opens its card; Enter pins it; Esc closes it and returns focus', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  let id = '';
  for (let i = 0; i < 80 && !id; i++) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => (document.activeElement?.matches('.essay-section [data-person]') ? document.activeElement.id : ''));
  }
  assert.ok(id, 'reached a person mention by Tab');
  await page.waitForSelector('.card', { timeout: 2000 });
  assert.equal(await cards(page), 1, 'focus that rests opens the preview');
  const described = await page.getAttribute(`#${id}`, 'aria-describedby');
  assert.equal(described, await page.locator('.card').getAttribute('id'), 'the preview describes its trigger');
  assert.equal(await page.getAttribute(`#${id}`, 'aria-expanded'), 'true');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.equal(await page.locator('.card[role="dialog"]').count(), 1, 'Enter pins it as a dialog');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('.card')), 'focus moves into the dialog');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  assert.equal(await cards(page), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), id, 'focus returns to the trigger');
  await context.close();
});

test('a tap at phone size opens a bottom sheet, which closes with its button', async () => {
  const { context, page } = await open(browser, site.url, {
    viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
  });
  await hydrated(page);
  await page.locator('#m-zaltsman-1').scrollIntoViewIfNeeded();
  await page.locator('#m-zaltsman-1').tap();
  await page.waitForTimeout(200);
  const sheet = page.locator('.card-sheet');
  assert.equal(await sheet.count(), 1);
  assert.equal(await sheet.getAttribute('role'), 'dialog');
  assert.equal(await sheet.getAttribute('aria-modal'), 'true');
  const box = await sheet.boundingBox();
  assert.ok(Math.abs(box.y + box.height - 780) < 2 && box.width >= 359, 'docked to the bottom, full width');
  await page.locator('.card-sheet .card-close').tap();
  await page.waitForTimeout(100);
  assert.equal(await cards(page), 0);
  await context.close();
});

test('a sheet sits in the top layer, keeps the keyboard inside it, and a tap beside it closes it', async () => {
  const { context, page } = await open(browser, site.url, {
    viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  await hydrated(page);
  await page.evaluate(() => document.querySelector('#m-kapustin-1').scrollIntoView({ block: 'center' }));
  const before = page.url();
  await page.locator('#m-kapustin-1').tap();
  await page.waitForSelector('.card-sheet');
  assert.equal(await page.locator('.card-sheet').evaluate((d) => d.closest('.sheet-layer').matches(':popover-open')), true, 'in the top layer');
  // Round the sheet's own stops and a little further, both ways: focus never reaches the page.
  const stops = await page.locator('.card-sheet').evaluate((d) => d.querySelectorAll('a[href], button').length);
  assert.ok(stops >= 2, `the sheet has ${stops} stops`);
  const inside = () => page.evaluate(() => !!document.activeElement?.closest('.card-sheet'));
  // Focus moves in once the sheet is laid out (the frame after it opens).
  await page.waitForFunction(() => !!document.activeElement?.closest('.card-sheet'), null, { timeout: 2000 });
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press(key);
      assert.ok(await inside(), `${key} ${i + 1} of ${stops + 2} stayed in the sheet`);
    }
  }
  // The layer above the sheet takes the tap; the page behind it does not.
  const top = await page.locator('.card-sheet').evaluate((d) => d.getBoundingClientRect().top);
  assert.ok(top > 60, `room above the sheet: ${top}`);
  await page.touchscreen.tap(180, 30);
  await page.waitForFunction(() => !document.querySelector('.card-sheet'), null, { timeout: 3000 });
  await page.waitForTimeout(150);
  assert.equal(page.url(), before, 'nothing behind the layer was followed');
  await context.close();
});

test('cards nest, and Esc closes the top one first', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  await page.locator('#m-zaltsman-1').scrollIntoViewIfNeeded();
  await page.locator('#m-zaltsman-1').click();
  await page.waitForTimeout(100);
  const related = page.locator('.card [data-person]').first();
  await related.click();
  await page.waitForTimeout(100);
  assert.equal(await cards(page), 2);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  assert.equal(await cards(page), 1);
  assert.match(await page.locator('.card').innerText(), /Zal'tsman/);
  await context.close();
});

test('the deep link #person-<id> opens that card', async () => {
  const { context, page } = await open(browser, site.url + '#person-fedorova', laptop);
  await hydrated(page);
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.card[role="dialog"]').count(), 1);
  assert.match(await page.locator('.card').innerText(), /Fedorova/);
  await context.close();
});

test('a pinned card survives scrolling', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  await page.locator('#m-grachev-1').scrollIntoViewIfNeeded();
  await page.locator('#m-grachev-1').click();
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(300);
  assert.equal(await cards(page), 1);
  await context.close();
});

test('the people index lists every person in data/cast.toml, and the filter narrows it', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  const listed = await page.$$eval('#people li.person', (ls) => ls.map((l) => l.id.replace(/^person-/, '')));
  assert.deepEqual([...listed].sort(), personIds().sort());
  await page.locator('#people-filter-input').fill("zal'tzman");
  assert.deepEqual(await page.$$eval('#people li.person:not([hidden])', (ls) => ls.map((l) => l.id)), ['person-zaltsman']);
  await context.close();
});

test('a term card and a note card show their content', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  // Each kind's texts are one file (cards/term.json, cards/note.json), fetched when the cards wake.
  await page.locator('.essay-section [data-term="edinonachalie"]').first().click();
  await page.locator('.card', { hasText: /one-person management/i }).first().waitFor({ timeout: 5000 });
  await page.keyboard.press('Escape');
  await page.locator('.essay-section [data-note="n76"]').first().click();
  await page.locator('.card', { hasText: /TsGAIPD, f\. 1012, op\. 1, d\. 679/ }).first().waitFor({ timeout: 5000 });
  await context.close();
});

test('axe-core finds no violations with a card open', async () => {
  const { context, page } = await open(browser, site.url, laptop);
  await hydrated(page);
  await page.locator('#m-zaltsman-1').click();
  await page.waitForTimeout(150);
  const violations = await axe(page);
  assert.deepEqual(violations, []);
  await context.close();
});
