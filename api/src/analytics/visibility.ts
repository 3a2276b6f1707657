import { parseUnitKey, UnitsError, type Hierarchy, type Unit } from '@vwu/contracts';
import type { ManifestFile } from '@vwu/pipeline';
import { isInScope } from '../access/scope.js';
import type { Role } from '../access/rules.js';
import type { ListedEntry } from './manifest-source.js';

/** Roles that read analytics files: analysts, province leaders, commune officers. */
export const ANALYTICS_ROLES: readonly Role[] = ['central_analyst', 'province_leader', 'commune_officer'];

/**
 * Whether an event file lies inside a scope. Event files are partitioned by current province, so a file is
 * inside the scope when its whole province is: a central scope reads every file (central-level events
 * included), a province scope its own province's files, and a commune or branch scope none — its province's
 * files hold the other communes' activity too (pseudonymous, but not hers to see).
 *
 * @example eventFileVisible(h, { province: '2025:80', … }, tayNinh) // true
 */
export function eventFileVisible(hierarchy: Hierarchy, file: ManifestFile, scope: Unit): boolean {
  try {
    return isInScope(hierarchy, parseUnitKey(file.province), scope.key);
  } catch (error) {
    // A province key the hierarchy does not know is nobody's but central's.
    if (error instanceof UnitsError) return scope.level === 'central';
    throw error;
  }
}

/**
 * Whether the pipeline's rollup files are visible as they are. They are national (every unit of the
 * country in one file per grain, view and month), so only a central scope reads them; other scopes get
 * them cut to their subtree (slices.ts).
 */
export function rollupVisible(scope: Unit): boolean {
  return scope.level === 'central';
}

/** Whether a listed entry is visible in a scope. */
export function entryVisible(hierarchy: Hierarchy, entry: ListedEntry, scope: Unit): boolean {
  return entry.kind === 'event' ? eventFileVisible(hierarchy, entry.file, scope) : rollupVisible(scope);
}
