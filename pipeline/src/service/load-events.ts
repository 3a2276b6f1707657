/**
 * Loading an NDJSON file of events (the demo generator's `events.ndjson`) into the embedded log, fast: lines
 * are appended as they are, keyed by their `unit_code`, in large group-committed batches. Nothing is
 * validated here — the pipeline validates every message and dead-letters the bad ones with their line's
 * bytes, as it would for any producer.
 *
 * A load is recorded in `<log>/loads/<name>.json`: loading the same file again (same name, size and
 * modification time) does nothing, and a load cut short resumes after the last batch it recorded (the few
 * lines appended twice are dropped by the pipeline's dedup).
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ndjsonLines } from '../produce/ndjson-lines.js';
import { landText } from '../sink/atomic-file.js';
import { EmbeddedLog } from '../source/embedded-log.js';

/** Options of {@link loadEventsIntoLog}. */
export interface LoadEventsOptions {
  /** NDJSON file of events. */
  file: string;
  /** The embedded log directory (`EVENT_LOG_DIR`). */
  dir: string;
  /** Partitions of a new log (default 3). */
  partitions?: number;
  /** Lines per group-committed append (default 5000). */
  batchLines?: number;
  /** Lines between progress records and `onProgress` calls (default 100,000). */
  recordEvery?: number;
  onProgress?: (lines: number) => void;
}

/** What a load did. */
export interface LoadEventsResult {
  status: 'loaded' | 'already-loaded';
  /** Lines in the log from this file (after a resume: all of them). */
  lines: number;
  seconds: number;
}

interface LoadRecord {
  file: string;
  size: number;
  mtimeMs: number;
  state: 'loading' | 'done';
  /** Lines appended and durable. */
  lines: number;
}

const UNIT_CODE = /"unit_code":"([^"\\]{1,64})"/;

/** The partition key of a line: its `unit_code`, or `null` (round robin) when it has none. */
function keyOf(line: string): string | null {
  const match = UNIT_CODE.exec(line);
  if (match !== null) return match[1]!;
  try {
    const value = JSON.parse(line) as { unit_code?: unknown };
    return typeof value.unit_code === 'string' ? value.unit_code : null;
  } catch {
    return null;
  }
}

/**
 * Appends every line of an NDJSON file to the embedded log, once.
 *
 * @example
 * const { status, lines } = await loadEventsIntoLog({ file: 'var/demo-medium/events.ndjson', dir: 'var/event-log' });
 */
export async function loadEventsIntoLog(options: LoadEventsOptions): Promise<LoadEventsResult> {
  const started = performance.now();
  const info = await stat(options.file);
  const recordPath = join(options.dir, 'loads', `${basename(options.file)}.json`);
  let record: LoadRecord = {
    file: options.file,
    size: info.size,
    mtimeMs: info.mtimeMs,
    state: 'loading',
    lines: 0,
  };
  try {
    const previous = JSON.parse(await readFile(recordPath, 'utf8')) as LoadRecord;
    if (previous.size === info.size && previous.mtimeMs === info.mtimeMs) record = previous;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const seconds = (): number => Math.round((performance.now() - started) / 10) / 100;
  if (record.state === 'done') return { status: 'already-loaded', lines: record.lines, seconds: seconds() };

  await mkdir(join(options.dir, 'loads'), { recursive: true });
  const log = await EmbeddedLog.open(options.dir, {
    partitions: options.partitions ?? 3,
    lockTimeoutMs: 30_000,
  });
  const batchLines = options.batchLines ?? 5000;
  const recordEvery = options.recordEvery ?? 100_000;
  const skip = record.lines;
  let lines = 0;
  let recorded = skip;
  let batch: { key: string | null; value: string }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await log.appendMany(batch);
    batch = [];
    if (lines - recorded >= recordEvery) {
      recorded = lines;
      await landText(recordPath, JSON.stringify({ ...record, lines }));
      options.onProgress?.(lines);
    }
  };
  try {
    for await (const { text } of ndjsonLines(options.file)) {
      lines += 1;
      if (lines <= skip) continue;
      batch.push({ key: keyOf(text), value: text });
      if (batch.length >= batchLines) await flush();
    }
    await flush();
  } finally {
    await log.close();
  }
  await landText(recordPath, JSON.stringify({ ...record, state: 'done', lines }));
  options.onProgress?.(lines);
  return { status: 'loaded', lines, seconds: seconds() };
}
