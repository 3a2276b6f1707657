import { foldVietnamese } from '../text/fold.js';
import type { StructureId, UnitLevel } from './keys.js';
import { LEVELS, type UnitTable } from './table.js';
import type { Unit } from './types.js';

/** Options of {@link UnitSearch.search}. */
export interface SearchOptions {
  /** Only this structure; both when omitted. */
  structure?: StructureId;
  /** Only this level. Branches are searched only when asked for: their generated names repeat in every commune. */
  level?: UnitLevel;
  /** At most this many results (default 20). */
  limit?: number;
}

const DEFAULT_LIMIT = 20;

/** Folded type words a name may start with; the rest is the bare name ('phuong ba dinh' → 'ba dinh'). */
const TYPE_WORDS = /^(chi hoi|tinh|thanh pho|quan|huyen|thi xa|thi tran|xa|phuong|dac khu) /;

/** Folded names of one table's rows, either its stated units or its branches. */
interface FoldedRows {
  rows: number[];
  names: string[];
}

interface Hit {
  table: number;
  row: number;
  rank: number;
  level: number;
}

/**
 * Diacritic-insensitive name search. Names are folded on the first search that needs them, so building the
 * hierarchy stays fast. Ranking: exact name, then names starting with the query (with or without the type
 * word: 'ba dinh' finds 'Phường Ba Đình'), then other substrings; ties by level (central first), table
 * order, then path order.
 */
export class UnitSearch {
  private readonly tables: readonly UnitTable[];
  private readonly folded = new Map<string, FoldedRows>();

  /** @param tables the tables to search, in tie-break order. */
  constructor(tables: readonly UnitTable[]) {
    this.tables = tables;
  }

  /** Units whose folded name contains the folded query, best first. */
  search(query: string, options: SearchOptions = {}): Unit[] {
    const needle = foldVietnamese(query);
    if (needle === '') return [];
    const hits: Hit[] = [];
    this.tables.forEach((table, t) => {
      if (options.structure !== undefined && options.structure !== table.structure) return;
      const { rows, names } = this.fold(t, options.level === 'branch');
      names.forEach((name, i) => {
        const row = rows[i] ?? 0;
        if (!name.includes(needle) || (options.level !== undefined && table.level(row) !== options.level)) {
          return;
        }
        const bare = name.replace(TYPE_WORDS, '');
        const rank =
          name === needle || bare === needle ? 0 : name.startsWith(needle) || bare.startsWith(needle) ? 1 : 2;
        hits.push({ table: t, row, rank, level: LEVELS.indexOf(table.level(row)) });
      });
    });
    hits.sort((a, b) => a.rank - b.rank || a.level - b.level || a.table - b.table || a.row - b.row);
    return hits
      .slice(0, options.limit ?? DEFAULT_LIMIT)
      .flatMap((h) => this.tables[h.table]?.unit(h.row) ?? []);
  }

  private fold(t: number, branches: boolean): FoldedRows {
    const id = `${t}:${branches}`;
    let folded = this.folded.get(id);
    if (folded === undefined) {
      folded = { rows: [], names: [] };
      const table = this.tables[t];
      const memo = new Map<string, string>();
      for (let row = 0; table !== undefined && row < table.size; row++) {
        if (table.isBranch(row) !== branches) continue;
        const name = table.name(row);
        let foldedName = memo.get(name);
        if (foldedName === undefined) memo.set(name, (foldedName = foldVietnamese(name)));
        folded.rows.push(row);
        folded.names.push(foldedName);
      }
      this.folded.set(id, folded);
    }
    return folded;
  }
}
