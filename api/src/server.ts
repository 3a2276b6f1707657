import { loadHierarchy } from '@vwu/contracts/node';
import { buildApp } from './app.js';
import { ConfigError, parseConfig } from './config.js';
import { ensureUnits } from './units/loader.js';

/**
 * The runnable API: reads the configuration, builds the app (migrating the store), loads the org units on
 * first start, listens, and closes cleanly on SIGTERM or SIGINT (in-flight requests finish, new ones get
 * 503, the store closes last).
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const hierarchy = loadHierarchy();
  const app = await buildApp({ config, hierarchy });
  const loaded = await ensureUnits(app.store, hierarchy);
  if (loaded !== undefined) app.log.info(loaded, 'org units loaded');
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  // Before the logger exists (bad configuration) stderr is the only place to say why the start failed.
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
