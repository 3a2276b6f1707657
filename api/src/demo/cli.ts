// `npm run demo:setup -w api`: migrates the configured store (DATABASE_URL, or PGlite in PGLITE_DIR), loads
// every org unit of both structures with the lineage, and creates the demo accounts (one per role). Safe to
// run again: it only adds what is missing.
import { loadHierarchy } from '@vwu/contracts/node';
import { parseConfig } from '../config.js';
import { openStore } from '../store/open.js';
import { migrate } from '../store/migrations.js';
import { ensureUnits } from '../units/loader.js';
import { createDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';

const config = parseConfig(process.env);
const store = await openStore(config.store);
try {
  const started = Date.now();
  const migrations = await migrate(store);
  console.log(`migrations: ${migrations.applied.length} applied, schema version ${migrations.version}`);
  const hierarchy = loadHierarchy();
  const loaded = await ensureUnits(store, hierarchy);
  console.log(
    loaded === undefined
      ? 'org units: already loaded'
      : `org units: ${loaded.units} units, ${loaded.lineage} lineage links`,
  );
  const created = await createDemoAccounts(store, hierarchy, new Date());
  console.log(`demo accounts: ${created.length} created, password for all: ${DEMO_PASSWORD}`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(20)} ${a.role.padEnd(18)} ${a.scope}`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await store.close();
}
