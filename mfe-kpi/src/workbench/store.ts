/**
 * The workbench's state: the view (mirrored in the URL), the partitions it needs made resident in the
 * analytics worker (the unit's province(s) × the months × the view's event types, nothing else), the pivot
 * computed there, unit names from the API, and the SQL editor's statement and answer. A newer load cancels
 * the one in flight; every statement runs in the worker, so the page stays responsive.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { api, type LoadState, type Period, type SelectedUnit, type UnitDetail } from '@vwu/context';
import type { AnalyticsManifest, ManifestFile } from '../engine/manifest.js';
import { monthsBetween, selectPartitions, toLoadFiles, totalBytes } from '../engine/partitions.js';
import type { LoadProgress, QueryResult } from '../engine/protocol.js';
import { readOnlyProblem, type ReadOnlyProblem } from '../engine/read-only.js';
import type { EventType } from '../engine/tables.js';
import { dataBaseUrl, fetchManifest } from '../stores/data-source.js';
import { useEngine } from '../stores/engine-instance.js';
import { buildPivotQuery } from './query-builder.js';
import { toPivot, type Pivot } from './pivot.js';
import { specProblem, viewTypes, type SpecProblem, type ViewSpec } from './spec.js';

/** Rows of the pivot's long answer read at most. */
export const PIVOT_MAX_ROWS = 20_000;
/** Rows of an SQL answer brought to the page at most (shown a page at a time). */
export const SQL_MAX_ROWS = 5_000;
/** Above this many bytes a view asks before fetching (a national slice of raw events is large). */
export const CONFIRM_BYTES = 60_000_000;

/** What the loaded data is. */
export interface WorkbenchData {
  files: number;
  bytes: number;
  rows: number;
  from: string;
  to: string;
  types: EventType[];
  /** Milliseconds of the pivot query in the worker. */
  queryMs: number;
}

/** Why the pivot is not shown. */
export type PivotProblem = SpecProblem | 'scope' | 'confirm';

function isAbort(error: unknown): boolean {
  return (error instanceof Error || error instanceof DOMException) && error.name === 'AbortError';
}

function provinceOf(unit: SelectedUnit): string | null | undefined {
  if (unit.level === 'central') return null;
  if (unit.level === 'province') return unit.key;
  return unit.breadcrumb.find((u) => u.level === 'province')?.key;
}

