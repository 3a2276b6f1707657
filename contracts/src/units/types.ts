import type { StructureId, UnitKey, UnitLevel } from './keys.js';

/** One unit of the Union in one structure. Instances returned by the hierarchy are frozen. */
export interface Unit {
  /** `${structure}:${code}`. */
  key: UnitKey;
  structure: StructureId;
  /** Statistics-office code (`'TW'` for central, `<commune>-<nn>` for branches); unique only within a structure. */
  code: string;
  /** Official name, e.g. 'Phường Ba Đình', 'Chi hội Thôn 3'. */
  name: string;
  /** Vietnamese administrative type: 'Trung ương', 'Tỉnh', 'Thành phố', 'Quận', 'Huyện', 'Thị xã', 'Xã', … */
  type: string;
  level: UnitLevel;
  parent: UnitKey | null;
  /** Codes from the root, prefixed by the structure: '2025:TW/01/00004/00004-07'. */
  path: string;
  /** 0 = central. */
  depth: number;
  /** First day in force (ISO date), `null` when in force before our records. */
  validFrom: string | null;
  /** First day no longer in force (ISO date, exclusive), `null` when still in force. */
  validTo: string | null;
  /** True for generated demo branches only. */
  demo: boolean;
}

/** How an old unit became part of a new one: all of its territory, or part of it. */
export type LineageType = 'full' | 'partial';

/** An old unit that a new unit was made from. */
export interface Predecessor {
  unit: UnitKey;
  type: LineageType;
}

/**
 * How a figure recorded against one unit is carried to the units in force at another date:
 * `'identity'` (same structure), `'whole'` (one successor takes it all), `'split-equal'` (shared equally).
 */
export type ResolveRule = 'identity' | 'whole' | 'split-equal';

/** One target of a resolved figure; the weights of one resolution sum to 1. */
export interface Successor {
  unit: UnitKey;
  weight: number;
  rule: ResolveRule;
}
