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
  const lines: string[] = [];
  const metric = (
    name: string,
    kind: 'counter' | 'gauge',
    help: string,
    values: ReadonlyArray<readonly [Record<string, string>, number]>,
  ): void => {
    lines.push(`# HELP vwu_pipeline_${name} ${help}`, `# TYPE vwu_pipeline_${name} ${kind}`);
    for (const [labels, value] of values) {
      const text = Object.entries({ topic: s.topic, ...labels })
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',');
      lines.push(`vwu_pipeline_${name}{${text}} ${Number.isFinite(value) ? value : 0}`);
    }
  };
  const one = (value: number): Array<readonly [Record<string, string>, number]> => [[{}, value]];
  metric(
    'up',
    'gauge',
    'Service state (1 for the current one).',
    STATES.map((st) => [{ state: st }, st === s.state ? 1 : 0]),
  );
  metric('uptime_seconds', 'gauge', 'Seconds since start.', one(s.uptimeSeconds));
  metric('messages_total', 'counter', 'Messages read from the source.', one(s.ingest.messages));
  metric('bytes_total', 'counter', 'Message bytes read from the source.', one(s.ingest.bytes));
  metric(
    'events_accepted_total',
    'counter',
    'Valid first-seen events handed to the sink.',
    one(s.ingest.accepted),
  );
  metric(
    'dead_letters_total',
    'counter',
    'Messages dead-lettered (invalid or undecodable).',
    one(s.ingest.deadLettered),
  );
  metric('duplicates_total', 'counter', 'Duplicate event ids dropped.', one(s.ingest.duplicates));
  metric('commits_total', 'counter', 'Offset commits stored.', one(s.ingest.commits));
  metric('files_landed_total', 'counter', 'Raw Parquet files landed and listed.', one(s.sink.filesLanded));
  metric('rows_landed_total', 'counter', 'Rows landed in listed Parquet files.', one(s.sink.rowsLanded));
  metric(
    'rows_rejected_total',
    'counter',
    'Rows whose unit the hierarchy does not know (dead-lettered).',
    one(s.sink.rowsRejected),
  );
  metric('messages_per_second', 'gauge', 'Messages read per second, last 10 s.', one(s.rates.messages));
  metric('rows_landed_per_second', 'gauge', 'Rows landed per second, last 10 s.', one(s.rates.rowsLanded));
  metric(
    'lag',
    'gauge',
    'Messages not yet committed, per partition.',
    s.lag.map((p) => [{ partition: String(p.partition) }, p.lag]),
  );
  metric('lag_total', 'gauge', 'Messages not yet committed, all partitions.', one(s.totalLag));
  metric('buffered_rows', 'gauge', 'Rows in memory, not yet in a listed file.', one(s.bufferedRows));
  metric(
    'oldest_buffered_seconds',
    'gauge',
    'Age of the oldest buffered row (staleness of readers).',
    one(s.oldestBufferedSeconds),
  );
  metric('manifest_generation', 'gauge', 'Generation of manifest.json.', one(s.manifest.generation));
  metric('manifest_files', 'gauge', 'Event files listed.', one(s.manifest.files));
  metric('manifest_rows', 'gauge', 'Rows in the listed event files.', one(s.manifest.rows));
  metric('compaction_passes_total', 'counter', 'Compaction passes run.', one(s.sink.compactionPasses));
  metric('compacted_rows_total', 'counter', 'Rows rewritten by compaction.', one(s.sink.compactedRows));
  metric(
    'compaction_rows_per_second',
    'gauge',
    'Rows per second of the last compaction that merged files.',
    one(s.sink.compactionRowsPerSecond),
  );
  metric('rollup_passes_total', 'counter', 'Rollup updates run.', one(s.sink.rollupPasses));
  metric('rollup_months_pending', 'gauge', 'Months waiting for a rollup update.', one(s.rollupMonthsPending));
  metric('rollup_seconds', 'gauge', 'Seconds the last rollup update took.', one(s.sink.rollupSeconds));
  return `${lines.join('\n')}\n`;
}
