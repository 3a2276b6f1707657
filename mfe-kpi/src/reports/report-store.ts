/**
 * The periodic report of the selected unit: the half-year's or the year's partitions are made resident in
 * the analytics worker (the dashboard's own files are reused), the dashboard's query and computation run
 * over the report's months, and the result is laid out as a {@link ReportDocument}, then exported on demand.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { api, type Language, type LoadState, type SelectedUnit, type UnitDetail } from '@vwu/context';
import { selectPartitions, toLoadFiles } from '../engine/partitions.js';
import type { EventType } from '../engine/tables.js';
import { computeDashboard } from '../kpi/compute.js';
import { KPIS, dashboardTypes } from '../kpi/definitions.js';
import { dashboardQuery, type DashboardRow } from '../kpi/queries.js';
import { dashboardScope, partitionNeed } from '../kpi/scope.js';
import { parseTargets } from '../kpi/targets.js';
import { dataBaseUrl, fetchManifest } from '../stores/data-source.js';
import { useEngine } from '../stores/engine-instance.js';
import { buildReport, reportPeriod, type ReportDocument, type ReportKind } from './report-model.js';

/** An export in progress or done. */
export type ExportState = 'idle' | 'xlsx' | 'pdf' | 'error';

/** Today in Vietnam, 'YYYY-MM-DD'. */
function vietnamToday(nowMs: number): string {
  return new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 10);
}

function isAbort(error: unknown): boolean {
  return (error instanceof Error || error instanceof DOMException) && error.name === 'AbortError';
}

/** Hands a file to the browser to save. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The report of the selected unit and its exports. */
export const useReport = defineStore('kpi.report', () => {
  const status = ref<LoadState>('idle');
  const report = shallowRef<ReportDocument | null>(null);
  const error = shallowRef<Error | null>(null);
  const exporting = ref<ExportState>('idle');
  const exportError = ref('');
  let inflight: AbortController | undefined;

  /** Prepares the report of `unit` (null when the unit has no dashboard: pre-2025 or a district). */
  async function prepare(
    unit: SelectedUnit,
    kind: ReportKind,
    year: number,
    language: Language,
  ): Promise<void> {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    const { signal } = controller;
    const scope = dashboardScope(unit, reportPeriod(kind, year));
    report.value = null;
    error.value = null;
    if (scope === undefined) {
      status.value = 'idle';
      return;
    }
    status.value = 'loading';
    try {
      const instance = useEngine();
      const below = api.get<UnitDetail>(`/units/${encodeURIComponent(unit.key)}`, { signal });
      const planned = api
        .get<unknown>('/kpi/targets', { query: { unit: unit.key, year: String(year) }, signal })
        .then(parseTargets);
      const manifest = await fetchManifest(signal);
      const files = selectPartitions(manifest, partitionNeed(scope, dashboardTypes()));
      await instance.engine.load(toLoadFiles(files, dataBaseUrl(), location.href), { signal });
      for (const f of files) instance.tables.add(f.type as EventType);
      const available = new Set([...instance.tables]);
      const query = dashboardQuery(KPIS, scope, available);
      const answer = query === undefined ? undefined : await instance.engine.query(query.sql, query.params);
      const [detail, targets] = await Promise.all([below, planned]);
      signal.throwIfAborted();
      const children = detail.children.map((c) => ({ key: c.key, name: c.name, level: c.level }));
      const results = computeDashboard((answer?.rows ?? []) as unknown as DashboardRow[], KPIS, {
        scope,
        children,
        targets,
      });
      report.value = buildReport({
        kind,
        year,
        unit: { key: unit.key, name: unit.name },
        recipient: unit.breadcrumb.at(-1)?.name ?? null,
        results,
        language,
        today: vietnamToday(Date.now()),
      });
      status.value = 'done';
    } catch (e) {
      if (isAbort(e) || signal.aborted) return;
      error.value = e instanceof Error ? e : new Error(String(e));
      status.value = 'error';
      if (!(e instanceof Error) || e instanceof TypeError || e instanceof ReferenceError) throw e;
    }
  }

  /** Writes the prepared report as XLSX or PDF and hands it to the browser to save. */
  async function download(format: 'xlsx' | 'pdf'): Promise<void> {
    const doc = report.value;
    if (doc === null) return;
    exporting.value = format;
    exportError.value = '';
    try {
      const blob =
        format === 'xlsx'
          ? await (await import('./report-xlsx.js')).reportXlsx(doc)
          : await (await import('./report-pdf.js')).reportPdf(doc);
      saveFile(blob, `${doc.fileName}.${format}`);
      exporting.value = 'idle';
    } catch (e) {
      exportError.value = e instanceof Error ? e.message : String(e);
      exporting.value = 'error';
    }
  }

  /** Stops a report being prepared (the module is unmounted or the unit changed). */
  function cancel(): void {
    inflight?.abort();
  }

  return { status, report, error, exporting, exportError, prepare, download, cancel };
});
