#!/usr/bin/env node
// A tiny static server for the playground: serves the wasm/ directory (so the
// page at /playground/ can import ../pkg/web/) on 127.0.0.1.
//
//   node wasm/playground/serve.mjs [PORT]     PORT 0 or none: a free port
//
// Prints the playground's URL on its first line of output. Build the package
// first: scripts/build-wasm.sh (writes wasm/pkg/web/).
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = process.argv[2] ?? '0';
const port = Number(arg);
if (!/^\d+$/.test(arg) || port > 65535) {
  console.error(`usage: node wasm/playground/serve.mjs [PORT]  (got ${JSON.stringify(arg)})`);
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res, code, body, headers = {}) {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    send(res, 400, 'bad request\n');
    return;
  }
  if (pathname === '/') {
    send(res, 302, '', { location: '/playground/' });
    return;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = normalize(join(root, pathname));
  if (pathname.includes('\0') || (file !== root && !file.startsWith(root + sep))) {
    send(res, 403, 'forbidden\n');
    return;
  }
  let st;
  try {
    st = statSync(file);
  } catch {
    send(res, 404, `not found: ${pathname}\n`);
    return;
  }
  if (st.isDirectory()) {
    send(res, 302, '', { location: `${pathname}/` });
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': st.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/playground/`;
  console.log(url);
  if (!existsSync(join(root, 'pkg', 'web', 'driftgate_wasm.js'))) {
    console.error('serve: wasm/pkg/web/ is missing; build it with scripts/build-wasm.sh');
  }
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
