import type { LineageType } from './types.js';

/** A predecessor row in the pre-2025 table with how it went into the new unit. */
export interface PredecessorRow {
  row: number;
  type: LineageType;
}

/** Offsets and targets of one direction of the stated links, see {@link LineageBuilder.seal}. */
interface Links {
  start: Int32Array;
  rows: Int32Array;
  partial: Uint8Array;
}

/**
 * Old→new links between rows of the pre-2025 and 2025 tables, both directions, each list in row (path)
 * order. Stated units' links are compressed rows (an offsets array per side and one flat array of targets);
 * branches, which move one-to-one, use a row→row array per side.
 */
export class Lineage {
  private readonly next: Links;
  private readonly prev: Links;
  private readonly branchNext: Int32Array;
  private readonly branchPrev: Int32Array;

  /** Use {@link LineageBuilder}. */
  constructor(next: Links, prev: Links, branchNext: Int32Array, branchPrev: Int32Array) {
    this.next = next;
    this.prev = prev;
    this.branchNext = branchNext;
    this.branchPrev = branchPrev;
  }

  /** Rows of the 2025 units an old row went into (empty for an ordinary district: it has no lineage of its own). */
  successorRows(oldRow: number): number[] {
    const branch = this.branchNext[oldRow] ?? -1;
    if (branch >= 0) return [branch];
    return Array.from(
      this.next.rows.subarray(this.next.start[oldRow] ?? 0, this.next.start[oldRow + 1] ?? 0),
    );
  }

  /** Rows of the old units a 2025 row was made from. */
  predecessorRows(newRow: number): PredecessorRow[] {
    const branch = this.branchPrev[newRow] ?? -1;
    if (branch >= 0) return [{ row: branch, type: 'full' }];
    const out: PredecessorRow[] = [];
    for (let i = this.prev.start[newRow] ?? 0, end = this.prev.start[newRow + 1] ?? 0; i < end; i++) {
      out.push({ row: this.prev.rows[i] ?? -1, type: this.prev.partial[i] === 1 ? 'partial' : 'full' });
    }
    return out;
  }
}

/** Groups edges by `from` row (a counting sort; targets of one row in row order) into offsets over flat arrays. */
function compress(
  size: number,
  from: readonly number[],
  to: readonly number[],
  partial: readonly number[],
): Links {
  const start = new Int32Array(size + 1);
  for (const row of from) start[row + 1] = (start[row + 1] ?? 0) + 1;
  for (let i = 0; i < size; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, size);
  const rows = new Int32Array(from.length);
  const flags = new Uint8Array(from.length);
  from.forEach((row, edge) => {
    let at = fill[row] ?? 0;
    fill[row] = at + 1;
    const target = to[edge] ?? -1;
    for (; at > (start[row] ?? 0) && (rows[at - 1] ?? 0) > target; at--) {
      rows[at] = rows[at - 1] ?? 0;
      flags[at] = flags[at - 1] ?? 0;
    }
    rows[at] = target;
    flags[at] = partial[edge] ?? 0;
  });
  return { start, rows, partial: flags };
}

/** Collects old→new links while the 2025 table is built, then seals them into a {@link Lineage}. */
export class LineageBuilder {
  private readonly olds: number[] = [];
  private readonly news: number[] = [];
  private readonly partial: number[] = [];
  private readonly branchNext: Int32Array;
  private readonly branchPairs: number[] = [];

  /** @param preSize rows of the sealed pre-2025 table. */
  constructor(preSize: number) {
    this.branchNext = new Int32Array(preSize).fill(-1);
  }

  /** Records that old stated row `oldRow` went (`type`) into new row `newRow`. */
  link(oldRow: number, newRow: number, type: LineageType): void {
    this.olds.push(oldRow);
    this.news.push(newRow);
    this.partial.push(type === 'partial' ? 1 : 0);
  }

  /** Records that old branch row `oldRow` became, whole, new branch row `newRow`. */
  linkBranch(oldRow: number, newRow: number): void {
    this.branchNext[oldRow] = newRow;
    this.branchPairs.push(newRow, oldRow);
  }

  /** Seals the links for a 2025 table of `postSize` rows. */
  seal(postSize: number): Lineage {
    const branchPrev = new Int32Array(postSize).fill(-1);
    for (let i = 0; i < this.branchPairs.length; i += 2) {
      branchPrev[this.branchPairs[i] ?? 0] = this.branchPairs[i + 1] ?? -1;
    }
    return new Lineage(
      compress(this.branchNext.length, this.olds, this.news, this.partial),
      compress(postSize, this.news, this.olds, this.partial),
      this.branchNext,
      branchPrev,
    );
  }
}
