import { it } from 'vitest';
import { loadHierarchy } from '@vwu/contracts/node';
import { createDemoAccounts, loadUnits, migrate, openPgliteStore, unitsAround } from '../src/index.js';
import { key } from './helpers/app.js';
it('timing', async () => {
  let t = Date.now(); const h = loadHierarchy(); console.log('hier', Date.now() - t);
  t = Date.now(); const s = await openPgliteStore(null); console.log('pglite', Date.now() - t);
  t = Date.now(); await migrate(s); console.log('migrate', Date.now() - t);
  t = Date.now(); const r = await loadUnits(s, h, { include: unitsAround(h, [key('2025:80'), key('2025:01')]) }); console.log('load', r, Date.now() - t);
  t = Date.now(); await createDemoAccounts(s, h, new Date()); console.log('accounts', Date.now() - t);
  t = Date.now(); const r2 = await loadUnits(s, h); console.log('full load', r2, Date.now() - t);
  t = Date.now(); await loadUnits(s, h); console.log('full reload', Date.now() - t);
}, 300000);
