// The console as it runs for real, for the end-to-end suite and the benchmark: the REAL API (buildApp on
// PGlite in memory, or on PostgreSQL) with Tây Ninh and Hà Nội loaded and the demo accounts, listening on a
// free port, behind the shell test-kit's console server, which serves the BUILT shell and module.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseUnitKey } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import {
  buildApp,
  createDemoAccounts,
  loadUnits,
  migrate,
  openPgliteStore,
  openPostgresStore,
  parseConfig,
  unitsAround,
  type Store,
} from '@vwu/api';
import { startConsoleServer, type ConsoleServer } from '../../../shell/test-kit/console-server.ts';

/** Password of every demo account. */
export { DEMO_PASSWORD } from '@vwu/api';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** Where the store lives. */
export type StoreChoice = { kind: 'pglite' } | { kind: 'postgres'; url: string };

/** The running console: its URL, the API behind it and its store. */
export interface RealConsole {
  url: string;
  apiUrl: string;
  app: Awaited<ReturnType<typeof buildApp>>;
  store: Store;
  server: ConsoleServer;
  close(): Promise<void>;
}

/** Hands `/api/*` of the console to the API on `apiUrl` (headers, cookies and bodies as they are). */
function proxyTo(apiUrl: string) {
  const target = new URL(apiUrl);
  return (request: IncomingMessage, response: ServerResponse, path: string) =>
    new Promise<void>((resolve) => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path,
          headers: { ...request.headers, host: target.host },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          answer.on('end', resolve);
        },
      );
      upstream.on('error', (error) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(error.message);
        resolve();
      });
      request.pipe(upstream);
    });
}

/**
 * Opens the store (migrated, Tây Ninh and Hà Nội in both structures, demo accounts), starts the API on a
 * free port and the console in front of it.
 *
 * @example const console = await startRealConsole({ kind: 'pglite' }); await page.goto(`${console.url}/members`);
 */
export async function startRealConsole(choice: StoreChoice = { kind: 'pglite' }): Promise<RealConsole> {
  const hierarchy = loadHierarchy();
  const store = choice.kind === 'pglite' ? await openPgliteStore(null) : await openPostgresStore(choice.url);
  await migrate(store);
  await loadUnits(store, hierarchy, {
    include: unitsAround(hierarchy, [parseUnitKey('2025:80'), parseUnitKey('2025:01')]),
  });
  await createDemoAccounts(store, hierarchy, new Date());
  const config = {
    ...parseConfig({
      JWT_SECRET: 'members-e2e-secret-0123456789abcdefghijklmnop',
      PGLITE_DIR: 'memory',
      COOKIE_SECURE: 'false',
      BODY_LIMIT_BYTES: String(64 * 1024 * 1024),
    }),
    loginRateLimit: { perIp: 10_000, perUser: 10_000 },
  };
  const app = await buildApp({ config, hierarchy, store, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const server = await startConsoleServer({
    shellDist: root('shell/dist'),
    modules: [{ dist: root('mfe-members/dist'), base: '/modules/mfe-members/0.1.0/' }],
    api: proxyTo(apiUrl),
  });
  return {
    url: server.url,
    apiUrl,
    app,
    store,
    server,
    async close() {
      await server.close();
      await app.close();
      await store.close();
    },
  };
}
