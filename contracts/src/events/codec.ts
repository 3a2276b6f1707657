/**
 * Events on the wire: UTF-8 JSON bytes in and out, validated both ways.
 */
import type { ActivityEvent } from './catalogue.js';
import { formatIssues, type EventIssue } from './issues.js';
import { validateEvent, type ValidationResult } from './validate.js';

/** Largest encoded event accepted, in bytes (or characters for a string); real events are under 1 KiB. */
const MAX_EVENT_BYTES = 64 * 1024;

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

function undecodable(message: string): ValidationResult {
  return { ok: false, issues: [{ path: '', message }] };
}

/**
 * Decodes one event from UTF-8 JSON (a Kafka message value, an HTTP body) and validates it. Bytes that are
 * not UTF-8 JSON give a single issue at path `''` saying so.
 *
 * @example
 * const result = decodeEvent(message.value);
 * if (result.ok) sink.write(upcast(result.event));
 */
export function decodeEvent(bytes: Uint8Array | string): ValidationResult {
  if (bytes.length > MAX_EVENT_BYTES) {
    return undecodable(`event is ${bytes.length} bytes long; at most ${MAX_EVENT_BYTES} are accepted`);
  }
  let text: string;
  if (typeof bytes === 'string') {
    text = bytes;
  } else {
    try {
      text = utf8Decoder.decode(bytes);
    } catch {
      return undecodable('not UTF-8 text; expected one JSON object encoded as UTF-8');
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return undecodable(`not valid JSON (${reason}); expected one JSON object`);
  }
  return validateEvent(value);
}

/** Thrown by {@link encodeEvent} when asked to write an event that does not validate. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  /** Every issue found, as {@link validateEvent} reports them. */
  readonly issues: EventIssue[];

  constructor(issues: EventIssue[]) {
    super(formatIssues(issues));
    this.issues = issues;
  }
}

/**
 * Encodes an event as UTF-8 JSON after validating it, so producers never publish what readers would reject
 * (rules the types cannot express, such as minority ≤ attendees or a real calendar date).
 *
 * @throws InvalidEventError when the event does not validate.
 * @example
 * await producer.send({ topic: 'activity', messages: [{ key: event.unit_code, value: encodeEvent(event) }] });
 */
export function encodeEvent(event: ActivityEvent): Uint8Array {
  const result = validateEvent(event);
  if (!result.ok) throw new InvalidEventError(result.issues);
  return utf8Encoder.encode(JSON.stringify(event));
}
