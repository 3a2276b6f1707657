import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnitKey, type ActivityEvent } from '@vwu/contracts';
import { addMonths, silentLogger, touchedMonths, updateRollups } from '@vwu/pipeline';
import { hierarchy } from './parquet-fixtures.js';
import { duck, fakeClock, startSink, tempRoot } from './sink-fixtures.js';

const UNIT = parseUnitKey('2025:01273');
let n = 0;
const id = (): string => `case-ev-${String(n++).padStart(6, '0')}`;
const reported = (key: string, at: string, channel: 'portal' | 'hotline'): ActivityEvent => ({
  event_id: id(),
  type: 'case.reported',
  schema_version: 1,
  occurred_at: at,
  unit_code: UNIT,
  attrs: { case_key: key, channel, category: 'legal_advice' },
});
const closed = (key: string, at: string, outcome: 'advised' | 'resolved' | 'referred'): ActivityEvent => ({
  event_id: id(),
  type: 'case.closed',
  schema_version: 1,
  occurred_at: at,
  unit_code: UNIT,
  attrs: { case_key: key, outcome },
});

/** Cases reported in August 2025 and their closures (some in September and October). */
const EVENTS: ActivityEvent[] = [
  reported('case-key-a0001', '2025-08-04T02:00:00Z', 'portal'),
  closed('case-key-a0001', '2025-08-08T02:00:00Z', 'advised'), // 4 days
  reported('case-key-b0001', '2025-08-05T02:00:00Z', 'portal'),
  closed('case-key-b0001', '2025-08-25T02:00:00Z', 'resolved'), // 20 days
  reported('case-key-c0001', '2025-08-06T02:00:00Z', 'portal'),
  closed('case-key-c0001', '2025-09-20T02:00:00Z', 'resolved'), // 45 days, next month
  reported('case-key-d0001', '2025-08-07T02:00:00Z', 'portal'),
  closed('case-key-d0001', '2025-08-09T02:00:00Z', 'referred'), // not advised or resolved
  reported('case-key-e0001', '2025-08-08T02:00:00Z', 'hotline'),
  closed('case-key-e0001', '2025-08-09T02:00:00Z', 'advised'), // not through the portal
  reported('case-key-f0001', '2025-08-09T02:00:00Z', 'portal'), // still open
];

describe('the portal-case KPI in the rollups', () => {
  it('touches the report months of a closure', () => {
    expect(addMonths('2025-01', -3)).toBe('2024-10');
    expect(touchedMonths([{ month: '2025-09', type: 'case.closed' }])).toEqual([
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
    ]);
    expect(touchedMonths([{ month: '2025-09', type: 'case.reported' }])).toEqual(['2025-09']);
  });

  it(
    'counts portal cases advised or resolved within N days in the report month, closures of later months included',
    { timeout: 60_000 },
    async () => {
      const root = await tempRoot();
      const clock = fakeClock(Date.UTC(2025, 9, 15));
      const { writer, store } = await startSink(root, clock);
      EVENTS.forEach((event, offset) =>
        writer.append({ event, partition: 0, offset, ingestedAt: clock.now() }),
      );
      const { files } = await writer.flushAll();
      const db = await duck();
      try {
        const rollups = await updateRollups(
          { store, instance: db.instance, hierarchy, clock, logger: silentLogger },
          touchedMonths(files),
        );
        const monthly = rollups.find(
          (r) => r.grain === 'month' && r.view === 'recorded' && r.month === '2025-08',
        )!;
        const reader = await db.connection.runAndReadAll(
          "SELECT metric, value FROM read_parquet($path) WHERE unit = '2025:01273' AND metric LIKE 'cases_%'",
          { path: join(root, monthly.path) },
        );
        const values = Object.fromEntries(
          reader.getRowObjectsJS().map((r) => [String(r['metric']), Number(r['value'])]),
        );
        expect(values).toMatchObject({
          cases_reported_portal: 5,
          cases_portal_ok_7d: 1,
          cases_portal_ok_15d: 1,
          cases_portal_ok_30d: 2,
          cases_portal_ok_60d: 3,
          cases_portal_ok_90d: 3,
          cases_portal_ok_days_sum: 4 + 20 + 45,
        });
      } finally {
        db.close();
      }
    },
  );
});
