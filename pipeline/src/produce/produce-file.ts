/**
 * Publishing an NDJSON file of events line by line: batches of lines go to a producer one after another
 * (memory stays constant), lines that are not JSON or not valid events are reported with their line
 * number, and every good line is still sent.
 */
import type { Readable } from 'node:stream';
import { decodeEvent, formatIssues, type EventIssue } from '@vwu/contracts';
import { ndjsonLines } from './ndjson-lines.js';
import type { EventProducer } from './producer.js';

/** A line that was not sent. */
export interface RejectedLine {
  line: number;
  event_id: string | null;
  reason: string;
  issues: EventIssue[];
}

/** Running totals, reported after each batch. */
export interface ProduceProgress {
  lines: number;
  sent: number;
  rejected: number;
}

/** Options of {@link produceFile}. */
export interface ProduceFileOptions {
  /** A path or a stream of NDJSON. */
  input: string | Readable;
  producer: EventProducer;
  /** Lines per `send` (default 1000). */
  batchLines?: number;
  onProgress?: (progress: ProduceProgress) => void;
  onRejected?: (rejected: RejectedLine) => void;
}

/**
 * Publishes every valid event of an NDJSON input; returns the totals.
 *
 * @example
 * const totals = await produceFile({ input: 'events.ndjson', producer, onRejected: (r) => console.error(r.reason) });
 */
export async function produceFile(options: ProduceFileOptions): Promise<ProduceProgress> {
  const batchLines = options.batchLines ?? 1000;
  const totals: ProduceProgress = { lines: 0, sent: 0, rejected: 0 };
  let values: unknown[] = [];
  let numbers: number[] = [];
  const reject = (rejected: RejectedLine): void => {
    totals.rejected += 1;
    options.onRejected?.(rejected);
  };
  const flush = async (): Promise<void> => {
    if (values.length === 0) return;
    const result = await options.producer.send(values);
    totals.sent += result.sent;
    for (const r of result.rejected)
      reject({ line: numbers[r.index] ?? 0, event_id: r.event_id, reason: r.reason, issues: r.issues });
    values = [];
    numbers = [];
    options.onProgress?.({ ...totals });
  };
  for await (const { number, text } of ndjsonLines(options.input)) {
    totals.lines += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const decoded = decodeEvent(text);
      const issues = decoded.ok ? [] : decoded.issues;
      reject({ line: number, event_id: null, reason: formatIssues(issues), issues });
      continue;
    }
    values.push(value);
    numbers.push(number);
    if (values.length >= batchLines) await flush();
  }
  await flush();
  return totals;
}
