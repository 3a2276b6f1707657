/**
 * A workbench view in the URL's query, next to the console's own `unit`, `period` and `lang`, so a copied
 * address opens the same view: `wb.rows=month&wb.cols=format&wb.m=meetings&wb.f.format=online&wb.from=2025-07`.
 * Lists are comma-separated ids (ids never hold a comma); filter values, which come from the data, are
 * repeated parameters. Reading never trusts the URL: an unknown id is dropped and reported.
 */
import { isEventType, type EventType } from '../engine/tables.js';
import { dimensionOf, measureOf } from './catalogue.js';
import { defaultSpec, type ChartKind, type ViewSpec, type WorkbenchTab } from './spec.js';

/** Prefix of every parameter the workbench owns. */
export const PREFIX = 'wb.';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CHARTS: readonly ChartKind[] = ['bar', 'stacked', 'line'];
const TABS: readonly WorkbenchTab[] = ['pivot', 'sql'];
/** Longest SQL text kept in a URL (browsers and servers cut long addresses). */
export const MAX_SQL_IN_URL = 4000;

/**
 * The query string with the view written in (other parameters kept, the view's old ones replaced).
 *
 * @example encodeSpec(defaultSpec(), new URLSearchParams('unit=2025:80')).toString()
 * // 'unit=2025%3A80&wb.rows=month&wb.cols=format&wb.m=meetings&wb.chart=bar&wb.tab=pivot&wb.sql=…'
 */
export function encodeSpec(spec: ViewSpec, search: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of search) if (!key.startsWith(PREFIX)) out.append(key, value);
  const list = (key: string, values: readonly string[]) => {
    if (values.length > 0) out.set(`${PREFIX}${key}`, values.join(','));
  };
  list('rows', spec.rows);
  list('cols', spec.cols);
  list('m', spec.measures);
  list('types', spec.types);
  for (const [id, values] of Object.entries(spec.filters)) {
    for (const value of values) out.append(`${PREFIX}f.${id}`, value);
  }
  if (spec.from !== undefined) out.set(`${PREFIX}from`, spec.from);
  if (spec.to !== undefined) out.set(`${PREFIX}to`, spec.to);
  out.set(`${PREFIX}chart`, spec.chart);
  out.set(`${PREFIX}tab`, spec.tab);
  if (spec.sql.length <= MAX_SQL_IN_URL) out.set(`${PREFIX}sql`, spec.sql);
  return out;
}

/** A view read back from a URL, with what was dropped from it. */
export interface DecodedSpec {
  spec: ViewSpec;
  /** Parameters that named something unknown or malformed ('wb.m=nope'). */
  dropped: string[];
}

/**
 * The view a URL's query carries; the default view when it carries none.
 *
 * @example decodeSpec(new URLSearchParams('wb.rows=month&wb.m=meetings,nope')).dropped // ['wb.m=nope']
 */
export function decodeSpec(search: URLSearchParams): DecodedSpec {
  const fallback = defaultSpec();
  const dropped: string[] = [];
  if (![...search.keys()].some((k) => k.startsWith(PREFIX))) return { spec: fallback, dropped };
  const ids = (key: string, known: (id: string) => boolean): string[] => {
    const raw = search.get(`${PREFIX}${key}`);
    if (raw === null || raw === '') return [];
    const kept: string[] = [];
    for (const id of raw.split(',')) {
      if (known(id) && !kept.includes(id)) kept.push(id);
      else dropped.push(`${PREFIX}${key}=${id}`);
    }
    return kept;
  };
  const isDim = (id: string) => dimensionOf(id) !== undefined;
  const rows = ids('rows', isDim);
  const cols = ids('cols', (id) => isDim(id) && !rows.includes(id));
  const measures = ids('m', (id) => measureOf(id) !== undefined);
  const types = ids('types', isEventType) as EventType[];
  const filters: Record<string, string[]> = {};
  for (const [key, value] of search) {
    if (!key.startsWith(`${PREFIX}f.`)) continue;
    const id = key.slice(PREFIX.length + 2);
    if (!isDim(id) || value === '') {
      dropped.push(`${key}=${value}`);
      continue;
    }
    const values = (filters[id] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  const month = (key: 'from' | 'to'): string | undefined => {
    const raw = search.get(`${PREFIX}${key}`);
    if (raw === null) return undefined;
    if (MONTH.test(raw)) return raw;
    dropped.push(`${PREFIX}${key}=${raw}`);
    return undefined;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], otherwise: T): T => {
    const raw = search.get(`${PREFIX}${key}`);
    if (raw === null) return otherwise;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    dropped.push(`${PREFIX}${key}=${raw}`);
    return otherwise;
  };
  const spec: ViewSpec = {
    rows,
    cols,
    measures,
    types,
    filters,
    chart: oneOf('chart', CHARTS, fallback.chart),
    tab: oneOf('tab', TABS, fallback.tab),
    sql: search.get(`${PREFIX}sql`) ?? fallback.sql,
  };
  const from = month('from');
  const to = month('to');
  if (from !== undefined) spec.from = from;
  if (to !== undefined) spec.to = to;
  return { spec, dropped };
}
