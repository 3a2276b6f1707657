import { describe, expect, it } from 'vitest';
import { formatIssues, structureOf, validateEvent, type ActivityEvent, type UnitKey } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld, generateEvents } from '@vwu/pipeline';

const hierarchy = loadHierarchy();
const world = buildWorld(hierarchy, 2025, 'small');
// Two months on each side of the reform, plus the contest season of 2024 and 2026.
const ranges = [
  { from: '2024-01-01', to: '2024-04-30' },
  { from: '2025-05-01', to: '2025-08-31' },
  { from: '2026-01-01', to: '2026-04-30' },
];
const events: ActivityEvent[] = ranges.flatMap((range) => [...generateEvents(world, range)].flat());

describe('demo events', () => {
  it('every generated event passes the contract validator', () => {
    const failures = events.map(validateEvent).filter((r) => !r.ok);
    expect(failures.slice(0, 3).map((r) => (r.ok ? '' : formatIssues(r.issues)))).toEqual([]);
    expect(events.length).toBeGreaterThan(50_000);
  });

  it('covers every event type of the contracts', async () => {
    const { EVENT_TYPES } = await import('@vwu/contracts');
    const seen = new Set(events.map((e) => e.type));
    expect([...EVENT_TYPES].filter((t) => !seen.has(t))).toEqual([]);
  });

  it('records against old units before 2025-07-01 and new units after', () => {
    const wrong = events.filter((e) => {
      const before = e.occurred_at < '2025-06-30T17:00:00.000Z';
      return structureOf(e.unit_code as UnitKey) !== (before ? 'pre2025' : '2025');
    });
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('has unique event ids', () => {
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
  });

  it('holds contests in January–April only', () => {
    const months = new Set(
      events.filter((e) => e.type.startsWith('contest.')).map((e) => Number(e.occurred_at.slice(5, 7))),
    );
    expect([...months].every((m) => m >= 1 && m <= 4)).toBe(true);
  });

  it('meets about one meeting per branch per month', () => {
    const branches = world.current.branchKeys.length;
    const august = events.filter(
      (e) => e.type === 'meeting.held' && e.occurred_at.startsWith('2025-08'),
    ).length;
    expect(august / branches).toBeGreaterThan(0.7);
    expect(august / branches).toBeLessThanOrEqual(1);
  });

  it('carries two meeting schema versions after July 2024', () => {
    const versions = new Set(
      events.filter((e) => e.type === 'meeting.held' && e.occurred_at >= '2025').map((e) => e.schema_version),
    );
    expect([...versions].sort()).toEqual([1, 2]);
  });

  it('spreads performance: some communes meet the monthly propaganda-post target and some miss it', () => {
    const communes = world.current.provinces.flatMap((p) => p.communes.map((c) => c.key as string));
    const posted = new Set(
      events
        .filter((e) => e.type === 'post.published' && e.occurred_at.startsWith('2025-08'))
        .filter(
          (e) =>
            e.type === 'post.published' &&
            e.attrs.purpose === 'propaganda' &&
            (e.attrs.channel === 'website' || e.attrs.channel === 'fanpage'),
        )
        .map((e) => e.unit_code as string),
    );
    const share = communes.filter((c) => posted.has(c)).length / communes.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.85);
  });

  it('never names a member in an event: only pseudonymous keys', () => {
    const json = JSON.stringify(events.filter((e) => e.type.startsWith('member.')).slice(0, 500));
    expect(json).not.toMatch(/Nguyễn|Thị|full_name|phone|date_of_birth/);
  });
});
