// The console with this module and the REAL API (PGlite in memory, the test provinces and the demo accounts)
// behind the shell's reference console server; the API's clock is the test's to move.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadHierarchy } from '@vwu/contracts/node';
import type { FastifyInstance } from 'fastify';
import { buildApp, openStore, parseConfig, type Store } from '../../../api/src/index.ts';
import { fillTemplate } from '../../../api/test/setup/template.ts';
import { startConsoleServer, type ConsoleServer } from '../../../shell/test-kit/console-server.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A running console over the real API. */
export interface ContestConsole {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** Sets the API's "now". */
  setNow(iso: string): void;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the API on a fresh in-memory store and the console in front of it. */
export async function startContestConsole(start: string): Promise<ContestConsole> {
  let now = Date.parse(start);
  const store = await openStore({ kind: 'pglite', dataDir: null });
  await fillTemplate(store);
  const config = parseConfig({
    JWT_SECRET: 'e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    PGLITE_DIR: 'memory',
  });
  const app = await buildApp({
    config: { ...config, loginRateLimit: { perIp: 10_000, perUser: 10_000 } },
    hierarchy: loadHierarchy(),
    clock: () => now,
    logger: false,
    store,
  });
  const api = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const payload = await body(request);
    const answer = await app.inject({
      method: request.method as 'GET',
      url: path,
      headers: request.headers,
      ...(payload.length > 0 ? { payload } : {}),
    });
    const headers = { ...answer.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    response.writeHead(answer.statusCode, headers);
    response.end(answer.rawPayload);
  };
  let server: ConsoleServer;
  try {
    server = await startConsoleServer({
      shellDist: `${root}shell/dist`,
      modules: [{ dist: `${root}mfe-contests/dist`, base: '/modules/mfe-contests/0.1.0/' }],
      api,
    });
  } catch (error) {
    await app.close();
    await store.close();
    throw error;
  }
  return {
    url: server.url,
    app,
    store,
    setNow: (iso) => void (now = Date.parse(iso)),
    async close() {
      await server.close();
      await app.close();
      await store.close();
    },
  };
}
