/**
 * Which source the pipeline reads, from the environment: `KAFKA_BROKERS` set → the Kafka consumer group;
 * unset → the embedded log in `EVENT_LOG_DIR` (default `var/event-log`). The dead letters follow the same
 * choice: `<topic>.dlq` or `<EVENT_LOG_DIR>/dead-letters/`.
 *
 *     KAFKA_BROKERS    host:port list (commas or spaces)
 *     KAFKA_TOPIC      default activity-events
 *     KAFKA_GROUP_ID   default vwu-pipeline (also the embedded log's consumer group)
 *     EVENT_LOG_DIR    default var/event-log
 */
import { join, resolve } from 'node:path';
import type { Kafka } from 'kafkajs';
import {
  createFileDeadLetters,
  createKafkaDeadLetters,
  deadLetterTopic,
  type DeadLetterSink,
} from '../ingest/dead-letter.js';
import { silentLogger, type Logger } from '../ingest/log.js';
import type { EmbeddedLog } from './embedded-log.js';
import { createEmbeddedSource } from './embedded-source.js';
import { createKafkaClient, parseBrokers } from './kafka-client.js';
import type { KafkaSourceConfig } from './kafka-config.js';
import { createKafkaSource } from './kafka-source.js';
import type { EventSource } from './types.js';

/** Default topic of activity events. */
export const DEFAULT_TOPIC = 'activity-events';
/** Default consumer group of the pipeline. */
export const DEFAULT_GROUP_ID = 'vwu-pipeline';
/** Default directory of the embedded log, relative to the working directory. */
export const DEFAULT_EVENT_LOG_DIR = 'var/event-log';

/** Where events are read from (and published to), keyed by `type`. */
export type SourceSettings =
  | { type: 'kafka'; brokers: string[]; topic: string; groupId: string }
  | { type: 'embedded'; dir: string; topic: string; groupId: string };

/**
 * Reads the source settings from environment variables.
 *
 * @example
 * sourceSettingsFromEnv({ KAFKA_BROKERS: '127.0.0.1:9092' }); // { type: 'kafka', brokers: ['127.0.0.1:9092'], … }
 * sourceSettingsFromEnv({}); // { type: 'embedded', dir: '<cwd>/var/event-log', … }
 */
export function sourceSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SourceSettings {
  const topic = env.KAFKA_TOPIC?.trim() || DEFAULT_TOPIC;
  const groupId = env.KAFKA_GROUP_ID?.trim() || DEFAULT_GROUP_ID;
  const brokers = parseBrokers(env.KAFKA_BROKERS ?? '');
  if (brokers.length > 0) return { type: 'kafka', brokers, topic, groupId };
  return {
    type: 'embedded',
    dir: resolve(env.EVENT_LOG_DIR?.trim() || DEFAULT_EVENT_LOG_DIR),
    topic,
    groupId,
  };
}

/** What {@link createSource} and {@link createDeadLetters} may share. */
export interface SourceDependencies {
  logger?: Logger;
  /** Kafka mode: a client to reuse. */
  kafka?: Kafka;
  /** Embedded mode: the writer, when it runs in this process. */
  log?: EmbeddedLog;
  /** Kafka mode: consumer timeouts and fetch sizes (defaults in `kafka-config.ts`). */
  kafkaTuning?: Pick<
    KafkaSourceConfig,
    'sessionTimeoutMs' | 'rebalanceTimeoutMs' | 'heartbeatIntervalMs' | 'maxBytesPerPartition'
  >;
}

/** The {@link EventSource} the settings describe. */
export function createSource(settings: SourceSettings, deps: SourceDependencies = {}): EventSource {
  const logger = deps.logger ?? silentLogger;
  if (settings.type === 'kafka') {
    return createKafkaSource({
      brokers: settings.brokers,
      topic: settings.topic,
      groupId: settings.groupId,
      logger,
      ...deps.kafkaTuning,
      ...(deps.kafka === undefined ? {} : { kafka: deps.kafka }),
    });
  }
  return createEmbeddedSource({
    dir: settings.dir,
    topic: settings.topic,
    groupId: settings.groupId,
    logger,
    ...(deps.log === undefined ? {} : { log: deps.log }),
  });
}

/** The dead-letter sink of the settings: `<topic>.dlq`, or `<dir>/dead-letters/`. */
export function createDeadLetters(settings: SourceSettings, deps: SourceDependencies = {}): DeadLetterSink {
  if (settings.type === 'embedded') return createFileDeadLetters(join(settings.dir, 'dead-letters'));
  const kafka =
    deps.kafka ?? createKafkaClient({ brokers: settings.brokers, logger: deps.logger ?? silentLogger });
  return createKafkaDeadLetters({ kafka, topic: deadLetterTopic(settings.topic) });
}
