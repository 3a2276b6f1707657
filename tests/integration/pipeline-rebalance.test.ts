// Two pipeline instances in one consumer group, the second joining in the middle of the run and the first
// leaving before the end: two rebalances. The first instance "crashes" between making its files durable
// and committing whenever it loses partitions, so their new owner is handed those events again; dedup
// (journaled before the commit that never came) drops them. Producer retries are simulated by publishing
// some events twice. Every offset is handled, every event is in the files exactly once, and the commits
// reach the end of every partition.
import { describe, expect, inject, it } from 'vitest';
import {
  client,
  committedAndEnd,
  demoEvents,
  doubled,
  freshTopic,
  groupState,
  pipelineSuite,
  publish,
  topicEnds,
  until,
} from './pipeline-harness.js';
import type { TestPipeline, TestPipelineOptions } from './pipeline-harness.js';

describe('two instances in one group with rebalances', () => {
  const { brokers } = inject('kafka');
  const pipelines = pipelineSuite();
  const events = demoEvents(8000);
  const retried = events.slice(1000, 1300);

  it('handles every offset, stores every event once and commits the end', { timeout: 300_000 }, async () => {
    const kafka = client(brokers);
    const topic = await freshTopic(kafka, 'it-pipeline-rebalance', 6);
    await publish(kafka, topic, events);
    await publish(kafka, topic, retried);
    const total = events.length + retried.length;

    const group = await groupState('it-rebalance');
    const { store } = group;
    const shared: Omit<TestPipelineOptions, 'name'> = {
      ...group,
      kafka,
      topic,
      flushAt: 150,
      batchDelayMs: 40,
      source: { maxBytesPerPartition: 8 * 1024, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 20_000 },
    };
    // The first instance commits only at every 400th event of a partition, so it always holds uncommitted
    // events when it loses partitions.
    const first = await pipelines.start({
      ...shared,
      name: 'first',
      skipCommitOnRevoke: true,
      flushAt: 400,
      flushIntervalMs: 0,
    });
    await until(
      () => handledCount(first) >= 1500,
      60_000,
      'the first instance handling a fifth of the offsets',
    );
    const second = await pipelines.start({ ...shared, name: 'second' });
    await until(
      () => first.source.assignment().length > 0 && second.source.assignment().length > 0,
      60_000,
      'partitions split between both',
    );
    expect(first.source.assignment().length + second.source.assignment().length).toBe(6);
    await until(() => handledCount(second) >= 500, 60_000, 'the second instance handling offsets');
    await pipelines.stop(first);
    await until(
      () => second.source.assignment().length === 6,
      60_000,
      'the second instance taking every partition',
    );
    await until(() => new Set(store.map((s) => s.id)).size >= events.length, 120_000, 'every event stored');
    await until(
      async () => (await committedAndEnd(kafka, topic, shared.groupId)).committed === total,
      60_000,
      'commits at the end',
    );
    await pipelines.stop(second);

    expect(doubled(store)).toEqual([]);
    expect(store.map((s) => s.id).sort()).toEqual(events.map((e) => e.event_id).sort());
    expect(await committedAndEnd(kafka, topic, shared.groupId)).toEqual({ committed: total, end: total });

    // Every offset of every partition reached one instance or the other.
    const ends = await topicEnds(kafka, topic);
    for (const { partition, high } of ends) {
      const handled = new Set([
        ...(first.handled.get(partition) ?? []),
        ...(second.handled.get(partition) ?? []),
      ]);
      expect(handled.size, `partition ${partition}`).toBe(Number(high));
    }

    // The retried copies and the events handed over uncommitted were dropped as duplicates.
    const dropped =
      first.ingest.metrics.snapshot().totals.duplicates + second.ingest.metrics.snapshot().totals.duplicates;
    expect(dropped).toBeGreaterThan(retried.length);
    expect(first.revocations.filter((r) => r.startsWith('rebalance:')).length).toBeGreaterThan(0);
    expect(second.revocations.filter((r) => r.startsWith('rebalance:')).length).toBeGreaterThan(0);
  });
});

/** Offsets an instance was handed, over all partitions. */
function handledCount(pipeline: TestPipeline): number {
  return [...pipeline.handled.values()].reduce((sum, offsets) => sum + offsets.size, 0);
}
