import { structureAt } from './calendar.js';
import { HierarchyDataError, ResolveBackwardsError } from './errors.js';
import { codeOf, structureOf, type StructureId, type UnitKey } from './keys.js';
import type { Lineage } from './lineage.js';
import type { UnitTable } from './table.js';
import type { Predecessor, Successor } from './types.js';

/** The two structures' tables and the lineage between them. */
export interface LineageContext {
  tables: Readonly<Record<StructureId, UnitTable>>;
  lineage: Lineage;
}

/**
 * Weighted 2025 rows an old row maps to, in row order: one successor takes weight 1; k successors 1/k each;
 * an ordinary old district (no lineage of its own) the mean of its communes' mappings.
 */
function forwardWeights(ctx: LineageContext, oldRow: number): Array<[number, number]> {
  const pre = ctx.tables.pre2025;
  const direct = ctx.lineage.successorRows(oldRow);
  if (direct.length > 0) return direct.map((row) => [row, 1 / direct.length]);
  if (pre.level(oldRow) !== 'district') {
    throw new HierarchyDataError(`${pre.key(oldRow)} has no successor in the 2025 structure.`);
  }
  const communes = pre.childRows(oldRow);
  const sums = new Map<number, number>();
  for (const commune of communes) {
    for (const [row, weight] of forwardWeights(ctx, commune)) {
      sums.set(row, (sums.get(row) ?? 0) + weight / communes.length);
    }
  }
  return [...sums].sort((a, b) => a[0] - b[0]);
}

function requireRow(ctx: LineageContext, key: UnitKey): number {
  return ctx.tables[structureOf(key)].requireRow(codeOf(key));
}

/**
 * The units in force at `atDate` that a figure recorded against `key` belongs to, weights summing to 1.
 *
 * @throws UnitNotFoundError, InvalidDateError, ResolveBackwardsError (a 2025 key at a pre-reform date).
 */
export function resolveKey(ctx: LineageContext, key: UnitKey, atDate: string): Successor[] {
  const target = structureAt(atDate);
  const row = requireRow(ctx, key);
  const structure = structureOf(key);
  if (structure === target) return [{ unit: key, weight: 1, rule: 'identity' }];
  if (structure === '2025') throw new ResolveBackwardsError(key, `as of ${atDate}`);
  const weights = forwardWeights(ctx, row);
  const post = ctx.tables['2025'];
  const first = weights[0];
  if (weights.length === 1 && first !== undefined) {
    return [{ unit: post.key(first[0]), weight: 1, rule: 'whole' }];
  }
  return weights.map(([r, weight]) => ({ unit: post.key(r), weight, rule: 'split-equal' }));
}

/** 2025 units an old unit went into, in path order; `[]` for a 2025 key (nothing follows it yet). */
export function successorKeys(ctx: LineageContext, oldKey: UnitKey): UnitKey[] {
  const row = requireRow(ctx, oldKey);
  if (structureOf(oldKey) === '2025') return [];
  return forwardWeights(ctx, row).map(([r]) => ctx.tables['2025'].key(r));
}

/** Old units a 2025 unit was made from, in path order; `[]` for a pre-2025 key (no earlier records). */
export function predecessorKeys(ctx: LineageContext, newKey: UnitKey): Predecessor[] {
  const row = requireRow(ctx, newKey);
  if (structureOf(newKey) === 'pre2025') return [];
  return ctx.lineage.predecessorRows(row).map((p) => ({ unit: ctx.tables.pre2025.key(p.row), type: p.type }));
}
