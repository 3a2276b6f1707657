/**
 * Dead letters: messages that could not be decoded or broke the event contract, kept with the reason and
 * the original bytes so they can be inspected, fixed and published again. They go to `<topic>.dlq` in
 * Kafka mode and to `dead-letters/<day>.ndjson` under the log directory in embedded mode.
 *
 * A dead letter is written (and durable) before the batch that held it returns, so an offset commit never
 * passes a poison message whose record could still be lost. After a crash a message may be dead-lettered
 * twice; `partition` + `offset` identify it.
 */
import { appendFile, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeEvent, formatIssues, type ActivityEvent, type EventIssue } from '@vwu/contracts';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { SourceMessage } from '../source/types.js';
import { systemClock, type Clock } from './log.js';
import type { MessageVerdict } from './validate.js';

/** Fields every dead letter carries. */
interface DeadLetterBase {
  /** One line a person can act on (`formatIssues`). */
  reason: string;
  issues: EventIssue[];
  /** The message value exactly as received. */
  original_base64: string;
  topic: string;
  partition: number;
  offset: string;
  /** The message key as UTF-8 text (unit code), `null` without a key. */
  key: string | null;
  /** When the message was appended to the log. */
  message_timestamp: string;
  /** When the pipeline rejected it. */
  received_at: string;
}

/** A rejected message, keyed by `type`: not UTF-8 JSON at all, or JSON that breaks the contract. */
export type DeadLetter =
  | (DeadLetterBase & { type: 'undecodable' })
  | (DeadLetterBase & { type: 'invalid'; event_id: string | null; event_type: string | null });

/** Where dead letters go. */
export interface DeadLetterSink {
  /** Stores the letters durably; resolves once they are safe. */
  write(letters: readonly DeadLetter[]): Promise<void>;
  close(): Promise<void>;
}

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The dead letter of a rejected message.
 *
 * @example
 * const verdict = checkMessage(message);
 * if (verdict.type !== 'event') letters.push(toDeadLetter(verdict, 'activity-events', clock));
 */
export function toDeadLetter(
  verdict: Exclude<MessageVerdict, { type: 'event' }>,
  topic: string,
  clock: Clock = systemClock,
): DeadLetter {
  const message: SourceMessage = verdict.message;
  const base: DeadLetterBase = {
    reason: formatIssues(verdict.issues),
    issues: verdict.issues,
    original_base64: message.value.toString('base64'),
    topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key === null ? null : message.key.toString('utf8'),
    message_timestamp: new Date(message.timestampMs).toISOString(),
    received_at: new Date(clock.now()).toISOString(),
  };
  if (verdict.type === 'undecodable') return { type: 'undecodable', ...base };
  return {
    type: 'invalid',
    ...base,
    event_id: text(verdict.parsed?.event_id),
    event_type: text(verdict.parsed?.type),
  };
}

/** A valid event the sink could not place (its unit is unknown to the hierarchy), as the sink reports it. */
export interface UnplacedRecord {
  event: ActivityEvent;
  partition: number;
  offset: number;
  /** The log's record timestamp, ms since the epoch. */
  ingestedAt: number;
  reason: string;
}

/**
 * The dead letter of an event that passed the contract but that the sink could not place: `invalid`, with
 * the event re-encoded as its original bytes.
 *
 * @example await deadLetters.write(rejected.map((r) => unplacedLetter(r, topic)));
 */
export function unplacedLetter(
  record: UnplacedRecord,
  topic: string,
  clock: Clock = systemClock,
): DeadLetter {
  return {
    type: 'invalid',
    reason: record.reason,
    issues: [{ path: '/unit_code', message: record.reason }],
    original_base64: Buffer.from(encodeEvent(record.event)).toString('base64'),
    topic,
    partition: record.partition,
    offset: String(record.offset),
    key: record.event.unit_code,
    message_timestamp: new Date(record.ingestedAt).toISOString(),
    received_at: new Date(clock.now()).toISOString(),
    event_id: record.event.event_id,
    event_type: record.event.type,
  };
}

/**
 * Dead letters as NDJSON files in `dir`, one per day of `received_at` (UTC), appended and fsynced.
 *
 * @example const deadLetters = createFileDeadLetters(join(logDir, 'dead-letters'));
 */
export function createFileDeadLetters(dir: string): DeadLetterSink {
  return {
    async write(letters) {
      if (letters.length === 0) return;
      await mkdir(dir, { recursive: true });
      const byDay = new Map<string, string[]>();
      for (const letter of letters) {
        const day = letter.received_at.slice(0, 10);
        const lines = byDay.get(day) ?? [];
        byDay.set(day, lines);
        lines.push(JSON.stringify(letter));
      }
      for (const [day, lines] of byDay) {
        const path = join(dir, `${day}.ndjson`);
        await appendFile(path, `${lines.join('\n')}\n`);
        const handle = await open(path, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
    },
    close: async () => undefined,
  };
}

/** Options of {@link createKafkaDeadLetters}. */
export interface KafkaDeadLetterOptions {
  kafka: Kafka;
  /** The dead-letter topic, normally {@link deadLetterTopic}(topic). */
  topic: string;
}

/**
 * Dead letters published to a Kafka topic by an idempotent producer with `acks: -1`, keyed like the
 * original message, the value being the {@link DeadLetter} as JSON.
 */
export function createKafkaDeadLetters(options: KafkaDeadLetterOptions): DeadLetterSink {
  let producer: Producer | undefined;
  const connected = async (): Promise<Producer> => {
    if (producer === undefined) {
      const created = options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: 8 },
      });
      await created.connect();
      producer = created;
    }
    return producer;
  };
  return {
    async write(letters) {
      if (letters.length === 0) return;
      const client = await connected();
      await client.send({
        topic: options.topic,
        acks: -1,
        messages: letters.map((letter) => ({
          key: letter.key,
          value: JSON.stringify(letter),
          headers: {
            'dlq-type': letter.type,
            'dlq-source': `${letter.topic}/${letter.partition}/${letter.offset}`,
          },
        })),
      });
    },
    async close() {
      await producer?.disconnect();
      producer = undefined;
    },
  };
}
