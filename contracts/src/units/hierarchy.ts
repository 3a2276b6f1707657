import { REFORM_DATE, structureAt } from './calendar.js';
import { ResolveBackwardsError, UnitNotFoundError, UnitNotInForceError } from './errors.js';
import { codeOf, STRUCTURES, structureOf, type StructureId, type UnitKey, type UnitLevel } from './keys.js';
import type { Lineage } from './lineage.js';
import { predecessorKeys, resolveKey, successorKeys, type LineageContext } from './resolve.js';
import { UnitSearch, type SearchOptions } from './search.js';
import type { UnitTable } from './table.js';
import type { Predecessor, Successor, Unit } from './types.js';

const NOT_IN_FORCE_HINT: Record<StructureId, string> = {
  pre2025: `the pre-2025 structure ended on ${REFORM_DATE}; use resolve() to find the units that replaced it.`,
  '2025': `the 2025 structure starts on ${REFORM_DATE}.`,
};

/**
 * The Union's units in both structures with the lineage between them, built once in memory by
 * `buildHierarchy` (or `loadHierarchy` in Node). Every query takes a {@link UnitKey}, so an old code can never
 * be read as a new one. Returned units are frozen and shared.
 */
export class Hierarchy {
  private readonly ctx: LineageContext;
  private readonly finder: UnitSearch;

  /** @param tables one table per structure; @param lineage old→new links between their rows. */
  constructor(tables: Readonly<Record<StructureId, UnitTable>>, lineage: Lineage) {
    this.ctx = { tables, lineage };
    this.finder = new UnitSearch([tables['2025'], tables.pre2025]);
  }

  /** The unit of a key. @throws UnitNotFoundError */
  get(key: UnitKey): Unit {
    const unit = this.find(key);
    if (unit === undefined) throw new UnitNotFoundError(key);
    return unit;
  }

  /** The unit of a key, or `undefined`. */
  find(key: UnitKey): Unit | undefined {
    const table = this.table(key);
    const row = table.rowOf(codeOf(key));
    return row === undefined ? undefined : table.unit(row);
  }

  /** The central unit of each structure (oldest first), or of one. */
  roots(structure?: StructureId): Unit[] {
    return (structure === undefined ? STRUCTURES : [structure]).map((s) => this.ctx.tables[s].unit(0));
  }

  /** Children of a unit, by code. @throws UnitNotFoundError */
  children(key: UnitKey): Unit[] {
    const table = this.table(key);
    return table.childRows(table.requireRow(codeOf(key))).map((row) => table.unit(row));
  }

  /**
   * Children of a unit in force at `atDate` (all children of a unit share its structure's validity).
   *
   * @throws UnitNotInForceError when the unit itself is not in force at `atDate`.
   */
  childrenAt(key: UnitKey, atDate: string): Unit[] {
    const structure = structureOf(key);
    const children = this.children(key);
    if (structureAt(atDate) !== structure) {
      throw new UnitNotInForceError(key, atDate, NOT_IN_FORCE_HINT[structure]);
    }
    return children;
  }

  /**
   * The unit and all its descendants in path order (one contiguous range of the path index), made lazily.
   *
   * @throws UnitNotFoundError at the call, not at the first iteration.
   */
  subtree(key: UnitKey): Iterable<Unit> {
    const table = this.table(key);
    const row = table.requireRow(codeOf(key));
    return (function* () {
      for (let r = row, end = table.end(row); r < end; r++) yield table.unit(r);
    })();
  }

  /** Ancestors of a unit, root first, without the unit itself. */
  ancestors(key: UnitKey): Unit[] {
    const table = this.table(key);
    const out: Unit[] = [];
    for (let row = table.parent(table.requireRow(codeOf(key))); row >= 0; row = table.parent(row)) {
      out.unshift(table.unit(row));
    }
    return out;
  }

  /**
   * Whether `key` lies in the subtree of `scopeKey` (a unit is within itself). A pre-2025 key against a 2025
   * scope is within when any of its resolved successors is.
   *
   * @throws ResolveBackwardsError for a 2025 key against a pre-2025 scope.
   */
  isWithin(key: UnitKey, scopeKey: UnitKey): boolean {
    const scopeTable = this.table(scopeKey);
    const scope = scopeTable.requireRow(codeOf(scopeKey));
    if (structureOf(key) === scopeTable.structure) {
      const row = scopeTable.requireRow(codeOf(key));
      return row >= scope && row < scopeTable.end(scope);
    }
    if (structureOf(key) === '2025') throw new ResolveBackwardsError(key, `inside scope ${scopeKey}`);
    return this.resolve(key, REFORM_DATE).some((s) => this.isWithin(s.unit, scopeKey));
  }

  /** All units of a structure, optionally of one level, in path order. */
  units(structure: StructureId, level?: UnitLevel): Unit[] {
    const table = this.ctx.tables[structure];
    const out: Unit[] = [];
    for (let row = 0; row < table.size; row++) {
      if (level === undefined || table.level(row) === level) out.push(table.unit(row));
    }
    return out;
  }

  /** Number of units of a structure, optionally of one level. */
  count(structure: StructureId, level?: UnitLevel): number {
    const table = this.ctx.tables[structure];
    if (level === undefined) return table.size;
    let n = 0;
    for (let row = 0; row < table.size; row++) if (table.level(row) === level) n++;
    return n;
  }

  /** Diacritic-insensitive search on names; see {@link UnitSearch}. */
  search(query: string, options: SearchOptions = {}): Unit[] {
    return this.finder.search(query, options);
  }

  /** Old units a 2025 unit was made from (`[]` for a pre-2025 key). */
  predecessors(newKey: UnitKey): Predecessor[] {
    return predecessorKeys(this.ctx, newKey);
  }

  /** 2025 units an old unit went into (`[]` for a 2025 key); for an old district, its communes' successors. */
  successors(oldKey: UnitKey): UnitKey[] {
    return successorKeys(this.ctx, oldKey);
  }

  /**
   * The units in force at `atDate` that a figure recorded against `key` maps to, weights summing to 1; see
   * `describeRule` for the rules.
   *
   * @example h.resolve(parseUnitKey('pre2025:02'), '2025-09-30') // [{unit: '2025:08', weight: 1, rule: 'whole'}]
   */
  resolve(key: UnitKey, atDate: string): Successor[] {
    return resolveKey(this.ctx, key, atDate);
  }

  private table(key: UnitKey): UnitTable {
    return this.ctx.tables[structureOf(key)];
  }
}
