#!/usr/bin/env node
// Writes <file>.br and <file>.gz beside every compressible file of a built bundle, which
// scripts/serve.mjs serves when the browser accepts them:
//
//   node scripts/precompress.mjs [dir]     (default dist/; `make build` runs it after trunk)
//
// Maximum quality: brotli 11, gzip 9. Brotli 11 is slow (about 8 s for the wasm on one core), so
// results are cached by content hash in target/precompress-cache/: an unchanged file (ECharts,
// the CSS) costs nothing the next time trunk rebuilds dist/. The async zlib calls run on libuv's
// thread pool, i.e. on every core.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const ROOT = new URL('../', import.meta.url).pathname;

/** Extensions worth compressing; images other than SVG are already compressed. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.bin', '.csv', '.txt', '.webmanifest']);
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Precompresses the files in `dir` and its folders (the cards' texts are in cards/); returns
 *  their paths, relative to it. */
export async function precompress(dir) {
  const cache = join(ROOT, 'target/precompress-cache');
  mkdirSync(cache, { recursive: true });
  const files = readdirSync(dir, { recursive: true })
    .filter((f) => COMPRESSIBLE.has(extname(f)) && statSync(join(dir, f)).isFile());
  await Promise.all(files.map(async (f) => {
    const body = readFileSync(join(dir, f));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 32);
    for (const [ext, compress] of [
      ['.br', () => brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })],
      ['.gz', () => gzip(body, { level: 9 })],
    ]) {
      const cached = join(cache, hash + ext);
      if (!existsSync(cached)) writeFileSync(cached, await compress());
      cpSync(cached, join(dir, f + ext));
    }
  }));
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  const t0 = Date.now();
  const files = await precompress(dir);
  console.log(`precompressed ${files.length} files in ${dir} to .br and .gz (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
