import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { schemaVersion } from '../store/migrations.js';

const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    store: Type.Object({
      kind: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
      reachable: Type.Boolean(),
      schemaVersion: Type.Union([Type.Integer(), Type.Null()]),
    }),
  },
  { title: 'Health' },
);

/**
 * `GET /health` (public): 200 when the store answers, with the applied migration version; 503 when it does
 * not, so that a load balancer takes the instance out.
 */
export const healthPlugin = fp(
  async (app: FastifyInstance) => {
    app.get(
      '/health',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['operations'],
          summary: 'Liveness and store reachability',
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) => {
        const kind = app.store.kind;
        try {
          const version = await schemaVersion(app.store);
          return reply.send({ status: 'ok', store: { kind, reachable: true, schemaVersion: version } });
        } catch (error) {
          app.log.warn({ code: (error as { code?: unknown }).code }, 'health: store unreachable');
          return reply
            .status(503)
            .send({ status: 'unavailable', store: { kind, reachable: false, schemaVersion: null } });
        }
      },
    );
  },
  { name: 'vwu-health', fastify: '5.x', dependencies: ['vwu-access', 'vwu-store'] },
);
