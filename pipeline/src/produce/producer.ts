/**
 * Publishing activity events: every event is validated against the contract first (an invalid one is
 * reported back and never sent; it does not stop the others), then keyed by `unit_code` so that each
 * unit's events stay in order in one partition. Kafka: an idempotent producer with `acks: -1` and one
 * request in flight. Embedded: appends to the local log, durable when `send` resolves.
 */
import { validateEvent, formatIssues, type EventIssue } from '@vwu/contracts';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { silentLogger, type Logger } from '../ingest/log.js';
import { EmbeddedLog } from '../source/embedded-log.js';
import { createKafkaClient } from '../source/kafka-client.js';

/** Where events are published, keyed by `type`. */
export type ProducerConfig =
  | {
      type: 'kafka';
      brokers: readonly string[];
      /** Default `activity-events`. */
      topic?: string;
      clientId?: string;
      kafka?: Kafka;
      /**
       * Retries of a failed request before `send` rejects (default 8, about a minute of back-off). kafkajs
       * would retry forever; a bounded wait is safer for callers, and a resend is harmless because the
       * pipeline drops duplicate event ids.
       */
      retries?: number;
      logger?: Logger;
    }
  | {
      type: 'embedded';
      /** The log directory; ignored when `log` is given. */
      dir: string;
      /** A writer already open in this process (it stays open on `close`). */
      log?: EmbeddedLog;
      logger?: Logger;
    };

/** An event that was not sent. */
export interface RejectedEvent {
  /** Position in the array given to `send`. */
  index: number;
  /** The event's id when it had a readable one. */
  event_id: string | null;
  reason: string;
  issues: EventIssue[];
}

/** What `send` did. */
export interface SendResult {
  sent: number;
  rejected: RejectedEvent[];
}

/** Publishes validated events. */
export interface EventProducer {
  readonly kind: ProducerConfig['type'];
  readonly topic: string;
  /**
   * Validates each event and publishes the valid ones, keyed by `unit_code`. Resolves once they are
   * acknowledged (Kafka: by the broker; embedded: fsynced); rejects only when publishing itself fails.
   */
  send(events: readonly unknown[]): Promise<SendResult>;
  close(): Promise<void>;
}

/** Most messages in one Kafka request. */
const MAX_REQUEST_MESSAGES = 1000;
/** Most value bytes in one Kafka request (the broker accepts about 1 MB per batch). */
const MAX_REQUEST_BYTES = 512 * 1024;

interface Encoded {
  key: string;
  value: Buffer;
}

function prepare(events: readonly unknown[]): { valid: Encoded[]; rejected: RejectedEvent[] } {
  const valid: Encoded[] = [];
  const rejected: RejectedEvent[] = [];
  for (const [index, input] of events.entries()) {
    const result = validateEvent(input);
    if (result.ok) {
      valid.push({ key: result.event.unit_code, value: Buffer.from(JSON.stringify(result.event), 'utf8') });
      continue;
    }
    const id =
      typeof input === 'object' && input !== null ? (input as { event_id?: unknown }).event_id : undefined;
    rejected.push({
      index,
      event_id: typeof id === 'string' ? id : null,
      reason: formatIssues(result.issues),
      issues: result.issues,
    });
  }
  return { valid, rejected };
}

function chunks(messages: readonly Encoded[]): Encoded[][] {
  const out: Encoded[][] = [];
  let current: Encoded[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (
      current.length > 0 &&
      (current.length >= MAX_REQUEST_MESSAGES || bytes + message.value.length > MAX_REQUEST_BYTES)
    ) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += message.value.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function kafkaProducer(config: Extract<ProducerConfig, { type: 'kafka' }>): EventProducer {
  const topic = config.topic ?? 'activity-events';
  const kafka =
    config.kafka ??
    createKafkaClient({
      brokers: config.brokers,
      logger: config.logger ?? silentLogger,
      ...(config.clientId === undefined ? {} : { clientId: config.clientId }),
    });
  let producer: Producer | undefined;
  const connected = async (): Promise<Producer> => {
    if (producer === undefined) {
      const created = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // murmur2 of the key, as the Java client and the embedded log (partitioner.ts).
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: config.retries ?? 8 },
      });
      await created.connect();
      producer = created;
    }
    return producer;
  };
  return {
    kind: 'kafka',
    topic,
    async send(events) {
      const { valid, rejected } = prepare(events);
      if (valid.length > 0) {
        const client = await connected();
        for (const chunk of chunks(valid)) await client.send({ topic, acks: -1, messages: chunk });
      }
      return { sent: valid.length, rejected };
    },
    async close() {
      await producer?.disconnect();
      producer = undefined;
    },
  };
}

function embeddedProducer(config: Extract<ProducerConfig, { type: 'embedded' }>): EventProducer {
  let log: EmbeddedLog | undefined = config.log;
  const owned = config.log === undefined;
  return {
    kind: 'embedded',
    topic: config.log?.dir ?? config.dir,
    async send(events) {
      const { valid, rejected } = prepare(events);
      if (valid.length > 0) {
        log ??= await EmbeddedLog.open(config.dir, {
          lockTimeoutMs: 30_000,
          ...(config.logger === undefined ? {} : { logger: config.logger }),
        });
        await log.appendMany(valid);
      }
      return { sent: valid.length, rejected };
    },
    async close() {
      if (owned) await log?.close();
      log = undefined;
    },
  };
}

/**
 * A producer of activity events.
 *
 * @example
 * const producer = createProducer({ type: 'kafka', brokers: ['127.0.0.1:9092'] });
 * const { sent, rejected } = await producer.send(events);
 * for (const r of rejected) console.error(`event ${r.index}: ${r.reason}`);
 * await producer.close();
 */
export function createProducer(config: ProducerConfig): EventProducer {
  return config.type === 'kafka' ? kafkaProducer(config) : embeddedProducer(config);
}
