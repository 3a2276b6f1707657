/**
 * Shared inputs for the parquet, sink and manifest tests: a few demo months that hold every event type
 * (contests run January–April; the reform is on 1 July), plus hand-made edge cases.
 */
import { EVENT_TYPES, parseUnitKey, type ActivityEvent } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld, generateEvents, type SinkRecord } from '@vwu/pipeline';

/** The shipped hierarchy, loaded once per test file. */
export const hierarchy = loadHierarchy();

let demo: ActivityEvent[] | undefined;

/** Small-scale demo events, 2025-03 → 2025-08 (both structures, contests, v1 and v2 meetings). */
export function demoEvents(): ActivityEvent[] {
  demo ??= [
    ...generateEvents(buildWorld(hierarchy, 2025, 'small'), { from: '2025-03-01', to: '2025-08-31' }),
  ].flat();
  return demo;
}

/** Up to `perType` demo events of every type, in stream order. */
export function samplePerType(perType: number): ActivityEvent[] {
  const counts = new Map<string, number>();
  return demoEvents().filter((e) => {
    const n = counts.get(e.type) ?? 0;
    counts.set(e.type, n + 1);
    return n < perType;
  });
}

/** Edge cases the demo may not hold: an offset in occurred_at, no `source`, district and central units. */
export const EDGE_EVENTS: readonly ActivityEvent[] = [
  {
    event_id: 'edge-district-0001',
    type: 'document.received',
    schema_version: 1,
    occurred_at: '2025-06-30T23:30:00+07:00',
    unit_code: parseUnitKey('pre2025:040'),
    attrs: { secret: false, processing: 'online' },
  },
  {
    event_id: 'edge-central-0001',
    type: 'report.submitted',
    schema_version: 1,
    occurred_at: '2025-07-01T00:00:00Z',
    unit_code: parseUnitKey('2025:TW'),
    source: 'api',
    attrs: { period: '2025-H1', via_software: true },
  },
  {
    event_id: 'edge-meeting-v1-01',
    type: 'meeting.held',
    schema_version: 1,
    occurred_at: '2025-05-10T08:00:00.000Z',
    unit_code: parseUnitKey('pre2025:01267-01'),
    source: 'import',
    attrs: { format: 'hybrid', attendees: 12 },
  },
];

/** Wraps events as records of one partition, offsets from `firstOffset`. */
export function asRecords(
  events: readonly ActivityEvent[],
  partition = 0,
  firstOffset = 0,
  ingestedAt = 1_751_328_000_000,
): SinkRecord[] {
  return events.map((event, i) => ({
    event,
    partition,
    offset: firstOffset + i,
    ingestedAt: ingestedAt + i,
  }));
}

/** The event as the files give it back: `occurred_at` normalised to an ISO instant in UTC. */
export function normalised(event: ActivityEvent): ActivityEvent {
  return { ...event, occurred_at: new Date(Date.parse(event.occurred_at)).toISOString() };
}

export { EVENT_TYPES };
