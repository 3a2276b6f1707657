import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnitKey, type ActivityEvent } from '@vwu/contracts';
import { METRICS, silentLogger, touchedMonths, updateRollups, type ManifestRollup } from '@vwu/pipeline';
import { hierarchy } from './parquet-fixtures.js';
import { duck, fakeClock, startSink, tempRoot } from './sink-fixtures.js';

let n = 0;
function received(unit: string, at: string, secret: boolean, processing: 'online' | 'paper'): ActivityEvent {
  return {
    event_id: `rollup-${String(n++).padStart(6, '0')}`,
    type: 'document.received',
    schema_version: 1,
    occurred_at: at,
    unit_code: parseUnitKey(unit),
    attrs: { secret, processing },
  };
}
function snapshot(unit: string, at: string, members: number): ActivityEvent {
  return {
    event_id: `rollup-${String(n++).padStart(6, '0')}`,
    type: 'registry.snapshot',
    schema_version: 1,
    occurred_at: at,
    unit_code: parseUnitKey(unit),
    attrs: {
      members_total: members,
      members_in_software: members,
      cadres_total: 1,
      cadres_in_software: 1,
      cards_active: 0,
    },
  };
}

/** June 2025 (old structure): a commune that went whole into 2025:01273, and its district, split three ways. */
const JUNE: ActivityEvent[] = [
  received('pre2025:01267', '2025-06-03T02:00:00Z', false, 'online'),
  received('pre2025:01267', '2025-06-04T02:00:00Z', false, 'online'),
  received('pre2025:01267', '2025-06-04T03:00:00Z', true, 'online'),
  received('pre2025:040', '2025-06-05T02:00:00Z', false, 'paper'),
  snapshot('pre2025:01267', '2025-06-10T15:00:00Z', 10),
  snapshot('pre2025:01267', '2025-06-30T15:00:00Z', 12),
];
const districtWeight = hierarchy
  .resolve(parseUnitKey('pre2025:040'), '2025-07-01')
  .find((s) => s.unit === '2025:01273')!.weight;

type Row = {
  period: string;
  view: string;
  unit: string;
  level: string;
  parent: string | null;
  metric: string;
  value: number;
};

async function rollupRows(
  root: string,
  rollups: readonly ManifestRollup[],
  grain: string,
  view: string,
): Promise<Row[]> {
  const { connection, close } = await duck();
  try {
    const file = rollups.find((r) => r.grain === grain && r.view === view)!;
    const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($path)', {
      path: join(root, file.path),
    });
    return reader.getRowObjectsJS() as unknown as Row[];
  } finally {
    close();
  }
}

describe('rollups', () => {
  it(
    'adds up every metric per unit and rolls it up, as recorded and in the current structure',
    { timeout: 60_000 },
    async () => {
      const root = await tempRoot();
      const clock = fakeClock(Date.UTC(2025, 6, 15));
      const { writer, store } = await startSink(root, clock);
      JUNE.forEach((event, offset) =>
        writer.append({ event, partition: 0, offset, ingestedAt: clock.now() }),
      );
      const { files } = await writer.flushAll();
      const db = await duck();
      let rollups: ManifestRollup[];
      try {
        rollups = await updateRollups(
          { store, instance: db.instance, hierarchy, clock, logger: silentLogger },
          touchedMonths(files),
        );
      } finally {
        db.close();
      }
      expect(rollups.map((r) => `${r.grain}/${r.view}/${r.month}`).sort()).toEqual([
        'day/current/2025-06',
        'day/recorded/2025-06',
        'month/current/2025-06',
        'month/recorded/2025-06',
      ]);

      const recorded = await rollupRows(root, rollups, 'month', 'recorded');
      const current = await rollupRows(root, rollups, 'month', 'current');
      const value = (rows: Row[], unit: string, metric: string): number | undefined =>
        rows.find((r) => r.unit === unit && r.metric === metric)?.value;
      const cases: Array<[Row[], string, string, number]> = [
        [recorded, 'pre2025:01267', 'docs_received', 3],
        [recorded, 'pre2025:01267', 'docs_received_nonsecret', 2],
        [recorded, 'pre2025:01267', 'docs_received_online', 2],
        [recorded, 'pre2025:01267', 'members_total', 12],
        [recorded, 'pre2025:040', 'docs_received', 4],
        [recorded, 'pre2025:04', 'docs_received', 4],
        [recorded, 'pre2025:TW', 'docs_received_online', 2],
        [current, '2025:01273', 'docs_received', 3 + districtWeight],
        [current, '2025:01273', 'members_total', 12],
        [current, '2025:04', 'docs_received', 4],
        [current, '2025:04', 'docs_received_nonsecret', 3],
        [current, '2025:TW', 'members_total', 12],
      ];
      for (const [rows, unit, metric, expected] of cases)
        expect(value(rows, unit, metric), `${unit} ${metric}`).toBeCloseTo(expected, 9);
      expect([...new Set(recorded.map((r) => r.period))]).toEqual(['2025-06']);
      expect(new Set(current.map((r) => r.metric)).size).toBeLessThanOrEqual(METRICS.length);
      expect(current.find((r) => r.unit === '2025:01273')).toMatchObject({
        level: 'commune',
        parent: '2025:04',
      });

      const days = await rollupRows(root, rollups, 'day', 'recorded');
      expect(
        value(
          days.filter((r) => r.period === '2025-06-04'),
          'pre2025:01267',
          'docs_received',
        ),
      ).toBe(2);
    },
  );

  it(
    'recomputes a touched month: new files in, old ones retired, in one manifest write',
    { timeout: 60_000 },
    async () => {
      const root = await tempRoot();
      const clock = fakeClock(Date.UTC(2026, 0, 15));
      const { writer, store } = await startSink(root, clock);
      JUNE.forEach((event, offset) =>
        writer.append({ event, partition: 0, offset, ingestedAt: clock.now() }),
      );
      await writer.flushAll();
      const db = await duck();
      try {
        const options = { store, instance: db.instance, hierarchy, clock, logger: silentLogger };
        const first = await updateRollups(options, ['2025-06']);
        expect(first.map((r) => r.grain)).toEqual(['month', 'month']);
        const again = await updateRollups(options, ['2025-06']);
        expect(again).toEqual(first);
        writer.append({
          event: received('pre2025:01267', '2025-06-20T02:00:00Z', false, 'online'),
          partition: 0,
          offset: JUNE.length,
          ingestedAt: clock.now(),
        });
        const { files } = await writer.flushAll();
        const generation = store.current().generation;
        const second = await updateRollups(options, touchedMonths(files));
        expect(store.current().generation).toBe(generation + 1);
        expect(second).toHaveLength(2);
        expect(second.map((r) => r.path).some((p) => first.some((f) => f.path === p))).toBe(false);
        expect(store.current().retired.map((r) => r.path)).toEqual(
          expect.arrayContaining(first.map((r) => r.path)),
        );
        const recorded = await rollupRows(root, second, 'month', 'recorded');
        expect(recorded.find((r) => r.unit === 'pre2025:01267' && r.metric === 'docs_received')?.value).toBe(
          4,
        );
      } finally {
        db.close();
      }
    },
  );
});
