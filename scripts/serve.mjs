// A small static file server for dist/: correct MIME types, precompressed .br/.gz variants when
// the browser accepts them, and an optional sub-path (to prove the bundle's URLs are relative).
//   node scripts/serve.mjs <dir> <port> [--base /some/sub/path/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.bin': 'application/octet-stream', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

// `types` overrides the type of an extension, e.g. { '.wasm': 'application/octet-stream' } for a
// host that does not know wasm.
export function startServer(dir, port, { base = '/', host = '127.0.0.1', headers = {}, types = {} } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(base)) { res.writeHead(404).end('not found'); return; }
      let rel = decodeURIComponent(url.pathname.slice(base.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(root, rel));
      if (!file.startsWith(root)) { res.writeHead(403).end('forbidden'); return; }
      await stat(file);
      const accept = req.headers['accept-encoding'] || '';
      let body = null; let encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (accept.includes(enc)) {
          try { body = await readFile(file + ext); encoding = enc; break; } catch { /* no variant */ }
        }
      }
      if (!body) body = await readFile(file);
      // CORS for the bundle: a sandboxed iframe (opaque origin) loads its module script and wasm
      // in CORS mode, and hosts embed it from other origins.
      const h = { 'Content-Type': types[extname(file)] || TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*', ...headers };
      if (encoding) { h['Content-Encoding'] = encoding; h['Vary'] = 'Accept-Encoding'; }
      res.writeHead(200, h).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const baseIdx = process.argv.indexOf('--base');
  const base = baseIdx > 0 ? process.argv[baseIdx + 1] : '/';
  await startServer(dir, Number(port), { base });
  console.log(`Serving ${dir} at http://127.0.0.1:${port}${base}  (Ctrl-C to stop)`);
}
