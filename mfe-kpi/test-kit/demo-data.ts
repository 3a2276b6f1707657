// A data root as the pipeline lays it out (`events/type=…/province=…/month=…/*.parquet` + `manifest.json`),
// written from the demo generator with the pipeline's own Arrow batch builder and Parquet encoder: one
// compacted file per partition. For the browser suites, the screenshots and the benchmark; the pipeline's
// real sink and compaction produce the same shape.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadHierarchy } from '@vwu/contracts/node';
import {
  UnitResolver,
  buildEventBatch,
  buildWorld,
  compactedFileName,
  generateEvents,
  occurredAtMs,
  parquetWasmEncoder,
  partitionDir,
  vietnamMonth,
  type DemoScale,
  type Manifest,
  type ManifestFile,
  type SinkRecord,
} from '@vwu/pipeline';
import type { ActivityEvent, EventType } from '@vwu/contracts';

/** What to write. */
export interface DemoDataOptions {
  /** Directory to (re)create. */
  out: string;
  scale: DemoScale;
  seed?: number;
  /** First and last day generated, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** Current province keys to keep (default: every province of the scale). */
  provinces?: readonly string[];
  /** Event types to keep (default: all). */
  types?: readonly string[];
}

/** What was written. */
export interface DemoData {
  root: string;
  manifest: Manifest;
  events: number;
  bytes: number;
}

interface Bucket {
  type: EventType;
  province: string;
  month: string;
  records: SinkRecord[];
}

/**
 * Generates demo events and writes them as a data root with its manifest.
 *
 * @example const { manifest } = writeDemoData({ out: '/tmp/data', scale: 'small', from: '2025-07-01', to: '2025-10-31' });
 */
export function writeDemoData(options: DemoDataOptions): DemoData {
  const hierarchy = loadHierarchy();
  const resolver = new UnitResolver(hierarchy);
  const world = buildWorld(hierarchy, options.seed ?? 2025, options.scale);
  const keepProvince =
    options.provinces === undefined ? () => true : (p: string) => options.provinces!.includes(p);
  const keepType = options.types === undefined ? () => true : (t: string) => options.types!.includes(t);
  const buckets = new Map<string, Bucket>();
  let offset = 0;
  let events = 0;
  for (const batch of generateEvents(world, { from: options.from, to: options.to })) {
    for (const event of batch as ActivityEvent[]) {
      if (!keepType(event.type)) continue;
      const province = resolver.resolve(event.unit_code).currentProvince;
      if (!keepProvince(province)) continue;
      const at = occurredAtMs(event);
      const month = vietnamMonth(at);
      const id = `${event.type}|${province}|${month}`;
      let bucket = buckets.get(id);
      if (bucket === undefined) {
        bucket = { type: event.type, province, month, records: [] };
        buckets.set(id, bucket);
      }
      bucket.records.push({ event, partition: 0, offset: offset++, ingestedAt: at });
      events += 1;
    }
  }

  rmSync(options.out, { recursive: true, force: true });
  const encoder = parquetWasmEncoder();
  const files: ManifestFile[] = [];
  let bytes = 0;
  for (const bucket of [...buckets.values()].sort((a, b) =>
    (a.type + a.province + a.month).localeCompare(b.type + b.province + b.month),
  )) {
    bucket.records.sort((a, b) => occurredAtMs(a.event) - occurredAtMs(b.event) || a.offset - b.offset);
    const data = encoder.encode([buildEventBatch(bucket.records, resolver)]);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const path = `${partitionDir(bucket)}/${compactedFileName(sha256)}`;
    mkdirSync(dirname(join(options.out, path)), { recursive: true });
    writeFileSync(join(options.out, path), data);
    const first = bucket.records[0]!;
    const last = bucket.records[bucket.records.length - 1]!;
    const offsets = bucket.records.reduce(
      (range, r) => ({ min: Math.min(range.min, r.offset), max: Math.max(range.max, r.offset) }),
      { min: Infinity, max: -Infinity },
    );
    files.push({
      path,
      type: bucket.type,
      province: bucket.province,
      month: bucket.month,
      rows: bucket.records.length,
      bytes: data.byteLength,
      min_time: new Date(first.ingestedAt).toISOString(),
      max_time: new Date(last.ingestedAt).toISOString(),
      sha256,
      source: {
        compacted_from: 1,
        offsets: [{ partition: 0, first_offset: offsets.min, last_offset: offsets.max }],
      },
    });
    bytes += data.byteLength;
  }
  const manifest: Manifest = {
    version: 1,
    generation: 1,
    generated_at: new Date().toISOString(),
    files,
    retired: [],
    rollups: [],
  };
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return { root: options.out, manifest, events, bytes };
}
