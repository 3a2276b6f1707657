/**
 * The service's small HTTP side: `GET /metrics` (Prometheus text), `GET /healthz` (state as JSON, 200 while
 * running, 503 otherwise). Nothing else is served.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prometheusText, type ServiceSnapshot } from './metrics.js';

/** A listening metrics server. */
export interface MetricsServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the snapshots `read` returns on `host:port`.
 *
 * @example const server = await serveMetrics(() => service.metrics(), '127.0.0.1', 9464);
 */
export async function serveMetrics(
  read: () => Promise<ServiceSnapshot>,
  host: string,
  port: number,
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || (path !== '/metrics' && path !== '/healthz')) {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('not found: GET /metrics or /healthz\n');
      return;
    }
    read().then(
      (snapshot) => {
        if (path === '/metrics') {
          response
            .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
            .end(prometheusText(snapshot));
          return;
        }
        const body = {
          state: snapshot.state,
          totalLag: snapshot.totalLag,
          uptimeSeconds: snapshot.uptimeSeconds,
        };
        response
          .writeHead(snapshot.state === 'running' ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify(body));
      },
      (error: unknown) => {
        response
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          .end(`metrics unavailable: ${String(error)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
