/**
 * Adapters between kafkajs and the source interface: a fetched batch as a {@link SourceBatch}, and pausing
 * partitions of a consumer that may not run yet.
 */
import type { Consumer, EachBatchPayload } from 'kafkajs';
import type { CommitResult, SourceBatch } from './types.js';

/**
 * The batch of a kafkajs `eachBatch` call. `commit` stores an offset of its partition; `owned` says
 * whether the source still reads that partition.
 */
export function toSourceBatch(
  payload: EachBatchPayload,
  commit: (nextOffset: string) => Promise<CommitResult>,
  owned: () => boolean,
): SourceBatch {
  const { batch } = payload;
  return {
    topic: batch.topic,
    partition: batch.partition,
    messages: batch.messages.map((message) => ({
      partition: batch.partition,
      offset: message.offset,
      key: message.key,
      // A tombstone (no value) is kept as empty bytes: the contract check dead-letters it.
      value: message.value ?? Buffer.alloc(0),
      timestampMs: Number(message.timestamp),
    })),
    highWatermark: batch.highWatermark,
    heartbeat: () => payload.heartbeat(),
    commit,
    isRunning: () => payload.isRunning() && !payload.isStale() && owned(),
  };
}

/**
 * Pauses (or resumes) `partitions` of `topic`, all of them when omitted. Returns false when the consumer
 * does not run yet (kafkajs refuses before `run`); the caller applies its pauses again on assignment.
 */
export function setPaused(
  consumer: Consumer | undefined,
  topic: string,
  partitions: readonly number[] | undefined,
  paused: boolean,
): boolean {
  if (consumer === undefined) return false;
  const topics = [partitions === undefined ? { topic } : { topic, partitions: [...partitions] }];
  try {
    if (paused) consumer.pause(topics);
    else consumer.resume(topics);
    return true;
  } catch {
    return false;
  }
}
