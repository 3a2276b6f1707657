// Crash proof against the real broker: medium-scale demo events in a topic (100,000 in `npm test`, to keep the
// suite within minutes; `VWU_CRASH_EVENTS=1000000` for the full proof, `npm run proof:crash`), the pipeline service
// run as a child process and killed with SIGKILL at random moments (during start-up, recovery, consuming,
// landing, compaction) more than twenty times, restarted each time, then left to finish and stopped
// gracefully. In the end DuckDB native reads every file the manifest lists: every published event is there
// exactly once, and nothing else is.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { client, committedAndEnd, freshTopic, until } from './pipeline-harness.js';
import { requireRealBroker } from '@vwu/pipeline';
import { checkFiles, publishDemoPrefix, spawnService } from './pipeline-service-harness.js';
import type { ServiceChild } from './pipeline-service-harness.js';

const EVENTS = Number(process.env.VWU_CRASH_EVENTS ?? 100_000);
const KILLS = Number(process.env.VWU_CRASH_KILLS ?? 20);

describe(`crash proof: kill -9 during a ${EVENTS.toLocaleString('en')}-event run`, () => {
  const { brokers } = inject('kafka');
  const children: ServiceChild[] = [];
  let dir = '';

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    if (dir !== '' && process.env.VWU_KEEP_CRASH_DIR !== '1') await rm(dir, { recursive: true, force: true });
  });

  it(`every event is in the files exactly once after ${KILLS} kills`, { timeout: 2_700_000 }, async () => {
    const kafka = client(brokers);
    await requireRealBroker(kafka);
    dir = await mkdtemp(join(tmpdir(), 'it-crash-'));
    // One partition: the month-ordered demo data spreads over ~700 output partitions per month and
    // partition; fewer raw files per landing keep the run within minutes on a loaded machine.
    const topic = await freshTopic(kafka, 'it-pipeline-crash', 1);
    const groupId = `it-crash-${randomUUID()}`;
    const idsFile = join(dir, 'published.csv');
    await publishDemoPrefix(kafka, topic, EVENTS, idsFile);
    expect(await committedAndEnd(kafka, topic, groupId)).toEqual({ committed: 0, end: EVENTS });
    const started = Date.now();

    const env = {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC: topic,
      KAFKA_GROUP_ID: groupId,
      // A killed member leaves the group after its session: keep that short so restarts rejoin quickly.
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      KAFKA_REBALANCE_TIMEOUT_MS: '10000',
      ANALYTICS_DIR: join(dir, 'analytics'),
      PIPELINE_STATE_DIR: join(dir, 'state'),
      // Land by age even while catching up, so every life between kills can make files durable.
      PIPELINE_MAX_AGE_MS: '2000',
      PIPELINE_IDLE_FLUSH_MS: '1000',
      PIPELINE_CATCH_UP_LAG: '0',
      PIPELINE_MAX_BUFFERED_ROWS: '400000',
      PIPELINE_COMPACT_INTERVAL_S: '4',
      PIPELINE_ROLLUP_INTERVAL_S: '0',
      PIPELINE_METRICS_LOG_S: '0',
      LOG_LEVEL: 'warn',
    };
    const logFile = join(dir, 'service.log');
    const progress: number[] = [];
    let committed = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const child = spawnService(env, logFile);
      children.push(child);
      if (kill % 4 === 0) {
        // During start-up and recovery.
        await sleep(500 + Math.random() * 5_000);
      } else {
        // While consuming, landing and committing: a random moment after this life's first commit (or after
        // 30 s once everything is committed: then it dies compacting or idling).
        const lifeEnds = Date.now() + 30_000;
        await until(
          async () =>
            (await committedAndEnd(kafka, topic, groupId)).committed > committed || Date.now() > lifeEnds,
          300_000,
          `progress after kill ${kill}`,
        );
        await sleep(Math.random() * 6_000);
      }
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
      children.pop();
      committed = (await committedAndEnd(kafka, topic, groupId)).committed;
      progress.push(committed);
    }
    // Restarts made progress between kills (each one recovered and went on).
    expect(progress.at(-1)).toBeGreaterThan(0);

    const runningLines = async (): Promise<number> =>
      (await readFile(logFile, 'utf8')).split('"msg":"pipeline running"').length - 1;
    const before = await runningLines();
    const last = spawnService({ ...env, LOG_LEVEL: 'info' }, logFile);
    children.push(last);
    await until(
      async () => (await committedAndEnd(kafka, topic, groupId)).committed === EVENTS,
      900_000,
      'the last run committing every event',
    );
    // Stop gracefully once the service runs (a signal before Node has loaded the CLI would just end it).
    await until(async () => (await runningLines()) > before, 120_000, 'the last run to start');
    last.process.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    children.pop();

    const check = await checkFiles(env.ANALYTICS_DIR, idsFile);
    expect(check).toEqual({
      rows: EVENTS,
      distinctIds: EVENTS,
      missing: 0,
      unknown: 0,
      doubledOffsets: 0,
      manifestRows: EVENTS,
    });
    const leftovers = (await readdir(env.ANALYTICS_DIR, { recursive: true })).filter((f) =>
      String(f).includes('.tmp-'),
    );
    expect(leftovers).toEqual([]);
    console.warn(
      `[crash] ${EVENTS} events, ${KILLS} kills in ${Math.round((Date.now() - started) / 1000)} s; committed after each: ${progress.join(', ')}`,
    );
  });
});
