/**
 * The embedded event log's writing side: a durable, append-only, partitioned log in a local directory, the
 * default source when no Kafka broker is configured. One process appends (a lock file says which); any
 * number of readers, in this process or others, follow it (see `log-reader.ts`).
 *
 * Appends are group-committed: every `append` made while a write is in progress joins the next write, which
 * is one `write` + one `fsync` per touched partition. With the default fsync policy `'batch'` the returned
 * promise resolves only once the record is on disk.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock, type Logger, silentLogger } from '../ingest/log.js';
import { acquireLock, fsyncDir, type FileLock } from './files.js';
import { encodeFrame } from './frame.js';
import { ensureLogMeta, partitionDir, segmentPath } from './log-layout.js';
import { encodeRecord } from './log-record.js';
import { recoverPartition } from './log-recovery.js';
import { partitionForKey } from './partitioner.js';

/** When appended bytes are fsynced: every write (`batch`), on a timer (`interval`), or never (`none`, benchmarks). */
export type FsyncPolicy = 'batch' | 'interval' | 'none';

/** Options of {@link EmbeddedLog.open}. */
export interface EmbeddedLogOptions {
  /** Partition count of a new log (default 3); an existing log must match or leave it unset. */
  partitions?: number;
  fsync?: FsyncPolicy;
  /** With `fsync: 'interval'`, how often (default 200 ms). */
  fsyncIntervalMs?: number;
  /** A segment is closed and a new one started once it reaches this size (default 64 MiB). */
  segmentBytes?: number;
  /** How long to wait for another process's writer lock (default 0: fail at once). */
  lockTimeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
}

/** One record to append. */
export interface AppendInput {
  /** Records with the same key go to the same partition, in order; `null`: round robin. */
  key: string | Uint8Array | null;
  value: string | Uint8Array;
  /** Default: the clock's now. */
  timestampMs?: number;
}

/** Where an appended record went. */
export interface AppendResult {
  partition: number;
  /** int64 as a decimal string. */
  offset: string;
}

interface PartitionFile {
  handle: FileHandle;
  base: number;
  size: number;
  /** Next offset to assign. */
  next: number;
  /** Every offset below this is fsynced (or written, with `fsync: 'none'`). */
  durable: number;
  dirty: boolean;
}

interface Pending {
  key: Buffer | null;
  value: Buffer;
  timestampMs: number;
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

const utf8 = (value: string | Uint8Array): Buffer =>
  typeof value === 'string'
    ? Buffer.from(value, 'utf8')
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);

/**
 * The writer of an embedded log directory.
 *
 * @example
 * const log = await EmbeddedLog.open('var/event-log');
 * const { partition, offset } = await log.append(event.unit_code, encodeEvent(event));
 * await log.close();
 */
