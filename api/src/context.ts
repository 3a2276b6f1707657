import type { Hierarchy } from '@vwu/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiConfig } from './config.js';

/** Milliseconds since the epoch; passed in so that tests can pin time (lockouts, token expiry). */
export type Clock = () => number;

declare module 'fastify' {
  interface FastifyInstance {
    /** The configuration the app was built with. */
    config: ApiConfig;
    /** The one source of "now" for business rules (token expiry, lockouts, audit times). */
    clock: Clock;
    /** The unit hierarchy of both structures, with lineage. */
    hierarchy: Hierarchy;
  }
}

/** Options of the context plugin. */
export interface ContextOptions {
  config: ApiConfig;
  clock: Clock;
  hierarchy: Hierarchy;
}

/** Decorates the app with its configuration, clock and hierarchy, for every other plugin to use. */
export const contextPlugin = fp<ContextOptions>(
  async (app: FastifyInstance, options) => {
    app.decorate('config', options.config);
    app.decorate('clock', options.clock);
    app.decorate('hierarchy', options.hierarchy);
  },
  { name: 'vwu-context', fastify: '5.x' },
);
