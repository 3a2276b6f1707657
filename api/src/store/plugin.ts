import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { migrate, type MigrationReport } from './migrations.js';
import type { Store } from './store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database (PostgreSQL or PGlite), migrated to the latest version before routes run. */
    store: Store;
    /** What the start-up migration did. */
    migrations: MigrationReport;
  }
}

/** Options of the store plugin. */
export interface StorePluginOptions {
  store: Store;
}

/**
 * Decorates the app with `store` and applies pending migrations before the app is ready; a changed applied
 * migration stops the start with a clear error. Closing the store is left to whoever opened it.
 */
export const storePlugin = fp<StorePluginOptions>(
  async (app: FastifyInstance, options) => {
    app.decorate('store', options.store);
    app.decorate('migrations', await migrate(options.store));
  },
  { name: 'vwu-store', fastify: '5.x' },
);
