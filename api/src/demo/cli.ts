// `npm run demo:setup -w api`: migrates the configured store (DATABASE_URL, or PGlite in PGLITE_DIR), loads
// every org unit of both structures with the lineage, creates the demo accounts (one per role), and loads the
// demo member registry of `--scale` (small by default; `--seed`, `--to` as for the generator). Safe to run
// again: it only adds what is missing.
import { parseArgs } from 'node:util';
import { loadHierarchy } from '@vwu/contracts/node';
import { parseScale } from '@vwu/pipeline';
import { parseConfig } from '../config.js';
import { openStore } from '../store/open.js';
import { migrate } from '../store/migrations.js';
import { ensureUnits } from '../units/loader.js';
import { loadDemoMembers } from '../members/demo-load.js';
import { vietnamToday } from '../members/write-context.js';
import { createDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '2025' },
    to: { type: 'string', default: vietnamToday(Date.now()) },
  },
});
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
  const members = await loadDemoMembers(store, hierarchy, {
    scale: parseScale(args.scale),
    seed: Number(args.seed),
    today: args.to,
    onProgress: (done, of) => {
      if (done % 50_000 === 0)
        console.log(`  demo members: ${done.toLocaleString('en')} / ${of.toLocaleString('en')}`);
    },
  });
  console.log(
    members.inserted === 0
      ? `demo members: already loaded (${members.total.toLocaleString('en')})`
      : `demo members (${args.scale}): ${members.inserted.toLocaleString('en')} loaded in ${members.seconds.toFixed(1)} s`,
  );
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await store.close();
}
