/**
 * Where a recorded unit sits in the current structure: its current unit(s) with weights, the rule that
 * carried it there, and the current province and commune. `Hierarchy.resolve` runs once per distinct unit;
 * every later event of that unit reads the cache.
 */
import {
  REFORM_DATE,
  levelOfKey,
  parseUnitKey,
  structureOf,
  type Hierarchy,
  type ResolveRule,
  type StructureId,
  type UnitKey,
} from '@vwu/contracts';

/** A recorded unit resolved to the current (2025) structure. */
export interface ResolvedUnit {
  recordedStructure: StructureId;
  /** Current units the figure maps to, in the hierarchy's order; weights sum to 1. */
  currentUnits: readonly string[];
  currentWeights: readonly number[];
  rule: ResolveRule;
  /** The current unit with the largest weight (the first on a tie). */
  currentUnit: string;
  /** Province of {@link currentUnit}, or the central unit `2025:TW` for central-level figures. */
  currentProvince: string;
  /** Commune containing {@link currentUnit} (itself for a commune), `null` at province or central level. */
  currentCommune: string | null;
}

/**
 * Caches `Hierarchy.resolve(key, REFORM_DATE)` and the current province and commune per recorded unit key.
 *
 * @example
 * const units = new UnitResolver(loadHierarchy());
 * units.resolve('pre2025:01267-01').currentUnit // '2025:01273-01'
 */
export class UnitResolver {
  private readonly cache = new Map<string, ResolvedUnit>();

  /** @param hierarchy both structures with their lineage. */
  constructor(private readonly hierarchy: Hierarchy) {}

  /**
   * The current placement of a recorded unit key.
   *
   * @throws UnitKeyError for a malformed key, UnitNotFoundError for a key the hierarchy does not know.
   */
  resolve(recorded: string): ResolvedUnit {
    const hit = this.cache.get(recorded);
    if (hit !== undefined) return hit;
    const resolved = this.compute(parseUnitKey(recorded));
    this.cache.set(recorded, resolved);
    return resolved;
  }

  /** Number of distinct units resolved so far. */
  get size(): number {
    return this.cache.size;
  }

  private compute(key: UnitKey): ResolvedUnit {
    const successors = this.hierarchy.resolve(key, REFORM_DATE);
    let primary = successors[0];
    for (const s of successors) if (primary === undefined || s.weight > primary.weight) primary = s;
    if (primary === undefined) throw new RangeError(`${key} resolves to no current unit`);
    const { province, commune } = this.placement(primary.unit);
    return {
      recordedStructure: structureOf(key),
      currentUnits: successors.map((s) => s.unit),
      currentWeights: successors.map((s) => s.weight),
      rule: primary.rule,
      currentUnit: primary.unit,
      currentProvince: province,
      currentCommune: commune,
    };
  }

  private placement(current: UnitKey): { province: string; commune: string | null } {
    const level = levelOfKey(current);
    if (level === 'central' || level === 'province') return { province: current, commune: null };
    const ancestors = this.hierarchy.ancestors(current);
    const province = ancestors.find((u) => u.level === 'province');
    if (province === undefined) throw new RangeError(`${current} has no province above it`);
    const commune =
      level === 'commune' ? current : (ancestors.find((u) => u.level === 'commune')?.key ?? null);
    return { province: province.key, commune };
  }
}
