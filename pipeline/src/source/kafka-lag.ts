/**
 * Lag of a consumer group on a Kafka topic: the partitions' high watermarks against the group's committed
 * offsets, read with an admin client.
 */
import type { Admin } from 'kafkajs';
import type { PartitionLag } from './types.js';

/**
 * Lag of `groupId` on the given partitions of `topic`; a partition never committed counts from its
 * earliest retained offset.
 */
export async function fetchKafkaLag(
  admin: Admin,
  topic: string,
  groupId: string,
  partitions: readonly number[],
): Promise<PartitionLag[]> {
  const [ends, groups] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  const committed = new Map((groups[0]?.partitions ?? []).map((p) => [p.partition, p.offset]));
  return partitions.map((partition) => {
    const end = ends.find((p) => p.partition === partition);
    const stored = committed.get(partition);
    const known = stored !== undefined && Number(stored) >= 0 ? stored : null;
    const high = end?.high ?? '0';
    return {
      partition,
      highWatermark: high,
      committed: known,
      lag: Math.max(0, Number(high) - Number(known ?? end?.low ?? 0)),
    };
  });
}
