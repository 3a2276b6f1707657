/**
 * Configuration of the Kafka source and the kafkajs consumer settings it implies.
 */
import type { ConsumerConfig, Kafka } from 'kafkajs';
import type { Logger } from '../ingest/log.js';

/** Configuration of `createKafkaSource`. */
export interface KafkaSourceConfig {
  brokers: readonly string[];
  groupId: string;
  /** Default `activity-events`. */
  topic?: string;
  clientId?: string;
  /** A client to use instead of one built from `brokers`. */
  kafka?: Kafka;
  /** Where a group without committed offsets starts (default true: the beginning). */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  maxBytesPerPartition?: number;
  /** Longest a fetch waits for data (default 500 ms; also bounds how long `stop` waits). */
  maxWaitTimeMs?: number;
  /** Back-off of consumer restarts: first and longest delay (default 500 ms, 30 s). */
  restartDelayMs?: { initial: number; max: number };
  logger?: Logger;
}

/**
 * The kafkajs consumer settings of a source: the group, its timeouts, fetch sizes, and no restart by
 * kafkajs itself (the source restarts the consumer, revoking first).
 */
export function consumerConfig(config: KafkaSourceConfig): ConsumerConfig {
  return {
    groupId: config.groupId,
    sessionTimeout: config.sessionTimeoutMs ?? 30_000,
    rebalanceTimeout: config.rebalanceTimeoutMs ?? 60_000,
    heartbeatInterval: config.heartbeatIntervalMs ?? 3_000,
    maxBytesPerPartition: config.maxBytesPerPartition ?? 1024 * 1024,
    maxWaitTimeInMs: config.maxWaitTimeMs ?? 500,
    retry: { retries: 5, restartOnFailure: async () => false },
  };
}
