/**
 * Shared set-up for the sink, manifest and compaction tests: a temporary data root, a fake clock, and a
 * writer wired the way production wires it (store → recovery → writer).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ActivityEvent } from '@vwu/contracts';
import {
  ManifestStore,
  PartitionWriter,
  UnitResolver,
  recoverSink,
  silentLogger,
  type Clock,
  type PartitionWriterOptions,
  type SinkRecord,
} from '@vwu/pipeline';
import { hierarchy } from './parquet-fixtures.js';

/** A clock the test moves by hand. */
export interface FakeClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

/** A fake clock starting at 2025-09-01T00:00:00Z. */
export function fakeClock(start = Date.UTC(2025, 8, 1)): FakeClock {
  let t = start;
  return { now: () => t, set: (ms) => void (t = ms), advance: (ms) => void (t += ms) };
}

const roots: string[] = [];

/** A fresh data root under the OS temp directory, removed after the test. */
export async function tempRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'vwu-sink-test-'));
  roots.push(root);
  return root;
}

afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

/** The shared unit resolver (the hierarchy is loaded once per test file). */
export const resolver = new UnitResolver(hierarchy);

/** Opens the store, recovers, and makes a writer, as a restarted process would. */
export async function startSink(
  root: string,
  clock: Clock,
  limits: Partial<PartitionWriterOptions> = {},
): Promise<{
  store: ManifestStore;
  writer: PartitionWriter;
  removed: { temp: string[]; orphans: string[] };
}> {
  const store = await ManifestStore.open(root, clock);
  const report = await recoverSink(store, silentLogger);
  const writer = new PartitionWriter({
    root,
    resolver,
    manifest: store,
    clock,
    logger: silentLogger,
    durable: report.durable,
    ...limits,
  });
  return { store, writer, removed: { temp: report.removedTemp, orphans: report.removedOrphans } };
}

/** Records of one partition from consecutive offsets, ingest time from the clock. */
export function records(
  events: readonly ActivityEvent[],
  partition: number,
  firstOffset: number,
  clock: FakeClock,
): SinkRecord[] {
  return events.map((event, i) => ({ event, partition, offset: firstOffset + i, ingestedAt: clock.now() }));
}

/** Every file name under a directory, recursively. */
export async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** A DuckDB instance and connection for a test; close them in `finally`. */
export async function duck(): Promise<{
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close: () => void;
}> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    instance,
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
