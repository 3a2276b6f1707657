// The console with this module, served as production will serve it, for the browser suites, the
// screenshots and the benchmark: the shell's reference console server (import map, CSP, mock API with the
// real unit hierarchy) behind a small front server that
//   - serves this module's dist itself, with `application/wasm` for the WebAssembly (DuckDB-WASM's
//     streaming compile refuses anything else; the shell's reference server does not know `.wasm` yet)
//     and the long-lived caching a versioned URL allows;
//   - answers `/api/kpi/targets` with the national plan (test-kit/national-plan.ts);
//   - serves `/api/analytics/manifest.json` and the data files from a data root (what the API will do,
//     scoped to the user);
//   - records every request, so a suite can check that nothing went to another host.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startConsoleServer, type ConsoleServer } from '../../shell/test-kit/console-server.ts';
import { createMockApi, type MockAccount } from '../../shell/test-kit/mock-api.ts';
import { PREVIEW_ACCOUNTS, PREVIEW_PASSWORD, hierarchyUnits } from '../../shell/test-kit/preview.ts';
import { targetsAnswer } from './national-plan.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where this module is served (versioned, as the API's import-map deployment does). */
export const KPI_BASE = '/modules/mfe-kpi/0.1.0/';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.json': 'application/json',
  '.parquet': 'application/vnd.apache.parquet',
};

/** Options of {@link startKpiConsole}. */
export interface KpiConsoleOptions {
  /** A data root (manifest.json + events/…), e.g. from writeDemoData. */
  data: string;
  /** This module's built dist (default mfe-kpi/dist). */
  dist?: string;
  port?: number;
  /** Serve the page with the API's Content-Security-Policy (default true). */
  csp?: boolean;
  accounts?: MockAccount[];
}

/** A running console with this module. */
export interface KpiConsole {
  url: string;
  /** Every request, as an absolute URL as the browser asked for it (`host` header). */
  requests: string[];
  /** Bytes of data files served (manifest excluded). */
  dataBytes(): number;
  close(): Promise<void>;
}

export { PREVIEW_PASSWORD, PREVIEW_ACCOUNTS };

function inside(dir: string, relative: string): string | undefined {
  const file = normalize(join(dir, decodeURIComponent(relative)));
  return file.startsWith(dir) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function sendFile(response: ServerResponse, file: string, cache: string): void {
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(statSync(file).size),
    'cache-control': cache,
  });
  createReadStream(file).pipe(response);
}

function proxy(request: IncomingMessage, response: ServerResponse, target: ConsoleServer): void {
  const upstream = new URL(target.url);
  const forward = httpRequest(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: request.method,
      path: request.url,
      headers: request.headers,
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  forward.on('error', (error) => {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(error.message);
  });
  request.pipe(forward);
}

/**
 * Starts the console (shell + this module + members if built) on 127.0.0.1.
 *
 * @example const app = await startKpiConsole({ data: '/tmp/kpi-data' }); // sign in as leader.tayninh
 */
export async function startKpiConsole(options: KpiConsoleOptions): Promise<KpiConsole> {
  const dist = options.dist ?? join(root, 'mfe-kpi/dist');
  const data = normalize(options.data);
  const manifestText = readFileSync(join(data, 'manifest.json'), 'utf8');
  const api = createMockApi({ units: hierarchyUnits(), accounts: options.accounts ?? PREVIEW_ACCOUNTS });
  let dataBytes = 0;
  const analytics = (request: IncomingMessage, response: ServerResponse, path: string) => {
    const url = new URL(path, 'http://api.invalid');
    if (url.pathname === '/analytics/manifest.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(manifestText);
      return;
    }
    if (url.pathname === '/kpi/targets') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(targetsAnswer(url.searchParams.get('unit') ?? undefined)));
      return;
    }
    if (url.pathname.startsWith('/analytics/')) {
      const file = inside(data, url.pathname.slice('/analytics/'.length));
      if (file === undefined || !file.endsWith('.parquet')) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            error: { code: 'NOT_FOUND', message: 'No such file', message_vi: 'Không có tệp này' },
          }),
        );
        return;
      }
      dataBytes += statSync(file).size;
      // Content-addressed and immutable: a file's name carries its hash.
      sendFile(response, file, 'private, max-age=31536000, immutable');
      return;
    }
    return api.handle(request, response, path);
  };
  const members = join(root, 'mfe-members/dist');
  const modules = [{ dist, base: KPI_BASE }];
  if (existsSync(join(members, 'deploy.json')))
    modules.push({ dist: members, base: '/modules/mfe-members/0.1.0/' });
  const inner = await startConsoleServer({
    shellDist: join(root, 'shell/dist'),
    modules,
    api: analytics,
    csp: options.csp ?? true,
  });
  const requests: string[] = [];
  const front = createServer((request, response) => {
    requests.push(`http://${request.headers.host ?? '?'}${request.url ?? '/'}`);
    const path = new URL(request.url ?? '/', 'http://front.invalid').pathname;
    if (path.startsWith(KPI_BASE)) {
      const file = inside(dist, path.slice(KPI_BASE.length));
      if (file === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not found');
        return;
      }
      return sendFile(response, file, 'public, max-age=31536000, immutable');
    }
    proxy(request, response, inner);
  });
  await new Promise<void>((resolve) => front.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    dataBytes: () => dataBytes,
    close: async () => {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await inner.close();
    },
  };
}
