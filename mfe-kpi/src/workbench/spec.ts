/**
 * A workbench view as data: what the pivot shows, over which months, and what the SQL editor holds. The
 * URL carries it (url-codec.ts); the query builder turns it into SQL (query-builder.ts).
 */
import { EVENT_TYPE_NAMES, type EventType } from '../engine/tables.js';
import { dimensionOf, measureOf } from './catalogue.js';

/** How the pivot is drawn. */
export type ChartKind = 'bar' | 'stacked' | 'line';

/** Which panel is open. */
export type WorkbenchTab = 'pivot' | 'sql';

/** A workbench view. */
export interface ViewSpec {
  /** Dimension ids down the side of the pivot. */
  rows: string[];
  /** Dimension ids across the top. */
  cols: string[];
  /** Measure ids, at least one. */
  measures: string[];
  /** Event types counted by the measures that have none of their own (events, units…), and loaded. */
  types: EventType[];
  /** Values kept per dimension id (a dimension without an entry is not filtered). */
  filters: Record<string, string[]>;
  /** First and last month 'YYYY-MM'; absent: the console's period. */
  from?: string;
  to?: string;
  chart: ChartKind;
  tab: WorkbenchTab;
  /** The SQL editor's text. */
  sql: string;
}

/** The view a first visit opens: meetings by month and format. */
export function defaultSpec(): ViewSpec {
  return {
    rows: ['month'],
    cols: ['format'],
    measures: ['meetings'],
    types: [],
    filters: {},
    chart: 'bar',
    tab: 'pivot',
    sql: 'SELECT month, format, count(*) AS so_buoi\nFROM meeting_held\nGROUP BY ALL\nORDER BY ALL',
  };
}

/** Event types a view reads: its measures' own, the chosen ones, within a filter on the type dimension. */
export function viewTypes(spec: ViewSpec): EventType[] {
  const wanted = new Set<EventType>(spec.types);
  for (const id of spec.measures) for (const t of measureOf(id)?.types ?? []) wanted.add(t);
  const kept = spec.filters.type;
  const list = EVENT_TYPE_NAMES.filter((t) => wanted.has(t) && (kept === undefined || kept.includes(t)));
  return list;
}

/** Why a spec cannot be queried (a person can act on each), or undefined when it can. */
export type SpecProblem = 'no-measure' | 'no-type' | 'months';

/**
 * Checks a view before it is queried.
 *
 * @example specProblem({ ...defaultSpec(), measures: [] }) // 'no-measure'
 */
export function specProblem(spec: ViewSpec, from: string, to: string): SpecProblem | undefined {
  if (spec.measures.filter((m) => measureOf(m) !== undefined).length === 0) return 'no-measure';
  if (viewTypes(spec).length === 0) return 'no-type';
  if (from > to) return 'months';
  return undefined;
}

/** Whether every id of a spec is known (what the URL codec keeps). */
export function knownDimension(id: string): boolean {
  return dimensionOf(id) !== undefined;
}
