/**
 * Checks each message against the event contract: the decoded event, or why it was rejected. A rejected
 * message is `undecodable` (not UTF-8 JSON, or too large) or `invalid` (JSON that breaks the contract).
 */
import { decodeEvent, type ActivityEvent, type EventIssue } from '@vwu/contracts';
import type { SourceMessage } from '../source/types.js';

/** What a message turned out to be. */
export type MessageVerdict =
  | { type: 'event'; event: ActivityEvent; message: SourceMessage }
  | { type: 'undecodable'; issues: EventIssue[]; message: SourceMessage }
  | { type: 'invalid'; issues: EventIssue[]; message: SourceMessage; parsed: Record<string, unknown> | null };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The message's JSON value, or `undefined` when it has none (only called for rejected messages). */
function parseLoosely(bytes: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(strictUtf8.decode(bytes)) };
  } catch {
    return undefined;
  }
}

/**
 * Decodes and validates one message with the contract's `decodeEvent`.
 *
 * @example
 * const verdict = checkMessage(message);
 * if (verdict.type === 'event') rows.push(verdict.event);
 */
export function checkMessage(message: SourceMessage): MessageVerdict {
  const result = decodeEvent(message.value);
  if (result.ok) return { type: 'event', event: result.event, message };
  const parsed = parseLoosely(message.value);
  if (parsed === undefined) return { type: 'undecodable', issues: result.issues, message };
  const object =
    typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)
      ? (parsed.value as Record<string, unknown>)
      : null;
  return { type: 'invalid', issues: result.issues, message, parsed: object };
}
