import { ResolveBackwardsError, structureOf, type Hierarchy, type Unit, type UnitKey } from '@vwu/contracts';
import type { SqlParams } from '../store/sql-params.js';

/**
 * Whether `key` lies in the subtree of `scope`. A pre-2025 key is within a 2025 scope when one of the units
 * it went into is; a 2025 key is never within a pre-2025 scope. The one predicate behind every scope
 * decision, in requests (plugin `vwu-access`) and in lists ({@link scopeCondition}).
 *
 * @example isInScope(h, parseUnitKey('pre2025:25459'), parseUnitKey('2025:80')) // true
 */
export function isInScope(hierarchy: Hierarchy, key: UnitKey, scope: UnitKey): boolean {
  try {
    return hierarchy.isWithin(key, scope);
  } catch (error) {
    if (error instanceof ResolveBackwardsError) return false;
    throw error;
  }
}

function subtreeOf(alias: string, path: string, p: SqlParams): string {
  return `(${alias}.path = ${p.add(path)} OR ${alias}.path LIKE ${p.add(`${path}/%`)})`;
}

/**
 * SQL condition on an `org_unit` row aliased `alias`: true when that unit lies within `scope`, with the same
 * meaning as {@link isInScope} (pre-2025 rows through `unit_lineage`; an old district through its communes).
 * Lists use it so that a caller only ever sees rows inside the scope.
 *
 * @example const where = scopeCondition('u', scopeUnit, params); // `… WHERE ${where}`
 */
export function scopeCondition(alias: string, scope: Unit, p: SqlParams): string {
  const sameStructure = `(${alias}.structure = ${p.add(scope.structure)} AND ${subtreeOf(alias, scope.path, p)})`;
  if (structureOf(scope.key) === 'pre2025') return sameStructure;
  // Two index-friendly EXISTS (unit_lineage by old_key, org_unit by parent_key) rather than one OR'd join.
  const into = (oldKey: string): string =>
    `SELECT 1 FROM unit_lineage l JOIN org_unit n ON n.key = l.new_key WHERE l.old_key = ${oldKey} AND ${subtreeOf('n', scope.path, p)}`;
  const viaLineage =
    `(${alias}.structure = 'pre2025' AND (EXISTS (${into(`${alias}.key`)}) OR (${alias}.level = 'district' AND EXISTS (` +
    `SELECT 1 FROM org_unit c WHERE c.parent_key = ${alias}.key AND EXISTS (${into('c.key')})))))`;
  return `(${sameStructure} OR ${viaLineage})`;
}
