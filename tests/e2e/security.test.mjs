// The page's own Content-Security-Policy, and that the CSP recorder every test relies on (in
// helpers.mjs) really reports a violation; no cookies, and storage only for the theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, hydrated } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(); });
after(async () => { await browser?.close(); site?.server.close(); });

test('the page carries a strict CSP, which blocks and reports inline script and style', async () => {
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "default-src 'self'"]) {
    assert.ok(policy.includes(directive), `${directive} in ${policy}`);
  }
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  // What an injection would try: an inline script and an inline style. (eval cannot be tried
  // from here: DevTools evaluation is exempt from the page's CSP. The policy above has no
  // 'unsafe-eval', and tests/no_unsafe_html.rs keeps eval out of our code.)
  const outcome = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    const st = document.createElement('style');
    st.textContent = '.kirov { display: none }';
    document.head.append(st);
    return { injected: window.__injected === true, hidden: getComputedStyle(document.querySelector('.kirov')).display === 'none' };
  });
  assert.deepEqual(outcome, { injected: false, hidden: false });
  await page.waitForTimeout(200);
  assert.ok(log.csp.some((v) => v.startsWith('script-src')), `script violation reported: ${log.csp}`);
  assert.ok(log.csp.some((v) => v.startsWith('style-src')), `style violation reported: ${log.csp}`);
  log.csp.length = 0; // these were ours; the context's closing check stays for everything else
  await context.close();
});

test('no cookies, and nothing stored but the reader’s theme', async () => {
  const { context, page } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  await page.locator('.reader-tool', { hasText: 'Dark' }).click();
  await page.locator('.essay-section .mention-person').first().click();
  await page.locator('.card-pinned').waitFor();
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(await context.cookies(), []);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['kirov-essay-theme']);
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), []);
  await context.close();
});
