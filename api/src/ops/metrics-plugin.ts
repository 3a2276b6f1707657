import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { MetricsRegistry, type Counter, type Histogram } from './metrics.js';

/** The API's instruments. */
export interface ApiMetrics {
  registry: MetricsRegistry;
  httpRequests: Counter;
  httpDuration: Histogram;
  loginFailures: Counter;
  lockouts: Counter;
  refreshReuse: Counter;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ApiMetrics;
  }
}

/** Prometheus text format content type. */
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Counts every response by method, route pattern and status, with a latency histogram; decorates the app
 * with the instruments (accounts add sign-in failures and lockouts); serves `GET /metrics` (public: counts
 * only, no personal data).
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const registry = new MetricsRegistry();
    const metrics: ApiMetrics = {
      registry,
      httpRequests: registry.counter(
        'http_requests_total',
        'HTTP requests served, by method, route and status.',
      ),
      httpDuration: registry.histogram('http_request_duration_seconds', 'HTTP request latency, seconds.'),
      loginFailures: registry.counter(
        'auth_login_failures_total',
        'Sign-ins refused for a wrong username or password.',
      ),
      lockouts: registry.counter('auth_lockouts_total', 'Accounts locked after repeated sign-in failures.'),
      refreshReuse: registry.counter(
        'auth_refresh_reuse_total',
        'Rotated refresh tokens presented again (session revoked).',
      ),
    };
    app.decorate('metrics', metrics);
    app.addHook('onResponse', async (request, reply) => {
      const labels = {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe({ method: labels.method, route: labels.route }, reply.elapsedTime / 1000);
    });
    app.get(
      '/metrics',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics (text format)',
          response: { 200: Type.String({ description: 'Prometheus text exposition format 0.0.4' }) },
        },
      },
      async (_request, reply) => reply.type(CONTENT_TYPE).send(registry.render()),
    );
  },
  { name: 'vwu-metrics', fastify: '5.x', dependencies: ['vwu-access'] },
);
