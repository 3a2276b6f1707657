// `npm run bench:members` (root) / `npm run bench:members -w @vwu/mfe-members`: see bench/run.ts.
// Build the shell and this module first (`npx turbo run build --filter=@vwu/mfe-members...`).
// BENCH_IMPORT_ROWS and BENCH_SCOPE_MEMBERS shrink it for a quick look (defaults 100,000 and 1,000,000);
// BENCH_STORES=postgres (or pglite) runs one store only.
import pg from 'pg';
import { runnerImport } from 'vite';
import { launchChromium } from '../../tests/infra/chromium.mjs';
import { ensurePostgres } from '../../tests/infra/postgres.mjs';

const DATABASE = 'vwu_members_bench';

async function freshDatabase() {
  const { url } = await ensurePostgres();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${DATABASE}`;
  return target.toString();
}

const { module } = await runnerImport(new URL('../bench/run.ts', import.meta.url).pathname, {
  resolve: { conditions: ['source', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'node', 'import', 'default'] } },
});
await module.main(
  {
    browser: () => launchChromium(),
    postgres: freshDatabase,
    importRows: Number(process.env.BENCH_IMPORT_ROWS ?? 100_000),
    scopeMembers: Number(process.env.BENCH_SCOPE_MEMBERS ?? 1_000_000),
    stores: (process.env.BENCH_STORES ?? 'postgres,pglite').split(','),
  },
  (line) => console.log(line),
);