export class EmbeddedLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private roundRobin = 0;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(partition: number, durableEnd: number) => void>();

  private constructor(
    readonly dir: string,
    readonly partitions: number,
    private readonly files: PartitionFile[],
    private readonly lock: FileLock,
    private readonly options: Required<Pick<EmbeddedLogOptions, 'fsync' | 'segmentBytes'>> & {
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Opens (creating if needed) the log in `dir`, takes the writer lock and truncates torn tails. */
  static async open(dir: string, options: EmbeddedLogOptions = {}): Promise<EmbeddedLog> {
    await mkdir(dir, { recursive: true });
    const lock = await acquireLock(join(dir, 'writer.lock'), options.lockTimeoutMs ?? 0);
    const logger = (options.logger ?? silentLogger).child({ component: 'embedded-log', dir });
    try {
      const meta = await ensureLogMeta(dir, options.partitions);
      const files: PartitionFile[] = [];
      for (let partition = 0; partition < meta.partitions; partition += 1) {
        const tail = await recoverPartition(dir, partition, logger);
        files.push({ ...tail, durable: tail.next, dirty: false });
      }
      const settings = {
        fsync: options.fsync ?? 'batch',
        segmentBytes: options.segmentBytes ?? 64 * 1024 * 1024,
        clock: options.clock ?? systemClock,
        logger,
      };
      const log = new EmbeddedLog(dir, meta.partitions, files, lock, settings);
      if (settings.fsync === 'interval') {
        log.timer = setInterval(
          () => void log.syncAll().catch((error: unknown) => logger.log('error', 'fsync failed', { error })),
          options.fsyncIntervalMs ?? 200,
        );
        log.timer.unref();
      }
      return log;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Appends one record; resolves once it is durable (per the fsync policy). */
  append(key: AppendInput['key'], value: AppendInput['value'], timestampMs?: number): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error(`embedded log ${this.dir} is closed`));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({
        key: key === null ? null : utf8(key),
        value: utf8(value),
        timestampMs: timestampMs ?? this.options.clock.now(),
        resolve,
        reject,
      });
      this.kick();
    });
  }

  /** Appends many records (one write per partition); results in input order. */
  appendMany(records: readonly AppendInput[]): Promise<AppendResult[]> {
    return Promise.all(records.map((record) => this.append(record.key, record.value, record.timestampMs)));
  }

  /** The partition a key goes to. */
  partitionOf(key: string | Uint8Array): number {
    return partitionForKey(utf8(key), this.partitions);
  }

  /** Per partition, the offset after the last durable record. */
  durableEndOffsets(): number[] {
    return this.files.map((file) => file.durable);
  }

  /** Calls `listener` whenever records become durable; returns the unsubscribe function. */
  onDurable(listener: (partition: number, durableEnd: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes what is queued, fsyncs, closes the files and releases the writer lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    while (this.flushing !== undefined) await this.flushing;
    await this.syncAll();
    for (const file of this.files) await file.handle.close();
    await this.lock.release();
  }

  private kick(): void {
    if (this.flushing !== undefined) return;
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.flushing = undefined;
        if (this.queue.length > 0) this.kick();
      });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const items = this.queue;
      this.queue = [];
      await this.writeRound(items);
    }
  }

  private async writeRound(items: Pending[]): Promise<void> {
    const byPartition = new Map<number, { item: Pending; offset: number }[]>();
    for (const item of items) {
      const partition =
        item.key === null ? this.roundRobin++ % this.partitions : partitionForKey(item.key, this.partitions);
      const list = byPartition.get(partition) ?? [];
      byPartition.set(partition, list);
      list.push({ item, offset: 0 });
    }
    await Promise.all(
      [...byPartition].map(async ([partition, list]) => {
        const file = this.files[partition] as PartitionFile;
        try {
          await this.writePartition(partition, file, list);
          for (const entry of list) entry.item.resolve({ partition, offset: String(entry.offset) });
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          for (const entry of list) entry.item.reject(failure);
        }
      }),
    );
  }

  private async writePartition(
    partition: number,
    file: PartitionFile,
    list: { item: Pending; offset: number }[],
  ): Promise<void> {
    if (file.size >= this.options.segmentBytes) await this.roll(partition, file);
    const frames = list.map((entry, index) => {
      entry.offset = file.next + index;
      return encodeFrame(
        encodeRecord(entry.offset, entry.item.timestampMs, entry.item.key, entry.item.value),
      );
    });
    const bytes = Buffer.concat(frames);
    const before = file.size;
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await file.handle.write(
          bytes,
          written,
          bytes.length - written,
          before + written,
        );
        written += bytesWritten;
      }
    } catch (error) {
      await file.handle.truncate(before);
      throw error;
    }
    file.size = before + bytes.length;
    file.next += list.length;
    file.dirty = true;
    if (this.options.fsync === 'batch') await this.sync(partition, file);
    else if (this.options.fsync === 'none') this.markDurable(partition, file);
  }

  private async roll(partition: number, file: PartitionFile): Promise<void> {
    await this.sync(partition, file);
    await file.handle.close();
    file.handle = await open(segmentPath(this.dir, partition, file.next), 'wx+');
    await fsyncDir(partitionDir(this.dir, partition));
    file.base = file.next;
    file.size = 0;
    this.options.logger.log('debug', 'segment rolled', { partition, base: file.base });
  }

  private async sync(partition: number, file: PartitionFile): Promise<void> {
    if (!file.dirty) return;
    const next = file.next;
    file.dirty = false;
    await file.handle.sync();
    if (next > file.durable) {
      file.durable = next;
      for (const listener of this.listeners) listener(partition, next);
    }
  }

  private markDurable(partition: number, file: PartitionFile): void {
    file.dirty = false;
    file.durable = file.next;
    for (const listener of this.listeners) listener(partition, file.next);
  }

  private async syncAll(): Promise<void> {
    for (const [partition, file] of this.files.entries()) await this.sync(partition, file);
  }
}
