import { HierarchyDataError } from './errors.js';
import { unitKey, type StructureId, type UnitLevel } from './keys.js';
import { BRANCH_LEVEL, LEVELS, UnitTable, type BranchNamer } from './table.js';

const MAX_BRANCHES = 99;
const INITIAL_CAPACITY = 1 << 14;

/** Per-row columns, grown by doubling while rows are appended. */
interface RowColumns {
  levelIds: Uint8Array;
  parents: Int32Array;
  ends: Int32Array;
  depths: Uint8Array;
  stated: Int32Array;
}

function allocate(capacity: number, from?: RowColumns): RowColumns {
  const cols = {
    levelIds: new Uint8Array(capacity),
    parents: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    depths: new Uint8Array(capacity),
    stated: new Int32Array(capacity),
  };
  if (from !== undefined) {
    cols.levelIds.set(from.levelIds);
    cols.parents.set(from.parents);
    cols.ends.set(from.ends);
    cols.depths.set(from.depths);
    cols.stated.set(from.stated);
  }
  return cols;
}

/**
 * Appends the units of one structure in path order (each unit right after its parent's previous subtree)
 * and seals them into a {@link UnitTable}. Rejects duplicate codes, bad code shapes and out-of-order rows.
 */
export class UnitTableBuilder {
  private readonly structure: StructureId;
  private cols = allocate(INITIAL_CAPACITY);
  private rowCount = 0;
  private readonly codes: string[] = [];
  private readonly names: string[] = [];
  private readonly typeIds: number[] = [];
  private readonly typeNames: string[] = [];
  private readonly typeIndex = new Map<string, number>();
  private readonly rows = new Map<string, number>();
  private readonly open: number[] = [];

  /** @param structure the structure every appended unit belongs to. */
  constructor(structure: StructureId) {
    this.structure = structure;
  }

  /** Rows appended so far. */
  get size(): number {
    return this.rowCount;
  }

  /**
   * Appends a stated (non-branch) unit under `parent` (a row returned earlier, or -1 for the root) and
   * returns its row.
   *
   * @throws HierarchyDataError when the code repeats or `parent` is not on the current path.
   */
  add(code: string, name: string, type: string, level: Exclude<UnitLevel, 'branch'>, parent: number): number {
    unitKey(this.structure, code);
    if (this.rows.has(code)) {
      throw new HierarchyDataError(`Duplicate ${this.structure} code "${code}" (${name}).`);
    }
    while (this.open.length > 0 && this.open[this.open.length - 1] !== parent) this.closeLast();
    if (parent >= 0 && this.open.length === 0) {
      throw new HierarchyDataError(`${this.structure}:${code} was added outside its parent's subtree.`);
    }
    const row = this.append(LEVELS.indexOf(level), parent, this.codes.length);
    this.open.push(row);
    this.codes.push(code);
    this.names.push(name);
    this.typeIds.push(this.typeId(type));
    this.rows.set(code, row);
    return row;
  }

  /**
   * Appends `count` branches `<host>-01 … <host>-<count>` under `host`, which must be the last row added:
   * a host's branches are its only children.
   */
  addBranches(host: number, count: number): void {
    if (host !== this.rowCount - 1 || count > MAX_BRANCHES) {
      throw new HierarchyDataError(
        `${this.structure} row ${host}: ${count} branches out of order or over 99.`,
      );
    }
    for (let n = 0; n < count; n++) this.append(BRANCH_LEVEL, host, -1);
  }

  /** Closes every open subtree and returns the read-only table, naming branches with `branchName`. */
  seal(branchName: BranchNamer): UnitTable {
    while (this.open.length > 0) this.closeLast();
    const n = this.rowCount;
    return new UnitTable(this.structure, {
      levelIds: this.cols.levelIds.slice(0, n),
      parents: this.cols.parents.slice(0, n),
      ends: this.cols.ends.slice(0, n),
      depths: this.cols.depths.slice(0, n),
      stated: this.cols.stated.slice(0, n),
      codes: this.codes,
      names: this.names,
      typeIds: Uint8Array.from(this.typeIds),
      typeNames: this.typeNames,
      rows: this.rows,
      branchName,
    });
  }

  private append(level: number, parent: number, stated: number): number {
    const row = this.rowCount++;
    if (row === this.cols.parents.length) this.cols = allocate(row * 2, this.cols);
    this.cols.levelIds[row] = level;
    this.cols.parents[row] = parent;
    this.cols.ends[row] = row + 1;
    this.cols.depths[row] = parent < 0 ? 0 : (this.cols.depths[parent] ?? 0) + 1;
    this.cols.stated[row] = stated;
    return row;
  }

  private closeLast(): void {
    const row = this.open.pop();
    if (row !== undefined) this.cols.ends[row] = this.rowCount;
  }

  private typeId(type: string): number {
    let id = this.typeIndex.get(type);
    if (id === undefined) {
      id = this.typeNames.length;
      this.typeNames.push(type);
      this.typeIndex.set(type, id);
    }
    return id;
  }
}
