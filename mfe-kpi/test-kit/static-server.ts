// A small static server for the engine suite and the benchmark: URL prefixes mapped to directories, the
// right MIME types (`application/wasm` matters: DuckDB-WASM's streaming compile refuses anything else), a
// blank page at `/`, and a log of every request.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.parquet': 'application/vnd.apache.parquet',
};

/** A running static server. */
export interface StaticServer {
  url: string;
  /** Every request path (with query), in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `mounts` (URL prefix → directory) on 127.0.0.1.
 *
 * @example const server = await startStaticServer({ '/kpi/': 'mfe-kpi/dist', '/data/': root });
 */
export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '/');
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://static.invalid').pathname);
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>vwu</title></head><body></body></html>',
      );
      return;
    }
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    const dir = mount === undefined ? undefined : normalize(mounts[mount]!);
    const file = dir === undefined ? undefined : normalize(join(dir, path.slice(mount!.length)));
    if (file === undefined || !file.startsWith(dir!) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(statSync(file).size),
      'cache-control': 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
