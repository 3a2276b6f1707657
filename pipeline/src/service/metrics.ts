/**
 * What the running service reports about itself: throughput (messages read, rows landed, per second over
 * the last seconds), lag per partition, how stale the freshest data readers can see may be, compaction and
 * rollup passes — as one typed snapshot, and as Prometheus text for `/metrics`.
 */
import type { IngestCounters } from '../ingest/metrics.js';
import type { PartitionLag, SourceKind } from '../source/types.js';

/** Lifecycle of the service. `failed`: the source stopped on an error it could not recover from. */
export type ServiceState = 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

/** Counters of the file side, all since start. */
export interface SinkCounters {
  filesLanded: number;
  rowsLanded: number;
  /** Records the hierarchy could not place (dead-lettered by the sink). */
  rowsRejected: number;
  compactionPasses: number;
  compactedRows: number;
  /** Rows per second of the last pass that merged anything; 0 before. */
  compactionRowsPerSecond: number;
  rollupPasses: number;
  rollupMonths: number;
  /** Wall-clock seconds of the last rollup update; 0 before. */
  rollupSeconds: number;
}

/** One reading of the service. */
export interface ServiceSnapshot {
  state: ServiceState;
  source: SourceKind;
  topic: string;
  at: string;
  uptimeSeconds: number;
  ingest: IngestCounters;
  sink: SinkCounters;
  /** Per second over the last {@link RATE_WINDOW_MS}. */
  rates: { messages: number; rowsLanded: number };
  lag: PartitionLag[];
  totalLag: number;
  /** Rows in memory, not yet in a listed file. */
  bufferedRows: number;
  /** Seconds since the oldest buffered row arrived (0 when none): the staleness of what readers see. */
  oldestBufferedSeconds: number;
  manifest: { generation: number; files: number; rows: number; rollups: number };
  rollupMonthsPending: number;
}

/** Window of the rates in a snapshot. */
export const RATE_WINDOW_MS = 10_000;

interface Sample {
  at: number;
  messages: number;
  rows: number;
}

/** Keeps recent samples of two counters and turns them into per-second rates. */
export class RateWindow {
  private samples: Sample[] = [];

  /** Adds a reading; readings older than the window (but the newest such one) are dropped. */
  add(sample: Sample): void {
    this.samples.push(sample);
    while (this.samples.length > 2 && sample.at - this.samples[1]!.at >= RATE_WINDOW_MS) this.samples.shift();
  }

  /** Per-second rates between the oldest and the newest reading kept. */
  rates(): { messages: number; rowsLanded: number } {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (first === undefined || last === undefined || last.at <= first.at)
      return { messages: 0, rowsLanded: 0 };
    const seconds = (last.at - first.at) / 1000;
    return {
      messages: Math.round((last.messages - first.messages) / seconds),
      rowsLanded: Math.round((last.rows - first.rows) / seconds),
    };
  }
}

/** Zeroed sink counters. */
export function emptySinkCounters(): SinkCounters {
  return {
    filesLanded: 0,
    rowsLanded: 0,
    rowsRejected: 0,
    compactionPasses: 0,
    compactedRows: 0,
    compactionRowsPerSecond: 0,
    rollupPasses: 0,
    rollupMonths: 0,
    rollupSeconds: 0,
  };
}

const STATES: readonly ServiceState[] = ['starting', 'running', 'stopping', 'stopped', 'failed'];

const escapeLabel = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * The snapshot in the Prometheus text exposition format (version 0.0.4), metric names prefixed `vwu_pipeline_`.
 *
 * @example
 * reply.type('text/plain; version=0.0.4').send(prometheusText(await service.metrics()));
 */
export function prometheusText(s: ServiceSnapshot): string {
  type Family = readonly [
    name: string,
    kind: 'counter' | 'gauge',
    help: string,
    values: number | ReadonlyArray<readonly [Record<string, string>, number]>,
  ];
  const families: readonly Family[] = [
    [
      'up',
      'gauge',
      'Service state (1 for the current one).',
      STATES.map((st) => [{ state: st }, st === s.state ? 1 : 0]),
    ],
    ['uptime_seconds', 'gauge', 'Seconds since start.', s.uptimeSeconds],
    ['messages_total', 'counter', 'Messages read from the source.', s.ingest.messages],
    ['bytes_total', 'counter', 'Message bytes read from the source.', s.ingest.bytes],
    ['events_accepted_total', 'counter', 'Valid first-seen events handed to the sink.', s.ingest.accepted],
    [
      'dead_letters_total',
      'counter',
      'Messages dead-lettered (invalid or undecodable).',
      s.ingest.deadLettered,
    ],
    ['duplicates_total', 'counter', 'Duplicate event ids dropped.', s.ingest.duplicates],
    ['commits_total', 'counter', 'Offset commits stored.', s.ingest.commits],
    ['files_landed_total', 'counter', 'Raw Parquet files landed and listed.', s.sink.filesLanded],
    ['rows_landed_total', 'counter', 'Rows landed in listed Parquet files.', s.sink.rowsLanded],
    [
      'rows_rejected_total',
      'counter',
      'Rows whose unit the hierarchy does not know (dead-lettered).',
      s.sink.rowsRejected,
    ],
    ['messages_per_second', 'gauge', 'Messages read per second, last 10 s.', s.rates.messages],
    ['rows_landed_per_second', 'gauge', 'Rows landed per second, last 10 s.', s.rates.rowsLanded],
    [
      'lag',
      'gauge',
      'Messages not yet committed, per partition.',
      s.lag.map((p) => [{ partition: String(p.partition) }, p.lag]),
    ],
    ['lag_total', 'gauge', 'Messages not yet committed, all partitions.', s.totalLag],
    ['buffered_rows', 'gauge', 'Rows in memory, not yet in a listed file.', s.bufferedRows],
    [
      'oldest_buffered_seconds',
      'gauge',
      'Age of the oldest buffered row (staleness of readers).',
      s.oldestBufferedSeconds,
    ],
    ['manifest_generation', 'gauge', 'Generation of manifest.json.', s.manifest.generation],
    ['manifest_files', 'gauge', 'Event files listed.', s.manifest.files],
    ['manifest_rows', 'gauge', 'Rows in the listed event files.', s.manifest.rows],
    ['compaction_passes_total', 'counter', 'Compaction passes run.', s.sink.compactionPasses],
    ['compacted_rows_total', 'counter', 'Rows rewritten by compaction.', s.sink.compactedRows],
    [
      'compaction_rows_per_second',
      'gauge',
      'Rows per second of the last compaction that merged files.',
      s.sink.compactionRowsPerSecond,
    ],
    ['rollup_passes_total', 'counter', 'Rollup updates run.', s.sink.rollupPasses],
    ['rollup_months_pending', 'gauge', 'Months waiting for a rollup update.', s.rollupMonthsPending],
    ['rollup_seconds', 'gauge', 'Seconds the last rollup update took.', s.sink.rollupSeconds],
  ];
  const lines: string[] = [];
  for (const [name, kind, help, values] of families) {
    lines.push(`# HELP vwu_pipeline_${name} ${help}`, `# TYPE vwu_pipeline_${name} ${kind}`);
    for (const [labels, value] of typeof values === 'number' ? [[{}, values] as const] : values) {
      const text = Object.entries({ topic: s.topic, ...labels })
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',');
      lines.push(`vwu_pipeline_${name}{${text}} ${Number.isFinite(value) ? value : 0}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
