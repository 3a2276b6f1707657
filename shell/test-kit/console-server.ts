// A small HTTP server that serves the console the way production does: the shell's dist and each module's
// dist under versioned paths, the page rendered with the merged import map (inline, before any module
// script), and `/api/*` handed to a handler (a mock API in tests). The reference for the API's serving.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { renderConsolePage } from '../build/console-page.ts';
import type { DeployManifest } from '../build/deploy-manifest.ts';
import { mergeImportMaps, rebaseImportMap, type ImportMap } from '../build/import-map.ts';

/** A module served by the console server. */
export interface ServedModule {
  /** Its `dist/` (with deploy.json). */
  dist: string;
  /** URL prefix, e.g. '/modules/mfe-members/0.1.0/'. */
  base: string;
}

/** Options of {@link startConsoleServer}. */
export interface ConsoleServerOptions {
  /** The shell's built `dist/`. */
  shellDist: string;
  modules?: ServedModule[];
  /** Extra import-map entries (test fixtures, overrides). */
  imports?: Record<string, string>;
  /** Layout for the page (routes, time limits). */
  layout?: unknown;
  /** Extra files by URL path (test fixtures); `null` answers 404. */
  files?: Record<string, { type: string; body: string } | null>;
  /** Answers `/api/*` (path without '/api'); without it every API call is a 404. */
  api?: (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void> | void;
  /** Serve with Content-Security-Policy as the API does (default true). */
  csp?: boolean;
  /** TCP port (default 0: any free port). */
  port?: number;
}

/** A running console server. */
export interface ConsoleServer {
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Adds, replaces or (with `null`) removes a fixture file. */
  setFile(path: string, file: { type: string; body: string } | null): void;
  /** The import map the page carries. */
  importMap(): ImportMap;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
  // DuckDB-WASM and parquet-wasm compile streaming, which browsers allow only for application/wasm.
  '.wasm': 'application/wasm',
};
const SHELL_BASE = '/shell/';

function readManifest(dist: string): DeployManifest {
  return JSON.parse(readFileSync(join(dist, 'deploy.json'), 'utf8')) as DeployManifest;
}

function staticFile(dist: string, relative: string): string | undefined {
  const file = normalize(join(dist, decodeURIComponent(relative)));
  return file.startsWith(dist) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * Starts the server on 127.0.0.1 (a free port).
 *
 * @example
 * const server = await startConsoleServer({ shellDist: 'shell/dist', modules: [{ dist: 'mfe-members/dist', base: '/modules/mfe-members/' }] });
 */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const shell = readManifest(options.shellDist);
  const template = readFileSync(join(options.shellDist, 'index.html'), 'utf8');
  const files = new Map(Object.entries(options.files ?? {}));
  const requests: string[] = [];
  const importMap = mergeImportMaps(
    rebaseImportMap(shell.importMap, SHELL_BASE),
    ...(options.modules ?? []).map((m) => rebaseImportMap(readManifest(m.dist).importMap, m.base)),
    { imports: options.imports ?? {} },
  );
  const stylesheet = `${SHELL_BASE}${(shell.stylesheet ?? '').replace(/^\.\//, '')}`;

  function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://console.invalid');
    requests.push(`${url.pathname}${url.search}`);
    if (url.pathname.startsWith('/api/')) {
      if (options.api !== undefined)
        return options.api(request, response, url.pathname.slice(4) + url.search);
      return send(
        response,
        404,
        'application/json',
        JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No API', message_vi: 'Không có API' } }),
      );
    }
    if (files.has(url.pathname)) {
      const file = files.get(url.pathname);
      return file
        ? send(response, 200, file.type, file.body)
        : send(response, 404, 'text/plain', 'Not found');
    }
    const served = [{ dist: options.shellDist, base: SHELL_BASE }, ...(options.modules ?? [])].find((m) =>
      url.pathname.startsWith(m.base),
    );
    if (served !== undefined) {
      const file = staticFile(served.dist, url.pathname.slice(served.base.length));
      if (file === undefined) return send(response, 404, 'text/plain', 'Not found');
      return send(response, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    if (extname(url.pathname) !== '') return send(response, 404, 'text/plain', 'Not found');
    const page = renderConsolePage(template, { importMap, stylesheet, layout: options.layout });
    if (options.csp !== false) {
      response.setHeader(
        'content-security-policy',
        `default-src 'self'; script-src 'self' ${page.importMapHash}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'`,
      );
    }
    return send(response, 200, 'text/html; charset=utf-8', page.html);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, 'text/plain', error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setFile: (path, file) => void files.set(path, file),
    importMap: () => importMap,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
