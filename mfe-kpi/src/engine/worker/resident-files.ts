/**
 * The files resident in the database: each decoded from Parquet to Arrow IPC by parquet-wasm (only its
 * type's columns) and inserted with `insertArrowFromIPCStream` — DuckDB never reads Parquet itself, so its
 * parquet extension is never wanted (DuckDB-WASM would download it from a third-party host). Rows carry
 * the file they came from (`file_no`), so a file the manifest no longer lists can be dropped again.
 */
import type { DuckDBBindings } from 'duckdb-wasm-blocking';
import initParquet, { readParquet } from 'parquet-wasm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { LoadFile } from '../protocol.js';
import { columnsOf, isEventType, tableOf } from '../tables.js';

/** Rows per Arrow batch out of parquet-wasm (its default of 1,024 makes inserts slow). */
const BATCH_ROWS = 64 * 1024;
const STAGING = '_incoming';

/** A file whose event type has no table here (a newer pipeline than this module). */
export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError';
}

/** Where a resident file's rows are. */
interface Resident {
  fileNo: number;
  table: string;
  rows: number;
}

/** How long one insert took (milliseconds) and what it added. */
export interface InsertTiming {
  rows: number;
  decodeMs: number;
  insertMs: number;
}

/**
 * Loads parquet-wasm's WebAssembly from this module's own asset; returns the milliseconds it took.
 *
 * @example const ms = await startParquet();
 */
export async function startParquet(): Promise<number> {
  const started = performance.now();
  await initParquet({ module_or_path: new URL(parquetWasm, import.meta.url) });
  return performance.now() - started;
}

/** The resident files of one database. */
export class ResidentFiles {
  private readonly files = new Map<string, Resident>();
  private readonly tables = new Set<string>();
  private nextFileNo = 1;

  /** @param db an open database with parquet-wasm started ({@link startParquet}). */
  constructor(private readonly db: DuckDBBindings) {}

  /** Whether the file with this SHA-256 is resident. */
  has(sha256: string): boolean {
    return this.files.has(sha256);
  }

  /** Number of resident files. */
  get size(): number {
    return this.files.size;
  }

  /**
   * Decodes a file's bytes and inserts its rows into its type's table (created by the first file).
   *
   * @throws UnknownEventTypeError for a type without a table; parquet-wasm's error for a corrupt file.
   */
  insert(file: LoadFile, bytes: Uint8Array): InsertTiming {
    if (!isEventType(file.eventType)) {
      throw new UnknownEventTypeError(`${file.url}: event type "${file.eventType}" has no table`);
    }
    const table = tableOf(file.eventType);
    const decodeStart = performance.now();
    const ipc = readParquet(bytes, { columns: columnsOf(file.eventType), batchSize: BATCH_ROWS }).intoIPCStream();
    const insertStart = performance.now();
    const fileNo = this.nextFileNo++;
    const conn = this.db.connect();
    try {
      const T=[performance.now()];
      conn.insertArrowFromIPCStream(ipc, { name: STAGING, create: true });
      T.push(performance.now());
      try {
        // Columns of the table: which file, which month, then the file's columns with the instant as a
        // plain UTC TIMESTAMP (time-zone functions would need the ICU extension, which is not loaded).
        const select = `SELECT ?::INTEGER AS file_no, ?::VARCHAR AS month, * REPLACE (occurred_at::TIMESTAMP AS occurred_at) FROM ${STAGING}`;
        if (!this.tables.has(table)) {
          conn.query(`CREATE TABLE IF NOT EXISTS ${table} AS ${select.replace(/\?/g, 'NULL')} LIMIT 0`);
          this.tables.add(table);
        }
        T.push(performance.now());
        const insert = conn.prepare(`INSERT INTO ${table} ${select}`);
        T.push(performance.now());
        try {
          insert.query(fileNo, file.month);
          T.push(performance.now());
        } finally {
          insert.close();
        }
      } finally {
        conn.query(`DROP TABLE IF EXISTS ${STAGING}`);
        T.push(performance.now()); console.warn('T', file.eventType, file.rows, T.map((t,i)=>i?(t-T[i-1]).toFixed(1):0).join(' '));
      }
    } finally {
      conn.close();
    }
    this.files.set(file.sha256, { fileNo, table, rows: file.rows });
    return { rows: file.rows, decodeMs: insertStart - decodeStart, insertMs: performance.now() - insertStart };
  }

  /**
   * Drops every resident file whose SHA-256 is not in `keep`; returns how many were dropped.
   *
   * @example files.retain(new Set(manifest.files.map((f) => f.sha256)))
   */
  retain(keep: ReadonlySet<string>): number {
    const gone = [...this.files].filter(([sha]) => !keep.has(sha));
    if (gone.length === 0) return 0;
    const conn = this.db.connect();
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
