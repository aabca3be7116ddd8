// A small static HTTP server on 127.0.0.1 for the embed tests, the benchmark and Lighthouse.
//
//   const server = await serveStatic({root: 'dist', pages: {'/x.html': '<!doctype html>…'},
//                                     delay: (pathname) => (pathname.endsWith('.js') ? 200 : 0)});
//   server.url   // http://127.0.0.1:PORT/
//   await server.close();
//
// Files come from `root` (never outside it); `pages` adds generated responses by path. Text
// responses are gzipped when the client accepts it, as a CDN would. `delay(pathname)` holds a
// response for that many milliseconds before it is sent (a CDN's latency on a phone).
// `headers` adds response headers: an object, or a function of the path that returns one.
// `host` is the loopback address to listen on (another one, such as 127.0.0.2, is another
// origin). A missing /favicon.ico answers 204, so browsers log no error for it.
// `server.requested` lists every path asked for, in order.
import {existsSync} from 'node:fs';
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export async function serveStatic({
  root,
  pages = {},
  delay = () => 0,
  headers = {},
  host = '127.0.0.1',
} = {}) {
  const base = path.resolve(root);
  // Generated pages are served many times (the benchmark): compress each once.
  const generated = new Map(
    Object.entries(pages).map(([pathname, text]) => {
      const raw = Buffer.from(text);
      return [pathname, {raw, zipped: gzipSync(raw)}];
    }),
  );
  const requested = [];
  const server = createServer(async (req, res) => {
    try {
      const {pathname} = new URL(req.url ?? '/', 'http://127.0.0.1');
      requested.push(pathname);
      if (pathname === '/favicon.ico' && !existsSync(path.join(base, 'favicon.ico'))) {
        res.writeHead(204).end();
        return;
      }
      let body;
      let zipped;
      let type;
      if (generated.has(pathname)) {
        ({raw: body, zipped} = generated.get(pathname));
        type = TYPES[path.extname(pathname)] ?? TYPES['.html'];
      } else {
        const wanted = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
        const file = path.resolve(base, `.${decodeURIComponent(wanted)}`);
        if (file !== base && !file.startsWith(base + path.sep))
          throw Object.assign(new Error(), {code: 'ENOENT'});
        body = await readFile(file);
        type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      }
      const ms = delay(pathname);
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      const extra = typeof headers === 'function' ? headers(pathname) : headers;
      const head = {'Content-Type': type, 'Cache-Control': 'no-cache', ...extra};
      if (/gzip/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('image/png')) {
        body = zipped ?? gzipSync(body);
        head['Content-Encoding'] = 'gzip';
        head.Vary = 'Accept-Encoding';
      }
      head['Content-Length'] = body.length;
      res.writeHead(200, head);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      const missing = error.code === 'ENOENT' || error.code === 'EISDIR';
      res.writeHead(missing ? 404 : 500, {'Content-Type': 'text/plain; charset=utf-8'});
      res.end(missing ? 'not found' : String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const {port} = server.address();
  return {
    origin: `http://${host}:${port}`,
    url: `http://${host}:${port}/`,
    requested,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
