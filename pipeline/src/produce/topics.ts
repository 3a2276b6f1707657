/**
 * Creating the event topics for development and tests: the topic and its dead-letter topic, with the
 * given partition count and replication factor 1 (a single broker). Existing topics are left alone.
 */
import type { Kafka } from 'kafkajs';
import { deadLetterTopic } from '../ingest/dead-letter.js';

/** Options of {@link ensureTopics}. */
export interface TopicOptions {
  kafka: Kafka;
  topics: readonly string[];
  /** Default 3. */
  partitions?: number;
  /** Default 1. */
  replicationFactor?: number;
}

/**
 * Creates the topics that do not exist yet and waits for their leaders; returns the names it created.
 *
 * @example await ensureTopics({ kafka, topics: eventTopics('activity-events') });
 */
export async function ensureTopics(options: TopicOptions): Promise<string[]> {
  const admin = options.kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = options.topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: options.partitions ?? 3,
        replicationFactor: options.replicationFactor ?? 1,
      })),
    });
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** A topic of activity events and its dead-letter topic. */
export function eventTopics(topic: string): [string, string] {
  return [topic, deadLetterTopic(topic)];
}
