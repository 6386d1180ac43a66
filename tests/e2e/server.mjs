// A small static server for the release build in dist/: `.wasm` as
// application/wasm, unknown paths fall back to index.html (the app routes by
// URL hash, but a deep link must still load). Used by `scripts/serve.sh` and
// by the end-to-end tests; no dependencies beyond Node itself.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Starts serving `root` on host:port; resolves to the node http.Server. */
export function serve(root, { host = '127.0.0.1', port = 8080, quiet = true } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    } catch { path = join(base, 'index.html'); }
    try {
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
      if (!quiet) console.log(`${req.method} ${url.pathname} 200`);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.env.PORT ?? 8080);
  await serve(root, { port, quiet: false });
  console.log(`Canvass is served on http://127.0.0.1:${port}/ (Ctrl-C to stop)`);
}
