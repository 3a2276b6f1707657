import { mkdirSync } from 'node:fs';
import { openPgliteStore } from './pglite.js';
import { openPostgresStore, type PostgresStoreOptions } from './postgres.js';
import type { Store, StoreConfig } from './store.js';

/**
 * Opens the store a configuration names: PostgreSQL for `{ kind: 'postgres', url }`, PGlite otherwise
 * (creating its data directory when missing).
 *
 * @example const store = await openStore({ kind: 'pglite', dataDir: null });
 */
export async function openStore(config: StoreConfig, options: PostgresStoreOptions = {}): Promise<Store> {
  if (config.kind === 'postgres') return openPostgresStore(config.url, options);
  if (config.dataDir !== null) mkdirSync(config.dataDir, { recursive: true });
  return openPgliteStore(config.dataDir);
}
