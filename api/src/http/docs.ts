import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AccessRule } from '../access/rules.js';

/** Where the docs page is served. */
export const DOCS_PREFIX = '/docs';

/**
 * OpenAPI 3 from the routes' TypeBox schemas (`/docs/json`, `/docs/yaml`) and the Swagger UI page at
 * `/docs`, its assets served from the package itself: no CDN, no validator service, nothing from a
 * third-party host. Must be registered before the routes it documents.
 */
export const docsPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: "Vietnam Women's Union operations console API",
          description:
            'Every route declares its access rule; errors are `{ error: { code, message, message_vi, requestId } }` ' +
            'with codes from one list (api/src/errors.ts).',
          version: '0.1.0',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
        security: [{ bearer: [] }],
      },
    });
    // Swagger UI registers its own routes and static assets; this context declares them public.
    await app.register(async (docs) => {
      docs.decorate('accessDefault', { public: true } satisfies AccessRule);
      await docs.register(swaggerUi, {
        routePrefix: DOCS_PREFIX,
        uiConfig: { validatorUrl: null, deepLinking: true },
        staticCSP: false,
      });
    });
  },
  { name: 'vwu-docs', fastify: '5.x', dependencies: ['vwu-access'] },
);
