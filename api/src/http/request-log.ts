import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { LogLevel } from '../config.js';

/** Where structured log lines go: anything with `write(line)` (a file stream, or a test's array). */
export interface LogDestination {
  write(line: string): void;
}

/** Logger settings of {@link loggerOptions}. */
export interface LogSettings {
  level: LogLevel;
  destination?: LogDestination;
}

/**
 * Paths pino removes from every log line, in case a future call logs a request, a user or a body: tokens,
 * cookies, passwords and names never reach the log.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.username',
  '*.displayName',
  '*.display_name',
  '*.body',
];

/**
 * Fastify logger options: JSON lines with the request id, redaction of secrets and names, and request and
 * response serializers that keep only the method, route pattern and status (never URLs with query strings,
 * headers or bodies).
 */
export function loggerOptions(settings: LogSettings): FastifyServerOptions['logger'] {
  return {
    level: settings.level,
    ...(settings.destination === undefined ? {} : { stream: settings.destination }),
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** A fresh request id for each request (an incoming `x-request-id` is not trusted). */
export function newRequestId(): string {
  return randomUUID();
}

/**
 * One log line per request, after the response: method, route pattern, status and duration, tagged with the
 * request id (which is also returned in the `x-request-id` header). No URL, query, header or body is logged.
 */
export const requestLogPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request',
      );
    });
  },
  { name: 'vwu-request-log', fastify: '5.x' },
);
