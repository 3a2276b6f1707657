import { validityOf, type Validity } from './calendar.js';
import { UnitNotFoundError } from './errors.js';
import type { StructureId, UnitKey, UnitLevel } from './keys.js';
import type { Unit } from './types.js';

/** Levels by their numeric id in a {@link UnitTable}. */
export const LEVELS: readonly UnitLevel[] = ['central', 'province', 'district', 'commune', 'branch'];

/** Numeric id of the branch level. */
export const BRANCH_LEVEL = LEVELS.indexOf('branch');

/** Administrative type of every branch. */
export const BRANCH_TYPE = 'Chi hội';

/** Names branch `n` (1-based) of host row `host`; branch rows store no strings of their own. */
export type BranchNamer = (row: number, host: number, n: number) => string;

/** The sealed columns of one structure. Per-row arrays cover every row; string columns only stated units. */
export interface UnitColumns {
  levelIds: Uint8Array;
  parents: Int32Array;
  ends: Int32Array;
  depths: Uint8Array;
  /** Index into the string columns, -1 for a branch row. */
  stated: Int32Array;
  codes: readonly string[];
  names: readonly string[];
  typeIds: Uint8Array;
  typeNames: readonly string[];
  /** Row of each stated code. */
  rows: ReadonlyMap<string, number>;
  branchName: BranchNamer;
}

/**
 * Compact column store of the units of one structure. Rows are in path order (a parent precedes its
 * descendants, siblings by code), so the subtree of row `r` is exactly rows `[r, end(r))`: the path index.
 * A host's branches are the rows right after it, branch `nn` at row `host + nn`, so their codes and names are
 * derived instead of stored. `Unit` objects are made on first access and cached, frozen.
 */
export class UnitTable {
  readonly structure: StructureId;
  private readonly cols: UnitColumns;
  private readonly validity: Validity;
  private readonly cache: Array<Unit | undefined>;

  /** @param structure the structure of every row; @param cols the sealed columns. */
  constructor(structure: StructureId, cols: UnitColumns) {
    this.structure = structure;
    this.cols = cols;
    this.validity = validityOf(structure);
    this.cache = new Array<Unit | undefined>(cols.parents.length);
  }

  /** Number of rows. */
  get size(): number {
    return this.cols.parents.length;
  }

  /** Row of a code, or `undefined`. */
  rowOf(code: string): number | undefined {
    const dash = code.indexOf('-');
    if (dash < 0) return this.cols.rows.get(code);
    const host = this.cols.rows.get(code.slice(0, dash));
    const suffix = code.slice(dash + 1);
    if (host === undefined || !/^\d{2}$/.test(suffix)) return undefined;
    const row = host + Number(suffix);
    return row < this.end(host) && this.parent(row) === host && this.isBranch(row) ? row : undefined;
  }

  /** Row of a code. @throws UnitNotFoundError */
  requireRow(code: string): number {
    const row = this.rowOf(code);
    if (row === undefined) throw new UnitNotFoundError(`${this.structure}:${code}`);
    return row;
  }

  /** Whether a row is a branch. */
  isBranch(row: number): boolean {
    return this.cols.levelIds[row] === BRANCH_LEVEL;
  }

  /** Code of a row. */
  code(row: number): string {
    const i = this.cols.stated[row] ?? -1;
    if (i >= 0) return this.cols.codes[i] ?? '';
    const host = this.parent(row);
    return `${this.code(host)}-${String(row - host).padStart(2, '0')}`;
  }

  /** Name of a row. */
  name(row: number): string {
    const i = this.cols.stated[row] ?? -1;
    if (i >= 0) return this.cols.names[i] ?? '';
    const host = this.parent(row);
    return this.cols.branchName(row, host, row - host);
  }

  /** Administrative type of a row. */
  type(row: number): string {
    const i = this.cols.stated[row] ?? -1;
    return i >= 0 ? (this.cols.typeNames[this.cols.typeIds[i] ?? 0] ?? '') : BRANCH_TYPE;
  }

  /** Key of a row. */
  key(row: number): UnitKey {
    return `${this.structure}:${this.code(row)}` as UnitKey;
  }

  /** Level of a row. */
  level(row: number): UnitLevel {
    return LEVELS[this.cols.levelIds[row] ?? 0] ?? 'central';
  }

  /** Parent row, -1 for the root. */
  parent(row: number): number {
    return this.cols.parents[row] ?? -1;
  }

  /** First row after the subtree of `row`. */
  end(row: number): number {
    return this.cols.ends[row] ?? row + 1;
  }

  /** Rows of the children of `row`, by code. */
  childRows(row: number): number[] {
    const out: number[] = [];
    for (let child = row + 1, end = this.end(row); child < end; child = this.end(child)) out.push(child);
    return out;
  }

  /** The unit of a row, made once. */
  unit(row: number): Unit {
    const cached = this.cache[row];
    if (cached !== undefined) return cached;
    const parentRow = this.parent(row);
    const parent = parentRow >= 0 ? this.unit(parentRow) : null;
    const code = this.code(row);
    const made: Unit = Object.freeze({
      key: `${this.structure}:${code}` as UnitKey,
      structure: this.structure,
      code,
      name: this.name(row),
      type: this.type(row),
      level: this.level(row),
      parent: parent === null ? null : parent.key,
      path: parent === null ? `${this.structure}:${code}` : `${parent.path}/${code}`,
      depth: this.cols.depths[row] ?? 0,
      validFrom: this.validity.validFrom,
      validTo: this.validity.validTo,
      demo: this.isBranch(row),
    });
    this.cache[row] = made;
    return made;
  }
}
