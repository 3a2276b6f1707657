// Small valid events and messages for the ingest, produce and source tests.
import type { ActivityEvent } from '@vwu/contracts';
import type { SourceBatch, SourceMessage } from '@vwu/pipeline';

const UNITS = ['2025:00004', '2025:00007', '2025:04', '2025:80', '2025:00004-01'] as const;

/** A valid `post.published` event, numbered so ids and units differ. */
export function post(i: number, unit: string = UNITS[i % UNITS.length] ?? '2025:04'): ActivityEvent {
  return {
    event_id: `evt-${String(i).padStart(8, '0')}`,
    type: 'post.published',
    schema_version: 1,
    occurred_at: '2025-07-01T08:30:00+07:00',
    unit_code: unit,
    attrs: { channel: 'website', purpose: 'propaganda' },
  } as ActivityEvent;
}

/** A valid `meeting.held` event at schema version 1 or 2. */
export function meeting(i: number, version: 1 | 2): ActivityEvent {
  const attrs =
    version === 1
      ? { format: 'in_person', attendees: 20 }
      : { format: 'online', attendees: 20, minority_attendees: 5, duration_min: 90 };
  return {
    event_id: `mtg-${version}-${String(i).padStart(6, '0')}`,
    type: 'meeting.held',
    schema_version: version,
    occurred_at: '2025-08-02T09:00:00+07:00',
    unit_code: '2025:00004-01',
    attrs,
  } as ActivityEvent;
}

/** A message holding `value` (an object is JSON-encoded). */
export function message(offset: number, value: unknown, partition = 0): SourceMessage {
  const bytes = Buffer.isBuffer(value)
    ? value
    : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  return {
    partition,
    offset: String(offset),
    key: Buffer.from('2025:04'),
    value: bytes,
    timestampMs: Date.UTC(2025, 6, 1),
  };
}

/** A batch of messages with no-op heartbeat and commit. */
export function batchOf(messages: SourceMessage[], partition = 0): SourceBatch {
  return {
    topic: 'activity-events',
    partition,
    messages,
    highWatermark: String(Number(messages.at(-1)?.offset ?? -1) + 1),
    heartbeat: async () => undefined,
    commit: async () => ({ committed: [], rejected: [] }),
    isRunning: () => true,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2025, 6, 1)): { now(): number; advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}
