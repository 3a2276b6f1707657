// The database most test files start from: migrated, Tây Ninh and Hà Nội in both structures with their
// lineage, and the demo accounts. Built once per run by a global setup (PGlite dump, or a PostgreSQL template
// database) instead of once per test file.
import { loadHierarchy } from '@vwu/contracts/node';
import { parseUnitKey } from '@vwu/contracts';
import { createDemoAccounts, loadUnits, migrate, unitsAround, type Store } from '../../src/index.js';

/** 2025 provinces loaded, with the old provinces they were made from. */
export const TEST_PROVINCES = ['2025:80', '2025:01'] as const;

/** Start of the tests' clock (a Monday morning in Vietnam, after the 2025 reform). */
export const TEST_START = Date.parse('2025-09-01T02:00:00Z');

/** Migrates `store`, loads the test provinces and creates the demo accounts. */
export async function fillTemplate(store: Store): Promise<void> {
  const hierarchy = loadHierarchy();
  await migrate(store);
  await loadUnits(store, hierarchy, {
    include: unitsAround(
      hierarchy,
      TEST_PROVINCES.map((k) => parseUnitKey(k)),
    ),
  });
  await createDemoAccounts(store, hierarchy, new Date(TEST_START));
}
