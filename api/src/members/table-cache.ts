/**
 * Tables read from uploads, kept between the upload (preview) and the commit of an import so that a large
 * XLSX is unzipped and parsed once, not twice (reading a 100,000-row workbook is most of an import's time).
 * Keyed by the file's SHA-256: the same bytes always read the same, so an entry never goes stale. Bounded by
 * rows; the oldest entries go first. A miss (another process, an evicted entry) simply reads the file again.
 */
import { createHash } from 'node:crypto';
import { readTable, type ImportKind, type ImportTable } from './import-parse.js';

type Table = ImportTable & { kind: ImportKind };

/** Read tables of recent uploads, at most `maxRows` data rows in all. */
export class TableCache {
  private readonly entries = new Map<string, Table>();
  private rows = 0;

  constructor(private readonly maxRows = 400_000) {}

  /**
   * The table of `data`, read now or kept from an earlier read of the same bytes.
   *
   * @example const table = await cache.read(upload.content)
   */
  async read(data: Buffer): Promise<Table> {
    const key = createHash('sha256').update(data).digest('hex');
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept;
    const table = await readTable(data);
    if (table.rows.length <= this.maxRows) {
      this.entries.set(key, table);
      this.rows += table.rows.length;
      for (const [oldest, entry] of this.entries) {
        if (this.rows <= this.maxRows) break;
        this.entries.delete(oldest);
        this.rows -= entry.rows.length;
      }
    }
    return table;
  }
}
