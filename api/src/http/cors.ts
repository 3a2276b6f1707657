import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Options of the CORS plugin. */
export interface CorsOptions {
  /** Exact origins allowed; empty = CORS off. */
  origins: readonly string[];
}

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
// Range and the conditional headers: analytics files are read in byte ranges (api/src/analytics).
const ALLOWED_HEADERS = 'authorization, content-type, range, if-range, if-none-match';
const EXPOSED_HEADERS = 'content-range, accept-ranges, etag, content-length, retry-after, x-request-id';
const PREFLIGHT_MAX_AGE_S = '600';

/**
 * Cross-origin access for an explicit list of origins, and nothing else. With no origins (the default) no
 * CORS header is ever sent, so browsers allow same-origin calls only. A listed origin gets its own origin
 * echoed (never `*`), credentials, and a short preflight answer.
 */
export const corsPlugin = fp<CorsOptions>(
  async (app: FastifyInstance, options) => {
    if (options.origins.length === 0) return;
    const allowed = new Set(options.origins);
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      reply.header('vary', 'Origin');
      if (origin === undefined || !allowed.has(origin)) return;
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', EXPOSED_HEADERS);
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
        reply.header('access-control-allow-methods', ALLOWED_METHODS);
        reply.header('access-control-allow-headers', ALLOWED_HEADERS);
        reply.header('access-control-max-age', PREFLIGHT_MAX_AGE_S);
        await reply.status(204).send();
      }
    });
  },
  { name: 'vwu-cors', fastify: '5.x' },
);
