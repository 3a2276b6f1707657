/**
 * A kafkajs client whose own log lines go to the pipeline's {@link Logger}, and the error checks the
 * Kafka source needs.
 */
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { LogLevel, Logger } from '../ingest/log.js';

/** Connection settings of {@link createKafkaClient}. */
export interface KafkaClientConfig {
  brokers: readonly string[];
  clientId?: string;
  logger: Logger;
  /** kafkajs lines below this level are dropped (default `'warn'`: kafkajs is chatty at info). */
  level?: LogLevel;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /**
   * Retries of connections and requests (default 10: with back-off doubling from 300 ms to 30 s, about two
   * minutes, so a broker restart is ridden out instead of failing every client).
   */
  retries?: number;
}

const TO_KAFKAJS: Readonly<Record<LogLevel, logLevel>> = {
  debug: logLevel.DEBUG,
  info: logLevel.INFO,
  warn: logLevel.WARN,
  error: logLevel.ERROR,
};

function levelOf(level: logLevel): LogLevel {
  if (level <= logLevel.ERROR) return 'error';
  if (level === logLevel.WARN) return 'warn';
  if (level === logLevel.INFO) return 'info';
  return 'debug';
}

/**
 * A kafkajs client logging through `logger`.
 *
 * @example const kafka = createKafkaClient({ brokers: ['127.0.0.1:9092'], logger });
 */
export function createKafkaClient(config: KafkaClientConfig): Kafka {
  const logger = config.logger.child({ component: 'kafkajs' });
  return new Kafka({
    brokers: [...config.brokers],
    clientId: config.clientId ?? 'vwu-pipeline',
    connectionTimeout: config.connectionTimeoutMs ?? 3_000,
    requestTimeout: config.requestTimeoutMs ?? 30_000,
    retry: { retries: config.retries ?? 10, initialRetryTime: 300, maxRetryTime: 30_000 },
    logLevel: TO_KAFKAJS[config.level ?? 'warn'],
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const { message, timestamp: _timestamp, ...extra } = log;
        logger.log(levelOf(level), message, { namespace, ...extra });
      },
  });
}

const REBALANCE_TYPES = new Set([
  'REBALANCE_IN_PROGRESS',
  'NOT_COORDINATOR_FOR_GROUP',
  'NOT_COORDINATOR',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
]);

/** Whether an error (or its cause) says the consumer group is rebalancing or forgot this member. */
export function isRebalanceError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === 'string' && REBALANCE_TYPES.has(type)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Parses `KAFKA_BROKERS`-style text: `host:port` entries separated by commas or spaces. */
export function parseBrokers(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
