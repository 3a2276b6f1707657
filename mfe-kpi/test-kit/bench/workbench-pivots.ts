// Benchmark part 2b: the workbench's own pivot queries — SQL produced by its query builder from view specs
// an analyst builds (dimensions × measures over a province, the whole range of months), with the values
// bound as parameters exactly as the page sends them. Timed next to the hand-written SQL of queries.ts.
import { isEventType, type EventType, type ManifestFile } from '../../src/engine/index.js';
import { buildPivotQuery } from '../../src/workbench/query-builder.js';
import { defaultSpec, type ViewSpec } from '../../src/workbench/spec.js';
import type { BenchQuery } from './queries.ts';

/** Views an analyst builds, by name. */
const VIEWS: readonly [string, Partial<ViewSpec>][] = [
  ['pivot: meetings by month × format', {}],
  [
    'pivot: meetings, attendances, IT share by commune',
    { rows: ['commune'], cols: [], measures: ['meetings', 'attendees', 'it_meeting_rate'] },
  ],
  [
    'pivot: minority attendance share by quarter × format',
    { rows: ['quarter'], measures: ['minority_attendance_rate'] },
  ],
  ['pivot: posts by channel × purpose', { rows: ['channel'], cols: ['purpose'], measures: ['posts'] }],
  [
    'pivot: incoming documents online share by commune × month',
    { rows: ['commune'], cols: ['month'], measures: ['docs_online_rate'] },
  ],
  [
    'pivot: outgoing documents signed share by month',
    { rows: ['month'], cols: [], measures: ['docs_issued', 'docs_signed_rate'] },
  ],
  [
    'pivot: trainings by topic × audience, participants',
    {
      rows: ['topic'],
      cols: ['audience'],
      measures: ['trainings', 'participants', 'minority_participant_rate'],
    },
  ],
  [
    'pivot: distinct members joined by age band × minority',
    { rows: ['age_band'], cols: ['minority'], measures: ['members_joined'] },
  ],
  ['pivot: cards activated by commune', { rows: ['commune'], cols: [], measures: ['cards_activated'] }],
  [
    'pivot: events by type × month',
    {
      rows: ['type'],
      cols: ['month'],
      measures: ['events', 'units'],
      types: ['meeting.held', 'post.published', 'document.received', 'training.held'],
    },
  ],
  [
    'pivot: cases reported and closed by month',
    { rows: ['month'], cols: [], measures: ['cases_reported', 'cases_closed'] },
  ],
  [
    'pivot: meetings in online/hybrid by recording unit',
    {
      rows: ['unit'],
      cols: [],
      measures: ['meetings', 'attendees'],
      filters: { format: ['online', 'hybrid'] },
    },
  ],
];

/**
 * The workbench's pivot queries over a province's files (views whose tables are missing are left out).
 *
 * @example pivotBenchQueries(files, '2025:80').length // 12 over Tây Ninh's national-scale files
 */
export function pivotBenchQueries(files: readonly ManifestFile[], province: string): BenchQuery[] {
  const months = files.map((f) => f.month).sort();
  const available = new Set(files.map((f) => f.type).filter(isEventType) as EventType[]);
  const context = {
    unit: { key: province, level: 'province' as const },
    from: months[0] ?? '2026-01',
    to: months.at(-1) ?? '2026-12',
    available,
  };
  return VIEWS.flatMap(([name, patch]) => {
    const query = buildPivotQuery({ ...defaultSpec(), ...patch }, context);
    return query === undefined || query.types.some((t) => !available.has(t))
      ? []
      : [{ name, sql: query.sql, params: query.params, tables: query.types.map((t) => t.replace('.', '_')) }];
  });
}
