/**
 * The files resident in the database. A file is decoded to Arrow (decode.ts), the files of one type are
 * combined (arrow-batches.ts) and inserted with ONE `insertArrowFromIPCStream` into the type's table
 * (created by the first insert). Rows carry their file's number, so a file the manifest no longer lists can
 * be dropped again.
 */
import type { DuckDBBindings } from 'duckdb-wasm-blocking';
import { tableOf, type EventType } from '../tables.js';
import { combineFiles, type DecodedFile } from './arrow-batches.js';

/** Where a resident file's rows are. */
interface Resident {
  fileNo: number;
  table: string;
  rows: number;
}

/** A decoded file ready to insert. */
export interface PendingFile extends DecodedFile {
  sha256: string;
  /** Rows as the manifest states them. */
  rows: number;
}

/** What one insert did (milliseconds). */
export interface InsertTiming {
  rows: number;
  combineMs: number;
  insertMs: number;
}

/** The resident files of one database (the registry exists before the database has started). */
export class ResidentFiles {
  private readonly files = new Map<string, Resident>();
  private readonly tables = new Set<string>();
  private nextFileNo = 1;

  /** Whether the file with this SHA-256 is resident. */
  has(sha256: string): boolean {
    return this.files.has(sha256);
  }

  /** Number of resident files. */
  get size(): number {
    return this.files.size;
  }

  /** A number for a file about to be decoded (stored in its rows' `file_no`). */
  nextNumber(): number {
    return this.nextFileNo++;
  }

  /**
   * Inserts decoded files of one type; they are resident afterwards.
   *
   * @example resident.insert(db, 'meeting.held', decoded)
   */
  insert(db: DuckDBBindings, type: EventType, files: readonly PendingFile[]): InsertTiming {
    const table = tableOf(type);
    const combineStart = performance.now();
    const { ipc, rows } = combineFiles(files);
    const insertStart = performance.now();
    if (rows > 0) {
      const conn = db.connect();
      try {
        conn.insertArrowFromIPCStream(ipc, { name: table, create: !this.tables.has(table) });
        this.tables.add(table);
      } finally {
        conn.close();
      }
    }
    for (const file of files) this.files.set(file.sha256, { fileNo: file.fileNo, table, rows: file.rows });
    return { rows, combineMs: insertStart - combineStart, insertMs: performance.now() - insertStart };
  }

  /**
   * Drops every resident file whose SHA-256 is not in `keep`; returns how many were dropped.
   *
   * @example resident.retain(db, new Set(manifest.files.map((f) => f.sha256)))
   */
  retain(db: DuckDBBindings, keep: ReadonlySet<string>): number {
    const gone = [...this.files].filter(([sha]) => !keep.has(sha));
    if (gone.length === 0) return 0;
    const conn = db.connect();
    try {
      for (const [sha, resident] of gone) {
        const drop = conn.prepare(`DELETE FROM ${resident.table} WHERE file_no = ?`);
        try {
          drop.query(resident.fileNo);
        } finally {
          drop.close();
        }
        this.files.delete(sha);
      }
    } finally {
      conn.close();
    }
    return gone.length;
  }
}
