// What the suites that run the real pipeline service need: the real-broker guard (from the pipeline), demo
// events published in bulk (their ids kept in a file for DuckDB), the service as a child process that can
// be killed with SIGKILL, and DuckDB native checks over the manifest's files.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, openSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld, generateEvents, readManifest } from '@vwu/pipeline';
import { Partitioners } from 'kafkajs';
import type { Kafka, Message } from 'kafkajs';

/** The built service CLI (the integration task builds the workspaces first). */
export const PIPELINE_CLI = fileURLToPath(new URL('../../pipeline/dist/service/cli.js', import.meta.url));

/**
 * Publishes the first `count` medium-scale demo events (from January 2024, month by month) to `topic`, keyed
 * by unit like the pipeline's producer (murmur2), in large unvalidated batches (the generator's events are
 * valid by its own tests; this is about speed), and writes their ids, one per line, to `idsFile`.
 */
export async function publishDemoPrefix(
  kafka: Kafka,
  topic: string,
  count: number,
  idsFile: string,
): Promise<void> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const ids = createWriteStream(idsFile);
  ids.write('event_id\n');
  let sent = 0;
  let chunk: Message[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const flush = async (): Promise<void> => {
    const request = producer.send({ topic, acks: 1, messages: chunk });
    chunk = [];
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request)).catch(() => undefined);
    if (inFlight.size >= 4) await Promise.race(inFlight);
  };
  try {
    const world = buildWorld(loadHierarchy(), 2025, 'medium');
    outer: for (const unitMonth of generateEvents(world, { from: '2024-01-01', to: '2025-12-31' })) {
      for (const event of unitMonth) {
        if (sent === count) break outer;
        chunk.push({ key: event.unit_code, value: JSON.stringify(event) });
        ids.write(`${event.event_id}\n`);
        sent += 1;
        if (chunk.length === 2000) await flush();
      }
    }
    if (chunk.length > 0) await flush();
    await Promise.all(inFlight);
    if (sent < count) throw new Error(`only ${sent} demo events`);
  } finally {
    await producer.disconnect();
    ids.end();
    await once(ids, 'finish');
  }
}

/** A pipeline service running as a child process. */
export interface ServiceChild {
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Starts `vwu-pipeline run` with `env` added to this process's; output is appended to `logFile`. */
export function spawnService(env: Record<string, string>, logFile: string): ServiceChild {
  if (!existsSync(PIPELINE_CLI))
    throw new Error(`${PIPELINE_CLI} is missing: npx turbo run build --filter=@vwu/pipeline`);
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [PIPELINE_CLI, 'run'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { process: child, exited };
}

/** What the listed event files hold, checked with DuckDB native against the published ids. */
export interface FileCheck {
  rows: number;
  distinctIds: number;
  /** Published ids in no file. */
  missing: number;
  /** Ids in the files that were never published. */
  unknown: number;
  /** Rows sharing a (source partition, offset) with another row. */
  doubledOffsets: number;
  manifestRows: number;
}

/** Reads every file `manifest.json` lists under `root` with DuckDB native and compares with `idsFile`. */
export async function checkFiles(root: string, idsFile: string): Promise<FileCheck> {
  const manifest = await readManifest(root);
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    const files = listValue(manifest.files.map((f) => join(root, f.path)));
    await connection.run(
      'CREATE TABLE landed AS SELECT event_id, source_partition, source_offset FROM read_parquet($files)',
      { files },
      { files: LIST(VARCHAR) },
    );
    await connection.run(
      'CREATE TABLE published AS SELECT event_id FROM read_csv($ids, header = true, columns = {event_id: VARCHAR})',
      {
        ids: idsFile,
      },
    );
    const reader = await connection.runAndReadAll(`
      SELECT
        (SELECT count(*) FROM landed) AS rows,
        (SELECT count(DISTINCT event_id) FROM landed) AS distinct_ids,
        (SELECT count(*) FROM published p ANTI JOIN landed l USING (event_id)) AS missing,
        (SELECT count(*) FROM landed l ANTI JOIN published p USING (event_id)) AS unknown,
        (SELECT count(*) - count(DISTINCT (source_partition, source_offset)) FROM landed) AS doubled_offsets`);
    const row = reader.getRowObjectsJS()[0] ?? {};
    return {
      rows: Number(row['rows']),
      distinctIds: Number(row['distinct_ids']),
      missing: Number(row['missing']),
      unknown: Number(row['unknown']),
      doubledOffsets: Number(row['doubled_offsets']),
      manifestRows: manifest.files.reduce((n, f) => n + f.rows, 0),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
