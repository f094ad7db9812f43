// Citation metadata and the link preview, read by a real consumer: html-metadata (the scraper
// behind Wikipedia's Citoid) parses the page as served, and each field must be the article's
// record in data/meta.toml (read here independently of the Rust pipeline). The JSON-LD block is
// data, not script: the page's strict CSP reports nothing while it loads and hydrates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import metadata from 'html-metadata';
import { launch, serve, open, hydrated, ROOT } from './helpers.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve({ base: '/journal/kirov/' }); });
after(async () => { await browser?.close(); site?.server.close(); });

/** A `key = "value"` (or number) from a table of data/meta.toml. */
function metaToml(table, key) {
  const text = readFileSync(join(ROOT, 'data/meta.toml'), 'utf8');
  const body = table ? text.split(`[${table}]`)[1].split(/^\[/m)[0] : text.split(/^\[/m)[0];
  const m = body.match(new RegExp(`^${key} = (?:"([^"]*)"|(\\d+))$`, 'm'));
  return m[1] ?? m[2];
}

test('html-metadata reads the article’s citation, DOI included, and the edition’s preview', async () => {
  const html = await (await fetch(site.url)).text();
  const found = await metadata.loadFromString(html);
  const [title, author, journal, year, doi] = ['name', 'author', 'journal', 'year', 'doi'].map((k) => metaToml('source', k));
  const [given, family] = [author.slice(0, author.lastIndexOf(' ')), author.slice(author.lastIndexOf(' ') + 1)];

  // Highwire Press: what Zotero and Google Scholar read.
  const hw = found.highwirePress;
  assert.equal(hw.title, title);
  assert.equal(hw.author, `${family}, ${given}`);
  assert.equal(hw.publication_date, year);
  assert.equal(hw.journal_title, journal);
  assert.equal(hw.doi, doi);
  assert.equal(hw.volume, undefined, 'nothing the record does not give');

  // Dublin Core, describing the same article.
  const dc = found.dublinCore;
  assert.equal(dc.title, title);
  assert.equal(dc.creator, `${family}, ${given}`);
  assert.equal(dc.date, year);
  assert.equal(dc.identifier, `doi:${doi}`);
  assert.equal(dc.ispartof, journal);

  // schema.org: this edition, based on the article, with its DOI.
  const ld = found.jsonLd;
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld.name, metaToml('', 'title'));
  assert.equal(ld.isBasedOn['@type'], 'ScholarlyArticle');
  assert.equal(ld.isBasedOn.name, title);
  assert.equal(ld.isBasedOn.author.name, author);
  assert.equal(ld.isBasedOn.identifier.value, doi);
  assert.equal(ld.isBasedOn.isPartOf.name, journal);

  // Open Graph and Twitter: the link preview.
  const og = found.openGraph;
  assert.equal(og.type, 'article');
  assert.equal(og.title, metaToml('', 'title'));
  assert.ok(og.description.startsWith(metaToml('', 'subtitle')), og.description);
  assert.match(og.image.url, /^https?:\/\/.+\/preview\.png$/, 'absolute, as unfurlers require');
  assert.equal(og.image.width, '1200');
  assert.equal(og.image.height, '630');
  // (html-metadata lower-cases the values of og:image:* sub-properties.)
  assert.ok(og.image.alt.startsWith(metaToml('', 'title').toLowerCase()), og.image.alt);
  const tw = found.twitter;
  assert.equal(tw.card, 'summary_large_image');
  assert.equal(tw.title, og.title);
  assert.equal(tw.image.url, og.image.url);
  assert.equal(found.general.description, og.description);
});

test('the preview image is a 1200 × 630 PNG served beside the page', async () => {
  const res = await fetch(new URL('./preview.png', site.url));
  assert.equal(res.status, 200);
  const png = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  assert.ok(png.length > 10000, `a drawn image, not a blank one (${png.length} bytes)`);
});

test('the JSON-LD block is data under the strict CSP: nothing reported, nothing run', async () => {
  const { context, page, log } = await open(browser, site.url, { viewport: { width: 1280, height: 800 } });
  await hydrated(page);
  const ld = await page.$eval('script[type="application/ld+json"]', (s) => JSON.parse(s.textContent));
  assert.equal(ld.isBasedOn.identifier.propertyID, 'DOI');
  await page.waitForTimeout(300);
  assert.deepEqual(log.csp, []);
  assert.deepEqual(log.errors, []);
  await context.close(); // fails on any CSP report or request leaving 127.0.0.1
});
