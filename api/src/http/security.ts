import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { apiError } from '../errors.js';
import { corsPlugin } from './cors.js';

/**
 * Content-Security-Policy for the API and the same-origin console: everything from this origin only, no
 * third-party host, no inline script, WebAssembly allowed (DuckDB-WASM, parquet-wasm) and workers from
 * blobs. Inline styles are allowed for the self-hosted docs page.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'", 'blob:'],
};

/**
 * Security headers (helmet with {@link CSP_DIRECTIVES}), CORS off unless origins are configured, and the
 * rate limiter, off by default and switched on per route with `config: { rateLimit }` (login, ingestion).
 */
export const securityPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      crossOriginEmbedderPolicy: false,
    });
    await app.register(corsPlugin, { origins: app.config.corsOrigins });
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        apiError('RATE_LIMITED', { retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) }),
    });
  },
  { name: 'vwu-security', fastify: '5.x', dependencies: ['vwu-context'] },
);
