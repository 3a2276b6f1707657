// A fake analytics engine and API for the view and store suites: the engine answers the dashboard query
// with rows a test sets; the API serves a manifest and unit details.
import { vi } from 'vitest';
import type { UnitDetail } from '@vwu/context';
import type {
  AnalyticsManifest,
  LoadFile,
  LoadOptions,
  LoadSummary,
  QueryResult,
} from '../src/engine/index.js';

export const SUMMARY: LoadSummary = {
  files: 3,
  resident: 0,
  cached: 1,
  bytesFetched: 2000,
  bytesFromCache: 1000,
  rows: 30,
  ms: { total: 10, fetch: 5, decode: 3, insert: 2 },
};

/** The fake engine's calls and answers. */
export const engine = {
  start: vi.fn(async () => ({
    bundle: 'eh' as const,
    duckdbVersion: 'v1.4.3',
    ms: { total: 1, instantiate: 1, parquet: 0 },
  })),
  load: vi.fn(async (_files: LoadFile[], _options?: LoadOptions): Promise<LoadSummary> => SUMMARY),
  retain: vi.fn(async () => 0),
  query: vi.fn(async (_sql: string, _params?: unknown[]): Promise<QueryResult> => ({
    columns: [],
    rows: [],
    rowCount: 0,
    ms: 1,
  })),
  terminate: vi.fn(),
};

export const instance = { engine, tables: new Set<string>(), generation: undefined as number | undefined };

/** A manifest of Tây Ninh (and one Cao Bằng file that must never be fetched for Tây Ninh). */
export function manifest(generation = 1): AnalyticsManifest {
  const types = [
    'document.received',
    'document.issued',
    'post.published',
    'training.held',
    'meeting.held',
    'member.joined',
  ];
  const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
  let n = 0;
  const files = types.flatMap((type) =>
    months.map((month) => {
      n += 1;
      return {
        path: `events/type=${type}/province=2025_80/month=${month}/c-${n}.parquet`,
        type,
        province: '2025:80',
        month,
        rows: 10,
        bytes: 1000,
        min_time: `${month}-01T00:00:00.000Z`,
        max_time: `${month}-02T00:00:00.000Z`,
        sha256: n.toString(16).padStart(64, '0'),
      };
    }),
  );
  files.push({
    ...files[0]!,
    path: 'events/x/province=2025_04/c.parquet',
    province: '2025:04',
    sha256: 'f'.repeat(64),
  });
  return { version: 1, generation, generated_at: '2026-11-21T00:00:00Z', files, rollups: [] };
}

/** `GET /units/:key` of a unit with some communes. */
export function detail(
  key: string,
  name: string,
  level: 'central' | 'province' | 'commune',
  children: [string, string][],
): UnitDetail {
  const unit = (k: string, n: string, l: UnitDetail['unit']['level']) => ({
    key: k,
    structure: '2025' as const,
    code: k.split(':')[1] ?? k,
    name: n,
    type: l === 'commune' ? 'Xã' : l === 'branch' ? 'Chi hội' : l === 'central' ? 'Trung ương' : 'Tỉnh',
    level: l,
    parentKey: null,
    depth: 1,
    validFrom: '2025-07-01',
    validTo: null,
    demo: l === 'branch',
  });
  return {
    unit: unit(key, name, level),
    ancestors: [],
    children: children.map(([k, n]) =>
      unit(k, n, level === 'central' ? 'province' : level === 'province' ? 'commune' : 'branch'),
    ),
  };
}

/** `vi.fn` standing in for `api.get`. */
export const get = vi.fn<(path: string, options?: { signal?: AbortSignal }) => Promise<unknown>>();

export { targetsAnswer } from '../test-kit/national-plan.js';