/** The workbench store. */
export const useWorkbench = defineStore('kpi.workbench', () => {
  const status = ref<LoadState>('idle');
  const problem = ref<PivotProblem | null>(null);
  const progress = shallowRef<LoadProgress | null>(null);
  const pivot = shallowRef<Pivot | null>(null);
  const data = shallowRef<WorkbenchData | null>(null);
  const error = shallowRef<Error | null>(null);
  const names = shallowRef<ReadonlyMap<string, string>>(new Map());
  const pending = shallowRef<{ files: number; bytes: number } | null>(null);
  const sqlStatus = ref<LoadState>('idle');
  const sqlResult = shallowRef<QueryResult | null>(null);
  const sqlError = shallowRef<Error | null>(null);
  const sqlRefused = shallowRef<ReadOnlyProblem | null>(null);
  const tables = shallowRef<{ name: string; columns: { name: string; type: string }[] }[]>([]);
  let inflight: AbortController | undefined;
  let confirmedBytes = 0;
  const details = new Map<string, Promise<UnitDetail>>();

  function detail(key: string): Promise<UnitDetail> {
    let found = details.get(key);
    if (found === undefined) {
      found = api.get<UnitDetail>(`/units/${encodeURIComponent(key)}`);
      details.set(key, found);
      found.catch(() => details.delete(key));
    }
    return found;
  }

  /** Names of the scope, its children and, for a view two levels down, their children. */
  async function loadNames(unit: SelectedUnit, spec: ViewSpec): Promise<void> {
    const top = await detail(unit.key);
    const map = new Map<string, string>([[top.unit.key, top.unit.name]]);
    for (const c of top.children) map.set(c.key, c.name);
    const dims = [...spec.rows, ...spec.cols];
    const deep =
      (unit.level === 'central' && dims.includes('commune')) ||
      (unit.level === 'province' && dims.includes('unit'));
    if (deep && top.children.length <= 40) {
      const below = await Promise.all(top.children.map((c) => detail(c.key).catch(() => null)));
      for (const d of below) for (const c of d?.children ?? []) map.set(c.key, c.name);
    }
    names.value = map;
  }

  async function refreshSchema(): Promise<void> {
    const { engine } = useEngine();
    const answer = await engine.query(
      "SELECT table_name AS t, column_name AS c, data_type AS d FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
    );
    const grouped = new Map<string, { name: string; type: string }[]>();
    for (const row of answer.rows) {
      const list = grouped.get(String(row.t)) ?? [];
      list.push({ name: String(row.c), type: String(row.d) });
      grouped.set(String(row.t), list);
    }
    tables.value = [...grouped].map(([name, columns]) => ({ name, columns }));
  }

  /** Makes the view's partitions resident and computes its pivot. */
  async function load(spec: ViewSpec, unit: SelectedUnit, period: Period): Promise<void> {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    const { signal } = controller;
    const from = spec.from ?? period.from.slice(0, 7);
    const to = spec.to ?? period.to.slice(0, 7);
    const province = provinceOf(unit);
    error.value = null;
    pending.value = null;
    problem.value =
      province === undefined || !unit.key.startsWith('2025:')
        ? 'scope'
        : (specProblem(spec, from, to) ?? null);
    if (problem.value !== null) {
      pivot.value = null;
      status.value = 'done';
      return;
    }
    status.value = 'loading';
    progress.value = null;
    try {
      const namesReady = loadNames(unit, spec);
      const manifest: AnalyticsManifest = await fetchManifest(signal);
      const types = viewTypes(spec);
      const provinces =
        province === null || province === undefined
          ? [...new Set(manifest.files.map((f) => f.province))]
          : [province];
      const files: ManifestFile[] = selectPartitions(manifest, {
        provinces,
        months: monthsBetween(from, to),
        types,
      });
      const bytes = totalBytes(files);
      if (bytes > CONFIRM_BYTES && bytes > confirmedBytes) {
        pending.value = { files: files.length, bytes };
        problem.value = 'confirm';
        status.value = 'done';
        return;
      }
      const instance = useEngine();
      await instance.engine.load(toLoadFiles(files, dataBaseUrl(), location.href), {
        signal,
        onProgress: (p) => {
          if (inflight === controller) progress.value = p;
        },
      });
      for (const f of files) instance.tables.add(f.type as EventType);
      const available = new Set(files.map((f) => f.type as EventType));
      const query = buildPivotQuery(spec, { unit, from, to, available });
      const answer =
        query === undefined
          ? undefined
          : await instance.engine.query(query.sql, query.params, PIVOT_MAX_ROWS);
      await namesReady.catch(() => undefined);
      signal.throwIfAborted();
      pivot.value =
        query === undefined || answer === undefined
          ? null
          : toPivot(answer.rows, {
              rowDims: query.dims.slice(0, spec.rows.length),
              colDims: query.dims.slice(spec.rows.length),
              measures: query.measures,
            });
      data.value = {
        files: files.length,
        bytes,
        rows: files.reduce((s, f) => s + f.rows, 0),
        from,
        to,
        types,
        queryMs: answer?.ms ?? 0,
      };
      status.value = 'done';
      await refreshSchema();
      performance.mark('vwu-kpi:workbench', { detail: { rows: pivot.value?.rowKeys.length ?? 0 } });
    } catch (e) {
      if (isAbort(e) || signal.aborted) return;
      pivot.value = null;
      error.value = e instanceof Error ? e : new Error(String(e));
      status.value = 'error';
      if (!(e instanceof Error) || e instanceof TypeError || e instanceof ReferenceError) throw e;
    }
  }

  /** Accepts a large download the view asked about; the next load fetches it. */
  function confirmLarge(): void {
    confirmedBytes = pending.value?.bytes ?? 0;
  }

  /** Runs the editor's statement in the worker (refused on the page already unless read-only). */
  async function runSql(sql: string): Promise<void> {
    sqlError.value = null;
    sqlRefused.value = readOnlyProblem(sql) ?? null;
    if (sqlRefused.value !== null) {
      sqlStatus.value = 'error';
      return;
    }
    sqlStatus.value = 'loading';
    try {
      sqlResult.value = await useEngine().engine.queryReadOnly(sql, SQL_MAX_ROWS);
      sqlStatus.value = 'done';
    } catch (e) {
      sqlResult.value = null;
      sqlError.value = e instanceof Error ? e : new Error(String(e));
      sqlStatus.value = 'error';
    }
  }

  /** Cancels a load in flight (the view is leaving). */
  function cancel(): void {
    inflight?.abort();
  }

  return {
    status,
    problem,
    progress,
    pivot,
    data,
    error,
    names,
    pending,
    sqlStatus,
    sqlResult,
    sqlError,
    sqlRefused,
    tables,
    load,
    confirmLarge,
    runSql,
    cancel,
  };
});
